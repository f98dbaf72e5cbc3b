"""The capture form says whether a visitor is already known (a lead anywhere, a customer, whose)
while the email is typed or after a scan, without the UI thread ever waiting for the answer."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from desktop.ui.leads.page import LeadsPage
from tests.desktop.leads.conftest import EVENT_ID, add_event

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def open_capture(qtbot, services):
    add_event(services.store)
    page = LeadsPage(services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.create_new()
    page.capture.set_event(EVENT_ID)
    return page.capture


def count_answers(capture):
    """Count the answers the form receives (it wires each look-up to `_on_looked_up`)."""
    delivered = []
    shown = capture._on_looked_up

    def on_looked_up(result):
        shown(result)
        delivered.append(result.email)

    capture._on_looked_up = on_looked_up
    return delivered


def known_customer(store):
    lead_id = store.save("lead", {"last_name": "Silva", "email": "ana@zenith.example",
                                  "captured_at": "2026-10-02T09:00:00Z"}).record_id
    store.save("lead_outcome", {"lead_id": lead_id, "status": "won", "amount": 5000,
                                "at": "2026-11-03T10:00:00Z"})


def test_typing_a_known_email_shows_the_customer_from_the_cache(qtbot, services):
    known_customer(services.store)
    capture = open_capture(qtbot, services)
    qtbot.keyClicks(capture.inputs["email"], "Ana@Zenith.example")
    qtbot.waitUntil(capture.known_label.isVisible)
    text = capture.known_label.text()
    assert "Already a customer" in text and "2026-11-03" in text
    assert "as of the last sync" in text  # nobody signed in: this device's cache answered
    assert "5000" not in text


def test_a_scanned_new_visitor_shows_nothing_and_a_known_one_is_named(qtbot, services):
    known_customer(services.store)
    capture = open_capture(qtbot, services)
    delivered = count_answers(capture)
    capture.read_payload("newcomer@example.com", "scan")
    qtbot.waitUntil(lambda: delivered == ["newcomer@example.com"])
    assert not capture.known_label.isVisible()
    capture.read_payload("ana@zenith.example", "scan")
    qtbot.waitUntil(capture.known_label.isVisible)
    # Clearing the form clears the answer with it.
    capture.clear_form()
    assert not capture.known_label.isVisible()


def test_a_slow_hub_never_blocks_the_form(qtbot, services):
    release = threading.Event()
    real = services.look_up

    def slow(email):
        release.wait(20)  # a hub that takes its time
        return real(email)

    services.look_up = slow
    known_customer(services.store)
    capture = open_capture(qtbot, services)
    capture.inputs["email"].setText("ana@zenith.example")
    capture.look_up_email()
    # The UI thread goes on: the rep types the next field while the answer is out.
    qtbot.keyClicks(capture.inputs["company"], "Zenith")
    qtbot.keyClick(capture.inputs["company"], Qt.Key.Key_Tab)
    assert capture.inputs["company"].text() == "Zenith"
    assert not capture.known_label.isVisible()
    release.set()
    qtbot.waitUntil(capture.known_label.isVisible)


def test_an_answer_about_an_email_typed_over_is_dropped(qtbot, services):
    release = threading.Event()
    real = services.look_up

    def slow(email):
        release.wait(20)
        return real(email)

    services.look_up = slow
    known_customer(services.store)
    capture = open_capture(qtbot, services)
    delivered = count_answers(capture)
    capture.inputs["email"].setText("ana@zenith.example")
    capture.look_up_email()
    capture.inputs["email"].setText("someone.else@example.com")
    release.set()
    capture.look_up_email()
    qtbot.waitUntil(lambda: len(delivered) == 2)
    assert not capture.known_label.isVisible()
