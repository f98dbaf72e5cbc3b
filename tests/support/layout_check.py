"""Finds what a window shows cut: texts wider than the room they have, buttons squeezed under
their text, column titles cut, tabs out of sight, widgets squeezed to nothing, panes scrolling
sideways. Used by the screenshot tests of every page at every size.

A problem is one line naming the widget (its accessible name, object name or class) and what
is wrong, so a failing test reads as a list of what to fix. It only reads widgets; it never
changes one.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Pixels a text may overhang its room: the rounding of font metrics, not a visible cut.
SLACK = 2
ELLIPSIS = "…"
# A box narrower than this shows too little of its choice to read; a scrolled pane whose view
# is narrower or lower than SLIVER shows next to nothing.
COMBO_LEAST = 120
SLIVER = 100
# The theme's header sections pad their titles 8 px on either side.
HEADER_PADDING = 16


def describe(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text().replace("\n", " ")[:40]
    name = widget.accessibleName() or widget.objectName()
    parts = [type(widget).__name__]
    if name:
        parts.append(f"'{name}'")
    if text:
        parts.append(f"«{text}»")
    return " ".join(parts)


def _shown(root: QWidget) -> Iterable[QWidget]:
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and widget.window() is root.window():
            yield widget


def _inside_scrolled(widget: QWidget, root: QWidget) -> bool:
    """Whether `widget` sits in a scroll area's viewport below `root` (cut there means
    "scroll to see it", not "cannot be seen")."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and \
                parent is parent.parentWidget().viewport():  # type: ignore[union-attr]
            return True
        parent = parent.parentWidget()
    return False


def _seen_width(widget: QWidget, root: QWidget) -> int:
    """How much of `widget`'s width its ancestors up to `root` leave in sight."""
    rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        rect &= QRect(parent.mapTo(root, QPoint(0, 0)), parent.size())
        parent = parent.parentWidget()
    return (rect & root.rect()).width()


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label_room(label: QLabel) -> int:
    margin = label.margin() * 2
    indent = max(label.indent(), 0) if label.indent() >= 0 else 0
    return label.contentsRect().width() - margin - indent


def text_problems(widget: QWidget) -> list[str]:
    """A label or button whose text needs more width than it has (and is not elided)."""
    problems: list[str] = []
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or widget.wordWrap() or widget.pixmap() is not None and \
                not widget.pixmap().isNull():
            return problems
        rich = widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text)
        if rich:
            document = QTextDocument()
            document.setDefaultFont(widget.font())
            document.setDocumentMargin(0)
            document.setHtml(text)
            need = int(document.idealWidth())
        else:
            metrics = widget.fontMetrics()
            need = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        room = _label_room(widget)
        if need > room + SLACK:
            problems.append(f"{describe(widget)} needs {need} px, has {room}")
    elif isinstance(widget, QAbstractButton):
        text = _plain(widget.text())
        if not text or text.endswith(ELLIPSIS) and isinstance(widget, QPushButton) and \
                widget.property("elided"):
            return problems
        hint = widget.sizeHint().width()
        if widget.width() + SLACK < hint:
            problems.append(f"{describe(widget)} is {widget.width()} px wide, its text needs {hint}")
    return problems


def height_problems(widget: QWidget) -> list[str]:
    """A field or button squeezed below its own height, or wrapped text cut at the bottom."""
    if isinstance(widget, QLabel):
        if widget.wordWrap() and widget.text():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + SLACK:
                return [f"{describe(widget)} is cut at the bottom ({widget.height()} of {need} px)"]
        return []
    if isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
        return []  # the line edit of an editable box: the box sizes it
    if isinstance(widget, (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton)):
        need = widget.minimumSizeHint().height()
        if widget.height() + SLACK < need:
            return [f"{describe(widget)} is squeezed to {widget.height()} px high, needs {need}"]
    return []


def header_problems(header: QHeaderView) -> list[str]:
    """Column titles cut: a shown section narrower than its title (its sort arrow aside)."""
    problems: list[str] = []
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return problems
    metrics = header.fontMetrics()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not title:
            continue
        need = metrics.horizontalAdvance(str(title)) + HEADER_PADDING
        size = header.sectionSize(section)
        if size + SLACK < need:
            problems.append(f"{describe(header)} column «{title}» is {size} px, its title needs {need}")
    return problems


def tab_problems(bar: QTabBar) -> list[str]:
    """Tabs out of reach: a tab beyond the bar's right edge (scroll arrows instead of tabs)."""
    problems: list[str] = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        rect = bar.tabRect(index)
        if rect.right() > bar.width() + SLACK or rect.left() < -SLACK:
            problems.append(f"{describe(bar)} tab «{bar.tabText(index)}» is out of the bar")
    return problems


def layout_problems(root: QWidget, *, narrow: Iterable[QWidget] = ()) -> list[str]:
    """Everything cut or squeezed in what `root` shows. `narrow` are scroll areas narrow by
    design (a sidebar of icons)."""
    problems: list[str] = []
    by_design = list(narrow)
    for widget in _shown(root):
        if widget.width() <= 0 or widget.height() <= 0:
            problems.append(f"{describe(widget)} is shown with no size ({widget.width()}x{widget.height()})")
            continue
        problems += height_problems(widget)
        if isinstance(widget, (QLabel, QAbstractButton)):
            problems += text_problems(widget)
            if not _inside_scrolled(widget, root):
                seen = _seen_width(widget, root)
                if widget.text() and seen + SLACK < widget.width():
                    problems.append(f"{describe(widget)} is cut by its parent "
                                    f"({seen} of {widget.width()} px seen)")
        elif isinstance(widget, QHeaderView):
            problems += header_problems(widget)
        elif isinstance(widget, QTabBar):
            problems += tab_problems(widget)
        elif isinstance(widget, QComboBox):
            # A box elides its choice; it must still show a readable start of it.
            least = min(widget.minimumSizeHint().width(), COMBO_LEAST)
            if widget.width() + SLACK < least:
                problems.append(f"{describe(widget)} is {widget.width()} px, needs {least}")
        elif isinstance(widget, QLineEdit) and widget.width() < 60:
            problems.append(f"{describe(widget)} is only {widget.width()} px wide")
        typing_box = isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly()
        if isinstance(widget, QAbstractScrollArea) and not typing_box and \
                not isinstance(widget, QHeaderView) and not any(widget is w for w in by_design):
            view = widget.viewport()
            if view.width() < SLIVER or view.height() < SLIVER:
                problems.append(f"{describe(widget)} shrank to a sliver "
                                f"({view.width()}x{view.height()})")
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            # A form or a panel never scrolls sideways (tables and lists may).
            problems.append(f"{describe(widget)} scrolls sideways")
        if isinstance(widget, QScrollArea) and widget.widget() is not None and \
                widget.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff and \
                widget.widget().width() > widget.viewport().width() + SLACK:
            problems.append(f"{describe(widget)} cuts its contents at the right "
                            f"({widget.widget().width()} px in {widget.viewport().width()})")
    return problems


def squeezed(widget: QWidget) -> list[str]:
    """`widget` smaller than its layout's least size: its contents are being crushed."""
    least = widget.minimumSizeHint()
    problems = []
    if widget.width() + SLACK < least.width():
        problems.append(f"{describe(widget)} is {widget.width()} px wide, needs at least {least.width()}")
    if widget.height() + SLACK < least.height():
        problems.append(f"{describe(widget)} is {widget.height()} px high, needs at least {least.height()}")
    return problems
