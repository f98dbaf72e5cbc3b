"""The lead rules (fieldnote.leads): pure functions the desktop and the hub share."""

from __future__ import annotations

from fieldnote.kinds import LEAD
from fieldnote.leads import (
    FALLBACK_PHONE_REGION,
    FOLLOW_UP_NEEDS_CONSENT,
    check_lead,
    duplicate_key,
    follow_up_allowed,
    marketing_selection,
    may_contact,
    phone_region,
    required_one_of,
    score_lead,
)
from fieldnote.scoring import DEMO_RUBRIC_FIELDS, DEMO_RUBRIC_ID, parse_rubric
from fieldnote.validation import check_complete


def test_the_phone_region_is_the_choice_then_the_event_then_the_system_locale():
    assert phone_region("FR", "DE", "ES") == "FR"
    assert phone_region("", "de", "ES") == "DE"
    assert phone_region("", None, "ES") == "ES"
    assert phone_region("", None, "") == FALLBACK_PHONE_REGION
    assert phone_region("XX", "??", "GB") == "GB"  # not a region: skipped



BASE = {"last_name": "Silva", "captured_at": "2026-11-24T10:15:00Z"}


def test_follow_up_needs_consent():
    assert follow_up_allowed({**BASE, "follow_up": True, "consent_contact": True})
    assert follow_up_allowed({**BASE, "follow_up": False, "consent_contact": False})
    assert not follow_up_allowed({**BASE, "follow_up": True, "consent_contact": False})
    assert not follow_up_allowed({**BASE, "follow_up": True})
    [error] = check_lead({**BASE, "follow_up": True, "consent_contact": False})
    assert (error.field, error.message) == ("follow_up", FOLLOW_UP_NEEDS_CONSENT)


def test_a_marketing_export_holds_only_leads_that_may_be_contacted_unless_asked():
    leads = [{"id": "a", "consent_contact": True}, {"id": "b", "consent_contact": False},
             {"id": "c"}, {"id": "d", "consent_contact": "yes"}]  # only a real True counts
    assert [may_contact(lead) for lead in leads] == [True, False, False, False]
    kept, left_out = marketing_selection(leads)
    assert ([lead["id"] for lead in kept], left_out) == (["a"], 3)
    kept, left_out = marketing_selection(leads, include_no_consent=True)
    assert ([lead["id"] for lead in kept], left_out) == (["a", "b", "c", "d"], 0)


def test_an_update_is_held_to_the_rules_its_fields_touch():
    legacy = {**BASE, "follow_up": True, "consent_contact": False}
    assert check_lead(legacy, changed={"notes"}) == []
    assert [e.field for e in check_lead(legacy, changed={"consent_contact"})] == ["follow_up"]


def test_every_source_needs_one_identifying_field():
    for source in LEAD.by_name["source"].choices:
        assert required_one_of(source) == ("email", "phone", "last_name", "badge_raw")
        assert [e.field for e in check_lead({"first_name": "Ana", "source": source})] == ["email"]
        assert check_lead({"badge_raw": "B-1", "source": source}) == []


def test_check_complete_applies_the_lead_rules_once():
    errors = check_complete(LEAD, {"first_name": "Ana", "follow_up": True})
    assert sorted(e.field for e in errors) == ["captured_at", "email", "follow_up"]


def test_the_duplicate_key_and_the_scoring_entry_point():
    assert duplicate_key("e1", {"badge_id": "B-7", "email": "a@x.com"}) == ("e1", "badge", "b-7")
    assert duplicate_key("e1", {"email": "A@X.com"}) == ("e1", "email", "a@x.com")
    assert duplicate_key("e1", {"last_name": "Silva"}) is None
    rubric = parse_rubric(DEMO_RUBRIC_FIELDS, DEMO_RUBRIC_ID)
    fields = score_lead(rubric, {"budget": "confirmed"})
    assert fields["rubric_id"] == DEMO_RUBRIC_ID and fields["answers"] == {"budget": "confirmed"}
    assert {"score", "grade", "qualified", "rubric_version"} <= set(fields)
