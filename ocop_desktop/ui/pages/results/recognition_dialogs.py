"""The recognition decision (quyết định công nhận) recorded from the window — its number, date, signer and the
approved products it recognises, each then given a numbered certificate — and the revocation of one certificate
(QĐ 26/2026 Điều 8). The service checks every field and right; the dialogs only gather and show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TypedDict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from ocop_desktop.domain.dates import format_vi_date, parse_vi_date
from ocop_desktop.domain.enums import CertificateStatus, RevocationGround
from ocop_desktop.services.recognition import Candidate, RecognitionPlan, add_months
from ocop_desktop.ui.dialogs import FormDialog
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.words import recognition_text, revocation_grounds

STAR = "★"


class FieldProblem(Exception):
    """What the dialog itself refuses before asking the service (a date that is not a day, nothing ticked), in the
    window's words, naming the field."""


class DecisionFields(TypedDict):
    """The recognition decision as `recognition.issue_decision` takes it (its keyword arguments)."""

    number: str
    date: dt.date
    issuing_body: str
    signer: str
    signer_title: str | None
    certificate_prefix: str
    dossier_ids: list[str]


class RevocationFields(TypedDict):
    """The revocation as `recognition.revoke_certificate` takes it (its keyword arguments)."""

    certificate_id: str
    ground: RevocationGround
    date: dt.date
    decision_number: str
    reason: str


class CheckedForm(FormDialog):
    """A form whose `values()` are read (and may be refused with a FieldProblem) before `submit` runs; `checked`
    holds them for `submit`. Each form narrows both to the fields its service takes."""

    checked: Mapping[str, object]

    def values(self) -> Mapping[str, object]:
        raise NotImplementedError

    def try_accept(self) -> None:
        try:
            self.checked = self.values()
        except FieldProblem as problem:
            self.errors.setText(f"• {problem}")
            return
        super().try_accept()


def typed_date(text: str, field: str) -> dt.date:
    try:
        return parse_vi_date(text.strip())
    except ValueError:
        raise FieldProblem(
            tr("{field} «{value}» không hợp lệ: hãy ghi ngày/tháng/năm, ví dụ 02/11/2026.").format(
                field=field, value=text.strip()
            )
        ) from None


def candidate_text(candidate: Candidate) -> str:
    """One product as listed in the decision dialog: stars, name, code, producer, and what stands in its way."""
    code = f" ({candidate.product_code})" if candidate.product_code else ""
    text = f"{STAR * candidate.stars} {candidate.product_name}{code} — {candidate.producer_name}"
    if candidate.certificate_number is not None:
        return (
            text
            + " — "
            + tr("đã có giấy chứng nhận số {number} theo quyết định {decision}").format(
                number=candidate.certificate_number, decision=candidate.decision_number or "—"
            )
        )
    if candidate.referred_to is not None:
        return text + " — " + recognition_text(candidate.stars, candidate.recognised_stars, candidate.referred_to)
    if not candidate.recognised_here:
        return text + " — " + tr("hạng sao này do cấp khác công nhận (5 sao: cấp trung ương)")
    return text


class RecognitionDialog(CheckedForm):
    """Quyết định công nhận: number, date signed, issuing body, signer and title, the certificates' validity from the
    round's rules, and the approved products (ticked by default; those already certified shown, not tickable)."""

    checked: DecisionFields

    def __init__(self, parent: QWidget | None, plan: RecognitionPlan, today: dt.date) -> None:
        super().__init__(parent, tr("Ghi quyết định công nhận"))
        self.plan = plan
        self.number = QLineEdit()
        self.number.setPlaceholderText("123/QĐ-UBND")
        self.date = QLineEdit(format_vi_date(today))
        self.date.setPlaceholderText(tr("ngày/tháng/năm"))
        self.issuing_body = QLineEdit(plan.issuing_body)
        self.signer = QLineEdit()
        self.signer_title = QLineEdit()
        self.signer_title.setPlaceholderText(tr("ví dụ: KT. CHỦ TỊCH - PHÓ CHỦ TỊCH"))
        self.validity = QLabel()
        self.validity.setObjectName("validity")
        self.validity.setWordWrap(True)
        self.products = QListWidget()
        self.products.setMinimumHeight(180)
        for candidate in plan.candidates:
            item = QListWidgetItem(candidate_text(candidate))
            item.setData(Qt.ItemDataRole.UserRole, candidate.dossier_id)
            open_ = candidate.certificate_id is None and candidate.recognised_here
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled if open_ else Qt.ItemFlag.NoItemFlags
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if open_ else Qt.CheckState.Unchecked)
            self.products.addItem(item)
        self.form.addRow(tr("Số quyết định"), self.number)
        self.form.addRow(tr("Ngày ký"), self.date)
        self.form.addRow(tr("Cơ quan ban hành"), self.issuing_body)
        self.form.addRow(tr("Người ký (họ tên)"), self.signer)
        self.form.addRow(tr("Chức vụ người ký"), self.signer_title)
        self.form.addRow(tr("Hiệu lực giấy chứng nhận"), self.validity)
        self.form.addRow(QLabel(tr("Sản phẩm được công nhận và cấp giấy chứng nhận:")))
        self.form.addRow(self.products)
        self.date.textChanged.connect(self._show_validity)
        self._show_validity()
        self.resize(760, 560)

    def _show_validity(self) -> None:
        months = self.plan.validity_months
        try:
            until = add_months(parse_vi_date(self.date.text().strip()), months)
        except ValueError:
            self.validity.setText(tr("{months} tháng kể từ ngày ký (theo quy định của đợt)", months=months))
            return
        self.validity.setText(
            tr(
                "{months} tháng kể từ ngày ký (theo quy định của đợt): đến hết {until}",
                months=months,
                until=format_vi_date(until),
            )
        )

    def chosen(self) -> list[str]:
        return [
            str(self.products.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.products.count())
            if self.products.item(i).checkState() == Qt.CheckState.Checked
        ]

    def values(self) -> DecisionFields:
        """What the service takes; a date that is not a day, or no product ticked, is refused here."""
        date = typed_date(self.date.text(), tr("Ngày ký"))
        chosen = self.chosen()
        if not chosen:
            raise FieldProblem(tr("Hãy đánh dấu ít nhất một sản phẩm được công nhận."))
        return {
            "number": self.number.text(),
            "date": date,
            "issuing_body": self.issuing_body.text(),
            "signer": self.signer.text(),
            "signer_title": self.signer_title.text() or None,
            "certificate_prefix": self.plan.certificate_prefix,
            "dossier_ids": chosen,
        }


class RevocationDialog(CheckedForm):
    """Thu hồi giấy chứng nhận: the ground of Điều 8 khoản 1, the revoking decision's number and date, the reason."""

    checked: RevocationFields

    def __init__(self, parent: QWidget | None, candidate: Candidate, today: dt.date) -> None:
        super().__init__(parent, tr("Thu hồi giấy chứng nhận"))
        if candidate.certificate_id is None:
            raise ValueError("only a product holding a certificate has one to revoke (see revocable)")
        self.candidate, self.certificate_id = candidate, candidate.certificate_id
        self.ground = QComboBox()
        for ground, text in revocation_grounds().items():
            self.ground.addItem(text, ground)
        self.decision_number = QLineEdit()
        self.decision_number.setPlaceholderText("99/QĐ-UBND")
        self.date = QLineEdit(format_vi_date(today))
        self.reason = QLineEdit()
        about = QLabel(f"<b>{candidate.certificate_number}</b> — {candidate_text(candidate).split(' — ')[0]}")
        about.setWordWrap(True)
        self.form.addRow(tr("Giấy chứng nhận"), about)
        self.form.addRow(tr("Căn cứ thu hồi (Điều 8 khoản 1)"), self.ground)
        self.form.addRow(tr("Số quyết định thu hồi"), self.decision_number)
        self.form.addRow(tr("Ngày thu hồi"), self.date)
        self.form.addRow(tr("Lý do"), self.reason)
        self.resize(640, 300)

    def values(self) -> RevocationFields:
        return {
            "certificate_id": self.certificate_id,
            "ground": self.ground.currentData(),
            "date": typed_date(self.date.text(), tr("Ngày thu hồi")),
            "decision_number": self.decision_number.text(),
            "reason": self.reason.text(),
        }


def revocable(candidate: Candidate) -> bool:
    return candidate.certificate_id is not None and candidate.certificate_status is CertificateStatus.VALID
