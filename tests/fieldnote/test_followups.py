"""Follow-up deadlines: service levels per grade, due and overdue, first contact."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldnote.followups import (
    ServiceLevelError,
    check_level,
    due_at,
    first_contact_at,
    followup_row,
    is_overdue,
    order,
    service_levels,
    waits_for_follow_up,
    within_level,
)
from fieldnote.money import SHARED_SETTINGS, check_setting

UTC = dt.UTC
DEFAULTS = service_levels(None)


def test_the_default_levels_are_a_day_three_days_and_a_week():
    assert {"hot": dt.timedelta(hours=24), "warm": dt.timedelta(hours=72),
                        "cold": dt.timedelta(days=7)} == DEFAULTS


@pytest.mark.parametrize(("text", "stored"), [("24h", "24h"), ("12", "12h"), (" 7D ", "7d"),
                                              ("048h", "48h"), ("365d", "365d")])
def test_a_level_is_whole_hours_or_days(text, stored):
    assert check_level(text) == stored


@pytest.mark.parametrize("text", ["", "0h", "1.5h", "a day", "366d", "-3h", "3w"])
def test_anything_else_is_refused_with_an_example(text):
    with pytest.raises(ServiceLevelError, match="such as 24h or 7d"):
        check_level(text)


def test_levels_are_hub_settings_devices_receive():
    assert SHARED_SETTINGS["service_level_hot"][0] == "24h"
    assert check_setting("service_level_cold", "10d") == "10d"
    levels = service_levels({"service_level_hot": "4h", "service_level_warm": "junk"})
    assert levels["hot"] == dt.timedelta(hours=4)
    assert levels["warm"] == dt.timedelta(hours=72)  # an unusable value is the default


def test_due_is_the_grades_level_after_capture_and_ungraded_is_cold():
    assert due_at("2026-12-01T09:00:00Z", "hot", DEFAULTS) == dt.datetime(2026, 12, 2, 9, tzinfo=UTC)
    assert due_at("2026-12-01T10:00:00+01:00", None, DEFAULTS) == dt.datetime(2026, 12, 8, 9, tzinfo=UTC)
    assert due_at("not a time", "hot", DEFAULTS) is None


def test_overdue_is_strictly_after_the_due_time():
    due = dt.datetime(2026, 12, 2, 9, tzinfo=UTC)
    assert not is_overdue(due, due)
    assert is_overdue(due, due + dt.timedelta(seconds=1))
    assert not is_overdue(None, due)


def test_a_lead_waits_until_an_outcome_counts():
    contacted = {"id": "o1", "status": "contacted", "at": "2026-12-01T12:00:00Z"}
    assert waits_for_follow_up([])
    assert not waits_for_follow_up([contacted])
    # A withdrawn outcome counts for nothing.
    assert waits_for_follow_up([contacted, {"id": "o2", "status": "contacted", "retracts": "o1"}])
    assert not waits_for_follow_up([{"id": "o3", "status": "lost"}])


def test_first_contact_is_the_earliest_funnel_outcome():
    outcomes = [{"id": "a", "status": "meeting", "at": "2026-12-03T00:00:00Z"},
                {"id": "b", "status": "contacted", "at": "2026-12-02T00:00:00Z"},
                {"id": "c", "status": "lost", "at": "2026-12-01T00:00:00Z"}]
    assert first_contact_at(outcomes) == dt.datetime(2026, 12, 2, tzinfo=UTC)
    assert first_contact_at(outcomes[2:]) is None
    captured = "2026-12-01T00:00:00Z"
    assert within_level(captured, "warm", first_contact_at(outcomes), DEFAULTS)
    assert within_level(captured, "hot", first_contact_at(outcomes), DEFAULTS)  # at due: in time
    assert not within_level("2026-11-30T23:59:59Z", "hot", first_contact_at(outcomes), DEFAULTS)
    assert not within_level(captured, "hot", None, DEFAULTS)


def test_a_row_has_the_pinned_keys_and_rows_sort_oldest_due_first():
    now = dt.datetime(2026, 12, 3, tzinfo=UTC)
    lead = {"id": "l1", "first_name": "Eva", "last_name": "Braun", "company": "Acme",
            "grade": "hot", "captured_at": "2026-12-01T09:30:00.123Z"}
    row = followup_row(lead, "b@x.co", DEFAULTS, now)
    assert row == {"id": "l1", "name": "Eva Braun", "company": "Acme", "grade": "hot",
                   "owner": "b@x.co", "due_at": "2026-12-02T09:30:00Z", "overdue": True}
    later = followup_row({**lead, "id": "l0", "grade": "warm"}, "b@x.co", DEFAULTS, now)
    none = followup_row({**lead, "id": "l2", "captured_at": None}, None, DEFAULTS, now)
    assert [r["id"] for r in order([none, later, row])] == ["l1", "l0", "l2"]
