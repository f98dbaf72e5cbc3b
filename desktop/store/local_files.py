"""What publishing needs to know about a local file: its type, its size, and the words inside it.

Runs off the UI thread (a large PDF takes a while); it reads files and never writes them.
"""

from __future__ import annotations

import logging
import mimetypes
import re
from pathlib import Path

from fieldnote.kinds import TEXT_MAX

log = logging.getLogger(__name__)

# Files a library can hold; anything else is refused with a message, never uploaded blindly.
PUBLISHABLE = {
    ".pdf": "application/pdf",
    ".ppt": "application/vnd.ms-powerpoint",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".key": "application/vnd.apple.keynote",
    ".doc": "application/msword",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".mp4": "video/mp4",
    ".mov": "video/quicktime",
    ".webm": "video/webm",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".txt": "text/plain",
}
_SPACE = re.compile(r"[ \t\r\f\v]+")
_LINES = re.compile(r"\n{3,}")


class FileProblem(Exception):
    """A file cannot be published; the message says why in words a marketer can act on."""


def mime_type(path: Path) -> str:
    suffix = path.suffix.lower()
    return PUBLISHABLE.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def is_publishable(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in PUBLISHABLE and not path.name.startswith(".")


def files_in(folder: Path) -> list[Path]:
    """The publishable files of a folder and its subfolders, in name order."""
    return sorted(p for p in folder.rglob("*") if is_publishable(p))


def guess_kind(path: Path) -> str:
    """A first guess at the collateral kind from the file's name; the marketer confirms it."""
    name = path.stem.lower().replace("_", "-").replace(" ", "-")
    if path.suffix.lower() in (".mp4", ".mov", ".webm"):
        return "video"
    if path.suffix.lower() in (".ppt", ".pptx", ".key"):
        return "deck"
    for needle, kind in (("sell-sheet", "sell_sheet"), ("sellsheet", "sell_sheet"),
                         ("case-study", "case_study"), ("price", "price_list"),
                         ("brochure", "brochure"), ("deck", "deck"), ("briefing", "deck")):
        if needle in name:
            return kind
    return "other"


def title_from(path: Path) -> str:
    """"Insight Cloud sell sheet" from "insight-cloud-sell-sheet.pdf"."""
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return (words[:1].upper() + words[1:])[:200] if words else path.name[:200]


def pdf_text(path: Path, limit: int = TEXT_MAX) -> str:
    """The text of a PDF's pages (for full-text search), at most `limit` characters.

    A PDF that cannot be read gives "" (it is still publishable; search then knows only its
    title, summary and tags) and the reason is logged.
    """
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError

        reader = PdfReader(str(path))
        parts: list[str] = []
        size = 0
        for page in reader.pages:
            chunk = page.extract_text() or ""
            parts.append(chunk)
            size += len(chunk)
            if size >= limit:
                break
    except (OSError, ValueError, KeyError, PyPdfError) as exc:
        log.warning("could not read the text of %s: %s", path.name, exc)
        return ""
    text = _LINES.sub("\n\n", _SPACE.sub(" ", "\n".join(parts))).strip()
    # Control characters other than line breaks are not text a reader typed; drop them.
    text = "".join(ch for ch in text if ch == "\n" or ch >= " ")
    return text[:limit]


def document_text(path: Path) -> str:
    """Searchable text of any publishable file (PDF and plain text; other types give "")."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_text(path)
    if suffix == ".txt":
        try:
            return path.read_text(encoding="utf-8", errors="replace")[:TEXT_MAX]
        except OSError:
            return ""
    return ""
