"""Task results that arrive after their widget closed are dropped instead of crashing.

A save on the writer lane can finish after the dialog or page that asked for it was deleted;
the record is committed either way, only the widget's reaction is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def when_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., None]:
    """`fn`, called only while `owner`'s C++ object still exists."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return call
