"""Debriefs through a real hub on loopback: a rep's debrief reaches marketing, a reply comes
back with an unread badge, drafts stay private, and marketing's reason lists reach reps."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.store import Store, open_store
from desktop.store.db import DB_FILE
from desktop.store.debriefs import DebriefFilter, DebriefStore
from desktop.sync.engine import SyncEngine
from desktop.sync.session import Timeouts, build_engine, sign_in
from desktop.sync.state import Outcome
from fieldnote.ids import new_id
from tests.desktop.debriefs.conftest import debrief
from tests.support.live_hub import LiveHub, start_live_hub

os.environ["FIELDNOTE_NO_KEYCHAIN"] = "1"
FAST = Timeouts(connect=2.0, read=5.0, retries=0)


@dataclass
class Device:
    store: Store
    engine: SyncEngine
    debriefs: DebriefStore
    user_id: str

    def sync(self) -> None:
        report = self.engine.run_cycle()
        assert report.outcome is Outcome.OK, report.message
        assert report.rejected == 0, report.message


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[LiveHub]:
    live = start_live_hub(tmp_path / "hub")
    live.add_user("rep@example.com", "Rita Rep", "rep", team="north")
    live.add_user("marketer@example.com", "Mia Marketer", "marketer")
    yield live
    live.stop()


@pytest.fixture
def device(tmp_path: Path, hub: LiveHub):  # type: ignore[no-untyped-def]
    made: list[Device] = []

    def make(email: str) -> Device:
        data_dir = tmp_path / email.split("@")[0]
        data_dir.mkdir()
        store = open_store(data_dir / DB_FILE)
        sign_in(data_dir, store, hub.url, email, hub.users[email]["password"], timeouts=FAST)
        made.append(Device(store, build_engine(data_dir, store, timeouts=FAST), DebriefStore(store),
                           hub.users[email]["id"]))
        return made[-1]

    yield make
    for d in made:
        d.engine.client.close()
        d.store.engine.dispose()


def test_a_submitted_debrief_reaches_marketing_and_the_reply_comes_back_unread(device):
    rep, marketer = device("rep@example.com"), device("marketer@example.com")
    rid = rep.debriefs.submit(new_id(), debrief(notes="Wants a pilot in Q1"), rep.user_id)
    rep.sync()
    marketer.sync()
    assert marketer.debriefs.ids(DebriefFilter()) == [rid]
    seen = marketer.debriefs.get(rid)
    assert (seen["account"], seen["notes"], seen["author_id"]) == ("Acme Freight", "Wants a pilot in Q1", rep.user_id)

    marketer.debriefs.add_comment(rid, "Try the ROI case study", marketer.user_id)
    marketer.sync()
    rep.sync()
    mine = DebriefFilter(scope="mine", user_id=rep.user_id)
    assert rep.debriefs.unread_total(mine) == 1
    [reply] = rep.debriefs.comments(rid)
    assert (reply["body"], reply["author_id"], bool(reply["_read"])) == (
        "Try the ROI case study", marketer.user_id, False)
    rep.debriefs.mark_read(rid)
    assert rep.debriefs.unread_total(mine) == 0
    # Read marks are local: a later sync neither sends nor undoes them.
    rep.sync()
    assert rep.debriefs.unread_total(mine) == 0


def test_a_reps_draft_syncs_for_backup_but_marketing_never_sees_it(device):
    rep, marketer = device("rep@example.com"), device("marketer@example.com")
    rid = new_id()
    rep.debriefs.autosave(rid, debrief(notes="half written"), rep.user_id)
    rep.sync()
    assert rep.store.outbox_counts()["pending"] == 0
    marketer.sync()
    assert marketer.store.get("debrief", rid) is None
    rep.debriefs.submit(rid, {**rep.debriefs.form_values(rid), "notes": "done"}, rep.user_id)
    rep.sync()
    marketer.sync()
    assert marketer.store.get("debrief", rid)["notes"] == "done"


def test_reason_lists_edited_by_marketing_reach_reps(device):
    rep, marketer = device("rep@example.com"), device("marketer@example.com")
    marketer.debriefs.save_reason_list("why_buy", ["Saves time", "Integrations"], marketer.user_id)
    marketer.sync()
    rep.sync()
    assert rep.debriefs.reason_lists()["why_buy"] == ["Saves time", "Integrations"]
    marketer.debriefs.save_reason_list("why_buy", ["Saves time"], marketer.user_id)
    marketer.sync()
    rep.sync()
    assert rep.debriefs.reason_lists()["why_buy"] == ["Saves time"]


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
def test_the_reps_page_shows_the_unread_badge_after_the_sync_that_brings_the_reply(
        qtbot, qapp, device, tmp_path):
    from desktop.ui.debriefs.page import DebriefsPage
    from tests.desktop.debriefs.conftest import make_services

    rep, marketer = device("rep@example.com"), device("marketer@example.com")
    rid = rep.debriefs.submit(new_id(), debrief(), rep.user_id)
    rep.sync()
    marketer.sync()
    marketer.debriefs.add_comment(rid, "Which competitor came up?", marketer.user_id)
    marketer.sync()

    services = make_services(rep.store, tmp_path, rep.store.get_state("user"))
    try:
        page = DebriefsPage(services, rep.debriefs)
        qtbot.addWidget(page)
        page.show()
        page.search.setText("nothing selected")  # keep the debrief closed, so it stays unread
        qtbot.waitUntil(lambda: page.model.total() == 0)
        assert page.unread_badge.isHidden()
        rep.sync()
        qtbot.waitUntil(lambda: page.unread_badge.isVisible())
        assert page.unread_badge.text() == "1 unread reply"
        page.search.clear()
        qtbot.waitUntil(lambda: page.model.total() == 1)
        assert page.model.data(page.model.index(0, 7)) == "1 (1 new)"
    finally:
        services.tasks.shutdown()
