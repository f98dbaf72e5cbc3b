"""The choices `fieldnote.badges` makes, each pinned: which of several phones or emails a
vCard gives, where the country comes from, the digit counts that make a phone number or a
badge code, what a mailto: link must hold, and that a parser bug is never hidden from tests."""

from __future__ import annotations

import logging

import pytest

from fieldnote import badges
from fieldnote.badges import FIELD_MAX, ParsedBadge, parse_badge, read_badge


def card(*lines: str) -> str:
    return "\r\n".join(["BEGIN:VCARD", "VERSION:3.0", "N:Silva;Ana", *lines, "END:VCARD"])


# --- which of several emails and phones ----------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "email"),
    [
        (["EMAIL;TYPE=HOME:home@x.io", "EMAIL;TYPE=WORK:work@x.io"], "work@x.io"),
        (["EMAIL:plain@x.io", "EMAIL;TYPE=INTERNET:net@x.io"], "net@x.io"),
        (["EMAIL;TYPE=INTERNET:net@x.io", "EMAIL;TYPE=WORK:work@x.io"], "work@x.io"),
        (["EMAIL;TYPE=WORK:work@x.io", "EMAIL;TYPE=HOME,PREF:pref@x.io"], "pref@x.io"),
        (["EMAIL;TYPE=WORK:work@x.io", "EMAIL;PREF=1:pref@x.io"], "pref@x.io"),
        (["EMAIL;TYPE=HOME:work@x.io", "EMAIL;PREF;INTERNET:pref@x.io"], "pref@x.io"),
        (["EMAIL;TYPE=WORK:work@x.io", "EMAIL;PREF:pref@x.io"], "pref@x.io"),
        (["x.item1.EMAIL:grouped@x.io"], "grouped@x.io"),
        (["EMAIL:first@x.io", "EMAIL:second@x.io"], "first@x.io"),
        (["EMAIL;TYPE=WORK:", "EMAIL:filled@x.io"], "filled@x.io"),
        (["EMAIL;TYPE=work:lower@x.io", "EMAIL:plain@x.io"], "lower@x.io"),
        (['EMAIL;TYPE="home,work":quoted@x.io', "EMAIL;TYPE=HOME:home@x.io"], "quoted@x.io"),
        (["EMAIL:mailto:Ana@x.io"], "Ana@x.io"),
        (["EMAIL:MAILTO:ana@x.io"], "ana@x.io"),
    ],
)
def test_vcard_rule_the_preferred_then_work_then_first_email_wins(lines, email):
    assert read_badge(card(*lines)).email == email


@pytest.mark.parametrize(
    ("lines", "phone"),
    [
        (["TEL;TYPE=HOME:1111111", "TEL;TYPE=CELL:2222222"], "2222222"),
        (["TEL;TYPE=CELL:2222222", "TEL;TYPE=WORK:3333333"], "3333333"),
        (["TEL;TYPE=VOICE:4444444", "TEL;TYPE=CELL:2222222"], "2222222"),
        (["TEL:5555555", "TEL;TYPE=VOICE:4444444"], "4444444"),
        (["TEL;TYPE=WORK,FAX:6666666", "TEL;TYPE=HOME:1111111"], "1111111"),
        (["TEL;FAX:6666666", "TEL:5555555"], "5555555"),
        (["TEL;TYPE=HOME:1111111", "TEL;PREF=1:7777777"], "7777777"),
        (["TEL;TYPE=HOME:1111111", "TEL;TYPE=HOME:8888888"], "1111111"),
        (["TEL;VALUE=uri;TYPE=work:tel:+1-555-0100"], "+1-555-0100"),
        (["TEL;WORK;VOICE:+49 89 1234-0", "TEL;HOME:+49 89 999"], "+49 89 1234-0"),
    ],
)
def test_vcard_rule_the_preferred_then_work_cell_voice_phone_wins_and_never_a_fax(lines, phone):
    assert read_badge(card(*lines)).phone == phone


def test_vcard_rule_a_card_with_only_a_fax_gives_no_phone():
    assert read_badge(card("TEL;TYPE=FAX:6666666")).phone is None


# --- where the country comes from ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "country", "address"),
    [
        (["ADR:;;1 Main St;Springfield;IL;62701;us"], "US", "1 Main St, Springfield, IL, 62701, us"),
        (["ADR:;;Hauptstr. 1;Berlin;;10115;Germany"], "Germany",
         "Hauptstr. 1, Berlin, 10115, Germany"),
        (["ADR:;;Hauptstr. 1;Berlin;;;", "X-COUNTRY:de"], "DE", "Hauptstr. 1, Berlin"),
        (["ADR:;;Rua 1;Lisboa", "COUNTRY:PT"], "PT", "Rua 1, Lisboa"),
        (["ADR:;;1 Main St;;;;US", "X-COUNTRY:DE"], "US", "1 Main St, US"),
        (["X-COUNTRY:fr", "COUNTRY:DE"], "FR", None),
        (["COUNTRY:Portugal"], "Portugal", None),
        (["LABEL:1 Main St, Springfield"], None, "1 Main St, Springfield"),
        (["ADR;TYPE=HOME:;;Home St;;;;DE", "ADR;TYPE=WORK:;;Work St;;;;FR"], "FR", "Work St, FR"),
        (["ADR:PO Box 9;Suite 5;1 Main St;Town;ST;12345;US", "LABEL:ignored"], "US",
         "1 Main St, Suite 5, PO Box 9, Town, ST, 12345, US"),
    ],
)
def test_vcard_rule_the_country_is_the_addresss_else_a_country_property(lines, country, address):
    parsed = read_badge(card(*lines))
    assert (parsed.country, parsed.address) == (country, address)


@pytest.mark.parametrize(("code", "country"), [("de", "DE"), ("D", "D"), ("deu", "deu")])
def test_a_two_letter_country_is_written_in_capitals(code, country):
    assert read_badge(card(f"X-COUNTRY:{code}")).country == country


def test_a_mecard_address_of_seven_parts_gives_the_country():
    parsed = read_badge("MECARD:N:Silva,Ana;ADR:PO 9,Suite 5,1 Main St,Town,ST,12345,us;;")
    assert (parsed.country, parsed.address) == ("US", "1 Main St, Suite 5, PO 9, Town, ST, 12345, us")
    parsed = read_badge("MECARD:N:Silva,Ana;ADR:1 Main St\\, Town;COUNTRY:pt;;")
    assert (parsed.country, parsed.address) == ("PT", "1 Main St, Town")


def test_delimited_rule_a_trailing_region_code_is_the_country():
    parsed = read_badge("Ana^Silva^Acme^DE")
    assert (parsed.first_name, parsed.last_name, parsed.company, parsed.country) == (
        "Ana", "Silva", "Acme", "DE")
    # With fewer than three fields, a region code is a name.
    parsed = read_badge("Ana^DE")
    assert (parsed.first_name, parsed.last_name, parsed.country) == ("Ana", "DE", None)
    # Not a region: the code is kept as an ordinary field.
    assert read_badge("Ana^Silva^Acme^ZZ").country is None


# --- digit counts: phone numbers and badge codes -------------------------------------------


@pytest.mark.parametrize(
    ("token", "field"),
    [
        ("123456", "badge_id"),  # six bare digits: too few for a phone
        ("1234567", "phone"),  # seven: a phone
        ("123456789012345", "phone"),  # fifteen: E.164's most
        ("1234567890123456", "badge_id"),  # sixteen: a code
        ("12-345", "badge_id"),  # five digits with punctuation: a code
        ("12-3456", "phone"),  # six with punctuation: a phone
        ("+49 151 2345678", "phone"),
        ("(0)89 1234 5678 ext. 12", "phone"),
    ],
)
def test_delimited_rule_a_later_digit_run_is_a_phone_by_its_digit_count(token, field):
    parsed = read_badge(f"Ana^Silva^{token}")
    assert getattr(parsed, field) == token
    assert (parsed.first_name, parsed.last_name) == ("Ana", "Silva")


def test_delimited_rule_the_first_code_is_the_badge_even_when_it_looks_like_a_phone():
    parsed = read_badge("1234567^Ana^Silva^7654321")
    assert (parsed.badge_id, parsed.phone) == ("1234567", "7654321")


@pytest.mark.parametrize(
    ("code", "badge"),
    [("A", None), ("A1", "A1"), ("1" * 64, "1" * 64), ("1" * 65, None), ("AB", None),
     ("A1.b/c-d_e", "A1.b/c-d_e"), ("-A1", None)],
)
def test_bare_code_rule_two_to_sixty_four_characters_with_a_digit(code, badge):
    parsed = read_badge(code)
    assert parsed.badge_id == badge
    assert parsed.format == ("badge_id" if badge else "unknown")


# --- mailto: -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("mailto:ana@acme.com", "ana@acme.com"),
        ("MAILTO:Ana@Acme.com?subject=Hi", "Ana@Acme.com"),
        ("mailto:ana%40acme.com", "ana@acme.com"),
        ("mailto:ana@acme.com,bob@acme.com", "ana@acme.com"),
        ("  mailto: ana@acme.com ", "ana@acme.com"),
    ],
)
def test_mailto_rule_the_first_address_is_the_email(text, email):
    parsed = read_badge(text)
    assert (parsed.format, parsed.email, parsed.raw) == ("email", email, text)


@pytest.mark.parametrize("text", ["mailto:", "mailto:not-an-address", "mailto:ana@acme",
                                  "mailto:?to=ana@acme.com", "mailto:a b@acme.com"])
def test_mailto_rule_an_invalid_address_gives_no_fields_and_keeps_the_scan(text):
    assert read_badge(text) == ParsedBadge(raw=text)


# --- the safety net ------------------------------------------------------------------------


def test_parse_badge_keeps_the_scan_when_the_parser_fails_and_read_badge_shows_the_failure(
    monkeypatch, caplog
):
    def broken(text: str) -> ParsedBadge:
        raise IndexError(f"parser bug near {text!r}")

    monkeypatch.setattr(badges, "_parse", broken)
    with pytest.raises(IndexError):
        read_badge("BEGIN:VCARD")
    with caplog.at_level(logging.WARNING, logger="fieldnote.badges"):
        assert parse_badge("BEGIN:VCARD") == ParsedBadge(raw="BEGIN:VCARD")
    assert "badge parser failed (IndexError at test_badges_rules.py:" in caplog.text
    assert "the payload is kept unparsed" in caplog.text
    # Above DEBUG the exception's message, which may quote the scan, is not logged.
    assert "VCARD" not in caplog.text and "Traceback" not in caplog.text


# --- the result ----------------------------------------------------------------------------


def test_fields_are_cleaned_emails_lose_spaces_and_empty_values_are_none():
    parsed = read_badge(card("EMAIL:ana @ acme.com", "TITLE:  \t ", "ORG:;Sales"))
    assert parsed.email == "ana@acme.com"
    assert parsed.title is None
    assert parsed.company == "Sales"


def test_a_field_is_cut_at_the_field_limit_after_its_spaces_are_joined():
    parsed = read_badge(card("NOTE:" + "abc  " * 300))
    assert parsed.note == ("abc " * 50).rstrip()  # cut at 200, then the trailing space
    assert len(parsed.note) == FIELD_MAX - 1
    parsed = read_badge(card("NOTE:" + "ab  " * 300))
    assert parsed.note == ("ab " * 67)[:FIELD_MAX]


def test_lead_fields_leave_out_empty_values_and_name_the_note_notes():
    parsed = ParsedBadge(raw="x", format="delimited", first_name="Ana", note="hi")
    assert parsed.lead_fields() == {"first_name": "Ana", "notes": "hi", "badge_raw": "x"}
    assert ParsedBadge(raw="").lead_fields() == {}
    assert not ParsedBadge(raw="").recognised and parsed.recognised


# --- delimited text: names, company, title and country by position ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana^Silva^DE", {"first_name": "Ana", "last_name": "Silva", "country": "DE"}),
        ("Ana^Silva^Acme^CTO^DE", {"first_name": "Ana", "last_name": "Silva", "company": "Acme",
                                   "title": "CTO", "country": "DE"}),
        ("country=FR^Ana^Silva^DE", {"first_name": "Ana", "last_name": "Silva", "company": "DE",
                                     "country": "FR"}),
        ("first=Ana^Acme Corp^CTO", {"first_name": "Ana", "company": "Acme Corp", "title": "CTO"}),
        ("last=Silva^Acme Corp^CTO", {"last_name": "Silva", "company": "Acme Corp", "title": "CTO"}),
        ("Ana^Silva^Sales Manager", {"first_name": "Ana", "last_name": "Silva",
                                     "title": "Sales Manager"}),
        ("Ana^Silva^Acme Sales Inc", {"first_name": "Ana", "last_name": "Silva",
                                      "company": "Acme Sales Inc"}),
        ("Ana^Silva^Sales Manager^Acme", {"first_name": "Ana", "last_name": "Silva",
                                          "company": "Acme", "title": "Sales Manager"}),
        ("Ana Silva^Acme Inc", {"first_name": "Ana", "last_name": "Silva", "company": "Acme Inc"}),
        ("Ana Silva^Director", {"first_name": "Ana", "last_name": "Silva", "title": "Director"}),
    ],
)
def test_delimited_rule_fields_by_position(text, expected):
    parsed = read_badge(text)
    got = {k: v for k, v in parsed.lead_fields().items() if k != "badge_raw"}
    assert got == expected


# --- URL parameters ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://r.example/?first=Ana&first=Bob&email=a@b.co", {"first_name": "Ana",
                                                                 "email": "a@b.co"}),
        ("https://r.example/?utm_source=x&email=a@b.co", {"email": "a@b.co"}),
        ("https://r.example/?first=&first=Bob", {"first_name": "Bob"}),
        ("https://r.example/?name=Ana%20Silva&last=Costa", {"last_name": "Costa"}),
        ("https://r.example/?first=Ana&name=Bob%20Stone", {"first_name": "Ana"}),
        ("https://r.example/?name=Bob%20Stone", {"first_name": "Bob", "last_name": "Stone"}),
        ("https://r.example/#email=a@b.co", {"email": "a@b.co"}),
    ],
)
def test_url_rule_the_first_value_of_each_contact_parameter(url, expected):
    parsed = read_badge(url)
    assert {k: v for k, v in parsed.lead_fields().items() if k != "badge_raw"} == expected


# --- quoted-printable and vCard lines ------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "last"),
    [
        ("N;CHARSET=x-unknown;ENCODING=QUOTED-PRINTABLE:Jos=E9", "José"),  # unknown charset
        ("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=E9", "José"),  # wrong charset: cp1252
        ("N;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9", "José"),
        ("N;ENCODING=QUOTED-PRINTABLE:Ana=81", "Ana\ufffd"),  # nothing reads it: replaced
        ("N;ENCODING=QUOTED-PRINTABLE:Sil\ud800va", "Sil\u00ed \u20acva"),  # as cp1252
        ("N;ENCODING=QP:Sil=\nva", "Silva"),  # a soft line break
    ],
)
def test_vcard_rule_quoted_printable_is_decoded_by_charset_then_utf8_then_cp1252(line, last):
    parsed = read_badge(f"BEGIN:VCARD\n{line}\nEND:VCARD")
    assert parsed.last_name == last


def test_vcard_rule_a_value_mentioning_quoted_printable_does_not_join_lines():
    parsed = read_badge("BEGIN:VCARD\nNOTE:uses QUOTED-PRINTABLE=\nEMAIL:a@b.co\nEND:VCARD")
    assert (parsed.note, parsed.email) == ("uses QUOTED-PRINTABLE=", "a@b.co")


def test_vcard_rule_a_very_long_card_is_read_from_its_start():
    card = "BEGIN:VCARD\nN:Silva;Ana\n" + "NOTE:x\n" * 2500 + "END:VCARD"
    assert read_badge(card).last_name == "Silva"


def test_vcard_rule_text_before_the_card_is_not_read():
    parsed = read_badge("junk N:Bad;Name\nBEGIN:VCARD\nN:Silva;Ana\nEND:VCARD")
    assert (parsed.first_name, parsed.last_name) == ("Ana", "Silva")


# --- dispatch ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fmt", "field", "value"),
    [
        ("\ufeffana@acme.com", "email", "email", "ana@acme.com"),
        ("\u200b\x00ana@acme.com\ufeff", "email", "email", "ana@acme.com"),
        ("]C1\ufeff12345", "badge_id", "badge_id", "12345"),
        ("MECARD:N:Silva,Ana;;MECARD:N:Stone,Bob;;", "mecard", "last_name", "Silva"),
        ("x" * 249 + "MECARD:N:Silva,Ana;;", "mecard", "last_name", "Silva"),
    ],
)
def test_dispatch_rule_formats_are_found_after_framing_characters(text, fmt, field, value):
    parsed = read_badge(text)
    assert (parsed.format, getattr(parsed, field)) == (fmt, value)


def test_dispatch_rule_a_card_prefix_is_looked_for_only_near_the_start():
    assert read_badge("x" * 250 + "MECARD:N:Silva,Ana;;").format != "mecard"


@pytest.mark.parametrize(("length", "fmt"), [(599, "delimited"), (600, "delimited"),
                                             (601, "unknown")])
def test_dispatch_rule_short_text_only_is_read_as_delimited(length, fmt):
    text = "Ana^" + "x" * (length - 4)
    assert len(text) == length
    assert read_badge(text).format == fmt


# --- vCard fallbacks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["N:Silva;", "FN:Someone Else"], {"last_name": "Silva"}),
        (["N:;Ana", "FN:Someone Else"], {"first_name": "Ana"}),
        (["N:;;;;", "FN:Ana Silva"], {"first_name": "Ana", "last_name": "Silva"}),
        (["NAME:Ana Silva"], {"first_name": "Ana", "last_name": "Silva"}),
        (["ROLE:Buyer"], {"title": "Buyer"}),
        (["TITLE:CTO", "ROLE:Buyer"], {"title": "CTO"}),
        (["ORG:;"], {}),
        (["BADGE-ID:77"], {}),
        (["X-REGISTRATION:R-5"], {"badge_id": "R-5"}),
        (['NOTE;X-LABEL="a:b":hello'], {"notes": "hello"}),
        (['NOTE;X-LABEL="a;b";TYPE=x:hello'], {"notes": "hello"}),
        (['EMAIL;TYPE="work":a@b.co'], {"email": "a@b.co"}),
        (['NOTE;X-LABEL="a:b'], {}),
    ],
)
def test_vcard_rule_names_titles_and_quoted_parameters(lines, expected):
    card_text = "\n".join(["BEGIN:VCARD", *lines, "END:VCARD"])
    parsed = read_badge(card_text)
    assert {k: v for k, v in parsed.lead_fields().items() if k != "badge_raw"} == expected


# --- mailto: and delimited text ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "email"),
    [("mailto:a@b.co?subject=a?b", "a@b.co"), ("mailto:a@b.co,c@d.co,e@f.co", "a@b.co")],
)
def test_mailto_rule_only_the_first_address_before_the_query(text, email):
    assert read_badge(text).email == email


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana\rSilva", {"first_name": "Ana", "last_name": "Silva"}),
        ("first=Ana&last=Silva&email=a@b.co", {"first_name": "Ana", "last_name": "Silva",
                                               "email": "a@b.co"}),
        ('"Ana"^"Silva"', {"first_name": "Ana", "last_name": "Silva"}),
        ("Ana^mailto:a@b.co", {"first_name": "Ana", "email": "a@b.co"}),
        ("a@b.co^c@d.co^Ana", {"email": "a@b.co", "first_name": "c@d.co", "last_name": "Ana"}),
        ("B-1^B-2^Ana", {"badge_id": "B-1", "first_name": "B-2", "last_name": "Ana"}),
        ("Ana^1234567^Silva", {"first_name": "Ana", "phone": "1234567", "last_name": "Silva"}),
        ("Ana^1234567^7654321", {"first_name": "Ana", "phone": "1234567",
                                 "last_name": "7654321"}),
        ("email=x@y.co^a@b.co^Ana", {"email": "a@b.co", "first_name": "Ana"}),
    ],
)
def test_delimited_rule_the_first_of_each_kind_wins(text, expected):
    parsed = read_badge(text)
    assert {k: v for k, v in parsed.lead_fields().items() if k != "badge_raw"} == expected


def test_delimited_rule_several_delimited_rows_are_a_table_not_a_badge():
    assert read_badge("Ana^Silva\nBob^Stone").format == "unknown"
    assert read_badge("Ana^Silva\nBob").format == "delimited"


@pytest.mark.parametrize(("count", "fmt"), [(40, "delimited"), (41, "unknown")])
def test_delimited_rule_at_most_forty_fields(count, fmt):
    assert read_badge("^".join(["Ana"] * count)).format == fmt


# --- JSON ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "email"),
    [('{"a": {"b": {"c": {"email": "x@y.co"}}}}', "x@y.co"),
     ('{"a": {"b": {"c": {"d": {"email": "x@y.co"}}}}}', None),
     ('{"email": true, "first": "Ana"}', None)],
)
def test_json_rule_three_levels_of_nesting_and_no_yes_no_values(data, email):
    assert read_badge(data).email == email


@pytest.mark.parametrize(("junk", "email"), [(199, "x@y.co"), (200, None)])
def test_json_rule_the_first_two_hundred_keys_are_read(junk, email):
    keys = ", ".join(f'"k{i}": 1' for i in range(junk))
    assert read_badge("{" + keys + ', "email": "x@y.co"}').email == email
