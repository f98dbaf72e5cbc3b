"""The domain's locale-free reading of stored number text (fieldnote.numbers) and the window's
locale parse (desktop.locale) never disagree: on any text both accept they give the same value,
so a number does not change when it moves between a form and a stored record."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from desktop.locale import format_number, parse_number
from fieldnote.numbers import read_number

LOCALES = ("en_US", "de_DE", "fr_FR", "de_CH", "C")


def _window(text: str, name: str) -> float | None:
    try:
        return parse_number(text, QLocale(name))
    except ValueError:
        return None


def _agree(text: str) -> None:
    domain = read_number(text)
    if domain is None:
        return
    for name in LOCALES:
        window = _window(text, name)
        assert window is None or window == domain, (text, name, window, domain)


@settings(max_examples=600)
@given(st.text(alphabet="0123456789.,'- e\u202f\u00a0", min_size=1, max_size=12))
@example("1,500")
@example("0,500")
@example("1.234")
@example("1234,567")
@example("1 234,5")
def test_any_text_both_accept_reads_the_same(text: str) -> None:
    _agree(text)


@settings(max_examples=300)
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
       st.sampled_from(LOCALES), st.integers(min_value=0, max_value=4))
def test_what_the_window_writes_reads_the_same(value: float, name: str, decimals: int) -> None:
    text = format_number(round(value, decimals), decimals, locale=QLocale(name))
    _agree(text)
    domain = read_number(text)
    if domain is not None:
        assert domain == _window(text, name)


@pytest.mark.parametrize(("text", "name"), [("1,5", "de_DE"), ("1.234,56", "de_DE"),
                                            ("1,234.56", "en_US"), ("1\u202f234,56", "fr_FR")])
def test_the_common_forms_read_by_both(text: str, name: str) -> None:
    assert read_number(text) == _window(text, name) is not None
