"""The event cost and return rules (`fieldnote.costs`), case by case."""

import pytest

from fieldnote.costs import (
    COST_KEYS,
    MIXED,
    campaign_cost,
    cost_figures,
    cost_of,
    pipeline_by_lead,
    pipeline_value,
)


def outcome(status, at, amount=None, **kw):
    return {"id": kw.pop("id", f"{status}-{at}"), "lead_id": kw.pop("lead_id", "L1"),
            "status": status, "at": at, "amount": amount, **kw}


def test_the_pipeline_value_is_the_latest_opportunity_or_win_with_an_amount():
    assert pipeline_value([]) == 0
    assert pipeline_value([outcome("opportunity", "2026-10-01", 40000)]) == 40000
    # Won later at a lower amount: the win, not both.
    assert pipeline_value([outcome("opportunity", "2026-10-01", 40000),
                           outcome("won", "2026-11-01", 35000)]) == 35000
    # Order given does not matter, the time does.
    assert pipeline_value([outcome("won", "2026-11-01", 35000),
                           outcome("opportunity", "2026-10-01", 40000)]) == 35000
    # Same time: the later one given wins.
    assert pipeline_value([outcome("opportunity", "2026-10-01", 1),
                           outcome("opportunity", "2026-10-01", 2)]) == 2


def test_outcomes_without_an_amount_or_of_other_stages_add_nothing():
    assert pipeline_value([outcome("opportunity", "2026-10-01", 40000),
                           outcome("won", "2026-11-01")]) == 40000
    for status in ("contacted", "meeting", "lost", "disqualified"):
        assert pipeline_value([outcome(status, "2026-10-01", 500)]) == 0
    assert pipeline_value([outcome("won", "2026-10-01", 0)]) == 0


def test_deleted_and_withdrawn_outcomes_add_nothing():
    assert pipeline_value([outcome("won", "2026-10-01", 9, deleted=True)]) == 0
    kept = outcome("opportunity", "2026-10-01", 100, id="a")
    gone = outcome("won", "2026-10-05", 900, id="b")
    withdrawal = outcome("won", "2026-10-06", id="c", retracts="b")
    assert pipeline_value([kept, gone, withdrawal]) == 100


def test_pipeline_by_lead_keeps_leads_with_a_value_only():
    rows = [outcome("won", "2026-10-01", 5, lead_id="A"),
            outcome("meeting", "2026-10-01", lead_id="B"),
            outcome("opportunity", "2026-10-01", 7, lead_id="C")]
    assert pipeline_by_lead(rows) == {"A": 5, "C": 7}


def test_an_event_without_a_currency_is_in_the_teams():
    assert cost_of({"cost_amount": 100}, "EUR") == (100.0, "EUR")
    assert cost_of({"cost_amount": 100, "cost_currency": " usd "}, "EUR") == (100.0, "USD")
    assert cost_of({"cost_amount": None, "cost_currency": ""}, "GBP") == (None, "GBP")
    assert cost_of({"cost_amount": 0}, "EUR") == (0.0, "EUR")


FUNNEL = {"captured": 4, "qualified": 2, "opportunity": 1, "won_amount": 3000}


def test_cost_figures_divide_the_cost_by_each_count():
    figures = cost_figures(1000, "EUR", "EUR", FUNNEL, 5000)
    assert list(figures) == list(COST_KEYS)
    assert figures == {"cost": 1000, "currency": "EUR", "per_lead": 250, "per_qualified": 500,
                       "per_opportunity": 1000, "pipeline": 5000, "won_amount": 3000,
                       "pipeline_per_cost": 5.0, "won_per_cost": 3.0, "compared": True}


@pytest.mark.parametrize("count, expected", [(0, None), (1, 1000), (3, 333.33)])
def test_nothing_to_divide_by_gives_no_figure(count, expected):
    figures = cost_figures(1000, "EUR", "EUR", {"captured": count, "qualified": count,
                                                "opportunity": count}, 0)
    assert figures["per_lead"] == figures["per_qualified"] == figures["per_opportunity"] == expected


def test_amounts_are_set_against_a_cost_in_the_same_currency_only():
    other = cost_figures(1000, "USD", "EUR", FUNNEL, 5000)
    assert other["compared"] is False
    assert other["pipeline_per_cost"] is None and other["won_per_cost"] is None
    assert other["per_lead"] == 250 and other["currency"] == "USD"
    # A cost of nothing: free, so per-lead figures are 0 and no multiple is defined.
    free = cost_figures(0, "EUR", "EUR", FUNNEL, 5000)
    assert free["per_lead"] == 0 and free["won_per_cost"] is None and free["compared"] is True


def test_no_cost_gives_no_cost_figure_but_keeps_the_amounts():
    figures = cost_figures(None, "EUR", "EUR", FUNNEL, 5000)
    assert figures["cost"] is None and figures["per_lead"] is None
    assert figures["compared"] is False and figures["won_per_cost"] is None
    assert figures["pipeline"] == 5000 and figures["won_amount"] == 3000


def test_a_campaign_sums_its_events_costs_in_one_currency():
    assert campaign_cost([]) == (None, None)
    assert campaign_cost([(None, "EUR"), (None, "USD")]) == (None, None)
    assert campaign_cost([(100, "EUR"), (None, "USD"), (50.5, "EUR")]) == (150.5, "EUR")
    assert campaign_cost([(100, "EUR"), (50, "USD")]) == (None, MIXED)


def test_an_events_cost_is_a_number_from_zero_in_an_iso_currency():
    from fieldnote.kinds import spec
    from fieldnote.validation import ValidationFailed, check_complete, clean_fields

    ok = clean_fields("event", {"name": "Expo", "cost_amount": 0, "cost_currency": "usd"})
    assert ok["cost_amount"] == 0
    for bad in ({"cost_amount": -1}, {"cost_amount": "12"}, {"cost_currency": "EURO"},
                {"cost_currency": "XXY"}):
        with pytest.raises(ValidationFailed) as exc:
            clean_fields("event", {"name": "Expo", **bad})
        assert {e.field for e in exc.value.errors} == set(bad)
    # An update that does not touch the currency is not held to it again.
    assert check_complete(spec("event"), {"name": "Expo", "cost_currency": "??"},
                          changed={"name"}) == []


def test_an_outcome_of_another_stage_before_the_opportunity_does_not_end_the_search():
    assert pipeline_value([outcome("contacted", "2026-09-01", 10),
                           outcome("meeting", "2026-09-10"),
                           outcome("opportunity", "2026-10-01", 500)]) == 500


def test_an_outcome_without_a_time_never_outranks_one_with_a_time():
    assert pipeline_value([outcome("opportunity", "2026-10-01", 100),
                           {"id": "x", "lead_id": "L1", "status": "won", "amount": 200}]) == 100


def test_a_funnel_missing_a_count_has_no_figure_for_it():
    figures = cost_figures(900, "EUR", "EUR", {}, 0)
    assert figures["per_lead"] is None and figures["per_qualified"] is None
    assert figures["per_opportunity"] is None and figures["won_amount"] == 0
    assert figures["won_per_cost"] == 0.0 and figures["pipeline_per_cost"] == 0.0
