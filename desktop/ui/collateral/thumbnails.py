"""Thumbnails for the library views: the first page of a PDF (or a picture, scaled) rendered
to a PNG cached on disk by the file's sha256 and width, built on the parallel lane and handed
to views as pixmaps.

The UI thread only asks and paints; rendering (QtPdf renders without a window), reading PNGs
and verifying files happen on a worker, and only files verified against their checksum are
ever opened. A view repaints when `thumbnail_ready(sha256)` arrives.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument

from desktop.tasks import TaskContext, TaskRunner
from fieldnote.filemodes import private_dir

log = logging.getLogger(__name__)

THUMB_DIR = "thumbnails"
THUMB_WIDTH = 240
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



def thumbnail_dir(data_dir: Path) -> Path:
    return data_dir / THUMB_DIR


def thumbnail_path(folder: Path, sha256: str, width: int = THUMB_WIDTH) -> Path:
    return folder / f"{sha256}-{width}.png"


def render_first_page(pdf: Path, width: int = THUMB_WIDTH) -> QImage | None:
    """The first page of `pdf` as an image `width` pixels wide on white; None if unreadable."""
    doc = QPdfDocument()
    try:
        if doc.load(str(pdf)) != QPdfDocument.Error.None_ or doc.pageCount() < 1:
            log.info("no thumbnail for %s: %s", pdf.name, doc.error())
            return None
        points = doc.pagePointSize(0)
        if points.width() <= 0 or points.height() <= 0:
            return None
        height = max(1, round(width * points.height() / points.width()))
        page = doc.render(0, QSize(width, height))
        if page.isNull():
            return None
        # PDFs may leave the background transparent; a thumbnail is paper.
        image = QImage(page.size(), QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        painter = QPainter(image)
        painter.drawImage(0, 0, page)
        painter.end()
        return image
    finally:
        doc.close()
        doc.deleteLater()


def render_picture(path: Path, width: int = THUMB_WIDTH) -> QImage | None:
    """A picture (PNG, JPEG) scaled to `width`; None if unreadable."""
    image = QImage(str(path))
    if image.isNull():
        return None
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


def build_thumbnail(pdf: Path, folder: Path, sha256: str, width: int = THUMB_WIDTH,
                    mime: str = "application/pdf") -> Path | None:
    """Render and cache the thumbnail of a verified PDF (or picture); return the PNG."""
    out = thumbnail_path(folder, sha256, width)
    if out.exists():
        return out
    image = render_picture(pdf, width) if mime.startswith("image/") else render_first_page(pdf, width)
    if image is None:
        return None
    private_dir(folder)
    # The temporary name ends in .png, so Qt picks the format from it (PySide6's stubs and
    # its runtime disagree on the type of an explicit format argument).
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".", suffix=".png")
    os.close(fd)
    try:
        if not image.save(tmp):
            return None
        os.replace(tmp, out)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return out
