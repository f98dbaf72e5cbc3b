"""The status bar's sync widget: Offline / Syncing (with progress) / Synced at HH:MM, how many
changes wait, and how many need attention.

It only reacts to the runner's signals and asks it for its small state; it never waits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.locale import format_datetime, format_time
from desktop.sync.state import Phase, Progress, SyncState


def local_time(iso: str | None) -> dt.datetime | None:
    if not iso:
        return None
    try:
        return dt.datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return None


class SyncStatusWidget(QWidget):
    """Built with the sync runner (anything with `state_changed`, `progress`, `state()`)."""

    attention_requested = Signal()
    sync_requested = Signal()

    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.state_label = QLabel()
        self.state_label.setObjectName("connectionState")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(12)
        self.bar.setTextVisible(False)
        self.bar.hide()
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waitingCount")
        self.attention_button = QPushButton()
        self.attention_button.setObjectName("attentionButton")
        self.attention_button.setFlat(True)
        self.attention_button.setAccessibleName(self.tr("Changes that need attention"))
        self.attention_button.clicked.connect(self.attention_requested)
        self.attention_button.hide()
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setFlat(True)
        self.sync_button.setToolTip(self.tr("Send and fetch changes now (F5)"))
        self.sync_button.clicked.connect(self._on_sync_button_clicked)
        for w in (self.state_label, self.bar, self.waiting_label, self.attention_button,
                  self.sync_button):
            layout.addWidget(w)
        runner.state_changed.connect(self.show_state)
        runner.progress.connect(self.show_progress)
        self.show_state(runner.state())

    def refresh(self) -> None:
        self.show_state(self.runner.state())

    def _on_sync_button_clicked(self) -> None:
        self.runner.sync_now()
        self.sync_requested.emit()

    def show_state(self, state: SyncState) -> None:
        self.state = state
        self.state_label.setText(self.phase_text(state))
        self.state_label.setToolTip(state.message or (state.hub_url or ""))
        good = state.phase in (Phase.SYNCED, Phase.SYNCING)
        self.state_label.setProperty("state", "good" if good else "warn")
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)
        self.bar.setVisible(state.phase is Phase.SYNCING)
        if state.phase is Phase.SYNCING and state.progress is not None:
            self.show_progress(state.progress)
        self.waiting_label.setText(self.tr("%n waiting", "", state.waiting))
        self.attention_button.setText(self.tr("%n need attention", "", state.attention))
        self.attention_button.setVisible(state.attention > 0)
        self.sync_button.setEnabled(state.phase not in (Phase.SYNCING, Phase.SIGNED_OUT))

    def show_progress(self, p: Progress) -> None:
        if p.total:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(1.0, p.done / p.total)))
        else:
            self.bar.setRange(0, 0)  # busy indicator
        stage = {
            "push": self.tr("Sending changes…"),
            "upload": self.tr("Sending files…"),
            "pull": self.tr("Fetching changes…"),
            "blobs": self.tr("Fetching files…"),
            "check": self.tr("Checking…"),
        }.get(p.stage, self.tr("Syncing…"))
        self.bar.setToolTip(stage)
        if self.state.phase is Phase.SYNCING:
            self.state_label.setText(stage)

    def phase_text(self, state: SyncState) -> str:
        phase = state.phase
        if phase is Phase.SYNCING:
            return self.tr("Syncing…")
        if phase is Phase.SIGNED_OUT:
            return self.tr("Not signed in")
        if phase is Phase.SIGN_IN_NEEDED:
            return self.tr("Sign in needed")
        if phase is Phase.INCOMPATIBLE:
            return self.tr("Hub needs an update")
        if phase is Phase.OFFLINE:
            return self.tr("Offline")
        if phase is Phase.ERROR:
            return self.tr("Hub trouble, retrying")
        when = local_time(state.last_synced_at)
        if when is None:
            return self.tr("Not synced yet")
        if when.date() == dt.datetime.now().astimezone().date():
            return self.tr("Synced at %1").replace("%1", format_time(when))
        return self.tr("Synced %1").replace("%1", format_datetime(when))
