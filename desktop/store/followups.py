"""The follow-ups and routing rules of this device's copy: which owned leads wait for their first
contact and when each is due, overdue counts per owner, and the routing record.

The rules themselves (due times, what waits, which rules are valid) are `fieldnote.followups`
and `fieldnote.routing`; this module only reads rows for them and saves the routing record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import and_, exists, literal_column, not_, select

from desktop.store.db import reading
from desktop.store.leads import counting_outcome
from desktop.store.queries import live
from desktop.store.records import HUB_SETTINGS_KEY, Store
from desktop.store.schema import record_tables
from fieldnote import followups as rules
from fieldnote.routing import ROUTING_ID, Rule, dump_rules, parse_rules

LEADS = record_tables["lead"]
OUTCOMES = record_tables["lead_outcome"]
USERS = record_tables["user"]
ROUTING = record_tables["routing"]


def _waiting() -> Any:
    """A live lead with no counting outcome (`fieldnote.followups.waits_for_follow_up`)."""
    return and_(
        live(LEADS),  # `+deleted`: the ids, owner or grade drive the query, not an index on deleted
        not_(exists().where(and_(OUTCOMES.c.lead_id == LEADS.c.id, counting_outcome()))),
    )


class FollowUpBook:
    """Follow-ups and routing over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def levels(self) -> dict[str, dt.timedelta]:
        """The service level per grade: the hub settings the last pull brought, or defaults."""
        settings = self.store.get_state(HUB_SETTINGS_KEY)
        return rules.service_levels(settings if isinstance(settings, dict) else None)

    def for_owner(self, owner_id: str, now: dt.datetime | None = None,
                  overdue_only: bool = False) -> list[dict[str, Any]]:
        """The owner's leads waiting for follow-up, as `followups --json` rows, oldest due
        first."""
        now = now or dt.datetime.now(dt.UTC)
        levels = self.levels()
        with reading(self.engine) as conn:
            email = conn.execute(select(USERS.c.email).where(USERS.c.id == owner_id)).scalar()
            leads = conn.execute(
                select(LEADS.c.id, LEADS.c.first_name, LEADS.c.last_name, LEADS.c.company,
                       LEADS.c.grade, LEADS.c.captured_at)
                .where(_waiting(), LEADS.c.owner_id == owner_id)
            ).mappings().all()
        rows = [rules.followup_row(dict(lead), email, levels, now) for lead in leads]
        if overdue_only:
            rows = [r for r in rows if r["overdue"]]
        return rules.order(rows)

    def overdue_by_owner(self, now: dt.datetime | None = None) -> list[dict[str, Any]]:
        """Overdue leads counted per owner among the leads this device sees (a manager's team),
        most overdue first: `{"owner_id", "name", "email", "overdue", "waiting"}`."""
        now = now or dt.datetime.now(dt.UTC)
        levels = self.levels()
        counts: dict[str, list[int]] = {}
        with reading(self.engine) as conn:
            leads = conn.execute(
                select(LEADS.c.owner_id, LEADS.c.grade, LEADS.c.captured_at).where(_waiting())
            ).all()
            users = {r.id: r for r in conn.execute(select(USERS.c.id, USERS.c.name,
                                                          USERS.c.email))}
        for owner_id, grade, captured_at in leads:
            entry = counts.setdefault(owner_id or "", [0, 0])
            entry[1] += 1
            entry[0] += rules.is_overdue(rules.due_at(captured_at, grade, levels), now)
        out = []
        for owner_id, (overdue, waiting) in counts.items():
            user = users.get(owner_id)
            out.append({"owner_id": owner_id or None, "name": user.name if user else None,
                        "email": user.email if user else None, "overdue": overdue,
                        "waiting": waiting})
        return sorted(out, key=lambda r: (-r["overdue"], -r["waiting"], r["name"] or ""))

    def hot_waiting(self, owner_id: str, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Of `ids` (None: all), the hot leads the owner has that wait for follow-up, with who
        captured them (for a notice)."""
        if not owner_id:
            return []
        columns = (LEADS.c.id, LEADS.c.first_name, LEADS.c.last_name, LEADS.c.company,
                   LEADS.c.captured_by)
        mine = and_(_waiting(), LEADS.c.owner_id == owner_id, LEADS.c.grade == "hot")
        with reading(self.engine) as conn:
            if ids is None:
                return [dict(r) for r in conn.execute(select(*columns).where(mine)).mappings()]
            # The ids drive (a capture announces a few after each save): owner and grade are
            # checked on the rows found (`+`), not read off their indexes, which would walk
            # every lead of the owner.
            mine = and_(_waiting(), literal_column("+rec_lead.owner_id") == owner_id,
                        literal_column("+rec_lead.grade") == "hot")
            wanted = list(ids)
            out: list[dict[str, Any]] = []
            for start in range(0, len(wanted), 500):
                out.extend(dict(r) for r in conn.execute(
                    select(*columns).where(mine, LEADS.c.id.in_(wanted[start:start + 500]))
                ).mappings())
        return out

    # -- routing rules -------------------------------------------------------------------

    def routing_rules(self) -> list[Rule]:
        """The routing rules this device holds (none before the first sync that brings them).
        Rules a newer app wrote that this one cannot read count as none."""
        with reading(self.engine) as conn:
            value = conn.execute(select(ROUTING.c.rules).where(
                ROUTING.c.id == ROUTING_ID, ROUTING.c.deleted.is_(False))).scalar()
        try:
            return parse_rules(value or [])
        except ValueError:
            return []

    def save_routing_rules(self, new_rules: Iterable[Rule], author_id: str = "") -> None:
        """Replace the routing rules; queued for the hub, which applies them to leads that
        arrive after it has them."""
        local = {"author_id": author_id} if author_id else None
        self.store.save("routing", {"rules": dump_rules(list(new_rules))}, ROUTING_ID,
                        local_fields=local)


def emails_of(store: Store) -> Mapping[str, str]:
    """Active users' emails (lower case) to their ids, as this device knows them."""
    with reading(store.engine) as conn:
        return {str(r.email).lower(): r.id for r in conn.execute(
            select(USERS.c.id, USERS.c.email, USERS.c.active).where(USERS.c.deleted.is_(False)))
            if r.email and r.active is not False}
