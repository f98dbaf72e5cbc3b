"""The follow-up rules of `fieldnote.followups`, pinned at their boundaries: what a service
level may be, which level a lead is held to, when it is due and overdue, and what counts as its
first contact."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldnote.followups import (
    ServiceLevelError,
    check_level,
    due_at,
    first_contact_at,
    followup_row,
    iso,
    level_hours,
    level_of,
    order,
    parse_time,
    service_levels,
    within_level,
)

UTC = dt.UTC
H = dt.timedelta(hours=1)
LEVELS = {"hot": 2 * H, "warm": 5 * H, "cold": 9 * H}


# --- service levels -----------------------------------------------------------------------


@pytest.mark.parametrize(("text", "stored", "hours"), [
    ("1", "1h", 1), ("1h", "1h", 1), ("1d", "1d", 24), ("8760h", "8760h", 8760),
    ("8760", "8760h", 8760), ("365d", "365d", 8760), ("24 H", "24h", 24), ("00012h", "12h", 12),
    ("\t2d\n", "2d", 48),
])
def test_followup_rule_a_level_is_whole_hours_or_days_up_to_a_year(text, stored, hours):
    assert check_level(text) == stored
    assert level_hours(text) == hours


@pytest.mark.parametrize("text", ["0", "0h", "0d", "8761h", "8761", "366d", "123456h", "h",
                                  "2 days", "1h1d", "d2", "-1h", "1.5d", "24h ago"])
def test_followup_rule_any_other_level_is_refused_saying_what_to_type(text):
    with pytest.raises(ServiceLevelError) as caught:
        check_level(text)
    assert str(caught.value) == (
        f"{text.strip()!r} is not a service level; use whole hours or days up to a year, "
        "such as 24h or 7d.")


def test_followup_rule_each_grade_reads_its_own_setting():
    levels = service_levels({"service_level_hot": "1h", "service_level_warm": "2d",
                             "service_level_cold": "3"})
    assert levels == {"hot": H, "warm": 48 * H, "cold": 3 * H}


@pytest.mark.parametrize("settings", [None, {}, {"service_level_hot": 12},
                                      {"service_level_hot": "0h"}, {"service_level_hot": None},
                                      {"hot": "1h"}])
def test_followup_rule_a_missing_or_unusable_level_is_the_default(settings):
    assert service_levels(settings) == {"hot": 24 * H, "warm": 72 * H, "cold": 168 * H}


@pytest.mark.parametrize(("grade", "level"), [
    ("hot", 2 * H), ("warm", 5 * H), ("cold", 9 * H), (None, 9 * H), ("lukewarm", 9 * H),
    ("", 9 * H),
])
def test_followup_rule_an_ungraded_or_unknown_grade_is_held_to_the_cold_level(grade, level):
    assert level_of(grade, LEVELS) == level


# --- times --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "when"), [
    ("2026-12-01T09:00:00Z", dt.datetime(2026, 12, 1, 9, tzinfo=UTC)),
    ("2026-12-01T09:00:00", dt.datetime(2026, 12, 1, 9, tzinfo=UTC)),
    ("2026-12-01T10:30:00+01:30", dt.datetime(2026, 12, 1, 9, tzinfo=UTC)),
    ("2026-12-01", dt.datetime(2026, 12, 1, tzinfo=UTC)),
    ("", None), ("yesterday", None), (None, None), (1764579600, None),
])
def test_followup_rule_a_time_is_read_as_utc(text, when):
    parsed = parse_time(text)
    assert parsed == when
    if parsed is not None:
        assert parsed.utcoffset() == dt.timedelta(0)


def test_followup_rule_a_time_is_written_in_whole_seconds_with_z():
    zone = dt.timezone(dt.timedelta(hours=2))
    assert iso(dt.datetime(2026, 12, 1, 11, 0, 5, 999_999, tzinfo=zone)) == "2026-12-01T09:00:05Z"


# --- due, in time, first contact ----------------------------------------------------------


def test_followup_rule_due_is_the_grades_level_after_capture():
    assert due_at("2026-12-01T09:00:00Z", "warm", LEVELS) == dt.datetime(2026, 12, 1, 14,
                                                                         tzinfo=UTC)
    assert due_at(None, "warm", LEVELS) is None


@pytest.mark.parametrize(("after_due", "in_time"), [(-1, True), (0, True), (1, False)])
def test_followup_rule_a_first_contact_up_to_the_due_time_is_in_time(after_due, in_time):
    due = dt.datetime(2026, 12, 1, 11, tzinfo=UTC)
    contacted = due + dt.timedelta(seconds=after_due)
    assert within_level("2026-12-01T09:00:00Z", "hot", contacted, LEVELS) is in_time
    assert within_level("not a time", "hot", contacted, LEVELS) is False


@pytest.mark.parametrize("status", ["contacted", "meeting", "opportunity", "won"])
def test_followup_rule_every_funnel_stage_is_a_contact(status):
    assert first_contact_at([{"id": "o", "status": status, "at": "2026-12-02T00:00:00Z"}]) == (
        dt.datetime(2026, 12, 2, tzinfo=UTC))


def test_followup_rule_the_first_contact_is_the_earliest_readable_counting_one():
    outcomes = [
        {"id": "a", "status": "won", "at": "2026-12-05T00:00:00Z"},
        {"id": "b", "status": "lost", "at": "2026-12-01T00:00:00Z"},
        {"id": "c", "status": "disqualified", "at": "2026-12-01T00:00:00Z"},
        {"id": "d", "status": "contacted", "at": "junk"},
        {"id": "e", "status": "meeting", "at": "2026-12-03T00:00:00Z"},
        {"id": "f", "status": "contacted", "at": "2026-12-02T00:00:00Z", "deleted": True},
    ]
    assert first_contact_at(outcomes) == dt.datetime(2026, 12, 3, tzinfo=UTC)
    assert first_contact_at(outcomes[1:4]) is None
    assert first_contact_at([]) is None


# --- the rows of `fieldnote followups` ----------------------------------------------------


def test_followup_rule_a_row_without_a_capture_time_is_not_due_or_overdue():
    now = dt.datetime(2026, 12, 3, tzinfo=UTC)
    assert followup_row({"id": "l", "last_name": "Ng", "company": None}, None, LEVELS, now) == {
        "id": "l", "name": "Ng", "company": "", "grade": None, "owner": None, "due_at": None,
        "overdue": False}


@pytest.mark.parametrize(("now", "overdue"), [
    (dt.datetime(2026, 12, 1, 10, 59, 59, tzinfo=UTC), False),
    (dt.datetime(2026, 12, 1, 11, tzinfo=UTC), False),
    (dt.datetime(2026, 12, 1, 11, 0, 1, tzinfo=UTC), True),
])
def test_followup_rule_a_row_is_overdue_only_after_its_due_time(now, overdue):
    lead = {"id": "l", "first_name": "Ana", "grade": "hot",
            "captured_at": "2026-12-01T09:00:00Z"}
    row = followup_row(lead, "o@x.co", LEVELS, now)
    assert (row["name"], row["due_at"], row["overdue"]) == (
        "Ana", "2026-12-01T11:00:00Z", overdue)


def test_followup_rule_rows_sort_by_due_time_then_id_and_undue_last():
    rows = [{"id": "b", "due_at": None}, {"id": "c", "due_at": "2026-12-02T00:00:00Z"},
            {"id": "a", "due_at": None}, {"id": "d", "due_at": "2026-12-01T00:00:00Z"},
            {"id": "b2", "due_at": "2026-12-02T00:00:00Z"}]
    assert [r["id"] for r in order(rows)] == ["d", "b2", "c", "a", "b"]


def test_followup_rule_times_are_utc_whatever_the_machines_time_zone(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        for text in ("2026-12-01T09:00:00", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00+01:00"):
            parsed = parse_time(text)
            assert parsed == dt.datetime(2026, 12, 1, 9, tzinfo=UTC)
            assert parsed is not None and parsed.utcoffset() == dt.timedelta(0)
        assert iso(dt.datetime(2026, 12, 1, 9, tzinfo=UTC)) == "2026-12-01T09:00:00Z"
        row = followup_row({"id": "l", "grade": "hot", "captured_at": "2026-12-01T09:00:00"},
                           None, LEVELS, dt.datetime(2026, 12, 1, 12, tzinfo=UTC))
        assert (row["due_at"], row["overdue"]) == ("2026-12-01T11:00:00Z", True)
    finally:
        monkeypatch.undo()
        time.tzset()
