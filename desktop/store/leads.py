"""Queries and writes of the Leads job: lead lists with filters, counters, duplicates, outcomes,
events, rubrics, imports and report data.

Every write goes through `Store.save_in`, so a record and its outbox entry commit together. No
widget runs SQL; nothing here imports Qt.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    and_,
    asc,
    case,
    desc,
    exists,
    func,
    insert,
    literal_column,
    not_,
    or_,
    select,
    text,
)

from desktop.datafile import DiskFull
from desktop.store.attachments import PendingAttachment, save_pending
from desktop.store.db import make_engine
from desktop.store.marks import drop_mark, marked, put_mark
from desktop.store.queries import fts_query, live
from desktop.store.records import SaveResult, Store
from desktop.store.schema import local_marks, record_tables
from fieldnote.audit import export_fields
from fieldnote.failures import is_disk_full
from fieldnote.kinds import LEAD, RUBRIC, spec
from fieldnote.leads import MARKETING_EXPORTS, TO_QUALIFY_ORDER, marketing_selection
from fieldnote.lookup import LookupAnswer, answer_from, lookup_key
from fieldnote.outcomes import NotRetractable, counting_outcomes, retraction_fields
from fieldnote.scoring import Rubric, RubricInvalid, parse_rubric
from fieldnote.validation import ValidationFailed, format_datetime, utc_now_iso

# The duplicate rules (phone numbers with them) and the CSV formats are imported where they
# are used: the Leads list, which opens with the window, needs neither.
if TYPE_CHECKING:
    from fieldnote.duplicates import Match
    from fieldnote.leadcsv import CsvImport

_WORD = re.compile(r"\w+", re.UNICODE)
LEADS = record_tables["lead"]
OUTCOMES = record_tables["lead_outcome"]
EVENTS = record_tables["event"]
RUBRICS = record_tables["rubric"]
USERS = record_tables["user"]
REASONS = record_tables["reason_list"]
COLLATERAL = record_tables["collateral"]

# A search's first screen (`LeadBook.first_ids`) is looked for among this many of the newest
# leads per id wanted: matches as frequent as one lead in 50 fill it from there.
RECENT_PER_ID = 50

# A capture form not saved yet, kept as typed (a local mark: never synced, never a record).
CAPTURE_DRAFT = "capture_draft"

EXPORT_FORMATS = ("salesforce", "hubspot", "vcard", "pdf")

# The status filter's value for leads nobody has followed up yet.
STATUS_NEW = "new"

# Used when marketing has not published its own lists (records of kind reason_list).
BUILTIN_REASONS: Mapping[str, tuple[str, ...]] = {
    "lost": ("Price", "Chose a competitor", "No budget", "No decision", "Timing",
             "Missing feature", "Other"),
    "disqualified": ("Not our market", "Student or press", "Competitor", "Duplicate",
                     "Fake or unreachable contact", "No interest", "Other"),
}

# The latest outcome of a lead: the one with the newest `at` (ids are time-ordered UUIDv7,
# so they break ties in creation order).
_OUTCOME_AT = func.coalesce(OUTCOMES.c.at, OUTCOMES.c.local_updated_at)


_RETRACTIONS = OUTCOMES.alias("retraction")


def counting_outcome(outcomes: Any = OUTCOMES) -> Any:
    """The rule of `fieldnote.outcomes` in SQL: a live outcome that is no retraction and that
    no live retraction of the same lead withdraws (read through the lead_id index)."""
    return and_(
        outcomes.c.deleted.is_(False),
        outcomes.c.retracts.is_(None),
        not_(exists().where(and_(
            _RETRACTIONS.c.lead_id == outcomes.c.lead_id,
            _RETRACTIONS.c.retracts == outcomes.c.id,
            _RETRACTIONS.c.deleted.is_(False),
        ))),
    )


def latest_status_column() -> Any:
    """A correlated scalar subquery: the status of the lead's latest outcome, or NULL."""
    return (
        select(OUTCOMES.c.status)
        .where(and_(OUTCOMES.c.lead_id == LEADS.c.id, counting_outcome()))
        .order_by(desc(_OUTCOME_AT), desc(OUTCOMES.c.id))
        .limit(1)
        .correlate(LEADS)
        .scalar_subquery()
    )


def _event_name_column() -> Any:
    return (
        select(EVENTS.c.name).where(EVENTS.c.id == LEADS.c.event_id).correlate(LEADS)
        .scalar_subquery()
    )


_GRADE_RANK = case((LEADS.c.grade == "hot", 3), (LEADS.c.grade == "warm", 2),
                   (LEADS.c.grade == "cold", 1), else_=0)

# Sort keys a list header may ask for; each maps to SQL expressions (ties broken by id).
SORT_KEYS: Mapping[str, Callable[[], Sequence[Any]]] = {
    "name": lambda: (func.lower(LEADS.c.last_name), func.lower(LEADS.c.first_name)),
    "company": lambda: (func.lower(LEADS.c.company),),
    "title": lambda: (func.lower(LEADS.c.title),),
    "email": lambda: (func.lower(LEADS.c.email),),
    "grade": lambda: (_GRADE_RANK, LEADS.c.score),
    "score": lambda: (LEADS.c.score,),
    "qualified": lambda: (LEADS.c.qualified,),
    "event": lambda: (_event_name_column(),),
    "status": lambda: (latest_status_column(),),
    "owner": lambda: (LEADS.c.owner_id,),
    "captured_at": lambda: (LEADS.c.captured_at,),
}


@dataclass(frozen=True)
class LeadFilter:
    """What the lead list shows; None or "" means "any"."""

    search: str = ""
    event_id: str | None = None
    grade: str | None = None
    qualified: bool | None = None
    status: str | None = None  # an outcome status, or STATUS_NEW
    owner_id: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, captured on or after (UTC)
    date_to: str | None = None  # YYYY-MM-DD, captured on or before (UTC)
    to_qualify: bool | None = None  # True: only quick scans waiting to be qualified


@dataclass(frozen=True)
class LeadExport:
    """An export's file, how many leads it holds and how many it left out for want of consent."""

    data: bytes
    written: int
    left_out: int = 0


@dataclass
class ImportSummary:
    imported: int = 0
    duplicates: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message)
    failed_rows: int = 0  # refused by the lead rules when written (skip reason "refused")


@dataclass
class ImportPreview:
    """What importing a file would do: the file as read (mapping, samples, skipped rows by
    reason, or the one-line refusal) and how many of its rows are new at the event."""

    parsed: CsvImport
    add: int = 0
    duplicates: int = 0

    @property
    def refusal(self) -> str | None:
        return self.parsed.refusal

    @property
    def reasons(self) -> dict[str, int]:
        return dict(self.parsed.skipped)


# The local mark an imported lead keeps: {"event_id", "fingerprint"} (a salted hash of the row
# it came from, fieldnote.duplicates.import_fingerprint), so that re-importing the file finds
# it after the lead was edited. The salt is this store's own (sync state IMPORT_SALT).
IMPORT_FINGERPRINT = "import_fingerprint"
IMPORT_SALT = "import_salt"


class _KnownRows:
    """What an event already holds, to tell a new row from a row imported (or typed) before.

    A row is known by its badge id or email (`import_key`), by its fingerprint (the marks of
    leads imported here, and the fingerprints of the event's leads as they are now, which covers
    leads imported on another device and synced), or, for a row kept whole as scan data, by
    that text. A row seen once is known for the rest of the file too.
    """

    def __init__(self, event_id: str, salt: bytes, keys: set[tuple[str, str, str]],
                 fingerprints: set[str]) -> None:
        self.event_id = event_id
        self.salt = salt
        self.keys = keys
        self.fingerprints = fingerprints

    def claim(self, values: Mapping[str, Any]) -> tuple[bool, str | None]:
        """Whether the row is new (and from now on known), and its fingerprint."""
        from fieldnote.duplicates import import_fingerprint, import_key

        fingerprint = import_fingerprint(self.salt, self.event_id, values)
        keys = [k for k in (import_key(self.event_id, {"badge_id": values.get("badge_id")}),
                            import_key(self.event_id, {"email": values.get("email")}))
                if k is not None]
        if not keys and not fingerprint and values.get("badge_raw"):
            keys.append(_raw_key(self.event_id, values["badge_raw"]))
        # The row's own key is its badge id when it has one (two badges sharing one email are
        # two visitors), else its email; a new row makes both known.
        if (keys and keys[0] in self.keys) or (fingerprint and fingerprint in self.fingerprints):
            return False, fingerprint
        self.keys.update(keys)
        if fingerprint:
            self.fingerprints.add(fingerprint)
        return True, fingerprint


def day_start_utc(day: dt.date | None = None) -> str:
    """The UTC time at which the local calendar day `day` (default today) began."""
    day = day or dt.date.today()
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return format_datetime(local.astimezone(dt.UTC))


def draft_files(conn: Connection) -> set[str]:
    """`LeadBook.draft_files` inside a caller's connection."""
    found: set[str] = set()
    for _draft_id, state in marked(conn, "lead", CAPTURE_DRAFT):
        for item in state.get("attachments") or []:
            sha = item.get("file_sha256") if isinstance(item, dict) else None
            if isinstance(sha, str) and sha:
                found.add(sha)
    return found


def _drop_draft(conn: Any, draft_id: str) -> None:
    drop_mark(conn, "lead", draft_id, CAPTURE_DRAFT)


def _raw_key(event_id: str, raw: str) -> tuple[str, str, str]:
    return (str(event_id), "raw", " ".join(raw.split()))


def _likely_match(candidate: Mapping[str, Any]) -> str | None:
    """An FTS5 query for leads that could be the same person: the family name's first three
    letters (typos later in a name still match) or every word of the company."""
    parts = []
    words = _WORD.findall(str(candidate.get("last_name") or ""))
    if words and len(words[0]) >= 2:
        parts.append(f'last_name : "{words[0][:3]}"*')
    company = _WORD.findall(str(candidate.get("company") or ""))[:6]
    if company:
        parts.append("company : (" + " ".join(f'"{w}"' for w in company) + ")")
    return " OR ".join(parts) or None


_EMAIL_TEST = literal_column("rec_lead.rowid").in_(
    text("SELECT rowid FROM fts_lead WHERE fts_lead MATCH :em"))
_DUPLICATE_QUERIES: dict[tuple[int, int], Any] = {}


def _duplicate_query(test: Any, limit: int) -> Any:
    key = (id(test), limit)
    if key not in _DUPLICATE_QUERIES:
        cols = [LEADS.c[c] for c in LeadBook._DUP_COLUMNS]
        _DUPLICATE_QUERIES[key] = select(*cols).where(and_(live(LEADS), test)).limit(limit)
    return _DUPLICATE_QUERIES[key]


class LeadBook:
    """The Leads job's view of the local store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine
        # Reads run on their own engine with deferred transactions: the store's engine begins
        # every transaction IMMEDIATE (the write lock), so a long read there (100,000 ids on the
        # parallel lane) would make the next save wait for it.
        database = store.engine.url.database
        self.reader: Engine = (
            make_engine(Path(database), writer=False)
            if database and database != ":memory:" else store.engine
        )

    def dispose(self) -> None:
        if self.reader is not self.engine:
            self.reader.dispose()

    # -- the lead list -------------------------------------------------------------------

    def _filtered(self, flt: LeadFilter, *, search_drives: bool = True) -> Select[Any] | None:
        """The live leads `flt` selects (ids); None when its search can match nothing.
        `search_drives=False` keeps SQLite from reading the matches by row id first (`+rowid`),
        so that an index in the list's order drives the query."""
        query = select(LEADS.c.id).where(live(LEADS))
        if flt.event_id:
            query = query.where(LEADS.c.event_id == flt.event_id)
        if flt.grade:
            query = query.where(LEADS.c.grade == flt.grade)
        if flt.qualified is not None:
            query = query.where(
                LEADS.c.qualified.is_(True) if flt.qualified
                else or_(LEADS.c.qualified.is_(False), LEADS.c.qualified.is_(None))
            )
        if flt.owner_id:
            query = query.where(LEADS.c.owner_id == flt.owner_id)
        if flt.to_qualify is not None:
            query = query.where(
                LEADS.c.to_qualify.is_(True) if flt.to_qualify
                else or_(LEADS.c.to_qualify.is_(False), LEADS.c.to_qualify.is_(None))
            )
        if flt.date_from:
            query = query.where(LEADS.c.captured_at >= flt.date_from)
        if flt.date_to:
            end = (dt.date.fromisoformat(flt.date_to) + dt.timedelta(days=1)).isoformat()
            query = query.where(LEADS.c.captured_at < end)
        if flt.status:
            live_outcome = counting_outcome()
            if flt.status == STATUS_NEW:
                query = query.where(
                    not_(LEADS.c.id.in_(select(OUTCOMES.c.lead_id).where(live_outcome)))
                )
            else:
                ranked = select(
                    OUTCOMES.c.lead_id,
                    OUTCOMES.c.status,
                    func.row_number().over(
                        partition_by=OUTCOMES.c.lead_id,
                        order_by=(desc(_OUTCOME_AT), desc(OUTCOMES.c.id)),
                    ).label("rn"),
                ).where(live_outcome).subquery()
                query = query.where(LEADS.c.id.in_(
                    select(ranked.c.lead_id).where(
                        and_(ranked.c.rn == 1, ranked.c.status == flt.status)
                    )
                ))
        if flt.search.strip():
            match = fts_query(flt.search)
            if match is None:
                return None
            rowid = "rec_lead.rowid" if search_drives else "+rec_lead.rowid"
            query = query.where(
                literal_column(rowid).in_(
                    text("SELECT rowid FROM fts_lead WHERE fts_lead MATCH :match").bindparams(
                        match=match
                    )
                )
            )
        return query

    @staticmethod
    def _ordered(query: Select[Any], order: tuple[str, bool]) -> Select[Any]:
        key, descending = order
        for expr in SORT_KEYS.get(key, SORT_KEYS["captured_at"])():
            query = query.order_by(desc(expr) if descending else asc(expr))
        return query.order_by(desc(LEADS.c.id) if descending else asc(LEADS.c.id))

    def ids(
        self, flt: LeadFilter = LeadFilter(), order: tuple[str, bool] = ("captured_at", True),
        limit: int | None = None,
    ) -> list[str]:
        """Ids of the leads `flt` selects, sorted in SQL by `order` = (sort key, descending);
        the first `limit` of them when given (a list's first screen)."""
        query = self._filtered(flt)
        if query is None:
            return []
        query = self._ordered(query, order)
        if limit is not None:
            query = query.limit(limit)
        with self.reader.connect() as conn:
            return list(conn.execute(query).scalars())

    def first_ids(
        self, flt: LeadFilter, order: tuple[str, bool], limit: int
    ) -> list[str] | None:
        """The first `limit` ids of `ids(flt, order)` when an index gives them without ordering
        every lead the filter selects (a list's first screen, a few ms at 500,000 leads), else
        None: the whole list costs as much, so the caller loads it off the UI thread.

        Without a search, capture-time order reads them off its index. A search, newest first,
        looks for its matches among the newest `limit * RECENT_PER_ID` leads only, walking the
        same index: a match older than those sorts after every one of them, so when `limit`
        matches are among them, they are the first `limit` of the whole list. Fewer (a rare
        word, matches that are all old) gives None, as does a search with other filters.
        """
        key, descending = order
        if key != "captured_at":
            return None
        if not flt.search.strip():
            return self.ids(flt, order, limit)
        if not descending or flt != LeadFilter(search=flt.search):
            # Oldest first would have to place leads without a capture time first; another
            # filter would have SQLite read by its own index and sort what that selects.
            return None
        query = self._filtered(flt, search_drives=False)
        if query is None:
            return []
        # The capture time of the newest leads' oldest: the walk stops there.
        floor = (select(LEADS.c.captured_at).where(live(LEADS))
                 .order_by(desc(LEADS.c.captured_at)).limit(1).offset(limit * RECENT_PER_ID)
                 .scalar_subquery())
        query = self._ordered(query.where(LEADS.c.captured_at >= func.coalesce(floor, "")), order)
        with self.reader.connect() as conn:
            found = list(conn.execute(query.limit(limit)).scalars())
        return found if len(found) == limit else None

    def rows(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Whole lead rows for the ids shown, each with its latest outcome as `status`."""
        wanted = list(ids)
        out: dict[str, dict[str, Any]] = {}
        query = select(LEADS, latest_status_column().label("status"))
        with self.reader.connect() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                for row in conn.execute(query.where(LEADS.c.id.in_(chunk))).mappings():
                    out[row["id"]] = dict(row)
        return out

    def lead(self, lead_id: str) -> dict[str, Any] | None:
        row = self.rows([lead_id]).get(lead_id)
        return None if row is None or row["deleted"] else row

    def counts(self, event_id: str | None) -> tuple[int, int]:
        """(leads captured today on this device's calendar, leads at `event_id`)."""
        live_lead = live(LEADS)
        with self.reader.connect() as conn:
            today = conn.execute(
                select(func.count()).select_from(LEADS)
                .where(and_(live_lead, LEADS.c.captured_at >= day_start_utc()))
            ).scalar_one()
            at_event = 0
            if event_id:
                at_event = conn.execute(
                    select(func.count()).select_from(LEADS)
                    .where(and_(live_lead, LEADS.c.event_id == event_id))
                ).scalar_one()
        return int(today), int(at_event)

    # -- the "to qualify" queue (quick scans) ----------------------------------------------

    def _waiting(self, query: Select[Any], event_id: str | None, all_events: bool) -> Select[Any]:
        query = query.where(and_(live(LEADS), LEADS.c.to_qualify.is_(True)))
        if all_events:
            return query
        return query.where(LEADS.c.event_id == event_id if event_id
                           else LEADS.c.event_id.is_(None))

    def to_qualify(self, event_id: str | None, *, all_events: bool = False) -> list[str]:
        """Ids of the quick scans waiting to be qualified at `event_id` (None: those captured
        without an event; `all_events`: every event's), in the queue's order: oldest first
        (`fieldnote.leads.TO_QUALIFY_ORDER`)."""
        query = self._waiting(select(LEADS.c.id), event_id, all_events)
        query = query.order_by(*(asc(LEADS.c[name]) for name in TO_QUALIFY_ORDER))
        with self.reader.connect() as conn:
            return list(conn.execute(query).scalars())

    def to_qualify_count(self, event_id: str | None) -> int:
        """How many quick scans wait to be qualified at `event_id` (None: without an event)."""
        query = self._waiting(select(func.count()).select_from(LEADS), event_id, False)
        with self.reader.connect() as conn:
            return int(conn.execute(query).scalar_one())

    # -- duplicates ----------------------------------------------------------------------

    _DUP_COLUMNS = ("id", "event_id", "first_name", "last_name", "email", "phone", "company",
                    "badge_id", "badge_raw", "captured_at")

    def duplicates(
        self, candidate: Mapping[str, Any], limit: int = 300, *, likely: bool = True
    ) -> list[Match]:
        """Existing leads that may be `candidate`: exact at its event, likely at any event.

        The SQL narrows to leads sharing the email or badge id at the event and, with `likely`,
        to up to `limit` leads sharing the start of the family name or the company's words
        (full-text index); the domain decides what matches.
        """
        cols = [LEADS.c[c] for c in self._DUP_COLUMNS]
        live_lead = live(LEADS)
        same_event = (
            LEADS.c.event_id == candidate.get("event_id")
            if candidate.get("event_id") else LEADS.c.event_id.is_(None)
        )
        # Each test below is answered by an index (the capture screen asks on every Enter):
        # emails through the full-text index (case-insensitive), badge ids by value; the event
        # is checked by `find_duplicates`. A scan with neither is compared within its event.
        tests: list[Any] = []
        params: dict[str, Any] = {}
        email_words = _WORD.findall((candidate.get("email") or "").strip())[:12]
        if email_words:
            # The same test on every Enter: built once (its parameter is the phrase).
            tests.append(_EMAIL_TEST)
            params["em"] = f'email : "{" ".join(email_words)}"'

        badge = (candidate.get("badge_id") or "").strip()
        if badge:
            tests.append(LEADS.c.badge_id.in_(sorted({badge, badge.lower(), badge.upper()})))
        raw = candidate.get("badge_raw") or ""
        if raw.strip() and len(raw) <= 2000 and not tests:
            tests.append(and_(same_event, LEADS.c.badge_raw == raw))
        found: dict[str, dict[str, Any]] = {}
        with self.reader.connect() as conn:
            for test in tests:
                query = _duplicate_query(test, limit) if test is _EMAIL_TEST else (
                    select(*cols).where(and_(live_lead, test)).limit(limit))
                for row in conn.execute(query, params).mappings():
                    found[row["id"]] = dict(row)
            name_match = _likely_match(candidate) if likely else None
            if name_match:
                for row in conn.execute(
                    select(*cols).where(and_(live_lead, literal_column("rec_lead.rowid").in_(
                        text("SELECT rowid FROM fts_lead WHERE fts_lead MATCH :m LIMIT :n")
                        .bindparams(m=name_match, n=limit)
                    )))
                ).mappings():
                    found.setdefault(row["id"], dict(row))
        from fieldnote.duplicates import find_duplicates

        return find_duplicates(candidate, found.values())

    def lookup(self, email: str) -> LookupAnswer:
        """"Already known?" from this device's cache (`fieldnote.lookup`): the leads it holds
        with this email, at any event, their outcomes and their owners' teams. Offline, it
        knows what the last sync brought, which may be less than the hub knows."""
        key = lookup_key(email)
        words = _WORD.findall(key or "")[:12]
        if key is None or not words:
            return LookupAnswer()
        with self.reader.connect() as conn:
            leads = [dict(r) for r in conn.execute(
                select(LEADS.c.id, LEADS.c.owner_id, LEADS.c.captured_at, LEADS.c.email)
                .where(and_(live(LEADS), _EMAIL_TEST)).limit(1000),
                {"em": f'email : "{" ".join(words)}"'},
            ).mappings() if (r["email"] or "").strip().lower() == key]
            ids = [lead["id"] for lead in leads]
            outcomes = [dict(r) for r in conn.execute(
                select(OUTCOMES.c.id, OUTCOMES.c.lead_id, OUTCOMES.c.status, OUTCOMES.c.at,
                       OUTCOMES.c.retracts, OUTCOMES.c.deleted)
                .where(OUTCOMES.c.lead_id.in_(ids))
            ).mappings()] if ids else []
            owners = sorted({str(lead["owner_id"]) for lead in leads if lead["owner_id"]})
            teams = {r.id: r.team for r in conn.execute(
                select(USERS.c.id, USERS.c.team).where(USERS.c.id.in_(owners)))} if owners else {}
        return answer_from(leads, outcomes, teams)

    def merge(
        self, existing_id: str, incoming: Mapping[str, Any], *,
        local_fields: Mapping[str, Any] | None = None, draft_id: str | None = None,
        attachments: Sequence[PendingAttachment] = (), author_id: str | None = None,
    ) -> dict[str, Any]:
        """Fold `incoming` into the existing lead (`merge_leads`: nothing of either is lost).

        Returns the lead as stored after the merge. With `draft_id`, the capture draft the
        incoming fields came from goes in the same transaction, and so do the voice notes and
        photos recorded with them (`attachments`, made by `author_id`), now the existing lead's.
        """
        with self.engine.begin() as conn:
            existing = conn.execute(
                select(LEADS).where(LEADS.c.id == existing_id)).mappings().first()
            if existing is None or existing["deleted"]:
                raise ValidationFailed([], title="The lead to merge into no longer exists.")
            state = {k: existing[k] for k in LEAD.client_fields}
            from fieldnote.duplicates import merge_leads

            merged = merge_leads(state, incoming)
            changed = {k: v for k, v in merged.items()
                       if k in LEAD.client_fields and state.get(k) != v}
            result = self.store.save_in(conn, LEAD, changed, existing_id, local_fields=local_fields)
            attached = save_pending(self.store, conn, existing_id, attachments,
                                    author_id) if attachments else []
            if draft_id:
                _drop_draft(conn, draft_id)
            stored = conn.execute(select(LEADS).where(LEADS.c.id == existing_id)).mappings().one()
        if result.changed or result.created:
            self.store.notify("lead", [existing_id])
        if attached:
            self.store.notify("lead_attachment", attached)
        return dict(stored)

    def save_capture(
        self, values: Mapping[str, Any], record_id: str | None = None, *,
        local_fields: Mapping[str, Any] | None = None, draft_id: str | None = None,
        attachments: Sequence[PendingAttachment] = (),
    ) -> SaveResult:
        """Save a lead from the capture form; its draft (if any) goes in the same transaction,
        so after a crash there is the draft or the lead, never neither and never both. The
        voice notes and photos recorded on the form (`LeadAttachments.prepare`: their files
        are on disk already) are saved in that transaction too: the lead and its attachments
        commit together or not at all."""
        with self.engine.begin() as conn:
            result = self.store.save_in(conn, LEAD, values, record_id, local_fields=local_fields)
            author = (local_fields or {}).get("captured_by")
            attached = save_pending(self.store, conn, result.record_id, attachments,
                                    str(author) if author else None) if attachments else []
            if draft_id:
                _drop_draft(conn, draft_id)
        if result.changed or result.created:
            self.store.notify("lead", [result.record_id])
        if attached:
            self.store.notify("lead_attachment", attached)
        return result

    # -- capture drafts ------------------------------------------------------------------

    def keep_draft(self, draft_id: str, state: Mapping[str, Any]) -> None:
        """Keep an unsaved capture form as typed (JSON-able values), replacing its last copy."""
        with self.engine.begin() as conn:
            put_mark(conn, "lead", draft_id, CAPTURE_DRAFT, dict(state))

    def drop_draft(self, draft_id: str) -> None:
        with self.engine.begin() as conn:
            _drop_draft(conn, draft_id)

    def drafts(self) -> list[tuple[str, dict[str, Any]]]:
        """The capture drafts kept on this device, oldest first (draft ids are time-ordered)."""
        with self.engine.connect() as conn:
            return marked(conn, "lead", CAPTURE_DRAFT)

    def draft_files(self) -> set[str]:
        """The files of the voice notes and photos held in capture drafts (not saved with a
        lead yet): the file cache must keep them however long the draft waits."""
        with self.engine.connect() as conn:
            return draft_files(conn)

    # -- outcomes ------------------------------------------------------------------------

    def outcomes(self, lead_id: str) -> list[dict[str, Any]]:
        """The lead's outcome timeline, oldest first, withdrawals included: each row says
        whether it `counts` (`fieldnote.outcomes`), so the timeline shows what was withdrawn."""
        with self.reader.connect() as conn:
            rows = [
                dict(r) for r in conn.execute(
                    select(OUTCOMES)
                    .where(and_(OUTCOMES.c.lead_id == lead_id, OUTCOMES.c.deleted.is_(False)))
                    .order_by(asc(_OUTCOME_AT), asc(OUTCOMES.c.id))
                ).mappings()
            ]
        counting = {id(o) for o in counting_outcomes(rows)}
        for row in rows:
            row["counts"] = id(row) in counting
        return rows

    def outcome(self, outcome_id: str) -> dict[str, Any] | None:
        return self.store.get("lead_outcome", outcome_id)

    def retract_outcome(self, outcome_id: str, *, author_id: str | None = None) -> SaveResult:
        """Withdraw an outcome recorded by mistake: append its retraction (outcomes are facts
        once written; both records sync). Raises NotRetractable if it cannot be withdrawn."""
        outcome = self.store.get("lead_outcome", outcome_id)
        if outcome is None:
            raise NotRetractable("That outcome is not on this device")
        with self.reader.connect() as conn:
            already = conn.execute(
                select(OUTCOMES.c.id).where(and_(
                    OUTCOMES.c.lead_id == outcome["lead_id"],
                    OUTCOMES.c.retracts == outcome_id,
                    OUTCOMES.c.deleted.is_(False),
                )).limit(1)
            ).first()
        if already is not None:
            raise NotRetractable("That outcome was already withdrawn")
        local = {"author_id": author_id} if author_id else None
        return self.store.save("lead_outcome", retraction_fields(outcome, at=utc_now_iso()),
                               local_fields=local)

    def add_outcome(
        self, lead_id: str, status: str, *, reason: str | None = None,
        amount: float | None = None, note: str | None = None, author_id: str | None = None,
    ) -> SaveResult:
        """Append an outcome record (never an edit of the lead, so both sides' changes survive)."""
        fields: dict[str, Any] = {"lead_id": lead_id, "status": status, "at": utc_now_iso()}
        if reason:
            fields["reason"] = reason
        if amount is not None:
            fields["amount"] = amount
        if note:
            fields["note"] = note
        local = {"author_id": author_id} if author_id else None
        return self.store.save("lead_outcome", fields, local_fields=local)

    def reasons(self, list_name: str) -> list[str]:
        """Reasons for a lost or disqualified outcome: marketing's list, else the built-in one."""
        with self.reader.connect() as conn:
            items = conn.execute(
                select(REASONS.c["items"])
                .where(and_(REASONS.c["list"] == list_name, REASONS.c.deleted.is_(False)))
                .order_by(desc(REASONS.c.local_updated_at))
                .limit(1)
            ).scalar()
        if isinstance(items, list) and items:
            return [str(i) for i in items]
        return list(BUILTIN_REASONS.get(list_name, ("Other",)))

    # -- events, rubrics, users, collateral ----------------------------------------------

    def events(self) -> list[dict[str, Any]]:
        """All events, newest first (events are few: dozens a year)."""
        with self.reader.connect() as conn:
            return [
                dict(r) for r in conn.execute(
                    select(EVENTS).where(EVENTS.c.deleted.is_(False))
                    .order_by(desc(func.coalesce(EVENTS.c.starts_on, "")), asc(EVENTS.c.name))
                ).mappings()
            ]

    def event(self, event_id: str) -> dict[str, Any] | None:
        with self.reader.connect() as conn:
            row = conn.execute(select(EVENTS).where(EVENTS.c.id == event_id)).mappings().first()
        return None if row is None or row["deleted"] else dict(row)

    def find_event(self, name_or_id: str) -> dict[str, Any] | None:
        """An event by id, or by exact name ignoring case; None when neither matches."""
        wanted = name_or_id.strip()
        by_id = self.store.get("event", wanted)
        if by_id is not None:
            return by_id
        with self.reader.connect() as conn:
            rows = conn.execute(
                select(EVENTS).where(and_(EVENTS.c.deleted.is_(False),
                                          func.lower(EVENTS.c.name) == wanted.lower()))
            ).mappings().all()
        if len(rows) > 1:
            raise LookupError(
                f"{len(rows)} events are named {wanted!r}; give the event's id instead."
            )
        return dict(rows[0]) if rows else None

    def rubrics(self) -> list[dict[str, Any]]:
        with self.reader.connect() as conn:
            return [
                dict(r) for r in conn.execute(
                    select(RUBRICS).where(RUBRICS.c.deleted.is_(False)).order_by(asc(RUBRICS.c.name))
                ).mappings()
            ]

    def rubric(self, rubric_id: str | None) -> Rubric | None:
        """The rubric record parsed for scoring, or None when missing or unusable."""
        if not rubric_id:
            return None
        with self.reader.connect() as conn:
            row = conn.execute(select(RUBRICS).where(RUBRICS.c.id == rubric_id)).mappings().first()
        if row is None or row["deleted"]:
            return None
        try:
            return parse_rubric(
                {k: row[k] for k in ("name", "version", "questions", "thresholds", "must_have")},
                rubric_id=rubric_id,
            )
        except RubricInvalid:
            return None

    def save_event(self, fields: Mapping[str, Any], event_id: str | None = None,
                   *, author_id: str | None = None) -> SaveResult:
        local = {"author_id": author_id} if author_id and event_id is None else None
        return self.store.save("event", fields, event_id, local_fields=local)

    def save_rubric(self, fields: Mapping[str, Any], rubric_id: str | None = None,
                    *, author_id: str | None = None) -> SaveResult:
        """Save a rubric; an edit of an existing one becomes its next version.

        Leads scored with the earlier version keep it (`rubric_version`); nothing rescored.
        """
        values = {k: v for k, v in fields.items() if k in RUBRIC.client_fields}
        parse_rubric({**values, "version": values.get("version") or 1})  # raises RubricInvalid
        if rubric_id is None:
            values["version"] = 1
            local = {"author_id": author_id} if author_id else None
            return self.store.save("rubric", values, local_fields=local)
        with self.engine.begin() as conn:
            current = conn.execute(
                select(RUBRICS.c.version).where(RUBRICS.c.id == rubric_id)
            ).scalar()
            values["version"] = int(current or 0) + 1
            result = self.store.save_in(conn, spec("rubric"), values, rubric_id)
        self.store.notify("rubric", [rubric_id])
        return result

    def users(self) -> dict[str, dict[str, Any]]:
        """The user directory (id -> name, role, team) for owner names and booth staff."""
        with self.reader.connect() as conn:
            return {
                r["id"]: dict(r) for r in conn.execute(
                    select(USERS.c.id, USERS.c.name, USERS.c.role, USERS.c.team, USERS.c.email)
                    .where(USERS.c.deleted.is_(False)).order_by(asc(USERS.c.name))
                ).mappings()
            }

    def collateral_matches(self, search: str, limit: int = 15) -> list[tuple[str, str]]:
        """Approved collateral (id, title) matching what was typed, for "collateral to send"."""
        query = select(COLLATERAL.c.id, COLLATERAL.c.title).where(
            and_(COLLATERAL.c.deleted.is_(False), COLLATERAL.c.status == "approved")
        )
        match = fts_query(search)
        if match:
            query = query.where(literal_column("rec_collateral.rowid").in_(
                text("SELECT rowid FROM fts_collateral WHERE fts_collateral MATCH :m")
                .bindparams(m=match)
            ))
        with self.reader.connect() as conn:
            return [(r.id, r.title or "") for r in conn.execute(
                query.order_by(asc(COLLATERAL.c.title)).limit(limit)
            )]

    def collateral_titles(self, ids: Iterable[str]) -> dict[str, str]:
        wanted = list(ids)
        if not wanted:
            return {}
        with self.reader.connect() as conn:
            return {r.id: r.title or "" for r in conn.execute(
                select(COLLATERAL.c.id, COLLATERAL.c.title).where(COLLATERAL.c.id.in_(wanted))
            )}

    # -- imports -------------------------------------------------------------------------

    def import_keys(self, event_id: str) -> set[tuple[str, str, str]]:
        """The import keys (badge id or email) of the leads already at an event."""
        from fieldnote.duplicates import import_key

        keys: set[tuple[str, str, str]] = set()
        with self.reader.connect() as conn:
            for row in conn.execute(
                select(LEADS.c.email, LEADS.c.badge_id, LEADS.c.badge_raw, LEADS.c.source)
                .where(and_(LEADS.c.event_id == event_id, live(LEADS)))
            ).mappings():
                for sub in ({"badge_id": row["badge_id"]}, {"email": row["email"]}):
                    key = import_key(event_id, sub)
                    if key is not None:
                        keys.add(key)
                if row["source"] == "import" and row["badge_raw"]:
                    keys.add(_raw_key(event_id, row["badge_raw"]))
        return keys

    def _import_salt(self, create: bool) -> bytes:
        """This store's salt of import fingerprints; without one, a throwaway (nothing was
        fingerprinted with a salt that was never stored) unless `create` stores a new one."""
        salt = self.store.get_state(IMPORT_SALT)
        if isinstance(salt, str) and salt:
            return bytes.fromhex(salt)
        fresh = secrets.token_hex(16)
        if create:
            self.store.set_state(IMPORT_SALT, fresh)
        return bytes.fromhex(fresh)

    def _known_rows(self, event_id: str, create_salt: bool) -> _KnownRows:
        from fieldnote.duplicates import import_fingerprint

        salt = self._import_salt(create_salt)
        fingerprints: set[str] = set()
        with self.reader.connect() as conn:
            for row in conn.execute(
                select(LEADS.c.first_name, LEADS.c.last_name, LEADS.c.company, LEADS.c.phone,
                       LEADS.c.email, LEADS.c.badge_id)
                .where(and_(LEADS.c.event_id == event_id, live(LEADS)))
            ).mappings():
                fingerprint = import_fingerprint(salt, event_id, dict(row))
                if fingerprint:
                    fingerprints.add(fingerprint)
            # Marks of the event's live leads only: a lead deleted here may be imported again.
            for (mark,) in conn.execute(
                select(local_marks.c.value)
                .select_from(local_marks.join(LEADS, LEADS.c.id == local_marks.c.record_id))
                .where(and_(local_marks.c.kind == "lead", local_marks.c.mark == IMPORT_FINGERPRINT,
                            LEADS.c.event_id == event_id, live(LEADS)))
            ):
                if isinstance(mark, dict) and isinstance(mark.get("fingerprint"), str):
                    fingerprints.add(mark["fingerprint"])
        return _KnownRows(event_id, salt, self.import_keys(event_id), fingerprints)

    def preview_import(
        self,
        data: bytes,
        event_id: str | None,
        mapping: Mapping[str, str | None] | None = None,
        *,
        default_region: str | None = None,
        consent_text_version: str | None = None,
        consent_wording_id: str | None = None,
    ) -> ImportPreview:
        """Read `data` as the import would and count what it would add to the event (all rows
        when no event is chosen yet); writes nothing. For the dry run and the import dialog."""
        from fieldnote.leadcsv import read_lead_csv

        parsed = read_lead_csv(data, mapping, event_id=event_id, default_region=default_region,
                               consent_text_version=consent_text_version,
                               consent_wording_id=consent_wording_id)
        if parsed.refusal is not None:
            return ImportPreview(parsed)
        if event_id is None:
            return ImportPreview(parsed, add=len(parsed.rows))
        add, duplicates = self.plan_import(event_id, (r.fields for r in parsed.rows))
        return ImportPreview(parsed, add, duplicates)

    def plan_import(self, event_id: str, rows: Iterable[Mapping[str, Any]]) -> tuple[int, int]:
        """How many of `rows` (lead fields) an import would add to the event, and how many are
        already there; writes nothing."""
        known = self._known_rows(event_id, create_salt=False)
        add = duplicates = 0
        for fields in rows:
            new, _fingerprint = known.claim({**fields, "event_id": event_id})
            if new:
                add += 1
            else:
                duplicates += 1
        return add, duplicates

    def import_leads(
        self,
        event_id: str,
        rows: Iterable[tuple[int, Mapping[str, Any]]],
        *,
        local_fields: Mapping[str, Any] | None = None,
        progress: Callable[[int], None] | None = None,
        batch: int = 500,
    ) -> ImportSummary:
        """Write imported rows (line number, lead fields) to the event, skipping leads it has.

        Rows go in batches of `batch`, each batch one transaction; a row the validation
        refuses is reported by line and the rest go on. A row the event already has (see
        `_KnownRows`) is counted as a duplicate; each lead written keeps its row's fingerprint
        as a local mark, in the same transaction. When the disk fills up, the batch being
        written is rolled back whole and `DiskFull` says how many of the file's new leads the
        earlier batches saved (importing the file again skips those).
        """
        summary = ImportSummary()
        ks = spec("lead")
        pending: list[tuple[int, dict[str, Any], str | None]] = []
        remaining = iter(rows)
        done = 0

        def values_of(fields: Mapping[str, Any]) -> dict[str, Any]:
            values = {**fields, "event_id": event_id}
            values.setdefault("source", "import")
            values.setdefault("captured_at", utc_now_iso())
            return values

        def flush() -> None:
            nonlocal done
            saved: list[str] = []
            problems: list[tuple[int, str]] = []
            marks: list[dict[str, Any]] = []
            with self.engine.begin() as conn:
                for line, values, fingerprint in pending:
                    try:
                        with conn.begin_nested():
                            result = self.store.save_in(conn, ks, values, local_fields=local_fields)
                    except ValidationFailed as exc:
                        problems.append((line, exc.describe()))
                    else:
                        saved.append(result.record_id)
                        if fingerprint:
                            marks.append({"kind": "lead", "record_id": result.record_id,
                                          "mark": IMPORT_FINGERPRINT,
                                          "value": {"event_id": event_id,
                                                    "fingerprint": fingerprint}})
                if marks:  # new leads: one statement for the batch, in its transaction
                    conn.execute(insert(local_marks), marks)
            # Counted once the batch is committed: a batch the disk refused saved nothing.
            summary.imported += len(saved)
            summary.problems.extend(problems)
            summary.failed_rows += len(problems)
            done += len(pending)
            pending.clear()
            if saved:
                self.store.notify("lead", saved)
            if progress is not None:
                progress(done)

        known: _KnownRows | None = None
        try:
            known = self._known_rows(event_id, create_salt=True)
            for line, fields in remaining:
                values = values_of(fields)
                new, fingerprint = known.claim(values)
                if not new:
                    summary.duplicates += 1
                    continue
                pending.append((line, values, fingerprint))
                if len(pending) >= batch:
                    flush()
            if pending:
                flush()
        except Exception as exc:
            if not is_disk_full(exc):
                raise
            # How many new leads the file holds beyond those saved: the batch that failed and
            # the rows not reached yet (duplicates not counted).
            unsaved = len(pending)
            if known is not None:
                unsaved += sum(1 for _line, fields in remaining if known.claim(values_of(fields))[0])
            else:  # it stopped before reading what the event has: every row counts
                unsaved += sum(1 for _row in remaining)
            raise DiskFull(saved=summary.imported, total=summary.imported + unsaved) from exc
        return summary

    # -- exports and reports -------------------------------------------------------------

    def export_rows(self, event_id: str | None = None, chunk: int = 1000) -> Iterator[dict[str, Any]]:
        """Every lead (of one event, or all), oldest first, with `event_name` and `owner_name`."""
        names = {e["id"]: e["name"] for e in self.events()}
        users = {uid: u.get("name") or "" for uid, u in self.users().items()}
        query = select(LEADS, latest_status_column().label("status")).where(live(LEADS))
        if event_id:
            query = query.where(LEADS.c.event_id == event_id)
        query = query.order_by(asc(LEADS.c.captured_at), asc(LEADS.c.id))
        with self.reader.connect() as conn:
            result = conn.execution_options(yield_per=chunk).execute(query).mappings()
            for row in result:
                out = dict(row)
                out["event_name"] = names.get(out.get("event_id") or "", "")
                out["owner_name"] = users.get(out.get("owner_id") or "", "")
                yield out

    def export_count(self, event_id: str | None = None) -> int:
        query = select(func.count()).select_from(LEADS).where(live(LEADS))
        if event_id:
            query = query.where(LEADS.c.event_id == event_id)
        with self.reader.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def export(
        self, fmt: str, event: Mapping[str, Any] | None = None,
        progress: Callable[[int, int], None] | None = None,
        *, include_no_consent: bool = False,
    ) -> bytes:
        """The leads of `event` (or all) as a file in `fmt` (one of EXPORT_FORMATS)."""
        return self.export_file(fmt, event, progress,
                                include_no_consent=include_no_consent).data

    def export_file(
        self, fmt: str, event: Mapping[str, Any] | None = None,
        progress: Callable[[int, int], None] | None = None,
        *, include_no_consent: bool = False,
    ) -> LeadExport:
        """The leads of `event` (or all) as a file in `fmt`, with how many it holds and how many
        it left out: a marketing format (`fieldnote.leads.MARKETING_EXPORTS`) leaves out leads
        without consent to be contacted unless `include_no_consent`."""
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"Unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        event_id = event["id"] if event else None
        total = self.export_count(event_id)
        leads = []
        for i, lead in enumerate(self.export_rows(event_id), start=1):
            leads.append(lead)
            if progress is not None and i % 1000 == 0:
                progress(i, total)
        left_out = 0
        if fmt in MARKETING_EXPORTS:
            kept, left_out = marketing_selection(leads, include_no_consent)
            leads = [dict(lead) for lead in kept]
        if fmt == "pdf":
            from desktop.reports.leads import build_event_report

            title = f"{event.get('name')}: event report" if event else "All leads: report"
            data = build_event_report(title, leads, event=event, progress=progress)
            return LeadExport(data, len(leads), left_out)
        users = self.users()
        events = {e["id"]: e for e in self.events()}
        from fieldnote.leadcsv import write_hubspot_csv, write_salesforce_csv, write_vcards

        if fmt == "salesforce":
            data = write_salesforce_csv(leads, users, events)
        elif fmt == "hubspot":
            data = write_hubspot_csv(leads, users, events)
        else:
            data = write_vcards(leads).encode("utf-8")
        return LeadExport(data, len(leads), left_out)

    def record_export(self, fmt: str, event_id: str | None, result: LeadExport, *,
                      include_no_consent: bool, origin: str) -> SaveResult:
        """Record an export of leads this device made (after its file was written) as a
        `lead_export` record: it syncs like any change, so the hub's audit log learns of an
        export made offline at the next sync. It names no lead and no person."""
        filter_ = {"event_id": event_id, "include_no_consent": include_no_consent,
                   "left_out": result.left_out}
        return self.store.save("lead_export", export_fields(
            fmt, result.written, filter_, at=utc_now_iso(), origin=origin))
