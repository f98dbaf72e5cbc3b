"""Running one blocking call of a sync view off the UI thread, with the result back on it.

The outcome arrives as `(value, None)` or `(None, exception)`, so views can tell failures
apart by type; nothing is raised inside Qt's event loop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class BackgroundCall(QObject):
    """Call `fn` in a thread; `done(value, error)` is emitted on the creating thread."""

    done = Signal(object, object)

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._thread = threading.Thread(target=self._run, daemon=True, name="fieldnote-ui-call")

    def start(self) -> BackgroundCall:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            value = self._fn()
        except Exception as exc:  # handed to the view, which shows it
            self.done.emit(None, exc)
        else:
            self.done.emit(value, None)
