"""The booth goals of an event, as marketing sets them in the event editor: one row per goal
(who, what counts, per day or for the show, the target). The rules are `fieldnote.goals`; this
widget only shows and asks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.leads.choice_box import ChoiceBox
from fieldnote.goals import MAX_TARGET, METRICS, PERIODS, TEAM, Goal, goals_of


def metric_label(metric: str) -> str:
    """What a goal counts, in words."""
    return {
        "leads": QCoreApplication.translate("Goals", "Leads"),
        "qualified": QCoreApplication.translate("Goals", "Qualified leads"),
        "hot": QCoreApplication.translate("Goals", "Hot leads"),
    }.get(metric, metric)


def period_label(period: str) -> str:
    return {
        "day": QCoreApplication.translate("Goals", "Per day"),
        "show": QCoreApplication.translate("Goals", "Whole show"),
    }.get(period, period)


class GoalsEditor(QWidget):
    """The goals table with Add and Remove; `goals()` is the event's `goals` field."""

    WHO, WHAT, WHEN, TARGET = range(4)

    def __init__(self, users: Mapping[str, Mapping[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users = {uid: str(u.get("name") or u.get("email") or uid) for uid, u in users.items()}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("eventGoals")
        self.table.setAccessibleName(self.tr("Goals"))
        self.table.setHorizontalHeaderLabels([self.tr("For"), self.tr("Counts"),
                                              self.tr("Period"), self.tr("Target")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.WHO, QHeaderView.ResizeMode.Stretch)
        for column in (self.WHAT, self.WHEN, self.TARGET):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMaximumHeight(150)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add goal"))
        self.add_button.clicked.connect(lambda: self.add_goal())
        self.remove_button = QPushButton(self.tr("Remove goal"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def set_goals(self, event: Mapping[str, Any] | None) -> None:
        self.table.setRowCount(0)
        for goal in goals_of(event):
            self.add_goal(goal)

    def add_goal(self, goal: Goal | None = None) -> int:
        """Add a row (the team's leads per day, 50, unless a goal is given); its index."""
        goal = goal or Goal("leads", TEAM, "day", 50)
        row = self.table.rowCount()
        self.table.insertRow(row)
        who = ChoiceBox()
        who.addItem(self.tr("The team"), TEAM)
        for uid, name in sorted(self.users.items(), key=lambda item: item[1].casefold()):
            who.addItem(name, uid)
        if goal.scope != TEAM and who.findData(goal.scope) < 0:
            who.addItem(self.tr("(someone not on this device)"), goal.scope)
        who.setCurrentIndex(max(0, who.findData(goal.scope)))
        what = ChoiceBox()
        for metric in METRICS:
            what.addItem(metric_label(metric), metric)
        what.setCurrentIndex(max(0, what.findData(goal.metric)))
        when = ChoiceBox()
        for period in PERIODS:
            when.addItem(period_label(period), period)
        when.setCurrentIndex(max(0, when.findData(goal.period)))
        target = QSpinBox()
        target.setRange(1, MAX_TARGET)
        target.setValue(goal.target)
        for column, widget, name in ((self.WHO, who, self.tr("For")),
                                     (self.WHAT, what, self.tr("Counts")),
                                     (self.WHEN, when, self.tr("Period")),
                                     (self.TARGET, target, self.tr("Target"))):
            widget.setAccessibleName(name)
            self.table.setCellWidget(row, column, widget)
        self.table.selectRow(row)
        return row

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _cell(self, row: int, column: int) -> Any:
        return self.table.cellWidget(row, column)

    def goals(self) -> list[dict[str, Any]]:
        return [{"metric": self._cell(r, self.WHAT).currentData(),
                 "scope": self._cell(r, self.WHO).currentData(),
                 "period": self._cell(r, self.WHEN).currentData(),
                 "target": self._cell(r, self.TARGET).value()}
                for r in range(self.table.rowCount())]

    def repeated_row(self) -> int | None:
        """The first row that repeats an earlier row's person, count and period, if any."""
        seen: set[tuple[str, str, str]] = set()
        for row, goal in enumerate(self.goals()):
            key = (goal["metric"], goal["scope"], goal["period"])
            if key in seen:
                return row
            seen.add(key)
        return None
