"""Every Insights figure against the hand-counted fixture in fixture_data."""

import datetime as dt

import pytest

from fieldnote.insights import FilterError, InsightFilters
from tests.desktop.insights.fixture_data import (
    ANN,
    BOB,
    C1,
    C2,
    C3,
    E1,
    E2,
    EXPECTED_COLLATERAL,
    EXPECTED_COMPETITORS,
    EXPECTED_FUNNEL,
    EXPECTED_OBJECTIONS,
    TODAY,
    D,
)


def compute(insights, **filters):
    return insights.compute(InsightFilters(**filters), today=TODAY)


def test_the_funnel_counts_each_lead_at_its_furthest_stage_and_every_stage_before(insights):
    figures = compute(insights)
    assert figures["funnel"] == EXPECTED_FUNNEL


def test_conversion_is_each_stage_of_the_chain_over_the_one_before_and_qualified_a_share(insights):
    # Expo North has more contacted leads (4) than qualified ones (3): qualified is not a step
    # of the chain, so contacted converts from captured and nothing goes above 100 %.
    expo = next(e for e in compute(insights)["events"] if e["name"] == "Expo North")
    assert expo["conversion"] == {
        "qualified": 0.5, "contacted": 0.6667, "meeting": 0.75, "opportunity": 0.6667, "won": 1.0,
    }


def test_event_details_show_grade_mix_reps_days_and_time_to_first_contact(insights):
    expo = next(e for e in compute(insights)["events"] if e["name"] == "Expo North")
    assert expo["id"] == E1
    assert expo["campaign_code"] == "C26"
    assert expo["grade_mix"] == {"hot": 2, "warm": 2, "cold": 2, "ungraded": 0}
    assert expo["per_rep"] == {"Ann Archer": 6}
    assert expo["per_day"] == {"2026-10-01": 3, "2026-10-02": 3}
    # First contact after 2, 1, 4 and 10 days: 4.25 on average.
    assert expo["avg_days_to_first_contact"] == 4.25
    summit = next(e for e in compute(insights)["events"] if e["id"] == E2)
    assert summit["grade_mix"] == {"hot": 1, "warm": 1, "cold": 0, "ungraded": 1}


def test_campaigns_add_up_their_events(insights):
    campaigns = compute(insights)["campaigns"]
    assert campaigns["C26"]["captured"] == 9
    assert campaigns["C26"]["won_amount"] == 8000
    assert sorted(campaigns["C26"]["events"]) == ["Expo North", "Summit South"]
    assert campaigns["C27"]["won"] == 1
    assert campaigns["(no campaign)"]["captured"] == 1


def test_collateral_counts_use_ratings_and_helped_votes(insights):
    figures = compute(insights)
    assert figures["collateral"] == EXPECTED_COLLATERAL


def test_collateral_details_follow_the_deals_it_was_used_in(insights):
    detail = compute(insights)["collateral_detail"]
    # Battlecard: leads 1 (use), 7 (through debrief 3) and 2 (debrief 2); 1 won, 2 lost.
    assert (detail[C1]["deals"], detail[C1]["deals_won"], detail[C1]["deals_lost"]) == (3, 1, 1)
    assert detail[C1]["deals_won_amount"] == 5000
    assert detail[C1]["ratings"] == 2
    assert detail[C1]["debrief_outcomes"] == {"advanced": 1, "lost": 1}
    assert (detail[C2]["deals"], detail[C2]["deals_won"]) == (2, 1)
    assert detail[C2]["debrief_outcomes"] == {"advanced": 1, "won": 1}


def test_top_bottom_and_stale_collateral(insights):
    figures = compute(insights)
    assert figures["collateral_top"] == [C1]
    assert figures["collateral_bottom"] == [C2]
    assert [s["id"] for s in figures["collateral_stale"]] == [C3]
    # Seen from mid-August the battlecard was not used yet; the price list was, in June.
    august = compute(insights, date_to=dt.date(2026, 8, 15))
    assert {s["id"] for s in august["collateral_stale"]} == {C1, C3}
    late = insights.compute(InsightFilters(), today=dt.date(2027, 3, 1))
    assert {s["id"] for s in late["collateral_stale"]} == {C1, C2, C3}


def test_voice_of_the_customer_counts_submitted_debriefs_only(insights):
    figures = compute(insights)
    assert figures["objections"] == EXPECTED_OBJECTIONS
    assert figures["competitors"] == EXPECTED_COMPETITORS
    assert figures["why_buy"] == {"Speed": 2, "Support": 1}
    assert figures["why_not"] == {"Too expensive": 1}
    voice = figures["voice"]
    assert voice["debriefs"] == 3
    assert voice["objections"]["month"] == {"2026-10": {"Price": 2, "Timing": 1},
                                            "2026-11": {"Security": 1}}
    assert voice["objections"]["team"] == {"east": {"Price": 2, "Timing": 1},
                                           "west": {"Security": 1}}
    assert voice["competitors"]["outcome"] == {"advanced": {"Acme": 1},
                                               "lost": {"Acme": 1, "Globex": 1},
                                               "won": {"Globex": 1}}


def test_the_debriefs_behind_a_number_are_listed(insights):
    behind = insights.debriefs_behind(InsightFilters(), "objections", "Price")
    assert [d["id"] for d in behind] == [D[2], D[1]]
    assert behind[0]["author"] == "Ann Archer"
    assert [d["id"] for d in insights.debriefs_behind(InsightFilters(), "competitors", "Globex",
                                                      month="2026-11")] == [D[3]]
    assert [d["id"] for d in insights.debriefs_behind(InsightFilters(), "not_helped", C2)] == [D[3], D[1]]
    assert insights.debriefs_behind(InsightFilters(), "objections", "Price", outcome="won") == []
    with pytest.raises(ValueError):
        insights.debriefs_behind(InsightFilters(), "colour", "x")


def test_rubric_check_splits_conversion_by_grade_and_qualification_per_version(insights):
    check = compute(insights)["rubric_check"]
    v1 = next(g for g in check if g["rubric_version"] == 1)
    assert v1["rubric_name"] == "Booth rubric"
    assert v1["by_grade"]["hot"] == {"leads": 2, "meeting": 2, "opportunity": 1, "won": 1,
                                     "meeting_rate": 1.0, "opportunity_rate": 0.5, "won_rate": 0.5}
    assert v1["by_grade"]["warm"]["meeting"] == 0
    assert v1["by_grade"]["cold"] == {"leads": 2, "meeting": 1, "opportunity": 1, "won": 1,
                                      "meeting_rate": 0.5, "opportunity_rate": 0.5, "won_rate": 0.5}
    assert v1["by_qualified"]["qualified"]["leads"] == 3
    assert v1["by_qualified"]["qualified"]["won"] == 1
    assert v1["by_qualified"]["not_qualified"]["won_rate"] == 0.3333
    v2 = next(g for g in check if g["rubric_version"] == 2)
    assert v2["by_grade"]["hot"]["leads"] == 2 and v2["by_grade"]["hot"]["won"] == 1
    assert v2["by_grade"]["ungraded"]["leads"] == 1
    assert check[-1]["rubric_name"] == "(no rubric)"


def test_requests_show_what_is_open_and_how_fast_answers_came(insights):
    requests = compute(insights)["requests"]
    assert requests["by_status"] == {"accepted": 1, "declined": 1, "delivered": 1, "open": 1}
    assert requests["open"] == 2
    assert [(i["title"], i["overdue"]) for i in requests["open_items"]] == [
        ("Case study", True), ("German sheet", False)]
    assert requests["open_items"][0]["age_days"] == 43
    # Delivered after 3 days, declined after 1: median 2.
    assert requests["median_turnaround_days"] == 2.0


def test_an_event_filter_restricts_leads_use_and_debriefs_to_that_event(insights):
    figures = compute(insights, event_ids=(E1,))
    assert figures["funnel"] == {"Expo North": EXPECTED_FUNNEL["Expo North"]}
    assert figures["objections"] == {"Price": 2, "Timing": 1}
    assert figures["competitors"] == {"Acme": 2, "Globex": 1}
    assert figures["collateral"][C1] == {"opens": 1, "shares": 1, "presentations": 0,
                                         "avg_rating": 4.5, "helped": 2, "not_helped": 0}
    assert figures["collateral"][C2]["opens"] == 0
    assert figures["collateral"][C2]["not_helped"] == 1
    assert [i["title"] for i in figures["requests"]["open_items"]] == ["German sheet"]


def test_a_date_range_applies_to_capture_use_and_call_dates(insights):
    figures = compute(insights, date_from=dt.date(2026, 11, 1))
    assert set(figures["funnel"]) == {"Cloud Days", "(no event)"}
    assert figures["objections"] == {"Security": 1}
    assert figures["collateral"][C1]["presentations"] == 1
    assert figures["collateral"][C1]["opens"] == 0
    october = compute(insights, date_from=dt.date(2026, 10, 1), date_to=dt.date(2026, 10, 1))
    assert october["funnel"]["Expo North"]["captured"] == 3
    assert october["objections"] == {}


def test_team_and_rep_filters_apply_to_owners_and_authors(insights):
    west = compute(insights, team="west")
    assert set(west["funnel"]) == {"Summit South", "(no event)"}
    assert west["objections"] == {"Security": 1}
    assert west["collateral"][C1]["avg_rating"] == 4.0
    ann = compute(insights, rep_id=ANN)
    assert set(ann["funnel"]) == {"Expo North", "Cloud Days"}
    assert ann["collateral"][C1]["opens"] == 1
    assert compute(insights, rep_id=BOB)["requests"]["open"] == 1


def test_a_start_after_the_end_is_refused():
    with pytest.raises(FilterError, match="after the end"):
        InsightFilters(date_from=dt.date(2026, 2, 1), date_to=dt.date(2026, 1, 1))


def test_an_empty_store_gives_empty_figures(tmp_path):
    from desktop.store import open_store
    from desktop.store.insights import InsightsQueries

    store = open_store(tmp_path / "empty.sqlite3")
    queries = InsightsQueries(store.engine)
    figures = queries.compute()
    assert figures["funnel"] == {} and figures["collateral"] == {} and figures["objections"] == {}
    assert figures["requests"]["median_turnaround_days"] is None
    queries.dispose()
    store.engine.dispose()


def test_events_can_be_found_by_name_or_id(insights):
    assert [e["id"] for e in insights.resolve_events("expo north")] == [E1]
    assert [e["id"] for e in insights.resolve_events(E2)] == [E2]
    assert insights.resolve_events("Nowhere") == []
    assert insights.choices()["teams"] == ["east", "west"]


def test_only_each_users_newest_rating_of_an_item_counts(insights, store):
    from sqlalchemy import insert

    from desktop.store.schema import record_tables
    from tests.desktop.insights.fixture_data import uid

    with store.engine.begin() as conn:
        # Ann rated the battlecard 5 first; her later 1 replaces it: (1 + 4) / 2.
        conn.execute(insert(record_tables["collateral_feedback"]).values(
            id=uid(499, "2026-11-25T00:00:00Z"), rev=1, deleted=False,
            local_updated_at="2026-11-25T00:00:00Z", collateral_id=C1, rating=1, author_id=ANN))
    figures = compute(insights)
    assert figures["collateral"][C1]["avg_rating"] == 2.5
    assert figures["collateral_detail"][C1]["ratings"] == 2


def test_odd_stored_lists_are_skipped_not_fatal(insights, store):
    from sqlalchemy import text

    from tests.desktop.insights.fixture_data import uid

    with store.engine.begin() as conn:
        # Lists as a newer or broken client might leave them: a string, an object, junk text.
        conn.execute(text(
            "INSERT INTO rec_debrief (id, rev, deleted, local_updated_at, account, call_date, "
            "status, objections, competitors, collateral_used) VALUES (:id, 1, 0, "
            "'2026-11-20T00:00:00Z', 'Odd', '2026-10-07', 'submitted', '\"Price\"', "
            "'{\"Acme\": \"Acme\"}', 'not json')"), {"id": uid(390)})
        conn.execute(text(
            "INSERT INTO rec_debrief (id, rev, deleted, local_updated_at, account, call_date, "
            "status, objections, collateral_used) VALUES (:id, 1, 0, '2026-11-20T00:00:00Z', "
            "'Odd 2', '2026-10-07', 'submitted', '[\"Price\", 7]', :used)"),
            {"id": uid(391), "used": f'["x", {{"collateral_id": "{C1}", "helpful": true}}]'})
    figures = compute(insights)
    assert figures["objections"] == {**EXPECTED_OBJECTIONS, "Price": 3}
    assert figures["competitors"] == EXPECTED_COMPETITORS
    assert figures["collateral"][C1]["helped"] == 3
    assert len(insights.debriefs_behind(InsightFilters(), "objections", "Price")) == 3
    assert len(insights.debriefs_behind(InsightFilters(), "helped", C1)) == 3


def test_a_cancelled_computation_stops_and_the_next_one_is_whole(insights):
    class Stop(Exception):
        pass

    calls = []

    def check():
        calls.append(1)
        if len(calls) >= 2:
            raise Stop()

    with pytest.raises(Stop):
        insights.compute(check=check)
    assert compute(insights)["funnel"] == EXPECTED_FUNNEL


def test_computations_at_the_same_time_do_not_mix(insights):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = [pool.submit(compute, insights, event_ids=(E1,) if n % 2 else ()) for n in range(8)]
        results = [r.result() for r in runs]
    for n, figures in enumerate(results):
        expected = {"Expo North": EXPECTED_FUNNEL["Expo North"]} if n % 2 else EXPECTED_FUNNEL
        assert figures["funnel"] == expected


def test_each_event_shows_follow_up_within_service_level_and_median_hours_by_grade(insights):
    events = {e["name"]: e for e in compute(insights)["events"]}
    # Expo North: of six leads (all due long ago) only lead 2 was contacted within its level
    # (hot, a day); lead 1 after two days, 3 (warm) after four, 6 (cold) after ten; 4 and 5
    # were never contacted.
    expo = events["Expo North"]
    assert expo["contacted_within_service_level"] == 0.1667
    assert expo["median_hours_to_first_contact"] == {"hot": 36.0, "warm": 96.0, "cold": 240.0,
                                                     "ungraded": None}
    # Summit South: the ungraded lead, held to the cold level, was contacted after a day.
    summit = events["Summit South"]
    assert summit["contacted_within_service_level"] == 0.3333
    assert summit["median_hours_to_first_contact"] == {"hot": 120.0, "warm": None, "cold": None,
                                                       "ungraded": 24.0}


def test_the_service_levels_are_the_hubs(insights, store):
    from desktop.store.records import HUB_SETTINGS_KEY

    store.set_state(HUB_SETTINGS_KEY, {"currency": "EUR", "service_level_hot": "2d"})
    expo = next(e for e in compute(insights)["events"] if e["name"] == "Expo North")
    assert expo["contacted_within_service_level"] == 0.3333
