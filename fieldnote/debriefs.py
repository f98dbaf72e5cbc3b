"""The rules of a call debrief beyond single field types: what a submitted debrief needs, what a
draft may lack, and how tags are tidied. The form, the `debriefs add` command and the store all
call these, so a debrief is judged the same way wherever it comes from; nothing here stores it.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from fieldnote.kinds import DEBRIEF, NAME_MAX
from fieldnote.validation import FieldError, ValidationFailed, clean_fields, strip_control

# The debrief fields a client writes (the protocol's debrief fields), in form order.
WIRE_FIELDS: tuple[str, ...] = DEBRIEF.client_fields
TAG_FIELDS = ("why_buy", "why_not", "objections", "competitors")
TEXT_FIELDS = (
    "account", "contacts", "reasons_buy", "reasons_not", "pain_points", "next_steps", "notes",
)
# A call is filed after it happens; one day of slack covers time zones and late-night filing.
FUTURE_SLACK = dt.timedelta(days=1)
_SPACES = re.compile(r"\s+")


def tidy_tag(text: str) -> str:
    """One tag as typed: control characters out, runs of spaces collapsed, ends trimmed."""
    return _SPACES.sub(" ", strip_control(text)).strip()[:NAME_MAX]


def tidy_tags(values: Iterable[Any]) -> list[str]:
    """Tags without blanks or case-insensitive repeats, first spelling kept, order kept."""
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        if not isinstance(value, str):
            out.append(value)  # left for clean_fields to reject with a message
            continue
        tag = tidy_tag(value)
        key = tag.casefold()
        if tag and key not in seen:
            seen.add(key)
            out.append(tag)
    return out


def tidy(fields: Mapping[str, Any]) -> dict[str, Any]:
    """What a person typed, made canonical before checking: tags tidied, blank text as None."""
    out = dict(fields)
    for name in TAG_FIELDS:
        if isinstance(out.get(name), list):
            out[name] = tidy_tags(out[name])
    for name in TEXT_FIELDS:
        value = out.get(name)
        if isinstance(value, str):
            value = strip_control(value)
            out[name] = value if value.strip() else None
    if isinstance(out.get("account"), str):
        out["account"] = out["account"].strip()
    return out


def _collateral_errors(value: Any) -> list[FieldError]:
    if not isinstance(value, list):
        return []  # clean_fields reports the type
    errors = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            continue
        unknown = sorted(set(item) - {"collateral_id", "helpful"})
        if unknown:
            errors.append(FieldError("collateral_used", f"item {i + 1} has unknown keys: {', '.join(map(str, unknown))}"))
        try:
            uuid.UUID(str(item.get("collateral_id")))
        except ValueError:
            errors.append(FieldError("collateral_used", f"item {i + 1} needs a collateral_id (UUID)"))
        if "helpful" in item and item["helpful"] is not None and not isinstance(item["helpful"], bool):
            errors.append(FieldError("collateral_used", f"item {i + 1}: helpful must be true, false or null"))
    return errors


def _date_errors(clean: Mapping[str, Any], today: dt.date) -> list[FieldError]:
    errors = []
    call = clean.get("call_date")
    follow = clean.get("follow_up_on")
    if call and dt.date.fromisoformat(call) > today + FUTURE_SLACK:
        errors.append(FieldError("call_date", "is in the future; file a debrief after the call"))
    if call and follow and follow < call:
        errors.append(FieldError("follow_up_on", "is before the call date"))
    return errors


def check_debrief(fields: Mapping[str, Any], *, today: dt.date | None = None) -> dict[str, Any]:
    """Validate a debrief to be submitted; return its canonical fields or raise ValidationFailed.

    Every bad field is reported at once. `status` defaults to submitted.
    """
    values = tidy(fields)
    values.setdefault("status", "submitted")
    errors: list[FieldError] = []
    clean: dict[str, Any] = {}
    try:
        clean = clean_fields(DEBRIEF, values)
    except ValidationFailed as exc:
        errors.extend(exc.errors)
    errors.extend(_collateral_errors(values.get("collateral_used")))
    # Date rules are checked even when other fields failed, so every message shows at once.
    bad = {e.field for e in errors}
    dates = {k: clean.get(k, values.get(k)) for k in ("call_date", "follow_up_on") if k not in bad}
    errors.extend(_date_errors(dates, today or dt.date.today()))
    if errors:
        raise ValidationFailed(errors)
    return clean


def check_draft(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Validate a draft: field types only, nothing required. Raises ValidationFailed."""
    values = tidy(fields)
    values["status"] = "draft"
    errors: list[FieldError] = []
    clean: dict[str, Any] = {}
    try:
        clean = clean_fields(DEBRIEF, values, partial=True)
    except ValidationFailed as exc:
        errors.extend(exc.errors)
    errors.extend(_collateral_errors(values.get("collateral_used")))
    if errors:
        raise ValidationFailed(errors)
    return clean


def storable(clean: Mapping[str, Any]) -> bool:
    """A draft can become a record once it has what every debrief record needs."""
    return all(isinstance(clean.get(n), str) and clean[n].strip() for n in DEBRIEF.required)
