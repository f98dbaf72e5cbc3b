"""Consent as evidence (fieldnote.consent): statements, their history, withdrawal, wordings."""

from __future__ import annotations

from fieldnote.consent import (
    UNSPECIFIED,
    consent_history,
    current_wording,
    derived_fields,
    derives,
    given_statement,
    withdrawal,
)
from fieldnote.kinds import CONSENT_METHODS, LEAD
from fieldnote.leads import check_lead
from fieldnote.validation import clean_fields

AT, LATER = "2026-05-01T10:00:00Z", "2026-06-01T09:00:00Z"
WORDING = {"id": "0193aaaa-0000-7000-8000-00000000c001", "version": 3, "text": "May we…"}


def test_the_methods_are_the_ones_the_wire_names():
    assert CONSENT_METHODS == ("checkbox", "visitor", "signature", "badge-organiser-terms",
                               "verbal", "imported", "unspecified")
    assert LEAD.by_name["consent_captured_by"].server_set
    assert LEAD.by_name["consent_history"].server_set


def test_a_statement_with_evidence_records_who_took_it():
    given = given_statement(WORDING, "checkbox", AT)
    assert given["consent_wording_id"] == WORDING["id"] and given["consent_text_version"] == "3"
    assert derived_fields("lead", None, given, "u-rep", AT) == {"consent_captured_by": "u-rep"}


def test_consent_sent_without_evidence_is_unspecified_and_takes_no_earlier_evidence():
    # An older desktop: consent_contact and its own wording version, nothing else.
    old = {"consent_contact": True, "consent_text_version": "2026-01", "consent_at": AT}
    assert derived_fields("lead", None, old, "u-rep", AT) == {
        "consent_captured_by": "u-rep", "consent_wording_id": None,
        "consent_signature_sha256": None, "consent_method": UNSPECIFIED}
    before = {**given_statement(WORDING, "signature", AT, "ab" * 32),
              "consent_captured_by": "u-rep"}
    refused = derived_fields("lead", before, {"consent_contact": False}, "u-mo", LATER)
    assert refused["consent_wording_id"] is None and refused["consent_signature_sha256"] is None
    assert refused["consent_method"] == UNSPECIFIED


def test_a_new_statement_keeps_the_earlier_one_in_the_history():
    first = {**given_statement(WORDING, "checkbox", AT), "consent_captured_by": "u-rep"}
    derived = derived_fields("lead", first, withdrawal(LATER, "verbal"), "u-mo", LATER)
    assert derived["consent_captured_by"] == "u-mo"
    [earlier] = derived["consent_history"]
    assert earlier == {"given": True, "at": AT, "version": "3", "wording_id": WORDING["id"],
                       "method": "checkbox", "captured_by": "u-rep", "signature_sha256": None}
    lead = {**first, **withdrawal(LATER, "verbal"), **derived}
    history = consent_history(lead)
    assert [(h["given"], h["method"], h["captured_by"]) for h in history] == [
        (True, "checkbox", "u-rep"), (False, "verbal", "u-mo")]


def test_a_write_that_leaves_consent_alone_derives_nothing():
    lead = {**given_statement(WORDING, "checkbox", AT), "consent_captured_by": "u-rep"}
    assert not derives("lead", {"notes": "x"})
    assert derived_fields("lead", lead, {"notes": "x"}, "u-mo", LATER) == {}
    # The same statement sent again is no new statement.
    assert derived_fields("lead", lead, given_statement(WORDING, "checkbox", AT), "u-mo",
                          LATER) == {}
    assert derived_fields("event", None, {"name": "Expo"}, "u-mo", AT) == {}


def test_a_withdrawal_ends_follow_up_and_passes_the_lead_rules():
    lead = {"last_name": "Silva", "captured_at": AT, "follow_up": True,
            **given_statement(WORDING, "checkbox", AT)}
    after = {**lead, **withdrawal(LATER)}
    assert after["follow_up"] is False and after["consent_contact"] is False
    assert check_lead(after) == []
    assert clean_fields("lead", withdrawal(LATER), partial=True)["consent_method"] == UNSPECIFIED


def test_each_change_of_a_wording_text_is_its_next_version():
    made = derived_fields("consent_wording", None, {"name": "Booth", "text": "A"}, "u-mo", AT)
    assert made == {"version": 1, "versions": [{"version": 1, "text": "A", "since": AT}]}
    wording = {"name": "Booth", "text": "A", **made}
    assert derived_fields("consent_wording", wording, {"name": "Stand"}, "u-mo", LATER) == {}
    again = derived_fields("consent_wording", wording, {"text": "B"}, "u-mo", LATER)
    assert again["version"] == 2
    assert [v["text"] for v in again["versions"]] == ["A", "B"]


def test_the_current_wording_is_the_events_else_the_newest_default():
    old = {"id": "w-old", "is_default": True, "versions": [{"since": AT}]}
    new = {"id": "w-new", "is_default": True, "versions": [{"since": LATER}]}
    own = {"id": "w-own", "versions": [{"since": AT}]}
    gone = {"id": "w-gone", "deleted": True}
    wordings = [old, new, own, gone]
    assert current_wording(wordings)["id"] == "w-new"
    assert current_wording(wordings, {"consent_wording_id": "w-own"})["id"] == "w-own"
    assert current_wording(wordings, {"consent_wording_id": "w-gone"})["id"] == "w-new"
    assert current_wording([own]) is None
