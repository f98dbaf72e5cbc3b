"""The Qt-facing side of sync: runs cycles in a worker thread and reports by signal.

Triggers: app start, a timer while online, shortly after local saves (debounced), network
regained, and "Sync now"; backoff with jitter while the hub cannot be reached. The UI thread
never waits on a cycle; it only reads small counts and receives signals.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.store.attention import AttentionItem, ConflictItem
from desktop.store.records import Store
from desktop.store.syncing import SyncStore
from desktop.sync.client import HubClient
from desktop.sync.engine import SyncEngine
from desktop.sync.errors import AuthRequired, SyncFailure
from desktop.sync.session import (
    Timeouts,
    sign_in,
    sign_out,
    signed_in_client,
    write_private_json,
)
from desktop.sync.state import (
    DISK_FULL_SYNC,
    CycleReport,
    Outcome,
    Phase,
    Progress,
    SyncState,
)
from fieldnote import audit as audit_rules
from fieldnote.failures import is_disk_full

log = logging.getLogger(__name__)

EngineFactory = Callable[[], SyncEngine]

_PHASE_OF = {
    Outcome.OK: Phase.SYNCED,
    Outcome.OFFLINE: Phase.OFFLINE,
    Outcome.SIGN_IN_NEEDED: Phase.SIGN_IN_NEEDED,
    Outcome.INCOMPATIBLE: Phase.INCOMPATIBLE,
    Outcome.HUB_ERROR: Phase.ERROR,
    Outcome.DISK_FULL: Phase.ERROR,
}


class SyncRunner(QObject):
    """Owns the sync worker thread. Create and use it on the UI thread."""

    state_changed = Signal(object)  # SyncState
    progress = Signal(object)  # Progress
    cycle_finished = Signal(object)  # CycleReport
    _saved_elsewhere = Signal()
    _cycle_done = Signal(object)
    _reconnect_requested = Signal()

    def __init__(
        self,
        store: Store,
        engine_factory: EngineFactory,
        *,
        interval_s: float = 60.0,
        debounce_ms: int = 1500,
        backoff_s: tuple[float, float] = (5.0, 300.0),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.sync_store = SyncStore(store)
        self._factory = engine_factory
        self._engine: SyncEngine | None = None
        self._backoff = backoff_s
        self._failures = 0
        self._wanted = threading.Event()
        self._cancel = threading.Event()
        self._stopping = False
        self._running = False
        self._worker: threading.Thread | None = None
        self._phase = Phase.SYNCED if self.sync_store.last_synced_at() else Phase.OFFLINE
        self._message = ""
        self._progress: Progress | None = None

        self._timer = QTimer(self)
        self._timer.setInterval(int(interval_s * 1000))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self._debounce.timeout.connect(lambda: self.request("save"))
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(lambda: self.request("backoff"))
        self._saved_elsewhere.connect(self._debounce.start)
        self._cycle_done.connect(self._on_cycle_done)
        # Timers belong to the UI thread; a reconnect asked from elsewhere hops over by signal.
        self._reconnect_requested.connect(self._on_reconnect_requested)
        store.add_listener(self._on_store_commit)
        self._watch_network()

    # -- control -------------------------------------------------------------------------

    def start(self) -> None:
        """Start the worker and run the first cycle (app start)."""
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="fieldnote-sync", daemon=True)
            self._worker.start()
        self._timer.start()
        self.request("start")

    def sync_now(self) -> None:
        self.request("now")

    def request(self, why: str) -> None:
        if self._stopping:
            return
        log.debug("sync requested (%s)", why)
        self._wanted.set()

    def reconnect(self) -> None:
        """Build a new engine at the next cycle (after sign-in, sign-out or a settings
        change). Safe to call from any thread."""
        self._reconnect_requested.emit()

    def _on_reconnect_requested(self) -> None:
        self._engine_reset = True
        self._failures = 0
        self._timer.start()
        self.request("reconnect")

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping = True
        self._cancel.set()
        self._wanted.set()
        self._timer.stop()
        self._debounce.stop()
        self._retry.stop()
        self.store.remove_listener(self._on_store_commit)
        if self._worker is not None:
            self._worker.join(timeout)
            self._worker = None

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """For tests and `--screenshot`: block until no cycle is wanted or running."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self._wanted.is_set() and not self._running:
                return True
            time.sleep(0.01)
        return False

    # -- state ---------------------------------------------------------------------------

    def state(self) -> SyncState:
        waiting, attention = self.sync_store.counts()
        account = self.sync_store.account()
        signed_in = bool(self.store.get_state("signed_in", False))
        phase = self._phase
        if account is None or not signed_in:
            phase = Phase.SIGNED_OUT if phase is not Phase.SYNCING else phase
        return SyncState(
            phase=phase,
            waiting=waiting,
            attention=attention,
            last_synced_at=self.sync_store.last_synced_at(),
            message=self._message,
            progress=self._progress if phase is Phase.SYNCING else None,
            hub_url=account.hub_url if account else None,
            user_email=account.email if account else None,
        )

    def refresh(self) -> None:
        self.state_changed.emit(self.state())

    # -- worker --------------------------------------------------------------------------

    _engine_reset = False

    def _work(self) -> None:
        while True:
            self._wanted.wait()
            if self._stopping:
                break
            self._wanted.clear()
            self._running = True
            try:
                report = self._one_cycle()
            except Exception as exc:  # never let the worker die; the UI shows the failure
                if is_disk_full(exc):  # e.g. while the engine was being built
                    report = CycleReport(outcome=Outcome.DISK_FULL, message=DISK_FULL_SYNC)
                else:
                    log.exception("sync cycle failed unexpectedly")
                    report = CycleReport(outcome=Outcome.HUB_ERROR,
                                         message=f"Sync failed unexpectedly ({type(exc).__name__}).")
            finally:
                self._running = False
            if self._stopping:
                break
            self._cycle_done.emit(report)
        if self._engine is not None:
            self._engine.client.close()

    def _one_cycle(self) -> CycleReport:
        if self._engine_reset and self._engine is not None:
            self._engine.client.close()
            self._engine = None
        self._engine_reset = False
        if self._engine is None:
            try:
                self._engine = self._factory()
            except AuthRequired as exc:
                return CycleReport(outcome=Outcome.SIGN_IN_NEEDED, message=exc.message)
            except SyncFailure as exc:
                return CycleReport(outcome=Outcome.HUB_ERROR, message=exc.message)
        self._phase = Phase.SYNCING
        self._progress = Progress("start")
        self.state_changed.emit(self.state())
        return self._engine.run_cycle(self._on_progress, self._cancel)

    def _on_progress(self, p: Progress) -> None:
        self._progress = p
        self.progress.emit(p)

    # -- UI thread -----------------------------------------------------------------------

    def _on_cycle_done(self, report: CycleReport) -> None:
        if report.outcome is Outcome.CANCELLED:
            return
        self._phase = _PHASE_OF.get(report.outcome, Phase.ERROR)
        self._message = "" if report.ok else report.message
        self._progress = None
        if report.outcome in (Outcome.OFFLINE, Outcome.HUB_ERROR, Outcome.DISK_FULL):
            self._failures += 1
            base, cap = self._backoff
            delay = min(cap, base * 2 ** (self._failures - 1)) * random.uniform(0.5, 1.5)
            self._retry.start(int(delay * 1000))
        elif report.outcome in (Outcome.SIGN_IN_NEEDED, Outcome.INCOMPATIBLE):
            # Retrying cannot help until the user signs in or someone updates a program.
            self._timer.stop()
            self._retry.stop()
        else:
            self._failures = 0
        self.cycle_finished.emit(report)
        self.state_changed.emit(self.state())

    def _on_timer_timeout(self) -> None:
        if self._phase in (Phase.SYNCED, Phase.SYNCING):
            self.request("timer")

    def _on_store_commit(self, _kind: str, _ids: Sequence[str]) -> None:
        # Our own pulls commit from the worker thread; only the user's saves trigger a sync.
        if threading.current_thread() is self._worker:
            return
        self._saved_elsewhere.emit()

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadBackendByFeatures(
                QNetworkInformation.Feature.Reachability
            ):
                return
            info = QNetworkInformation.instance()
        except Exception:  # no backend on this platform: backoff retries stand in for it
            return
        if info is None:
            return

        def on_reachability(r: Any) -> None:
            if r == QNetworkInformation.Reachability.Online:
                self._failures = 0
                self.request("network regained")

        info.reachabilityChanged.connect(on_reachability)


class SyncDesk:
    """The needs-attention and conflict operations, plus sign-in/out, for the sync views."""

    def __init__(self, data_dir: Path, store: Store, runner: SyncRunner | None = None,
                 *, ca_bundle: str | None = None, timeouts: Timeouts = Timeouts()) -> None:
        self.data_dir = data_dir
        self.store = store
        self.sync = SyncStore(store)
        self.runner = runner
        self.ca_bundle = ca_bundle
        self.timeouts = timeouts

    def attention_items(self) -> list[AttentionItem]:
        return self.sync.attention_items()

    def resend(self, seq: int, fields: dict[str, Any]) -> None:
        self.sync.resend(seq, fields)
        self._kick()

    def discard(self, seq: int) -> None:
        self.sync.discard(seq)
        self._kick()

    def conflicts(self) -> list[ConflictItem]:
        return self.sync.conflicts()

    def resolve_conflict(self, conflict_id: str, keep: str) -> None:
        self.sync.resolve_conflict(conflict_id, keep)
        self._kick()

    def waiting(self) -> int:
        waiting, attention = self.sync.counts()
        return waiting + attention

    def current_account(self) -> tuple[str, str]:
        account = self.sync.account()
        return (account.hub_url, account.email) if account else ("", "")

    def sign_in(self, hub_url: str, email: str, password: str) -> str:
        """Sign in (call off the UI thread); returns the keychain warning, if any."""
        result = sign_in(self.data_dir, self.store, hub_url, email, password,
                         ca_bundle=self.ca_bundle, timeouts=self.timeouts)
        return result.warning

    def signed_in(self) -> None:
        """After a successful sign-in, on the UI thread: sync with the new account."""
        if self.runner is not None:
            self.runner.reconnect()

    def sign_out(self) -> None:
        sign_out(self.data_dir, self.store, ca_bundle=self.ca_bundle)
        if self.runner is not None:
            self.runner.reconnect()

    # -- a person's data (administrators; call off the UI thread) -----------------------------

    def export_person(self, email: str, path: Path) -> int:
        """Write everything the hub holds about the person to `path` (JSON, whole or not at
        all, readable by its owner only); return how many leads it holds."""
        client = self._hub_client()
        try:
            document = client.export_person(email)
        finally:
            client.close()
        write_private_json(path, document)
        leads = document.get("leads")
        return len(leads) if isinstance(leads, list) else 0

    def erase_person(self, email: str, reason: str | None = None) -> dict[str, Any]:
        """Erase the person on the hub; this device (and every other) drops them at its next
        sync, which this starts."""
        client = self._hub_client()
        try:
            answer = client.erase_person(email, reason)
        finally:
            client.close()
        if self.runner is not None:
            self.runner.request("erasure")
        return answer

    def audit_entries(self, since: str | None = None) -> list[audit_rules.Entry]:
        """The hub's audit log at or after `since` (YYYY-MM-DD), newest first (administrators;
        call off the UI thread). An entry the hub sent in a shape this app does not read is
        left out."""
        client = self._hub_client()
        try:
            raw = client.audit_entries(since)
        finally:
            client.close()
        entries = []
        for item in raw:
            try:
                entries.append(audit_rules.Entry.from_wire(item))
            except ValueError:
                log.warning("an audit entry the app cannot read was left out")
        return audit_rules.newest_first(entries)

    def _hub_client(self) -> HubClient:
        return signed_in_client(self.data_dir, self.store, self.ca_bundle, self.timeouts)

    def _kick(self) -> None:
        if self.runner is not None:
            self.runner.request("attention")
