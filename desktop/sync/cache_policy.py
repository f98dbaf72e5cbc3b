"""Which collateral files stay on this device: pinned ones always, the rest within the cache
limit, least recently opened evicted first.

Only deletes files from the content-addressed cache; never touches records or pins.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.store.collateral import CollateralLibrary

_SHA = re.compile(r"^[0-9a-f]{64}$")


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


class CachePolicy:
    """The sync engine's file policy for collateral (see `desktop.sync.engine.FilePolicy`)."""

    def __init__(self, library: CollateralLibrary, limit_bytes: int | None) -> None:
        self.library = library
        self.limit_bytes = limit_bytes

    def wanted(self, needed: list[tuple[str, int | None]], blobs: Any) -> list[tuple[str, int | None]]:
        """Of the files approved items name, those the library offers and the limit allows."""
        limit = self.limit_bytes if self.limit_bytes is not None else 1 << 62
        keep = plan(self.library, blobs.cached(), limit).keep
        sizes = dict(needed)
        return [(sha, sizes[sha]) for sha in keep if sha in sizes]

    def tidy(self, blobs: Any) -> list[str]:
        """Delete files over the limit (least recently opened first, pins kept) and files of
        items that left the library."""
        limit = self.limit_bytes if self.limit_bytes is not None else 1 << 62
        return apply(self.library, blobs.root, limit)


def apply(library: CollateralLibrary, root: Path, limit_bytes: int) -> list[str]:
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
