"""Undo of the writes one click or one key makes: remembers the latest such write and how to
revert it, for a short while, and reverts it as a NEW change through the store, which syncs
like any other save.

It never rolls a write back silently (no outbox entry is ever removed or rewritten) and never
imports Qt: the notice that offers "Undo" lives in `desktop.ui.common.undo_notice`. Reverts run
on the writer lane like the writes they undo.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

# How long a one-keystroke write can be undone (its notice stays this long).
UNDO_WINDOW_S = 30.0


class UndoUnavailable(Exception):
    """The write can no longer be undone; the message says why in words a user can act on."""


class RecordWriter(Protocol):
    """What a revert needs of the store (`desktop.store.records.Store`)."""

    def get(self, kind: str, record_id: str, *, include_deleted: bool = False) -> dict[str, Any] | None: ...

    def save(self, kind: str, fields: Mapping[str, Any], record_id: str | None = None, *,
             local_fields: Mapping[str, Any] | None = None) -> Any: ...


@dataclass(frozen=True)
class UndoableWrite:
    """One write that can be undone: which record, what the notice says, how to revert it."""

    kind: str
    record_id: str
    summary: str  # shown in the notice, already in the user's language
    revert: Callable[[], object]  # writes the reverting change; run it on the writer lane
    made_at: float


class UndoLog:
    """The latest one-keystroke write, undoable until `window_s` has passed or the next such
    write replaces it. Used from the UI thread only."""

    def __init__(self, window_s: float = UNDO_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = window_s
        self._clock = clock
        self._latest: UndoableWrite | None = None

    def remember(self, kind: str, record_id: str, summary: str,
                 revert: Callable[[], object]) -> UndoableWrite:
        write = UndoableWrite(kind, record_id, summary, revert, self._clock())
        self._latest = write
        return write

    def pending(self) -> UndoableWrite | None:
        """The write that can be undone now, if any."""
        write = self._latest
        if write is not None and self._clock() - write.made_at > self.window_s:
            self._latest = None
            return None
        return write

    def remaining_s(self, write: UndoableWrite) -> float:
        return max(0.0, self.window_s - (self._clock() - write.made_at))

    def take(self, write: UndoableWrite | None = None) -> UndoableWrite:
        """Claim the pending write (or `write`, if it is still the pending one) for undoing;
        it cannot be undone twice. Raises UndoUnavailable when it expired or was replaced."""
        pending = self.pending()
        if pending is None or (write is not None and pending is not write):
            raise UndoUnavailable("There is nothing to undo any more (it is too late, or "
                                  "something else was written since).")
        self._latest = None
        return pending

    def forget(self) -> None:
        """Drop the pending write (sign-out, another user)."""
        self._latest = None


def save_undoably(store: RecordWriter, kind: str, fields: Mapping[str, Any],
                  record_id: str) -> tuple[Any, Callable[[], object]]:
    """Update a record and return (the save's result, the revert): the revert writes the
    changed fields' earlier values back as a new change, unless the record changed since (then
    it raises UndoUnavailable rather than overwrite someone's later edit)."""
    before = store.get(kind, record_id)
    if before is None:
        raise UndoUnavailable("That record is not on this device")
    result = store.save(kind, fields, record_id)
    changed = tuple(getattr(result, "changed", ()) or ())
    previous = {name: before.get(name) for name in changed}
    written = {name: fields[name] for name in changed if name in fields}

    def revert() -> object:
        now = store.get(kind, record_id)
        if now is None:
            raise UndoUnavailable("That record was removed since; there is nothing to undo.")
        if any(now.get(name) != value for name, value in written.items()):
            raise UndoUnavailable("That record was changed again since; undo would overwrite it.")
        if not previous:
            return None
        return store.save(kind, previous, record_id)

    return result, revert


__all__ = ["UNDO_WINDOW_S", "RecordWriter", "UndoLog", "UndoUnavailable", "UndoableWrite",
           "save_undoably"]
