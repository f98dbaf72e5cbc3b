"""What the hub's outbox workers share (webhook deliveries, `hub.webhook_sender`; collateral
mails, `hub.mail_sender`): waking a process's workers when rows were committed, and the thread
that works through one outbox until stopped.

A push writes outbox rows in its own transaction and wakes the workers of its process; workers
of other processes find the rows at their next look, within `poll_s`. A worker sleeps until
its outbox's next row is due or it is woken, and outlives any failure of one round.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)


class Wakeups:
    """The events of this process's workers of one outbox."""

    def __init__(self) -> None:
        self._events: set[threading.Event] = set()
        self._guard = threading.Lock()

    def register(self, event: threading.Event) -> None:
        with self._guard:
            self._events.add(event)

    def unregister(self, event: threading.Event) -> None:
        with self._guard:
            self._events.discard(event)

    def notify(self) -> None:
        """New rows were committed: wake this process's workers."""
        with self._guard:
            for event in self._events:
                event.set()


class OutboxWorker:
    """Works through one outbox in a background thread until stopped; `start` and `stop` are
    called by whoever runs the hub (the app's lifespan under `serve`, `hub.embedded`).

    A subclass says what one round does (`run_once`: how many rows it handled) and may prepare
    and release what its rounds use (`starting`, `stopped`) or do housekeeping before each
    round (`before_round`)."""

    thread_name = "fieldnote-outbox"
    what = "outbox rows"  # for the log

    def __init__(self, engine: Engine, wakeups: Wakeups,
                 next_due: Callable[[Engine], float | None], *, poll_s: float,
                 lease_s: float) -> None:
        self.engine = engine
        self.wakeups = wakeups
        self.next_due = next_due
        self.poll_s = poll_s
        self.lease_s = lease_s
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            return
        self.wakeups.register(self._wake)
        self.starting()
        self._thread = threading.Thread(target=self._run, name=self.thread_name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopping.set()
        self._wake.set()
        self.wakeups.unregister(self._wake)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self.stopped()

    def starting(self) -> None:
        """Before the thread starts."""

    def stopped(self) -> None:
        """After the thread was told to stop and joined."""

    def before_round(self) -> None:
        """Housekeeping before each round, in the worker's thread."""

    def run_once(self) -> int:
        raise NotImplementedError

    def due_now(self) -> bool:
        """Whether a row is due (claiming takes a write; looking does not)."""
        due = self.next_due(self.engine)
        return due is not None and due <= time.time()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                self.before_round()
                done = self.run_once()
            except DBAPIError as exc:
                log.warning("%s: the database failed (%s); trying again", self.what,
                            type(exc.orig).__name__)
                done = 0
            except Exception:  # the worker must outlive anything one round does
                log.exception("%s: a round failed; trying again", self.what)
                done = 0
            if done or self._stopping.is_set():
                continue
            self._wake.wait(self._sleep_for())
            self._wake.clear()

    def _sleep_for(self) -> float:
        try:
            due = self.next_due(self.engine)
        except DBAPIError:
            return self.poll_s
        if due is None:
            return self.poll_s
        return min(self.poll_s, max(0.0, due - time.time()) + 0.005)
