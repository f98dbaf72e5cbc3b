"""The Insights summary tables (migrations 0004, 0005 and 0007) follow every write, local or
applied by sync.

Triggers keep `insights_lead_stage`, `insights_debrief_tag`, `insights_debrief_item` and the
`insights_total_*` sums current; these tests change, tombstone and delete records through the
store and the sync engine and check the figures, and compare the tables with a recompute from
scratch after random sequences of raw writes.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
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
    assert_totals_match_a_recompute(conn)


# The totals of migration 0007, added up here in Python from the records (a NULL key is the
# empty blob there; a group whose sums fell to nothing may keep a row of zeros).
def _k(value: Any) -> Any:
    return b"" if value is None else value


def _kept(conn: sqlite3.Connection, sql: str, keys: int) -> dict[tuple, tuple]:
    return {tuple(r[:keys]): tuple(r[keys:]) for r in conn.execute(sql) if any(r[keys:])}


def _live(sums: dict[tuple, list]) -> dict[tuple, tuple]:
    return {k: tuple(v) for k, v in sums.items() if any(v)}


def assert_totals_match_a_recompute(conn: sqlite3.Connection) -> None:
    cube_keys = "event_id, grade, qualified, rubric_id, rubric_version"
    cube: dict[tuple, list] = defaultdict(lambda: [0] * 8)
    for row in conn.execute(f"SELECT {cube_keys} FROM rec_lead WHERE deleted = 0"):
        cube[tuple(map(_k, row))][0] += 1
    for *key, stage, cents, delay in conn.execute(
            f"SELECT {cube_keys}, stage, CAST(round(IFNULL(won_amount, 0) * 100) AS INTEGER), "
            "delay FROM insights_lead_stage WHERE deleted = 0"):
        sums = cube[tuple(map(_k, key))]
        for i in range(4):
            sums[1 + i] += stage >= 1 + i
        sums[5] += cents
        if delay is not None and delay >= 0:
            sums[6] += conn.execute("SELECT CAST(round(? * 86400) AS INTEGER)", [delay]).fetchone()[0]
            sums[7] += 1
    assert _kept(conn, f"SELECT {cube_keys}, leads, contacted, meeting, opportunity, won, won_cents, "
                 "delay_seconds, delay_n FROM insights_total_lead", 5) == _live(cube)

    days: dict[tuple, list] = defaultdict(lambda: [0])
    for row in conn.execute(
            "SELECT event_id, owner_id, substr(captured_at, 1, 10) FROM rec_lead WHERE deleted = 0"):
        days[tuple(map(_k, row))][0] += 1
    assert _kept(conn, "SELECT event_id, owner_id, day, leads FROM insights_total_lead_day",
                 3) == _live(days)

    uses: dict[tuple, list] = defaultdict(lambda: [0, 0, 0, None])
    for cid, action, at in conn.execute(
            "SELECT collateral_id, action, at FROM rec_collateral_usage WHERE deleted = 0"):
        if isinstance(cid, str):
            sums = uses[(cid,)]
            for i, name in enumerate(("opened", "shared", "presented")):
                sums[i] += action == name
            if at is not None and (sums[3] is None or at > sums[3]):
                sums[3] = at
    assert _kept(conn, "SELECT collateral_id, opens, shares, presentations, last_at "
                 "FROM insights_total_use", 1) == _live(uses)

    newest: dict[tuple, tuple] = {}
    for cid, author, rid, rating in conn.execute(
            "SELECT collateral_id, author_id, id, rating FROM rec_collateral_feedback "
            "WHERE deleted = 0 AND rating IS NOT NULL ORDER BY id"):
        if isinstance(cid, str):
            newest[(cid, author)] = (rid, rating)
    ratings: dict[tuple, list] = defaultdict(list)
    for (cid, _author), (_rid, rating) in newest.items():
        ratings[(cid,)].append(rating)
    assert _kept(conn, "SELECT collateral_id, avg_rating, ratings FROM insights_total_rating", 1) == {
        k: (sum(v) / len(v), len(v)) for k, v in ratings.items()}

    votes: dict[tuple, list] = defaultdict(lambda: [0, 0, set()])
    for cid, outcome, debrief, helpful in conn.execute(
            "SELECT collateral_id, outcome, debrief_id, helpful FROM insights_debrief_item "
            "WHERE deleted = 0 AND status = 'submitted'"):
        if isinstance(cid, str):
            sums = votes[(cid, _k(outcome))]
            sums[0] += helpful == 1
            sums[1] += helpful == 0
            sums[2].add(debrief)
    assert _kept(conn, "SELECT collateral_id, outcome, helped, not_helped, debriefs "
                 "FROM insights_total_vote", 2) == {k: (h, nh, len(d)) for k, (h, nh, d) in votes.items()}

    # (item, lead) pairs: uses naming a lead, uses naming a live debrief about a lead, and the
    # collateral entries of submitted debriefs about a lead (migration 0008).
    debrief_lead = dict(conn.execute("SELECT id, lead_id FROM rec_debrief WHERE deleted = 0"))
    pairs: dict[tuple, list] = defaultdict(lambda: [0])
    for cid, lead, debrief in conn.execute(
            "SELECT collateral_id, lead_id, debrief_id FROM rec_collateral_usage WHERE deleted = 0"):
        if isinstance(cid, str):
            if lead is not None:
                pairs[(cid, lead)][0] += 1
            if debrief_lead.get(debrief) is not None:
                pairs[(cid, debrief_lead[debrief])][0] += 1
    for cid, lead in conn.execute(
            "SELECT collateral_id, lead_id FROM insights_debrief_item WHERE deleted = 0 "
            "AND status = 'submitted' AND lead_id IS NOT NULL"):
        if isinstance(cid, str):
            pairs[(cid, lead)][0] += 1
    assert _kept(conn, "SELECT collateral_id, lead_id, refs FROM insights_item_lead", 2) == _live(pairs)

    deleted = {lead for (lead,) in conn.execute("SELECT id FROM rec_lead WHERE deleted = 1")}
    standing = {lead: (stage, lost, cents) for lead, stage, lost, cents in conn.execute(
        "SELECT lead_id, stage, lost, CAST(round(IFNULL(won_amount, 0) * 100) AS INTEGER) "
        "FROM insights_lead_stage WHERE deleted IS NOT 1")}
    deals: dict[tuple, list] = defaultdict(lambda: [0, 0, 0, 0])
    for cid, lead in pairs:
        sums = deals[(cid,)]
        if lead in deleted:
            continue
        sums[0] += 1
        stage, lost, cents = standing.get(lead, (0, 0, 0))
        sums[1] += stage >= 4
        sums[2] += stage < 4 and lost == 1
        sums[3] += cents if stage >= 4 else 0
    assert _kept(conn, "SELECT collateral_id, deals, won, lost, won_cents FROM insights_total_deal",
                 1) == _live(deals)

    for name, column in (("month", "month"), ("author", "author_id"), ("outcome", "outcome")):
        voice: dict[tuple, list] = defaultdict(lambda: [0])
        for dim, tag, segment in conn.execute(
                f"SELECT dim, tag, {column} FROM insights_debrief_tag "
                "WHERE deleted = 0 AND status = 'submitted'"):
            voice[(dim, tag, _k(segment))][0] += 1
        assert _kept(conn, f"SELECT dim, tag, segment, debriefs FROM insights_total_voice_{name}",
                     3) == _live(voice)


def figures(store, *, totals: bool = True, joined: bool = False) -> dict:
    """The unfiltered figures: from the kept totals, or summed from the records (`totals`
    False), or summed joining the debrief rows the way filtered figures are (`joined`)."""
    queries = InsightsQueries(store.engine)
    queries.read_totals = totals and not joined
    queries.read_debrief_copies = not joined
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
        # Summed from the records, not read from the kept totals.
        return figures(rebuilt, totals=False)
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
    return figures(store, joined=True)


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


def test_the_kept_totals_give_the_summed_figures_after_edits(store):
    assert figures(store) == figures(store, totals=False)
    # A use dated after the day seen from is not the item's last use yet.
    late = store.save("collateral_usage", {"collateral_id": C1, "action": "opened",
                                           "at": "2027-03-01T10:00:00Z"}).record_id
    store.save("collateral_feedback", {"collateral_id": C1, "rating": 1})
    store.save("lead", {"event_id": E2, "captured_at": "2026-10-21T09:00:00Z", "grade": "cold",
                        "last_name": "New", "qualified": False})
    store.save("lead_outcome", {"lead_id": L[3], "status": "won", "amount": 0.1,
                                "at": "2026-10-30T10:00:00Z"})
    store.save("lead_outcome", {"lead_id": L[3], "status": "won", "amount": 0.2,
                                "at": "2026-10-31T10:00:00Z"})
    edited = figures(store)
    assert edited == figures(store, totals=False)
    assert edited["collateral_detail"][C1]["last_used"] != "2027-03-01T10:00:00Z"
    assert edited["funnel"]["Summit South"]["captured"] == EXPECTED_FUNNEL["Summit South"]["captured"] + 1
    assert edited["funnel"]["Expo North"]["won_amount"] == EXPECTED_FUNNEL["Expo North"]["won_amount"] + 0.3
    # Tombstones take it all back.
    store.delete("collateral_usage", late)
    assert figures(store) == figures(store, totals=False)


def test_an_item_whose_entries_never_say_helpful_or_not_has_no_votes(store):
    """Entries whose helpful is neither true nor false count the debrief, not a vote (the
    votes used to sum to NULL for such an item, and the page failed)."""
    item = store.save("collateral", {"title": "Pricing sheet", "kind": "sell_sheet",
                                     "status": "approved"}).record_id
    store.save("debrief", {"account": "Initech", "status": "submitted", "call_date": "2026-10-05",
                           "outcome": "advanced", "collateral_used": [
                               {"collateral_id": item, "helpful": "maybe"},
                               {"collateral_id": item}]})
    for totals in (True, False):
        detail = figures(store, totals=totals)["collateral_detail"][item]
        assert (detail["helped"], detail["not_helped"]) == (0, 0)
        assert detail["debrief_outcomes"] == {"advanced": 1}
    assert figures(store) == figures(store, totals=False)


def test_forgetting_the_hub_data_empties_the_summaries(store):
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM outbox")
    SyncStore(store).forget_hub_data()
    with store.engine.connect() as conn:
        for table in ("insights_lead_stage", "insights_debrief_tag", "insights_debrief_item",
                      "insights_total_use", "insights_total_rating", "insights_total_vote"):
            assert conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one() == 0
        # The lead sums fall to rows of zeros.
        for table in ("insights_total_lead", "insights_total_lead_day"):
            assert conn.exec_driver_sql(f"SELECT TOTAL(leads) FROM {table}").scalar_one() == 0
    assert figures(store)["funnel"] == {}


# -- random writes against a recompute from scratch ----------------------------------------

LEADS = [uid(900 + n) for n in range(4)]
DEBRIEFS = [uid(950 + n) for n in range(3)]
OUTCOMES = [uid(980 + n) for n in range(6)]
ITEM_IDS = [uid(990 + n) for n in range(2)]
USES = [uid(1000 + n) for n in range(4)]
RATINGS = [uid(1010 + n) for n in range(4)]

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
    st.tuples(st.just("use"), st.sampled_from(USES), st.sampled_from([*ITEM_IDS, 7, None]),
              st.sampled_from(["opened", "shared", "presented", "downloaded", None]), _at,
              st.booleans(), st.sampled_from([*LEADS[:2], None]),
              st.sampled_from([*DEBRIEFS[:2], None])),
    st.tuples(st.just("rating"), st.sampled_from(RATINGS), st.sampled_from([*ITEM_IDS, None]),
              st.sampled_from([uid(1), uid(2), None]), st.sampled_from([1, 3, 5, None]),
              st.booleans()),
    st.tuples(st.just("remove"), st.sampled_from(["rec_lead", "rec_lead_outcome", "rec_debrief",
                                                  "rec_collateral_usage", "rec_collateral_feedback"]),
              st.sampled_from([*LEADS, *OUTCOMES, *DEBRIEFS, *USES, *RATINGS])),
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
    elif op[0] == "use":
        _, rid, cid, action, at, deleted, lead, debrief = op
        _upsert(conn, "rec_collateral_usage", rid, deleted,
                {"collateral_id": cid, "action": action, "at": at, "lead_id": lead,
                 "debrief_id": debrief})
    elif op[0] == "rating":
        _, rid, cid, author, rating, deleted = op
        _upsert(conn, "rec_collateral_feedback", rid, deleted,
                {"collateral_id": cid, "author_id": author, "rating": rating})
    else:
        _, table, rid = op
        conn.execute(f"DELETE FROM {table} WHERE id = ?", [rid])


def test_the_summaries_always_equal_a_recompute_from_scratch(tmp_path):
    path = tmp_path / "fieldnote.sqlite3"
    open_store(path).engine.dispose()
    conn = sqlite3.connect(path, isolation_level=None)

    @settings(max_examples=250, deadline=None)
    @given(st.lists(_ops, min_size=1, max_size=25))
    # Sequences a random search rarely meets: a debrief that a use names moves to another lead;
    # a lead with a won outcome, used with an item, is written again; then deleted.
    @example([("debrief", DEBRIEFS[0], None, None, None, False, "submitted", None, None, LEADS[0], None),
              ("use", USES[0], ITEM_IDS[0], "opened", None, False, None, DEBRIEFS[0]),
              ("debrief", DEBRIEFS[0], None, None, None, False, "submitted", None, None, LEADS[1], None)])
    @example([("outcome", OUTCOMES[0], LEADS[0], "won", None, 2500.5, False),
              ("use", USES[0], ITEM_IDS[0], "shared", None, False, LEADS[0], None),
              ("lead", LEADS[0], E1, "hot", 1, None, False),
              ("lead", LEADS[0], E1, "hot", 1, None, True)])
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


def test_the_totals_filled_by_the_migrations_equal_the_ones_kept_by_triggers(store, tmp_path):
    """Migrations 0007 and 0008 fill their tables from the records already in a data file:
    going back to 0006 and up again gives the totals the triggers had kept, and the figures."""
    from alembic import command

    from desktop.store.db import alembic_config

    # More than the fixture: uses naming a lead and a debrief, a deleted lead with a deal,
    # a rating changed by its author, a draft.
    store.save("collateral_usage", {"collateral_id": C1, "action": "presented", "lead_id": L[3],
                                    "at": "2026-10-30T10:00:00Z"})
    store.save("collateral_usage", {"collateral_id": C1, "action": "shared", "debrief_id": D[1],
                                    "at": "2026-10-31T10:00:00Z"})
    store.save("collateral_feedback", {"collateral_id": C1, "rating": 2})
    store.delete("lead", L[1])
    kept = figures(store)
    with store.engine.connect() as conn:
        tables = [name for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'insights_total%' "
            "OR name = 'insights_item_lead') ORDER BY name")]
        before = {t: sorted(map(tuple, conn.exec_driver_sql(f"SELECT * FROM {t}")), key=repr)
                  for t in tables}
    assert len(tables) == 10 and before["insights_total_deal"]
    command.downgrade(alembic_config(store.engine), "0006")
    with store.engine.connect() as conn:
        assert not conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'insights_total_lead'").first()
    command.upgrade(alembic_config(store.engine), "head")
    with store.engine.connect() as conn:
        after = {t: sorted(map(tuple, conn.exec_driver_sql(f"SELECT * FROM {t}")), key=repr)
                 for t in tables}
    # The triggers may leave rows of zeros where a sum fell to nothing; a fill has none.
    keys = {"insights_total_lead": 5, "insights_total_lead_day": 3, "insights_total_vote": 2,
            "insights_item_lead": 2, **{f"insights_total_voice_{n}": 3
                                       for n in ("month", "author", "outcome")}}
    for t in tables:
        def nonzero(rows, n=keys.get(t, 1)):
            return [r for r in rows if any(r[n:])]
        assert nonzero(after[t]) == nonzero(before[t]), t
        assert len(nonzero(before[t])) > 0, t
    assert figures(store) == kept == figures(store, totals=False)
    raw = sqlite3.connect(store.engine.url.database)
    try:
        assert_totals_match_a_recompute(raw)
    finally:
        raw.close()
