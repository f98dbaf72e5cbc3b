"""The hub routes a lead that arrives by the routing rules (fieldnote.routing) over real HTTP:
the first matching rule names the owner, else the capturing rep keeps it; the capturer's device
is told the lead left it; only marketers and managers write the rules, which the hub checks."""

from __future__ import annotations

from typing import Any

from fieldnote.ids import new_id
from fieldnote.routing import ROUTING_ID
from hub import accounts
from tests.hub.client import SyncClient, lead_fields, mutation


def _rules(who: SyncClient, rules: list[dict[str, Any]], base: int = 0) -> dict[str, Any]:
    return who.push_one("routing", ROUTING_ID, {"rules": rules}, base=base)


def test_a_matching_rule_hands_the_lead_to_its_owner_and_the_capturer_loses_it(
        people: dict[str, SyncClient]) -> None:
    rep, rep2 = people["rep"], people["rep2"]
    assert _rules(people["marketer"], [
        {"when": {"grade": "hot", "country": "DE"}, "assign": "rep2@test.fieldnote"},
    ])["status"] == "applied"
    _, cursor = rep.pull_all()
    hot_de, warm_de = new_id(), new_id()
    answers = rep.push(mutation("lead", hot_de, lead_fields(grade="hot", country="Germany")),
                       mutation("lead", warm_de, lead_fields(grade="warm", country="DE")))
    assert [a["status"] for a in answers] == ["applied", "applied"]
    theirs = rep2.visible("lead")
    assert theirs[("lead", hot_de)]["fields"]["owner_id"] == rep2.id
    assert theirs[("lead", hot_de)]["fields"]["captured_by"] == rep.id
    assert ("lead", warm_de) not in theirs
    changes, _ = rep.pull_all(cursor)
    assert changes[("lead", hot_de)]["deleted"] is True  # it left the capturer's device
    assert changes[("lead", warm_de)]["fields"]["owner_id"] == rep.id


def test_a_rule_naming_a_disabled_or_unknown_user_is_passed_over(
        hub: Any, people: dict[str, SyncClient]) -> None:
    hub.add_user("gone@test.fieldnote", "Gone", "rep", "east")
    accounts.set_active(hub.engine, "gone@test.fieldnote", False)
    _rules(people["manager"], [
        {"when": {}, "assign": "nobody@test.fieldnote"},
        {"when": {}, "assign": "gone@test.fieldnote"},
        {"when": {"team": "EAST"}, "assign": "rep2@test.fieldnote"},
    ])
    lead_id = new_id()
    assert people["rep"].push_one("lead", lead_id, lead_fields())["status"] == "applied"
    assert people["rep2"].visible("lead")[("lead", lead_id)]["fields"]["owner_id"] == \
        people["rep2"].id
    # The west rep's team matches no rule: the lead stays theirs.
    other = new_id()
    people["rep2"].push_one("lead", other, lead_fields())
    assert people["rep2"].visible("lead")[("lead", other)]["fields"]["owner_id"] == \
        people["rep2"].id


def test_only_marketers_and_managers_write_the_rules(people: dict[str, SyncClient]) -> None:
    answer = _rules(people["rep"], [{"when": {}, "assign": "rep@test.fieldnote"}])
    assert answer["status"] == "rejected" and answer["problem"]["status"] == 403
    assert "marketers and managers" in answer["problem"]["detail"]
    assert _rules(people["admin"], [])["status"] == "rejected"
    # Everyone reads them.
    made = _rules(people["marketer"], [])
    assert made["status"] == "applied"
    assert ("routing", ROUTING_ID) in people["rep"].visible("routing")


def test_bad_rules_are_rejected_naming_the_field(people: dict[str, SyncClient]) -> None:
    answer = _rules(people["marketer"], [{"when": {"country": "Germany"}, "assign": "a@b.co"}])
    assert answer["status"] == "rejected"
    (error,) = answer["problem"]["errors"]
    assert error["field"] == "rules" and "Rule 1: country" in error["message"]

