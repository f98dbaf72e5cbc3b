"""Saves append to the write-ahead log; a thread of the store copies it into the file after."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.store import checkpoint, open_store

FRAME = 4096 + 24  # a page of the log and its header


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "fieldnote.sqlite3")
    yield s
    s.engine.dispose()


def test_every_commit_syncs_and_only_a_long_log_is_copied_inside_one(store):
    with store.engine.connect() as conn:
        limit = conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar()
        mode = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    assert mode == 2  # FULL: a commit returns once the log is on disk
    assert limit == checkpoint.BACKSTOP_PAGES > 1000


def test_saves_leave_the_log_to_the_checkpoint_thread(store, monkeypatch):
    checkpointer = store.engine.checkpointer
    monkeypatch.setattr(checkpoint, "QUIET_S", 3600.0)  # the thread waits while saves run
    monkeypatch.setattr(checkpoint, "EVERY_COMMITS", 10**9)
    log = Path(f"{store.engine.url.database}-wal")
    saves = 0
    # SQLite's default copies the log back (and starts it over) inside the commit that takes
    # it past 1,000 pages; here it grows on, nobody's save waiting for a copy.
    while log.stat().st_size < 1100 * FRAME and saves < 600:
        store.save("lead", {"last_name": f"Silva{saves}", "company": "Acme",
                            "captured_at": "2026-04-20T10:00:00Z"})
        saves += 1
    assert log.stat().st_size >= 1100 * FRAME
    checkpointer.stop()
    monkeypatch.undo()
    checkpointer.ran.clear()
    before = checkpointer.checkpoints
    store.save("lead", {"last_name": "Last", "captured_at": "2026-04-20T10:00:00Z"})
    assert checkpointer.ran.wait(10)  # shortly after the writes pause
    assert checkpointer.checkpoints == before + 1
    assert store.count("lead") == saves + 1


def test_the_thread_hears_of_a_commit_only_once_it_has_returned(store, monkeypatch):
    """A copy started by a commit takes that commit's pages too: when it has copied the whole
    log before the next write begins, that write starts the log over and it stays short."""
    path = store.engine.url.database
    heard = []
    committed = checkpoint.Checkpointer.committed

    def hear(self):  # what another connection sees at the moment the thread is told
        conn = sqlite3.connect(path)
        heard.append(conn.execute("SELECT count(*) FROM rec_event").fetchone()[0])
        conn.close()
        committed(self)

    monkeypatch.setattr(checkpoint.Checkpointer, "committed", hear)
    for i in range(5):
        store.save("event", {"name": f"Show {i}"})
    assert heard == [1, 2, 3, 4, 5]


def test_a_closed_store_stops_its_checkpoint_thread_and_a_reused_one_starts_it_again(store):
    store.save("event", {"name": "Show"})
    checkpointer = store.engine.checkpointer
    store.engine.dispose()
    assert checkpointer._thread is None or not checkpointer._thread.is_alive()
    checkpointer.ran.clear()
    store.save("event", {"name": "Again"})
    assert checkpointer.ran.wait(10)
