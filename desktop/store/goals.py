"""Booth goals as this device counts them (`fieldnote.goals`): its own user's figures live from
the local store, everyone else's from the hub's tallies kept at the last sync (`TALLIES_KEY`,
written by the sync engine), or from the leads this device holds when it has none.

Reads only; it runs on the parallel lane and hands the UI plain data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, and_, select

from desktop.store.db import make_engine
from desktop.store.records import Store
from desktop.store.schema import record_tables, sync_state
from fieldnote.goals import (
    Goal,
    Progress,
    Tally,
    combined,
    count,
    goals_of,
    people,
    progress,
    tally_of,
)

# sync_state: {event_id: {"as_of": ISO 8601 UTC, "tallies": [Tally.as_json(), ...]}}
TALLIES_KEY = "goal_tallies"

LEADS = record_tables["lead"]
USERS = record_tables["user"]
EVENTS = record_tables["event"]


@dataclass(frozen=True)
class PersonFigures:
    """One staff member on the board: their own goals, and their counts of what the team's
    goals count (for a person without a goal of that kind)."""

    user_id: str
    name: str
    goals: list[Progress]
    counts: dict[tuple[str, str], int]


@dataclass(frozen=True)
class GoalFigures:
    event_id: str
    event_name: str
    goals: tuple[Goal, ...]
    team: list[Progress]  # the team's goals
    mine: list[Progress]  # the signed-in user's own goals
    my_counts: dict[tuple[str, str], int]  # (metric, period) of each team goal, for me
    as_of: str | None  # when the hub counted the others; None: from this device alone
    staff: list[PersonFigures] = field(default_factory=list)


class GoalBook:
    """Reads on their own engine (deferred transactions, never the write lock), or on the one
    given (a page's `LeadBook.reader`), which stays its owner's to dispose."""

    def __init__(self, store: Store, reader: Engine | None = None) -> None:
        self.store = store
        database = store.engine.url.database
        self._own = reader is None and bool(database) and database != ":memory:"
        self.reader: Engine = (reader if reader is not None
                               else make_engine(Path(str(database)), writer=False) if self._own
                               else store.engine)

    def dispose(self) -> None:
        if self._own:
            self.reader.dispose()

    def _event(self, event_id: str) -> dict[str, Any] | None:
        with self.reader.connect() as conn:
            row = conn.execute(select(EVENTS).where(and_(EVENTS.c.id == event_id,
                                                         EVENTS.c.deleted.is_(False)))
                               ).mappings().first()
        return dict(row) if row else None

    def event_name(self, event_id: str) -> str:
        event = self._event(event_id)
        return str(event.get("name") or "") if event else ""

    def _snapshot(self, event_id: str) -> Mapping[str, Any]:
        with self.reader.connect() as conn:
            value = conn.execute(select(sync_state.c.value)
                                 .where(sync_state.c.key == TALLIES_KEY)).scalar()
        return (value or {}).get(event_id) or {} if isinstance(value, dict) else {}

    def _tallies(self, event_id: str) -> list[tuple[Tally, str | None]]:
        with self.reader.connect() as conn:
            rows = conn.execute(
                select(LEADS.c.captured_by, LEADS.c.captured_at, LEADS.c.qualified,
                       LEADS.c.grade, LEADS.c.deleted, LEADS.c.owner_id)
                .where(and_(LEADS.c.event_id == event_id, LEADS.c.deleted.is_(False)))
            ).mappings()
            out = []
            for r in rows:
                t = tally_of(dict(r))
                if t is not None:
                    out.append((t, r["owner_id"]))
            return out

    def _names(self) -> dict[str, str]:
        with self.reader.connect() as conn:
            return {r.id: str(r.name or r.email or "") for r in conn.execute(
                select(USERS.c.id, USERS.c.name, USERS.c.email)
                .where(USERS.c.deleted.is_(False)))}

    def figures(self, event_id: str | None, me: str | None, now: dt.datetime,
                *, with_staff: bool = False) -> GoalFigures | None:
        """The goals of `event_id` with this device's figures at `now` (aware, the booth's
        clock); None when the event has no goals."""
        if not event_id:
            return None
        event = self._event(event_id)
        if not event:
            return None
        goals = goals_of(event)
        if not goals:
            return None
        local = self._tallies(event_id)
        mine = [t for t, _owner in local if me is None or t.captured_by == me]
        snapshot = self._snapshot(event_id)
        as_of = snapshot.get("as_of") if snapshot else None
        if snapshot:
            others = [Tally.from_json(row) for row in snapshot.get("tallies") or []]
        else:
            others = [t for t, _owner in local if me is not None and t.captured_by != me]
        team = combined(mine, others, me)
        team_goals = [g for g in goals if g.is_team]
        figures = GoalFigures(
            event_id=event_id, event_name=str(event.get("name") or ""), goals=goals,
            team=progress(team_goals, team, now),
            mine=progress([g for g in goals if me is not None and g.scope == me], mine, now),
            my_counts={(g.metric, g.period): count((g.metric, me or "team", g.period), mine, now)
                       for g in team_goals},
            as_of=as_of,
        )
        if not with_staff:
            return figures
        names = self._names()
        staff = []
        for uid in people(goals, event.get("booth_staff") or [], team):
            own = [g for g in goals if g.scope == uid]
            staff.append(PersonFigures(
                user_id=uid, name=names.get(uid) or "?", goals=progress(own, team, now),
                counts={(g.metric, g.period): count((g.metric, uid, g.period), team, now)
                        for g in team_goals}))
        return GoalFigures(**{**figures.__dict__, "staff": staff})
