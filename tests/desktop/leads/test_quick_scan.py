"""Quick scan now, qualify later: each scan is a lead at once (one keystroke per visitor, no
hub needed), and the event's "to qualify" queue walks them with the rubric, oldest first,
saying how many are left. A restart or a crash mid-queue loses nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QMimeData, Qt

from desktop.store.leads import LeadBook
from desktop.ui.leads.page import LeadsPage
from tests.desktop.leads.conftest import EVENT_ID, REP, add_event, make_services
from tests.support.typing_kill import type_then_kill

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

VISITORS = [("Lena", "Vogt", "Brightline"), ("Omar", "Haddad", "Keystone"),
            ("Ines", "Moreau", "Atelier Nord")]


def vcard(first, last, company):
    return ["BEGIN:VCARD", "VERSION:3.0", f"N:{last};{first}", f"FN:{first} {last}",
            f"ORG:{company}", f"EMAIL:{first.lower()}@{company.split()[0].lower()}.example",
            "END:VCARD"]


def open_capture(qtbot, services):
    add_event(services.store)
    page = LeadsPage(services)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.create_new()
    capture = page.capture
    capture.set_event(EVENT_ID)
    qtbot.waitUntil(capture.scan.hasFocus)
    return page, capture


def scan(qtbot, capture, lines):
    """A scanned payload as the scan field receives it whole (a paste: the field reads it at
    once). Keystroke bursts and where they end are the scan field's own tests; on a loaded
    machine a typed burst can pause long enough to be read as two scans."""
    mime = QMimeData()
    mime.setText("\n".join(lines))
    capture.scan.setFocus()
    capture.scan.insertFromMimeData(mime)


def scan_keys(qtbot, capture, lines):
    """A scanner's burst: fast keys, Enter between lines and at the end."""
    for line in lines:
        qtbot.keyClicks(capture.scan, line)
        qtbot.keyClick(capture.scan, Qt.Key.Key_Return)


def quick_scan_all(qtbot, services, capture, visitors=VISITORS):
    capture.quick_scan.setChecked(True)
    book = LeadBook(services.store)
    for n, visitor in enumerate(visitors, start=1):
        scan(qtbot, capture, vcard(*visitor))
        qtbot.waitUntil(lambda n=n: book.to_qualify_count(EVENT_ID) == n)
    book.dispose()


def test_each_quick_scan_is_a_lead_to_qualify_at_once_offline(qtbot, services):
    _page, capture = open_capture(qtbot, services)
    assert services.sync is None  # no hub: quick scan works offline like every capture
    quick_scan_all(qtbot, services, capture)
    leads = sorted(services.store.all("lead"), key=lambda lead: lead["captured_at"])
    assert [(lead["first_name"], lead["to_qualify"], lead["source"]) for lead in leads] == [
        ("Lena", True, "scan"), ("Omar", True, "scan"), ("Ines", True, "scan")]
    assert all(lead["event_id"] == EVENT_ID and lead["badge_raw"] for lead in leads)
    assert all(lead["grade"] is None and not lead["consent_contact"] for lead in leads)
    # Each waits in the outbox for the hub; the form stayed empty for the next visitor.
    queued = [e for e in services.store.outbox_entries() if e["kind"] == "lead"]
    assert sorted(e["record_id"] for e in queued) == sorted(lead["id"] for lead in leads)
    assert capture.inputs["last_name"].text() == ""
    assert capture.scan.hasFocus()
    # A badge number typed by hand and Enter is one visitor too.
    scan_keys(qtbot, capture, ["B-40712"])
    qtbot.waitUntil(lambda: capture.book.to_qualify_count(EVENT_ID) == 4)
    qtbot.waitUntil(lambda: capture.queue_button.isVisible()
                    and "4" in capture.queue_button.text())


def test_a_visitor_scanned_twice_is_saved_once(qtbot, services):
    _page, capture = open_capture(qtbot, services)
    quick_scan_all(qtbot, services, capture, VISITORS[:1])
    scan(qtbot, capture, vcard(*VISITORS[0]))
    qtbot.waitUntil(lambda: "already at this event" in capture.message.text())
    assert services.store.count("lead") == 1


def test_the_queue_walks_oldest_first_and_says_how_many_are_left(qtbot, services):
    _page, capture = open_capture(qtbot, services)
    quick_scan_all(qtbot, services, capture)
    capture.queue_button.click()
    assert capture.in_queue() and not capture.quick_scan.isChecked()
    for left, (first, _last, _company) in zip((3, 2, 1), VISITORS, strict=True):
        qtbot.waitUntil(lambda first=first: capture.inputs["first_name"].text() == first)
        assert f"{left} left" in capture.queue_label.text()
        capture.rubric_form.set_answers({"budget": "confirmed"})
        capture.save()
    qtbot.waitUntil(lambda: not capture.in_queue())
    assert "Every quick scan" in capture.message.text()
    leads = services.store.all("lead")
    assert [lead["to_qualify"] for lead in leads] == [False] * 3
    assert all(lead["answers"] == {"budget": "confirmed"} and lead["score"] for lead in leads)
    assert services.store.count("lead") == 3


def test_a_skipped_visitor_stays_in_the_queue(qtbot, services):
    _page, capture = open_capture(qtbot, services)
    quick_scan_all(qtbot, services, capture, VISITORS[:2])
    capture.start_queue()
    qtbot.waitUntil(lambda: capture.inputs["first_name"].text() == "Lena")
    capture.skip_queued()
    qtbot.waitUntil(lambda: capture.inputs["first_name"].text() == "Omar")
    capture.save()
    qtbot.waitUntil(lambda: not capture.in_queue())
    assert "1 skipped" in capture.message.text()
    assert LeadBook(services.store).to_qualify(EVENT_ID) == [
        lead["id"] for lead in services.store.all("lead") if lead["first_name"] == "Lena"]


def test_a_restart_mid_queue_loses_nothing(qtbot, qapp, tmp_path):
    services = make_services(tmp_path, REP)
    try:
        page, capture = open_capture(qtbot, services)
        quick_scan_all(qtbot, services, capture)
        capture.start_queue()
        qtbot.waitUntil(lambda: capture.inputs["first_name"].text() == "Lena")
        capture.save()
        qtbot.waitUntil(lambda: capture.inputs["first_name"].text() == "Omar")
        # Half-way through Omar's rubric, the app goes away.
        capture.rubric_form.set_answers({"budget": "planned"})
        capture.keep_draft()
        qtbot.waitUntil(lambda: bool(LeadBook(services.store).drafts()))
        page.close()
    finally:
        services.tasks.shutdown()
        services.store.engine.dispose()
    again = make_services(tmp_path, REP)
    try:
        _page, capture = open_capture(qtbot, again)
        names = [again.store.get("lead", i)["first_name"]
                 for i in LeadBook(again.store).to_qualify(EVENT_ID)]
        assert names == ["Omar", "Ines"]
        # Omar's half-answered rubric is offered back as a held visitor.
        assert capture.held_bar.isVisible() and "Omar" in capture.held_label.text()
        capture.start_queue()
        qtbot.waitUntil(lambda: capture.inputs["first_name"].text() == "Omar")
        assert "2 left" in capture.queue_label.text()
    finally:
        again.tasks.shutdown()
        again.store.engine.dispose()


def test_a_kill_9_after_quick_scans_loses_none_and_the_command_lists_them(qapp, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    type_then_kill("tests.desktop.leads.drive_quick_scan", data, [],
                   "SELECT 1 WHERE (SELECT count(*) FROM rec_lead WHERE to_qualify = 1) = 3")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "leads", "list", "--json", "--to-qualify",
         "--data-dir", str(data)],
        capture_output=True, text=True, timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [row["first_name"] for row in rows] == ["Lena", "Omar", "Ines"]
    assert all(row["to_qualify"] is True and row["event_id"] == EVENT_ID for row in rows)
    assert rows == sorted(rows, key=lambda row: row["captured_at"])


def test_the_walk_goes_on_while_the_capture_view_is_not_on_screen(qtbot, services):
    # The walk was read off whether its bar was on screen: with the window covered or the view
    # hidden, a save ended the walk without opening the next visitor or saying who was skipped.
    page, capture = open_capture(qtbot, services)
    quick_scan_all(qtbot, services, capture, VISITORS[:2])
    capture.start_queue()
    qtbot.waitUntil(lambda: capture.inputs["first_name"].text() == "Lena")
    capture.skip_queued()
    qtbot.waitUntil(lambda: capture.inputs["first_name"].text() == "Omar")
    page.hide()
    assert capture.in_queue()
    capture.save()
    qtbot.waitUntil(lambda: not capture.in_queue())
    assert "1 skipped" in capture.message.text()
