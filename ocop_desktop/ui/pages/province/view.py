"""Toàn tỉnh: the province's picture over every round merged into this file, for the provincial OCOP office —
the products with their current stars (filter by stars, group, place, year, council; accent-insensitive search),
the counts drawn as bars, the councils with the exchange files taken from them, and the certificates to act on.
The product list filters and sorts inside its own model (no proxy model), so 5,000 products stay quick."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ocop_desktop.domain import values
from ocop_desktop.domain.dates import format_vi_date
from ocop_desktop.domain.enums import CertificateStatus, ResultStatus
from ocop_desktop.domain.text import fold, vi_sort_key
from ocop_desktop.scoring.certificates import REEVALUATION_WINDOW_CLOSES_DAYS, REEVALUATION_WINDOW_OPENS_DAYS
from ocop_desktop.services import province
from ocop_desktop.services.province import CertificateLine, ProductLine, ProvinceView, Tally
from ocop_desktop.ui import file_dialogs
from ocop_desktop.ui.dialogs import show_error
from ocop_desktop.ui.i18n import tr
from ocop_desktop.ui.sorted_model import Index as _Index
from ocop_desktop.ui.sorted_model import SortedFilteredModel
from ocop_desktop.ui.tasks import run_with_progress
from ocop_desktop.ui.words import certificate_text, stars_text

NO_STARS = "none"  # the stars filter's value for products without stars
REFERRED = "referred"  # …and for products proposed to the central level with no star recognised here
STAR_COLOURS = {5: "#b8860b", 4: "#d4a017", 3: "#e8b923", 2: "#9aa5b1", 1: "#b8c2cc", None: "#d5dbe1"}


def _year(key: str) -> int:
    """A year filter's key as a number for sorting, newest first (0 when it is not one)."""
    return 0 if values.YEAR.problems(key, "year") else values.parse_int(key, "year")


def result_text(line: ProductLine) -> str:
    if not line.approved:
        return tr("Chưa phê duyệt")
    if line.referred_central:  # proposed for 5★: the star recognised here, if any, and the proposal
        referral = tr("đề nghị Trung ương")
        return f"{'★' * line.stars} ({referral})" if line.stars is not None else referral
    if line.stars is None:
        return tr("Không đạt") if line.result_status is ResultStatus.ELIMINATED else tr("Không xếp hạng")
    return "★" * line.stars


def _date(day: dt.date | None) -> str:
    return format_vi_date(day) if day else ""


@dataclass(frozen=True)
class Filter:
    """What the person chose; "" means any."""

    text: str = ""
    stars: str = ""
    group: str = ""
    province: str = ""
    commune: str = ""
    year: str = ""
    council: str = ""

    def keeps(self, p: ProductLine) -> bool:
        stars = (REFERRED if p.referred_central else NO_STARS) if p.stars is None else str(p.stars)
        return (
            (not self.text or self.text in p.search_key)
            and (not self.stars or self.stars == stars)
            and (not self.group or self.group == p.sheet_id)
            and (not self.province or self.province == (p.province_code or province.UNKNOWN))
            and (not self.commune or self.commune == (p.commune_code or province.UNKNOWN))
            and (not self.year or self.year == str(p.year or province.UNKNOWN))
            and (not self.council or self.council == (p.council_id or province.UNKNOWN))
        )


def _product_columns() -> tuple[tuple[str, Callable[[ProductLine], Any], Callable[[ProductLine], Any], int], ...]:
    """(header, shown value, sort key, starting width) of each column, in order: what decides a product first."""
    return (
        (tr("Sản phẩm"), lambda r: r.name, lambda r: vi_sort_key(r.name), 250),
        (tr("Sao"), result_text, lambda r: (r.approved, r.stars or 0), 104),
        (tr("Năm"), lambda r: r.year or "", lambda r: r.year or 0, 48),
        (tr("Mã số"), lambda r: r.code or "", lambda r: r.code or "", 130),
        (tr("Chủ thể"), lambda r: r.producer, lambda r: vi_sort_key(r.producer), 200),
        (tr("Nhóm sản phẩm"), lambda r: r.group, lambda r: vi_sort_key(r.group), 180),
        (tr("Xã, phường"), lambda r: r.commune, lambda r: vi_sort_key(r.commune), 130),
        (tr("Tỉnh, thành phố"), lambda r: r.province, lambda r: vi_sort_key(r.province), 120),
        (tr("Hội đồng"), lambda r: r.council, lambda r: vi_sort_key(r.council), 170),
        (tr("Giấy chứng nhận"), lambda r: r.certificate_number or "", lambda r: r.certificate_number or "", 140),
        (
            tr("Có giá trị đến"),
            lambda r: _date(r.certificate_expiry),
            lambda r: r.certificate_expiry or dt.date.min,
            92,
        ),
        (
            tr("Tình trạng"),
            lambda r: certificate_text(r.certificate_state),
            lambda r: r.certificate_state or "",
            95,
        ),
    )


STATE_COLUMN = 11


class ProductModel(SortedFilteredModel):
    """The province's products with their own filter and sort (plain Python keys, computed once per column)."""

    def __init__(self) -> None:
        super().__init__()
        self.filter = Filter()
        self.columns = _product_columns()

    def row_id(self, row: ProductLine) -> str:
        return row.product_id

    def filtering(self) -> bool:
        return self.filter != Filter()

    def keeps(self, row: ProductLine) -> bool:
        return self.filter.keeps(row)

    def sort_key(self, column: int) -> Callable[[ProductLine], Any]:
        return self.columns[column][2] if 0 <= column < len(self.columns) else self.columns[0][2]

    def set_filter(self, chosen: Filter) -> None:
        self.filter = chosen
        self.refilter()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section][0]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.visible[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.product_id
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == STATE_COLUMN:
            if row.certificate_state is CertificateStatus.EXPIRED:
                return QBrush(QColor("#b03a2e"))
            if row.certificate_state is CertificateStatus.REVOKED:
                return QBrush(QColor("#7f8c8d"))
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return f"{row.round_name} — {row.council}" if row.round_name else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.columns[index.column()][1](row)


class RowsModel(QAbstractTableModel):
    """A small read-only table of text rows (certificates, counts)."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[object]] = ()) -> None:
        super().__init__()
        self.headers = list(headers)
        self.rows = [list(r) for r in rows]

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        self.beginResetModel()
        self.rows = [list(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BarChart(QWidget):
    """Horizontal bars with their labels and counts, drawn with QPainter (QtCharts is not in PySide6-Essentials)."""

    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int, str]] = []

    def set_bars(self, bars: Sequence[tuple[str, int, str]]) -> None:
        """(label, value, colour) per bar, in the order shown."""
        self.bars = list(bars)
        self.setMinimumHeight(self.ROW * max(1, len(self.bars)) + 8)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, self.ROW * max(1, len(self.bars)) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        label_width = min(self.width() // 2, max(metrics.horizontalAdvance(label) for label, _v, _c in self.bars) + 12)
        value_width = metrics.horizontalAdvance("00000") + 8
        span = max(1, self.width() - label_width - value_width - 8)
        top = max(value for _l, value, _c in self.bars) or 1
        text_colour = self.palette().text().color()
        for index, (label, value, colour) in enumerate(self.bars):
            y = 4 + index * self.ROW
            painter.setPen(text_colour)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 8)
            painter.drawText(
                0, y, label_width - 8, self.ROW, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown
            )
            width = round(span * value / top)
            painter.fillRect(label_width, y + 3, width, self.ROW - 6, QColor(colour))
            painter.drawText(
                label_width + width + 6, y, value_width, self.ROW, Qt.AlignmentFlag.AlignVCenter, f"{value}"
            )
        painter.end()


def _tally_rows(tallies: Sequence[Tally]) -> list[list[object]]:
    return [
        [
            t.label or tr("(chưa rõ)"),
            t.count(5),
            t.count(4),
            t.count(3),
            t.count(2) + t.count(1),
            t.count(None),
            t.referred_waiting,
            t.total,
        ]
        for t in tallies
    ]


def _tally_headers(first: str) -> list[str]:
    return [
        first,
        tr("5 sao"),
        tr("4 sao"),
        tr("3 sao"),
        tr("1–2 sao"),
        tr("Chưa xếp hạng"),
        tr("Đề nghị Trung ương"),
        tr("Tổng"),
    ]


def _table(model: QAbstractTableModel, widths: Sequence[int]) -> QTableView:
    """A read-only table whose columns start at `widths` (measuring 5,000 rows would cost seconds); the person
    can widen them, and the table scrolls sideways when they are wider than the page."""
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    header.setStretchLastSection(True)
    return table


TALLY_WIDTHS = (168, 46, 46, 46, 58, 100, 120, 50)


def _certificate_headers(revoked: bool) -> list[str]:
    last = [tr("Ngày thu hồi"), tr("Quyết định thu hồi"), tr("Lý do")] if revoked else [tr("Còn (ngày)")]
    return [
        tr("Số giấy chứng nhận"),
        tr("Sản phẩm"),
        tr("Mã số"),
        tr("Chủ thể"),
        tr("Hội đồng"),
        tr("Sao"),
        tr("Ngày cấp"),
        tr("Có giá trị đến"),
        *last,
    ]


def _certificate_rows(lines: Sequence[CertificateLine], revoked: bool) -> list[list[object]]:
    out: list[list[object]] = []
    for c in lines:
        last: list[object] = (
            [_date(c.revocation_date), c.revocation_decision or "", c.revocation_reason or ""]
            if revoked
            else [c.days_left]
        )
        out.append(
            [
                c.number,
                c.product,
                c.code or "",
                c.producer,
                c.council,
                "★" * c.stars,
                _date(c.issued),
                _date(c.expiry),
                *last,
            ]
        )
    return out


class ProvincePage(QWidget):
    """The page "Toàn tỉnh". `load` shows a ProvinceView; the Excel button writes what the product filter shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: ProvinceView | None = None
        self._commune_province: dict[str, str] = {}
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.export_button = QPushButton(tr("Xuất Excel…"))
        self.export_button.setToolTip(
            tr("Lưu danh sách sản phẩm đang hiển thị, số liệu tổng hợp và giấy chứng nhận cần theo dõi")
        )
        self.export_button.clicked.connect(self.export)
        self.status = QLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._products_tab(), tr("Danh sách sản phẩm"))
        self.tabs.addTab(self._summary_tab(), tr("Tổng hợp"))
        self.tabs.addTab(self._councils_tab(), tr("Hội đồng và tệp"))
        self.tabs.addTab(self._certificates_tab(), tr("Giấy chứng nhận cần theo dõi"))
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

    # products ---------------------------------------------------------------------------------------------------

    def _products_tab(self) -> QWidget:
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Tìm sản phẩm, mã số, chủ thể (không cần dấu)…"))
        self.stars_box = QComboBox()
        self.group_box = QComboBox()
        self.province_box = QComboBox()
        self.commune_box = QComboBox()
        self.year_box = QComboBox()
        self.council_box = QComboBox()
        for box in (self.stars_box, self.year_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for box in (self.group_box, self.commune_box, self.council_box):
            box.setMinimumContentsLength(18)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.count = QLabel()
        self.model = ProductModel()
        self.table = _table(self.model, [width for _h, _v, _k, width in self.model.columns])
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.search.textChanged.connect(lambda _t: self._filter_changed())
        for box in (self.stars_box, self.group_box, self.commune_box, self.year_box, self.council_box):
            box.currentIndexChanged.connect(lambda _i: self._filter_changed())
        self.province_box.currentIndexChanged.connect(lambda _i: self._province_chosen())
        filters = QGridLayout()
        filters.addWidget(self.search, 0, 0, 1, 3)
        filters.addWidget(self.stars_box, 0, 3)
        filters.addWidget(self.year_box, 0, 4)
        filters.addWidget(self.group_box, 1, 0)
        filters.addWidget(self.province_box, 1, 1)
        filters.addWidget(self.commune_box, 1, 2)
        filters.addWidget(self.council_box, 1, 3, 1, 2)
        for column in range(3):
            filters.setColumnStretch(column, 2)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        return tab

    def _fill(self, box: QComboBox, everything: str, items: Sequence[tuple[str, str]]) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, "")
        for label, value in items:
            box.addItem(label, value)
        box.blockSignals(False)

    def _fill_filters(self, view: ProvinceView) -> None:
        self._fill(
            self.stars_box,
            tr("Mọi hạng sao"),
            [(stars_text(s), NO_STARS if s is None else str(s)) for s, _n in view.by_stars]
            + ([(tr("Đề nghị Trung ương"), REFERRED)] if view.referred_waiting else []),
        )
        self._fill(self.group_box, tr("Mọi nhóm sản phẩm"), self._choices(view.by_group))
        self._fill(self.province_box, tr("Mọi tỉnh, thành phố"), self._choices(view.by_province))
        self._fill(self.commune_box, tr("Mọi xã, phường"), self._choices(view.by_commune))
        years = sorted(view.by_year, key=lambda t: (t.key == province.UNKNOWN, -_year(t.key)))
        self._fill(self.year_box, tr("Mọi năm"), [(t.label or tr("(chưa rõ)"), t.key) for t in years])
        councils = [(c.name, c.council_id) for c in view.councils if c.products]
        if any(p.council_id is None for p in view.products):
            councils.append((tr("(chưa đánh giá)"), province.UNKNOWN))
        self._fill(self.council_box, tr("Mọi hội đồng"), councils)

    def _choices(self, tallies: Sequence[Tally]) -> list[tuple[str, str]]:
        ordered = sorted(tallies, key=lambda t: (t.key == province.UNKNOWN, vi_sort_key(t.label)))
        return [(f"{t.label or tr('(chưa rõ)')} ({t.total})", t.key) for t in ordered]

    def _province_chosen(self) -> None:
        """Only the chosen province's communes in the commune list."""
        if self.view is None:
            return
        chosen = self.province_box.currentData() or ""
        communes = [t for t in self.view.by_commune if not chosen or self._commune_province.get(t.key) == chosen]
        self._fill(self.commune_box, tr("Mọi xã, phường"), self._choices(communes))
        self._filter_changed()

    def current_filter(self) -> Filter:
        return Filter(
            text=fold(self.search.text().strip()),
            stars=self.stars_box.currentData() or "",
            group=self.group_box.currentData() or "",
            province=self.province_box.currentData() or "",
            commune=self.commune_box.currentData() or "",
            year=self.year_box.currentData() or "",
            council=self.council_box.currentData() or "",
        )

    def _filter_changed(self) -> None:
        self.model.set_filter(self.current_filter())
        total = len(self.model.rows)
        shown = len(self.model.visible)
        self.count.setText(
            tr("{shown} / {total} sản phẩm", shown=shown, total=total)
            if shown != total
            else tr("{total} sản phẩm", total=total)
        )

    def filter_words(self) -> str:
        """The chosen filter in the workbook's words (Vietnamese, like every document)."""
        parts = []
        if self.search.text().strip():
            parts.append(f"«{self.search.text().strip()}»")
        stars = self.stars_box.currentData()
        if stars:
            parts.append("chưa xếp hạng" if stars == NO_STARS else f"{stars} sao")
        for box in (self.group_box, self.province_box, self.commune_box, self.year_box, self.council_box):
            if box.currentData():
                parts.append(box.currentText().rsplit(" (", 1)[0] if box is not self.council_box else box.currentText())
        return "; ".join(parts)

    # summary ----------------------------------------------------------------------------------------------------

    def _summary_tab(self) -> QWidget:
        self.stars_chart = BarChart()
        self.year_chart = BarChart()
        self.group_chart = BarChart()
        self.place_model = RowsModel(_tally_headers(tr("Xã, phường")))
        self.province_model = RowsModel(_tally_headers(tr("Tỉnh, thành phố")))
        self.group_model = RowsModel(_tally_headers(tr("Nhóm sản phẩm")))
        grid = QGridLayout()
        for row, column, title, widget in (
            (0, 0, tr("Theo hạng sao"), self.stars_chart),
            (0, 1, tr("Theo năm đánh giá"), self.year_chart),
            (1, 0, tr("Theo nhóm sản phẩm"), self.group_chart),
            (1, 1, tr("Theo xã, phường"), _table(self.place_model, TALLY_WIDTHS)),
            (2, 0, tr("Theo nhóm sản phẩm và hạng sao"), _table(self.group_model, TALLY_WIDTHS)),
            (2, 1, tr("Theo tỉnh, thành phố"), _table(self.province_model, TALLY_WIDTHS)),
        ):
            if isinstance(widget, QTableView):
                widget.setMinimumHeight(140 if row == 2 and column == 1 else 320)
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            inner.addWidget(widget)
            grid.addWidget(box, row, column)
        holder = QWidget()
        holder.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        return scroll

    def _fill_summary(self, view: ProvinceView) -> None:
        bars = [(stars_text(s), n, STAR_COLOURS.get(s, "#d5dbe1")) for s, n in view.by_stars]
        if view.referred_waiting:  # proposed for 5★, not recognised: a bar of its own, never 5★
            bars.insert(0, (tr("Đề nghị Trung ương"), view.referred_waiting, "#f0c36d"))
        self.stars_chart.set_bars(bars)
        years = sorted(view.by_year, key=lambda t: (t.key == province.UNKNOWN, t.key))
        self.year_chart.set_bars([(t.label or tr("(chưa rõ)"), t.total, "#2e86c1") for t in years])
        self.group_chart.set_bars([(t.label, t.total, "#27ae60") for t in view.by_group])
        self.group_model.set_rows(_tally_rows(view.by_group))
        self.province_model.set_rows(_tally_rows(view.by_province))
        self.place_model.set_rows(_tally_rows(view.by_commune))

    # councils and files -----------------------------------------------------------------------------------------

    def _councils_tab(self) -> QWidget:
        self.councils = QTreeWidget()
        self.councils.setHeaderLabels(
            [
                tr("Hội đồng / tệp"),
                tr("Đợt"),
                tr("Lần xuất"),
                tr("Mã xác thực"),
                tr("Khóa"),
                tr("Người ký"),
                tr("Nhập lúc"),
                tr("Người nhập"),
                tr("Thay đổi (mới / sửa / bỏ)"),
            ]
        )
        self.councils.setAlternatingRowColors(True)
        for column, width in enumerate((230, 130, 70, 200, 150, 220, 120, 120)):
            self.councils.setColumnWidth(column, width)
        return self.councils

    def _fill_councils(self, view: ProvinceView) -> None:
        self.councils.clear()
        accepted_tip = tr("Khóa của tệp này chưa được tin cậy; người nhập đã chấp nhận nó cho riêng tệp này")
        for council in view.councils:
            counts = tr("{rounds} đợt, {products} sản phẩm", rounds=council.rounds, products=council.products)
            top = QTreeWidgetItem([f"{council.name} — {counts}"])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            if not council.files:
                top.addChild(QTreeWidgetItem([tr("Chưa nhập tệp trao đổi nào (dữ liệu nhập trực tiếp)")]))
            for f in council.files:
                issuer = (
                    tr("Chấp nhận một lần (khóa chưa tin cậy)")
                    if f.key_accepted
                    else f.issuer or tr("Chính cài đặt này")
                )
                name = f.file_name if f.kind == "round" else f"{f.file_name} ({tr('phiếu chấm của một thành viên')})"
                item = QTreeWidgetItem(
                    [
                        name,
                        f.round_name,
                        str(f.revision),
                        f.fingerprint,
                        f.key_id,
                        issuer,
                        province.local_time(f.imported_at),
                        f.imported_by,
                        " / ".join(str(n) for n in f.changes),
                    ]
                )
                if f.key_accepted:
                    item.setForeground(5, QBrush(QColor("#b03a2e")))
                    item.setToolTip(5, accepted_tip)
                top.addChild(item)
            self.councils.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
            top.setExpanded(True)

    # certificates -----------------------------------------------------------------------------------------------

    def _certificates_tab(self) -> QWidget:
        self.window_note = QLabel(
            tr(
                "Hồ sơ đánh giá lại được nộp trong khoảng từ {opens} đến {closes} ngày trước khi giấy chứng nhận hết "
                "hạn (QĐ 26/2026/QĐ-TTg, Điều 7.6). Chỉ xét giấy chứng nhận mới nhất của mỗi sản phẩm."
            ).format(opens=REEVALUATION_WINDOW_OPENS_DAYS, closes=REEVALUATION_WINDOW_CLOSES_DAYS)
        )
        self.window_note.setWordWrap(True)
        self.certificate_tabs = QTabWidget()
        self.certificate_models = {
            "due": RowsModel(_certificate_headers(False)),
            "window_missed": RowsModel(_certificate_headers(False)),
            "expired": RowsModel(_certificate_headers(False)),
            "revoked": RowsModel(_certificate_headers(True)),
        }
        for name, model in self.certificate_models.items():
            last = (90, 130, 300) if name == "revoked" else (80,)
            self.certificate_tabs.addTab(_table(model, (150, 260, 140, 200, 220, 60, 85, 92, *last)), "")
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.window_note)
        layout.addWidget(self.certificate_tabs, 1)
        return tab

    def _fill_certificates(self, view: ProvinceView) -> None:
        titles = {
            "due": tr("Đến hạn nộp hồ sơ đánh giá lại ({n})"),
            "window_missed": tr("Đã qua hạn nộp, sắp hết hạn ({n})"),
            "expired": tr("Đã hết hạn ({n})"),
            "revoked": tr("Đã thu hồi ({n})"),
        }
        groups = {
            "due": view.due,
            "window_missed": view.window_missed,
            "expired": view.expired,
            "revoked": view.revoked,
        }
        for index, (name, model) in enumerate(self.certificate_models.items()):
            model.set_rows(_certificate_rows(groups[name], name == "revoked"))
            self.certificate_tabs.setTabText(index, titles[name].format(n=len(groups[name])))

    # loading and export -----------------------------------------------------------------------------------------

    def load(self, view: ProvinceView) -> None:
        self.view = view
        self._commune_province = {
            p.commune_code or province.UNKNOWN: p.province_code or province.UNKNOWN for p in view.products
        }
        files = sum(len(c.files) for c in view.councils)
        self.title.setText(
            tr(
                "Toàn tỉnh — tính đến ngày {date}: {products} sản phẩm, {councils} hội đồng, {files} tệp đã nhập",
                date=format_vi_date(view.today),
                products=len(view.products),
                councils=len(view.councils),
                files=files,
            )
        )
        self._fill_filters(view)
        self.model.set_rows(view.products)
        self._filter_changed()
        self._fill_summary(view)
        self._fill_councils(view)
        self._fill_certificates(view)

    def choose_path(self) -> Path | None:
        return file_dialogs.save_file(
            self,
            "province-export",
            tr("Xuất danh sách sản phẩm toàn tỉnh"),
            "Excel (*.xlsx)",
            "san-pham-ocop-toan-tinh.xlsx",
            suffix="xlsx",
        )

    def export(self) -> None:
        """The products the filter shows (all by default), with the counts of those and the province's
        certificates to follow, written off the GUI thread."""
        view = self.view
        if view is None:
            return
        path = self.choose_path()
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        products, words = list(self.model.visible), self.filter_words()
        try:
            written = run_with_progress(
                self,
                tr("Đang ghi tệp Excel…"),
                lambda: province.write_workbook(view, path, products=products, filters=words),
                cancellable=False,
            )
        except Exception as exc:  # a person-sized message, never a traceback
            show_error(self, exc)
            return
        self.status.setText(tr("Đã lưu {count} sản phẩm vào {file}", count=len(products), file=written))
