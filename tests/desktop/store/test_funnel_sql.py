"""The funnel's kept totals follow the one definition of the funnel.

The triggers that keep them are generated from `fieldnote.insights` (`desktop.store.funnel_sql`):
a freshly migrated store holds exactly the generated triggers, and after any sequence of local
writes (capture, edits of grade, qualification and event, outcomes and their withdrawal,
deletes, collateral use), pulls of leads and outcomes from another device, person erasures
turning leads into anonymous stubs, and records dropped from the cache, the kept totals equal
the ones `fieldnote.insights` computes from scratch over the stored records.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store import open_store
from desktop.store.funnel_sql import triggers
from desktop.store.insights import InsightsQueries
from desktop.store.leads import LeadBook
from desktop.store.syncing import SyncStore
from fieldnote.insights import (
    FUNNEL,
    STAGE_RANK,
    WON_STATUS,
    InsightFilters,
    Standing,
    funnel_counts,
    lead_standing,
)
from fieldnote.kinds import FUNNEL_STAGES, GRADES, OUTCOME_STATUSES
from fieldnote.outcomes import NotRetractable
from fieldnote.privacy import lead_stub
from fieldnote.wire import Change
from tests.desktop.insights.fixture_data import TODAY, uid
from tests.support.examples import examples

# One migrated store file, copied for each example (migrating per example would be slow).
_TEMPLATE = Path(tempfile.mkdtemp()) / "template.sqlite3"
open_store(_TEMPLATE).engine.dispose()

EVENTS = (uid(11), uid(12))
OWNERS = (uid(1), uid(2))
RUBRIC = uid(21)
LEADS = [uid(100 + n) for n in range(6)]
ITEMS = (uid(201), uid(202))
AMOUNTS = (None, 0, 0.1, 99.99, 1500)
NO_STANDING = lead_standing([])


def test_a_migrated_store_holds_the_generated_funnel_triggers(tmp_path):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    try:
        with store.engine.connect() as conn:
            stored = dict(conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())
    finally:
        store.engine.dispose()
    generated = triggers()
    assert set(generated) <= set(stored)
    for name, body in generated.items():
        # A change of the rule needs a migration that creates these triggers again
        # (`python -m desktop.store.funnel_sql` prints them).
        assert " ".join(stored[name].split()) == " ".join(f"CREATE TRIGGER {name} {body}".split()), name


def test_the_generated_stages_follow_the_defined_ranks():
    body = triggers()["insights_stage_outcome_ai"]
    for status, rank in STAGE_RANK.items():
        assert f"WHEN '{status}' THEN {rank}" in body
    assert f"status = '{WON_STATUS}'" in body
    sums = triggers()["insights_total_stage_ai"]
    assert all(f"NEW.stage >= {STAGE_RANK[s]}" in sums for s in FUNNEL_STAGES)


# -- random writes, pulls and erasures against the definition computed from scratch --------

lead_i = st.integers(0, len(LEADS) - 1)
step = st.one_of(
    st.tuples(st.just("capture"), lead_i, st.integers(0, 1), st.integers(0, len(GRADES)),
              st.booleans(), st.integers(0, 1), st.integers(1, 9)),
    st.tuples(st.just("edit"), lead_i, st.integers(0, 1), st.integers(0, len(GRADES)), st.booleans()),
    st.tuples(st.just("outcome"), lead_i, st.sampled_from(OUTCOME_STATUSES),
              st.sampled_from(AMOUNTS), st.integers(0, 12)),
    st.tuples(st.just("retract"), st.integers(0, 20)),
    st.tuples(st.just("delete_lead"), lead_i),
    st.tuples(st.just("delete_outcome"), st.integers(0, 20)),
    st.tuples(st.just("use"), st.integers(0, 1), lead_i, st.booleans()),
    st.tuples(st.just("pull_lead"), lead_i, st.integers(0, 1), st.integers(0, len(GRADES)),
              st.booleans(), st.booleans(), st.integers(1, 9)),
    st.tuples(st.just("pull_outcome"), lead_i, st.sampled_from(OUTCOME_STATUSES),
              st.sampled_from(AMOUNTS), st.integers(0, 12), st.booleans()),
    st.tuples(st.just("pull_retraction"), st.integers(0, 20), st.booleans()),
    st.tuples(st.just("erase"), lead_i),
    st.tuples(st.just("forget"), st.sampled_from(("rec_lead", "rec_lead_outcome")), st.integers(0, 20)),
)


def _grade(n: int) -> str | None:
    return GRADES[n] if n < len(GRADES) else None


class _Run:
    """Applies the steps through the store, the lead book and the sync engine."""

    def __init__(self, path: Path) -> None:
        self.store = open_store(path)
        self.book = LeadBook(self.store)
        self.sync = SyncStore(self.store)
        self.version = 100
        self.outcomes: list[str] = []
        self.pull("event", EVENTS[0], {"name": "Expo"})
        self.pull("event", EVENTS[1], {"name": "Summit"})

    def close(self) -> None:
        self.book.dispose()
        self.store.engine.dispose()

    def pull(self, kind: str, record_id: str, fields: dict[str, Any], deleted: bool = False) -> None:
        self.version += 1
        self.sync.apply_page([Change(kind=kind, record_id=record_id, version=self.version,
                                     deleted=deleted, fields=fields)], f"c{self.version}")

    def editable(self, lead_id: str) -> dict[str, Any] | None:
        lead = self.store.get("lead", lead_id)
        if lead is None or lead.get("deleted") or lead.get("erased_at"):
            return None
        return lead

    def outcome_id(self, n: int) -> str | None:
        return self.outcomes[n % len(self.outcomes)] if self.outcomes else None

    def apply(self, op: tuple[Any, ...]) -> None:
        kind = op[0]
        if kind == "capture":
            _, i, event, grade, qualified, owner, day = op
            if self.store.get("lead", LEADS[i]) is not None:
                return
            self.book.save_capture(
                {"last_name": f"Lead{i}", "company": "Acme", "source": "manual",
                 "event_id": EVENTS[event], "grade": _grade(grade), "qualified": qualified,
                 "rubric_id": RUBRIC, "rubric_version": 1,
                 "captured_at": f"2026-10-0{day}T09:00:00Z"},
                LEADS[i], local_fields={"owner_id": OWNERS[owner]})
        elif kind == "edit":
            _, i, event, grade, qualified = op
            if self.editable(LEADS[i]) is not None:
                self.store.save("lead", {"event_id": EVENTS[event], "grade": _grade(grade),
                                         "qualified": qualified}, LEADS[i])
        elif kind == "outcome":
            _, i, status, amount, day = op
            fields = {"lead_id": LEADS[i], "status": status,
                      "at": f"2026-10-{day + 1:02d}T10:00:00Z"}
            if amount is not None:
                fields["amount"] = amount
            self.outcomes.append(self.store.save("lead_outcome", fields).record_id)
        elif kind == "retract":
            target = self.outcome_id(op[1])
            if target is not None and self.store.get("lead_outcome", target) is not None:
                try:
                    self.outcomes.append(self.book.retract_outcome(target).record_id)
                except NotRetractable:
                    pass
        elif kind == "delete_lead":
            self.store.delete("lead", LEADS[op[1]])
        elif kind == "delete_outcome":
            target = self.outcome_id(op[1])
            if target is not None:
                self.store.delete("lead_outcome", target)
        elif kind == "use":
            _, item, i, gone = op
            use = self.store.save("collateral_usage", {"collateral_id": ITEMS[item], "lead_id": LEADS[i],
                                                       "action": "opened", "at": "2026-10-05T10:00:00Z"})
            if gone:
                self.store.delete("collateral_usage", use.record_id)
        elif kind == "pull_lead":
            _, i, event, grade, qualified, deleted, day = op
            self.pull("lead", LEADS[i], {"last_name": f"Pulled{i}", "event_id": EVENTS[event],
                                         "grade": _grade(grade), "qualified": qualified,
                                         "owner_id": OWNERS[1], "source": "manual",
                                         "captured_at": f"2026-10-0{day}T08:30:00Z"}, deleted)
        elif kind == "pull_outcome":
            _, i, status, amount, day, deleted = op
            oid = uid(5000 + self.version)
            self.pull("lead_outcome", oid, {"lead_id": LEADS[i], "status": status, "amount": amount,
                                            "at": f"2026-10-{day + 1:02d}T11:00:00Z"}, deleted)
            self.outcomes.append(oid)
        elif kind == "pull_retraction":
            _, n, deleted = op
            target = self.outcome_id(n)
            row = self.store.get("lead_outcome", target) if target else None
            if row is not None:
                oid = uid(6000 + self.version)
                self.pull("lead_outcome", oid, {"lead_id": row["lead_id"], "status": row["status"],
                                                "retracts": target, "at": "2026-10-20T10:00:00Z"},
                          deleted)
                self.outcomes.append(oid)
        elif kind == "erase":
            lead = self.store.get("lead", LEADS[op[1]])
            if lead is not None and not lead.get("deleted"):
                self.pull("lead", LEADS[op[1]], lead_stub(lead, "2026-11-01T00:00:00Z"))
        elif kind == "forget":
            # A record the cache drops outright (a full resync that no longer sees it).
            _, table, n = op
            ids = LEADS if table == "rec_lead" else self.outcomes
            if ids:
                with self.store.engine.begin() as conn:
                    conn.exec_driver_sql(f"DELETE FROM {table} WHERE id = ?", (ids[n % len(ids)],))


def _k(value: Any) -> Any:
    """A key as the totals tables store it: NULL is the empty blob."""
    return b"" if value is None else value


def _time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _records(conn: sqlite3.Connection) -> tuple[dict[str, dict], dict[str, list[dict]], list[dict]]:
    conn.row_factory = sqlite3.Row
    leads = {r["id"]: dict(r) for r in conn.execute("SELECT * FROM rec_lead")}
    outcomes: dict[str, list[dict]] = defaultdict(list)
    for r in conn.execute("SELECT * FROM rec_lead_outcome"):
        outcomes[r["lead_id"]].append(dict(r))
    uses = [dict(r) for r in conn.execute("SELECT * FROM rec_collateral_usage")]
    conn.row_factory = None
    return leads, outcomes, uses


def _expected(conn: sqlite3.Connection) -> dict[str, dict]:
    """The kept tables' contents, computed here from the records by `fieldnote.insights`."""
    leads, outcomes, uses = _records(conn)
    standing: dict[str, Standing] = {lead: lead_standing(rows) for lead, rows in outcomes.items()}
    cube: dict[tuple, list[int]] = defaultdict(lambda: [0] * 8)
    days: dict[tuple, list[int]] = defaultdict(lambda: [0])
    for lead in leads.values():
        if lead["deleted"]:
            continue
        s = standing.get(lead["id"], NO_STANDING)
        key = tuple(_k(lead[c]) for c in ("event_id", "grade", "qualified", "rubric_id", "rubric_version"))
        sums = cube[key]
        sums[0] += 1
        for n, stage in enumerate(FUNNEL_STAGES, start=1):
            sums[n] += s.stage >= STAGE_RANK[stage]
        sums[5] += round(s.won_amount * 100)
        if s.first_contact_at is not None:
            seconds = (_time(s.first_contact_at) - _time(lead["captured_at"])).total_seconds()
            if seconds >= 0:
                sums[6] += round(seconds)
                sums[7] += 1
        days[(_k(lead["event_id"]), _k(lead["owner_id"]), _k(lead["captured_at"][:10]))][0] += 1
    pairs = {(u["collateral_id"], u["lead_id"]) for u in uses
             if not u["deleted"] and u["lead_id"] is not None}
    deals: dict[tuple, list[int]] = defaultdict(lambda: [0] * 4)
    for cid, lead_id in pairs:
        sums = deals[(cid,)]
        if lead_id in leads and leads[lead_id]["deleted"]:
            continue
        s = standing.get(lead_id, NO_STANDING)
        won = s.stage >= STAGE_RANK[WON_STATUS]
        sums[0] += 1
        sums[1] += won
        sums[2] += (not won) and s.lost
        sums[3] += round(s.won_amount * 100) if won else 0
    return {
        "lead": {k: tuple(v) for k, v in cube.items()},
        "day": {k: tuple(v) for k, v in days.items()},
        "deal": {k: tuple(v) for k, v in deals.items() if any(v)},
    }


def _kept(conn: sqlite3.Connection) -> dict[str, dict]:
    def table(sql: str, keys: int) -> dict[tuple, tuple]:
        # A group whose sums fell to nothing may keep a row of zeros.
        return {tuple(r[:keys]): tuple(r[keys:]) for r in conn.execute(sql) if any(r[keys:])}

    return {
        "lead": table("SELECT event_id, grade, qualified, rubric_id, rubric_version, leads, contacted, "
                      "meeting, opportunity, won, won_cents, delay_seconds, delay_n "
                      "FROM insights_total_lead", 5),
        "day": table("SELECT event_id, owner_id, day, leads FROM insights_total_lead_day", 3),
        "deal": table("SELECT collateral_id, deals, won, lost, won_cents FROM insights_total_deal", 1),
    }


def _page_funnels(run: _Run, conn: sqlite3.Connection) -> None:
    """The page, reading the kept totals, shows each event's funnel as `funnel_counts` says."""
    leads, outcomes, _uses = _records(conn)
    expected: dict[str, list] = {e: [] for e in EVENTS}
    for lead in leads.values():
        if not lead["deleted"] and lead["event_id"] in expected:
            expected[lead["event_id"]].append((lead["qualified"], outcomes.get(lead["id"], [])))
    queries = InsightsQueries(run.store.engine)
    try:
        figures = queries.compute(InsightFilters(), today=TODAY)
    finally:
        queries.dispose()
    by_id = {e["id"]: e["funnel"] for e in figures["events"]}
    for event_id, its_leads in expected.items():
        got = by_id.get(event_id, dict.fromkeys(FUNNEL, 0))
        assert {s: got[s] for s in FUNNEL} == funnel_counts(its_leads), event_id


@settings(max_examples=examples(120, floor=20), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(step, min_size=1, max_size=25))
def test_the_kept_totals_equal_the_definition_after_writes_pulls_and_erasures(steps):
    folder = Path(tempfile.mkdtemp())
    path = folder / "fieldnote.sqlite3"
    shutil.copy(_TEMPLATE, path)
    run = _Run(path)
    try:
        for op in steps:
            run.apply(op)
        conn = sqlite3.connect(path)
        try:
            assert _kept(conn) == _expected(conn)
            _page_funnels(run, conn)
        finally:
            conn.close()
    finally:
        run.close()
        shutil.rmtree(folder, ignore_errors=True)
