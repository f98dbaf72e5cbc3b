"""Each lead rule of `fieldnote.leads` pinned: consent for follow-up, the identifying fields,
which rules an update meets, the person an imported row must name, the phone region."""

from __future__ import annotations

import pytest

from fieldnote.leads import (
    FALLBACK_PHONE_REGION,
    FOLLOW_UP_NEEDS_CONSENT,
    IMPORT_PERSON_FIELDS,
    check_lead,
    follow_up_allowed,
    is_identified,
    is_region,
    names_a_person,
    phone_region,
    required_one_of,
)


@pytest.mark.parametrize(
    ("follow_up", "consent", "allowed"),
    [(True, True, True), (True, False, False), (True, None, False), (True, "yes", False),
     (False, False, True), (None, None, True), ("yes", False, True)],
)
def test_consent_rule_follow_up_only_with_consent(follow_up, consent, allowed):
    state = {"last_name": "S", "follow_up": follow_up, "consent_contact": consent}
    assert follow_up_allowed(state) is allowed
    errors = [(e.field, e.message) for e in check_lead(state)]
    assert errors == ([] if allowed else [("follow_up", FOLLOW_UP_NEEDS_CONSENT)])
    assert FOLLOW_UP_NEEDS_CONSENT == (
        "needs the visitor's consent to be contacted (consent_contact true)")


@pytest.mark.parametrize(
    ("state", "identified"),
    [({"email": "a@x.io"}, True), ({"phone": "1"}, True), ({"last_name": "S"}, True),
     ({"badge_raw": "~~"}, True), ({"first_name": "Ana", "company": "Acme"}, False),
     ({"email": "  ", "phone": None, "last_name": ""}, False), ({"email": 5}, True)],
)
def test_identity_rule_a_lead_needs_one_identifying_field(state, identified):
    assert is_identified(state) is identified
    errors = [(e.field, e.message) for e in check_lead(state)]
    assert errors == ([] if identified else [
        ("email", "a lead needs at least one of: email, phone, last_name, badge_raw")])


def test_identity_rule_an_unknown_or_missing_source_needs_the_default():
    assert required_one_of(None) == required_one_of("nonsense") == (
        "email", "phone", "last_name", "badge_raw")
    assert required_one_of("scan") == ("email", "phone", "last_name", "badge_raw")


@pytest.mark.parametrize(
    ("changed", "fields"),
    [(None, ["follow_up", "email"]), (set(), []), ({"notes"}, []),
     ({"follow_up"}, ["follow_up"]), ({"consent_contact"}, ["follow_up"]),
     ({"email"}, ["email"]), ({"phone"}, ["email"]), ({"last_name"}, ["email"]),
     ({"badge_raw"}, ["email"]), ({"source"}, ["email"]),
     ({"notes", "follow_up", "phone"}, ["follow_up", "email"])],
)
def test_update_rule_an_update_meets_the_rules_whose_fields_it_touches(changed, fields):
    state = {"first_name": "Ana", "follow_up": True, "consent_contact": False}
    assert [e.field for e in check_lead(state, changed)] == fields


@pytest.mark.parametrize(
    ("row", "person"),
    [({"first_name": "Ana"}, True), ({"last_name": "S"}, True), ({"email": "a@x.io"}, True),
     ({"badge_id": "B-1"}, True), ({"company": "Acme", "phone": "123456789"}, False),
     ({"first_name": " ", "email": None}, False), ({}, False)],
)
def test_import_rule_a_row_becomes_a_lead_only_when_it_names_a_person(row, person):
    assert names_a_person(row) is person
    assert IMPORT_PERSON_FIELDS == ("first_name", "last_name", "email", "badge_id")


@pytest.mark.parametrize(
    ("args", "region"),
    [(("fr", "DE", "ES"), "FR"), ((" de ", None, None), "DE"), ((None, "es", "GB"), "ES"),
     (("", "", "gb"), "GB"), (("XX", "001", "ZZ"), FALLBACK_PHONE_REGION),
     ((None, None, None), "US"), (("", " ", "US "), "US")],
)
def test_phone_region_rule_the_choice_then_the_event_then_the_system(args, region):
    assert phone_region(*args) == region


@pytest.mark.parametrize(("code", "ok"), [("de", True), (" DE ", True), ("XX", False),
                                          ("", False), (None, False), ("DEU", False)])
def test_a_region_is_a_two_letter_code_phone_numbers_know(code, ok):
    assert is_region(code) is ok


def test_identity_rule_reads_the_requirement_of_the_leads_own_source(monkeypatch):
    # Every source needs the same fields today; a source with its own requirement is read.
    from fieldnote import leads

    monkeypatch.setattr(leads, "ONE_OF_BY_SOURCE", {"scan": ("badge_raw",),
                                                    "": ("email", "phone")})
    assert required_one_of("scan") == ("badge_raw",)
    assert required_one_of(None) == required_one_of("") == ("email", "phone")
    assert required_one_of("manual") == ("email", "phone", "last_name", "badge_raw")
    scan = {"source": "scan", "email": "a@x.io"}
    assert not is_identified(scan)
    assert [(e.field, e.message) for e in check_lead(scan)] == [
        ("badge_raw", "a lead needs at least one of: badge_raw")]
    assert is_identified({"email": "a@x.io"})
