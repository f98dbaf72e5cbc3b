"""Every record a push names must be one its writer may see: a reference to a hidden record is
refused with exactly the answer of a reference to a record that is not there, so a push never
tells whether a hidden record exists."""

from __future__ import annotations

from typing import Any

import pytest

from fieldnote.ids import new_id
from tests.hub.client import SyncClient, lead_fields, mutation


def _answer(client: SyncClient, kind: str, fields: dict[str, Any], **kw: Any) -> dict[str, Any]:
    """One push's answer without its mutation id, to compare answers."""
    answer = client.push_one(kind, kw.pop("record_id", new_id()), fields, **kw)
    return {k: v for k, v in answer.items() if k != "mutation_id"}


@pytest.fixture
def world(people: dict[str, SyncClient]) -> dict[str, str]:
    """Records of other people and of marketing, by name."""
    marketer, rep2, rep = people["marketer"], people["rep2"], people["rep"]
    made = {}
    for name, audience, status in (("draft", [], "draft"), ("west_only", ["west"], "approved"),
                                   ("retired", [], "retired"), ("public", [], "approved")):
        made[name] = new_id()
        assert marketer.push_one("collateral", made[name], {
            "title": name, "status": status, "audience": audience})["status"] == "applied"
    made["other_lead"] = new_id()
    assert rep2.push_one("lead", made["other_lead"], lead_fields())["status"] == "applied"
    made["own_lead"] = new_id()
    assert rep.push_one("lead", made["own_lead"], lead_fields())["status"] == "applied"
    made["other_debrief"] = new_id()
    assert rep2.push_one("debrief", made["other_debrief"], {
        "account": "Acme", "call_date": "2026-11-20", "status": "submitted"})["status"] == "applied"
    made["own_debrief"] = new_id()
    assert rep.push_one("debrief", made["own_debrief"], {
        "account": "Acme", "call_date": "2026-11-20"})["status"] == "applied"
    return made


HIDDEN_COLLATERAL = ("draft", "west_only", "retired")


def _refused_like_missing(client: SyncClient, kind: str, make: Any, hidden: str,
                          seen: str | None) -> None:
    missing = _answer(client, kind, make(new_id()))
    assert missing["status"] == "rejected", missing
    assert _answer(client, kind, make(hidden)) == missing
    if seen is not None:
        assert _answer(client, kind, make(seen))["status"] == "applied"


@pytest.mark.parametrize("which", HIDDEN_COLLATERAL)
def test_feedback_and_usage_on_collateral_a_rep_cannot_see_are_refused_like_missing(
    people: dict[str, SyncClient], world: dict[str, str], which: str,
) -> None:
    rep = people["rep"]
    _refused_like_missing(rep, "collateral_feedback",
                          lambda c: {"collateral_id": c, "rating": 4}, world[which], world["public"])
    _refused_like_missing(rep, "collateral_usage",
                          lambda c: {"collateral_id": c, "action": "opened"}, world[which],
                          world["public"])
    _refused_like_missing(rep, "lead", lambda c: lead_fields(collateral_ids=[c]), world[which],
                          world["public"])
    _refused_like_missing(
        rep, "debrief", lambda c: {"account": "Acme", "call_date": "2026-11-20",
                                   "collateral_used": [{"collateral_id": c, "helpful": True}]},
        world[which], world["public"])
    missing = _answer(rep, "collateral_feedback", {"collateral_id": new_id(), "rating": 4})
    assert missing["problem"]["status"] == 403
    assert "cannot see it" in missing["problem"]["detail"]


def test_usage_and_debriefs_naming_another_reps_lead_are_refused_like_missing(
    people: dict[str, SyncClient], world: dict[str, str],
) -> None:
    rep, public = people["rep"], world["public"]
    _refused_like_missing(rep, "collateral_usage", lambda lead: {
        "collateral_id": public, "action": "shared", "lead_id": lead},
        world["other_lead"], world["own_lead"])
    _refused_like_missing(rep, "debrief", lambda lead: {
        "account": "Acme", "call_date": "2026-11-20", "lead_id": lead},
        world["other_lead"], world["own_lead"])
    _refused_like_missing(rep, "lead_outcome", lambda lead: {
        "lead_id": lead, "status": "contacted"}, world["other_lead"], world["own_lead"])


def test_usage_and_comments_naming_another_reps_debrief_are_refused_like_missing(
    people: dict[str, SyncClient], world: dict[str, str],
) -> None:
    rep = people["rep"]
    _refused_like_missing(rep, "collateral_usage", lambda d: {
        "collateral_id": world["public"], "action": "presented", "debrief_id": d},
        world["other_debrief"], world["own_debrief"])
    _refused_like_missing(rep, "debrief_comment", lambda d: {"debrief_id": d, "body": "Nice"},
                          world["other_debrief"], world["own_debrief"])


def test_a_manager_names_only_their_teams_work(
    people: dict[str, SyncClient], world: dict[str, str],
) -> None:
    manager = people["manager"]  # east: sees the east rep's lead, not the west rep's
    _refused_like_missing(manager, "collateral_usage", lambda lead: {
        "collateral_id": world["public"], "action": "shared", "lead_id": lead},
        world["other_lead"], world["own_lead"])
    # Unpublished collateral is theirs to see.
    assert _answer(manager, "collateral_feedback",
                   {"collateral_id": world["draft"], "rating": 3})["status"] == "applied"


def test_an_update_is_held_only_to_the_records_it_adds(
    people: dict[str, SyncClient], world: dict[str, str],
) -> None:
    rep, marketer = people["rep"], people["marketer"]
    shown = new_id()
    marketer.push_one("collateral", shown, {"title": "Soon retired", "status": "approved"})
    debrief_id = new_id()
    made = rep.push_one("debrief", debrief_id, {
        "account": "Acme", "call_date": "2026-11-20",
        "collateral_used": [{"collateral_id": shown, "helpful": True}]})
    assert made["status"] == "applied"
    retired = marketer.visible("collateral")[("collateral", shown)]["version"]
    marketer.push_one("collateral", shown, {"status": "retired"}, base=retired)
    version = made["version"]
    # Still editable, and the retired one may stay in the list beside a new one it sees.
    notes = rep.push_one("debrief", debrief_id, {"notes": "more"}, base=version)
    assert notes["status"] == "applied"
    more = rep.push_one("debrief", debrief_id, {"collateral_used": [
        {"collateral_id": shown, "helpful": True},
        {"collateral_id": world["public"], "helpful": False}]}, base=notes["version"])
    assert more["status"] == "applied", more
    hidden = rep.push_one("debrief", debrief_id, {"lead_id": world["other_lead"]},
                          base=more["version"])
    missing = rep.push_one("debrief", debrief_id, {"lead_id": new_id()}, base=more["version"])
    assert hidden["status"] == missing["status"] == "rejected"
    assert hidden["problem"] == missing["problem"]


def test_a_delete_of_a_hidden_record_is_answered_as_for_a_missing_one(
    people: dict[str, SyncClient], world: dict[str, str],
) -> None:
    rep = people["rep"]
    hidden = rep.push(mutation("lead", world["other_lead"], op="delete"))[0]
    missing = rep.push(mutation("lead", new_id(), op="delete"))[0]
    assert hidden["status"] == missing["status"] == "rejected"
    assert hidden["problem"] == missing["problem"]
    assert people["rep2"].visible("lead")[("lead", world["other_lead"])]["deleted"] is False


def test_a_withdrawal_names_only_an_outcome_its_writer_sees(
    people: dict[str, SyncClient], world: dict[str, str],
) -> None:
    rep, rep2 = people["rep"], people["rep2"]
    theirs = new_id()
    assert rep2.push_one("lead_outcome", theirs, {
        "lead_id": world["other_lead"], "status": "contacted"})["status"] == "applied"
    mine = new_id()
    assert rep.push_one("lead_outcome", mine, {
        "lead_id": world["own_lead"], "status": "contacted"})["status"] == "applied"
    _refused_like_missing(rep, "lead_outcome", lambda o: {
        "lead_id": world["own_lead"], "status": "contacted", "retracts": o}, theirs, mine)


def test_marketing_names_only_collateral_that_is_there(
    people: dict[str, SyncClient], world: dict[str, str],
) -> None:
    marketer = people["marketer"]
    _refused_like_missing(marketer, "collateral", lambda c: {
        "title": "Sheet v2", "supersedes_id": c}, new_id(), world["draft"])
    request_id = new_id()
    base = people["rep"].push_one("collateral_request", request_id, {"title": "Deck"})["version"]
    missing = marketer.push_one("collateral_request", request_id,
                                {"status": "delivered", "collateral_id": new_id()}, base=base)
    assert missing["status"] == "rejected" and "cannot see it" in missing["problem"]["detail"]
    delivered = marketer.push_one("collateral_request", request_id,
                                  {"status": "delivered", "collateral_id": world["draft"]},
                                  base=base)
    assert delivered["status"] == "applied", delivered
