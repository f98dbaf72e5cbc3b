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
    "problems",
    "sniff",
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
