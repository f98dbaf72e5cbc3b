"""The one font setup of every PDF report: Noto Sans, with Noto fallbacks for the scripts it lacks.

Every report reads its font names and its text helpers from here, never "Helvetica": a name in
Polish, Vietnamese, Greek, Cyrillic, Arabic, Hebrew, Chinese, Japanese or Korean prints as
itself. The fonts ship in resources/fonts (built by tools/build_fonts.py, SIL OFL); nothing
is looked up on the system or downloaded. A string is split into runs by the first font
that has each character; Arabic is shaped (arabic-reshaper's presentation forms) and
right-to-left runs are put in visual order (python-bidi) before layout.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily, stringWidth
from reportlab.pdfbase.ttfonts import TTFont

from fieldnote.validation import strip_control
from resources.paths import resource_path
from resources.version import app_version

try:  # Arabic letters joined; a declared dependency, and without it Arabic still prints (unjoined)
    from arabic_reshaper import reshape
except ImportError:  # pragma: no cover
    def reshape(text: str) -> str:
        return text

REGULAR = "FieldnoteSans"
BOLD = "FieldnoteSans-Bold"

# Tried in this order for each character; the first is the body font. A family without a
# bold file prints bold runs in its regular weight (the CJK fonts: a bold cut would double
# their size).
FAMILIES: tuple[tuple[str, str, str | None], ...] = (
    ("FieldnoteSans", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ("FieldnoteArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    ("FieldnoteHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    ("FieldnoteSC", "NotoSansSC-Regular.ttf", None),
    ("FieldnoteJP", "NotoSansJP-Regular.ttf", None),
    ("FieldnoteKR", "NotoSansKR-Regular.ttf", None),
)
MISSING = "\ufffd"  # what a character no font has prints as (a visible mark, never a blank)



@cache
def register() -> tuple[str, str]:
    """Register the shipped fonts with reportlab (once per process); the body's regular and
    bold names."""
    for name, regular, bold in FAMILIES:
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", regular))))
        bold_name = f"{name}-Bold"
        if bold is not None:
            pdfmetrics.registerFont(TTFont(bold_name, str(resource_path("fonts", bold))))
        else:
            bold_name = name
        registerFontFamily(name, normal=name, bold=bold_name, italic=name, boldItalic=bold_name)
    return REGULAR, BOLD


@cache
def _coverage() -> tuple[frozenset[int], ...]:
    register()
    return tuple(frozenset(pdfmetrics.getFont(name).face.charToGlyph) for name, _r, _b in FAMILIES)


def _font_name(index: int, bold: bool) -> str:
    name, _regular, bold_file = FAMILIES[index]
    return f"{name}-Bold" if bold and bold_file is not None else name


def _joins(ch: str) -> bool:
    """Characters that take the font of the run they are in: spaces, combining marks, joiners."""
    return ch.isspace() or unicodedata.category(ch) in ("Mn", "Me", "Cf")


# The blocks of right-to-left scripts and the marks that start right-to-left runs: one regex
# search (in C) instead of a look-up per character, for the long tables.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                  "\U0001e800-\U0001efff\u200f\u202b\u202e\u2067]")


def is_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


@cache
def _outside_body() -> re.Pattern[str]:
    """Matches a character the body font lacks or that runs right to left."""
    allowed = sorted({ord("\n"), ord("\t")} | {
        c for c in _coverage()[0] if not _RTL.match(chr(c)) and not 0xD800 <= c <= 0xDFFF})
    spans: list[tuple[int, int]] = []
    for code in allowed:
        if spans and code == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], code)
        else:
            spans.append((code, code))
    ranges = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                     for a, b in spans)
    return re.compile(f"[^{ranges}]")


def _body_only(text: str) -> bool:
    """Whether the body font prints all of `text` left to right: the common case, kept fast."""
    return _outside_body().search(text) is None


def visual(text: str) -> str:
    """Text as it is drawn left to right: Arabic letters in their joined forms and right-to-left
    runs reversed, line by line. Left-to-right text comes back unchanged."""
    if not is_rtl(text):
        return text
    return "\n".join(get_display(reshape(line)) for line in text.split("\n"))


@cache
def _first_font(code: int) -> int | None:
    return next((i for i, cmap in enumerate(_coverage()) if code in cmap), None)


def runs(text: str, bold: bool = False) -> list[tuple[str, str]]:
    """(text, font name) pieces of already visual `text`, each character in the first font that
    has it (spaces and combining marks stay with their run); a character no font has becomes
    MISSING in the body font."""
    if _body_only(text):
        return [(text, _font_name(0, bold))] if text else []
    out: list[tuple[str, str]] = []
    current = 0
    piece: list[str] = []
    for ch in text:
        found = current if _joins(ch) else _first_font(ord(ch))
        if found is None:  # the body font has MISSING
            found, ch = 0, MISSING
        if found != current:
            if piece:
                out.append(("".join(piece), _font_name(current, bold)))
            piece, current = [], found
        piece.append(ch)
    if piece:
        out.append(("".join(piece), _font_name(current, bold)))
    return out


def plain(value: Any) -> str:
    """Text reportlab can encode: lone surrogates (possible in JSON input) become a replacement
    mark, control characters go, line ends are unified."""
    text = value if isinstance(value, str) else str(value)
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return strip_control(text).replace("\r\n", "\n").replace("\r", "\n")


def markup(value: Any, bold: bool = False) -> str:
    """Paragraph markup that prints `value` exactly as typed, in whichever shipped fonts have its
    characters. `bold` for a paragraph whose style is bold (a fallback run keeps the weight)."""
    if value is None:
        return ""
    text = visual(plain(value))
    parts = []
    for piece, font in runs(text, bold):
        shown = escape(piece).replace("\t", "    ").replace("\n", "<br/>")
        parts.append(shown if font in (REGULAR, BOLD) else f'<font name="{font}">{shown}</font>')
    return "".join(parts)


def needs_markup(text: str) -> bool:
    """Whether `text` needs more than the body font (so a plain table cell would not do)."""
    return not _body_only(text)


def width(text: str, size: float, bold: bool = False) -> float:
    """The printed width of logical `text`."""
    if _body_only(text):
        return float(stringWidth(text, BOLD if bold else REGULAR, size))
    return float(sum(stringWidth(piece, font, size) for piece, font in runs(visual(text), bold)))


def fit(value: Any, max_width: float, size: float, bold: bool = False) -> str:
    """Logical text cut with an ellipsis to fit `max_width` (the PDF is a view; the data stays
    whole). Never cuts inside a combining sequence."""
    text = " ".join(plain(value or "").split())
    if width(text, size, bold) <= max_width:
        return text
    while text and width(text + "…", size, bold) > max_width:
        cut = max(1, len(text) // 8)
        text = text[: len(text) - cut]
        while text and unicodedata.combining(text[-1]):
            text = text[:-1]
    return text + "…"


def word_size(value: Any, max_width: float, size: float, bold: bool = False,
              smallest: float = 5.5) -> float:
    """The font size, at most `size`, at which the widest word of `value` fits `max_width`: a
    word (a code, an email, an id, a URL) then wraps whole or not at all, never inside. Never
    below `smallest`; a word still too wide there is the layout's to break."""
    words = plain(value or "").split()
    widest = max((width(w, size, bold) for w in words), default=0.0)
    if widest <= max_width:
        return size
    return max(smallest, size * max_width / widest * 0.995)  # a hair under, against rounding


def draw(canvas: Any, x: float, y: float, text: str, size: float, *, bold: bool = False,
         right: bool = False) -> None:
    """Draw one line on a canvas (footers, labels) run by run; `right` aligns its end at x."""
    pieces = runs(visual(plain(text).replace("\n", " ")), bold)
    if right:
        x -= sum(stringWidth(p, f, size) for p, f in pieces)
    for piece, font in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, font, size)


def label(text: str, bold: bool = False) -> tuple[str, str]:
    """(visual text, font) for a chart label, which takes one font: the one that has the most
    of its characters (the body font on a tie)."""
    shown = visual(plain(text).replace("\n", " "))
    coverage = _coverage()
    counts = [sum(ord(ch) in cmap for ch in shown) for cmap in coverage]
    best = max(range(len(counts)), key=lambda i: (counts[i], -i))
    return shown, _font_name(best, bold)


def made_by() -> str:
    """"Fieldnote 0.1.0": the program and its version, in every report's footer."""
    return f"Fieldnote {app_version()}"
