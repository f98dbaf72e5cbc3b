"""The store's SQL for the outcomes that count (`desktop.store.leads.counting_outcome`) says the
same as the one rule in `fieldnote.outcomes.counting_outcomes`, for any mix of outcomes,
retractions (of outcomes or, from an odd peer, of retractions) and deleted rows."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from desktop.store import open_store
from desktop.store.leads import OUTCOMES, counting_outcome
from fieldnote.ids import new_id
from fieldnote.outcomes import counting_outcomes

_STORE = open_store(Path(tempfile.mkdtemp()) / "fieldnote.sqlite3")

# Each step: (status index, which earlier outcome it retracts or None, deleted afterwards).
steps = st.lists(st.tuples(st.integers(0, 2), st.one_of(st.none(), st.integers(0, 9)),
                           st.booleans()), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_the_sql_and_the_rule_count_the_same_outcomes(plan):
    store = _STORE
    lead_id = new_id()
    store.save("lead", {"last_name": "Rule", "company": "Acme", "source": "manual",
                        "captured_at": "2026-12-01T10:00:00Z"}, lead_id)
    ids: list[str] = []
    for n, (status, target, _deleted) in enumerate(plan):
        oid = new_id()
        fields = {"lead_id": lead_id, "status": ("contacted", "meeting", "won")[status],
                  "at": f"2026-12-01T10:{n:02d}:00Z"}
        if target is not None and ids:
            fields["retracts"] = ids[target % len(ids)]
        store.save("lead_outcome", fields, oid)
        ids.append(oid)
    for oid, (_s, _t, deleted) in zip(ids, plan, strict=True):
        if deleted:
            store.delete("lead_outcome", oid)
    rows = [store.get("lead_outcome", oid) or {"id": oid, "deleted": True} for oid in ids]
    expected = {str(o["id"]) for o in counting_outcomes(rows)}
    with store.engine.connect() as conn:
        counted = {str(r[0]) for r in conn.execute(
            select(OUTCOMES.c.id).where(OUTCOMES.c.lead_id == lead_id, counting_outcome()))}
    assert counted == expected
