"""The stale rule of approved collateral: each period just under, at and over its length."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldnote.staleness import (
    DEFAULT_VERIFY_DAYS,
    UNUSED_DAYS,
    Stale,
    check_days,
    stale_reasons,
    verify_days,
)

TODAY = dt.date(2026, 12, 7)


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


def reasons(**kw):
    values = {"status": "approved", "verified_on": ago(1), "last_used": ago(1),
              "available_since": ago(400), "today": TODAY, "verify_period": 180, **kw}
    return stale_reasons(**values)


@pytest.mark.parametrize(("days", "stale"), [(179, False), (180, True), (181, True)])
def test_not_verified_for_the_period_marketing_set(days, stale):
    expected = (Stale("not_verified", TODAY - dt.timedelta(days=days)),) if stale else ()
    assert reasons(verified_on=ago(days)) == expected


@pytest.mark.parametrize(("days", "stale"), [(9, False), (10, True), (11, True)])
def test_the_period_is_the_setting(days, stale):
    assert bool(reasons(verified_on=ago(days), verify_period=10)) is stale


@pytest.mark.parametrize(("days", "stale"), [(89, False), (90, True), (91, True)])
def test_unused_for_ninety_days(days, stale):
    expected = (Stale("unused", TODAY - dt.timedelta(days=days)),) if stale else ()
    assert reasons(last_used=ago(days) + "T09:30:00Z") == expected


@pytest.mark.parametrize(("days", "stale"), [(89, False), (90, True)])
def test_never_used_counts_from_when_it_became_available(days, stale):
    expected = (Stale("unused", TODAY - dt.timedelta(days=days)),) if stale else ()
    assert reasons(last_used=None, available_since=ago(days)) == expected


def test_never_verified_counts_from_when_it_became_available():
    assert reasons(verified_on=None, available_since=ago(200), last_used=ago(1)) == (
        Stale("not_verified", TODAY - dt.timedelta(days=200)),)
    assert reasons(verified_on="", available_since=ago(179), last_used=ago(1)) == ()


def test_both_reasons_at_once_and_only_approved_items():
    both = reasons(verified_on=ago(300), last_used=ago(100))
    assert [s.reason for s in both] == ["not_verified", "unused"]
    for status in ("draft", "review", "declined", "retired", None):
        assert reasons(status=status, verified_on=ago(300), last_used=ago(100)) == ()


def test_no_dates_at_all_is_not_stale():
    assert reasons(verified_on=None, last_used=None, available_since=None) == ()
    assert reasons(verified_on="garbage", last_used="x", available_since=None) == ()


def test_the_setting_checks_its_value_and_falls_back_to_the_default():
    assert check_days(" 30 ") == "30"
    for bad, words in (("0", "out of range"), ("3651", "out of range"), ("soon", "not a number")):
        with pytest.raises(ValueError, match=words):
            check_days(bad)
    assert verify_days({"collateral_verify_days": "30"}) == 30
    assert verify_days({"collateral_verify_days": "junk"}) == DEFAULT_VERIFY_DAYS == 180
    assert verify_days(None) == DEFAULT_VERIFY_DAYS
    assert UNUSED_DAYS == 90


@pytest.mark.parametrize("days, ok", [(0, False), (1, True), (2, True), (3649, True),
                                      (3650, True), (3651, False), (-1, False)])
def test_the_verification_period_is_one_day_to_ten_years(days, ok):
    if ok:
        assert check_days(str(days)) == str(days)
        assert verify_days({"collateral_verify_days": str(days)}) == days
    else:
        with pytest.raises(ValueError, match="out of range"):
            check_days(str(days))
        assert verify_days({"collateral_verify_days": str(days)}) == DEFAULT_VERIFY_DAYS
