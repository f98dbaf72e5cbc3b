"""The hub holds pushed leads to the lead rules (fieldnote.leads) over real HTTP: a lead marked
for follow-up without the visitor's consent is rejected with a 422 problem naming the field;
older pushes that send consent without the newer evidence keep working."""

from __future__ import annotations

from fieldnote.ids import new_id
from tests.hub.client import SyncClient, lead_fields, mutation


def test_follow_up_without_consent_is_rejected_naming_the_field(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    lead_id = new_id()
    answer = rep.push(mutation("lead", lead_id, lead_fields(follow_up=True, consent_contact=False)))[0]
    assert answer["status"] == "rejected"
    problem = answer["problem"]
    assert problem["status"] == 422
    assert [e["field"] for e in problem["errors"]] == ["follow_up"]
    assert "consent" in problem["errors"][0]["message"]
    assert ("lead", lead_id) not in rep.visible("lead")


def test_an_update_cannot_set_follow_up_on_a_lead_without_consent(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    lead_id = new_id()
    created = rep.push_one("lead", lead_id, lead_fields(consent_contact=False))
    assert created["status"] == "applied"
    answer = rep.push_one("lead", lead_id, {"follow_up": True}, base=created["version"])
    assert answer["status"] == "rejected"
    assert answer["problem"]["errors"][0]["field"] == "follow_up"
    # With consent, follow-up is fine.
    ok = rep.push_one("lead", new_id(), lead_fields(follow_up=True, consent_contact=True))
    assert ok["status"] == "applied"


def test_a_lead_needs_something_that_identifies_the_visitor(people: dict[str, SyncClient]) -> None:
    answer = people["rep"].push_one("lead", new_id(), {"first_name": "Ana", "company": "Zenith",
                                                         "captured_at": "2026-11-24T10:15:00Z"})
    assert answer["status"] == "rejected"
    assert answer["problem"]["errors"][0]["field"] == "email"
    assert "at least one of" in answer["problem"]["errors"][0]["message"]


def test_an_older_push_with_consent_and_no_evidence_fields_is_applied(people: dict[str, SyncClient]) -> None:
    # "Consent on the wire": consent_contact true with only the wording version, as older
    # desktops send it, is accepted as sent.
    rep = people["rep"]
    lead_id = new_id()
    answer = rep.push_one("lead", lead_id, lead_fields(
        consent_contact=True, consent_text_version="2025-06", follow_up=True))
    assert answer["status"] == "applied"
    fields = rep.visible("lead")[("lead", lead_id)]["fields"]
    assert fields["consent_contact"] is True and fields["follow_up"] is True
    assert fields["consent_text_version"] == "2025-06"
