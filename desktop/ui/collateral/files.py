"""The files behind library items, for the views: offline state, downloads with progress, and
opening a verified file. Hashing and downloading run on the parallel lane, never the UI thread.

A file is handed to a viewer only after its sha256 matched; a damaged or partial download is
discarded by the blob cache and never opened.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.sync.errors import SyncFailure

if TYPE_CHECKING:
    from desktop.sync.blobs import BlobCache
from desktop.tasks import Task, TaskContext, TaskRunner

CACHED, DOWNLOADING, NOT_CACHED = "cached", "downloading", "not_cached"


class CollateralFiles(QObject):
    """Wraps the blob cache for the collateral views."""

    state_changed = Signal(str)  # sha256
    download_failed = Signal(str, str)  # sha256, message

    def __init__(self, blobs: BlobCache, root: Path, tasks: TaskRunner,
                 connect: Callable[[], BlobCache | None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blobs = blobs
        self.root = root
        self._tasks = tasks
        # Builds a hub-connected cache (worker side) for files the sync has not fetched.
        self._connect = connect
        self._hub_blobs: BlobCache | None = None
        self._progress: dict[str, tuple[int, int | None]] = {}
        self._downloads: dict[str, Task] = {}
        self._callbacks: dict[str, list[tuple[Any, Any]]] = {}

    def can_download(self) -> bool:
        return self.blobs.source is not None or self._connect is not None

    def _downloader(self) -> BlobCache | None:
        """Worker side: the cache that can fetch from the hub (None when signed out)."""
        if self.blobs.source is not None:
            return self.blobs
        if self._hub_blobs is None and self._connect is not None:
            self._hub_blobs = self._connect()
        return self._hub_blobs

    def state(self, sha256: str | None) -> tuple[str, float | None]:
        """(cached | downloading | not_cached, fraction done while downloading)."""
        if not sha256:
            return NOT_CACHED, None
        if sha256 in self._downloads:
            done, total = self._progress.get(sha256, (0, None))
            return DOWNLOADING, (done / total if total else None)
        # Presence only (cheap); the checksum is checked on the worker before any open.
        return (CACHED, None) if os.path.isfile(self.root / sha256) else (NOT_CACHED, None)

    def verified_path(self, sha256: str) -> Path | None:
        """Worker-side: the file if it is here and matches its checksum."""
        return self.blobs.path_if_verified(sha256)

    def fetch(self, sha256: str, size: int | None,
              on_ready: Callable[[Path], None] | None = None,
              on_missing: Callable[[str], None] | None = None) -> Task:
        """Make the file available (downloading it if needed and possible), then call back
        on the UI thread with the verified path, or with a message saying why not."""
        blobs = self.blobs
        can_download = self.can_download()
        missing = self.tr("This file is not on this computer yet. It downloads at the next "
                          "sync while you are online and signed in.")

        def job(ctx: TaskContext) -> tuple[str, Path | None, str]:
            try:
                path = blobs.path_if_verified(sha256)
                if path is not None:
                    return sha256, path, ""
                hub = self._downloader() if can_download else None
                if hub is None:
                    return sha256, None, missing

                def progress(done: int, total: int | None) -> None:
                    ctx.progress(done, total or 0, sha256)

                path = hub.ensure(sha256, size, progress, _CancelOf(ctx))
            except (SyncFailure, OSError) as exc:
                return sha256, None, str(getattr(exc, "message", "") or exc)
            return sha256, path, "" if path is not None else self.tr("The download was stopped.")

        self._callbacks.setdefault(sha256, []).append((on_ready, on_missing))
        task = self._tasks.run(f"file {sha256[:8]}", job)
        if can_download:
            self._downloads[sha256] = task
            self.state_changed.emit(sha256)
        # Bound methods: results that arrive after this object is gone go nowhere.
        task.progressed.connect(self._on_progress)
        task.finished.connect(self._on_fetched)
        return task

    def cancel(self, sha256: str) -> None:
        task = self._downloads.get(sha256)
        if task is not None:
            task.cancel()

    def _on_progress(self, done: int, total: int, sha256: str) -> None:
        self._progress[sha256] = (done, total or None)
        self.state_changed.emit(sha256)

    def _on_fetched(self, result: tuple[str, Path | None, str]) -> None:
        sha256, path, message = result
        self._end(sha256)
        if path is None and message:
            self.download_failed.emit(sha256, message)
        for on_ready, on_missing in self._callbacks.pop(sha256, []):
            if path is not None and on_ready is not None:
                on_ready(path)
            elif path is None and on_missing is not None:
                on_missing(message)

    def _end(self, sha256: str) -> None:
        self._downloads.pop(sha256, None)
        self._progress.pop(sha256, None)
        self.state_changed.emit(sha256)


class _CancelOf:
    """The cancel token shape the blob cache checks (`is_set()`), over a task's context."""

    def __init__(self, ctx: TaskContext) -> None:
        self._ctx = ctx

    def is_set(self) -> bool:
        return self._ctx.cancelled
