"""An event's booth goals, set by marketing on one device, reach a rep's device through a real
hub; the hub refuses goals `fieldnote.goals` cannot use, naming the field."""

from __future__ import annotations

from desktop.store.leads import LeadBook
from desktop.sync.state import Outcome

GOALS = [{"metric": "leads", "scope": "team", "period": "day", "target": 150},
         {"metric": "qualified", "scope": "team", "period": "show", "target": 300}]


def test_marketings_goals_reach_the_reps_device(hub, make_device):
    marketer = make_device("marketing", "marketer@example.com")
    event_id = LeadBook(marketer.store).save_event({"name": "Expo 2027", "goals": GOALS}).record_id
    assert marketer.run().outcome is Outcome.OK
    assert marketer.store.outbox_counts()["pending"] == 0

    rep = make_device("rep")
    assert rep.run().outcome is Outcome.OK
    assert rep.store.get("event", event_id)["goals"] == GOALS


def test_the_hub_refuses_goals_it_cannot_use(hub):
    session = hub.client("marketer@example.com")
    body = {"client_id": "0190a000-0000-7000-8000-0000000000c1",
            "mutations": [{"mutation_id": "0190a000-0000-7000-8000-000000000001",
                           "kind": "event", "op": "upsert", "base_version": 0,
                           "record_id": "0190a000-0000-7000-8000-000000000002",
                           "fields": {"name": "Expo", "goals": [
                               {"metric": "leads", "scope": "team", "period": "week",
                                "target": 10}]},
                           "made_at": "2026-12-07T10:00:00Z"}]}
    answer = session.post(f"{hub.url}/v1/sync/push", json=body, timeout=10)
    assert answer.status_code == 200, answer.text
    (result,) = answer.json()["results"]
    assert result["status"] == "rejected"
    (error,) = result["problem"]["errors"]
    assert error["field"] == "goals" and "period" in error["message"]
