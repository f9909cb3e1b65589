"""The member PIN dialog on the shared laptop says that a PIN is locked after repeated wrong tries, and until when
(issue 14, point 8): a right PIN typed during the lock does not let anyone in."""

from __future__ import annotations

import shutil
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from ocop_desktop.models import CouncilMember
from ocop_desktop.persistence.database import Database
from ocop_desktop.services.accounts import FREE_FAILURES
from ocop_desktop.services.demo import demo_member_pins
from ocop_desktop.ui.dialogs import MemberPinDialog


def test_the_pin_dialog_says_the_pin_is_locked_and_until_when(
    qtbot: QtBot, rehearsal_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / rehearsal_template.name
    shutil.copyfile(rehearsal_template, path)
    with Database.open(path) as db:
        name, pin = demo_member_pins(db)[0]
        with db.reading() as s:
            member_id = s.scalars(select(CouncilMember.id).where(CouncilMember.full_name == name)).one()
        dialog = MemberPinDialog(db, [(member_id, name)])
        qtbot.addWidget(dialog)
        dialog.member.setCurrentIndex(0)
        for _ in range(FREE_FAILURES):
            dialog.pin.setText("0000" if pin != "0000" else "1111")
            dialog._accept()
            assert dialog.actor is None and "không đúng" in dialog.message.text()
        dialog.pin.setText(pin)
        dialog._accept()
        assert dialog.actor is None and dialog.result() != MemberPinDialog.DialogCode.Accepted
        said = dialog.message.text()
        assert f"Mã PIN của {name} tạm khóa do nhập sai nhiều lần" in said and "(lúc " in said
        assert "Traceback" not in said
