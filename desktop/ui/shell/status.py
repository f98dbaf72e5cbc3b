"""The status bar's standing facts: online or offline, the last sync, and how many changes wait.

Until a sync engine is attached this reads the store's outbox and sync state; the sync job
replaces the left part with its live widget.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

if TYPE_CHECKING:
    from desktop.ui.services import Services



def format_last_sync(iso: str | None, now: dt.datetime | None = None) -> str:
    if not iso:
        return "Never synced"
    try:
        when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return "Never synced"
    now = now or dt.datetime.now().astimezone()
    if when.date() == now.date():
        return f"Synced at {when:%H:%M}"
    return f"Synced {when:%d %b %H:%M}"


class ShellStatus:
    """Owns the permanent labels of the status bar."""

    def __init__(self, bar: QStatusBar, services: Services) -> None:
        self.services = services
        self.connection = QLabel()
        self.connection.setObjectName("connectionState")
        self.last_sync = QLabel()
        self.waiting = QLabel()
        self.waiting.setObjectName("waitingCount")
        self.user = QLabel()
        bar.addPermanentWidget(self.connection)
        bar.addPermanentWidget(self.last_sync)
        bar.addPermanentWidget(self.waiting)
        bar.addPermanentWidget(self.user)
        self._refresh_timer = QTimer(bar, singleShot=True, interval=200)
        self._refresh_timer.timeout.connect(self.refresh)
        services.changes.records_changed.connect(lambda *_: self._refresh_timer.start())
        self.refresh()

    def host_sync_widget(self, widget: QWidget) -> None:
        """The sync job's live widget takes over online state, last sync and waiting count."""
        self.hosted = widget
        for label in (self.connection, self.last_sync, self.waiting):
            label.hide()
        bar = self.connection.parentWidget()
        if isinstance(bar, QStatusBar):
            bar.insertPermanentWidget(0, widget)

    def refresh(self) -> None:
        if getattr(self, "hosted", None) is not None:
            self.refresh_user()
            return
        store = self.services.store
        counts = store.outbox_counts()
        online = bool(store.get_state("online", False))
        self.connection.setText("● Online" if online else "○ Offline")
        self.connection.setProperty("state", "good" if online else "warn")
        self.connection.style().unpolish(self.connection)
        self.connection.style().polish(self.connection)
        self.last_sync.setText(format_last_sync(store.get_state("last_sync_at")))
        text = f"{counts['pending']} waiting"
        if counts.get("attention"):
            text += f" · {counts['attention']} need attention"
        self.waiting.setText(text)
        self.refresh_user()

    def refresh_user(self) -> None:
        who = self.services.user
        self.user.setText(f"{who.get('name')} ({who.get('role')})" if who.get("name") else "Not signed in")
