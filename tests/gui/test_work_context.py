"""The work context's one guard hands the action what it may rely on: the open file and the person signed in, and
the round and dossier only when it asked for them — so an action never acts on a round it did not check."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from ocop_desktop.domain.enums import Role
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.actor import Actor
from ocop_desktop.services.permissions import Permission
from ocop_desktop.ui.context import WorkContext

SECRETARY = Actor("u-secretary", "thu-ky", frozenset({Role.SECRETARY}))
MEMBER = Actor("u-member", "thanh-vien", frozenset({Role.MEMBER}))


def test_nothing_is_granted_without_a_file_or_a_person(empty_db: Database) -> None:
    ctx = WorkContext()
    assert ctx.requires() is None
    ctx.open_file(empty_db, None)
    assert ctx.requires() is None  # a file, but nobody signed in
    ctx.set_actor(SECRETARY)
    work = ctx.requires()
    assert work is not None
    assert work.db is empty_db and work.actor is SECRETARY


def test_the_round_and_dossier_are_granted_only_when_asked_for_and_chosen(empty_db: Database) -> None:
    ctx = WorkContext()
    ctx.open_file(empty_db, SECRETARY)
    assert ctx.requires(round=True) is None  # no round chosen yet
    ctx.set_round("r-1")
    assert ctx.requires(dossier=True) is None  # no dossier chosen yet
    granted = ctx.requires(round=True)
    assert granted is not None and granted.round_id == "r-1"
    ctx.set_dossier("d-1")
    work = ctx.requires(dossier=True)
    assert work is not None
    assert (work.round_id, work.dossier_id) == ("r-1", "d-1")
    unasked = ctx.requires()
    assert unasked is not None
    with pytest.raises(RuntimeError, match="round=True"):
        _ = unasked.round_id  # chosen, but this guard did not check it
    with pytest.raises(RuntimeError, match="dossier=True"):
        _ = unasked.dossier_id


def test_a_permission_the_person_lacks_grants_nothing(empty_db: Database) -> None:
    ctx = WorkContext()
    ctx.open_file(empty_db, MEMBER)
    assert ctx.requires(permission=Permission.SET_UP_ROUND) is None
    ctx.set_actor(SECRETARY)
    assert ctx.requires(permission=Permission.SET_UP_ROUND) is not None


def test_the_window_reads_the_agenda_once_when_a_file_opens(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The product list and the round page show the same reading of the round (issue 17: on a 20,000-product file
    each reading costs a second, and opening read it three times); after a change it is read again."""
    from ocop_desktop.services import queries
    from ocop_desktop.ui.context import Change
    from ocop_desktop.ui.main_window import MainWindow

    calls: list[str] = []
    real = queries.round_view

    def counted(db: Database, round_id: str, *, actor: Actor) -> queries.RoundView:
        calls.append(round_id)
        return real(db, round_id, actor=actor)

    monkeypatch.setattr(queries, "round_view", counted)
    window = MainWindow(demo_db, SECRETARY)
    qtbot.addWidget(window)
    window.show()
    assert len(calls) == 1
    view = window.ctx.round_view()
    assert view is not None and window.round_page.model.rowCount() == len(view.dossiers) == 12
    assert window.dossier_box.count() == 12
    window.ctx.notify(Change.DATA)  # stored data changed: the next reading is a new one
    assert len(calls) == 2


def test_the_window_starts_without_the_document_libraries() -> None:
    """ReportLab, openpyxl and PDFium come with the first document, workbook or preview, not with the window."""
    code = "import sys, ocop_desktop.ui.app; print(sorted({'reportlab', 'openpyxl', 'pypdfium2'} & set(sys.modules)))"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "[]"
