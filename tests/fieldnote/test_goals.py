"""Booth goals (`fieldnote.goals`): which goals an event may carry, what counts towards each,
today's window on the booth's clock, and the percent at, below and above the target."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from fieldnote.goals import (
    TEAM,
    Goal,
    GoalsInvalid,
    Tally,
    combined,
    count,
    day_window,
    goals_of,
    parse_goals,
    people,
    percent,
    progress,
    tally_of,
)
from fieldnote.validation import ValidationFailed, clean_fields

ANNA = "0190a000-0000-7000-8000-0000000000a1"
BEN = "0190a000-0000-7000-8000-0000000000b1"
BERLIN = ZoneInfo("Europe/Berlin")
NOW = dt.datetime(2026, 10, 6, 15, 0, tzinfo=BERLIN)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def lead(by: str | None, when: str, *, qualified: bool = False, grade: str | None = None,
         deleted: bool = False) -> Tally | None:
    return tally_of({"captured_by": by, "captured_at": when, "qualified": qualified,
                     "grade": grade, "deleted": deleted})


def test_goals_read_back_as_written_and_a_user_id_is_normalised():
    goals = parse_goals([
        {"metric": "leads", "scope": "team", "period": "day", "target": 150},
        {"metric": "hot", "scope": ANNA.upper(), "period": "show", "target": 1},
    ])
    assert goals == (Goal("leads", TEAM, "day", 150), Goal("hot", ANNA, "show", 1))
    assert parse_goals(None) == ()
    assert [g.as_json() for g in goals][1] == {"metric": "hot", "scope": ANNA,
                                               "period": "show", "target": 1}


@pytest.mark.parametrize(("raw", "message"), [
    ({"metric": "leads"}, "must be a list of goals"),
    (["leads"], "goal 1: must be an object"),
    ([{"metric": "visits", "scope": "team", "period": "day", "target": 1}], "goal 1: metric"),
    ([{"metric": "leads", "scope": "team", "period": "week", "target": 1}], "goal 1: period"),
    ([{"metric": "leads", "scope": "anna", "period": "day", "target": 1}], "goal 1: scope"),
    ([{"metric": "leads", "scope": "team", "period": "day", "target": 0}], "goal 1: target"),
    ([{"metric": "leads", "scope": "team", "period": "day", "target": 100_001}], "target"),
    ([{"metric": "leads", "scope": "team", "period": "day", "target": 2.5}], "target"),
    ([{"metric": "leads", "scope": "team", "period": "day", "target": True}], "target"),
    ([{"metric": "leads", "scope": "team", "period": "day", "target": "5"}], "target"),
    ([{"metric": "leads", "scope": "team", "period": "day", "target": 5, "note": "x"}],
     "goal 1: unknown key 'note'"),
    ([{"metric": "leads", "scope": "team", "period": "day", "target": 5},
      {"metric": "leads", "scope": "team", "period": "day", "target": 9}],
     "goal 2: a second goal for the same metric, person and period"),
])
def test_goals_that_cannot_be_used_are_refused_with_the_reason(raw, message):
    with pytest.raises(GoalsInvalid, match=message.replace("(", r"\(")):
        parse_goals(raw)


def test_an_event_with_bad_goals_is_refused_naming_the_field():
    with pytest.raises(ValidationFailed) as refused:
        clean_fields("event", {"name": "Expo", "goals": [{"metric": "leads", "scope": "team",
                                                          "period": "day", "target": -1}]})
    assert [e.field for e in refused.value.errors] == ["goals"]
    assert "target" in refused.value.errors[0].message
    good = [{"metric": "qualified", "scope": BEN, "period": "show", "target": 40}]
    assert clean_fields("event", {"name": "Expo", "goals": good})["goals"] == good
    # An unreadable stored value shows no goals instead of failing a counter.
    assert goals_of({"goals": "many"}) == () and goals_of(None) == ()


def test_what_counts_for_each_metric():
    tallies = [lead(ANNA, "2026-10-06T09:00:00Z", qualified=True, grade="hot"),
               lead(ANNA, "2026-10-06T09:05:00Z", qualified=False, grade="hot"),
               lead(ANNA, "2026-10-06T09:10:00Z", qualified=True, grade="warm"),
               lead(ANNA, "2026-10-06T09:15:00Z"),  # a quick scan still to qualify
               lead(BEN, "2026-10-06T09:20:00Z", qualified=True, grade="cold")]
    live = [t for t in tallies if t]
    assert count(("leads", TEAM, "show"), live, NOW) == 5
    assert count(("qualified", TEAM, "show"), live, NOW) == 3
    assert count(("hot", TEAM, "show"), live, NOW) == 2
    assert count(("leads", ANNA, "show"), live, NOW) == 4
    assert count(("qualified", BEN, "show"), live, NOW) == 1
    assert count(("hot", BEN, "show"), live, NOW) == 0
    assert lead(ANNA, "2026-10-06T09:00:00Z", deleted=True) is None  # never counts


def test_today_is_the_booths_day_from_midnight_to_midnight():
    start, end = day_window(NOW)
    assert (start, end) == (at("2026-10-06T00:00:00+02:00"), at("2026-10-07T00:00:00+02:00"))
    tallies = [lead(ANNA, "2026-10-05T21:59:59Z"),  # 23:59:59 in Berlin: yesterday
               lead(ANNA, "2026-10-05T22:00:00Z"),  # midnight in Berlin: today
               lead(ANNA, "2026-10-06T21:59:59Z"),  # 23:59:59: still today
               lead(ANNA, "2026-10-06T22:00:00Z"),  # tomorrow
               lead(ANNA, "")]  # no capture time: not today
    live = [t for t in tallies if t]
    assert count(("leads", TEAM, "day"), live, NOW) == 2
    assert count(("leads", TEAM, "show"), live, NOW) == 5
    # The same leads seen from a booth in New York: a different day.
    new_york = dt.datetime(2026, 10, 5, 20, 0, tzinfo=ZoneInfo("America/New_York"))
    assert count(("leads", TEAM, "day"), live, new_york) == 2  # the 21:59:59Z and 22:00:00Z
    with pytest.raises(ValueError):
        day_window(dt.datetime(2026, 10, 6, 12, 0))


def test_a_day_with_a_clock_change_is_still_one_whole_day():
    start, end = day_window(dt.datetime(2026, 10, 25, 12, 0, tzinfo=BERLIN))
    assert end - start == dt.timedelta(hours=25)


@pytest.mark.parametrize(("captured", "pct", "reached"), [(9, 90, False), (10, 100, True),
                                                          (11, 110, True), (0, 0, False)])
def test_progress_just_below_at_and_above_the_target(captured, pct, reached):
    goal = Goal("leads", ANNA, "show", 10)
    live = [t for t in (lead(ANNA, "2026-10-06T09:00:00Z") for _ in range(captured)) if t]
    (p,) = progress([goal], live, NOW)
    assert (p.count, p.percent, p.reached) == (captured, pct, reached)
    assert p.as_json()["percent"] == pct


def test_percent_rounds_down_so_a_goal_shows_100_only_when_reached():
    assert percent(199, 200) == 99
    assert percent(1, 3) == 33
    assert percent(5, 0) == 0


def test_the_team_is_my_live_leads_and_everyone_elses_as_of_the_last_sync():
    mine = [lead(ANNA, "2026-10-06T09:00:00Z"), lead(ANNA, "2026-10-06T09:01:00Z")]
    from_hub = [lead(ANNA, "2026-10-06T09:00:00Z"), lead(BEN, "2026-10-06T09:02:00Z")]
    team = combined([t for t in mine if t], [t for t in from_hub if t], ANNA)
    assert count(("leads", TEAM, "show"), team, NOW) == 3
    assert count(("leads", BEN, "show"), team, NOW) == 1


def test_a_tally_crosses_the_wire_without_a_person():
    t = lead(ANNA, "2026-10-06T09:00:00.250Z", qualified=True, grade="hot")
    assert t is not None
    assert t.as_json() == [ANNA, "2026-10-06T09:00:00Z", True, "hot"]
    assert Tally.from_json(t.as_json()).captured_by == ANNA


def test_the_board_shows_staff_then_people_with_goals_then_anyone_who_captured():
    goals = parse_goals([{"metric": "leads", "scope": BEN, "period": "day", "target": 5},
                         {"metric": "leads", "scope": TEAM, "period": "day", "target": 5}])
    carl = "0190a000-0000-7000-8000-0000000000c1"
    tallies = [t for t in (lead(carl, "2026-10-06T09:00:00Z"), lead(None, "")) if t]
    assert people(goals, [ANNA], tallies) == [ANNA, BEN, carl]


# -- which events a device follows, and the stored forms ----------------------------------------

GOALS = [{"metric": "leads", "scope": "team", "period": "day", "target": 50}]
TODAY = dt.date(2026, 10, 6)


@pytest.mark.parametrize("starts, ends, followed", [
    ("2026-10-05", "2026-10-07", True),     # running
    ("2026-10-07", "2026-10-08", True),     # starts tomorrow: followed from the day before
    ("2026-10-08", "2026-10-09", False),    # starts in two days
    ("2026-10-01", "2026-10-05", True),     # ended yesterday: followed a day after
    ("2026-10-01", "2026-10-04", False),    # ended two days ago
    (None, None, True),                     # no dates: always
    (None, "2026-10-04", False),
    ("2026-10-08", None, False),
])
def test_a_device_follows_an_event_with_goals_from_a_day_before_to_a_day_after(
        starts, ends, followed):
    event = {"goals": GOALS, "starts_on": starts, "ends_on": ends}
    from fieldnote.goals import follows

    assert follows(event, TODAY) is followed
    assert follows({**event, "goals": None}, TODAY) is False
    assert follows({**event, "goals": "broken"}, TODAY) is False


def test_goals_of_reads_the_stored_goals_and_ignores_what_it_cannot_use():
    assert goals_of({"goals": GOALS}) == (Goal("leads", TEAM, "day", 50),)
    assert goals_of({"goals": [{"metric": "sales"}]}) == ()
    assert goals_of({}) == () and goals_of(None) == ()


def test_the_number_of_goals_and_a_target_stop_at_their_limits():
    from fieldnote.goals import MAX_GOALS, MAX_TARGET

    assert parse_goals([{**GOALS[0], "target": MAX_TARGET}])[0].target == MAX_TARGET
    with pytest.raises(GoalsInvalid, match="target must be a whole number from 1 to 100,000"):
        parse_goals([{**GOALS[0], "target": MAX_TARGET + 1}])
    many = [{"metric": "leads", "scope": f"0190a000-0000-7000-8000-{n:012d}", "period": "day",
             "target": 1} for n in range(MAX_GOALS + 1)]
    assert len(parse_goals(many[:MAX_GOALS])) == MAX_GOALS
    with pytest.raises(GoalsInvalid, match=r"^has too many goals \(at most 100\)$"):
        parse_goals(many)
    with pytest.raises(GoalsInvalid, match="^must be a list of goals$"):
        parse_goals({"metric": "leads"})
    with pytest.raises(GoalsInvalid, match="metric must be one of leads, qualified, hot"):
        parse_goals([{**GOALS[0], "metric": "sales"}])
    with pytest.raises(GoalsInvalid, match="period must be one of day, show"):
        parse_goals([{**GOALS[0], "period": "week"}])


def test_a_target_of_one_is_reached_by_one():
    assert percent(0, 1) == 0 and percent(1, 1) == 100 and percent(2, 1) == 200
    assert percent(5, 0) == 0


def test_progress_counts_at_the_moment_given():
    tallies = [lead(ANNA, "2026-10-06T08:00:00Z"), lead(ANNA, "2026-10-05T08:00:00Z")]
    goal = Goal("leads", TEAM, "day", 4)
    (today,) = progress([goal], tallies, NOW)
    (yesterday,) = progress([goal], tallies, NOW - dt.timedelta(days=1))
    assert today.count == 1 and yesterday.count == 1
    (show,) = progress([Goal("leads", TEAM, "show", 2)], tallies, NOW)
    assert show.as_json() == {"metric": "leads", "scope": TEAM, "period": "show", "target": 2,
                              "count": 2, "percent": 100, "reached": True}


def test_a_tally_travels_as_json_in_utc_and_back():
    berlin = Tally(ANNA, dt.datetime(2026, 10, 6, 10, 30, tzinfo=BERLIN), True, "hot")
    row = berlin.as_json()
    assert row == [ANNA, "2026-10-06T08:30:00Z", True, "hot"]
    back = Tally.from_json(row)
    assert back == Tally(ANNA, dt.datetime(2026, 10, 6, 8, 30, tzinfo=dt.UTC), True, "hot")
    assert Tally.from_json(["", None, 0, ""]) == Tally(None, None, False, None)
    assert Tally(None, None, False, None).as_json() == [None, None, False, None]


@pytest.mark.parametrize("stored, expected", [
    ("2026-10-06T08:30:00Z", dt.datetime(2026, 10, 6, 8, 30, tzinfo=dt.UTC)),
    ("2026-10-06T10:30:00+02:00", dt.datetime(2026, 10, 6, 8, 30, tzinfo=dt.UTC)),
    ("2026-10-06T08:30:00", dt.datetime(2026, 10, 6, 8, 30, tzinfo=dt.UTC)),  # naive: UTC
    (dt.datetime(2026, 10, 6, 8, 30), dt.datetime(2026, 10, 6, 8, 30, tzinfo=dt.UTC)),
    (dt.datetime(2026, 10, 6, 10, 30, tzinfo=BERLIN),
     dt.datetime(2026, 10, 6, 8, 30, tzinfo=dt.UTC)),
    ("", None), (None, None), ("not a time", None), (42, None),
])
def test_a_capture_time_is_read_as_an_aware_moment(stored, expected):
    tally = tally_of({"captured_by": ANNA, "captured_at": stored})
    assert tally is not None and tally.captured_at == expected
    if expected is not None:
        assert tally.captured_at.utcoffset() is not None


def test_the_day_needs_the_booths_time_zone():
    with pytest.raises(ValueError, match="^now must carry the booth's time zone$"):
        day_window(dt.datetime(2026, 10, 6, 12, 0))
    start, end = day_window(NOW)
    assert start.tzinfo == dt.UTC and end.tzinfo == dt.UTC
    assert (start, end) == (dt.datetime(2026, 10, 5, 22, 0, tzinfo=dt.UTC),
                            dt.datetime(2026, 10, 6, 22, 0, tzinfo=dt.UTC))


def test_tallies_and_the_day_are_utc_whatever_the_machines_time_zone(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        row = Tally(ANNA, dt.datetime(2026, 10, 6, 10, 30, tzinfo=BERLIN), True, "hot").as_json()
        assert row[1] == "2026-10-06T08:30:00Z"
        start, end = day_window(NOW)
        assert start.utcoffset() == dt.timedelta(0) and end.utcoffset() == dt.timedelta(0)
        assert start.hour == 22 and end.hour == 22
    finally:
        monkeypatch.undo()
        time.tzset()
