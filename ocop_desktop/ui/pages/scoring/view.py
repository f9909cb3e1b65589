"""The scoring screen: the official sheet as radio choices, each choice saved (committed) the moment it is
made, live part totals, what is still unanswered, and submission. Fully usable from the keyboard: the number
keys choose an option of the current criterion, Enter / ↓ go to the next one, ↑ back, Ctrl+1/2/3 jump to
part A/B/C, Ctrl+Enter submits."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain.errors import UserCancelled, UserFacingError
from ocop_desktop.domain.numbers import format_points_vi
from ocop_desktop.messages import describe
from ocop_desktop.scoring.catalogue import NOT_APPLICABLE, Criterion, Sheet
from ocop_desktop.scoring.engine import MemberBallot, ballot_warnings, chosen_cases
from ocop_desktop.ui.i18n import current_lang, tr

STAR = "★"
HIGHLIGHT = QColor("#1f6feb")
NOTE = QColor("#555555")


def _font(*, bold: bool = False, italic: bool = False, scale: float = 1.0) -> QFont:
    """Fonts instead of style sheets: a style sheet makes Qt polish every widget of a sheet page again, which
    tripled the time to show a sheet for the first time."""
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    return font


@dataclass(frozen=True)
class ScoringContext:
    """What the screen needs to know about the ballot it shows."""

    title: str
    member_name: str
    sheet: Sheet
    choices: dict[str, int]
    submitted: bool
    scoring_round: int
    read_only: bool = False  # shown, not for this person to change (somebody else's blank sheet)
    note: str = ""  # what the person should know about this ballot, under the totals


class OptionLabel(QLabel):
    """The text of an option; clicking it chooses the option, as clicking a radio button's own text would."""

    def __init__(self, text: str, button: QRadioButton) -> None:
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)

    def mousePressEvent(self, event: object) -> None:
        if not self.button.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents):
            self.button.click()


class ItemBox(QFrame):
    """One scorable item: its options as radio buttons, numbered as the decree lists them."""

    def __init__(self, item: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        minimum = item.mandatory_from_star
        marker = f"  {tr('tối thiểu')} {STAR * minimum}" if minimum else ""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        palette = self.palette()
        for role in (QPalette.ColorRole.Light, QPalette.ColorRole.Dark):
            palette.setColor(role, HIGHLIGHT)
        self.setPalette(palette)
        layout = QGridLayout(self)  # one grid per criterion: no layout per option row
        layout.setColumnStretch(1, 1)
        title = QLabel(f"{item.id}  {item.text}  ({tr('tối đa')} {item.max}){marker}")
        title.setWordWrap(True)
        title.setFont(_font(bold=True))
        layout.addWidget(title, 0, 0, 1, 2)
        self.title_label = title
        for text in (item.guidance, item.applicable_if, *item.notes):
            if text:
                note = QLabel(text)
                note.setWordWrap(True)
                note_palette = note.palette()
                note_palette.setColor(QPalette.ColorRole.WindowText, NOTE)
                note.setPalette(note_palette)
                layout.addWidget(note, layout.rowCount(), 0, 1, 2)
        self.case_label: QLabel | None = None
        if item.alternative_cases:  # "Lựa chọn một trong hai trường hợp": the case this criterion is scored under
            self.case_label = QLabel()
            self.case_label.setObjectName("chosen_case")
            self.case_label.setFont(_font(italic=True))
            layout.addWidget(self.case_label, layout.rowCount(), 0, 1, 2)
        self.read_only = False
        self.current = False
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        if item.applicable_if is not None:
            self._add(NOT_APPLICABLE, f"0) {tr('Không áp dụng')} — 0 {tr('điểm')}", layout)
        for option in item.options:
            case = f" [{option.case}]" if option.case else ""
            stars = f"   {STAR * option.star_minimum}" if option.star_minimum else ""
            self._add(
                option.number,
                f"{option.number}) {option.condition}{case} — {option.points} {tr('điểm')}{stars}",
                layout,
            )

    def _add(self, number: int, text: str, layout: QGridLayout) -> None:
        """A radio button with its condition in a wrapping label beside it (radio texts do not wrap)."""
        button = QRadioButton()
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the box keeps the focus: number keys choose
        button.setAccessibleName(text)
        label = OptionLabel(text, button)
        row = layout.rowCount()
        layout.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(label, row, 1)
        self.group.addButton(button, number)
        self.buttons[number] = button

    def set_read_only(self, read_only: bool) -> None:
        """A submitted ballot stays readable (not greyed out) but cannot change."""
        self.read_only = read_only
        for button in self.buttons.values():
            button.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)

    def set_current(self, current: bool) -> None:
        """The criterion the keyboard acts on is framed in blue."""
        if self.current != current:
            self.current = current
            self.setFrameShape(QFrame.Shape.Box if current else QFrame.Shape.StyledPanel)
            self.setFrameShadow(QFrame.Shadow.Sunken if current else QFrame.Shadow.Plain)
            self.setLineWidth(1)

    def show_choice(self, number: int | None) -> None:
        self.group.setExclusive(False)
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)
        if number is not None and number in self.buttons:
            self.buttons[number].setChecked(True)
        self.show_case(number)

    def show_case(self, number: int | None) -> None:
        """The case this criterion is scored under, from the option chosen (CASE_PER_CRITERION)."""
        if self.case_label is not None:
            option = self.item.option(number) if number is not None else None
            case = option.case if option is not None else None
            self.case_label.setText(f"{tr('Trường hợp đã chọn')}: {case}" if case else tr("Chưa chọn trường hợp"))


class ChoiceCommand(QUndoCommand):
    """One choice, undoable: its first redo is the choice already stored by the view."""

    def __init__(self, view: ScoringView, item_id: str, previous: int | None, number: int) -> None:
        super().__init__(f"{item_id}: {previous or '—'} → {number}")
        self.view, self.item_id, self.previous, self.number = view, item_id, previous, number
        self.first = True

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        if not self.view.set_choice(self.item_id, self.number):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.view.set_choice(self.item_id, self.previous):
            self.setObsolete(True)


class ScoringView(QWidget):
    """The sheet for one member and one dossier. `record` and `submit` are the services, bound by the caller;
    they commit before returning, so "Đã lưu" is only shown for a choice that is on disk."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: ScoringContext | None = None
        self.record: Callable[[str, int], object] | None = None
        self.clear: Callable[[str], object] | None = None
        self.undo_stack = QUndoStack(self)
        self.submit_ballot: Callable[[], object] | None = None
        self.on_error: Callable[[BaseException], None] | None = None
        self.boxes: list[ItemBox] = []
        self.current = 0
        self.choices: dict[str, int] = {}

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.saved = QLabel()
        self.saved.setObjectName("saved")
        self.saved.setWordWrap(True)
        self.stack = QStackedWidget()
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setFont(_font(scale=1.3))
        self.stack.addWidget(self.notice)
        self.scroll_area = QScrollArea()
        self._pages: dict[tuple[str, int], tuple[QScrollArea, list[ItemBox]]] = {}

        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.unanswered = QLabel()
        self.unanswered.setWordWrap(True)
        self.cases = QLabel()
        self.cases.setObjectName("cases")
        self.cases.setWordWrap(True)
        self.submit_button = QPushButton(tr("Nộp phiếu (Ctrl+Enter)"))
        self.submit_button.clicked.connect(self._submit)
        side = QVBoxLayout()
        side.addWidget(self.totals)
        side.addWidget(self.unanswered)
        side.addWidget(self.cases)
        side.addStretch(1)
        side.addWidget(self.saved)
        side.addWidget(self.submit_button)
        side_frame = QFrame()
        side_frame.setLayout(side)
        side_frame.setFixedWidth(260)

        body = QHBoxLayout()
        body.addWidget(self.stack, 1)
        body.addWidget(side_frame)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(body)

    def show_notice(self, text: str) -> None:
        """No sheet on screen, only `text`: between two members, for a recused member, while a ballot is secret."""
        self.undo_stack.clear()
        self.context = None
        self.choices = {}
        self.boxes = []
        self.current = 0
        self.header.setText("")
        self.notice.setText(text)
        self.stack.setCurrentWidget(self.notice)
        self.totals.setText("")
        self.unanswered.setText("")
        self.cases.setText("")
        self.saved.setText("")
        self.submit_button.setEnabled(False)

    def load(self, context: ScoringContext) -> None:
        self.undo_stack.clear()  # undo covers the ballot on screen only
        self.context = context
        self.choices = dict(context.choices)
        round_text = f" — {tr('chấm lại lần')} {context.scoring_round - 1}" if context.scoring_round > 1 else ""
        self.header.setText(f"{context.title}{round_text}\n{tr('Người chấm')}: {context.member_name}")
        key = (context.sheet.sheet_id, id(context.sheet))
        page = self._pages.get(key)
        if page is None:
            page = self._pages[key] = self._build_page(context.sheet)
        self.scroll_area, self.boxes = page
        self.stack.setCurrentWidget(self.scroll_area)
        read_only = context.submitted or context.read_only
        for box in self.boxes:
            box.show_choice(self.choices.get(box.item.id))
            box.set_current(False)
            box.set_read_only(read_only)
        self.current = 0
        self.submit_button.setEnabled(not read_only)
        self.saved.setText(context.note or (tr("Phiếu đã nộp — chỉ xem") if context.submitted else ""))
        first_open = next((i for i, b in enumerate(self.boxes) if b.item.id not in self.choices), 0)
        self._go(0 if read_only else first_open)
        self._refresh_totals()

    def _build_page(self, sheet: Sheet) -> tuple[QScrollArea, list[ItemBox]]:
        """The sheet's widgets, built once per sheet and kept: switching products only refreshes the choices."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        content = QWidget()
        layout = QVBoxLayout(content)
        boxes: list[ItemBox] = []
        for part in sheet.parts:
            title = QLabel(f"{tr('PHẦN')} {part.id}. {part.title} ({part.max} {tr('điểm')})")
            title.setFont(_font(bold=True, scale=1.2))
            title.setContentsMargins(0, 10, 0, 0)
            layout.addWidget(title)
            for group in part.groups:
                if not group.single_criterion:
                    heading = QLabel(f"{group.id}. {group.title} ({group.max})")
                    heading.setFont(_font(bold=True))
                    layout.addWidget(heading)
                for crit in group.criteria:
                    if crit.sub_criteria:
                        sub_heading = QLabel(f"{crit.id} {crit.text} ({crit.max})")
                        sub_heading.setFont(_font(italic=True))
                        layout.addWidget(sub_heading)
                    for item in crit.sub_criteria or (crit,):
                        box = ItemBox(item)
                        box.group.idClicked.connect(lambda number, item_id=item.id: self._choose(item_id, number))
                        box.installEventFilter(self)
                        layout.addWidget(box)
                        boxes.append(box)
        layout.addStretch(1)
        scroll.setWidget(content)
        self.stack.addWidget(scroll)
        return scroll, boxes

    # keyboard ---------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # PySide6 hands a key press over as the QKeyEvent it is; the isinstance check says so to the type checker
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(watched, ItemBox):
            return self.handle_key(event)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if ctrl and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
            return True
        if ctrl and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self._go_to_part(key - Qt.Key.Key_1)
            return True
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and self.boxes:
            box = self.boxes[self.current]
            number = key - Qt.Key.Key_0
            if number in box.buttons and not box.read_only:
                box.buttons[number].setChecked(True)
                self._choose(box.item.id, number)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down, Qt.Key.Key_Tab):
            self._go(self.current + 1)
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Backtab):
            self._go(self.current - 1)
            return True
        return False

    def _go(self, index: int) -> None:
        if not self.boxes:
            return
        index = max(0, min(index, len(self.boxes) - 1))
        self.boxes[self.current].set_current(False)
        self.current = index
        box = self.boxes[index]
        box.set_current(True)
        box.setFocus()
        self.scroll_area.ensureWidgetVisible(box, 0, 60)

    def _go_to_part(self, part_index: int) -> None:
        if self.context is None or part_index >= len(self.context.sheet.parts):
            return
        part_id = self.context.sheet.parts[part_index].id
        for index, box in enumerate(self.boxes):
            if box.item.part_id == part_id:
                self._go(index)
                return

    # saving -----------------------------------------------------------------------------------------------

    def editable(self) -> bool:
        return self.context is not None and not (self.context.submitted or self.context.read_only)

    def _choose(self, item_id: str, number: int) -> None:
        if self.record is None or not self.editable():
            return
        previous = self.choices.get(item_id)
        try:
            self.record(item_id, number)
        except Exception as exc:  # shown to the person; the screen goes back to what is stored
            self._box(item_id).show_choice(previous)
            if self.on_error is not None and not isinstance(exc, UserCancelled):
                self.on_error(exc)
            return
        self.choices[item_id] = number
        self._box(item_id).show_case(number)
        self.undo_stack.push(ChoiceCommand(self, item_id, previous, number))
        self.saved.setText(f"✔ {tr('Đã lưu')} {item_id}: {tr('phương án')} {number}")
        self._refresh_totals()

    def set_choice(self, item_id: str, number: int | None) -> bool:
        """Store `number` (None: take the answer back) for an undo or redo; False when it was refused."""
        if not self.editable() or self.record is None:
            return False
        try:
            if number is None:
                if self.clear is not None:
                    self.clear(item_id)
                self.choices.pop(item_id, None)
            else:
                self.record(item_id, number)
                self.choices[item_id] = number
        except Exception as exc:  # a refused undo leaves the stored choice and says why
            if self.on_error is not None and not isinstance(exc, UserCancelled):
                self.on_error(exc)
            return False
        self._box(item_id).show_choice(number)
        self.saved.setText(f"✔ {tr('Đã lưu')} {item_id}: {tr('phương án')} {number if number is not None else '—'}")
        self._refresh_totals()
        return True

    def _box(self, item_id: str) -> ItemBox:
        return next(b for b in self.boxes if b.item.id == item_id)

    def _submit(self) -> None:
        if self.submit_ballot is None or self.context is None or not self.editable():
            return
        try:
            self.submit_ballot()
        except UserCancelled:
            return
        except UserFacingError as exc:
            if self.on_error is not None:
                self.on_error(exc)
            return
        if self.context is not None:  # (a paper ballot's second typing has already taken the sheet off screen)
            self.context = dataclasses.replace(self.context, submitted=True, choices=dict(self.choices))
            for box in self.boxes:
                box.set_read_only(True)
            self.submit_button.setEnabled(False)
            self.saved.setText(tr("Phiếu đã nộp — chỉ xem"))
        self.submitted.emit()

    def _refresh_totals(self) -> None:
        if self.context is None:
            return
        sheet = self.context.sheet
        parts = {p.id: 0 for p in sheet.parts}
        for item in sheet.items:
            number = self.choices.get(item.id)
            option = item.option(number) if number else None
            if option is not None:
                parts[item.part_id] += option.points
        total = sum(parts.values())
        rows = "".join(
            f"<tr><td>{tr('Phần')} {p.id}</td><td align='right'>{parts[p.id]} / {p.max}</td></tr>" for p in sheet.parts
        )
        self.totals.setText(
            f"<table width='100%'>{rows}<tr><td><b>{tr('Tổng')}</b></td>"
            f"<td align='right'><b>{format_points_vi(total, 0)} / {sheet.total_max}</b></td></tr></table>"
        )
        missing = [i.id for i in sheet.items if i.id not in self.choices]
        self.unanswered.setText(
            f"{tr('Chưa chấm')} ({len(missing)}): {', '.join(missing)}" if missing else tr("Đã chấm đủ mọi tiêu chí.")
        )
        self._refresh_cases()

    def _refresh_cases(self) -> None:
        """The case each tourism criterion is scored under and, when they differ, the warning (never a refusal)."""
        if self.context is None:
            return
        sheet = self.context.sheet
        cases = chosen_cases(sheet, self.choices)
        lines = [f"{item_id}: {case}" for item_id, case in cases.items()]
        warnings = ballot_warnings(sheet, MemberBallot(self.context.member_name, self.choices))
        text = f"{tr('Trường hợp đã chọn')}: {'; '.join(lines)}" if lines else ""
        if warnings:
            text += "\n⚠ " + "\n⚠ ".join(describe(w, current_lang()) for w in warnings)
        self.cases.setText(text)

    def total(self) -> int:
        if self.context is None:
            return 0
        points = 0
        for item in self.context.sheet.items:
            number = self.choices.get(item.id)
            option = item.option(number) if number else None
            points += option.points if option is not None else 0
        return points
