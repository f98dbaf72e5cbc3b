"""Consent as evidence on the hub (fieldnote.consent), over real HTTP on SQLite and PostgreSQL:
marketing's wordings are versioned and no rep makes one up; a lead's consent keeps its
evidence, its recorder from the token and every earlier statement; older desktops' consent is
"unspecified"; a withdrawal is recorded, never an overwrite, and ends follow-up."""

from __future__ import annotations

import hashlib

from fieldnote.consent import given_statement, withdrawal
from fieldnote.ids import new_id
from tests.hub.client import SyncClient, lead_fields

AT, LATER = "2026-05-01T10:00:00Z", "2026-06-01T09:00:00Z"
SIGNATURE = b"\x89PNG\r\n\x1a\n" + b"a visitor's hand" * 10
SIGNATURE_SHA = hashlib.sha256(SIGNATURE).hexdigest()


def test_wordings_are_marketings_and_each_new_text_is_the_next_version(
        people: dict[str, SyncClient]) -> None:
    rep, marketer, admin = people["rep"], people["marketer"], people["admin"]
    refused = rep.push_one("consent_wording", new_id(), {"name": "Mine", "text": "Sure?"})
    assert refused["status"] == "rejected" and refused["problem"]["status"] == 403
    # A lead cannot name a wording that marketing did not make.
    made_up = rep.push_one("lead", new_id(), lead_fields(**given_statement(
        {"id": new_id(), "version": 1}, "checkbox", AT)))
    assert made_up["status"] == "rejected"
    assert "consent wording" in made_up["problem"]["detail"]

    wording_id = new_id()
    made = marketer.push_one("consent_wording", wording_id, {
        "name": "Booth", "text": "We may contact you about our products.", "is_default": True,
        "version": 7})  # a client's version is not taken
    assert made["status"] == "applied"
    changed = admin.push_one("consent_wording", wording_id, {"text": "We may email you."},
                             base=made["version"])
    assert changed["status"] == "applied"
    fields = rep.visible("consent_wording")[("consent_wording", wording_id)]["fields"]
    assert fields["version"] == 2 and fields["text"] == "We may email you."
    assert [v["text"] for v in fields["versions"]] == [
        "We may contact you about our products.", "We may email you."]


def test_a_leads_consent_keeps_its_evidence_and_a_withdrawal_keeps_the_consent(
        people: dict[str, SyncClient]) -> None:
    rep, marketer = people["rep"], people["marketer"]
    wording_id = new_id()
    assert marketer.push_one("consent_wording", wording_id, {
        "name": "Booth", "text": "We may contact you."})["status"] == "applied"
    lead_id = new_id()
    given = given_statement({"id": wording_id, "version": 1}, "signature", AT, SIGNATURE_SHA)
    # The signature's image goes up first: a lead naming a file the hub lacks is refused.
    early = rep.push_one("lead", lead_id, lead_fields(follow_up=True, **given))
    assert early["status"] == "rejected"
    assert early["problem"]["errors"][0]["field"] == "consent_signature_sha256"
    put = rep.http.put(f"{rep.hub.url}/v1/blobs/{SIGNATURE_SHA}", data=SIGNATURE, timeout=30)
    assert put.status_code == 201, put.text
    created = rep.push_one("lead", lead_id, lead_fields(follow_up=True, **given))
    assert created["status"] == "applied"
    fields = rep.visible("lead")[("lead", lead_id)]["fields"]
    assert (fields["consent_method"], fields["consent_wording_id"], fields["consent_text_version"],
            fields["consent_signature_sha256"]) == ("signature", wording_id, "1", SIGNATURE_SHA)
    assert fields["consent_captured_by"] == rep.id and not fields["consent_history"]

    # The visitor calls marketing: marketing records the withdrawal on the rep's lead.
    gone = marketer.push_one("lead", lead_id, withdrawal(LATER, "verbal"),
                             base=created["version"])
    assert gone["status"] == "applied", gone
    fields = rep.visible("lead")[("lead", lead_id)]["fields"]
    assert (fields["consent_contact"], fields["follow_up"], fields["consent_method"]) == (
        False, False, "verbal")
    assert fields["consent_captured_by"] == marketer.id
    [earlier] = fields["consent_history"]
    assert earlier == {"given": True, "at": AT, "version": "1", "wording_id": wording_id,
                       "method": "signature", "captured_by": rep.id,
                       "signature_sha256": SIGNATURE_SHA}
    # Marketing may withdraw, not give consent or edit the rep's lead otherwise.
    other = marketer.push_one("lead", lead_id, {"consent_contact": True}, base=gone["version"])
    assert other["status"] == "rejected"
    # Follow-up stays off without consent, whoever asks.
    again = rep.push_one("lead", lead_id, {"follow_up": True}, base=gone["version"])
    assert again["status"] == "rejected" and again["problem"]["errors"][0]["field"] == "follow_up"


def test_consent_from_an_older_desktop_is_unspecified_with_the_version_it_sent(
        people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    lead_id = new_id()
    answer = rep.push_one("lead", lead_id, lead_fields(
        consent_contact=True, consent_text_version="2025-06", consent_at=AT,
        consent_history=[{"given": False}], consent_captured_by=people["admin"].id))
    assert answer["status"] == "applied"
    fields = rep.visible("lead")[("lead", lead_id)]["fields"]
    assert (fields["consent_contact"], fields["consent_text_version"], fields["consent_method"],
            fields["consent_wording_id"]) == (True, "2025-06", "unspecified", None)
    # Server-set: the history and the recorder come from the hub, never from the client.
    assert fields["consent_captured_by"] == rep.id and not fields["consent_history"]
