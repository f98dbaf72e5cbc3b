"""Webhooks: the hub's list of them, and the outbox of their deliveries.

A push that raises events (`fieldnote.webhooks.events_of`) writes one outbox row per event and
subscribed webhook in its own transaction, so a delivery exists exactly when its change does
and survives a restart; the delivery worker (`hub.webhook_sender`) sends them. Claiming rows is
safe with several worker processes: PostgreSQL skips rows another worker has locked
(`FOR UPDATE SKIP LOCKED`), SQLite has one writer at a time; a claim moves the row's due time
past its attempt, so a worker that dies mid-send leaves it to be sent again (at least once,
always with the same event id).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from fieldnote import webhooks as rules
from fieldnote.ids import new_id
from hub.db.engine import write_lock, writer
from hub.db.tables import deliveries, webhooks
from hub.outbox import Wakeups
from hub.shared_settings import read_hub

log = logging.getLogger(__name__)

PENDING, DELIVERED, FAILED = "pending", "delivered", "failed"
SECRET_PREFIX = "whsec_"


class WebhookNotFound(LookupError):
    pass


# -- what a push hands over ------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """One record written by a transaction: its fields before (None when new) and after."""

    kind: str
    id: str
    version: int
    before: Mapping[str, Any] | None
    after: Mapping[str, Any]
    deleted: bool


Lookup = Callable[[str, str], Mapping[str, Any] | None]


def _iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="seconds").replace(
        "+00:00", "Z")


def _data(event: str, change: Change, lookup: Lookup) -> dict[str, Any]:
    """The `data` of an event's payload."""
    if change.kind == "lead":
        data: dict[str, Any] = {"lead": rules.lead_data(change.id, change.version, change.after)}
        owner = lookup("user", str(change.after.get("owner_id") or ""))
        if owner is not None:
            data["owner"] = {"id": change.after.get("owner_id"), "name": owner.get("name"),
                             "email": owner.get("email")}
        return data
    if change.kind == "lead_outcome":
        lead_id = str(change.after.get("lead_id") or "")
        lead = lookup("lead", lead_id)
        return {"outcome": {"id": change.id, "version": change.version, **change.after},
                "lead": rules.lead_data(lead_id, None, lead) if lead is not None else None}
    if change.kind == "debrief":
        lead = lookup("lead", str(change.after.get("lead_id") or ""))
        return {"debrief": rules.debrief_data(change.id, change.version, change.after, lead)}
    return {"request": {"id": change.id, "version": change.version, **change.after}}


def enqueue(conn: Connection, changes: list[Change], lookup: Lookup, now_iso: str) -> int:
    """Write the outbox rows of the events `changes` raise, for every active webhook that
    subscribes to them, in the caller's transaction; returns how many."""
    raised = [(event, change) for change in changes
              for event in rules.events_of(change.kind, change.before, change.after,
                                           change.deleted)]
    if not raised:
        return 0
    hooks = conn.execute(select(webhooks.c.id, webhooks.c.events)
                         .where(webhooks.c.active.is_(True))).all()
    if not hooks:
        return 0
    now = time.time()
    subscribers = {event: [h.id for h in hooks if event in (h.events or [])]
                   for event in rules.EVENTS}
    rows: list[tuple[Any, ...]] = []
    for event, change in raised:
        wanted = subscribers[event]
        if not wanted:
            continue
        event_id = new_id()
        body = _json({"id": event_id, "type": event, "created_at": now_iso,
                      "data": _data(event, change, lookup)})
        rows.extend((hook_id, event_id, event, body, now, PENDING, 0, now) for hook_id in wanted)
    if rows:
        # Straight to the driver's executemany: a push of 500 leads makes 500 rows or more,
        # and Core's per-row parameter handling would cost about as much as the leads' own.
        mark = "?" if conn.dialect.name == "sqlite" else "%s"
        conn.exec_driver_sql(
            f"INSERT INTO {deliveries.name} ({', '.join(_OUTBOX_COLUMNS)}) "
            f"VALUES ({', '.join(mark for _ in _OUTBOX_COLUMNS)})", rows)
    return len(rows)


_OUTBOX_COLUMNS = ("webhook_id", "event_id", "event_type", "body", "created_at", "state",
                   "attempts", "next_at")


def _json(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # integers past 64 bits
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


# -- waking the worker -----------------------------------------------------------------------

# Waking this process's workers when rows were committed (`hub.outbox`).
WAKEUPS = Wakeups()


# -- the worker's side -----------------------------------------------------------------------

@dataclass(frozen=True)
class Claimed:
    id: int
    claim: str
    webhook_id: str
    url: str
    secret: str
    event_id: str
    event_type: str
    body: str
    attempts: int
    created_at: float


@dataclass(frozen=True)
class RetrySettings:
    first_s: float
    retry_for_s: float
    private_allowed: bool


def retry_settings(engine: Engine) -> RetrySettings:
    with engine.connect() as conn:
        values = read_hub(conn)
    return RetrySettings(first_s=rules.parse_duration(values["webhook_retry_first"]),
                         retry_for_s=rules.parse_duration(values["webhook_retry_for"]),
                         private_allowed=rules.allow_private(values["webhook_allow_private"]))


def next_due(engine: Engine) -> float | None:
    """When the earliest pending delivery is due (unix seconds), or None."""
    with engine.connect() as conn:
        value = conn.execute(select(func.min(deliveries.c.next_at))
                             .where(deliveries.c.state == PENDING)).scalar()
    return None if value is None else float(value)


def claim(engine: Engine, limit: int, lease_s: float, now: float | None = None
          ) -> list[Claimed]:
    """Take up to `limit` due deliveries for this worker: they are due again only after
    `lease_s` (when this worker died sending them)."""
    now = time.time() if now is None else now
    token = new_id()
    due = (select(deliveries.c.id)
           .where(deliveries.c.state == PENDING, deliveries.c.next_at <= now)
           .order_by(deliveries.c.next_at).limit(limit))
    if engine.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    with write_lock(engine), writer(engine).begin() as conn:
        ids = [r[0] for r in conn.execute(
            update(deliveries).where(deliveries.c.id.in_(due.scalar_subquery()))
            .values(claim=token, next_at=now + lease_s).returning(deliveries.c.id))]
        if not ids:
            return []
        rows = conn.execute(
            select(deliveries, webhooks.c.url, webhooks.c.secret)
            .join(webhooks, webhooks.c.id == deliveries.c.webhook_id)
            .where(deliveries.c.id.in_(ids)).order_by(deliveries.c.next_at)).all()
    return [Claimed(id=r.id, claim=token, webhook_id=r.webhook_id, url=r.url, secret=r.secret,
                    event_id=r.event_id, event_type=r.event_type, body=r.body,
                    attempts=r.attempts, created_at=r.created_at) for r in rows]


def record_success(engine: Engine, item: Claimed, status: int, now: float | None = None
                   ) -> None:
    now = time.time() if now is None else now
    with write_lock(engine), writer(engine).begin() as conn:
        conn.execute(update(deliveries).where(
            deliveries.c.id == item.id, deliveries.c.claim == item.claim,
            deliveries.c.state == PENDING,
        ).values(state=DELIVERED, attempts=item.attempts + 1, last_attempt_at=now,
                 last_status=status, last_error=None, delivered_at=now, claim=None))


def record_failure(engine: Engine, item: Claimed, status: int | None, error: str,
                   retry: RetrySettings, now: float | None = None) -> bool:
    """Schedule the next attempt of a failed delivery, or give it up and disable its webhook
    when the retry time is over (returned True)."""
    now = time.time() if now is None else now
    failures = item.attempts + 1
    delay = rules.next_delay(item.created_at, now, failures, retry.first_s, retry.retry_for_s)
    over = delay is None
    with write_lock(engine), writer(engine).begin() as conn:
        done = conn.execute(update(deliveries).where(
            deliveries.c.id == item.id, deliveries.c.claim == item.claim,
            deliveries.c.state == PENDING,
        ).values(state=FAILED if over else PENDING, attempts=failures, last_attempt_at=now,
                 last_status=status, last_error=error[:500], next_at=now + (delay or 0.0),
                 claim=None)).rowcount
        if not (over and done):
            return False
        reason = (f"deliveries failed for {_duration(retry.retry_for_s)} (event {item.event_id}, "
                  f"{failures} attempts); last error: {error[:300]}")
        conn.execute(update(webhooks).where(webhooks.c.id == item.webhook_id)
                     .values(active=False, disabled_at=_iso(now), disabled_reason=reason))
        conn.execute(update(deliveries).where(
            deliveries.c.webhook_id == item.webhook_id, deliveries.c.state == PENDING,
        ).values(state=FAILED, last_error="not sent: the webhook was disabled", claim=None))
    log.warning("webhook %s disabled: %s", item.webhook_id, reason)
    return True


# Delivered and given-up deliveries are kept this long for `webhook deliveries`, then deleted
# (their bodies may hold a consenting lead's contact fields).
KEEP_S = 30 * 86400.0


def prune(engine: Engine, now: float | None = None, keep_s: float = KEEP_S) -> int:
    """Delete deliveries delivered or given up more than `keep_s` ago; how many."""
    now = time.time() if now is None else now
    cutoff = now - keep_s
    with write_lock(engine), writer(engine).begin() as conn:
        return int(conn.execute(delete(deliveries).where(
            ((deliveries.c.state == DELIVERED) & (deliveries.c.delivered_at < cutoff))
            | ((deliveries.c.state == FAILED)
               & (func.coalesce(deliveries.c.last_attempt_at, deliveries.c.created_at)
                  < cutoff)))).rowcount or 0)


def _duration(seconds: float) -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{seconds / 3600:g} h"
    return f"{seconds:g} s"


# -- administration (`fieldnote-hub webhook ...`) ------------------------------------------

@dataclass(frozen=True)
class Added:
    id: str
    secret: str
    generated: bool


def add_webhook(engine: Engine, url: str, events: str, secret: str | None = None) -> Added:
    """Check and store a webhook (WebhookError with the reason otherwise); without a secret
    one is made."""
    wanted = rules.parse_events(events)
    with engine.connect() as conn:
        private = rules.allow_private(read_hub(conn)["webhook_allow_private"])
    checked_url = rules.check_url(url, private)
    generated = secret is None
    secret = SECRET_PREFIX + secrets.token_urlsafe(32) if secret is None else \
        rules.check_secret(secret)
    hook_id = new_id()
    with write_lock(engine), writer(engine).begin() as conn:
        conn.execute(insert(webhooks).values(
            id=hook_id, url=checked_url, events=wanted, secret=secret, active=True,
            created_at=_iso(time.time()), disabled_at=None, disabled_reason=None))
    return Added(hook_id, secret, generated)


def _find(conn: Connection, key: str) -> str:
    """A webhook's id from its id or a unique beginning of it (at least 4 characters)."""
    key = key.strip().lower()
    if len(key) < 4 or key.strip("0123456789abcdef-"):
        raise WebhookNotFound(f"No webhook {key!r}; give its id (webhook list)")
    found = conn.execute(select(webhooks.c.id).where(webhooks.c.id.like(f"{key}%"))
                         .limit(2)).scalars().all()
    exact = [i for i in found if i == key]
    if exact:
        return str(exact[0])
    if len(found) != 1:
        raise WebhookNotFound(f"No webhook {key!r}" if not found else
                              f"{key!r} names more than one webhook; give more of its id")
    return str(found[0])


def remove_webhook(engine: Engine, key: str) -> str:
    """Remove a webhook and its deliveries, sent or not; returns its id."""
    with write_lock(engine), writer(engine).begin() as conn:
        hook_id = _find(conn, key)
        conn.execute(delete(deliveries).where(deliveries.c.webhook_id == hook_id))
        conn.execute(delete(webhooks).where(webhooks.c.id == hook_id))
    return hook_id


def list_webhooks(engine: Engine) -> list[dict[str, Any]]:
    counts: dict[tuple[str, str], int] = {}
    with engine.connect() as conn:
        hooks = conn.execute(select(webhooks).order_by(webhooks.c.created_at, webhooks.c.id)).all()
        for hook_id, state, n in conn.execute(
                select(deliveries.c.webhook_id, deliveries.c.state, func.count())
                .group_by(deliveries.c.webhook_id, deliveries.c.state)):
            counts[(hook_id, state)] = int(n)
    return [{"id": h.id, "url": h.url, "events": list(h.events or []),
             "active": bool(h.active), "created_at": h.created_at,
             "disabled_at": h.disabled_at, "disabled_reason": h.disabled_reason,
             "pending": counts.get((h.id, PENDING), 0),
             "delivered": counts.get((h.id, DELIVERED), 0),
             "failed": counts.get((h.id, FAILED), 0)} for h in hooks]


def list_deliveries(engine: Engine, failed: bool = False, limit: int = 100
                    ) -> list[dict[str, Any]]:
    """The newest deliveries first; `failed`: those given up or whose last attempt failed."""
    query = (select(deliveries, webhooks.c.url)
             .join(webhooks, webhooks.c.id == deliveries.c.webhook_id, isouter=True)
             .order_by(deliveries.c.created_at.desc(), deliveries.c.id.desc()).limit(limit))
    if failed:
        query = query.where((deliveries.c.state == FAILED) | (
            (deliveries.c.state == PENDING) & deliveries.c.last_error.is_not(None)))
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    return [{"id": r.event_id, "webhook_id": r.webhook_id, "url": r.url,
             "type": r.event_type, "state": r.state, "attempts": r.attempts,
             "created_at": _iso(r.created_at),
             "next_attempt_at": _iso(r.next_at) if r.state == PENDING else None,
             "last_attempt_at": _iso(r.last_attempt_at), "last_status": r.last_status,
             "last_error": r.last_error, "delivered_at": _iso(r.delivered_at)}
            for r in rows]
