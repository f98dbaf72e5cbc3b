"""The booth board: an event's goals and each staff member's progress, large enough to read
from across the stand, for a second screen. It shows staff names and counts only, never a
visitor. Figures come from `desktop.store.goals.GoalBook` on the parallel lane, again after each
change of a lead, the event or a user, after each sync and every minute (today rolls over at
midnight); Esc closes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_int
from desktop.store.goals import GoalBook, GoalFigures
from desktop.ui import theme
from desktop.ui.common.guard import when_alive
from desktop.ui.leads.goal_counter import FigureRefresh, as_of_text, metric_phrase
from desktop.ui.services import Services


def _label(text: str = "", *, muted: bool = False) -> QLabel:
    label = QLabel(text)
    if muted:
        label.setProperty("role", "muted")
    return label


class BoothBoard(QWidget):
    """A top-level window for one event's goals; `closed` when it goes."""

    closed = Signal()

    def __init__(self, services: Services, event_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("boothBoard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(theme.board_style_sheet())
        self.services = services
        self.event_id = event_id
        self.goals = GoalBook(services.store)
        self.figures: GoalFigures | None = None
        self.shown_times = 0  # answers shown, for tests to wait on
        self._sizes: list[tuple[QWidget, float, bool]] = []  # widget, scale, bold
        self.setWindowTitle(self.tr("Booth board"))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.setSpacing(18)
        top = QHBoxLayout()
        self.title = self._sized(_label(), 1.8, bold=True)
        top.addWidget(self.title, 1)
        self.as_of = self._sized(_label(muted=True), 0.9)
        top.addWidget(self.as_of, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        self.empty = self._sized(_label(muted=True), 1.2)
        self.empty.setWordWrap(True)
        outer.addWidget(self.empty)
        self.team_box = QWidget()
        self.team_grid = QGridLayout(self.team_box)
        self.team_grid.setContentsMargins(0, 0, 0, 0)
        self.team_grid.setHorizontalSpacing(24)
        self.team_grid.setVerticalSpacing(10)
        outer.addWidget(self.team_box)
        self.staff_heading = self._sized(_label(self.tr("Booth staff"), muted=True), 1.0,
                                         bold=True)
        outer.addWidget(self.staff_heading)
        self.staff_box = QWidget()
        self.staff_grid = QGridLayout(self.staff_box)
        self.staff_grid.setContentsMargins(0, 0, 0, 0)
        self.staff_grid.setHorizontalSpacing(32)
        self.staff_grid.setVerticalSpacing(8)
        outer.addWidget(self.staff_box)
        outer.addStretch(1)

        self._refresh = FigureRefresh(services, self._ask, self)
        self._apply_scale()
        self.refresh()

    # -- refreshing ------------------------------------------------------------------------

    def refresh(self) -> None:
        self._refresh.refresh()

    def _ask(self) -> None:
        goals, event_id = self.goals, self.event_id
        me = self.services.user.get("id") if self.services.user else None
        task = self.services.tasks.run(
            "booth board",
            lambda _ctx: (goals.figures(event_id, me, dt.datetime.now().astimezone(),
                                        with_staff=True), goals.event_name(event_id)))
        task.finished.connect(when_alive(self, self._show))
        task.failed.connect(when_alive(self, lambda _message: None))

    # -- showing ---------------------------------------------------------------------------

    def _show(self, answer: tuple[GoalFigures | None, str]) -> None:
        figures, name = answer
        self.figures = figures
        self.shown_times += 1
        self.title.setText(name or self.tr("Booth board"))
        for grid in (self.team_grid, self.staff_grid):
            while grid.count():
                item = grid.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.deleteLater()
        self._sizes = [s for s in self._sizes if s[0] in (self.title, self.as_of, self.empty,
                                                          self.staff_heading)]
        has_goals = figures is not None
        self.empty.setVisible(not has_goals)
        self.empty.setText(self.tr("This event has no goals yet. Marketing sets them in the "
                                   "event editor."))
        self.staff_heading.setVisible(has_goals and bool(figures and figures.staff))
        if figures is None:
            self.as_of.setText("")
            self._apply_scale()
            return
        self.as_of.setText(as_of_text(figures))
        for row, p in enumerate(figures.team):
            what = self._sized(_label(metric_phrase(p.goal.metric, p.goal.period)), 1.1)
            numbers = self._sized(_label(f"{format_int(p.count)} / {format_int(p.goal.target)}"),
                                  2.0, bold=True)
            numbers.setProperty("reached", "true" if p.reached else "false")
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(min(100, p.percent))
            bar.setTextVisible(False)
            bar.setProperty("reached", "true" if p.reached else "false")
            self._sizes.append((bar, 0.9, False))
            pct = self._sized(_label(f"{format_int(p.percent)} %"), 1.4, bold=True)
            self.team_grid.addWidget(what, row, 0)
            self.team_grid.addWidget(numbers, row, 1, Qt.AlignmentFlag.AlignRight)
            self.team_grid.addWidget(bar, row, 2)
            self.team_grid.addWidget(pct, row, 3, Qt.AlignmentFlag.AlignRight)
        self.team_grid.setColumnStretch(2, 1)
        self._fill_staff(figures)
        self._apply_scale()

    def _fill_staff(self, figures: GoalFigures) -> None:
        keys = list(dict.fromkeys([*((p.goal.metric, p.goal.period) for p in figures.team),
                                   *((g.metric, g.period) for g in figures.goals
                                     if not g.is_team)]))
        for column, (metric, period) in enumerate(keys, start=1):
            head = metric_phrase(metric, period)
            self.staff_grid.addWidget(self._sized(_label(head, muted=True), 0.8), 0, column,
                                      Qt.AlignmentFlag.AlignRight)
        for row, person in enumerate(figures.staff, start=1):
            self.staff_grid.addWidget(self._sized(_label(person.name), 1.1), row, 0)
            own = {(p.goal.metric, p.goal.period): p for p in person.goals}
            for column, key in enumerate(keys, start=1):
                mine = own.get(key)
                if mine is not None:
                    text = (f"{format_int(mine.count)} / {format_int(mine.goal.target)}"
                            f"  ({format_int(mine.percent)} %)")
                    reached = mine.reached
                else:
                    text = format_int(person.counts.get(key, 0)) if key in person.counts \
                        else "–"
                    reached = False
                cell = self._sized(_label(text), 1.1, bold=mine is not None)
                cell.setProperty("reached", "true" if reached else "false")
                self.staff_grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignRight)
        self.staff_grid.setColumnStretch(0, 1)

    # -- size ------------------------------------------------------------------------------

    def _sized(self, widget: QLabel, scale: float, *, bold: bool = False) -> QLabel:
        self._sizes.append((widget, scale, bold))
        return widget

    def _apply_scale(self) -> None:
        """Type that reads from across the stand: a base size from the window's height."""
        base = max(14, min(self.height() // 34, self.width() // 60))
        for widget, scale, bold in self._sizes:
            size = max(12, int(base * scale))
            if isinstance(widget, QProgressBar):
                widget.setFixedHeight(size)
                continue
            # On the widget itself: the theme's style sheet sets every widget's font size.
            widget.setStyleSheet(f"font-size: {size}px; font-weight: {700 if bold else 400};")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._apply_scale()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._refresh.stop()
        self.goals.dispose()
        self.closed.emit()
        super().closeEvent(event)
