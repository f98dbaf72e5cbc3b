"""The routing rules: the file format, its one-line refusals, and first match wins."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldnote.routing import (
    LeadFacts,
    RoutingError,
    dump_rules,
    lead_facts,
    load_rules,
    matches,
    parse_rules,
    route,
)

RULES = [
    {"when": {"grade": "hot", "country": "DE"}, "assign": "ana@example.com"},
    {"when": {"team": "West"}, "assign": "bo@example.com"},
    {"when": {}, "assign": "cy@example.com"},
]


def test_a_file_of_rules_reads_back_as_written():
    rules = load_rules(json.dumps(RULES))
    assert dump_rules(rules) == RULES


def test_conditions_and_emails_are_normalised():
    (rule,) = parse_rules([{"when": {"grade": " HOT ", "country": "de"},
                            "assign": "Ana@Example.COM"}])
    assert rule.when == {"grade": "hot", "country": "DE"}
    assert rule.assign == "ana@example.com"


@pytest.mark.parametrize(("data", "words"), [
    ({"when": {}}, "JSON array"),
    ([{"when": {"grade": "lukewarm"}, "assign": "a@b.co"}], "Rule 1: grade 'lukewarm'"),
    ([RULES[0], {"when": {"country": "Germany"}, "assign": "a@b.co"}], "Rule 2: country"),
    ([{"when": {"country": "XX"}, "assign": "a@b.co"}], "ISO 3166 alpha-2"),
    ([{"when": {"colour": "red"}, "assign": "a@b.co"}], "unknown condition 'colour'"),
    ([{"when": {}, "assign": "nobody"}], "not an email address"),
    ([{"when": {}}], "assign must be"),
    ([{"when": [], "assign": "a@b.co"}], "when must be an object"),
    ([{"when": {}, "assign": "a@b.co", "extra": 1}], "unknown key 'extra'"),
    (["hot"], "a rule is an object"),
    ([{"when": {"grade": 3}, "assign": "a@b.co"}], "grade must be a non-empty text"),
])
def test_a_bad_rule_is_refused_in_one_line_naming_it(data, words):
    with pytest.raises(RoutingError) as caught:
        parse_rules(data)
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_file_that_is_not_json_is_refused_with_its_position():
    with pytest.raises(RoutingError, match="not JSON .line 1"):
        load_rules("[{")


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.sampled_from(["when", "assign", "grade", "country",
                                                       "team", "x"]), inner, max_size=3),
                    max_leaves=12))
def test_any_json_is_either_rules_or_one_routing_error(data):
    try:
        rules = parse_rules(data)
    except RoutingError as exc:
        assert "\n" not in str(exc)
    else:
        assert parse_rules(dump_rules(rules)) == rules


def _lead(**kw):
    return LeadFacts(**{"grade": "hot", "country": "DE", "team": "east", **kw})


def test_every_given_condition_must_hold():
    (rule,) = parse_rules([RULES[0]])
    assert matches(rule, _lead())
    assert matches(rule, _lead(country="Germany"))  # a country name reads as its code
    assert matches(rule, _lead(country="deu"))
    assert not matches(rule, _lead(grade="warm"))
    assert not matches(rule, _lead(country="AT"))
    assert not matches(rule, _lead(country=None))


def test_team_interest_and_event_compare_without_case():
    (rule,) = parse_rules([{"when": {"team": "west", "interest": "Pumps",
                                     "event": "Hannover Messe"}, "assign": "a@b.co"}])
    lead = _lead(team="West", interests=("valves", "pumps"), event_name="hannover messe")
    assert matches(rule, lead)
    assert not matches(rule, _lead(team="West", interests=("valves",),
                                   event_name="hannover messe"))
    (by_id,) = parse_rules([{"when": {"event": "0190-EVT"}, "assign": "a@b.co"}])
    assert matches(by_id, _lead(event_id="0190-evt"))


def test_the_first_matching_rule_wins():
    rules = parse_rules(RULES)
    assert route(rules, _lead()) == (0, rules[0])
    assert route(rules, _lead(grade="cold", team="west")) == (1, rules[1])
    assert route(rules, _lead(grade="cold")) == (2, rules[2])
    assert route(rules[:2], _lead(grade="cold")) is None


def test_a_rule_naming_no_active_user_is_passed_over():
    rules = parse_rules(RULES)
    assignable = {"cy@example.com": "u3"}
    assert route(rules, _lead(), assignable) == (2, rules[2])
    assert route(rules, _lead(), {}) is None


def test_lead_facts_read_a_lead_record():
    facts = lead_facts({"grade": "hot", "country": "DE", "interests": ["a", 3],
                        "event_id": "e1"}, "east", {"name": "Expo"})
    assert facts == LeadFacts("hot", "DE", "east", ("a",), "e1", "Expo")
