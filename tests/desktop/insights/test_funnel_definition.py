"""The funnel is a funnel: for any history of outcomes (advancing, skipping stages, lost,
disqualified, withdrawn by a retraction, deleted), the figures the store computes, from its
kept totals or from the records, equal the one definition in `fieldnote.insights`
(`funnel_counts`), every stage holds no more leads than the one before it, and no conversion is
above 1."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from desktop.store import open_store
from desktop.store.insights import InsightsQueries
from desktop.store.schema import record_tables
from fieldnote.insights import CHAIN, FUNNEL, InsightFilters, funnel_counts
from fieldnote.kinds import OUTCOME_STATUSES
from tests.desktop.insights.fixture_data import TODAY, uid

# One migrated store file, copied for each example (migrating per example would be slow).
_TEMPLATE = Path(tempfile.mkdtemp()) / "template.sqlite3"
open_store(_TEMPLATE).engine.dispose()
EVENTS = (uid(11), uid(12))

# An outcome: (status, which earlier outcome of the lead it withdraws or None, deleted).
outcome = st.tuples(st.sampled_from(OUTCOME_STATUSES), st.one_of(st.none(), st.integers(0, 5)),
                    st.booleans())
# A lead: (event index, qualified, deleted, its outcomes).
lead = st.tuples(st.integers(0, 1), st.booleans(), st.integers(0, 5).map(lambda n: n == 0),
                 st.lists(outcome, max_size=6))


def _check_chain(funnel: dict, conversion: dict) -> None:
    counts = [funnel[s] for s in CHAIN]
    assert counts == sorted(counts, reverse=True), funnel
    assert funnel["qualified"] <= funnel["captured"]
    for stage, value in conversion.items():
        assert value is None or 0 <= value <= 1, (stage, value, funnel)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lead, min_size=1, max_size=8))
def test_the_stored_funnel_is_the_defined_one_and_never_converts_above_one(leads):
    folder = Path(tempfile.mkdtemp())
    path = folder / "fieldnote.sqlite3"
    shutil.copy(_TEMPLATE, path)
    store = open_store(path)
    expected = {e: [] for e in EVENTS}
    n = 0
    try:
        with store.engine.begin() as conn:
            for e, name in zip(EVENTS, ("Expo", "Summit"), strict=True):
                conn.execute(insert(record_tables["event"]).values(
                    id=e, rev=1, deleted=False, local_updated_at="2026-11-01T00:00:00Z", name=name))
            for i, (event, qualified, deleted, outcomes) in enumerate(leads):
                lead_id = uid(100 + i)
                conn.execute(insert(record_tables["lead"]).values(
                    id=lead_id, rev=1, deleted=deleted, local_updated_at="2026-11-01T00:00:00Z",
                    event_id=EVENTS[event], last_name=f"Lead{i}", qualified=qualified,
                    captured_at="2026-10-01T10:00:00Z"))
                rows = []
                for status, target, gone in outcomes:
                    n += 1
                    row = {"id": uid(1000 + n), "lead_id": lead_id, "status": status,
                           "at": f"2026-10-02T10:{n % 60:02d}:00Z", "deleted": gone,
                           "amount": 100.0 if status == "won" else None,
                           "retracts": rows[target % len(rows)]["id"] if target is not None and rows
                           else None}
                    rows.append(row)
                    conn.execute(insert(record_tables["lead_outcome"]).values(
                        rev=1, local_updated_at="2026-11-01T00:00:00Z", **row))
                if not deleted:
                    expected[EVENTS[event]].append((qualified, rows))
        queries = InsightsQueries(store.engine)
        try:
            for totals in (True, False):
                queries.read_totals = totals
                figures = queries.compute(InsightFilters(), today=TODAY)
                by_id = {e["id"]: e for e in figures["events"]}
                for event_id, its_leads in expected.items():
                    want = funnel_counts(its_leads)
                    if not its_leads:
                        assert event_id not in by_id or by_id[event_id]["funnel"]["captured"] == 0
                        continue
                    got = by_id[event_id]
                    assert {s: got["funnel"][s] for s in FUNNEL} == want
                    _check_chain(got["funnel"], got["conversion"])
                _check_chain(figures["totals"], figures["totals"]["conversion"])
                for campaign in figures["campaigns"].values():
                    _check_chain(campaign, campaign["conversion"])
            # Filtered figures read the records, whatever `read_totals` says.
            for event_id, its_leads in expected.items():
                figures = queries.compute(InsightFilters(event_ids=(event_id,)), today=TODAY)
                assert {s: figures["totals"][s] for s in FUNNEL} == funnel_counts(its_leads)
                _check_chain(figures["totals"], figures["totals"]["conversion"])
        finally:
            queries.dispose()
    finally:
        store.engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)
