"""The figures of the Insights page defined once: filters, funnel stages, rates, rankings.

Pure rules shared by the store queries, the page, the JSON and the PDF so each figure means the
same everywhere; nothing here reads a database or knows about Qt.
"""

from __future__ import annotations

import datetime as dt
import statistics
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldnote.kinds import FUNNEL_STAGES
from fieldnote.outcomes import counting_outcomes

# The funnel, defined here once. The stage chain is captured -> contacted -> meeting ->
# opportunity -> won, and a lead counts in every stage up to the furthest one its counting
# outcomes reached (a lead recorded straight as won is contacted, met and an opportunity too),
# so each stage holds no more leads than the one before it and no step converts above 100 %.
# Qualified comes from the lead's grade, not from its outcomes: a qualified lead may never be
# contacted and an unqualified one may be won, so it is a share of captured shown beside the
# chain, never a step in it.
CHAIN = ("captured", *FUNNEL_STAGES)
BESIDE_CHAIN = ("qualified",)
# Every count of a funnel, in the order of the JSON's keys (`insights --json`).
FUNNEL = ("captured", "qualified", *FUNNEL_STAGES)
# Outcome status -> how far a lead got; lost and disqualified end a lead without advancing it.
STAGE_RANK: Mapping[str, int] = {stage: n for n, stage in enumerate(FUNNEL_STAGES, start=1)}
# How a lead stands besides its stage, from its counting outcomes: the amounts of its outcomes of
# the last stage add up to its won amount, an outcome of LOST_STATUS marks it lost (a deal lost
# unless it was won), and its first contact is the earliest `at` among its outcomes of a funnel
# stage. A lead counts (is captured) while it is not deleted; an erased lead's anonymous stub
# keeps counting (`fieldnote.privacy`). The store's kept totals are generated from these names
# (`desktop.store.funnel_sql`).
WON_STATUS = FUNNEL_STAGES[-1]
LOST_STATUS = "lost"
# Voice-of-the-customer dimensions: debrief tag fields.
VOICE_DIMENSIONS = ("objections", "competitors", "why_buy", "why_not")
GRADE_GROUPS = ("hot", "warm", "cold", "ungraded")
NO_EVENT = "(no event)"
STALE_DAYS = 90


class FilterError(ValueError):
    """A filter value that cannot be used; the message says what to type instead."""


@dataclass(frozen=True)
class InsightFilters:
    """What the page, the JSON and the PDF are restricted to.

    Dates are inclusive calendar days (UTC). `date_from`/`date_to` apply to a lead's
    `captured_at` for the funnel and rubric check, to a usage's `at` for collateral use, and to
    a debrief's `call_date` for helped votes and the voice of the customer. `team` and `rep_id`
    apply to the lead's owner, the usage's, rating's, debrief's and request's author. Events
    restrict leads to those events, usage and debriefs to those about those events' leads, and
    requests to those made for those events.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    team: str | None = None
    rep_id: str | None = None
    event_ids: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise FilterError(
                f"The start date {self.date_from.isoformat()} is after the end date "
                f"{self.date_to.isoformat()}."
            )

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "team": self.team,
            "rep_id": self.rep_id,
            "event_ids": list(self.event_ids),
        }


def parse_filter_date(text: str, what: str = "date") -> dt.date:
    """A YYYY-MM-DD day, or a FilterError saying what was wrong."""
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise FilterError(f"The {what} {text!r} is not a date; use YYYY-MM-DD, e.g. 2026-11-24.") from None


def rate(part: float, whole: float) -> float | None:
    """part / whole rounded for display, or None when there is nothing to divide by."""
    if not whole:
        return None
    return round(part / whole, 4)


def step_conversion(funnel: Mapping[str, float]) -> dict[str, float | None]:
    """The conversions of a funnel, as fractions 0..1: each stage of the chain over the stage
    before it (contacted / captured, meeting / contacted, ...), and qualified as a share of
    captured. Captured has none; a stage after an empty one has None."""
    out: dict[str, float | None] = {
        stage: rate(funnel.get(stage, 0), funnel.get(before, 0))
        for before, stage in zip(CHAIN, CHAIN[1:], strict=False)
    }
    for share in BESIDE_CHAIN:
        out[share] = rate(funnel.get(share, 0), funnel.get("captured", 0))
    return {stage: out[stage] for stage in FUNNEL[1:]}


def stage_reached(outcomes: Iterable[Mapping[str, Any]]) -> int:
    """How far a lead got: the rank (`STAGE_RANK`, 0 for none) of the furthest stage among its
    counting outcomes (`fieldnote.outcomes`)."""
    return lead_standing(outcomes).stage


@dataclass(frozen=True)
class Standing:
    """How far one lead got and what it is worth (see `WON_STATUS`, `LOST_STATUS`)."""

    stage: int
    won_amount: float
    lost: bool
    first_contact_at: str | None


def lead_standing(outcomes: Iterable[Mapping[str, Any]]) -> Standing:
    """A lead's standing over its counting outcomes."""
    counting = counting_outcomes(outcomes)
    contacts = [str(o["at"]) for o in counting
                if o.get("status") in STAGE_RANK and o.get("at") is not None]
    return Standing(
        stage=max((STAGE_RANK.get(str(o.get("status")), 0) for o in counting), default=0),
        won_amount=sum(float(o.get("amount") or 0) for o in counting if o.get("status") == WON_STATUS),
        lost=any(o.get("status") == LOST_STATUS for o in counting),
        first_contact_at=min(contacts, default=None),
    )


def funnel_counts(leads: Iterable[tuple[bool, Iterable[Mapping[str, Any]]]]) -> dict[str, int]:
    """The funnel of some live leads, each given as (qualified, its outcomes): the definition
    the store's summary tables and their SQL are held to."""
    counts = dict.fromkeys(FUNNEL, 0)
    for qualified, outcomes in leads:
        counts["captured"] += 1
        counts["qualified"] += bool(qualified)
        reached = stage_reached(outcomes)
        for stage, rank in STAGE_RANK.items():
            counts[stage] += reached >= rank
    return counts


def median(values: Iterable[float]) -> float | None:
    data = list(values)
    return round(statistics.median(data), 2) if data else None


def money(value: float | None) -> float:
    """Amounts as numbers that print without float noise."""
    value = float(value or 0)
    return int(value) if value.is_integer() else round(value, 2)


def id_time(record_id: str) -> dt.datetime | None:
    """When a UUIDv7 id was made (its first 48 bits are Unix milliseconds); None otherwise."""
    try:
        value = uuid.UUID(record_id)
    except (ValueError, TypeError, AttributeError):
        return None
    if value.version != 7:
        return None
    return dt.datetime.fromtimestamp((value.int >> 80) / 1000, tz=dt.UTC)


def effectiveness_key(item: Mapping[str, Any]) -> tuple[float, float, float]:
    """How well a collateral item did: net helped votes, then rating, then use."""
    return (
        (item.get("helped") or 0) - (item.get("not_helped") or 0),
        item.get("avg_rating") or 0.0,
        item.get("uses") or 0,
    )


def top_and_bottom(items: Sequence[Mapping[str, Any]], n: int = 10) -> tuple[list[str], list[str]]:
    """Ids of the best items (best first) and the worst (worst first); only items with a vote
    or a rating are ranked."""
    judged = [
        i for i in items if (i.get("helped") or i.get("not_helped") or i.get("ratings"))
    ]
    ordered = sorted(judged, key=lambda i: (effectiveness_key(i), i["id"]), reverse=True)
    # With few judged items the better half is the top and the rest the bottom, never both.
    half = (len(ordered) + 1) // 2
    top = [i["id"] for i in ordered[: min(n, half)]]
    bottom = [i["id"] for i in reversed(ordered[len(top):])][:n]
    return top, bottom


# Follow-up service levels, per event. A lead's service level is decided once it was contacted
# or its due time (`fieldnote.followups`) has passed; the share counts, of those, the ones first
# contacted no later than due. Times to first contact are hours from capture, per grade group.
SERVICE_LEVEL_SHARE = "contacted_within_service_level"
FIRST_CONTACT_MEDIAN = "median_hours_to_first_contact"


def service_level_figures(
    leads: Iterable[tuple[str | None, str | None, float | None]],
    levels: Mapping[str, dt.timedelta],
    now: dt.datetime,
) -> dict[str, Any]:
    """The follow-up figures of some live leads, each given as (grade, captured_at, days from
    capture to first contact or None): the share contacted within their service level (None
    when no lead's is decided yet) and the median hours to first contact per grade group."""
    from fieldnote.followups import due_at, level_of

    decided = within = 0
    hours: dict[str, list[float]] = {g: [] for g in GRADE_GROUPS}
    for grade, captured_at, delay_days in leads:
        contacted = delay_days is not None and delay_days >= 0
        due = due_at(captured_at, grade, levels)
        if due is None:
            continue
        if contacted:
            decided += 1
            delay = dt.timedelta(days=float(delay_days or 0))
            within += delay <= level_of(grade, levels)
            group = grade if grade in hours else "ungraded"
            hours[group].append(delay.total_seconds() / 3600)
        elif due < now:
            decided += 1
    return {
        SERVICE_LEVEL_SHARE: rate(within, decided),
        FIRST_CONTACT_MEDIAN: {group: median(values) for group, values in hours.items()},
    }


# Collateral mailed to visitors (`fieldnote.sending`): per item and per event, the links
# mailed, how many of them the visitor opened, the opens recorded (each "opened by recipient"
# collateral usage), and the median hours from the mail to a link's first open.
RECIPIENT_FIGURES = ("mailed", "opened", "opens", "median_hours_to_first_open")


def _hours_between(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    try:
        a = dt.datetime.fromisoformat(start.replace("Z", "+00:00"))
        b = dt.datetime.fromisoformat(end.replace("Z", "+00:00"))
    except ValueError:
        return None
    return max(0.0, (b - a).total_seconds() / 3600)


def recipient_open_figures(
    links: Iterable[tuple[str, str | None, str | None, str | None]],
    opens: Iterable[tuple[str, str | None, int]],
) -> dict[str, dict[str, dict[str, Any]]]:
    """`links`: (item, event, mailed at, first opened at) per mailed link; `opens`: (item,
    event, how many) of the recorded opens. Returns {"by_item": {item: figures}, "by_event":
    {event or NO_EVENT: figures}} with the `RECIPIENT_FIGURES` of each."""
    out: dict[str, dict[str, dict[str, Any]]] = {"by_item": {}, "by_event": {}}
    hours: dict[tuple[str, str], list[float]] = {}

    def bucket(side: str, key: str) -> dict[str, Any]:
        return out[side].setdefault(key, {"mailed": 0, "opened": 0, "opens": 0,
                                          "median_hours_to_first_open": None})

    for item, event, mailed_at, first_open in links:
        for side, key in (("by_item", item), ("by_event", event or NO_EVENT)):
            figures = bucket(side, key)
            figures["mailed"] += 1
            if first_open:
                figures["opened"] += 1
                took = _hours_between(mailed_at, first_open)
                if took is not None:
                    hours.setdefault((side, key), []).append(took)
    for item, event, count in opens:
        for side, key in (("by_item", item), ("by_event", event or NO_EVENT)):
            bucket(side, key)["opens"] += int(count)
    for (side, key), values in hours.items():
        found = median(values)
        out[side][key]["median_hours_to_first_open"] = None if found is None else round(found, 1)
    return out
