"""Reading the change feed: pull pages, the digest of a caller's visible set, and cursors.

A pull is an index range scan over the caller's audience sets; it never filters the latest
state of every record per caller. It never writes, except the collateral expiry sweep, which goes
through the ordinary write path.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Select, select, text

from fieldnote.kinds import KINDS
from fieldnote.wire import format_digest, record_hash
from hub import authz
from hub.authz import Actor
from hub.db.engine import writer
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
    changes: list[dict[str, Any]]
    cursor: str
    has_more: bool


def _read(engine: Engine) -> Any:
    conn = engine.connect()
    if conn.dialect.name == "postgresql":
        # One snapshot for the feed rows and the record states they point at.
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def pull(engine: Engine, epoch: str, actor: Actor, cursor: str | None, limit: int) -> Page:
    mark = reach_mark(actor)
    after = parse_cursor(epoch, cursor, mark)
    with _read(engine) as conn, conn.begin():
        sets = _visible_sets(actor)
        top = conn.execute(text("SELECT value FROM hub_counter WHERE id = 1")).scalar_one()
        if after > top:
            raise UnknownCursor()
        rows = list(conn.execute(
            select(feed.c.seq, feed.c.kind, feed.c.record_id, feed.c.removed)
            .where(feed.c.audience_set.in_(sets), feed.c.seq > after)
            .order_by(feed.c.seq)
            .limit(limit)
        ))
        has_more = False
        if len(rows) == limit:
            last = rows[-1].seq
            # Rows of one change share a sequence value: never split them across pages.
            rows = [r for r in rows if r.seq < last] + list(conn.execute(
                select(feed.c.seq, feed.c.kind, feed.c.record_id, feed.c.removed)
                .where(feed.c.audience_set.in_(sets), feed.c.seq == last)
            ))
            has_more = conn.execute(
                select(feed.c.seq).where(feed.c.audience_set.in_(sets), feed.c.seq > last)
                .limit(1)
            ).first() is not None
        latest: dict[tuple[str, str], tuple[int, bool]] = {}
        for r in rows:
            key = (r.kind, r.record_id)
            seq, visible = latest.get(key, (0, False))
            if r.seq > seq:
                latest[key] = (r.seq, not r.removed)
            elif r.seq == seq:
                latest[key] = (seq, visible or not r.removed)
        wanted: dict[str, list[str]] = defaultdict(list)
        for (kind, record_id), (_seq, visible) in latest.items():
            if visible:
                wanted[kind].append(record_id)
        states = _load_states(conn, wanted)
        changes = []
        for (kind, record_id), (seq, visible) in sorted(latest.items(), key=lambda i: i[1][0]):
            state = states.get((kind, record_id)) if visible else None
            if state is None:
                changes.append({"kind": kind, "record_id": record_id, "version": seq,
                                "deleted": True, "fields": {}})
            else:
                changes.append(state)
        # Every change numbered up to `top` is committed and in this snapshot, so a caller who
        # has everything can skip straight to it.
        new_after = rows[-1].seq if has_more else max(int(top), after)
        return Page(changes, make_cursor(epoch, new_after, mark), has_more)


def _visible_sets(actor: Actor) -> Select[tuple[int]]:
    """The audience sets that contain one of the caller's audiences (a subquery)."""
    return (select(audience_members.c.set_id)
            .where(audience_members.c.audience.in_(authz.user_audiences(actor))))


def _load_states(conn: Connection, wanted: dict[str, list[str]]) -> dict[tuple[str, str], Any]:
    states: dict[tuple[str, str], Any] = {}
    for kind, ids in wanted.items():
        table = RECORD_TABLES[kind]
        names = KINDS[kind].field_names
        columns = [table.c.id, table.c.row_version, table.c.deleted,
                   *[table.c[n] for n in names]]
        for start in range(0, len(ids), 500):
            for row in conn.execute(select(*columns).where(table.c.id.in_(ids[start:start + 500]))):
                m = row._mapping
                states[(kind, row.id)] = {
                    "kind": kind, "record_id": row.id, "version": int(row.row_version),
                    "deleted": bool(row.deleted), "fields": {n: m[n] for n in names},
                }
    return states


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
