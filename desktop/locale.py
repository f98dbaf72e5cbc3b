"""Numbers, amounts and dates as the user reads and writes them: one helper over QtCore's
QLocale, used both ways by the window, the report builders and the CLI's text output.

It imports QtCore only (no widgets) and never decides which locale is wanted: the app applies
the `locale` setting once at start-up (`apply_locale`) and every call here reads the default.
Machine formats (JSON, CSV, ISO dates in stored records) never go through it.
"""

from __future__ import annotations

import datetime as dt
import logging
import math

from PySide6.QtCore import QDate, QLocale, Qt, QTime

log = logging.getLogger(__name__)

# Digits an amount keeps (the store keeps floats; money is shown and typed with cents).
AMOUNT_DECIMALS = 2


def app_locale() -> QLocale:
    """The locale every format here uses: the app's default (see `apply_locale`)."""
    return QLocale()


def apply_locale(name: str) -> QLocale:
    """Make `name` ("de_DE", "fr_FR"...; "" for the system's) the default for formats, item
    views and validators created from now on. An unknown name keeps the system's, logged."""
    wanted = QLocale.system()
    if name:
        candidate = QLocale(name)
        if candidate.language() == QLocale.Language.C and name not in ("C", "POSIX"):
            log.warning("unknown locale %r in the settings; the system's is used", name)
        else:
            wanted = candidate
    QLocale.setDefault(wanted)
    return wanted


def document_language() -> str:
    """The BCP 47 tag of the app's language ("de-DE"), for a PDF's /Lang."""
    loc = app_locale()
    if loc.language() == QLocale.Language.C:
        return "en"
    return loc.name().replace("_", "-")


def report_language() -> str:
    """The /Lang of a PDF report: its words are English (the reports are not translated yet),
    its numbers and dates are the app locale's, so English as used there ("en-DE")."""
    loc = app_locale()
    parts = loc.name().split("_")
    if loc.language() == QLocale.Language.C or len(parts) < 2:
        return "en"
    return f"en-{parts[1]}"


# -- numbers ---------------------------------------------------------------------------------


def parse_number(text: str, locale: QLocale | None = None) -> float:
    """A number as typed in the app's locale ("1.234,56" in German, "1 234,56" in French,
    "1,234.56" in English). Raises ValueError for text that is not one whole number there:
    a decimal point of another locale is refused, never read as a group separator."""
    loc = locale or app_locale()
    cleaned = text.strip()
    if not cleaned:
        raise ValueError("empty")
    value, ok = loc.toDouble(cleaned)
    if not ok or not math.isfinite(value):
        raise ValueError(f"not a number: {text!r}")
    return float(value)


def format_number(value: float | int, decimals: int | None = None, *, grouped: bool = True,
                  locale: QLocale | None = None) -> str:
    """A number for reading: whole numbers without decimals, others with `decimals` (default:
    as many as needed, at most 6). `grouped=False` gives text for an input field to edit."""
    loc = QLocale(locale or app_locale())
    if not grouped:
        loc.setNumberOptions(loc.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int) and decimals is None:
        return loc.toString(value)
    number = float(value)
    if decimals is None:
        if number.is_integer() and abs(number) < 2**53:
            return loc.toString(int(number))
        return loc.toString(number, "g", 15) if abs(number) >= 1e15 else _trimmed(loc, number)
    return loc.toString(number, "f", decimals)


def _trimmed(loc: QLocale, number: float) -> str:
    text = loc.toString(number, "f", 6)
    point = loc.decimalPoint()
    if point in text:
        text = text.rstrip("0").rstrip(point)
    return text


def format_int(value: int | float, *, locale: QLocale | None = None) -> str:
    """A count: grouped digits, no decimals (1.054.000 in German)."""
    return (locale or app_locale()).toString(int(round(value)))


def with_count(text: str, count: int, *, locale: QLocale | None = None) -> str:
    """A `tr(source, "", count)` text with its count written in the locale ("1.054 Leads"):
    Qt writes `%n` as bare digits, and the plural form stays the translator's."""
    return text.replace(str(count), format_int(count, locale=locale), 1)


def format_amount(value: float | int | None, *, grouped: bool = True,
                  locale: QLocale | None = None) -> str:
    """Money with its cents: 1.234,56 in German, 1,234.56 in English; "" for no amount."""
    if value is None:
        return ""
    return format_number(float(value), AMOUNT_DECIMALS, grouped=grouped, locale=locale)


def format_money(value: float | int | None, currency: str, *,
                 locale: QLocale | None = None) -> str:
    """An amount in `currency` (an ISO 4217 code) as the locale writes money: "€1,054,000" in
    English, "1.054.000 €" in German, cents only when there are any; "" for no amount. The
    symbol is the locale's own for its own currency, else the one every locale uses for that
    code (€, £), else the code itself ("1,200 CHF"), so a symbol never names two currencies."""
    if value is None:
        return ""
    loc = locale or app_locale()
    number = float(value)
    decimals = 0 if number.is_integer() else AMOUNT_DECIMALS
    if loc.language() == QLocale.Language.C:
        # No locale to follow (C/POSIX): the number and the code, as the command line writes.
        return f"{loc.toString(number, 'f', decimals)}\u00a0{currency}"
    symbol = _currency_symbol(loc, currency)
    text = loc.toCurrencyString(number, symbol, decimals)
    if symbol == currency:
        # A code is a word: never glued to the digits ("CHF1,200").
        at = text.find(symbol)
        before, after = text[:at], text[at + len(symbol):]
        if after[:1] and (after[0].isdigit() or after[0] in "-\u2212"):
            after = "\u00a0" + after
        if before[-1:].isdigit():
            before += "\u00a0"
        text = before + symbol + after
    return text


_SYMBOLS: dict[str, str] = {}


def _currency_symbol(loc: QLocale, code: str) -> str:
    own_code = loc.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    own_symbol = loc.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
    if own_code == code:
        return own_symbol or code
    if not _SYMBOLS:
        # Per code, the symbol most of its locales write, kept when that code is the one most
        # locales mean by it ("$" is the US dollar's, "€" the euro's; "kr" is kept by one).
        counts: dict[str, dict[str, int]] = {}
        for other in QLocale.matchingLocales(QLocale.Language.AnyLanguage,
                                             QLocale.Script.AnyScript, QLocale.Country.AnyCountry):
            iso = other.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
            sign = other.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol)
            if iso and sign:
                counts.setdefault(iso, {}).setdefault(sign, 0)
                counts[iso][sign] += 1
        users: dict[str, dict[str, int]] = {}
        for iso, signs in counts.items():
            for sign, n in signs.items():
                users.setdefault(sign, {})[iso] = n
        for iso, signs in counts.items():
            sign = max(signs, key=lambda s: (signs[s], s))
            top = max(users[sign], key=lambda i: (users[sign][i], i))
            _SYMBOLS[iso] = sign if top == iso else iso
    symbol = _SYMBOLS.get(code, code)
    # Where the locale's own money has that symbol ("$" in Canada), it would be read as that.
    return code if symbol == own_symbol else symbol


def format_percent(fraction: float | None, decimals: int = 0) -> str:
    """A share of 1 as a percentage in the locale's digits and sign ("42 %" in German)."""
    if fraction is None:
        return "—"
    loc = app_locale()
    number = loc.toString(fraction * 100, "f", decimals)
    # CLDR writes a (no-break) space before the sign in these languages: "42 %".
    if loc.language() in _SPACED_PERCENT:
        return f"{number}\u00a0{loc.percent()}"
    return f"{number}{loc.percent()}"


_SPACED_PERCENT = (QLocale.Language.German, QLocale.Language.French, QLocale.Language.Spanish)


# -- dates -----------------------------------------------------------------------------------


_FORMATS: dict[str, tuple[str, str]] = {}


def _formats(loc: QLocale) -> tuple[str, str]:
    """(short date with a four-digit year, short time) of a locale, looked up once."""
    key = loc.name()
    if key not in _FORMATS:
        fmt = loc.dateFormat(QLocale.FormatType.ShortFormat)
        if loc.language() == QLocale.Language.C:
            # No locale to follow (C/POSIX, as on many servers): Qt's "d M yy" would print
            # "7 12 2026"; ISO 8601, as the command line writes dates.
            fmt = "yyyy-MM-dd"
        # Short formats of several locales show two-digit years; a lead list spans years.
        if "yyyy" not in fmt:
            fmt = fmt.replace("yy", "yyyy")
        _FORMATS[key] = (fmt, loc.timeFormat(QLocale.FormatType.ShortFormat))
    return _FORMATS[key]


def _date_format(loc: QLocale) -> str:
    return _formats(loc)[0]


def _as_date(value: dt.date | dt.datetime | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def format_date(value: dt.date | dt.datetime | str | None, *, locale: QLocale | None = None) -> str:
    """A day in the locale's short form with a four-digit year (07.12.2026, 12/7/2026);
    text that is not an ISO date comes back as it is (kept and shown, never dropped)."""
    day = _as_date(value)
    if day is None:
        return "" if value is None else str(value)
    loc = locale or app_locale()
    return loc.toString(QDate(day.year, day.month, day.day), _date_format(loc))


def _as_local_datetime(value: dt.datetime | str) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        moment = value
    else:
        text = str(value).strip().replace("Z", "+00:00")
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            return None
    # Stored times are UTC; a person reads their own clock.
    return moment.astimezone() if moment.tzinfo is not None else moment


def format_datetime(value: dt.datetime | str | None) -> str:
    """A moment in the user's time zone, as the locale writes a short date and time
    (07.12.2026 14:03, 12/7/2026 2:03 PM); unparsable text comes back as it is."""
    if value is None or value == "":
        return ""
    moment = _as_local_datetime(value)
    if moment is None:
        return str(value)
    loc = app_locale()
    # Day and time apart: a QDateTime in local time costs a time-zone lookup (~0.2 ms), too
    # much for a report of thousands of leads.
    day = loc.toString(QDate(moment.year, moment.month, moment.day), _date_format(loc))
    clock = loc.toString(QTime(moment.hour, moment.minute, moment.second), _formats(loc)[1])
    return f"{day} {clock}"


def format_time(value: dt.datetime | dt.time) -> str:
    """A time of day as the locale writes it short (14:03, 2:03 PM)."""
    loc = app_locale()
    return loc.toString(QTime(value.hour, value.minute, value.second), QLocale.FormatType.ShortFormat)


def parse_date(text: str) -> dt.date:
    """A day typed in the locale's short form or as ISO (2026-12-07); ValueError otherwise."""
    cleaned = text.strip()
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    loc = app_locale()
    for fmt in (_date_format(loc), loc.dateFormat(QLocale.FormatType.ShortFormat)):
        day = loc.toDate(cleaned, fmt)
        if day.isValid():
            return dt.date(day.year(), day.month(), day.day())
    day = QDate.fromString(cleaned, Qt.DateFormat.ISODate)
    if day.isValid():
        return dt.date(day.year(), day.month(), day.day())
    raise ValueError(f"not a date: {text!r}")


__all__ = [
    "AMOUNT_DECIMALS", "app_locale", "apply_locale", "document_language", "format_amount",
    "format_date", "format_datetime", "format_int", "format_money", "format_number",
    "format_percent",
    "format_time", "parse_date", "parse_number", "report_language",
]
