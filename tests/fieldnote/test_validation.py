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
