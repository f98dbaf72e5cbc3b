"""Finds interactive widgets a screen reader could not name. Reusable by any page or dialog test:

    from tests.support.a11y import unnamed_widgets
    assert unnamed_widgets(dialog) == []

A widget is named by its accessible name, by a label whose buddy it is (what
`QFormLayout.addRow("Label", widget)` sets up), or, for a button, by text with a letter or digit
in it. Placeholders do not count (a screen reader reads them as a description, and they vanish
once something is typed); neither does a combo box's current value. Hidden widgets are checked
too: they show later (another view, a toggled table, a role's buttons).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView, QTextEdit,
    QPlainTextEdit, QAbstractSlider,
)
# Parts Qt builds inside other widgets; the outer widget carries the name.
_INNER_OF = (QComboBox, QAbstractSpinBox, QTabBar, QCalendarWidget, QLineEdit, QAbstractItemView)


def _charts() -> tuple[type[QWidget], ...]:
    try:
        from PySide6.QtCharts import QChartView
    except ImportError:  # pragma: no cover - QtCharts ships with PySide6
        return ()
    return (QChartView,)


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text.replace("&", ""))


def _is_inner(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root.parentWidget():
        if isinstance(parent, _INNER_OF):
            return True
        parent = parent.parentWidget()
    return False


def name_of(widget: QWidget, buddies: dict[int, str] | None = None) -> str:
    """What a screen reader announces as the widget's name ("" when nothing would be)."""
    name = widget.accessibleName().strip()
    if name:
        return name
    if buddies is not None and id(widget) in buddies:
        return buddies[id(widget)]
    if isinstance(widget, QAbstractButton) and _has_word(widget.text()):
        return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    return ""


def _buddies(root: QWidget) -> dict[int, str]:
    out: dict[int, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and _has_word(label.text()):
            out[id(buddy)] = label.text().strip()
    return out


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Every widget under `root` (and `root`) a user can operate or a screen reader must name."""
    kinds = INTERACTIVE + _charts()
    found = [root, *root.findChildren(QWidget)]
    return [
        w for w in found
        if isinstance(w, kinds) and not isinstance(w, (QScrollBar, QHeaderView)) and not _is_inner(w, root)
    ]


def unnamed_widgets(root: QWidget) -> list[str]:
    """A line per interactive widget under `root` without a name: its class, object name and
    where it sits (the chain of its named ancestors), for the failure message."""
    buddies = _buddies(root.window())
    out = []
    for widget in interactive_widgets(root):
        if _has_word(name_of(widget, buddies)):
            continue
        out.append(_describe(widget, root))
    return out


def _describe(widget: QWidget, root: QWidget) -> str:
    path = []
    parent = widget.parentWidget()
    while parent is not None and parent is not root.parentWidget():
        label = parent.objectName() or (parent.windowTitle() if parent.isWindow() else "")
        if label:
            path.append(label)
        parent = parent.parentWidget()
    extra = ""
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        extra = f" placeholder={widget.placeholderText()!r}"
    elif isinstance(widget, QComboBox):
        extra = f" value={widget.currentText()!r}"
    elif isinstance(widget, QAbstractButton):
        extra = f" text={widget.text()!r} tooltip={widget.toolTip()!r}"
    where = " < ".join(path)
    return f"{type(widget).__name__} {widget.objectName()!r}{extra} in {where}"
