"""Every open, save and folder dialog of the application goes through here: Qt's own dialog rather than the
system's, so that its words follow the interface's language (Qt's words in Vietnamese: resources/i18n/qt_vi.qm),
opening in the folder last used for the same purpose, else in the person's data folder — never in the folder the
program happened to be started from. `purpose` names what the file is for ("excel", "exchange", "data-file"…); each
purpose remembers its own folder in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QHeaderView, QTreeView, QWidget

from ocop_desktop.paths import user_data_dir

SETTINGS_GROUP = "file_dialogs"


def start_folder(purpose: str, fallback: Path | None = None) -> Path:
    """The folder last used for `purpose` if it is still there, else `fallback` when it is a folder, else the
    person's data folder (made if needed), else their home folder."""
    remembered = QSettings().value(f"{SETTINGS_GROUP}/{purpose}")
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    if fallback is not None and fallback.is_dir():
        return fallback
    folder = user_data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return folder


def remember_folder(purpose: str, folder: Path) -> None:
    QSettings().setValue(f"{SETTINGS_GROUP}/{purpose}", str(folder))


def make_dialog(
    parent: QWidget | None, purpose: str, title: str, filters: str = "", fallback: Path | None = None
) -> QFileDialog:
    """Qt's own file dialog, starting in `start_folder(purpose, fallback)`; `filters` as Qt writes them
    ("Excel (*.xlsx)", several separated by ";;")."""
    dialog = QFileDialog(parent, title, str(start_folder(purpose, fallback)), filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    details = dialog.findChild(QTreeView, "treeView")
    if details is not None:  # size, type and date as wide as their words (Vietnamese headers are longer)
        for column in (1, 2, 3):
            details.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def _run(dialog: QFileDialog, purpose: str) -> list[Path]:
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    chosen = [Path(name) for name in dialog.selectedFiles()]
    if chosen:
        first = chosen[0]
        remember_folder(purpose, first if dialog.fileMode() == QFileDialog.FileMode.Directory else first.parent)
    return chosen


def open_file(parent: QWidget | None, purpose: str, title: str, filters: str) -> Path | None:
    """One existing file, or None when cancelled."""
    dialog = make_dialog(parent, purpose, title, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return next(iter(_run(dialog, purpose)), None)


def open_files(parent: QWidget | None, purpose: str, title: str, filters: str) -> list[Path]:
    """Several existing files; none when cancelled."""
    dialog = make_dialog(parent, purpose, title, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog, purpose)


def save_file(
    parent: QWidget | None,
    purpose: str,
    title: str,
    filters: str,
    name: str,
    *,
    suffix: str = "",
    fallback: Path | None = None,
) -> Path | None:
    """Where to write a new file, `name` proposed, in `start_folder(purpose, fallback)`; `suffix` ("xlsx") is added
    to a name typed without one. Qt asks before replacing a file that is there. None when cancelled."""
    dialog = make_dialog(parent, purpose, title, filters, fallback)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    if suffix:
        dialog.setDefaultSuffix(suffix)
    dialog.selectFile(name)
    return next(iter(_run(dialog, purpose)), None)


def choose_folder(parent: QWidget | None, purpose: str, title: str, current: str | Path = "") -> Path | None:
    """A folder: `current` (what a field already holds) when it is one, else `start_folder(purpose)`. None when
    cancelled."""
    dialog = make_dialog(parent, purpose, title)
    if current and Path(current).is_dir():
        dialog.setDirectory(str(current))
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return next(iter(_run(dialog, purpose)), None)
