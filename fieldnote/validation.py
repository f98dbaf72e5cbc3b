"""Validation of record fields against the kind specs, identical on the desktop and the hub.

`clean_fields` turns what a form, an importer or a push sent into canonical values, or raises
`ValidationFailed` naming every bad field with a message a rep could act on. It never drops a
value silently: unknown fields are errors, not omissions.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldnote.kinds import (
    LIST_MAX,
    NAME_MAX,
    OBJECT_MAX_JSON,
    TEXT_MAX,
    FieldSpec,
    FieldType,
    KindSpec,
    spec,
)

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class ValidationFailed(ValueError):
    """One or more fields are invalid; `errors` names each with a reason."""

    def __init__(self, errors: Iterable[FieldError], title: str | None = None) -> None:
        self.errors = list(errors)
        self.title = title or _title_for(self.errors)
        super().__init__(self.describe())

    def describe(self) -> str:
        return "; ".join(f"{e.field}: {e.message}" for e in self.errors) or self.title

    def problem(self) -> dict[str, Any]:
        return {
            "type": "https://fieldnote.dev/problems/validation",
            "title": self.title,
            "status": 422,
            "detail": self.describe(),
            "errors": [e.as_dict() for e in self.errors],
        }


def _title_for(errors: list[FieldError]) -> str:
    if len(errors) == 1:
        return f"Invalid {errors[0].field}"
    return "Invalid fields"


def utc_now_iso() -> str:
    return format_datetime(dt.datetime.now(dt.UTC))


def format_datetime(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    value = value.astimezone(dt.UTC)
    text = value.isoformat(timespec="milliseconds" if value.microsecond else "seconds")
    return text.replace("+00:00", "Z")


def parse_datetime(text: str) -> dt.datetime:
    """Parse ISO 8601; a value without a zone is taken as UTC."""
    value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def parse_date(text: str) -> dt.date:
    if not isinstance(text, str) or not _DATE_RE.match(text):
        raise ValueError("must be a date as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:  # the shape is right but the day is not (2026-02-30)
        raise ValueError(f"is not a real date ({text})") from None


# An ASCII dot-atom local part (RFC 5322): email-validator accepts every one of at most 64
# characters, so such an address is exactly as valid as its domain, and domains repeat.
_PLAIN_LOCAL_RE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")


def check_email(text: str) -> str | None:
    """The reason an email address is unusable, or None when it looks deliverable-shaped."""
    local, at, domain = text.rpartition("@")
    if at and len(text) <= 254 and len(local) <= 64 and text.isascii() \
            and _PLAIN_LOCAL_RE.fullmatch(local):
        # The full check costs tens of microseconds, mostly on the domain: check it once.
        return _domain_problem(domain)
    return _full_email_check(text)


@functools.lru_cache(maxsize=4096)
def _domain_problem(domain: str) -> str | None:
    return _full_email_check("a@" + domain)


def _full_email_check(text: str) -> str | None:
    # Imported on the first full check (tens of ms): opening the store needs none.
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_text(value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise ValueError("must be text")
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    if not value.isascii() and _SURROGATE.search(value):
        # Half of a UTF-16 pair (from a decoded JSON escape or a scanner): no file, database
        # or wire can hold it.
        raise ValueError("contains a broken character (half of a surrogate pair)")
    if len(value) > limit:
        raise ValueError(f"is too long ({len(value):,} characters; at most {limit:,})")
    return value


def _check_uuid(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be an id (UUID)")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ValueError("must be an id (UUID)") from None


def _check_int(value: Any, f: FieldSpec) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("must be a whole number")
    _check_range(value, f)
    return value


def _check_range(value: float, f: FieldSpec) -> None:
    if f.minimum is not None and value < f.minimum:
        raise ValueError(f"must be at least {f.minimum}")
    if f.maximum is not None and value > f.maximum:
        raise ValueError(f"must be at most {f.maximum}")
    if abs(value) > 2**53:
        raise ValueError("is too large")


def _check_json(value: Any, kind: type | None) -> Any:
    if kind is not None and not isinstance(value, kind):
        raise ValueError("must be an object" if kind is dict else "must be a list")
    flags: list[bool] = []
    try:
        size = _json_size(value, flags, 0)
    except _Unusual:
        return _check_json_text(value)
    if size > OBJECT_MAX_JSON:
        raise ValueError(f"is too large (at most {OBJECT_MAX_JSON:,} characters of JSON)")
    if flags:
        raise ValueError("contains a NUL character")
    return value


def _check_json_text(value: Any) -> Any:
    """The reference check, over the text the standard encoder writes: what `_json_size`
    measures, for any value it does not handle itself."""
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        raise ValueError("is not valid JSON data") from None
    if len(text) > OBJECT_MAX_JSON:
        raise ValueError(f"is too large (at most {OBJECT_MAX_JSON:,} characters of JSON)")
    if "\\u0000" in text:
        raise ValueError("contains a NUL character")
    return value


class _Unusual(Exception):
    """A value `_json_size` leaves to the standard encoder (other types, subclasses, very
    large integers, non-finite floats, deep nesting)."""


_JSON_INT_LIMIT = 2**64
_JSON_DEPTH_LIMIT = 64
_SHORT_ESCAPES = frozenset("\n\r\t\b\f")


def _json_size(value: Any, nul: list[bool], depth: int) -> int:
    """How many characters `json.dumps(value, ensure_ascii=False)` writes, without writing
    them. Appends to `nul` when that text would contain the six characters \\u0000 (a NUL
    in a string, or a backslash followed by u0000). Raises `_Unusual` for anything beyond
    plain dicts with text keys, lists, text, numbers, booleans and None."""
    t = type(value)
    if t is str:
        if "\x00" in value or "\\u0000" in value:
            nul.append(True)
        n: int = len(value) + 2 + value.count('"') + value.count("\\")
        if not value.isprintable():  # control characters are escaped (\n or \u001f)
            for c in value:
                if c < " ":
                    n += 1 if c in _SHORT_ESCAPES else 5
        return n
    if value is None or t is bool:
        return 5 if value is False else 4
    if t is int:
        if -_JSON_INT_LIMIT < value < _JSON_INT_LIMIT:
            return len(repr(value))
        raise _Unusual
    if t is float:
        if math.isfinite(value):
            return len(repr(value))
        raise _Unusual
    if depth >= _JSON_DEPTH_LIMIT:
        raise _Unusual  # deep or circular: the standard encoder says which
    if t is list:
        if not value:
            return 2
        n = 2 * len(value)  # brackets and ", " between items
        for item in value:
            n += _json_size(item, nul, depth + 1)
        return n
    if t is dict:
        if not value:
            return 2
        n = 4 * len(value)  # braces, ", " between items and ": " in each
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            n += _json_size(key, nul, depth + 1) + _json_size(item, nul, depth + 1)
        return n
    raise _Unusual


def _required_text(f: FieldSpec, text: str) -> str:
    if f.required and not text.strip():
        raise ValueError("is required")
    return text


def _clean_name(f: FieldSpec, value: Any) -> Any:
    text = _check_text(value, NAME_MAX)
    if f.name == "email" and text.strip():
        reason = check_email(text.strip())
        if reason:
            raise ValueError(f"is not a valid email address ({reason})")
        text = text.strip()
    return _required_text(f, text)


def _clean_text(f: FieldSpec, value: Any) -> Any:
    return _required_text(f, _check_text(value, TEXT_MAX))


def _clean_number(f: FieldSpec, value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("must be a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("must be a finite number")
    _check_range(value, f)
    return value


def _clean_bool(f: FieldSpec, value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _clean_datetime(f: FieldSpec, value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError("must be a date and time (ISO 8601)")
    try:
        return format_datetime(parse_datetime(value))
    except ValueError:
        raise ValueError("must be a date and time (ISO 8601)") from None


def _clean_choice(f: FieldSpec, value: Any) -> Any:
    if value not in f.choices:
        raise ValueError(f"must be one of: {', '.join(f.choices)}")
    return value


def _check_list(value: Any) -> None:
    _check_json(value, list)
    if len(value) > LIST_MAX:
        raise ValueError(f"has too many entries (at most {LIST_MAX})")


def _clean_tags(f: FieldSpec, value: Any) -> Any:
    _check_list(value)
    return [_check_text(v, NAME_MAX) for v in value]


def _clean_uuids(f: FieldSpec, value: Any) -> Any:
    _check_list(value)
    return [_check_uuid(v) for v in value]


def _clean_list(f: FieldSpec, value: Any) -> Any:
    _check_list(value)
    if not all(isinstance(v, dict) for v in value):
        raise ValueError("must be a list of objects")
    return value


# One cleaner per field type, looked up once per value instead of compared in turn (by the
# member's name: an enum member's own hash is computed in Python on every lookup).
_CLEANERS: dict[str, Callable[[FieldSpec, Any], Any]] = {
    "NAME": _clean_name,
    "TEXT": _clean_text,
    "INT": lambda f, value: _check_int(value, f),
    "NUMBER": _clean_number,
    "BOOL": _clean_bool,
    "DATE": lambda f, value: parse_date(value).isoformat(),
    "DATETIME": _clean_datetime,
    "UUID": lambda f, value: _check_uuid(value),
    "CHOICE": _clean_choice,
    "TAGS": _clean_tags,
    "UUIDS": _clean_uuids,
    "LIST": _clean_list,
    "OBJECT": lambda f, value: _check_json(value, dict),
    "JSON": lambda f, value: _check_json(value, None),
}
if set(_CLEANERS) != {t._name_ for t in FieldType}:  # pragma: no cover
    raise RuntimeError("a field type has no cleaner")


def unknown_field_label(name: object) -> str:
    """How a field name nobody declared is named in a refusal: at most 100 characters, and
    anything but letters, digits, `_`, `-` and `.` written as a `\\xNN` / `\\uNNNN` escape, so a
    key such as ":" or one holding a line break cannot garble "FIELD: MESSAGE" lines."""
    out = []
    for c in str(name):
        out.append(c if c.isascii() and (c.isalnum() or c in "_-.") or (
            not c.isascii() and c.isalnum()) else f"\\x{ord(c):02x}" if ord(c) < 256
            else f"\\u{ord(c):04x}")
    return "".join(out)[:100]


def clean_value(f: FieldSpec, value: Any) -> Any:
    """Return the canonical form of one value or raise ValueError with the reason."""
    if value is None:
        if f.required:
            raise ValueError("is required")
        return None
    return _CLEANERS[f.type._name_](f, value)


def clean_fields(
    kind: str | KindSpec,
    fields: Mapping[str, Any],
    *,
    partial: bool = False,
    allow_server_set: bool = False,
) -> dict[str, Any]:
    """Validate `fields` of a record of `kind`; return the canonical values.

    `partial` checks an update (only the fields present); otherwise required fields and the
    kind's one-of rule are checked too. Server-set fields are dropped (the hub fills them in)
    unless `allow_server_set`; unknown fields are errors.
    """
    ks = spec(kind) if isinstance(kind, str) else kind
    if not isinstance(fields, Mapping):
        raise ValidationFailed([FieldError("fields", "must be an object")])
    errors: list[FieldError] = []
    out: dict[str, Any] = {}
    cleaners = _CLEANERS
    for name, value in fields.items():
        f = ks.by_name.get(name) if isinstance(name, str) else None
        if f is None:
            errors.append(FieldError(unknown_field_label(name), f"is not a field of {ks.name}"))
            continue
        if f.server_set and not allow_server_set:
            continue
        try:
            # clean_value, inlined: this loop runs for every field of every pushed record.
            if value is None:
                if f.required:
                    raise ValueError("is required")
                out[name] = None
            else:
                out[name] = cleaners[f.type._name_](f, value)
        except ValueError as exc:
            errors.append(FieldError(name, str(exc)))
    if not partial:
        errors.extend(check_complete(ks, out, skip=[e.field for e in errors]))
    if errors:
        raise ValidationFailed(errors)
    return out


def check_complete(
    ks: KindSpec, state: Mapping[str, Any], skip: Iterable[str] = (),
    changed: Iterable[str] | None = None,
) -> list[FieldError]:
    """Errors for a record's whole state: required fields missing, and its kind's own rules
    (a lead's: `fieldnote.leads.check_lead`). `changed` names the fields an update sets, so a
    kind's rule that reads none of them is skipped; None (a new record) checks everything."""
    skipped = set(skip)
    errors = [
        FieldError(name, "is required")
        for name in ks.required
        if name not in skipped and _blank(state.get(name))
    ]
    if ks.one_of and all(_blank(state.get(n)) for n in ks.one_of):
        errors.append(
            FieldError(ks.one_of[0], f"a {ks.name} needs at least one of: {', '.join(ks.one_of)}")
        )
    if ks.name == "lead":
        # Imported here: the lead rules build on this module.
        from fieldnote.leads import check_lead

        seen = {e.field for e in errors} | skipped
        errors.extend(e for e in check_lead(state, None if changed is None else set(changed))
                      if e.field not in seen)
    if ks.name == "event" and (changed is None or "cost_currency" in changed):
        from fieldnote.money import CurrencyError, check_currency

        currency = state.get("cost_currency")
        if not _blank(currency):
            try:
                check_currency(str(currency))
            except CurrencyError as exc:
                errors.append(FieldError("cost_currency", str(exc)))
    if ks.name == "event" and (changed is None or "goals" in changed):
        from fieldnote.goals import GoalsInvalid, parse_goals

        try:
            parse_goals(state.get("goals"))
        except GoalsInvalid as exc:
            errors.append(FieldError("goals", str(exc)))
    if ks.name == "routing" and (changed is None or "rules" in changed):
        from fieldnote.routing import RoutingError, parse_rules

        try:
            parse_rules(state.get("rules") or [])
        except RoutingError as exc:
            errors.append(FieldError("rules", str(exc)))
    if ks.name == "lead_attachment" and changed is None:
        from fieldnote.attachments import problems

        seen = {e.field for e in errors} | skipped
        errors.extend(FieldError(name, message) for name, message in problems(state)
                      if name not in seen)
    if ks.name == "collateral_send" and changed is None:
        from fieldnote.sending import SendError, check_send

        try:
            check_send(list(state.get("collateral_ids") or []), state.get("message"))
        except SendError as exc:
            errors.append(FieldError("collateral_ids" if "item" in str(exc) else "message",
                                     str(exc)))
    return errors


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control(text: str) -> str:
    """Remove control characters (keeping tab and line breaks) from typed, pasted or scanned
    text, and show half a surrogate pair (which nothing can store) as U+FFFD."""
    text = _CONTROL.sub("", text)
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)
