"""The services a page is built with, handed in by the composition root (no global app object)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desktop.settings import Settings
    from desktop.store.queries import RecordQueries
    from desktop.store.records import Store
    from desktop.tasks import TaskRunner


class RecordChanges(QObject):
    """Re-emits the store's commits as a Qt signal; receivers run on the UI thread."""

    records_changed = Signal(str, list)

    def on_store_commit(self, kind: str, ids: Any) -> None:
        # Called on whichever thread committed; Qt queues delivery to the UI thread.
        self.records_changed.emit(kind, list(ids))


@dataclass
class Services:
    store: Store
    queries: RecordQueries
    tasks: TaskRunner
    settings: Settings
    changes: RecordChanges
    data_dir: Path
    # Who is signed in (id, name, email, role, team), or empty when nobody is.
    user: dict[str, Any] = field(default_factory=dict)
    # Filled by jobs that provide them (the sync runner, the blob cache, ...).
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def role(self) -> str:
        return str(self.user.get("role") or "rep")
