import copy
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldnote.scoring import (
    DEMO_ANSWERS,
    DEMO_RUBRIC,
    DEMO_RUBRIC_FIELDS,
    DEMO_RUBRIC_ID,
    RubricInvalid,
    needs_rescore,
    parse_rubric,
    score,
    score_fields,
)
from fieldnote.validation import ValidationFailed, clean_fields


def test_the_demo_rubric_is_a_valid_rubric_record():
    cleaned = clean_fields("rubric", DEMO_RUBRIC_FIELDS)
    assert parse_rubric(cleaned, DEMO_RUBRIC_ID) == DEMO_RUBRIC
    assert DEMO_RUBRIC.to_fields() == json.loads(json.dumps(DEMO_RUBRIC_FIELDS))


@pytest.mark.parametrize("grade", ["hot", "warm", "cold"])
def test_the_demo_answer_sets_earn_their_grade(grade):
    result = score(DEMO_RUBRIC, DEMO_ANSWERS[grade])
    assert result.grade == grade
    assert result.problems == ()


def test_a_hot_lead_with_budget_and_near_timeframe_is_qualified():
    result = score(DEMO_RUBRIC, DEMO_ANSWERS["hot"])
    # 25 budget + 20 authority + 12 need + 20 timeframe + 15 size + 10 interest + 10 demo
    assert result.points == 112
    assert result.by_question["need"] == 12
    assert result.qualified
    assert result.missing_must_haves == ()
    assert result.max_points == 25 + 20 + 20 + 20 + 15 + 10 + 10


def test_a_high_score_without_a_must_have_is_not_qualified():
    answers = {**DEMO_ANSWERS["hot"], "timeframe": "6-12m"}
    result = score(DEMO_RUBRIC, answers)
    assert result.grade == "hot"
    assert not result.qualified
    assert result.missing_must_haves == ("timeframe",)


def test_unanswered_must_haves_are_missing_and_an_empty_lead_is_not_qualified():
    result = score(DEMO_RUBRIC, {})
    assert (result.points, result.grade, result.qualified) == (0, "cold", False)
    assert result.missing_must_haves == ("budget", "timeframe")


def _rubric(**overrides):
    fields = {
        "name": "Test",
        "version": 2,
        "questions": [
            {"id": "size", "text": "Employees", "type": "number",
             "ranges": [{"max": 9, "points": 1}, {"min": 10, "max": 99, "points": 5},
                        {"min": 100, "points": 9}]},
            {"id": "budget", "text": "Budget?", "type": "yesno", "yes_points": 10, "no_points": -5},
            {"id": "topics", "text": "Topics", "type": "multi", "max_points": 7,
             "options": [{"value": "a", "label": "A", "points": 4},
                         {"value": "b", "label": "B", "points": 4},
                         {"value": "c", "label": "C", "points": -2}]},
            {"id": "remark", "text": "Remark", "type": "text"},
        ],
        "thresholds": {"hot": 15, "warm": 8},
        "must_have": [{"question_id": "budget", "values": [True]},
                      {"question_id": "size", "min": 10, "max": 500}],
    }
    fields.update(overrides)
    return parse_rubric(fields, "0193aaaa-0000-7000-8000-000000000001")


@pytest.mark.parametrize(
    ("answers", "points", "grade", "qualified"),
    [
        ({"size": 10, "budget": True}, 15, "hot", True),
        ({"size": "250", "budget": "yes"}, 19, "hot", True),
        ({"size": 9.5, "budget": True}, 10, "warm", False),  # between ranges: 0 points
        ({"size": 501, "budget": True}, 19, "hot", False),  # above the must-have max
        ({"size": 5, "budget": False}, -4, "cold", False),
        ({"topics": ["a", "b"]}, 7, "cold", False),  # capped at max_points
        ({"topics": ["a", "a", "c"]}, 2, "cold", False),  # a repeat counts once
        ({"remark": "very keen"}, 0, "cold", False),
    ],
)
def test_answers_score_by_the_rubric_rules(answers, points, grade, qualified):
    result = score(_rubric(), answers)
    assert (result.points, result.grade, result.qualified) == (points, grade, qualified)
    assert result.problems == ()


def test_bad_and_unknown_answers_score_nothing_and_are_reported():
    result = score(_rubric(), {"size": "lots", "budget": "perhaps", "topics": ["a", "zzz"],
                               "colour": "blue"})
    assert result.points == 4
    assert len(result.problems) == 4
    assert any("size" in p and "not a number" in p for p in result.problems)
    assert any("budget" in p and "yes or no" in p for p in result.problems)
    assert any("'zzz'" in p for p in result.problems)
    assert any("'colour'" in p and "not a question" in p for p in result.problems)


def test_answers_that_are_not_an_object_score_nothing_without_raising():
    result = score(_rubric(), ["size", 10])  # type: ignore[arg-type]
    assert result.points == 0 and result.problems
    assert score(_rubric(), None).problems == ()


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda f: f.update(name=""), "name"),
        (lambda f: f.update(version=0), "version"),
        (lambda f: f.update(questions="nope"), "questions"),
        (lambda f: f["questions"].append({"id": "size", "text": "Again", "type": "text"}),
         "questions[4].id"),
        (lambda f: f["questions"][0].update(type="slider"), "questions[0].type"),
        (lambda f: f["questions"][2].update(options=[]), "questions[2].options"),
        (lambda f: f["questions"][2]["options"][0].update(points="4"),
         "questions[2].options[0].points"),
        (lambda f: f["questions"][2]["options"][1].update(value="a"),
         "questions[2].options[1].value"),
        (lambda f: f["questions"][0]["ranges"][1].update(min=200), "questions[0].ranges[1]"),
        (lambda f: f.update(thresholds={"hot": 5, "warm": 8}), "thresholds"),
        (lambda f: f.update(thresholds={"hot": 5}), "thresholds.warm"),
        (lambda f: f.update(thresholds=[15, 8]), "thresholds"),
        (lambda f: f["must_have"].append({"question_id": "nope", "values": ["x"]}),
         "must_have[2].question_id"),
        (lambda f: f["must_have"].append({"question_id": "topics", "values": ["z"]}),
         "must_have[2].values"),
        (lambda f: f["must_have"].append({"question_id": "topics", "values": [["a"]]}),
         "must_have[2].values"),
        (lambda f: f["must_have"].append({"question_id": "budget", "values": ["yes"]}),
         "must_have[2].values"),
        (lambda f: f["must_have"].append({"question_id": "size"}), "must_have[2]"),
        (lambda f: f["must_have"].append({"question_id": "remark", "values": ["x"]}),
         "must_have[2]"),
    ],
)
def test_a_malformed_rubric_is_refused_naming_the_place(change, where):
    fields = copy.deepcopy(_rubric().to_fields())
    change(fields)
    with pytest.raises(RubricInvalid) as err:
        parse_rubric(fields)
    assert where in [e.field for e in err.value.errors]
    assert isinstance(err.value, ValidationFailed)
    assert err.value.problem()["status"] == 422


def test_every_problem_of_a_rubric_is_reported_at_once():
    with pytest.raises(RubricInvalid) as err:
        parse_rubric({"name": "", "questions": [{"id": "", "type": "x"}], "thresholds": {}})
    assert len(err.value.errors) >= 4


def test_scoring_stores_the_rubric_version_with_the_lead():
    stored = score_fields(DEMO_RUBRIC, DEMO_ANSWERS["warm"])
    assert stored["rubric_id"] == DEMO_RUBRIC_ID
    assert stored["rubric_version"] == 1
    assert stored["grade"] == "warm" and stored["qualified"] is False
    assert stored["answers"] == DEMO_ANSWERS["warm"]
    clean_fields("lead", {**stored, "last_name": "X", "captured_at": "2026-11-24T10:00:00Z"})


def test_a_rubric_edit_does_not_rescore_old_leads_silently():
    lead = score_fields(DEMO_RUBRIC, DEMO_ANSWERS["warm"])
    assert not needs_rescore(lead, DEMO_RUBRIC)
    edited_fields = copy.deepcopy(DEMO_RUBRIC_FIELDS)
    edited_fields["version"] = 2
    edited_fields["thresholds"] = {"hot": 50, "warm": 20}
    edited = parse_rubric(edited_fields, DEMO_RUBRIC_ID)
    # The stored score is left as it was; the lead is only flagged.
    assert lead["grade"] == "warm" and lead["rubric_version"] == 1
    assert needs_rescore(lead, edited)
    rescored = score_fields(edited, lead["answers"])
    assert rescored["grade"] == "hot" and rescored["rubric_version"] == 2
    assert not needs_rescore(rescored, edited)


def test_leads_without_answers_never_need_rescoring_and_unscored_answers_do():
    assert not needs_rescore({"answers": {}}, DEMO_RUBRIC)
    assert not needs_rescore({}, DEMO_RUBRIC)
    assert needs_rescore({"answers": {"budget": "confirmed"}}, DEMO_RUBRIC)
    other = {**score_fields(DEMO_RUBRIC, {"budget": "none"}), "rubric_id": "another"}
    assert needs_rescore(other, DEMO_RUBRIC)


def test_must_haves_describe_themselves_for_the_capture_screen():
    budget, timeframe = DEMO_RUBRIC.must_have
    assert budget.describe(DEMO_RUBRIC.question("budget")) == "Is there a budget for this?: Confirmed"
    assert "Within 3 months or 3 to 6 months" in timeframe.describe(DEMO_RUBRIC.question("timeframe"))
    size = _rubric().must_have[1]
    assert size.describe() == "size: 10 to 500"


_answer = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10),
    st.lists(st.one_of(st.text(max_size=5), st.integers(), st.none()), max_size=4),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(
    st.one_of(st.sampled_from([q.id for q in DEMO_RUBRIC.questions]), st.text(max_size=8)),
    _answer, max_size=10,
))
def test_any_answers_score_without_raising(answers):
    result = score(DEMO_RUBRIC, answers)
    assert result.grade in ("hot", "warm", "cold")
    assert result.points == sum(result.by_question.values())
    assert result.points <= DEMO_RUBRIC.max_points
    if result.qualified:
        assert result.missing_must_haves == ()


@settings(max_examples=200, deadline=None)
@given(st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=6)),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(
                                ["id", "text", "type", "options", "value", "points", "ranges",
                                 "min", "max", "hot", "warm", "question_id", "values", "name",
                                 "questions", "thresholds", "must_have"]), inner, max_size=5)),
    max_leaves=20,
))
def test_parsing_any_json_gives_a_rubric_or_a_clear_refusal(data):
    fields = data if isinstance(data, dict) else {"questions": data}
    try:
        parse_rubric(fields)
    except RubricInvalid as exc:
        assert exc.errors and all(e.message for e in exc.errors)
