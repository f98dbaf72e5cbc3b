"""Plain values the sync parts hand to the UI: the sync state, a cycle's report, and the small
interface the attention and conflict views talk to (its items are the store's, in
`desktop.store.attention`).

Nothing here imports Qt, requests or SQLAlchemy, so `desktop.ui` may import it freely.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from fieldnote.releases import Release

if TYPE_CHECKING:
    from desktop.store.attention import AttentionItem, ConflictItem


class Phase(enum.Enum):
    SIGNED_OUT = "signed_out"
    OFFLINE = "offline"
    SYNCING = "syncing"
    SYNCED = "synced"
    SIGN_IN_NEEDED = "sign_in_needed"
    INCOMPATIBLE = "incompatible"
    ERROR = "error"


# The report of a cycle stopped by a full disk (the local store could not take what came).
DISK_FULL_SYNC = ("the disk is full: what was synced so far is kept and waiting changes stay "
                  "queued; free space and sync again")


class Outcome(enum.Enum):
    """How a cycle ended; the CLI maps these to exit codes, the status bar to words."""

    OK = "ok"
    OFFLINE = "offline"
    SIGN_IN_NEEDED = "sign_in_needed"
    INCOMPATIBLE = "incompatible"
    HUB_ERROR = "hub_error"
    DISK_FULL = "disk_full"  # a write to the local store found no room; nothing was lost
    CANCELLED = "cancelled"


@dataclass
class CycleReport:
    outcome: Outcome = Outcome.OK
    message: str = ""
    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    parked: int = 0
    pulled: int = 0
    blobs_fetched: int = 0
    blobs_failed: int = 0
    blobs_evicted: int = 0
    full_resync: bool = False
    digest_matched: bool | None = None
    waiting: int = 0
    attention: int = 0
    finished_at: str = ""
    # After a cycle that asked the hub: the desktop release it announces when that is newer
    # than this app (`desktop.sync.updates`); None also when not asked this cycle.
    update: Release | None = None
    update_checked: bool = False

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK


@dataclass(frozen=True)
class Progress:
    """What a running cycle is doing: `stage` is push, upload, pull, blobs or check."""

    stage: str
    done: int = 0
    total: int | None = None


@dataclass(frozen=True)
class SyncState:
    phase: Phase
    waiting: int = 0
    attention: int = 0
    last_synced_at: str | None = None  # ISO 8601 UTC of the last fully successful cycle
    message: str = ""
    progress: Progress | None = None
    hub_url: str | None = None
    user_email: str | None = None


class AttentionDesk(Protocol):
    """What the needs-attention and conflict views may ask of the sync side."""

    def attention_items(self) -> list[AttentionItem]: ...

    def resend(self, seq: int, fields: dict[str, Any]) -> None: ...

    def discard(self, seq: int) -> None: ...

    def conflicts(self) -> list[ConflictItem]: ...

    def resolve_conflict(self, conflict_id: str, keep: str) -> None: ...
