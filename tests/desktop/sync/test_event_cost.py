"""An event's cost, set by marketing on one device, reaches a rep's device through a real hub
and sets the rep's Insights figures; the hub refuses a cost in a currency that is none."""

from __future__ import annotations

from desktop.store.insights import InsightsQueries
from desktop.store.leads import LeadBook
from desktop.sync.state import Outcome
from fieldnote.insights import InsightFilters


def test_marketings_event_cost_reaches_the_reps_insights(hub, make_device):
    marketer = make_device("marketing", "marketer@example.com")
    event_id = LeadBook(marketer.store).save_event(
        {"name": "Expo 2027", "cost_amount": 9000.5, "cost_currency": "usd"}).record_id
    assert marketer.run().outcome is Outcome.OK
    assert marketer.store.outbox_counts()["pending"] == 0

    rep = make_device("rep")
    assert rep.run().outcome is Outcome.OK
    event = rep.store.get("event", event_id)
    assert event["cost_amount"] == 9000.5 and event["cost_currency"] == "usd"
    book = LeadBook(rep.store)
    for n in range(3):
        rep.store.save("lead", {"last_name": f"Visitor {n}", "event_id": event_id,
                                "captured_at": "2027-01-10T10:00:00Z"})
    book.dispose()
    assert rep.run().outcome is Outcome.OK
    queries = InsightsQueries(rep.store.engine)
    try:
        (expo,) = [e for e in queries.compute(InsightFilters())["events"] if e["id"] == event_id]
    finally:
        queries.dispose()
    assert expo["cost"]["cost"] == 9000.5 and expo["cost"]["currency"] == "USD"
    assert expo["cost"]["per_lead"] == 3000.17
    assert expo["cost"]["compared"] is False  # the team counts in euros


def test_the_hub_refuses_a_cost_in_no_currency(hub):
    session = hub.client("marketer@example.com")
    body = {"client_id": "0190a000-0000-7000-8000-0000000000c1",
            "mutations": [{"mutation_id": "0190a000-0000-7000-8000-000000000001",
                           "kind": "event", "op": "upsert", "base_version": 0,
                           "record_id": "0190a000-0000-7000-8000-000000000002",
                           "fields": {"name": "Expo", "cost_amount": 10,
                                      "cost_currency": "EURO"},
                           "made_at": "2026-12-07T10:00:00Z"}]}
    answer = session.post(f"{hub.url}/v1/sync/push", json=body, timeout=10)
    assert answer.status_code == 200, answer.text
    (result,) = answer.json()["results"]
    assert result["status"] == "rejected"
    assert [e["field"] for e in result["problem"]["errors"]] == ["cost_currency"]
