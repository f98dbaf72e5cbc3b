"""The desktop notification for a hot lead that became the user's after a sync (a routing rule
gave it to them): a system tray message, and nothing where the platform has no tray (offscreen,
some Linux desktops).

It shows and decides nothing: which leads count is `FollowUpBook.hot_waiting`.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop.store.followups import FollowUpBook
from desktop.ui.common.guard import when_alive
from desktop.ui.services import Services

log = logging.getLogger(__name__)

# How long changed leads are gathered before they are read (one read per burst).
FLUSH_MS = 200


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
        self.pending: set[str] = set()
        self.held_read = False  # changes wait until the leads held at opening are known
        self.flush_timer = QTimer(self)
        self.flush_timer.setSingleShot(True)
        self.flush_timer.setInterval(FLUSH_MS)
        self.flush_timer.timeout.connect(self._flush)
        services.changes.records_changed.connect(self._on_records_changed)
        if self.user_id:
            book, user_id = self.book, self.user_id
            task = services.tasks.run("hot leads held", lambda _ctx: book.hot_waiting(user_id))
            task.finished.connect(when_alive(self, self._on_held_read))

    def _on_held_read(self, held: list[dict[str, Any]]) -> None:
        # A lead that changed while this was read is judged as news, not as already held.
        self.told.update(r["id"] for r in held if r["id"] not in self.pending)
        self.held_read = True
        if self.pending:
            self.flush_timer.start()

    def _on_records_changed(self, kind: str, ids: list[str]) -> None:
        # Saves and pulls come in bursts (a capture alone announces its lead several times):
        # gather the ids and read them once, on the reader lane, never on the UI thread.
        if kind != "lead" or not self.user_id:
            return
        self.pending.update(ids)
        if self.held_read and not self.flush_timer.isActive():
            self.flush_timer.start()

    def _flush(self) -> None:
        ids, self.pending = list(self.pending), set()
        if not ids:
            return
        book, user_id = self.book, self.user_id
        task = self.services.tasks.run("hot leads arrived",
                                       lambda _ctx: book.hot_waiting(user_id, ids))
        task.finished.connect(when_alive(self, self._on_arrived_read))

    def _on_arrived_read(self, rows: list[dict[str, Any]]) -> None:
        fresh = [r for r in rows if r["id"] not in self.told and r.get("captured_by")
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
