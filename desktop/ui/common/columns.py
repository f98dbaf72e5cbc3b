"""Columns that fit the table's width: each starts at what it holds, and when the table is too
narrow for all of them the widest give way (their text elided, whole in the tooltip) down to
their title's width, so a narrow window shows every column instead of scrolling sideways.

It only sizes sections; it never changes what the model holds.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView


def fit_widths(wanted: list[int], floors: list[int], room: int) -> list[int]:
    """Widths for columns that want `wanted` within `room`: unchanged when they fit, else the
    widest are cut first, never below their floor (the sum may then exceed `room`)."""
    widths = list(wanted)
    excess = sum(widths) - room
    while excess > 0:
        cuttable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not cuttable:
            break
        widest = max(widths[i] for i in cuttable)
        tied = [i for i in cuttable if widths[i] == widest]
        others = [widths[i] for i in cuttable if widths[i] < widest]
        # Bring the widest down to the next width (or their floors), sharing the cut.
        target = max(others) if others else 0
        step = min(excess, sum(widest - max(target, floors[i]) for i in tied))
        for n, i in enumerate(tied):
            share = step // len(tied) + (1 if n < step % len(tied) else 0)
            widths[i] = max(floors[i], widths[i] - share)
        excess = sum(widths) - room
    return widths


class _Fit(QObject):
    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            fit_columns(self.view)
        return False


def fit_columns(view: QTableView) -> None:
    """Size `view`'s columns to their contents within its width (see the module)."""
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    count = model.columnCount()
    view.resizeColumnsToContents()
    wanted = [header.sectionSize(c) for c in range(count)]
    floors = [min(wanted[c], header.sectionSizeFromContents(c).width()) for c in range(count)]
    widths = fit_widths(wanted, floors, view.viewport().width())
    # A stretched last section takes what is left: sizing it here would stop the stretch.
    last = count - 1 if header.stretchLastSection() else count
    for column, width in enumerate(widths[:last]):
        header.resizeSection(column, width)


def fitting_columns(view: QTableView) -> None:
    """Keep `view`'s columns fitted as it is resized (call `fit_columns` after a reload)."""
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.viewport().installEventFilter(_Fit(view))
