"""The notice after a one-click or one-key write: what was written, and an "Undo" button (also
Ctrl+Z while the notice shows) for `UNDO_WINDOW_S` seconds. It shows and asks; the undo itself
is `UndoableWrite.revert` on the writer lane, a new change that syncs.

It never decides what can be undone and never writes by itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.tasks import TaskRunner
from desktop.ui.common.guard import when_alive
from desktop.undo import UndoableWrite, UndoLog, UndoUnavailable


class UndoNotice(QFrame):
    """Say what one keystroke wrote and offer to undo it; `undo_requested(write)` asks the
    owner to revert. Ctrl+Z anywhere in `shortcut_scope` (outside text fields, which keep
    their own undo) does the same while the notice shows."""

    undo_requested = Signal(object)  # the UndoableWrite

    def __init__(self, log: UndoLog, shortcut_scope: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log = log
        self.write: UndoableWrite | None = None
        self.setObjectName("undoNotice")
        self.setProperty("role", "notice")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self.tr("Undo"))
        self.button.setAccessibleName(self.tr("Undo the last change"))
        self.button.setToolTip(self.tr("Undo (Ctrl+Z): records a correction that syncs"))
        self.button.clicked.connect(self._on_button_clicked)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self._on_expired)
        self.shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), shortcut_scope)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.setEnabled(False)
        self.shortcut.activated.connect(self._on_button_clicked)
        self.hide()

    def show_write(self, write: UndoableWrite) -> None:
        """Offer `write` for undoing (it is the log's pending write)."""
        self.write = write
        self.label.setText(write.summary)
        self.button.setEnabled(True)
        self.shortcut.setEnabled(True)
        self._expiry.start(int(self.log.remaining_s(write) * 1000) + 1)
        self.show()
        self.setAccessibleDescription(write.summary)

    def show_result(self, text: str) -> None:
        """After an undo (or its failure): say what happened; nothing is offered any more."""
        self.write = None
        self.label.setText(text)
        self.button.setEnabled(False)
        self.shortcut.setEnabled(False)
        self._expiry.start(int(self.log.window_s * 1000))
        self.show()

    def revert(self, tasks: TaskRunner, write: UndoableWrite,
               on_done: Callable[[UndoableWrite], None]) -> None:
        """Take `write` from the log and run its revert on the writer lane; `on_done(write)` after
        it committed. A write that can no longer be undone, or a revert that fails, is said here."""
        try:
            self.log.take(write)
        except UndoUnavailable as exc:
            self.show_result(str(exc))
            return
        task = tasks.write("undo", lambda _ctx: write.revert())
        task.finished.connect(when_alive(self, lambda _r: on_done(write)))
        task.failed.connect(when_alive(self, self.show_result))

    def dismiss(self) -> None:
        self.write = None
        self.shortcut.setEnabled(False)
        self._expiry.stop()
        self.hide()

    def _on_button_clicked(self) -> None:
        if self.write is not None:
            self.button.setEnabled(False)
            self.shortcut.setEnabled(False)
            self.undo_requested.emit(self.write)

    def _on_expired(self) -> None:
        if self.write is None or self.log.pending() is not self.write:
            self.dismiss()
        else:  # the clock and the timer disagree by a few ms: look again when it is due
            self._expiry.start(int(self.log.remaining_s(self.write) * 1000) + 1)
