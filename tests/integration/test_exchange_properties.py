"""Properties of taking council files into a province database, drawn by Hypothesis: taking a file in again adds
nothing at all, and the order in which independent councils' files arrive — one by one or in one batch — does not
change what the province holds.

The independent files are one exported demo round and two copies of it turned into other councils' rounds: every
id made new (`exchange_helpers.rekey`), product codes and decision and certificate numbers moved out of each
other's way, and signed again with the installation's key. That is what two more councils would send, at a small
fraction of the cost of building two more demo rounds."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from ocop_desktop.models import Round
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.actor import SYSTEM
from ocop_desktop.services.exchange import export_round
from ocop_desktop.services.exchange_import import Outcome, import_files
from tests.exchange_helpers import Dump, dump, logical_dump, other_council

COUNCILS = 3
# each example takes in up to three files of about 1,500 choices: a handful of examples say enough, and an
# import's time varies with the disk (no deadline)
FEW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@dataclass
class Councils:
    """The councils' files, an empty province database to copy for each example, and where to put the copies."""

    files: list[Path]
    empty: Path
    folders: pytest.TempPathFactory

    def province(self) -> Database:
        """A fresh province database for one example (a fixture would be shared by all of Hypothesis's examples)."""
        path = self.folders.mktemp("tinh") / "tinh.ocopdb"
        shutil.copyfile(self.empty, path)
        return Database.open(path, daily_backup=False, quick_check=False)


@pytest.fixture(scope="module")
def councils(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Councils:
    folder = tmp_path_factory.mktemp("councils")
    council_path = folder / "council.ocopdb"
    shutil.copyfile(demo_template, council_path)
    with Database.open(council_path, daily_backup=False) as council:
        with council.reading() as s:
            round_id = s.scalars(select(Round.id)).one()
        first = export_round(council, actor=SYSTEM, round_id=round_id, out=folder / "hoi-dong-0.ocop").path
    files = [first] + [other_council(first, folder / f"hoi-dong-{n}.ocop", n) for n in range(1, COUNCILS)]
    empty = folder / "empty.ocopdb"
    Database.open(empty, create=True, daily_backup=False).close()
    return Councils(files, empty, tmp_path_factory)


@FEW
@given(chosen=st.lists(st.integers(0, COUNCILS - 1), min_size=1, max_size=COUNCILS, unique=True), data=st.data())
def test_taking_a_file_in_again_adds_nothing_at_all(councils: Councils, chosen: list[int], data: st.DataObject) -> None:
    """import(a); import(a) == import(a), compared on the whole database — the register and the audit trail
    included, times and all: a file already held is recognised before anything is written."""
    again = data.draw(st.sampled_from(chosen), label="again")
    with councils.province() as province:
        first = import_files(province, [councils.files[n] for n in chosen], actor=SYSTEM)
        assert [f.outcome for f in first.files] == [Outcome.IMPORTED] * len(chosen)
        once = dump(province)
        report = import_files(province, [councils.files[again]], actor=SYSTEM)
        assert report.files[0].outcome is Outcome.ALREADY
        assert dump(province) == once


@pytest.fixture(scope="module")
def in_order(councils: Councils) -> Dump:
    """The province after the files came in the order they were made, one by one: what every order must give."""
    with councils.province() as province:
        assert import_files(province, councils.files, actor=SYSTEM).ok
        return logical_dump(province)


@FEW
@given(order=st.permutations(range(COUNCILS)), batch=st.booleans())
def test_the_order_of_independent_files_does_not_change_the_result(
    councils: Councils, in_order: Dump, order: list[int], batch: bool
) -> None:
    """Any order, one batch or one file at a time: the same logical content (`exchange_helpers.logical_dump`:
    everything but when each file came in and what each import reports having done)."""
    files = [councils.files[n] for n in order]
    with councils.province() as province:
        reports = [import_files(province, files, actor=SYSTEM)] if batch else [
            import_files(province, [f], actor=SYSTEM) for f in files
        ]  # fmt: skip
        assert all(r.ok for r in reports) and sum(len(r.files) for r in reports) == COUNCILS
        assert logical_dump(province) == in_order


def test_the_logical_dump_still_tells_a_difference(councils: Councils, in_order: Dump) -> None:
    """The comparison above is not blind: two of the three files are not the same content as three; the third,
    taken in later, makes it so."""
    with councils.province() as province:
        assert import_files(province, councils.files[:2], actor=SYSTEM).ok
        assert logical_dump(province) != in_order
        assert import_files(province, councils.files[2:], actor=SYSTEM).ok
        assert logical_dump(province) == in_order
