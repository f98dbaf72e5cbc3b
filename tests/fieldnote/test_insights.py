import datetime as dt

import pytest

from fieldnote.ids import new_id
from fieldnote.insights import (
    FilterError,
    id_time,
    money,
    parse_filter_date,
    rate,
    step_conversion,
    top_and_bottom,
)


def test_step_conversion_divides_each_stage_by_the_one_before():
    funnel = {"captured": 10, "qualified": 5, "contacted": 4, "meeting": 2, "opportunity": 0, "won": 0}
    assert step_conversion(funnel) == {"qualified": 0.5, "contacted": 0.8, "meeting": 0.5,
                                       "opportunity": 0.0, "won": None}


def test_rate_of_nothing_is_none():
    assert rate(3, 0) is None
    assert rate(1, 3) == 0.3333


def test_a_bad_filter_date_names_the_expected_format():
    assert parse_filter_date(" 2026-11-24 ") == dt.date(2026, 11, 24)
    with pytest.raises(FilterError, match="YYYY-MM-DD"):
        parse_filter_date("24/11/2026", "start date")


def test_the_time_of_a_uuid7_id_is_when_it_was_made():
    made = id_time(new_id())
    assert made is not None
    assert abs((dt.datetime.now(dt.UTC) - made).total_seconds()) < 5
    assert id_time("not an id") is None
    assert id_time("6ba7b810-9dad-11d1-80b4-00c04fd430c8") is None


def test_money_prints_whole_amounts_without_decimals():
    assert money(8000.0) == 8000 and isinstance(money(8000.0), int)
    assert money(12.345) == 12.35
    assert money(None) == 0


def test_top_and_bottom_never_share_an_item_and_skip_unjudged_ones():
    items = [
        {"id": "a", "helped": 3, "not_helped": 0, "ratings": 0},
        {"id": "b", "helped": 0, "not_helped": 2, "ratings": 1, "avg_rating": 2.0},
        {"id": "c", "helped": 1, "not_helped": 1, "ratings": 0},
        {"id": "d", "helped": 0, "not_helped": 0, "ratings": 0, "uses": 40},
    ]
    top, bottom = top_and_bottom(items)
    assert top == ["a", "c"]
    assert bottom == ["b"]
    assert top_and_bottom([]) == ([], [])
