"""The Insights rules pinned at their edges: how collateral is ranked, the filters, medians
and the conversions of a funnel with empty or missing stages."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldnote.insights import (
    FilterError,
    InsightFilters,
    effectiveness_key,
    median,
    parse_filter_date,
    step_conversion,
    top_and_bottom,
)


@pytest.mark.parametrize(
    ("item", "key"),
    [
        ({}, (0, 0.0, 0)),
        ({"helped": None, "not_helped": None, "avg_rating": None, "uses": None}, (0, 0.0, 0)),
        ({"helped": 5, "not_helped": 2, "avg_rating": 3.5, "uses": 7}, (3, 3.5, 7)),
        ({"helped": 0, "not_helped": 4}, (-4, 0.0, 0)),
        ({"helped": 2}, (2, 0.0, 0)),
        ({"avg_rating": 4.25}, (0, 4.25, 0)),
        ({"uses": 9}, (0, 0.0, 9)),
    ],
)
def test_ranking_rule_net_helped_votes_then_rating_then_use(item, key):
    assert effectiveness_key(item) == key


def test_ranking_rule_each_figure_decides_only_on_a_tie_of_the_ones_before():
    items = [
        {"id": "more-use", "helped": 1, "ratings": 1, "avg_rating": 3.0, "uses": 9},
        {"id": "better-rated", "helped": 1, "ratings": 1, "avg_rating": 4.0, "uses": 1},
        {"id": "more-net-votes", "helped": 3, "not_helped": 1, "uses": 0},
        {"id": "less-use", "helped": 1, "ratings": 1, "avg_rating": 3.0, "uses": 2},
        {"id": "voted-down", "helped": 1, "not_helped": 3, "avg_rating": 5.0, "uses": 99},
        {"id": "unjudged", "uses": 500, "avg_rating": 5.0},
    ]
    top, bottom = top_and_bottom(items)
    assert top == ["more-net-votes", "better-rated", "more-use"]
    assert bottom == ["voted-down", "less-use"]


def test_ranking_rule_equal_figures_are_ordered_by_id_and_n_limits_both_lists():
    items = [{"id": i, "helped": 1} for i in "adbce"]
    assert top_and_bottom(items) == (["e", "d", "c"], ["a", "b"])
    assert top_and_bottom(items, n=1) == (["e"], ["a"])
    assert top_and_bottom(items, n=2) == (["e", "d"], ["a", "b"])
    assert top_and_bottom([{"id": "x", "ratings": 1}]) == (["x"], [])
    assert top_and_bottom([{"id": "x", "not_helped": 1}, {"id": "y", "helped": 1}]) == (
        ["y"], ["x"])


def test_ranking_rule_with_many_items_the_top_and_bottom_ten():
    items = [{"id": f"{i:02}", "helped": i} for i in range(1, 31)]
    top, bottom = top_and_bottom(items)
    assert top == [f"{i:02}" for i in range(30, 20, -1)]
    assert bottom == [f"{i:02}" for i in range(1, 11)]


@pytest.mark.parametrize(("values", "result"),
                         [([], None), ([3], 3), ([1, 2], 1.5), ([1, 2, 10], 2),
                          ([1.2349, 1.2371], 1.24), ((4, 1, 3), 3)])
def test_median_rule(values, result):
    assert median(values) == result


def test_filters_say_what_they_hold():
    filters = InsightFilters(dt.date(2026, 11, 1), dt.date(2026, 11, 30), "east", "r1", ("e1",))
    assert filters.as_dict() == {"from": "2026-11-01", "to": "2026-11-30", "team": "east",
                                 "rep_id": "r1", "event_ids": ["e1"]}
    assert InsightFilters().as_dict() == {"from": None, "to": None, "team": None,
                                          "rep_id": None, "event_ids": []}


@pytest.mark.parametrize(("start", "end", "ok"), [(1, 2, True), (2, 2, True), (3, 2, False)])
def test_filter_rule_the_start_is_not_after_the_end(start, end, ok):
    def make() -> InsightFilters:
        return InsightFilters(dt.date(2026, 11, start), dt.date(2026, 11, end))

    if ok:
        make()
    else:
        with pytest.raises(FilterError) as err:
            make()
        assert str(err.value) == "The start date 2026-11-03 is after the end date 2026-11-02."
    InsightFilters(dt.date(2026, 11, start), None)
    InsightFilters(None, dt.date(2026, 11, end))


@pytest.mark.parametrize("text", ["24/11/2026", "", None, "2026-13-01"])
def test_a_bad_filter_date_is_refused_in_words(text):
    with pytest.raises(FilterError) as err:
        parse_filter_date(text, "end date")  # type: ignore[arg-type]
    assert str(err.value) == (
        f"The end date {text!r} is not a date; use YYYY-MM-DD, e.g. 2026-11-24.")
    with pytest.raises(FilterError, match="^The date "):
        parse_filter_date("x")


def test_conversions_of_a_funnel_with_missing_stages():
    assert step_conversion({}) == {"qualified": None, "contacted": None, "meeting": None,
                                   "opportunity": None, "won": None}
    assert step_conversion({"captured": 4, "contacted": 2, "won": 1}) == {
        "qualified": 0.0, "contacted": 0.5, "meeting": 0.0, "opportunity": None, "won": None}
    assert list(step_conversion({"captured": 1})) == ["qualified", "contacted", "meeting",
                                                      "opportunity", "won"]


def test_recipient_opens_per_item_and_event_with_the_median_time_to_first_open():
    from fieldnote.insights import NO_EVENT, recipient_open_figures

    links = [("a", "e1", "2026-12-01T10:00:00Z", "2026-12-01T12:00:00Z"),
             ("a", "e1", "2026-12-01T10:00:00Z", "2026-12-02T10:00:00Z"),
             ("a", None, "2026-12-01T10:00:00Z", None),
             ("b", "e1", "2026-12-01T10:00:00Z", None)]
    figures = recipient_open_figures(links, [("a", "e1", 3), ("a", None, 0)])
    assert figures["by_item"]["a"] == {"mailed": 3, "opened": 2, "opens": 3,
                                       "median_hours_to_first_open": 13.0}
    assert figures["by_item"]["b"] == {"mailed": 1, "opened": 0, "opens": 0,
                                       "median_hours_to_first_open": None}
    assert figures["by_event"]["e1"]["mailed"] == 3 and figures["by_event"]["e1"]["opens"] == 3
    assert figures["by_event"][NO_EVENT] == {"mailed": 1, "opened": 0, "opens": 0,
                                             "median_hours_to_first_open": None}
    assert recipient_open_figures([], []) == {"by_item": {}, "by_event": {}}
