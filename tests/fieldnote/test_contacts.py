import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldnote.contacts import PhoneCheck, check_email, normalize_phone, phone_digits, split_name


@pytest.mark.parametrize(
    ("text", "region", "value"),
    [
        ("+1 (650) 253-0000", None, "+16502530000"),
        ("(650) 253-0000", "US", "+16502530000"),
        ("030 1234567", "DE", "+49301234567"),
        ("030 1234567", "de", "+49301234567"),
        ("+44 20 7946 0958", "DE", "+442079460958"),
        ("tel:+33 1 42 68 53 00", None, "+33142685300"),
        ("+1 650-253-0000 ext. 42", None, "+16502530000 ext. 42"),
    ],
)
def test_a_valid_phone_number_is_normalised_to_e164(text, region, value):
    assert normalize_phone(text, region) == PhoneCheck(value, None)


@pytest.mark.parametrize(
    ("text", "region", "fragment"),
    [
        ("030 1234567", None, "country code"),
        ("030 1234567", "XX", "country code"),
        ("+1 555", "US", "not a valid phone number"),
        ("call me maybe", "US", "does not look like a phone number"),
        ("1" * 300, "US", "too long"),
    ],
)
def test_an_unusable_phone_number_is_kept_as_typed_with_a_warning(text, region, fragment):
    check = normalize_phone(text, region)
    assert check.value == text
    assert check.warning is not None and fragment in check.warning
    assert not check.ok


def test_an_empty_phone_number_is_no_warning():
    assert normalize_phone("  ", "US") == PhoneCheck("", None)
    assert normalize_phone(None, "US") == PhoneCheck("", None)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from([None, "US", "DE", "GB", "zz", ""]))
def test_normalising_any_text_never_raises_and_never_loses_it(text, region):
    check = normalize_phone(text, region)
    if check.warning is not None:
        assert check.value == text
    elif text.strip():
        assert check.value.startswith("+")


def test_email_checks_warn_but_accept_good_addresses():
    assert check_email("ana@acme.com") is None
    assert check_email("  ") is None
    assert check_email(None) is None
    assert "@" in (check_email("ana.acme.com") or "")
    assert check_email("ana@") is not None
    assert check_email("a" * 400 + "@x.com") is not None


@pytest.mark.parametrize(
    ("full", "first", "last"),
    [
        ("Ana Silva", "Ana", "Silva"),
        ("  Ana   Silva ", "Ana", "Silva"),
        ("Silva, Ana", "Ana", "Silva"),
        ("Mary Ann Smith", "Mary Ann", "Smith"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
        ("Ana Maria da Silva", "Ana Maria", "da Silva"),
        ("Juan de la Cruz", "Juan", "de la Cruz"),
        ("Dr. Ana Silva", "Ana", "Silva"),
        ("Martin Luther King Jr.", "Martin Luther", "King Jr."),
        ("Madonna", "Madonna", None),
        ("田中太郎", "田中太郎", None),
        ("דנה כהן", "דנה", "כהן"),
        ("Zoë 🚀 Ørsted", "Zoë 🚀", "Ørsted"),
        ("", None, None),
        (None, None, None),
    ],
)
def test_full_names_are_split_into_first_and_last(full, first, last):
    assert split_name(full) == (first, last)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_splitting_any_name_keeps_its_words(full):
    first, last = split_name(full)
    kept = " ".join(p for p in (first, last) if p)
    words = set(full.replace(",", " ").split())
    # Only honorifics may go; every other word stays.
    assert set(kept.replace(",", " ").split()) <= words


def test_phone_digits_compare_numbers_typed_differently():
    assert phone_digits("+1 (650) 253-0000") == phone_digits("1-650-253-0000")
