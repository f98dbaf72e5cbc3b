"""Outcomes back from a CRM report: the rows of a report (`fieldnote.crm`) matched to this
device's leads, the outcome entries they add, and writing those entries with their outbox rows.

The rules (what a CRM value means, when a row matches a lead, when it adds an outcome) are
`fieldnote.crm`'s; this module only reads and writes. Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, func, select

from desktop.store.queries import live
from desktop.store.records import Store
from desktop.store.schema import record_tables
from fieldnote.crm import OutcomeReport, adds_outcome, match_lead, outcome_fields
from fieldnote.kinds import spec

LEADS = record_tables["lead"]
OUTCOMES = record_tables["lead_outcome"]
EVENTS = record_tables["event"]
_CHUNK = 500


@dataclass
class OutcomeChange:
    """An outcome entry a report row adds to a lead."""

    line: int
    lead_id: str
    name: str  # the lead's name or company, for the preview
    fields: dict[str, Any]


@dataclass
class OutcomePlan:
    """What importing a report does: the entries it adds and why the other rows add none."""

    format: str
    rows: int
    changes: list[OutcomeChange] = field(default_factory=list)
    unchanged: int = 0  # matched rows whose lead has this outcome, or a later one, already
    no_outcome: int = 0  # matched rows that say nothing has happened yet
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (line, why)
    unknown: list[tuple[int, str, str]] = field(default_factory=list)  # (line, column, value)
    problems: list[str] = field(default_factory=list)  # "line N: ..." rows not used


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def _name(lead: Mapping[str, Any]) -> str:
    person = " ".join(p for p in (lead.get("first_name"), lead.get("last_name")) if p)
    return person or str(lead.get("company") or lead.get("email") or lead["id"])


class CrmOutcomes:
    """Plans and applies the outcome entries of a CRM report on one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def plan(self, report: OutcomeReport, *, now: str) -> OutcomePlan:
        """The entries `report` (read and not refused) adds, without writing anything."""
        assert report.format is not None, "a refused report has nothing to plan"
        plan = OutcomePlan(report.format, len(report.rows), unknown=list(report.unknown),
                           problems=list(report.problems))
        ids = sorted({r.lead_id for r in report.rows if r.lead_id})
        emails = sorted({r.email.casefold() for r in report.rows if r.email and not r.lead_id})
        columns = (LEADS.c.id, LEADS.c.event_id, LEADS.c.email, LEADS.c.first_name,
                   LEADS.c.last_name, LEADS.c.company)
        by_id: dict[str, dict[str, Any]] = {}
        by_email: dict[str, list[dict[str, Any]]] = {}
        with self.store.engine.connect() as conn:
            for chunk in _chunks(ids):
                for r in conn.execute(select(*columns).where(
                        and_(live(LEADS), LEADS.c.id.in_(chunk)))).mappings():
                    by_id[str(r["id"]).lower()] = dict(r)
            for chunk in _chunks(emails):
                for r in conn.execute(select(*columns).where(
                        and_(live(LEADS), func.lower(LEADS.c.email).in_(chunk)))).mappings():
                    by_email.setdefault(str(r["email"]).casefold(), []).append(dict(r))
            events = {str(e["id"]): [e["name"], e["campaign_code"]] for e in conn.execute(
                select(EVENTS.c.id, EVENTS.c.name, EVENTS.c.campaign_code)
                .where(live(EVENTS))).mappings()}
            leads = {str(lead["id"]): lead for lead in
                     [*by_id.values(), *(x for xs in by_email.values() for x in xs)]}
            outcomes: dict[str, list[dict[str, Any]]] = {}
            for chunk in _chunks(sorted(leads)):
                for r in conn.execute(select(OUTCOMES).where(and_(
                        OUTCOMES.c.lead_id.in_(chunk), OUTCOMES.c.deleted.is_(False)))).mappings():
                    outcomes.setdefault(str(r["lead_id"]), []).append(dict(r))
        for row in report.rows:
            found = by_id.get(row.lead_id) if row.lead_id else None
            match = match_lead(row, found, by_email.get((row.email or "").casefold(), []), events)
            if match.lead_id is None:
                plan.unmatched.append((row.line, match.reason))
                continue
            had = outcomes.setdefault(match.lead_id, [])
            if row.status is None:
                plan.no_outcome += 1
            elif not adds_outcome(row.status, had):
                plan.unchanged += 1
            else:
                fields = outcome_fields(match.lead_id, row, report.format, now=now)
                # Later rows about the same lead see this one (a report may list a lead twice).
                had.append({"id": f"planned-{row.line}", **fields})
                plan.changes.append(OutcomeChange(row.line, match.lead_id,
                                                  _name(leads[match.lead_id]), fields))
        return plan

    def apply(self, plan: OutcomePlan, *, author_id: str | None = None) -> list[str]:
        """Write the plan's entries, each with its outbox row, in one transaction; their ids."""
        ks = spec("lead_outcome")
        local = {"author_id": author_id} if author_id else None
        saved: list[str] = []
        with self.store.engine.begin() as conn:
            for change in plan.changes:
                result = self.store.save_in(conn, ks, change.fields, local_fields=local)
                saved.append(result.record_id)
        if saved:
            self.store.notify("lead_outcome", saved)
        return saved
