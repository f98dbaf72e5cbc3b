"""Contact details as a rep types or scans them: phone normalisation, email checks, name splits.

These give warnings, never refusals: a number or address that looks wrong is kept exactly as
typed, with a message the capture screen can show next to the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from fieldnote.validation import check_email as _email_problem

__all__ = ["PhoneCheck", "check_email", "normalize_phone", "split_name"]

# Long enough for any real number with an extension; longer text is not a phone number and
# the phonenumbers library refuses it anyway.
_PHONE_MAX = 250


@dataclass(frozen=True)
class PhoneCheck:
    """A phone number ready to store, and why it may be wrong (None when it is fine)."""

    value: str
    warning: str | None = None

    @property
    def ok(self) -> bool:
        return self.warning is None


def normalize_phone(text: str | None, default_region: str | None = None) -> PhoneCheck:
    """E.164 (`+4930123456`) when `text` is a valid number, else `text` kept with a warning.

    `default_region` (ISO 3166 alpha-2, e.g. "DE") is the country assumed for numbers typed
    without a `+` country code. An extension is kept after the number (`+15555550100 ext. 12`).
    An empty input gives an empty value and no warning.
    """
    original = text or ""
    stripped = original.strip()
    if not stripped:
        return PhoneCheck("", None)
    if len(stripped) > _PHONE_MAX:
        return PhoneCheck(original, "This is too long to be a phone number; kept as typed.")
    if stripped[:4].lower() == "tel:":
        stripped = stripped[4:].strip()
    region = (default_region or "").strip().upper() or None
    if region is not None and region not in phonenumbers.SUPPORTED_REGIONS:
        region = None
    try:
        number = phonenumbers.parse(stripped, region)
    except phonenumbers.NumberParseException as exc:
        if exc.error_type == phonenumbers.NumberParseException.INVALID_COUNTRY_CODE:
            reason = "Add the country code (for example +44) or set a default country."
        else:
            reason = "This does not look like a phone number."
        return PhoneCheck(original, f"{reason} Kept as typed.")
    if not phonenumbers.is_valid_number(number):
        where = phonenumbers.region_code_for_number(number) or region
        suffix = f" for {where}" if where and where != "ZZ" else ""
        return PhoneCheck(
            original, f"This is not a valid phone number{suffix}; check the digits. Kept as typed."
        )
    value = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        value = f"{value} ext. {number.extension}"
    return PhoneCheck(value, None)


def check_email(text: str | None) -> str | None:
    """Why an email address looks unusable (a warning to show), or None when it looks fine.

    Syntax only: no DNS lookups, so it works offline. An empty address gives None.
    """
    stripped = (text or "").strip()
    if not stripped:
        return None
    if len(stripped) > 320:
        return "This is too long to be an email address."
    return _email_problem(stripped)



def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lower-case words that open a family name ("Ludwig van Beethoven", "Ana da Silva").
_PARTICLES = _wordset("van von der den de da das do dos du del della di la le ter ten bin ibn al el st. st")
_HONORIFICS = _wordset("mr mrs ms miss mx dr prof sir madam herr frau sr sra")
_SUFFIXES = _wordset("jr sr ii iii iv phd md mba esq")


def split_name(full: str | None) -> tuple[str | None, str | None]:
    """Split a full name into (first, last); either may be None.

    "Ana Silva" -> ("Ana", "Silva"); "Silva, Ana" -> ("Ana", "Silva");
    "Ludwig van Beethoven" -> ("Ludwig", "van Beethoven"); "Mary Ann Smith" ->
    ("Mary Ann", "Smith"); a single word is a first name. Honorifics are dropped
    ("Dr. Ana Silva"), suffixes stay with the last name ("Silva Jr.").
    """
    text = " ".join((full or "").split())
    if not text:
        return None, None
    if text.count(",") == 1:
        last, _, first = text.partition(",")
        first, last = first.strip(), last.strip()
        # "Silva, Jr." is a suffix, not a "last, first" order.
        if first and last and _key(first) not in _SUFFIXES:
            return first, last
    words = text.split(" ")
    while len(words) > 1 and _key(words[0]) in _HONORIFICS:
        words = words[1:]
    suffix: list[str] = []
    while len(words) > 2 and _key(words[-1]) in _SUFFIXES:
        suffix.insert(0, words.pop())
    if len(words) == 1:
        return words[0], (" ".join(suffix) or None)
    start = len(words) - 1
    # Walk back over name particles so "de la Cruz" stays one family name.
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    first = " ".join(words[:start])
    last = " ".join(words[start:] + suffix)
    return first, last


def _key(word: str) -> str:
    return word.lower().strip(".,")


_NON_DIGIT = re.compile(r"\D")


def phone_digits(text: str | None) -> str:
    """The digits of a phone number, for comparing numbers typed in different styles."""
    return _NON_DIGIT.sub("", text or "")
