"""The "already known?" look-up: whether a person (by email) is a lead anywhere, a customer, and
which team owns them, answered with `fieldnote.lookup`'s four facts only; and the per-user
throttle that keeps the look-up from being a way to enumerate contacts.

The throttle counts look-ups per user in a fixed window, in the same counter table as sign-in
attempts (key `lookup:<user id>`), so every hub process on one database shares the count.
Nothing here reads or returns another team's notes, answers or amounts.
"""

from __future__ import annotations

import math
import time
from typing import Any

from sqlalchemy import Engine, and_, case, func, select
from sqlalchemy.dialects import postgresql, sqlite

from fieldnote.lookup import LookupAnswer, answer_from
from hub.db.engine import write_lock, writer
from hub.db.tables import RECORD_TABLES, login_failures
from hub.settings import Limits

LEADS = RECORD_TABLES["lead"]
OUTCOMES = RECORD_TABLES["lead_outcome"]
USERS = RECORD_TABLES["user"]

# More leads than this with one email is no person's history but a shared address; the answer
# is read from the newest of them.
_MAX_LEADS = 200


class LookupThrottled(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__("Too many look-ups; try again later")
        self.retry_after = max(1, math.ceil(retry_after))


def admit(engine: Engine, limits: Limits, user_id: str, now: float | None = None) -> None:
    """Count one look-up of `user_id`; `LookupThrottled` when the window's limit is used up.

    One `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` per look-up: concurrent look-ups of
    one user (threads or worker processes) are counted one by one."""
    now = time.time() if now is None else now
    t = login_failures
    key = f"lookup:{user_id}"[:250]
    fresh = t.c.first_at <= now - limits.lookup_window_s
    stmt = _upsert_for(engine).values(key=key, failures=1, first_at=now, locked_until=0.0)
    stmt = stmt.on_conflict_do_update(
        index_elements=[t.c.key],
        set_={
            "failures": case((fresh, 1), else_=t.c.failures + 1),
            "first_at": case((fresh, now), else_=t.c.first_at),
        },
    ).returning(t.c.failures, t.c.first_at)
    with write_lock(engine), writer(engine).begin() as conn:
        count, first_at = conn.execute(stmt).one()
    if count > limits.lookup_limit:
        raise LookupThrottled(float(first_at) + limits.lookup_window_s - now)


def _upsert_for(engine: Engine) -> Any:
    """The dialect's INSERT with ON CONFLICT (PostgreSQL's or SQLite's)."""
    if engine.dialect.name == "postgresql":
        return postgresql.insert(login_failures)
    return sqlite.insert(login_failures)


def look_up(engine: Engine, email_key: str) -> LookupAnswer:
    """The answer for `email_key` (`fieldnote.lookup.lookup_key`) over every team's leads."""
    with engine.connect() as conn:
        leads = [dict(r) for r in conn.execute(
            select(LEADS.c.id, LEADS.c.owner_id, LEADS.c.captured_at, LEADS.c.deleted)
            .where(and_(func.lower(LEADS.c.email) == email_key, LEADS.c.deleted.is_(False)))
            .order_by(LEADS.c.id.desc()).limit(_MAX_LEADS)
        ).mappings()]
        if not leads:
            return LookupAnswer()
        ids = [lead["id"] for lead in leads]
        outcomes = [dict(r) for r in conn.execute(
            select(OUTCOMES.c.id, OUTCOMES.c.lead_id, OUTCOMES.c.status, OUTCOMES.c.at,
                   OUTCOMES.c.retracts, OUTCOMES.c.deleted)
            .where(OUTCOMES.c.lead_id.in_(ids))
        ).mappings()]
        owners = {lead["owner_id"] for lead in leads if lead["owner_id"]}
        teams = {r.id: r.team for r in conn.execute(
            select(USERS.c.id, USERS.c.team).where(USERS.c.id.in_(owners)))} if owners else {}
    return answer_from(leads, outcomes, teams)
