"""A table model over a short in-memory list of value objects (attention items, conflicts).

Subclasses name their headers and say what each cell shows; long record lists use the lazy
id-list model instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class ItemTableModel(QAbstractTableModel, Generic[T]):
    """Rows are `items`; `headers()` gives the columns and `cell()` their text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[T] = []

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def cell(self, item: T, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, item: T, column: int) -> str:
        return self.cell(item, column)

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, index.column())
        return None


def item_table(model: QAbstractTableModel) -> QTableView:
    """A table showing `model` one whole row at a time, for picking a single item."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    table.setTabKeyNavigation(False)  # one Tab stop; the arrow keys move inside
    return table
