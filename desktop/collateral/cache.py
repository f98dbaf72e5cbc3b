"""Which collateral files stay on this device: pinned ones always, the rest within the cache
limit, least recently opened evicted first.

Only deletes files from the content-addressed cache; never touches records or pins.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from desktop.store.collateral import CollateralLibrary

BLOB_DIR = "blobs"
_SHA = re.compile(r"^[0-9a-f]{64}$")


def blob_dir(data_dir: Path) -> Path:
    return data_dir / BLOB_DIR


@dataclass(frozen=True)
class CachePlan:
    keep: list[str]  # files to have on disk, in the order to fetch them
    evict: list[str]  # cached files to delete


def plan(library: CollateralLibrary, cached: dict[str, int], limit_bytes: int) -> CachePlan:
    """What to keep and fetch within `limit_bytes`: pinned files first, then the files the
    library offers by when they were last opened here, newest items after that.
    """
    pinned = library.pinned_blobs()
    wanted = library.wanted_blobs()
    last_used = library.blob_last_used()
    sizes = {sha: (size or cached.get(sha, 0)) for sha, size in wanted}
    order = [sha for sha, _ in wanted]
    # Recently opened first; never-opened keep the library's newest-first order after them.
    rank = {sha: i for i, sha in enumerate(order)}
    order.sort(key=lambda sha: (sha not in last_used, _neg(last_used.get(sha, "")), rank[sha]))
    keep: list[str] = []
    budget = limit_bytes
    for sha in sorted(pinned):
        keep.append(sha)
        budget -= sizes.get(sha) or cached.get(sha, 0)
    for sha in order:
        if sha in pinned:
            continue
        size = sizes.get(sha, 0)
        if size <= budget:
            keep.append(sha)
            budget -= size
    kept = set(keep)
    # Only files the library offers compete for space; a marketer's unsent files and files
    # a record still names otherwise are left to the sync's own clean-up of unreferenced files.
    # Files of retired, expired or replaced items go as soon as nothing current names them.
    gone = library.withdrawn_blobs()
    evict = [sha for sha in cached
             if (sha in sizes and sha not in kept and sha not in pinned) or sha in gone]
    return CachePlan(keep, evict)


def apply(library: CollateralLibrary, files: FileStore, root: Path, limit_bytes: int) -> list[str]:
    """Delete what `plan` evicts from the cache at `root`; return the sha256 removed."""
    cached = {}
    try:
        for entry in os.scandir(root):
            if _SHA.match(entry.name) and entry.is_file():
                cached[entry.name] = entry.stat().st_size
    except FileNotFoundError:
        return []
    removed = []
    for sha in plan(library, cached, limit_bytes).evict:
        (root / sha).unlink(missing_ok=True)
        removed.append(sha)
    return removed


def _neg(stamp: str) -> tuple[int, ...]:
    # Sort ISO stamps descending inside an ascending sort key.
    return tuple(-ord(ch) for ch in stamp)


def usage_bytes(root: Path) -> int:
    try:
        return sum(e.stat().st_size for e in os.scandir(root) if e.is_file())
    except FileNotFoundError:
        return 0


def open_file_cache(data_dir: Path) -> FileStore:
    """The blob cache of a data dir, without a hub: reads verified files, adds local ones."""
    try:
        from desktop.sync.blobs import BlobCache
    except ModuleNotFoundError:  # the sync job's cache is not installed: read-only fallback
        return LocalFiles(blob_dir(data_dir))
    return BlobCache(blob_dir(data_dir))  # type: ignore[return-value]


class FileStore(Protocol):
    def path_if_verified(self, sha256: str) -> Path | None: ...

    def add_file(self, src: Path) -> tuple[str, int]: ...


class LocalFiles:
    """Content-addressed files `<root>/<sha256>`: verified before handed out, added atomically."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_if_verified(self, sha256: str) -> Path | None:
        if not _SHA.match(sha256 or ""):
            return None
        path = self.root / sha256
        if not path.is_file():
            return None
        if _sha256_of(path) != sha256:
            path.unlink(missing_ok=True)  # never handed out, never opened
            return None
        return path

    def add_file(self, src: Path) -> tuple[str, int]:
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.root, suffix=".adding")
        tmp = Path(tmp_name)
        h = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(fd, "wb") as out, src.open("rb") as fh:
                while chunk := fh.read(1 << 20):
                    h.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = h.hexdigest()
            os.replace(tmp, self.root / sha)
        finally:
            tmp.unlink(missing_ok=True)
        return sha, size


def _sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()
