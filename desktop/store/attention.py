"""Plain values the store reports about changes that need a person: outbox entries the hub
rejected or parked, and fields the hub merged with a conflict.

Nothing here imports SQLAlchemy, Qt or requests, so the sync views may show them freely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AttentionItem:
    """An outbox entry the hub rejected, or parked after repeated hub failures."""

    seq: int
    kind: str
    record_id: str
    op: str
    fields: dict[str, Any]
    title: str
    detail: str
    errors: tuple[tuple[str, str], ...]
    parked: bool
    record: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ConflictItem:
    """One field the hub merged with a conflict: `yours` won on the hub, `theirs` lost."""

    id: str
    kind: str
    record_id: str
    field: str
    yours: Any
    theirs: Any
    by: str | None
    at: str | None
    label: str
