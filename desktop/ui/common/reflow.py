"""A row of widgets that wraps onto more rows when its width cannot hold them side by side.

Used where a row of filters or figures must fit the smallest window (1024 px wide) in every
language without clipping its texts, and still read as one row on a wide screen.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget


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
