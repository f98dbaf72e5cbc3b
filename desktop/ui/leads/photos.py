"""Photos on a lead: a file from the rep's disk made into the photo Fieldnote keeps and syncs.

`normalise_photo` turns it upright (the camera's orientation tag applied), scales it down to
`PHOTO_MAX_EDGE` on its long edge and encodes it afresh: JPEG, or PNG when it has see-through
pixels. Nothing of the original file's metadata survives the re-encoding: no EXIF (where the
photo was taken, the camera's serial number), no text chunks, no comments.

Untrusted input: a file that is no image, cut short, or whose header promises more pixels than
a photo has (a decompression bomb) is refused with a `PhotoProblem` a rep can act on, before
anything is decoded. No widgets: it runs on a worker thread (QImage is safe off the UI thread).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader, QImageWriter

from desktop.store.file_check import image_reaches_end, shown_name
from fieldnote.attachments import PHOTO_MAX_BYTES, PHOTO_MAX_EDGE

# What a photo may come as (Qt's names of the formats, read from the content, not the name).
ACCEPTED_FORMATS = ("jpeg", "png", "webp", "bmp", "gif", "tiff")
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", ".tif", ".tiff")
# A phone's photo is a few MB; a file far larger is not a photo of a card or a whiteboard.
MAX_SOURCE_BYTES = 64 * 1024 * 1024
# Pixels a photo's header may promise. A JPEG is decoded straight at the reduced size (libjpeg
# scales while it decodes), so a 200-megapixel camera still works; other formats are decoded
# whole first and stop at 40 megapixels (160 MB as 32-bit pixels, under Qt's 256 MB limit).
MAX_PIXELS_JPEG = 200_000_000
MAX_PIXELS_OTHER = 40_000_000
JPEG_QUALITY = 85
# Each try when an encoded photo is still over PHOTO_MAX_BYTES scales it by this much.
_SHRINK = 0.7


class PhotoProblem(ValueError):
    """This file cannot become a photo on a lead; the message says why, for the rep."""


@dataclass(frozen=True)
class Photo:
    """A photo as Fieldnote keeps it."""

    data: bytes
    mime_type: str  # "image/jpeg" or "image/png"
    width: int
    height: int



def _refused(text: str, *values: str) -> PhotoProblem:
    """A refusal with its %1, %2, ... filled in (after translation)."""
    for n, value in enumerate(values, 1):
        text = text.replace(f"%{n}", value)
    return PhotoProblem(text)


def normalise_photo(source: Path | bytes, *, name: str | None = None,
                    max_edge: int = PHOTO_MAX_EDGE) -> Photo:
    """The photo Fieldnote keeps for `source` (a file, or its bytes); raises `PhotoProblem`."""
    shown = name or (shown_name(source) if isinstance(source, Path)
                     else QCoreApplication.translate("PhotoProblem", "This file"))
    data = _read(source, shown)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    fmt = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if fmt == "jpg":
        fmt = "jpeg"
    if fmt not in ACCEPTED_FORMATS:
        raise _refused(QCoreApplication.translate(
            "PhotoProblem", "%1 is not a photo Fieldnote can read (JPEG, PNG, WebP, BMP, GIF or "
            "TIFF); nothing was attached."), shown)
    if not image_reaches_end(io.BytesIO(data), fmt):
        raise _refused(QCoreApplication.translate(
            "PhotoProblem", "%1 is cut short (the file ends before its picture does); nothing "
            "was attached."), shown)
    size = reader.size()
    width, height = size.width(), size.height()
    if width <= 0 or height <= 0:
        raise _refused(QCoreApplication.translate(
            "PhotoProblem", "%1 is damaged (its header gives no picture size); nothing was "
            "attached."), shown)
    limit = MAX_PIXELS_JPEG if fmt == "jpeg" else MAX_PIXELS_OTHER
    if width * height > limit:
        raise _refused(QCoreApplication.translate(
            "PhotoProblem", "%1 claims %2 × %3 pixels, more than a photo has; nothing was "
            "attached."), shown, str(width), str(height))
    # The camera's orientation tag turns the picture upright; the tag itself is not kept.
    reader.setAutoTransform(True)
    scaled = _fit(QSize(width, height), max_edge)
    if scaled != QSize(width, height):
        reader.setScaledSize(scaled)
    image = reader.read()
    if image.isNull():
        raise _refused(QCoreApplication.translate(
            "PhotoProblem", "%1 could not be read (%2); nothing was attached."), shown,
            reader.errorString() or QCoreApplication.translate("PhotoProblem",
                                                               "it does not decode"))
    return _encode(_bare(image))


def _read(source: Path | bytes, shown: str) -> bytes:
    too_large = QCoreApplication.translate(
        "PhotoProblem", "%1 is over %2 MB, larger than any photo; nothing was attached.")
    limit_mb = str(MAX_SOURCE_BYTES // (1024 * 1024))
    if isinstance(source, bytes):
        data = source
    else:
        try:
            if source.stat().st_size > MAX_SOURCE_BYTES:
                raise _refused(too_large, shown, limit_mb)
            data = source.read_bytes()
        except OSError as exc:
            raise _refused(QCoreApplication.translate(
                "PhotoProblem", "%1 could not be opened: %2"), shown,
                exc.strerror or str(exc)) from None
    if len(data) > MAX_SOURCE_BYTES:
        raise _refused(too_large, shown, limit_mb)
    if not data:
        raise _refused(QCoreApplication.translate(
            "PhotoProblem", "%1 is empty; nothing was attached."), shown)
    return data


def _fit(size: QSize, max_edge: int) -> QSize:
    """`size` scaled down (never up) so its long edge is at most `max_edge`."""
    long_edge = max(size.width(), size.height())
    if long_edge <= max_edge:
        return QSize(size)
    return QSize(max(1, round(size.width() * max_edge / long_edge)),
                 max(1, round(size.height() * max_edge / long_edge)))


def _bare(image: QImage) -> QImage:
    """The pixels (and colour space) only: Qt would write an image's text entries (a PNG's
    text chunks, a JPEG's comments) back into the new file."""
    fmt = (QImage.Format.Format_ARGB32 if image.hasAlphaChannel() and _see_through(image)
           else QImage.Format.Format_RGB32)
    pixels = image.convertToFormat(fmt)
    bare = QImage(pixels.width(), pixels.height(), fmt)
    for y in range(pixels.height()):
        bare.scanLine(y)[:] = pixels.constScanLine(y)  # type: ignore[index]
    bare.setColorSpace(image.colorSpace())
    return bare


def _see_through(image: QImage) -> bool:
    """Whether any pixel is less than opaque (an alpha channel alone says nothing)."""
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    width = alpha.width()
    opaque = b"\xff" * width
    return any(bytes(cast(memoryview, alpha.constScanLine(y)))[:width] != opaque
               for y in range(alpha.height()))


def _encode(image: QImage) -> Photo:
    png = image.hasAlphaChannel()
    while True:
        out = QBuffer()
        out.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(out, b"png" if png else b"jpeg")
        if not png:
            writer.setQuality(JPEG_QUALITY)
            writer.setOptimizedWrite(True)
        if not writer.write(image):
            raise _refused(QCoreApplication.translate(
                "PhotoProblem", "The photo could not be encoded: %1"), writer.errorString())
        data = bytes(out.data().data())
        if len(data) <= PHOTO_MAX_BYTES or min(image.width(), image.height()) < 64:
            break
        image = image.scaled(_fit(image.size(), int(max(image.width(), image.height()) * _SHRINK)),
                             Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return Photo(data, "image/png" if png else "image/jpeg", image.width(), image.height())


def load_thumbnail(path: Path, edge: int) -> QImage:
    """A kept photo scaled to fit `edge` × `edge` (a null image when it cannot be read)."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > edge:
        reader.setScaledSize(_fit(size, edge))
    return reader.read()
