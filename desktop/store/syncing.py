"""The store side of sync: every read and write the sync engine makes in the local database.

Outbox batches, the hub's answers, pulled pages with their cursor (one transaction each), the
local digest, full resync, and the needs-attention and conflict operations live here. Nothing
here talks to the network; nothing a user typed is ever dropped by it.
"""

from __future__ import annotations

import builtins
import json
import logging
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import orjson
from sqlalchemy import JSON, Connection, and_, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from desktop.store.attachments import AttachmentFiles
from desktop.store.attention import AttentionItem, ConflictItem
from desktop.store.records import HUB_SETTINGS_KEY, Store
from desktop.store.schema import local_marks, outbox, record_tables, sync_state
from fieldnote import privacy
from fieldnote.ids import new_id
from fieldnote.kinds import KINDS, spec
from fieldnote.validation import ValidationFailed, check_complete, clean_fields, utc_now_iso
from fieldnote.wire import (
    MAX_MUTATIONS_PER_PUSH,
    MAX_PUSH_BYTES,
    PARK_AFTER_SERVER_ERRORS,
    Change,
    MutationResult,
    format_digest,
    record_hash,
    state_hash,
)

log = logging.getLogger(__name__)

SEEN_MARK = "resync_seen"
FOREIGN_MARK = "foreign_record"
# A record whose change from this device the hub acknowledged: after the hub is restored from
# a backup (its cursor is gone), these are the records this device sends again if the hub
# lost them or holds them older.
OWN_MARK = "pushed_here"
RESEND_STATE = "resync_resend"
# An outbox entry the hub answered "unknown base": it waits for a full resync (`_rebase`).
REBASE = "rebase"
# Room left in a push body for the envelope around the mutations.
_ENVELOPE_BYTES = 1024
# The problem of a change to a lead whose person was erased: the change was dropped, its
# values with it, and it stays under "needs attention" until the user dismisses it.
# The field of each kind that names a file in the cache (uploaded before the change naming it).
_FILE_FIELDS = {"collateral": "file_sha256", "lead": "consent_signature_sha256",
                "lead_attachment": "file_sha256"}
# The files of erased leads the cache still has to shred (a list of sha256).
SHRED_KEY = "files_to_shred"
ERASED_PROBLEM_TYPE = "https://fieldnote.dev/problems/erased"
ERASED_PROBLEM = {"type": ERASED_PROBLEM_TYPE, "title": "Person erased",
                  "detail": "This lead's person was erased on the hub; your change to it was "
                            "dropped and nothing of it is kept"}


_LONG_DIGITS = re.compile(r"[0-9]{19}")


def _json_value(text: str | None) -> Any:
    """A JSON column's value from its stored text (orjson; the standard decoder for integers
    orjson would not read exactly)."""
    if text is None:
        return None
    if len(text) > 18 and _LONG_DIGITS.search(text):
        return json.loads(text)
    return orjson.loads(text)


class StubsDiffer(Exception):
    """A pulled page stubs a record this device does not hold as the hub does (it never took
    in the answer to its push, or edited the record since): the page must be fetched again
    with whole records. Nothing of the page was written."""


def _dumps(value: Any) -> bytes:
    try:
        return orjson.dumps(value)
    except orjson.JSONEncodeError:  # e.g. an integer beyond 64 bits: the standard encoder copes
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    mutation_id: str
    kind: str
    record_id: str
    op: str
    base_version: int
    # The changed fields as the outbox stores them (JSON text), decoded only when asked for.
    fields_json: str
    made_at: str
    # The file the change names (`_FILE_FIELDS`), uploaded before it.
    file_sha256: str | None = None
    # The mutation as JSON, encoded once when the batch is taken (sized and sent as is).
    body: bytes = field(default=b"", compare=False, repr=False)

    @property
    def fields(self) -> dict[str, Any]:
        return dict(_json_value(self.fields_json) or {})

    def mutation(self) -> dict[str, Any]:
        return {
            "mutation_id": self.mutation_id,
            "kind": self.kind,
            "record_id": self.record_id,
            "op": self.op,
            "base_version": self.base_version,
            "fields": self.fields,
            "made_at": self.made_at,
        }


def _encode(mutation_id: str, kind: str, record_id: str, op: str, base_version: int,
            fields_json: str, made_at: str) -> bytes:
    """A mutation as JSON: the outbox's fields text goes in as it is, not decoded and encoded
    again (the same text every time the entry is taken)."""
    return orjson.dumps({
        "mutation_id": mutation_id, "kind": kind, "record_id": record_id, "op": op,
        "base_version": base_version, "fields": orjson.Fragment(fields_json),
        "made_at": made_at,
    })


@dataclass
class AnswerTally:
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0


@dataclass
class PageTally:
    applied: int = 0
    stale: int = 0
    kept_local: int = 0
    unchanged: int = 0  # held already at that version, with the same values: not written
    foreign: int = 0
    erased: int = 0  # leads that arrived erased (their person's data is gone from this device)
    changed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


@dataclass(frozen=True)
class Account:
    hub_url: str
    user_id: str
    email: str
    name: str
    role: str
    team: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"hub_url": self.hub_url, "user_id": self.user_id, "email": self.email,
                "name": self.name, "role": self.role, "team": self.team}


# The next pending outbox entries, with the file each names (`_FILE_FIELDS`) read by SQLite.
_TAKE = (
    "SELECT seq, mutation_id, kind, record_id, op, base_version, fields, made_at, CASE kind "
    + " ".join(f"WHEN '{kind}' THEN json_extract(fields, '$.{name}')"
               for kind, name in _FILE_FIELDS.items())
    + " END FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT ?"
)


class _Upsert(NamedTuple):
    """A page's rows of one record table are staged in a temp table, then upserted by ONE
    statement: SQLite runs each statement in a savepoint, and the search index (FTS5) writes
    out what its triggers gave it at every savepoint, so row-by-row upserts wrote a tiny index
    segment per record (about three times the cost of the whole page at once)."""

    create: str  # the staging table, once per connection
    stage: str  # one staged row
    apply: str  # INSERT ... SELECT from the stage ... ON CONFLICT(id) DO UPDATE, every column
    clear: str
    json_fields: tuple[int, ...]  # positions among the field columns of the JSON ones


# Every record table starts with these columns; its fields follow in the kind's order.
_BOOKKEEPING = ["id", "rev", "deleted", "local_updated_at", "extra"]


_UPSERTS: dict[str, _Upsert] = {}


def _upsert_statement(table: Any, names: Sequence[str]) -> _Upsert:
    cached = _UPSERTS.get(table.name)
    if cached is None:
        cols = [c.name for c in table.columns]
        if cols != [*_BOOKKEEPING, *names]:
            raise AssertionError(f"{table.name} is not {_BOOKKEEPING} and then its fields")
        json_fields = tuple(i for i, c in enumerate(list(table.columns)[len(_BOOKKEEPING):])
                            if isinstance(c.type, JSON))
        names = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        sets = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c != "id")
        stage = f'temp."stage_{table.name}"'
        cached = _UPSERTS[table.name] = _Upsert(
            # No column types: values keep what they are until the record table takes them.
            create=f"CREATE TEMP TABLE IF NOT EXISTS {stage} ({names})",
            stage=f"INSERT INTO {stage} ({names}) VALUES ({marks})",
            # (WHERE true: without it SQLite would read ON CONFLICT as a join's ON.)
            apply=(f'INSERT INTO "{table.name}" ({names}) SELECT {names} FROM {stage} WHERE true '
                   f"ORDER BY rowid ON CONFLICT(id) DO UPDATE SET {sets}"),
            clear=f"DELETE FROM {stage}",
            json_fields=json_fields,
        )
    return cached


class SyncStore:
    """The sync engine's view of one local store. One instance per thread is fine."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    # -- identity and small state --------------------------------------------------------

    def client_id(self) -> str:
        """This installation's id for the hub, made once and kept."""
        value = self.get("client_id")
        if value:
            return str(value)
        with self.engine.begin() as conn:
            value = self._get(conn, "client_id")
            if not value:
                value = new_id()
                self.store.set_state("client_id", value, conn)
        return str(value)

    def _get(self, conn: Connection, key: str, default: Any = None) -> Any:
        value = conn.execute(select(sync_state.c.value).where(sync_state.c.key == key)).scalar()
        return default if value is None else value

    def get(self, key: str, default: Any = None) -> Any:
        return self.store.get_state(key, default)

    def set(self, key: str, value: Any) -> None:
        self.store.set_state(key, value)

    def account(self) -> Account | None:
        data = self.get("account")
        if not isinstance(data, dict) or not data.get("hub_url"):
            return None
        return Account(data["hub_url"], data.get("user_id", ""), data.get("email", ""),
                       data.get("name", ""), data.get("role", ""), data.get("team"))

    def set_account(self, account: Account) -> None:
        self.set("account", account.as_dict())

    def is_empty(self) -> bool:
        """True when no record and no outbox entry is held (safe to switch user or hub)."""
        with self.engine.connect() as conn:
            if conn.execute(select(func.count()).select_from(outbox)).scalar_one():
                return False
            for table in record_tables.values():
                if conn.execute(select(table.c.id).limit(1)).first() is not None:
                    return False
        return True

    def forget_hub_data(self) -> None:
        """Drop every pulled record and the cursor (switching to another user or hub).

        Refuses while the outbox holds anything: those changes belong to the old account.
        """
        with self.engine.begin() as conn:
            if conn.execute(select(func.count()).select_from(outbox)).scalar_one():
                raise ValueError("Changes are still waiting to be sent; they would be lost.")
            for table in record_tables.values():
                conn.execute(delete(table))
            conn.execute(delete(local_marks).where(local_marks.c.mark.in_([SEEN_MARK, FOREIGN_MARK])))
            for key in ("cursor", "resync", "resync_requested", "last_sync_at", "careful_until_seq",
                        HUB_SETTINGS_KEY):
                conn.execute(delete(sync_state).where(sync_state.c.key == key))

    def counts(self) -> tuple[int, int]:
        """(waiting, needing attention) outbox entries; one waiting for a resync waits too."""
        c = self.store.outbox_counts()
        return c.get("pending", 0) + c.get(REBASE, 0), c.get("attention", 0)

    # -- push ----------------------------------------------------------------------------

    def take_batch(
        self,
        max_count: int = MAX_MUTATIONS_PER_PUSH,
        max_bytes: int = MAX_PUSH_BYTES,
        *,
        after_seq: int = 0,
        in_flight: Collection[tuple[str, str]] = (),
    ) -> list[OutboxEntry]:
        """The next pending entries in order, marked sent (their bodies are frozen from now).

        A batch stops before a second entry of the same record: that one waits for the first
        one's answer so it can be rebased onto the version the hub gives it. While an earlier
        batch is still unanswered, the next one starts after its last `after_seq` and stops
        before an entry of any (kind, record id) in `in_flight`, for the same reason.
        """
        with self.engine.begin() as conn:
            return self._take(conn, max_count, max_bytes, after_seq, in_flight)

    def _take(
        self, conn: Connection, max_count: int, max_bytes: int, after_seq: int,
        in_flight: Collection[tuple[str, str]],
    ) -> list[OutboxEntry]:
        rows = conn.exec_driver_sql(_TAKE, (after_seq, max_count)).fetchall()
        batch: list[OutboxEntry] = []
        seen: set[tuple[str, str]] = set(in_flight)
        size = _ENVELOPE_BYTES
        for seq, mutation_id, kind, record_id, op, base, fields, made_at, sha in rows:
            key = (kind, record_id)
            if key in seen:
                break
            if fields is None or fields == "null":
                fields = "{}"
            entry = OutboxEntry(seq, mutation_id, kind, record_id, op, base, fields, made_at,
                                sha if isinstance(sha, str) and sha else None,
                                _encode(mutation_id, kind, record_id, op, base, fields, made_at))
            size += len(entry.body) + 1
            if batch and size > max_bytes:
                break
            batch.append(entry)
            seen.add(key)
        unsent = [e.seq for e in batch]
        if unsent:
            conn.execute(update(outbox).where(outbox.c.seq.in_(unsent)).values(sent=True))
        return batch

    def record_answers(
        self, entries: Sequence[OutboxEntry], results: Sequence[MutationResult]
    ) -> AnswerTally:
        """Apply the hub's answers to a sent batch, in one transaction (set-wise: a batch of
        500 answers is a handful of statements, not thousands)."""
        tally, _ = self.answer_and_take(entries, results, 0)
        return tally

    def answer_and_take(
        self,
        entries: Sequence[OutboxEntry],
        results: Sequence[MutationResult],
        max_count: int = MAX_MUTATIONS_PER_PUSH,
        max_bytes: int = MAX_PUSH_BYTES,
        *,
        after_seq: int = 0,
        in_flight: Collection[tuple[str, str]] = (),
    ) -> tuple[AnswerTally, list[OutboxEntry]]:
        """`record_answers`, then `take_batch` (when `max_count`), in ONE transaction: one
        commit per batch while the push keeps a batch in flight."""
        tally = AnswerTally()
        touched: dict[str, list[str]] = defaultdict(list)
        batch: list[OutboxEntry] = []
        with self.engine.begin() as conn:
            self._record(conn, entries, results, tally, touched)
            if max_count:
                batch = self._take(conn, max_count, max_bytes, after_seq, in_flight)
        for kind, ids in touched.items():
            self.store.notify(kind, ids)
        return tally, batch

    def _record(
        self, conn: Connection, entries: Sequence[OutboxEntry], results: Sequence[MutationResult],
        tally: AnswerTally, touched: dict[str, list[str]],
    ) -> None:
        done: list[tuple[OutboxEntry, int | None]] = []
        settle: list[tuple[OutboxEntry, int, dict[str, Any]]] = []
        for entry, result in zip(entries, results, strict=True):
            touched[entry.kind].append(entry.record_id)
            if result.status == "rejected" and _unknown_base(result):
                # Made on a version the hub never gave: the hub was restored from a backup (or
                # forgot this record). Nothing is wrong with the edit: it waits, a full resync
                # learns the hub's versions, and it is sent again on those (`_rebase`).
                conn.execute(update(outbox).where(outbox.c.seq == entry.seq)
                             .values(state=REBASE, sent=False, problem=None))
                self.store.set_state("resync_requested", True, conn)
                self.store.set_state(RESEND_STATE, True, conn)
                continue
            if result.status == "rejected" and _erased(result):
                # The person was erased: the change's values go, never to be sent again.
                tally.rejected += 1
                conn.execute(update(outbox).where(outbox.c.seq == entry.seq)
                             .values(state="attention", fields={}, problem=ERASED_PROBLEM))
                continue
            if result.status == "rejected":
                tally.rejected += 1
                problem = (result.problem.model_dump(exclude_none=True) if result.problem
                           else {"title": "The hub refused this change"})
                conn.execute(
                    update(outbox).where(outbox.c.seq == entry.seq)
                    .values(state="attention", problem=problem)
                )
                continue
            if result.status == "applied":
                tally.applied += 1
            elif result.status == "duplicate":
                tally.duplicates += 1
            else:
                tally.conflicts += 1
            done.append((entry, result.version))
            if result.fields is not None and result.version is not None and entry.op == "upsert":
                settle.append((entry, result.version, result.fields))
        seqs = [e.seq for e, _ in done]
        for start in range(0, len(seqs), 500):
            conn.execute(delete(outbox).where(outbox.c.seq.in_(seqs[start:start + 500])))
        if done:
            conn.exec_driver_sql(
                "INSERT INTO local_marks (kind, record_id, mark, value) VALUES (?, ?, ?, NULL) "
                "ON CONFLICT DO NOTHING",
                sorted({(e.kind, e.record_id, OWN_MARK) for e, _ in done}))
        if settle:
            self._settle(conn, settle)
        self._raise_revs(conn, [(e, v) for e, v in done if v is not None])

    def _settle(self, conn: Connection, answered: list[tuple[OutboxEntry, int, dict[str, Any]]]
                ) -> None:
        """Take in what the hub answered it holds beyond the pushed change (server-set,
        merged, normalised values), so the copy here is the hub's at the answered version and
        the pull need not bring it back. Fields with a change still waiting keep the local
        value; a record the pull already brought newer is left alone."""
        by_kind: dict[str, list[tuple[str, int, dict[str, Any]]]] = defaultdict(list)
        for entry, version, fields in answered:
            by_kind[entry.kind].append((entry.record_id, version, fields))
        for kind, items in by_kind.items():
            table = record_tables.get(kind)
            if table is None:
                continue
            ks = KINDS[kind]
            named = sorted({k for _, _, f in items for k in f if k in ks.by_name})
            ids = [rid for rid, _, _ in items]
            held = self._held_values(conn, kind, ids, named)
            pending = self._pending_fields(conn, kind, ids)
            groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
            for rid, version, fields in items:
                found = held.get(rid)
                edited, deleting = pending.get(rid, (builtins.set(), False))
                if found is None or found[0] >= version or deleting:
                    continue
                _rev, _deleted, values, extra = found
                changed: dict[str, Any] = {}
                new_extra = dict(extra)
                for name, value in fields.items():
                    if name in edited:
                        continue
                    if name in ks.by_name:
                        if values.get(name) != value:
                            changed[name] = value
                    elif name not in new_extra or new_extra[name] != value:
                        new_extra[name] = value
                if new_extra != extra:
                    changed["extra"] = new_extra or None
                if changed:
                    groups[tuple(sorted(changed))].append(
                        {"b_id": rid, "b_rev": version, **{f"v_{k}": v for k, v in changed.items()}})
            for names, params in groups.items():
                conn.execute(
                    update(table)
                    .where(and_(table.c.id == bindparam("b_id"), table.c.rev < bindparam("b_rev")))
                    .values(rev=bindparam("b_rev"),
                            **{n: bindparam(f"v_{n}", type_=table.c[n].type) for n in names}),
                    params,
                )

    def _held_values(
        self, conn: Connection, kind: str, ids: Sequence[str], names: Sequence[str]
    ) -> dict[str, tuple[int, bool, dict[str, Any], dict[str, Any]]]:
        """(rev, deleted, {name: value}, extra) of the held records among `ids`, reading only
        the columns `names` (values decoded as the store holds them: booleans, JSON)."""
        ks = KINDS[kind]
        table = record_tables[kind].name
        columns = ", ".join(f'"{n}"' for n in ("id", "rev", "deleted", "extra", *names))
        json_names = [n for n in names if ks.by_name[n].is_json]
        bool_names = [n for n in names if ks.by_name[n].type.value == "bool"]
        out: dict[str, tuple[int, bool, dict[str, Any], dict[str, Any]]] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start:start + 500])
            marks = ", ".join("?" for _ in chunk)
            rows = conn.exec_driver_sql(
                f'SELECT {columns} FROM "{table}" WHERE id IN ({marks})', tuple(chunk)).fetchall()
            for rid, rev, deleted, extra, *values in rows:
                held = dict(zip(names, values, strict=True))
                for n in json_names:
                    if held[n] is not None:
                        held[n] = _json_value(held[n])
                for n in bool_names:
                    if held[n] is not None:
                        held[n] = bool(held[n])
                out[rid] = (int(rev), bool(deleted), held, _json_value(extra) or {})
        return out

    def _local_hashes(self, conn: Connection, kind: str, ids: Sequence[str]
                      ) -> dict[str, tuple[int, bool, str]]:
        """(rev, deleted, state_hash of fields and extra) of the held records among `ids`: what
        a stub of the hub's is compared with."""
        names = KINDS[kind].field_names
        out: dict[str, tuple[int, bool, str]] = {}
        for rid, (rev, deleted, values, extra) in self._held_values(conn, kind, ids, names).items():
            out[rid] = (rev, deleted, state_hash({**extra, **values}))
        return out

    def _raise_revs(self, conn: Connection, answered: list[tuple[OutboxEntry, int]]) -> None:
        by_kind: dict[str, list[tuple[int, str, int]]] = defaultdict(list)
        for entry, version in answered:
            by_kind[entry.kind].append((version, entry.record_id, version))
        for kind, params in by_kind.items():
            table = record_tables.get(kind)
            if table is None:
                continue
            # Only ever raise: a pull may already have brought a newer version.
            conn.exec_driver_sql(
                f'UPDATE "{table.name}" SET rev = ? WHERE id = ? AND rev < ?', params)
        # A later edit of the same record made while this one was in flight was based on the
        # same hub version; it includes this entry's effect, so move its base along.
        later = self._unsent_entries_of(conn, [e for e, _ in answered])
        for entry, version in answered:
            for seq, base in later.get((entry.kind, entry.record_id), ()):
                if seq > entry.seq and base == entry.base_version:
                    conn.execute(update(outbox).where(outbox.c.seq == seq)
                                 .values(base_version=version))

    def _unsent_entries_of(
        self, conn: Connection, entries: list[OutboxEntry]
    ) -> dict[tuple[str, str], list[tuple[int, int]]]:
        by_kind: dict[str, list[str]] = defaultdict(list)
        for e in entries:
            by_kind[e.kind].append(e.record_id)
        out: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for kind, kind_ids in by_kind.items():
            ids = sorted(set(kind_ids))
            for start in range(0, len(ids), 500):
                chunk = ids[start:start + 500]
                # (kind, record_id) is the outbox's index.
                rows = conn.exec_driver_sql(
                    "SELECT seq, record_id, base_version FROM outbox WHERE kind = ? AND record_id "
                    f"IN ({', '.join('?' for _ in chunk)}) AND sent = 0", (kind, *chunk))
                for seq, rid, base in rows:
                    out[(kind, rid)].append((seq, base))
        return out

    def record_server_error(self, entries: Sequence[OutboxEntry], message: str) -> int:
        """Count a 5xx answer against each sent entry; park those that reached the limit."""
        seqs = [e.seq for e in entries]
        if not seqs:
            return 0
        with self.engine.begin() as conn:
            conn.execute(
                update(outbox).where(outbox.c.seq.in_(seqs))
                .values(server_errors=outbox.c.server_errors + 1)
            )
            parked = conn.execute(
                update(outbox)
                .where(and_(outbox.c.seq.in_(seqs),
                            outbox.c.server_errors >= PARK_AFTER_SERVER_ERRORS,
                            outbox.c.state == "pending"))
                .values(
                    state="attention",
                    problem={
                        "title": "The hub failed on this change "
                                 f"{PARK_AFTER_SERVER_ERRORS} times",
                        "detail": message,
                        "parked": True,
                    },
                )
            ).rowcount
        return int(parked or 0)

    def park(self, entry: OutboxEntry, title: str, detail: str) -> None:
        """Set one entry aside for the user (it can never be accepted as it is)."""
        with self.engine.begin() as conn:
            conn.execute(
                update(outbox).where(outbox.c.seq == entry.seq)
                .values(state="attention", problem={"title": title, "detail": detail})
            )
        self.store.notify(entry.kind, [entry.record_id])

    def blobs_named_by(self, entries: Iterable[OutboxEntry]) -> list[str]:
        """sha256 of files that changes in a batch name (to upload first): a collateral
        document, a lead's consent signature, a voice note or photo (`_FILE_FIELDS`, read by
        SQLite when the batch was taken)."""
        return [e.file_sha256 for e in entries if e.file_sha256]

    def take_files_to_shred(self) -> builtins.set[str]:
        """The files of leads whose person was erased (their consent signatures), to be
        overwritten and removed from the cache; asking clears the list."""
        with self.engine.begin() as conn:
            value = conn.execute(select(sync_state.c.value)
                                 .where(sync_state.c.key == SHRED_KEY)).scalar()
            if value is None:
                return builtins.set()
            conn.execute(delete(sync_state).where(sync_state.c.key == SHRED_KEY))
        return {str(v) for v in value or []}

    # -- pull ----------------------------------------------------------------------------

    def cursor(self) -> str:
        return str(self.get("cursor", "") or "")

    def resync_active(self) -> bool:
        return bool(self.get("resync", False))

    def resync_requested(self) -> bool:
        return bool(self.get("resync_requested", False))

    def own_stubs_wanted(self) -> bool:
        """Whether a pull may ask the hub to stub this device's own changes: not while a
        resync after the hub was restored decides record by record what to send again."""
        return not (self.resync_active() and bool(self.get(RESEND_STATE, False)))

    def request_resync(self) -> None:
        self.set("resync_requested", True)

    def begin_full_resync(self, *, resend_own: bool = False) -> None:
        """Pull everything again from the start; the outbox is kept as it is.

        `resend_own`: the hub forgot our cursor, as a hub restored from a backup does. Its
        versions then start past every version it gave before (docs/protocol-extensions.md),
        so what it sends is taken as it is, except records this device pushed that the hub
        holds older or not at all: the end of the resync sends those again."""
        with self.engine.begin() as conn:
            conn.execute(delete(local_marks).where(local_marks.c.mark == SEEN_MARK))
            self.store.set_state("cursor", "", conn)
            self.store.set_state("resync", True, conn)
            if resend_own:
                self.store.set_state(RESEND_STATE, True, conn)
            self.store.set_state("resync_requested", False, conn)

    def finish_full_resync(self) -> int:
        """Remove records the hub did not send again and nobody waits to send; return how many."""
        removed = 0
        changed: dict[str, list[str]] = defaultdict(list)
        resend = bool(self.store.get_state(RESEND_STATE, False))
        with self.engine.begin() as conn:
            queued = {(k, r) for k, r in conn.execute(select(outbox.c.kind, outbox.c.record_id))}
            seen_rows = conn.execute(
                select(local_marks.c.kind, local_marks.c.record_id, local_marks.c.value)
                .where(local_marks.c.mark == SEEN_MARK)
            )
            seen: dict[tuple[str, str], Any] = {(k, r): v for k, r, v in seen_rows}
            if resend:
                queued |= self._resend_own(conn, seen, queued)
                self.store.set_state(RESEND_STATE, False, conn)
            self._rebase(conn, seen)
            for kind, table in record_tables.items():
                ids = [r for (r,) in conn.execute(select(table.c.id))]
                gone = [r for r in ids if (kind, r) not in seen and (kind, r) not in queued]
                for start in range(0, len(gone), 500):
                    chunk = gone[start:start + 500]
                    conn.execute(delete(table).where(table.c.id.in_(chunk)))
                    conn.execute(delete(local_marks).where(and_(
                        local_marks.c.kind == kind, local_marks.c.record_id.in_(chunk))))
                removed += len(gone)
                if gone:
                    changed[kind].extend(gone)
            foreign = conn.execute(
                select(local_marks.c.kind, local_marks.c.record_id)
                .where(local_marks.c.mark == FOREIGN_MARK)
            ).all()
            for kind, rid in foreign:
                if (kind, rid) not in seen:
                    conn.execute(delete(local_marks).where(and_(
                        local_marks.c.kind == kind, local_marks.c.record_id == rid,
                        local_marks.c.mark == FOREIGN_MARK)))
            conn.execute(delete(local_marks).where(local_marks.c.mark == SEEN_MARK))
            self.store.set_state("resync", False, conn)
        for kind, ids in changed.items():
            self.store.notify(kind, ids)
        return removed

    def _rebase(self, conn: Connection, seen: Mapping[tuple[str, str], Any]) -> None:
        """Send again, on the hub's own version, the edits it answered "unknown base": one
        upsert (or delete) per record, of the record as this device holds it, which already
        holds every unsent edit of it; a create (base 0) when the hub does not have it."""
        keys = {(k, r) for k, r in conn.execute(
            select(outbox.c.kind, outbox.c.record_id).where(outbox.c.state == REBASE))}
        if not keys:
            return
        now = utc_now_iso()
        for kind, rid in sorted(keys):
            conn.execute(delete(outbox).where(and_(
                outbox.c.kind == kind, outbox.c.record_id == rid,
                outbox.c.sent.is_(False), outbox.c.state.in_(["pending", REBASE]))))
            table = record_tables.get(kind)
            row = None if table is None else \
                conn.execute(select(table).where(table.c.id == rid)).mappings().first()
            if row is None:
                continue
            held = seen.get((kind, rid))
            if held is None:  # the hub does not have it
                if row["deleted"]:
                    continue
                base = 0
            elif isinstance(held, dict) and "hub_version" in held:
                base = int(held["hub_version"])
            else:
                base = int(row["rev"] or 0)
            if row["deleted"]:
                self.store._enqueue(conn, kind, rid, "delete", base, {}, now, fold=False)
                continue
            fields = {n: row[n] for n in KINDS[kind].client_fields if row[n] is not None}
            self.store._enqueue(conn, kind, rid, "upsert", base, fields, now, fold=False)
        log.info("sending %d changes again on the hub's versions", len(keys))

    def _resend_own(self, conn: Connection, seen: Mapping[tuple[str, str], Any],
                    queued: builtins.set[tuple[str, str]]) -> builtins.set[tuple[str, str]]:
        """Queue again what this device pushed and the (restored) hub lost: a record it does
        not have as a create (base 0), a record it holds older as an update or delete based on
        the version it holds. Return the records queued."""
        own = conn.execute(select(local_marks.c.kind, local_marks.c.record_id)
                           .where(local_marks.c.mark == OWN_MARK)).all()
        now = utc_now_iso()
        resent: set[tuple[str, str]] = set()
        for kind, rid in own:
            if (kind, rid) in queued or kind not in record_tables:
                continue
            table = record_tables[kind]
            row = conn.execute(select(table).where(table.c.id == rid)).mappings().first()
            if row is None:
                continue
            key = (kind, rid)
            fields = {n: row[n] for n in KINDS[kind].client_fields if row[n] is not None}
            if key not in seen:
                if row["deleted"]:
                    continue
                self.store._enqueue(conn, kind, rid, "upsert", 0, fields, now, fold=False)
            else:
                held = seen[key]
                if not isinstance(held, dict) or "hub_version" not in held:
                    continue  # the hub has what we have
                base = int(held["hub_version"])
                if row["deleted"]:
                    self.store._enqueue(conn, kind, rid, "delete", base, {}, now, fold=False)
                else:
                    self.store._enqueue(conn, kind, rid, "upsert", base, fields, now,
                                        fold=False)
            resent.add(key)
        if resent:
            log.info("sending %d records again that the hub no longer had", len(resent))
        return resent

    def apply_page(self, changes: Sequence[Change], cursor: str,
                   settings: Mapping[str, Any] | None = None) -> PageTally:
        """Apply one pulled page and store the new cursor (and the hub settings that came with
        it, when the hub sent them), in ONE transaction.

        Each change is a record's whole state. Fields with a pending outbox edit keep the local
        value; a change older than what we hold is skipped; unknown fields go into `extra`;
        records of kinds this app does not know are kept aside, never dropped.
        """
        tally = PageTally()
        resync = self.resync_active()
        restored = resync and bool(self.store.get_state(RESEND_STATE, False))
        now = utc_now_iso()
        by_kind: dict[str, list[Change]] = defaultdict(list)
        for ch in changes:
            by_kind[ch.kind].append(ch)
        with self.engine.begin() as conn:
            for kind, group in by_kind.items():
                if resync:
                    self._mark_seen(conn, kind, [c.record_id for c in group])
                if kind not in KINDS:
                    if any(c.own is not None for c in group):
                        raise StubsDiffer()  # never one of this device's own
                    self._keep_foreign(conn, kind, group)
                    tally.foreign += len(group)
                    continue
                self._apply_kind(conn, kind, group, now, tally, restored=restored)
            if tally.erased:
                self._purge_search_index(conn)
            self.store.set_state("cursor", cursor, conn)
            if settings is not None:
                self.store.set_state(HUB_SETTINGS_KEY, dict(settings), conn)
        if tally.erased:
            self.checkpoint()
        if by_kind.get("user"):
            self._follow_own_user(frozenset(c.record_id for c in by_kind["user"]))
        for kind, ids in tally.changed.items():
            self.store.notify(kind, ids)
        return tally

    def _follow_own_user(self, pulled: frozenset[str]) -> None:
        """When the signed-in user's own record came with a page (an administrator gave them
        another role or team), the account this device acts as follows it."""
        account = self.account()
        if account is None or account.user_id not in pulled:
            return
        mine = self.store.get("user", account.user_id)
        if mine is None:
            return
        role, team = mine.get("role") or account.role, mine.get("team") or None
        if (role, team) == (account.role, account.team):
            return
        log.info("the hub changed this user's role or team; the device follows")
        self.set_account(Account(account.hub_url, account.user_id, account.email, account.name,
                                 role, team))
        user = dict(self.get("user", {}) or {})
        self.set("user", {**user, "role": role, "team": team})

    def _mark_seen(self, conn: Connection, kind: str, ids: list[str]) -> None:
        stmt = sqlite_insert(local_marks).on_conflict_do_nothing()
        conn.execute(stmt, [{"kind": kind, "record_id": r, "mark": SEEN_MARK, "value": None}
                            for r in ids])

    def _keep_foreign(self, conn: Connection, kind: str, group: list[Change]) -> None:
        log.warning("keeping %d records of unknown kind %r from the hub", len(group), kind)
        stmt = sqlite_insert(local_marks)
        stmt = stmt.on_conflict_do_update(
            index_elements=["kind", "record_id", "mark"], set_={"value": stmt.excluded.value}
        )
        conn.execute(stmt, [
            {"kind": kind, "record_id": c.record_id, "mark": FOREIGN_MARK,
             "value": {"version": c.version, "deleted": c.deleted, "fields": c.fields}}
            for c in group
        ])

    # `builtins.set` in signatures: inside this class a bare `set` names the method `set`.
    def _pending_fields(
        self, conn: Connection, kind: str, ids: list[str]
    ) -> dict[str, tuple[builtins.set[str], bool]]:
        """For records with outbox entries: (fields edited locally, a local delete waits)."""
        out: dict[str, tuple[set[str], bool]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = conn.execute(
                select(outbox.c.record_id, outbox.c.op, outbox.c.fields)
                .where(and_(outbox.c.kind == kind, outbox.c.record_id.in_(chunk)))
            )
            for rid, op, fields in rows:
                names, deleting = out.get(rid, (set(), False))
                names |= set(fields or {})
                out[rid] = (names, deleting or op == "delete")
        return out

    def _apply_kind(
        self, conn: Connection, kind: str, group: list[Change], now: str, tally: PageTally,
        *, restored: bool = False,
    ) -> None:
        ks = KINDS[kind]
        table = record_tables[kind]
        names = ks.field_names
        # The last state of a record in a page wins (pages are whole states, so this is safe).
        latest: dict[str, Change] = {}
        for ch in group:
            old = latest.get(ch.record_id)
            if old is None or ch.version >= old.version:
                latest[ch.record_id] = ch
        stubs = {rid: ch for rid, ch in latest.items() if ch.own is not None}
        if stubs:
            if restored:
                raise StubsDiffer()
            self._settle_stubs(conn, kind, stubs, tally)
            latest = {rid: ch for rid, ch in latest.items() if ch.own is None}
        ids = list(latest)
        if kind == "lead":
            erased = [rid for rid, ch in latest.items()
                      if not ch.deleted and privacy.is_erased(ch.fields or {})]
            if erased:
                self._erase_linked(conn, erased, now, tally)
                self._drop_erased_edits(conn, erased, latest, now)
                self._note_files_to_shred(conn, erased)
                tally.erased += len(erased)
        held: dict[str, tuple[int, bool]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for rid, rev, deleted in conn.execute(
                select(table.c.id, table.c.rev, table.c.deleted).where(table.c.id.in_(chunk))
            ):
                held[rid] = (rev, deleted)
        pending = self._pending_fields(conn, kind, ids)
        own: set[str] = set()
        if restored:
            for start in range(0, len(ids), 500):
                own |= {r for (r,) in conn.execute(
                    select(local_marks.c.record_id).where(and_(
                        local_marks.c.kind == kind, local_marks.c.mark == OWN_MARK,
                        local_marks.c.record_id.in_(ids[start:start + 500]))))}
        # Records already held at the version pulled, as stored (a device's own pushes come
        # back in its next pull): when nothing differs there is nothing to write.
        same = self._held_rows(conn, table, [
            rid for rid, ch in latest.items()
            if rid in held and held[rid][0] == ch.version and rid not in pending and not ch.deleted])
        up = _upsert_statement(table, names)
        plain: list[tuple[Any, ...]] = []
        for rid, ch in latest.items():
            current = held.get(rid)
            if current is not None and current[0] > ch.version:
                if restored and rid in own:
                    # Ours, and the restored hub holds it older: sent again at the end.
                    conn.execute(update(local_marks).where(and_(
                        local_marks.c.kind == kind, local_marks.c.record_id == rid,
                        local_marks.c.mark == SEEN_MARK)).values(value={"hub_version": ch.version}))
                    tally.stale += 1
                    continue
                if not restored:
                    tally.stale += 1
                    continue
                # A restored hub's state of a record another device changed: taken as it is;
                # that device sends its newer state again.
            fields = ch.fields or {}
            unknown = fields.keys() - ks.by_name.keys()
            extra = {k: fields[k] for k in unknown} if unknown else {}
            stored = same.get(rid)
            if (stored is not None and not stored["deleted"] and (stored["extra"] or {}) == extra
                    and all(stored[n] == fields.get(n) for n in names)):
                tally.unchanged += 1
                continue
            tally.changed[kind].append(rid)
            tally.applied += 1
            if rid in pending:
                tally.kept_local += 1
                row = {"id": rid, "rev": ch.version, "deleted": ch.deleted, "local_updated_at": now,
                       "extra": extra or None, **{n: fields.get(n) for n in names}}
                self._apply_over_pending(conn, table, row, current, pending[rid], ch.deleted)
                continue
            if ch.deleted:
                if current is not None:
                    conn.execute(update(table).where(table.c.id == rid)
                                 .values(deleted=True, rev=ch.version, local_updated_at=now))
                continue
            # The staged row in the table's column order (the bookkeeping columns, then the
            # fields); JSON fields as JSON text.
            values = list(map(fields.get, names))
            for i in up.json_fields:
                if values[i] is not None:
                    values[i] = _dumps(values[i]).decode()
            plain.append((rid, ch.version, ch.deleted, now,
                          _dumps(extra).decode() if extra else None, *values))
        if plain:
            # Staged by the driver, then one upsert: pulls of thousands of records spend their
            # time in SQLite, not in building statements (see _Upsert for why one statement).
            conn.exec_driver_sql(up.create)
            conn.exec_driver_sql(up.clear)
            conn.exec_driver_sql(up.stage, plain)
            conn.exec_driver_sql(up.apply)
            conn.exec_driver_sql(up.clear)

    def _settle_stubs(self, conn: Connection, kind: str, stubs: Mapping[str, Change],
                      tally: PageTally) -> None:
        """This device's own changes, stubbed by the hub: each must be held here as the hub
        holds it (same fields, by their hash), else StubsDiffer (the page is fetched again
        whole). A held one at an older version takes the stub's version; nothing else is
        written, so the search index and the totals are left alone."""
        local = self._local_hashes(conn, kind, list(stubs))
        raise_to: list[tuple[int, str]] = []
        for rid, ch in stubs.items():
            found = local.get(rid)
            if found is None:
                raise StubsDiffer()
            rev, deleted, digest = found
            if rev > ch.version:
                tally.stale += 1
                continue
            if deleted or digest != ch.own:
                raise StubsDiffer()
            tally.unchanged += 1
            if rev < ch.version:
                raise_to.append((ch.version, rid))
        if raise_to:
            conn.exec_driver_sql(
                f'UPDATE "{record_tables[kind].name}" SET rev = ? WHERE id = ? AND rev < ?',
                [(v, rid, v) for v, rid in raise_to])

    def _drop_erased_edits(self, conn: Connection, ids: list[str],
                           latest: Mapping[str, Change], now: str) -> None:
        """Leads whose person was erased: every change waiting for them is dropped with its
        values; one entry without values stays under "needs attention" to say so. (With no
        pending fields left, the stub then replaces every field the device held.)"""
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            waiting = {rid for (rid,) in conn.execute(
                select(outbox.c.record_id).where(and_(outbox.c.kind == "lead",
                                                      outbox.c.record_id.in_(chunk))))}
            if not waiting:
                continue
            conn.execute(delete(outbox).where(and_(outbox.c.kind == "lead",
                                                   outbox.c.record_id.in_(sorted(waiting)))))
            conn.execute(insert(outbox), [
                {"mutation_id": new_id(), "kind": "lead", "record_id": rid, "op": "upsert",
                 "base_version": latest[rid].version, "fields": {}, "made_at": now,
                 "state": "attention", "sent": False, "problem": ERASED_PROBLEM}
                for rid in sorted(waiting)])

    def _erase_linked(self, conn: Connection, lead_ids: list[str], now: str,
                      tally: PageTally) -> None:
        """What this device holds around leads whose person was erased, read before their
        stubs replace them: outcomes lose their notes, debriefs (drafts too) and their comments
        lose the person's names, address and phone (`fieldnote.privacy.erase_linked`, the
        hub's rule). Waiting outcome changes lose their note; a waiting debrief or comment
        change that writes text is dropped and shown under "needs attention" as erased (the
        hub would refuse it: it no longer knows whom to take out)."""
        leads = record_tables["lead"]
        names = privacy.identifiers([dict(r) for r in conn.execute(
            select(leads).where(leads.c.id.in_(lead_ids))).mappings()])
        ids: dict[str, set[str]] = {}
        for kind, column, parents in (("lead_outcome", "lead_id", lead_ids),
                                      ("collateral_send", "lead_id", lead_ids),
                                      ("lead_attachment", "lead_id", lead_ids),
                                      ("debrief", "lead_id", lead_ids),
                                      ("debrief_comment", "debrief_id", None)):
            table = record_tables[kind]
            wanted = parents if parents is not None else sorted(ids["debrief"])
            ids[kind] = set(conn.execute(select(table.c.id).where(
                table.c[column].in_(wanted))).scalars()) if wanted else set()
            names_of = KINDS[kind].field_names
            for row in conn.execute(select(table).where(
                    table.c.id.in_(sorted(ids[kind])))).mappings():
                fields = {n: row[n] for n in names_of}
                erased = privacy.erase_linked(kind, fields, names)
                changed = {k: v for k, v in erased.items() if v != fields[k]}
                if changed:
                    conn.execute(update(table).where(table.c.id == row["id"]).values(**changed))
                    tally.changed[kind].append(row["id"])
        for kind in privacy.LINKED_KINDS:
            entries = conn.execute(select(outbox.c.seq, outbox.c.record_id, outbox.c.op,
                                          outbox.c.base_version, outbox.c.fields)
                                   .where(and_(outbox.c.kind == kind,
                                               outbox.c.record_id.in_(sorted(ids[kind]))))).all()
            refused: dict[str, int | None] = {}
            for seq, rid, op, base, fields in entries:
                if op != "upsert" or not fields:
                    continue
                kept = privacy.change_to_erased(kind, fields)
                if kept is None:
                    refused[rid] = base
                    conn.execute(delete(outbox).where(outbox.c.seq == seq))
                elif kind == "lead_outcome" and "note" in fields:
                    rest = {k: v for k, v in fields.items() if k != "note"}
                    if rest:
                        # A new body is a new mutation (a sent one's body is frozen).
                        conn.execute(update(outbox).where(outbox.c.seq == seq)
                                     .values(fields=rest, mutation_id=new_id(), sent=False))
                    else:
                        conn.execute(delete(outbox).where(outbox.c.seq == seq))
            if refused:
                conn.execute(insert(outbox), [
                    {"mutation_id": new_id(), "kind": kind, "record_id": rid, "op": "upsert",
                     "base_version": base, "fields": {}, "made_at": now, "state": "attention",
                     "sent": False, "problem": ERASED_PROBLEM}
                    for rid, base in sorted(refused.items())])

    def _note_files_to_shred(self, conn: Connection, ids: list[str]) -> None:
        """Remember the files the device's copies of these erased leads name (in the pull's
        transaction), so that the cache shreds them after the pull."""
        table = record_tables["lead"]
        attached = record_tables["lead_attachment"]
        files: builtins.set[str] = builtins.set()
        for start in range(0, len(ids), 500):
            for row in conn.execute(select(table).where(table.c.id.in_(ids[start:start + 500]))):
                files |= builtins.set(privacy.attachments(dict(row._mapping)).values())
            # Their voice notes and photos (deleted ones too: the file may still be here).
            files |= {sha for (sha,) in conn.execute(
                select(attached.c.file_sha256).where(attached.c.lead_id.in_(ids[start:start + 500])))
                if sha}
        if not files:
            return
        earlier = conn.execute(select(sync_state.c.value)
                               .where(sync_state.c.key == SHRED_KEY)).scalar() or []
        self.store.set_state(SHRED_KEY, sorted(files | {str(v) for v in earlier}), conn)

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file and truncate it, so that the
        earlier pages of what was just erased are not left in the log (outside any
        transaction: SQLite checkpoints only then)."""
        raw = self.engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.fetchall()
            cursor.close()
        finally:
            raw.close()

    def _purge_search_index(self, conn: Connection) -> None:
        """Rewrite the search indexes of leads and debriefs whole, so that the words of an
        erased person's fields leave them (FTS5 otherwise keeps deleted entries in older
        segments until they happen to be merged); `secure_delete` zeroes the freed pages."""
        for fts in ("fts_lead", "fts_debrief"):
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")

    def _held_rows(self, conn: Connection, table: Any, ids: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for start in range(0, len(ids), 500):
            for row in conn.execute(select(table).where(table.c.id.in_(ids[start:start + 500]))):
                out[row.id] = row._mapping
        return out

    def _apply_over_pending(
        self,
        conn: Connection,
        table: Any,
        row: dict[str, Any],
        current: tuple[int, bool] | None,
        pending: tuple[builtins.set[str], bool],
        hub_deleted: bool,
    ) -> None:
        edited, deleting = pending
        if hub_deleted:
            # Our queued change decides what happens (the hub may accept or reject it);
            # until then the rep keeps seeing what they typed.
            if current is not None:
                conn.execute(update(table).where(table.c.id == row["id"]).values(rev=row["rev"]))
            return
        values = {k: v for k, v in row.items() if k not in edited and k != "id"}
        if deleting:
            values["deleted"] = True
        if current is None:
            conn.execute(insert(table).values(id=row["id"], **values))
        else:
            conn.execute(update(table).where(table.c.id == row["id"]).values(**values))

    # -- digest --------------------------------------------------------------------------

    def local_digest(self) -> tuple[int, str]:
        """Count and hash of what the hub has told us exists, computed like the hub does."""
        acc = 0
        count = 0
        with self.engine.connect() as conn:
            for kind, table in record_tables.items():
                rows = conn.execute(
                    select(table.c.id, table.c.rev)
                    .where(and_(table.c.deleted.is_(False), table.c.rev > 0))
                )
                for rid, rev in rows:
                    acc ^= record_hash(kind, rid, rev)
                    count += 1
            for kind, rid, value in conn.execute(
                select(local_marks.c.kind, local_marks.c.record_id, local_marks.c.value)
                .where(local_marks.c.mark == FOREIGN_MARK)
            ):
                if isinstance(value, dict) and not value.get("deleted"):
                    acc ^= record_hash(kind, rid, int(value.get("version", 0)))
                    count += 1
        return count, format_digest(acc)

    # -- blobs ---------------------------------------------------------------------------

    def needed_blobs(self) -> list[tuple[str, int | None]]:
        """Files of visible, approved collateral and of the voice notes and photos on this
        device's leads: (sha256, size) each once (the file policy chooses among them)."""
        t = record_tables["collateral"]
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t.c.file_sha256, func.max(t.c.file_size))
                .where(and_(t.c.deleted.is_(False), t.c.status == "approved",
                            t.c.file_sha256.is_not(None), t.c.file_sha256 != ""))
                .group_by(t.c.file_sha256)
            ).all()
        found = {sha: size for sha, size in rows}
        for sha, size in AttachmentFiles(self.store).wanted_files():
            found.setdefault(sha, size)
        return list(found.items())

    def referenced_blobs(self) -> builtins.set[str]:
        """Every file a record still names (drafts included: a marketer may be editing them;
        a lead's consent signature, which may still wait to be uploaded), and the voice notes
        and photos a capture draft holds for a visitor not saved yet."""
        from desktop.store.leads import draft_files

        found: builtins.set[str] = builtins.set()
        with self.engine.connect() as conn:
            found |= draft_files(conn)
            for kind, name in _FILE_FIELDS.items():
                t = record_tables[kind]
                found |= {sha for (sha,) in conn.execute(
                    select(t.c[name]).where(and_(t.c.deleted.is_(False), t.c[name].is_not(None)))
                ) if sha}
        return found

    # -- needs attention -----------------------------------------------------------------

    def attention_items(self) -> list[AttentionItem]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(outbox).where(outbox.c.state == "attention").order_by(outbox.c.seq)
            ).mappings().all()
            items = []
            for row in rows:
                problem = row["problem"] or {}
                errors = tuple(
                    (str(e.get("field", "")), str(e.get("message", "")))
                    for e in (problem.get("errors") or []) if isinstance(e, dict)
                )
                record: dict[str, Any] = {}
                table = record_tables.get(row["kind"])
                if table is not None:
                    found = conn.execute(
                        select(table).where(table.c.id == row["record_id"])
                    ).mappings().first()
                    record = dict(found) if found else {}
                items.append(AttentionItem(
                    seq=row["seq"], kind=row["kind"], record_id=row["record_id"], op=row["op"],
                    fields=dict(row["fields"] or {}), title=str(problem.get("title") or ""),
                    detail=str(problem.get("detail") or ""), errors=errors,
                    parked=bool(problem.get("parked")) or row["server_errors"] >= PARK_AFTER_SERVER_ERRORS,
                    record=record,
                ))
        return items

    def resend(self, seq: int, fields: Mapping[str, Any]) -> None:
        """The user fixed a rejected change: apply their edit and queue it under a NEW id.

        The old mutation id is spent (the hub keeps its answer), so the entry gets a new one
        and goes back to pending, keeping its place in the queue.
        """
        with self.engine.begin() as conn:
            row = conn.execute(select(outbox).where(outbox.c.seq == seq)).mappings().first()
            if row is None or row["state"] != "attention":
                raise LookupError("This change is no longer waiting for attention.")
            if (row["problem"] or {}).get("type") == ERASED_PROBLEM_TYPE:
                raise LookupError("This lead's person was erased; there is nothing to send.")
            body = dict(row["fields"] or {})
            if row["op"] == "upsert":
                ks = spec(row["kind"])
                clean = clean_fields(ks, fields, partial=True)
                body.update(clean)
                table = record_tables[ks.name]
                current = conn.execute(
                    select(table).where(table.c.id == row["record_id"])
                ).mappings().first()
                state = {k: current[k] for k in ks.field_names} if current else {}
                errors = check_complete(ks, {**state, **body})
                if errors:
                    raise ValidationFailed(errors)
                if clean:
                    values = {**clean, "local_updated_at": utc_now_iso()}
                    if current is None:
                        conn.execute(insert(table).values(id=row["record_id"], rev=0,
                                                          deleted=False, **{**body, **values}))
                    else:
                        conn.execute(update(table).where(table.c.id == row["record_id"])
                                     .values(**values))
            conn.execute(
                update(outbox).where(outbox.c.seq == seq).values(
                    mutation_id=new_id(), fields=body, state="pending", sent=False,
                    server_errors=0, problem=None,
                )
            )
        self.store.notify(row["kind"], [row["record_id"]])

    def discard(self, seq: int) -> None:
        """Drop a rejected change; the record goes back to the hub's state at the next pull."""
        with self.engine.begin() as conn:
            row = conn.execute(select(outbox).where(outbox.c.seq == seq)).mappings().first()
            if row is None:
                return
            conn.execute(delete(outbox).where(outbox.c.seq == seq))
            others = conn.execute(
                select(func.count()).select_from(outbox).where(
                    and_(outbox.c.kind == row["kind"], outbox.c.record_id == row["record_id"]))
            ).scalar_one()
            table = record_tables.get(row["kind"])
            if not others and table is not None:
                rev = conn.execute(
                    select(table.c.rev).where(table.c.id == row["record_id"])
                ).scalar()
                if rev == 0:
                    # The hub never had this record: discarding it removes it.
                    conn.execute(delete(table).where(table.c.id == row["record_id"]))
                elif rev is not None:
                    # Only the hub knows its state: the next pull starts from the beginning
                    # (keeping the outbox) and puts the record back as the hub has it.
                    self.store.set_state("resync_requested", True, conn)
        self.store.notify(row["kind"], [row["record_id"]])

    def conflicts(self) -> list[ConflictItem]:
        t = record_tables["conflict"]
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(t).where(and_(t.c.deleted.is_(False),
                                     func.coalesce(t.c.resolved, False).is_(False)))
                .order_by(t.c.at)
            ).mappings().all()
        out = []
        for r in rows:
            label = self._label(r["kind"], r["record_id"])
            out.append(ConflictItem(r["id"], r["kind"], r["record_id"], r["field"], r["yours"],
                                    r["theirs"], r["by"], r["at"], label))
        return out

    def _label(self, kind: str, record_id: str) -> str:
        if kind not in KINDS:
            return record_id
        rec = self.store.get(kind, record_id) or {}
        for keys in (("first_name", "last_name"), ("title",), ("name",), ("account",)):
            parts = [str(rec[k]) for k in keys if rec.get(k)]
            if parts:
                return " ".join(parts)
        return str(rec.get("company") or rec.get("email") or record_id)

    def resolve_conflict(self, conflict_id: str, keep: str) -> None:
        """Keep `yours` (the hub's current value) or `theirs`; both are ordinary mutations."""
        if keep not in ("yours", "theirs"):
            raise ValueError("keep must be 'yours' or 'theirs'")
        t = record_tables["conflict"]
        with self.engine.begin() as conn:
            row = conn.execute(select(t).where(t.c.id == conflict_id)).mappings().first()
            if row is None:
                raise LookupError("This conflict is no longer known.")
            if keep == "theirs" and row["kind"] in KINDS:
                self.store.save_in(conn, spec(row["kind"]), {row["field"]: row["theirs"]},
                                   row["record_id"])
            self.store.save_in(conn, spec("conflict"), {"resolved": True}, conflict_id)
        self.store.notify("conflict", [conflict_id])
        if row["kind"] in KINDS:
            self.store.notify(row["kind"], [row["record_id"]])

    # -- bookkeeping ---------------------------------------------------------------------

    def mark_synced(self, when: str, *, moved_since_stats: int | None = None) -> None:
        """Note the end of a good cycle (and, when given, the records moved since the planner
        statistics were sampled) in one transaction."""
        with self.engine.begin() as conn:
            self.store.set_state("last_sync_at", when, conn)
            if moved_since_stats is not None:
                self.store.set_state("moved_since_stats", moved_since_stats, conn)

    # -- query planner statistics ----------------------------------------------------------

    # Rows SQLite reads per index when it samples statistics: enough to tell a selective
    # column from one that is not, a few milliseconds a table.
    STATS_ANALYSIS_LIMIT = 1000
    # This many records pulled or pushed since the last sample can change which index suits a
    # query.
    STATS_AFTER_MOVED = 1000

    def has_planner_stats(self) -> bool:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
            ).first() is not None

    def refresh_planner_stats(self) -> None:
        """Sample row counts per index (a bounded ANALYZE) so SQLite's planner picks the
        selective index. One short write transaction per table, so a save waiting for the
        writer never waits long."""
        with self.engine.connect() as conn:
            tables = [name for (name,) in conn.exec_driver_sql(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'index' "
                "AND tbl_name NOT LIKE 'sqlite%' ORDER BY tbl_name")]
        for table in tables:
            with self.engine.begin() as conn:
                conn.exec_driver_sql(f"PRAGMA analysis_limit = {self.STATS_ANALYSIS_LIMIT}")
                conn.exec_driver_sql(f'ANALYZE "{table}"')

    def last_synced_at(self) -> str | None:
        value = self.get("last_sync_at")
        return str(value) if value else None


def _erased(result: MutationResult) -> bool:
    """Whether the hub refused a change because the lead's person was erased."""
    kind = result.problem.type if result.problem is not None else ""
    return bool(kind) and str(kind).endswith("/erased")


def _unknown_base(result: MutationResult) -> bool:
    """Whether the hub refused a change for its base version, not for what it says."""
    kind = result.problem.type if result.problem is not None else ""
    return bool(kind) and str(kind).endswith("/unknown-base")
