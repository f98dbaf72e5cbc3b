"""The capture screen's controller as plain Python: no Qt, no widgets, a real store.

It decides save-previous-first, drafts and held visitors, the duplicate flow, what Ctrl+Z and
Esc do with unsaved input, and what the notice after a save says."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.store import open_store
from desktop.store.leads import LeadBook
from desktop.ui.leads.capture_controller import CaptureController
from fieldnote.leads import FOLLOW_UP_NEEDS_CONSENT

EVENT = "01930000-0000-7000-8000-0000000000e1"
USER = "01930000-0000-7000-8000-0000000000a1"
KEPT = "Email as typed: %1"


def state(**over):
    base = {"fields": {}, "badge_raw": None, "scan_unread": False, "address": None,
            "source": "manual", "event_id": EVENT, "answers": {}, "consent": False,
            "consent_at": None, "follow_up": False, "interests": "", "collateral": {},
            "notes": "", "editing_id": None}
    return {**base, **over}


@pytest.fixture
def book(tmp_path):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    book = LeadBook(store)
    yield book
    book.dispose()
    store.engine.dispose()


@pytest.fixture
def flow(book):
    flow = CaptureController(book, user_id=USER, consent_text_version="2026-01")
    flow.form_cleared(state())
    return flow


def values(flow, st):
    return flow.lead_values(st, None, KEPT)


def test_the_controller_imports_no_qt():
    code = ("import sys, desktop.ui.leads.capture_controller; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_unsaved_input_is_any_difference_from_the_clean_form(flow):
    assert not flow.dirty(state())
    assert not flow.dirty(state(event_id="another"))  # the event is context, not input
    assert flow.dirty(state(fields={"first_name": "Lee"}))
    assert flow.dirty(state(consent=True))


def test_a_new_scan_saves_the_previous_visitor_first_or_holds_them(flow, book):
    empty = state()
    assert flow.plan_scan(empty, "B-1", values(flow, empty)) == "fill"
    lee = state(fields={"last_name": "Wong"}, badge_raw="B-1")
    assert flow.plan_scan(lee, "B-2", values(flow, lee)) == "save_first"
    assert flow.plan_scan(lee, "B-1", values(flow, lee)) == "fill"  # the same scan again
    first_name_only = state(fields={"first_name": "Lee", "company": "Harbour"})
    assert flow.plan_scan(first_name_only, "B-2", values(flow, first_name_only)) == "hold"
    assert flow.hold_reason(first_name_only, values(flow, first_name_only)) == "unsaveable"
    # Already at the event: held rather than saved as a second lead.
    book.store.save("lead", {"last_name": "Wong", "email": "lee@harbour.example",
                             "event_id": EVENT, "captured_at": "2026-04-20T10:00:00Z"})
    again = state(fields={"last_name": "Wong", "email": "lee@harbour.example"})
    assert flow.plan_scan(again, "B-3", values(flow, again)) == "hold"
    assert flow.hold_reason(again, values(flow, again)) == "duplicate"
    # Only a scan nothing could be read from: held for the rep to complete, not sent as a lead.
    unread = state(badge_raw="##??", scan_unread=True)
    assert flow.plan_scan(unread, "B-4", values(flow, unread)) == "hold"
    assert flow.hold_reason(unread, values(flow, unread)) == "unread"
    typed = state(badge_raw="##??", scan_unread=True, fields={"last_name": "Okafor"})
    assert flow.plan_scan(typed, "B-4", values(flow, typed)) == "save_first"


def test_enter_refuses_follow_up_without_consent_naming_the_field(flow):
    st = state(fields={"last_name": "Berg"}, follow_up=True, consent=False)
    plan = flow.plan_save(st, values(flow, st))
    assert plan.action == "refuse"
    assert [(p.code, p.field, p.message) for p in plan.problems] == [
        ("rule", "follow_up", FOLLOW_UP_NEEDS_CONSENT)]
    ok = state(fields={"last_name": "Berg"}, follow_up=True, consent=True)
    assert flow.plan_save(ok, values(flow, ok)).action == "write"


def test_enter_with_nothing_or_nothing_identifying(flow):
    assert flow.plan_save(state(), values(flow, state())).action == "nothing"
    st = state(fields={"first_name": "Lee"})
    plan = flow.plan_save(st, values(flow, st))
    assert [p.code for p in plan.problems] == ["unidentified"]
    long_name = state(fields={"last_name": "x" * 201})
    assert [p.code for p in flow.plan_save(long_name, values(flow, long_name)).problems] == ["too_long"]


def test_an_invalid_email_is_kept_in_the_notes_not_dropped(flow):
    st = state(fields={"last_name": "Berg", "email": "not-an-email"})
    lead = values(flow, st)
    assert "email" not in lead
    assert lead["notes"] == "Email as typed: not-an-email"


def test_ctrl_z_never_replaces_unsaved_input(flow):
    assert flow.plan_undo(state()) == "nothing"
    assert flow.plan_undo(state(fields={"last_name": "Wong"})) == "refuse"
    flow.hold(state(fields={"last_name": "Wong"}))
    flow.form_cleared(state())
    assert flow.plan_undo(state()) == "bring_back"
    draft_id, held = flow.take_held(flow.set_aside_id)
    assert held["fields"] == {"last_name": "Wong"}
    flow.opened(draft_id)
    flow.last_saved_id = "some-lead"
    assert flow.plan_undo(state()) == "reopen"
    assert flow.plan_clear(state(fields={"last_name": "Wong"})) == "hold"
    assert flow.plan_clear(state()) == "reset"


def test_drafts_are_kept_held_and_offered_back_from_disk(flow, book):
    typed = state(fields={"last_name": "Haddad"})
    draft_id, job = flow.draft_to_keep(typed)
    job()
    assert [d for d, _s in book.drafts()] == [draft_id]
    # Typed and then erased: the stale copy goes.
    _same, drop = flow.draft_to_keep(state())
    drop()
    assert book.drafts() == []
    held_id, keep = flow.hold(typed)
    keep()
    again = CaptureController(book)
    again.held_from_disk()
    assert [(d, s["fields"]) for d, s in again.held] == [(held_id, {"last_name": "Haddad"})]
    again.discard_job(held_id)()
    assert book.drafts() == [] and again.held == []


def test_a_save_drops_its_draft_and_the_notice_names_what_was_stored(flow, book):
    typed = state(fields={"last_name": "Haddad"})
    draft_id, keep = flow.draft_to_keep(typed)
    keep()
    write = flow.write(values(flow, typed), None, {"state": typed, "values": {}})
    write.job()
    assert book.drafts() == []
    stored = book.store.get("lead", write.record_id)
    assert stored["owner_id"] == USER and stored["captured_at"]
    notice = flow.saved(write.record_id, stored)
    assert (notice.code, notice.args["who"]) == ("saved", "Haddad")
    assert flow.last_saved_id == write.record_id


def test_a_merge_notice_shows_the_stored_grade_not_the_forms(flow, book):
    existing = book.store.save("lead", {
        "last_name": "Doe", "email": "jane@acme.example", "event_id": EVENT, "grade": "hot",
        "qualified": True, "score": 90, "captured_at": "2026-04-20T10:00:00Z"}).record_id
    form = state(fields={"last_name": "Doe", "email": "jane@acme.example"})
    lead = {**values(flow, form), "grade": "cold", "qualified": False, "score": 5}
    plan = flow.plan_save(form, lead)
    assert plan.action == "duplicate" and plan.match is not None
    flow.duplicate, flow.dup_values = plan.match, plan.values
    write = flow.merge({"state": form, "values": lead})
    stored = write.job()
    notice = flow.saved(existing, stored)
    assert (notice.args["grade"], notice.args["qualified"]) == ("hot", True)


def test_a_failed_save_goes_back_into_a_free_form_or_is_held(flow, book):
    snapshot = {"state": state(fields={"last_name": "Wong"}), "values": {}, "draft_id": None}
    assert flow.save_failed(snapshot, form_dirty=False) == ("restore", None)
    outcome, job = flow.save_failed(snapshot, form_dirty=True)
    assert outcome == "held" and job is not None
    job()
    assert [s["fields"] for _d, s in book.drafts()] == [{"last_name": "Wong"}]
