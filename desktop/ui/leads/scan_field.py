"""The capture screen's scan field: tells a badge scanner's keystroke burst (or a paste) from typing.

A scanner types its payload far faster than a person, line breaks included, often ending in
Enter. Keys that arrive within `BURST_GAP_S` of each other belong to one burst; when the keys
stop for `BURST_QUIET_MS`, a burst of at least `BURST_MIN_KEYS` keys is handed over whole. It
never parses anything itself and never drops a keystroke.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from fieldnote.kinds import TEXT_MAX

BURST_GAP_S = 0.035  # people type no faster than ~one key per 60 ms
BURST_QUIET_MS = 90
BURST_MIN_KEYS = 4
# A paste longer than this is not a badge: refused whole (the clipboard keeps it).
PASTE_MAX = TEXT_MAX


class ScanField(QPlainTextEdit):
    """One or two visible lines; holds whatever was scanned, pasted or typed until it is read."""

    scanned = Signal(str, str)  # payload, how it came ("scan", "paste" or "typed")
    save_requested = Signal()
    reopen_requested = Signal()
    refused = Signal(str)  # a message for the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanField")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 18)
        self._last_key_at = 0.0
        self._burst_keys = 0
        self._quiet = QTimer(self, singleShot=True, interval=BURST_QUIET_MS)
        self._quiet.timeout.connect(self._on_quiet_timeout)

    def payload(self) -> str:
        return self.toPlainText()

    def in_burst(self) -> bool:
        return self._burst_keys > 0

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Undo) and not self.toPlainText():
            self.reopen_requested.emit()
            return
        now = time.monotonic()
        fast = (now - self._last_key_at) < BURST_GAP_S
        self._last_key_at = now
        is_enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if is_enter:
            if self._burst_keys and fast:
                # Part of a scanned payload: a vCard's line breaks, or the scanner's final Enter.
                self.insertPlainText("\n")
                self._quiet.start()
            elif self._burst_keys >= BURST_MIN_KEYS:
                self._finish_burst()
            elif self.toPlainText().strip():
                self._burst_keys = 0
                self._emit("typed")
            else:
                self._burst_keys = 0
                self.clear()
                self.save_requested.emit()
            return
        if fast and event.text():
            # The first key of a burst only shows its speed on the second one. A slower key
            # inside a burst (a busy machine) continues it: only quiet or Enter ends a burst.
            self._burst_keys = self._burst_keys + 1 if self._burst_keys else 2
        super().keyPressEvent(event)
        if self._burst_keys:
            self._quiet.start()

    def take_over(self, other: ScanField) -> None:
        """Go on where `other` left off: its text (a scan still arriving, or typing not ended
        with Enter), the cursor at its end, and a burst in progress with its timing. `other`
        is left empty. (The capture form taking over the field that took keys before the
        form existed.)"""
        text = other.toPlainText()
        if text:
            self.setPlainText(text)
            self.moveCursor(QTextCursor.MoveOperation.End)
        self._last_key_at, self._burst_keys = other._last_key_at, other._burst_keys
        if other._quiet.isActive():
            other._quiet.stop()
            self._quiet.start()
        other._burst_keys = 0
        other._last_key_at = 0.0
        other.clear()

    def _on_quiet_timeout(self) -> None:
        if self._burst_keys >= BURST_MIN_KEYS:
            self._finish_burst()
        self._burst_keys = 0

    def _finish_burst(self) -> None:
        self._burst_keys = 0
        self._last_key_at = 0.0
        self._quiet.stop()
        self._emit("scan")

    def _emit(self, how: str) -> None:
        text = self.toPlainText()
        # A scanner's closing Enter is not part of the payload.
        if text.endswith("\n"):
            text = text[:-1]
        self.clear()
        if text.strip():
            self.scanned.emit(text, how)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        text = source.text() if source.hasText() else ""
        if not text:
            return
        if len(text) > PASTE_MAX:
            self.refused.emit(
                self.tr(
                    "That paste is %1 characters long; a badge scan holds at most %2. "
                    "Nothing was pasted and it is still on your clipboard: put longer "
                    "text in the notes or split it."
                ).replace("%1", f"{len(text):,}").replace("%2", f"{PASTE_MAX:,}")
            )
            return
        self._quiet.stop()
        self._burst_keys = 0
        self.clear()
        self.scanned.emit(text, "paste")
