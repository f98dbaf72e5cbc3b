"""Kiosk mode's rules (fieldnote.kiosk): the PIN, its throttling, and the lead a visitor's own
entry makes."""

from __future__ import annotations

from fieldnote import kiosk
from fieldnote.kinds import NAME_MAX

AT = "2026-05-01T10:00:00Z"
WORDING = {"id": "01930000-0000-7000-8000-0000000000c1", "version": 3}


def test_a_pin_is_four_to_twelve_digits():
    assert kiosk.pin_problem("1234") is None and kiosk.pin_problem("1" * 12) is None
    assert kiosk.pin_problem("123") and kiosk.pin_problem("1" * 13)
    assert kiosk.pin_problem("12a4") and kiosk.pin_problem("١٢٣٤")  # Arabic-Indic digits


def test_the_waits_begin_after_the_free_tries_and_double_up_to_the_longest():
    free = kiosk.FREE_TRIES
    assert [kiosk.wait_after(n) for n in range(free)] == [0.0] * free
    assert kiosk.wait_after(free) == kiosk.FIRST_WAIT_S
    assert kiosk.wait_after(free + 1) == 2 * kiosk.FIRST_WAIT_S
    assert kiosk.wait_after(free + 30) == kiosk.LONGEST_WAIT_S


def test_the_lock_keeps_a_hash_counts_wrong_tries_and_refuses_early_ones():
    pin_hash = kiosk.hash_pin("4321")
    assert "4321" not in pin_hash and pin_hash.startswith("$argon2id$")
    lock = kiosk.PinLock(pin_hash)
    for n in range(kiosk.FREE_TRIES):
        assert lock.check("0000", 100.0) is False
        assert lock.failures == n + 1
    assert lock.wait_left(100.0) == kiosk.FIRST_WAIT_S
    assert lock.check("4321", 101.0) is None  # too soon: not even the right PIN
    assert lock.failures == kiosk.FREE_TRIES
    assert lock.check("4321", 100.0 + kiosk.FIRST_WAIT_S) is True
    assert (lock.failures, lock.wait_left(0.0)) == (0, 0.0)
    assert kiosk.PinLock("not a hash").check("4321", 0.0) is False


def test_a_visitors_entry_is_a_kiosk_lead_with_their_consent():
    lead = kiosk.visitor_lead({"first_name": " Ana\x00 ", "last_name": "Silva\nda Costa",
                               "email": "ana@zenith.example", "company": ""},
                              event_id="e1", scored={"score": 40, "grade": "warm"},
                              consent=True, wording=WORDING, at=AT)
    assert lead["first_name"] == "Ana" and lead["last_name"] == "Silva da Costa"
    assert "company" not in lead
    assert (lead["source"], lead["event_id"], lead["grade"], lead["captured_at"]) == (
        "kiosk", "e1", "warm", AT)
    assert (lead["consent_contact"], lead["consent_method"], lead["consent_wording_id"],
            lead["consent_text_version"], lead["follow_up"]) == (
        True, "visitor", WORDING["id"], "3", True)
    signed = kiosk.visitor_lead({"email": "a@b.example"}, event_id=None, scored=None,
                                consent=True, wording=None, at=AT, signature_sha256="ab" * 32)
    assert (signed["consent_method"], signed["consent_signature_sha256"]) == ("signature", "ab" * 32)
    refused = kiosk.visitor_lead({"email": "a@b.example"}, event_id=None, scored=None,
                                 consent=False, wording=WORDING, at=AT, signature_sha256="ab" * 32)
    assert (refused["consent_contact"], refused["follow_up"]) == (False, False)
    assert "consent_signature_sha256" not in refused


def test_cleaning_and_lengths():
    assert kiosk.needs_cleaning("Zen\x1bith") and not kiosk.needs_cleaning("  Zenith ")
    assert kiosk.too_long({"company": "x" * (NAME_MAX + 1), "email": "x" * NAME_MAX}) == [
        "company"]
