"""The Collateral page: the library model, search highlights, thumbnails off the UI thread,
and files that are only ever opened verified."""

from __future__ import annotations

import hashlib

import pytest
from pytestqt.modeltest import ModelTester

from desktop.settings import Settings
from desktop.startup import build_services
from desktop.tasks import TaskRunner
from desktop.ui.collateral.files import CACHED, NOT_CACHED
from desktop.ui.collateral.model import ItemRole, SnippetHtmlRole, ThumbnailRole, TitleHtmlRole
from desktop.ui.collateral.page import CollateralPage
from desktop.ui.services import RecordChanges
from tests.desktop.collateral.conftest import DEMO_PDF, put_blob, received

REP = {"id": "01972fde-7e80-7328-a2f3-a964fce864df", "name": "Rita", "role": "rep", "team": "north"}


@pytest.fixture
def services(tmp_path, qapp, store):
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    tasks = TaskRunner()
    s = build_services(store, tasks, Settings.load(tmp_path), changes, tmp_path, dict(REP))
    yield s
    tasks.shutdown()
    store.remove_listener(changes.on_store_commit)


@pytest.fixture
def page(qtbot, services):
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    return p


def test_the_library_model_passes_the_model_tester(qtbot, store, services):
    for n in range(30):
        received(store, title=f"Sheet {n}", text=f"word{n % 3}")
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    ModelTester(qtbot).check(p.model, force_py=True)
    p.search.setText("word1")
    p.reload()
    assert p.model.total() == 10


def test_search_shows_matches_highlighted_in_the_list(qtbot, store, page):
    received(store, title="Pipeline sell sheet", text="Change data capture with exactly-once delivery")
    received(store, title="Brochure", text="Three products")
    page.search.setText("capture")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    index = page.model.index(0, 0)
    assert index.data(ItemRole)["title"] == "Pipeline sell sheet"
    assert "<b>capture</b>" in index.data(SnippetHtmlRole)
    assert index.data(TitleHtmlRole) == "Pipeline sell sheet"
    assert page.sort.currentData() == "relevance"
    assert "<b>capture</b>" in page.detail.match.text()


def test_a_saved_item_appears_without_a_manual_refresh(qtbot, store, page):
    assert page.model.total() == 0
    received(store, title="Arrived by sync")
    qtbot.waitUntil(lambda: page.model.total() == 1)


def test_thumbnails_are_built_off_the_ui_thread_and_arrive_later(qtbot, store, services, tmp_path):
    sha = put_blob(tmp_path, DEMO_PDF.read_bytes())
    received(store, title="Sheet", file_sha256=sha, mime_type="application/pdf",
             file_size=DEMO_PDF.stat().st_size)
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    index = p.model.index(0, 0)
    # Asked while the thumbnail is being built: the type icon comes back at once.
    assert p.thumbnails.pending() == 1
    first = index.data(ThumbnailRole)
    assert (first.width(), first.height()) == (130, 168)
    with qtbot.waitSignal(p.thumbnails.thumbnail_ready, timeout=10_000) as ready:
        pass
    assert ready.args == [sha]
    thumb = index.data(ThumbnailRole)
    assert thumb.width() == 240 and thumb.height() > 240
    assert (tmp_path / "thumbnails" / f"{sha}-240.png").exists()
    assert p.is_ready()


def test_a_damaged_cached_file_is_discarded_and_never_opened(qtbot, store, page, tmp_path):
    data = DEMO_PDF.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    (tmp_path / "blobs").mkdir(exist_ok=True)
    (tmp_path / "blobs" / sha).write_bytes(data[: len(data) // 2])  # truncated
    opened, missing = [], []
    assert page.files.state(sha) == (CACHED, None)
    with qtbot.waitSignal(page.files.state_changed, timeout=10_000, raising=False):
        page.files.fetch(sha, len(data), on_ready=opened.append, on_missing=missing.append)
        qtbot.waitUntil(lambda: bool(opened or missing), timeout=10_000)
    assert opened == []
    assert "not on this computer" in missing[0]
    assert not (tmp_path / "blobs" / sha).exists()
    assert page.files.state(sha) == (NOT_CACHED, None)


def test_rating_from_the_detail_panel_is_saved_on_the_writer_lane(qtbot, store, page):
    cid = received(store, title="Deck")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    page.grid.setCurrentIndex(page.model.index(0, 0))
    page.detail.rating.setCurrentIndex(page.detail.rating.findData(4))
    page.detail.comment.setPlainText("Customers liked page 2")
    page.detail.rate_button.click()
    library = page.library
    qtbot.waitUntil(lambda: bool(library.feedback(cid)))
    [feedback] = library.feedback(cid)
    assert (feedback["rating"], feedback["comment"]) == (4, "Customers liked page 2")
    qtbot.waitUntil(lambda: page.model.index(0, 0).data(ItemRole)["rating"] == 4.0)


@pytest.fixture
def marketer_page(qtbot, services):
    services.user = {**REP, "role": "marketer"}
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    return p


def test_a_marketer_publishes_a_whole_folder_and_each_file_becomes_an_item(qtbot, tmp_path, store, marketer_page):
    from desktop.store.local_files import guess_kind, title_from
    from desktop.ui.collateral.dialogs import PublishDialog

    folder = tmp_path / "to-publish"
    (folder / "sub").mkdir(parents=True)
    (folder / "pipeline-sell-sheet.pdf").write_bytes(DEMO_PDF.read_bytes())
    (folder / "sub" / "case-study-acme.pdf").write_bytes(DEMO_PDF.read_bytes()[:-10] + b"%%EOF\n")
    (folder / "notes.exe").write_bytes(b"MZ")
    files = [folder / "pipeline-sell-sheet.pdf", folder / "sub" / "case-study-acme.pdf"]
    dialog = PublishDialog(files, guess_title=title_from, guess_kind=guess_kind)
    qtbot.addWidget(dialog)
    dialog.tag_edits["product"].setText("Pipeline, Insight Cloud")
    dialog.audience.setText("north")
    dialog.status.setCurrentIndex(dialog.status.findData("approved"))
    marketer_page.publish_paths([folder], dialog=dialog)
    qtbot.waitUntil(lambda: len(marketer_page.published_ids) == 2, timeout=20_000)
    rows = [store.get("collateral", i) for i in marketer_page.published_ids]
    assert sorted(r["title"] for r in rows) == ["Case study acme", "Pipeline sell sheet"]
    assert {tuple(r["tags"]) for r in rows} == {("product:Pipeline", "product:Insight Cloud")}
    assert {(r["status"], tuple(r["audience"]), r["author_id"]) for r in rows} == {
        ("approved", ("north",), REP["id"])}
    assert all(r["file_sha256"] and (tmp_path / "blobs" / r["file_sha256"]).exists() for r in rows)
    qtbot.waitUntil(lambda: marketer_page.model.total() == 2)


def test_sharing_with_a_lead_opens_a_mail_draft_and_records_the_use(qtbot, tmp_path, store, page):
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    class Opened(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[str] = []

        @Slot("QUrl")
        def take(self, url) -> None:  # noqa: ANN001
            self.urls.append(url.toString())

    sha = put_blob(tmp_path, DEMO_PDF.read_bytes())
    cid = received(store, title="Insight Cloud sheet", file_sha256=sha, file_name="ic-sheet.pdf",
                   mime_type="application/pdf")
    lead = store.save("lead", {"first_name": "Ada", "last_name": "Okafor", "email": "ada@example.com",
                               "company": "Zenith", "captured_at": "2026-11-24T10:00:00Z"}).record_id
    [target] = page._share_targets("okafor")
    assert (target["kind"], target["id"], target["email"]) == ("lead", lead, "ada@example.com")
    opened = Opened()
    for scheme in ("mailto", "file"):
        QDesktopServices.setUrlHandler(scheme, opened, "take")
    try:
        row = page.library.get(cid)
        page._share(row, tmp_path / "blobs" / sha, target)
        qtbot.waitUntil(lambda: len(opened.urls) == 2)  # the copy is made on a worker first
    finally:
        for scheme in ("mailto", "file"):
            QDesktopServices.unsetUrlHandler(scheme)
    mail = opened.urls[0]
    assert mail.startswith("mailto:ada@example.com?subject=Insight Cloud sheet")
    copy = tmp_path / "opened" / sha[:16] / "ic-sheet.pdf"
    assert f"attach={copy}" in mail
    assert copy.read_bytes() == DEMO_PDF.read_bytes()
    qtbot.waitUntil(lambda: page.library.usage_summary(cid) == {"shared": 1})
    [usage] = store.all("collateral_usage")
    assert (usage["lead_id"], usage["author_id"]) == (lead, REP["id"])


def test_the_marketing_queue_lists_open_requests_soonest_first_and_answers_them(qtbot, store, marketer_page):
    from desktop.ui.collateral.requests import RequestsDialog

    rep = "01972fe0-5340-71d6-bbf1-76e0aa9d21de"
    received(store, "user", id=rep, name="Remy Rep", role="rep")
    late = received(store, "collateral_request", title="Later", needed_by="2027-03-01", status="open",
                    author_id=rep)
    received(store, "collateral_request", title="Soon", needed_by="2027-01-10", status="accepted",
             author_id=rep)
    received(store, "collateral_request", title="Done", status="delivered", author_id=rep)
    dialog = RequestsDialog(marketer_page._load_requests, True, marketer_page)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Soon", "Later"]
    assert model.index(1, 4).data() == "Remy Rep"
    ModelTester(qtbot).check(model, force_py=True)
    dialog.table.setCurrentIndex(model.index(1, 0))
    assert dialog.buttons["declined"].isEnabled()
    with qtbot.waitSignal(dialog.answer_requested) as asked:
        dialog.buttons["declined"].click()
    assert (asked.args[0]["id"], asked.args[1]) == (late, "declined")


# The offscreen platform says so whenever a shown window's size hints change; harmless.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_thumbnails_follow_files_that_a_sync_brings_later(qtbot, store, services, tmp_path):
    from PySide6.QtCore import QObject, Signal

    from desktop.sync.state import CycleReport

    class Runner(QObject):  # the sync runner's signal, as the window's session provides it
        cycle_finished = Signal(object)

    runner = Runner()
    services.sync = runner  # type: ignore[assignment]
    data = DEMO_PDF.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    received(store, title="Sheet", file_sha256=sha, mime_type="application/pdf", file_size=len(data))
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitUntil(lambda: p.thumbnails.pending() == 0)  # no file yet: a type icon stays
    assert p.model.index(0, 0).data(ThumbnailRole).width() == 130
    put_blob(tmp_path, data)
    with qtbot.waitSignal(p.thumbnails.thumbnail_ready, timeout=10_000):
        runner.cycle_finished.emit(CycleReport(blobs_fetched=1))
    assert p.model.index(0, 0).data(ThumbnailRole).width() == 240


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_opening_and_presenting_a_pdf_are_recorded(qtbot, store, page, tmp_path):
    sha = put_blob(tmp_path, DEMO_PDF.read_bytes())
    cid = received(store, title="Sheet", file_sha256=sha, mime_type="application/pdf",
                   file_name="sheet.pdf")
    row = page.library.get(cid)
    page._open_in_app(row, tmp_path / "blobs" / sha, present=True)
    [viewer] = page._viewers
    qtbot.addWidget(viewer)
    assert viewer.loaded() and viewer.document.pageCount() >= 1
    assert viewer.isFullScreen()
    qtbot.waitUntil(lambda: page.library.usage_summary(cid) == {"opened": 1, "presented": 1})
    viewer.close()


def test_the_side_panel_names_the_versions_an_item_replaced(qtbot, store, page):
    old = received(store, title="Price list", kind="price_list", status="retired")
    received(store, title="Price list", kind="price_list", version=2, supersedes_id=old)
    qtbot.waitUntil(lambda: page.model.total() == 1)
    page.grid.setCurrentIndex(page.model.index(0, 0))
    assert page.detail.history.text() == "Other versions: v1 (Retired)"


def test_a_picture_gets_a_thumbnail_of_itself_and_other_files_a_type_icon(qtbot, store, services, tmp_path):
    from PySide6.QtGui import QColor, QImage

    picture = QImage(400, 300, QImage.Format.Format_RGB32)
    picture.fill(QColor("#1f6feb"))
    png = tmp_path / "booth.png"
    picture.save(str(png), "PNG")
    sha = put_blob(tmp_path, png.read_bytes())
    video = put_blob(tmp_path, b"not really a video")
    received(store, title="Booth photo", file_sha256=sha, mime_type="image/png", kind="other")
    received(store, title="Demo video", file_sha256=video, mime_type="video/mp4", kind="video")
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    qtbot.waitUntil(lambda: p.thumbnails.pending() == 0, timeout=10_000)
    by_title = {p.model.index(r, 0).data(ItemRole)["title"]: p.model.index(r, 0) for r in range(2)}
    photo = by_title["Booth photo"].data(ThumbnailRole)
    assert (photo.width(), photo.height()) == (240, 180)
    assert by_title["Demo video"].data(ThumbnailRole).width() == 130  # the type icon


def test_an_item_offers_only_the_moves_away_from_its_status(qtbot, store, marketer_page):
    # An approved item showed an "Approve" button (greyed out) beside the moves it can make.
    page = marketer_page
    received(store, title="Approved deck", status="approved")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    page.grid.setCurrentIndex(page.model.index(0, 0))
    buttons = page.detail.status_buttons
    assert buttons["approved"].isHidden()
    assert not buttons["review"].isHidden() and not buttons["retired"].isHidden()
    assert all(b.isEnabled() for b in buttons.values())
    row = {**page.model.index(0, 0).data(ItemRole), "status": "review"}
    page.detail.show_item(row, thumbnail=None, workflow=True)
    assert not buttons["approved"].isHidden() and buttons["approved"].text() == "Approve"
    assert buttons["review"].isHidden()


def test_a_one_click_status_change_is_undone_from_its_notice_as_a_change_that_syncs(qtbot, store, marketer_page):
    page = marketer_page
    cid = received(store, title="Deck", status="approved")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    page.grid.setCurrentIndex(page.model.index(0, 0))
    page.detail.status_buttons["review"].click()
    qtbot.waitUntil(lambda: store.get("collateral", cid)["status"] == "review")
    qtbot.waitUntil(lambda: page.undo_notice.write is not None)
    assert "To review" in page.undo_notice.label.text()
    page.undo_notice.button.click()
    qtbot.waitUntil(lambda: store.get("collateral", cid)["status"] == "approved")
    # The undo is a queued change of its own, not a removed one.
    [entry] = [e for e in store.outbox_entries() if e["record_id"] == cid]
    assert entry["fields"] == {"status": "approved"}


@pytest.mark.parametrize(("role", "reason"), [
    ("admin", "Administrators manage users and settings; they do not edit records"),
    ("rep", "Reps propose material as a draft or for review; marketing approves and "
            "publishes it"),
])
def test_who_may_not_publish_sees_publish_disabled_with_the_hubs_reason(qtbot, services, role,
                                                                        reason):
    # Admins used to be offered Publish (page and drops); the hub then rejected the item at
    # sync. Now the button says why up front and drops are refused.
    services.user = {**REP, "role": role}
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    assert not p.publish_button.isEnabled()
    assert p.publish_button.toolTip() == reason
    assert not p.acceptDrops()


def test_an_admin_requests_nothing_and_answers_nothing(qtbot, services):
    services.user = {**REP, "role": "admin"}
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    assert not p.request_button.isEnabled()
    assert p.request_button.toolTip().startswith("Administrators manage users")
    assert p.requests_button.text() == "My requests"


def test_an_admin_reads_collateral_without_rating_sharing_or_usage_records(qtbot, store, services):
    # The hub takes no feedback or usage from admins; opening an item used to queue an
    # "opened" record that came back as needs attention.
    services.user = {**REP, "role": "admin"}
    cid = received(store, title="Deck", status="approved")
    p = CollateralPage(services, services.collateral)
    qtbot.addWidget(p)
    p.reload()
    qtbot.waitUntil(lambda: p.model.total() == 1)
    p.grid.setCurrentIndex(p.model.index(0, 0))
    qtbot.waitUntil(lambda: p.detail.row is not None)
    admin_writes = "Administrators manage users and settings; they do not edit records"
    for button in (p.detail.rate_button, p.detail.share_button):
        assert not button.isEnabled() and button.toolTip() == admin_writes
    p._record_use(p.current_row(), "opened")
    done: list[int] = []
    services.tasks.write("after", lambda _ctx: done.append(1))  # the writer lane is serial
    qtbot.waitUntil(lambda: done == [1])
    assert store.outbox_counts()["pending"] == 0
    assert store.get("collateral", cid) is not None


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_file_that_is_not_what_its_name_says_is_refused_in_the_dialog_and_another_one_chosen(
        qtbot, tmp_path, store, marketer_page):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from desktop.ui.collateral.dialogs import PublishDialog
    from tests.support.files import pdf_bytes, write

    fake = write(tmp_path / "in" / "price-list.pdf", b"\x89PNG not a pdf at all" * 50)
    real = write(tmp_path / "in" / "real-price-list.pdf", pdf_bytes())
    seen: dict[str, object] = {}

    def in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PublishDialog)
        publish = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        publish.click()
        seen["error"] = dialog.error.text()
        seen["still_open"] = dialog.isVisible()
        seen["can_replace"] = not dialog.replace_button.isHidden()
        seen["written_meanwhile"] = len(store.outbox_entries())
        dialog.replace_file(real)
        seen["title"] = dialog.title.text()
        publish.click()

    QTimer.singleShot(0, in_the_dialog)
    marketer_page.publish_paths([fake])
    assert seen == {"error": "price-list.pdf is not a readable PDF (it does not start like one); "
                             "nothing was published.",
                    "still_open": True, "can_replace": True, "written_meanwhile": 0,
                    "title": "Real price list"}
    qtbot.waitUntil(lambda: len(marketer_page.published_ids) == 1, timeout=20_000)
    row = store.get("collateral", marketer_page.published_ids[0])
    assert (row["file_name"], row["title"]) == ("real-price-list.pdf", "Real price list")


def test_a_cards_offline_state_never_runs_into_its_stars(qapp):
    # Spanish "Sin conexión" beside five stars was drawn over them on a 160 px card.
    from PySide6.QtGui import QFont, QFontMetrics

    from desktop.ui.collateral.delegates import CARD_W, beside

    metrics = QFontMetrics(QFont())
    width = CARD_W - 28
    for label in ("✓ Sin conexión", "✓ Offline", "📌 Offline verfügbar und angeheftet"):
        shown = beside(metrics, "★★★★★", label, width)
        assert metrics.horizontalAdvance("★★★★★") + 6 + metrics.horizontalAdvance(shown) <= width
        assert shown == label or shown.endswith("…")
    assert beside(metrics, "", "✓ Offline", width) == "✓ Offline"
