"""The routing rules of `fieldnote.routing`, pinned value by value: what a rule may say (each
refusal in full, each limit at its boundary) and when each condition holds."""

from __future__ import annotations

import pytest

from fieldnote.routing import (
    MAX_RULES,
    LeadFacts,
    RoutingError,
    Rule,
    country_code,
    dump_rules,
    lead_facts,
    load_rules,
    matches,
    parse_rules,
    route,
)


def _refusal(data) -> str:
    with pytest.raises(RoutingError) as caught:
        parse_rules(data)
    return str(caught.value)


# --- what a rule may say ------------------------------------------------------------------


@pytest.mark.parametrize(("text", "code"), [
    ("DE", "DE"), ("de", "DE"), (" deu ", "DE"), ("Germany", "DE"), ("US", "US"),
    ("XX", None), ("", None), ("  ", None), (None, None), (49, None),
])
def test_routing_rule_a_country_is_read_as_its_alpha_2_code(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize(("assign", "stored"), [
    ("Ana@Example.COM", "ana@example.com"), ("  a@b.co ", "a@b.co"), ("a@b@c.de", "a@b@c.de"),
    ("Bo@X.COM", "bo@x.com"),
    ("a@" + "b" * 249 + ".de", "a@" + "b" * 249 + ".de"),  # 254 characters
])
def test_routing_rule_an_owner_is_an_email_in_lower_case(assign, stored):
    (rule,) = parse_rules([{"assign": assign}])
    assert rule == Rule({}, stored)


@pytest.mark.parametrize("assign", [
    "nobody", "@b.co", "a@", "a@bco", "a@.bco.", "a@...", "a b@c.de", "a@b.c\to", "a@b.co@host",
    "a@" + "b" * 250 + ".de",  # 255 characters
])
def test_routing_rule_an_owner_that_is_no_email_is_refused(assign):
    assert _refusal([{"assign": assign}]) == (
        f"Rule 1: assign {assign!r} is not an email address.")


@pytest.mark.parametrize("assign", [None, "", "  ", 3, ["a@b.co"]])
def test_routing_rule_a_rule_without_an_owner_is_refused(assign):
    item = {"when": {}} if assign is None else {"when": {}, "assign": assign}
    assert _refusal([item]) == "Rule 1: assign must be the email address of the owner."


def test_routing_rule_a_rule_without_conditions_matches_every_lead():
    (rule,) = parse_rules([{"assign": "a@b.co"}])
    assert rule.when == {}
    assert matches(rule, LeadFacts())


@pytest.mark.parametrize(("data", "message"), [
    ({"when": {}}, 'The routing rules must be a JSON array of rules, e.g. [{"when": {"grade": '
                   '"hot", "country": "DE"}, "assign": "ana@example.com"}].'),
    (["hot"], 'Rule 1: a rule is an object like {"when": {...}, "assign": "ana@example.com"}.'),
    ([{"b": 1, "a": 2, "assign": "a@b.co"}],
     "Rule 1: unknown key 'a'; a rule has only when and assign."),
    ([{"when": "hot", "assign": "a@b.co"}], "Rule 1: when must be an object of conditions."),
    ([{"when": {"size": "L", "colour": "red"}, "assign": "a@b.co"}],
     "Rule 1: unknown condition 'colour'; use grade, country, team, interest, event."),
    ([{"when": {"grade": "lukewarm"}, "assign": "a@b.co"}],
     "Rule 1: grade 'lukewarm' is not one of hot, warm, cold."),
    ([{"when": {"country": "Germany"}, "assign": "a@b.co"}],
     "Rule 1: country 'Germany' is not an ISO 3166 alpha-2 code such as DE or US."),
    ([{"when": {"country": "XX"}, "assign": "a@b.co"}],
     "Rule 1: country 'XX' is not an ISO 3166 alpha-2 code such as DE or US."),
    ([{"when": {"team": " "}, "assign": "a@b.co"}], "Rule 1: team must be a non-empty text."),
    ([{"when": {"event": 7}, "assign": "a@b.co"}], "Rule 1: event must be a non-empty text."),
    ([{"assign": "a@b.co"}, {"assign": "a@b.co"}, {"when": {"interest": ""}, "assign": "x@y.z"}],
     "Rule 3: interest must be a non-empty text."),
])
def test_routing_rule_each_refusal_in_full(data, message):
    assert _refusal(data) == message


@pytest.mark.parametrize("key", ["team", "interest", "event"])
def test_routing_rule_a_text_condition_holds_up_to_200_characters(key):
    (rule,) = parse_rules([{"when": {key: "x" * 200}, "assign": "a@b.co"}])
    assert rule.when == {key: "x" * 200}
    assert _refusal([{"when": {key: "x" * 201}, "assign": "a@b.co"}]) == (
        f"Rule 1: {key} is longer than 200 characters.")


def test_routing_rule_conditions_are_tidied_and_kept_in_their_shown_order():
    (rule,) = parse_rules([{"when": {"event": " Expo \n 2026 ", "team": "West  Coast",
                                     "country": " us ", "grade": "Warm"},
                            "assign": "a@b.co"}])
    assert list(rule.when.items()) == [("grade", "warm"), ("country", "US"),
                                       ("team", "West Coast"), ("event", "Expo 2026")]
    assert dump_rules([rule]) == [{"when": dict(rule.when), "assign": "a@b.co"}]


def test_routing_rule_at_most_200_rules():
    assert len(parse_rules([{"assign": "a@b.co"}] * MAX_RULES)) == 200
    assert _refusal([{"assign": "a@b.co"}] * 201) == (
        "There are 201 rules; at most 200 are allowed.")


def test_routing_rule_a_file_that_is_not_json_names_line_and_column():
    with pytest.raises(RoutingError) as caught:
        load_rules('[\n  {"assign": }]')
    assert str(caught.value) == (
        "The routing file is not JSON (line 2, column 14: Expecting value).")
    assert load_rules("[]") == []


# --- when a rule holds --------------------------------------------------------------------


def _rule(**when) -> Rule:
    (rule,) = parse_rules([{"when": when, "assign": "a@b.co"}])
    return rule


@pytest.mark.parametrize(("lead", "holds"), [
    (LeadFacts(grade="hot"), True), (LeadFacts(grade="HOT"), True),
    (LeadFacts(grade="warm"), False), (LeadFacts(), False),
])
def test_routing_rule_grade(lead, holds):
    assert matches(_rule(grade="hot"), lead) is holds


@pytest.mark.parametrize(("lead", "holds"), [
    (LeadFacts(country="DE"), True), (LeadFacts(country="Germany"), True),
    (LeadFacts(country="AT"), False), (LeadFacts(country="nowhere"), False),
    (LeadFacts(), False),
])
def test_routing_rule_country(lead, holds):
    assert matches(_rule(country="DE"), lead) is holds


@pytest.mark.parametrize(("lead", "holds"), [
    (LeadFacts(team="west coast"), True), (LeadFacts(team=" WEST  Coast "), True),
    (LeadFacts(team="West"), False), (LeadFacts(), False),
])
def test_routing_rule_team(lead, holds):
    assert matches(_rule(team="West Coast"), lead) is holds


@pytest.mark.parametrize(("lead", "holds"), [
    (LeadFacts(interests=("valves", "big  pumps")), True), (LeadFacts(interests=("PUMPS",)),
                                                            False),
    (LeadFacts(interests=("Big Pumps",)), True), (LeadFacts(), False),
])
def test_routing_rule_interest(lead, holds):
    assert matches(_rule(interest="big pumps"), lead) is holds


@pytest.mark.parametrize(("lead", "holds"), [
    (LeadFacts(event_id="e-1"), True), (LeadFacts(event_name="E-1"), True),
    (LeadFacts(event_id="e-2", event_name="Expo"), False), (LeadFacts(), False),
])
def test_routing_rule_event_by_id_or_name(lead, holds):
    assert matches(_rule(event="E-1"), lead) is holds


def test_routing_rule_every_condition_must_hold():
    rule = _rule(grade="hot", country="DE", team="west", interest="pumps", event="Expo")
    lead = LeadFacts("hot", "DE", "West", ("pumps",), "e-1", "Expo")
    assert matches(rule, lead)
    for change in ({"grade": "cold"}, {"country": "AT"}, {"team": "east"}, {"interests": ()},
                   {"event_name": "Fair"}):
        assert not matches(rule, LeadFacts(**{**lead.__dict__, **change})), change


def test_routing_rule_the_first_rule_an_active_owner_can_take_wins():
    rules = parse_rules([{"when": {"grade": "hot"}, "assign": "a@x.co"},
                         {"when": {"grade": "hot"}, "assign": "b@x.co"},
                         {"when": {}, "assign": "c@x.co"}])
    hot, cold = LeadFacts(grade="hot"), LeadFacts(grade="cold")
    assert route(rules, hot) == (0, rules[0])
    assert route(rules, hot, {"b@x.co": "u2", "c@x.co": "u3"}) == (1, rules[1])
    assert route(rules, cold, {"a@x.co": "u1", "b@x.co": "u2"}) is None
    assert route(rules, cold, {"c@x.co": "u3"}) == (2, rules[2])
    assert route([], hot) is None


def test_routing_rule_the_facts_of_a_lead_record():
    assert lead_facts({}, None) == LeadFacts()
    assert lead_facts({"interests": None, "grade": "warm"}, "T", None) == LeadFacts(
        grade="warm", team="T")
    assert lead_facts({"interests": ["a", None, 3, "b"], "event_id": "e"}, None,
                      {"id": "e"}) == LeadFacts(interests=("a", "b"), event_id="e")
