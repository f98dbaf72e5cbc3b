"""Collateral mailed to visitors: the SMTP relay's settings, the mail outbox, the personal
links (`/s/TOKEN`) and what opening one records.

A push that makes a `collateral_send` writes its outbox row in the push's own transaction
(`enqueue`); the mail worker (`hub.mail_sender`) claims due rows (`FOR UPDATE SKIP LOCKED` on
PostgreSQL), prepares the mail here (consent: `fieldnote.leads.may_contact` through
`fieldnote.sending`), sends it and records the result on the send record, which devices pull.
A link's token is mailed and never stored: the hub keeps its sha256 alone. Nothing here talks
SMTP or HTTP.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from fieldnote import sending
from fieldnote import webhooks as timing
from fieldnote.ids import is_uuid, new_id
from fieldnote.sending import MailedItem, RelayConfig
from hub import authz
from hub.authz import Actor
from hub.db.engine import write_lock, writer
from hub.db.tables import mail_outbox, meta, share_links
from hub.outbox import Wakeups
from hub.records import RecordState, RecordStore
from hub.shared_settings import read_hub
from hub.webhooks import Change

log = logging.getLogger(__name__)

PENDING, SENT, FAILED, DONE = "pending", "sent", "failed", "done"
# The first retry of a mail comes this long after a failed attempt, each further one twice as
# long after the one before, for a day in all; then the send is failed.
RETRY_FIRST_S = 30.0
RETRY_FOR_S = 24 * 3600.0
_RELAY_KEY = "mail:relay"
_PASSWORD_KEY = "mail:password"
TOKEN_BYTES = 32


class NotFound(LookupError):
    pass


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return dt.datetime.fromtimestamp(ts, dt.UTC).isoformat(timespec="seconds").replace(
        "+00:00", "Z")


# -- the relay (`fieldnote-hub mail set|show`) ------------------------------------------------

def _put(conn: Connection, key: str, value: str | None) -> None:
    conn.execute(delete(meta).where(meta.c.key == key))
    if value is not None:
        conn.execute(insert(meta).values(key=key, value=value))


def set_relay(engine: Engine, config: RelayConfig, password: str | None) -> None:
    """Store the relay; the password is kept apart and never shown again. Without a user no
    password is kept."""
    with write_lock(engine), writer(engine).begin() as conn:
        _put(conn, _RELAY_KEY, json.dumps(config.as_dict()))
        _put(conn, _PASSWORD_KEY, password if config.user else None)


def relay(engine: Engine) -> tuple[RelayConfig | None, str | None]:
    with engine.connect() as conn:
        rows = dict(conn.execute(select(meta.c.key, meta.c.value).where(
            meta.c.key.in_([_RELAY_KEY, _PASSWORD_KEY]))).all())
    if _RELAY_KEY not in rows:
        return None, None
    data = json.loads(rows[_RELAY_KEY])
    config = RelayConfig(str(data["host"]), int(data["port"]), bool(data["starttls"]),
                         data.get("user"), str(data["from"]))
    return config, rows.get(_PASSWORD_KEY)


def show_relay(engine: Engine) -> dict[str, Any] | None:
    """The relay as `mail show` prints it: whether a password is stored, never the password."""
    config, password = relay(engine)
    if config is None:
        return None
    return {**config.as_dict(), "password": "stored" if password else None}


# -- the push's side --------------------------------------------------------------------------

def enqueue(conn: Connection, changes: list[Change], base_url: str) -> int:
    """Write an outbox row for every new collateral send among `changes`, in the caller's
    transaction; returns how many."""
    now = time.time()
    rows = [{"send_id": c.id, "base_url": base_url, "created_at": now, "state": PENDING,
             "attempts": 0, "next_at": now}
            for c in changes if c.kind == "collateral_send" and c.before is None
            and not c.deleted]
    if rows:
        conn.execute(insert(mail_outbox), rows)
    return len(rows)


# Waking this process's workers when rows were committed (`hub.outbox`).
WAKEUPS = Wakeups()


# -- the worker's side ------------------------------------------------------------------------

@dataclass(frozen=True)
class Claimed:
    id: int
    claim: str
    send_id: str
    base_url: str
    attempts: int
    created_at: float


@dataclass(frozen=True)
class Mail:
    """A mail ready to go: its links exist (not yet marked mailed)."""

    to: str
    subject: str
    text: str
    relay: RelayConfig
    password: str | None
    link_ids: tuple[str, ...]


def next_due(engine: Engine) -> float | None:
    with engine.connect() as conn:
        value = conn.execute(select(func.min(mail_outbox.c.next_at))
                             .where(mail_outbox.c.state == PENDING)).scalar()
    return None if value is None else float(value)


def claim(engine: Engine, limit: int, lease_s: float, now: float | None = None
          ) -> list[Claimed]:
    """Take up to `limit` due mails for this worker; they are due again after `lease_s`
    should the worker die sending them."""
    now = time.time() if now is None else now
    token = new_id()
    due = (select(mail_outbox.c.id)
           .where(mail_outbox.c.state == PENDING, mail_outbox.c.next_at <= now)
           .order_by(mail_outbox.c.next_at).limit(limit))
    if engine.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    with write_lock(engine), writer(engine).begin() as conn:
        ids = [r[0] for r in conn.execute(
            update(mail_outbox).where(mail_outbox.c.id.in_(due.scalar_subquery()))
            .values(claim=token, next_at=now + lease_s).returning(mail_outbox.c.id))]
        if not ids:
            return []
        rows = conn.execute(select(mail_outbox).where(mail_outbox.c.id.in_(ids))
                            .order_by(mail_outbox.c.next_at)).all()
    return [Claimed(r.id, token, r.send_id, r.base_url, r.attempts, r.created_at) for r in rows]


def _begin(engine: Engine) -> Any:
    return writer(engine).begin()


def _store(conn: Connection) -> RecordStore:
    store = RecordStore(conn)
    if conn.dialect.name == "sqlite":
        store.take_counter_lock()
    return store


def _set_send(store: RecordStore, send: RecordState, **fields: Any) -> None:
    state = store.working_copy(send)
    state.fields.update(fields)
    store.stage(state)


def _close(conn: Connection, item: Claimed, state: str, error: str | None,
           now: float) -> bool:
    return bool(conn.execute(update(mail_outbox).where(
        mail_outbox.c.id == item.id, mail_outbox.c.claim == item.claim,
        mail_outbox.c.state == PENDING,
    ).values(state=state, attempts=item.attempts + 1, last_attempt_at=now,
             last_error=error[:500] if error else None, claim=None,
             sent_at=now if state == SENT else None)).rowcount)


def prepare(engine: Engine, item: Claimed, now: float | None = None) -> Mail | None:
    """The mail of a claimed send, with fresh links; None when the send ends here without a
    mail (no consent, no address, an item that may no longer go: its state says why) or the
    relay is not set up yet (it is tried again later)."""
    now = time.time() if now is None else now
    config, password = relay(engine)
    with write_lock(engine), _begin(engine) as conn:
        store = _store(conn)
        send = store.get("collateral_send", item.send_id)
        if send is None or send.deleted:
            _close(conn, item, DONE, "the send is gone", now)
            return None
        lead = store.get("lead", str(send.fields.get("lead_id") or ""))
        refusal = sending.lead_refusal(lead.fields if lead and not lead.deleted else {})
        today = dt.datetime.fromtimestamp(now, dt.UTC).date()
        items = [store.get("collateral", str(i)) for i in send.fields.get("collateral_ids") or []]
        if refusal is None and any(
                sending.item_refusal({**i.fields, "deleted": i.deleted} if i else None, today)
                for i in items):
            refusal = ("failed", sending.NOT_APPROVED)
        if refusal is not None:
            if _close(conn, item, DONE, refusal[1], now):
                _set_send(store, send, state=refusal[0], state_reason=refusal[1])
                store.flush()
            return None
        if config is None:
            _retry_later(conn, store, send, item, "The hub's mail relay is not set up "
                         "(fieldnote-hub mail set)", now)
            store.flush()
            return None
        settings = read_hub(conn)
        days = int(settings["share_link_days"])
        base_url = settings["public_url"] or item.base_url
        expires = now + days * 86400.0
        # Links of an earlier attempt that never went out serve nothing.
        conn.execute(delete(share_links).where(share_links.c.send_id == send.id,
                                               share_links.c.mailed.is_(False)))
        mailed: list[MailedItem] = []
        link_ids: list[str] = []
        assert lead is not None
        for collateral in items:
            assert collateral is not None
            token = secrets.token_urlsafe(TOKEN_BYTES)
            link_id = new_id()
            conn.execute(insert(share_links).values(
                id=link_id, token_hash=token_hash(token), send_id=send.id,
                collateral_id=collateral.id, lead_id=lead.id, created_at=now,
                expires_at=expires, mailed=False, revoked_at=None, first_opened_at=None,
                opens=0))
            link_ids.append(link_id)
            mailed.append(MailedItem(str(collateral.fields.get("title") or ""),
                                     str(collateral.fields.get("file_name") or ""),
                                     sending.link_url(base_url, token)))
        author = store.get("user", str(send.fields.get("author_id") or ""))
        sender_name = str(author.fields.get("name") or "") if author else ""
        visitor = " ".join(str(lead.fields.get(k) or "").strip()
                           for k in ("first_name", "last_name")).strip()
        expires_on = dt.datetime.fromtimestamp(expires, dt.UTC).date()
        text = sending.mail_text(visitor, sender_name, str(send.fields.get("message") or ""),
                                 mailed, expires_on)
        return Mail(to=str(lead.fields.get("email")).strip(),
                    subject=sending.mail_subject(sender_name, mailed), text=text,
                    relay=config, password=password, link_ids=tuple(link_ids))


def _retry_later(conn: Connection, store: RecordStore, send: RecordState, item: Claimed,
                 error: str, now: float) -> bool:
    """Schedule the next attempt, or fail the send when its retry time is over."""
    failures = item.attempts + 1
    delay = timing.next_delay(item.created_at, now, failures, RETRY_FIRST_S, RETRY_FOR_S)
    done = conn.execute(update(mail_outbox).where(
        mail_outbox.c.id == item.id, mail_outbox.c.claim == item.claim,
        mail_outbox.c.state == PENDING,
    ).values(state=FAILED if delay is None else PENDING, attempts=failures,
             last_attempt_at=now, last_error=error[:500], next_at=now + (delay or 0.0),
             claim=None)).rowcount
    if not done:
        return False
    if delay is None:
        _set_send(store, send, state="failed", state_reason=f"Not sent: {error}"[:2000])
    elif send.fields.get("state_reason") != f"Trying again: {error}"[:2000]:
        _set_send(store, send, state="queued", state_reason=f"Trying again: {error}"[:2000])
    return True


def record_sent(engine: Engine, item: Claimed, mail: Mail, now: float | None = None) -> None:
    now = time.time() if now is None else now
    with write_lock(engine), _begin(engine) as conn:
        store = _store(conn)
        if not _close(conn, item, SENT, None, now):
            return
        conn.execute(update(share_links).where(share_links.c.id.in_(mail.link_ids))
                     .values(mailed=True))
        send = store.get("collateral_send", item.send_id)
        if send is not None:
            _set_send(store, send, state="sent", state_reason=None, mailed_at=_iso(now),
                      links=_links_of(conn, send.id))
            store.flush()


def record_failure(engine: Engine, item: Claimed, error: str, permanent: bool,
                   now: float | None = None) -> None:
    """A failed attempt: tried again later, or (a permanent refusal, or the retry time is
    over) the send fails with the reason."""
    now = time.time() if now is None else now
    with write_lock(engine), _begin(engine) as conn:
        store = _store(conn)
        conn.execute(delete(share_links).where(share_links.c.send_id == item.send_id,
                                               share_links.c.mailed.is_(False)))
        send = store.get("collateral_send", item.send_id)
        if permanent:
            if _close(conn, item, FAILED, error, now) and send is not None:
                _set_send(store, send, state="failed", state_reason=f"Not sent: {error}"[:2000])
        elif send is not None:
            _retry_later(conn, store, send, item, error, now)
        store.flush()


def _links_of(conn: Connection, send_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(select(share_links).where(share_links.c.send_id == send_id,
                                                  share_links.c.mailed.is_(True))
                        .order_by(share_links.c.created_at, share_links.c.id)).all()
    return [{"collateral_id": r.collateral_id, "link_id": r.id,
             "expires_at": _iso(r.expires_at), "revoked_at": _iso(r.revoked_at),
             "first_opened_at": _iso(r.first_opened_at), "opens": int(r.opens)} for r in rows]


# -- opening a link (`GET /s/TOKEN`) ----------------------------------------------------------

@dataclass(frozen=True)
class Opened:
    file_sha256: str
    file_name: str
    mime_type: str


class LinkGone(LookupError):
    """Expired, revoked, or its item may no longer be handed out (410)."""


def open_link(engine: Engine, token: str, now: float | None = None) -> Opened:
    """The file a link serves, recording the open (collateral usage `recipient_opened` by the
    sender, for the lead and item); NotFound (unknown token) or LinkGone otherwise."""
    now = time.time() if now is None else now
    digest = token_hash(token)
    with write_lock(engine), _begin(engine) as conn:
        store = _store(conn)
        row = conn.execute(select(share_links).where(share_links.c.token_hash == digest,
                                                     share_links.c.mailed.is_(True))).first()
        if row is None:
            raise NotFound(token)
        if row.revoked_at is not None or row.expires_at <= now:
            raise LinkGone(token)
        item = store.get("collateral", row.collateral_id)
        today = dt.datetime.fromtimestamp(now, dt.UTC).date()
        if item is None or sending.item_refusal({**item.fields, "deleted": item.deleted},
                                                today):
            raise LinkGone(token)
        send = store.get("collateral_send", row.send_id)
        conn.execute(update(share_links).where(share_links.c.id == row.id).values(
            opens=share_links.c.opens + 1,
            first_opened_at=func.coalesce(share_links.c.first_opened_at, now)))
        at = _iso(now)
        if send is not None:
            usage = RecordState(kind="collateral_usage", id=new_id(), fields={
                "collateral_id": row.collateral_id, "action": "recipient_opened",
                "lead_id": row.lead_id, "debrief_id": None, "at": at,
                "author_id": send.fields.get("author_id")})
            version = store.stage(usage)
            usage.field_versions["*"] = [version, "hub", None]
            _set_send(store, send, opened_at=send.fields.get("opened_at") or at,
                      links=_links_of(conn, send.id))
        store.flush()
    return Opened(str(item.fields.get("file_sha256")), str(item.fields.get("file_name") or ""),
                  str(item.fields.get("mime_type") or "application/octet-stream"))


# -- revoking ---------------------------------------------------------------------------------

def revoke(engine: Engine, actor: Actor | None, send_id: str,
           collateral_id: str | None = None, now: float | None = None) -> dict[str, Any]:
    """Revoke a send's links (or one item's); the send as the actor then sees it. NotFound
    for a send that is not there or that the actor may not see; Forbidden for one they see
    but may not revoke. No actor: the hub's operator (`fieldnote-hub mail revoke`)."""
    now = time.time() if now is None else now
    if not is_uuid(send_id) or (collateral_id is not None and not is_uuid(collateral_id)):
        raise NotFound(send_id)
    send_id = send_id.lower()
    with write_lock(engine), _begin(engine) as conn:
        store = _store(conn)
        send = store.get("collateral_send", send_id)
        if send is None or send.deleted or (actor is not None and not authz.sees_record(
                actor, "collateral_send", send.fields, store)):
            raise NotFound(send_id)
        if actor is not None:
            authz.require_on(actor, "collateral_send", "revoke", send.fields, store)
        where = [share_links.c.send_id == send_id, share_links.c.revoked_at.is_(None)]
        if collateral_id is not None:
            where.append(share_links.c.collateral_id == collateral_id.lower())
        revoked = conn.execute(update(share_links).where(*where).values(revoked_at=now)
                               ).rowcount
        if revoked:
            _set_send(store, send, links=_links_of(conn, send_id))
            store.flush()
        current = store.get("collateral_send", send_id)
        assert current is not None
        return {"id": send_id, "revoked": int(revoked or 0), **current.public_fields()}


def outbox_rows(engine: Engine) -> list[Mapping[str, Any]]:
    """Every mail of the outbox, newest first (for `fieldnote-hub mail queue`)."""
    with engine.connect() as conn:
        rows = conn.execute(select(mail_outbox).order_by(mail_outbox.c.created_at.desc(),
                                                         mail_outbox.c.id.desc())).all()
    return [{"send_id": r.send_id, "state": r.state, "attempts": r.attempts,
             "created_at": _iso(r.created_at), "sent_at": _iso(r.sent_at),
             "last_error": r.last_error} for r in rows]
