"""A row of widgets that wraps onto more rows when its width cannot hold them side by side.

Used where a row of filters or figures must fit the smallest window (800 px wide) in every
language without clipping its texts, and still read as one row on a wide screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget


class ReflowRow(QWidget):
    """Its widgets in as few rows as their widths allow, the columns of equal width.

    A widget wants its size hint's width; when the row is too narrow for all of them it wraps
    into balanced rows (7 widgets become 4 + 3, not 6 + 1). Its minimum width is the widest
    widget's, so it never forces a window to scroll sideways.
    """

    def __init__(self, widgets: Sequence[QWidget] = (), parent: QWidget | None = None, *,
                 spacing: int = 8) -> None:
        super().__init__(parent)
        self._widgets: list[QWidget] = []
        self._columns = 0
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(spacing)
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        for widget in widgets:
            self.add(widget)

    def add(self, widget: QWidget) -> None:
        self._widgets.append(widget)
        self._columns = 0
        self._place(self.width() or 10_000)

    def relayout(self) -> None:
        """Place the widgets again: call it when their texts, and so their widths, changed."""
        self._columns = 0
        self._place(self.width() or 10_000)

    def columns(self) -> int:
        """How many widgets a row holds now."""
        return self._columns

    def _wanted(self) -> int:
        return max((max(w.sizeHint().width(), w.minimumWidth()) for w in self._widgets), default=0)

    def _columns_for(self, width: int) -> int:
        count = len(self._widgets)
        if not count:
            return 0
        spacing = self._grid.spacing()
        fit = max(1, min(count, (width + spacing) // (self._wanted() + spacing)))
        rows = math.ceil(count / fit)
        return math.ceil(count / rows)

    def _place(self, width: int) -> None:
        columns = self._columns_for(width)
        if columns == self._columns:
            return
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for column in range(max(columns, self._columns, 1)):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, index // max(columns, 1), index % max(columns, 1))
        self._columns = columns
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place(event.size().width())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        widest = max((max(w.minimumSizeHint().width(), w.minimumWidth()) for w in self._widgets),
                     default=0)
        return QSize(widest, self._grid.minimumSize().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        spacing = self._grid.spacing()
        count = len(self._widgets)
        return QSize(count * self._wanted() + max(0, count - 1) * spacing,
                     self._grid.sizeHint().height())


class FlowRow(QWidget):
    """Its shown widgets left to right at their own widths, starting a new row when the next
    does not fit; a row of pickers whose widths differ much (a date range beside a combo).
    Widgets in `grow` (a search field) take what their row leaves over. Call `relayout()`
    after showing or hiding one of them."""

    def __init__(self, widgets: Sequence[QWidget] = (), parent: QWidget | None = None, *,
                 spacing: int = 8, grow: Sequence[QWidget] = ()) -> None:
        super().__init__(parent)
        self._widgets = list(widgets)
        self._grow = list(grow)
        self._spacing = spacing
        self._rows_now: tuple[int, ...] = ()
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._box.setSpacing(spacing)
        for widget in self._widgets:
            widget.setParent(self)
        self.relayout()

    def relayout(self) -> None:
        self._rows_now = ()
        self._place(self.width() or 10_000)

    def rows(self) -> int:
        """How many rows the widgets take now."""
        return len(self._rows_now)

    def _shown(self) -> list[QWidget]:
        return [w for w in self._widgets if not w.isHidden()]

    @staticmethod
    def _width(widget: QWidget) -> int:
        return max(widget.sizeHint().width(), widget.minimumWidth())

    def _rows_for(self, width: int) -> tuple[int, ...]:
        rows: list[int] = []
        used = 0
        for widget in self._shown():
            need = self._width(widget)
            if rows and used + self._spacing + need <= width:
                rows[-1] += 1
                used += self._spacing + need
            else:
                rows.append(1)
                used = need
        return tuple(rows)

    def _place(self, width: int) -> None:
        rows = self._rows_for(width)
        if rows == self._rows_now:
            return
        while (item := self._box.takeAt(0)) is not None:
            inner = item.layout()
            if inner is not None:
                while inner.takeAt(0) is not None:
                    pass
                inner.deleteLater()
        shown = iter(self._shown())
        for count in rows:
            line = QHBoxLayout()
            line.setSpacing(self._spacing)
            growing = False
            for _ in range(count):
                widget = next(shown)
                grows = any(widget is g for g in self._grow)
                growing = growing or grows
                line.addWidget(widget, 1 if grows else 0)
            if not growing:
                line.addStretch(1)
            self._box.addLayout(line)
        self._rows_now = rows
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place(event.size().width())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        widest = max((max(w.minimumSizeHint().width(), w.minimumWidth()) for w in self._shown()),
                     default=0)
        return QSize(widest, self._box.minimumSize().height())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        shown = self._shown()
        width = sum(self._width(w) for w in shown) + self._spacing * max(0, len(shown) - 1)
        return QSize(width, self._box.sizeHint().height())
