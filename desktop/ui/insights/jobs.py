"""Starting an Insights job on the parallel lane so that its result can never be missed.

A job that finishes before the page has connected to its task's signals would report into the
void; `start_job` holds the result back until the connections are made.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from desktop.tasks import Task, TaskContext, TaskRunner


def start_job(
    tasks: TaskRunner,
    name: str,
    fn: Callable[[TaskContext], Any],
    on_finished: Callable[[Any], None],
    on_failed: Callable[[str], None] | None = None,
) -> Task:
    """Run `fn` on the parallel lane; `on_finished`/`on_failed` (bound slots) get its outcome."""
    connected = threading.Event()

    def job(ctx: TaskContext) -> Any:
        try:
            return fn(ctx)
        finally:
            connected.wait()

    task = tasks.run(name, job)
    task.finished.connect(on_finished)
    if on_failed is not None:
        task.failed.connect(on_failed)
    connected.set()
    return task
