""""Already known?": what a rep may learn about a person from their email, in one place for the
hub's look-up endpoint, the desktop's offline answer and `fieldnote leads lookup`.

The answer is four facts and nothing else: whether anyone captured the person as a lead (at any
event, by any team), whether one of those leads was won (a customer), which team owns the lead
with the latest activity, and that activity's date. Never another team's notes, answers,
amounts or names: a look-up must not be a way round who sees which lead. Pure functions: no
I/O, no Qt, no database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldnote.outcomes import counting_outcomes

__all__ = ["ANSWER_KEYS", "FROM_CACHE", "FROM_HUB", "LookupAnswer", "answer_from", "lookup_key"]

# The keys of the answer, in the order they are printed and sent.
ANSWER_KEYS = ("known", "customer", "team", "last_activity")

# The outcome status that makes a lead's person a customer.
_WON = "won"

# Where an answer came from: the hub (every team's leads) or this device's cache (what the
# last sync brought).
FROM_HUB, FROM_CACHE = "hub", "cache"

# The longest email a look-up accepts (a lead's email is a name field: 200 characters).
MAX_EMAIL = 200


@dataclass(frozen=True)
class LookupAnswer:
    known: bool = False
    customer: bool = False
    team: str | None = None
    last_activity: str | None = None  # YYYY-MM-DD (UTC)

    def as_json(self) -> dict[str, Any]:
        return {"known": self.known, "customer": self.customer, "team": self.team,
                "last_activity": self.last_activity}


def lookup_key(email: str | None) -> str | None:
    """The form a look-up compares emails in (trimmed, lower case), or None when the text
    cannot be an email (no @, empty, too long, spaces or control characters): such a look-up
    asks nothing."""
    key = (email or "").strip().lower()
    if (not key or "@" not in key or len(key) > MAX_EMAIL
            or any(c.isspace() or not c.isprintable() for c in key)):
        return None
    return key


def _day(value: Any) -> str | None:
    """The calendar day a stored time starts with (YYYY-MM-DD), or None when it starts with
    none."""
    text = str(value or "")[:10]
    try:
        return dt.date.fromisoformat(text).isoformat() if len(text) == 10 else None
    except ValueError:
        return None


def answer_from(
    leads: Iterable[Mapping[str, Any]],
    outcomes: Iterable[Mapping[str, Any]],
    teams: Mapping[str, str | None],
) -> LookupAnswer:
    """The answer for a person from the live leads with their email (`id`, `owner_id`,
    `captured_at`), those leads' outcomes (`id`, `lead_id`, `status`, `at`, `retracts`,
    `deleted`) and each owner's team (user id -> team).

    Activity is a lead's capture and its counting outcomes (a withdrawn one is no activity);
    the team is that of the owner of the lead with the latest activity."""
    rows = [lead for lead in leads if not lead.get("deleted")]
    if not rows:
        return LookupAnswer()
    latest: dict[str, str] = {}
    for lead in rows:
        day = _day(lead.get("captured_at"))
        if day:
            latest[str(lead["id"])] = day
    ids = set(str(lead["id"]) for lead in rows)
    customer = False
    for outcome in counting_outcomes(o for o in outcomes if str(o.get("lead_id")) in ids):
        lead_id = str(outcome.get("lead_id"))
        if outcome.get("status") == _WON:
            customer = True
        day = _day(outcome.get("at"))
        if day and day > latest.get(lead_id, ""):
            latest[lead_id] = day
    # The newest activity wins; among equal days, the lead captured last (ids are time-ordered).
    newest = max(rows, key=lambda lead: (latest.get(str(lead["id"]), ""), str(lead["id"])))
    owner = newest.get("owner_id")
    return LookupAnswer(
        known=True,
        customer=customer,
        team=(teams.get(str(owner)) or None) if owner else None,
        last_activity=latest.get(str(newest["id"])),
    )
