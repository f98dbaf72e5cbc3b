"""Which files stay on this device: pinned collateral and voice notes or photos still to be
uploaded always; within the cache limit, collateral opened here (most recently first), then the
voice notes and photos of the newest leads, then the rest of the library, newest items first.

Only deletes files from the content-addressed cache; never touches records or pins.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.store.attachments import AttachmentFiles
    from desktop.store.collateral import CollateralLibrary

_SHA = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class CachePlan:
    keep: list[str]  # files to have on disk, in the order to fetch them
    evict: list[str]  # cached files to delete


def plan(library: CollateralLibrary, cached: dict[str, int], limit_bytes: int,
         attachments: AttachmentFiles | None = None) -> CachePlan:
    """What to keep and fetch within `limit_bytes`: pinned files and the files of voice notes
    and photos still to be uploaded first (whatever the limit), then the files the library
    offers that were opened here (most recently first), then the files of voice notes and
    photos (newest leads first), then the library's other files (newest items first).
    """
    pinned = library.pinned_blobs()
    waiting = attachments.waiting_files() if attachments is not None else set()
    wanted = library.wanted_blobs()
    notes = attachments.wanted_files() if attachments is not None else []
    last_used = library.blob_last_used()
    sizes = {sha: (size or cached.get(sha, 0)) for sha, size in [*wanted, *notes]}
    opened = sorted((sha for sha, _ in wanted if sha in last_used),
                    key=lambda sha: _neg(last_used[sha]))
    order = [*opened, *(sha for sha, _ in notes),
             *(sha for sha, _ in wanted if sha not in last_used)]
    keep: list[str] = []
    budget = limit_bytes
    for sha in [*sorted(pinned), *sorted(waiting - pinned)]:
        keep.append(sha)
        budget -= sizes.get(sha) or cached.get(sha, 0)
    kept_first = set(keep)
    for sha in dict.fromkeys(order):
        if sha in kept_first:
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
             if sha not in waiting
             and ((sha in sizes and sha not in kept and sha not in pinned) or sha in gone)]
    return CachePlan(keep, evict)


class CachePolicy:
    """The sync engine's file policy (see `desktop.sync.engine.FilePolicy`): the collateral
    library's files and those of voice notes and photos share one limit."""

    def __init__(self, library: CollateralLibrary, limit_bytes: int | None,
                 attachments: AttachmentFiles | None = None) -> None:
        self.library = library
        self.limit_bytes = limit_bytes
        self.attachments = attachments

    def wanted(self, needed: list[tuple[str, int | None]], blobs: Any) -> list[tuple[str, int | None]]:
        """Of the files records name, those the library offers or leads show, as the limit
        allows, in the order to fetch them."""
        limit = self.limit_bytes if self.limit_bytes is not None else 1 << 62
        keep = plan(self.library, blobs.cached(), limit, self.attachments).keep
        sizes = dict(needed)
        return [(sha, sizes[sha]) for sha in keep if sha in sizes]

    def tidy(self, blobs: Any) -> list[str]:
        """Delete files over the limit (least recently opened first, pins kept) and files of
        items that left the library."""
        limit = self.limit_bytes if self.limit_bytes is not None else 1 << 62
        return apply(self.library, blobs.root, limit, self.attachments)


def apply(library: CollateralLibrary, root: Path, limit_bytes: int,
          attachments: AttachmentFiles | None = None) -> list[str]:
    """Delete what `plan` evicts from the cache at `root`; return the sha256 removed."""
    cached = {}
    try:
        for entry in os.scandir(root):
            if _SHA.match(entry.name) and entry.is_file():
                cached[entry.name] = entry.stat().st_size
    except FileNotFoundError:
        return []
    removed = []
    for sha in plan(library, cached, limit_bytes, attachments).evict:
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
