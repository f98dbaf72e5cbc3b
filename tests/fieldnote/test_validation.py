import pytest

from fieldnote.ids import new_id, uuid7
from fieldnote.kinds import KINDS
from fieldnote.validation import ValidationFailed, clean_fields


def test_uuid7_ids_are_version_7_and_time_ordered():
    ids = [uuid7() for _ in range(5000)]
    assert all(i.version == 7 for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_a_complete_lead_is_cleaned_to_canonical_values():
    out = clean_fields(
        "lead",
        {"last_name": "Silva", "email": " ana@example.com ", "captured_at": "2026-11-24T10:15:00+01:00",
         "event_id": new_id().upper(), "qualified": True, "interests": ["crm"]},
    )
    assert out["email"] == "ana@example.com"
    assert out["captured_at"] == "2026-11-24T09:15:00Z"
    assert out["event_id"] == out["event_id"].lower()


def test_a_lead_needs_one_contact_field_and_a_capture_time():
    with pytest.raises(ValidationFailed) as err:
        clean_fields("lead", {"company": "Acme"})
    fields = {e.field for e in err.value.errors}
    assert fields == {"captured_at", "email"}


@pytest.mark.parametrize(
    ("kind", "fields", "bad"),
    [
        ("lead", {"email": "not-an-email"}, "email"),
        ("lead", {"first_name": "x" * 201}, "first_name"),
        ("lead", {"notes": "x" * 20_001}, "notes"),
        ("lead", {"grade": "scorching"}, "grade"),
        ("lead", {"qualified": "yes"}, "qualified"),
        ("lead", {"score": 1.5}, "score"),
        ("lead", {"nickname": "Al"}, "nickname"),
        ("debrief", {"call_date": "24/11/2026"}, "call_date"),
        ("collateral_feedback", {"rating": 6}, "rating"),
        ("lead", {"notes": "a\x00b"}, "notes"),
        ("lead_outcome", {"amount": float("nan")}, "amount"),
    ],
)
def test_bad_values_are_named_with_a_reason(kind, fields, bad):
    with pytest.raises(ValidationFailed) as err:
        clean_fields(kind, fields, partial=True)
    assert [e.field for e in err.value.errors] == [bad]
    assert err.value.errors[0].message


def test_server_set_fields_from_a_client_are_ignored():
    out = clean_fields("lead", {"owner_id": new_id(), "last_name": "X"}, partial=True)
    assert "owner_id" not in out


def test_every_kind_has_fields_and_unique_names():
    for ks in KINDS.values():
        assert len(set(ks.field_names)) == len(ks.fields)


EMAIL_CASES = [
    "ana@example.com", "a.b-c+d@sub.example.co.uk", "x@localhost", "x@example", "x@test",
    "x@exa_mple.com", "x@-example.com", "x@example-.com", "x@example..com", "x@.example.com",
    "x@example.com.", "x@123.456", "x@[1.2.3.4]", "x@", "@example.com", "a..b@example.com",
    ".a@example.com", "a.@example.com", "a@b@example.com", "!#$%&'*+/=?^_`{|}~-@example.com",
    "x@xn--bcher-kva.ch", "x@bücher.ch", "ü@example.com", "x@EXAMPLE.COM", "x@example.invalid",
    "a" * 64 + "@example.com", "a" * 65 + "@example.com", "x@" + "a" * 64 + ".com",
    "x@" + ".".join(["a" * 60] * 4) + ".com", "a" * 60 + "@" + ".".join(["b" * 60] * 3) + ".co",
    '"quoted"@example.com', "x y@example.com", "x@exa mple.com", "x@example.c",
]


@pytest.mark.parametrize("address", EMAIL_CASES)
def test_the_email_fast_path_gives_the_full_checks_verdict(address):
    from fieldnote.validation import _full_email_check, check_email

    assert check_email(address) == _full_email_check(address)
    assert check_email(address) == _full_email_check(address)  # again, from the cache


def _reference_json_verdict(value):
    """The JSON check as the standard encoder's text defines it: the verdict the measured
    check must give for every value."""
    import json

    from fieldnote.kinds import OBJECT_MAX_JSON

    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return "is not valid JSON data"
    if len(text) > OBJECT_MAX_JSON:
        return f"is too large (at most {OBJECT_MAX_JSON:,} characters of JSON)"
    if "\\u0000" in text:
        return "contains a NUL character"
    return None


def _json_verdict(value):
    from fieldnote.validation import _check_json

    try:
        assert _check_json(value, None) is value
    except ValueError as exc:
        return str(exc)
    return None


def _json_values():
    from hypothesis import strategies as st

    text = st.text(alphabet=st.sampled_from(
        ['"', "\\", "u", "0", "\x00", "\n", "\t", "\x01", "\x1f", "\x7f", "é", "\u2028", "a", " "]
    ), max_size=12) | st.text(max_size=8)
    keys = text | st.integers(-3, 3) | st.floats() | st.booleans() | st.none() \
        | st.tuples(st.integers())
    scalars = (
        st.none() | st.booleans() | text
        | st.integers(-(2**70), 2**70) | st.sampled_from([2**64 - 1, 2**64, -(2**64) + 1, -(2**64)])
        | st.floats(allow_nan=True, allow_infinity=True)
        | st.sampled_from([b"x", {1, 2}, (1, "a"), 1 + 2j])
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=5) | st.dictionaries(keys, inner, max_size=5),
        max_leaves=30,
    )


def test_the_measured_json_check_gives_the_encoders_verdict():
    from hypothesis import given, settings

    from tests.support.examples import examples

    # 2,000 examples take most of a minute; a mutation run checks 200 for each mutant.
    @settings(max_examples=examples(2000), deadline=None)
    @given(_json_values())
    def check(value):
        assert _json_verdict(value) == _reference_json_verdict(value)

    check()


@pytest.mark.parametrize("piece", ["a", "é", '"', "\\", "\n", "\x01", "\x7f", "\u2028"])
@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_the_json_size_limit_falls_where_the_encoders_text_length_does(piece, extra):
    import json

    from fieldnote.kinds import OBJECT_MAX_JSON

    each = len(json.dumps(piece, ensure_ascii=False)) - 2
    room = OBJECT_MAX_JSON - len('{"k": [""]}')
    count = (room - 8) // each
    value = {"k": [piece * count + "a" * (room - count * each + extra)]}
    assert len(json.dumps(value, ensure_ascii=False)) == OBJECT_MAX_JSON + extra
    verdict = _json_verdict(value)
    assert verdict == _reference_json_verdict(value)
    assert (verdict is not None) == (extra > 0)


def test_deep_and_circular_values_get_the_encoders_verdict():
    deep = []
    for _ in range(200):
        deep = [deep]
    loop = {"a": []}
    loop["a"].append(loop)
    for value in (deep, loop):
        assert _json_verdict(value) == _reference_json_verdict(value)


def test_half_a_surrogate_pair_is_refused_in_text_and_shown_as_a_replacement_when_typed():
    from fieldnote.validation import strip_control

    with pytest.raises(ValidationFailed) as refused:
        clean_fields("lead", {"last_name": "Wo\ud800ng", "badge_raw": "N:\udfff",
                              "captured_at": "2026-11-24T10:00:00Z"})
    message = refused.value.describe()
    assert "last_name: contains a broken character" in message
    assert "badge_raw: contains a broken character" in message
    assert strip_control("Wo\ud800ng\x00 🙂") == "Wo\ufffdng 🙂"
    assert clean_fields("lead", {"last_name": "Wong 🙂", "captured_at": "2026-11-24T10:00:00Z"})
