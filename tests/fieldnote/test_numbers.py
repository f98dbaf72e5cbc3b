"""The locale-free rule that reads numbers stored as text (fieldnote.numbers)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldnote.numbers import read_number
from fieldnote.scoring import Rubric, parse_rubric, score


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,5", 1.5),  # a decimal comma, not fifteen
        ("1.5", 1.5),
        ("-2,25", -2.25),
        ("+7", 7.0),
        ("\u22123", -3.0),
        ("1234", 1234.0),
        ("1234,567", 1234.567),  # a whole part of four ungrouped digits: a decimal comma
        ("1,2345", 1.2345),
        ("1,234.5", 1234.5),
        ("1.234,5", 1234.5),
        ("1,234,567", 1234567.0),
        ("1.234.567", 1234567.0),
        ("1.234.567,89", 1234567.89),
        ("1 234,56", 1234.56),
        ("1\u202f234,56", 1234.56),
        ("1\u00a0234\u00a0567", 1234567.0),
        ("1'234.5", 1234.5),
        (",5", 0.5),
        ("2,5e3", 2500.0),
        ("  12  ", 12.0),
    ],
)
def test_reads(text: str, value: float) -> None:
    assert read_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "1,500",  # thousands in English, one and a half in German: not guessed
        "1.500",
        "0,250",
        "-12,000",
        "", "  ", "abc", "1,5 kg", "1.", "1,", "1,2,3", "1.234.5", "12,34,567",
        "1.234.567.89,5,5", "1,234,56", "1 23", "1 234.567.890", "inf", "nan", "1e999", "--1",
        "1,,5", "1.2.3,4",
    ],
)
def test_refuses(text: str) -> None:
    assert read_number(text) is None


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_grouped_integers_read_back(n: int) -> None:
    grouped = f"{n:,}"
    for sep in (",", ".", " ", "\u202f"):
        text = grouped.replace(",", sep)
        if abs(n) >= 1000 and text.count(sep) == 1 and sep in ".,":
            assert read_number(text) is None  # 1,500: ambiguous on purpose
        else:
            assert read_number(text) == n


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_grouped_decimals_in_either_convention(whole: int, cents: int) -> None:
    english = f"{whole:,}.{cents:02d}"
    german = english.replace(",", "_").replace(".", ",").replace("_", ".")
    expected = float(f"{whole}.{cents:02d}")
    assert read_number(english) == expected
    assert read_number(german) == expected


@given(st.text(alphabet="0123456789.,- e'\u202f", max_size=14))
def test_never_raises_and_finite(text: str) -> None:
    value = read_number(text)
    assert value is None or math.isfinite(value)


def _rubric() -> Rubric:
    return parse_rubric({
        "name": "R",
        "questions": [{"id": "size", "text": "Size", "type": "number",
                       "ranges": [{"min": 0, "max": 2, "points": 5},
                                  {"min": 10, "max": 20, "points": 1}]}],
        "thresholds": {"hot": 70, "warm": 40},
    })


def test_a_stored_decimal_comma_scores_as_its_value_not_fifteen() -> None:
    result = score(_rubric(), {"size": "1,5"})
    assert result.points == 5


def test_ambiguous_text_is_not_scored_and_says_why() -> None:
    result = score(_rubric(), {"size": "1,500"})
    assert result.points == 0
    assert any("size" in p and "1,500" in p for p in result.problems)
