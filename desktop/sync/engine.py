"""The sync cycle of the protocol: push the outbox, pull the feed, fetch files, check the digest.

`SyncEngine.run_cycle` is plain Python (no Qt) and never raises for hub or network trouble: it
ends with a `CycleReport` whose outcome says what happened. Every database write goes through
`desktop.store.syncing.SyncStore`, so a cycle killed at any moment loses and duplicates nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any, Protocol, TypeVar

from desktop.store.goals import TALLIES_KEY
from desktop.store.syncing import OutboxEntry, StubsDiffer, SyncStore
from desktop.sync.blobs import BlobCache
from desktop.sync.client import Cancel, HubClient, UploadOutcome
from desktop.sync.errors import (
    AuthRequired,
    BlobProblem,
    CursorGone,
    Forbidden,
    HubError,
    HubUnreachable,
    IncompatibleHub,
    PayloadTooLarge,
    SyncFailure,
    TooManyAttempts,
)
from desktop.sync.state import DISK_FULL_SYNC, CycleReport, Outcome, Progress
from desktop.sync.updates import update_offer
from fieldnote.failures import is_disk_full
from fieldnote.goals import follows
from fieldnote.validation import utc_now_iso
from fieldnote.wire import DEFAULT_PULL_LIMIT, MAX_MUTATIONS_PER_PUSH, PullResponse, PushResponse

log = logging.getLogger(__name__)

ProgressSink = Callable[[Progress], None]
T = TypeVar("T")
# Twice the protocol's default page: fewer round trips on a first sync, while a page lost to
# a dropped connection stays small enough to fetch again quickly.
PULL_PAGE = 2 * DEFAULT_PULL_LIMIT


class FilePolicy(Protocol):
    """Which files this device keeps (the collateral job's cache policy): pinned ones, the
    library's current files within the cache limit; files of retired, expired or replaced
    items go."""

    def wanted(self, needed: list[tuple[str, int | None]], blobs: BlobCache) -> list[tuple[str, int | None]]: ...

    def tidy(self, blobs: BlobCache) -> list[str]: ...


class _Cancelled(Exception):
    pass


# The events with goals whose team figures one sync asks the hub for, at most.
_MAX_FOLLOWED = 20


class SyncEngine:
    """Runs sync cycles for one signed-in store against one hub. One cycle at a time."""

    def __init__(
        self,
        store: SyncStore,
        client: HubClient,
        blobs: BlobCache | None = None,
        *,
        pull_limit: int = PULL_PAGE,
        batch_size: int = MAX_MUTATIONS_PER_PUSH,
        check_digest: bool = True,
        files: FilePolicy | None = None,
        digest_interval_s: float = 600.0,
        release_interval_s: float = 3600.0,
    ) -> None:
        self.store = store
        self.files = files
        self.uploaded_bytes = 0
        # What each file upload did, in order (for the tests and the log).
        self.upload_log: list[tuple[str, UploadOutcome]] = []
        self.client = client
        self.blobs = blobs
        self.pull_limit = pull_limit
        self.batch_size = batch_size
        self.check_digest = check_digest
        # The digest is compared at this engine's first drained cycle, after a full resync,
        # and then at most every `digest_interval_s` (0: every drained cycle).
        self.digest_interval_s = digest_interval_s
        self._digest_checked_at: float | None = None
        # The hub's announced desktop release is asked for at the first good cycle, then at
        # most every `release_interval_s`.
        self.release_interval_s = release_interval_s
        self._release_checked_at: float | None = None

    def run_cycle(
        self, progress: ProgressSink | None = None, cancel: Cancel | None = None
    ) -> CycleReport:
        report = CycleReport()
        emit = progress or (lambda _p: None)
        try:
            self._push(report, emit, cancel)
            self._pull(report, emit, cancel)
            self._fetch_blobs(report, emit, cancel)
            self._check(report, emit, cancel)
            # One commit for the cycle's bookkeeping: when it ended, and how much moved.
            self.store.mark_synced(utc_now_iso(), moved_since_stats=self._planner_stats(report))
            self._check_release(report)
            self._fetch_tallies()
        except _Cancelled:
            report.outcome = Outcome.CANCELLED
            report.message = "Sync was stopped."
        except AuthRequired as exc:
            report.outcome, report.message = Outcome.SIGN_IN_NEEDED, exc.message
        except IncompatibleHub as exc:
            report.outcome, report.message = Outcome.INCOMPATIBLE, exc.message
        except (HubUnreachable, TooManyAttempts) as exc:
            report.outcome, report.message = Outcome.OFFLINE, exc.message
        except SyncFailure as exc:
            report.outcome, report.message = Outcome.HUB_ERROR, exc.message
        except Exception as exc:
            if not is_disk_full(exc):
                raise
            # What was pushed and pulled before stays; the rest waits for room on the disk.
            report.outcome, report.message = Outcome.DISK_FULL, DISK_FULL_SYNC
        if report.outcome not in (Outcome.CANCELLED, Outcome.DISK_FULL):
            online = report.outcome is not Outcome.OFFLINE
            if self.store.get("online") is not online:
                self.store.set("online", online)
        report.waiting, report.attention = self.store.counts()
        report.finished_at = utc_now_iso()
        log.info(
            "sync cycle %s: pushed %d, pulled %d, blobs %d, waiting %d, attention %d",
            report.outcome.value, report.pushed, report.pulled, report.blobs_fetched,
            report.waiting, report.attention,
        )
        return report

    def _check_release(self, report: CycleReport) -> None:
        """Ask the hub which desktop release IT published (a notice, never a download). A hub
        that cannot say right now leaves the last answer standing."""
        now = time.monotonic()
        last = self._release_checked_at
        if last is not None and now - last < self.release_interval_s:
            return
        try:
            health = self.client.health()
        except SyncFailure as exc:
            log.info("could not ask the hub for its desktop release: %s", exc.message)
            return
        self._release_checked_at = now
        report.update = update_offer(health)
        report.update_checked = True

    def _fetch_tallies(self) -> None:
        """The team's figures of the events whose booth goals this device follows
        (`fieldnote.goals.follows`), as the hub counts them now, kept for the capture screen's
        counter and the booth board. A hub that cannot answer leaves the last ones standing."""
        today = dt.date.today()
        events = [e["id"] for e in self.store.store.all("event") if follows(e, today)]
        kept = dict(self.store.get(TALLIES_KEY) or {})
        fresh = {}
        for event_id in events[:_MAX_FOLLOWED]:
            try:
                as_of, rows = self.client.tallies(event_id)
            except SyncFailure as exc:
                log.info("could not ask the hub for an event's goal figures: %s", exc.message)
                return
            fresh[event_id] = {"as_of": as_of, "tallies": [t.as_json() for t in rows]}
        if fresh or kept:
            self.store.set(TALLIES_KEY, fresh)

    def _planner_stats(self, report: CycleReport) -> int | None:
        """Refresh SQLite's planner statistics when the store has none, or once a thousand
        records or more came or went since the last time (many small cycles add up); return
        the new count of records moved since, None when it stays."""
        before = int(self.store.get("moved_since_stats") or 0)
        moved = before + report.pulled + report.pushed
        if moved >= self.store.STATS_AFTER_MOVED or not self.store.has_planner_stats():
            self.store.refresh_planner_stats()
            moved = 0
        return None if moved == before else moved

    # -- push ----------------------------------------------------------------------------

    def _push(self, report: CycleReport, emit: ProgressSink, cancel: Cancel | None) -> None:
        """Send the outbox in batches, one batch ahead: while the hub works on batch k, the
        store applies the answers to batch k-1 and takes batch k+1 in one transaction (answers
        are applied in order; a batch never holds a record an unanswered batch holds).
        Requests go out one at a time from one network thread, and none after one failed."""
        waiting, _ = self.store.counts()
        if not waiting:
            return
        client_id = self.store.client_id()
        emit(Progress("push", 0, waiting))
        with _Network() as net:
            self._push_batches(report, emit, cancel, client_id, waiting, net)

    def _push_batches(
        self, report: CycleReport, emit: ProgressSink, cancel: Cancel | None, client_id: str,
        waiting: int, net: _Network,
    ) -> None:
        size = self.batch_size
        done = 0
        # Sent and unanswered, oldest first; never more than two.
        flight: list[tuple[list[OutboxEntry], Future[PushResponse]]] = []

        def send(batch: list[OutboxEntry]) -> None:
            flight.append((batch, net.submit(self.client.push_encoded, client_id,
                                             [e.mutation_id for e in batch],
                                             [e.body for e in batch])))

        def ahead_of(batch: list[OutboxEntry]) -> dict[str, Any]:
            return {"after_seq": batch[-1].seq,
                    "in_flight": {(e.kind, e.record_id) for e in batch}}

        def sendable(batch: list[OutboxEntry]) -> bool:
            # Files go up from this thread before their change, so a batch naming files
            # waits until nothing is in flight (it stays pending and is taken again).
            return bool(batch) and not (self.blobs is not None and self.store.blobs_named_by(batch))

        while True:
            stopping = cancel is not None and cancel.is_set()
            careful_until = self.store.get("careful_until_seq")
            if not flight:
                if stopping:
                    raise _Cancelled()
                batch = self.store.take_batch(1 if careful_until else size)
                if not batch:
                    break
                if careful_until and batch[-1].seq >= int(careful_until):
                    self.store.set("careful_until_seq", None)
                self._upload_files(batch, emit, cancel)
                send(batch)
                continue
            pipelining = not stopping and not careful_until
            if len(flight) == 1 and pipelining:
                batch = self.store.take_batch(size, **ahead_of(flight[0][0]))
                if sendable(batch):
                    send(batch)
            previous, answer_f = flight.pop(0)
            try:
                answer = answer_f.result()
            except PayloadTooLarge as exc:
                net.settle()  # what was queued behind it was skipped; it is taken again
                flight.clear()
                if len(previous) == 1:
                    self.store.park(previous[0], "This change is too large for the hub",
                                    exc.message)
                    report.parked += 1
                else:
                    size = max(1, len(previous) // 2)
                continue
            except HubError as exc:
                net.settle()
                flight.clear()
                if exc.counts_as_server_error:
                    report.parked += self.store.record_server_error(previous, exc.message)
                    # Until this batch is through, send one change at a time, so one change
                    # the hub keeps failing on is parked alone and never blocks the rest.
                    self.store.set("careful_until_seq", previous[-1].seq)
                raise
            if flight and pipelining:
                tally, batch = self.store.answer_and_take(
                    previous, answer.results, size, **ahead_of(flight[0][0]))
                if sendable(batch):
                    send(batch)
            else:
                tally = self.store.record_answers(previous, answer.results)
            report.pushed += len(previous)
            report.applied += tally.applied
            report.duplicates += tally.duplicates
            report.conflicts += tally.conflicts
            report.rejected += tally.rejected
            done += len(previous)
            emit(Progress("push", done, max(waiting, done)))

    def _upload_files(self, batch: list[OutboxEntry], emit: ProgressSink,
                      cancel: Cancel | None = None) -> None:
        """Files the changes of a batch name (a collateral document, a consent signature, a
        voice note or photo) must be on the hub before the changes are. Each goes up
        resumably (`HubClient.upload_file`: the hub says how much it holds, the rest follows
        in pieces read from disk), so a cut upload goes on from where the hub stopped, in
        this cycle or the next."""
        if self.blobs is None:
            return
        for sha in dict.fromkeys(self.store.blobs_named_by(batch)):
            _check_cancel(cancel)
            path = self.blobs.path_if_verified(sha)
            if path is None:
                continue  # the hub rejects the change if it lacks the file; the user sees why
            size = path.stat().st_size
            emit(Progress("upload", 0, size))
            outcome = UploadOutcome()
            try:
                with path.open("rb") as fh:
                    self.client.upload_file(sha, fh, size, _upload_progress(emit, size), cancel,
                                            outcome=outcome)
            finally:
                self.uploaded_bytes += outcome.sent
                self.upload_log.append((sha, outcome))
                del self.upload_log[:-100]
            # Stopped midway: the change waits with its file (the hub keeps what it got).
            _check_cancel(cancel)

    # -- pull ----------------------------------------------------------------------------

    def _pull(self, report: CycleReport, emit: ProgressSink, cancel: Cancel | None) -> int:
        if self.store.resync_requested() and not self.store.resync_active():
            self.store.begin_full_resync()
            report.full_resync = True
        emit(Progress("pull", 0, None))
        with _Network() as net:
            pulled = self._pull_pages(report, emit, cancel, net)
        if self.store.resync_active():
            removed = self.store.finish_full_resync()
            if removed:
                log.info("full resync removed %d records the hub no longer sends", removed)
        return pulled

    def _pull_pages(
        self, report: CycleReport, emit: ProgressSink, cancel: Cancel | None, net: _Network
    ) -> int:
        """Fetch pages one ahead: the next page is on its way while this one is applied. Each
        page is applied with its cursor in one transaction, so a page fetched ahead is only
        ever applied on top of the one it follows; if that one fails, it is dropped.

        The pull names this installation, so the hub stubs the records whose current version
        came from its own pushes (docs/protocol-extensions.md); a page whose stubs do not
        match what this device holds is fetched again whole."""
        pulled = 0
        ahead: tuple[str, Future[PullResponse]] | None = None
        own = self.store.client_id() if self.store.own_stubs_wanted() else None
        whole: str | None = None  # the cursor whose page is asked for again without stubs
        while True:
            _check_cancel(cancel)
            cursor = self.store.cursor()
            if ahead is None or ahead[0] != cursor:
                net.settle()
                ahead = (cursor, net.submit(self.client.pull, cursor, self.pull_limit,
                                            None if whole == cursor else own))
            try:
                page = ahead[1].result()
            except CursorGone:
                ahead = None
                if cursor == "":
                    raise HubError("The hub refused to send its changes from the beginning.", 410) from None
                log.info("hub forgot our cursor; starting a full resync")
                self.store.begin_full_resync(resend_own=True)
                report.full_resync = True
                continue
            if page.has_more and page.cursor == cursor and not page.changes:
                raise HubError("The hub's change feed did not move forward.", 200)
            ahead = None
            if page.has_more:
                ahead = (page.cursor, net.submit(self.client.pull, page.cursor, self.pull_limit,
                                                 own))
            try:
                self.store.apply_page(page.changes, page.cursor, page.settings)
            except StubsDiffer:
                if whole == cursor:
                    raise HubError("The hub sent parts of records it was not asked for.",
                                   200) from None
                log.info("the hub stubbed records this device does not hold as it does; "
                         "fetching the page again whole")
                whole, ahead = cursor, None
                continue
            pulled += len(page.changes)
            report.pulled += len(page.changes)
            emit(Progress("pull", pulled, None))
            if not page.has_more:
                break
        return pulled

    # -- blobs ---------------------------------------------------------------------------

    def _fetch_blobs(self, report: CycleReport, emit: ProgressSink, cancel: Cancel | None) -> None:
        if self.blobs is None:
            return
        # An erased person's files (a consent signature) go first, whatever else happens.
        report.blobs_evicted = len(self.blobs.shred(self.store.take_files_to_shred()))
        needed = self.store.needed_blobs()
        if self.files is not None:
            needed = self.files.wanted(needed, self.blobs)
        needed = [(sha, size) for sha, size in needed if self.blobs.path_if_verified(sha) is None]
        total = sum(size or 0 for _, size in needed) or None
        base = 0
        for sha, size in needed:
            _check_cancel(cancel)

            def on_progress(done: int, _size: int | None, base: int = base) -> None:
                emit(Progress("blobs", base + done, total))

            try:
                path = self.blobs.ensure(sha, size, on_progress, cancel)
            except BlobProblem as exc:
                log.warning("file %s: %s", sha, exc.message)
                report.blobs_failed += 1
                continue
            except (HubError, Forbidden) as exc:
                # One missing or forbidden file must not stop the others.
                log.warning("file %s could not be fetched: %s", sha, exc.message)
                report.blobs_failed += 1
                continue
            if path is None:
                raise _Cancelled()
            report.blobs_fetched += 1
            base += size or 0
        report.blobs_evicted += len(self.blobs.evict_unreferenced(self.store.referenced_blobs()))
        if self.files is not None:
            report.blobs_evicted += len(self.files.tidy(self.blobs))

    # -- convergence check ---------------------------------------------------------------

    def _check(self, report: CycleReport, emit: ProgressSink, cancel: Cancel | None) -> None:
        if not self.check_digest:
            return
        waiting, _ = self.store.counts()
        if waiting:
            return  # only a fully drained outbox can match the hub
        now = time.monotonic()
        if (self._digest_checked_at is not None and not report.full_resync
                and now - self._digest_checked_at < self.digest_interval_s):
            return
        self._digest_checked_at = now
        emit(Progress("check"))
        if self._digest_matches():
            report.digest_matched = True
            return
        # Someone may have changed something since our pull; catch up before concluding.
        if self._pull(report, emit, cancel) and self._digest_matches():
            report.digest_matched = True
            return
        log.warning("local data differs from the hub's; starting a full resync")
        self.store.begin_full_resync()
        report.full_resync = True
        self._pull(report, emit, cancel)
        report.digest_matched = self._digest_matches()

    def _digest_matches(self) -> bool:
        hub = self.client.digest()
        count, value = self.store.local_digest()
        return hub.count == count and hub.hash == value


class _Skipped(Exception):
    """A request not sent because the one before it failed."""


class _Network:
    """One thread that sends requests in order while the caller works on the store. After a
    request fails, those queued behind it are skipped until `settle`."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldnote-sync")
        self._failed = threading.Event()
        self._queued: list[Future[Any]] = []

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        def run() -> T:
            if self._failed.is_set():
                raise _Skipped()
            try:
                return fn(*args)
            except BaseException:
                self._failed.set()
                raise

        future = self._pool.submit(run)
        self._queued = [f for f in self._queued if not f.done()] + [future]
        return future

    def settle(self) -> None:
        """Wait for every request submitted so far; send again from now on."""
        wait(self._queued)
        self._queued = []
        self._failed.clear()

    def __enter__(self) -> _Network:
        return self

    def __exit__(self, *exc: object) -> None:
        self._failed.set()  # nothing queued is sent once the caller has stopped
        self._pool.shutdown(wait=True)


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel.is_set():
        raise _Cancelled()


def _upload_progress(emit: Callable[[Progress], None], size: int) -> Callable[[int], None]:
    """An upload's progress callback: bytes read so far of `size`, as a Progress."""
    return lambda done: emit(Progress("upload", done, size))
