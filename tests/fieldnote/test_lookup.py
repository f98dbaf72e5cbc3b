"""The "already known?" answer: four facts from a person's leads, their outcomes and owners."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fieldnote.lookup import ANSWER_KEYS, LookupAnswer, answer_from, lookup_key

A, B = "01930000-0000-7000-8000-000000000001", "01930000-0000-7000-8000-000000000002"
TEAMS = {"u-east": "east", "u-west": "west", "u-none": None}


def lead(lead_id, owner="u-east", captured="2026-11-20T09:00:00Z", **extra):
    return {"id": lead_id, "owner_id": owner, "captured_at": captured, **extra}


def outcome(oid, lead_id, status, at, **extra):
    return {"id": oid, "lead_id": lead_id, "status": status, "at": at, **extra}


def test_no_leads_is_not_known():
    assert answer_from([], [], TEAMS) == LookupAnswer()
    assert list(LookupAnswer().as_json()) == list(ANSWER_KEYS)


def test_a_deleted_lead_is_not_known():
    assert answer_from([lead(A, deleted=True)], [], TEAMS).known is False


def test_the_team_is_the_owner_of_the_latest_activity():
    answer = answer_from(
        [lead(A, "u-east", "2026-10-01T09:00:00Z"), lead(B, "u-west", "2026-11-01T09:00:00Z")],
        [outcome("o1", A, "meeting", "2026-12-02T09:00:00Z")], TEAMS)
    assert answer == LookupAnswer(True, False, "east", "2026-12-02")


def test_a_win_at_any_lead_makes_a_customer_unless_withdrawn():
    leads = [lead(A), lead(B, "u-west")]
    won = outcome("o1", A, "won", "2026-11-21T09:00:00Z")
    assert answer_from(leads, [won], TEAMS).customer is True
    withdrawn = outcome("o2", A, "won", "2026-11-22T09:00:00Z", retracts="o1")
    answer = answer_from(leads, [won, withdrawn], TEAMS)
    assert answer.customer is False
    # A withdrawn outcome is no activity either.
    assert answer.last_activity == "2026-11-20"


def test_an_owner_without_a_team_or_unknown_answers_no_team():
    assert answer_from([lead(A, "u-none")], [], TEAMS).team is None
    assert answer_from([lead(A, None)], [], TEAMS).team is None
    assert answer_from([lead(A, "someone")], [], TEAMS).team is None


@given(st.text(max_size=300))
def test_a_lookup_key_is_an_email_like_text_in_lower_case_or_nothing(text):
    key = lookup_key(text)
    if key is not None:
        assert "@" in key and key == key.strip().lower() and len(key) <= 200
        assert not any(c.isspace() or not c.isprintable() for c in key)


def test_lookup_keys():
    assert lookup_key("  Ana@Example.COM ") == "ana@example.com"
    for bad in (None, "", "   ", "ana", "a b@example.com", "x" * 300 + "@e.com",
                "ana\x00@example.com", "ana@exa\x1bmple.com", "ana@example.com\u202e"):
        assert lookup_key(bad) is None
