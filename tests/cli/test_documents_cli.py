"""`ocop-desktop documents` while a product is being scored: the filled sheets are refused naming the product and
how many members have still to submit (its figures are secret), and `--blank` prints the sheets to hand out."""

from __future__ import annotations

from pathlib import Path

import pytest

from ocop_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main
from ocop_desktop.persistence.database import Database
from tests.integration.meeting import NAMES, build_meeting


def test_secret_figures_refuse_the_filled_sheets_and_blank_sheets_print(
    empty_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    m = build_meeting(empty_db)
    for name in NAMES[:3]:
        m.score("QD26-2026-07", name)
    out = tmp_path / "tai-lieu"
    command = ["documents", "--db", str(empty_db.path), "--round", m.round_id, "--out", str(out), "--kind", "sheets"]
    assert main(command) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "Sản phẩm QD26-2026-07" in err and "còn 2 trong 5 thành viên chưa nộp" in err and "Traceback" not in err
    assert not out.exists()
    assert main([*command, "--blank"]) == EXIT_OK
    assert (out / "phieu-danh-gia.pdf").stat().st_size > 0
