"""Keyboard behaviour shared by every page: item views that take one Tab stop and open their row
with Enter, search fields whose Down key moves into their results, and scroll areas that keep
the focused widget in view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QScrollArea, QWidget

_OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _Keys(QObject):
    """Event filter: keys in `keys` pressed on the watched widget call `action` (and stop there)."""

    def __init__(self, watched: QWidget, keys: Iterable[Qt.Key], action: Callable[[], bool]) -> None:
        super().__init__(watched)
        self._keys = {int(k.value) for k in keys}
        self._action = action
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() in self._keys and mods == Qt.KeyboardModifier.NoModifier:
                return bool(self._action())
        return False


def item_view_keys(view: QAbstractItemView, name: str,
                   on_open: Callable[[QModelIndex], Any] | None = None, *,
                   space_opens: bool = False) -> None:
    """A table or list takes one Tab stop (arrows move inside it; Tab leaves it), has an
    accessible name, and opens its current row with Enter (and Space when `space_opens`)."""
    view.setTabKeyNavigation(False)
    view.setAccessibleName(name)
    if on_open is None:
        return
    keys = [*_OPEN_KEYS, Qt.Key.Key_Space] if space_opens else list(_OPEN_KEYS)

    def open_current() -> bool:
        index = view.currentIndex()
        if not index.isValid():
            return False
        on_open(index)
        return True

    _Keys(view, keys, open_current)


def down_into(search: QLineEdit,
              results: QAbstractItemView | Callable[[], QAbstractItemView]) -> None:
    """Down in a search field moves the focus into its results (a view, or a function giving
    the view now showing), on the current row (the first when none is current yet)."""

    def move() -> bool:
        view = results() if callable(results) else results
        completer = search.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None and popup.isVisible():
            return False  # Down walks the completions first
        model = view.model()
        if model is None or model.rowCount() == 0:
            return False
        if not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0, 0))
        view.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    _Keys(search, [Qt.Key.Key_Down], move)


def keep_focus_in_view(app: QApplication) -> None:
    """From now on, whenever a widget inside a scroll area gets the focus, the scroll area
    scrolls it into view (every enclosing one, inside out). Installed once per application."""
    if app.property("fieldnoteFocusInView"):
        return
    app.setProperty("fieldnoteFocusInView", True)
    app.focusChanged.connect(_on_focus_changed)


def _on_focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    if new is None:
        return
    child: QWidget = new
    parent = new.parentWidget()
    while parent is not None:
        inner = parent.widget() if isinstance(parent, QScrollArea) else None
        if isinstance(parent, QScrollArea) and inner is not None and inner.isAncestorOf(child):
            parent.ensureWidgetVisible(child, 16, 16)
            child = parent
        parent = parent.parentWidget()
