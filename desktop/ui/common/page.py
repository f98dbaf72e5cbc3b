"""The base of every job page: a title row, and the hooks the shell's shortcuts call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from desktop.ui.services import Services


# The least width the title and subtitle keep beside the header's actions.
TITLES_LEAST = 300


class Page(QWidget):
    """A job's page. Subclasses fill `self.body` and override the hooks they support."""

    key = "page"

    def __init__(self, services: Services, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 12)
        outer.setSpacing(12)
        # The title beside the actions on a wide page, the actions under it on a narrow one
        # (never a subtitle wrapped a word a line, nor buttons squeezed under their text).
        self._header = header = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title_label = QLabel(title)
        self.title_label.setProperty("role", "title")
        titles.addWidget(self.title_label)
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setProperty("role", "subtitle")
        # Wraps rather than pushing the header's buttons off a narrow window (and longer
        # translations with them).
        self.subtitle_label.setWordWrap(True)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        self.header_actions = QHBoxLayout()
        header.addLayout(self.header_actions)
        outer.addLayout(header)
        # Only once it is in the page: shown before that, the label would be a window of its
        # own for a moment (taking the keyboard focus from the main window).
        self.subtitle_label.setVisible(bool(subtitle))
        self._outer = outer
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body, 1)

    def header_stacked(self) -> bool:
        """Whether the header's actions sit under the title (a narrow page)."""
        return self._header.direction() == QBoxLayout.Direction.TopToBottom

    def _place_header(self, width: int) -> None:
        margins = self._outer.contentsMargins()
        room = width - margins.left() - margins.right()
        titles = max(self.title_label.sizeHint().width(), TITLES_LEAST)
        side_by_side = titles + self._header.spacing() + self.header_actions.sizeHint().width() <= room
        direction = QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        if direction != self._header.direction():
            self._header.setDirection(direction)
            self._header.setAlignment(self.header_actions, Qt.AlignmentFlag(0) if side_by_side
                                      else Qt.AlignmentFlag.AlignLeft)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._place_header(event.size().width())
        super().resizeEvent(event)

    # Hooks the shell's shortcuts call; a page that has no search or no "new" ignores them.
    def focus_search(self) -> None:
        """Ctrl+F."""

    def create_new(self) -> None:
        """Ctrl+N."""

    def offers_new(self) -> bool:
        """Whether Ctrl+N makes something here (the shell offers it only then)."""
        return True

    def select_first(self) -> None:
        """Select the first row of the page's list and show it (`--select-first`)."""

    def is_ready(self) -> bool:
        """True once the page shows its data (used before a screenshot)."""
        return True

    def take_stand_in(self, stand_in: QWidget) -> None:
        """The page replaces `stand_in`, which the window showed in its place while the data
        opened (`PageEntry.stand_in`); input it took is the page's now."""

    def has_first_screen(self) -> bool:
        """True once the page shows its first screen of data (a list's first rows), which may
        come before `is_ready` (the whole list, its count)."""
        return self.is_ready()

