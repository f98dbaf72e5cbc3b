"""Two task lanes for work that must not run on the UI thread.

The writer lane runs one job at a time (every local write goes there, so a save and its outbox
entry are one transaction and writers never contend); the parallel lane runs network, PDF and
import jobs. Jobs are plain callables; results come back to the UI thread as Qt signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal

from desktop.locale import format_int
from fieldnote.failures import is_disk_full, short_reason

log = logging.getLogger(__name__)


def disk_full_reason(exc: BaseException) -> str:
    """What the window says when a job's write found the disk full: an import that stopped
    says how many of the file's new leads were saved (its exception carries `saved` and
    `total`), any other write that nothing was lost."""
    saved, total = getattr(exc, "saved", None), getattr(exc, "total", None)
    if isinstance(saved, int) and isinstance(total, int):
        return (QCoreApplication.translate(
            "Task", "the disk is full: %1 of %2 leads were saved; free space and import again "
            "(saved rows are skipped)").replace("%1", format_int(saved))
            .replace("%2", format_int(total)))
    return QCoreApplication.translate(
        "Task", "the disk is full; nothing was lost. Free space and try again")


class Cancelled(Exception):
    """Raised inside a job when its cancel token was set."""


@dataclass
class TaskContext:
    """What a job gets: a way to report progress and to notice cancellation."""

    _report: Callable[[int, int, str], None]
    _cancel: threading.Event = field(default_factory=threading.Event)

    def progress(self, done: int, total: int, message: str = "") -> None:
        self._report(done, total, message)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class Task(QObject):
    """A handle on a submitted job; its signals arrive on the thread that created it.

    The worker never emits the public signals itself: it posts to the task's own thread, which
    emits them from its event loop. So a caller that connects right after submitting never
    misses the result of a job that finished first.
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    _reported = Signal(str, object)  # (which signal, its arguments), queued to the task's thread

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.context = TaskContext(lambda done, total, msg: self._reported.emit("progressed", (done, total, msg)))
        self.done = False
        self._reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)

    def _on_reported(self, which: str, args: object) -> None:
        getattr(self, which).emit(*args)  # type: ignore[misc]

    def cancel(self) -> None:
        self.context._cancel.set()


class _Job(QRunnable):
    def __init__(self, task: Task, fn: Callable[[TaskContext], Any]) -> None:
        super().__init__()
        self.task = task
        self.fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self.task
        try:
            result = self.fn(task.context)
        except Cancelled:
            task.done = True
            task._reported.emit("cancelled", ())
        except Exception as exc:  # reported to the UI; never lost in a thread
            task.done = True
            if is_disk_full(exc):
                log.warning("task %s stopped: the disk is full", task.name)
                task._reported.emit("failed", (disk_full_reason(exc),))
                return
            log.exception("task %s failed", task.name)
            reason = short_reason(exc) if hasattr(exc, "statement") else str(exc)
            task._reported.emit("failed", (reason or exc.__class__.__name__,))
        else:
            task.done = True
            task._reported.emit("finished", (result,))


class TaskRunner:
    """The writer lane (one thread) and the parallel lane (a few threads)."""

    def __init__(self, parallel_threads: int = 3) -> None:
        self._writer = QThreadPool()
        self._writer.setMaxThreadCount(1)
        self._parallel = QThreadPool()
        self._parallel.setMaxThreadCount(parallel_threads)
        self._live: set[Task] = set()

    def _submit(self, pool: QThreadPool, name: str, fn: Callable[[TaskContext], Any]) -> Task:
        task = Task(name)
        # Keep the handle alive until it reports, even if the caller drops it.
        self._live.add(task)
        for sig in (task.finished, task.failed, task.cancelled):
            sig.connect(lambda *_a, t=task: self._live.discard(t))
        pool.start(_Job(task, fn))
        return task

    def write(self, name: str, fn: Callable[[TaskContext], Any]) -> Task:
        return self._submit(self._writer, name, fn)

    def run(self, name: str, fn: Callable[[TaskContext], Any]) -> Task:
        return self._submit(self._parallel, name, fn)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        for task in list(self._live):
            task.cancel()
        self._parallel.waitForDone(timeout_ms)
        self._writer.waitForDone(timeout_ms)
