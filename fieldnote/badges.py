"""Badge and business-card payloads (what a scanner types or a barcode holds) turned into contact fields.

`parse_badge` is used by the capture screen and importers alike. It never raises and never
loses anything: `ParsedBadge.raw` is always exactly the input, so a payload it cannot read is
kept whole and the rep types the rest.
"""

from __future__ import annotations

import json
import logging
import quopri
import re
import traceback
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import phonenumbers

from fieldnote.contacts import split_name

__all__ = ["FIELD_MAX", "FORMATS", "ParsedBadge", "parse_badge", "read_badge"]

_log = logging.getLogger(__name__)

# Every parsed field is cut to this many characters (the lead's name-field limit). Nothing is
# lost by it: `raw` keeps the whole payload and is what the lead stores in `badge_raw`.
FIELD_MAX = 200

FORMATS = ("vcard", "mecard", "bizcard", "url", "json", "delimited", "email", "badge_id",
           "unknown")


@dataclass(frozen=True, kw_only=True)
class ParsedBadge:
    """Contact fields read from one payload; absent values are None, `raw` is the input."""

    raw: str
    format: str = "unknown"
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    company: str | None = None
    title: str | None = None
    country: str | None = None
    address: str | None = None
    badge_id: str | None = None
    note: str | None = None

    @property
    def recognised(self) -> bool:
        return self.format != "unknown"

    def lead_fields(self) -> dict[str, str]:
        """The non-empty values under the lead's field names, with the payload as `badge_raw`.

        `note` becomes `notes`. Phone numbers are as scanned; normalise them with
        `fieldnote.contacts.normalize_phone` using the device's default region.
        """
        out = {
            k: v
            for k, v in asdict(self).items()
            if v is not None and k not in ("raw", "format", "note")
        }
        if self.note:
            out["notes"] = self.note
        if self.raw:
            out["badge_raw"] = self.raw
        return out


_CONTACT_FIELDS = tuple(
    f.name for f in fields(ParsedBadge) if f.name not in ("raw", "format")
)


def parse_badge(text: str) -> ParsedBadge:
    """Read the contact fields of a scanned or pasted payload; never raises.

    Recognised formats, tried in this order: vCard 2.1/3.0/4.0, MeCard, BIZCARD, `mailto:`
    links, http(s) URLs with contact parameters, a JSON object with contact keys (format
    "json"), a bare email address (optionally
    `Name <address>`), a bare badge number or code, delimited text (tab, `^`, `|`, `;`, `,`
    or one field per line). Anything else is format "unknown" with every field None.
    """
    if not isinstance(text, str):
        # The contract is text in; keep whatever arrived readable rather than fail a scan.
        text = "" if text is None else str(text)
    try:
        return read_badge(text)
    except Exception as exc:  # the capture screen must never lose a scan to a parser bug
        # The exception's message may quote the scan (a name, an address): only its type and
        # where it was raised above DEBUG (docs/privacy.md, "Logs").
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        _log.warning("badge parser failed (%s at %s:%s); the payload is kept unparsed",
                     type(exc).__name__, Path(where.filename).name if where else "?",
                     where.lineno if where else "?")
        _log.debug("badge parser failure", exc_info=True)
        return ParsedBadge(raw=text)


def read_badge(text: str) -> ParsedBadge:
    """`parse_badge` without its safety net: a bug in the parser raises here instead of being
    logged and hidden behind an unparsed result, so tests see it."""
    return _parse(text)


# --- shared cleaning -----------------------------------------------------------------------

# Control characters that are not whitespace, lone surrogates and the BOM are dropped from
# fields; whitespace runs (tabs and line breaks included) become one space.
_STRAY = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff]")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    # Cut before cleaning so a 10 MB field costs no more than a short one.
    value = _STRAY.sub("", value[: FIELD_MAX * 4])
    value = " ".join(value.split())[:FIELD_MAX].rstrip()
    return value or None


def _result(fmt: str, raw: str, found: dict[str, str | None]) -> ParsedBadge:
    values = {k: _clean(found.get(k)) for k in _CONTACT_FIELDS}
    if values["email"]:
        values["email"] = values["email"].replace(" ", "")
    if values["country"] and len(values["country"]) == 2:
        values["country"] = values["country"].upper()
    return ParsedBadge(raw=raw, format=fmt, **values)


def _has_any(found: dict[str, str | None]) -> bool:
    return any(_clean(v) for v in found.values())


# --- dispatch ------------------------------------------------------------------------------

_VCARD_BEGIN = re.compile(r"BEGIN[ \t]*:[ \t]*VCARD", re.IGNORECASE)
# Practical addresses only: RFC 5322 allows "^" and "|" in the local part, but on a badge
# they are field separators ("12345^Ana^ana@acme.com").
_EMAIL = re.compile(r"[\w.!#$%&'*+/=?`{}~-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
_NAMED_EMAIL = re.compile(r"\"?([^\"<>]{0,200}?)\"?\s*<\s*(?:mailto:)?([^<>\s]{3,320})\s*>")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{1,63}")
_DIGIT = re.compile(r"\d")
_STRIP = " \t\r\n\v\f\x00\ufeff\u200b"


# "]C1", "]Q1", "]d2", "]L2": the AIM symbology identifier some scanners send before the data.
_AIM_PREFIX = re.compile(r"\][A-Za-z][0-9A-Za-z]")


def _parse(text: str) -> ParsedBadge:
    stripped = text.strip(_STRIP)
    if _AIM_PREFIX.match(stripped):
        stripped = stripped[3:].strip(_STRIP)
    head = stripped[:16].upper()
    m = _VCARD_BEGIN.search(text)
    if m:
        return _result("vcard", text, _parse_vcard(text, m.start()))
    for prefix, fmt, parser in (("MECARD:", "mecard", _parse_mecard),
                                ("BIZCARD:", "bizcard", _parse_bizcard)):
        # Some scanners prepend a symbology id or junk: look a little way in, not everywhere.
        pos = stripped[:256].upper().find(prefix)
        if pos >= 0:
            return _result(fmt, text, parser(stripped[pos + len(prefix):]))
    found: dict[str, str | None] | None
    if head.startswith("MAILTO:"):
        found = _parse_mailto(stripped)
        return _result("email", text, found) if _has_any(found) else ParsedBadge(raw=text)
    if head.startswith(("HTTP://", "HTTPS://")):
        found = _parse_url(stripped.split(None, 1)[0])
        if _has_any(found):
            return _result("url", text, found)
    if stripped[:1] == "{" and len(stripped) <= _JSON_MAX:
        found = _parse_json(stripped)
        if found and _has_any(found):
            return _result("json", text, found)
    if len(stripped) <= 600:
        found = _parse_email(stripped)
        if found:
            return _result("email", text, found)
        if _CODE.fullmatch(stripped) and _DIGIT.search(stripped):
            return _result("badge_id", text, {"badge_id": stripped})
        found = _parse_delimited(stripped)
        if found and _has_any(found):
            return _result("delimited", text, found)
    return ParsedBadge(raw=text)


# --- vCard ---------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_SPLIT_TOKEN = re.compile(r"\\.|;", re.DOTALL)


def _unescape(value: str) -> str:
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _split(value: str, sep: str = ";") -> list[str]:
    """Split on `sep` except where a backslash escapes it (escapes stay for `_unescape`)."""
    if "\\" not in value:
        return value.split(sep)
    pattern = _SPLIT_TOKEN if sep == ";" else re.compile(r"\\.|" + re.escape(sep), re.DOTALL)
    parts: list[str] = []
    start = 0
    for m in pattern.finditer(value):
        if m.group() == sep:
            parts.append(value[start:m.start()])
            start = m.end()
    parts.append(value[start:])
    return parts


@dataclass
class _Prop:
    name: str
    types: frozenset[str]
    pref: bool
    parts: list[str]  # unescaped, decoded components

    @property
    def value(self) -> str:
        return ";".join(self.parts) if len(self.parts) > 1 else (self.parts[0] if self.parts else "")


# A real card has a few dozen properties; beyond this many lines the rest is junk that would
# only cost time (it stays in `raw`).
_VCARD_MAX_LINES = 2_000


def _logical_lines(body: str) -> list[str]:
    """Unfold a vCard: folded continuation lines and quoted-printable soft line breaks."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n", _VCARD_MAX_LINES)[
        :_VCARD_MAX_LINES
    ]
    out: list[list[str]] = []
    qp = False
    for line in lines:
        if out and qp and out[-1][-1].endswith("="):
            # A quoted-printable soft break: the '=' and the line end vanish.
            out[-1][-1] = out[-1][-1][:-1]
            out[-1].append(line)
            continue
        if out and line[:1] in (" ", "\t"):
            out[-1].append(line[1:])
            continue
        out.append([line])
        head = line.split(":", 1)[0].upper()
        qp = "QUOTED-PRINTABLE" in head or "ENCODING=QP" in head
        if head.strip() == "END" and line.split(":", 1)[-1].strip().upper() == "VCARD":
            break
    return ["".join(parts) for parts in out]


def _decode_qp(value: str, charset: str | None) -> str:
    data = quopri.decodestring(value.encode("utf-8", "surrogatepass"))
    for candidate in (charset, "utf-8", "cp1252"):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue  # an unknown charset, or a name no codec lookup accepts (a NUL in it)
    return data.decode("utf-8", "replace")  # pragma: no cover - cp1252 leaves few gaps


def _split_head(line: str) -> tuple[str, str] | None:
    colon = line.find(":")
    if colon < 0:
        return None
    quote = line.find('"', 0, colon)
    if quote >= 0:
        # A quoted parameter value may hold ':'; find the first colon outside quotes.
        inside = False
        for i, ch in enumerate(line):
            if ch == '"':
                inside = not inside
            elif ch == ":" and not inside:
                return line[:i], line[i + 1:]
        return None
    return line[:colon], line[colon + 1:]


_STRUCTURED = frozenset({"N", "ADR", "ORG"})


def _parse_prop(line: str) -> _Prop | None:
    split = _split_head(line)
    if split is None:
        return None
    head, value = split
    params = head.split(";")
    name = params[0].strip().rsplit(".", 1)[-1].upper()  # drop a group prefix ("item1.")
    types: set[str] = set()
    pref = False
    charset: str | None = None
    encoding = ""
    for param in params[1:]:
        key, eq, val = param.partition("=")
        key = key.strip().upper()
        if not eq:
            # vCard 2.1 writes bare parameters: "TEL;WORK;VOICE:" or ";QUOTED-PRINTABLE".
            if key in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT"):
                encoding = key
            elif key == "PREF":
                pref = True
            else:
                types.add(key)
            continue
        vals = [v.strip().strip('"').upper() for v in val.split(",")]
        if key == "TYPE":
            types.update(vals)
            pref = pref or "PREF" in vals
        elif key == "PREF":
            pref = True
        elif key == "CHARSET":
            charset = val.strip().strip('"')
        elif key == "ENCODING":
            encoding = vals[0] if vals else ""
    parts = _split(value) if name in _STRUCTURED else [value]
    if encoding in ("QUOTED-PRINTABLE", "QP"):
        parts = [_decode_qp(p, charset) for p in parts]
    parts = [_unescape(p) for p in parts]
    return _Prop(name, frozenset(types), pref, parts)


_UUID = re.compile(r"[0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}")
_BADGE_PROP = re.compile(r"BADGE|ATTENDEE|REGISTR|TICKET|BARCODE|REG-?ID|DELEGATE", re.I)


def _pick(props: list[_Prop], order: tuple[str, ...] = (), avoid: tuple[str, ...] = ()) -> _Prop | None:
    usable = [p for p in props if p.value.strip() and not (p.types & set(avoid))]
    if not usable:
        return None

    def rank(p: _Prop) -> tuple[int, int]:
        typed = next((i for i, t in enumerate(order) if t in p.types), len(order))
        return (0 if p.pref else 1, typed)

    return min(usable, key=rank)  # min keeps the first of equals: document order wins


# A property name where a one-line vCard's line breaks were: after whitespace, optionally a
# group ("item1."), a known or extended name, parameters, then the colon.
_ONE_LINE_PROP = re.compile(
    r"[ \t]+(?=(?:[A-Za-z0-9-]+\.)?(?:VERSION|N|FN|NAME|ORG|TITLE|ROLE|EMAIL|TEL|ADR|LABEL|NOTE|URL"
    r"|UID|BDAY|NICKNAME|CATEGORIES|REV|PRODID|PHOTO|LOGO|GEO|TZ|LANG|IMPP|KIND|GENDER|SOURCE"
    r"|SORT-STRING|X-[A-Za-z0-9-]+|END)(?:;[^:\r\n]*)?:)",
    re.IGNORECASE,
)


def _unflatten(card: str) -> str:
    """A vCard whose line breaks a scanner or a paste turned into spaces, one property a line.

    Only a card with no line break at all is split (a real line break means real lines), and
    only before a property name and its colon, so values keep their inner spaces.
    """
    if "\n" in card or "\r" in card:
        return card
    return _ONE_LINE_PROP.sub("\n", card)


def _parse_vcard(text: str, start: int) -> dict[str, str | None]:
    by_name: dict[str, list[_Prop]] = {}
    badge_props: list[_Prop] = []
    for line in _logical_lines(_unflatten(text[start:])):
        prop = _parse_prop(line)
        if prop is None:
            continue
        by_name.setdefault(prop.name, []).append(prop)
        if prop.name.startswith("X-") and _BADGE_PROP.search(prop.name):
            badge_props.append(prop)

    def first(name: str) -> _Prop | None:
        return _pick(by_name.get(name, []))

    found: dict[str, str | None] = {}
    n = first("N")
    if n is not None:
        parts = n.parts + [""] * 5
        found["last_name"] = parts[0]
        found["first_name"] = parts[1]
    if not _clean(found.get("first_name")) and not _clean(found.get("last_name")):
        fn = first("FN") or first("NAME")
        if fn is not None:
            found["first_name"], found["last_name"] = split_name(fn.value)
    email = _pick(by_name.get("EMAIL", []), ("WORK", "INTERNET"))
    if email is not None:
        found["email"] = _strip_scheme(email.value, "mailto:")
    tel = _pick(by_name.get("TEL", []), ("WORK", "CELL", "VOICE"), avoid=("FAX",))
    if tel is not None:
        found["phone"] = _strip_scheme(tel.value, "tel:")
    org = first("ORG")
    if org is not None:
        found["company"] = next((p for p in org.parts if p.strip()), None)
    title = first("TITLE") or first("ROLE")
    if title is not None:
        found["title"] = title.value
    adr = _pick(by_name.get("ADR", []), ("WORK",))
    if adr is not None:
        parts = adr.parts + [""] * 7
        found["country"] = parts[6]
        found["address"] = ", ".join(
            p.strip() for p in (parts[2], parts[1], parts[0], parts[3], parts[4], parts[5], parts[6])
            if p.strip()
        )
    else:
        label = first("LABEL")
        if label is not None:
            found["address"] = label.value
    if not _clean(found.get("country")):
        country = first("X-COUNTRY") or first("COUNTRY")
        if country is not None:
            found["country"] = country.value
    note = first("NOTE")
    if note is not None:
        found["note"] = note.value
    badge = _pick(badge_props)
    uid = first("UID")
    # A registration system's UID is the badge code; a UUID is an address book's record id.
    if badge is None and uid is not None and not _UUID.fullmatch(
        _strip_scheme(uid.value, "urn:uuid:")
    ):
        badge = uid
    if badge is not None:
        found["badge_id"] = badge.value
    return found


def _strip_scheme(value: str, scheme: str) -> str:
    value = value.strip()
    if value[: len(scheme)].lower() == scheme:
        return value[len(scheme):]
    return value


# --- MeCard and BIZCARD --------------------------------------------------------------------


def _card_tokens(body: str) -> list[tuple[str, str]]:
    """`KEY:value;KEY:value;;` pairs with backslash escapes, up to the closing `;;`."""
    out: list[tuple[str, str]] = []
    # A real card has a few dozen fields; the rest of a huge paste stays in `raw` only.
    for token in _split(body[: FIELD_MAX * 200])[:_VCARD_MAX_LINES]:
        if not token.strip():
            break  # the empty field of the closing ";;"
        key, colon, value = token.partition(":")
        if not colon:
            continue
        out.append((key.strip().upper(), value))
    return out


def _parse_mecard(body: str) -> dict[str, str | None]:
    found: dict[str, str | None] = {}

    def put(name: str, value: str | None) -> None:
        if value is not None and not _clean(found.get(name)):
            found[name] = value

    for key, value in _card_tokens(body):
        if key == "N":
            parts = _split(value, ",")
            if len(parts) >= 2:
                put("last_name", _unescape(parts[0]))
                put("first_name", _unescape(",".join(parts[1:])))
            else:
                first, last = split_name(_unescape(value))
                put("first_name", first)
                put("last_name", last)
        elif key == "ADR":
            parts = [_unescape(p) for p in _split(value, ",")]
            if len(parts) == 7:
                put("country", parts[6])
                put("address", ", ".join(
                    p.strip() for p in (parts[2], parts[1], parts[0], *parts[3:]) if p.strip()
                ))
            else:
                put("address", _unescape(value))
        else:
            field = _MECARD_KEYS.get(key)
            if field is not None:
                put(field, _unescape(value))
    return found


_MECARD_KEYS = {
    "TEL": "phone", "TEL-AV": "phone", "EMAIL": "email", "ORG": "company", "TITLE": "title",
    "NOTE": "note", "MEMO": "note", "UID": "badge_id", "ID": "badge_id", "BADGE": "badge_id",
    "X-BADGE-ID": "badge_id", "COUNTRY": "country",
}

_BIZCARD_KEYS = {
    "N": "first_name", "X": "last_name", "T": "title", "C": "company", "A": "address",
    "B": "phone", "M": "phone", "E": "email",
}


def _parse_bizcard(body: str) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for key, value in _card_tokens(body):
        field = _BIZCARD_KEYS.get(key)
        # B (business phone) beats M (mobile) whatever their order.
        if field is not None and (not _clean(found.get(field)) or key == "B"):
            found[field] = _unescape(value)
    return found


# --- URLs and mailto -----------------------------------------------------------------------


def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


# Parameter names (lower-case, punctuation removed) and the field each one fills.
_PARAM_KEYS: dict[str, str] = {}
for _field, _names in {
    "first_name": "fn first firstname fname givenname given forename vorname prenom",
    "last_name": "ln last lastname lname surname familyname family sn nachname nom",
    "full_name": "name fullname displayname contactname",
    "email": "email e mail emailaddress emailaddr",
    "company": "company org organization organisation companyname employer firma",
    "title": "title jobtitle position job",
    "phone": "phone tel telephone phonenumber mobile cell workphone",
    "badge_id": "badge badgeid badgeno badgenumber id regid registrationid attendeeid "
                "ticket ticketid barcode uid",
    "country": "country countrycode",
    "address": "address addr street",
}.items():
    for _name in _names.split():
        _PARAM_KEYS[_name] = _field


def _from_params(pairs: list[tuple[str, str]]) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for key, value in pairs:
        field = _PARAM_KEYS.get(_norm_key(key))
        if field is None or not value.strip() or _clean(found.get(field)):
            continue
        found[field] = value
    full = found.pop("full_name", None)
    if full and not _clean(found.get("first_name")) and not _clean(found.get("last_name")):
        found["first_name"], found["last_name"] = split_name(full)
    return found


# Query strings beyond this are not contact details; parsing them would only cost time.
_QUERY_MAX = 16_384


def _parse_url(url: str) -> dict[str, str | None]:
    try:
        parts = urlsplit(url[: _QUERY_MAX * 2])
    except ValueError:
        return {}
    pairs = parse_qsl(parts.query[:_QUERY_MAX])
    if "=" in parts.fragment:
        pairs += parse_qsl(parts.fragment[:_QUERY_MAX])
    return _from_params(pairs)


# Registration systems' JSON badges are small; a bigger object is not a badge.
_JSON_MAX = 65_536


def _parse_json(text: str) -> dict[str, str | None] | None:
    """`{"firstName": "Ana", "company": {"name": "Acme"}, ...}`: keys as in contact URLs."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    pairs: list[tuple[str, str]] = []

    def walk(obj: dict[Any, Any], parent: str, depth: int) -> None:
        for key, value in list(obj.items())[:200]:
            name = _norm_key(str(key))
            if isinstance(value, dict) and depth < 3:
                walk(value, name, depth + 1)
            elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
                # {"company": {"name": ...}} and {"badge": {"id": ...}} name their parent.
                joined = parent + name
                pairs.append((joined if parent and joined in _PARAM_KEYS else name, str(value)))

    walk(data, "", 0)
    return _from_params(pairs)


def _parse_mailto(text: str) -> dict[str, str | None]:
    target = text[len("mailto:"):].split("?", 1)[0]
    address = unquote(target.split(",", 1)[0]).strip()
    return {"email": address} if _EMAIL.fullmatch(address) else {}


def _parse_email(text: str) -> dict[str, str | None] | None:
    if "&" in text and all("=" in part for part in text.split("&")):
        return None  # "first=Ana&email=a@b.co": key=value pairs, not one odd address
    if _EMAIL.fullmatch(text):
        return {"email": text}
    m = _NAMED_EMAIL.fullmatch(text)
    if m and _EMAIL.fullmatch(m.group(2)):
        first, last = split_name(m.group(1).strip().strip('"'))
        return {"email": m.group(2), "first_name": first, "last_name": last}
    return None


# --- delimited text ------------------------------------------------------------------------

_SEPARATORS = ("\t", "^", "|", ";", ",")
_MAX_TOKENS = 40
_PHONE = re.compile(r"(?:tel:)?\+?[\d\s().\-/]{6,30}(?:\s*(?:x|ext\.?)\s*\d{1,6})?", re.I)
_KEY_VALUE = re.compile(r"([A-Za-z][A-Za-z _-]{0,29}?)\s*[=:]\s*(.*)", re.DOTALL)
_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS) - {"001"}


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_COMPANY_WORDS = _wordset("inc inc. corp corp. corporation co co. llc ltd ltd. limited gmbh ag sa s.a. sas sarl bv "
    "b.v. nv plc pty lp llp kg oy ab as a/s spa s.p.a. srl kk group holdings technologies "
    "systems solutions labs software")
_TITLE_WORDS = _wordset("ceo cto cfo coo cmo cio ciso vp svp evp president founder co-founder owner partner director "
    "manager head lead engineer developer architect analyst consultant specialist officer "
    "executive coordinator administrator designer scientist buyer purchaser chief intern "
    "associate representative rep sales marketing")


def _words(text: str) -> set[str]:
    return {w.strip(",()").lower() for w in text.split()}


def _looks_like_company(text: str) -> bool:
    return bool(_words(text) & _COMPANY_WORDS)


def _looks_like_title(text: str) -> bool:
    return bool(_words(text) & _TITLE_WORDS)


def _phone_shaped(token: str) -> bool:
    if not _PHONE.fullmatch(token):
        return False
    digits = sum(c.isdigit() for c in token)
    return 7 <= digits <= 15 if token.isdigit() else digits >= 6


def _parse_delimited(text: str) -> dict[str, str | None] | None:
    sep = next((s for s in _SEPARATORS if s in text), None)
    if "\n" in text or "\r" in text:
        lines = [ln for ln in re.split(r"\r\n|\r|\n", text) if ln.strip()]
        # One field per line (some scanners), but not a table of several delimited rows.
        if sep is not None and len(lines) >= 2 and all(sep in ln for ln in lines):
            return None
        tokens = lines
    elif "&" in text and "=" in text:
        tokens = text.split("&")
    elif sep is not None:
        tokens = text.split(sep)
    else:
        return None
    if not 2 <= len(tokens) <= _MAX_TOKENS:
        return None
    # A leading separator ("^12345^Ana^...") is framing, not an empty first field.
    while tokens and not tokens[0].strip():
        tokens = tokens[1:]
    found: dict[str, str | None] = {}
    slots: list[str] = []
    pairs: list[tuple[str, str]] = []
    for index, raw_token in enumerate(tokens):
        token = raw_token.strip().strip('"').strip()
        kv = _KEY_VALUE.fullmatch(token)
        if kv and _norm_key(kv.group(1)) in _PARAM_KEYS:
            pairs.append((kv.group(1), kv.group(2)))
            continue
        address = _strip_scheme(token, "mailto:")
        if "@" in token and not found.get("email") and _EMAIL.fullmatch(address):
            found["email"] = address
        elif (_CODE.fullmatch(token) and _DIGIT.search(token) and not found.get("badge_id")
              and not (_phone_shaped(token) and index > 0)):
            # The first code is the badge id, unless a digit run after other fields reads
            # like a phone number ("Ana^Silva^4915112345678").
            found["badge_id"] = token
        elif _phone_shaped(token) and not found.get("phone"):
            found["phone"] = token
        else:
            slots.append(token)
    for key, value in _from_params(pairs).items():
        if value is not None and not found.get(key):
            found[key] = value
    _assign_slots(found, slots)
    return found


def _assign_slots(found: dict[str, str | None], slots: list[str]) -> None:
    """Names, company and title by position; a trailing ISO country code is the country."""
    filled = [s for s in slots if s]
    if len(filled) >= 3 and filled[-1] in _REGIONS and not found.get("country"):
        found["country"] = filled[-1]
        last = max(i for i, s in enumerate(slots) if s)
        slots = slots[:last] + slots[last + 1:]
    names_given = bool(found.get("first_name") or found.get("last_name"))
    if names_given:
        rest = slots
    elif slots and " " in slots[0] and (
        len(slots) == 1 or _looks_like_company(slots[1]) or _looks_like_title(slots[1])
    ):
        found["first_name"], found["last_name"] = split_name(slots[0])
        rest = slots[1:]
    else:
        if slots:
            found["first_name"] = slots[0] or None
        if len(slots) > 1:
            found["last_name"] = slots[1] or None
        rest = slots[2:]
    rest = [r for r in rest if r]
    if len(rest) >= 2 and _looks_like_title(rest[0]) and not _looks_like_title(rest[1]):
        rest[0], rest[1] = rest[1], rest[0]
    elif len(rest) == 1 and _looks_like_title(rest[0]) and not _looks_like_company(rest[0]):
        rest = ["", rest[0]]
    _set_if_empty(found, "company", rest[0] if rest else None)
    _set_if_empty(found, "title", rest[1] if len(rest) > 1 else None)


def _set_if_empty(found: dict[str, str | None], key: str, value: str | None) -> None:
    if value and not found.get(key):
        found[key] = value

