"""Start-up work that runs while the window is already shown: open the store (importing
SQLAlchemy and checking the schema), build the services, start the hub session.

The composition root (`desktop.app`) shows the shell first and hands this object the rest; it
reports `ready` (the window then attaches the services) or `failed` with one clear error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.cli import EXIT_DISK_FULL, CliError
from desktop.cli.context import DataFileCheck, open_data_store
from desktop.datafile import DiskFull
from desktop.settings import Settings
from desktop.tasks import TaskRunner
from desktop.ui.services import RecordChanges, Services
from fieldnote.failures import is_disk_full, short_reason

if TYPE_CHECKING:
    from desktop.demo_mode import HubSession
    from desktop.store.collateral import CollateralLibrary
    from desktop.store.debriefs import DebriefStore
    from desktop.store.insights import InsightsQueries
    from desktop.store.records import Store
    from desktop.sync.blobs import BlobCache
    from desktop.sync.lookup import LookupResult

log = logging.getLogger(__name__)

# The longest the hub session waits for the window to show its first page's data
# (`Startup.page_shown`), so a page that never says so holds nothing up.
SESSION_WAIT_S = 3.0

# What `build_services` imports (SQLAlchemy with them): loaded during the integrity check. (The
# collateral library, the debriefs and the insights come with the pages that use them.)
_SERVICE_MODULES = ("desktop.store.attachments", "desktop.store.queries", "desktop.sync.blobs")


class Startup(QObject):
    """Opens the store and starts the hub session off the UI thread; says when each is done.

    The store comes first (`ready`: the window attaches the services and builds its page),
    then the session (`session_ready`: the sync widgets join the window), so local data shows
    without waiting for a hub. For a screenshot the session comes first, so the picture
    shows synced data, and `ready` covers both.
    """

    ready = Signal()  # on the UI thread: `services` are set (and `session`, for a screenshot)
    session_ready = Signal()  # on the UI thread, after `ready`: `session` is set
    failed = Signal()  # on the UI thread: `error` says why
    _done = Signal(str)  # from the opening thread, queued to this object's thread

    def __init__(self, args: argparse.Namespace, data_dir: Path, settings: Settings,
                 modules: list[str], check: DataFileCheck | None = None) -> None:
        super().__init__()
        self.args, self.data_dir, self.settings, self.modules = args, data_dir, settings, modules
        # The data file's integrity check, started before the window (or here, when opening).
        self.check = check
        self.changes = RecordChanges()
        self.tasks = TaskRunner()
        self.store: Store | None = None
        self.services: Services | None = None
        self.session: HubSession | None = None
        self.error: CliError | None = None
        self.attached = False  # set by the window's side once services and session are in
        self._session_first = args.screenshot is not None
        self._page_shown = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="fieldnote-start")
        self._done.connect(self._on_done)

    def begin(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        if self._step(self._open) and self._session_first:
            self._step(self._start_session)
        if self.error is not None:
            self._done.emit("failed")
            return
        self._done.emit("ready")
        if not self._session_first:
            # The session's imports and sign-in would compete with the first page for the
            # interpreter: it starts once the page shows its data.
            self._page_shown.wait(SESSION_WAIT_S)
            if self._stopping:
                return
            self._done.emit("session_ready" if self._step(self._start_session) else "failed")

    def page_shown(self) -> None:
        """The window shows its first page with its data (or the page is gone): the hub
        session may start now. Called on the UI thread."""
        self._page_shown.set()

    def _step(self, work: Callable[[], None]) -> bool:
        try:
            work()
        except CliError as exc:
            self.error = exc
        except Exception as exc:
            if is_disk_full(exc):
                full = exc if isinstance(exc, DiskFull) else DiskFull()
                self.error = CliError(str(full), EXIT_DISK_FULL)
                return False
            log.exception("start-up failed")
            self.error = CliError(f"unexpected error ({short_reason(exc)}); "
                                  "details are in the log file")
        return self.error is None

    def _on_done(self, what: str) -> None:
        getattr(self, what).emit()

    def _open(self) -> None:
        # The integrity check reads the whole file in SQLite's C code, which lets other
        # threads run: it overlaps the imports below instead of following them.
        check = self.check if self.check is not None else DataFileCheck(self.data_dir).start()
        # The services' modules and what the first page reads through, while the UI thread
        # waits (no Qt code here: the page's widgets import on the UI thread).
        for name in (*_SERVICE_MODULES, *self.modules):
            importlib.import_module(name)
        check.wait()
        self.store = store = open_data_store(self.data_dir, checked=True)
        store.add_listener(self.changes.on_store_commit)
        self.services = build_services(store, self.tasks, self.settings, self.changes,
                                       self.data_dir, dict(store.get_state("user", {}) or {}))

    def _start_session(self) -> None:
        from desktop.demo_mode import start_session

        assert self.services is not None and self.store is not None  # _open ran first
        self.session = start_session(self.args, self.services)
        # Starting a session may have signed a user in.
        self.services.user = dict(self.store.get_state("user", {}) or {})

    def fail(self, error: CliError) -> None:
        if self.error is None:
            self.error = error
        self.failed.emit()

    def finish(self) -> None:
        """Wait for the opening thread, then stop the session and close the store."""
        self._stopping = True  # a session not started yet is not started any more
        self._page_shown.set()
        if self._thread.ident is not None:
            self._thread.join()
        if self.session is not None:
            self.session.stop()
        if self.store is not None:
            self.store.remove_listener(self.changes.on_store_commit)
        self.tasks.shutdown()
        if self.store is not None:
            self.store.engine.dispose()


def build_services(store: Store, tasks: TaskRunner, settings: Settings, changes: RecordChanges,
                   data_dir: Path, user: dict[str, Any] | None = None) -> Services:
    """Every service a page may use, over an open store: the one place they are built (the
    collateral library, the debriefs and the insights when a page first asks for them)."""
    from desktop.store.attachments import LeadAttachments
    from desktop.store.queries import RecordQueries
    from desktop.sync.blobs import open_file_cache

    def collateral() -> CollateralLibrary:
        from desktop.store.collateral import CollateralLibrary

        return CollateralLibrary(store)

    def debriefs() -> DebriefStore:
        from desktop.store.debriefs import DebriefStore

        return DebriefStore(store)

    def insights() -> InsightsQueries:
        from desktop.store.insights import InsightsQueries

        return InsightsQueries(store.engine)

    def hub_blobs() -> BlobCache | None:
        # Imported when first asked (on a worker): requests stays out of the window's start.
        from desktop.sync.session import hub_file_cache

        return hub_file_cache(data_dir, store, settings)

    def look_up(email: str) -> LookupResult:
        # Imported when first asked (on a worker), like the hub file cache.
        from desktop.sync.lookup import look_up as look_up_contact

        return look_up_contact(data_dir, store, settings, email)

    def fetch_attachment(sha256: str) -> Path | None:
        # Imported when first asked (on a worker), like the hub file cache.
        from desktop.sync.session import ensure_attachment_file

        return ensure_attachment_file(data_dir, store, settings, sha256)

    def set_hub_setting(key: str, value: str) -> str:
        from desktop.sync.session import set_shared_setting

        return set_shared_setting(data_dir, store, settings, key, value)

    blobs = open_file_cache(data_dir)
    return Services(
        store=store,
        queries=RecordQueries(store.engine),
        tasks=tasks,
        settings=settings,
        changes=changes,
        data_dir=data_dir,
        make_collateral=collateral,
        make_debriefs=debriefs,
        make_insights=insights,
        blobs=blobs,
        attachments=LeadAttachments(store, blobs),
        hub_blobs=hub_blobs,
        look_up=look_up,
        fetch_attachment=fetch_attachment,
        set_hub_setting=set_hub_setting,
        user=dict(user or {}),
    )
