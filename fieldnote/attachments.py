"""Voice notes and photos on a lead (`lead_attachment` records), their rules written once.

An attachment is a fact about a lead, like an outcome: a voice memo recorded in the corridor or
a photo of the badge, the business card or a whiteboard. Its bytes travel as a file beside the
record (named by `file_sha256`), as collateral files and consent signatures do; the record says
what the file is. The desktop checks a new attachment with `problems` and `content_problem`
before saving it, the hub with the same functions when it is pushed and when its file is
uploaded.

Pure functions: no I/O, no Qt, no database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

__all__ = [
    "EXTENSIONS",
    "MEDIA",
    "MIME_TYPES",
    "PHOTO_LABELS",
    "PHOTO_MAX_BYTES",
    "PHOTO_MAX_EDGE",
    "VOICE_MAX_BYTES",
    "VOICE_MAX_MS",
    "VOICE_SLACK_MS",
    "content_problem",
    "max_bytes",
    "media_of",
    "photo_size",
    "problems",
    "sniff",
    "voice_duration_ms",
    "without_metadata",
]

MEDIA = ("voice", "photo")
# What a photo shows; a voice note has no label.
PHOTO_LABELS = ("badge", "business_card", "whiteboard", "product", "other")
# The file types of each medium: a voice note is AAC in an MPEG-4 container (.m4a, what the
# desktop's recorder encodes everywhere) or, from another encoder, Ogg; a photo is a JPEG, or
# a PNG when it has transparency.
MIME_TYPES: Mapping[str, tuple[str, ...]] = {
    "voice": ("audio/mp4", "audio/ogg"),
    "photo": ("image/jpeg", "image/png"),
}
ALL_MIME_TYPES = tuple(m for types in MIME_TYPES.values() for m in types)
# File name endings a file is attached from (`fieldnote leads attach`).
EXTENSIONS: Mapping[str, str] = {
    ".m4a": "audio/mp4", ".mp4": "audio/mp4", ".ogg": "audio/ogg", ".oga": "audio/ogg",
    ".opus": "audio/ogg", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
}

VOICE_MAX_MS = 120_000  # two minutes: the recorder stops by itself there
# A recorder stops a moment after its limit and containers round their duration up.
VOICE_SLACK_MS = 2_000
VOICE_MAX_BYTES = 4 * 1024 * 1024
PHOTO_MAX_BYTES = 16 * 1024 * 1024
# The desktop scales photos down to this long edge and re-encodes them (which also drops EXIF,
# such as where the photo was taken).
PHOTO_MAX_EDGE = 2560
# Widths and heights beyond this are not a photo of a card or a whiteboard.
_EDGE_LIMIT = 65_535

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_PNG = b"\x89PNG\r\n\x1a\n"
# MPEG-4 brands (the `ftyp` box's) an audio file carries: iTunes audio, and the general
# ISO/MP4 brands encoders write for AAC in .m4a.
_AUDIO_BRANDS = frozenset({b"M4A ", b"M4B ", b"mp41", b"mp42", b"isom", b"iso2", b"iso4",
                           b"iso5", b"iso6", b"dash"})
# How many first bytes `sniff` reads.
SNIFF_BYTES = 16


def sniff(head: bytes) -> str | None:
    """The attachment type the first bytes of a file show, or None when they show none."""
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in _AUDIO_BRANDS:
        return "audio/mp4"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(_PNG):
        return "image/png"
    return None


def media_of(mime_type: str | None) -> str | None:
    """"voice" or "photo" for an attachment type, None for any other type."""
    for media, types in MIME_TYPES.items():
        if mime_type in types:
            return media
    return None


def max_bytes(mime_type: str | None) -> int:
    """The largest file of this type an attachment may be (0: not an attachment type)."""
    media = media_of(mime_type)
    if media == "voice":
        return VOICE_MAX_BYTES
    if media == "photo":
        return PHOTO_MAX_BYTES
    return 0


def _size_words(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def problems(fields: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What is wrong with an attachment record's fields, as (field, message); empty when
    nothing is. Reads the record's whole state: medium and type agree, the file is named by
    its sha256 and within the size of its type, a voice note lasts at most two minutes and has
    no label, a photo has no duration."""
    out: list[tuple[str, str]] = []
    media = _text(fields.get("media"))
    mime = _text(fields.get("mime_type"))
    if media is None or media not in MIME_TYPES:
        out.append(("media", "is a voice note or a photo"))
    elif mime not in MIME_TYPES[media]:
        kinds = " or ".join(MIME_TYPES[media])
        out.append(("mime_type", f"a {'voice note' if media == 'voice' else 'photo'} is {kinds}"))
    sha = fields.get("file_sha256")
    if not (isinstance(sha, str) and _SHA256.match(sha)):
        out.append(("file_sha256", "names the file by its sha256 (64 lower-case hex digits)"))
    size = _int(fields.get("file_size"))
    limit = max_bytes(mime)
    if size is None or size < 1:
        out.append(("file_size", "is the file's size in bytes"))
    elif limit and size > limit:
        out.append(("file_size", f"a {'voice note' if media_of(mime) == 'voice' else 'photo'} "
                                 f"holds at most {_size_words(limit)}"))
    duration = fields.get("duration_ms")
    if media == "voice":
        ms = _int(duration)
        if ms is None or ms < 1:
            out.append(("duration_ms", "a voice note needs its length"))
        elif ms > VOICE_MAX_MS + VOICE_SLACK_MS:
            out.append(("duration_ms", "a voice note lasts at most 2 minutes"))
        if fields.get("label") is not None:
            out.append(("label", "only photos have a label"))
    elif media == "photo":
        if duration is not None:
            out.append(("duration_ms", "a photo has no length"))
        label = fields.get("label")
        if label is not None and _text(label) not in PHOTO_LABELS:
            out.append(("label", f"is one of {', '.join(PHOTO_LABELS)}"))
    for name in ("width", "height"):
        value = fields.get(name)
        if value is None:
            continue
        n = _int(value)
        if media == "voice":
            out.append((name, "a voice note has no picture size"))
        elif n is None or not 1 <= n <= _EDGE_LIMIT:
            out.append((name, "is the photo's size in pixels"))
    return out


def content_problem(head: bytes, mime_type: str | None, size: int) -> str | None:
    """Why a file whose first bytes are `head` and which holds `size` bytes cannot be kept as
    an attachment of type `mime_type` (None when it can)."""
    found = sniff(head[:SNIFF_BYTES])
    if found is None:
        return "This file is not a voice note (M4A or Ogg) or a photo (JPEG or PNG)"
    if mime_type is not None and found != mime_type:
        return f"This file is {found}, not {mime_type}"
    limit = max_bytes(found)
    if size > limit:
        what = "A voice note" if media_of(found) == "voice" else "A photo"
        return f"{what} holds at most {_size_words(limit)}; this file has {size:,} bytes"
    if size < 1:
        return "This file is empty"
    return None


# -- reading what a file says about itself (for a file attached from disk) --------------------


def _boxes(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """The MPEG-4 boxes between `start` and `end`: (type, payload start, payload end)."""
    out: list[tuple[bytes, int, int]] = []
    at = start
    while at + 8 <= end:
        size = int.from_bytes(data[at:at + 4], "big")
        kind = data[at + 4:at + 8]
        head = 8
        if size == 1 and at + 16 <= end:
            size, head = int.from_bytes(data[at + 8:at + 16], "big"), 16
        elif size == 0:
            size = end - at
        if size < head or at + size > end:
            break
        out.append((kind, at + head, at + size))
        at += size
    return out


def _mp4_duration_ms(data: bytes) -> int | None:
    for kind, start, end in _boxes(data, 0, len(data)):
        if kind != b"moov":
            continue
        for inner, s, e in _boxes(data, start, end):
            if inner != b"mvhd" or e - s < 20:
                continue
            if data[s] == 1:
                if e - s < 32:
                    return None
                scale = int.from_bytes(data[s + 20:s + 24], "big")
                length = int.from_bytes(data[s + 24:s + 32], "big")
            else:
                scale = int.from_bytes(data[s + 12:s + 16], "big")
                length = int.from_bytes(data[s + 16:s + 20], "big")
            return length * 1000 // scale if scale else None
    return None


def _ogg_duration_ms(data: bytes) -> int | None:
    last = data.rfind(b"OggS")
    if last < 0 or last + 14 > len(data):
        return None
    granule = int.from_bytes(data[last + 6:last + 14], "little")
    opus = data.find(b"OpusHead", 0, 4096)
    if opus >= 0 and opus + 12 <= len(data):
        pre_skip = int.from_bytes(data[opus + 10:opus + 12], "little")
        return max(0, granule - pre_skip) * 1000 // 48_000
    vorbis = data.find(b"\x01vorbis", 0, 4096)
    if vorbis >= 0 and vorbis + 16 <= len(data):
        rate = int.from_bytes(data[vorbis + 12:vorbis + 16], "little")
        return granule * 1000 // rate if rate else None
    return None


def voice_duration_ms(data: bytes) -> int | None:
    """How long a voice note lasts, as its container says (the movie header of an .m4a, the
    last page of an Ogg stream), or None when it does not say."""
    mime = sniff(data[:SNIFF_BYTES])
    if mime == "audio/mp4":
        return _mp4_duration_ms(data)
    if mime == "audio/ogg":
        return _ogg_duration_ms(data)
    return None


_SOF = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF})


def _jpeg_segments(data: bytes) -> list[tuple[int, int, int]] | None:
    """The marker segments of a JPEG before its image data: (marker, start, end)."""
    out: list[tuple[int, int, int]] = []
    at = 2
    while at + 4 <= len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        if marker == 0xFF:
            at += 1
            continue
        if marker == 0xDA or marker == 0xD9:  # the image data (or the end) follows
            return out
        length = int.from_bytes(data[at + 2:at + 4], "big")
        if length < 2 or at + 2 + length > len(data):
            return None
        out.append((marker, at, at + 2 + length))
        at += 2 + length
    return out if at + 2 <= len(data) and data[at:at + 2] in (b"\xff\xda", b"\xff\xd9") else None


def photo_size(data: bytes) -> tuple[int, int] | None:
    """A photo's width and height in pixels, as its header says, or None."""
    mime = sniff(data[:SNIFF_BYTES])
    if mime == "image/png" and len(data) >= 24 and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if mime == "image/jpeg":
        for marker, start, end in _jpeg_segments(data) or []:
            if marker in _SOF and end - start >= 9:
                height = int.from_bytes(data[start + 5:start + 7], "big")
                width = int.from_bytes(data[start + 7:start + 9], "big")
                return width, height
    return None


# JPEG segments that carry where and when a photo was taken, on which camera, by whom (EXIF and
# XMP in APP1, IPTC in APP13, comments); the colour profile (APP2) and Adobe's colour transform
# (APP14) stay, the picture needs them.
_JPEG_METADATA = frozenset({0xE1, 0xED, 0xFE})
_PNG_METADATA = frozenset({b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"})


def without_metadata(data: bytes) -> bytes:
    """A photo's bytes without what it says about where, when and on which camera it was
    taken (EXIF with a GPS position, XMP, IPTC, comments; PNG text chunks), its pixels as they
    were. Any other file is returned as it is."""
    mime = sniff(data[:SNIFF_BYTES])
    if mime == "image/jpeg":
        segments = _jpeg_segments(data)
        if not segments:
            return data
        drop = [(s, e) for marker, s, e in segments if marker in _JPEG_METADATA]
        if not drop:
            return data
        out: list[bytes] = []
        at = 0
        for s, e in drop:
            out.append(data[at:s])
            at = e
        out.append(data[at:])
        return b"".join(out)
    if mime == "image/png":
        out_png, at = [data[:8]], 8
        while at + 12 <= len(data):
            length = int.from_bytes(data[at:at + 4], "big")
            end = at + 12 + length
            if end > len(data):
                return data
            if data[at + 4:at + 8] not in _PNG_METADATA:
                out_png.append(data[at:end])
            at = end
        return b"".join(out_png) + data[at:]
    return data
