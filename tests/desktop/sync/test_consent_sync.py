"""Consent evidence travels between two devices through a real hub: marketing's wording reaches
the rep's device, the rep's consent under it reaches marketing's with its evidence, and a
withdrawal made on marketing's device reaches the rep's with the consent kept in the history;
a marketing export there leaves the lead out."""

from __future__ import annotations

from desktop.store.consent import ConsentBook
from desktop.store.leads import LeadBook
from desktop.sync.state import Outcome
from fieldnote.consent import given_statement

AT = "2026-05-01T10:00:00Z"


def _synced(device) -> None:  # type: ignore[no-untyped-def]
    report = device.run()
    assert report.outcome is Outcome.OK, report.message
    assert report.digest_matched


def test_consent_evidence_and_its_withdrawal_sync_between_two_devices(make_device):
    marketer = make_device("marketer", "marketer@example.com")
    rep = make_device("rep")
    wording_id = ConsentBook(marketer.store).save_wording(
        {"name": "Booth", "text": "We may contact you about our products.", "is_default": True},
    ).record_id
    _synced(marketer)
    _synced(rep)
    wording = ConsentBook(rep.store).current()
    assert wording is not None and wording["id"] == wording_id and wording["version"] == 1

    lead_id = rep.store.save("lead", {
        "last_name": "Silva", "email": "ana@zenith.example", "captured_at": AT,
        "follow_up": True, **given_statement(wording, "checkbox", AT)}).record_id
    _synced(rep)
    _synced(marketer)
    seen = marketer.store.get("lead", lead_id)
    rep_id = rep.store.get_state("user")["id"]
    assert (seen["consent_method"], seen["consent_wording_id"], seen["consent_text_version"],
            seen["consent_captured_by"]) == ("checkbox", wording_id, "1", rep_id)

    consent = ConsentBook(marketer.store)
    [found] = consent.leads_of("ANA@zenith.example")
    consent.withdraw(found["id"], "verbal")
    _synced(marketer)
    _synced(rep)
    after = rep.store.get("lead", lead_id)
    assert (after["consent_contact"], after["follow_up"], after["consent_method"]) == (
        False, False, "verbal")
    assert after["consent_captured_by"] == marketer.store.get_state("user")["id"]
    [earlier] = after["consent_history"]
    assert (earlier["given"], earlier["method"], earlier["wording_id"], earlier["captured_by"]) \
        == (True, "checkbox", wording_id, rep_id)
    book = LeadBook(rep.store)
    try:
        export = book.export_file("hubspot")
    finally:
        book.dispose()
    assert (export.written, export.left_out) == (0, 1)
    assert b"ana@zenith.example" not in export.data
