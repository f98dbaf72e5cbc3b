"""Follow-up deadlines: when an owned lead is due for its first contact, defined once for the
store's queries, `fieldnote followups`, the window and Insights.

A lead is due its service level (a hub setting per grade) after it was captured; it waits for
follow-up until it has a counting outcome (`fieldnote.outcomes`), and its first contact is its
earliest counting outcome that is a funnel stage (contacted, meeting, opportunity, won). A lead
without a grade is held to the cold level. Nothing here reads a database or a clock: callers
pass `now`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from fieldnote.kinds import FUNNEL_STAGES, GRADES
from fieldnote.outcomes import counting_outcomes

# The hub settings (`fieldnote-hub settings set service_level_hot 12h`) and their defaults.
SETTING_OF_GRADE = {grade: f"service_level_{grade}" for grade in GRADES}
DEFAULT_LEVELS = {"hot": "24h", "warm": "72h", "cold": "7d"}
UNGRADED_AS = "cold"
_DURATION = re.compile(r"(\d{1,5})\s*([hd])")
_MAX_HOURS = 365 * 24


class ServiceLevelError(ValueError):
    """Not a service level; the message says what to type instead."""


def check_level(text: str) -> str:
    """A service level as stored: whole hours or days ("24h", "7d"; a bare number is hours),
    up to a year; a ServiceLevelError otherwise."""
    value = str(text).strip().lower()
    if value.isdigit():
        value += "h"
    found = _DURATION.fullmatch(value)
    if found is None or not 0 < _hours(found) <= _MAX_HOURS:
        raise ServiceLevelError(f"{str(text).strip()!r} is not a service level; use whole hours "
                                "or days up to a year, such as 24h or 7d.")
    return f"{int(found.group(1))}{found.group(2)}"


def _hours(found: re.Match[str]) -> int:
    return int(found.group(1)) * (24 if found.group(2) == "d" else 1)


def level_hours(text: str) -> int:
    found = _DURATION.fullmatch(check_level(text))
    assert found is not None
    return _hours(found)


# The shared hub settings of this module, in the form `fieldnote.money.SHARED_SETTINGS` keeps.
SHARED_SETTINGS = {SETTING_OF_GRADE[g]: (DEFAULT_LEVELS[g], check_level) for g in GRADES}


def service_levels(settings: Mapping[str, Any] | None) -> dict[str, dt.timedelta]:
    """The service level of each grade in hub settings as a device received them; a missing or
    unusable value is the default."""
    out = {}
    for grade in GRADES:
        value = (settings or {}).get(SETTING_OF_GRADE[grade])
        try:
            hours = level_hours(value) if isinstance(value, str) else None
        except ServiceLevelError:
            hours = None
        out[grade] = dt.timedelta(hours=hours or level_hours(DEFAULT_LEVELS[grade]))
    return out


def parse_time(text: Any) -> dt.datetime | None:
    """An ISO 8601 time as an aware UTC datetime (a naive one is taken as UTC), or None."""
    if not isinstance(text, str) or not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def iso(value: dt.datetime) -> str:
    """A time as the wire writes it: ISO 8601 UTC with a trailing Z, whole seconds."""
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def level_of(grade: str | None, levels: Mapping[str, dt.timedelta]) -> dt.timedelta:
    return levels[grade] if grade is not None and grade in levels else levels[UNGRADED_AS]


def due_at(captured_at: Any, grade: str | None,
           levels: Mapping[str, dt.timedelta]) -> dt.datetime | None:
    """When the lead's first contact is due, or None without a readable capture time."""
    captured = parse_time(captured_at)
    return None if captured is None else captured + level_of(grade, levels)


def is_overdue(due: dt.datetime | None, now: dt.datetime) -> bool:
    return due is not None and due < now


def waits_for_follow_up(outcomes: Iterable[Mapping[str, Any]]) -> bool:
    """Whether a lead with these outcomes still waits for its follow-up: none counts yet."""
    return not counting_outcomes(outcomes)


def first_contact_at(outcomes: Iterable[Mapping[str, Any]]) -> dt.datetime | None:
    """The time of the lead's first contact (see the module's rule), or None."""
    times = [parse_time(o.get("at")) for o in counting_outcomes(outcomes)
             if o.get("status") in FUNNEL_STAGES]
    known = [t for t in times if t is not None]
    return min(known) if known else None


def within_level(captured_at: Any, grade: str | None, contacted_at: dt.datetime | None,
                 levels: Mapping[str, dt.timedelta]) -> bool:
    """Whether the lead's first contact came no later than its due time."""
    due = due_at(captured_at, grade, levels)
    return due is not None and contacted_at is not None and contacted_at <= due


def followup_row(lead: Mapping[str, Any], owner_email: str | None,
                 levels: Mapping[str, dt.timedelta], now: dt.datetime) -> dict[str, Any]:
    """One lead as `fieldnote followups --json` prints it (see docs/commands.md)."""
    name = " ".join(p for p in (lead.get("first_name"), lead.get("last_name")) if p)
    due = due_at(lead.get("captured_at"), lead.get("grade"), levels)
    return {
        "id": lead["id"],
        "name": name,
        "company": lead.get("company") or "",
        "grade": lead.get("grade"),
        "owner": owner_email,
        "due_at": iso(due) if due is not None else None,
        "overdue": is_overdue(due, now),
    }


def order(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Oldest due first (the same due time by id); a row without a due time last."""
    return sorted(rows, key=lambda r: (r["due_at"] is None, r["due_at"] or "", r["id"]))
