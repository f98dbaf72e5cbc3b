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


def test_two_reps_leads_make_the_team_figure_on_a_third_device(hub, make_device):
    import datetime as dt

    from desktop.store.goals import GoalBook
    from fieldnote.validation import format_datetime

    hub.add_user("rep3@example.com", "Ravi Rep", "rep", team="north")
    rita, remy, ravi = (hub.users[e]["id"] for e in
                        ("rep@example.com", "rep2@example.com", "rep3@example.com"))
    marketer = make_device("marketing", "marketer@example.com")
    goals = [*GOALS, {"metric": "leads", "scope": rita, "period": "show", "target": 4}]
    event_id = LeadBook(marketer.store).save_event(
        {"name": "Expo 2027", "goals": goals, "booth_staff": [rita, remy, ravi]}).record_id
    assert marketer.run().outcome is Outcome.OK

    now = dt.datetime.now(dt.UTC)
    captured = format_datetime(now)
    for name, email, leads in (("rita", "rep@example.com", 3), ("remy", "rep2@example.com", 2)):
        device = make_device(name, email)
        assert device.run().outcome is Outcome.OK
        for n in range(leads):
            qualified = name == "rita" and n == 0
            device.store.save("lead", {"last_name": f"Visitor {name} {n}", "event_id": event_id,
                                       "captured_at": captured, "qualified": qualified,
                                       "grade": "hot" if qualified else "cold"})
        assert device.run().outcome is Outcome.OK
        assert device.store.outbox_counts()["pending"] == 0

    third = make_device("ravi", "rep3@example.com")
    book = GoalBook(third.store)
    assert third.run().outcome is Outcome.OK
    assert third.store.count("lead") == 0  # no other rep's visitor reaches this device
    figures = book.figures(event_id, ravi, now.astimezone(), with_staff=True)
    assert figures is not None and figures.as_of is not None
    assert [(p.goal.metric, p.goal.period, p.count) for p in figures.team] == [
        ("leads", "day", 5), ("qualified", "show", 1)]
    assert figures.my_counts == {("leads", "day"): 0, ("qualified", "show"): 0}
    by_person = {p.user_id: p for p in figures.staff}
    assert list(by_person) == [rita, remy, ravi]
    assert [(g.count, g.percent) for g in by_person[rita].goals] == [(3, 75)]
    assert by_person[remy].counts[("leads", "day")] == 2

    # Ravi's own lead counts at once, before any sync, and the team's figure with it.
    third.store.save("lead", {"last_name": "Walk-in", "event_id": event_id,
                              "captured_at": format_datetime(dt.datetime.now(dt.UTC))},
                     local_fields={"owner_id": ravi, "captured_by": ravi})
    later = book.figures(event_id, ravi, dt.datetime.now(dt.UTC).astimezone())
    assert later is not None
    assert later.my_counts[("leads", "day")] == 1 and later.team[0].count == 6
    book.dispose()
