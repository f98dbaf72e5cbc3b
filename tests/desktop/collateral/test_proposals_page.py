"""The Collateral page's proposals: a rep proposes through the publish dialog with its status
fixed, follows them under My proposals, withdraws or sends a declined one back; marketing
reviews them in its Proposals view (approve, decline with a comment) and sees stale items with
the reason."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.store.local_files import guess_kind, title_from
from desktop.ui.collateral.dialogs import PublishDialog
from desktop.ui.collateral.model import ItemRole
from desktop.ui.collateral.page import MINE, PROPOSALS, STALE, CollateralPage
from tests.desktop.collateral.conftest import DEMO_PDF, received
from tests.desktop.collateral.test_page import REP, services

__all__ = ["services"]
OTHER = "01972fde-7e80-7328-a2f3-a964fce86400"


@pytest.fixture
def rep_page(qtbot, services):
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    return p


@pytest.fixture
def marketer_page(qtbot, services):
    services.user = {**REP, "role": "marketer"}
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    return p


def test_a_rep_proposes_a_file_as_a_proposal_and_sees_it_under_my_proposals(qtbot, tmp_path, store,
                                                                           rep_page):
    assert rep_page.propose_button.isEnabled() and not rep_page.publish_button.isEnabled()
    assert not rep_page.propose_button.isHidden()
    path = tmp_path / "my-one-pager.pdf"
    path.write_bytes(DEMO_PDF.read_bytes())
    dialog = PublishDialog([path], guess_title=title_from, guess_kind=guess_kind, proposal=True)
    qtbot.addWidget(dialog)
    # The status is fixed: a rep's file goes to marketing's review queue, nowhere else.
    assert not dialog.status.isEnabled()
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == ["review"]
    dialog.audience.setText("everyone-please")  # hidden for a proposal, and never sent
    rep_page.publish_paths([path], dialog=dialog, proposal=True)
    qtbot.waitUntil(lambda: len(rep_page.published_ids) == 1, timeout=20_000)
    row = store.get("collateral", rep_page.published_ids[0])
    assert (row["status"], row["proposed_by"], row["author_id"], row["audience"]) == (
        "review", REP["id"], REP["id"], None)
    assert (tmp_path / "blobs" / row["file_sha256"]).exists()
    received(store, title="Someone else's", status="review", proposed_by=OTHER)
    received(store, title="Approved sheet")
    rep_page.show_filter(MINE)
    qtbot.waitUntil(lambda: rep_page.model.total() == 1, timeout=20_000)
    assert rep_page.model.index(0, 0).data(ItemRole)["title"] == "My one pager"
    rep_page.grid.setCurrentIndex(rep_page.model.index(0, 0))
    d = rep_page.detail
    assert d.workflow.isHidden()  # no Approve, Retire or New version for a rep
    assert not d.withdraw_button.isHidden() and d.resubmit_button.isHidden()
    assert "Proposed by you" in d.review.text()


def test_a_rep_sees_the_decline_with_its_comment_sends_it_again_or_withdraws_it(qtbot, store,
                                                                              rep_page):
    cid = received(store, title="Homemade deck", status="declined", proposed_by=REP["id"],
                   author_id=REP["id"], review_comment="Old logo <b>please</b> fix")
    rep_page.show_filter(MINE)
    qtbot.waitUntil(lambda: rep_page.model.total() == 1, timeout=20_000)
    rep_page.grid.setCurrentIndex(rep_page.model.index(0, 0))
    d = rep_page.detail
    assert "Declined: Old logo &lt;b&gt;please&lt;/b&gt; fix" in d.review.text()
    assert not d.resubmit_button.isHidden()
    d.resubmit_button.click()
    qtbot.waitUntil(lambda: store.get("collateral", cid)["status"] == "review", timeout=20_000)
    # The view reloads after the change; the item stays chosen, now in review.
    qtbot.waitUntil(lambda: (rep_page.current_row() or {}).get("status") == "review",
                    timeout=10_000)
    assert rep_page.withdraw_current() is not None
    qtbot.waitUntil(lambda: store.get("collateral", cid) is None
                    or store.get("collateral", cid).get("deleted"), timeout=10_000)


def test_marketing_reviews_proposals_declining_with_a_comment_and_approving(qtbot, store,
                                                                          marketer_page):
    page = marketer_page
    assert page.propose_button.isHidden()  # marketing publishes
    first = received(store, title="Rita's sheet", status="review", proposed_by=OTHER)
    second = received(store, title="Rita's deck", status="review", proposed_by=OTHER)
    received(store, title="Marketing's draft", status="draft")
    page.show_filter(PROPOSALS)
    qtbot.waitUntil(lambda: page.model.total() == 2, timeout=20_000)
    page.grid.setCurrentIndex(page.model.index(page.model.row_of(first), 0))
    d = page.detail
    assert not d.workflow.isHidden() and not d.decline_button.isHidden()
    assert d.proposal_actions.isHidden()
    page.decline_current("Please use the 2027 template")
    qtbot.waitUntil(lambda: store.get("collateral", first)["status"] == "declined", timeout=20_000)
    assert store.get("collateral", first)["review_comment"] == "Please use the 2027 template"
    qtbot.waitUntil(lambda: page.current_id() is not None, timeout=20_000)
    page.grid.setCurrentIndex(page.model.index(page.model.row_of(second), 0))
    d.status_buttons["approved"].click()
    qtbot.waitUntil(lambda: store.get("collateral", second)["status"] == "approved", timeout=20_000)
    assert store.get("collateral", second)["verified_on"] == dt.date.today().isoformat()


def test_marketing_sees_stale_items_with_the_reason_and_marks_them_verified(qtbot, store,
                                                                         marketer_page):
    page = marketer_page
    old = (dt.date.today() - dt.timedelta(days=200)).isoformat()
    stale = received(store, title="Old price list", verified_on=old)
    fresh = received(store, title="Fresh sheet", verified_on=dt.date.today().isoformat())
    received(store, "collateral_usage", collateral_id=stale, action="opened",
             at=dt.datetime.now(dt.UTC).isoformat())
    received(store, "collateral_usage", collateral_id=fresh, action="opened",
             at=dt.datetime.now(dt.UTC).isoformat())
    page.show_filter(STALE)
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=20_000)
    index = page.model.index(0, 0)
    assert index.data(ItemRole)["id"] == stale
    assert page.model.index(0, 3).data().endswith("stale")
    page.grid.setCurrentIndex(index)
    assert "Stale: not verified since" in page.detail.review.text()
    assert not page.detail.verify_button.isHidden()
    page.detail.verify_button.click()
    qtbot.waitUntil(lambda: store.get("collateral", stale)["verified_on"]
                    == dt.date.today().isoformat(), timeout=20_000)
    qtbot.waitUntil(lambda: page.model.total() == 0, timeout=20_000)  # no longer stale


def test_notices_tell_the_rep_of_an_answer_and_marketing_of_a_new_proposal(qtbot, store, rep_page):
    from desktop.store.library_query import Notice

    rep_page._show_notices([Notice("proposal", "x", "My deck: declined (Old logo)"),
                            Notice("new_proposal", "y", "Sam <Sales> sheet")])
    assert "Your proposal My deck: declined (Old logo)" in rep_page.notice.text()
    assert "New proposal to review: “Sam &lt;Sales&gt; sheet”" in rep_page.notice.text()


def test_marketing_sets_the_verification_period_on_the_hub_and_the_view_follows(
        qtbot, tmp_path, live_hub):
    import os

    from desktop.settings import Settings
    from desktop.startup import build_services
    from desktop.store import open_store
    from desktop.store.db import DB_FILE
    from desktop.sync.session import Timeouts, sign_in
    from desktop.tasks import TaskRunner
    from desktop.ui.services import RecordChanges

    os.environ["FIELDNOTE_NO_KEYCHAIN"] = "1"
    live_hub.add_user("mia@example.com", "Mia Marketer", "marketer")
    data = tmp_path / "mia"
    data.mkdir()
    store = open_store(data / DB_FILE)
    sign_in(data, store, live_hub.url, "mia@example.com",
            live_hub.users["mia@example.com"]["password"],
            timeouts=Timeouts(connect=2.0, read=10.0, retries=0))
    changes, tasks = RecordChanges(), TaskRunner()
    store.add_listener(changes.on_store_commit)
    try:
        services = build_services(store, tasks, Settings.load(data), changes, data,
                                  store.get_state("user"))
        page = CollateralPage(services, services.collateral)
        qtbot.addWidget(page)
        week_old = (dt.date.today() - dt.timedelta(days=7)).isoformat()
        received(store, title="Checked last week", verified_on=week_old)
        assert not page.period_button.isHidden()
        assert "180" in page.period_button.text()
        page.show_filter(STALE)
        assert page.model.total() == 0
        page.set_verify_period(5)
        qtbot.waitUntil(lambda: " 5 " in page.period_button.text(), timeout=20_000)
        qtbot.waitUntil(lambda: page.model.total() == 1, timeout=20_000)
        assert live_hub.client("mia@example.com").get(
            f"{live_hub.url}/v1/sync/pull", timeout=30).json()["settings"][
            "collateral_verify_days"] == "5"
    finally:
        tasks.shutdown()
        store.remove_listener(changes.on_store_commit)
        store.engine.dispose()


def test_a_rep_is_not_offered_the_verification_period(rep_page):
    assert rep_page.period_button.isHidden()


def test_marketing_edits_a_proposal_before_approving_it(qtbot, store, marketer_page):
    page = marketer_page
    cid = received(store, title="rita deck FINAL v3", status="review", proposed_by=OTHER,
                   summary="my deck", file_name="rita.pdf")
    page.show_filter(PROPOSALS)
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=20_000)
    page.grid.setCurrentIndex(page.model.index(0, 0))
    assert not page.detail.edit_button.isHidden()
    dialog = PublishDialog([DEMO_PDF], guess_title=title_from, guess_kind=guess_kind,
                           previous=page.current_row(), editing=True)
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "rita deck FINAL v3"
    dialog.title.setText("Food plants ROI deck")
    dialog.summary.setPlainText("")
    page.edit_current(dialog.fields_for(DEMO_PDF, title_from))
    qtbot.waitUntil(lambda: store.get("collateral", cid)["title"] == "Food plants ROI deck", timeout=20_000)
    row = store.get("collateral", cid)
    assert (row["summary"], row["status"], row["proposed_by"]) == (None, "review", OTHER)
