"""The desktop notification for a hot lead that became the user's after a sync (a routing rule
gave it to them): a system tray message, and nothing where the platform has no tray (offscreen,
some Linux desktops).

It shows and decides nothing: which leads count is `FollowUpBook.hot_waiting`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop.store.followups import FollowUpBook
from desktop.ui.common.guard import when_alive
from desktop.ui.services import Services

log = logging.getLogger(__name__)


class HotLeadNotice(QObject):
    """Tells the user once about each hot lead that reaches them from someone else."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = FollowUpBook(services.store)
        self.user_id = str(services.user.get("id") or "")
        # Hot leads the user already had when the window opened are not news.
        self.told: set[str] = set()
        self.shown: list[str] = []  # the messages shown (what a test or the log reads)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QApplication.windowIcon(), self)
        else:
            log.debug("no system tray: hot lead notices are not shown")
        services.changes.records_changed.connect(self._on_records_changed)
        if self.user_id:
            book, user_id = self.book, self.user_id
            task = services.tasks.run("hot leads held", lambda _ctx: book.hot_waiting(user_id))
            task.finished.connect(when_alive(self, self._on_held_read))

    def _on_held_read(self, held: list[dict[str, Any]]) -> None:
        self.told.update(r["id"] for r in held)

    def _on_records_changed(self, kind: str, ids: list[str]) -> None:
        if kind != "lead" or not self.user_id:
            return
        fresh = [r for r in self.book.hot_waiting(self.user_id, ids)
                 if r["id"] not in self.told and r.get("captured_by")
                 and r["captured_by"] != self.user_id]
        if fresh:
            self.tell(fresh)

    def tell(self, leads: list[dict[str, Any]]) -> None:
        self.told.update(r["id"] for r in leads)
        first = leads[0]
        who = " ".join(p for p in (first.get("first_name"), first.get("last_name")) if p)
        who = ", ".join(p for p in (who, first.get("company")) if p) or self.tr("A visitor")
        title = self.tr("%n hot lead(s) for you", "", len(leads))
        body = (self.tr("%1 is yours to contact first.").replace("%1", who) if len(leads) == 1
                else self.tr("%1 and others are yours to contact first.").replace("%1", who))
        self.shown.append(f"{title}: {body}")
        if self.tray is not None:
            self.tray.show()
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information, 10_000)
