"""The field rules of `fieldnote.validation`: what each field type accepts, the limits at their
edges (just below, at, just above), the canonical form stored, and the one line each refusal
gives. The hub returns these lines to clients and the desktop shows them, so they are pinned."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldnote.kinds import (
    LIST_MAX,
    NAME_MAX,
    OBJECT_MAX_JSON,
    TEXT_MAX,
    FieldSpec,
    FieldType,
    KindSpec,
    spec,
)
from fieldnote.validation import (
    FieldError,
    ValidationFailed,
    check_complete,
    check_email,
    clean_fields,
    clean_value,
    format_datetime,
    parse_date,
    parse_datetime,
    strip_control,
    utc_now_iso,
)
from tests.support.examples import examples

CAPTURED = "2026-11-24T10:00:00Z"
ID = "0192f3a4-5b6c-7d8e-9f01-23456789abcd"


def _field(type_: FieldType, **kw) -> FieldSpec:
    return FieldSpec("f", type_, **kw)


def _refusal(f: FieldSpec, value) -> str:
    with pytest.raises(ValueError) as refused:
        clean_value(f, value)
    return str(refused.value)


def _errors(kind, fields, **kw) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as refused:
        clean_fields(kind, fields, **kw)
    return [(e.field, e.message) for e in refused.value.errors]


# --- the refusal: every bad field named, one line, a problem document ---------------------


def test_refusal_rule_one_bad_field_is_the_title_and_each_field_is_in_the_line():
    one = ValidationFailed([FieldError("email", "is required")])
    assert one.title == "Invalid email"
    assert str(one) == one.describe() == "email: is required"
    two = ValidationFailed([FieldError("a", "x"), FieldError("b", "y")])
    assert two.title == "Invalid fields"
    assert two.describe() == "a: x; b: y"
    assert ValidationFailed([FieldError("a", "x")], title="Own title").title == "Own title"
    none = ValidationFailed([])
    assert none.errors == []
    assert none.describe() == none.title == "Invalid fields"
    assert isinstance(none, ValueError)


def test_refusal_rule_the_problem_document_names_each_field():
    problem = ValidationFailed([FieldError("a", "x"), FieldError("b", "y")]).problem()
    assert problem == {
        "type": "https://fieldnote.dev/problems/validation",
        "title": "Invalid fields",
        "status": 422,
        "detail": "a: x; b: y",
        "errors": [{"field": "a", "message": "x"}, {"field": "b", "message": "y"}],
    }
    assert FieldError("f", "m").as_dict() == {"field": "f", "message": "m"}


def test_refusal_rule_fields_that_are_not_an_object_are_refused_as_a_whole():
    for fields in (["last_name"], "last_name", None, 3):
        assert _errors("lead", fields) == [("fields", "must be an object")]


def test_refusal_rule_unknown_fields_are_errors_named_at_most_100_characters():
    assert _errors("lead", {"nickname": "Al", 7: "x", "n" * 150: 1}, partial=True) == [
        ("nickname", "is not a field of lead"),
        ("7", "is not a field of lead"),
        ("n" * 100, "is not a field of lead"),
    ]
    assert _errors(spec("debrief"), {"nickname": "Al"}, partial=True) == [
        ("nickname", "is not a field of debrief")]


def test_refusal_rule_every_bad_field_is_named_not_only_the_first():
    assert _errors("lead", {"grade": "x", "score": "y", "last_name": 1}, partial=True) == [
        ("grade", "must be one of: hot, warm, cold"),
        ("score", "must be a whole number"),
        ("last_name", "must be text"),
    ]


def test_server_set_rule_a_clients_value_is_dropped_unless_allowed():
    fields = {"owner_id": ID.upper(), "captured_by": ID, "last_name": "X"}
    assert clean_fields("lead", fields, partial=True) == {"last_name": "X"}
    assert clean_fields("lead", fields, partial=True, allow_server_set=True) == {
        "owner_id": ID, "captured_by": ID, "last_name": "X"}
    # A dropped server-set field is not checked either: the hub fills it in.
    assert clean_fields("lead", {"owner_id": "nonsense", "last_name": "X"}, partial=True) == {
        "last_name": "X"}
    assert _errors("lead", {"owner_id": "nonsense"}, partial=True,
                   allow_server_set=True) == [("owner_id", "must be an id (UUID)")]


# --- required fields and a record's whole state ------------------------------------------


def test_required_rule_none_or_blank_text_is_missing_and_a_partial_update_skips_the_rest():
    assert _errors("lead", {"last_name": "X", "captured_at": None}) == [
        ("captured_at", "is required")]
    assert _errors("lead", {"last_name": "X"}) == [("captured_at", "is required")]
    assert _errors("debrief_comment", {"debrief_id": ID, "body": " \n\t"}) == [
        ("body", "is required")]
    assert _errors("debrief_comment", {"debrief_id": ID, "body": None}, partial=True) == [
        ("body", "is required")]
    assert clean_fields("debrief_comment", {"body": "ok"}, partial=True) == {"body": "ok"}
    assert clean_fields("lead", {"email": None}, partial=True) == {"email": None}
    assert clean_fields("lead", {"last_name": "X", "captured_at": CAPTURED}) == {
        "last_name": "X", "captured_at": CAPTURED}


def test_required_rule_a_field_already_refused_is_not_also_called_missing():
    assert _errors("lead", {"last_name": "X", "captured_at": "yesterday"}) == [
        ("captured_at", "must be a date and time (ISO 8601)")]
    assert _errors("lead", {"captured_at": CAPTURED, "email": "nope"})[0][0] == "email"


def test_required_rule_check_complete_reads_the_whole_state():
    lead = spec("lead")
    assert check_complete(lead, {"last_name": "X", "captured_at": CAPTURED}) == []
    assert check_complete(lead, {"last_name": "X", "captured_at": "  "}) == [
        FieldError("captured_at", "is required")]
    assert check_complete(lead, {"last_name": "X"}, skip=["captured_at"]) == []
    # The lead rules (fieldnote.leads): identity and consent.
    errors = check_complete(lead, {"captured_at": CAPTURED, "follow_up": True})
    assert [e.field for e in errors] == ["follow_up", "email"]
    # An update that touches neither rule's fields is not held to them.
    assert check_complete(lead, {"captured_at": CAPTURED}, changed=["notes"]) == []
    assert [e.field for e in check_complete(lead, {"captured_at": CAPTURED},
                                            changed=["email"])] == ["email"]
    # A field already refused or skipped is not named twice by a lead rule.
    assert check_complete(lead, {"captured_at": CAPTURED}, skip=["email"]) == []
    assert [(e.field, e.message) for e in check_complete(lead, {"follow_up": True})] == [
        ("captured_at", "is required"),
        ("follow_up", "needs the visitor's consent to be contacted (consent_contact true)"),
        ("email", "a lead needs at least one of: email, phone, last_name, badge_raw"),
    ]


def test_one_of_rule_a_kind_needs_at_least_one_of_its_fields():
    contact = KindSpec("contact", (_field(FieldType.NAME), FieldSpec("g", FieldType.NAME)),
                       one_of=("f", "g"))
    assert check_complete(contact, {}) == [
        FieldError("f", "a contact needs at least one of: f, g")]
    assert check_complete(contact, {"f": " ", "g": None}) == [
        FieldError("f", "a contact needs at least one of: f, g")]
    assert check_complete(contact, {"g": "x"}) == []
    assert check_complete(contact, {"f": "x", "g": ""}) == []
    assert check_complete(KindSpec("plain", (_field(FieldType.NAME),)), {}) == []


# --- text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("type_", "limit"), [(FieldType.NAME, NAME_MAX),
                                              (FieldType.TEXT, TEXT_MAX)])
def test_text_rule_at_most_the_limit(type_, limit):
    f = _field(type_)
    assert clean_value(f, "x" * (limit - 1)) == "x" * (limit - 1)
    assert clean_value(f, "x" * limit) == "x" * limit
    assert _refusal(f, "x" * (limit + 1)) == (
        f"is too long ({limit + 1:,} characters; at most {limit:,})")
    assert clean_value(f, "é" * limit) == "é" * limit


@pytest.mark.parametrize("type_", [FieldType.NAME, FieldType.TEXT])
def test_text_rule_only_text_without_nul_or_half_a_surrogate_pair(type_):
    f = _field(type_)
    assert _refusal(f, 5) == "must be text"
    assert _refusal(f, b"x") == "must be text"
    assert _refusal(f, "a\x00b") == "contains a NUL character"
    assert _refusal(f, "\x00" * (TEXT_MAX + 5)) == "contains a NUL character"
    assert _refusal(f, "a\udc80") == "contains a broken character (half of a surrogate pair)"
    assert _refusal(f, "é\ud83d") == "contains a broken character (half of a surrogate pair)"
    assert clean_value(f, "é\t\n🙂") == "é\t\n🙂"
    assert clean_value(f, "") == ""


def test_text_rule_required_text_must_not_be_blank():
    f = _field(FieldType.TEXT, required=True)
    assert _refusal(f, " \n ") == "is required"
    assert _refusal(f, None) == "is required"
    assert clean_value(f, " a ") == " a "
    assert _refusal(_field(FieldType.NAME, required=True), "\t") == "is required"
    assert clean_value(_field(FieldType.NAME), "  ") == "  "
    assert clean_value(_field(FieldType.NAME), None) is None


def test_email_rule_an_address_is_checked_and_stored_without_surrounding_space():
    email = spec("lead").by_name["email"]
    assert clean_value(email, "  ana@example.com\n") == "ana@example.com"
    refusal = _refusal(email, "ana@@example.com")
    assert refusal.startswith("is not a valid email address (")
    assert refusal.endswith(")") and len(refusal) > len("is not a valid email address ()")
    assert _refusal(email, "ana") .startswith("is not a valid email address (")
    # Blank is not an address to check; the field is not required.
    assert clean_value(email, "   ") == "   "
    # Another name field is never read as an address.
    assert clean_value(spec("lead").by_name["last_name"], " ana@@x ") == " ana@@x "


@pytest.mark.parametrize(("address", "ok"), [
    ("ana@example.com", True),
    ("a" * 64 + "@example.com", True),
    ("ana@example", False),
    ("ana@exa_mple.com", False),
    ("ana@", False),
    ("@example.com", False),
    ("ana", False),
    ("ä@example.com", True),
    ('"a b"@example.com', False),
])
def test_email_rule_the_reason_is_given_only_for_an_unusable_address(address, ok):
    reason = check_email(address)
    assert (reason is None) == ok
    if not ok:
        assert isinstance(reason, str) and reason


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "refusal"), [
    (0, "must be at least 1"), (1, None), (2, None), (4, None), (5, None),
    (6, "must be at most 5"), (-1, "must be at least 1"),
])
def test_range_rule_a_whole_number_within_minimum_and_maximum(value, refusal):
    rating = spec("collateral_feedback").by_name["rating"]
    if refusal is None:
        assert clean_value(rating, value) == value
    else:
        assert _refusal(rating, value) == refusal


@pytest.mark.parametrize(("value", "refusal"), [
    (-0.01, "must be at least 0"), (-1, "must be at least 0"), (0, None), (0.0, None),
    (0.01, None), (2500.5, None),
])
def test_range_rule_an_amount_is_at_least_its_minimum(value, refusal):
    amount = spec("lead_outcome").by_name["amount"]
    if refusal is None:
        assert clean_value(amount, value) == value
    else:
        assert _refusal(amount, value) == refusal


@pytest.mark.parametrize("type_", [FieldType.INT, FieldType.NUMBER])
@pytest.mark.parametrize(("value", "ok"), [
    (2**53 - 1, True), (2**53, True), (2**53 + 1, False),
    (-(2**53) + 1, True), (-(2**53), True), (-(2**53) - 1, False), (10**30, False),
])
def test_range_rule_numbers_beyond_2_to_the_53_are_too_large(type_, value, ok):
    f = _field(type_)
    if ok:
        assert clean_value(f, value) == value
    else:
        assert _refusal(f, value) == "is too large"


def test_range_rule_without_a_minimum_or_maximum_only_the_size_limit_holds():
    f = _field(FieldType.INT)
    assert clean_value(f, -5) == -5
    assert clean_value(_field(FieldType.INT, maximum=3), -(2**40)) == -(2**40)
    assert clean_value(_field(FieldType.INT, minimum=-3), 2**40) == 2**40
    assert clean_value(_field(FieldType.NUMBER, minimum=0), 2.0**52) == 2.0**52
    assert _refusal(_field(FieldType.NUMBER), 2.0**60) == "is too large"


def test_int_rule_a_whole_number_not_a_bool_float_or_text():
    f = _field(FieldType.INT)
    for value in (True, False, 1.0, 1.5, "1", None.__class__):
        assert _refusal(f, value) == "must be a whole number"
    assert clean_value(f, 0) == 0


def test_number_rule_a_finite_int_or_float_not_a_bool_or_text():
    f = _field(FieldType.NUMBER)
    for value in (True, False, "1.5", [1]):
        assert _refusal(f, value) == "must be a number"
    for value in (float("nan"), float("inf"), float("-inf")):
        assert _refusal(f, value) == "must be a finite number"
    assert clean_value(f, 1.5) == 1.5
    assert clean_value(f, 3) == 3


def test_bool_rule_only_true_or_false():
    f = _field(FieldType.BOOL)
    for value in (0, 1, "true", "yes"):
        assert _refusal(f, value) == "must be true or false"
    assert clean_value(f, True) is True
    assert clean_value(f, False) is False


# --- dates, times, ids, choices -----------------------------------------------------------


@pytest.mark.parametrize(("text", "stored"), [
    ("2026-11-24T10:15:00Z", "2026-11-24T10:15:00Z"),
    ("2026-11-24T10:15:00z", "2026-11-24T10:15:00Z"),
    ("2026-11-24T10:15:00+01:00", "2026-11-24T09:15:00Z"),
    ("2026-11-24T10:15:00-05:30", "2026-11-24T15:45:00Z"),
    ("2026-11-24T10:15:00", "2026-11-24T10:15:00Z"),
    (" 2026-11-24T10:15:00Z\n", "2026-11-24T10:15:00Z"),
    ("2026-11-24T10:15:00.5Z", "2026-11-24T10:15:00.500Z"),
    ("2026-11-24T10:15:00.123456+00:00", "2026-11-24T10:15:00.123Z"),
    ("2026-11-24T00:30:00+01:00", "2026-11-23T23:30:00Z"),
])
def test_datetime_rule_stored_in_utc_with_a_z_and_milliseconds_only_when_there_are_any(
        text, stored):
    assert clean_value(_field(FieldType.DATETIME), text) == stored


def test_datetime_rule_anything_else_is_refused_in_one_line():
    f = _field(FieldType.DATETIME)
    for value in ("yesterday", "2026-13-01T00:00:00Z", "", 1700000000, None.__class__):
        assert _refusal(f, value) == "must be a date and time (ISO 8601)"


def test_datetime_rule_the_formatter_and_parser_agree():
    naive = dt.datetime(2026, 11, 24, 10, 15)
    assert format_datetime(naive) == "2026-11-24T10:15:00Z"
    cet = dt.timezone(dt.timedelta(hours=1))
    assert format_datetime(dt.datetime(2026, 11, 24, 10, 15, 0, 1000, tzinfo=cet)) == (
        "2026-11-24T09:15:00.001Z")
    parsed = parse_datetime("2026-11-24T10:15:00+01:00")
    assert parsed == dt.datetime(2026, 11, 24, 9, 15, tzinfo=dt.UTC)
    assert parsed.tzinfo is dt.UTC
    assert parse_datetime("2026-11-24T10:15:00").tzinfo is dt.UTC
    now = utc_now_iso()
    assert now.endswith("Z")
    assert abs(parse_datetime(now) - dt.datetime.now(dt.UTC)) < dt.timedelta(seconds=60)


@pytest.mark.parametrize(("text", "refusal"), [
    ("2026-11-24", None),
    ("2024-02-29", None),
    ("2026-02-29", "is not a real date (2026-02-29)"),
    ("2026-13-01", "is not a real date (2026-13-01)"),
    ("24/11/2026", "must be a date as YYYY-MM-DD"),
    ("2026-11-24T10:00", "must be a date as YYYY-MM-DD"),
    ("2026-11-4", "must be a date as YYYY-MM-DD"),
    (" 2026-11-24", "must be a date as YYYY-MM-DD"),
    (20261124, "must be a date as YYYY-MM-DD"),
])
def test_date_rule_a_real_day_as_yyyy_mm_dd(text, refusal):
    f = _field(FieldType.DATE)
    if refusal is None:
        assert clean_value(f, text) == text
        assert parse_date(text) == dt.date.fromisoformat(text)
    else:
        assert _refusal(f, text) == refusal


def test_uuid_rule_an_id_is_stored_in_its_canonical_lower_case_form():
    f = _field(FieldType.UUID)
    assert clean_value(f, ID.upper()) == ID
    assert clean_value(f, "{" + ID.replace("-", "") + "}") == ID
    for value in ("nope", "", 5, None.__class__):
        assert _refusal(f, value) == "must be an id (UUID)"


def test_choice_rule_one_of_the_listed_values_exactly():
    f = _field(FieldType.CHOICE, choices=("hot", "warm", "cold"))
    assert clean_value(f, "warm") == "warm"
    for value in ("Warm", "warm ", "", 1):
        assert _refusal(f, value) == "must be one of: hot, warm, cold"


# --- lists and JSON -----------------------------------------------------------------------


@pytest.mark.parametrize("type_", [FieldType.TAGS, FieldType.UUIDS, FieldType.LIST])
def test_list_rule_at_most_200_entries(type_):
    item = {FieldType.TAGS: "t", FieldType.UUIDS: ID, FieldType.LIST: {}}[type_]
    f = _field(type_)
    assert clean_value(f, [item] * (LIST_MAX - 1)) == [item] * (LIST_MAX - 1)
    assert clean_value(f, [item] * LIST_MAX) == [item] * LIST_MAX
    assert _refusal(f, [item] * (LIST_MAX + 1)) == f"has too many entries (at most {LIST_MAX})"
    assert _refusal(f, {"a": item}) == "must be a list"
    assert _refusal(f, "t") == "must be a list"
    assert _refusal(f, [item, "\x00"]) == "contains a NUL character"


def test_list_rule_each_entry_of_its_own_type():
    assert clean_value(_field(FieldType.TAGS), ["crm", "é"]) == ["crm", "é"]
    assert _refusal(_field(FieldType.TAGS), ["crm", 5]) == "must be text"
    assert _refusal(_field(FieldType.TAGS), ["x" * (NAME_MAX + 1)]) == (
        f"is too long ({NAME_MAX + 1:,} characters; at most {NAME_MAX:,})")
    assert clean_value(_field(FieldType.UUIDS), [ID.upper(), ID]) == [ID, ID]
    assert _refusal(_field(FieldType.UUIDS), [ID, "x"]) == "must be an id (UUID)"
    assert clean_value(_field(FieldType.LIST), [{"a": 1}, {}]) == [{"a": 1}, {}]
    assert _refusal(_field(FieldType.LIST), [{}, [1]]) == "must be a list of objects"


def test_json_rule_an_object_field_holds_an_object_and_a_json_field_any_value():
    obj = _field(FieldType.OBJECT)
    assert clean_value(obj, {"q": [1, "a"]}) == {"q": [1, "a"]}
    assert _refusal(obj, [1]) == "must be an object"
    assert _refusal(obj, "{}") == "must be an object"
    anything = _field(FieldType.JSON)
    for value in ([1], "x", 3, 1.5, True, {"a": None}):
        assert clean_value(anything, value) == value
    assert _refusal(anything, {1j: 2}) == "is not valid JSON data"
    assert _refusal(anything, {"a": float("nan")}) == "is not valid JSON data"
    assert _refusal(anything, {"a": {1, 2}}) == "is not valid JSON data"
    assert _refusal(anything, ["\\u0000"]) == "contains a NUL character"
    assert _refusal(anything, {"a\x00": 1}) == "contains a NUL character"


def test_json_rule_a_value_the_measure_leaves_to_the_encoder_gets_the_same_limits():
    anything = _field(FieldType.JSON)
    big = 2**64
    assert clean_value(anything, [big]) == [big]
    assert clean_value(anything, {1: "a"}) == {1: "a"}
    assert _refusal(anything, {1: "\x00"}) == "contains a NUL character"
    room = OBJECT_MAX_JSON - len('{"1": ""}')
    assert clean_value(anything, {1: "a" * room}) == {1: "a" * room}
    assert _refusal(anything, {1: "a" * (room + 1)}) == (
        f"is too large (at most {OBJECT_MAX_JSON:,} characters of JSON)")
    # Counted as the characters written, not as ASCII escapes (\u00e9 would be six).
    assert clean_value(anything, {1: "é" * room}) == {1: "é" * room}
    assert _refusal(anything, {1: "é" * (room + 1)}) == (
        f"is too large (at most {OBJECT_MAX_JSON:,} characters of JSON)")


_SHAPES = {
    "list": lambda pad: [1] * 30_000 + [pad],
    "object": lambda pad: {"a": {"b": ["c"] * 9000, "d": pad}, "e": {}},
    "scalars": lambda pad: [None, True, False, 1.5, -3, 2**63, [], pad],
    "escapes": lambda pad: ["\n\x01\"\\\t" * 5000, {"\x1f": "\x7f\u2028é"}, pad],
}


@pytest.mark.parametrize("extra", [-1, 0, 1])
@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_json_rule_at_most_100000_characters_as_the_encoder_writes_them(shape, extra):
    build = _SHAPES[shape]
    pad = "a" * (OBJECT_MAX_JSON - len(json.dumps(build(""), ensure_ascii=False)) + extra)
    value = build(pad)
    assert len(json.dumps(value, ensure_ascii=False)) == OBJECT_MAX_JSON + extra
    if extra <= 0:
        assert clean_value(_field(FieldType.JSON), value) is value
    else:
        assert _refusal(_field(FieldType.JSON), value) == (
            f"is too large (at most {OBJECT_MAX_JSON:,} characters of JSON)")


_JSON_SCALARS = (
    st.none() | st.booleans() | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.sampled_from(
        ['"', "\\", "u", "0", "\x00", "\n", "\r", "\t", "\b", "\f", "\x01", "\x1f", "\x7f",
         " ", "é", "\u2028", "\x85", "a"]), max_size=10)
)
_JSON_PLAIN = st.recursive(
    _JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.text(alphabet="ab\"\\\x00\n", max_size=3), inner, max_size=4),
    max_leaves=20,
)


@pytest.mark.parametrize("value", [
    None, True, False, 0, -1, 10**18, 2**64 - 1, -(2**64) + 1, 1.5, -0.0, 1e300, 5e-324, "",
    "a\"b\\c", "\n\r\t\b\f", "\x01\x1f\x7f", "\x85\u2028é🙂", "\\u0000", [], {}, [[], {}],
    {"k": [1, "a"], "l": {"m": None}}, ["\x00"], {"\x00": 1}, {"a": "\\u0000"},
])
def test_json_measure_counts_exactly_what_the_encoder_writes(value):
    from fieldnote.validation import _json_size

    nul: list[bool] = []
    text = json.dumps(value, ensure_ascii=False)
    assert _json_size(value, nul, 0) == len(text)
    assert bool(nul) == ("\\u0000" in text)


@settings(max_examples=examples(150, floor=50), deadline=None)
@given(_JSON_PLAIN)
def test_json_measure_counts_exactly_what_the_encoder_writes_for_any_plain_value(value):
    from fieldnote.validation import _json_size

    nul: list[bool] = []
    text = json.dumps(value, ensure_ascii=False)
    assert _json_size(value, nul, 0) == len(text)
    assert bool(nul) == ("\\u0000" in text)


def test_json_measure_leaves_other_values_to_the_encoder():
    from fieldnote.validation import _json_size, _Unusual

    deep: list = []
    for _ in range(70):
        deep = [deep]
    for value in (2**64, -(2**64), float("nan"), float("inf"), {1: 2}, (1,), b"x", True.__class__,
                  deep, {"a": deep}):
        with pytest.raises(_Unusual):
            _json_size(value, [], 0)
    shallow: list = []
    for _ in range(63):
        shallow = [shallow]
    assert _json_size(shallow, [], 0) == len(json.dumps(shallow))


# --- cleaning typed text ------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "kept"), [
    ("a\tb\nc\rd", "a\tb\nc\rd"),
    ("".join(chr(c) for c in range(32)) + "\x7f", "\t\n\r"),
    ("a\x0bb\x0cc\x1fd\x7fe", "abcde"),
    ("é\x00\u2028\x85", "é\u2028\x85"),
    ("Wo\ud800ng", "Wo\ufffdng"),
    ("\udfff\ud83d\ude00", "\ufffd\ufffd\ufffd"),
    ("🙂", "🙂"),
    ("", ""),
])
def test_typing_rule_control_characters_go_and_half_a_surrogate_pair_shows_as_a_replacement(
        typed, kept):
    assert strip_control(typed) == kept


@pytest.mark.parametrize(("length", "ok"), [(253, True), (254, True), (255, False)])
def test_email_rule_an_address_is_at_most_254_characters(length, ok):
    # A valid 195-character domain, so the plain local part stays under 64 characters.
    domain = ".".join(["d" * 63] * 3) + ".com"
    assert check_email("a@" + domain) is None
    address = "a" * (length - 1 - len(domain)) + "@" + domain
    assert len(address) == length
    assert (check_email(address) is None) == ok


def test_utc_rule_now_and_times_without_a_zone_are_utc_whatever_the_machines_time_zone(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        now = parse_datetime(utc_now_iso())
        assert abs(now - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)
        # A time without a zone is UTC, not the machine's local time.
        assert parse_datetime("2026-11-24T10:15:00") == dt.datetime(2026, 11, 24, 10, 15,
                                                                    tzinfo=dt.UTC)
        assert clean_value(_field(FieldType.DATETIME), "2026-11-24T10:15:00") == (
            "2026-11-24T10:15:00Z")
        assert format_datetime(dt.datetime(2026, 11, 24, 10, 15)) == "2026-11-24T10:15:00Z"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_refusal_rule_an_unknown_field_with_separators_is_named_by_escapes():
    # "debrief 0: :: is not a field" could not be told apart from a message about another
    # field; a key with a colon, a space or a line break is written with escapes.
    assert _errors("lead", {":": 1, "a b": 2, "x\ny": 3, "é": 4}, partial=True) == [
        ("\\x3a", "is not a field of lead"),
        ("a\\x20b", "is not a field of lead"),
        ("x\\x0ay", "is not a field of lead"),
        ("é", "is not a field of lead"),
    ]
