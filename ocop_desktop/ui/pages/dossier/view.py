"""The dossier as the council sees it: producer and product, the registration, the producer's self-assessment,
the commune's pre-assessment of the four contents, the advisory team's report and the attachments."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.services.queries import DossierView
from ocop_desktop.ui.backups import size_text
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.words import commune_item_text, registration_text


class DossierPage(QWidget):
    attachment_opened = Signal(str)
    attachment_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QTextBrowser()
        self.text.setObjectName("dossier_text")
        self.attachments = QListWidget()
        self.attachments.itemActivated.connect(
            lambda item: self.attachment_opened.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.attachments.currentItemChanged.connect(self._attachment_chosen)
        self.add_button = QPushButton(tr("Thêm tài liệu…"))
        self.edit_button = QPushButton(tr("Sửa thông tin chủ thể và sản phẩm…"))
        self.assessments_button = QPushButton(tr("Nhập ý kiến của xã và báo cáo tổ tư vấn…"))
        self.self_button = QPushButton(tr("Nhập phiếu tự đánh giá của chủ thể…"))
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(200)
        self.checksum = QLabel()
        self.checksum.setWordWrap(True)
        self.checksum.setStyleSheet("color: #555; font-size: 8pt;")
        side = QVBoxLayout()
        side.addWidget(QLabel(tr("Tài liệu kèm theo (mở bằng Enter hoặc nhấp đúp)")))
        side.addWidget(self.attachments)
        side.addWidget(self.checksum)
        side.addWidget(self.preview)
        side.addWidget(self.add_button)
        side.addWidget(self.edit_button)
        side.addWidget(self.assessments_button)
        side.addWidget(self.self_button)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 3)
        layout.addLayout(side, 1)

    def _attachment_chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:  # None when the list is cleared
            self.attachment_selected.emit(item.data(Qt.ItemDataRole.UserRole))

    def load(self, view: DossierView) -> None:
        sheet = view.sheet
        rows = [
            (tr("Sản phẩm"), view.product_name),
            (tr("Mã số sản phẩm"), view.product_code or "—"),
            (tr("Chủ thể"), view.producer_name),
            (tr("Người đại diện"), view.representative or "—"),
            (tr("Địa chỉ"), view.address or "—"),
            (tr("Điện thoại"), view.phone or "—"),
            (tr("Phiếu đánh giá"), f"{sheet.sheet_id} — {sheet.title} ({' / '.join(sheet.group_path)})"),
            (tr("Lần đăng ký"), registration_text(view.registration_type)),
            (tr("Ngày nộp hồ sơ"), f"{view.submission_date:%d/%m/%Y} — {tr('bộ tiêu chí')} {view.rule_version_id}"),
        ]
        if view.recused:
            rows.append((tr("Không tham gia chấm"), ", ".join(view.recused)))
        if view.certificate_number:
            rows.append((tr("Giấy chứng nhận"), view.certificate_number))
        table = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
        parts = [f"<h2>{escape(view.product_name)}</h2><table cellspacing='4'>{table}</table>"]
        if view.description:
            parts.append(f"<p>{escape(view.description)}</p>")
        parts.append(f"<h3>{tr('Ý kiến của UBND cấp xã (4 nội dung)')}</h3>")
        if view.commune:
            items = "".join(
                f"<li><b>{escape(commune_item_text(item))}</b>: {escape(finding)}"
                + ("" if meets is None else f" — {tr('đạt') if meets else tr('không đạt')}")
                + "</li>"
                for item, finding, meets in view.commune
            )
            parts.append(f"<ul>{items}</ul>")
        else:
            parts.append(f"<p>{tr('Chưa có.')}</p>")
        parts.append(f"<h3>{tr('Báo cáo của Tổ tư vấn')}</h3><p>{escape(view.advisory_report or tr('Chưa có.'))}</p>")
        parts.append(f"<h3>{tr('Tự đánh giá của chủ thể')}</h3>")
        total = self_assessment_total(view)
        if total is not None:
            lines = []
            for item in sheet.items:
                points = _self_points(view, item.id)
                lines.append(f"<tr><td>{item.id}</td><td>{escape(item.text)}</td><td align='right'>{points}</td></tr>")
            parts.append(f"<p>{tr('Tổng điểm tự đánh giá')}: <b>{total}</b></p><table>{''.join(lines)}</table>")
        else:
            parts.append(f"<p>{tr('Chưa có.')}</p>")
        self.text.setHtml("".join(parts))
        self.attachments.clear()
        self.preview.clear()
        self.checksum.clear()
        for attachment in view.attachments:
            entry = QListWidgetItem(f"{attachment.filename}  ({size_text(attachment.size)})")
            entry.setToolTip(f"SHA-256: {attachment.sha256}")
            entry.setData(Qt.ItemDataRole.UserRole, attachment.attachment_id)
            self.attachments.addItem(entry)

    def show_attachment(self, name: str, media_type: str, content: bytes, sha256: str) -> None:
        """The checksum of the selected file, and the picture itself when it is one."""
        self.checksum.setText(f"{name}\nSHA-256: {sha256}")
        if media_type.startswith("image/"):
            pixmap = QPixmap()
            pixmap.loadFromData(content)
            self.preview.setPixmap(
                pixmap.scaled(
                    self.preview.width(),
                    240,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.setText(tr("Mở bằng Enter hoặc nhấp đúp để xem bằng chương trình xem tệp của máy."))


def self_assessment_total(dossier: DossierView) -> int | None:
    """The points of the producer's self-assessment (display only; the council's figures come from the core)."""
    if not dossier.self_assessment:
        return None
    return sum(_self_points(dossier, item.id) for item in dossier.sheet.items)


def _self_points(dossier: DossierView, item_id: str) -> int:
    item = dossier.sheet.item(item_id)
    number = dossier.self_assessment.get(item_id)
    option = item.option(number) if item is not None and number else None
    return option.points if option is not None else 0
