"""Copying the write-ahead log into the database file off the committing thread.

In WAL mode a commit appends the changed pages to the log and syncs the log
(`synchronous=FULL`): the save is durable then. Copying those pages back into the database file
(a checkpoint: two more syncs and writes spread over the file) is bookkeeping, and SQLite does it
inside whichever commit finds the log past its limit (1,000 pages by default), so one save in
thirty waited for it. Here a thread of the writer engine does it instead, shortly after the
writes pause (or after a run of commits), while the writer keeps appending; SQLite's own
checkpoint in the commit stays as a backstop at a higher limit, for a burst this thread cannot
keep up with. A checkpoint never decides what is durable, so a kill at any moment loses nothing
the log holds (`bench.kill_tally`).

The thread counts a commit once its connection is back in the pool, so a checkpoint starts
after the commit, never during it: when it has copied the whole log before the next write
begins, that write starts the log over from its beginning, and the log stays short.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event

log = logging.getLogger(__name__)

# Pages in the log after which a commit checkpoints inline (SQLite's backstop; default 1,000).
BACKSTOP_PAGES = 4000
# The writes pause this long, or this many commits pile up, before a checkpoint runs.
QUIET_S = 0.1
EVERY_COMMITS = 12
# With nothing to do for this long the thread ends; the next commit starts another.
IDLE_EXIT_S = 5.0
_COMMITTED = "fieldnote_committed"


class Checkpointer:
    """One engine's checkpoint thread, started by its first commit and stopped with the
    engine's `dispose()` (or when the engine is gone)."""

    def __init__(self, engine: Engine, opener: Callable[[], Engine]) -> None:
        self._engine = weakref.ref(engine)
        self._opener = opener  # an engine whose connections close when given back
        self._own: Engine | None = None
        self._cond = threading.Condition()
        self._pending = 0  # commits finished since the last checkpoint
        self._last_commit = 0.0
        self._thread: threading.Thread | None = None
        self._stopped = False
        self.checkpoints = 0  # how many ran (for tests and benchmarks)
        self.ran = threading.Event()  # set after each one

    def committed(self) -> None:
        """A commit has returned (its connection is back in the pool)."""
        with self._cond:
            self._pending += 1
            self._last_commit = time.monotonic()
            self._stopped = False
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="wal-checkpoint",
                                                daemon=True)
                self._thread.start()
            elif self._pending >= EVERY_COMMITS:
                self._cond.notify()

    def stop(self, timeout: float = 5.0) -> None:
        """End the thread, after the checkpoint it may be running."""
        with self._cond:
            self._stopped = True
            self._cond.notify()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _due(self) -> float | None:
        """Seconds until a checkpoint is due (0: now), or None when nothing waits."""
        if not self._pending:
            return None
        if self._pending >= EVERY_COMMITS:
            return 0.0
        return max(0.0, self._last_commit + QUIET_S - time.monotonic())

    def _run(self) -> None:
        idle_since = time.monotonic()
        while True:
            with self._cond:
                while not self._stopped:
                    wait = self._due()
                    if wait == 0.0:
                        break
                    if wait is None and time.monotonic() - idle_since >= IDLE_EXIT_S:
                        self._thread = None
                        return
                    self._cond.wait(IDLE_EXIT_S if wait is None else wait)
                if self._stopped:
                    return
                self._pending = 0
            if self._engine() is None:
                return
            self._checkpoint()
            idle_since = time.monotonic()

    def _checkpoint(self) -> None:
        try:
            if self._own is None:
                self._own = self._opener()
            raw = self._own.raw_connection()
        except Exception:  # the store is being closed: the next commit tries again
            log.debug("no connection for a checkpoint", exc_info=True)
            return
        try:
            cursor = raw.cursor()
            # PASSIVE: copies what no reader still needs, never waits for the writer.
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
            cursor.fetchall()
            cursor.close()
            self.checkpoints += 1
            self.ran.set()
        except Exception:  # busy or closing: the backstop and the next commit cover it
            log.debug("checkpoint skipped", exc_info=True)
        finally:
            raw.close()


def attach(engine: Engine, opener: Callable[[], Engine]) -> Checkpointer:
    """Checkpoint `engine`'s log on a thread of its own from its first commit on, through a
    connection of `opener()`'s engine (one that closes its connections when given back, so
    that a closed store is left with none of this thread's)."""
    checkpointer = Checkpointer(engine, opener)

    def _committing(conn: Any) -> None:
        conn.info[_COMMITTED] = True  # the pool record's info: seen again at check-in

    def _checked_in(_dbapi_conn: Any, record: Any) -> None:
        if record.info.pop(_COMMITTED, False):
            checkpointer.committed()

    event.listen(engine, "commit", _committing)
    event.listen(engine, "checkin", _checked_in)
    event.listen(engine, "engine_disposed", lambda _engine: checkpointer.stop())
    engine.checkpointer = checkpointer  # type: ignore[attr-defined]
    return checkpointer
