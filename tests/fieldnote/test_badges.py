import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldnote.badges import FIELD_MAX, FORMATS, ParsedBadge, parse_badge, read_badge

# The tests read with `read_badge`: the same parser without `parse_badge`'s safety net, so a
# parser bug fails them instead of passing as an unparsed scan.

CONTACT = ("first_name", "last_name", "email", "phone", "company", "title", "country",
           "address", "badge_id", "note")


def fields_of(p: ParsedBadge) -> dict[str, str]:
    return {k: getattr(p, k) for k in CONTACT if getattr(p, k) is not None}


# --- vCard -------------------------------------------------------------------------------------

VCARD_30 = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Silva;Ana;Maria;Dr.;\r\n"
    "FN:Dr. Ana Maria Silva\r\n"
    "ORG:Acme Corp;Sales;EMEA\r\n"
    "TITLE:Chief Technology Officer\r\n"
    "EMAIL;TYPE=INTERNET,HOME:ana.home@example.org\r\n"
    "EMAIL;TYPE=INTERNET,WORK:ana@acme.com\r\n"
    "TEL;TYPE=FAX:+1 555 0100\r\n"
    "TEL;TYPE=WORK,VOICE:+1 (555) 555-0199\r\n"
    "ADR;TYPE=WORK:;Suite 5;1 Main Street;Springfield;IL;62701;USA\r\n"
    "NOTE:Met at booth 12\\, wants a demo\\nnext week\r\n"
    "UID:ATT-2026-000451\r\n"
    "END:VCARD\r\n"
)


def test_a_vcard_3_gives_every_contact_field():
    p = read_badge(VCARD_30)
    assert p.format == "vcard"
    assert fields_of(p) == {
        "first_name": "Ana",
        "last_name": "Silva",
        "email": "ana@acme.com",
        "phone": "+1 (555) 555-0199",
        "company": "Acme Corp",
        "title": "Chief Technology Officer",
        "country": "USA",
        "address": "1 Main Street, Suite 5, Springfield, IL, 62701, USA",
        "badge_id": "ATT-2026-000451",
        "note": "Met at booth 12, wants a demo next week",
    }
    assert p.raw == VCARD_30


def test_a_vcard_2_1_with_quoted_printable_and_charset_is_decoded():
    card = (
        "BEGIN:VCARD\n"
        "VERSION:2.1\n"
        "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen=\n"
        " Karl\n"
        "FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller\n"
        "ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:B=E4ckerei Gro=DF GmbH\n"
        "TITLE;QUOTED-PRINTABLE:Gesch=C3=A4ftsf=C3=BChrer\n"
        "TEL;WORK;VOICE:+49 30 1234567\n"
        "EMAIL;INTERNET;PREF:j.mueller@baeckerei.de\n"
        "ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;Hauptstra=C3=9Fe 1;M=C3=BCnchen;;80331;=\n"
        "Deutschland\n"
        "END:VCARD\n"
    )
    p = read_badge(card)
    assert p.format == "vcard"
    assert p.last_name == "Müller"
    assert p.first_name == "Jürgen Karl"
    assert p.company == "Bäckerei Groß GmbH"
    assert p.title == "Geschäftsführer"
    assert p.email == "j.mueller@baeckerei.de"
    assert p.phone == "+49 30 1234567"
    assert p.country == "Deutschland"
    assert p.address == "Hauptstraße 1, München, 80331, Deutschland"


@pytest.mark.parametrize("charset", ["\x00", "UTF\x00-8", "no-such-charset"])
def test_a_quoted_printable_value_under_a_charset_no_codec_takes_is_read_as_utf8(charset):
    # A NUL in the charset's name made bytes.decode raise ValueError, not LookupError, and the
    # strict parser crashed on the card (found by hypothesis).
    card = f"BEGIN:VCARD\nN;ENCODING=QUOTED-PRINTABLE;CHARSET={charset}:M=C3=BCller;Ana\nEND:VCARD"
    p = read_badge(card)
    assert (p.last_name, p.first_name) == ("Müller", "Ana")


def test_a_vcard_4_with_uri_values_lowercase_names_and_cr_line_ends_is_read():
    card = (
        "begin:vcard\rversion:4.0\r"
        "fn:Kenji Tanaka\r"
        "tel;value=uri;type=\"work,voice\";pref=1:tel:+81-3-1234-5678\r"
        "email;type=work:mailto:kenji@example.jp\r"
        "org:Tanaka Shoji K.K.\r"
        "x-badge-id:JP-778\r"
        "end:vcard"
    )
    p = read_badge(card)
    assert (p.first_name, p.last_name) == ("Kenji", "Tanaka")
    assert p.phone == "+81-3-1234-5678"
    assert p.email == "kenji@example.jp"
    assert p.company == "Tanaka Shoji K.K."
    assert p.badge_id == "JP-778"


def test_folded_vcard_lines_are_joined():
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\n"
        "ORG:A Very Long Company Name That The Writer\r\n  Folded Twice Over\r\n\t Lines\r\n"
        "END:VCARD"
    )
    assert read_badge(card).company == "A Very Long Company Name That The Writer Folded Twice Over Lines"


def test_a_vcard_without_n_takes_the_name_from_fn_and_grouped_properties_count():
    card = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ludwig van Beethoven\n"
        "item1.EMAIL;type=INTERNET:ludwig@example.at\nitem1.X-ABLabel:_$!<Work>!$_\nEND:VCARD"
    )
    p = read_badge(card)
    assert (p.first_name, p.last_name, p.email) == ("Ludwig", "van Beethoven", "ludwig@example.at")


def test_a_uuid_uid_is_an_address_book_id_not_a_badge_id():
    card = "BEGIN:VCARD\nFN:Ana Silva\nUID:urn:uuid:0193aaaa-0000-7000-8000-000000000001\nEND:VCARD"
    assert read_badge(card).badge_id is None
    assert read_badge(card.replace("urn:uuid:0193aaaa-0000-7000-8000-000000000001",
                                    "REG-2291")).badge_id == "REG-2291"


def test_a_vcard_after_scanner_junk_is_still_found():
    p = read_badge("]Q1\x1dBEGIN:VCARD\nN:Doe;John\nEMAIL:john@doe.com\nEND:VCARD\x04")
    assert (p.format, p.first_name, p.last_name, p.email) == ("vcard", "John", "Doe", "john@doe.com")


def test_a_vcard_with_missing_fields_gives_none_for_them():
    p = read_badge("BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nEND:VCARD")
    assert p.format == "vcard"
    assert fields_of(p) == {}


def test_right_to_left_and_emoji_names_survive_a_vcard():
    card = "BEGIN:VCARD\nVERSION:3.0\nN:כהן;דנה\nORG:شركة النور 🌟\nTITLE:مدير 🚀\nEND:VCARD"
    p = read_badge(card)
    assert (p.first_name, p.last_name) == ("דנה", "כהן")
    assert p.company == "شركة النور 🌟"
    assert p.title == "مدير 🚀"


# --- MeCard and BIZCARD ------------------------------------------------------------------------


def test_a_mecard_with_escapes_is_read():
    p = read_badge(
        r"MECARD:N:Doe,John;TEL:+1-555-0100;EMAIL:john\:doe@example.com;"
        r"ORG:Doe\; Sons\, Ltd;NOTE:likes \\ slashes;ADR:,,1 Main St,Springfield,IL,62701,US;;"
    )
    assert p.format == "mecard"
    assert (p.first_name, p.last_name) == ("John", "Doe")
    assert p.phone == "+1-555-0100"
    assert p.email == "john:doe@example.com"
    assert p.company == "Doe; Sons, Ltd"
    assert p.note == "likes \\ slashes"
    assert p.country == "US"
    assert p.address == "1 Main St, Springfield, IL, 62701, US"


def test_a_mecard_name_without_comma_is_split_as_a_full_name():
    p = read_badge("MECARD:N:José 😀 Álvarez;EMAIL:jose@example.es;;")
    assert (p.first_name, p.last_name) == ("José 😀", "Álvarez")


def test_a_bizcard_is_read():
    p = read_badge(
        "BIZCARD:N:John;X:Doe;T:VP Sales;C:Acme Inc;A:1 Main St, Springfield;"
        "M:+1 555 0111;B:+1 555 0100;E:john@acme.com;;"
    )
    assert p.format == "bizcard"
    assert fields_of(p) == {
        "first_name": "John", "last_name": "Doe", "title": "VP Sales", "company": "Acme Inc",
        "address": "1 Main St, Springfield", "phone": "+1 555 0100", "email": "john@acme.com",
    }


# --- URLs, email, codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://reg.example.com/b?first=Ana&last=Silva&email=ana%40acme.com&company=Acme&id=123",
         {"first_name": "Ana", "last_name": "Silva", "email": "ana@acme.com", "company": "Acme",
          "badge_id": "123"}),
        ("http://x.example/?FN=Li&LN=Wei&org=Wei+Trading&title=Buyer&phone=%2B8613800000000"
         "&badgeid=B77&country=CN",
         {"first_name": "Li", "last_name": "Wei", "company": "Wei Trading", "title": "Buyer",
          "phone": "+8613800000000", "badge_id": "B77", "country": "CN"}),
        ("https://app.example/checkin#first_name=Zoë&last_name=O%27Brien&e=zoe@example.ie",
         {"first_name": "Zoë", "last_name": "O'Brien", "email": "zoe@example.ie"}),
        ("https://a.example/x?name=Mary+Ann+Smith&Email-Address=mary@example.com",
         {"first_name": "Mary Ann", "last_name": "Smith", "email": "mary@example.com"}),
    ],
)
def test_a_url_with_contact_parameters_is_read(url, expected):
    p = read_badge(url)
    assert p.format == "url"
    assert fields_of(p) == expected


def test_a_json_badge_with_contact_keys_is_read():
    text = ('{"attendee": {"firstName": "Ana", "lastName": "Silva", "email": "ana@acme.com",'
            ' "jobTitle": "CTO", "company": {"name": "Acme", "country": "PT"}},'
            ' "badge": {"id": 4711}, "checkedIn": true}')
    p = read_badge(text)
    assert p.format == "json"
    assert fields_of(p) == {"first_name": "Ana", "last_name": "Silva", "email": "ana@acme.com",
                            "title": "CTO", "company": "Acme", "country": "PT",
                            "badge_id": "4711"}


@pytest.mark.parametrize("text", ['{"colour": "blue"}', "{not json", '{"a": ' + "[" * 50_000 + "}"])
def test_json_without_contact_keys_is_unknown(text):
    assert read_badge(text).format == "unknown"


def test_a_url_without_contact_parameters_is_unknown_but_kept():
    p = read_badge("https://example.com/welcome?utm_source=badge")
    assert p.format == "unknown"
    assert p.raw == "https://example.com/welcome?utm_source=badge"


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("ana@acme.com", "ana@acme.com"),
        ("  ana.silva+expo@sub.acme.co.uk\n", "ana.silva+expo@sub.acme.co.uk"),
        ("mailto:ana@acme.com?subject=Hello&body=Hi", "ana@acme.com"),
        ("MAILTO:ana%40acme.com", "ana@acme.com"),
    ],
)
def test_a_bare_email_or_mailto_link_gives_the_email(text, email):
    p = read_badge(text)
    assert (p.format, p.email) == ("email", email)
    assert fields_of(p) == {"email": email}


def test_a_named_address_gives_the_name_too():
    p = read_badge('"Silva, Ana" <ana@acme.com>')
    assert (p.format, p.first_name, p.last_name, p.email) == ("email", "Ana", "Silva", "ana@acme.com")


@pytest.mark.parametrize("code", ["A12345678", "000123456", "12345", "EXPO26-00042"])
def test_a_bare_number_or_code_gives_the_badge_id(code):
    p = read_badge(code + "\r\n")
    assert (p.format, p.badge_id) == ("badge_id", code)


@pytest.mark.parametrize(
    ("text", "fmt"),
    [("]C1A12345678", "badge_id"), ("]Q1MECARD:N:Doe,John;;", "mecard"),
     ("]Q1https://x.example/?email=a@b.co", "url"), ("]d2ana@acme.com", "email")],
)
def test_a_scanner_symbology_prefix_is_skipped(text, fmt):
    p = read_badge(text)
    assert p.format == fmt
    assert p.raw == text


@pytest.mark.parametrize("text", ["ana^silva@acme.com", "ana|x@acme.com", "a@b", "a@b.c", "@acme.com",
                                  "ana@acme.com.", "ana@@acme.com"])
def test_odd_addresses_are_not_taken_for_a_bare_email(text):
    assert read_badge(text).format != "email"


# --- delimited ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12345^Ana^Silva^Acme Corp^CTO^ana@acme.com",
         {"badge_id": "12345", "first_name": "Ana", "last_name": "Silva", "company": "Acme Corp",
          "title": "CTO", "email": "ana@acme.com"}),
        ("Ana\tSilva\tana@acme.com\t+351 912 345 678\tAcme\tPT",
         {"first_name": "Ana", "last_name": "Silva", "email": "ana@acme.com",
          "phone": "+351 912 345 678", "company": "Acme", "country": "PT"}),
        ("A998877|Lee|Min-jun|Head of Procurement|Hanbit Systems|min@hanbit.kr",
         {"badge_id": "A998877", "first_name": "Lee", "last_name": "Min-jun",
          "company": "Hanbit Systems", "title": "Head of Procurement", "email": "min@hanbit.kr"}),
        ("Ana Silva;Acme GmbH;ana@acme.de",
         {"first_name": "Ana", "last_name": "Silva", "company": "Acme GmbH", "email": "ana@acme.de"}),
        ("000123456,Omar,Haddad,+971 4 123 4567",
         {"badge_id": "000123456", "first_name": "Omar", "last_name": "Haddad",
          "phone": "+971 4 123 4567"}),
        ("first=Ana;last=Silva;email=ana@acme.com;badge=77",
         {"first_name": "Ana", "last_name": "Silva", "email": "ana@acme.com", "badge_id": "77"}),
        ("Ana\nSilva\nAcme\nana@acme.com",
         {"first_name": "Ana", "last_name": "Silva", "company": "Acme", "email": "ana@acme.com"}),
        ("12345^^Silva^^^",
         {"badge_id": "12345", "last_name": "Silva"}),
        ("^12345^Ana^Silva^Acme^CTO^ana@acme.com^",
         {"badge_id": "12345", "first_name": "Ana", "last_name": "Silva", "company": "Acme",
          "title": "CTO", "email": "ana@acme.com"}),
        ("|ana|silva|ana.silva@acme.com|",
         {"first_name": "ana", "last_name": "silva", "email": "ana.silva@acme.com"}),
    ],
)
def test_delimited_text_fields_are_guessed_by_shape_and_position(text, expected):
    p = read_badge(text)
    assert p.format == "delimited"
    assert fields_of(p) == expected


# --- unknown and hostile input -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "hello world", "!!!", "\x00\x01\x02", "Ana"])
def test_an_unreadable_payload_is_unknown_with_only_raw(text):
    p = read_badge(text)
    assert p.format == "unknown"
    assert fields_of(p) == {}
    assert p.raw == text


def test_control_characters_are_removed_from_fields_but_kept_in_raw():
    text = "BEGIN:VCARD\nN:Sil\x00va\x07;A\x1bna\nORG:Acme\x7f\x9b Corp\nEND:VCARD"
    p = read_badge(text)
    assert (p.first_name, p.last_name, p.company) == ("Ana", "Silva", "Acme Corp")
    assert p.raw == text


def test_fields_are_capped_and_raw_keeps_everything():
    long_org = "Acme " * 500
    text = f"MECARD:N:Doe,John;ORG:{long_org};;"
    p = read_badge(text)
    assert p.company is not None and FIELD_MAX - 1 <= len(p.company) <= FIELD_MAX
    assert p.company.startswith("Acme Acme")
    assert long_org in p.raw


@pytest.mark.parametrize(
    "text",
    [
        "x" * 10_000_000,
        ("BEGIN:VCARD\nNOTE:" + "a" * 10_000_000 + "\nEND:VCARD"),
        ("BEGIN:VCARD\n" + "NOTE:abc\n" * 1_000_000 + "END:VCARD"),
        ("MECARD:" + "NOTE:ab;" * 1_000_000 + ";"),
        ("a,b\n" * 2_500_000),
        ("https://x.example/?" + "first=a&" * 1_000_000),
        ("=" * 10_000_000),
        ("BEGIN:VCARD\nN;ENCODING=QUOTED-PRINTABLE:" + "=\n" * 3_000_000 + "\nEND:VCARD"),
        ("\\" * 10_000_000),
    ],
    ids=["plain", "one-huge-field", "many-lines", "many-mecard-fields", "csv-rows", "long-url",
         "equals", "qp-soft-breaks", "backslashes"],
)
def test_a_10_mb_paste_is_parsed_quickly_and_kept_whole(text):
    start = time.perf_counter()
    p = read_badge(text)
    elapsed = time.perf_counter() - start
    assert p.raw is text
    assert all(len(v) <= FIELD_MAX for v in fields_of(p).values())
    # Generous: the parser is linear and takes well under a second; this catches quadratic
    # behaviour (minutes), not slow machines.
    assert elapsed < 10


def test_lead_fields_use_the_lead_field_names_and_keep_the_payload():
    p = read_badge(VCARD_30)
    out = p.lead_fields()
    assert out["badge_raw"] == VCARD_30
    assert out["notes"].startswith("Met at booth")
    assert "note" not in out and "raw" not in out and "format" not in out
    from fieldnote.kinds import LEAD

    assert set(out) <= set(LEAD.field_names)


# --- properties --------------------------------------------------------------------------------


def _check_invariants(text: str, p: ParsedBadge) -> None:
    assert p.raw == text
    assert p.format in FORMATS
    for value in fields_of(p).values():
        assert value and len(value) <= FIELD_MAX
        assert value == value.strip()
        assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in value)
    if p.format == "unknown":
        assert fields_of(p) == {}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses_without_raising_and_keeps_raw(text):
    _check_invariants(text, read_badge(text))  # no safety net: a bug here must fail the test


_prefixes = st.sampled_from(
    ["BEGIN:VCARD\n", "BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=",
     "MECARD:", "BIZCARD:", "mailto:", "https://x.example/?", "12345^", "a@b.co\t", "N:",
     '{"email": "', '{"a": {"name": ']
)
_alphabet = st.sampled_from(list(";:,=\\\n\r\t ^|&?@.\"'%+-") + ["a", "Z", "9", "é", "🙂", "ש"])


@settings(max_examples=300, deadline=None)
@given(_prefixes, st.text(alphabet=_alphabet, max_size=60), st.text(max_size=20))
def test_format_shaped_junk_parses_without_raising(prefix, body, tail):
    text = prefix + body + tail
    _check_invariants(text, read_badge(text))


_name = st.text(
    alphabet=st.characters(
        categories=("L", "M", "N", "So"), exclude_characters="\\;,:\u0085"
    ),
    min_size=1,
    max_size=30,
).map(str.strip).filter(bool)


def _vescape(s: str) -> str:
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


@settings(max_examples=150, deadline=None)
@given(_name, _name, _name, st.sampled_from(["\r\n", "\n", "\r"]))
def test_any_names_survive_a_vcard_round_trip(first, last, org, eol):
    card = eol.join(["BEGIN:VCARD", "VERSION:3.0", f"N:{_vescape(last)};{_vescape(first)};;;",
                     f"ORG:{_vescape(org)}", "END:VCARD"])
    p = read_badge(card)
    assert (p.first_name, p.last_name, p.company) == (
        " ".join(first.split())[:FIELD_MAX], " ".join(last.split())[:FIELD_MAX],
        " ".join(org.split())[:FIELD_MAX],
    )


@settings(max_examples=100, deadline=None)
@given(_name, _name)
def test_any_names_survive_a_quoted_printable_vcard(first, last):
    import quopri

    def qp(s: str) -> str:
        return quopri.encodestring(_vescape(s).encode("utf-8")).decode("ascii")

    card = (f"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
            f"{qp(last)};{qp(first)}\r\nEND:VCARD\r\n")
    p = read_badge(card)
    assert (p.first_name, p.last_name) == (" ".join(first.split()), " ".join(last.split()))


def test_parse_badge_of_non_text_does_not_raise():
    assert parse_badge(None) == ParsedBadge(raw="")  # type: ignore[arg-type]
    assert parse_badge(12345) == parse_badge("12345")  # type: ignore[arg-type]


# --- more real-world shapes ----------------------------------------------------------------


def test_a_vcard_with_a_folded_base64_photo_is_read_around_it():
    photo_30 = "PHOTO;ENCODING=b;TYPE=JPEG:" + "QUJD" * 40 + "\r\n " + "REVG" * 40 + "\r\n"
    photo_21 = ("PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n    " + "QUJD" * 19 + "\r\n    "
                + "REVG" * 19 + "\r\n\r\n")
    for photo in (photo_30, photo_21):
        card = ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Silva;Ana\r\n" + photo
                + "EMAIL:ana@acme.com\r\nEND:VCARD\r\n")
        p = read_badge(card)
        assert (p.first_name, p.last_name, p.email) == ("Ana", "Silva", "ana@acme.com")


def test_an_outlook_vcard_with_language_parameters_is_read():
    card = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "N;LANGUAGE=de-de;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\r\n"
        "FN:J=FCrgen M=FCller\r\n"
        "ORG:Beispiel AG;Vertrieb\r\n"
        "TEL;WORK;VOICE:+49 (89) 1234-0\r\n"
        "EMAIL;PREF;INTERNET:j.mueller@beispiel.de\r\n"
        "REV:20261124T101500Z\r\n"
        "END:VCARD\r\n"
    )
    p = read_badge(card)
    assert (p.first_name, p.last_name, p.company, p.phone, p.email) == (
        "Jürgen", "Müller", "Beispiel AG", "+49 (89) 1234-0", "j.mueller@beispiel.de")


def test_right_to_left_names_survive_urls_and_delimited_text():
    url = ("https://reg.example.il/c?first=%D7%93%D7%A0%D7%94&last=%D7%9B%D7%94%D7%9F"
           "&email=dana%40example.co.il")
    p = read_badge(url)
    assert (p.first_name, p.last_name, p.email) == ("דנה", "כהן", "dana@example.co.il")
    p = read_badge("778899|ليلى|حداد|شركة الأفق|مديرة المبيعات|layla@example.ae")
    assert (p.badge_id, p.first_name, p.last_name, p.company, p.title) == (
        "778899", "ليلى", "حداد", "شركة الأفق", "مديرة المبيعات")


def test_bidi_and_joiner_marks_in_names_are_kept():
    # U+200F (right-to-left mark) and U+200D (zero width joiner in emoji) are formatting, not
    # stray controls: removing them would change how the name reads.
    p = read_badge("BEGIN:VCARD\nN:\u200fכהן;👩\u200d💻 Dana\nEND:VCARD")
    assert p.last_name == "\u200fכהן"
    assert p.first_name == "👩\u200d💻 Dana"


def test_a_multi_card_payload_reads_the_first_card_and_keeps_the_rest_raw():
    text = ("BEGIN:VCARD\nN:One;Ana\nEND:VCARD\nBEGIN:VCARD\nN:Two;Bob\nEMAIL:bob@x.com\n"
            "END:VCARD\n")
    p = read_badge(text)
    assert (p.first_name, p.last_name, p.email) == ("Ana", "One", None)
    assert p.raw == text


@pytest.mark.parametrize("sep", [" ", "\t", "  "])
def test_a_vcard_on_one_line_is_read(sep):
    # Some scanners and chat apps turn a vCard's line breaks into spaces or tabs.
    card = sep.join(["BEGIN:VCARD", "VERSION:3.0", "N:Doe;Jane", "FN:Jane Doe", "ORG:Acme Corp",
                     "TITLE:VP of Sales", "EMAIL;TYPE=WORK:jane@acme.example",
                     "TEL;TYPE=CELL:+1 415 555 0100", "item1.X-BADGE-ID:B-77", "END:VCARD"])
    parsed = read_badge(card)
    assert parsed.format == "vcard"
    assert (parsed.first_name, parsed.last_name, parsed.company) == ("Jane", "Doe", "Acme Corp")
    assert (parsed.title, parsed.email, parsed.phone) == ("VP of Sales", "jane@acme.example",
                                                          "+1 415 555 0100")
    assert parsed.badge_id == "B-77"
    assert parsed.raw == card


def test_a_multi_line_vcard_keeps_spaces_and_colons_inside_its_values():
    card = "BEGIN:VCARD\nN:Doe;Jane\nNOTE:call TEL: later re: pricing\nEND:VCARD"
    assert read_badge(card).note == "call TEL: later re: pricing"
