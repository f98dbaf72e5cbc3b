"""Reading and writing record states inside one hub transaction: the only code that touches
the record tables, the change counter and the feed.

Writes are staged in memory and flushed together: the counter is advanced by the number of
writes at the end of the transaction (`UPDATE ... RETURNING` holds its row lock until commit,
so change numbers are handed out in commit order), then rows and feed rows are written.
It never decides who may do what; that is `hub.authz`.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Connection, Table, bindparam, delete, insert, select, text, update

from fieldnote.kinds import KINDS
from fieldnote.validation import utc_now_iso
from hub import authz
from hub.db.tables import RECORD_TABLES, audience_members, audience_sets, feed
from hub.webhooks import Change

USER_EXTRA_COLUMNS = ("hub_password_hash", "hub_email_key")


@dataclass
class RecordState:
    """One record's whole state plus the hub's bookkeeping.

    A version below zero is a placeholder for "written in this transaction" (slot -v-1)
    until `RecordStore.flush` knows the real change numbers.
    """

    kind: str
    id: str
    fields: dict[str, Any]
    version: int = 0
    deleted: bool = False
    # The version stored when the transaction began (0 for a record new in it): the highest
    # version a client can have seen, so the highest `base_version` the hub accepts.
    stored_version: int = 0
    audiences: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    field_versions: dict[str, list[Any]] = field(default_factory=dict)
    created_at: str = ""
    updated_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    in_db: bool = False
    # Audiences and removal audiences as stored, to know which feed rows to replace.
    stored_audiences: list[str] = field(default_factory=list)
    stored_removed: list[str] = field(default_factory=list)

    def public_fields(self) -> dict[str, Any]:
        return {name: self.fields.get(name) for name in KINDS[self.kind].field_names}


class RecordStore:
    """Loads, caches and stages record states for one transaction (one connection)."""

    def __init__(self, conn: Connection, today: dt.date | None = None) -> None:
        self.conn = conn
        self.today = today or dt.datetime.now(dt.UTC).date()
        # One time for every write of the transaction: they all take effect at its commit.
        self.now = utc_now_iso()
        self._cache: dict[tuple[str, str], RecordState | None] = {}
        self._staged: dict[tuple[str, str], RecordState] = {}
        self._slots = 0
        self._lock = conn.dialect.name == "postgresql"
        # Every record written so far, with its fields before: what webhooks' events are
        # made of (`hub.webhooks.enqueue`).
        self.written: list[Change] = []

    # -- reading ---------------------------------------------------------------------------

    def load_many(self, kind: str, ids: Iterable[str]) -> None:
        """Load records into the cache; on PostgreSQL lock their rows (in id order, so that
        concurrent pushes cannot deadlock) until the transaction ends."""
        wanted = sorted({i for i in ids if (kind, i) not in self._cache})
        table = RECORD_TABLES[kind]
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = select(table).where(table.c.id.in_(chunk)).order_by(table.c.id)
            if self._lock:
                query = query.with_for_update()
            found = {row.id: row for row in self.conn.execute(query)}
            for record_id in chunk:
                row = found.get(record_id)
                self._cache[(kind, record_id)] = _state_from_row(kind, row) if row else None

    def get(self, kind: str, record_id: str) -> RecordState | None:
        key = (kind, record_id)
        if key in self._staged:
            return self._staged[key]
        if key not in self._cache:
            self.load_many(kind, [record_id])
        return self._cache[key]

    def children(self, kind: str, column: str, parent_id: str) -> list[RecordState]:
        """Live records of `kind` whose `column` names `parent_id` (outcomes of a lead...)."""
        table = RECORD_TABLES[kind]
        ids = self.conn.execute(
            select(table.c.id).where(table.c[column] == parent_id, table.c.deleted.is_(False))
        ).scalars().all()
        self.load_many(kind, ids)
        found = [self.get(kind, i) for i in ids]
        return [s for s in found if s is not None]

    def user_by_email(self, email: str) -> RecordState | None:
        table = RECORD_TABLES["user"]
        row = self.conn.execute(
            select(table).where(table.c.hub_email_key == email.strip().lower())
        ).first()
        if row is None:
            return None
        state = _state_from_row("user", row)
        self._cache.setdefault(("user", state.id), state)
        return self.get("user", state.id)

    # authz.Lookup
    def user_fields(self, user_id: str) -> Mapping[str, Any] | None:
        state = self.get("user", user_id) if user_id else None
        return state.fields if state else None

    def record_fields(self, kind: str, record_id: str) -> Mapping[str, Any] | None:
        if not record_id:
            return None
        state = self.get(kind, record_id)
        if state is None:
            return None
        return {**state.fields, "deleted": state.deleted}

    # -- writing ---------------------------------------------------------------------------

    def stage(self, state: RecordState) -> int:
        """Stage a write of `state` (a copy is kept); return its placeholder version."""
        slot = self._slots
        self._slots += 1
        placeholder = -(slot + 1)
        state.version = placeholder
        state.updated_at = self.now
        state.created_at = state.created_at or self.now
        state.audiences = [] if state.deleted else authz.record_audiences(
            state.kind, state.fields, self, self.today
        )
        self._staged[(state.kind, state.id)] = state
        return placeholder

    def working_copy(self, state: RecordState) -> RecordState:
        return copy.deepcopy(state)

    @property
    def pending(self) -> int:
        return self._slots

    def discard(self) -> None:
        """Forget staged writes (their savepoint was rolled back)."""
        self._staged = {}
        self._slots = 0

    def take_counter_lock(self) -> None:
        """Lock the counter row now (SQLite: take the write lock before reading anything)."""
        self.conn.execute(text("UPDATE hub_counter SET value = value WHERE id = 1"))

    def flush(self) -> int:
        """Write every staged state; return the first change number handed out (0 if none).

        Placeholder versions (slot s) become first + s.
        """
        if not self._slots:
            return 0
        top = self.conn.execute(
            text("UPDATE hub_counter SET value = value + :n WHERE id = 1 RETURNING value"),
            {"n": self._slots},
        ).scalar_one()
        first = int(top) - self._slots + 1
        inserts: dict[str, list[list[Any]]] = defaultdict(list)
        updates: dict[str, list[dict[str, Any]]] = defaultdict(list)
        # (seq, removed, audiences, kind, record_id): one live row and at most one removal
        # row per change.
        feed_rows: list[tuple[int, bool, tuple[str, ...], str, str]] = []
        clear_live: list[dict[str, Any]] = []
        came_back: list[tuple[str, str, set[str]]] = []
        for state in self._staged.values():
            state.version = resolve_version(state.version, first)
            for entry in state.field_versions.values():
                entry[0] = resolve_version(entry[0], first)
            new_audiences = [] if state.deleted else list(state.audiences)
            left = [a for a in state.stored_audiences if a not in new_audiences]
            back = [a for a in state.stored_removed if a in new_audiences]
            state.removed = [a for a in state.stored_removed if a not in new_audiences] + left
            if state.in_db:
                row = _row_from_state(state)
                row.pop("id")
                updates[state.kind].append({"b_id": state.id, **row})
                clear_live.append({"k": state.kind, "r": state.id})
                if back:
                    came_back.append((state.kind, state.id, set(back)))
            else:
                inserts[state.kind].append(_values_from_state(state))
            if new_audiences:
                feed_rows.append((state.version, False, audience_key(new_audiences),
                                  state.kind, state.id))
            if left:
                feed_rows.append((state.version, True, audience_key(left), state.kind, state.id))
        for kind, values in inserts.items():
            insert_values(self.conn, RECORD_TABLES[kind], values)
        for kind, rows in updates.items():
            table = RECORD_TABLES[kind]
            # The parameter keys name the columns to set.
            self.conn.execute(update(table).where(table.c.id == bindparam("b_id")), rows)
        if clear_live:
            self.conn.execute(
                delete(feed).where(
                    feed.c.kind == bindparam("k"),
                    feed.c.record_id == bindparam("r"),
                    feed.c.removed.is_(False),
                ),
                clear_live,
            )
        for kind, record_id, back_in in came_back:
            self._drop_removals(kind, record_id, back_in)
        if feed_rows:
            set_ids = self.audience_set_ids({r[2] for r in feed_rows})
            insert_rows(self.conn, feed, [
                {"seq": seq, "removed": removed, "audience_set": set_ids[key],
                 "kind": kind, "record_id": record_id}
                for seq, removed, key, kind, record_id in feed_rows
            ])
        for key, state in self._staged.items():
            before = self._cache.get(key) if state.in_db else None
            self.written.append(Change(
                state.kind, state.id, state.version,
                None if before is None or before.deleted else before.fields,
                state.fields, state.deleted))
            state.in_db = True
            state.stored_version = state.version
            state.stored_audiences = list(state.audiences)
            state.stored_removed = list(state.removed)
            self._cache[key] = state
        self._staged = {}
        self._slots = 0
        return first


    def _drop_removals(self, kind: str, record_id: str, back_in: set[str]) -> None:
        """The record is visible again to `back_in`: take those audiences out of its removal
        rows (a row left with no audience is deleted)."""
        rows = self.conn.execute(
            select(feed.c.seq, audience_sets.c.audiences)
            .join(audience_sets, audience_sets.c.id == feed.c.audience_set)
            .where(feed.c.kind == kind, feed.c.record_id == record_id, feed.c.removed.is_(True))
        ).all()
        for seq, audiences in rows:
            kept = [a for a in audiences if a not in back_in]
            if len(kept) == len(audiences):
                continue
            where = (feed.c.seq == seq) & feed.c.removed.is_(True)
            if kept:
                set_id = self.audience_set_ids({audience_key(kept)})[audience_key(kept)]
                self.conn.execute(update(feed).where(where).values(audience_set=set_id))
            else:
                self.conn.execute(delete(feed).where(where))

    def audience_set_ids(self, keys: set[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
        """The id of each audience set (sorted audiences), made in this transaction if new.

        A concurrent transaction making the same set makes this one fail on the unique digest
        (PostgreSQL); the push is then retried and finds the set.
        """
        digests = {key: _audience_digest(key) for key in keys}
        found = {
            row.digest: row.id
            for row in self.conn.execute(
                select(audience_sets.c.id, audience_sets.c.digest)
                .where(audience_sets.c.digest.in_(sorted(set(digests.values()))))
            )
        }
        for key in sorted(keys):
            digest = digests[key]
            if digest in found:
                continue
            set_id = self.conn.execute(
                insert(audience_sets).values(digest=digest, audiences=list(key))
                .returning(audience_sets.c.id)
            ).scalar_one()
            self.conn.execute(insert(audience_members),
                              [{"audience": a, "set_id": set_id} for a in key])
            found[digest] = set_id
        return {key: found[digest] for key, digest in digests.items()}


def audience_key(audiences: Iterable[str]) -> tuple[str, ...]:
    """The canonical form of a set of audiences."""
    return tuple(sorted(set(audiences)))


def _audience_digest(key: tuple[str, ...]) -> str:
    return hashlib.sha256("\n".join(key).encode("utf-8")).hexdigest()

def insert_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows in one statement execution.

    On SQLite and PostgreSQL the rows go straight to the driver's `executemany` as tuples
    (JSON columns serialised here as SQLAlchemy would), which skips SQLAlchemy's per-row
    parameter processing, the larger part of a push's insert cost. Elsewhere it is a Core
    insert.
    """
    if conn.dialect.name not in ("sqlite", "postgresql"):
        conn.execute(insert(table), rows)
        return
    pick = itemgetter(*[c.name for c in table.columns])
    try:
        values = [list(pick(row)) for row in rows]
    except KeyError:
        # A row that leaves a column out gets the column's default: Core knows those.
        conn.execute(insert(table), rows)
        return
    insert_values(conn, table, values)


def insert_values(conn: Connection, table: Table, rows: list[list[Any]]) -> None:
    """`insert_rows` for rows given as every column's value in the table's column order
    (JSON columns as Python values); the lists are changed in place."""
    if conn.dialect.name not in ("sqlite", "postgresql"):
        names = [c.name for c in table.columns]
        conn.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        return
    sql, json_at = _plain_insert(table, "?" if conn.dialect.name == "sqlite" else "%s")
    json_text = _json_text(conn)
    for row in rows:
        for i in json_at:
            row[i] = json_text(row[i])
    conn.exec_driver_sql(sql, [tuple(row) for row in rows])


def _json_text(conn: Connection) -> Callable[[Any], str]:
    """The engine's JSON serialiser (what a Core insert would write), with the common empty
    values short-cut."""
    dumps: Callable[[Any], str] = getattr(conn.dialect, "_json_serializer", None) or json.dumps

    def text(value: Any) -> str:
        if value is None:
            return "null"
        if not value and isinstance(value, list):
            return "[]"
        if not value and isinstance(value, dict):
            return "{}"
        return dumps(value)

    return text


_PLAIN_INSERTS: dict[tuple[str, str], tuple[str, list[int]]] = {}


def _plain_insert(table: Table, mark: str) -> tuple[str, list[int]]:
    found = _PLAIN_INSERTS.get((table.name, mark))
    if found is None:
        names = [c.name for c in table.columns]
        columns = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join(mark for _ in names)
        sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
        found = (sql, [i for i, c in enumerate(table.columns) if isinstance(c.type, JSON)])
        _PLAIN_INSERTS[(table.name, mark)] = found
    return found


def resolve_version(version: int, first: int) -> int:
    return first + (-version - 1) if version < 0 else version


def _state_from_row(kind: str, row: Any) -> RecordState:
    mapping = row._mapping
    fields = {name: mapping[name] for name in KINDS[kind].field_names}
    extra = {name: mapping[name] for name in USER_EXTRA_COLUMNS} if kind == "user" else {}
    return RecordState(
        kind=kind,
        id=mapping["id"],
        fields=fields,
        version=int(mapping["row_version"]),
        deleted=bool(mapping["deleted"]),
        stored_version=int(mapping["row_version"]),
        audiences=list(mapping["hub_audiences"] or []),
        removed=list(mapping["hub_removed"] or []),
        field_versions={k: list(v) for k, v in (mapping["hub_field_versions"] or {}).items()},
        created_at=mapping["row_created_at"],
        updated_at=mapping["row_updated_at"],
        extra=extra,
        in_db=True,
        stored_audiences=list(mapping["hub_audiences"] or []),
        stored_removed=list(mapping["hub_removed"] or []),
    )


def _row_from_state(state: RecordState) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": state.id,
        "row_version": state.version,
        "deleted": state.deleted,
        "row_created_at": state.created_at,
        "row_updated_at": state.updated_at,
        "hub_audiences": list(state.audiences),
        "hub_removed": list(state.removed),
        "hub_field_versions": state.field_versions,
    }
    row.update(state.public_fields())
    if state.kind == "user":
        row.update({name: state.extra.get(name) for name in USER_EXTRA_COLUMNS})
    return row


_BOOKKEEPING = ("id", "row_version", "deleted", "row_created_at", "row_updated_at",
                "hub_audiences", "hub_removed", "hub_field_versions")


def _values_from_state(state: RecordState) -> list[Any]:
    """A new record's row as a list in its table's column order (what `_row_from_state`
    holds, without building the dictionary)."""
    get = state.fields.get
    values = [state.id, state.version, state.deleted, state.created_at, state.updated_at,
              list(state.audiences), list(state.removed), state.field_versions]
    values.extend(map(get, KINDS[state.kind].field_names))
    if state.kind == "user":
        values.extend([state.extra.get(name) for name in USER_EXTRA_COLUMNS])
    return values


def _check_column_order() -> None:
    for kind, table in RECORD_TABLES.items():
        order = (*_BOOKKEEPING, *KINDS[kind].field_names,
                 *(USER_EXTRA_COLUMNS if kind == "user" else ()))
        if tuple(c.name for c in table.columns) != order:
            raise RuntimeError(f"rec_{kind}: columns are not in the order _values_from_state uses")


_check_column_order()
