"""The capture screen's goal counter: "you" counts each save at once (the figures are read on
the parallel lane, the form never waits), "the team" adds everyone else as the hub counted them
at the last sync, with the time of that count; an event without goals shows no counter."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.store.goals import TALLIES_KEY
from fieldnote.validation import format_datetime
from tests.desktop.leads.conftest import EVENT_ID, REP, open_capture_page

OTHER = "01930000-0000-7000-8000-0000000000c3"
GOALS = [{"metric": "leads", "scope": "team", "period": "day", "target": 4},
         {"metric": "leads", "scope": REP["id"], "period": "day", "target": 2}]


# The offscreen platform warns when the shown window's size hints change (the counter appears).
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_counter_counts_my_saves_and_the_teams_last_sync(qtbot, services):
    page = open_capture_page(qtbot, services)
    capture = page.capture
    counter = capture.goal_counter
    qtbot.waitUntil(lambda: counter.asked > 0)
    assert not counter.isVisible()  # the event has no goals yet

    now = dt.datetime.now(dt.UTC)
    services.store.set_state(TALLIES_KEY, {EVENT_ID: {
        "as_of": "2026-12-07T13:32:00Z",
        "tallies": [[OTHER, format_datetime(now), False, None],
                    [OTHER, format_datetime(now - dt.timedelta(days=3)), False, None],
                    # my own lead as the hub counted it: counted from my store instead
                    [REP["id"], format_datetime(now), False, None]]}})
    services.store.save("event", {"goals": GOALS}, EVENT_ID)
    qtbot.waitUntil(lambda: counter.isVisible())
    assert counter.text().startswith("You: 0 / 2 leads today (0 %)")
    assert "Team: 1 / 4 leads today (25 %)" in counter.text()
    as_of = dt.datetime(2026, 12, 7, 13, 32, tzinfo=dt.UTC).astimezone().strftime("%H:%M")
    assert f"team as of {as_of}" in counter.text()

    capture.inputs["last_name"].setText("Okafor")
    capture.save()
    qtbot.waitUntil(lambda: "You: 1 / 2 leads today (50 %)" in counter.text())
    assert "Team: 2 / 4 leads today (50 %)" in counter.text()
    capture.inputs["last_name"].setText("Silva")
    capture.save()
    qtbot.waitUntil(lambda: "You: 2 / 2 leads today (100 %)" in counter.text())
    assert "Team: 3 / 4 leads today (75 %)" in counter.text()
    assert "You: 2 / 2 leads today (100 %)" in counter.toolTip()

    # Goals removed: the counter goes.
    services.store.save("event", {"goals": None}, EVENT_ID)
    qtbot.waitUntil(lambda: not counter.isVisible())
