"""The Insights summary tables (migrations 0004 and 0005) follow every write, local or applied by sync.

Triggers keep `insights_lead_stage`, `insights_debrief_tag` and `insights_debrief_item`
current; these tests change, tombstone and delete records through the store and the sync
engine and check the figures, and compare the tables with a recompute from scratch after
random sequences of raw writes.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, update

from desktop.store import open_store
from desktop.store.insights import InsightsQueries
from desktop.store.schema import record_tables
from desktop.store.syncing import SyncStore
from fieldnote.insights import InsightFilters
from fieldnote.wire import Change
from tests.desktop.insights.fixture_data import C1, E1, E2, EXPECTED_FUNNEL, TODAY, D, L, uid

# The summaries worked out from scratch, the way the figures did before they were kept.
STAGES_FROM_SCRATCH = """
SELECT o.lead_id, o.stage, o.won_amount, o.lost, o.first_jd, o.first_jd - julianday(l.captured_at),
       l.deleted, l.event_id, l.grade, l.qualified, l.rubric_id, l.rubric_version, l.captured_at,
       l.owner_id
FROM (SELECT lead_id,
             MAX(CASE status WHEN 'contacted' THEN 1 WHEN 'meeting' THEN 2
                 WHEN 'opportunity' THEN 3 WHEN 'won' THEN 4 ELSE 0 END) AS stage,
             SUM(CASE WHEN status = 'won' THEN COALESCE(amount, 0) ELSE 0 END) AS won_amount,
             MAX(status = 'lost') AS lost,
             julianday(MIN(CASE WHEN status IN ('contacted', 'meeting', 'opportunity', 'won')
                           THEN at END)) AS first_jd
      FROM rec_lead_outcome WHERE deleted = 0 AND lead_id IS NOT NULL GROUP BY lead_id) o
LEFT JOIN rec_lead l ON l.id = o.lead_id
"""
STAGES_KEPT = """
SELECT lead_id, stage, won_amount, lost, first_jd, delay, deleted, event_id, grade, qualified,
       rubric_id, rubric_version, captured_at, owner_id FROM insights_lead_stage
"""
# Each tag and item row carries a copy of its debrief's columns (migration 0005).
DEBRIEF_COPY = ("d.deleted, d.status, substr(d.call_date, 1, 7), d.author_id, d.lead_id, "
                "d.outcome")
KEPT_COPY = "deleted, status, month, author_id, lead_id, outcome"
TAGS_FROM_SCRATCH = " UNION ".join(
    f"SELECT d.id, '{c}', j.value, {DEBRIEF_COPY} FROM rec_debrief d, json_each(CASE WHEN json_valid(d.{c}) "
    f"THEN d.{c} END) j WHERE j.type = 'text' AND typeof(j.key) = 'integer'"
    for c in ("objections", "competitors", "why_buy", "why_not")
)
ITEMS_FROM_SCRATCH = """
SELECT DISTINCT d.id, json_extract(j.value, '$.collateral_id'),
       CASE WHEN json_extract(j.value, '$.helpful') = 1 THEN 1
            WHEN json_extract(j.value, '$.helpful') = 0 THEN 0 END,
       d.deleted, d.status, substr(d.call_date, 1, 7), d.author_id, d.lead_id, d.outcome
FROM rec_debrief d, json_each(CASE WHEN json_valid(d.collateral_used) THEN d.collateral_used END) j
WHERE j.type = 'object' AND typeof(j.key) = 'integer'
  AND typeof(json_extract(j.value, '$.collateral_id')) = 'text'
"""


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return sorted(conn.execute(sql).fetchall(), key=repr)


def assert_summaries_match_a_recompute(conn: sqlite3.Connection) -> None:
    assert _rows(conn, STAGES_KEPT) == _rows(conn, STAGES_FROM_SCRATCH)
    assert _rows(conn, f"SELECT debrief_id, dim, tag, {KEPT_COPY} FROM insights_debrief_tag") == _rows(
        conn, TAGS_FROM_SCRATCH)
    assert _rows(conn, "SELECT debrief_id, collateral_id, helpful, "
                 f"{KEPT_COPY} FROM insights_debrief_item") == _rows(conn, ITEMS_FROM_SCRATCH)


def figures(store) -> dict:
    queries = InsightsQueries(store.engine)
    try:
        return queries.compute(InsightFilters(), today=TODAY)
    finally:
        queries.dispose()


def figures_rebuilt_from_scratch(store, tmp_path: Path) -> dict:
    """The figures of a copy whose summary tables were emptied and filled from scratch."""
    store.engine.dispose()
    copy = tmp_path / "rebuilt" / "fieldnote.sqlite3"
    copy.parent.mkdir(parents=True)
    src = Path(store.engine.url.database)
    for suffix in ("", "-wal"):
        if Path(f"{src}{suffix}").exists():
            shutil.copy(f"{src}{suffix}", f"{copy}{suffix}")
    conn = sqlite3.connect(copy, isolation_level=None)
    conn.execute("BEGIN")
    for table in ("insights_lead_stage", "insights_debrief_tag", "insights_debrief_item"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("INSERT INTO insights_lead_stage " + STAGES_FROM_SCRATCH)
    conn.execute("INSERT INTO insights_debrief_tag " + TAGS_FROM_SCRATCH)
    conn.execute("INSERT INTO insights_debrief_item " + ITEMS_FROM_SCRATCH)
    conn.execute("COMMIT")
    conn.close()
    rebuilt = open_store(copy)
    try:
        return figures(rebuilt)
    finally:
        rebuilt.engine.dispose()


def test_a_new_changed_or_deleted_outcome_shows_in_the_funnel(store, tmp_path):
    assert figures(store)["funnel"] == EXPECTED_FUNNEL
    # Lead 3 (Expo North) was only contacted; it now wins 1,500 locally.
    won = store.save("lead_outcome", {"lead_id": L[3], "status": "won", "amount": 1500,
                                      "at": "2026-10-30T10:00:00Z"}).record_id
    expo = figures(store)["funnel"]["Expo North"]
    assert (expo["meeting"], expo["opportunity"], expo["won"], expo["won_amount"]) == (4, 3, 3, 9500)
    # The win was only an opportunity after all.
    store.save("lead_outcome", {"status": "opportunity"}, won)
    expo = figures(store)["funnel"]["Expo North"]
    assert (expo["meeting"], expo["opportunity"], expo["won"], expo["won_amount"]) == (4, 3, 2, 8000)
    # Deleted locally (a tombstone): back to the fixture's figures.
    store.delete("lead_outcome", won)
    assert figures(store)["funnel"] == EXPECTED_FUNNEL
    assert figures(store) == figures_rebuilt_from_scratch(store, tmp_path)


def test_outcomes_and_leads_applied_by_sync_show_in_the_funnel(store, tmp_path):
    sync = SyncStore(store)
    late = uid(150)
    outcome = uid(1500)
    # An outcome can arrive before its lead: it counts once the lead is there.
    sync.apply_page([Change(kind="lead_outcome", record_id=outcome, version=4,
                            fields={"lead_id": late, "status": "won", "amount": 250.5,
                                    "at": "2026-10-24T09:00:00Z"})], "c1")
    assert figures(store)["funnel"] == EXPECTED_FUNNEL
    sync.apply_page([Change(kind="lead", record_id=late, version=2,
                            fields={"event_id": E2, "captured_at": "2026-10-21T09:00:00Z",
                                    "grade": "hot", "qualified": True, "last_name": "Late"})], "c2")
    summit = figures(store)["funnel"]["Summit South"]
    assert summit == {"captured": 4, "qualified": 2, "contacted": 3, "meeting": 2,
                      "opportunity": 1, "won": 1, "won_amount": 250.5}
    summit_event = next(e for e in figures(store)["events"] if e["id"] == E2)
    assert summit_event["avg_days_to_first_contact"] == 3.0  # (2 + 1 + 6) / 3
    # The lead moves to Expo North on the hub.
    sync.apply_page([Change(kind="lead", record_id=late, version=3,
                            fields={"event_id": E1, "captured_at": "2026-10-21T09:00:00Z",
                                    "grade": "hot", "qualified": True, "last_name": "Late"})], "c3")
    funnel = figures(store)["funnel"]
    assert funnel["Summit South"] == EXPECTED_FUNNEL["Summit South"]
    assert funnel["Expo North"]["won"] == 3
    assert funnel["Expo North"]["won_amount"] == 8250.5
    # The hub tombstones the outcome: the lead is captured but no longer won.
    sync.apply_page([Change(kind="lead_outcome", record_id=outcome, version=5, deleted=True)], "c4")
    expo = figures(store)["funnel"]["Expo North"]
    assert (expo["captured"], expo["contacted"], expo["won"], expo["won_amount"]) == (7, 4, 2, 8000)
    assert figures(store) == figures_rebuilt_from_scratch(store, tmp_path)


def test_debrief_tags_and_collateral_follow_edits_and_deletes(store, tmp_path):
    before = figures(store)
    # D[1] is a submitted debrief; give it a new objection and a not-helped vote for C1.
    row = store.get("debrief", D[1])
    assert row is not None and row["status"] == "submitted"
    with store.engine.begin() as conn:
        conn.execute(update(record_tables["debrief"]).where(record_tables["debrief"].c.id == D[1])
                     .values(objections=["Brand new worry"],
                             collateral_used=[{"collateral_id": C1, "helpful": False}]))
    after = figures(store)
    assert after["objections"]["Brand new worry"] == 1
    assert after["collateral"][C1]["not_helped"] == before["collateral"][C1]["not_helped"] + 1
    assert after == figures_rebuilt_from_scratch(store, tmp_path / "a")
    # Removed from the cache altogether (a full resync that no longer sees it).
    with store.engine.begin() as conn:
        conn.execute(delete(record_tables["debrief"]).where(record_tables["debrief"].c.id == D[1]))
    gone = figures(store)
    assert "Brand new worry" not in gone["objections"]
    assert gone == figures_rebuilt_from_scratch(store, tmp_path / "b")


def figures_joining_the_debriefs(store) -> dict:
    """The unfiltered figures the way filtered ones are made: joining the debrief rows."""
    queries = InsightsQueries(store.engine)
    queries.read_debrief_copies = False
    try:
        return queries.compute(InsightFilters(), today=TODAY)
    finally:
        queries.dispose()


def test_the_copied_debrief_columns_give_the_joined_figures_after_edits(store, tmp_path):
    debriefs = record_tables["debrief"]
    before = figures(store)
    assert before == figures_joining_the_debriefs(store)
    # D[1] goes back to a draft: its tags and votes no longer count.
    with store.engine.begin() as conn:
        conn.execute(update(debriefs).where(debriefs.c.id == D[1]).values(status="draft"))
    draft = figures(store)
    assert draft["voice"]["debriefs"] == before["voice"]["debriefs"] - 1
    assert draft == figures_joining_the_debriefs(store)
    # Submitted again, by another author, on another day, with another outcome.
    with store.engine.begin() as conn:
        conn.execute(update(debriefs).where(debriefs.c.id == D[1]).values(
            status="submitted", author_id=None, call_date="2025-01-15", outcome="no_decision"))
    moved = figures(store)
    assert moved["voice"]["debriefs"] == before["voice"]["debriefs"]
    assert "2025-01" in moved["voice"]["objections"]["month"]
    assert "no_decision" in moved["voice"]["objections"]["outcome"]
    assert moved == figures_joining_the_debriefs(store)
    assert moved == figures_rebuilt_from_scratch(store, tmp_path / "a")
    # A tombstone.
    store.delete("debrief", D[1])
    assert figures(store)["voice"]["debriefs"] == before["voice"]["debriefs"] - 1
    assert figures(store) == figures_joining_the_debriefs(store)


def test_forgetting_the_hub_data_empties_the_summaries(store):
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM outbox")
    SyncStore(store).forget_hub_data()
    with store.engine.connect() as conn:
        for table in ("insights_lead_stage", "insights_debrief_tag", "insights_debrief_item"):
            assert conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one() == 0


# -- random writes against a recompute from scratch ----------------------------------------

LEADS = [uid(900 + n) for n in range(4)]
DEBRIEFS = [uid(950 + n) for n in range(3)]
OUTCOMES = [uid(980 + n) for n in range(6)]
ITEM_IDS = [uid(990 + n) for n in range(2)]

_status = st.sampled_from(["contacted", "meeting", "opportunity", "won", "lost", "disqualified",
                           None])
_at = st.sampled_from(["2026-10-01T10:00:00Z", "2026-10-03T12:30:00Z", "2026-09-30T08:00:00Z",
                       "not a date", None])
_amount = st.one_of(st.none(), st.sampled_from([0, 100, 2500.5, 1e6]))
_tags = st.one_of(
    st.lists(st.one_of(st.sampled_from(["Price", "Timing", "Acme", "price"]), st.integers(0, 3)),
             max_size=4).map(json.dumps),
    st.sampled_from(['{"Price": 1}', '"Price"', "not json", "[[\"Price\"]]"]),
    st.none(),
)
_entry = st.fixed_dictionaries({
    "collateral_id": st.one_of(st.sampled_from(ITEM_IDS), st.integers(0, 2), st.none()),
    "helpful": st.sampled_from([True, False, 1, 0, 1.0, "yes", None]),
})
_used = st.one_of(st.lists(_entry, max_size=4).map(json.dumps), st.sampled_from(["{}", "oops"]),
                  st.none())

_ops = st.one_of(
    st.tuples(st.just("outcome"), st.sampled_from(OUTCOMES),
              st.one_of(st.sampled_from(LEADS), st.none()), _status, _at, _amount,
              st.booleans()),
    st.tuples(st.just("lead"), st.sampled_from(LEADS), st.sampled_from([E1, E2, None]),
              st.sampled_from(["hot", "cold", None]), st.sampled_from([0, 1, None]),
              st.sampled_from(["2026-10-01T09:00:00Z", "2026-10-02T09:00:00Z", None]),
              st.booleans()),
    st.tuples(st.just("debrief"), st.sampled_from(DEBRIEFS), _tags, _tags, _used,
              st.booleans(), st.sampled_from(["submitted", "draft", None]),
              st.sampled_from(["2026-10-01", "2026-11-15", None]),
              st.sampled_from([uid(1), uid(2), None]), st.sampled_from([*LEADS[:2], None]),
              st.sampled_from(["won", "lost", None])),
    st.tuples(st.just("remove"), st.sampled_from(["rec_lead", "rec_lead_outcome", "rec_debrief"]),
              st.sampled_from([*LEADS, *OUTCOMES, *DEBRIEFS])),
)

_UPSERT = ("INSERT INTO {t} (id, rev, deleted, local_updated_at, {cols}) VALUES "
           "(?, 1, ?, '2026-11-01T00:00:00Z', {marks}) ON CONFLICT(id) DO UPDATE SET "
           "deleted = excluded.deleted, {sets}")


def _upsert(conn: sqlite3.Connection, table: str, record_id: str, deleted: bool,
            values: dict) -> None:
    cols = list(values)
    conn.execute(_UPSERT.format(t=table, cols=", ".join(cols), marks=", ".join("?" for _ in cols),
                                sets=", ".join(f"{c} = excluded.{c}" for c in cols)),
                 [record_id, int(deleted), *values.values()])


def _apply(conn: sqlite3.Connection, op: tuple) -> None:
    if op[0] == "outcome":
        _, rid, lead, status, at, amount, deleted = op
        _upsert(conn, "rec_lead_outcome", rid, deleted,
                {"lead_id": lead, "status": status, "at": at, "amount": amount})
    elif op[0] == "lead":
        _, rid, event, grade, qualified, captured, deleted = op
        _upsert(conn, "rec_lead", rid, deleted, {"event_id": event, "grade": grade,
                                                  "qualified": qualified, "captured_at": captured,
                                                  "rubric_version": 1, "owner_id": uid(1)})
    elif op[0] == "debrief":
        _, rid, objections, competitors, used, deleted, status, call_date, author, lead, outcome = op
        _upsert(conn, "rec_debrief", rid, deleted, {"objections": objections,
                                                     "competitors": competitors,
                                                     "why_buy": competitors,
                                                     "collateral_used": used,
                                                     "status": status, "call_date": call_date,
                                                     "author_id": author, "lead_id": lead,
                                                     "outcome": outcome})
    else:
        _, table, rid = op
        conn.execute(f"DELETE FROM {table} WHERE id = ?", [rid])


def test_the_summaries_always_equal_a_recompute_from_scratch(tmp_path):
    path = tmp_path / "fieldnote.sqlite3"
    open_store(path).engine.dispose()
    conn = sqlite3.connect(path, isolation_level=None)

    @settings(max_examples=150, deadline=None)
    @given(st.lists(_ops, min_size=1, max_size=25))
    def run(ops: list[tuple]) -> None:
        conn.execute("BEGIN")
        try:
            for op in ops:
                _apply(conn, op)
            assert_summaries_match_a_recompute(conn)
        finally:
            conn.execute("ROLLBACK")

    run()
    conn.close()
