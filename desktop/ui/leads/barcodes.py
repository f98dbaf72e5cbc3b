"""Barcodes read from a photo of a badge or business card (QR, PDF417, Code 128, DataMatrix).

Runs on a worker thread (QImage is safe off the UI thread); never touches widgets, and a file
it cannot read gives a `BarcodeError` with a message a rep can act on, never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QImage

# Badge photos are a few MB; anything far larger is not a photo worth decoding.
MAX_FILE_BYTES = 60 * 1024 * 1024
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff")

# The symbologies badges and business cards use; names of zxingcpp.BarcodeFormat members.
FORMATS = ("QRCode", "PDF417", "Code128", "DataMatrix")


class BarcodeError(Exception):
    """The photo could not be read at all (missing, too large, not an image)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    format: str  # "QRCode", "PDF417", "Code128", "DataMatrix"


def _format_name(fmt: object) -> str:
    name = getattr(fmt, "name", None) or str(fmt)
    return name.replace(" ", "").replace("BarcodeFormat.", "")


def decode_image(image: QImage) -> list[Decoded]:
    """Every supported barcode found in `image`, in the order the reader finds them."""
    # Imported here: the reader is only needed when a photo arrives, not at start-up.
    import zxingcpp

    if image.isNull():
        return []
    formats = zxingcpp.BarcodeFormats([zxingcpp.BarcodeFormat[name] for name in FORMATS])
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return [
        Decoded(text=b.text, format=_format_name(b.format))
        for b in zxingcpp.read_barcodes(gray, formats=formats)
        if b.text
    ]


def decode_file(path: Path | str) -> list[Decoded]:
    """Read the barcodes of an image file; raises `BarcodeError` when the file is unusable."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise BarcodeError(f"Cannot open {p.name}: {exc.strerror or exc}.") from None
    if size > MAX_FILE_BYTES:
        raise BarcodeError(
            f"{p.name} is {size / 1_048_576:.0f} MB; a badge photo should be under "
            f"{MAX_FILE_BYTES // 1_048_576} MB."
        )
    image = QImage(str(p))
    if image.isNull():
        raise BarcodeError(f"{p.name} is not an image this app can read (PNG, JPEG, BMP, ...).")
    return decode_image(image)
