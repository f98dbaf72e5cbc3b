"""Capture under pressure: duplicates at the booth, hostile input, and badge photos."""

from __future__ import annotations

import pytest
import zxingcpp
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QImage

from desktop.ui.leads.barcodes import decode_file
from fieldnote.kinds import TEXT_MAX
from tests.desktop.leads.conftest import open_capture_page

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def capture(qtbot, services):
    page = open_capture_page(qtbot, services)
    yield page.capture  # the page stays referenced while the test runs


def save_and_wait(qtbot, capture):
    before = capture.last_saved_id
    capture.save()
    qtbot.waitUntil(lambda: capture.last_saved_id not in (None, before))
    return capture.last_saved_id


def test_the_same_email_at_the_event_offers_a_merge_that_keeps_both(qtbot, capture, services):
    capture.inputs["last_name"].setText("Silva")
    capture.inputs["email"].setText("ana@zenith.example")
    capture.inputs["phone"].setText("+49301234567")
    first = save_and_wait(qtbot, capture)
    capture.inputs["last_name"].setText("Silva")
    capture.inputs["email"].setText("ANA@zenith.example")
    capture.inputs["title"].setText("CTO")
    capture.inputs["phone"].setText("+493099999999")
    capture.save()
    assert capture.duplicate_bar.isVisible()
    assert "same email" in capture.duplicate_label.text()
    assert capture.merge_button.hasFocus()
    qtbot.keyClick(capture.merge_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: services.store.get("lead", first)["title"] == "CTO")
    merged = services.store.get("lead", first)
    assert merged["phone"] == "+49301234567"
    assert "+493099999999" in merged["notes"]
    assert services.store.count("lead") == 1
    assert capture.scan.hasFocus()


def test_open_shows_the_existing_lead_merged_for_review(qtbot, capture, services):
    capture.inputs["last_name"].setText("Okafor")
    capture.inputs["badge_id"].setText("B-77")
    first = save_and_wait(qtbot, capture)
    capture.inputs["badge_id"].setText("B-77")
    capture.inputs["company"].setText("Zenith")
    capture.save()
    assert "same badge id" in capture.duplicate_label.text()
    capture.open_duplicate()
    assert capture.inputs["last_name"].text() == "Okafor"
    assert capture.inputs["company"].text() == "Zenith"
    capture.save()
    qtbot.waitUntil(lambda: services.store.get("lead", first)["company"] == "Zenith")
    assert services.store.count("lead") == 1


def test_save_as_new_keeps_two_leads(qtbot, capture, services):
    capture.inputs["last_name"].setText("Okafor")
    capture.inputs["email"].setText("o@x.example")
    save_and_wait(qtbot, capture)
    capture.inputs["last_name"].setText("Okafor")
    capture.inputs["email"].setText("o@x.example")
    capture.save()
    capture.save_as_new()
    qtbot.waitUntil(lambda: services.store.count("lead") == 2)


def test_a_likely_match_warns_without_blocking(qtbot, capture, services):
    capture.inputs["first_name"].setText("Eva")
    capture.inputs["last_name"].setText("Lindqvist")
    capture.inputs["company"].setText("Nordic Freight AB")
    save_and_wait(qtbot, capture)
    capture.inputs["first_name"].setText("Eva")
    capture.inputs["last_name"].setText("Lindquist")
    capture.inputs["company"].setText("Nordic Freight")
    capture.inputs["company"].editingFinished.emit()
    assert capture.likely_label.isVisibleTo(capture)
    assert "Lindqvist" in capture.likely_label.text()
    save_and_wait(qtbot, capture)
    assert services.store.count("lead") == 2


def test_100_kb_of_notes_is_refused_with_the_count_and_kept_in_the_form(qtbot, capture, services):
    notes = ("word " * 20_480)[:-1] + "."  # 100 KB
    capture.inputs["last_name"].setText("Verbose")
    capture.notes.setPlainText(notes)
    assert capture.notes_count.isVisibleTo(capture)
    assert "more than a lead holds" in capture.notes_count.text()
    capture.save()
    assert "Notes is 102,400 characters" in capture.message.text()
    assert services.store.count("lead") == 0
    assert capture.notes.toPlainText() == notes
    capture.notes.setPlainText(notes[:TEXT_MAX])
    save_and_wait(qtbot, capture)
    assert len(services.store.all("lead")[0]["notes"]) <= TEXT_MAX


def test_control_characters_are_stripped_and_nul_never_reaches_the_store(qtbot, capture, services):
    capture.inputs["last_name"].setText("Sil\x00va\x07")
    capture.inputs["company"].setText("Zen\x1bith")
    capture.notes.setPlainText("line one\x00\nline\x08 two\ttab")
    save_and_wait(qtbot, capture)
    lead = services.store.all("lead")[0]
    assert (lead["last_name"], lead["company"]) == ("Silva", "Zenith")
    assert lead["notes"] == "line one\nline two\ttab"


def test_a_10_mb_paste_into_the_scan_field_is_refused_and_the_app_answers(qtbot, capture, services):
    mime = QMimeData()
    mime.setText("x" * 10_485_760)
    capture.scan.insertFromMimeData(mime)
    assert "10,485,760 characters" in capture.message.text()
    assert "still on your clipboard" in capture.message.text()
    assert capture.scan.toPlainText() == ""
    # Still responsive: the next scan is read at once.
    qtbot.keyClicks(capture.scan, "ana@zenith.example")
    qtbot.keyClick(capture.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: capture.inputs["email"].text() == "ana@zenith.example")


def test_a_paste_into_the_scan_field_is_read_like_a_scan(qtbot, capture):
    mime = QMimeData()
    mime.setText("MECARD:N:Okafor,Chidi;EMAIL:chidi@zenith.example;;")
    capture.scan.insertFromMimeData(mime)
    assert capture.inputs["last_name"].text() == "Okafor"
    assert capture.inputs["email"].text() == "chidi@zenith.example"


def test_a_scan_longer_than_a_lead_holds_is_not_saved_cut(qtbot, capture, services):
    capture.read_payload("A" * (TEXT_MAX + 5), "scan")
    capture.inputs["last_name"].setText("Long")
    capture.save()
    assert "The scan is 20,005 characters" in capture.message.text()
    assert services.store.count("lead") == 0


def write_code(path, text, fmt):
    image = zxingcpp.write_barcode_to_image(zxingcpp.create_barcode(text, fmt), scale=4)
    height, width = image.shape
    QImage(bytes(memoryview(image)), width, height, width, QImage.Format.Format_Grayscale8).save(str(path))
    return path


@pytest.mark.parametrize("fmt", ["QRCode", "PDF417", "Code128", "DataMatrix"])
def test_badge_photos_of_each_symbology_are_decoded(tmp_path, fmt):
    text = "A1234567" if fmt == "Code128" else "MECARD:N:Silva,Ana;EMAIL:ana@zenith.example;;"
    path = write_code(tmp_path / f"{fmt}.png", text, getattr(zxingcpp.BarcodeFormat, fmt))
    found = decode_file(path)
    assert [d.text for d in found] == [text]
    assert found[0].format == fmt


def test_a_photo_without_a_code_or_not_an_image_says_so(tmp_path):
    from desktop.ui.leads.barcodes import BarcodeError

    blank = tmp_path / "blank.png"
    img = QImage(200, 200, QImage.Format.Format_Grayscale8)
    img.fill(255)
    img.save(str(blank))
    assert decode_file(blank) == []
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image")
    with pytest.raises(BarcodeError, match="not an image"):
        decode_file(junk)


def test_a_dropped_badge_photo_fills_the_form_off_the_ui_thread(qtbot, capture, services, tmp_path):
    vcard = "BEGIN:VCARD\nVERSION:3.0\nN:Silva;Ana\nEMAIL:ana@zenith.example\nEND:VCARD"
    path = write_code(tmp_path / "badge.png", vcard, zxingcpp.BarcodeFormat.QRCode)
    task = capture.decode_photo(path)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: capture.inputs["last_name"].text() == "Silva")
    save_and_wait(qtbot, capture)
    lead = services.store.all("lead")[0]
    assert lead["source"] == "card"
    assert lead["badge_raw"] == vcard
