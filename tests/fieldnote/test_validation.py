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
