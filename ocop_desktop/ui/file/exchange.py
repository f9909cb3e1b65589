"""Exchange files in the window: the preview of an import (what each file would bring, its code and key, why a file
is refused or conflicts), where an officer may accept an unregistered key for this import only; and the choice of
files to import or the place to export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.messages import describe
from ocop_desktop.services.exchange_import import FileReport, ImportReport, Outcome
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.dialogs import Dialog, name_buttons
from ocop_desktop.ui.i18n import current_lang, tr
from ocop_desktop.ui.widgets import table_rows
from ocop_desktop.ui.words import outcome_text

FILTER = "OCOP (*.ocop)"


def choose_exchange_files(parent: QWidget) -> list[Path]:
    return file_dialogs.open_files(parent, "exchange", tr("Chọn tệp trao đổi cần nhập"), FILTER)


def choose_export_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to write an exchange file, `suggested` (a file name) proposed."""
    return file_dialogs.save_file(parent, "exchange", tr("Lưu tệp trao đổi"), FILTER, suggested, suffix="ocop")


def changes_text(file: FileReport) -> str:
    new = sum(c["new"] for c in file.changes.values())
    changed = sum(c["changed"] for c in file.changes.values())
    kept = sum(c["kept"] for c in file.changes.values())
    if not file.changes:
        return "—"
    return tr("{new} mới, {changed} thay đổi, {kept} giữ nguyên").format(new=new, changed=changed, kept=kept)


class ExchangeImportDialog(Dialog):
    """The preview; "Nhập" is enabled when at least one file would be taken in. Ticking an unregistered key asks
    for the preview again with that key accepted (nothing is taken in on a preview the officer has not seen)."""

    def __init__(self, parent: QWidget | None, report: ImportReport, accepted: frozenset[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Nhập tệp trao đổi — xem trước"))
        self.previewed_keys = accepted  # not `accepted`: that is QDialog's signal
        lang = current_lang()
        headers = [tr("Tệp"), tr("Hội đồng — Đợt"), tr("Lần gửi"), tr("Mã xác thực"), tr("Khóa"), tr("Kết quả nhập"),
                   tr("Thay đổi")]  # fmt: skip
        self.table = QTableWidget(len(report.files), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        unknown: dict[str, str] = {}
        for row, file in enumerate(report.files):
            m = file.manifest
            if file.key_accepted or any(p.code == "import.untrusted_key" for p in file.problems):
                unknown[m["key_id"]] = m.get("council_name", "")
            key = m.get("key_id", "—")
            if file.issuer is not None:
                key += f" ({file.issuer or tr('chính máy này')})"
            elif m.get("key_id") in unknown:
                key += f" ({tr('chưa đăng ký')})"
            values = (
                file.source.name,
                f"{m.get('council_name', '—')} — {m.get('round_name', '—')}",
                m.get("revision", "—"),
                file.fingerprint or "—",
                key,
                outcome_text(file, report.dry_run),
                changes_text(file),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in (1, 4):  # long council names and issuers: the whole text is in the tooltip
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        self.table.horizontalHeader().setStretchLastSection(True)

        self.messages = QListWidget()
        self.messages.setWordWrap(True)
        for file in report.files:
            for problem in file.problems:
                self.messages.addItem(f"✗ {describe(problem, lang)}")
            for note in file.notes:
                self.messages.addItem(f"• {describe(note, lang)}")
        self.messages.setVisible(self.messages.count() > 0)

        self.keys: dict[str, QCheckBox] = {}
        for key, council in sorted(unknown.items()):
            box = QCheckBox(
                tr(
                    "Chấp nhận khóa {key} ({council}) cho lần nhập này — đã đối chiếu mã với giấy tờ; ghi nhật ký"
                ).format(key=key, council=council)
            )
            box.setChecked(key in accepted)
            box.toggled.connect(self._keys_changed)
            self.keys[key] = box

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(buttons)
        self.go: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.would_import = sum(1 for f in report.files if f.outcome is Outcome.IMPORTED)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        summary = QLabel(
            tr(
                "{count} tệp sẽ được nhập (sao lưu trước khi nhập; mỗi tệp nhập trọn vẹn hoặc không nhập).",
                count=self.would_import,
            )
        )
        summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.messages, 1)
        for box in self.keys.values():
            layout.addWidget(box)
        layout.addWidget(buttons)
        self._keys_changed()
        self.resize(1250, 520)

    def accepted_keys(self) -> frozenset[str]:
        return frozenset(key for key, box in self.keys.items() if box.isChecked())

    def wants_new_preview(self) -> bool:
        return self.accepted_keys() != self.previewed_keys

    def _keys_changed(self) -> None:
        if self.wants_new_preview():
            self.go.setText(tr("Xem trước lại"))
            self.go.setEnabled(True)
        else:
            self.go.setText(tr("Nhập {count} tệp", count=self.would_import))
            self.go.setEnabled(self.would_import > 0)

    def rows(self) -> list[list[str]]:
        return table_rows(self.table)

    def message_texts(self) -> list[str]:
        return [self.messages.item(i).text() for i in range(self.messages.count())]
