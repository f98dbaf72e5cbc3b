"""Collateral across devices through a real hub on loopback: publish, approve, supersede,
retire, audiences, review comments, requests, use and ratings."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.store import Store, open_store
from desktop.store.collateral import CollateralLibrary
from desktop.store.db import DB_FILE
from desktop.store.library_query import LibraryQuery
from desktop.store.publishing import publish_file
from desktop.sync.blobs import open_file_cache
from desktop.sync.engine import SyncEngine
from desktop.sync.session import Timeouts, build_engine, sign_in
from desktop.sync.state import Outcome
from resources.paths import resource_path
from tests.support.files import pdf_bytes

os.environ["FIELDNOTE_NO_KEYCHAIN"] = "1"
FAST = Timeouts(connect=2.0, read=10.0, retries=0)
SHEET = resource_path("demo", "insight-cloud-sell-sheet.pdf")
BROCHURE = resource_path("demo", "northwind-platform-brochure.pdf")


@dataclass
class Device:
    data_dir: Path
    store: Store
    engine: SyncEngine
    user: dict

    @property
    def library(self) -> CollateralLibrary:
        return CollateralLibrary(self.store)

    def sync(self) -> None:
        report = self.engine.run_cycle()
        assert report.outcome is Outcome.OK, report.message
        assert report.attention == 0, self.engine.store.attention_items()

    def titles(self, **query) -> list[str]:
        ids = self.library.ids(LibraryQuery(**query))
        rows = self.library.rows(ids)
        return [rows[i]["title"] for i in ids]

    def cached(self, path: Path) -> bool:
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        return open_file_cache(self.data_dir).path_if_verified(sha) is not None


@pytest.fixture
def device(tmp_path, live_hub):
    live_hub.add_user("mia@example.com", "Mia Marketer", "marketer")
    live_hub.add_user("rita@example.com", "Rita Rep", "rep", team="north")
    live_hub.add_user("sam@example.com", "Sam South", "rep", team="south")
    made: list[Device] = []

    def make(email: str) -> Device:
        data_dir = tmp_path / email.split("@")[0]
        data_dir.mkdir()
        store = open_store(data_dir / DB_FILE)
        sign_in(data_dir, store, live_hub.url, email, live_hub.users[email]["password"],
                timeouts=FAST)
        dev = Device(data_dir, store, build_engine(data_dir, store, timeouts=FAST),
                     store.get_state("user"))
        made.append(dev)
        return dev

    yield make
    for dev in made:
        dev.engine.client.close()
        dev.store.engine.dispose()


def publish(dev: Device, path: Path, **fields) -> str:
    values = {"kind": "sell_sheet", "status": "approved", **fields}
    return publish_file(dev.library, open_file_cache(dev.data_dir), path, values,
                        author_id=dev.user["id"], supersedes_id=values.pop("supersedes_id", None))


def test_a_published_pdf_reaches_a_rep_who_finds_uses_and_rates_it_and_marketing_sees_that(device):
    mia, rita = device("mia@example.com"), device("rita@example.com")
    cid = publish(mia, SHEET, title="Insight Cloud sheet", status="draft")
    mia.sync()
    rita.sync()
    assert rita.titles(statuses=("approved", "review", "draft")) == []  # a draft stays in marketing
    mia.library.set_status(cid, "approved")
    mia.sync()
    rita.sync()
    # Found by a word that is only inside the PDF, with the file verified on disk.
    assert rita.titles(search="semantic") == ["Insight Cloud sheet"]
    assert rita.cached(SHEET)
    lead = rita.store.save("lead", {"last_name": "Okafor", "email": "ada@example.com",
                                    "captured_at": "2026-11-24T10:00:00Z"}).record_id
    rita.library.record_usage(cid, "opened", author_id=rita.user["id"])
    rita.library.record_usage(cid, "shared", lead_id=lead, author_id=rita.user["id"])
    rita.library.rate(cid, 4, "Customers liked the editions table", author_id=rita.user["id"])
    rita.sync()
    mia.sync()
    assert mia.library.usage_summary(cid) == {"opened": 1, "shared": 1}
    [feedback] = mia.library.feedback(cid)
    assert (feedback["rating"], feedback["comment"], feedback["name"]) == (
        4, "Customers liked the editions table", "Rita Rep")
    assert mia.library.rows([cid])[cid]["rating"] == 4.0


def test_a_new_version_supersedes_the_old_one_on_the_rep_device(device):
    mia, rita = device("mia@example.com"), device("rita@example.com")
    old = publish(mia, SHEET, title="Overview")
    mia.sync()
    rita.sync()
    assert rita.cached(SHEET)
    new = publish(mia, BROCHURE, supersedes_id=old, status="approved")
    mia.sync()
    rita.sync()
    assert rita.library.ids(LibraryQuery()) == [new]
    assert rita.store.get("collateral", new)["version"] == 2
    assert [r["id"] for r in rita.library.history(new)] == [new, old]  # history keeps the old one
    assert rita.cached(BROCHURE)
    assert not rita.cached(SHEET)  # the replaced file left the cache
    assert rita.library.take_notices(rita.user["id"]) == []


def test_retiring_removes_the_item_and_its_file_from_the_rep_device_with_a_notice(device):
    mia, rita = device("mia@example.com"), device("rita@example.com")
    cid = publish(mia, SHEET, title="Old offer")
    mia.sync()
    rita.sync()
    assert rita.titles() == ["Old offer"] and rita.cached(SHEET)
    rita.library.take_notices(rita.user["id"])
    mia.library.set_status(cid, "retired")
    mia.sync()
    rita.sync()
    assert rita.titles() == []
    assert not rita.cached(SHEET)
    [notice] = rita.library.take_notices(rita.user["id"])
    assert (notice.kind, notice.text) == ("removed", "Old offer")


def test_the_audience_decides_which_reps_receive_an_item(device):
    mia, rita, sam = device("mia@example.com"), device("rita@example.com"), device("sam@example.com")
    publish(mia, SHEET, title="North pilot", audience=["north"])
    publish(mia, BROCHURE, title="For everyone")
    mia.sync()
    rita.sync()
    sam.sync()
    assert sorted(rita.titles()) == ["For everyone", "North pilot"]
    assert sam.titles() == ["For everyone"]
    assert rita.cached(SHEET) and not sam.cached(SHEET)


def test_review_comments_go_from_reps_to_marketing(device):
    mia, rita = device("mia@example.com"), device("rita@example.com")
    cid = publish(mia, SHEET, title="Draft deck", kind="deck", status="review")
    mia.sync()
    rita.sync()
    assert rita.titles() == []  # not offered as approved material yet
    assert rita.titles(statuses=("review",)) == ["Draft deck"]
    rita.library.comment(cid, "Page 2 still shows the 2025 prices", author_id=rita.user["id"])
    rita.sync()
    mia.sync()
    assert [(f["comment"], f["rating"]) for f in mia.library.feedback(cid)] == [
        ("Page 2 still shows the 2025 prices", None)]


def test_a_request_is_answered_and_delivered_and_the_rep_is_told(device):
    mia, rita = device("mia@example.com"), device("rita@example.com")
    rita.library.take_notices(rita.user["id"])
    rid = rita.library.ask({"title": "Sell sheet for food plants", "needed_by": "2027-02-01",
                            "kind": "sell_sheet"}, author_id=rita.user["id"])
    rita.sync()
    mia.sync()
    [queued] = mia.library.requests(statuses=("open", "accepted"))
    assert (queued["id"], queued["title"]) == (rid, "Sell sheet for food plants")
    mia.library.answer_request(rid, "accepted", "Drafting it this week")
    mia.sync()
    rita.sync()
    [notice] = rita.library.take_notices(rita.user["id"])
    assert notice.text == "Sell sheet for food plants: accepted"
    cid = publish(mia, SHEET, title="Edge Sensors for food plants")
    mia.library.answer_request(rid, "delivered", "Here it is", cid)
    mia.sync()
    rita.sync()
    row = rita.store.get("collateral_request", rid)
    assert (row["status"], row["collateral_id"], row["response"]) == ("delivered", cid, "Here it is")
    assert rita.library.take_notices(rita.user["id"])[0].text == "Sell sheet for food plants: delivered"
    assert rita.cached(SHEET)


def test_a_rep_opens_an_item_in_review_by_downloading_it_on_demand(qtbot, device):
    from desktop.sync.blobs import blob_dir
    from desktop.sync.session import hub_file_cache
    from desktop.tasks import TaskRunner
    from desktop.ui.collateral.files import CollateralFiles

    mia, rita = device("mia@example.com"), device("rita@example.com")
    publish(mia, SHEET, title="Draft deck", kind="deck", status="review")
    mia.sync()
    rita.sync()
    assert not rita.cached(SHEET)  # the sync fetches approved files only
    tasks = TaskRunner()
    files = CollateralFiles(open_file_cache(rita.data_dir), blob_dir(rita.data_dir), tasks,
                            connect=lambda: hub_file_cache(rita.data_dir, rita.store, None))
    opened, missing = [], []
    sha = hashlib.sha256(SHEET.read_bytes()).hexdigest()
    try:
        files.fetch(sha, SHEET.stat().st_size, on_ready=opened.append, on_missing=missing.append)
        qtbot.waitUntil(lambda: bool(opened or missing), timeout=20_000)
    finally:
        tasks.shutdown()
    assert missing == []
    assert opened[0].read_bytes() == SHEET.read_bytes()
    assert rita.cached(SHEET)


def test_files_go_up_before_their_items_streamed_with_progress_and_only_once(tmp_path, device, live_hub):
    mia = device("mia@example.com")
    big = tmp_path / "big-deck.pdf"
    big.write_bytes(pdf_bytes(padding=3 * 1024 * 1024 + 17))  # a PDF of 3 MB, mostly random bytes
    first = publish(mia, big, title="Big deck", kind="deck")
    progress = []
    report = mia.engine.run_cycle(progress=progress.append)
    assert report.outcome is Outcome.OK and report.applied == 1, report.message
    uploads = [p for p in progress if p.stage == "upload"]
    assert uploads[0].done == 0 and uploads[-1].done == uploads[-1].total == big.stat().st_size
    assert len(uploads) > 3  # reported as it went, not only at the end
    sha = hashlib.sha256(big.read_bytes()).hexdigest()
    assert any(live_hub.blobs_dir.rglob(sha))  # the hub stored it
    assert mia.engine.uploaded_bytes == big.stat().st_size
    # A new version naming the same file: the HEAD finds it, nothing is sent again.
    mia.library.new_version(first, {"status": "approved"})
    mia.sync()
    assert mia.engine.uploaded_bytes == big.stat().st_size


def test_a_truncated_download_is_never_opened_and_resumes_to_a_verified_file(qtbot, device, live_hub):
    from urllib.parse import urlsplit

    from desktop.sync.blobs import BlobCache, blob_dir
    from desktop.sync.client import HubClient
    from desktop.tasks import TaskRunner
    from desktop.ui.collateral.files import CollateralFiles
    from tests.support.fault_proxy import FaultProxy

    mia, rita = device("mia@example.com"), device("rita@example.com")
    publish(mia, SHEET, title="Draft deck", kind="deck", status="review")
    mia.sync()
    rita.sync()
    cut = {"on": True}

    def policy(line: str, _headers: dict, _body: bytes = b"") -> str:
        return "truncate" if cut["on"] and line.startswith("GET /v1/blobs/") else "pass"

    hub = urlsplit(live_hub.url)
    proxy = FaultProxy((hub.hostname, hub.port), policy=policy).start()
    client = HubClient(proxy.url, live_hub.token_for("rita@example.com"), retries=0, read_timeout=10)
    hub_blobs = BlobCache(blob_dir(rita.data_dir), client)
    tasks = TaskRunner()
    files = CollateralFiles(open_file_cache(rita.data_dir), blob_dir(rita.data_dir), tasks,
                            connect=lambda: hub_blobs)
    sha = hashlib.sha256(SHEET.read_bytes()).hexdigest()
    size = SHEET.stat().st_size
    try:
        opened, missing = [], []
        files.fetch(sha, size, on_ready=opened.append, on_missing=missing.append)
        qtbot.waitUntil(lambda: bool(opened or missing), timeout=20_000)
        assert opened == [] and "interrupted" in missing[0]
        # What arrived waits as .part (a name nobody opens) to be resumed; no file is handed out.
        assert (blob_dir(rita.data_dir) / f"{sha}.part").stat().st_size < size
        assert not (blob_dir(rita.data_dir) / sha).exists()
        cut["on"] = False
        files.fetch(sha, size, on_ready=opened.append, on_missing=missing.append)
        qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
        assert opened[0].read_bytes() == SHEET.read_bytes()
        assert client.bytes_received < size * 1.05  # resumed, not fetched twice
    finally:
        tasks.shutdown()
        client.close()
        proxy.stop()
