"""Collateral benchmark: 20,000 items in a store — library search p50/p95 beside the same raw
FTS5 query, library open time, thumbnail throughput — and a 200 MB file downloaded through a
proxy that cuts the connection 10 times (bytes received vs the file's size).

Run: `python -m bench.collateral [--items N] [--size-mb M] [--cuts K] [--skip-download]`.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

SYLLABLES = ("ka", "lo", "mi", "ter", "van", "sol", "dra", "pen", "qui", "ros", "tal", "ben",
             "cor", "fex", "gil", "hun", "jor", "lux", "nor", "pla", "rin", "sto", "tur", "vel")


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    """Made-up words; drawn with a Zipf-like skew, so some are common and most are rare."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(SYLLABLES, k=rng.choice((2, 3, 3, 4)))))
    return sorted(words)


KINDS = ("sell_sheet", "brochure", "deck", "case_study", "price_list", "video", "other")


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def fill(store, n: int, rng: random.Random, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert

    from desktop.store.schema import record_tables
    from fieldnote.ids import new_id

    c = record_tables["collateral"]
    weights = [1 / (rank + 1) for rank in range(len(words))]
    rows = []
    for i in range(n):
        body = rng.choices(words, weights, k=400)
        rows.append({
            "id": new_id(), "rev": 1, "deleted": False,
            "local_updated_at": f"2026-11-{1 + i % 28:02d}T10:00:00Z",
            "title": " ".join(rng.choices(words, weights, k=5)).capitalize()[:200],
            "summary": " ".join(rng.choices(words, weights, k=25)),
            "kind": rng.choice(KINDS), "tags": rng.sample(words[:300], 3),
            "status": "approved" if rng.random() < 0.9 else rng.choice(("review", "retired")),
            "version": 1, "file_sha256": f"{i:064x}", "file_size": 100_000,
            "mime_type": "application/pdf", "audience": [],
            "text": " ".join(body),
            "expires_on": "2020-01-01" if rng.random() < 0.02 else None,
        })
    with store.engine.begin() as conn:
        for start in range(0, n, 1000):
            conn.execute(insert(c), rows[start:start + 1000])


def bench_search(store, rng: random.Random, runs: int, words: list[str]) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    from desktop.store.collateral import CollateralLibrary
    from desktop.store.library_query import LibraryQuery
    from desktop.store.queries import fts_query

    library = CollateralLibrary(store)
    # What people type: one to three words, common ones and rare ones, some as prefixes.
    searches = []
    for _ in range(runs):
        picked = [rng.choice(words[:50] if rng.random() < 0.4 else words[:2000])
                  for _ in range(rng.choice((1, 2, 2, 3)))]
        if rng.random() < 0.3:
            picked[-1] = picked[-1][:4]
        searches.append(" ".join(picked))
    ours, raw, highlight = [], [], []
    raw_sql = text("SELECT rowid FROM fts_collateral WHERE fts_collateral MATCH :m "
                   "ORDER BY bm25(fts_collateral, 10.0, 4.0, 6.0, 1.0)")
    found = 0
    for search in searches:
        match = fts_query(search)
        t0 = time.perf_counter()
        with store.engine.connect() as conn:
            conn.execute(raw_sql, {"m": match}).all()
        raw.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        ids = library.ids(LibraryQuery(search=search, sort="relevance"))
        ours.append(time.perf_counter() - t0)
        found += len(ids)
        t0 = time.perf_counter()
        library.rows(ids[:200])
        library.highlights(ids[:200], search)
        highlight.append(time.perf_counter() - t0)
    out(f"search ({runs} queries, {found / runs:.0f} hits on average):")
    out(f"  library query   p50 {pct(ours, 50) * 1000:7.1f} ms   p95 {pct(ours, 95) * 1000:7.1f} ms")
    out(f"  raw FTS5 query  p50 {pct(raw, 50) * 1000:7.1f} ms   p95 {pct(raw, 95) * 1000:7.1f} ms")
    out(f"  ratio p95 library/raw: {pct(ours, 95) / pct(raw, 95):.2f}")
    out(f"  first page rows + highlights p50 {pct(highlight, 50) * 1000:.1f} ms, "
        f"p95 {pct(highlight, 95) * 1000:.1f} ms")


def bench_open(store, data_dir: Path, runs: int) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop.settings import Settings
    from desktop.startup import build_services
    from desktop.tasks import TaskRunner
    from desktop.ui.collateral.page import CollateralPage
    from desktop.ui.services import RecordChanges

    app = QApplication.instance() or QApplication([])
    tasks = TaskRunner()
    services = build_services(store, tasks, Settings.load(data_dir), RecordChanges(), data_dir,
                              {"role": "rep"})
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        page = CollateralPage(services, services.collateral)
        page.model.index(0, 0).data()  # the first rows are loaded
        times.append(time.perf_counter() - t0)
        total = page.model.total()
        page.deleteLater()
        app.processEvents()
    tasks.shutdown()
    out(f"library open ({total} items shown): median {statistics.median(times) * 1000:.0f} ms, "
        f"best {min(times) * 1000:.0f} ms")


def bench_thumbnails(data_dir: Path, count: int) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.tasks import TaskRunner
    from desktop.ui.collateral.thumbnails import ThumbnailService, render_first_page
    from resources.paths import resource_path

    app = QApplication.instance() or QApplication([])
    pdfs = sorted(resource_path("demo").glob("*.pdf"))
    t0 = time.perf_counter()
    for i in range(count):
        render_first_page(pdfs[i % len(pdfs)])
    serial = count / (time.perf_counter() - t0)
    # Through the page's service: distinct names so each one is built, on the parallel lane.
    blobs = data_dir / "thumb-src"
    blobs.mkdir(exist_ok=True)
    names = []
    for i in range(count):
        name = f"{i:064x}"
        os.link(pdfs[i % len(pdfs)], blobs / name) if not (blobs / name).exists() else None
        names.append(name)
    tasks = TaskRunner()
    service = ThumbnailService(tasks, data_dir / "thumbs-bench", lambda sha: blobs / sha)
    t0 = time.perf_counter()
    for name in names:
        service.pixmap(name, "application/pdf")
    while service.pending():
        app.processEvents()
        time.sleep(0.002)
    lanes = service.built / (time.perf_counter() - t0)
    tasks.shutdown()
    out(f"thumbnails: {serial:.0f}/s rendered in one thread; {lanes:.0f}/s built and cached "
        f"through the parallel lane ({service.built} of {count})")


class CuttingProxy:
    """Forwards TCP to the hub, streaming; the first `cuts` responses are cut after `cut_at`
    bytes (a dropped connection mid-download). Counts the bytes sent to the client."""

    def __init__(self, upstream: tuple[str, int], cuts: int, cut_at: int) -> None:
        self.upstream = upstream
        self.cuts_left = cuts
        self.cut_at = cut_at
        self.sent = 0
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        up = socket.create_connection(self.upstream)
        with self.lock:
            cut = self.cuts_left > 0

        def client_to_hub() -> None:
            try:
                while data := conn.recv(65536):
                    # Only blob downloads are cut; the request line starts the first chunk.
                    up.sendall(data)
            except OSError:
                pass

        threading.Thread(target=client_to_hub, daemon=True).start()
        sent = 0
        first = True
        is_get_blob = False
        try:
            while data := up.recv(65536):
                if first:
                    first = False
                    is_get_blob = b"206" in data[:20] or (b"200" in data[:20] and b"octet-stream" in data[:400])
                    if is_get_blob and cut:
                        with self.lock:
                            cut = self.cuts_left > 0
                            if cut:
                                self.cuts_left -= 1
                    else:
                        cut = False
                if cut and sent + len(data) > self.cut_at:
                    data = data[: max(0, self.cut_at - sent)]
                    conn.sendall(data)
                    with self.lock:
                        self.sent += len(data)
                    break
                conn.sendall(data)
                sent += len(data)
                if is_get_blob:
                    with self.lock:
                        self.sent += len(data)
        except OSError:
            pass
        finally:
            for s in (conn, up):
                try:
                    # shutdown wakes the other thread's recv; close alone would not.
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

    def close(self) -> None:
        self.listener.close()


def bench_download(workdir: Path, size_mb: int, cuts: int) -> None:
    import hashlib

    os.environ["FIELDNOTE_NO_KEYCHAIN"] = "1"
    from desktop.store import open_store
    from desktop.store.db import DB_FILE
    from desktop.sync.blobs import BlobCache
    from desktop.sync.client import HubClient
    from desktop.sync.errors import HubUnreachable
    from tests.support.live_hub import start_live_hub

    hub = start_live_hub(workdir / "hub")
    try:
        hub.add_user("mia@example.com", "Mia", "marketer")
        data = random.Random(7).randbytes(size_mb * 1024 * 1024)
        sha = hashlib.sha256(data).hexdigest()
        token = hub.token_for("mia@example.com")
        uploader = HubClient(hub.url, token, read_timeout=120)
        uploader.put_blob(sha, data)
        # A record must name the file before anyone may fetch it.
        store = open_store(workdir / DB_FILE)
        store.save("collateral", {"title": "Big deck", "status": "approved", "file_sha256": sha,
                                  "file_size": len(data)})
        entries = store.outbox_entries()
        uploader.push("bench-client", [{
            "mutation_id": e["mutation_id"], "kind": e["kind"], "record_id": e["record_id"],
            "op": e["op"], "base_version": e["base_version"], "fields": e["fields"],
            "made_at": e["made_at"]} for e in entries])
        uploader.close()
        store.engine.dispose()
        del data
        host, port = hub.url.split("//", 1)[1].split(":")
        proxy = CuttingProxy((host, int(port)), cuts, cut_at=(size_mb * 1024 * 1024) // (cuts + 2))
        client = HubClient(f"http://127.0.0.1:{proxy.port}", token, read_timeout=120, retries=0)
        cache = BlobCache(workdir / "blobs", client)
        tries = 0
        t0 = time.perf_counter()
        while True:
            tries += 1
            try:
                path = cache.ensure(sha, size_mb * 1024 * 1024)
            except HubUnreachable:
                continue
            break
        elapsed = time.perf_counter() - t0
        size = size_mb * 1024 * 1024
        ok = path is not None and path.stat().st_size == size
        out(f"download of {size_mb} MB with {cuts} cuts: {tries} tries, {elapsed:.1f} s, "
            f"received {client.bytes_received / size:.4f}x the file "
            f"(proxy sent {proxy.sent / size:.4f}x), verified: {ok}")
        client.close()
        proxy.close()
    finally:
        hub.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--size-mb", type=int, default=200)
    parser.add_argument("--cuts", type=int, default=10)
    parser.add_argument("--thumbnails", type=int, default=60)
    parser.add_argument("--skip-download", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.store import open_store
    from desktop.store.db import DB_FILE

    rng = random.Random(20261128)
    with tempfile.TemporaryDirectory(prefix="fieldnote-bench-") as tmp:
        work = Path(tmp)
        data_dir = work / "data"
        data_dir.mkdir()
        store = open_store(data_dir / DB_FILE)
        t0 = time.perf_counter()
        words = vocabulary(rng)
        fill(store, args.items, rng, words)
        out(f"{args.items} collateral items (about 400 words of text each) written in "
            f"{time.perf_counter() - t0:.1f} s")
        bench_search(store, rng, args.queries, words)
        bench_open(store, data_dir, 5)
        bench_thumbnails(data_dir, args.thumbnails)
        store.engine.dispose()
        if not args.skip_download:
            bench_download(work, args.size_mb, args.cuts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
