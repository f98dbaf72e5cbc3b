"""The filter bar of the Insights page: period, team, rep and events, turned into `InsightFilters`.

It only remembers what the user picked and offers what the cache holds; it never queries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from desktop.ui.common.reflow import FlowRow
from fieldnote import roles
from fieldnote.insights import InsightFilters

PERIODS = ("all", "30", "90", "year", "custom")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class InsightFilterBar(QWidget):
    """Period, team, rep and event pickers; `changed` fires on every pick."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._updating = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.period = QComboBox()
        for key, label in zip(PERIODS, (self.tr("All time"), self.tr("Last 30 days"),
                                        self.tr("Last 90 days"), self.tr("This year"),
                                        self.tr("Custom range")), strict=True):
            self.period.addItem(label, key)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        today = dt.datetime.now(dt.UTC).date()
        for edit, day in ((self.date_from, today - dt.timedelta(days=90)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(day))
            edit.setVisible(False)
            edit.dateChanged.connect(self._emit)
        self.to_label = QLabel(self.tr("to"))
        self.to_label.setVisible(False)
        self.team = QComboBox()
        self.team.addItem(self.tr("All teams"), None)
        self.rep = QComboBox()
        self.rep.addItem(self.tr("All reps"), None)
        # Fixed widths: picks and refills must not resize the window around them.
        for combo, chars in ((self.team, 10), (self.rep, 12)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            # At least as wide as "All teams" / "All reps" in the window's language.
            combo.setMinimumContentsLength(max(chars, len(combo.itemText(0)) + 1))
        self.events_button = QToolButton()
        self.events_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.events_button.setText(self.tr("All events"))
        # Room for "All events" in every language (German: "Alle Veranstaltungen") and its arrow.
        self.events_button.setObjectName("dropButton")  # drawn as a drop-down, like the combos
        self.events_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.events_menu = QMenu(self.events_button)
        self.events_button.setMenu(self.events_menu)
        self.events_button.setMinimumWidth(max(160, self.events_button.sizeHint().width()))
        self._event_actions: dict[str, QAction] = {}
        period_group, period_line = _group()
        for label, widget in ((self.tr("Period"), self.period),):
            caption = QLabel(label)
            caption.setBuddy(widget)
            caption.setProperty("role", "muted")
            period_line.addWidget(caption)
            period_line.addWidget(widget)
        self.period.setAccessibleName(self.tr("Period"))
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to.setAccessibleName(self.tr("To"))
        self.team.setAccessibleName(self.tr("Team"))
        self.rep.setAccessibleName(self.tr("Rep"))
        self.events_button.setAccessibleName(self.tr("Events"))
        self.range_group, range_line = _group()
        for part in (self.date_from, self.to_label, self.date_to):
            range_line.addWidget(part)
        self.range_group.setVisible(False)
        # One row on a wide window; in a narrow one (or with a custom range) the pickers wrap
        # onto a second row instead of cutting their texts.
        self.row = FlowRow((period_group, self.range_group, self.team, self.rep,
                            self.events_button))
        layout.addWidget(self.row, 1)
        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.team.currentIndexChanged.connect(self._emit)
        self.rep.currentIndexChanged.connect(self._emit)

    # -- what the cache offers ----------------------------------------------------------------

    def set_choices(self, choices: Mapping[str, Any]) -> None:
        """Fill the pickers from the cache's events, teams and users, keeping the picks."""
        self._updating = True
        try:
            self._refill(self.team, self.tr("All teams"), [(t, t) for t in choices.get("teams", [])])
            self._refill(self.rep, self.tr("All reps"),
                         [(u["name"] or u["id"][:8], u["id"]) for u in choices.get("users", [])
                          if roles.in_the_field(u.get("role"))])
            picked = set(self.event_ids())
            self.events_menu.clear()
            self._event_actions = {}
            clear = self.events_menu.addAction(self.tr("All events"))
            clear.triggered.connect(self.clear_events)
            self.events_menu.addSeparator()
            for ev in choices.get("events", []):
                label = ev["name"] + (f"  ·  {ev['campaign_code']}" if ev.get("campaign_code") else "")
                action = self.events_menu.addAction(label)
                action.setCheckable(True)
                action.setChecked(ev["id"] in picked)
                action.toggled.connect(self._on_event_toggled)
                self._event_actions[ev["id"]] = action
            self._update_events_text()
        finally:
            self._updating = False

    @staticmethod
    def _refill(combo: QComboBox, all_label: str, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, None)
        for label, data in items:
            combo.addItem(label, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    # -- picks ---------------------------------------------------------------------------------

    def event_ids(self) -> list[str]:
        return [eid for eid, action in self._event_actions.items() if action.isChecked()]

    def set_events(self, event_ids: list[str]) -> None:
        self._updating = True
        for eid, action in self._event_actions.items():
            action.setChecked(eid in event_ids)
        self._updating = False
        self._update_events_text()
        self._emit()

    def clear_events(self) -> None:
        self.set_events([])

    def set_rep(self, user_id: str | None) -> None:
        index = self.rep.findData(user_id) if user_id else 0
        if index >= 0:
            self.rep.setCurrentIndex(index)

    def set_period(self, key: str) -> None:
        self.period.setCurrentIndex(max(0, PERIODS.index(key)))

    def set_range(self, start: dt.date, end: dt.date) -> None:
        self._updating = True
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))
        self._updating = False
        self.set_period("custom")
        self._emit()

    def filters(self, today: dt.date | None = None) -> InsightFilters:
        """The picks as filters; a custom range with the ends swapped is read in order."""
        today = today or dt.datetime.now(dt.UTC).date()
        key = self.period.currentData()
        start: dt.date | None = None
        end: dt.date | None = None
        if key == "30":
            start = today - dt.timedelta(days=29)
        elif key == "90":
            start = today - dt.timedelta(days=89)
        elif key == "year":
            start = dt.date(today.year, 1, 1)
        elif key == "custom":
            start, end = sorted((_pydate(self.date_from.date()), _pydate(self.date_to.date())))
        return InsightFilters(date_from=start, date_to=end, team=self.team.currentData(),
                              rep_id=self.rep.currentData(), event_ids=tuple(self.event_ids()))

    def _on_period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        for widget in (self.date_from, self.to_label, self.date_to):
            widget.setVisible(custom)
        self.range_group.setVisible(custom)
        self.row.relayout()
        self._emit()

    def _on_event_toggled(self) -> None:
        self._update_events_text()
        self._emit()

    def _update_events_text(self) -> None:
        picked = self.event_ids()
        self.events_button.setToolTip("")
        if not picked:
            self.events_button.setText(self.tr("All events"))
        elif len(picked) == 1:
            # A long event name is shortened with "…" to the button's width, whole in its tooltip.
            name = self._event_actions[picked[0]].text().split("  ·  ")[0]
            room = self.events_button.minimumWidth() - (self.events_button.sizeHint().width()
                                                         - self.events_button.fontMetrics()
                                                         .horizontalAdvance(self.events_button.text()))
            self.events_button.setText(self.events_button.fontMetrics().elidedText(
                name, Qt.TextElideMode.ElideRight, max(room, 80)))
            self.events_button.setToolTip(name)
            return
        else:
            self.events_button.setText(self.tr("%n event(s)", "", len(picked)))

    def _emit(self) -> None:
        if not self._updating:
            self.changed.emit()


def _group() -> tuple[QWidget, QHBoxLayout]:
    """Widgets that stay together on one line of the filter row, and that line."""
    group = QWidget()
    line = QHBoxLayout(group)
    line.setContentsMargins(0, 0, 0, 0)
    line.setSpacing(8)
    return group, line
