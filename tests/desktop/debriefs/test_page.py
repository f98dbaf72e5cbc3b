"""The Debriefs page and form as a rep and a marketer use them (offscreen Qt, real store)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop.store.debriefs import DebriefFilter
from fieldnote.ids import new_id
from tests.desktop.debriefs.conftest import MARKETER, REP, debrief, make_page

# The offscreen platform says so whenever a top-level widget's size limits change.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")




def test_typing_in_a_new_debrief_autosaves_a_draft_after_a_pause(qtbot, services, store):
    page = make_page(qtbot, services)
    page.create_new()
    form = page.form
    qtbot.keyClicks(form.account, "Acme Freight")
    qtbot.keyClicks(form.notes, "They want a pilot")
    qtbot.waitUntil(lambda: (store.get("debrief", form.record_id) or {}).get("notes") == "They want a pilot")
    row = store.get("debrief", form.record_id)
    assert row["status"] == "draft" and row["account"] == "Acme Freight" and row["author_id"] == REP["id"]
    qtbot.waitUntil(lambda: "Draft saved" in form.save_state.text())


def test_a_draft_is_saved_when_the_form_closes_before_the_pause_ends(qtbot, services, store):
    services.settings.debrief_autosave_ms = 60_000
    page = make_page(qtbot, services)
    page.create_new()
    record_id = page.form.record_id
    qtbot.keyClicks(page.form.account, "Closing Co")
    page.form.close_form()
    qtbot.waitUntil(lambda: store.get("debrief", record_id) is not None)
    qtbot.waitUntil(lambda: page.model.row_of(record_id) >= 0)


def test_a_draft_without_an_account_is_listed_and_reopens_with_what_was_typed(qtbot, services):
    page = make_page(qtbot, services)
    page.create_new()
    record_id = page.form.record_id
    qtbot.keyClicks(page.form.notes, "no account yet")
    qtbot.waitUntil(lambda: "kept on this device" in page.form.save_state.text())
    page.form.close_form()
    qtbot.waitUntil(lambda: page.model.row_of(record_id) >= 0)
    page.open_draft(record_id)
    assert page.form.notes.toPlainText() == "no account yet"


def test_submit_shows_each_error_next_to_its_field(qtbot, services, store):
    page = make_page(qtbot, services)
    page.create_new()
    form = page.form
    form.follow_up_set.setChecked(True)
    form.follow_up_on.setDate(form.call_date.date().addDays(-3))
    assert form.submit() is False
    assert form.error_text("account") == "Account is required."
    assert form.error_text("follow_up_on") == "Follow up on is before the call date."
    assert form.error_text("notes") == ""
    qtbot.keyClicks(form.account, "Acme")
    form.follow_up_on.setDate(form.call_date.date().addDays(3))
    record_id = form.record_id
    assert form.submit() is True
    qtbot.waitUntil(lambda: (store.get("debrief", record_id) or {}).get("status") == "submitted")
    qtbot.waitUntil(lambda: page.form is None)


def test_a_rep_files_a_full_debrief_with_reasons_tags_and_collateral(qtbot, services, store, debriefs):
    debriefs.save_reason_list("why_buy", ["Saves time", "Integrations"])
    cid = store.save("collateral", {"title": "ROI sell sheet", "status": "approved"}).record_id
    page = make_page(qtbot, services)
    page.create_new()
    form = page.form
    qtbot.keyClicks(form.account, "Acme")
    form.why_buy.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(form.objections, "Price, Timing")
    form.outcome.setCurrentIndex(form.outcome.findData("won"))
    form.collateral_used.picker.setCurrentText("ROI sell sheet")
    form.collateral_used.add_button.click()
    assert form.submit()
    qtbot.waitUntil(lambda: (store.get("debrief", form.record_id) or {}).get("status") == "submitted")
    row = store.get("debrief", form.record_id)
    assert row["why_buy"] == ["Saves time"]
    assert row["objections"] == ["Price", "Timing"]
    assert row["outcome"] == "won"
    assert row["collateral_used"] == [{"collateral_id": cid, "helpful": None}]


def test_a_marketer_sees_submitted_debriefs_and_replies(qtbot, marketer_services, store, debriefs):
    rid = debriefs.submit(new_id(), debrief(), REP["id"])
    debriefs.autosave(new_id(), debrief(account="Hidden draft"), REP["id"])
    page = make_page(qtbot, marketer_services)
    assert page.model.total() == 1
    page.select(rid)
    qtbot.waitUntil(lambda: page.detail.record_id == rid)
    page.detail.reply.setPlainText("Send them the ROI case study")
    page.detail.send_button.click()
    qtbot.waitUntil(lambda: len(debriefs.comments(rid)) == 1)
    comment = debriefs.comments(rid)[0]
    assert comment["author_id"] == MARKETER["id"] and comment["_read"]


def test_the_rep_sees_an_unread_badge_until_the_reply_is_opened(qtbot, services, store, debriefs):
    rid = debriefs.submit(new_id(), debrief(), REP["id"])
    other = debriefs.submit(new_id(), debrief(account="Other", call_date="2026-11-25"), REP["id"])
    store.save("debrief_comment", {"debrief_id": rid, "body": "Nice", "created_at": "2026-11-21T09:00:00Z"},
               local_fields={"author_id": MARKETER["id"]})
    page = make_page(qtbot, services)
    assert page.current_id() == other
    qtbot.waitUntil(lambda: page.unread_badge.isVisible())
    assert page.unread_badge.text() == "1 unread reply"
    page.select(rid)
    qtbot.waitUntil(lambda: page.unread_badge.isHidden())
    assert debriefs.unread_total(DebriefFilter(scope="mine", user_id=REP["id"])) == 0


def test_filters_narrow_the_feed(qtbot, marketer_services, debriefs):
    debriefs.submit(new_id(), debrief(outcome="won"), REP["id"])
    debriefs.submit(new_id(), debrief(outcome="lost", competitors=["Omega"]), REP["id"])
    page = make_page(qtbot, marketer_services)
    assert page.model.total() == 2
    page.outcome.setCurrentIndex(page.outcome.findData("lost"))
    qtbot.waitUntil(lambda: page.model.total() == 1)
    page.outcome.setCurrentIndex(0)
    page.competitor.setText("zeta")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    page.search.setText("nothing-like-this")
    qtbot.waitUntil(lambda: page.model.total() == 0)


def test_the_feed_model_passes_the_model_tester(qtbot, marketer_services, debriefs):
    debriefs.add_many([debrief(account=f"Account {i}", call_date=f"2026-{1 + i % 11:02d}-{1 + i % 27:02d}")
                       for i in range(450)])
    page = make_page(qtbot, marketer_services)
    assert page.model.rowCount() == 200 and page.model.canFetchMore()
    ModelTester(qtbot).check(page.model, force_py=True)
    assert page.model.rowCount() == 450


def test_marketing_edits_reason_lists_and_an_open_form_shows_them(qtbot, marketer_services, debriefs):
    page = make_page(qtbot, marketer_services)
    page.create_new()
    task = page.save_reason_lists({"why_buy": ["Faster close"], "why_not": ["Budget"]})
    with qtbot.waitSignal(task.finished):
        pass
    qtbot.waitUntil(lambda: page.form.why_not.count() == 1)
    assert debriefs.reason_lists() == {"why_buy": ["Faster close"], "why_not": ["Budget"]}
    assert page.form.why_buy.item(0).text() == "Faster close"


def test_a_digest_pdf_is_built_off_the_ui_thread_with_progress(qtbot, marketer_services, debriefs, tmp_path):
    import io

    from pypdf import PdfReader

    debriefs.add_many([debrief(account=f"Digest {i}") for i in range(12)])
    page = make_page(qtbot, marketer_services)
    out = tmp_path / "digest.pdf"
    task = page.export_pdf(page.debriefs.ids(page.criteria()), out, digest=True)
    assert page.progress.isVisible()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: page.progress.isHidden())
    assert str(out) in page.progress_label.text()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert all(f"Digest {i}" in text for i in range(12))
    # The count is said once, by the digest's summary (the subtitle used to repeat it).
    assert text.count("12 debriefs") == 1 and "debrief(s)" not in text and "Built " in text


def test_the_follow_up_of_a_debrief_is_saved_as_a_calendar_file(qtbot, services, debriefs, tmp_path):
    rid = debriefs.submit(new_id(), debrief(follow_up_on="2026-12-01", next_steps="Send quote"), REP["id"])
    page = make_page(qtbot, services)
    out = tmp_path / "follow-up.ics"
    assert page.export_calendar(rid, out)
    assert b"DTSTART;VALUE=DATE:20261201" in out.read_bytes()


def test_hiding_the_page_saves_an_open_draft_at_once(qtbot, services, store):
    services.settings.debrief_autosave_ms = 60_000
    page = make_page(qtbot, services)
    page.create_new()
    record_id = page.form.record_id
    qtbot.keyClicks(page.form.account, "Window Closing Ltd")
    page.hide()  # closing the window or switching pages hides the form
    services.tasks.shutdown()  # what the app does on exit: the writer lane finishes first
    assert store.get("debrief", record_id)["account"] == "Window Closing Ltd"


def test_reps_see_the_reason_lists_read_only_and_marketers_can_edit_them(qtbot):
    from desktop.ui.debriefs.reasons import ReasonListsDialog

    lists = {"why_buy": ["Saves time"], "why_not": ["Budget"]}
    rep_view = ReasonListsDialog(lists, editable=False)
    qtbot.addWidget(rep_view)
    assert rep_view.edits["why_buy"].isReadOnly()
    editor = ReasonListsDialog(lists, editable=True)
    qtbot.addWidget(editor)
    editor.edits["why_not"].setPlainText("Budget\n  budget \nNo champion\n")
    assert editor.lists() == {"why_buy": ["Saves time"], "why_not": ["Budget", "No champion"]}


def test_the_demo_rep_sees_the_demo_debriefs(qtbot, services, store):
    from tests.support.demo_store import seed_if_empty

    seed_if_empty(store)
    services.user = dict(store.get_state("user"))
    page = make_page(qtbot, services)
    assert page.scope.currentData() == "mine"
    assert page.model.total() >= 10
    assert page.detail.record_id == page.model.id_at(0)


def test_discarding_a_draft_removes_it_and_queues_the_delete(qtbot, services, store, debriefs):
    rid = new_id()
    debriefs.autosave(rid, debrief(), REP["id"])
    page = make_page(qtbot, services)
    page.open_draft(rid)
    page.form.discard()
    qtbot.waitUntil(lambda: store.get("debrief", rid) is None)
    qtbot.waitUntil(lambda: page.model.row_of(rid) < 0)
    assert page.form is None
    assert [e["op"] for e in store.outbox_entries()] == ["upsert", "delete"]


def test_a_manager_reads_debriefs_and_is_told_why_they_cannot_file_one(qtbot, store, tmp_path, qapp):
    from tests.desktop.debriefs.conftest import make_services

    services = make_services(store, tmp_path, {**MARKETER, "role": "manager"})
    try:
        page = make_page(qtbot, services)
        assert not page.new_button.isEnabled()
        assert page.new_button.toolTip() == "Only reps and marketers file debriefs"
        page.create_new()
        assert page.form is None
    finally:
        services.tasks.shutdown()


def test_the_form_completes_accounts_and_tags_filed_before(qtbot, services, store, debriefs):
    store.save("lead", {"last_name": "Okafor", "company": "Zenith Labs", "captured_at": "2026-11-01T10:00:00Z"})
    debriefs.submit(new_id(), debrief(objections=["Security review"], competitors=["Omega"]), REP["id"])
    page = make_page(qtbot, services)
    page.create_new()
    form = page.form
    qtbot.waitUntil(lambda: form.completions_loaded)
    assert form._account_model.stringList() == ["Acme Freight", "Zenith Labs"]
    form.objections.setText("Price, secu")
    completer = form.objections.completer()
    completer.setCompletionPrefix(completer.splitPath(form.objections.text())[0])
    assert completer.currentIndex().data() == "Security review"
    assert completer.currentCompletion() == "Price, Security review, "


def test_the_objection_filter_completes_from_debriefs_filed_later(qtbot, marketer_services, debriefs):
    page = make_page(qtbot, marketer_services)
    debriefs.submit(new_id(), debrief(objections=["Data residency"]), REP["id"])
    qtbot.waitUntil(lambda: "Data residency" in page._objection_model.stringList())


def test_hostile_text_shows_as_typed_in_the_detail_view(qtbot, marketer_services, debriefs):
    hostile = "<b>Acme</b> & <script>x</script> שלום 😀"
    rid = debriefs.submit(new_id(), debrief(account=hostile, notes="<img src=x>\nsecond line"), REP["id"])
    page = make_page(qtbot, marketer_services)
    page.select(rid)
    qtbot.waitUntil(lambda: page.detail.record_id == rid)
    text = page.detail.view.toPlainText()
    assert hostile in text
    assert "<img src=x>" in text and "second line" in text


def test_selecting_a_debrief_far_down_or_filtered_out_still_shows_it(qtbot, marketer_services, debriefs):
    report = debriefs.add_many([debrief(account=f"Account {i}", call_date=f"2026-{1 + i % 11:02d}-{1 + i % 27:02d}")
                                for i in range(300)])
    page = make_page(qtbot, marketer_services)
    oldest = debriefs.ids(DebriefFilter())[-1]
    assert page.model.row_of(oldest) < 0  # beyond the first page of rows
    assert page.select(oldest)
    assert page.current_id() == oldest
    page.search.setText("Account 7")
    qtbot.waitUntil(lambda: page.model.total() < 300)
    hidden = next(rid for _i, rid in report.saved if not page.model.contains(rid))
    assert page.select(hidden)
    assert page.detail.record_id == hidden
    assert not page.select(new_id())
