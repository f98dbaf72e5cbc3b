"""An event's booth goals, set by marketing on one device, reach a rep's device through a real
hub; the hub refuses goals `fieldnote.goals` cannot use, naming the field."""

from __future__ import annotations

import pytest

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


# The offscreen platform warns when the shown board's size hints change.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_board_shows_anothers_leads_after_a_sync_by_a_runner_attached_later(
        qtbot, hub, make_device, tmp_path):
    from PySide6.QtWidgets import QLabel

    from desktop.settings import Settings
    from desktop.startup import build_services
    from desktop.sync.runner import SyncRunner
    from desktop.sync.session import build_engine
    from desktop.tasks import TaskRunner
    from desktop.ui.leads.board import BoothBoard
    from desktop.ui.services import RecordChanges
    from fieldnote.validation import utc_now_iso
    from tests.desktop.sync.conftest import FAST

    marketer = make_device("marketing", "marketer@example.com")
    event_id = LeadBook(marketer.store).save_event({"name": "Expo 2027", "goals": [
        {"metric": "leads", "scope": "team", "period": "show", "target": 10}]}).record_id
    assert marketer.run().outcome is Outcome.OK
    rita = make_device("rita", "rep@example.com")
    assert rita.run().outcome is Outcome.OK  # the event, and no one's leads yet

    changes = RecordChanges()
    rita.store.add_listener(changes.on_store_commit)
    user = {k: v for k, v in hub.users["rep@example.com"].items() if k != "password"}
    services = build_services(rita.store, TaskRunner(), Settings.load(tmp_path / "rita-ui"),
                              changes, tmp_path / "rita-ui", user)
    board = BoothBoard(services, event_id)
    qtbot.addWidget(board)
    board.show()

    def texts() -> list[str]:
        return [label.text() for label in board.findChildren(QLabel)
                if label.isVisibleTo(board)]

    qtbot.waitUntil(lambda: "0 / 10" in texts())

    remy = make_device("remy", "rep2@example.com")
    assert remy.run().outcome is Outcome.OK
    for n in range(2):
        remy.store.save("lead", {"last_name": f"Visitor {n}", "event_id": event_id,
                                 "captured_at": utc_now_iso()})
    assert remy.run().outcome is Outcome.OK

    # The window attaches its sync runner after its pages (and a --board) are built.
    runner = SyncRunner(rita.store, lambda: build_engine(rita.data_dir, rita.store,
                                                         timeouts=FAST),
                        interval_s=3600, debounce_ms=50, backoff_s=(3600, 3600))
    services.sync = runner
    try:
        board.refresh()
        with qtbot.waitSignal(runner.cycle_finished, timeout=15_000):
            runner.start()
        qtbot.waitUntil(lambda: "2 / 10" in texts(), timeout=5_000)
        assert rita.store.count("lead") == 0  # Remy's visitors stay off Rita's device
    finally:
        runner.stop()
        board.close()
        services.tasks.shutdown()
