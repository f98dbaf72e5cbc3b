"""Generated audio and images for the voice-note and photo tests (nothing recorded or shot).

A tone of a few seconds, photos drawn with QPainter, and the files a hostile sender makes:
a JPEG whose EXIF holds an orientation and a GPS position, a PNG with text chunks, a file cut
short, a header promising billions of pixels.
"""

from __future__ import annotations

import array
import math
import struct
import zlib
from collections.abc import Iterator

from PySide6.QtCore import QBuffer, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

RATE = 16_000
CHUNK_FRAMES = 1_600  # 100 ms; 440 Hz fits it a whole number of times, so chunks join seamlessly
GPS_SECRET = b"52.3759N-4.8975E-here"


def tone_chunks(seconds: float, freq: int = 440) -> Iterator[bytes]:
    """`seconds` of a sine tone as 16-bit mono PCM at RATE, in 100 ms chunks."""
    chunk = array.array("h", (int(9000 * math.sin(2 * math.pi * freq * i / RATE))
                              for i in range(CHUNK_FRAMES))).tobytes()
    for _ in range(round(seconds * RATE / CHUNK_FRAMES)):
        yield chunk


def drawn_image(width: int, height: int, *, alpha: bool = False) -> QImage:
    """A picture whose top-left is red and top edge marked, so its orientation can be told."""
    fmt = QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32
    image = QImage(width, height, fmt)
    image.fill(QColor(0, 0, 0, 0) if alpha else QColor("#f4f4f0"))
    p = QPainter(image)
    p.fillRect(QRect(0, 0, width // 4, height // 4), QColor("#d01010"))
    p.fillRect(QRect(width // 4, 0, width - width // 4, max(2, height // 20)), QColor("#1040d0"))
    p.setPen(QColor("#202020"))
    p.drawText(QRect(0, height // 3, width, height // 3), Qt.AlignmentFlag.AlignCenter, "BADGE 4711")
    p.end()
    return image


def encode(image: QImage, fmt: str, quality: int = 90) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buf, fmt.upper(), quality)
    return bytes(buf.data().data())


def _exif(orientation: int) -> bytes:
    """An APP1 Exif segment: orientation in IFD0, a GPS IFD whose text holds GPS_SECRET."""
    # Little-endian TIFF: header, IFD0 with 2 entries (Orientation, GPSInfo pointer), then
    # the GPS IFD with one entry (GPSMapDatum, ASCII, pointing at the secret).
    entries0 = 2
    ifd0_at = 8
    gps_at = ifd0_at + 2 + entries0 * 12 + 4
    secret_at = gps_at + 2 + 12 + 4
    secret = GPS_SECRET + b"\0"
    tiff = b"II*\0" + struct.pack("<I", ifd0_at)
    tiff += struct.pack("<H", entries0)
    tiff += struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0)
    tiff += struct.pack("<HHII", 0x8825, 4, 1, gps_at)
    tiff += struct.pack("<I", 0)
    tiff += struct.pack("<H", 1) + struct.pack("<HHII", 0x0012, 2, len(secret), secret_at)
    tiff += struct.pack("<I", 0) + secret
    body = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def jpeg_with_exif(image: QImage, orientation: int) -> bytes:
    """A JPEG of `image` with an EXIF orientation tag and a GPS position, and a comment."""
    plain = encode(image, "jpg")
    comment = b"\xff\xfe" + struct.pack(">H", len(GPS_SECRET) + 2) + GPS_SECRET
    return plain[:2] + _exif(orientation) + comment + plain[2:]


def png_with_text(image: QImage) -> bytes:
    """A PNG of `image` with a tEXt chunk holding GPS_SECRET."""
    plain = encode(image, "png")
    data = b"Location\0" + GPS_SECRET
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data
    chunk += struct.pack(">I", zlib.crc32(b"tEXt" + data) & 0xFFFFFFFF)
    return plain[:33] + chunk + plain[33:]  # after the signature and IHDR


def png_bomb(width: int = 60_000, height: int = 60_000) -> bytes:
    """A small PNG whose header promises width × height pixels (what a decompression bomb
    does; its data inflates to far less here, which the header check never reaches)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * (1 + 3 * 64) * 64, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
