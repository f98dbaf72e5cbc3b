"""Thumbnails for the library views: built on the parallel lane, handed to views as pixmaps.

The UI thread only asks and paints; rendering, reading PNGs and verifying files happen on a
worker. A view repaints when `thumbnail_ready(sha256)` arrives.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from desktop.collateral.thumbnails import THUMB_WIDTH, build_thumbnail, thumbnail_dir
from desktop.tasks import TaskContext, TaskRunner

log = logging.getLogger(__name__)
VerifiedPath = Callable[[str], Path | None]
# Types that get a picture of their content; the rest show a type icon.
THUMBNAILED = frozenset({"application/pdf", "image/png", "image/jpeg"})


class ThumbnailService(QObject):
    """First-page thumbnails of cached PDFs, in memory once built, on disk across runs."""

    thumbnail_ready = Signal(str)

    def __init__(self, tasks: TaskRunner, data_dir: Path, verified_path: VerifiedPath,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._folder = thumbnail_dir(data_dir)
        self._verified_path = verified_path
        self._pixmaps: dict[str, QPixmap] = {}
        self._pending: set[str] = set()
        self._failed: set[str] = set()
        self.built = 0

    def pixmap(self, sha256: str | None, mime: str | None) -> QPixmap | None:
        """The thumbnail if ready; otherwise None, and one is built if the file is here."""
        if not sha256:
            return None
        ready = self._pixmaps.get(sha256)
        if ready is not None:
            return ready
        if (mime in THUMBNAILED and sha256 not in self._pending and sha256 not in self._failed):
            self._start(sha256, mime)
        return None

    def pending(self) -> int:
        return len(self._pending)

    def forget_failures(self) -> None:
        """Try again for files that were missing (after a sync brought them)."""
        self._failed.clear()

    def _start(self, sha256: str, mime: str) -> None:
        self._pending.add(sha256)
        folder = self._folder
        verified_path = self._verified_path

        def job(ctx: TaskContext) -> tuple[str, QImage | None]:
            if ctx.cancelled:
                return sha256, None
            try:
                pdf = verified_path(sha256)  # hashes the file: never on the UI thread
                png = build_thumbnail(pdf, folder, sha256, THUMB_WIDTH, mime) if pdf else None
            except OSError:
                log.exception("thumbnail of %s failed; the type icon stays", sha256)
                return sha256, None
            image = QImage(str(png)) if png is not None else None
            return sha256, (image if image is not None and not image.isNull() else None)

        # A bound method, so a result arriving after this service is gone goes nowhere.
        self._tasks.run(f"thumbnail {sha256[:8]}", job).finished.connect(self._on_built)

    def _on_built(self, result: tuple[str, QImage | None]) -> None:
        sha256, image = result
        self._pending.discard(sha256)
        if image is None:
            self._failed.add(sha256)
            return
        self._pixmaps[sha256] = QPixmap.fromImage(image)
        self.built += 1
        self.thumbnail_ready.emit(sha256)

