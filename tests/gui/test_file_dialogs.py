"""The application's file dialogs (ui/file_dialogs): Qt's own dialog in the interface's language — Vietnamese labels,
buttons and column headers from resources/i18n/qt_vi.qm — opening in the folder last used for the same purpose, else
in the person's data folder, never the folder the program was started from. Driven with the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel, QPushButton, QTreeView
from pytestqt.qtbot import QtBot

from ocop_desktop.paths import user_data_dir
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.i18n import current_lang, install

REAL_EXEC = QDialog.exec  # taken before the autouse fixture refuses modal dialogs: these tests answer theirs


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDialog, "exec", REAL_EXEC)


@pytest.fixture
def vietnamese(qapp: QApplication) -> Iterator[None]:
    install(qapp, "vi")
    yield
    install(qapp, "vi")


def close_if_open(dialog: QDialog) -> None:
    """The keys should have closed the dialog; if not, close it, so that the test fails instead of hanging."""
    if dialog.isVisible():
        dialog.reject()


def words(dialog: QFileDialog) -> dict[str, object]:
    """What the person reads on the dialog."""
    labels = {label.objectName(): label.text().replace("&", "") for label in dialog.findChildren(QLabel)}
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model = view.model()
    return {
        "look_in": labels["lookInLabel"],
        "file_name": labels["fileNameLabel"],
        "file_type": labels["fileTypeLabel"],
        "buttons": sorted(b.text().replace("&", "") for b in dialog.findChildren(QPushButton) if b.isVisible()),
        "columns": [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())],
    }


def test_the_file_dialog_opens_in_the_remembered_folder_in_vietnamese(
    qtbot: QtBot, answered: None, vietnamese: None, tmp_path: Path
) -> None:
    assert current_lang() == "vi"
    folder = tmp_path / "Danh sách hồ sơ"
    folder.mkdir()
    (folder / "dot-1.xlsx").write_bytes(b"")
    file_dialogs.remember_folder("dossier-list", folder)
    seen: dict[str, object] = {}

    def look_then_choose() -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        seen["folder"] = Path(dialog.directory().absolutePath())
        seen.update(words(dialog))
        QTest.keyClicks(QApplication.focusWidget(), "dot-1.xlsx")
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        close_if_open(dialog)

    QTimer.singleShot(0, look_then_choose)
    chosen = file_dialogs.open_file(None, "dossier-list", "Chọn tệp Excel", "Excel (*.xlsx)")
    assert seen["folder"] == folder
    assert seen["look_in"] == "Tìm trong:"
    assert seen["file_name"] == "Tên tệp:"
    assert seen["file_type"] == "Loại tệp:"
    assert seen["buttons"] == ["Hủy", "Mở"]
    assert seen["columns"] == ["Tên", "Kích thước", "Loại", "Ngày sửa đổi"]
    assert chosen == folder / "dot-1.xlsx"


def test_a_save_dialog_never_starts_in_the_working_folder_and_remembers_where_it_saved(
    qtbot: QtBot, answered: None, vietnamese: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    seen: list[Path] = []
    target = tmp_path / "xuat"
    target.mkdir()

    def save_into(folder: Path) -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.append(Path(dialog.directory().absolutePath()))
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        field = QApplication.focusWidget()
        field.selectAll()  # type: ignore[attr-defined]
        QTest.keyClicks(field, str(folder / "san-pham"))
        QTest.keyClick(field, Qt.Key.Key_Return)
        close_if_open(dialog)

    QTimer.singleShot(0, lambda: save_into(target))
    first = file_dialogs.save_file(None, "province-export", "Xuất", "Excel (*.xlsx)", "x.xlsx", suffix="xlsx")
    assert seen[0] == user_data_dir() != tmp_path
    assert first == target / "san-pham.xlsx"  # the suffix added to a name typed without one
    QTimer.singleShot(0, lambda: save_into(target))
    file_dialogs.save_file(None, "province-export", "Xuất", "Excel (*.xlsx)", "x.xlsx", suffix="xlsx")
    assert seen[1] == target
    assert file_dialogs.start_folder("another-purpose") == user_data_dir()


def test_in_english_the_file_dialog_speaks_qts_english(qtbot: QtBot, qapp: QApplication) -> None:
    try:
        assert install(qapp, "en")
        dialog = file_dialogs.make_dialog(None, "attachments", "Add", "PDF (*.pdf)")
        qtbot.addWidget(dialog)
        dialog.show()
        shown = words(dialog)
        assert (shown["look_in"], shown["file_name"], shown["columns"]) == (
            "Look in:",
            "File name:",
            ["Name", "Size", "Type", "Date Modified"],
        )
    finally:
        install(qapp, "vi")
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "Tê&n tệp:"
