"""One key wrote a synced outcome with no way back: now the notice (or Ctrl+Z) withdraws it
with a correction that syncs, and the lead is New again everywhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from desktop.store.leads import STATUS_NEW, LeadBook, LeadFilter
from desktop.sync.state import Outcome
from desktop.undo import UndoLog, UndoUnavailable, save_undoably
from fieldnote.outcomes import NotRetractable
from tests.desktop.leads.test_list_and_events import add_lead, make_page, select_first

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def stage_rows(store, lead_id):
    with store.engine.connect() as conn:
        return conn.execute(text("SELECT stage FROM insights_lead_stage WHERE lead_id = :l"),
                            {"l": lead_id}).all()


def test_space_on_the_off_screen_add_button_records_an_outcome_that_ctrl_z_withdraws(qtbot, services):
    notes = "\n".join(f"Booth note {n}: asked about pricing tiers" for n in range(12))
    lead_id = add_lead(services.store, "Okafor", notes=notes, company="Zenith", title="CTO")
    page = make_page(qtbot, services)
    page.window().resize(1024, 640)
    detail = select_first(qtbot, page)
    qtbot.waitUntil(lambda: detail.add_button.visibleRegion().isEmpty())
    book = LeadBook(services.store)
    # The button the stray Space reached, scrolled out of sight below the timeline; the
    # form's default status is "Contacted".
    detail.add_button.setFocus()
    qtbot.keyClick(detail.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(book.outcomes(lead_id)) == 1)
    assert book.rows([lead_id])[lead_id]["status"] == "contacted"
    qtbot.waitUntil(lambda: detail.undo_notice.isVisible())
    assert "Contacted" in detail.undo_notice.label.text()
    assert detail.undo_notice.button.isEnabled()

    qtbot.keyClick(detail.add_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(book.outcomes(lead_id)) == 2)
    first, correction = book.outcomes(lead_id)
    # Nothing was rolled back: the mistake stays on record, withdrawn by a new outcome.
    assert correction["retracts"] == first["id"]
    assert (first["counts"], correction["counts"]) == (False, False)
    assert book.rows([lead_id])[lead_id]["status"] is None
    assert book.ids(LeadFilter(status=STATUS_NEW)) == [lead_id]
    assert book.ids(LeadFilter(status="contacted")) == []
    assert stage_rows(services.store, lead_id) == []  # the funnel no longer counts it
    kinds = [(e["kind"], e["record_id"]) for e in services.store.outbox_entries()]
    assert ("lead_outcome", correction["id"]) in kinds and ("lead_outcome", first["id"]) in kinds
    qtbot.waitUntil(lambda: "withdrawn" in detail.undo_notice.label.text())
    assert not detail.undo_notice.button.isEnabled()
    texts = [detail.timeline.item(i).text() for i in range(detail.timeline.count())]
    assert "Contacted (withdrawn)" in texts[0] and "Withdrew “Contacted”" in texts[1]
    # A second Ctrl+Z has nothing left to undo.
    qtbot.keyClick(detail.add_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(book.outcomes(lead_id)) == 2


def test_the_undo_button_withdraws_and_a_later_write_replaces_what_can_be_undone(qtbot, services):
    lead_id = add_lead(services.store, "Okafor")
    page = make_page(qtbot, services)
    detail = select_first(qtbot, page)
    book = LeadBook(services.store)
    detail.add_outcome()
    qtbot.waitUntil(lambda: detail.undo_notice.isVisible())
    first_write = services.undo.pending()
    detail.status_box.setCurrentIndex(detail.status_box.findData("meeting"))
    detail.add_outcome()
    qtbot.waitUntil(lambda: services.undo.pending() is not first_write)
    assert "Meeting" in detail.undo_notice.label.text()
    qtbot.mouseClick(detail.undo_notice.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(book.outcomes(lead_id)) == 3)
    assert book.rows([lead_id])[lead_id]["status"] == "contacted"
    with pytest.raises(NotRetractable):
        book.retract_outcome(book.outcomes(lead_id)[1]["id"])  # already withdrawn


def test_an_undo_is_offered_for_a_while_only():
    now = [100.0]
    log = UndoLog(window_s=30, clock=lambda: now[0])
    write = log.remember("lead_outcome", "x", "Recorded", lambda: None)
    now[0] += 29
    assert log.pending() is write
    now[0] += 2
    assert log.pending() is None
    with pytest.raises(UndoUnavailable):
        log.take(write)


def test_an_undone_update_writes_the_earlier_value_back_unless_changed_since(services):
    store = services.store
    record_id = store.save("collateral", {"title": "Deck", "kind": "deck", "status": "review"}).record_id
    _result, revert = save_undoably(store, "collateral", {"status": "approved"}, record_id)
    revert()
    assert store.get("collateral", record_id)["status"] == "review"
    _result, revert = save_undoably(store, "collateral", {"status": "retired"}, record_id)
    store.save("collateral", {"status": "approved"}, record_id)  # someone changed it since
    with pytest.raises(UndoUnavailable):
        revert()
    assert store.get("collateral", record_id)["status"] == "approved"


def test_a_withdrawn_outcome_syncs_and_the_lead_is_new_on_every_device(make_device):
    rep = make_device("rep-laptop")
    marketer = make_device("marketer", "marketer@example.com")
    lead_id = rep.store.save("lead", {"last_name": "Okafor", "email": "chidi@zenith.example",
                                      "captured_at": "2026-11-24T10:15:00Z"}).record_id
    rep_book, marketer_book = LeadBook(rep.store), LeadBook(marketer.store)
    mistake = rep_book.add_outcome(lead_id, "contacted").record_id
    assert rep.run().outcome is Outcome.OK
    assert marketer.run().outcome is Outcome.OK
    assert marketer_book.rows([lead_id])[lead_id]["status"] == "contacted"
    # The undo comes after the mistake reached the hub: a correction, pushed like any change.
    rep_book.retract_outcome(mistake, author_id=None)
    for device in (rep, marketer):
        report = device.run()
        assert report.outcome is Outcome.OK, report.message
        assert report.conflicts == 0
    assert rep.store.outbox_counts().get("pending", 0) == 0
    for device, book in ((rep, rep_book), (marketer, marketer_book)):
        timeline = [(o["status"], o["retracts"], o["counts"]) for o in book.outcomes(lead_id)]
        assert timeline == [("contacted", None, False), ("contacted", mistake, False)]
        assert book.rows([lead_id])[lead_id]["status"] is None
        assert stage_rows(device.store, lead_id) == []
