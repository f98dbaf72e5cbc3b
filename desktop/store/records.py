"""Local writes and reads of records: every save writes the record and its outbox entry in one
SQLite transaction, so a crash, kill or failed sync leaves both or neither.

This module never talks to the network and never imports Qt; listeners learn about commits
through `records_changed(kind, ids)` callbacks.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, and_, bindparam, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from desktop.store.db import reading
from desktop.store.schema import outbox, record_tables, sync_state
from fieldnote.consent import derived_fields, derives
from fieldnote.ids import new_id
from fieldnote.kinds import KindSpec, spec
from fieldnote.money import currency_of
from fieldnote.validation import (
    ValidationFailed,
    check_complete,
    clean_fields,
    utc_now_iso,
)

log = logging.getLogger(__name__)

# Statements built once per table: a save at the booth should not spend its time building
# and fingerprinting the same SQL again (about a millisecond each on a slow laptop).
_STATEMENTS: dict[tuple[str, str], Any] = {}


def _by_id(table: Any) -> Any:
    key = ("by_id", table.name)
    if key not in _STATEMENTS:
        _STATEMENTS[key] = select(table).where(table.c.id == bindparam("record_id"))
    return _STATEMENTS[key]


def _insert(table: Any) -> Any:
    key = ("insert", table.name)
    if key not in _STATEMENTS:
        _STATEMENTS[key] = insert(table)
    return _STATEMENTS[key]


ChangeListener = Callable[[str, Sequence[str]], None]
_META_COLUMNS = ("id", "rev", "deleted", "local_updated_at", "extra")
# The sync state key of the hub settings the last pull brought (`fieldnote.money`).
HUB_SETTINGS_KEY = "hub_settings"


@dataclass(frozen=True)
class SaveResult:
    record_id: str
    created: bool
    changed: tuple[str, ...]


class Store:
    """The local cache of one signed-in user's records, shared by the UI and the sync engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._listeners: list[ChangeListener] = []
        self._lock = threading.Lock()

    # -- notifications -------------------------------------------------------------------

    def add_listener(self, listener: ChangeListener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: ChangeListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def notify(self, kind: str, ids: Sequence[str]) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(kind, ids)
            except Exception:  # a broken view must not undo a committed save
                log.exception("records_changed listener failed")

    # -- writes --------------------------------------------------------------------------

    def save(
        self,
        kind: str,
        fields: Mapping[str, Any],
        record_id: str | None = None,
        *,
        local_fields: Mapping[str, Any] | None = None,
    ) -> SaveResult:
        """Create or update a record and queue its change for the hub, in one transaction.

        `fields` are checked like the hub checks them; for an update only the fields given
        change. `local_fields` are server-set values (owner, author) kept locally for display
        and never sent: the hub sets them from the token.
        """
        ks = spec(kind)
        with self.engine.begin() as conn:
            result = self.save_in(conn, ks, fields, record_id, local_fields=local_fields)
        if result.changed or result.created:
            self.notify(kind, [result.record_id])
        return result

    def save_in(
        self,
        conn: Connection,
        ks: KindSpec,
        fields: Mapping[str, Any],
        record_id: str | None = None,
        *,
        local_fields: Mapping[str, Any] | None = None,
    ) -> SaveResult:
        """`save` inside a caller's transaction (batch imports write many in one)."""
        table = record_tables[ks.name]
        clean = clean_fields(ks, fields, partial=True)
        row = None
        if record_id is not None:
            row = conn.execute(_by_id(table), {"record_id": record_id}).mappings().first()
        now = utc_now_iso()
        server = clean_fields(ks, local_fields or {}, partial=True, allow_server_set=True)
        if row is None or row["deleted"]:
            errors = check_complete(ks, clean)
            if errors:
                raise ValidationFailed(errors)
            record_id = record_id or new_id()
            # What the hub will derive from this write, kept here until it answers.
            derived = derived_fields(ks.name, None, clean, self._user_id(conn, server), now) \
                if derives(ks.name, clean) else {}
            values = {**clean, **server, **derived, "local_updated_at": now}
            if row is None:
                conn.execute(_insert(table), {"id": record_id, "rev": 0, "deleted": False, **values})
            else:
                conn.execute(
                    update(table).where(table.c.id == record_id).values(deleted=False, **values)
                )
            changed = {k: v for k, v in clean.items() if v is not None}
            # A record that did not exist has no queued entry to fold into.
            self._enqueue(conn, ks.name, record_id, "upsert", 0 if row is None else row["rev"],
                          changed, now, fold=row is not None)
            return SaveResult(record_id, True, tuple(changed))
        assert record_id is not None
        state = {k: row[k] for k in ks.field_names}
        changed = {k: v for k, v in clean.items() if state.get(k) != v}
        merged = {**state, **changed}
        # Only the rules an update touches: a record stored before a rule existed stays editable.
        errors = check_complete(ks, merged, changed=changed)
        if errors:
            raise ValidationFailed(errors)
        if not changed and not server:
            return SaveResult(record_id, False, ())
        derived = derived_fields(ks.name, state, changed, self._user_id(conn, server), now) \
            if derives(ks.name, changed) else {}
        conn.execute(
            update(table)
            .where(table.c.id == record_id)
            .values(**changed, **server, **derived, local_updated_at=now)
        )
        if changed:
            self._enqueue(conn, ks.name, record_id, "upsert", row["rev"], changed, now)
        return SaveResult(record_id, False, tuple(changed))

    def _user_id(self, conn: Connection, server: Mapping[str, Any]) -> str | None:
        """Who makes a write: the signed-in user (the hub sets the same from the token)."""
        for name in ("captured_by", "author_id"):
            if server.get(name):
                return str(server[name])
        user = conn.execute(
            select(sync_state.c.value).where(sync_state.c.key == "user")).scalar()
        return user.get("id") if isinstance(user, dict) else None

    def delete(self, kind: str, record_id: str) -> bool:
        """Tombstone a record locally and queue the delete; False when it does not exist."""
        table = record_tables[spec(kind).name]
        with self.engine.begin() as conn:
            row = conn.execute(
                select(table.c.rev, table.c.deleted).where(table.c.id == record_id)
            ).first()
            if row is None or row.deleted:
                return False
            now = utc_now_iso()
            conn.execute(
                update(table).where(table.c.id == record_id).values(deleted=True, local_updated_at=now)
            )
            self._enqueue(conn, kind, record_id, "delete", row.rev, {}, now)
        self.notify(kind, [record_id])
        return True

    def _enqueue(
        self,
        conn: Connection,
        kind: str,
        record_id: str,
        op: str,
        base_version: int,
        fields: Mapping[str, Any],
        made_at: str,
        *,
        fold: bool = True,
    ) -> None:
        # Edits to a record whose earlier entry has not been sent yet fold into that entry:
        # one mutation per record per push, and no conflict of a device with itself.
        open_entry = None if not fold else conn.execute(
            select(outbox.c.seq, outbox.c.fields, outbox.c.op)
            .where(
                and_(
                    outbox.c.kind == kind,
                    outbox.c.record_id == record_id,
                    outbox.c.state == "pending",
                    outbox.c.sent.is_(False),
                )
            )
            .order_by(outbox.c.seq.desc())
            .limit(1)
        ).first()
        if open_entry is not None and open_entry.op == op == "upsert":
            conn.execute(
                update(outbox)
                .where(outbox.c.seq == open_entry.seq)
                .values(fields={**open_entry.fields, **fields}, made_at=made_at)
            )
            return
        conn.execute(_insert(outbox), {
            "mutation_id": new_id(), "kind": kind, "record_id": record_id, "op": op,
            "base_version": base_version, "fields": dict(fields), "made_at": made_at,
        })

    # -- reads ---------------------------------------------------------------------------

    def get(self, kind: str, record_id: str, *, include_deleted: bool = False) -> dict[str, Any] | None:
        table = record_tables[spec(kind).name]
        with reading(self.engine) as conn:
            row = conn.execute(select(table).where(table.c.id == record_id)).mappings().first()
        if row is None or (row["deleted"] and not include_deleted):
            return None
        return dict(row)

    def get_many(self, kind: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        table = record_tables[spec(kind).name]
        wanted = list(ids)
        out: dict[str, dict[str, Any]] = {}
        with reading(self.engine) as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                    out[row["id"]] = dict(row)
        return out

    def all(self, kind: str, *, where: Any = None, order_by: Any = None, limit: int | None = None) -> list[dict[str, Any]]:
        table = record_tables[spec(kind).name]
        query = select(table).where(table.c.deleted.is_(False))
        if where is not None:
            query = query.where(where)
        if order_by is not None:
            query = query.order_by(order_by)
        if limit is not None:
            query = query.limit(limit)
        with reading(self.engine) as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def count(self, kind: str) -> int:
        table = record_tables[spec(kind).name]
        with reading(self.engine) as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(table).where(table.c.deleted.is_(False))
                ).scalar_one()
            )

    # -- outbox and sync state -----------------------------------------------------------

    def outbox_counts(self) -> dict[str, int]:
        """How many changes wait to be sent and how many need the user's attention."""
        with reading(self.engine) as conn:
            rows = conn.execute(
                select(outbox.c.state, func.count()).group_by(outbox.c.state)
            ).all()
        counts = {"pending": 0, "attention": 0}
        for state, n in rows:
            counts[state] = int(n)
        return counts

    def outbox_entries(self, state: str = "pending", limit: int = 500) -> list[dict[str, Any]]:
        with reading(self.engine) as conn:
            return [
                dict(r)
                for r in conn.execute(
                    select(outbox).where(outbox.c.state == state).order_by(outbox.c.seq).limit(limit)
                ).mappings()
            ]

    def currency(self) -> str:
        """The ISO 4217 code the team's amounts are in: the hub setting the last pull brought
        (`fieldnote.money`), or the default before any."""
        return currency_of(self.get_state(HUB_SETTINGS_KEY))

    def get_state(self, key: str, default: Any = None) -> Any:
        with reading(self.engine) as conn:
            value = conn.execute(select(sync_state.c.value).where(sync_state.c.key == key)).scalar()
        return default if value is None else value

    def set_state(self, key: str, value: Any, conn: Connection | None = None) -> None:
        if conn is None:
            with self.engine.begin() as own:
                self.set_state(key, value, own)
            return
        stmt = sqlite_insert(sync_state).values(key=key, value=value)
        conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))
