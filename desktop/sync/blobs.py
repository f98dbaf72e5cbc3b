"""The content-addressed file cache: `<data_dir>/blobs/<sha256>`, fetched resumably, verified.

A file is only ever given out under its final name after its sha256 matched; a download in
progress lives in `<sha256>.part` and resumes with HTTP Range. A file that fails verification
is deleted and fetched again; it is never opened by the app.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from desktop.sync.errors import BlobProblem
from fieldnote.filemodes import private_dir, private_opener

if TYPE_CHECKING:
    from desktop.sync.client import Cancel

log = logging.getLogger(__name__)

BLOB_DIR = "blobs"
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")
_READ = 1024 * 1024


class BlobSource(Protocol):
    """Where blobs come from: `HubClient.fetch_blob` has this shape."""

    def fetch_blob(self, sha256: str, out: BinaryIO, offset: int,
                   progress: Callable[[int], None] | None = None,
                   cancel: Cancel | None = None) -> bool: ...


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_READ):
            h.update(chunk)
    return h.hexdigest()


def is_sha256(text: object) -> bool:
    return isinstance(text, str) and bool(_SHA_RE.match(text))


class BlobCache:
    """Files by sha256 under one directory. `limit_bytes` caps the cache (None: no cap).

    Eviction order for the size cap is least recently used first; callers protect the files
    they must keep (pinned collateral, files still needed) by passing them in `protected`.
    """

    def __init__(self, root: Path, source: BlobSource | None = None, *,
                 limit_bytes: int | None = None) -> None:
        self.root = root
        private_dir(self.root)
        self.source = source
        self.limit_bytes = limit_bytes
        self.grace_s = 3600.0
        self._verified: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def path_for(self, sha256: str) -> Path:
        if not is_sha256(sha256):
            raise BlobProblem(f"“{sha256}” is not a file checksum.")
        return self.root / sha256

    def path_if_verified(self, sha256: str) -> Path | None:
        """The cached file if it is present and still matches its checksum; else None.

        A file that no longer matches (damaged on disk) is deleted here, before anyone opens it.
        """
        if not is_sha256(sha256):
            return None
        path = self.root / sha256
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        stamp = (st.st_size, st.st_mtime_ns)
        with self._lock:
            if self._verified.get(sha256) == stamp:
                return path
        if file_sha256(path) != sha256:
            log.warning("cached file %s failed verification; discarded", sha256)
            path.unlink(missing_ok=True)
            with self._lock:
                self._verified.pop(sha256, None)
            return None
        with self._lock:
            self._verified[sha256] = stamp
        return path

    def ensure(
        self,
        sha256: str,
        size: int | None = None,
        progress: Callable[[int, int | None], None] | None = None,
        cancel: Cancel | None = None,
    ) -> Path | None:
        """Return the verified file, downloading (or resuming) it first if needed.

        Returns None when cancelled (the partial file stays for the next try). Raises
        `HubUnreachable` when the connection drops (resumable) and `BlobProblem` when the hub's
        bytes do not match twice in a row.
        """
        final = self.path_for(sha256)
        have = self.path_if_verified(sha256)
        if have is not None:
            return have
        if self.source is None:
            raise BlobProblem("No hub to fetch files from.")
        part = self.root / f"{sha256}.part"
        for attempt in (1, 2):
            offset = part.stat().st_size if part.exists() else 0
            if size is not None and offset > size:
                part.unlink()
                offset = 0
            done = offset
            if progress is not None:
                progress(done, size)

            def on_chunk(n: int) -> None:
                nonlocal done
                done += n
                if progress is not None:
                    progress(done, size)

            if size is None or offset < size:
                with open(part, "ab" if offset else "wb", opener=private_opener) as fh:
                    finished = self.source.fetch_blob(sha256, fh, offset, on_chunk, cancel)
                    fh.flush()
                    os.fsync(fh.fileno())
                if not finished:
                    return None
            if file_sha256(part) == sha256:
                os.replace(part, final)
                _fsync_dir(self.root)
                return self.path_if_verified(sha256)
            log.warning("download of %s did not match its checksum (attempt %d)", sha256, attempt)
            part.unlink(missing_ok=True)
        raise BlobProblem(
            "A file from the hub did not match its checksum twice; it was discarded and will be "
            "fetched again at the next sync."
        )

    def add_file(self, src: Path) -> tuple[str, int]:
        """Copy a local file into the cache (a marketer publishing it); returns (sha256, size)."""
        fd, tmp_name = tempfile.mkstemp(dir=self.root, suffix=".adding")
        tmp = Path(tmp_name)
        h = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(fd, "wb") as out, src.open("rb") as fh:
                while chunk := fh.read(_READ):
                    h.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = h.hexdigest()
            os.replace(tmp, self.root / sha)
            _fsync_dir(self.root)
        finally:
            tmp.unlink(missing_ok=True)
        return sha, size

    def add_bytes(self, data: bytes) -> str:
        """Keep `data` in the cache (flushed to disk before this returns, so a record saved
        after it never names a file a power cut lost); returns its sha256."""
        sha = hashlib.sha256(data).hexdigest()
        if self.path_if_verified(sha) is not None:
            return sha
        fd, tmp_name = tempfile.mkstemp(dir=self.root, suffix=".adding")
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.root / sha)
            _fsync_dir(self.root)
        finally:
            tmp.unlink(missing_ok=True)
        return sha

    def shred(self, shas: set[str]) -> list[str]:
        """Overwrite and delete these files (an erased person's): nothing of them stays
        readable in the cache. Returns those that were there."""
        removed = []
        for sha in sorted(shas):
            if not is_sha256(sha):
                continue
            for path in (self.root / sha, self.root / f"{sha}.part"):
                try:
                    size = path.stat().st_size
                    with path.open("r+b") as fh:
                        fh.write(b"\0" * size)
                        fh.flush()
                        os.fsync(fh.fileno())
                    path.unlink()
                except FileNotFoundError:
                    continue
                removed.append(sha)
            with self._lock:
                self._verified.pop(sha, None)
        return removed

    def cached(self) -> dict[str, int]:
        """sha256 → size of every complete file in the cache (unverified listing)."""
        out = {}
        for entry in os.scandir(self.root):
            if is_sha256(entry.name) and entry.is_file():
                out[entry.name] = entry.stat().st_size
        return out

    def usage_bytes(self) -> int:
        return sum(e.stat().st_size for e in os.scandir(self.root) if e.is_file())

    def evict_unreferenced(self, keep: set[str]) -> list[str]:
        """Delete cached and partial files no record names any more; return their sha256.

        Files younger than `grace_s` stay: a marketer adds a file to the cache a moment before
        saving the record that names it, and a sync in between must not take it away.
        """
        removed = []
        young = time.time() - self.grace_s
        for entry in os.scandir(self.root):
            name = entry.name
            sha = name[:-5] if name.endswith(".part") else name
            if not is_sha256(sha) or sha in keep:
                continue
            if entry.stat().st_mtime > young:
                continue
            Path(entry.path).unlink(missing_ok=True)
            removed.append(sha)
            with self._lock:
                self._verified.pop(sha, None)
        return removed

    def evict_over_limit(self, protected: set[str]) -> list[str]:
        """Delete least recently used, unprotected files until the cache fits `limit_bytes`."""
        if self.limit_bytes is None:
            return []
        files = []
        total = 0
        for entry in os.scandir(self.root):
            if entry.is_file():
                st = entry.stat()
                total += st.st_size
                files.append((st.st_atime, entry.name, st.st_size))
        removed = []
        for _, name, size in sorted(files):
            if total <= self.limit_bytes:
                break
            sha = name[:-5] if name.endswith(".part") else name
            if sha in protected:
                continue
            (self.root / name).unlink(missing_ok=True)
            total -= size
            removed.append(sha)
        return removed

    def free_space_ok(self, need: int) -> bool:
        return shutil.disk_usage(self.root).free > need + 50 * 1024 * 1024


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def blob_dir(data_dir: Path) -> Path:
    """Where a data dir keeps its content-addressed files."""
    return data_dir / BLOB_DIR


def open_file_cache(data_dir: Path) -> BlobCache:
    """The blob cache of a data dir without a hub: reads verified files, adds local ones."""
    return BlobCache(blob_dir(data_dir))
