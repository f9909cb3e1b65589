"""The council's signing key from the window: unlock it with the passphrase when something is to be signed (kept in
memory for this session only), create it (passphrase typed twice) or protect an older unencrypted one, change the
passphrase, export the public key file and save the registration form; and the registry of trusted keys, where a
key is added only after the officer confirms its key id matches the paper form, and revoked from a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.dates import format_vi_date, parse_vi_date
from ocop_desktop.domain.errors import Problem, UserFacingError
from ocop_desktop.messages import describe
from ocop_desktop.persistence.keys import MIN_PASSPHRASE, InstallationKey, PublicKeyFile, TrustedKey
from ocop_desktop.services import council_key
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.dialogs import Dialog, confirm, inform, name_buttons, show_error
from ocop_desktop.ui.i18n import current_lang, tr

KEY_ID_STYLE = "font-size: 20pt; font-weight: bold; letter-spacing: 1px;"


def _words(exc: UserFacingError) -> str:
    return "\n".join(describe(p, current_lang()) for p in exc.problems)


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def choose_save_path(parent: QWidget, title: str, default: Path, pattern: str) -> Path | None:
    """Where to write a key's file: `default`'s name proposed, in its folder until another is used."""
    return file_dialogs.save_file(parent, "keys", title, pattern, default.name, fallback=default.parent)


def choose_public_key_file(parent: QWidget) -> Path | None:
    return file_dialogs.open_file(
        parent, "keys", tr("Chọn tệp khóa công khai của hội đồng"), tr("Tệp khóa công khai (*.json *.txt)")
    )


class _Form(Dialog):
    """A small form with a message line for what went wrong and the project's words on the buttons."""

    def __init__(self, parent: QWidget | None, title: str, intro: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.layout_ = QVBoxLayout(self)
        text = QLabel(intro)
        text.setWordWrap(True)
        self.layout_.addWidget(text)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a00;")
        self.layout_.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def _accept(self) -> None:
        self.message.clear()
        try:
            self.act()
        except UserFacingError as exc:
            self.message.setText(_words(exc))
            return
        self.accept()

    def act(self) -> None:
        raise NotImplementedError


class UnlockDialog(_Form):
    """The passphrase, once; a wrong one is said in the dialog, which stays open for another try."""

    def __init__(self, parent: QWidget | None, folder: Path | None = None) -> None:
        stored = council_key.current(folder)
        intro = tr(
            "Nhập cụm mật khẩu của khóa ký {key_id} để ký giấy chứng nhận. Khóa được giữ mở đến khi đóng ứng dụng."
        ).format(key_id=stored.key_id if stored else "")
        super().__init__(parent, tr("Mở khóa ký của hội đồng"), intro)
        self.folder = folder
        self.key: InstallationKey | None = None
        self.passphrase = _password_field()
        self.form.addRow(tr("Cụm mật khẩu"), self.passphrase)

    def act(self) -> None:
        try:
            self.key = council_key.unlock(self.passphrase.text(), folder=self.folder)
        finally:
            self.passphrase.clear()


class NewPassphraseDialog(_Form):
    """Choose a passphrase, typed twice: for a new key (with the council's name), for an older unencrypted key it
    then protects (same key), or in place of the current one (which is asked first)."""

    def __init__(self, parent: QWidget | None, mode: str, *, issuer: str = "", folder: Path | None = None) -> None:
        rule = tr(
            "Cụm mật khẩu cần ít nhất {minimum} ký tự; nên dùng vài từ dễ nhớ, khó đoán. Không ai khôi phục "
            "được cụm mật khẩu đã quên: khi đó phải tạo khóa mới và đăng ký lại."
        ).format(minimum=MIN_PASSPHRASE)
        intros = {
            "create": tr(
                "Tạo khóa ký của hội đồng. Khóa dùng để ký giấy chứng nhận và tệp kết quả gửi tỉnh; "
                "khóa bí mật được mã hóa bằng cụm mật khẩu do Chủ tịch hội đồng chọn."
            ),
            "protect": tr(
                "Khóa ký của máy này đang lưu không mã hóa (tệp cũ). Đặt cụm mật khẩu để bảo vệ nó: "
                "vẫn là khóa cũ, các giấy chứng nhận đã in vẫn hợp lệ."
            ),
            "change": tr("Đổi cụm mật khẩu của khóa ký. Khóa vẫn giữ nguyên, không phải đăng ký lại."),
        }
        titles = {
            "create": tr("Tạo khóa ký của hội đồng"),
            "protect": tr("Bảo vệ khóa ký bằng cụm mật khẩu"),
            "change": tr("Đổi cụm mật khẩu"),
        }
        super().__init__(parent, titles[mode], f"{intros[mode]}\n\n{rule}")
        self.mode, self.folder = mode, folder
        self.key: InstallationKey | None = None
        self.issuer = QLineEdit(issuer)
        self.old = _password_field()
        self.first = _password_field()
        self.again = _password_field()
        if mode == "create":
            self.form.addRow(tr("Tên hội đồng / đơn vị"), self.issuer)
        if mode == "change":
            self.form.addRow(tr("Cụm mật khẩu hiện tại"), self.old)
        self.form.addRow(tr("Cụm mật khẩu mới"), self.first)
        self.form.addRow(tr("Nhập lại cụm mật khẩu"), self.again)

    def act(self) -> None:
        try:
            if self.mode == "change":
                self.key = council_key.change(self.old.text(), self.first.text(), self.again.text(), folder=self.folder)
            else:
                issuer = self.issuer.text() if self.mode == "create" else ""
                self.key = council_key.create(self.first.text(), self.again.text(), issuer=issuer, folder=self.folder)
        finally:
            for field in (self.old, self.first, self.again):
                field.clear()


def obtain_signing_key(
    parent: QWidget | None, *, issuer: str = "", folder: Path | None = None
) -> InstallationKey | None:
    """The key to sign with, asking only what is needed: nothing when it is already open in this session, the
    passphrase when it is locked, a passphrase to choose when the key is an older unencrypted one, and an offer to
    create it when there is none. None when the person cancels."""
    key = council_key.unlocked(folder)
    stored = council_key.current(folder)
    if key is not None and (stored is None or stored.protected):
        return key
    if stored is None:
        if not confirm(
            parent,
            tr("Chưa có khóa ký"),
            tr("Giấy chứng nhận được ký bằng khóa ký của hội đồng, nhưng máy này chưa có khóa. Tạo khóa ngay?"),
        ):
            return None
        dialog = NewPassphraseDialog(parent, "create", issuer=issuer, folder=folder)
    elif not stored.protected:
        dialog = NewPassphraseDialog(parent, "protect", folder=folder)
    else:
        unlock = UnlockDialog(parent, folder)
        return unlock.key if unlock.exec() == QDialog.DialogCode.Accepted else None
    return dialog.key if dialog.exec() == QDialog.DialogCode.Accepted else None


class CouncilKeyDialog(Dialog):
    """Khóa ký của hội đồng: the key id in large type, and the actions of the chair."""

    def __init__(
        self, parent: QWidget | None, *, council_name: str = "", council_id: str = "", folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Khóa ký của hội đồng"))
        self.setMinimumWidth(620)
        self.folder, self.council_name = folder, council_name
        # the council the key signs for, written in the public key file (the province binds the key to it)
        self.council = (council_id, council_name) if council_id else None
        self.key_id = QLabel()
        self.key_id.setStyleSheet(KEY_ID_STYLE)
        self.key_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(tr("ví dụ: Hội đồng đánh giá, phân hạng sản phẩm OCOP huyện …"))
        self.created = QLabel()
        form = QFormLayout()
        form.addRow(tr("Mã khóa"), self.key_id)
        form.addRow(tr("Tình trạng"), self.state)
        form.addRow(tr("Tên hội đồng / đơn vị"), self.issuer)
        form.addRow(tr("Ngày tạo"), self.created)
        self.create_button = QPushButton(tr("Tạo khóa…"))
        self.passphrase_button = QPushButton(tr("Đổi cụm mật khẩu…"))
        self.export_button = QPushButton(tr("Xuất tệp khóa công khai…"))
        self.form_button = QPushButton(tr("Lưu phiếu đăng ký khóa (PDF)…"))
        self.create_button.clicked.connect(self.create_key)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.export_button.clicked.connect(self.export_key)
        self.form_button.clicked.connect(self.save_form)
        actions = QGridLayout()
        actions.addWidget(self.create_button, 0, 0, 1, 2)  # one of these two is shown
        actions.addWidget(self.passphrase_button, 1, 0, 1, 2)
        actions.addWidget(self.export_button, 2, 0)
        actions.addWidget(self.form_button, 2, 1)
        help_text = QLabel(
            tr(
                "Gửi tỉnh tệp khóa công khai kèm phiếu đăng ký đã ký, đóng dấu (bằng đường công văn). "
                "Tỉnh đối chiếu mã khóa qua điện thoại trước khi tin cậy khóa."
            )
        )
        help_text.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(help_text)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        try:
            stored = council_key.current(self.folder)
        except UserFacingError as exc:
            self.key_id.setText("—")
            self.state.setText(_words(exc))
            stored = None
        self.stored = stored
        if stored is None:
            self.key_id.setText("—")
            self.state.setText(self.state.text() or tr("Chưa có khóa ký trên máy này"))
            self.created.setText("—")
        else:
            self.key_id.setText(stored.key_id)
            if not stored.protected:
                self.state.setText(tr("CHƯA BẢO VỆ: khóa cũ lưu không mã hóa; hãy đặt cụm mật khẩu"))
            elif council_key.unlocked(self.folder) is not None:
                self.state.setText(tr("Bảo vệ bằng cụm mật khẩu; đang mở trong phiên làm việc này"))
            else:
                self.state.setText(tr("Bảo vệ bằng cụm mật khẩu (Argon2id, AES-256-GCM)"))
            self.created.setText(format_vi_date(stored.created) if stored.created else "—")
        if not self.issuer.text():
            self.issuer.setText((stored.issuer if stored else "") or self.council_name)
        has_key = stored is not None
        protected = stored is not None and stored.protected
        self.create_button.setVisible(not protected)
        self.create_button.setText(tr("Tạo khóa…") if not has_key else tr("Đặt cụm mật khẩu…"))
        self.passphrase_button.setVisible(protected)
        self.export_button.setEnabled(has_key)
        self.form_button.setEnabled(has_key)

    def create_key(self) -> None:
        mode = "protect" if self.stored is not None else "create"
        dialog = NewPassphraseDialog(self, mode, issuer=self.issuer.text(), folder=self.folder)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def change_passphrase(self) -> None:
        dialog = NewPassphraseDialog(self, "change", folder=self.folder)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            inform(self, tr("Đổi cụm mật khẩu"), tr("Đã đổi cụm mật khẩu. Khóa ký giữ nguyên."))
            self.refresh()

    def _name(self) -> str:
        return self.stored.key_id.replace("-", "").lower()[:8] if self.stored else "khoa"

    def export_key(self) -> None:
        path = choose_save_path(
            self,
            tr("Lưu tệp khóa công khai"),
            documents_folder() / f"khoa-cong-khai-{self._name()}.json",
            tr("Tệp khóa công khai (*.json)"),
        )
        if path is None:
            return
        try:
            done = council_key.export(path, issuer=self.issuer.text(), folder=self.folder, council=self.council)
        except UserFacingError as exc:
            show_error(self, exc)
            return
        inform(self, tr("Xuất tệp khóa công khai"), tr("Đã ghi tệp {file}").format(file=done.file))
        self.refresh()

    def save_form(self) -> None:
        path = choose_save_path(
            self,
            tr("Lưu phiếu đăng ký khóa"),
            documents_folder() / f"phieu-dang-ky-khoa-{self._name()}.pdf",
            tr("Tệp PDF (*.pdf)"),
        )
        if path is None:
            return
        try:
            done = council_key.export(
                None, issuer=self.issuer.text(), form=path, folder=self.folder, council=self.council
            )
        except UserFacingError as exc:
            show_error(self, exc)
            return
        inform(
            self,
            tr("Phiếu đăng ký khóa"),
            tr("Đã ghi {file}. In phiếu, Chủ tịch hội đồng ký, đóng dấu và gửi tỉnh.").format(file=done.form),
        )


class ConfirmKeyDialog(Dialog):
    """Before a key is trusted: its key id in large type beside the name, and a box the officer ticks to say the id
    was compared with the paper form; OK stays disabled until then."""

    def __init__(self, parent: QWidget | None, found: PublicKeyFile) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Thêm khóa tin cậy"))
        self.setMinimumWidth(560)
        form = QFormLayout()
        self.issuer = QLabel(found.issuer or "—")
        self.issuer.setWordWrap(True)
        self.key_id = QLabel(found.key_id)
        self.key_id.setStyleSheet(KEY_ID_STYLE)
        form.addRow(tr("Hội đồng / đơn vị"), self.issuer)
        form.addRow(tr("Mã khóa"), self.key_id)
        form.addRow(tr("Ngày tạo khóa"), QLabel(format_vi_date(found.created) if found.created else "—"))
        council = f"{found.council_name} ({found.council_id})" if found.council_id else "—"
        form.addRow(tr("Ký cho hội đồng"), QLabel(council))
        self.compared = QCheckBox(
            tr("Tôi đã đối chiếu mã khóa này với phiếu đăng ký bản giấy (có chữ ký, con dấu) và qua điện thoại")
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.compared.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.compared)
        layout.addWidget(self.buttons)


class RevokeDialog(_Form):
    """Revoke a trusted key from a date, with the reason."""

    def __init__(self, parent: QWidget | None, entry: TrustedKey, folder: Path | None = None) -> None:
        intro = tr(
            "Thu hồi khóa {key_id} của «{issuer}». Tệp và giấy chứng nhận ký bằng khóa này từ ngày thu hồi bị "
            "từ chối; những gì ký trước ngày đó vẫn được nhận nhưng có đánh dấu."
        ).format(key_id=entry.key_id, issuer=entry.issuer)
        super().__init__(parent, tr("Thu hồi khóa"), intro)
        self.entry, self.folder = entry, folder
        self.since = QLineEdit(format_vi_date(dt.date.today()))
        self.reason = QLineEdit()
        self.form.addRow(tr("Thu hồi từ ngày (dd/mm/yyyy)"), self.since)
        self.form.addRow(tr("Lý do"), self.reason)

    def act(self) -> None:
        try:
            since = parse_vi_date(self.since.text())
        except ValueError:
            raise UserFacingError(
                [Problem("catalogue.bad_date", {"field": tr("ngày thu hồi"), "value": self.since.text()})]
            ) from None
        council_key.revoke(self.entry.key_id, since=since, reason=self.reason.text(), folder=self.folder)


class TrustedKeysDialog(Dialog):
    """Khóa tin cậy: the registry of the councils' keys this installation accepts."""

    COLUMNS = 5

    def __init__(self, parent: QWidget | None, *, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Khóa tin cậy (hội đồng, đơn vị cấp)"))
        self.resize(860, 420)
        self.folder = folder
        self.entries: list[TrustedKey] = []
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [tr("Hội đồng / đơn vị"), tr("Mã khóa"), tr("Ký cho hội đồng"), tr("Ngày thêm"), tr("Thu hồi từ ngày")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(tr("Thêm từ tệp…"))
        self.revoke_button = QPushButton(tr("Thu hồi…"))
        self.add_button.clicked.connect(self.add_from_file)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.empty = QLabel(
            tr("Chưa có khóa tin cậy nào. Thêm khóa từ tệp khóa công khai hội đồng gửi kèm phiếu đăng ký.")
        )
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_buttons(close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.entries = council_key.registry(self.folder)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            revoked = (
                f"{format_vi_date(entry.revoked.since)} — {entry.revoked.reason}" if entry.revoked is not None else ""
            )
            added = format_vi_date(entry.added) if entry.added else "—"
            council = f"{entry.council_name} ({entry.council_id})" if entry.council_id else "—"
            for column, text in enumerate((entry.issuer, entry.key_id, council, added, revoked)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.entries)
        self._update_buttons()

    def selected(self) -> TrustedKey | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.entries[rows.pop()] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.revoke_button.setEnabled(entry is not None and entry.revoked is None)

    def add_from_file(self) -> None:
        path = choose_public_key_file(self)
        if path is None:
            return
        try:
            found = council_key.read_public_key_file(path)
        except UserFacingError as exc:
            show_error(self, exc)
            return
        if ConfirmKeyDialog(self, found).exec() != QDialog.DialogCode.Accepted:
            return
        council_key.trust(found, source=path.name, folder=self.folder)
        self.refresh()

    def revoke_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        if RevokeDialog(self, entry, self.folder).exec() == QDialog.DialogCode.Accepted:
            self.refresh()
