"""The quiet notice in the status bar that a newer desktop release is out: its version and a
link to the page IT named (`fieldnote-hub release set`). It shows after a sync whose hub
announced a newer release than this app (`desktop.sync.updates` decides); clicking the link opens
that page in the browser. Nothing is downloaded or installed by the app."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.sync.state import CycleReport
from fieldnote.releases import Release


class UpdateNotice(QLabel):
    """Hidden until a cycle reports a newer release; hidden again when the hub stops announcing
    one (or announces this version)."""

    def __init__(self, runner: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("updateNotice")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setOpenExternalLinks(True)
        self.setAccessibleName(self.tr("Newer version available"))
        self.release: Release | None = None
        self.hide()
        runner.cycle_finished.connect(self.show_report)

    def show_report(self, report: CycleReport) -> None:
        if report.update_checked:
            self.show_release(report.update)

    def show_release(self, release: Release | None) -> None:
        self.release = release
        if release is None:
            self.clear()
            self.hide()
            return
        get_it = self.tr("Get it")
        link = f'<a href="{escape(release.url, quote=True)}">{escape(get_it)}</a>'
        text = escape(self.tr("Fieldnote %1 is available.").replace("%1", release.version))
        self.setText(f"{text} {link}")
        self.setToolTip(release.url)
        self.setAccessibleDescription(
            self.tr("Fieldnote %1 is available at %2").replace("%1", release.version)
            .replace("%2", release.url))
        self.show()
