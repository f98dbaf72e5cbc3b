"""One kill trial: a capture process and a `fieldnote sync` process run against one data dir
and are killed with SIGKILL at random moments; then a clean sync settles and the hub, the
device and what the capture process acknowledged are compared.

Used by `tests/e2e/test_kill.py` (a few trials) and `bench/kill_tally.py` (a hundred).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, FIELDNOTE_NO_KEYCHAIN="1", QT_QPA_PLATFORM="offscreen",
           PYTHONPATH=str(ROOT))


@dataclass
class TrialResult:
    acknowledged: int = 0
    on_hub: int = 0
    lost: int = 0
    duplicated: int = 0
    mismatched: int = 0
    sync_killed: bool = False
    sync_exit: int | None = None
    reached_hub_before_settle: int = 0

    @property
    def clean(self) -> bool:
        return not (self.lost or self.duplicated or self.mismatched)


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=ENV, cwd=ROOT)


def _kill(proc: subprocess.Popen[str]) -> bool:
    """SIGKILL the process if it still runs; True when it was killed mid-run."""
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return True


def run_trial(data_dir: Path, hub: Any, tag: str, rng: random.Random) -> TrialResult:
    """`data_dir` must already be signed in to `hub` (its store closed)."""
    result = TrialResult()
    capture = _spawn("-m", "tests.support.capture_loop", str(data_dir), tag)
    assert capture.stdout is not None
    # Both start together (start-up is most of a process's first second); the sync may find
    # nothing queued yet, some of the capture, or a lot of it.
    time.sleep(rng.uniform(0.0, 0.3))
    sync = _spawn("-m", "desktop", "sync", "--data-dir", str(data_dir))
    first = capture.stdout.readline()  # capturing has begun
    # Aim the kills at the sync's work, not its start-up: wait until it took a batch.
    _wait_until_sending(data_dir, sync)
    moments = sorted([(rng.uniform(0.0, 0.6), "capture"), (rng.uniform(0.0, 0.6), "sync")])
    start = time.monotonic()
    for at, which in moments:
        time.sleep(max(0.0, start + at - time.monotonic()))
        if which == "capture":
            _kill(capture)
        else:
            result.sync_killed = _kill(sync)
    result.sync_exit = sync.returncode
    acked: dict[str, str | None] = {}
    assert sync.stdout is not None
    for line in [first, *capture.stdout.read().splitlines()]:
        parts = line.split()
        if len(parts) == 2 and parts[0] == "lead":
            acked.setdefault(parts[1], None)
        elif len(parts) == 3 and parts[0] == "edit":
            acked[parts[1]] = parts[2]
    capture.stdout.close()
    sync.stdout.close()
    result.reached_hub_before_settle = _hub_count(hub, tag)
    settle(data_dir)
    compare(data_dir, hub, tag, acked, result)
    return result


def _wait_until_sending(data_dir: Path, sync: subprocess.Popen[str], limit_s: float = 15.0) -> None:
    import sqlite3

    deadline = time.monotonic() + limit_s
    db = data_dir / "fieldnote.sqlite3"
    while time.monotonic() < deadline and sync.poll() is None:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            sending = conn.execute("SELECT 1 FROM outbox WHERE sent = 1 LIMIT 1").fetchone()
        except sqlite3.OperationalError:
            sending = None
        finally:
            conn.close()
        if sending:
            return
        time.sleep(0.01)


def settle(data_dir: Path, attempts: int = 3) -> None:
    """Run clean sync cycles (in this process, as `fieldnote sync` does) until nothing waits."""
    from desktop.store import open_store
    from desktop.store.db import DB_FILE
    from desktop.sync.session import build_engine
    from desktop.sync.state import Outcome

    store = open_store(data_dir / DB_FILE)
    try:
        engine = build_engine(data_dir, store)
        for _ in range(attempts):
            report = engine.run_cycle()
            if report.outcome is Outcome.OK and not report.waiting:
                return
        raise AssertionError(f"sync did not settle: {report}")
    finally:
        store.engine.dispose()


def _hub_count(hub: Any, tag: str) -> int:
    from sqlalchemy import func

    from hub.db.tables import RECORD_TABLES

    t = RECORD_TABLES["lead"]
    with hub.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t)
                                .where(t.c.last_name.like(f"{tag}-%"))).scalar_one())


def compare(data_dir: Path, hub: Any, tag: str, acked: dict[str, str | None],
            result: TrialResult) -> None:
    from desktop.store import open_store
    from desktop.store.db import DB_FILE
    from hub.db.tables import RECORD_TABLES

    store = open_store(data_dir / DB_FILE)
    try:
        local = {r["id"]: r for r in store.all("lead") if str(r["last_name"]).startswith(tag + "-")}
        pending = store.outbox_counts()
    finally:
        store.engine.dispose()
    t = RECORD_TABLES["lead"]
    with hub.engine.connect() as conn:
        rows = conn.execute(select(t.c.id, t.c.last_name, t.c.notes)
                            .where(t.c.deleted.is_(False), t.c.last_name.like(f"{tag}-%")))
        on_hub = {r.id: r for r in rows}
    result.acknowledged = len(acked)
    result.on_hub = len(on_hub)
    names = Counter(r.last_name for r in on_hub.values())
    result.duplicated = sum(n - 1 for n in names.values() if n > 1) + len(set(on_hub) - set(local))
    result.lost = sum(1 for rid in acked if rid not in on_hub or rid not in local)
    result.lost += pending.get("pending", 0) + pending.get("attention", 0)
    for rid, row in local.items():
        hub_row = on_hub.get(rid)
        if hub_row is None:
            continue
        if hub_row.notes != row["notes"]:
            result.mismatched += 1
        # An acknowledged edit may only be followed by a later one, never undone.
        edit = acked.get(rid)
        if edit is not None and (row["notes"] is None or
                                 int(row["notes"].rsplit("-", 1)[1]) < int(edit.rsplit("-", 1)[1])):
            result.mismatched += 1
