"""Sending collateral in the window: the lead's detail offers "Send collateral…" only for a
visitor who agreed to be contacted, the dialog lists approved items only and refuses an empty
choice, a send is queued (a synced record with its outbox entry) and the detail shows its state
as the hub reports it; the capture form offers it for the visitor just saved."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.ui.leads.send_dialog import SendCollateralDialog
from fieldnote.ids import new_id
from tests.desktop.leads.test_capture import open_capture
from tests.desktop.leads.test_list_and_events import add_lead, make_page, select_first

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CONSENT = {"consent_contact": True, "consent_method": "checkbox", "consent_text_version": "1",
           "consent_at": "2026-04-20T10:00:00Z"}


def _item(store, title: str, status: str = "approved") -> str:  # type: ignore[no-untyped-def]
    item = new_id()
    store.save("collateral", {"title": title, "status": status, "file_sha256": "a" * 64,
                              "file_name": f"{title}.pdf", "mime_type": "application/pdf"},
               item)
    return item


def _answer_dialog(qtbot, ticks: list[str], note: str, shot: Path | None = None
                   ) -> None:  # type: ignore[no-untyped-def]
    """When the send dialog opens, tick these items, type the note and press Send."""
    def answer() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, SendCollateralDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        for row in range(dialog.model.rowCount()):
            item = dialog.model.item(row)
            if item.text() in ticks:
                item.setCheckState(Qt.CheckState.Checked)
        dialog.note.setPlainText(note)
        if shot is not None:
            dialog.grab().save(str(shot))
        dialog.send_button.click()
    QTimer.singleShot(0, answer)


def test_the_detail_queues_a_send_and_shows_its_state(qtbot, services, tmp_path):
    brochure = _item(services.store, "Pump brochure")
    _item(services.store, "Draft deck", status="draft")
    lead_id = add_lead(services.store, "Okafor", email="ada@okafor.example", **CONSENT)
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    assert detail.lead_id == lead_id
    assert detail.send_button.isVisible() and detail.send_button.isEnabled()
    assert detail.sends_list.text() == "Nothing sent yet"

    shot = tmp_path / "send-dialog.png"
    _answer_dialog(qtbot, ["Pump brochure"], "Good to meet you!", shot)
    detail.send_button.click()
    qtbot.waitUntil(lambda: services.store.count("collateral_send") == 1, timeout=10_000)
    send = services.store.all("collateral_send")[0]
    assert (send["lead_id"], send["collateral_ids"], send["message"], send["state"]) == (
        lead_id, [brochure], "Good to meet you!", "queued")
    assert any(e["kind"] == "collateral_send" for e in services.store.outbox_entries())
    qtbot.waitUntil(lambda: "Pump brochure · queued" in detail.sends_list.text())
    assert shot.exists()

    # The hub's report, as a pull writes it: failed with the reason, then opened.
    services.store.save("collateral_send", {}, send["id"], local_fields={
        "state": "failed", "state_reason": "Not sent: the visitor has no email address"})
    services.store.notify("collateral_send", [send["id"]])
    qtbot.waitUntil(lambda: "failed · Not sent: the visitor has no email address"
                    in detail.sends_list.text())
    services.store.save("collateral_send", {}, send["id"], local_fields={
        "state": "sent", "state_reason": None, "opened_at": "2026-04-21T09:00:00Z"})
    services.store.notify("collateral_send", [send["id"]])
    qtbot.waitUntil(lambda: "Pump brochure · opened" in detail.sends_list.text())
    page.resize(1280, 900)
    qtbot.waitUntil(lambda: detail.width() > 300)
    page.grab().save(str(tmp_path / "detail-sends.png"))


def test_without_consent_the_send_is_not_offered_and_says_why(qtbot, services):
    _item(services.store, "Pump brochure")
    add_lead(services.store, "Okafor", email="ada@okafor.example")
    detail = select_first(qtbot, make_page(qtbot, services))
    assert not detail.send_button.isEnabled()
    assert "not agreed to be contacted" in detail.send_button.toolTip()
    assert detail.send_collateral([], "") is None
    assert services.store.count("collateral_send") == 0


def test_the_dialog_lists_what_may_go_and_refuses_an_empty_choice(qtbot):
    dialog = SendCollateralDialog("Ada Okafor", [{"id": "i1", "title": "Pump brochure"}],
                                  ["i1"])
    qtbot.addWidget(dialog)
    assert dialog.chosen() == ["i1"]
    dialog.model.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.send_button.click()
    assert dialog.result() == 0 and dialog.problem.text() == "Tick at least one item to send."
    empty = SendCollateralDialog("Ada Okafor", [])
    qtbot.addWidget(empty)
    assert not empty.send_button.isEnabled()


def test_the_capture_form_sends_to_the_visitor_just_saved(qtbot, services):
    brochure = _item(services.store, "Pump brochure")
    _page, capture = open_capture(qtbot, services)
    assert not capture.send_button.isEnabled()
    capture.inputs["last_name"].setText("Okafor")
    capture.inputs["email"].setText("ada@okafor.example")
    capture.consent.setChecked(True)
    capture.save()
    qtbot.waitUntil(lambda: capture.send_button.isEnabled(), timeout=10_000)
    _answer_dialog(qtbot, ["Pump brochure"], "")
    capture.send_button.click()
    qtbot.waitUntil(lambda: services.store.count("collateral_send") == 1, timeout=10_000)
    assert services.store.all("collateral_send")[0]["collateral_ids"] == [brochure]
    qtbot.waitUntil(lambda: "Queued for" in capture.message.text())
