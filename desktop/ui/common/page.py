"""The base of every job page: a title row, and the hooks the shell's shortcuts call."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from desktop.ui.services import Services


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
        header = QHBoxLayout()
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
        self.subtitle_label.setVisible(bool(subtitle))
        # Wraps rather than squeezing the header's buttons in a narrow window.
        self.subtitle_label.setWordWrap(True)
        titles.addWidget(self.subtitle_label)
        header.addLayout(titles, 1)
        self.header_actions = QHBoxLayout()
        header.addLayout(self.header_actions)
        outer.addLayout(header)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        outer.addLayout(self.body, 1)

    # Hooks the shell's shortcuts call; a page that has no search or no "new" ignores them.
    def focus_search(self) -> None:
        """Ctrl+F."""

    def create_new(self) -> None:
        """Ctrl+N."""

    def offers_new(self) -> bool:
        """Whether Ctrl+N makes something here (the shell offers it only then)."""
        return True

    def is_ready(self) -> bool:
        """True once the page shows its data (used before a screenshot)."""
        return True

