"""The second typing of a paper ballot (phiếu giấy): a second person types the options circled on the paper sheet
again, without seeing the first entry, and the service compares the two.

Typed from paper, the fields must follow the paper: in sheet order, grouped by part, each named by its criterion's
id and name with the option numbers it allows. A field takes only one of those numbers (a wrong digit is refused
where it is typed, and the range said), Enter or Tab goes on to the next criterion, and OK is accepted only when
every criterion has its number (the missing ones are named)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.scoring.catalogue import NOT_APPLICABLE, Criterion, Part, Sheet
from ocop_desktop.ui.dialogs import name_buttons
from ocop_desktop.ui.i18n import tr

NAME_WIDTH = 230  # a criterion's name beyond this is elided, the whole of it in the tooltip
PART_WIDTH = 380
WARNING = QColor("#b3261e")
MISSING = QColor("#fde7e9")


def allowed_options(item: Criterion) -> tuple[int, ...]:
    """The option numbers a member may circle: 1…n, and 0 ("không áp dụng") where the criterion may not apply."""
    numbers = tuple(option.number for option in item.options)
    return (NOT_APPLICABLE, *numbers) if item.applicable_if is not None else numbers


def option_range(item: Criterion) -> str:
    """The allowed numbers as the sheet would say them: "1–4", "0–3"."""
    numbers = allowed_options(item)
    low, high = min(numbers), max(numbers)
    return str(low) if low == high else f"{low}–{high}"


class OptionValidator(QValidator):
    """Only one of the criterion's option numbers (or the start of one, for a criterion with ten or more)."""

    def __init__(self, allowed: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allowed = {str(number) for number in allowed}

    def validate(self, text: str, pos: int) -> QValidator.State:
        if not text:
            return QValidator.State.Intermediate
        if text in self.allowed:
            return QValidator.State.Acceptable
        if text.isdigit() and any(number.startswith(text) for number in self.allowed):
            return QValidator.State.Intermediate
        return QValidator.State.Invalid


class OptionField(QLineEdit):
    """The number for one criterion. Enter goes on (instead of pressing OK); a digit typed into a filled field
    replaces its number, as a correction would."""

    advance = Signal()

    def __init__(self, item: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.allowed = allowed_options(item)
        self.setValidator(OptionValidator(self.allowed, self))
        self.setFixedWidth(44)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(f"{item.id} {item.text} ({option_range(item)})")
        self.normal_base = self.palette().color(QPalette.ColorRole.Base)
        self.textChanged.connect(lambda _text: self.mark_missing(False))

    def value(self) -> int | None:
        return int(self.text()) if self.hasAcceptableInput() else None

    def mark_missing(self, missing: bool) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, MISSING if missing else self.normal_base)
        self.setPalette(palette)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            event.accept()
            self.advance.emit()
            return
        if event.text().isdigit() and max(self.allowed) < 10:
            self.selectAll()
        super().keyPressEvent(event)


def _elided(text: str, width: int, font: QFont | None = None) -> QLabel:
    """A one-line label no wider than `width`; the whole text in its tooltip when it had to be cut."""
    label = QLabel()
    if font is not None:
        label.setFont(font)
    shown = label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)
    label.setText(shown)
    if shown != text:
        label.setToolTip(text)
    return label


class PaperSecondEntry(QDialog):
    """The second typing of `member_name`'s paper ballot for `product` on `sheet`; `choices()` once accepted."""

    def __init__(self, parent: QWidget | None, sheet: Sheet, member_name: str, product: str) -> None:
        super().__init__(parent)
        self.sheet = sheet
        self.setWindowTitle(tr("Nhập lại phiếu giấy"))
        header = QLabel(tr("Phiếu giấy của {member} — sản phẩm {product}").format(member=member_name, product=product))
        header.setWordWrap(True)
        bold = QFont(header.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        header.setFont(bold)
        how = QLabel(
            tr(
                "Nhập lần thứ hai, theo thứ tự trên phiếu giấy: gõ số phương án được khoanh ở mỗi tiêu chí rồi bấm "
                "Enter hoặc Tab để sang tiêu chí tiếp theo. Lần nhập thứ nhất không được hiện ở đây; hai lần nhập "
                "được so sánh khi bấm «Đồng ý»."
            )
        )
        how.setWordWrap(True)
        self.fields: dict[str, OptionField] = {}
        columns = QHBoxLayout()
        for part in sheet.parts:
            items = [item for item in sheet.items if item.part_id == part.id]
            if items:
                columns.addWidget(self._part_box(part, items), 0, Qt.AlignmentFlag.AlignTop)
        columns.addStretch(1)
        holder = QWidget()
        holder.setLayout(columns)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(holder)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel()
        self.message.setWordWrap(True)
        palette = self.message.palette()
        palette.setColor(QPalette.ColorRole.WindowText, WARNING)
        self.message.setPalette(palette)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(how)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._chain()
        holder.adjustSize()
        self.resize(holder.sizeHint().width() + 40, min(holder.sizeHint().height() + 200, 700))

    def _part_box(self, part: Part, items: list[Criterion]) -> QGroupBox:
        """One part's criteria, one row each: id, name, allowed numbers, the field."""
        title = f"{tr('Phần')} {part.id}. {part.title}"
        shown = self.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, PART_WIDTH)
        box = QGroupBox(shown)
        if shown != title:
            box.setToolTip(title)
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)
        for row, item in enumerate(items):
            field = OptionField(item)
            field.advance.connect(lambda item_id=item.id: self._advance(item_id))
            field.inputRejected.connect(lambda item=item: self._refused(item))
            self.fields[item.id] = field
            number = QLabel(item.id)
            number.setBuddy(field)
            bold = QFont(number.font())
            bold.setBold(True)
            number.setFont(bold)
            allowed = QLabel(option_range(item))
            allowed.setToolTip(tr("Các số phương án được nhận"))
            grid.addWidget(number, row, 0)
            grid.addWidget(_elided(item.text, NAME_WIDTH), row, 1)
            grid.addWidget(allowed, row, 2)
            grid.addWidget(field, row, 3)
        return box

    def _chain(self) -> None:
        """Tab follows the sheet, then OK and Cancel; the first criterion has the focus."""
        order: list[QWidget] = [*self.fields.values()]
        order += [b for b in (self._ok(), self.buttons.button(QDialogButtonBox.StandardButton.Cancel)) if b]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        if self.fields:
            self._focus(next(iter(self.fields.values())))

    def _ok(self) -> QWidget | None:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.TabFocusReason)  # a field's number is selected, so typing replaces it
        self.scroll_area.ensureWidgetVisible(widget, 0, 40)

    def _advance(self, item_id: str) -> None:
        """From a criterion to the next; from the last, to OK."""
        ids = list(self.fields)
        index = ids.index(item_id) + 1
        target = self.fields[ids[index]] if index < len(ids) else self._ok()
        if target is not None:
            self._focus(target)

    def _refused(self, item: Criterion) -> None:
        self.message.setText(
            tr("Tiêu chí {item} chỉ nhận phương án {range}.").format(item=item.id, range=option_range(item))
        )

    def missing(self) -> list[str]:
        return [item_id for item_id, field in self.fields.items() if field.value() is None]

    def accept(self) -> None:
        """Only with a number for every criterion; otherwise the missing ones are named and the first focused."""
        missing = self.missing()
        if missing:
            for item_id in missing:
                self.fields[item_id].mark_missing(True)
            self.message.setText(
                tr("Chưa nhập phương án cho {count} tiêu chí: {items}.").format(
                    count=len(missing), items=", ".join(missing)
                )
            )
            self._focus(self.fields[missing[0]])
            return
        super().accept()

    def choices(self) -> dict[str, int]:
        """The option number typed for each criterion (every one, once accepted)."""
        return {item_id: value for item_id, field in self.fields.items() if (value := field.value()) is not None}
