"""The Debriefs page with the keyboard only: the feed is one Tab stop, Enter opens a debrief,
moving through the feed marks no reply read, Esc leaves the form keeping the draft, and a
completion picked with Down and Enter is not doubled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.store.debriefs import DebriefFilter
from fieldnote.ids import new_id
from tests.desktop.debriefs.conftest import MARKETER, REP, debrief
from tests.desktop.debriefs.conftest import make_page as make_debriefs_page

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_page(qtbot, services):
    return make_debriefs_page(qtbot, services, exposed=True)


def flush_writes(qtbot, services):
    """Wait until every write handed to the writer lane so far has run (the lane is serial)."""
    task = services.tasks.write("flush", lambda _ctx: None)
    qtbot.waitUntil(lambda: task.done)


def with_unread_reply(store, debriefs, **fields):
    rid = debriefs.submit(new_id(), debrief(**fields), REP["id"])
    store.save("debrief_comment", {"debrief_id": rid, "body": "Nice", "created_at": "2026-11-21T09:00:00Z"},
               local_fields={"author_id": MARKETER["id"]})
    return rid


def unread(debriefs, rid):
    return debriefs.rows([rid])[rid]["_unread"]


def test_tab_leaves_the_feed_and_marks_no_reply_read(qtbot, services, store, debriefs):
    older = with_unread_reply(store, debriefs, account="Older", call_date="2026-11-20")
    newer = with_unread_reply(store, debriefs, account="Newer", call_date="2026-11-25")
    page = make_page(qtbot, services)
    assert page.current_id() == newer
    page.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.table.hasFocus)
    for _ in range(12):  # more than the feed has columns
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if not page.table.hasFocus():
            break
    assert not page.table.hasFocus()
    assert page.current_id() == newer
    flush_writes(qtbot, services)
    assert unread(debriefs, older) == 1


def test_arrowing_past_a_debrief_does_not_mark_it_read_but_enter_does(qtbot, services, store, debriefs):
    middle = with_unread_reply(store, debriefs, account="Middle", call_date="2026-11-22")
    with_unread_reply(store, debriefs, account="Newest", call_date="2026-11-25")
    oldest = with_unread_reply(store, debriefs, account="Oldest", call_date="2026-11-20")
    page = make_page(qtbot, services)
    page.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.current_id() == oldest
    flush_writes(qtbot, services)
    assert unread(debriefs, middle) == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: unread(debriefs, oldest) == 0)
    assert page.detail.view.hasFocus()


def test_replies_count_as_read_once_the_debrief_stays_on_screen(qtbot, services, store, debriefs):
    rid = with_unread_reply(store, debriefs)
    page = make_page(qtbot, services)
    assert page.current_id() == rid
    qtbot.waitUntil(lambda: debriefs.unread_total(DebriefFilter(scope="mine", user_id=REP["id"])) == 0)


def test_enter_on_an_own_draft_opens_it_in_the_form(qtbot, services, debriefs):
    rid = new_id()
    debriefs.autosave(rid, debrief(account="Draft Co"), REP["id"])
    page = make_page(qtbot, services)
    page.table.setFocus(Qt.FocusReason.TabFocusReason)
    assert page.select(rid)
    qtbot.waitUntil(lambda: page.detail.record_id == rid)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.form is not None and page.form.record_id == rid


def test_down_from_the_search_moves_into_the_feed(qtbot, services, debriefs):
    debriefs.submit(new_id(), debrief(), REP["id"])
    page = make_page(qtbot, services)
    page.focus_search()
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    assert page.table.currentIndex().isValid()


def test_escape_leaves_the_form_and_keeps_the_draft(qtbot, services, debriefs):
    page = make_page(qtbot, services)
    page.create_new()
    form = page.form
    record_id = form.record_id
    qtbot.waitUntil(form.account.hasFocus)
    qtbot.keyClicks(form.account, "Escape Co")
    qtbot.keyClick(form.account, Qt.Key.Key_Escape)
    assert page.form is None
    qtbot.waitUntil(lambda: (debriefs.form_values(record_id) or {}).get("account") == "Escape Co")
    assert page.table.hasFocus()


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "does not support grabbing")
def test_a_completion_picked_with_down_and_enter_is_not_doubled(qtbot, services):
    page = make_page(qtbot, services)
    page.create_new()
    qtbot.waitUntil(lambda: page.form.completions_loaded)
    edit = page.form.objections
    edit.set_suggestions(["Security review", "Price"])
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "Price, Secu")
    popup = edit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    assert edit.text() == "Price, Security review, "
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.text() == "Price, Security review, "
    assert edit.tags() == ["Price", "Security review"]


def test_tab_never_types_into_the_reply_box(qtbot, marketer_services, debriefs):
    debriefs.submit(new_id(), debrief(), REP["id"])
    page = make_page(qtbot, marketer_services)
    reply = page.detail.reply
    reply.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(reply.hasFocus)
    qtbot.keyClick(reply, Qt.Key.Key_Tab)
    assert not reply.hasFocus()
    assert reply.toPlainText() == ""
