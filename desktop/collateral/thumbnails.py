"""Thumbnails of collateral: the first page of a PDF (or a picture, scaled) as a PNG, cached on
disk by the file's sha256 and width.

Runs on a worker thread (QtPdf renders without a window); it never runs on the UI thread and
never opens a file that has not been verified against its checksum (callers pass verified paths).
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

log = logging.getLogger(__name__)

THUMB_DIR = "thumbnails"
THUMB_WIDTH = 240


def thumbnail_dir(data_dir: Path) -> Path:
    return data_dir / THUMB_DIR


def thumbnail_path(folder: Path, sha256: str, width: int = THUMB_WIDTH) -> Path:
    return folder / f"{sha256}-{width}.png"


def render_first_page(pdf: Path, width: int = THUMB_WIDTH) -> QImage | None:
    """The first page of `pdf` as an image `width` pixels wide on white; None if unreadable."""
    doc = QPdfDocument(None)
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
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".png.tmp")
    os.close(fd)
    try:
        if not image.save(tmp, "PNG"):
            return None
        os.replace(tmp, out)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return out
