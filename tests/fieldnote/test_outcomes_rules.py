"""The outcome rule of `fieldnote.outcomes`: which outcomes count, and how one is withdrawn."""

from __future__ import annotations

import pytest

from fieldnote.outcomes import NotRetractable, counting_outcomes, retracted_ids, retraction_fields


def test_withdrawal_rule_a_retraction_names_the_outcome_and_keeps_its_status():
    outcome = {"id": "o1", "lead_id": "l1", "status": "won", "at": "2026-11-24T10:00:00Z"}
    assert retraction_fields(outcome, at="2026-11-25T09:00:00Z") == {
        "lead_id": "l1", "status": "won", "retracts": "o1", "at": "2026-11-25T09:00:00Z",
        "note": "Withdrawn: recorded by mistake"}


def test_withdrawal_rule_a_retraction_cannot_itself_be_withdrawn():
    with pytest.raises(NotRetractable, match="^A withdrawal cannot itself be withdrawn; record "
                                            "a new outcome instead$"):
        retraction_fields({"id": "o2", "lead_id": "l1", "status": "won", "retracts": "o1"},
                          at="x")
    assert issubclass(NotRetractable, ValueError)
    assert retraction_fields({"id": "o3", "lead_id": "l", "status": "lost", "retracts": ""},
                             at="x")["retracts"] == "o3"


OUTCOMES = [
    {"id": "o1", "status": "contacted"},
    {"id": "o2", "status": "won"},
    {"id": "r2", "status": "won", "retracts": "o2"},
    {"id": "o3", "status": "meeting", "deleted": True},
    {"id": "o4", "status": "lost"},
    {"id": "r4", "status": "lost", "retracts": "o4", "deleted": True},
    {"id": 5, "status": "meeting"},
    {"id": "r5", "status": "meeting", "retracts": 5},
]


def test_counting_rule_live_outcomes_that_no_live_retraction_names_count_in_order():
    assert retracted_ids(OUTCOMES) == {"o2", "5"}
    assert [o["id"] for o in counting_outcomes(OUTCOMES)] == ["o1", "o4"]
    assert counting_outcomes(iter(OUTCOMES)) == [OUTCOMES[0], OUTCOMES[4]]
    assert counting_outcomes([]) == [] and retracted_ids([]) == set()


def test_counting_rule_an_outcome_without_an_id_counts():
    assert counting_outcomes([{"status": "won"}]) == [{"status": "won"}]
