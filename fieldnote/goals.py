"""Booth goals: what an event's team and each of its staff aim to capture, and how far they
are, defined once for the event editor, the capture screen's counter, the booth board, the
hub and the command line.

An event carries its goals in the field `goals`, a list of objects::

    [{"metric": "leads", "scope": "team", "period": "day", "target": 150},
     {"metric": "qualified", "scope": "<user id>", "period": "show", "target": 40}]

- `metric` is what counts (`METRICS`): every lead captured at the event (`leads`), the leads
  the rubric qualified (`qualified`), the leads it graded hot (`hot`). Qualified and hot are
  the stored results of the rubric (`fieldnote.scoring`: `qualified`, `grade`), read as they
  are; a quick scan still waiting in the "to qualify" queue counts as a lead and nothing more
  until it is qualified.
- `scope` is `"team"` (every lead of the event, whoever captured it) or a staff member's user
  id (the leads that person captured: `captured_by`).
- `period` is `"day"` (today: from midnight to midnight on the booth's clock, the time zone
  given by the caller) or `"show"` (every lead of the event, whenever captured).
- `target` is a whole number from 1 to `MAX_TARGET`. One goal per metric, scope and period.

Progress is the count against the target; the percent is rounded down, so 99.6 % is 99 % and
the goal is reached exactly when the count is at least the target. Deleted leads never count.

Pure Python: nothing here reads a database or knows about Qt.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldnote.kinds import GRADES

METRICS = ("leads", "qualified", "hot")
PERIODS = ("day", "show")
TEAM = "team"
MAX_TARGET = 100_000
MAX_GOALS = 100
_KEYS = frozenset({"metric", "scope", "period", "target"})
# The grade a lead must have to count as hot: the rubric's highest (`fieldnote.kinds.GRADES`).
HOT = GRADES[0]


class GoalsInvalid(ValueError):
    """The goals of an event cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Goal:
    metric: str
    scope: str  # TEAM or a user id
    period: str
    target: int

    @property
    def is_team(self) -> bool:
        return self.scope == TEAM

    def as_json(self) -> dict[str, Any]:
        return {"metric": self.metric, "scope": self.scope, "period": self.period,
                "target": self.target}


def parse_goals(raw: object) -> tuple[Goal, ...]:
    """The goals of an event's `goals` field (None: none), or `GoalsInvalid` naming the first
    entry that cannot be used (counted from 1) and why."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise GoalsInvalid("must be a list of goals")
    if len(raw) > MAX_GOALS:
        raise GoalsInvalid(f"has too many goals (at most {MAX_GOALS})")
    goals: list[Goal] = []
    seen: set[tuple[str, str, str]] = set()
    for n, entry in enumerate(raw, start=1):
        where = f"goal {n}"
        if not isinstance(entry, Mapping):
            raise GoalsInvalid(f"{where}: must be an object with metric, scope, period, target")
        unknown = sorted(str(k) for k in entry if k not in _KEYS)
        if unknown:
            raise GoalsInvalid(f"{where}: unknown key {unknown[0]!r}")
        metric, scope, period = entry.get("metric"), entry.get("scope"), entry.get("period")
        target = entry.get("target")
        if metric not in METRICS:
            raise GoalsInvalid(f"{where}: metric must be one of {', '.join(METRICS)}")
        if period not in PERIODS:
            raise GoalsInvalid(f"{where}: period must be one of {', '.join(PERIODS)}")
        scope = _scope(scope, where)
        if isinstance(target, bool) or not isinstance(target, int) \
                or not 1 <= target <= MAX_TARGET:
            raise GoalsInvalid(f"{where}: target must be a whole number from 1 to {MAX_TARGET:,}")
        key = (str(metric), scope, str(period))
        if key in seen:
            raise GoalsInvalid(f"{where}: a second goal for the same metric, person and period")
        seen.add(key)
        goals.append(Goal(str(metric), scope, str(period), target))
    return tuple(goals)


def _scope(scope: object, where: str) -> str:
    if scope == TEAM:
        return TEAM
    if isinstance(scope, str):
        try:
            return str(uuid.UUID(scope))
        except ValueError:
            pass
    raise GoalsInvalid(f"{where}: scope must be \"team\" or a staff member's user id")


def goals_of(event: Mapping[str, Any] | None) -> tuple[Goal, ...]:
    """An event's goals as stored (checked when saved); none when it has none or they cannot
    be read (an older record): a counter shows nothing rather than failing."""
    try:
        return parse_goals((event or {}).get("goals"))
    except GoalsInvalid:
        return ()


def follows(event: Mapping[str, Any], today: dt.date) -> bool:
    """Whether a device keeps the team's figures of this event fresh at each sync: it has goals
    and has not ended more than a day before `today` (nor starts more than a day after)."""
    if not goals_of(event):
        return False
    starts, ends = event.get("starts_on"), event.get("ends_on")
    day = dt.timedelta(days=1)
    if ends and str(ends) < (today - day).isoformat():
        return False
    return not (starts and str(starts) > (today + day).isoformat())


# -- counting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """What a goal needs of one lead, and nothing about its person: who captured it, when, and
    the rubric's result."""

    captured_by: str | None
    captured_at: dt.datetime | None  # aware (UTC)
    qualified: bool
    grade: str | None

    def as_json(self) -> list[Any]:
        at = self.captured_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") \
            if self.captured_at else None
        return [self.captured_by, at, self.qualified, self.grade]

    @classmethod
    def from_json(cls, row: Sequence[Any]) -> Tally:
        by, at, qualified, grade = row
        return cls(by or None, _moment(at), bool(qualified), grade or None)


def tally_of(lead: Mapping[str, Any]) -> Tally | None:
    """A lead's tally, or None for a deleted lead (it never counts)."""
    if lead.get("deleted"):
        return None
    return Tally(lead.get("captured_by") or None, _moment(lead.get("captured_at")),
                 lead.get("qualified") is True, lead.get("grade") or None)


def _moment(value: object) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)  # reads a trailing Z (Python 3.11+)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def counts_for(metric: str, tally: Tally) -> bool:
    """Whether a (live) lead counts towards a goal of `metric`."""
    if metric == "qualified":
        return tally.qualified
    if metric == "hot":
        return tally.grade == HOT
    return metric == "leads"


def day_window(now: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """Today on the booth's clock: from the midnight that began the day of `now` (aware, in the
    booth's time zone) to the next midnight, in UTC (a day the clocks change is 23 or 25
    hours long)."""
    if now.tzinfo is None:
        raise ValueError("now must carry the booth's time zone")
    tz = now.tzinfo
    start = dt.datetime.combine(now.date(), dt.time(), tzinfo=tz)
    end = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def in_period(period: str, tally: Tally, now: dt.datetime) -> bool:
    if period == "show":
        return True
    if tally.captured_at is None:
        return False
    start, end = day_window(now)
    return start <= tally.captured_at < end


def count(goal: Goal | tuple[str, str, str], tallies: Iterable[Tally], now: dt.datetime) -> int:
    """How many of `tallies` count towards a goal (or a (metric, scope, period) without a
    target) at `now`."""
    metric, scope, period = ((goal.metric, goal.scope, goal.period) if isinstance(goal, Goal)
                             else goal)
    return sum(1 for t in tallies
               if (scope == TEAM or t.captured_by == scope)
               and counts_for(metric, t) and in_period(period, t, now))


def percent(value: int, target: int) -> int:
    """The share of the target reached, in whole percent rounded down (may pass 100)."""
    return math.floor(value * 100 / target) if target > 0 else 0


@dataclass(frozen=True)
class Progress:
    goal: Goal
    count: int

    @property
    def percent(self) -> int:
        return percent(self.count, self.goal.target)

    @property
    def reached(self) -> bool:
        return self.count >= self.goal.target

    def as_json(self) -> dict[str, Any]:
        return {**self.goal.as_json(), "count": self.count, "percent": self.percent,
                "reached": self.reached}


def progress(goals: Iterable[Goal], tallies: Iterable[Tally], now: dt.datetime) -> list[Progress]:
    """Each goal with its count at `now`, in the goals' order."""
    rows = list(tallies)
    return [Progress(g, count(g, rows, now)) for g in goals]


def combined(mine: Iterable[Tally], others: Iterable[Tally], me: str | None) -> list[Tally]:
    """The team's tallies as a device knows them: its own user's leads from the device's store
    (live, including those not synced yet) and everyone else's from the hub's last answer
    (whose own entries for `me` are dropped, so no lead counts twice)."""
    return [*mine, *(t for t in others if me is None or t.captured_by != me)]


def people(goals: Iterable[Goal], staff: Iterable[str], tallies: Iterable[Tally]) -> list[str]:
    """The staff members a board shows: the event's booth staff, then anyone with a goal of
    their own, then anyone else who captured leads there, each once, in that order."""
    order = [*staff, *(g.scope for g in goals if not g.is_team),
             *(t.captured_by for t in tallies if t.captured_by)]
    return list(dict.fromkeys(order))
