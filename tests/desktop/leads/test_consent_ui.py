"""Consent in the window: the capture form records consent under marketing's synced wording with
the method "checkbox", and the lead's detail shows every statement and withdraws consent."""

from __future__ import annotations

import pytest

from desktop.store.consent import ConsentBook
from tests.desktop.leads.conftest import EVENT_ID, REP, add_event
from tests.desktop.leads.test_capture import open_capture
from tests.desktop.leads.test_list_and_events import add_lead, make_page, select_first

# A wording's text set on a shown form resizes it; the offscreen platform says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def test_the_capture_form_records_consent_under_the_events_synced_wording(qtbot, services):
    add_event(services.store)
    consent = ConsentBook(services.store)
    default = consent.save_wording({"name": "Default", "text": "We may email you.",
                                    "is_default": True})
    _page, capture = open_capture(qtbot, services)
    capture.set_event(EVENT_ID)
    qtbot.waitUntil(lambda: "We may email you." in capture.wording.text())
    own = consent.save_wording({"name": "Expo", "text": "The organiser may pass on your badge."})
    services.store.save("event", {"consent_wording_id": own.record_id}, EVENT_ID)
    qtbot.waitUntil(lambda: "organiser may pass" in capture.wording.text())
    capture.consent.setChecked(True)
    capture.inputs["email"].setText("ana@zenith.example")
    capture.save()
    qtbot.waitUntil(lambda: services.store.count("lead") == 1)
    lead = services.store.all("lead")[0]
    assert (lead["consent_contact"], lead["consent_method"], lead["consent_wording_id"],
            lead["consent_text_version"]) == (True, "checkbox", own.record_id, "1")
    assert lead["consent_captured_by"] == REP["id"]
    assert default.record_id != own.record_id


def test_the_detail_shows_the_consent_history_and_withdraws_consent(qtbot, services):
    wording = ConsentBook(services.store).save_wording({"name": "Booth", "text": "May we?"})
    lead_id = add_lead(services.store, "Okafor", consent_contact=True, consent_method="checkbox",
                       consent_wording_id=wording.record_id, consent_text_version="1",
                       consent_at="2026-04-20T10:00:00Z", follow_up=True)
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    assert detail.lead_id == lead_id
    assert detail.withdraw_button.isVisible() and detail.withdraw_button.isEnabled()
    assert "Booth v1, checkbox on the capture form" in detail.consent_history.text()
    assert "checkbox on the capture form" in detail.consent_history.text()
    task = detail.withdraw_consent("verbal")
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: not detail.withdraw_button.isVisible())
    lead = services.store.get("lead", lead_id)
    assert (lead["consent_contact"], lead["follow_up"], lead["consent_method"]) == (
        False, False, "verbal")
    lines = detail.consent_history.text().splitlines()
    assert len(lines) == 2 and lines[0].startswith("Given") and lines[1].startswith("Not given")
    assert "verbally" in lines[1]
