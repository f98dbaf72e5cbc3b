"""Is a file what its name says? The one check publishing runs before a file enters the library.

A PDF must parse and have a page, an image must decode, an Office file must be the zip
container its name promises, the older binary formats and videos must carry their signature,
and text must be text. Reads only what it needs (headers, the PDF's page tree, a zip's
directory and its small content-types part): never a whole zip, never a write.
"""

from __future__ import annotations

import logging
import re
import zipfile
from pathlib import Path
from typing import BinaryIO

from desktop.store.local_files import FileProblem

log = logging.getLogger(__name__)

# The zip part every Office Open XML file has, and the word its main part's content type holds.
_CONTENT_TYPES = "[Content_Types].xml"
_OOXML = {".docx": b"wordprocessingml", ".pptx": b"presentationml", ".xlsx": b"spreadsheetml"}
_OOXML_NAMES = {".docx": "Word document", ".pptx": "PowerPoint file", ".xlsx": "Excel workbook"}
# At most this much of [Content_Types].xml is inflated (it is a few kilobytes in real files):
# a zip bomb costs the check no more than this.
_CONTENT_TYPES_MAX = 256 * 1024
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound-file signature of .doc, .ppt, .xls
_OLE_NAMES = {".doc": "Word document", ".ppt": "PowerPoint file", ".xls": "Excel workbook"}
# The first box of an MP4 or QuickTime file is one of these.
_MOVIE_BOXES = {b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"pnot"}
_EBML = b"\x1a\x45\xdf\xa3"  # WebM's first four bytes
_IMAGES = {".png": ("png", "PNG image"), ".jpg": ("jpeg", "JPEG image"), ".jpeg": ("jpeg", "JPEG image")}
# A hostile file cannot keep the walk over PNG chunks or JPEG segments going for ever.
_MAX_SEGMENTS = 1_000_000
# Qt refuses to decode images over its allocation limit (256 MB); so does the check, up front.
_IMAGE_MAX_BYTES = 256 * 1024 * 1024
_SHOWN_NAME_MAX = 80
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def shown_name(path: Path) -> str:
    """A file's name for a one-line message: no line breaks or control characters, not too long."""
    name = _UNPRINTABLE.sub("?", path.name) or "?"
    return name if len(name) <= _SHOWN_NAME_MAX else name[: _SHOWN_NAME_MAX - 1] + "…"


def check_content(path: Path) -> None:
    """Raise FileProblem unless `path` holds what its suffix says; return quietly if it does.

    Types without a check of their own (none today) pass. The caller has checked the suffix is
    one the library holds and that the file is not empty.
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".pdf":
            _check_pdf(path)
        elif suffix in _IMAGES:
            _check_image(path, *_IMAGES[suffix])
        elif suffix in _OOXML:
            _check_ooxml(path, suffix)
        elif suffix == ".key":
            _check_zip(path, "Keynote file")
        elif suffix in _OLE_NAMES:
            _check_signature(path, (_OLE,), _OLE_NAMES[suffix])
        elif suffix in (".mp4", ".mov"):
            _check_movie(path)
        elif suffix == ".webm":
            _check_signature(path, (_EBML,), "WebM video")
        elif suffix == ".txt":
            _check_text(path)
    except OSError as exc:
        raise FileProblem(f"Could not read {shown_name(path)}: {exc.strerror or exc}.") from None


def _not_a(path: Path, what: str, why: str) -> FileProblem:
    return FileProblem(f"{shown_name(path)} is not a readable {what} ({why}); "
                       "nothing was published.")


def _head(path: Path, size: int = 64) -> bytes:
    with path.open("rb") as fh:
        return fh.read(size)


def _check_pdf(path: Path) -> None:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    if b"%PDF-" not in _head(path, 1024):
        raise _not_a(path, "PDF", "it does not start like one")
    with path.open("rb") as fh:
        # A parser of untrusted bytes may fail in any way: every failure is "damaged", and the
        # reason is logged for support.
        try:
            reader = PdfReader(fh, strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise FileNotDecryptedError("a password is needed")
            pages = len(reader.pages)
        except FileNotDecryptedError:
            raise FileProblem(f"{shown_name(path)} is protected by a password; publish a copy "
                              "without one. Nothing was published.") from None
        except Exception as exc:  # see above
            log.info("%s does not parse as a PDF: %s: %s", shown_name(path), type(exc).__name__, exc)
            raise _not_a(path, "PDF", "it is damaged or cut short") from None
    if pages < 1:
        raise _not_a(path, "PDF", "it has no pages")


def _check_image(path: Path, qt_format: str, what: str) -> None:
    # QtGui's decoder, the one the app shows images with: an image that publishes is one every
    # rep's app can show. Safe off the UI thread and without a QGuiApplication.
    from PySide6.QtGui import QImageReader

    head = _head(path, 16)
    if qt_format == "png" and not head.startswith(b"\x89PNG\r\n\x1a\n"):
        raise _not_a(path, what, "it does not start like one")
    if qt_format == "jpeg" and not head.startswith(b"\xff\xd8\xff"):
        raise _not_a(path, what, "it does not start like one")
    # A file cut short still half-decodes (the rest grey); whether its image data reaches the
    # end marker tells. Data after the end (a phone's motion photo appends a video) is allowed.
    with path.open("rb") as fh:
        whole = _png_reaches_end(fh) if qt_format == "png" else _jpeg_reaches_end(fh)
    if not whole:
        raise _not_a(path, what, "it is cut short")
    reader = QImageReader(str(path), qt_format.encode())
    width, height = reader.size().width(), reader.size().height()
    if width <= 0 or height <= 0:
        raise _not_a(path, what, "its header is damaged")
    if width * height * 4 > _IMAGE_MAX_BYTES:
        raise FileProblem(f"{shown_name(path)} is {width}×{height} pixels, too large to show; "
                          "publish a smaller export of it. Nothing was published.")
    if reader.read().isNull():
        raise _not_a(path, what, reader.errorString() or "it does not decode")


def image_reaches_end(fh: BinaryIO, qt_format: str) -> bool:
    """Whether a PNG's chunks or a JPEG's image data reach their end marker (a file cut short
    does not); True for other formats, which have no such walk. Moves `fh`."""
    if qt_format == "png":
        return _png_reaches_end(fh)
    if qt_format in ("jpeg", "jpg"):
        return _jpeg_reaches_end(fh)
    return True


def _png_reaches_end(fh: BinaryIO) -> bool:
    """Walk the chunks (length, type, data, CRC) from the signature to IEND."""
    fh.seek(8)
    for _ in range(_MAX_SEGMENTS):
        head = fh.read(8)
        if len(head) < 8:
            return False
        length = int.from_bytes(head[:4], "big")
        if head[4:8] == b"IEND":
            return len(fh.read(4)) == 4
        fh.seek(length + 4, 1)
    return False


def _jpeg_reaches_end(fh: BinaryIO) -> bool:
    """Walk the marker segments to the first scan, then find the end-of-image marker after it
    (inside scan data 0xFF is always followed by 0x00 or a restart marker, so 0xFFD9 there is
    the real end; the markers of a thumbnail sit inside a segment the walk skips)."""
    fh.seek(2)
    for _ in range(_MAX_SEGMENTS):
        marker = fh.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return False
        if marker[1] == 0xFF:  # fill byte before a marker
            fh.seek(-1, 1)
            continue
        if marker[1] == 0xD9:
            return True
        if 0xD0 <= marker[1] <= 0xD7 or marker[1] == 0x01:
            continue  # markers without a length
        size = fh.read(2)
        if len(size) < 2:
            return False
        fh.seek(int.from_bytes(size, "big") - 2, 1)
        if marker[1] == 0xDA:  # start of scan: the rest is image data up to the end marker
            break
    else:
        return False
    carry = b""
    while chunk := fh.read(1 << 20):
        if b"\xff\xd9" in carry + chunk:
            return True
        carry = chunk[-1:]
    return False


def _open_zip(path: Path, what: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except Exception as exc:  # any failure of the zip reader on foreign bytes means "not a zip"
        log.info("%s is not a zip: %s: %s", shown_name(path), type(exc).__name__, exc)
        raise _not_a(path, what, "it is not the zip container it should be") from None


def _check_zip(path: Path, what: str) -> None:
    with _open_zip(path, what) as zf:
        if not zf.infolist():
            raise _not_a(path, what, "it is an empty container")


def _check_ooxml(path: Path, suffix: str) -> None:
    what = _OOXML_NAMES[suffix]
    with _open_zip(path, what) as zf:
        try:
            info = zf.getinfo(_CONTENT_TYPES)
        except KeyError:
            raise _not_a(path, what, f"its container has no {_CONTENT_TYPES}") from None
        try:
            with zf.open(info) as part:
                types = part.read(_CONTENT_TYPES_MAX)
        except Exception as exc:  # damaged, encrypted or an unknown compression: all "damaged"
            log.info("%s: %s unreadable: %s: %s", shown_name(path), _CONTENT_TYPES,
                     type(exc).__name__, exc)
            raise _not_a(path, what, f"its {_CONTENT_TYPES} is damaged") from None
    if _OOXML[suffix] not in types:
        raise _not_a(path, what, "its content is of another kind; check the file's extension")


def _check_signature(path: Path, signatures: tuple[bytes, ...], what: str) -> None:
    if not _head(path, 16).startswith(signatures):
        raise _not_a(path, what, "it does not start like one")


def _check_movie(path: Path) -> None:
    what = "MP4 video" if path.suffix.lower() == ".mp4" else "QuickTime video"
    head = _head(path, 12)
    if len(head) < 8 or head[4:8] not in _MOVIE_BOXES:
        raise _not_a(path, what, "it does not start like one")


def _check_text(path: Path) -> None:
    head = _head(path, 64 * 1024)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with its byte-order mark
    if b"\x00" in head:
        raise FileProblem(f"{shown_name(path)} is not a text file (it holds binary data); "
                          "nothing was published.")
