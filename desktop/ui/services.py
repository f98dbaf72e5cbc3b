"""The services a page is built with, handed in by the composition root (no global app object).

Every field is named and typed; `desktop.startup.build_services` is the one place that fills
them. A page reads what it needs from here and never builds a service of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.undo import UndoLog

if TYPE_CHECKING:
    from desktop.settings import Settings
    from desktop.store.attachments import LeadAttachments
    from desktop.store.collateral import CollateralLibrary
    from desktop.store.debriefs import DebriefStore
    from desktop.store.insights import InsightsQueries
    from desktop.store.queries import RecordQueries
    from desktop.store.records import Store
    from desktop.sync.blobs import BlobCache
    from desktop.sync.lookup import LookupResult
    from desktop.sync.runner import SyncDesk, SyncRunner
    from desktop.tasks import TaskRunner


class RecordChanges(QObject):
    """Re-emits the store's commits as a Qt signal; receivers run on the UI thread."""

    records_changed = Signal(str, list)

    def on_store_commit(self, kind: str, ids: Sequence[str]) -> None:
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
    # The collateral library, the debriefs and the insights queries are built when a page
    # first asks for them (`collateral`, `debriefs`, `insights` below), by these factories from
    # `build_services`: a window that opens on the Leads page does not import their modules.
    make_collateral: Callable[[], CollateralLibrary] = field(repr=False)
    make_debriefs: Callable[[], DebriefStore] = field(repr=False)
    make_insights: Callable[[], InsightsQueries] = field(repr=False)
    # The data dir's content-addressed file cache: verified reads and local adds, no network.
    blobs: BlobCache
    # Voice notes and photos on leads (`desktop.store.attachments`), their files in `blobs`.
    attachments: LeadAttachments
    # Worker side only (it reads the token): the same cache connected to the signed-in hub,
    # for files opened before a sync fetched them; None when nobody is signed in.
    hub_blobs: Callable[[], BlobCache | None]
    # Worker side only (it may wait on the network): "already known?" for an email, from the
    # hub when it answers, else from this device's cache (`desktop.sync.lookup.look_up`).
    look_up: Callable[[str], LookupResult] | None = None
    # Worker side only (it may wait on the network): the verified file of a voice note or
    # photo, fetched from the hub when this device does not hold it; None when it is not here
    # and cannot be fetched now (`desktop.sync.session.ensure_attachment_file`).
    fetch_attachment: Callable[[str], Path | None] | None = None
    # Worker side only: set a shared setting marketing owns on the hub (key, value), returning
    # the stored value (`desktop.sync.session.set_shared_setting`).
    set_hub_setting: Callable[[str, str], str] | None = None
    # Who is signed in (id, name, email, role, team), or empty when nobody is.
    user: dict[str, Any] = field(default_factory=dict)
    # Set once the hub session joins the window (after the pages are built); None offline.
    sync: SyncRunner | None = None
    sync_desk: SyncDesk | None = None
    # The latest one-keystroke write, undoable from its notice or with Ctrl+Z for a while.
    undo: UndoLog = field(default_factory=UndoLog)

    @cached_property
    def collateral(self) -> CollateralLibrary:
        return self.make_collateral()

    @cached_property
    def debriefs(self) -> DebriefStore:
        return self.make_debriefs()

    @cached_property
    def insights(self) -> InsightsQueries:
        return self.make_insights()

    @property
    def role(self) -> str:
        return str(self.user.get("role") or "rep")
