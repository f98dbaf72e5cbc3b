"""Collateral requests: a rep's own requests and their answers, and marketing's queue sorted by
the date the material is needed. The table model holds rows the page hands it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.collateral.model import kind_name
from desktop.ui.common.dialog_size import keep_whole

Index = QModelIndex | QPersistentModelIndex
STATUS_NAMES = {"open": "Open", "accepted": "Accepted", "delivered": "Delivered", "declined": "Declined"}


class RequestModel(QAbstractTableModel):
    """Requests as rows: what, kind, needed by, event, who asked, status, reply."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self.events: dict[str, str] = {}
        self.users: dict[str, str] = {}
        self._headers = [self.tr("What"), self.tr("Kind"), self.tr("Needed by"), self.tr("Event"),
                         self.tr("Asked by"), self.tr("Status"), self.tr("Reply")]

    def set_rows(self, rows: list[dict[str, Any]], events: dict[str, str], users: dict[str, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.events = events
        self.users = users
        self.endResetModel()

    def row_at(self, row: int) -> dict[str, Any] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if col == 0:
            return r.get("title") or ""
        if col == 1:
            return kind_name(r.get("kind"))
        if col == 2:
            return r.get("needed_by") or ""
        if col == 3:
            return self.events.get(r.get("event_id") or "", "")
        if col == 4:
            return self.users.get(r.get("author_id") or "", "")
        if col == 5:
            return STATUS_NAMES.get(r.get("status") or "", r.get("status") or "")
        if col == 6:
            return r.get("response") or ""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# The least height of the list of requests: a few rows, never a sliver.
LIST_LEAST_HEIGHT = 160


class RequestsDialog(QDialog):
    """The request list; marketers get accept, decline and deliver buttons."""

    answer_requested = Signal(dict, str)  # request row, status

    def __init__(self, load: Callable[[], tuple[list[dict[str, Any]], dict[str, str], dict[str, str]]],
                 marketer: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self.setWindowTitle(self.tr("Requests for collateral") if marketer else self.tr("My requests"))
        self.resize(900, 460)
        intro = QLabel(self.tr("Open and accepted requests, the soonest needed first.") if marketer
                       else self.tr("What you asked marketing for, and their answers."))
        intro.setProperty("role", "muted")
        self.model = RequestModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.windowTitle())
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header = self.table.horizontalHeader()
        for col, width in enumerate((230, 90, 90, 150, 120, 80)):
            # Never narrower than the column's title in the window's language ("Benötigt bis").
            self.table.setColumnWidth(col, max(width, header.sectionSizeHint(col)))
        self.table.setMinimumHeight(LIST_LEAST_HEIGHT)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        self.buttons: dict[str, QPushButton] = {}
        if marketer:
            row = QHBoxLayout()
            row.addStretch(1)
            for status, label in (("accepted", self.tr("Accept…")), ("declined", self.tr("Decline…")),
                                  ("delivered", self.tr("Deliver…"))):
                button = QPushButton(label)
                button.setEnabled(False)
                button.clicked.connect(lambda _c=False, s=status: self._on_answer(s))
                self.buttons[status] = button
                row.addWidget(button)
            layout.addLayout(row)
            self.table.selectionModel().currentRowChanged.connect(self._on_current)
        keep_whole(self)  # never dragged smaller than its list and buttons need
        self.reload()

    def reload(self) -> None:
        rows, events, users = self._load()
        self.model.set_rows(rows, events, users)
        self._on_current(self.table.currentIndex())

    def _on_current(self, index: QModelIndex, _previous: Any = None) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        status = (row or {}).get("status")
        for key, button in self.buttons.items():
            button.setEnabled(row is not None and status in ("open", "accepted") and key != status)

    def _on_answer(self, status: str) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None:
            self.answer_requested.emit(row, status)
