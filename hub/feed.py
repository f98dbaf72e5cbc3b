"""Reading the change feed: pull pages, the digest of a caller's visible set, and cursors.

A pull is an index range scan over the caller's audience sets; it never filters the latest
state of every record per caller. It never writes, except the collateral expiry sweep, which goes
through the ordinary write path.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import functools
import hashlib
import json
import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import (
    Connection,
    Engine,
    Select,
    TextClause,
    select,
    text,
)

from fieldnote.kinds import KINDS, FieldSpec, FieldType
from fieldnote.wire import format_digest, record_hash, state_hash
from hub import authz
from hub.authz import Actor
from hub.db.engine import json_value, writer
from hub.db.tables import RECORD_TABLES, audience_members, feed, meta
from hub.records import RecordStore, _state_from_row


class UnknownCursor(Exception):
    """The cursor was made by another hub database or is not a cursor at all."""


def read_epoch(engine: Engine) -> str:
    with engine.connect() as conn:
        return str(conn.execute(select(meta.c.value).where(meta.c.key == "epoch")).scalar_one())


def reach_mark(actor: Actor) -> str:
    """A short fingerprint of what `actor` may see (their audiences, from role and team): a
    cursor carries it, so that a cursor made before the user's role or team changed is
    refused and their device pulls everything again under the new reach."""
    audiences = ",".join(sorted(authz.user_audiences(actor)))
    return hashlib.sha256(audiences.encode()).hexdigest()[:12]


def make_cursor(epoch: str, seq: int, mark: str | None = None) -> str:
    raw = (f"{epoch}:{seq}:{mark}" if mark else f"{epoch}:{seq}").encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_cursor(epoch: str, cursor: str | None, mark: str | None = None) -> int:
    """The sequence number a cursor stands for; UnknownCursor when another database made it,
    it is no cursor, or it was made for another reach than `mark` (a cursor without a mark,
    from before marks, is taken as it is)."""
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        their_epoch, seq_text, *their_mark = raw.split(":", 2)
        seq = int(seq_text)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise UnknownCursor() from None
    if their_epoch != epoch or seq < 0:
        raise UnknownCursor()
    if mark is not None and their_mark and their_mark[0] != mark:
        raise UnknownCursor()
    return seq


@dataclass(frozen=True)
class Page:
    # Each change as its JSON object (UTF-8 bytes), in change order: the answer is written
    # from these as they are, never parsed and encoded again.
    changes: list[bytes]
    cursor: str
    has_more: bool


def _read(engine: Engine) -> Any:
    conn = engine.connect()
    if conn.dialect.name == "postgresql":
        # One snapshot for the feed rows and the record states they point at.
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def pull(engine: Engine, epoch: str, actor: Actor, cursor: str | None, limit: int,
         client_id: str | None = None) -> Page:
    """The caller's changes after `cursor`. With `client_id` (the pulling installation's, as
    in its pushes), a record whose current version that installation's push wrote comes as a
    stub: its fields' `state_hash` instead of the fields (docs/protocol-extensions.md)."""
    mark = reach_mark(actor)
    after = parse_cursor(epoch, cursor, mark)
    with _read(engine) as conn, conn.begin():
        top = conn.execute(text("SELECT value FROM hub_counter WHERE id = 1")).scalar_one()
        if after > top:
            raise UnknownCursor()
        # A change has at most two rows (its live row and its removal row), both with its
        # sequence value: two rows beyond the limit tell whether the last change is whole and
        # whether more follow, without a second query.
        rows = _feed_rows(conn, _visible_set_ids(conn, actor), after, int(top), limit + 2)
        has_more = False
        if len(rows) > limit:
            # Rows of one change share a sequence value: never split them across pages.
            last = rows[limit - 1][0]
            whole = [r for r in rows if r[0] <= last]
            has_more, rows = len(whole) < len(rows), whole
        # Each record once, at its latest row here; the rows come in change order, so a record
        # moved to the end when a later row of it comes keeps `latest` in change order.
        latest: dict[tuple[str, str], tuple[int, bool]] = {}
        for seq, kind, record_id, removed in rows:
            key = (kind, record_id)
            known, visible = latest.pop(key, (0, False))
            latest[key] = (seq, not removed or (seq == known and visible))
        wanted: dict[str, list[str]] = defaultdict(list)
        for (kind, record_id), (_seq, visible) in latest.items():
            if visible:
                wanted[kind].append(record_id)
        states = _own_stubs(conn, wanted, (client_id[:36], actor.id)) if client_id else {}
        states.update(_state_json(conn, wanted))
        changes = []
        for (kind, record_id), (seq, visible) in latest.items():
            state = states.get((kind, record_id)) if visible else None
            changes.append(_tombstone(kind, record_id, seq) if state is None else state)
        # Every change numbered up to `top` is committed and in this snapshot, so a caller who
        # has everything can skip straight to it.
        new_after = rows[-1][0] if has_more else max(int(top), after)
        return Page(changes, make_cursor(epoch, new_after, mark), has_more)


def _visible_set_ids(conn: Connection, actor: Actor) -> list[int]:
    """The audience sets that contain one of the caller's audiences."""
    return sorted({int(set_id) for set_id in conn.execute(
        select(audience_members.c.set_id)
        .where(audience_members.c.audience.in_(authz.user_audiences(actor)))
    ).scalars()})


# Up to this many audience sets, a page is read as one ordered index range per set, merged;
# beyond it, as ranges of the feed in change order, keeping the caller's sets' rows.
MERGED_SETS = 32

_FEED_COLUMNS = (feed.c.seq, feed.c.kind, feed.c.record_id, feed.c.removed)


def _feed_rows(conn: Connection, set_ids: list[int], after: int, top: int, count: int
               ) -> list[tuple[int, str, str, bool]]:
    """The first `count` feed rows after `after` (up to `top`) in the given audience sets, in
    change order.

    A page costs about `count` index entries whatever the size of the feed and wherever the
    cursor is, so a first full pull reads each row once instead of sorting everything after
    its cursor on every page. Per set, the rows after the cursor are a range of the
    (set, seq) index already in change order: the ranges are merged lazily (PostgreSQL's
    Merge Append, SQLite's ordered compound select). A caller in many sets (there is one per
    owner of leads, and whoever sees everyone's work is in all of them) sees much of the
    feed: for them it is read in change order, in ranges of change numbers that double until
    the page is full, so that no plan the database picks reads more than twice the changes
    the page spans.
    """
    if not set_ids:
        return []
    if len(set_ids) <= MERGED_SETS:
        params: dict[str, Any] = {f"s{i}": set_id for i, set_id in enumerate(set_ids)}
        return _rows(conn.execute(_merged(len(set_ids)),
                                  {**params, "after": after, "count": count}))
    rows: list[tuple[int, str, str, bool]] = []
    low, span = after, 2 * count
    while len(rows) < count and low < top:
        high = min(low + span, top)
        rows += _rows(conn.execute(
            select(*_FEED_COLUMNS)
            .where(feed.c.seq > low, feed.c.seq <= high, feed.c.audience_set.in_(set_ids))
            .order_by(feed.c.seq).limit(count - len(rows))))
        low, span = high, 2 * span
    return rows


def _rows(result: Any) -> list[tuple[int, str, str, bool]]:
    return [(int(seq), kind, record_id, bool(removed)) for seq, kind, record_id, removed in result]


@functools.cache
def _merged(sets: int) -> TextClause:
    """The merged read of `sets` audience sets (:s0, :s1...), one statement per count of sets
    (so the database driver can prepare it)."""
    arm = ("SELECT * FROM (SELECT seq, kind, record_id, removed FROM hub_feed "
           "WHERE audience_set = :s{} AND seq > :after ORDER BY seq LIMIT :count) AS a{}")
    return text(" UNION ALL ".join(arm.format(i, i) for i in range(sets))
                + " ORDER BY seq LIMIT :count")


def encode_json(value: Any) -> bytes:
    """`value` as compact JSON: orjson, or the standard encoder for what orjson refuses (an
    integer past 64 bits in a JSON field)."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, separators=(",", ":")).encode()


def _tombstone(kind: str, record_id: str, seq: int) -> bytes:
    return encode_json({"kind": kind, "record_id": record_id, "version": seq,
                        "deleted": True, "fields": {}})


_ID_CHUNK = 500


def _state_json(conn: Connection, wanted: dict[str, list[str]]) -> dict[tuple[str, str], bytes]:
    """The current state of each wanted record as its change's JSON object."""
    out: dict[tuple[str, str], bytes] = {}
    for kind, ids in wanted.items():
        sql = _sql_json(conn.dialect.name, kind)
        if sql is not None:
            for record_id, body in conn.execute(sql, {"ids": orjson.dumps(ids).decode()}):
                out[(kind, record_id)] = body.encode()
            continue
        for start in range(0, len(ids), _ID_CHUNK):
            for record_id, state in _states(conn, kind, ids[start:start + _ID_CHUNK]):
                out[(kind, record_id)] = encode_json(state)
    return out


def _own_stubs(conn: Connection, wanted: dict[str, list[str]], own: tuple[str, str]
               ) -> dict[tuple[str, str], bytes]:
    """Stubs of the wanted records whose current version this device (client id, user id)
    wrote; those records are taken out of `wanted`. One query per kind finds the rows whose
    per-field versions name the client at all; only those are read whole."""
    client_id = own[0]
    pattern = "%" + client_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    postgres = conn.dialect.name == "postgresql"
    out: dict[tuple[str, str], bytes] = {}
    for kind, ids in wanted.items():
        mine = [
            rid for rid, version, versions in conn.execute(
                _candidates(kind, postgres), {"ids": orjson.dumps(ids).decode(), "p": pattern})
            if _written_by(json_value(versions) if isinstance(versions, str) else versions,
                           int(version), own)
        ]
        if not mine:
            continue
        for start in range(0, len(mine), _ID_CHUNK):
            for record_id, state in _states(conn, kind, mine[start:start + _ID_CHUNK]):
                out[(kind, record_id)] = encode_json(
                    {"kind": kind, "record_id": record_id, "version": state["version"],
                     "own": state_hash(state["fields"])})
        taken = set(mine)
        wanted[kind] = [rid for rid in ids if rid not in taken]
    return out


@functools.cache
def _candidates(kind: str, postgres: bool) -> TextClause:
    """(id, version, per-field versions) of the live records of `kind` named by `:ids` (a JSON
    array: one parameter however many) whose per-field versions hold the text `:p` (LIKE)."""
    table = RECORD_TABLES[kind].name
    if postgres:
        return text(f"SELECT id, row_version, hub_field_versions FROM {table} "
                    "WHERE id IN (SELECT json_array_elements_text(CAST(:ids AS json))) "
                    "AND NOT deleted AND CAST(hub_field_versions AS text) LIKE :p ESCAPE '\\'")
    return text(f"SELECT id, row_version, hub_field_versions FROM {table} "
                "WHERE id IN (SELECT value FROM json_each(:ids)) "
                "AND deleted = 0 AND hub_field_versions LIKE :p ESCAPE '\\'")


def _written_by(field_versions: Any, version: int, own: tuple[str, str]) -> bool:
    """Whether the write that made `version` came from this device (client id) of this user:
    a push records [version, client id, user id] for every field it wrote."""
    client_id, user_id = own
    for entry in (field_versions or {}).values():
        if (isinstance(entry, list) and len(entry) >= 3 and entry[0] == version
                and entry[1] == client_id and entry[2] == user_id):
            return True
    return False


def _states(conn: Connection, kind: str, ids: list[str]) -> list[tuple[str, dict[str, Any]]]:
    table = RECORD_TABLES[kind]
    names = KINDS[kind].field_names
    columns = [table.c.id, table.c.row_version, table.c.deleted, *[table.c[n] for n in names]]
    return [
        (row[0], {"kind": kind, "record_id": row[0], "version": int(row[1]),
                  "deleted": bool(row[2]), "fields": dict(zip(names, row[3:], strict=True))})
        for row in conn.execute(select(*columns).where(table.c.id.in_(ids)))
    ]


# The database writes a change's JSON itself when every field of the kind is of a type it
# writes as the hub's encoder does: text, integers, booleans, JSON columns as stored. A float
# column would not be (PostgreSQL writes 5.0 as 5, SQLite rounds to 15 digits): a kind with one
# is encoded in Python. A test holds the two equal for every kind.
_SQL_JSON_TYPES = frozenset(FieldType) - {FieldType.NUMBER}
_JSON_COLUMN_TYPES = frozenset({FieldType.TAGS, FieldType.UUIDS, FieldType.LIST,
                                FieldType.OBJECT, FieldType.JSON})
# SQLite's json_object takes at most 127 arguments (two a field).
_SQLITE_MAX_FIELDS = 60


@functools.cache
def _sql_json(dialect: str, kind: str) -> TextClause | None:
    """A query answering (id, the change's JSON text) for the records of `kind` named by
    `:ids` (a JSON array), the JSON written by the database, so that a page of a thousand
    leads costs the hub a few milliseconds rather than a Python object per value; None where
    the hub encodes the kind itself."""
    spec = KINDS[kind]
    if not (all(f.type in _SQL_JSON_TYPES and f.name.isidentifier() for f in spec.fields)
            and kind.isidentifier()):
        return None
    table = RECORD_TABLES[kind].name
    if dialect == "postgresql":
        columns = ", ".join(f'r."{f.name}"' for f in spec.fields)
        return text(
            f"SELECT r.id, row_to_json(c)::text FROM {table} AS r CROSS JOIN LATERAL ("
            f"SELECT '{kind}' AS kind, r.id AS record_id, r.row_version AS version, "
            f"r.deleted AS deleted, f AS fields FROM (SELECT {columns}) AS f) AS c "
            # The ids as one JSON array: a list parameter costs the driver a check per item.
            "WHERE r.id IN (SELECT json_array_elements_text(CAST(:ids AS json)))")
    if dialect == "sqlite" and len(spec.fields) <= _SQLITE_MAX_FIELDS:
        def value(f: FieldSpec) -> str:
            column = f'r."{f.name}"'
            if f.type == FieldType.BOOL:  # stored as 0 and 1
                return (f"json(CASE WHEN {column} IS NULL THEN 'null' WHEN {column} THEN 'true' "
                        "ELSE 'false' END)")
            return f"json({column})" if f.type in _JSON_COLUMN_TYPES else column

        fields = ", ".join(f"'{f.name}', {value(f)}" for f in spec.fields)
        return text(
            f"SELECT r.id, json_object('kind', '{kind}', 'record_id', r.id, 'version', "
            "r.row_version, 'deleted', json(CASE WHEN r.deleted THEN 'true' ELSE 'false' END), "
            f"'fields', json_object({fields})) FROM {table} AS r "
            "WHERE r.id IN (SELECT value FROM json_each(:ids))")
    return None


def _visible_sets(actor: Actor) -> Select[tuple[int]]:
    """The audience sets that contain one of the caller's audiences (a subquery)."""
    return (select(audience_members.c.set_id)
            .where(audience_members.c.audience.in_(authz.user_audiences(actor))))


def digest(engine: Engine, actor: Actor) -> dict[str, Any]:
    """Count and XOR-hash of (kind, record_id, version) over what the caller can see."""
    with _read(engine) as conn, conn.begin():
        rows = conn.execute(
            select(feed.c.kind, feed.c.record_id, feed.c.seq)
            .where(feed.c.audience_set.in_(_visible_sets(actor)),
                   feed.c.removed.is_(False))
        )
        seen = {(r[0], r[1], int(r[2])) for r in rows}
    value = 0
    for kind, record_id, seq in seen:
        value ^= record_hash(kind, record_id, int(seq))
    return {"count": len(seen), "hash": format_digest(value)}


_sweep_lock = threading.Lock()
_swept_on: dict[str, dt.date] = {}


def sweep_expired_collateral(engine: Engine, today: dt.date | None = None) -> int:
    """Re-save collateral that expired since it was last written, so reps' feeds drop it.

    Expiry is a date, so this runs at most once a day per database and process (pulls call
    it); the write goes through the ordinary path and produces removal rows.
    """
    today = today or dt.datetime.now(dt.UTC).date()
    key = str(engine.url)
    with _sweep_lock:
        if _swept_on.get(key) == today:
            return 0
        _swept_on[key] = today
    table = RECORD_TABLES["collateral"]
    with writer(engine).begin() as conn:
        store = RecordStore(conn, today)
        if conn.dialect.name == "sqlite":
            store.take_counter_lock()
        rows = conn.execute(
            select(table).where(
                table.c.deleted.is_(False),
                table.c.expires_on.is_not(None),
                table.c.expires_on < today.isoformat(),
            )
        )
        count = 0
        for row in rows:
            state = _state_from_row("collateral", row)
            if authz.collateral_audiences(state.fields, today) != state.audiences:
                store.load_many("collateral", [state.id])
                current = store.get("collateral", state.id)
                if current is not None:
                    store.stage(store.working_copy(current))
                    count += 1
        store.flush()
    return count
