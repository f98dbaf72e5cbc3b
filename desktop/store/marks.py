"""Local marks: what this device keeps about a record and never syncs (capture drafts, unsaved
debrief forms, read replies, pins). One place writes, drops and lists them, inside the caller's
transaction so a mark can change together with the record it belongs to.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from desktop.store.schema import local_marks


def put_mark(conn: Connection, kind: str, record_id: str, mark: str, value: Any) -> None:
    """Set `mark` on a record, replacing the value it held."""
    stmt = sqlite_insert(local_marks).values(kind=kind, record_id=record_id, mark=mark, value=value)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=["kind", "record_id", "mark"], set_={"value": value}))


def drop_mark(conn: Connection, kind: str, record_id: str, mark: str) -> None:
    conn.execute(delete(local_marks).where(
        local_marks.c.kind == kind, local_marks.c.record_id == record_id,
        local_marks.c.mark == mark))


def marked(conn: Connection, kind: str, mark: str) -> list[tuple[str, dict[str, Any]]]:
    """Every record of `kind` holding `mark`, with its value as a dict, in record id order
    (drafts' ids are time-ordered, so oldest first)."""
    rows = conn.execute(
        select(local_marks.c.record_id, local_marks.c.value)
        .where(local_marks.c.kind == kind, local_marks.c.mark == mark)
        .order_by(local_marks.c.record_id)
    ).all()
    return [(r.record_id, dict(r.value or {})) for r in rows]
