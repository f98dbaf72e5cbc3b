"""A read-only table model over rows of figures: what every chart on the Insights page draws.

It holds a finished list handed over from a computation; it never queries anything itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.locale import format_amount, format_int, format_money

_Index = QModelIndex | QPersistentModelIndex


class Money(float):
    """An amount in a currency (ISO 4217): a number to sort and compare, shown with its
    currency."""

    currency: str

    def __new__(cls, amount: float | int, currency: str) -> Money:
        value = super().__new__(cls, amount)
        value.currency = currency
        return value


def display(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, Money):
        return format_money(float(value), value.currency)
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return format_int(value) if value.is_integer() else format_amount(value)
    if isinstance(value, int):
        return format_int(value)
    return str(value)


class FigureTableModel(QAbstractTableModel):
    """Rows of values under a header; numbers sort as numbers and align right.

    `keys` (one per row, optional) lets a view say which record or name a row stands for.
    """

    KeyRole = Qt.ItemDataRole.UserRole + 1
    SortRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, header: Sequence[str] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._header = list(header)
        self._rows: list[list[Any]] = []
        self._keys: list[Any] = []

    def set_rows(self, rows: Sequence[Sequence[Any]], keys: Sequence[Any] | None = None,
                 header: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        if header is not None:
            self._header = list(header)
        self._rows = [list(r) for r in rows]
        self._keys = list(keys) if keys is not None else [None] * len(self._rows)
        self.endResetModel()

    def rows(self) -> list[list[Any]]:
        return [list(r) for r in self._rows]

    def header(self) -> list[str]:
        return list(self._header)

    def key(self, row: int) -> Any:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        value = row[index.column()] if index.column() < len(row) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return display(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == self.SortRole:
            if value is None:
                return float("-inf")
            return value if isinstance(value, (int, float)) else str(value).lower()
        if role == self.KeyRole:
            return self.key(index.row())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._header)):
            return self._header[section]
        return None
