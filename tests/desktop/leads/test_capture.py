"""The capture screen as a rep uses it: scanner bursts, Enter, Ctrl+Z, duplicates, hostile input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.ui.leads.page import CAPTURE, LeadsPage
from tests.desktop.leads.conftest import EVENT_ID, add_event

# The offscreen platform says this whenever a top-level widget's size limits change.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

VCARD_LINES = ["BEGIN:VCARD", "VERSION:3.0", "N:Silva;Ana", "FN:Ana Silva", "ORG:Zenith GmbH",
               "TITLE:Head of Events", "EMAIL:ana.silva@zenith.example", "TEL:+49 30 1234567",
               "END:VCARD"]


def open_capture(qtbot, services):
    page = LeadsPage(services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.create_new()
    assert page.current_view() == CAPTURE
    capture = page.capture
    qtbot.waitUntil(capture.scan.hasFocus)
    return page, capture


def scan_burst(qtbot, capture, lines):
    """Type a payload the way a badge scanner does: fast keys, Enter between lines and at the end."""
    for line in lines:
        qtbot.keyClicks(capture.scan, line)
        qtbot.keyClick(capture.scan, Qt.Key.Key_Return)


def test_a_scanner_burst_fills_the_form_and_enter_saves_the_lead(qtbot, services):
    add_event(services.store)
    page, capture = open_capture(qtbot, services)
    capture.set_event(EVENT_ID)
    scan_burst(qtbot, capture, VCARD_LINES)
    qtbot.waitUntil(lambda: capture.inputs["last_name"].text() == "Silva")
    assert capture.inputs["company"].text() == "Zenith GmbH"
    assert capture.inputs["email"].text() == "ana.silva@zenith.example"
    assert capture.scan.hasFocus()
    qtbot.keyClick(capture.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: services.store.count("lead") == 1)
    lead = services.store.all("lead")[0]
    assert (lead["first_name"], lead["last_name"], lead["title"]) == ("Ana", "Silva", "Head of Events")
    assert lead["phone"] == "+49301234567"
    assert lead["source"] == "scan"
    assert lead["event_id"] == EVENT_ID
    assert lead["badge_raw"] == "\n".join(VCARD_LINES)
    assert lead["owner_id"] == services.user["id"]
    # The record and its outbox entry were written together.
    assert services.store.outbox_counts()["pending"] >= 1
    qtbot.waitUntil(lambda: capture.inputs["last_name"].text() == "")
    assert capture.scan.hasFocus()
    qtbot.waitUntil(lambda: "1 at this event" in capture.counter.text())
    assert "1 today" in capture.counter.text()


def test_a_code128_badge_number_becomes_the_badge_id(qtbot, services):
    _page, capture = open_capture(qtbot, services)
    scan_burst(qtbot, capture, ["A1234567"])
    qtbot.waitUntil(lambda: capture.inputs["badge_id"].text() == "A1234567")
    qtbot.keyClick(capture.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: services.store.count("lead") == 1)
    lead = services.store.all("lead")[0]
    assert lead["badge_id"] == "A1234567"
    assert lead["badge_raw"] == "A1234567"


def test_an_unknown_payload_is_kept_whole_and_explained(qtbot, services):
    _page, capture = open_capture(qtbot, services)
    payload = "@@## ??? ~~ ###"
    scan_burst(qtbot, capture, [payload])
    qtbot.waitUntil(lambda: "kept whole" in capture.message.text())
    capture.inputs["last_name"].setText("Okafor")
    capture.save()
    qtbot.waitUntil(lambda: services.store.count("lead") == 1)
    lead = services.store.all("lead")[0]
    assert lead["badge_raw"] == payload
    assert lead["last_name"] == "Okafor"


def test_answers_score_live_and_are_saved_with_the_rubric_version(qtbot, services):
    add_event(services.store)
    _page, capture = open_capture(qtbot, services)
    capture.set_event(EVENT_ID)
    assert services.settings.current_event_id == EVENT_ID
    capture.inputs["last_name"].setText("Lindqvist")
    capture.rubric_form.set_answers({"budget": "confirmed", "timeframe": "0-3m", "authority": "decision_maker",
                                     "employees": 1200, "interest": "high"})
    assert capture.rubric_form.grade_label.text() == "Hot"
    assert capture.rubric_form.qualified_label.text() == "Qualified"
    capture.save()
    qtbot.waitUntil(lambda: services.store.count("lead") == 1)
    lead = services.store.all("lead")[0]
    assert (lead["grade"], lead["qualified"], lead["rubric_version"]) == ("hot", True, 1)
    assert lead["score"] == 25 + 20 + 20 + 15 + 10
    assert lead["answers"]["employees"] == 1200


def test_the_event_is_remembered_for_the_next_start(qtbot, services, tmp_path):
    add_event(services.store)
    _page, capture = open_capture(qtbot, services)
    capture.set_event(EVENT_ID)
    from desktop.settings import Settings

    assert Settings.load(tmp_path).current_event_id == EVENT_ID
    again = LeadsPage(services)
    qtbot.addWidget(again)
    assert again.capture.current_event_id() == EVENT_ID


def test_follow_up_needs_consent_and_consent_keeps_wording_and_time(qtbot, services):
    _page, capture = open_capture(qtbot, services)
    assert not capture.follow_up.isEnabled()
    capture.consent.setChecked(True)
    capture.follow_up.setChecked(True)
    capture.consent.setChecked(False)
    assert not capture.follow_up.isChecked()
    capture.consent.setChecked(True)
    capture.follow_up.setChecked(True)
    capture.inputs["email"].setText("ana@zenith.example")
    capture.save()
    qtbot.waitUntil(lambda: services.store.count("lead") == 1)
    lead = services.store.all("lead")[0]
    assert lead["consent_contact"] is True and lead["follow_up"] is True
    assert lead["consent_text_version"] == services.settings.consent_text_version
    assert lead["consent_at"].endswith("Z")


def test_ctrl_z_reopens_the_last_lead_and_enter_updates_it(qtbot, services):
    _page, capture = open_capture(qtbot, services)
    capture.inputs["last_name"].setText("Okafor")
    capture.save()
    qtbot.waitUntil(lambda: capture.last_saved_id is not None)
    qtbot.keyClick(capture.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert capture.inputs["last_name"].text() == "Okafor"
    capture.inputs["company"].setText("Zenith")
    qtbot.keyClick(capture.inputs["company"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (services.store.all("lead")[0].get("company")) == "Zenith")
    assert services.store.count("lead") == 1


def test_phone_and_email_problems_warn_but_never_block(qtbot, services):
    services.settings.phone_region = "DE"
    _page, capture = open_capture(qtbot, services)
    capture.inputs["phone"].setText("030 1234567")
    capture.inputs["phone"].editingFinished.emit()
    assert capture.inputs["phone"].text() == "+49301234567"
    capture.inputs["email"].setText("ana@@zenith")
    capture.inputs["email"].editingFinished.emit()
    assert capture.email_warning.isVisibleTo(capture)
    capture.inputs["last_name"].setText("Silva")
    capture.save()
    qtbot.waitUntil(lambda: capture.last_saved_id is not None)
    lead = services.store.all("lead")[0]
    assert lead["email"] is None
    assert "ana@@zenith" in lead["notes"]


def test_slow_typing_is_not_a_scan_until_enter(qtbot, services):
    from desktop.ui.leads.scan_field import ScanField

    field = ScanField()
    qtbot.addWidget(field)
    got = []
    field.scanned.connect(lambda text, how: got.append((text, how)))
    qtbot.keyClicks(field, "A123", delay=60)  # a person's pace: no burst, nothing read yet
    qtbot.wait(150)
    assert got == [] and field.payload() == "A123"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert got == [("A123", "typed")]
    qtbot.keyClicks(field, "B9876543")  # a scanner's pace, no Enter: read when the keys stop
    qtbot.waitUntil(lambda: len(got) == 2)
    assert got[1] == ("B9876543", "scan")


def test_the_form_refuses_follow_up_without_consent_with_a_message(qtbot, services):
    # A lead stored before the rule (follow-up set, consent missing) opened for editing:
    # Enter is refused with the rule's message and nothing reaches the store or the outbox.
    from sqlalchemy import update

    from desktop.store.schema import record_tables

    rid = services.store.save("lead", {"last_name": "Berg", "consent_contact": True,
                                       "follow_up": True, "captured_at": "2026-04-20T10:00:00Z"}).record_id
    leads = record_tables["lead"]
    with services.store.engine.begin() as conn:
        conn.execute(update(leads).where(leads.c.id == rid).values(consent_contact=False))
    pending = services.store.outbox_counts()["pending"]
    _page, capture = open_capture(qtbot, services)
    capture.load(services.store.get("lead", rid), rid)
    assert capture.follow_up.isChecked() and not capture.consent.isChecked()
    capture.inputs["company"].setText("Acme")
    capture.save()
    assert "follow-up needs the visitor's consent" in capture.message.text()
    assert capture.consent.hasFocus()
    assert services.store.get("lead", rid)["company"] is None
    assert services.store.outbox_counts()["pending"] == pending
    capture.consent.setChecked(True)
    capture.follow_up.setChecked(True)
    capture.save()
    qtbot.waitUntil(lambda: services.store.get("lead", rid)["company"] == "Acme")
