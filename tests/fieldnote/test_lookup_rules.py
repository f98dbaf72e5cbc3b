"""The look-up's rules pinned at their edges: which text is an email to look up (the length
limit), which dates count as activity, and whose team answers when leads tie or lack dates."""

from __future__ import annotations

import pytest

from fieldnote.lookup import MAX_EMAIL, LookupAnswer, answer_from, lookup_key

A, B = "01930000-0000-7000-8000-000000000001", "01930000-0000-7000-8000-000000000002"
TEAMS = {"u-east": "east", "u-west": "west"}


def lead(lead_id, owner="u-east", captured="2026-11-20T09:00:00Z"):
    return {"id": lead_id, "owner_id": owner, "captured_at": captured}


def outcome(oid, lead_id, at, status="meeting"):
    return {"id": oid, "lead_id": lead_id, "status": status, "at": at}


def email_of(length: int) -> str:
    domain = "@example.com"
    return "a" * (length - len(domain)) + domain


@pytest.mark.parametrize(("length", "accepted"), [
    (MAX_EMAIL - 1, True), (MAX_EMAIL, True), (MAX_EMAIL + 1, False)])
def test_the_longest_email_a_lookup_accepts(length, accepted):
    assert MAX_EMAIL == 200
    text = email_of(length)
    assert (lookup_key(text) == text) is accepted
    assert (lookup_key(text) is None) is not accepted


@pytest.mark.parametrize(("captured", "day"), [
    ("2026-11-20", "2026-11-20"),  # a bare date (10 characters) is a day
    ("2026-11-20T23:59:59+00:00", "2026-11-20"),
    ("2026-11-2", None),  # 9 characters: no day
    ("not-a-date and more", None),  # 10 characters or more that are no date: no day
    ("2026-13-01T10:00:00Z", None),
    ("20261120", None),  # a date, but not as stored times begin
    ("2026", None),
    ("", None),
    (None, None),
])
def test_which_capture_times_give_a_day_of_activity(captured, day):
    answer = answer_from([lead(A, captured=captured)], [], TEAMS)
    assert answer == LookupAnswer(True, False, "east", day)


def test_an_outcome_without_a_time_is_no_activity():
    answer = answer_from([lead(A)], [outcome("o1", A, None), outcome("o2", A, "soon")], TEAMS)
    assert answer.last_activity == "2026-11-20"


def test_an_outcome_is_activity_of_a_lead_without_a_capture_time():
    answer = answer_from([lead(A, captured=None)], [outcome("o1", A, "2026-11-25T10:00:00Z")],
                         TEAMS)
    assert answer == LookupAnswer(True, False, "east", "2026-11-25")


def test_an_older_outcome_does_not_move_the_latest_activity_back():
    leads = [lead(A, captured="2026-11-20T09:00:00Z")]
    # Listed newest first: the older one after it must not replace it.
    answer = answer_from(leads, [outcome("o2", A, "2026-12-05T09:00:00Z"),
                                 outcome("o1", A, "2026-11-28T09:00:00Z")], TEAMS)
    assert answer.last_activity == "2026-12-05"
    # An outcome dated before the capture (a clock set wrong) is not the latest either.
    answer = answer_from(leads, [outcome("o0", A, "2026-11-01T09:00:00Z")], TEAMS)
    assert answer.last_activity == "2026-11-20"


def test_a_lead_with_a_day_outranks_one_without():
    for leads in ([lead(A, "u-east", None), lead(B, "u-west")],
                  [lead(B, "u-west"), lead(A, "u-east", None)]):
        assert answer_from(leads, [], TEAMS) == LookupAnswer(True, False, "west", "2026-11-20")
    # Whatever the ids: the undated lead is the earlier one here.
    undated = [lead(B, "u-west", None), lead(A, "u-east", "2026-11-20")]
    assert answer_from(undated, [], TEAMS).team == "east"


def test_among_equal_days_the_lead_captured_last_answers():
    same_day = "2026-11-20T09:00:00Z"
    for leads in ([lead(A, "u-east", same_day), lead(B, "u-west", same_day)],
                  [lead(B, "u-west", same_day), lead(A, "u-east", same_day)]):
        assert answer_from(leads, [], TEAMS).team == "west"
