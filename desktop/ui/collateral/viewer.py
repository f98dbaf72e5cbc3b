"""The in-app PDF viewer (QtPdf): pages, zoom, and a full-screen presenting mode.

It opens only verified files handed to it; it never fetches or writes anything itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class PdfViewer(QDialog):
    """One PDF, read-only. `presented` fires when the user switches to full screen."""

    presented = Signal()

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.document = QPdfDocument(self)
        self.error = self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        bar = QHBoxLayout()
        self.pages = QLabel(self.tr("%n page(s)", "", self.document.pageCount()))
        self.pages.setProperty("role", "muted")
        bar.addWidget(self.pages)
        bar.addStretch(1)
        fit = QPushButton(self.tr("Fit width"))
        fit.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        whole = QPushButton(self.tr("Whole page"))
        whole.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        self.present_button = QPushButton(self.tr("Present"))
        self.present_button.setProperty("primary", True)
        self.present_button.setToolTip(self.tr("Full screen, one page at a time (Esc to leave)"))
        self.present_button.clicked.connect(self.present)
        for button in (fit, whole, self.present_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.present)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._leave_or_close)

    def loaded(self) -> bool:
        return self.error == QPdfDocument.Error.None_ and self.document.pageCount() > 0

    def present(self) -> None:
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.showFullScreen()
        self.presented.emit()

    def _leave_or_close(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self.close()
