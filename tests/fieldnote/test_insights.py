import datetime as dt

import pytest

from fieldnote.ids import new_id
from fieldnote.insights import (
    FilterError,
    funnel_counts,
    id_time,
    money,
    parse_filter_date,
    rate,
    stage_reached,
    step_conversion,
    top_and_bottom,
)


def test_step_conversion_divides_each_stage_of_the_chain_by_the_one_before():
    funnel = {"captured": 10, "qualified": 5, "contacted": 4, "meeting": 2, "opportunity": 0, "won": 0}
    assert step_conversion(funnel) == {"qualified": 0.5, "contacted": 0.4, "meeting": 0.5,
                                       "opportunity": 0.0, "won": None}


def test_more_contacted_than_qualified_never_converts_above_one():
    # The demo's shape: contacted 126 of 308 captured, only 95 of them qualified.
    funnel = {"captured": 308, "qualified": 95, "contacted": 126, "meeting": 55,
              "opportunity": 26, "won": 13}
    conversion = step_conversion(funnel)
    assert conversion["contacted"] == round(126 / 308, 4)
    assert conversion["qualified"] == round(95 / 308, 4)
    assert all(v is not None and 0 <= v <= 1 for v in conversion.values())


def test_a_lead_counts_in_every_stage_up_to_the_furthest_its_counting_outcomes_reached():
    won = {"id": "a", "status": "won"}
    lost = {"id": "b", "status": "lost"}
    withdrawn_won = [{"id": "c", "status": "meeting"}, {"id": "d", "status": "won"},
                     {"id": "e", "status": "won", "retracts": "d"}]
    assert stage_reached([won]) == 4
    assert stage_reached([lost]) == 0
    assert stage_reached(withdrawn_won) == 2
    assert stage_reached([{"id": "f", "status": "won", "deleted": True}]) == 0
    counts = funnel_counts([(False, [won]), (True, [lost]), (True, withdrawn_won), (False, [])])
    assert counts == {"captured": 4, "qualified": 2, "contacted": 2, "meeting": 2,
                      "opportunity": 1, "won": 1}


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
