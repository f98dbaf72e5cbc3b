"""Retention on the hub: with the setting `retention_days` set, leads never qualified and never
contacted that are older than that are erased as a person's erasure erases them.

Which leads go is `fieldnote.privacy.retention_due`; this module finds them (`due_leads`),
erases them with `hub.privacy.erase_leads` and records a `retention.erase` audit entry with
counts only (`run`). Inside `serve` a `RetentionWorker` thread in every worker process runs it
once shortly after start-up and then every day; `claim` lets one process at a time do so: it
moves the "last run" time in `hub_meta` forward with a compare-and-set, which only one
process wins. The same thread removes unfinished uploads untouched for a week from the blob
directory (`hub.blobs.BlobStore.remove_stale_partials`, safe in several processes at once),
whether retention is on or off.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from fieldnote import audit as audit_rules
from fieldnote import privacy as rules
from fieldnote.followups import iso, parse_time
from hub import audit, privacy
from hub.db.engine import write_lock, writer
from hub.db.tables import RECORD_TABLES, meta
from hub.shared_settings import read_hub

log = logging.getLogger(__name__)

LAST_RUN_KEY = "retention_last_run"
FIRST_RUN_S = 10 * 60.0  # after start-up: the hub settles first (`serve`: hub.settings)
EVERY_S = 24 * 3600.0
# A run claimed less than this long ago is not repeated by another process (the processes'
# days start a few seconds apart).
MIN_GAP_S = 20 * 3600.0
ERASED_BY = "retention"


@dataclass(frozen=True)
class DueLead:
    """A lead the rule erases: ids and its age, nothing about the person."""

    id: str
    event_id: str | None
    captured_at: str
    age_days: int

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "event_id": self.event_id, "captured_at": self.captured_at,
                "age_days": self.age_days}


@dataclass
class RetentionReport:
    days: int | None  # None: retention is off
    due: list[DueLead] = field(default_factory=list)
    erased: privacy.ErasureReport | None = None
    dry_run: bool = False

    def counts(self) -> dict[str, Any]:
        out: dict[str, Any] = {"retention_days": self.days, "leads": len(self.due)}
        if self.erased is not None:
            e = self.erased
            out.update(leads=len(e.leads), outcomes=e.outcomes, debriefs=e.debriefs,
                       comments=e.comments, conflicts=e.conflicts,
                       attachments=e.attachments, files_removed=e.files_removed)
        return out

    def as_json(self) -> dict[str, Any]:
        return {"dry_run": self.dry_run, **self.counts(),
                "due": [d.as_json() for d in self.due],
                "erased_ids": list(self.erased.leads) if self.erased else []}


def configured_days(engine: Engine) -> int | None:
    """The setting as days, or None when retention is off."""
    with engine.connect() as conn:
        return rules.retention_days(read_hub(conn)[rules.RETENTION_SETTING])


def due_leads(engine: Engine, days: int, now: dt.datetime) -> list[DueLead]:
    """The leads the rule erases at `now`, oldest first. The query only narrows the search
    (not erased, not qualified, captured before the cutoff); the rule decides each lead."""
    leads, outcomes = RECORD_TABLES["lead"], RECORD_TABLES["lead_outcome"]
    # A day's slack: times in other offsets compare as text only roughly.
    cutoff = iso(now - dt.timedelta(days=days - 1))
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(
            select(leads.c.id, leads.c.event_id, leads.c.captured_at, leads.c.qualified,
                   leads.c.erased_at)
            .where(leads.c.erased_at.is_(None),
                   or_(leads.c.qualified.is_(None), leads.c.qualified.is_(False)),
                   leads.c.captured_at < cutoff)
            .order_by(leads.c.captured_at, leads.c.id))]
        by_lead: dict[str, list[dict[str, Any]]] = {r["id"]: [] for r in rows}
        ids = list(by_lead)
        for start in range(0, len(ids), 500):
            for o in conn.execute(
                    select(outcomes.c.id, outcomes.c.lead_id, outcomes.c.status, outcomes.c.at,
                           outcomes.c.retracts, outcomes.c.deleted)
                    .where(outcomes.c.lead_id.in_(ids[start:start + 500]))):
                by_lead[o.lead_id].append(dict(o._mapping))
    due = []
    for row in rows:
        if rules.retention_due(row, by_lead[row["id"]], days=days, now=now):
            age = rules.lead_age(row, now)
            assert age is not None
            due.append(DueLead(row["id"], row["event_id"], row["captured_at"], age.days))
    return due


def run(engine: Engine, *, now: dt.datetime | None = None, dry_run: bool = False,
        blobs_dir: Path | None = None, actor_label: str | None = None,
        via: str | None = None) -> RetentionReport:
    """Erase what the rule erases now (or, with `dry_run`, only say what it would), and record
    a `retention.erase` entry with the counts when something was erased."""
    now = now or dt.datetime.now(dt.UTC)
    days = configured_days(engine)
    if days is None:
        return RetentionReport(None, dry_run=dry_run)
    report = RetentionReport(days, due_leads(engine, days, now), dry_run=dry_run)
    if dry_run or not report.due:
        return report
    report.erased = privacy.erase_leads(engine, [d.id for d in report.due], by=ERASED_BY,
                                        reason=f"retention: {days} days", blobs_dir=blobs_dir)
    audit.record(engine, audit_rules.RETENTION_ERASE, actor_label=actor_label, via=via,
                 details=report.counts())
    log.info("retention erased %d leads: %s", len(report.erased.leads),
             ", ".join(report.erased.leads))
    return report


def claim(engine: Engine, now: dt.datetime, min_gap_s: float = MIN_GAP_S) -> bool:
    """Whether this process may run the daily job now: True for exactly one of the processes
    that ask within `min_gap_s` of each other (the last run's time moves forward by a
    compare-and-set on `hub_meta`)."""
    stamp = iso(now)
    with write_lock(engine), writer(engine).begin() as conn:
        last = conn.execute(select(meta.c.value).where(meta.c.key == LAST_RUN_KEY)).scalar()
        if last is None:
            try:
                with conn.begin_nested():
                    conn.execute(insert(meta).values(key=LAST_RUN_KEY, value=stamp))
            except IntegrityError:  # another process inserted it first
                return False
            return True
        when = parse_time(last)
        if when is not None and (now - when).total_seconds() < min_gap_s:
            return False
        done = conn.execute(update(meta).where(meta.c.key == LAST_RUN_KEY,
                                               meta.c.value == last).values(value=stamp))
        return bool(done.rowcount)


class RetentionWorker:
    """The daily job of one `serve` process: a daemon thread that waits `first_s`, then runs
    the job every `every_s` when it wins `claim`. An error is logged and the thread goes on."""

    def __init__(self, engine: Engine, blobs_dir: Path | None, *, first_s: float = FIRST_RUN_S,
                 every_s: float = EVERY_S, min_gap_s: float = MIN_GAP_S,
                 clock: Callable[[], dt.datetime] | None = None) -> None:
        self.engine = engine
        self.blobs_dir = blobs_dir
        self.first_s, self.every_s, self.min_gap_s = first_s, every_s, min_gap_s
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.runs = 0  # jobs this process ran (after winning the claim)
        self.ran = threading.Event()  # set after each job this process ran
        self.cleaned = threading.Event()  # set after each clean-up of unfinished uploads
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="fieldnote-retention",
                                            daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None

    def _loop(self) -> None:
        wait = self.first_s
        while not self._stop.wait(wait):
            wait = self.every_s
            self.clean_uploads()
            self.run_once()

    def clean_uploads(self) -> int:
        """Remove unfinished uploads nobody added to for a week; how many went."""
        if self.blobs_dir is None:
            return 0
        from hub.blobs import BlobStore

        try:
            return BlobStore(self.blobs_dir).remove_stale_partials()
        except OSError:
            log.exception("removing unfinished uploads failed; tried again in %.0f s",
                          self.every_s)
            return 0
        finally:
            self.cleaned.set()

    def run_once(self) -> RetentionReport | None:
        """One turn of the job: None when off or another process has it, else the report."""
        try:
            if configured_days(self.engine) is None:
                return None
            now = self.clock()
            if not claim(self.engine, now, self.min_gap_s):
                return None
            self.runs += 1
            report = run(self.engine, now=now, blobs_dir=self.blobs_dir,
                         actor_label="retention job (hub)", via=audit_rules.VIA_HUB)
            self.ran.set()
            return report
        except Exception:  # noqa: BLE001 - the job must outlive a bad day (database away)
            log.exception("retention job failed; it runs again in %.0f s", self.every_s)
            return None
