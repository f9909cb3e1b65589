"""A table model that filters and sorts its rows in plain Python: a QSortFilterProxyModel over tens of thousands
of rows would take seconds, and a Vietnamese sort key costs more than a comparison, so each column's keys are
computed once per list. Subclasses say which rows to keep, each row's identity and each column's sort key."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class SortedFilteredModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self.visible: list[Any] = []
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._key_cache: dict[int, dict[str, Any]] = {}

    # what a subclass says
    def row_id(self, row: Any) -> str:
        raise NotImplementedError

    def sort_key(self, column: int) -> Callable[[Any], Any]:
        raise NotImplementedError

    def filtering(self) -> bool:
        """False when every row is kept (the filter is not even asked)."""
        return False

    def keeps(self, row: Any) -> bool:
        return True

    # the mechanism
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._key_cache = {}
        self._apply()
        self.endResetModel()

    def refilter(self) -> None:
        """Show the rows the (just changed) filter keeps, in the current order."""
        self.beginResetModel()
        self._apply()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self.sort_column, self.sort_order = column, order
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        rows = [r for r in self.rows if self.keeps(r)] if self.filtering() else list(self.rows)
        key = self.keys(self.sort_column)
        rows.sort(key=lambda r: key[self.row_id(r)], reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
        self.visible = rows

    def keys(self, column: int) -> dict[str, Any]:
        """The sort keys of a column by row identity, computed once per list."""
        cached = self._key_cache.get(column)
        if cached is None:
            make = self.sort_key(column)
            cached = self._key_cache[column] = {self.row_id(r): make(r) for r in self.rows}
        return cached

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.visible)
