"""`--page capture`: the scan field takes scans from the window's first paint, before the data is
open, and the capture form reads them, in order, once it is built."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.ui.leads.early_capture import EarlyCapture
from desktop.ui.leads.page import CAPTURE, LIST
from desktop.ui.leads.scan_field import ScanField
from desktop.ui.shell.pages import default_pages
from desktop.ui.shell.window import MainWindow
from tests.desktop.leads.conftest import EVENT_ID, add_event

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

VCARD_LINES = ["BEGIN:VCARD", "VERSION:3.0", "N:Silva;Ana", "ORG:Zenith GmbH",
               "EMAIL:ana.silva@zenith.example", "END:VCARD"]
SECOND = ["BEGIN:VCARD", "VERSION:3.0", "N:Berg;Bo", "EMAIL:bo.berg@example.com", "END:VCARD"]


def scan_burst(qtbot, field, lines):
    """A badge scanner's burst: fast keys, Enter between lines and at the end."""
    for line in lines:
        qtbot.keyClicks(field, line)
        qtbot.keyClick(field, Qt.Key.Key_Return)


def opening_window(qtbot, services, *, start_new=True):
    """The window as start-up shows it with --page capture: no services yet."""
    services.settings.current_event_id = add_event(services.store)
    win = MainWindow(None, default_pages(), start_page="leads", settings=services.settings,
                     start_new=start_new)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitActive(win)
    return win


def test_the_scan_field_has_the_focus_before_the_data_is_open(qtbot, services):
    win = opening_window(qtbot, services)
    early = win.stack.currentWidget()
    assert isinstance(early, EarlyCapture)
    qtbot.waitUntil(early.scan.hasFocus)
    assert QApplication.focusWidget().objectName() == "scanField"
    assert "Opening your data" in early.note.text()


def test_scans_taken_before_the_form_existed_are_read_in_order(qtbot, services):
    win = opening_window(qtbot, services)
    early = win.stack.currentWidget()
    qtbot.waitUntil(early.scan.hasFocus)
    scan_burst(qtbot, early.scan, VCARD_LINES)
    qtbot.waitUntil(lambda: early.kept() == 1)  # the burst ended (its quiet came)
    assert "1 scan" in early.note.text()
    qtbot.keyClick(early.scan, Qt.Key.Key_Return)  # Enter on the empty field: save her
    scan_burst(qtbot, early.scan, SECOND)
    qtbot.waitUntil(lambda: early.kept() == 3)
    win.attach_services(services)
    page = win.current_page()
    assert page.current_view() == CAPTURE
    capture = page.capture
    # Ana was saved by the Enter, then Bo read into the form, as if typed into it.
    qtbot.waitUntil(lambda: services.store.count("lead") == 1)
    lead = services.store.all("lead")[0]
    assert (lead["last_name"], lead["email"], lead["source"]) == (
        "Silva", "ana.silva@zenith.example", "scan")
    assert lead["event_id"] == EVENT_ID
    assert lead["badge_raw"] == "\n".join(VCARD_LINES)
    qtbot.waitUntil(lambda: capture.inputs["email"].text() == "bo.berg@example.com")
    qtbot.waitUntil(capture.scan.hasFocus)


def test_a_scan_still_arriving_when_the_form_opens_goes_on_in_the_form(qtbot, services):
    win = opening_window(qtbot, services)
    early = win.stack.currentWidget()
    qtbot.waitUntil(early.scan.hasFocus)
    qtbot.keyClicks(early.scan, "ana.silva@zen")  # typed, no Enter yet
    win.attach_services(services)
    capture = win.current_page().capture
    assert capture.scan.toPlainText() == "ana.silva@zen"
    qtbot.waitUntil(capture.scan.hasFocus)
    qtbot.keyClicks(capture.scan, "ith.example")
    qtbot.keyClick(capture.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: capture.inputs["email"].text() == "ana.silva@zenith.example")


def test_scans_kept_for_a_page_opened_later_are_still_read(qtbot, services):
    """The user went to another page while the data opened: the kept scan waits for them."""
    win = opening_window(qtbot, services)
    early = win.stack.currentWidget()
    qtbot.waitUntil(early.scan.hasFocus)
    scan_burst(qtbot, early.scan, VCARD_LINES)
    qtbot.waitUntil(lambda: early.kept() == 1)
    win.nav.setCurrentRow(1)  # Collateral
    win.attach_services(services)
    assert set(win.pages.built()) == {"collateral"}
    win.show_page("leads")
    page = win.current_page()
    assert page.current_view() == CAPTURE
    qtbot.waitUntil(lambda: page.capture.inputs["email"].text() == "ana.silva@zenith.example")


def test_without_a_scan_a_page_opened_later_opens_on_its_list(qtbot, services):
    win = opening_window(qtbot, services)
    win.nav.setCurrentRow(2)
    win.attach_services(services)
    win.show_page("leads")
    assert win.current_page().current_view() == LIST


def test_the_form_takes_over_a_burst_in_progress(qtbot, qapp):
    first, second = ScanField(), ScanField()
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    read = []
    second.scanned.connect(lambda payload, how: read.append((payload, how)))
    qtbot.keyClicks(first, "A12345")  # a scanner's keys, faster than a person's
    assert first.in_burst()
    second.take_over(first)
    assert first.toPlainText() == "" and not first.in_burst()
    qtbot.keyClicks(second, "67")
    qtbot.waitUntil(lambda: read == [("A1234567", "scan")])
