"""The "My follow-ups" view of the Leads page: the signed-in user's leads waiting for their first
contact, oldest due first with the overdue ones marked, and for those who read others' work the
overdue count per rep; the routing rules open from here.

It shows what `FollowUpBook` reads (on the parallel lane) and asks nothing itself; due times
and what waits are `fieldnote.followups`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import with_count
from desktop.store.followups import FollowUpBook
from desktop.ui import theme
from desktop.ui.common.guard import when_alive
from desktop.ui.common.keyboard import item_view_keys
from desktop.ui.common.offers import offers_of
from desktop.ui.leads.models import grade_label, short_time
from desktop.ui.services import Services
from fieldnote.roles import reach

_Index = QModelIndex | QPersistentModelIndex


class FollowUpModel(QAbstractTableModel):
    """Rows of `FollowUpBook.for_owner`: due, overdue mark, grade, name, company."""

    COLUMNS = ("due_at", "overdue", "grade", "name", "company")

    def __init__(self, overdue_colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []
        self._overdue = QBrush(QColor(overdue_colour))
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Due"), self.tr("Overdue"), self.tr("Grade"), self.tr("Name"),
                  self.tr("Company"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "due_at":
                return short_time(row["due_at"]) if row["due_at"] else "—"
            if key == "overdue":
                return self.tr("Overdue") if row["overdue"] else ""
            if key == "grade":
                return grade_label(row["grade"]) if row["grade"] else "—"
            return row.get(key) or "—"
        if role == Qt.ItemDataRole.ForegroundRole and row["overdue"] and key in ("due_at", "overdue"):
            return self._overdue
        if role == Qt.ItemDataRole.FontRole and row["overdue"]:
            return self._bold
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None


class OverduePerRepModel(QAbstractTableModel):
    """Rows of `FollowUpBook.overdue_by_owner`: rep, overdue, waiting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Rep"), self.tr("Overdue"), self.tr("Waiting"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return row["name"] or row["email"] or self.tr("(nobody)")
            return str(row["overdue"] if index.column() == 1 else row["waiting"])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(False)
    return table


class FollowUpsPanel(QWidget):
    """The user's follow-ups and, for those who read others' work, overdue per rep."""

    open_requested = Signal(str)  # a lead id: show it in the list
    routing_requested = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = FollowUpBook(services.store)
        self._stale = True
        pal = theme.palette(services.settings.theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "muted")
        top.addWidget(self.summary, 1)
        self.routing_button = QPushButton(self.tr("Routing rules…"))
        self.routing_button.setAccessibleName(self.tr("Routing rules"))
        self.routing_button.clicked.connect(self.routing_requested)
        top.addWidget(self.routing_button)
        layout.addLayout(top)
        self.model = FollowUpModel(pal.bad, self)
        self.table = _table(self.model, self.tr("My follow-ups"))
        # Enter (or a double-click) shows the lead in the list's detail.
        item_view_keys(self.table, self.tr("My follow-ups"), self._on_table_activated)
        self.table.doubleClicked.connect(self._on_table_activated)
        layout.addWidget(self.table, 3)
        self.team_title = QLabel(self.tr("Overdue per rep"))
        self.team_title.setProperty("role", "subtitle")
        self.team_model = OverduePerRepModel(self)
        self.team_table = _table(self.team_model, self.tr("Overdue per rep"))
        self.team_title.setBuddy(self.team_table)
        layout.addWidget(self.team_title)
        layout.addWidget(self.team_table, 2)
        self.sees_team = reach(services.role).others_work
        self.team_title.setVisible(self.sees_team)
        self.team_table.setVisible(self.sees_team)
        # Everyone reads the rules; only those the policy allows get the editor's Save.
        self.routing_offer = offers_of(services).offer("routing", "update")
        services.changes.records_changed.connect(self._on_records_changed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_records_changed(self, kind: str, _ids: list[str]) -> None:
        if kind in ("lead", "lead_outcome", "user"):
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> Any:
        """Read the rows on the parallel lane; the tables fill in when they arrive."""
        self._stale = False
        book, owner, team = self.book, str(self.services.user.get("id") or ""), self.sees_team
        now = dt.datetime.now(dt.UTC)

        def read(_ctx: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
            mine = book.for_owner(owner, now) if owner else []
            return mine, (book.overdue_by_owner(now) if team else [])

        task = self.services.tasks.run("follow-ups", read)
        task.finished.connect(when_alive(self, self._on_rows_read))
        return task

    def _on_rows_read(self, found: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> None:
        mine, per_rep = found
        self.model.set_rows(mine)
        self.team_model.set_rows(per_rep)
        overdue = sum(1 for r in mine if r["overdue"])
        if not mine:
            self.summary.setText(self.tr("Nothing to follow up: every lead of yours has been "
                                         "contacted."))
        else:
            self.summary.setText(
                with_count(self.tr("%n lead(s) wait for your first contact, oldest due first.",
                                   "", len(mine)), len(mine))
                + " " + with_count(self.tr("%n overdue.", "", overdue), overdue))

    def _on_table_activated(self, index: QModelIndex) -> None:
        lead_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if lead_id:
            self.open_requested.emit(str(lead_id))
