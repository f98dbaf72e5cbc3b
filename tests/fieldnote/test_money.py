import pytest

from fieldnote.money import (
    DEFAULT_CURRENCY,
    CurrencyError,
    check_currency,
    check_setting,
    currency_of,
)


@pytest.mark.parametrize(("typed", "code"), [("EUR", "EUR"), (" usd ", "USD"), ("chf", "CHF"),
                                             ("JPY", "JPY")])
def test_an_iso_4217_code_is_taken_in_capitals(typed, code):
    assert check_currency(typed) == code


@pytest.mark.parametrize("typed", ["", "EU", "EURO", "XYZ", "€", "US$", "ÉUR", "12A"])
def test_anything_else_is_refused_with_what_to_type(typed):
    with pytest.raises(CurrencyError, match="ISO 4217 currency code; use a three-letter code"):
        check_currency(typed)


def test_a_device_falls_back_to_the_default_for_missing_or_odd_settings():
    assert DEFAULT_CURRENCY == "EUR"
    assert currency_of(None) == currency_of({}) == "EUR"
    assert currency_of({"currency": "gbp"}) == "GBP"
    assert currency_of({"currency": "nonsense"}) == currency_of({"currency": 978}) == "EUR"


def test_only_known_settings_can_be_set():
    assert check_setting("currency", "sek") == "SEK"
    with pytest.raises(ValueError, match="No hub setting 'colour'"):
        check_setting("colour", "red")
