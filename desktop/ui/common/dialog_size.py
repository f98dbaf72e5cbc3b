"""Dialogs that keep the size their contents need as they are resized.

Qt gives a window whose layout has wrapped labels no least height at all (it cannot know the
height before it knows the width), and a least width set in code wins over what a longer
translation needs; so a dialog could be dragged until its fields were squeezed and its message
cut. This only sets a dialog's least size; it never lays one out.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDialog


class _LeastHeight(QObject):
    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.width = dialog.minimumWidth()  # the least width asked for in code

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # While a dialog is torn down, Qt may still deliver a layout event after the Python
        # side of this filter has lost its attributes: then there is nothing left to hold.
        dialog = getattr(self, "dialog", None)
        if dialog is not None and event.type() in (
                QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            hold_size(dialog, self.width)
        return False


def hold_size(dialog: QDialog, width_asked: int = 0) -> None:
    """Set `dialog`'s least size to what its layout needs (its height at its present width),
    and never less than `width_asked` wide."""
    layout = dialog.layout()
    if layout is None:
        return
    least_width = max(width_asked, layout.totalMinimumSize().width())
    if dialog.minimumWidth() != least_width:
        dialog.setMinimumWidth(least_width)
    width = max(dialog.width(), least_width)
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else \
        layout.totalMinimumSize().height()
    least = max(need, layout.totalMinimumSize().height())
    if least > 0 and dialog.minimumHeight() != least:
        dialog.setMinimumHeight(least)


def keep_whole(dialog: QDialog) -> None:
    """From now on `dialog` is never lower than its fields and wrapped texts need."""
    dialog.installEventFilter(_LeastHeight(dialog))
