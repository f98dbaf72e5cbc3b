"""The capture form's scan field before the form exists: it takes scans from the first paint.

With `--page capture` the window shows this in the Leads page's place while the data opens:
the capture form's own `ScanField`, focused, which keeps every scan, paste, Enter and Ctrl+Z
that arrives before the form is built, in order. The form then reads what was kept exactly as
if it had come into its own scan field, and takes over a scan still being typed
(`CapturePanel.take_early`). Nothing here reads or writes data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.leads.scan_field import ScanField


class EarlyCapture(QWidget):
    """The scan field on its own, keeping what it is given until the form takes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("earlyCapture")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.setSpacing(10)
        self.scan = ScanField()
        # The capture form's own words (and their translations) for its scan field.
        self.scan.setAccessibleName(QCoreApplication.translate("CapturePanel", "Scan"))
        self.scan.setPlaceholderText(QCoreApplication.translate(
            "CapturePanel",
            "Scan a badge, paste a vCard, or type an email or badge number, then Enter"))
        layout.addWidget(self.scan)
        self.note = QLabel()
        self.note.setObjectName("earlyCaptureNote")
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setFocusProxy(self.scan)
        # What the field said, in order: (signal name, its arguments).
        self._kept: list[tuple[str, tuple[Any, ...]]] = []
        self.scan.scanned.connect(lambda payload, how: self._keep("scanned", payload, how))
        self.scan.save_requested.connect(lambda: self._keep("save_requested"))
        self.scan.reopen_requested.connect(lambda: self._keep("reopen_requested"))
        self.scan.refused.connect(lambda message: self._keep("refused", message))
        self._show_note()

    def _keep(self, signal: str, *args: Any) -> None:
        self._kept.append((signal, args))
        self._show_note()

    def _show_note(self) -> None:
        scans = sum(1 for signal, _args in self._kept if signal == "scanned")
        text = self.tr("Opening your data… Scans are kept and read into the form once it is open.")
        if scans:
            text += " " + self.tr("%n scan(s) kept.", "", scans)
        self.note.setText(text)

    def kept(self) -> int:
        """How many scans, pastes and keys wait for the form."""
        return len(self._kept)

    def hand_over(self, scan: ScanField) -> None:
        """Give what was kept to the form's scan field, in order, as its own signals (the
        form reads each as it reads its own), then the scan still being typed, if any."""
        kept, self._kept = self._kept, []
        for signal, args in kept:
            getattr(scan, signal).emit(*args)
        scan.take_over(self.scan)
        self._show_note()
