"""Each scoring rule of `fieldnote.scoring`, pinned at its edges: just below, at and just above
every threshold and range end, and every answer form the rules read."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from fieldnote.scoring import (
    MustHave,
    Option,
    Question,
    Range,
    Rubric,
    RubricInvalid,
    Score,
    needs_rescore,
    parse_rubric,
    score,
    score_fields,
)

RUBRIC_ID = "0193aaaa-0000-7000-8000-0000000000a1"


def _fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "name": "Rules",
        "version": 3,
        "questions": [
            {"id": "budget", "text": "Budget", "type": "single",
             "options": [{"value": "confirmed", "label": "Confirmed", "points": 25},
                         {"value": "planned", "label": "Planned", "points": 12},
                         {"value": "none", "label": "None", "points": -3}]},
            {"id": "need", "text": "Need", "type": "multi",
             "options": [{"value": "a", "label": "A", "points": 8},
                         {"value": "b", "label": "B", "points": 5},
                         {"value": "c", "label": "C", "points": -2}]},
            {"id": "demo", "text": "Demo?", "type": "yesno", "yes_points": 10, "no_points": -4},
            {"id": "employees", "text": "Employees", "type": "number",
             "ranges": [{"min": 1, "max": 49, "points": 2}, {"min": 50, "max": 249, "points": 6},
                        {"min": 1000, "points": 15}]},
            {"id": "remark", "text": "Remark", "type": "text"},
        ],
        "thresholds": {"hot": 70, "warm": 40},
    }
    fields.update(overrides)
    return fields


def _rubric(**overrides: Any) -> Rubric:
    return parse_rubric(_fields(**overrides), RUBRIC_ID)


RUBRIC = _rubric()


# --- grades --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("points", "grade"),
    [(-1, "cold"), (0, "cold"), (39, "cold"), (40, "warm"), (41, "warm"), (69, "warm"),
     (70, "hot"), (71, "hot")],
)
def test_grade_rule_hot_from_the_hot_threshold_warm_from_the_warm_threshold(points, grade):
    assert RUBRIC.grade_for(points) == grade


def test_grade_rule_holds_for_a_scored_lead_exactly_at_the_warm_threshold():
    rubric = _rubric(thresholds={"hot": 30, "warm": 25})
    assert score(rubric, {"budget": "confirmed"}).grade == "warm"
    assert score(rubric, {"budget": "planned"}).grade == "cold"


# --- number ranges -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "inside"),
    [(0.99, False), (1, True), (1.01, True), (48.99, True), (49, True), (49.01, False)],
)
def test_range_rule_both_ends_are_inclusive(number, inside):
    assert Range(1, 49).contains(number) is inside


@pytest.mark.parametrize(
    ("rng", "number", "inside"),
    [(Range(None, 9), -1e9, True), (Range(None, 9), 9, True), (Range(None, 9), 9.5, False),
     (Range(100, None), 99.5, False), (Range(100, None), 100, True),
     (Range(100, None), 1e12, True), (Range(None, None), 0, True)],
)
def test_range_rule_an_open_end_has_no_limit(rng, number, inside):
    assert rng.contains(number) is inside


@pytest.mark.parametrize(
    ("employees", "points"),
    [(0, 0), (1, 2), (49, 2), (49.5, 0), (50, 6), (249, 6), (250, 0), (999, 0), (1000, 15),
     (10**6, 15), ("49", 2), ("1,5", 2), (" 50 ", 6), ("1e3", 15)],
)
def test_number_rule_a_number_scores_its_first_matching_range(employees, points):
    result = score(RUBRIC, {"employees": employees})
    assert result.by_question == {"employees": points}
    assert result.problems == ()


def test_number_rule_the_first_of_overlapping_ranges_wins():
    fields = _fields()
    fields["questions"][3]["ranges"] = [{"min": 0, "max": 10, "points": 1},
                                        {"min": 5, "points": 9}]
    rubric = parse_rubric(fields)
    assert score(rubric, {"employees": 7}).points == 1
    assert score(rubric, {"employees": 11}).points == 9


@pytest.mark.parametrize("answer", ["1,500", "lots", True, {"n": 5}, float("nan"), "inf"])
def test_number_rule_an_unreadable_number_is_kept_unscored_and_reported(answer):
    result = score(RUBRIC, {"employees": answer})
    assert result.by_question == {"employees": 0}
    assert len(result.problems) == 1
    assert result.problems[0].startswith("employees: ")
    assert result.problems[0].endswith(
        " is not a number that reads one way only (kept, not scored)")


# --- yes / no ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "points"),
    [(True, 10), (False, -4), ("yes", 10), ("Y", 10), (" TRUE ", 10), ("1", 10),
     ("no", -4), ("n", -4), ("False", -4), ("0", -4), (" NO ", -4)],
)
def test_yesno_rule_yes_earns_the_yes_points_and_no_the_no_points(answer, points):
    result = score(RUBRIC, {"demo": answer})
    assert result.points == points
    assert result.problems == ()


@pytest.mark.parametrize("answer", ["maybe", "nope", "2", 1, 0, ["yes"]])
def test_yesno_rule_anything_else_scores_nothing_and_is_reported(answer):
    result = score(RUBRIC, {"demo": answer})
    assert result.points == 0
    assert result.problems == (f"demo: {answer!r} is not yes or no",)


# --- single and multiple choice ------------------------------------------------------------


@pytest.mark.parametrize(("answer", "points"), [("confirmed", 25), ("planned", 12), ("none", -3)])
def test_single_choice_rule_an_option_scores_its_points(answer, points):
    result = score(RUBRIC, {"budget": answer})
    assert (result.points, result.problems) == (points, ())


@pytest.mark.parametrize("answer", ["Confirmed", "unknown", 25, ["confirmed"]])
def test_single_choice_rule_an_unknown_answer_scores_nothing_and_is_reported(answer):
    result = score(RUBRIC, {"budget": answer})
    assert result.points == 0
    assert result.by_question == {"budget": 0}
    assert result.problems == (f"budget: {answer!r} is not one of the options",)


@pytest.mark.parametrize(
    ("answer", "points"),
    [(["a"], 8), (["a", "b"], 13), (["a", "b", "c"], 11), ("b", 5), (("a", "a"), 8),
     (["c"], -2)],
)
def test_multi_choice_rule_without_a_cap_scores_the_sum_of_its_options(answer, points):
    result = score(RUBRIC, {"need": answer})
    assert (result.points, result.problems) == (points, ())


@pytest.mark.parametrize(("cap", "points"), [(12, 12), (13, 13), (14, 13)])
def test_multi_choice_rule_the_cap_limits_the_sum(cap, points):
    fields = _fields()
    fields["questions"][1]["max_points"] = cap
    assert score(parse_rubric(fields), {"need": ["a", "b"]}).points == points


def test_multi_choice_rule_unknown_options_are_reported_and_the_rest_scored():
    result = score(RUBRIC, {"need": ["a", "zz", 3]})
    assert result.points == 8
    assert result.problems == ("need: 'zz' is not one of the options",
                               "need: 3 is not one of the options")


# --- answered, unknown and malformed answers ------------------------------------------------


@pytest.mark.parametrize("blank", [None, "", "   ", [], ()])
def test_a_blank_answer_counts_as_unanswered(blank):
    result = score(RUBRIC, {"budget": blank})
    assert result.by_question == {}
    assert result.problems == ()
    assert not result.qualified


def test_qualification_rule_with_no_must_have_one_answer_qualifies():
    assert score(RUBRIC, {"remark": "keen"}).qualified
    assert score(RUBRIC, {"demo": False}).qualified
    assert score(RUBRIC, {"employees": 0}).qualified


@pytest.mark.parametrize("answers", [None, {}, {"remark": "  "}, {"colour": "blue"}])
def test_qualification_rule_an_unanswered_lead_never_qualifies(answers):
    result = score(RUBRIC, answers)
    assert (result.points, result.grade, result.qualified) == (0, "cold", False)


def test_an_unknown_question_is_reported_with_the_rubric_version():
    result = score(RUBRIC, {"colour": "blue", "budget": "planned"})
    assert result.points == 12
    assert result.problems == ("'colour': not a question of this rubric (version 3)",)


def test_answers_that_are_not_an_object_are_reported_once():
    assert score(RUBRIC, ["budget"]).problems == (  # type: ignore[arg-type]
        "answers: must be an object of question id -> answer",)
    assert score(RUBRIC, None).problems == ()


@pytest.mark.parametrize(("length", "shown"), [(58, 60), (59, 60), (60, 60)])
def test_a_long_answer_is_shown_cut_to_sixty_characters(length, shown):
    answer = "x" * length
    problem = score(RUBRIC, {"budget": answer}).problems[0]
    text = problem.removeprefix("budget: ").removesuffix(" is not one of the options")
    if length + 2 <= 60:
        assert text == repr(answer)
    else:
        assert text == repr(answer)[:57] + "..."
    assert len(text) <= shown


def test_the_result_lists_points_per_answered_question_and_the_most_possible():
    result = score(RUBRIC, {"budget": "planned", "need": ["a"], "demo": "no", "employees": 60,
                            "remark": "hello"})
    assert result.by_question == {"budget": 12, "need": 8, "demo": -4, "employees": 6,
                                  "remark": 0}
    assert result.points == 12 + 8 - 4 + 6
    # best: 25 single + 13 multi (positive options) + 10 yes + 15 range + 0 text
    assert result.max_points == RUBRIC.max_points == 63


@pytest.mark.parametrize(
    ("question", "best"),
    [(Question("q", "Q", "single"), 0),
     (Question("q", "Q", "multi", max_points=5), 0),
     (Question("q", "Q", "yesno", yes_points=-1, no_points=3), 3),
     (Question("q", "Q", "yesno", yes_points=4, no_points=3), 4),
     (Question("q", "Q", "number"), 0),
     (Question("q", "Q", "number", ranges=(Range(0, 1, -2), Range(2, 3, 7))), 7),
     (Question("q", "Q", "text"), 0)],
)
def test_the_best_points_of_each_question_type(question, best):
    assert question.best_points == best


def test_the_best_points_of_a_capped_multi_choice_question_are_the_cap():
    fields = _fields()
    fields["questions"][1]["max_points"] = 9
    assert parse_rubric(fields).question("need").best_points == 9  # type: ignore[union-attr]
    fields["questions"][1]["max_points"] = 20
    assert parse_rubric(fields).question("need").best_points == 13  # type: ignore[union-attr]


# --- must-haves ----------------------------------------------------------------------------


def _with_must(*must: dict[str, Any]) -> Rubric:
    return _rubric(must_have=list(must))


@pytest.mark.parametrize(
    ("answer", "holds"),
    [(["a"], True), (["c", "b"], True), ("b", True), (["c"], False), ([], False), (None, False),
     ([1, "zz"], False)],
)
def test_must_have_rule_on_multi_choice_holds_when_one_acceptable_option_is_chosen(answer, holds):
    rubric = _with_must({"question_id": "need", "values": ["a", "b"]})
    result = score(rubric, {"need": answer, "remark": "x"})
    assert result.qualified is holds
    assert result.missing_must_haves == (() if holds else ("need",))


@pytest.mark.parametrize(
    ("answer", "holds"), [("confirmed", True), ("planned", False), ("zzz", False), ("", False)])
def test_must_have_rule_on_single_choice(answer, holds):
    rubric = _with_must({"question_id": "budget", "values": ["confirmed"]})
    assert score(rubric, {"budget": answer, "remark": "x"}).qualified is holds


@pytest.mark.parametrize(
    ("values", "answer", "holds"),
    [([True], True, True), ([True], "yes", True), ([True], False, False),
     ([True], "maybe", False), ([False], "no", True), ([True, False], False, True)],
)
def test_must_have_rule_on_yes_no(values, answer, holds):
    rubric = _with_must({"question_id": "demo", "values": values})
    assert score(rubric, {"demo": answer}).qualified is holds


@pytest.mark.parametrize(
    ("answer", "holds"),
    [(9, False), (9.5, False), (10, True), (10.5, True), (500, True), (500.5, False),
     (501, False), ("250", True), ("1,500", False), ("lots", False)],
)
def test_must_have_rule_on_a_number_holds_between_min_and_max_inclusive(answer, holds):
    rubric = _with_must({"question_id": "employees", "min": 10, "max": 500})
    result = score(rubric, {"employees": answer})
    assert result.qualified is holds
    assert result.missing_must_haves == (() if holds else ("employees",))


@pytest.mark.parametrize(("must", "answer", "holds"),
                         [({"min": 10}, 9, False), ({"min": 10}, 10, True), ({"min": 10}, 1e9, True),
                          ({"max": 5}, 5, True), ({"max": 5}, 6, False), ({"max": 5}, -1, True)])
def test_must_have_rule_on_a_number_with_one_end(must, answer, holds):
    rubric = _with_must({"question_id": "employees", **must})
    assert score(rubric, {"employees": answer}).qualified is holds


def test_must_haves_are_missing_in_the_rubric_order():
    rubric = _with_must({"question_id": "demo", "values": [True]},
                        {"question_id": "budget", "values": ["confirmed"]})
    assert score(rubric, {"remark": "x"}).missing_must_haves == ("demo", "budget")


@pytest.mark.parametrize(
    ("must", "question", "text"),
    [(MustHave("demo", (True,)), Question("demo", "Demo?", "yesno"), "Demo?: yes"),
     (MustHave("demo", (False,)), None, "demo: no"),
     (MustHave("demo", (True, False)), None, "demo: yes or no"),
     (MustHave("budget", ("x",)), Question("budget", "Budget", "single"), "Budget: x"),
     (MustHave("n", (), 10, None), None, "n: at least 10"),
     (MustHave("n", (), None, 7.5), None, "n: at most 7.5"),
     (MustHave("n", (), 2.5, 3), None, "n: 2.5 to 3")],
)
def test_a_must_have_describes_itself(must, question, text):
    assert must.describe(question) == text


# --- parsing -------------------------------------------------------------------------------


def _refusal(fields: Any) -> list[tuple[str, str]]:
    with pytest.raises(RubricInvalid) as err:
        parse_rubric(fields)
    assert err.value.problem()["title"] == "The rubric is not valid"
    return [(e.field, e.message) for e in err.value.errors]


def _q(index: int, **changes: Any) -> dict[str, Any]:
    fields = _fields()
    fields["questions"][index].update(changes)
    return fields


POINTS = "must be a whole number of points (at most 1,000,000 either way)"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({k: v for k, v in _fields().items() if k != "name"}, "name", "is required"),
        (_fields(name=""), "name", "is required"),
        (_fields(name="   "), "name", "must be text"),
        (_fields(name=5), "name", "must be text"),
        (_fields(version=0), "version", "must be a whole number, 1 or more"),
        (_fields(version=True), "version", "must be a whole number, 1 or more"),
        (_fields(version="2"), "version", "must be a whole number, 1 or more"),
        (_fields(questions={"id": "x"}), "questions", "must be a list of questions"),
        (_fields(questions=["x"]), "questions[0]", "must be an object with id, text and type"),
        (_q(0, id=None), "questions[0].id", "is required"),
        (_q(1, id="budget"), "questions[1].id",
         "repeats the id 'budget'; every question needs its own"),
        (_q(0, text=""), "questions[0].text", "is required"),
        (_q(0, type="slider"), "questions[0].type",
         "must be one of: single, multi, yesno, number, text"),
        (_q(0, options="x"), "questions[0].options", "a choice question needs a list of options"),
        (_q(1, options=[]), "questions[1].options", "a choice question needs a list of options"),
        (_q(0, options=["x"]), "questions[0].options[0]",
         "must be an object with value, label and points"),
        (_q(0, options=[{"value": "a"}, {"value": "a"}]), "questions[0].options[1].value",
         "repeats the value 'a'"),
        (_q(0, options=[{"value": "a", "points": 1.5}]), "questions[0].options[0].points", POINTS),
        (_q(0, options=[{"value": "a", "points": True}]), "questions[0].options[0].points", POINTS),
        (_q(0, options=[{"value": "a", "points": 1_000_001}]), "questions[0].options[0].points",
         POINTS),
        (_q(0, options=[{"value": "a", "points": -1_000_001}]), "questions[0].options[0].points",
         POINTS),
        (_q(0, options=[{"value": "a", "label": 3}]), "questions[0].options[0].label",
         "must be text"),
        (_q(3, ranges={"min": 1}), "questions[3].ranges", "must be a list of {min, max, points}"),
        (_q(3, ranges=[5]), "questions[3].ranges[0]", "must be an object with min, max and points"),
        (_q(3, ranges=[{"min": "1"}]), "questions[3].ranges[0].min", "must be a number"),
        (_q(3, ranges=[{"max": float("inf")}]), "questions[3].ranges[0].max", "must be a number"),
        (_q(3, ranges=[{"min": 5, "max": 4.5}]), "questions[3].ranges[0]",
         "min (5) is above max (4.5)"),
        (_q(1, max_points="9"), "questions[1].max_points", "must be a whole number"),
        (_q(2, yes_points="10"), "questions[2].yes_points", POINTS),
        (_q(2, no_points=2.0), "questions[2].no_points", POINTS),
        (_fields(thresholds=None), "thresholds", 'must be an object like {"hot": 70, "warm": 40}'),
        (_fields(thresholds={"hot": 70}), "thresholds.warm", "must be a whole number of points"),
        (_fields(thresholds={"hot": "70", "warm": 40}), "thresholds.hot",
         "must be a whole number of points"),
        (_fields(thresholds={"hot": 70, "warm": 40, "cold": 0, "Hot": 1}), "thresholds",
         "has unknown keys: Hot, cold (use hot and warm)"),
        (_fields(thresholds={"hot": 39, "warm": 40}), "thresholds",
         "hot (39) must be at least warm (40)"),
        (_fields(must_have={"question_id": "budget"}), "must_have", "must be a list"),
        (_fields(must_have=["budget"]), "must_have[0]",
         "must be an object with question_id and values or min/max"),
        (_fields(must_have=[{"question_id": "nope", "values": ["x"]}]), "must_have[0].question_id",
         "names no question of this rubric ('nope')"),
        (_fields(must_have=[{"question_id": 3}]), "must_have[0].question_id",
         "names no question of this rubric (3)"),
        (_fields(must_have=[{"question_id": "remark", "values": ["x"]}]), "must_have[0]",
         "question 'remark' is free text and cannot be a must-have"),
        (_fields(must_have=[{"question_id": "employees"}]), "must_have[0]",
         "a number must-have needs min and/or max"),
        (_fields(must_have=[{"question_id": "employees", "min": 11, "max": 10}]), "must_have[0]",
         "min (11) is above max (10)"),
        (_fields(must_have=[{"question_id": "employees", "min": "1"}]), "must_have[0].min",
         "must be a number"),
        (_fields(must_have=[{"question_id": "employees", "max": "1"}]), "must_have[0].max",
         "must be a number"),
        (_fields(must_have=[{"question_id": "budget"}]), "must_have[0].values",
         "must list the acceptable answers"),
        (_fields(must_have=[{"question_id": "budget", "values": []}]), "must_have[0].values",
         "must list the acceptable answers"),
        (_fields(must_have=[{"question_id": "demo", "values": [True, "no"]}]),
         "must_have[0].values", "a yes/no must-have lists true and/or false"),
        (_fields(must_have=[{"question_id": "need", "values": ["a", "z", 1]}]),
         "must_have[0].values", "'z', 1 are not options of 'need'"),
    ],
)
def test_a_malformed_rubric_is_refused_with_the_place_and_the_reason(fields, field, message):
    assert (field, message) in _refusal(fields)


def test_a_rubric_that_is_not_an_object_is_refused():
    with pytest.raises(RubricInvalid) as err:
        parse_rubric(["x"])  # type: ignore[arg-type]
    assert [(e.field, e.message) for e in err.value.errors] == [("rubric", "must be an object")]


def test_each_problem_is_reported_once_and_a_bad_question_stops_at_its_type():
    refusal = _refusal(_fields(questions=[{"id": "q", "text": "Q", "type": "slider",
                                           "options": "x"}]))
    assert refusal == [("questions[0].type", "must be one of: single, multi, yesno, number, text")]


@pytest.mark.parametrize(
    ("change", "check"),
    [
        (lambda f: f.pop("version"), lambda r: r.version == 1),
        (lambda f: f.update(version=1), lambda r: r.version == 1),
        (lambda f: f.update(name="  Booth  "), lambda r: r.name == "Booth"),
        (lambda f: f.pop("questions"), lambda r: r.questions == ()),
        (lambda f: f.update(thresholds={"hot": 40, "warm": 40}), lambda r: (r.hot, r.warm) == (40, 40)),
        (lambda f: f["questions"][0].update(options=[{"value": " x "}]),
         lambda r: r.questions[0].options[0] == Option("x", "x", 0)),
        (lambda f: f["questions"][0].update(options=[{"value": "x", "label": " X ", "points": 1_000_000}]),
         lambda r: (r.questions[0].options[0].label, r.questions[0].options[0].points) == ("X", 1_000_000)),
        (lambda f: f["questions"][0].update(options=[{"value": "x", "points": -1_000_000}]),
         lambda r: r.questions[0].options[0].points == -1_000_000),
        (lambda f: f["questions"][3].pop("ranges"), lambda r: r.questions[3].ranges == ()),
        (lambda f: f["questions"][3].update(ranges=[{"min": 5, "max": 5, "points": 1}]),
         lambda r: r.questions[3].ranges == (Range(5, 5, 1),)),
        (lambda f: f["questions"][3].update(ranges=[{"min": 1.5, "points": 1}]),
         lambda r: r.questions[3].ranges == (Range(1.5, None, 1),)),
        (lambda f: f["questions"][1].update(max_points=9), lambda r: r.questions[1].max_points == 9),
        (lambda f: f["questions"][2].pop("no_points"), lambda r: r.questions[2].no_points == 0),
        (lambda f: f.update(must_have=[{"question_id": "employees", "min": 5, "max": 5}]),
         lambda r: r.must_have == (MustHave("employees", (), 5, 5),)),
        (lambda f: f.update(must_have=[{"question_id": "demo", "values": [False]}]),
         lambda r: r.must_have == (MustHave("demo", (False,)),)),
        (lambda f: f.update(must_have=None), lambda r: r.must_have == ()),
    ],
)
def test_a_valid_rubric_is_read_as_written(change, check):
    fields = copy.deepcopy(_fields())
    change(fields)
    rubric = parse_rubric(fields, RUBRIC_ID)
    assert check(rubric)
    assert rubric.id == RUBRIC_ID
    assert parse_rubric(rubric.to_fields(), RUBRIC_ID) == rubric


def test_a_rubric_reads_back_from_its_fields():
    fields = _fields(must_have=[{"question_id": "employees", "min": 10},
                                {"question_id": "budget", "values": ["confirmed"]}])
    fields["questions"][1]["max_points"] = 9
    rubric = parse_rubric(fields)
    assert rubric.to_fields() == {
        **fields,
        "questions": [
            {**fields["questions"][0]},
            {**fields["questions"][1]},
            {**fields["questions"][2]},
            {**fields["questions"][3]},
            {**fields["questions"][4]},
        ],
    }
    assert rubric.id is None


# --- what a lead stores --------------------------------------------------------------------


def test_a_scored_lead_stores_the_rubric_and_the_result():
    assert score_fields(RUBRIC, {"budget": "confirmed", "demo": True}) == {
        "answers": {"budget": "confirmed", "demo": True},
        "rubric_id": RUBRIC_ID, "rubric_version": 3, "score": 35, "grade": "cold",
        "qualified": True,
    }
    assert score_fields(RUBRIC, None)["answers"] == {}
    assert Score(1, "cold", False).lead_fields(RUBRIC)["score"] == 1


@pytest.mark.parametrize(
    ("lead", "needs"),
    [
        ({"answers": {"budget": " "}}, False),
        ({"answers": ["budget"]}, False),
        ({"answers": {"budget": "planned"}, "score": 12, "grade": "cold",
          "rubric_id": RUBRIC_ID, "rubric_version": 3}, False),
        ({"answers": {"budget": "planned"}, "score": None, "grade": "cold",
          "rubric_id": RUBRIC_ID, "rubric_version": 3}, True),
        ({"answers": {"budget": "planned"}, "score": 0, "grade": "tepid",
          "rubric_id": RUBRIC_ID, "rubric_version": 3}, True),
        ({"answers": {"budget": "planned"}, "score": 12, "grade": "cold",
          "rubric_id": "other", "rubric_version": 3}, True),
        ({"answers": {"budget": "planned"}, "score": 12, "grade": "cold",
          "rubric_id": RUBRIC_ID, "rubric_version": 2}, True),
    ],
)
def test_rescore_rule_a_lead_needs_rescoring_only_when_its_score_is_from_another_rubric(lead, needs):
    assert needs_rescore(lead, RUBRIC) is needs


def test_rescore_rule_a_rubric_without_a_record_id_compares_versions_only():
    rubric = parse_rubric(_fields())
    lead = {"answers": {"budget": "planned"}, "score": 12, "grade": "cold", "rubric_id": "x",
            "rubric_version": 3}
    assert not needs_rescore(lead, rubric)


def test_every_bad_item_of_every_list_is_reported_not_only_the_first():
    fields = _fields(must_have=[
        "x", "y",
        {"question_id": "nope"}, {"question_id": "nope2"},
        {"question_id": "remark"}, {"question_id": "remark"},
        {"question_id": "budget"}, {"question_id": "budget", "values": []},
        {"question_id": "demo", "values": ["yes"]}, {"question_id": "demo", "values": [1]},
        {"question_id": "need", "values": ["z"]}, {"question_id": "need", "values": ["y"]},
    ])
    fields["questions"][0]["options"] = ["x", "y", {"label": "no value"}]
    fields["questions"][1]["options"] = [{"value": "a", "points": "1"}]
    fields["questions"][3]["ranges"] = [5, 6, {"min": 1, "points": "2"}]
    fields["questions"] += [7, 8, {"id": "t", "text": "T", "type": "slider"},
                            {"id": "u", "text": "U", "type": "slider"}]
    refusal = {field for field, _ in _refusal(fields)}
    assert {f"must_have[{i}]" for i in (0, 1, 4, 5)} <= refusal
    assert {"must_have[2].question_id", "must_have[3].question_id"} <= refusal
    assert {f"must_have[{i}].values" for i in range(6, 12)} <= refusal
    assert {"questions[0].options[0]", "questions[0].options[1]",
            "questions[0].options[2].value", "questions[1].options[0].points",
            "questions[3].ranges[0]", "questions[3].ranges[1]",
            "questions[3].ranges[2].points", "questions[5]", "questions[6]",
            "questions[7].type", "questions[8].type"} <= refusal


def test_a_question_is_found_by_its_id_and_an_unknown_id_finds_none():
    assert RUBRIC.question("demo").type == "yesno"  # type: ignore[union-attr]
    assert RUBRIC.question("nope") is None


def test_a_cap_on_a_question_that_is_not_multi_choice_is_not_written_back():
    fields = _fields()
    fields["questions"][0]["max_points"] = 5
    assert "max_points" not in parse_rubric(fields).to_fields()["questions"][0]


@pytest.mark.parametrize(("low", "text"), [(10.0, "n: at least 10"), (0, "n: at least 0")])
def test_a_whole_number_bound_is_described_without_decimals(low, text):
    assert MustHave("n", (), low, None).describe() == text
