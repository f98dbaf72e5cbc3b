import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldnote.duplicates import (
    company_key,
    find_duplicates,
    import_key,
    merge_leads,
    name_key,
)

EVENT = "0193aaaa-0000-7000-8000-0000000000e1"
OTHER_EVENT = "0193aaaa-0000-7000-8000-0000000000e2"


def lead(id_, **fields):
    return {"id": id_, "event_id": EVENT, **fields}


EXISTING = [
    lead("1", first_name="Ana", last_name="Silva", email="Ana.Silva@Acme.com ", company="Acme Inc."),
    lead("2", first_name="Bob", last_name="Stone", badge_id="A12345678", company="Stone GmbH"),
    lead("3", first_name="José", last_name="Müller", company="Müller GmbH & Co. KG"),
    lead("4", first_name="Ana", last_name="Silva", company="Globex Ltd"),
    lead("5", first_name="Anna", last_name="Smith", company="Acme Inc."),
    {**lead("6", first_name="Carla", last_name="Diaz", email="carla@initech.com"),
     "event_id": OTHER_EVENT},
    lead("7", first_name="Dmitri", last_name="Ivanov", phone="+49 151 2345 6789", company="X"),
]


def kinds(matches):
    return [(m.lead_id, m.kind) for m in matches]


def test_the_same_email_at_the_event_is_an_exact_match_whatever_its_case_and_spaces():
    matches = find_duplicates({"event_id": EVENT, "email": "  ana.silva@ACME.com"}, EXISTING)
    assert kinds(matches) == [("1", "same_email")]
    assert matches[0].exact and matches[0].score == 1.0


def test_the_same_badge_id_at_the_event_is_an_exact_match():
    matches = find_duplicates({"event_id": EVENT, "badge_id": "a12345678 "}, EXISTING)
    assert kinds(matches) == [("2", "same_badge")]


def test_the_same_scan_payload_is_an_exact_match():
    existing = [lead("9", badge_raw="~~unreadable payload~~")]
    assert kinds(find_duplicates({"event_id": EVENT, "badge_raw": "~~unreadable payload~~\n"},
                                 existing)) == [("9", "same_badge")]


def test_an_email_seen_at_another_event_is_no_exact_match_unless_asked():
    candidate = {"event_id": EVENT, "email": "carla@initech.com"}
    assert find_duplicates(candidate, EXISTING) == []
    assert kinds(find_duplicates(candidate, EXISTING, any_event=True)) == [("6", "same_email")]


@pytest.mark.parametrize(
    ("first", "last", "company", "expected"),
    [
        ("Ana", "Silva", "ACME, Inc", "1"),  # case, punctuation, suffix
        ("Ana", "Silvia", "Acme Incorporated", "1"),  # a typo
        ("Silva", "Ana", "The Acme Company", "1"),  # swapped name fields
        ("Jose", "Muller", "Müller GmbH", "3"),  # accents folded, legal form dropped
        ("JOSÉ", "MÜLLER", "muller", "3"),
    ],
)
def test_a_similar_name_at_a_similar_company_is_a_likely_match(first, last, company, expected):
    candidate = {"event_id": EVENT, "first_name": first, "last_name": last, "company": company}
    matches = find_duplicates(candidate, EXISTING)
    assert kinds(matches) == [(expected, "likely")]
    assert 0.85 <= matches[0].score <= 1.0


@pytest.mark.parametrize(
    ("first", "last", "company"),
    [
        ("Ana", "Silva", "Initech"),  # namesake elsewhere
        ("Maria", "Jones", "Acme Inc"),  # a colleague
        ("Ana", "Silva", None),  # no company to compare
    ],
)
def test_namesakes_and_colleagues_are_not_matches(first, last, company):
    candidate = {"event_id": EVENT, "first_name": first, "last_name": last, "company": company}
    assert find_duplicates(candidate, EXISTING) == []


def test_the_same_phone_with_a_similar_name_is_a_likely_match():
    candidate = {"event_id": OTHER_EVENT, "first_name": "Dmitry", "last_name": "Ivanov",
                 "phone": "0151 23456789"}
    assert kinds(find_duplicates(candidate, EXISTING)) == [("7", "likely")]


def test_exact_matches_come_before_likely_ones_and_the_candidate_itself_is_skipped():
    candidate = lead("1", first_name="Ana", last_name="Silva", email="ana.silva@acme.com",
                     company="Acme")
    existing = [*EXISTING, lead("8", first_name="Ana", last_name="Silva", company="Acme",
                               email="ana.silva@acme.com")]
    matches = find_duplicates(candidate, existing)
    assert kinds(matches) == [("8", "same_email")]
    candidate["id"] = "new"
    assert kinds(find_duplicates(candidate, existing)) == [("1", "same_email"), ("8", "same_email")]
    assert kinds(find_duplicates({**candidate, "email": None}, existing))[0][1] == "likely"


def test_normalised_keys():
    assert company_key("The Acme Company, Ltd.") == "acme"
    assert company_key("GmbH") == "gmbh"
    assert name_key("Zoë", "O'Brien") == name_key("o brien", "ZOE")


def test_the_import_key_is_the_badge_id_else_the_email():
    assert import_key(EVENT, {"badge_id": " B-77 ", "email": "x@y.z"}) == (EVENT, "badge", "b-77")
    assert import_key(EVENT, {"email": " Ana@Acme.com"}) == (EVENT, "email", "ana@acme.com")
    assert import_key(None, {"last_name": "Silva"}) is None


def test_merging_fills_what_is_missing_and_keeps_conflicts_in_notes():
    existing = lead("1", first_name="Ana", last_name="Silva", email="ana@acme.com",
                    phone="+351 912 345 678", company="Acme", notes="Wants a demo",
                    interests=["crm"], answers={"budget": "confirmed"},
                    captured_at="2026-11-24T10:00:00Z", source="scan")
    incoming = lead("2", first_name="Ana", last_name="Silva", email="ANA@acme.com",
                    phone="+351 999 999 999", title="CTO", company="Acme Corp",
                    notes="Met again on day 2", interests=["crm", "analytics"],
                    answers={"budget": "planned", "timeframe": "0-3m"},
                    captured_at="2026-11-25T09:00:00Z", source="manual",
                    badge_raw="BEGIN:VCARD...")
    merged = merge_leads(existing, incoming)
    assert merged["id"] == "1" and merged["source"] == "scan"
    assert merged["captured_at"] == "2026-11-24T10:00:00Z"
    assert merged["title"] == "CTO"
    assert merged["phone"] == "+351 912 345 678"
    assert merged["company"] == "Acme"
    assert merged["email"] == "ana@acme.com"
    assert merged["interests"] == ["crm", "analytics"]
    assert merged["answers"] == {"budget": "confirmed", "timeframe": "0-3m"}
    assert merged["badge_raw"] == "BEGIN:VCARD..."
    notes = merged["notes"]
    assert notes.startswith("Wants a demo\n\n--- Merged duplicate (captured 2026-11-25T09:00:00Z) ---")
    for line in ("Other phone: +351 999 999 999", "Other company: Acme Corp",
                 "Other answer to budget: planned", "Met again on day 2"):
        assert line in notes
    assert "email" not in notes  # the same address in another case is no conflict


def test_consent_given_later_is_taken_and_the_earlier_refusal_noted():
    existing = lead("1", last_name="Silva", consent_contact=False, consent_at="2026-11-24T10:00:00Z")
    incoming = lead("2", last_name="Silva", consent_contact=True, consent_text_version="v3",
                    consent_at="2026-11-25T10:00:00Z")
    merged = merge_leads(existing, incoming)
    assert merged["consent_contact"] is True
    assert merged["consent_text_version"] == "v3"
    assert merged["consent_at"] == "2026-11-25T10:00:00Z"
    assert "Earlier answer to consent: no" in merged["notes"]
    assert merge_leads(incoming, existing)["consent_contact"] is True


def test_a_score_is_taken_only_when_the_existing_lead_has_none():
    scored = {"rubric_id": "r", "rubric_version": 2, "score": 50, "grade": "warm", "qualified": True}
    assert merge_leads(lead("1", last_name="S"), lead("2", **scored))["grade"] == "warm"
    kept = merge_leads(lead("1", last_name="S", score=10, grade="cold"), lead("2", **scored))
    assert (kept["score"], kept["grade"]) == (10, "cold")


def test_merging_a_lead_with_nothing_new_changes_nothing():
    existing = lead("1", first_name="Ana", notes="n")
    assert merge_leads(existing, {"first_name": " ana ", "notes": "n"}) == existing


_value = st.one_of(st.none(), st.text(max_size=8), st.booleans(), st.integers(),
                   st.lists(st.text(max_size=4), max_size=3))
_fields = st.dictionaries(
    st.sampled_from(["first_name", "last_name", "email", "phone", "company", "title", "notes",
                     "badge_raw", "badge_id", "interests", "answers", "consent_contact",
                     "score", "grade", "event_id", "id", "extra"]),
    _value, max_size=10,
)


def _flat(value):
    if isinstance(value, dict):
        return "\n".join(_flat(v) for v in value.values())
    if isinstance(value, list):
        return ", ".join(_flat(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _blank(value):
    return value in (None, "", [], {}) or (isinstance(value, str) and not value.strip())


@settings(max_examples=200, deadline=None)
@given(_fields, _fields)
def test_merging_never_loses_a_value_of_either_lead(existing, incoming):
    merged = merge_leads(existing, incoming)
    for key, value in existing.items():
        if key not in ("consent_contact", "interests", "answers", "notes") and not _blank(value):
            assert merged[key] == value
    text = _flat(merged)
    for key, value in incoming.items():
        # The record's own fields and the derived score are not the person's data.
        if key in ("id", "event_id", "score", "grade", "consent_contact") or _blank(value):
            continue
        if isinstance(value, list):
            assert all(_flat(v).strip() in text for v in value)
        else:
            assert _flat(value).strip() in text or key == "phone"


@settings(max_examples=100, deadline=None)
@given(_fields, st.lists(_fields, max_size=5))
def test_matching_any_fields_never_raises(candidate, existing):
    for m in find_duplicates(candidate, existing):
        assert m.kind in ("same_email", "same_badge", "likely")
