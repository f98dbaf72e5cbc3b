"""How booth goals read on screen: the capture screen's counter ("you" and "the team") and the
phrases the booth board shares. Figures come from `desktop.store.goals.GoalBook` on the parallel
lane, after each save (RecordChanges) and each sync; this widget never reads the store itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from desktop.locale import format_int
from desktop.store.goals import GoalBook, GoalFigures
from desktop.ui.common.guard import when_alive
from desktop.ui.services import Services
from fieldnote.goals import Progress


def _phrase(metric: str, period: str) -> str:
    """"%1 leads today" and the like: a count (%1) of a metric in a period."""
    return {
        ("leads", "day"): QCoreApplication.translate("Goals", "%1 leads today"),
        ("leads", "show"): QCoreApplication.translate("Goals", "%1 leads this show"),
        ("qualified", "day"): QCoreApplication.translate("Goals", "%1 qualified today"),
        ("qualified", "show"): QCoreApplication.translate("Goals", "%1 qualified this show"),
        ("hot", "day"): QCoreApplication.translate("Goals", "%1 hot today"),
        ("hot", "show"): QCoreApplication.translate("Goals", "%1 hot this show"),
    }.get((metric, period), "%1")


def metric_phrase(metric: str, period: str) -> str:
    """What a goal counts, without the number ("leads today")."""
    return _phrase(metric, period).replace("%1", "").strip()


def counted(metric: str, period: str, count: int) -> str:
    return _phrase(metric, period).replace("%1", format_int(count))


def against(p: Progress) -> str:
    """"45 / 60 leads today (75 %)"."""
    of = QCoreApplication.translate("Goals", "%1 / %2").replace(
        "%1", format_int(p.count)).replace("%2", format_int(p.goal.target))
    text = _phrase(p.goal.metric, p.goal.period).replace("%1", of)
    return text + " " + QCoreApplication.translate("Goals", "(%1 %)").replace(
        "%1", format_int(p.percent))


def as_of_text(figures: GoalFigures) -> str:
    """When the others' figures were counted, on this device's clock."""
    if not figures.as_of:
        return QCoreApplication.translate("Goals", "team from this device")
    moment = dt.datetime.fromisoformat(figures.as_of.replace("Z", "+00:00")).astimezone()
    return QCoreApplication.translate("Goals", "team as of %1").replace(
        "%1", moment.strftime("%H:%M"))


def you_text(figures: GoalFigures) -> str:
    if figures.mine:
        return against(figures.mine[0])
    if figures.team:
        first = figures.team[0].goal
        return counted(first.metric, first.period,
                       figures.my_counts.get((first.metric, first.period), 0))
    return ""


class FigureRefresh(QObject):
    """When goal figures are asked for again: shortly after a change of a lead, an event or a
    user (several changes, one ask), after each sync, and every minute ("today" rolls over at
    midnight). The sync runner joins the window after the pages are built, so it is looked
    for again at each ask."""

    def __init__(self, services: Services, ask: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.services = services
        self._ask = ask
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self._fire)
        self._minute = QTimer(self, interval=60_000)
        self._minute.timeout.connect(self.refresh)
        self._minute.start()
        self._sync_connected = False
        services.changes.records_changed.connect(self._on_records_changed)
        self._connect_sync()

    def _connect_sync(self) -> None:
        runner = self.services.sync
        if runner is not None and not self._sync_connected:
            runner.cycle_finished.connect(when_alive(self, lambda _report: self.refresh()))
            self._sync_connected = True

    def _on_records_changed(self, kind: str, _ids: list[str]) -> None:
        if kind in ("lead", "event", "user"):
            self.refresh()

    def refresh(self) -> None:
        self._timer.start()

    def _fire(self) -> None:
        self._connect_sync()
        self._ask()

    def stop(self) -> None:
        """No more asks (the widget is closing)."""
        self._timer.stop()
        self._minute.stop()


class GoalCounter(QLabel):
    """"You: … · Team: … · team as of 14:32" for the current event; hidden when it has no
    goals. `refresh()` asks again (debounced); an answer about another event is dropped."""

    def __init__(self, services: Services, goals: GoalBook,
                 event_id: Callable[[], str | None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalCounter")
        self.setVisible(False)
        self.services = services
        self.goals = goals
        self.event_id = event_id
        self.figures: GoalFigures | None = None
        self.asked = 0  # answers arrived, for tests to wait on
        self._refresh = FigureRefresh(services, self._ask, self)

    def refresh(self) -> None:
        self._refresh.refresh()

    def _ask(self) -> None:
        event_id = self.event_id()
        me = self.services.user.get("id") if self.services.user else None
        goals = self.goals
        task = self.services.tasks.run(
            "goal figures",
            lambda _ctx: goals.figures(event_id, me, dt.datetime.now().astimezone()))
        task.finished.connect(when_alive(self, lambda f, e=event_id: self._show(e, f)))
        task.failed.connect(when_alive(self, lambda _message: None))  # the form works without

    def _show(self, event_id: str | None, figures: Any) -> None:
        self.asked += 1
        if event_id != self.event_id():
            return
        self.figures = figures
        if figures is None:
            self.setVisible(False)
            return
        parts = [self.tr("You: %1").replace("%1", you_text(figures))]
        if figures.team:
            parts.append(self.tr("Team: %1").replace("%1", against(figures.team[0])))
        parts.append(as_of_text(figures))
        self.setText("  ·  ".join(parts))
        lines = [self.tr("You: %1").replace("%1", against(p)) for p in figures.mine]
        lines += [self.tr("Team: %1").replace("%1", against(p)) for p in figures.team]
        self.setToolTip("\n".join(lines))
        self.setVisible(True)
