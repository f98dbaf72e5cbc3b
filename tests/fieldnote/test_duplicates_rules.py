"""Each duplicate rule of `fieldnote.duplicates` pinned at its edges: the similarity thresholds,
the phone digits compared, the order of the matches, and what a merge keeps."""

from __future__ import annotations

import pytest

from fieldnote.duplicates import (
    LIKELY_THRESHOLD,
    Match,
    company_key,
    find_duplicates,
    import_key,
    merge_leads,
    name_key,
    normalize_email,
)

EVENT = "0193aaaa-0000-7000-8000-0000000000e1"
OTHER = "0193aaaa-0000-7000-8000-0000000000e2"


def lead(id_, **fields):
    return {"id": id_, "event_id": EVENT, **fields}


def found(candidate, existing, **kw):
    return [(m.lead_id, m.kind, m.score, m.reasons) for m in find_duplicates(candidate, existing, **kw)]


# --- exact matches -------------------------------------------------------------------------


def test_exact_rule_same_badge_and_same_email_give_both_reasons():
    existing = [lead("1", badge_id="B-1", email="a@x.io")]
    assert found({"event_id": EVENT, "badge_id": " b-1", "email": "A@x.io"}, existing) == [
        ("1", "same_badge", 1.0, ("same badge id", "same email"))]
    assert found({"event_id": EVENT, "email": "a@x.io"}, existing) == [
        ("1", "same_email", 1.0, ("same email",))]


def test_exact_rule_the_same_scan_with_another_badge_id_is_still_the_same_badge():
    existing = [lead("1", badge_id="B-1", badge_raw="PAYLOAD")]
    assert found({"event_id": EVENT, "badge_id": "B-2", "badge_raw": " PAYLOAD "}, existing) == [
        ("1", "same_badge", 1.0, ("same badge scan",))]


@pytest.mark.parametrize("blank", [None, "", "  ", 7])
def test_exact_rule_blank_badges_and_emails_match_nothing(blank):
    existing = [lead("1", badge_id=blank, badge_raw=blank, email=blank)]
    assert found({"event_id": EVENT, "badge_id": blank, "badge_raw": blank, "email": blank},
                 existing) == []


def test_exact_rule_leads_without_an_event_share_one_and_any_event_reaches_across():
    existing = [{"id": "1", "email": "a@x.io"}, lead("2", email="a@x.io"),
                {"id": "3", "event_id": OTHER, "badge_id": "B"}]
    assert [m[0] for m in found({"email": "a@x.io"}, existing)] == ["1"]
    assert [m[0] for m in found({"email": "a@x.io"}, existing, any_event=True)] == ["1", "2"]
    assert [m[0] for m in found({"event_id": EVENT, "badge_id": "b"}, existing,
                                any_event=True)] == ["3"]


def test_the_candidate_itself_is_skipped_only_by_its_own_id():
    existing = [lead("1", email="a@x.io"), lead(None, email="a@x.io")]
    assert [m[0] for m in found({"event_id": EVENT, "id": "1", "email": "a@x.io"}, existing)] == [
        None]
    assert [m[0] for m in found({"event_id": EVENT, "email": "a@x.io"}, existing)] == ["1", None]


# --- likely matches: the similarity thresholds ------------------------------------------------


# difflib ratios of a ten- and a twenty-letter name against rotations of itself: every letter
# is shared (so the quick bounds pass) but only the longest block counts.
@pytest.mark.parametrize(
    ("other", "ratio"),
    [("rstabcdefghijklmnopq", 0.85), ("qrstabcdefghijklmnop", 0.8),
     ("tabcdefghijklmnopqrs", 0.95)],
)
def test_likely_rule_a_name_and_a_company_from_the_threshold_on(other, ratio):
    name = "abcdefghijklmnopqrst"
    existing = [lead("1", first_name=other, company="Acme")]
    matches = found({"event_id": EVENT, "first_name": name, "company": "ACME Inc"}, existing)
    if ratio >= LIKELY_THRESHOLD:
        assert matches == [("1", "likely", round(0.6 * ratio + 0.4, 3),
                            ("similar name", "same company"))]
    else:
        assert matches == []


def test_likely_rule_the_company_needs_the_threshold_too():
    existing = [lead("1", first_name="Ana", last_name="Silva", company="rstabcdefghijklmnopq"),
                lead("2", first_name="Ana", last_name="Silva", company="qrstabcdefghijklmnop")]
    candidate = {"event_id": EVENT, "first_name": "Ana", "last_name": "Silva",
                 "company": "abcdefghijklmnopqrst"}
    assert found(candidate, existing) == [
        ("1", "likely", round(0.6 + 0.4 * 0.85, 3), ("same name", "similar company"))]


@pytest.mark.parametrize(
    ("other", "ratio"),
    [("ghijabcdef", 0.6), ("hijabcdefg", 0.7), ("ijabcdefgh", 0.8), ("jabcdefghi", 0.9)],
)
def test_likely_rule_the_same_phone_with_a_name_from_seven_tenths_alike(other, ratio):
    existing = [lead("1", first_name=other, phone="+49 151 23456789")]
    candidate = {"event_id": OTHER, "first_name": "abcdefghij", "phone": "0151 2345-6789"}
    matches = found(candidate, existing)
    if ratio >= 0.7:
        assert matches == [("1", "likely", round(0.5 + 0.4 * ratio, 3),
                            ("similar name", "same phone"))]
    else:
        assert matches == []


@pytest.mark.parametrize(
    ("mine", "theirs", "match"),
    [("12345678", "12345678", False),  # eight digits: too short to tell
     ("123456789", "123456789", True),  # nine: enough
     ("123456789", "12345678", False),
     ("12345678", "123456789", False),
     ("99 123456789", "123456789", True),  # the last nine digits decide
     ("123456789", "123456780", False),
     ("023456789", "123456789", False)],
)
def test_likely_rule_phones_match_on_their_last_nine_digits(mine, theirs, match):
    existing = [lead("1", first_name="Ana", last_name="Silva", phone=theirs)]
    candidate = {"event_id": EVENT, "first_name": "Ana", "last_name": "Silva", "phone": mine}
    assert bool(found(candidate, existing)) is match


def test_likely_rule_a_phone_that_is_not_text_is_ignored():
    existing = [lead("1", first_name="Ana", last_name="Silva", phone=123456789)]
    candidate = {"event_id": EVENT, "first_name": "Ana", "last_name": "Silva", "phone": 123456789}
    assert found(candidate, existing) == []


def test_likely_rule_a_candidate_without_a_name_has_no_likely_match():
    existing = [lead("1", company="Acme", phone="123456789")]
    assert found({"event_id": EVENT, "company": "Acme", "phone": "123456789"}, existing) == []


# --- order ---------------------------------------------------------------------------------


def test_order_rule_every_match_is_listed_exact_first_then_likely_by_score():
    existing = [
        lead("weak", first_name="Ana", last_name="Silvia", company="Acme"),
        lead("same", first_name="Ana", last_name="Silva", company="Acme"),
        lead("exact", first_name="Zed", email="ana@acme.com"),
        lead("phone", first_name="Anna", last_name="Silva", phone="123456789"),
    ]
    candidate = {"event_id": EVENT, "first_name": "Ana", "last_name": "Silva", "company": "Acme",
                 "email": "ana@acme.com", "phone": "123456789"}
    matches = find_duplicates(candidate, existing)
    assert [m.lead_id for m in matches] == ["exact", "same", "weak", "phone"]
    assert [m.exact for m in matches] == [True, False, False, False]
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert matches[1].reasons == ("same name", "same company") and matches[1].score == 1.0


def test_match_fields():
    match = Match({"id": "x"}, "likely", 0.9, ())
    assert (match.lead_id, match.exact) == ("x", False)
    assert Match({}, "same_email", 1.0, ()).exact and Match({}, "same_email", 1.0, ()).lead_id is None


# --- keys ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("company", "key"),
    [("Acme", "acme"), ("The Acme Group", "acme"), ("the the acme", "acme"), ("The", ""),
     ("Acme GmbH & Co. KG", "acme"), ("Holding", "holding"), ("Co Co", "co"), (None, ""),
     (5, ""), ("  Zoë  AG ", "zoe"), ("Acme_Labs", "acme labs")],
)
def test_company_key_rule(company, key):
    assert company_key(company) == key


@pytest.mark.parametrize(
    ("first", "last", "key"),
    [("Ana", "Silva", "ana silva"), ("Silva", "Ana", "ana silva"), (None, "Silva", "silva"),
     ("Ana", 5, "ana"), ("José María", "Núñez", "jose maria nunez"), (None, None, "")],
)
def test_name_key_rule(first, last, key):
    assert name_key(first, last) == key


def test_email_key_rule():
    assert normalize_email("  Ana@Acme.COM ") == "ana@acme.com"
    assert normalize_email(None) == "" and normalize_email(5) == ""


def test_import_key_rule_an_event_and_a_badge_or_email():
    assert import_key(7, {"badge_id": "X", "email": "a@b.c"}) == ("7", "badge", "x")
    assert import_key(None, {"badge_id": " ", "email": " A@B.C "}) == ("", "email", "a@b.c")
    assert import_key(EVENT, {"badge_id": None, "email": 5}) is None


# --- merging -------------------------------------------------------------------------------


def test_merge_rule_the_existing_interests_are_kept_and_the_incoming_added():
    merged = merge_leads(lead("1", interests=["crm", "ai"]), lead("2", interests=["iot", "crm"]))
    assert merged["interests"] == ["crm", "ai", "iot"]
    assert merge_leads(lead("1", collateral_ids=["a"]), lead("2", collateral_ids=["b"]))[
        "collateral_ids"] == ["a", "b"]
    assert merge_leads(lead("1"), lead("2", interests=["iot"]))["interests"] == ["iot"]


def test_merge_rule_a_lone_existing_interest_is_not_dropped():
    assert merge_leads(lead("1", interests="crm"), lead("2", interests=["iot"]))["interests"] == [
        "crm", "iot"]


def test_merge_rule_a_second_scan_is_kept_in_the_notes():
    merged = merge_leads(lead("1", badge_raw="FIRST"), lead("2", badge_raw=" SECOND "))
    assert merged["badge_raw"] == "FIRST"
    assert merged["notes"] == "--- Merged duplicate ---\nOther scan: SECOND"
    assert "notes" not in merge_leads(lead("1", badge_raw="SAME "), lead("2", badge_raw=" SAME"))
    assert merge_leads(lead("1", badge_raw=" "), lead("2", badge_raw="NEW"))["badge_raw"] == "NEW"


@pytest.mark.parametrize(
    ("earlier", "incoming", "merged_consent", "note"),
    [
        (None, False, False, None),  # a refusal fills an unknown answer
        (None, True, True, None),
        (True, None, True, None),
        (True, True, True, None),
        (True, False, True, "Other answer to consent: no (at 2026-11-25T10:00:00Z)"),
        (False, True, True, "Earlier answer to consent: no (at 2026-11-24T10:00:00Z)"),
        (False, False, False, None),
        (False, None, False, None),
    ],
)
def test_merge_rule_consent(earlier, incoming, merged_consent, note):
    existing = lead("1", last_name="S", consent_contact=earlier, consent_at="2026-11-24T10:00:00Z",
                    consent_text_version="v1")
    newer = lead("2", last_name="S", consent_contact=incoming, consent_at="2026-11-25T10:00:00Z",
                 consent_text_version="v2")
    merged = merge_leads(existing, newer)
    assert merged["consent_contact"] is merged_consent
    taken = merged_consent != earlier or (earlier is None and incoming is not None)
    assert merged["consent_at"] == ("2026-11-25T10:00:00Z" if taken else "2026-11-24T10:00:00Z")
    assert merged["consent_text_version"] == ("v2" if taken else "v1")
    assert merged.get("notes") == (f"--- Merged duplicate ---\n{note}" if note else None)


def test_merge_rule_a_refusal_over_a_missing_consent_is_recorded_with_its_time():
    merged = merge_leads(lead("1", last_name="S"),
                         lead("2", consent_contact=False, consent_at="2026-11-25T10:00:00Z"))
    assert merged["consent_contact"] is False
    assert merged["consent_at"] == "2026-11-25T10:00:00Z"
    assert "consent_text_version" not in merged


def test_merge_rule_conflicting_answers_and_fields_are_noted_in_order():
    existing = lead("1", title="CTO", answers={"budget": "confirmed", "size": 10, "demo": True},
                    notes="first")
    incoming = lead("2", title="cto ", captured_at="2026-11-25T09:00:00Z", notes="second",
                    answers={"budget": "planned", "size": 10, "demo": False, "need": ["a", "b"],
                             "none": None},
                    follow_up=True, level=3)
    merged = merge_leads({**existing, "level": 2}, incoming)
    assert merged["answers"] == {"budget": "confirmed", "size": 10, "demo": True,
                                 "need": ["a", "b"]}
    assert merged["follow_up"] is True
    assert merged["notes"] == (
        "first\n\n--- Merged duplicate (captured 2026-11-25T09:00:00Z) ---\n"
        "Other answer to budget: planned\nOther answer to demo: no\nOther level: 3\nsecond")


def test_merge_rule_answers_over_a_missing_or_malformed_answer_set():
    assert merge_leads(lead("1", answers="x"), lead("2", answers={"a": 1}))["answers"] == {"a": 1}
    assert merge_leads(lead("1"), lead("2", answers={"a": 1}))["answers"] == {"a": 1}


@pytest.mark.parametrize(
    ("mine", "theirs", "conflict"),
    [("ana@acme.com", " ANA@acme.com", False), ("+1 555 0100", "(1) 555-0100", False),
     ("call desk", "reception", True), ("Acme  Corp", "acme corp", False), (0, False, True),
     (1, 1, False), (1, 2, True), ("x", 5, True)],
)
def test_merge_rule_what_counts_as_the_same_value(mine, theirs, conflict):
    field = "email" if "@" in str(mine) else "phone" if "555" in str(mine) else "extra"
    merged = merge_leads(lead("1", **{field: mine}), lead("2", **{field: theirs}))
    assert merged[field] == mine
    assert ("notes" in merged) is conflict


def test_merge_rule_phones_without_digits_are_never_the_same():
    merged = merge_leads(lead("1", phone="n/a"), lead("2", phone="none"))
    assert merged["notes"] == "--- Merged duplicate ---\nOther phone: none"


def test_merge_rule_lists_and_yes_no_values_are_shown_in_words():
    merged = merge_leads(lead("1", tags=["a"], vip=False), lead("2", tags=["b", "c"], vip=True))
    assert merged["notes"] == "--- Merged duplicate ---\nOther tags: b, c\nOther vip: yes"


def test_merge_rule_incoming_notes_already_held_are_not_repeated():
    merged = merge_leads(lead("1", notes="met at booth; wants demo"),
                         lead("2", notes=" wants demo "))
    assert merged["notes"] == "met at booth; wants demo"
    assert merge_leads(lead("1", notes="  "), lead("2", notes="hi"))["notes"] == "hi"
    assert merge_leads(lead("1", notes=["a", "b"]), lead("2", notes="c"))["notes"] == (
        "a, b\n\n--- Merged duplicate ---\nc")


def test_merge_rule_the_score_is_taken_whole_only_onto_an_unscored_lead():
    scored = {"rubric_id": "r", "rubric_version": 2, "score": 0, "grade": "cold",
              "qualified": False}
    merged = merge_leads(lead("1", rubric_id=""), lead("2", **scored))
    assert {k: merged[k] for k in scored} == scored
    partly = merge_leads(lead("1", qualified=False), lead("2", **scored))
    assert "score" not in partly
    assert "grade" not in merge_leads(lead("1"), lead("2", grade=" "))


def test_merge_rule_the_records_own_fields_stay():
    existing = lead("1", source="scan", captured_at="a", captured_by="u1", owner_id="u1",
                    version=3, deleted=False)
    incoming = {"id": "2", "event_id": OTHER, "source": "manual", "captured_at": "b",
                "captured_by": "u2", "owner_id": "u2", "version": 9, "deleted": True}
    assert merge_leads(existing, incoming) == existing
    assert merge_leads({"id": "1"}, {"event_id": OTHER, "owner_id": "u2"}) == {"id": "1"}


@pytest.mark.parametrize(
    ("other", "match"),
    [("abcdefgxyz", True),  # 7 of 10 letters alike: 0.7, and only 0.7 letters shared
     ("abcdefxyzw", False)],  # 0.6
)
def test_likely_rule_the_phone_rule_reads_names_from_seven_tenths_even_with_few_shared_letters(
    other, match
):
    existing = [lead("1", first_name=other, phone="123456789")]
    candidate = {"event_id": EVENT, "first_name": "abcdefghij", "phone": "123456789"}
    assert found(candidate, existing) == (
        [("1", "likely", 0.78, ("similar name", "same phone"))] if match else [])


def test_likely_rule_scores_are_rounded_to_three_places():
    # "ana silva" / "ana silvia": 18/19 alike; 0.6 * 0.947368... + 0.4 = 0.968421...
    existing = [lead("1", first_name="Ana", last_name="Silvia", company="Acme"),
                lead("2", first_name="Ana", last_name="Silvia", phone="123456789")]
    candidate = {"event_id": EVENT, "first_name": "Ana", "last_name": "Silva", "company": "Acme",
                 "phone": "123456789"}
    assert [m[2] for m in found(candidate, existing)] == [0.968, 0.879]


def test_company_key_rule_only_trailing_legal_forms_are_dropped():
    assert company_key("Acme Co Labs") == "acme co labs"
    assert company_key("Acme Labs Co") == "acme labs"


def test_merge_rule_an_empty_list_is_filled_not_noted():
    merged = merge_leads(lead("1", tags=[], extra={}), lead("2", tags=["b"], extra={"k": 1}))
    assert (merged["tags"], merged["extra"]) == (["b"], {"k": 1})
    assert "notes" not in merged


def test_merge_rule_a_blank_answer_does_not_end_the_merge_of_the_answers():
    merged = merge_leads(lead("1", answers={"a": 1}), lead("2", answers={"b": None, "c": 3}))
    assert merged["answers"] == {"a": 1, "c": 3}


def test_merge_rule_emails_compare_lower_cased_not_case_folded():
    merged = merge_leads(lead("1", email="straße@x.de"), lead("2", email="STRASSE@x.de"))
    assert merged["notes"] == "--- Merged duplicate ---\nOther email: STRASSE@x.de"


def test_merge_rule_a_conflict_names_the_field_in_words_and_keeps_the_notes_as_written():
    merged = merge_leads(lead("1", job_title="CTO", notes="  first  "),
                         lead("2", job_title="CEO"))
    assert merged["notes"] == "  first\n\n--- Merged duplicate ---\nOther job title: CEO"


# --- the re-import fingerprint ---------------------------------------------------------------

SALT = b"s" * 16
PERSON = {"first_name": "Ana", "last_name": "Silva", "company": "Acme GmbH",
          "phone": "+49 151 2345 6789", "email": "Ana@Acme.com", "badge_id": "B-1"}


def test_fingerprint_rule_the_same_person_in_another_notation_gives_the_same_fingerprint():
    from fieldnote.duplicates import import_fingerprint

    same = {"first_name": "SILVA", "last_name": "ána", "company": "acme",
            "phone": "0151-23456789", "email": " ana@acme.com ", "badge_id": "b-1 "}
    assert import_fingerprint(SALT, EVENT, PERSON) == import_fingerprint(SALT, EVENT, same)
    assert len(import_fingerprint(SALT, EVENT, PERSON) or "") == 64


@pytest.mark.parametrize("field", list(PERSON))
def test_fingerprint_rule_every_part_of_the_person_counts(field):
    from fieldnote.duplicates import import_fingerprint

    changed = {**PERSON, field: "Other 987654321"}
    assert import_fingerprint(SALT, EVENT, changed) != import_fingerprint(SALT, EVENT, PERSON)


def test_fingerprint_rule_the_event_and_the_salt_count_and_nothing_gives_none():
    import hashlib
    import hmac

    from fieldnote.duplicates import import_fingerprint

    fp = import_fingerprint(SALT, EVENT, PERSON)
    assert fp != import_fingerprint(SALT, OTHER, PERSON)
    assert fp != import_fingerprint(b"t" * 16, EVENT, PERSON)
    assert import_fingerprint(SALT, None, PERSON) != import_fingerprint(SALT, "None", PERSON)
    assert import_fingerprint(SALT, EVENT, {"phone": 5, "notes": "x"}) is None
    assert import_fingerprint(SALT, None, {"email": "a@b.co"}) == hmac.new(
        SALT, b"\x1f\x1f\x1f\x1fa@b.co\x1f", hashlib.sha256).hexdigest()
    # The phone's last nine digits only: event, names, company, phone, email, badge.
    assert import_fingerprint(SALT, 7, {"phone": "0049 151 2345 6789"}) == hmac.new(
        SALT, b"7\x1f\x1f\x1f123456789\x1f\x1f", hashlib.sha256).hexdigest()


def test_fingerprint_rule_a_lone_surrogate_still_gives_one():
    from fieldnote.duplicates import import_fingerprint

    # A name is folded to letters first; an email or a badge id keeps what it holds.
    assert len(import_fingerprint(SALT, EVENT, {"last_name": "Sil\ud800va"}) or "") == 64
    assert len(import_fingerprint(SALT, EVENT, {"email": "a\ud800@x.io"}) or "") == 64
    assert len(import_fingerprint(SALT, EVENT, {"badge_id": "B\udc00"}) or "") == 64
