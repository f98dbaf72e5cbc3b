"""`python -m bench.capture_p99 [--leads N] [--saves S]`: capture at scale, Enter to a durable
commit, through the full path the capture form uses.

A store of N leads (default 100,000, filled as if synced), then S saves (default 1,000) typed
into the Leads page's capture screen and sent with Enter: the form's controller checks and
scores the lead and hands it to the writer lane, which saves it with the store (the lead, its
outbox entry, the search index and the insights totals' triggers, `synchronous=FULL`). Each
save is timed from the key press to the moment the writer's commit returned (the store calls
its listeners right after it), and to the form showing the lead saved; the p99 is printed beside
its target, with the store's save alone and a bare one-row commit on the same disk (the floor
under any save). Figures only; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.leads.__main__ import _pct, populate, time_captures, window_services
from desktop.store.leads import LeadBook
from fieldnote.ids import new_id

TARGET_P99_MS = 10.0


def store_alone(store, event_id: str, saves: int) -> list[float]:  # type: ignore[no-untyped-def]
    """The store's part alone: `LeadBook.save_capture` of a lead like the form's, timed."""
    book = LeadBook(store)
    run_id = new_id()[-8:]
    times = []
    for i in range(saves):
        start = time.perf_counter()
        book.save_capture({"first_name": "Ana", "last_name": f"Alone{i}", "source": "manual",
                           "email": f"alone{i}.{run_id}@example.org", "company": "Acme Freight",
                           "event_id": event_id, "captured_at": "2026-11-01T00:00:00Z"})
        times.append(time.perf_counter() - start)
    book.dispose()
    return times


def bare_commits(folder: Path, commits: int) -> list[float]:
    """The disk's own part: a one-row transaction on a scratch SQLite file in the same folder,
    WAL and `synchronous=FULL` as the store, timed from COMMIT to its return. No save through
    any path can be faster than this."""
    path = folder / "bench-bare-commit.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE IF NOT EXISTS t (x BLOB)")
        times = []
        for _ in range(commits):
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO t VALUES (randomblob(100))")
            start = time.perf_counter()
            conn.execute("COMMIT")
            times.append(time.perf_counter() - start)
            time.sleep(0.005)  # a pause like the form's between saves
    finally:
        conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return times


def run(data_dir: Path, saves: int) -> tuple[list[float], list[float], list[float]]:
    _app, store, tasks, services = window_services(data_dir)  # the app kept alive for the run
    book = LeadBook(store)
    event = book.events()[0]
    book.dispose()
    # A few saves first: the first one builds the form's caches and warms the file's pages.
    page, _, _ = time_captures(services, store, event["id"], 20)
    page.close()
    page, latencies, shown = time_captures(services, store, event["id"], saves)
    page.close()
    tasks.shutdown()
    alone = store_alone(store, event["id"], min(saves, 300))
    store.engine.dispose()
    return latencies, shown, alone


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.capture_p99")
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=1_000)
    parser.add_argument("--data-dir", type=Path, help="reuse this data dir (filled on first use)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fieldnote-bench-") as tmp:
        data_dir = args.data_dir or Path(tmp)
        data_dir.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        populate(data_dir, args.leads)
        print(f"store of {args.leads:,} leads ready in {time.perf_counter() - start:.1f} s")
        latencies, shown, alone = run(data_dir, args.saves)
        bare = bare_commits(data_dir, 300)
    ms = [v * 1000 for v in latencies]
    p99 = _pct(ms, 99)
    print(f"capture Enter->durable commit ({len(ms)} saves through the capture screen): "
          f"p50 {_pct(ms, 50):.1f} ms  p95 {_pct(ms, 95):.1f} ms  p99 {p99:.1f} ms  "
          f"(target p99 <= {TARGET_P99_MS:.0f} ms: {'holds' if p99 <= TARGET_P99_MS else 'missed'})")
    seen = [v * 1000 for v in shown]
    print(f"  ...->form shows saved: p50 {_pct(seen, 50):.1f} ms  p99 {_pct(seen, 99):.1f} ms")
    print(f"  load average while measured: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} cores)")
    store_ms = [v * 1000 for v in alone]
    print(f"  the store alone (LeadBook.save_capture, {len(store_ms)} saves): "
          f"p50 {_pct(store_ms, 50):.1f} ms  p99 {_pct(store_ms, 99):.1f} ms")
    bare_ms = [v * 1000 for v in bare]
    print(f"  the disk alone (a one-row SQLite commit, synchronous=FULL, {len(bare_ms)} commits): "
          f"p50 {_pct(bare_ms, 50):.1f} ms  p99 {_pct(bare_ms, 99):.1f} ms")


if __name__ == "__main__":
    main()
