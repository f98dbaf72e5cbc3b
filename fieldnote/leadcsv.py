"""Lead CSV files: reading organisers' badge-scan exports, writing CRM imports and vCards.

Reading refuses, with one line (`CsvImport.refusal`), a file that is not a lead list: not text
in a supported encoding, no header row, or no column for a name, email, company, phone or badge
id. Of a file it accepts, each row becomes lead fields plus the problems found in it, by line
number, and whatever does not fit a lead field is kept in its notes; a row that names no person
is skipped and counted by reason (`SKIP_REASONS`). The column mapping is inferred here once
(`guess_target`) for the command line, the window and the store alike. Writing guards
spreadsheet users against formula injection (`guard_cell`, used by every CSV writer).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldnote.consent import IMPORTED
from fieldnote.contacts import check_email, normalize_phone, split_name
from fieldnote.duplicates import import_key  # re-exported: the importer's de-duplication key
from fieldnote.kinds import LEAD, NAME_MAX, TEXT_MAX, FieldType
from fieldnote.leads import may_contact, names_a_person, required_one_of
from fieldnote.validation import (
    ValidationFailed,
    check_complete,
    clean_fields,
    format_datetime,
    parse_datetime,
    strip_control,
    utc_now_iso,
)

__all__ = [
    "HUBSPOT_COLUMNS",
    "IMPORT_TARGETS",
    "NOT_PROVIDED",
    "PERSON_TARGETS",
    "PROGRESS_EVERY",
    "SALESFORCE_COLUMNS",
    "SALESFORCE_LIMITS",
    "SKIP_REASONS",
    "CsvImport",
    "CsvTable",
    "ImportRow",
    "clean_cell",
    "dates_day_first",
    "guard_cell",
    "guess_target",
    "import_key",
    "parse_scan_time",
    "read_csv_table",
    "read_lead_csv",
    "write_hubspot_csv",
    "write_salesforce_csv",
    "write_vcards",
]

# Salesforce refuses a lead without Last Name or Company; this fills them, and reading a file
# back treats it as empty.
NOT_PROVIDED = "[not provided]"

# --- reading -------------------------------------------------------------------------------

# Where a column can go: lead fields, plus a few that are spread over lead fields.
#   full_name -> first_name + last_name;  mobile -> phone (or notes when a phone is there);
#   address_part -> joined into address in column order;  notes -> appended to notes.
_PSEUDO_TARGETS = ("full_name", "mobile", "address_part")
# Yes/no columns: the visitor's consent to be contacted and marketing follow-up (which needs
# that consent: fieldnote.leads).
_BOOL_TARGETS = ("consent_contact", "follow_up")
_IMPORTABLE = tuple(
    f.name for f in LEAD.fields
    if not f.server_set and f.type in (FieldType.NAME, FieldType.TEXT, FieldType.DATETIME)
    # Consent comes from a yes/no column only; its time, wording and evidence are recorded by
    # the import itself (an organiser's file cannot name a signature or a wording).
    and not f.name.startswith("consent_")
) + _BOOL_TARGETS
_YES = frozenset({"yes", "y", "true", "t", "1", "x", "ja", "j", "si", "sí", "oui", "o",
                  "opted-in", "optedin", "granted"})
_NO = frozenset({"no", "n", "false", "f", "0", "nein", "non", "opted-out", "optedout",
                 "refused"})
IMPORT_TARGETS: tuple[str, ...] = _IMPORTABLE + _PSEUDO_TARGETS

_ALIASES: dict[str, str] = {}
for _target, _names in {
    "first_name": "firstname first givenname forename fname vorname prenom nombre",
    "last_name": "lastname last surname familyname lname nachname nom apellido apellidos",
    "full_name": "name fullname contactname attendeename attendee visitorname",
    "email": "email emailaddress email1 mail emailid workemail businessemail "
             "emailadresse correo",
    "company": "company companyname organization organisation organizationname account "
               "accountname firm firma employer org unternehmen empresa",
    "title": "title jobtitle position jobposition designation funktion cargo",
    "phone": "phone phonenumber workphone businessphone officephone directphone telephone "
             "tel telefon telefono",
    "mobile": "mobile mobilephone mobilenumber cell cellphone cellnumber handy",
    "country": "country countryregion countrycode land pais",
    "badge_id": "badgeid badge badgenumber badgeno registrationid registrationnumber regid "
                "attendeeid ticketid ticketnumber barcode barcodeid",
    "notes": "notes note comments comment remarks description message",
    "address_part": "address address1 address2 street streetaddress city town state region "
                    "province zip zipcode postcode postalcode",
    "captured_at": "capturedat scandate scantime scannedat scandatetime timestamp createdat "
                   "datecaptured",
    "consent_contact": "consent consentgiven consentcontact contactconsent optin optedin "
                       "marketingconsent gdprconsent maycontact permissiontocontact",
    "follow_up": "followup marketingfollowup",
}.items():
    for _name in _names.split():
        _ALIASES[_name] = _target

_HEADER_KEY = re.compile(r"[\W_]+")
_FORMULA_ESCAPED = re.compile(r"'[=+\-@\t\r]")


# A file is a lead list only when one of its columns goes to one of these.
PERSON_TARGETS = frozenset({"first_name", "last_name", "full_name", "email", "company", "phone",
                            "mobile", "badge_id"})

# Why a row of an accepted file was not imported: key (as in `--json`) -> what it means.
SKIP_REASONS: dict[str, str] = {
    "no_person": "no name, email or badge id",
    "unreadable": "could not be read as CSV",
    "refused": "refused by the lead rules",
}


def guess_target(header: str) -> str | None:
    """The import target a column header means ("E-mail Address" -> "email"), or None."""
    key = _HEADER_KEY.sub("", header.casefold())
    return _ALIASES.get(key)


@dataclass
class ImportRow:
    """One data row: its first line number in the file, the lead fields, what was wrong."""

    line: int
    fields: dict[str, Any]
    errors: list[str] = field(default_factory=list)
    skip: str | None = None  # a key of SKIP_REASONS when the row is not imported

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class CsvImport:
    rows: list[ImportRow]  # the rows to import (skipped rows are counted, not listed)
    mapping: dict[str, str | None]  # header -> target (see IMPORT_TARGETS) or None: notes
    problems: list[str]  # file-level problems and each row error as "line N: ..."
    encoding: str = "utf-8"
    delimiter: str = ","  # a control character when the header has a single column
    headers: list[str] = field(default_factory=list)
    # Set when the file is not imported at all: one line, to follow the file's name
    # ("is a PDF document, not a CSV file; ..."). Nothing is to be written then.
    refusal: str | None = None
    # Why, for a caller that adds its own advice: empty, not_text, no_header or no_column.
    refused_for: str | None = None
    skipped: dict[str, int] = field(default_factory=dict)  # SKIP_REASONS key -> rows
    samples: dict[str, list[str]] = field(default_factory=dict)  # header -> first values

    @property
    def skipped_rows(self) -> int:
        return sum(self.skipped.values())


class _NotText(Exception):
    """The bytes are not a text file Fieldnote reads; the message follows the file's name."""


# Files people save as .csv by mistake, by their first bytes.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (an Excel or OpenDocument spreadsheet?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (an .xls spreadsheet?)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)
_SAVE_AS_CSV = "save the list as CSV (UTF-8) and import that"
# Characters text does not hold: controls other than tab and line breaks, unassigned code
# points, private use, lone surrogates. A little of it is noise; more is not text.
_NOT_TEXT_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})
# Vertical tab and form feed are line breaks inside cells in some exports (FileMaker's).
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_TEXT_SAMPLE = 1 << 20


def _looks_like_text(text: str, *, eight_bit: bool = False) -> bool:
    """Whether decoded `text` reads as text rather than decoded noise.

    For a single-byte fallback (`eight_bit`) random bytes decode to printable characters too:
    there, over a third of the characters being non-ASCII also means noise.
    """
    sample = text[:_TEXT_SAMPLE]
    if not sample:
        return True
    bad = len(_ASCII_CONTROL.findall(sample))
    non_ascii = _NON_ASCII.findall(sample)
    bad += sum(1 for c in non_ascii if unicodedata.category(c) in _NOT_TEXT_CATEGORIES
               and c != "\ufeff")
    if bad > max(1, len(sample) // 100):
        return False
    return not (eight_bit and len(non_ascii) > len(sample) / 3)


def _decode(data: bytes) -> tuple[str, str]:
    """The text of the file and the encoding it was read with; `_NotText` when it is none.

    UTF-8 (with or without BOM; a few broken sequences in otherwise valid UTF-8, as in a file
    cut short, become U+FFFD), UTF-16 with a BOM (or plainly UTF-16 text without one), and
    Windows-1252 for bytes that are not UTF-8 but read as text in it.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _NotText(f"is {what}, not a CSV file; {_SAVE_AS_CSV}.")
    text: str | None = None
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _utf8(data[3:]), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        try:
            text = data[2:].decode(encoding)
        except UnicodeDecodeError:
            raise _NotText("is not valid UTF-16 text, though it starts like it; "
                           f"{_SAVE_AS_CSV}.") from None
    else:
        utf16 = _utf16_without_bom(data)
        if utf16:
            try:
                text, encoding = data.decode(utf16), utf16
            except UnicodeDecodeError:
                text = None
        if text is None:
            text, encoding = _utf8(data), "utf-8"
        if text is None:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text = None
            if text is not None and not _looks_like_text(text, eight_bit=True):
                text = None
    if text is None or not _looks_like_text(text):
        raise _NotText("is not a text file (binary data, or an encoding other than UTF-8, "
                       f"UTF-16 or Windows-1252); {_SAVE_AS_CSV}.")
    return text, encoding


def _utf8(data: bytes) -> str | None:
    """`data` as UTF-8, tolerating a few broken sequences among valid ones; None if it is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    multibyte = sum(1 for c in _NON_ASCII.findall(text[:_TEXT_SAMPLE]) if c != "\ufffd")
    # A file cut inside a character, or a stray byte or two in a UTF-8 file, is still UTF-8;
    # mostly broken sequences are another encoding.
    if multibyte and broken <= max(1, multibyte // 20):
        return text
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4000]
    if len(head) < 4 or len(data) % 2:
        return None
    # UTF-16 without a BOM: ASCII text leaves every other byte zero.
    odd_zero = head[1::2].count(0) / (len(head) // 2)
    even_zero = head[0::2].count(0) / ((len(head) + 1) // 2)
    if odd_zero > 0.4 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.4 and odd_zero < 0.05:
        return "utf-16-be"
    return None


_DELIMITERS = (";", ",", "\t", "|")


def _count_outside_quotes(line: str, ch: str) -> int:
    count, inside = 0, False
    for c in line:
        if c == '"':
            inside = not inside
        elif c == ch and not inside:
            count += 1
    return count


def _first_record(text: str) -> str:
    """The header record, which may span lines where a quoted name holds a line break."""
    inside = False
    for i, c in enumerate(text[:65_536]):
        if c == '"':
            inside = not inside
        elif c in "\r\n" and not inside:
            return text[:i]
    return text[:65_536]


def _detect_delimiter(text: str) -> str:
    first_line = _first_record(text)
    sample = "\n".join(text[:32_768].splitlines()[:20])
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        sniffed = None
    counts = {d: _count_outside_quotes(first_line, d) for d in _DELIMITERS}
    # Trust the sniffer only when the header agrees; headers rarely contain separators.
    if sniffed is not None and counts.get(sniffed, 0) > 0 and counts[sniffed] >= max(counts.values()) / 2:
        return sniffed
    best = max(_DELIMITERS, key=lambda d: counts[d])
    if counts[best] > 0:
        return best
    # A header without any separator is a one-column file: commas in its values are data.
    return next((c for c in ("\x1f", "\x1e", "\x1d") if c not in text), ",")


def clean_cell(value: str) -> str:
    """A cell's text as Fieldnote reads it: control characters and surrounding space gone,
    the formula guard of our own exports undone, "[not provided]" read as empty."""
    value = strip_control(value).strip()
    if _FORMULA_ESCAPED.match(value):
        value = value[1:]  # undo the formula guard our own exports add
    return "" if value == NOT_PROVIDED else value


def _unique_headers(raw: list[str], problems: list[str]) -> list[str]:
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, h in enumerate(raw):
        name = strip_control(h).strip().lstrip("\ufeff") or f"Column {i + 1}"
        key = name.casefold()
        if key in seen:
            seen[key] += 1
            new = f"{name} ({seen[key]})"
            problems.append(f"line 1: the column name {name!r} appears twice; "
                            f"the second is read as {new!r}")
            name = new
        else:
            seen[key] = 1
        out.append(name)
    return out


@dataclass
class CsvTable:
    """A CSV file read as text: its header and its data records, before any meaning is given
    to a column. Every CSV that Fieldnote reads (lead lists, CRM reports) is read by
    `read_csv_table`, so each meets the same encodings, separators and refusals."""

    headers: list[str]
    records: list[tuple[int, list[str]]]  # (first line number in the file, cells), blanks left out
    problems: list[str]  # file-level problems and rows that could not be read, as "line N: ..."
    encoding: str = "utf-8"
    delimiter: str = ","
    skipped: dict[str, int] = field(default_factory=dict)  # "unreadable" -> rows
    # One line to follow the file's name when the file is not read at all (see CsvImport).
    refusal: str | None = None
    refused_for: str | None = None  # empty, not_text or no_header


def read_csv_table(data: bytes) -> CsvTable:
    """The header and records of CSV `data`, or a `CsvTable` with its `refusal`: empty, not
    text in UTF-8, UTF-16 or cp1252 (a PDF, a spreadsheet, an image renamed .csv), or no
    header row. The separator (`;`, `,`, tab, `|`) is detected; a record that cannot be read
    is skipped and counted as "unreadable". Cells are kept as written (see `clean_cell`)."""
    problems: list[str] = []
    if not data.strip(b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"):
        return CsvTable([], [], ["The file is empty."], refusal="is empty.", refused_for="empty")
    try:
        text, encoding = _decode(data)
    except _NotText as exc:
        return CsvTable([], [], [], refusal=str(exc), refused_for="not_text")
    if "\ufffd" in text and encoding.startswith("utf-8") and b"\xef\xbf\xbd" not in data:
        problems.append(f"{text.count(chr(0xFFFD))} character(s) were not valid UTF-8 and "
                        "read as \ufffd")
    delimiter = _detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"',
                        doublequote=True, skipinitialspace=False, strict=False)
    try:
        raw_headers = next(reader)
    except (StopIteration, csv.Error):
        return CsvTable([], [], [], encoding, delimiter,
                        refusal="has no header row that can be read; the first line should "
                                "name the columns (First Name, Last Name, Email, Company…).",
                        refused_for="no_header")
    headers = _unique_headers(raw_headers, problems)
    records: list[tuple[int, list[str]]] = []
    skipped: dict[str, int] = {}
    next_line = 2
    while True:
        start = next_line
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(f"line {start}: could not be read as CSV ({exc}); skipped")
            skipped["unreadable"] = skipped.get("unreadable", 0) + 1
            next_line = reader.line_num + 1
            continue
        next_line = reader.line_num + 1
        if any(c.strip() for c in cells):  # a blank line holds nothing to lose
            records.append((start, cells))
    return CsvTable(headers, records, problems, encoding, delimiter, skipped)


PROGRESS_EVERY = 1_000
_NAME_FIELDS = frozenset(f.name for f in LEAD.fields if f.type is FieldType.NAME)


def read_lead_csv(
    data: bytes,
    mapping: Mapping[str, str | None] | None = None,
    *,
    event_id: str | None = None,
    captured_at: str | None = None,
    default_region: str | None = None,
    consent_text_version: str | None = None,
    consent_wording_id: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> CsvImport:
    """Read a lead CSV into lead fields, row by row, reporting problems by line number.

    A file that is no lead list is refused (`CsvImport.refusal`, nothing in `rows`): empty,
    not text, no header row, or no column going to a name, email, company, phone or badge id.
    Encoding (UTF-8 with or without BOM, UTF-16 with BOM, cp1252) and separator (`;`, `,`,
    tab, `|`) are detected. Headers are matched to lead fields by `guess_target`; `mapping`
    overrides that per header (a target from `IMPORT_TARGETS`, or None to keep the column in
    notes). Each row gets `source="import"`, `captured_at` (the row's scan time if a column
    has one, else `captured_at` or now) and `event_id` when given. A value that cannot be a
    lead field (a bad email, a name over 200 characters) is moved into notes with an error;
    a row naming no person (no name, email or badge id) is skipped and counted in `skipped`;
    a row with a name (or a badge id) but no email, phone or last name keeps the whole row in
    `badge_raw` so it can still be saved. Phones are normalised to E.164 when `default_region`
    is given and the number is valid; otherwise kept as written. A yes in a consent column
    ("Consent", "Consent given", "Opt-in") records consent at the row's scan time under the
    wording `consent_wording_id` at version `consent_text_version`, with the method "imported"
    (a no is recorded the same way, as a refusal).

    `progress` is called with the number of rows read every `PROGRESS_EVERY` rows and at the
    end; a worker cancels the import by raising from it (the exception propagates).
    """
    table = read_csv_table(data)
    if table.refusal is not None:
        return CsvImport([], {}, table.problems, table.encoding, table.delimiter,
                         refusal=table.refusal, refused_for=table.refused_for)
    problems, headers = table.problems, table.headers
    encoding, delimiter, records, skipped = table.encoding, table.delimiter, table.records, table.skipped
    resolved = _resolve_mapping(headers, mapping, problems)
    if not any(t in PERSON_TARGETS for t in resolved.values()):
        refusal, refused_for = _no_column_refusal(headers)
        return CsvImport([], resolved, problems, encoding, delimiter, headers,
                         refusal=refusal, refused_for=refused_for)
    default_time = captured_at or utc_now_iso()
    day_first = dates_day_first([
        cells[i] for _, cells in records
        for i, h in enumerate(headers) if resolved.get(h) == "captured_at" and i < len(cells)
    ])
    rows: list[ImportRow] = []
    read = 0
    for start, cells in records:
        row = _read_row(start, headers, cells, resolved, delimiter, default_time, event_id,
                        default_region, day_first, consent_text_version, consent_wording_id)
        read += 1
        if row.skip is not None:
            skipped[row.skip] = skipped.get(row.skip, 0) + 1
            problems.append(f"line {row.line}: skipped: {SKIP_REASONS[row.skip]}")
        else:
            rows.append(row)
            problems.extend(f"line {row.line}: {e}" for e in row.errors)
        if progress is not None and read % PROGRESS_EVERY == 0:
            progress(read)
    if progress is not None:
        progress(read)
    return CsvImport(rows, resolved, problems, encoding, delimiter, headers,
                     skipped=skipped, samples=_samples(headers, records))


_SAMPLES = 3
_SAMPLE_CHARS = 40


def _samples(headers: list[str], records: list[tuple[int, list[str]]]) -> dict[str, list[str]]:
    """The first few different values of each column, shortened, for a mapping preview."""
    out: dict[str, list[str]] = {h: [] for h in headers}
    for _line, cells in records[:200]:
        for header, raw in zip(headers, cells, strict=False):
            values = out[header]
            if len(values) >= _SAMPLES:
                continue
            value = " ".join(clean_cell(raw).split())
            if len(value) > _SAMPLE_CHARS:
                value = value[: _SAMPLE_CHARS - 1] + "…"
            if value and value not in values:
                values.append(value)
    return out


def _looks_like_data(header: str) -> str | None:
    """What a header cell holds when it is a value rather than a column name."""
    if "@" in header and "." in header:
        return "an email address"
    if re.fullmatch(r"[\d\s+().\-/:]+", header) and any(c.isdigit() for c in header):
        return "a number or date"
    return None


def _no_column_refusal(headers: list[str]) -> tuple[str, str]:
    data = next((what for h in headers if (what := _looks_like_data(h))), None)
    if data is not None:
        return (f"has no header row: its first line holds data ({data}); add a first line "
                "naming the columns (First Name, Last Name, Email, Company…).", "no_header")
    shown = [" ".join(h.split())[:30] for h in headers[:5]]
    more = ", …" if len(headers) > 5 else ""
    return ("has no column for a name, email, company, phone or badge id (its columns: "
            f"{', '.join(shown)}{more}); rename the columns or choose where they go.",
            "no_column")


_SLASH_DATE = re.compile(r"\s*(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b")
_DATE_SHAPES = (
    (re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}"), "%d.%m.%Y"),
    (re.compile(r"\d{1,2}/\d{1,2}/\d{4}"), "slash"),
    (re.compile(r"\d{1,2}-\d{1,2}-\d{4}"), "dash"),
    (re.compile(r"\d{4}/\d{1,2}/\d{1,2}"), "%Y/%m/%d"),
)


def dates_day_first(values: list[str]) -> bool:
    """Whether a file writes dates as 24/11/2026 (day first) rather than 11/24/2026.

    Decided once per file from any date that is only valid one way; month first (US style,
    as most badge-scanning services export) when every date could be read both ways.
    """
    for value in values:
        m = _SLASH_DATE.match(value)
        if m:
            if int(m.group(1)) > 12:
                return True
            if int(m.group(2)) > 12:
                return False
    return False


def parse_scan_time(value: str, day_first: bool = False) -> str | None:
    """A scan time as ISO 8601 UTC, or None. Times without a zone are taken as UTC.

    Reads ISO 8601 ("2026-11-24T10:15:00+01:00", "2026-11-24 10:15"), "24.11.2026 10:15",
    and "11/24/2026 10:15 AM" or "24/11/2026 10:15" (see `day_first`), with or without
    seconds or a time.
    """
    text = " ".join(value.split())
    try:
        return format_datetime(parse_datetime(text))
    except ValueError:
        pass
    date_part, _, time_part = text.partition(" ")
    date_format = next((f for rx, f in _DATE_SHAPES if rx.fullmatch(date_part)), None)
    if date_format is None:
        return None
    if date_format in ("slash", "dash"):
        date_format = "%d/%m/%Y" if day_first else "%m/%d/%Y"
        if "-" in date_part:
            date_format = date_format.replace("/", "-")
    # One strptime per value: the time's shape picks its format (imports can be 100k rows).
    time_format = ""
    if time_part:
        upper = time_part.upper()
        twelve = upper.endswith(("AM", "PM"))
        time_format = " %I:%M" if twelve else " %H:%M"
        if upper.count(":") >= 2:
            time_format += ":%S"
        if twelve:
            time_format += " %p" if " " in time_part else "%p"
    try:
        return format_datetime(dt.datetime.strptime(text, date_format + time_format))
    except ValueError:
        return None


def _resolve_mapping(
    headers: list[str], override: Mapping[str, str | None] | None, problems: list[str]
) -> dict[str, str | None]:
    resolved: dict[str, str | None] = {}
    for h in headers:
        if override is not None and h in override:
            target = override[h]
            if target is not None and target not in IMPORT_TARGETS:
                problems.append(f"column {h!r} cannot go to {target!r}; it is kept in notes")
                target = None
        else:
            target = guess_target(h)
        resolved[h] = target
    if override:
        for h in override:
            if h not in resolved:
                problems.append(f"the mapping names a column {h!r} the file does not have")
    return resolved


def _read_row(
    line: int,
    headers: list[str],
    cells: list[str],
    mapping: Mapping[str, str | None],
    delimiter: str,
    default_time: str,
    event_id: str | None,
    default_region: str | None,
    day_first: bool = False,
    consent_text_version: str | None = None,
    consent_wording_id: str | None = None,
) -> ImportRow:
    errors: list[str] = []
    fields: dict[str, Any] = {}
    extra: list[str] = []  # "Column: value" lines for notes
    notes: list[str] = []
    address: list[str] = []
    if len(cells) != len(headers):
        errors.append(f"has {len(cells)} values but the header has {len(headers)} columns")
    for i, raw in enumerate(cells):
        header = headers[i] if i < len(headers) else f"Column {i + 1}"
        value = clean_cell(raw)
        if not value:
            continue
        target = mapping.get(header) if i < len(headers) else None
        if target is None:
            extra.append(f"{header}: {value}")
        elif target == "notes":
            notes.append(value)
        elif target == "address_part":
            address.append(value)
        elif target == "full_name":
            first, last = split_name(value)
            _put(fields, "first_name", first, header, extra)
            _put(fields, "last_name", last, header, extra)
        elif target == "mobile":
            _put(fields, "phone", value, header, extra)
        elif target == "captured_at":
            when = parse_scan_time(value, day_first)
            if when is None:
                errors.append(f"{header} {value!r} is not a date and time; kept in notes")
                extra.append(f"{header}: {value}")
            else:
                fields["captured_at"] = when
        elif target in _BOOL_TARGETS:
            answer = value.strip().casefold()
            if answer in _YES or answer in _NO:
                fields[target] = answer in _YES
            else:
                errors.append(f"{header} {value!r} is not yes or no; kept in notes")
                extra.append(f"{header}: {value}")
        else:
            _put(fields, target, value, header, extra)
    if address:
        fields.setdefault("address", ", ".join(address))
    # Before the checks: an email that is not valid, or an overlong name, still names a person
    # (the value is kept in notes).
    if not names_a_person(fields):
        return ImportRow(line, {}, errors, skip="no_person")
    _check_row(fields, errors, extra, headers, mapping, default_region)
    if notes or extra:
        fields["notes"] = "\n".join(notes + extra)
    if all(not fields.get(f) for f in required_one_of("import")):
        # A badge id names a visitor for the import but is no way to reach them: the row is
        # kept whole as scan data, which makes the lead (`fieldnote.leads.required_one_of`).
        errors.append("has no email, phone or last name; the whole row is kept as the lead's "
                      "scan data")
        fields["badge_raw"] = _row_text(cells, delimiter)
    fields["source"] = "import"
    fields.setdefault("captured_at", default_time)
    if fields.get("consent_contact") is not None:
        # The visitor's answer under the organiser's terms, when the visitor was scanned.
        fields["consent_at"] = fields["captured_at"]
        fields["consent_method"] = IMPORTED
    if fields.get("consent_contact") is True:
        if consent_text_version:
            fields["consent_text_version"] = consent_text_version
        if consent_wording_id:
            fields["consent_wording_id"] = consent_wording_id
    if event_id is not None:
        fields["event_id"] = event_id
    _check_lengths(fields, errors)
    # The email was checked above; validating it again would double the cost of an import.
    email = fields.pop("email", None)
    try:
        cleaned = clean_fields("lead", fields, partial=True)
    except ValidationFailed as exc:
        errors.extend(f"{e.field} {e.message}" for e in exc.errors)
        cleaned = fields
    if email is not None:
        cleaned["email"] = email
    # A row breaking the consent rule is refused when it is written, with the rule's message
    # ("line N: not imported: follow_up: ..."); saying it here too would say it twice.
    errors.extend(f"{e.field} {e.message}"
                  for e in check_complete(LEAD, cleaned, skip=("follow_up",)))
    return ImportRow(line, cleaned, errors)


def _put(fields: dict[str, Any], target: str, value: str | None, header: str,
         extra: list[str]) -> None:
    if not value:
        return
    current = fields.get(target)
    if not current:
        fields[target] = value
    elif current != value:
        extra.append(f"{header}: {value}")  # a second column for the same field


def _check_row(
    fields: dict[str, Any],
    errors: list[str],
    extra: list[str],
    headers: list[str],
    mapping: Mapping[str, str | None],
    default_region: str | None,
) -> None:
    email = fields.get("email")
    if email:
        reason = check_email(email)
        if reason:
            header = _header_for(headers, mapping, "email")
            errors.append(f"{header} {email!r} is not a valid address ({reason}); kept in notes")
            extra.insert(0, f"{header}: {email}")
            del fields["email"]
    phone = fields.get("phone")
    if phone and default_region:
        check = normalize_phone(phone, default_region)
        if check.ok:
            fields["phone"] = check.value
    for name in list(fields):
        value = fields[name]
        if name in _NAME_FIELDS and isinstance(value, str) and len(value) > NAME_MAX:
            header = _header_for(headers, mapping, name)
            errors.append(f"{header} is longer than {NAME_MAX} characters; kept in notes")
            extra.append(f"{header}: {value}")
            del fields[name]


def _check_lengths(fields: dict[str, Any], errors: list[str]) -> None:
    for name in ("notes", "address", "badge_raw"):
        value = fields.get(name)
        if isinstance(value, str) and len(value) > TEXT_MAX:
            errors.append(f"{name} is longer than {TEXT_MAX:,} characters and was cut there; "
                          "the file has the rest")
            fields[name] = value[:TEXT_MAX]


def _header_for(headers: list[str], mapping: Mapping[str, str | None], target: str) -> str:
    wanted = {target, "mobile"} if target == "phone" else (
        {target, "full_name"} if target in ("first_name", "last_name") else {target})
    return next((h for h in headers if mapping.get(h) in wanted), target.replace("_", " "))


def _row_text(cells: list[str], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="").writerow(cells)
    return out.getvalue()


# --- writing -------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: Any) -> str:
    """A value as a CSV cell a spreadsheet cannot run (OWASP's rule on CSV injection).

    Numbers (int, float; not bool) are written as numbers, unguarded: they are the values of
    numeric columns. Any text starting with `=`, `+`, `-`, `@`, a tab or a carriage return
    gets a leading `'`, including text that looks like a number or a phone ("-2-3",
    "+1 (555) 123-4567" evaluate in a spreadsheet). Reading our own files back drops the `'`.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _text(value)
    text = strip_control(_text(value))
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return str(value)


def _csv(columns: tuple[str, ...], rows: Iterable[Mapping[str, Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=",", quotechar='"', quoting=csv.QUOTE_MINIMAL,
                        lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([guard_cell(row.get(c)) for c in columns])
    return out.getvalue().encode("utf-8")


def _lookup(by_id: Mapping[Any, Any] | None, key: Any) -> Mapping[str, Any]:
    if not by_id or key is None:
        return {}
    value = by_id.get(key)
    return value if isinstance(value, Mapping) else {}


# Keyed by object because the stored flag is whatever the record holds; other values read "".
_VERDICTS: Mapping[object, str] = {True: "qualified", False: "not qualified"}


def _description(lead: Mapping[str, Any]) -> str:
    """Notes plus the qualification, so the CRM user sees why the lead was graded so."""
    parts: list[str] = []
    notes = lead.get("notes")
    if isinstance(notes, str) and notes.strip():
        parts.append(notes.strip())
    grade = lead.get("grade")
    if lead.get("score") is not None or grade:
        qualified = _VERDICTS.get(lead.get("qualified"), "")
        parts.append("Qualification: " + ", ".join(
            p for p in (f"{lead.get('score')} points" if lead.get("score") is not None else "",
                        grade or "", qualified) if p))
    answers = lead.get("answers")
    if isinstance(answers, Mapping) and answers:
        parts.append("\n".join(f"{k}: {_text(v)}" for k, v in answers.items()))
    interests = lead.get("interests")
    if interests:
        parts.append(f"Interests: {_text(interests)}")
    return "\n\n".join(parts)


# The default Salesforce Lead Status picklist, by the lead's latest outcome.
_SALESFORCE_STATUS = {
    None: "Open - Not Contacted",
    "contacted": "Working - Contacted",
    "meeting": "Working - Contacted",
    "opportunity": "Closed - Converted",
    "won": "Closed - Converted",
    "lost": "Closed - Not Converted",
    "disqualified": "Closed - Not Converted",
}

SALESFORCE_COLUMNS: tuple[str, ...] = (
    "First Name", "Last Name", "Email", "Company", "Title", "Phone", "Street", "Country",
    "Lead Source", "Lead Status", "Rating", "Email Opt Out", "Do Not Call", "Description",
    "Event", "Campaign Code", "Badge ID", "Captured At", "Captured By", "Score", "Qualified",
    "Fieldnote ID",
)
"""Salesforce lead import columns (Data Import Wizard and Data Loader map them by name).

First Name, Last Name, Email, Company, Title, Phone, Street (the lead's address), Country,
Lead Source (always "Trade Show"), Lead Status (default picklist: "Open - Not Contacted",
"Working - Contacted", "Closed - Converted", "Closed - Not Converted", from the lead's latest
outcome in its `status` key when the caller adds one), Rating (Hot/Warm/Cold from the grade),
Email Opt Out and Do Not Call (the Lead's HasOptedOutOfEmail and DoNotCall: true unless the
visitor consented to be contacted), Description (notes,
qualification, answers, interests). Salesforce requires Last Name and Company: an empty one is
written as "[not provided]". Values longer than Salesforce's field lengths (SALESFORCE_LIMITS:
First Name 40, Last Name 80, Email 80, Title 128, Phone 40, Country 80) are cut there and
written in full into Description; the length counts the `'` that `guard_cell` puts before a
value starting like a formula (`+49 ...`), since it is part of the cell. The remaining columns (Event, Campaign Code, Badge ID, Captured
At, Captured By, Score, Qualified, Fieldnote ID) are for custom fields or to leave unmapped.
"""


# Lengths of Salesforce's standard Lead fields; a longer value fails that row's import.
SALESFORCE_LIMITS: dict[str, int] = {
    "First Name": 40, "Last Name": 80, "Email": 80, "Company": 255, "Title": 128,
    "Phone": 40, "Street": 255, "Country": 80, "Description": 32_000,
}


def _room(value: str, limit: int) -> int:
    """How many characters of `value` a field of `limit` holds once `guard_cell` has written
    it: the guard's apostrophe is part of the cell, and so of the value Salesforce imports."""
    return limit - 1 if value.startswith(_FORMULA_START) else limit


def _fit_salesforce(row: dict[str, Any]) -> dict[str, Any]:
    """Cut values to Salesforce's limits; the full value goes into Description."""
    full: list[str] = []
    for column, limit in SALESFORCE_LIMITS.items():
        value = row.get(column)
        if column == "Description" or not isinstance(value, str):
            continue
        room = _room(value, limit)
        if len(value) > room:
            full.append(f"Full {column.lower()}: {value}")
            row[column] = value[:room].rstrip()
    if full:
        row["Description"] = "\n\n".join(p for p in (row.get("Description"), "\n".join(full)) if p)
    description = row.get("Description")
    if isinstance(description, str):
        room = _room(description, SALESFORCE_LIMITS["Description"])
        if len(description) > room:
            # Only notes near their 20,000 limit plus long answers get here; the lead keeps
            # it all.
            row["Description"] = description[: room - 1] + "…"
    return row


def write_salesforce_csv(
    leads: Iterable[Mapping[str, Any]],
    users_by_id: Mapping[Any, Mapping[str, Any]] | None = None,
    events_by_id: Mapping[Any, Mapping[str, Any]] | None = None,
) -> bytes:
    """Leads as a Salesforce lead import CSV (UTF-8 without BOM, CRLF, `SALESFORCE_COLUMNS`).

    A lead is a mapping of lead fields plus optionally `id` and `status` (its latest outcome).
    """
    rows = []
    for lead in leads:
        event = _lookup(events_by_id, lead.get("event_id"))
        user = _lookup(users_by_id, lead.get("captured_by") or lead.get("owner_id"))
        grade = lead.get("grade")
        rows.append({
            "First Name": lead.get("first_name"),
            "Last Name": lead.get("last_name") or NOT_PROVIDED,
            "Email": lead.get("email"),
            "Company": lead.get("company") or NOT_PROVIDED,
            "Title": lead.get("title"),
            "Phone": lead.get("phone"),
            "Street": lead.get("address"),
            "Country": lead.get("country"),
            "Lead Source": "Trade Show",
            "Lead Status": _SALESFORCE_STATUS.get(lead.get("status"), _SALESFORCE_STATUS[None]),
            "Rating": grade.capitalize() if isinstance(grade, str) else "",
            "Email Opt Out": not may_contact(lead),
            "Do Not Call": not may_contact(lead),
            "Description": _description(lead),
            "Event": event.get("name"),
            "Campaign Code": event.get("campaign_code"),
            "Badge ID": lead.get("badge_id"),
            "Captured At": lead.get("captured_at"),
            "Captured By": user.get("name"),
            "Score": lead.get("score"),
            "Qualified": lead.get("qualified"),
            "Fieldnote ID": lead.get("id"),
        })
        _fit_salesforce(rows[-1])
    return _csv(SALESFORCE_COLUMNS, rows)


# HubSpot's default Lead Status options (import accepts the labels) by latest outcome.
_HUBSPOT_STATUS = {
    None: "New",
    "contacted": "Attempted to contact",
    "meeting": "Connected",
    "opportunity": "Open deal",
    "won": "Open deal",
    "lost": "Unqualified",
    "disqualified": "Unqualified",
}

HUBSPOT_COLUMNS: tuple[str, ...] = (
    "First Name", "Last Name", "Email", "Phone Number", "Company Name", "Job Title",
    "Street Address", "Country/Region", "Lead Status", "Lifecycle Stage", "Message",
    "Event", "Campaign Code", "Badge ID", "Captured At", "Captured By", "Lead Grade",
    "Lead Score", "Qualified", "Consent To Contact", "Unsubscribed from all email",
    "Fieldnote ID",
)
"""HubSpot contact/lead import columns (matched to default properties by their labels).

First Name, Last Name, Email, Phone Number, Company Name, Job Title, Street Address,
Country/Region, Lead Status ("New", "Attempted to contact", "Connected", "Open deal",
"Unqualified", from the latest outcome in the lead's `status` key), Lifecycle Stage ("Lead",
"Marketing qualified lead" when qualified, "Opportunity", "Customer" when won), Message (notes,
qualification, answers, interests). HubSpot needs an Email or a name to create a record; an
empty one stays empty. The remaining columns (Event, Campaign Code, Badge ID, Captured At,
Captured By, Lead Grade, Lead Score, Qualified, Consent To Contact, Fieldnote ID) are for
custom properties or to skip. Unsubscribed from all email (HubSpot's `hs_email_optout`) is true
unless the visitor consented to be contacted.
"""


def _lifecycle(lead: Mapping[str, Any]) -> str:
    status = lead.get("status")
    if status == "won":
        return "Customer"
    if status == "opportunity":
        return "Opportunity"
    if lead.get("qualified") is True:
        return "Marketing qualified lead"
    return "Lead"


def write_hubspot_csv(
    leads: Iterable[Mapping[str, Any]],
    users_by_id: Mapping[Any, Mapping[str, Any]] | None = None,
    events_by_id: Mapping[Any, Mapping[str, Any]] | None = None,
) -> bytes:
    """Leads as a HubSpot import CSV (UTF-8 without BOM, CRLF, `HUBSPOT_COLUMNS`)."""
    rows = []
    for lead in leads:
        event = _lookup(events_by_id, lead.get("event_id"))
        user = _lookup(users_by_id, lead.get("captured_by") or lead.get("owner_id"))
        rows.append({
            "First Name": lead.get("first_name"),
            "Last Name": lead.get("last_name"),
            "Email": lead.get("email"),
            "Phone Number": lead.get("phone"),
            "Company Name": lead.get("company"),
            "Job Title": lead.get("title"),
            "Street Address": lead.get("address"),
            "Country/Region": lead.get("country"),
            "Lead Status": _HUBSPOT_STATUS.get(lead.get("status"), _HUBSPOT_STATUS[None]),
            "Lifecycle Stage": _lifecycle(lead),
            "Message": _description(lead),
            "Event": event.get("name"),
            "Campaign Code": event.get("campaign_code"),
            "Badge ID": lead.get("badge_id"),
            "Captured At": lead.get("captured_at"),
            "Captured By": user.get("name"),
            "Lead Grade": lead.get("grade"),
            "Lead Score": lead.get("score"),
            "Qualified": lead.get("qualified"),
            "Consent To Contact": may_contact(lead),
            "Unsubscribed from all email": not may_contact(lead),
            "Fieldnote ID": lead.get("id"),
        })
    return _csv(HUBSPOT_COLUMNS, rows)


# --- vCards --------------------------------------------------------------------------------


def _vescape(value: Any) -> str:
    text = strip_control(_text(value))
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n").replace("\t", " "))


def _fold(line: str) -> str:
    """Fold at 75 octets of UTF-8 (RFC 6350/2425), never inside a character."""
    if len(line.encode("utf-8")) <= 75:
        return line
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8", "surrogatepass"))
        if size + n > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(ch)
        size += n
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def write_vcards(leads: Iterable[Mapping[str, Any]]) -> str:
    """One vCard 3.0 per lead, CRLF line ends, values escaped and long lines folded."""
    cards: list[str] = []
    for lead in leads:
        first, last = lead.get("first_name") or "", lead.get("last_name") or ""
        full = " ".join(p for p in (first, last) if p) or lead.get("company") or \
            lead.get("email") or lead.get("badge_id") or "Lead"
        lines = ["BEGIN:VCARD", "VERSION:3.0",
                 f"N:{_vescape(last)};{_vescape(first)};;;", f"FN:{_vescape(full)}"]
        if lead.get("company"):
            lines.append(f"ORG:{_vescape(lead['company'])}")
        if lead.get("title"):
            lines.append(f"TITLE:{_vescape(lead['title'])}")
        if lead.get("email"):
            lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_vescape(lead['email'])}")
        if lead.get("phone"):
            lines.append(f"TEL;TYPE=WORK,VOICE:{_vescape(lead['phone'])}")
        if lead.get("address") or lead.get("country"):
            lines.append(f"ADR;TYPE=WORK:;;{_vescape(lead.get('address') or '')};;;;"
                         f"{_vescape(lead.get('country') or '')}")
        if lead.get("notes"):
            lines.append(f"NOTE:{_vescape(lead['notes'])}")
        if lead.get("badge_id"):
            lines.append(f"X-BADGE-ID:{_vescape(lead['badge_id'])}")
        if lead.get("id"):
            lines.append(f"UID:urn:uuid:{_vescape(lead['id'])}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(_fold(line) for line in lines) + "\r\n")
    return "".join(cards)
