"""The hub's audit log: who exported or erased whose data, changed consent wording or roles,
and every export of leads made on a device.

`record` appends one entry, in the caller's transaction when given a connection (an erasure
and its entry commit together) or in one of its own when given an engine. Nothing here
changes or deletes an entry. An entry holds the acting user and no other personal data:
callers pass counts, ids, formats and filter shapes (`fieldnote.audit.filter_summary`), never
a name, an email or a note of the person concerned.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import IntegrityError

from fieldnote import audit as rules
from fieldnote.validation import format_datetime, utc_now_iso
from hub.authz import Actor
from hub.db.tables import audit_log
from hub.webhooks import Change


@dataclass(frozen=True)
class Entry:
    id: int
    at: str
    action: str
    actor_id: str | None
    actor: str | None
    via: str
    ref: str | None
    details: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "action": self.action, "actor_id": self.actor_id,
                "actor": self.actor, "via": self.via, "ref": self.ref, "details": self.details}


def command_actor() -> str:
    """Who runs a `fieldnote-hub` command: the operating-system account."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no account name to be had (a container without passwd)
        name = "unknown"
    return f"{name} (command line)"


def record(
    target: Engine | Connection,
    action: str,
    *,
    actor: Actor | None = None,
    actor_label: str | None = None,
    via: str | None = None,
    details: Mapping[str, Any] | None = None,
    ref: str | None = None,
    at: str | None = None,
) -> int | None:
    """Append one entry; returns its id, or None when an entry with this `ref` is there
    already (a device's record sent twice).

    `actor` is the signed-in user who acted (via the hub); without one the entry names
    `actor_label`, else the operating-system account of a `fieldnote-hub` command.
    """
    if action not in rules.ACTIONS:
        raise ValueError(f"Unknown audit action {action!r}")
    if actor is not None:
        actor_id, label = actor.id, actor.email
        via = via or rules.VIA_HUB
    else:
        actor_id, label = None, actor_label or command_actor()
        via = via or rules.VIA_COMMAND
    values = {"at": at or utc_now_iso(), "action": action, "actor_id": actor_id,
              "actor": label[:200], "via": via, "ref": ref, "details": dict(details or {})}
    if isinstance(target, Engine):
        with target.begin() as conn:
            return _insert(conn, values)
    return _insert(target, values)


# What a consent wording's entry keeps of it: no text a visitor typed is in a wording, but the
# entry needs only which wording, which version and what kind of change.
_WORDING_FIELDS = ("name", "text", "is_default")


def record_pushed(conn: Connection, changes: Iterable[Change], actor: Actor) -> int:
    """Entries for what a push wrote that the log keeps, in the push's transaction: consent
    wordings added, changed or deleted, and each export of leads a device recorded (a new
    `lead_export`, at the time it was made, named by its record's id so that it is entered
    once); returns how many."""
    count = 0
    for change in changes:
        if change.kind == "lead_export" and change.before is None and not change.deleted:
            at = change.after.get("exported_at")
            added = record(conn, rules.LEADS_EXPORT, actor=actor, via=rules.VIA_DEVICE,
                           ref=change.id, at=str(at) if at else None,
                           details=rules.export_details(change.after))
            count += added is not None
        elif change.kind == "consent_wording":
            details = _wording_change(change)
            if details is not None:
                record(conn, rules.CONSENT_WORDING, actor=actor, details=details)
                count += 1
    return count


def _wording_change(change: Change) -> dict[str, Any] | None:
    before, after = change.before, change.after
    if change.deleted:
        what = "deleted"
    elif before is None:
        what = "added"
    else:
        changed = [f for f in _WORDING_FIELDS if before.get(f) != after.get(f)]
        if not changed:
            return None
        what = "changed: " + ", ".join(changed)
    return {"wording_id": change.id, "version": after.get("version"),
            "is_default": bool(after.get("is_default")), "change": what}


def _insert(conn: Connection, values: dict[str, Any]) -> int | None:
    ref = values["ref"]
    if ref is not None and conn.execute(
            select(audit_log.c.id).where(audit_log.c.ref == ref)).first() is not None:
        return None
    try:
        with conn.begin_nested():
            new_id = conn.execute(insert(audit_log).values(**values)).inserted_primary_key
    except IntegrityError:  # the same ref, written by a concurrent push
        return None
    return int(new_id[0]) if new_id else None


def entries(engine: Engine, *, since: str | None = None, limit: int | None = None
            ) -> list[Entry]:
    """Entries oldest first; `since` (an ISO date or time, UTC) keeps those at or after it."""
    query = select(audit_log).order_by(audit_log.c.id)
    if since:
        query = query.where(audit_log.c.at >= since)
    if limit is not None:
        query = query.order_by(None).order_by(audit_log.c.id.desc()).limit(limit)
    with engine.connect() as conn:
        rows = list(conn.execute(query))
    if limit is not None:
        rows.reverse()
    return [Entry(r.id, r.at, r.action, r.actor_id, r.actor, r.via, r.ref, dict(r.details or {}))
            for r in rows]


def parse_since(text: str) -> str:
    """A `--since` value (YYYY-MM-DD, or an ISO 8601 time) as the UTC text entries are
    compared with; ValueError with a message otherwise."""
    value = text.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD) or an ISO 8601 time") from None
    return format_datetime(moment)
