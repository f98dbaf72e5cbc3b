"""Numbers, amounts and dates are read and written in the app's locale, both ways."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QLocale

from desktop.locale import (
    document_language,
    format_amount,
    format_date,
    format_int,
    format_money,
    format_number,
    parse_date,
    parse_number,
)

TYPED = [
    ("de_DE", "1234,56", 1234.56),
    ("de_DE", "1.234,56", 1234.56),
    ("de_DE", "12", 12.0),
    ("fr_FR", "1234,56", 1234.56),
    ("fr_FR", "1 234,56", 1234.56),
    ("fr_FR", "1\u202f234,56", 1234.56),
    ("en_US", "1234.56", 1234.56),
    ("en_US", "1,234.56", 1234.56),
]


@pytest.mark.parametrize(("name", "text", "value"), TYPED)
def test_a_number_typed_in_the_locale_is_read_as_meant(app_locale, name, text, value):
    app_locale(name)
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(("name", "text"), [
    ("de_DE", "1234.56"),  # an English decimal point is no German group separator
    ("fr_FR", "1234.56"),
    ("en_US", "1234,56"),  # a German decimal comma is never read as thousands
    ("en_US", "abc"),
    ("de_DE", ""),
])
def test_a_number_of_another_locale_is_refused_not_misread(app_locale, name, text):
    app_locale(name)
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(("name", "count", "amount", "day"), [
    ("de_DE", "1.054.000", "1.234,56", "07.12.2026"),
    ("fr_FR", "1\u202f054\u202f000", "1\u202f234,56", "07/12/2026"),
    ("en_US", "1,054,000", "1,234.56", "12/7/2026"),
])
def test_counts_amounts_and_days_are_written_in_the_locale(app_locale, name, count, amount, day):
    app_locale(name)
    assert format_int(1054000) == count
    assert format_amount(1234.56) == amount
    assert format_date("2026-12-07") == day
    assert parse_date(day) == dt.date(2026, 12, 7)
    # What the app writes, it reads back: an amount round-trips in every locale.
    assert parse_number(format_amount(1234.56)) == pytest.approx(1234.56)
    assert parse_number(format_number(1234.5, grouped=False)) == pytest.approx(1234.5)


def test_a_day_without_a_locale_to_follow_is_written_as_iso_8601(app_locale):
    # Qt's C locale writes "7 12 2026"; a machine with LANG=C.UTF-8 gets the command line's form.
    app_locale("C")
    assert format_date("2026-12-07") == "2026-12-07"
    assert parse_date("2026-12-07") == dt.date(2026, 12, 7)


def test_text_that_is_no_date_is_shown_as_it_is(app_locale):
    app_locale("de_DE")
    assert format_date("sometime in May") == "sometime in May"


def test_the_document_language_follows_the_locale(app_locale):
    app_locale("de_DE")
    assert document_language() == "de-DE"
    app_locale("fr_FR")
    assert document_language() == "fr-FR"


@pytest.mark.parametrize(("name", "value", "code", "shown"), [
    ("en_US", 1054000, "EUR", "€1,054,000"),
    ("en_US", 1054000, "USD", "$1,054,000"),
    ("en_US", 1234.5, "USD", "$1,234.50"),
    ("de_DE", 1054000, "EUR", "1.054.000\u00a0€"),
    ("de_DE", 99.9, "GBP", "99,90\u00a0£"),
    ("es_ES", 18000, "USD", "18.000\u00a0$"),
    # A symbol that means the locale's own money elsewhere is written as the code.
    ("en_CA", 500, "USD", "USD\u00a0500"),
    ("en_US", 1200, "CHF", "CHF\u00a01,200"),
    ("de_DE", 1200, "CHF", "1.200\u00a0CHF"),
])
def test_money_is_written_with_its_currency_as_the_locale_writes_money(name, value, code, shown):
    assert format_money(value, code, locale=QLocale(name)) == shown


def test_no_amount_is_no_text():
    assert format_money(None, "EUR") == ""


def test_without_a_locale_money_is_the_number_and_the_code():
    assert format_money(1054000, "EUR", locale=QLocale.c()) == "1054000\u00a0EUR"
