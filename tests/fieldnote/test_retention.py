"""The retention rule (`fieldnote.privacy.retention_due`): which leads it erases, at the edge of
the age and never a qualified or contacted one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fieldnote import privacy

NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
DAYS = 30


def _lead(age: dt.timedelta, **extra: Any) -> dict[str, Any]:
    captured = (NOW - age).isoformat().replace("+00:00", "Z")
    return {"id": "L1", "captured_at": captured, "qualified": None, **extra}


def _outcome(status: str, **extra: Any) -> dict[str, Any]:
    return {"id": f"o-{status}", "lead_id": "L1", "status": status,
            "at": "2026-11-01T10:00:00Z", **extra}


@pytest.mark.parametrize(("age", "due"), [
    (dt.timedelta(days=DAYS) - dt.timedelta(seconds=1), False),  # just under
    (dt.timedelta(days=DAYS), False),  # exactly: not older than the period yet
    (dt.timedelta(days=DAYS) + dt.timedelta(seconds=1), True),  # just over
    (dt.timedelta(days=400), True),
    (dt.timedelta(days=1), False),
])
def test_only_a_lead_older_than_the_period_is_due(age: dt.timedelta, due: bool) -> None:
    assert privacy.retention_due(_lead(age), [], days=DAYS, now=NOW) is due


def test_a_capture_time_in_another_offset_counts_by_the_moment() -> None:
    moment = NOW - dt.timedelta(days=DAYS, seconds=1)
    lead = {"captured_at": moment.astimezone(dt.timezone(dt.timedelta(hours=9))).isoformat()}
    assert privacy.retention_due(lead, [], days=DAYS, now=NOW)


OLD = dt.timedelta(days=DAYS + 100)


@pytest.mark.parametrize("status", ["contacted", "meeting", "opportunity", "won"])
def test_a_contacted_lead_never_goes(status: str) -> None:
    assert not privacy.retention_due(_lead(OLD), [_outcome(status)], days=DAYS, now=NOW)


def test_a_qualified_lead_never_goes() -> None:
    assert not privacy.retention_due(_lead(OLD, qualified=True), [], days=DAYS, now=NOW)
    assert privacy.retention_due(_lead(OLD, qualified=False), [], days=DAYS, now=NOW)


def test_contact_counts_by_the_first_contact_rule() -> None:
    # Lost or disqualified without contact is no contact; a withdrawn contact never happened;
    # a deleted outcome does not count.
    for outcomes in ([_outcome("disqualified")], [_outcome("lost")],
                     [_outcome("contacted"), _outcome("contacted", id="r1", retracts="o-contacted")],
                     [_outcome("contacted", deleted=True)]):
        assert privacy.retention_due(_lead(OLD), outcomes, days=DAYS, now=NOW), outcomes


def test_an_erased_lead_or_one_without_a_capture_time_is_left_alone() -> None:
    assert not privacy.retention_due(_lead(OLD, erased_at="2026-01-01T00:00:00Z"), [],
                                     days=DAYS, now=NOW)
    assert not privacy.retention_due({"captured_at": None}, [], days=DAYS, now=NOW)
    assert not privacy.retention_due({"captured_at": "last spring"}, [], days=DAYS, now=NOW)


@pytest.mark.parametrize(("text", "stored"), [
    ("180", "180"), (" 30 ", "30"), ("7d", "7"), ("off", "off"), ("OFF", "off"), ("0", "off"),
    ("36500", "36500")])
def test_the_setting_takes_days_or_off(text: str, stored: str) -> None:
    assert privacy.check_retention_days(text) == stored


@pytest.mark.parametrize("text", ["-5", "1.5", "six months", "36501", "", "12h"])
def test_the_setting_refuses_anything_else_with_a_message(text: str) -> None:
    with pytest.raises(ValueError, match="whole number of days"):
        privacy.check_retention_days(text)


def test_the_setting_reads_as_days_or_none() -> None:
    assert privacy.retention_days("off") is None and privacy.retention_days(None) is None
    assert privacy.retention_days("90") == 90 and privacy.retention_days("junk") is None
    assert privacy.HUB_SETTINGS[privacy.RETENTION_SETTING][0] == "off"
