"""Kill -9 while a person is typing: a driver process opens one page on a data dir and types
into it without saving; the test kills it with SIGKILL once the autosaved draft is on disk.

The drivers (`tests/desktop/*/drive_*.py`) build their page with `driver_services`; the tests
call `type_then_kill` with the condition that shows the draft reached the database.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from desktop.store.db import DB_FILE

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def driver_services(data_dir: Path) -> Any:
    """The services the app would build for `data_dir`, for a driver process (Qt app made)."""
    from desktop.settings import Settings
    from desktop.startup import build_services
    from desktop.store import open_store
    from desktop.tasks import TaskRunner
    from desktop.ui.services import RecordChanges

    store = open_store(data_dir / DB_FILE)
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    return build_services(store, TaskRunner(), Settings.load(data_dir), changes, data_dir,
                          dict(store.get_state("user", {}) or {}))


def query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    """Rows of `sql` read-only, or none while the file or its schema is not there yet."""
    if not db.exists():
        return []
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.OperationalError:  # the schema is not there yet
        return []
    finally:
        conn.close()


def type_then_kill(driver: str, data: Path, args: list[str], ready_sql: str,
                   timeout: float = 45.0) -> None:
    """Run `python -m driver DATA *args`, wait until `ready_sql` finds a row, then SIGKILL it."""
    proc = subprocess.Popen(
        [sys.executable, "-m", driver, str(data), *args],
        env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + timeout
        while not query(data / DB_FILE, ready_sql):
            if proc.poll() is not None:
                raise AssertionError(f"the app exited early: {proc.stderr.read() if proc.stderr else ''}")
            if time.monotonic() > deadline:
                raise AssertionError("what was typed never reached the disk")
            time.sleep(0.05)  # polling the database for the condition, not a fixed wait
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
