"""A table model that holds only ids and loads rows for what is shown, in pages.

Lists over 100,000 records stay light: the id list comes from one indexed query, rows are
loaded 200 at a time as the view scrolls (`canFetchMore`/`fetchMore`) and cached.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
ROW_PAGE = 200
CACHE_ROWS = 5000


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    # Formats a row's value for display; gets the whole row.
    render: Callable[[dict[str, Any]], str] | None = None
    sort_key: str | None = None  # column to ORDER BY, None = not sortable
    align_right: bool = False


class LazyRecordModel(QAbstractTableModel):
    """Rows are records identified by id; `load_ids` and `load_rows` do the querying."""

    # Qt may ask for the row count while the base class is still being set up (a view or
    # proxy attached through `parent`): until then the model is empty.
    _shown = 0
    _all_ids: tuple[str, ...] | list[str] = ()

    def __init__(
        self,
        columns: Sequence[Column],
        load_ids: Callable[[], list[str]],
        load_rows: Callable[[list[str]], dict[str, dict[str, Any]]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._load_ids = load_ids
        self._load_rows = load_rows
        self._all_ids: list[str] = []
        self._shown = 0
        self._cache: OrderedDict[str, dict[str, Any]] = OrderedDict()

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        self.beginResetModel()
        self._all_ids = self._load_ids()
        self._shown = min(len(self._all_ids), ROW_PAGE)
        self._cache.clear()
        self.endResetModel()

    def refresh_ids(self, ids: Sequence[str]) -> None:
        """Forget cached rows of `ids` and repaint them (after a commit touched them)."""
        touched = set(ids)
        for rid in touched:
            self._cache.pop(rid, None)
        for row, rid in enumerate(self._all_ids[: self._shown]):
            if rid in touched:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def total(self) -> int:
        return len(self._all_ids)

    def id_at(self, row: int) -> str | None:
        return self._all_ids[row] if 0 <= row < self._shown else None

    def row_of(self, record_id: str) -> int:
        try:
            row = self._all_ids.index(record_id)
        except ValueError:
            return -1
        return row if row < self._shown else -1

    def record(self, row: int) -> dict[str, Any] | None:
        rid = self.id_at(row)
        if rid is None:
            return None
        cached = self._cache.get(rid)
        if cached is not None:
            self._cache.move_to_end(rid)
            return cached
        # Load the page around this row in one query.
        start = max(0, row - row % ROW_PAGE)
        page = [i for i in self._all_ids[start : min(self._shown, start + ROW_PAGE)] if i not in self._cache]
        loaded = self._load_rows(page)
        for pid in page:
            self._cache[pid] = loaded.get(pid, {"id": pid, "_missing": True})
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return self._cache.get(rid)

    # -- Qt model API --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._shown < len(self._all_ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = min(ROW_PAGE, len(self._all_ids) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown or index.column() >= len(self.columns):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole):
            return None
        row = self.record(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.get("id")
        if column.render is not None:
            return column.render(row)
        value = row.get(column.key)
        if value is None:
            return ""
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
