"""Generated voice notes and photos: the smallest files that are what their type says, made in
memory, so attachment tests need no binaries. A voice note is an MPEG-4 audio container (ftyp
`M4A `, a movie header with its length, then its media bytes) or an Ogg page; a photo is a real
PNG, or a JPEG's markers with its size."""

from __future__ import annotations

import os
import struct
import zlib


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def voice_m4a(duration_ms: int = 3_000, size: int = 2_000, *, seed: bytes | None = None) -> bytes:
    """An .m4a container that says it lasts `duration_ms` and holds about `size` bytes."""
    ftyp = _box(b"ftyp", b"M4A " + struct.pack(">I", 0) + b"M4A mp42isom")
    mvhd = _box(b"mvhd", struct.pack(">B3xIIII", 0, 0, 0, 1000, duration_ms) + bytes(80))
    moov = _box(b"moov", mvhd)
    head = ftyp + moov
    body = (seed or b"") + os.urandom(max(0, size - len(head) - 8 - len(seed or b"")))
    return head + _box(b"mdat", body)


def voice_ogg(size: int = 1_000) -> bytes:
    """Bytes that begin as an Ogg stream does."""
    rest = max(0, size - 6)
    return b"OggS\x00\x02" + (bytes(range(256)) * (rest // 256 + 1))[:rest]


def photo_png(width: int = 4, height: int = 3) -> bytes:
    """A real PNG of `width` x `height` grey pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def photo_jpeg(width: int = 640, height: int = 480, size: int = 3_000) -> bytes:
    """A JPEG's markers (JFIF, a frame header with its size) around `size` bytes of data."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    sos = b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00\x00\x3f\x00"
    data = os.urandom(max(0, size - 4 - len(app0) - len(sof0) - len(sos))).replace(b"\xff", b"\x00")
    return b"\xff\xd8" + app0 + sof0 + sos + data + b"\xff\xd9"
