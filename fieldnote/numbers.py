"""Numbers stored as text, read the same way on every device whatever its locale.

A rubric's number answer is normally stored as a number. Text gets in from a CSV import, an
older device or a hand-edited record, written in whatever locale its author used: "1,5" from
a German rep means one and a half, "1,500" from an American means fifteen hundred. The window
reads what the user types in the app's locale (`desktop/locale.py`); stored text has no locale,
so it is read by one rule that needs none, and text the rule cannot read for certain is not
read at all (the caller keeps it and says so, never guesses):

- Optional sign (`-`, `+`, `−`), digits, and at most one decimal separator, `.` or `,`.
- Thousands may be grouped by `.`, `,`, a space (also no-break and narrow no-break) or `'`:
  the first group has 1–3 digits, every further group exactly 3, one kind of separator.
- With both `.` and `,`, the last one is the decimal separator: `1,234.5` and `1.234,5`.
- A separator that appears more than once groups thousands: `1.234.567`, `1,234,567`.
- A single `.` or `,` is a decimal separator (`1,5`, `12.75`, `1234,567`), except when it is
  followed by exactly three digits after a whole part of one to three digits: `1,500` and
  `1.500` are thousands in one locale and decimals in another, so they are **ambiguous** and
  not read. Write `1500`, `1500,0` or `1.500,0` instead.
- An exponent (`1e3`, `2,5E-2`) is allowed after the number; `inf` and `nan` are not numbers.

Every value this rule reads is read the same by the window's parse in English, German and
French (tested), so a number never changes when it crosses between the two.
"""

from __future__ import annotations

import math
import re

_SPACES = " \u00a0\u202f"
_GROUP_CHARS = ".," + _SPACES + "'"
_BODY = re.compile(r"[0-9., \u00a0\u202f']+")
_EXPONENT = re.compile(r"(.*?)([eE][+-]?[0-9]+)?")


def read_number(text: str) -> float | None:
    """The number `text` writes by the rule above, or None when it writes none for certain
    (empty, not a number, misgrouped, ambiguous, infinite)."""
    s = text.strip()
    sign = ""
    if s[:1] in ("-", "+", "\u2212"):
        sign = "" if s[0] == "+" else "-"
        s = s[1:]
    match = _EXPONENT.fullmatch(s)
    if match is None:  # pragma: no cover - the pattern matches every string
        return None
    body, exponent = match.group(1), match.group(2) or ""
    if not body or not _BODY.fullmatch(body) or not any(c.isdigit() for c in body):
        return None
    split = _split(body)
    if split is None:
        return None
    whole, fraction = split
    try:
        value = float(f"{sign}{whole or '0'}.{fraction or '0'}{exponent}")
    except ValueError:  # pragma: no cover - the text is plain digits by now
        return None
    return value if math.isfinite(value) else None


def _split(body: str) -> tuple[str, str] | None:
    """(whole digits, fraction digits) of a number's body, or None if it is not one for sure."""
    marks = {c for c in body if c in ".,"}
    spaced = any(c in _SPACES or c == "'" for c in body)
    decimal: str | None = None
    if len(marks) == 2:
        decimal = body[max(body.rfind("."), body.rfind(","))]
    elif len(marks) == 1:
        mark = marks.pop()
        if body.count(mark) == 1:
            whole, _, fraction = body.partition(mark)
            if not spaced and len(fraction) == 3 and 1 <= len(whole) <= 3 and whole.isdigit():
                return None  # 1,500 or 1.500: thousands in one locale, a fraction in another
            decimal = mark
    whole, fraction = body, ""
    if decimal is not None:
        if body.count(decimal) != 1:
            return None
        whole, _, fraction = body.partition(decimal)
        if not fraction.isdigit():
            return None
    return (_ungrouped(whole), fraction) if _grouped_well(whole) else None


def _grouped_well(whole: str) -> bool:
    """True for plain digits ("" too), or digits grouped in threes by one kind of separator."""
    if whole == "" or whole.isdigit():
        return True
    seps = {c for c in whole if c in _GROUP_CHARS}
    if len(seps) != 1 and not seps <= set(_SPACES):
        return False
    groups = re.split("[" + re.escape(_GROUP_CHARS) + "]", whole)
    return (
        1 <= len(groups[0]) <= 3
        and all(g.isdigit() for g in groups)
        and all(len(g) == 3 for g in groups[1:])
    )


def _ungrouped(whole: str) -> str:
    return "".join(c for c in whole if c.isdigit())
