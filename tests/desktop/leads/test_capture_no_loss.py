"""Nothing a visitor says is lost at the booth: a scan over an unsaved visitor, Ctrl+Z and Esc
with input in the form, drafts that survive a page switch or a restart, one-line vCards and
unreadable scans, the notice after a merge, and the form's tab order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.store.leads import LeadBook
from desktop.ui.leads.page import LIST
from fieldnote.scoring import DEMO_RUBRIC_ID
from tests.desktop.leads.conftest import EVENT_ID, open_capture_page

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

LEE = ["BEGIN:VCARD", "VERSION:3.0", "N:Wong;Lee", "ORG:Harbour Logistics",
       "EMAIL:lee.wong@harbour.example", "END:VCARD"]
ANA = ["BEGIN:VCARD", "VERSION:3.0", "N:Ortiz;Ana", "ORG:Zenith GmbH",
       "EMAIL:ana.ortiz@zenith.example", "END:VCARD"]
HOT = {"budget": "confirmed", "timeframe": "0-3m", "authority": "decision_maker",
       "employees": 1200, "interest": "high"}




@pytest.fixture
def page(qtbot, services):
    return open_capture_page(qtbot, services)


def scan_burst(qtbot, capture, lines):
    for line in lines:
        qtbot.keyClicks(capture.scan, line)
        qtbot.keyClick(capture.scan, Qt.Key.Key_Return)


def names(services):
    return sorted(lead["last_name"] for lead in services.store.all("lead"))


def test_scanning_the_next_badge_before_enter_saves_the_previous_visitor(qtbot, page, services):
    capture = page.capture
    scan_burst(qtbot, capture, LEE)
    qtbot.waitUntil(lambda: capture.inputs["last_name"].text() == "Wong")
    scan_burst(qtbot, capture, ANA)  # no Enter for Lee
    qtbot.waitUntil(lambda: capture.inputs["last_name"].text() == "Ortiz")
    qtbot.waitUntil(lambda: names(services) == ["Wong"])
    qtbot.keyClick(capture.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(services) == ["Ortiz", "Wong"])
    assert not capture.held_bar.isVisible()


def test_a_visitor_who_cannot_be_saved_yet_is_held_with_a_notice(qtbot, page, services):
    capture = page.capture
    capture.inputs["first_name"].setText("Lee")
    capture.inputs["company"].setText("Harbour Logistics")  # no last name, email or scan
    scan_burst(qtbot, capture, ANA)
    qtbot.waitUntil(lambda: capture.inputs["last_name"].text() == "Ortiz")
    assert capture.held_bar.isVisible()
    assert "Lee (Harbour Logistics)" in capture.held_label.text()
    assert "(1)" in capture.held_label.text()
    assert "held" in capture.message.text()
    qtbot.waitUntil(lambda: len(LeadBook(services.store).drafts()) >= 1)
    qtbot.keyClick(capture.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(services) == ["Ortiz"])
    # The held visitor comes back whole, and can then be completed and saved.
    capture.open_held_button.click()
    assert capture.inputs["first_name"].text() == "Lee"
    assert capture.inputs["company"].text() == "Harbour Logistics"
    assert not capture.held_bar.isVisible()
    capture.inputs["last_name"].setText("Wong")
    capture.save()
    qtbot.waitUntil(lambda: names(services) == ["Ortiz", "Wong"])
    qtbot.waitUntil(lambda: LeadBook(services.store).drafts() == [])


def test_ctrl_z_on_a_check_box_keeps_the_visitor_being_entered(qtbot, page, services):
    capture = page.capture
    capture.inputs["last_name"].setText("Okafor")
    capture.save()
    qtbot.waitUntil(lambda: capture.last_saved_id is not None)
    capture.inputs["last_name"].setText("Lindqvist")
    capture.inputs["email"].setText("eva@nordic.example")
    capture.consent.setFocus()
    qtbot.waitUntil(capture.consent.hasFocus)
    qtbot.keyClick(capture.consent, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert capture.inputs["last_name"].text() == "Lindqvist"
    assert capture.inputs["email"].text() == "eva@nordic.example"
    assert "not saved yet" in capture.message.text()
    # The same from the (empty) scan field, where Ctrl+Z normally reopens the last lead.
    qtbot.keyClick(capture.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert capture.inputs["last_name"].text() == "Lindqvist"
    qtbot.keyClick(capture.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(services) == ["Lindqvist", "Okafor"])


def test_esc_sets_the_visitor_aside_and_ctrl_z_brings_them_back(qtbot, page, services):
    capture = page.capture
    capture.inputs["last_name"].setText("Nakamura")
    qtbot.keyClick(capture.inputs["last_name"], Qt.Key.Key_Escape)
    assert capture.inputs["last_name"].text() == ""
    assert capture.held_bar.isVisible()
    qtbot.waitUntil(lambda: len(LeadBook(services.store).drafts()) == 1)
    qtbot.keyClick(capture.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert capture.inputs["last_name"].text() == "Nakamura"
    assert not capture.held_bar.isVisible()


def test_a_held_visitor_is_discarded_only_after_asking(qtbot, page, services, monkeypatch):
    capture = page.capture
    capture.inputs["last_name"].setText("Nakamura")
    capture.clear_form()
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    capture.discard_held_button.click()
    assert capture.held_bar.isVisible()
    capture.discard_held_button.click()
    assert not capture.held_bar.isVisible()
    qtbot.waitUntil(lambda: LeadBook(services.store).drafts() == [])


def test_an_unsaved_visitor_is_kept_on_a_page_switch_and_offered_back_after_a_restart(
        qtbot, page, services):
    capture = page.capture
    qtbot.keyClicks(capture.inputs["last_name"], "Haddad")
    qtbot.keyClicks(capture.inputs["company"], "Cedar Systems")
    page.show_view(LIST)  # hides the form: the draft is written at once
    qtbot.waitUntil(lambda: len(LeadBook(services.store).drafts()) == 1)
    [(_draft_id, state)] = LeadBook(services.store).drafts()
    assert state["fields"] == {"last_name": "Haddad", "company": "Cedar Systems"}
    # A new window on the same data (a restart) offers the visitor back.
    again = open_capture_page(qtbot, services)
    assert again.capture.held_bar.isVisible()
    assert "Haddad (Cedar Systems)" in again.capture.held_label.text()
    again.capture.open_held()
    assert again.capture.inputs["last_name"].text() == "Haddad"
    again.capture.save()
    qtbot.waitUntil(lambda: names(services) == ["Haddad"])
    qtbot.waitUntil(lambda: LeadBook(services.store).drafts() == [])


def test_typing_is_autosaved_as_a_draft_without_leaving_the_form(qtbot, page, services):
    services.settings.capture_autosave_ms = 50
    capture = page.capture
    qtbot.keyClicks(capture.inputs["last_name"], "Haddad")
    qtbot.waitUntil(lambda: [s["fields"] for _d, s in LeadBook(services.store).drafts()]
                    == [{"last_name": "Haddad"}])


def test_a_one_line_vcard_scanned_fills_the_form(qtbot, page, services):
    capture = page.capture
    scan_burst(qtbot, capture, [" ".join(LEE)])
    qtbot.waitUntil(lambda: capture.inputs["last_name"].text() == "Wong")
    assert capture.inputs["email"].text() == "lee.wong@harbour.example"
    assert not capture.scan_raw.isVisible()


def test_an_unreadable_scan_stays_visible_in_the_form_and_is_saved_on_the_lead(qtbot, page, services):
    capture = page.capture
    payload = "##?? 77 // ~~"
    scan_burst(qtbot, capture, [payload])
    qtbot.waitUntil(capture.scan_raw.isVisible)
    assert capture.scan_raw.toPlainText() == payload
    assert capture.scan_raw.accessibleName() or capture._contact_form.labelForField(capture.scan_raw)
    capture.inputs["last_name"].setText("Okafor")
    capture.save()
    qtbot.waitUntil(lambda: names(services) == ["Okafor"])
    assert services.store.all("lead")[0]["badge_raw"] == payload
    assert not capture.scan_raw.isVisible()


def test_the_merge_notice_says_what_was_stored(qtbot, page, services):
    capture = page.capture
    capture.inputs["last_name"].setText("Doe")
    capture.inputs["first_name"].setText("Jane")
    capture.inputs["email"].setText("jane@acme.example")
    capture.rubric_form.set_answers(HOT)
    capture.save()
    qtbot.waitUntil(lambda: names(services) == ["Doe"])
    capture.inputs["last_name"].setText("Doe")
    capture.inputs["first_name"].setText("Jane")
    capture.inputs["email"].setText("jane@acme.example")
    capture.rubric_form.set_answers({"budget": "none", "interest": "low"})
    assert capture.rubric_form.grade_label.text() == "Cold"
    capture.save()
    assert capture.duplicate_bar.isVisible()
    capture.merge_duplicate()
    qtbot.waitUntil(lambda: capture.message.text().startswith("Saved"))
    stored = services.store.all("lead")[0]
    assert (stored["grade"], stored["qualified"]) == ("hot", True)
    assert "hot, qualified" in capture.message.text()
    assert "cold" not in capture.message.text()


def test_tab_follows_the_visual_order_and_a_shortcut_jumps_to_the_rubric(qtbot, page):
    capture = page.capture
    assert DEMO_RUBRIC_ID and capture.rubric_form.first_input() is not None
    capture.consent.setChecked(True)  # follow-up takes focus only with consent
    seen = []
    capture.scan.setFocus()
    qtbot.waitUntil(capture.scan.hasFocus)
    for _ in range(60):
        widget = QApplication.focusWidget()
        seen.append(widget)
        if widget is capture.save_button:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert seen[-1] is capture.save_button
    order = [seen.index(w) for w in (capture.scan, capture.inputs["first_name"],
                                     capture.inputs["badge_id"], capture.notes,
                                     capture.rubric_form.first_input(), capture.consent,
                                     capture.follow_up, capture.save_button)]
    assert order == sorted(order)
    assert "Ctrl+R" in capture.hint.text()
    qtbot.keyClick(capture.inputs["email"], Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert capture.rubric_form.first_input().hasFocus()


def test_keyboard_only_loop_scan_scan_again_ctrl_z_on_a_check_box_loses_no_visitor(qtbot, page, services):
    capture = page.capture
    scan_burst(qtbot, capture, LEE)
    qtbot.waitUntil(lambda: capture.inputs["last_name"].text() == "Wong")
    scan_burst(qtbot, capture, ANA)
    qtbot.waitUntil(lambda: capture.inputs["last_name"].text() == "Ortiz")
    # Tab to the consent check box, tick it with Space, then press Ctrl+Z there.
    widget = QApplication.focusWidget()
    for _ in range(60):
        if widget is capture.consent:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
    assert widget is capture.consent
    qtbot.keyClick(capture.consent, Qt.Key.Key_Space)
    qtbot.keyClick(capture.consent, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert capture.inputs["last_name"].text() == "Ortiz"
    qtbot.keyClick(capture.consent, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: names(services) == ["Ortiz", "Wong"])
    ortiz = next(lead for lead in services.store.all("lead") if lead["last_name"] == "Ortiz")
    assert ortiz["consent_contact"] is True
    qtbot.waitUntil(lambda: LeadBook(services.store).drafts() == [])


def test_a_phone_typed_without_country_uses_the_system_locale_unless_a_region_was_chosen(
        qtbot, page, services, monkeypatch):
    import desktop.ui.leads.capture as capture_module

    capture = page.capture
    monkeypatch.setattr(capture_module, "system_territory", lambda: "DE")
    services.settings.phone_region = ""
    capture.inputs["phone"].setText("030 1234567")
    capture._check_phone()
    assert capture.inputs["phone"].text() == "+49301234567"
    services.settings.phone_region = "AT"  # an explicit choice wins over the locale
    capture.inputs["phone"].setText("01 5123456")
    capture._check_phone()
    assert capture.inputs["phone"].text() == "+4315123456"


def test_settings_of_version_1_take_the_old_default_us_as_automatic(tmp_path):
    from desktop.settings import Settings

    (tmp_path / "settings.json").write_text('{"version": 1, "values": {"phone_region": "US"}}')
    assert Settings.load(tmp_path).phone_region == ""
    (tmp_path / "settings.json").write_text('{"version": 1, "values": {"phone_region": "GB"}}')
    assert Settings.load(tmp_path).phone_region == "GB"
    assert Settings().phone_region == ""


def test_a_phone_typed_at_an_event_is_read_in_the_events_country(qtbot, page, services, monkeypatch):
    import desktop.ui.leads.capture as capture_module

    monkeypatch.setattr(capture_module, "system_territory", lambda: "US")
    services.settings.phone_region = ""
    event = services.store.get("event", EVENT_ID)
    services.store.save("event", {"country": "DE"}, EVENT_ID)
    assert event is not None
    capture = page.capture
    capture.inputs["phone"].setText("030 1234567")
    capture._check_phone()
    assert capture.inputs["phone"].text() == "+49301234567"
