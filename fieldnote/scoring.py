"""The qualification rubric both sales and marketing agree on, and how a lead's answers score.

A rubric record's JSON fields are parsed once into a `Rubric` with clear errors; `score` never
raises on answers: a bad or unknown answer scores nothing and is reported. Scoring never
happens behind anyone's back: a lead keeps the rubric version it was scored with (see
`needs_rescore`).

The JSON shape of a rubric record (kind `rubric`)::

    {"name": "Booth qualification", "version": 3,
     "questions": [
        {"id": "budget", "text": "Is there a budget?", "type": "single",
         "options": [{"value": "confirmed", "label": "Confirmed", "points": 25}, ...]},
        {"id": "need", "text": "Problems to solve", "type": "multi", "max_points": 20,
         "options": [...]},
        {"id": "demo", "text": "Asked for a demo?", "type": "yesno",
         "yes_points": 10, "no_points": 0},
        {"id": "employees", "text": "Employees", "type": "number",
         "ranges": [{"min": 1, "max": 49, "points": 2}, {"min": 1000, "points": 15}]},
        {"id": "asked_about", "text": "What did they ask about?", "type": "text"}],
     "thresholds": {"hot": 70, "warm": 40},
     "must_have": [{"question_id": "budget", "values": ["confirmed"]},
                   {"question_id": "employees", "min": 50}]}

- `type` is one of single, multi, yesno, number, text. Points are whole numbers (negative
  allowed, e.g. "locked into a competitor"). Text questions score nothing.
- A multi answer scores the sum of its options' points, capped by `max_points` when given.
- A number scores the points of the first range with `min <= answer <= max` (both ends
  inclusive, either may be left out).
- Grade: points >= `hot` is hot, >= `warm` is warm, anything lower cold.
- Qualified: at least one question is answered and every must-have holds. A must-have on a
  choice question lists acceptable `values` (a multi answer needs one of them); on a yes/no
  question `values` holds `true` and/or `false`; on a number question `min` and/or `max`
  (inclusive).

Answers are a JSON object `{question_id: answer}`: a single answer is an option value, multi a
list of option values, yes/no `true`/`false` (or "yes"/"no"), a number a number (or text
read by `fieldnote.numbers.read_number`: "1,5" is one and a half, "1,500" is ambiguous and is
kept unscored), text any text. Empty answers (None, "", []) count as unanswered.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldnote.kinds import GRADES
from fieldnote.numbers import read_number
from fieldnote.validation import FieldError, ValidationFailed

__all__ = [
    "DEMO_ANSWERS",
    "DEMO_RUBRIC",
    "DEMO_RUBRIC_FIELDS",
    "DEMO_RUBRIC_ID",
    "QUESTION_TYPES",
    "MustHave",
    "Option",
    "Question",
    "Range",
    "Rubric",
    "RubricInvalid",
    "Score",
    "needs_rescore",
    "parse_rubric",
    "score",
    "score_fields",
]

QUESTION_TYPES = ("single", "multi", "yesno", "number", "text")
_CHOICE_TYPES = ("single", "multi")
_MAX_POINTS = 1_000_000


class RubricInvalid(ValidationFailed):
    """A rubric record whose questions, thresholds or must-haves do not make sense."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    points: int = 0


@dataclass(frozen=True)
class Range:
    min: float | None
    max: float | None
    points: int = 0

    def contains(self, number: float) -> bool:
        return (self.min is None or number >= self.min) and (self.max is None or number <= self.max)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    type: str
    options: tuple[Option, ...] = ()
    ranges: tuple[Range, ...] = ()
    yes_points: int = 0
    no_points: int = 0
    max_points: int | None = None  # cap for multi answers

    def option(self, value: object) -> Option | None:
        return next((o for o in self.options if o.value == value), None)

    @property
    def best_points(self) -> int:
        """The most points any answer to this question can earn."""
        if self.type == "single":
            return max((o.points for o in self.options), default=0)
        if self.type == "multi":
            total = sum(o.points for o in self.options if o.points > 0)
            return min(total, self.max_points) if self.max_points is not None else total
        if self.type == "yesno":
            return max(self.yes_points, self.no_points)
        if self.type == "number":
            return max((r.points for r in self.ranges), default=0)
        return 0


@dataclass(frozen=True)
class MustHave:
    question_id: str
    values: tuple[Any, ...] = ()
    min: float | None = None
    max: float | None = None

    def describe(self, question: Question | None = None) -> str:
        """A line a rep can read, e.g. "Budget: Confirmed or Planned"."""
        name = question.text if question else self.question_id
        if self.values:
            labels = []
            for v in self.values:
                opt = question.option(v) if question else None
                labels.append(opt.label if opt else ("yes" if v is True else "no" if v is False else str(v)))
            return f"{name}: {' or '.join(labels)}"
        if self.min is not None and self.max is not None:
            return f"{name}: {_num(self.min)} to {_num(self.max)}"
        if self.min is not None:
            return f"{name}: at least {_num(self.min)}"
        return f"{name}: at most {_num(self.max)}"


def _num(x: float | None) -> str:
    return str(int(x)) if x is not None and float(x).is_integer() else str(x)


@dataclass(frozen=True)
class Rubric:
    name: str
    version: int
    questions: tuple[Question, ...]
    hot: int
    warm: int
    must_have: tuple[MustHave, ...] = ()
    id: str | None = None  # the rubric record's id, when it came from one

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    @property
    def max_points(self) -> int:
        return sum(q.best_points for q in self.questions)

    def grade_for(self, points: int) -> str:
        if points >= self.hot:
            return "hot"
        if points >= self.warm:
            return "warm"
        return "cold"

    def to_fields(self) -> dict[str, Any]:
        """The rubric record's fields (kind `rubric`), as `parse_rubric` reads them."""
        questions: list[dict[str, Any]] = []
        for q in self.questions:
            d: dict[str, Any] = {"id": q.id, "text": q.text, "type": q.type}
            if q.type in _CHOICE_TYPES:
                d["options"] = [{"value": o.value, "label": o.label, "points": o.points}
                                for o in q.options]
            if q.type == "multi" and q.max_points is not None:
                d["max_points"] = q.max_points
            if q.type == "yesno":
                d["yes_points"], d["no_points"] = q.yes_points, q.no_points
            if q.type == "number":
                d["ranges"] = [{k: v for k, v in (("min", r.min), ("max", r.max)) if v is not None}
                               | {"points": r.points} for r in q.ranges]
            questions.append(d)
        must: list[dict[str, Any]] = []
        for m in self.must_have:
            entry: dict[str, Any] = {"question_id": m.question_id}
            if m.values:
                entry["values"] = list(m.values)
            if m.min is not None:
                entry["min"] = m.min
            if m.max is not None:
                entry["max"] = m.max
            must.append(entry)
        return {
            "name": self.name,
            "version": self.version,
            "questions": questions,
            "thresholds": {"hot": self.hot, "warm": self.warm},
            "must_have": must,
        }


@dataclass(frozen=True)
class Score:
    points: int
    grade: str
    qualified: bool
    missing_must_haves: tuple[str, ...] = ()  # question ids whose must-have does not hold
    problems: tuple[str, ...] = ()  # answers that scored nothing because they were unusable
    by_question: Mapping[str, int] = field(default_factory=dict)
    max_points: int = 0

    def lead_fields(self, rubric: Rubric) -> dict[str, Any]:
        """What a scored lead stores: `rubric_id`, `rubric_version`, `score`, `grade`, `qualified`."""
        return {
            "rubric_id": rubric.id,
            "rubric_version": rubric.version,
            "score": self.points,
            "grade": self.grade,
            "qualified": self.qualified,
        }


# --- parsing -------------------------------------------------------------------------------


class _Errors:
    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(FieldError(where, message))


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)  # type: ignore[arg-type]


def _points(value: object, where: str, errors: _Errors) -> int:
    if value is None:
        return 0
    if not _is_int(value) or abs(value) > _MAX_POINTS:  # type: ignore[arg-type]
        errors.add(where, f"must be a whole number of points (at most {_MAX_POINTS:,} either way)")
        return 0
    return value  # type: ignore[return-value]


def _text(value: object, where: str, errors: _Errors, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        errors.add(where, "is required" if value in (None, "") else "must be text")
        return ""
    return value.strip()


def _bound(value: object, where: str, errors: _Errors) -> float | None:
    if value is None:
        return None
    if not _is_number(value):
        errors.add(where, "must be a number")
        return None
    return value  # type: ignore[return-value]


def parse_rubric(fields: Mapping[str, Any], rubric_id: str | None = None) -> Rubric:
    """Read a rubric record's fields into a `Rubric`, or raise `RubricInvalid` naming every problem.

    Error fields are paths like `questions[2].options[0].points`, for forms and problem+json.
    """
    errors = _Errors()
    if not isinstance(fields, Mapping):
        raise RubricInvalid([FieldError("rubric", "must be an object")])
    name = _text(fields.get("name"), "name", errors)
    version = fields.get("version", 1)
    if not _is_int(version) or version < 1:
        errors.add("version", "must be a whole number, 1 or more")
        version = 1
    questions = _parse_questions(fields.get("questions"), errors)
    hot, warm = _parse_thresholds(fields.get("thresholds"), errors)
    must = _parse_must_have(fields.get("must_have"), {q.id: q for q in questions}, errors)
    if errors.items:
        raise RubricInvalid(errors.items, title="The rubric is not valid")
    return Rubric(name=name, version=version, questions=questions, hot=hot, warm=warm,
                  must_have=must, id=rubric_id)


def _parse_questions(raw: object, errors: _Errors) -> tuple[Question, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        errors.add("questions", "must be a list of questions")
        return ()
    out: list[Question] = []
    seen: set[str] = set()
    for i, q in enumerate(raw):
        where = f"questions[{i}]"
        if not isinstance(q, Mapping):
            errors.add(where, "must be an object with id, text and type")
            continue
        qid = _text(q.get("id"), f"{where}.id", errors)
        if qid in seen:
            errors.add(f"{where}.id", f"repeats the id {qid!r}; every question needs its own")
        seen.add(qid)
        text = _text(q.get("text"), f"{where}.text", errors)
        qtype = q.get("type")
        if qtype not in QUESTION_TYPES:
            errors.add(f"{where}.type", f"must be one of: {', '.join(QUESTION_TYPES)}")
            continue
        options: list[Option] = []
        ranges: list[Range] = []
        if qtype in _CHOICE_TYPES:
            raw_options = q.get("options")
            if not isinstance(raw_options, list) or not raw_options:
                errors.add(f"{where}.options", "a choice question needs a list of options")
                raw_options = []
            values: set[str] = set()
            for j, o in enumerate(raw_options):
                ow = f"{where}.options[{j}]"
                if not isinstance(o, Mapping):
                    errors.add(ow, "must be an object with value, label and points")
                    continue
                value = _text(o.get("value"), f"{ow}.value", errors)
                if value in values:
                    errors.add(f"{ow}.value", f"repeats the value {value!r}")
                values.add(value)
                label = _text(o.get("label"), f"{ow}.label", errors, required=False) or value
                options.append(Option(value, label, _points(o.get("points"), f"{ow}.points", errors)))
        elif qtype == "number":
            raw_ranges = q.get("ranges", [])
            if not isinstance(raw_ranges, list):
                errors.add(f"{where}.ranges", "must be a list of {min, max, points}")
                raw_ranges = []
            for j, r in enumerate(raw_ranges):
                rw = f"{where}.ranges[{j}]"
                if not isinstance(r, Mapping):
                    errors.add(rw, "must be an object with min, max and points")
                    continue
                lo = _bound(r.get("min"), f"{rw}.min", errors)
                hi = _bound(r.get("max"), f"{rw}.max", errors)
                if lo is not None and hi is not None and lo > hi:
                    errors.add(rw, f"min ({_num(lo)}) is above max ({_num(hi)})")
                ranges.append(Range(lo, hi, _points(r.get("points"), f"{rw}.points", errors)))
        max_points = q.get("max_points")
        if max_points is not None and not _is_int(max_points):
            errors.add(f"{where}.max_points", "must be a whole number")
            max_points = None
        out.append(Question(
            id=qid, text=text, type=qtype, options=tuple(options), ranges=tuple(ranges),
            yes_points=_points(q.get("yes_points"), f"{where}.yes_points", errors),
            no_points=_points(q.get("no_points"), f"{where}.no_points", errors),
            max_points=max_points,
        ))
    return tuple(out)


def _parse_thresholds(raw: object, errors: _Errors) -> tuple[int, int]:
    if not isinstance(raw, Mapping):
        errors.add("thresholds", 'must be an object like {"hot": 70, "warm": 40}')
        return 0, 0
    hot, warm = raw.get("hot"), raw.get("warm")
    for key, value in (("hot", hot), ("warm", warm)):
        if not _is_int(value):
            errors.add(f"thresholds.{key}", "must be a whole number of points")
    unknown = sorted(str(k) for k in raw if k not in ("hot", "warm"))
    if unknown:
        errors.add("thresholds", f"has unknown keys: {', '.join(unknown)} (use hot and warm)")
    if _is_int(hot) and _is_int(warm) and hot < warm:  # type: ignore[operator]
        errors.add("thresholds", f"hot ({hot}) must be at least warm ({warm})")
    return (hot if _is_int(hot) else 0), (warm if _is_int(warm) else 0)  # type: ignore[return-value]


def _parse_must_have(
    raw: object, questions: Mapping[str, Question], errors: _Errors
) -> tuple[MustHave, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        errors.add("must_have", "must be a list")
        return ()
    out: list[MustHave] = []
    for i, m in enumerate(raw):
        where = f"must_have[{i}]"
        if not isinstance(m, Mapping):
            errors.add(where, "must be an object with question_id and values or min/max")
            continue
        qid = m.get("question_id")
        if not isinstance(qid, str) or (q := questions.get(qid)) is None:
            errors.add(f"{where}.question_id", f"names no question of this rubric ({qid!r})")
            continue
        if q.type == "text":
            errors.add(where, f"question {qid!r} is free text and cannot be a must-have")
            continue
        if q.type == "number":
            lo = _bound(m.get("min"), f"{where}.min", errors)
            hi = _bound(m.get("max"), f"{where}.max", errors)
            if lo is None and hi is None:
                errors.add(where, "a number must-have needs min and/or max")
            elif lo is not None and hi is not None and lo > hi:
                errors.add(where, f"min ({_num(lo)}) is above max ({_num(hi)})")
            out.append(MustHave(qid, (), lo, hi))
            continue
        values = m.get("values")
        if not isinstance(values, list) or not values:
            errors.add(f"{where}.values", "must list the acceptable answers")
            continue
        if q.type == "yesno":
            bad = [v for v in values if not isinstance(v, bool)]
            if bad:
                errors.add(f"{where}.values", "a yes/no must-have lists true and/or false")
                continue
        else:
            known = {o.value for o in q.options}
            bad = [v for v in values if not isinstance(v, str) or v not in known]
            if bad:
                errors.add(f"{where}.values",
                           f"{', '.join(map(repr, bad))} are not options of {qid!r}")
                continue
        out.append(MustHave(qid, tuple(values)))
    return tuple(out)


# --- scoring -------------------------------------------------------------------------------


def _blank(answer: object) -> bool:
    return answer is None or (isinstance(answer, (str, list, tuple)) and not answer) or (
        isinstance(answer, str) and not answer.strip()
    )


def _as_number(answer: object) -> float | None:
    if _is_number(answer):
        return answer  # type: ignore[return-value]
    if isinstance(answer, str):
        # Stored text has no locale: one rule reads it, and refuses what it cannot read for
        # certain ("1,500"), so the answer is kept unscored rather than scored wrong.
        return read_number(answer)
    return None


_YES = ("yes", "y", "true", "1")
_NO = ("no", "n", "false", "0")


def _as_bool(answer: object) -> bool | None:
    if isinstance(answer, bool):
        return answer
    if isinstance(answer, str):
        text = answer.strip().lower()
        if text in _YES:
            return True
        if text in _NO:
            return False
    return None


def _answer_points(q: Question, answer: object, problems: list[str]) -> int:
    if q.type == "single":
        opt = q.option(answer)
        if opt is None:
            problems.append(f"{q.id}: {_show(answer)} is not one of the options")
            return 0
        return opt.points
    if q.type == "multi":
        chosen = answer if isinstance(answer, (list, tuple)) else [answer]
        total = 0
        seen: set[object] = set()
        for value in chosen:
            opt = q.option(value)
            if opt is None:
                problems.append(f"{q.id}: {_show(value)} is not one of the options")
            elif opt.value not in seen:
                seen.add(opt.value)
                total += opt.points
        return min(total, q.max_points) if q.max_points is not None else total
    if q.type == "yesno":
        yes = _as_bool(answer)
        if yes is None:
            problems.append(f"{q.id}: {_show(answer)} is not yes or no")
            return 0
        return q.yes_points if yes else q.no_points
    if q.type == "number":
        number = _as_number(answer)
        if number is None:
            problems.append(f"{q.id}: {_show(answer)} is not a number that reads one way "
                            "only (kept, not scored)")
            return 0
        return next((r.points for r in q.ranges if r.contains(number)), 0)
    return 0  # text answers are kept, not scored


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _must_hold(m: MustHave, q: Question, answer: object) -> bool:
    if _blank(answer):
        return False
    if q.type == "number":
        number = _as_number(answer)
        return number is not None and Range(m.min, m.max).contains(number)
    if q.type == "yesno":
        return _as_bool(answer) in m.values
    chosen = answer if isinstance(answer, (list, tuple)) else [answer]
    return any(v in m.values for v in chosen if isinstance(v, str))


def score(rubric: Rubric, answers: Mapping[str, Any] | None) -> Score:
    """Score `answers` against `rubric`; never raises on answers.

    Unknown question ids and unusable answers score 0 and are listed in `problems`.
    """
    problems: list[str]
    if not isinstance(answers, Mapping):
        problems = [] if answers is None else ["answers: must be an object of question id -> answer"]
        answers = {}
    else:
        problems = []
    by_question: dict[str, int] = {}
    answered = 0
    for q in rubric.questions:
        answer = answers.get(q.id)
        if _blank(answer):
            continue
        answered += 1
        by_question[q.id] = _answer_points(q, answer, problems)
    known = {q.id for q in rubric.questions}
    for key in answers:
        if key not in known:
            problems.append(f"{_show(key)}: not a question of this rubric (version {rubric.version})")
    points = sum(by_question.values())
    missing = tuple(
        m.question_id for m in rubric.must_have
        if not _must_hold(m, rubric.question(m.question_id), answers.get(m.question_id))  # type: ignore[arg-type]
    )
    return Score(
        points=points,
        grade=rubric.grade_for(points),
        qualified=answered > 0 and not missing,
        missing_must_haves=missing,
        problems=tuple(problems),
        by_question=by_question,
        max_points=rubric.max_points,
    )


def score_fields(rubric: Rubric, answers: Mapping[str, Any] | None) -> dict[str, Any]:
    """The lead fields to store after scoring: answers plus rubric id/version, score, grade, qualified."""
    result = score(rubric, answers)
    return {"answers": dict(answers or {}), **result.lead_fields(rubric)}


def needs_rescore(lead_fields: Mapping[str, Any], rubric: Rubric) -> bool:
    """Whether a lead's stored score was made with something other than this rubric version.

    Rubric edits never rescore leads by themselves: a scored lead keeps `rubric_id`,
    `rubric_version`, `score`, `grade` and `qualified` as they were, so reports stay true to
    what the rep saw at the booth. The UI uses this to mark such leads ("scored with v2") and
    offers an explicit rescore, which stores `score_fields(rubric, answers)` as an ordinary
    edit. A lead without answers has nothing to rescore.
    """
    answers = lead_fields.get("answers")
    if not isinstance(answers, Mapping) or not any(not _blank(v) for v in answers.values()):
        return False
    if lead_fields.get("score") is None or lead_fields.get("grade") not in GRADES:
        return True
    if rubric.id is not None and lead_fields.get("rubric_id") != rubric.id:
        return True
    return lead_fields.get("rubric_version") != rubric.version


# --- the demo rubric -----------------------------------------------------------------------

# A fixed id so demo data, tests and seeds on several machines name the same rubric record.
DEMO_RUBRIC_ID = "01930000-0000-7000-8000-00000000d3b0"

DEMO_RUBRIC_FIELDS: dict[str, Any] = {
    "name": "B2B booth qualification (BANT)",
    "version": 1,
    "questions": [
        {"id": "budget", "text": "Is there a budget for this?", "type": "single",
         "options": [
             {"value": "confirmed", "label": "Confirmed", "points": 25},
             {"value": "planned", "label": "Planned for next year", "points": 12},
             {"value": "none", "label": "No budget", "points": 0},
             {"value": "unknown", "label": "Don't know", "points": 0},
         ]},
        {"id": "authority", "text": "Their role in the decision", "type": "single",
         "options": [
             {"value": "decision_maker", "label": "Decision maker", "points": 20},
             {"value": "influencer", "label": "Influences the decision", "points": 10},
             {"value": "user", "label": "End user", "points": 5},
             {"value": "other", "label": "Other / student / press", "points": 0},
         ]},
        {"id": "need", "text": "What do they need solved?", "type": "multi", "max_points": 20,
         "options": [
             {"value": "lead_capture", "label": "Event lead capture", "points": 8},
             {"value": "sales_content", "label": "Sales content in the field", "points": 8},
             {"value": "call_insights", "label": "Call debriefs and win/loss insight", "points": 8},
             {"value": "crm_integration", "label": "CRM integration", "points": 4},
             {"value": "just_looking", "label": "Just looking", "points": 0},
         ]},
        {"id": "timeframe", "text": "When do they plan to buy?", "type": "single",
         "options": [
             {"value": "0-3m", "label": "Within 3 months", "points": 20},
             {"value": "3-6m", "label": "3 to 6 months", "points": 14},
             {"value": "6-12m", "label": "6 to 12 months", "points": 6},
             {"value": "12m+", "label": "More than a year", "points": 2},
             {"value": "unknown", "label": "No plan yet", "points": 0},
         ]},
        {"id": "employees", "text": "Company size (employees)", "type": "number",
         "ranges": [
             {"min": 1, "max": 49, "points": 2},
             {"min": 50, "max": 249, "points": 6},
             {"min": 250, "max": 999, "points": 10},
             {"min": 1000, "points": 15},
         ]},
        {"id": "interest", "text": "Interest level", "type": "single",
         "options": [
             {"value": "high", "label": "High", "points": 10},
             {"value": "medium", "label": "Medium", "points": 5},
             {"value": "low", "label": "Low", "points": 0},
         ]},
        {"id": "demo_requested", "text": "Asked for a demo?", "type": "yesno",
         "yes_points": 10, "no_points": 0},
        {"id": "asked_about", "text": "What did they ask about?", "type": "text"},
    ],
    "thresholds": {"hot": 70, "warm": 40},
    "must_have": [
        {"question_id": "budget", "values": ["confirmed"]},
        {"question_id": "timeframe", "values": ["0-3m", "3-6m"]},
    ],
}

DEMO_RUBRIC: Rubric = parse_rubric(DEMO_RUBRIC_FIELDS, rubric_id=DEMO_RUBRIC_ID)

# Typical answers for demo data, one set per grade (the tests hold them to their grade).
DEMO_ANSWERS: Mapping[str, Mapping[str, Any]] = {
    "hot": {"budget": "confirmed", "authority": "decision_maker",
            "need": ["lead_capture", "crm_integration"], "timeframe": "0-3m", "employees": 1200,
            "interest": "high", "demo_requested": True, "asked_about": "Offline badge scanning"},
    "warm": {"budget": "planned", "authority": "influencer", "need": ["sales_content"],
             "timeframe": "3-6m", "employees": 300, "interest": "medium",
             "demo_requested": False},
    "cold": {"budget": "none", "authority": "user", "need": ["just_looking"],
             "timeframe": "unknown", "employees": 12, "interest": "low"},
}
