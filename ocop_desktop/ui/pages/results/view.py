"""The result of one dossier: members' totals, averages, band and final star, unmet minimums, the spread with the
criteria that cause it, the council's discussion, and the chair's approval with every blocking reason."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.enums import ResultStatus
from ocop_desktop.scoring.catalogue import Sheet
from ocop_desktop.scoring.engine import star_minimums_checked
from ocop_desktop.services.exchange import MeetingCode
from ocop_desktop.services.results import ResultFigures
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.words import minimums_not_checked_text, result_status_text

STAR = "★"


def vi_number(text: str | None) -> str:
    return "—" if text is None else text.replace(".", ",")


class ResultsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.stars = QLabel()
        self.stars.setObjectName("stars")
        self.stars.setStyleSheet("font-size: 22pt; color: #b8860b;")
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.members = QTableWidget(0, 2)
        self.members.setHorizontalHeaderLabels([tr("Thành viên"), tr("Tổng điểm")])
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.members.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.members.verticalHeader().setVisible(False)
        self.members.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.disputed = QLabel()
        self.disputed.setObjectName("disputed")
        self.disputed.setWordWrap(True)
        self.disputed.setTextFormat(Qt.TextFormat.RichText)
        self.discussion = QLabel()
        self.discussion.setWordWrap(True)
        self.history = QLabel()
        self.history.setObjectName("history")
        self.history.setWordWrap(True)
        self.history.setStyleSheet("color: #444;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.blocking = QLabel()
        self.blocking.setObjectName("blocking")
        self.blocking.setWordWrap(True)
        self.blocking.setStyleSheet("color: #b00020;")

        self.discuss_button = QPushButton(tr("Ghi nội dung thảo luận…"))
        self.rescore_button = QPushButton(tr("Chấm lại…"))
        self.decision_button = QPushButton(tr("Quyết định loại / dừng…"))
        self.approve_button = QPushButton(tr("Phê duyệt và khóa kết quả"))
        self.reopen_button = QPushButton(tr("Mở lại kết quả…"))
        self.recognise_button = QPushButton(tr("Ghi quyết định công nhận…"))
        self.recognise_button.setToolTip(
            tr("Ghi quyết định công nhận của đợt và cấp giấy chứng nhận cho các sản phẩm đã phê duyệt")
        )
        self.reopen_round_button = QPushButton(tr("Mở lại đợt…"))
        self.reopen_round_button.setToolTip(
            tr("Chủ tịch mở lại đợt đã có quyết định công nhận để bổ sung hồ sơ, phiếu chấm hoặc chấm lại (ghi lý do)")
        )
        self.revoke_button = QPushButton(tr("Thu hồi giấy chứng nhận…"))
        self.revoke_button.setToolTip(tr("Thu hồi giấy chứng nhận của sản phẩm này (Điều 8 khoản 1)"))
        self.certificate = QLabel()
        self.certificate.setObjectName("certificate")
        self.certificate.setWordWrap(True)
        recognition = QHBoxLayout()
        recognition.addWidget(self.certificate, 1)
        recognition.addWidget(self.recognise_button)
        recognition.addWidget(self.revoke_button)
        recognition.addWidget(self.reopen_round_button)
        for button in (self.recognise_button, self.revoke_button, self.reopen_round_button):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (
            self.discuss_button,
            self.rescore_button,
            self.decision_button,
            self.approve_button,
            self.reopen_button,
        ):
            buttons.addWidget(button)

        left = QVBoxLayout()
        left.addWidget(self.stars)
        left.addWidget(self.summary)
        left.addWidget(self.disputed)
        left.addWidget(self.discussion)
        left.addWidget(self.history)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addWidget(self.members, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.blocking)
        layout.addLayout(buttons)
        layout.addLayout(recognition)

    def reset(self, title: str) -> None:
        """Nothing of the product shown before stays: every line emptied, every button off until the page says."""
        self.title.setText(title)
        for label in (
            self.stars,
            self.summary,
            self.disputed,
            self.discussion,
            self.history,
            self.status,
            self.fingerprint,
            self.blocking,
            self.certificate,
        ):
            label.setText("")
        self.members.setRowCount(0)
        for button in self.buttons():
            button.setEnabled(False)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.discuss_button,
            self.rescore_button,
            self.decision_button,
            self.approve_button,
            self.reopen_button,
            self.recognise_button,
            self.revoke_button,
            self.reopen_round_button,
        )

    def show_pending(self, title: str, submitted: int, expected: int) -> None:
        """Before every scoring member has submitted, nobody sees anyone's figures."""
        self.reset(title)
        self.status.setText(result_status_text(None, False))
        self.summary.setText(
            tr("Đang chấm: {submitted}/{expected} phiếu đã nộp. Kết quả hiện khi mọi thành viên đã nộp phiếu.").format(
                submitted=submitted, expected=expected
            )
        )

    def show_result(
        self,
        title: str,
        *,
        figures: ResultFigures,
        names: list[str],
        sheet: Sheet,
        status: ResultStatus | None,
        locked: bool,
        discussion: str | None,
        disputes: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
        recognition: str = "",
    ) -> None:
        """`recognition`: what the council's decision does for a product above its authority (policy
        ABOVE_AUTHORITY), said under the star; empty otherwise."""
        self.reset(title)
        stars = figures.stars
        band = figures.band_stars
        self.stars.setText((STAR * stars + "☆" * (5 - stars)) if stars is not None else tr("Không xếp hạng"))
        parts = ", ".join(f"{k} {vi_number(v)}" for k, v in figures.part_averages)
        lines = [
            f"{tr('Điểm trung bình')}: <b>{vi_number(figures.average_total)}</b> ({parts})",
            f"{tr('Hạng theo điểm')}: {band} {tr('sao')}; {tr('kết quả')}: "
            + (f"<b>{stars} {tr('sao')}</b>" if stars is not None else f"<b>{tr('không xếp hạng')}</b>"),
            tr("Đủ điều kiện cấp giấy chứng nhận") if figures.certifiable else tr("Không cấp giấy chứng nhận"),
        ]
        if not star_minimums_checked(sheet):
            lines.append(f"<span style='color:#b00020'>{minimums_not_checked_text()}</span>")
        if recognition:
            lines.append(f"<b>{escape(recognition)}</b>")
        for unmet in figures.unmet_minimums:
            item = sheet.item(unmet.item)
            label = f"{unmet.item} {item.text}" if item is not None else unmet.item
            need = f"{tr('cần')} {vi_number(unmet.required)}, {tr('đạt')} {vi_number(unmet.average)}"
            lines.append(
                f"<span style='color:#b00020'>{tr('Chưa đạt mức tối thiểu')} {unmet.for_stars} {tr('sao')}: "
                f"{label} — {need}</span>"
            )
        self.summary.setText("<br>".join(lines))
        totals = figures.member_totals
        self.members.setRowCount(len(names))
        for row, (name, total) in enumerate(zip(names, totals, strict=False)):
            self.members.setItem(row, 0, QTableWidgetItem(name))
            shown = vi_number(total) if total is not None else tr("không tính (vắng / không tham gia)")
            self.members.setItem(row, 1, QTableWidgetItem(shown))
        spread = vi_number(figures.spread)
        if figures.spread_exceeds_limit:
            items = []
            for d in figures.disputed_items[:8]:
                item = sheet.item(d.item)
                text = item.text if item is not None else ""
                low, high = (disputes or {}).get(d.item, ((), ()))
                who = (
                    " — "
                    + tr("thấp nhất: {low}; cao nhất: {high}").format(
                        low=escape(", ".join(low)), high=escape(", ".join(high))
                    )
                    if low or high
                    else ""
                )
                items.append(f"<li><b>{d.item}</b> {text}: {tr('chênh')} {vi_number(d.spread)}{who}</li>")
            self.disputed.setText(
                f"<span style='color:#b00020'><b>{tr('Chênh lệch điểm')} {spread} — {tr('vượt ngưỡng')}</b></span>"
                f"<br>{tr('Các tiêu chí chênh nhiều nhất')}:<ul>{''.join(items)}</ul>"
            )
        else:
            self.disputed.setText(f"{tr('Chênh lệch điểm')}: {spread}")
        self.discussion.setText(f"{tr('Thảo luận')}: {discussion}" if discussion else "")
        self.status.setText(result_status_text(status, locked))

    def show_fingerprint(self, code: MeetingCode | None) -> None:
        """The round's "mã xác thực" once a result is approved: printed on the minutes, carried by the file — and
        whether it is final, since each further approval changes it."""
        if code is None:
            self.fingerprint.setText("")
        elif code.final:
            self.fingerprint.setText(
                tr(
                    "Mã xác thực dữ liệu của đợt: <b>{code}</b> — mã cuối cùng (mọi kết quả đã phê duyệt): in trên "
                    "biên bản; tệp gửi tỉnh phải mang đúng mã này"
                ).format(code=code.code)
            )
        else:
            self.fingerprint.setText(
                tr(
                    "Mã xác thực dữ liệu của đợt: <b>{code}</b> — mã tạm thời: còn {count} sản phẩm chưa phê duyệt, "
                    "mã sẽ đổi sau mỗi lần phê duyệt; hãy in biên bản sau khi phê duyệt hết",
                    count=code.open_results,
                    code=code.code,
                )
            )

    def show_self_assessment(self, total: int | None) -> None:
        """The producer's own score next to the council's (Mẫu số 02)."""
        if total is not None:
            self.summary.setText(
                self.summary.text() + "<br>" + tr("Tự đánh giá của chủ thể: {total} điểm", total=total)
            )

    def show_history(self, earlier: list[tuple[int, str | None, str | None, bool | None, str | None]]) -> None:
        """Earlier scoring rounds of a re-scored dossier: average, spread and the council's discussion."""
        lines = []
        for scoring_round, average, spread, over, discussion in earlier:
            text = tr("Lượt chấm {n}: điểm trung bình {average}, chênh lệch {spread}").format(
                n=scoring_round, average=vi_number(average), spread=vi_number(spread)
            )
            if over:
                text += f" ({tr('vượt ngưỡng')})"
            if discussion:
                text += f" — {tr('thảo luận')}: {discussion}"
            lines.append(text)
        self.history.setText("\n".join(lines))

    def show_blocking(self, sentences: list[str]) -> None:
        self.blocking.setText(
            (tr("Chưa phê duyệt được:") + "\n" + "\n".join(f"• {s}" for s in sentences)) if sentences else ""
        )
