"""Accounts: users with argon2 password hashes, opaque bearer tokens stored as hashes, and
login throttling per account and per client address.

A user is the `user` record (the directory everyone reads) plus a password hash that never
leaves the hub. Tokens are never stored in clear; a disabled user is refused at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import secrets
import time
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, case, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from fieldnote import roles
from fieldnote.ids import new_id
from fieldnote.kinds import ROLES
from fieldnote.validation import ValidationFailed, clean_fields, format_datetime
from hub.authz import Actor
from hub.db.engine import write_lock, writer
from hub.db.tables import RECORD_TABLES, login_failures, tokens
from hub.records import RecordState, RecordStore
from hub.settings import Limits

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the account does not exist, so timing does not reveal accounts."""
    return _hasher.hash("fieldnote-no-such-account")


class AccountError(ValueError):
    """A user or password request that cannot be carried out; the message says why."""


class DuplicateUser(AccountError):
    """A user with this email exists already."""


class LoginRefused(Exception):
    """Wrong email or password, or a disabled account (the caller cannot tell which)."""


class LoginThrottled(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__("Too many failed sign-ins; try again later")
        self.retry_after = max(1, math.ceil(retry_after))


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: float
    actor: Actor


def set_password_cost(time_cost: int, memory_cost_kib: int, parallelism: int = 1) -> None:
    """Change the argon2 cost of new hashes (tests use a cheap one; existing hashes keep
    their own parameters and still verify)."""
    global _hasher
    _hasher = PasswordHasher(
        time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=parallelism
    )


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def actor_from_state(state: RecordState) -> Actor:
    f = state.fields
    return Actor(
        id=state.id,
        email=f.get("email") or "",
        name=f.get("name") or "",
        role=f.get("role") or roles.LEAST_ROLE,
        team=f.get("team") or None,
        active=bool(f.get("active", True)) and not state.deleted,
    )


def add_user(
    engine: Engine,
    *,
    email: str,
    name: str,
    role: str,
    team: str | None = None,
    password: str,
    user_id: str | None = None,
) -> Actor:
    """Create a user (a directory record in the change feed plus an account)."""
    if role not in ROLES:
        raise AccountError(f"Role must be one of: {', '.join(ROLES)}")
    if not password:
        raise AccountError("The password must not be empty")
    for label, value in (("email", email), ("name", name), ("team", team or ""),
                         ("password", password)):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise AccountError(f"The {label} is not valid text (check the terminal's encoding)"
                               ) from None
    try:
        fields = clean_fields(
            "user",
            {"name": name, "email": email, "role": role, "team": team or None, "active": True},
        )
    except ValidationFailed as exc:
        raise AccountError(exc.describe()) from None
    if not fields.get("email"):
        raise AccountError("email: is required")
    password_hash = hash_password(password)
    with writer(engine).begin() as conn:
        store = RecordStore(conn)
        store.take_counter_lock()
        if store.user_by_email(fields["email"]) is not None:
            raise DuplicateUser(f"A user with the email {fields['email']} already exists")
        state = RecordState(
            kind="user",
            id=user_id or new_id(),
            fields=fields,
            extra={"hub_password_hash": password_hash, "hub_email_key": fields["email"].lower()},
        )
        store.stage(state)
        store.flush()
        return actor_from_state(state)


class AccountRefused(AccountError):
    """A request about an existing account that would leave the hub without an administrator
    (disabling yourself, or the last active administrator)."""


def set_active(engine: Engine, email: str, active: bool, *, by: str | None = None) -> Actor:
    """Disable (or enable again) a user; a disabled user's tokens stop working at once.

    `by` is the id of the user asking (None from the server's command line). Nobody disables
    their own account, and the last active administrator stays active: checked under the
    change counter's lock, so two administrators disabling each other cannot both succeed."""
    with writer(engine).begin() as conn:
        store = RecordStore(conn)
        store.take_counter_lock()
        found = store.user_by_email(email)
        if found is None:
            raise AccountError(f"No user with the email {email}")
        state = store.working_copy(found)
        current = actor_from_state(state)
        if not active and current.active:
            if by is not None and by == current.id:
                raise AccountRefused(
                    "You cannot disable your own account; another administrator can")
            if roles.manages_users(current.role) and _other_active_admins(conn, current.id) == 0:
                raise AccountRefused(
                    f"{current.email} is the last active administrator; add or enable another "
                    "administrator first")
        state.fields["active"] = active
        store.stage(state)
        store.flush()
        if not active:
            conn.execute(update(tokens).where(tokens.c.user_id == state.id).values(revoked=True))
        return actor_from_state(state)


def set_role(engine: Engine, email: str, role: str, *, by: str | None = None
             ) -> tuple[Actor, str]:
    """Give a user another role; returns the user as now and the role they had.

    What the user may see changes with it: the cursor their device holds was made for the old
    reach (`hub.feed.reach_mark`), so their next pull starts a full resync. The last active
    administrator keeps the role, and nobody changes their own."""
    if role not in ROLES:
        raise AccountError(f"No role {role!r}; the roles are: {', '.join(ROLES)}")
    with writer(engine).begin() as conn:
        store = RecordStore(conn)
        store.take_counter_lock()
        found = store.user_by_email(email)
        if found is None:
            raise AccountError(f"No user with the email {email}")
        state = store.working_copy(found)
        current = actor_from_state(state)
        if by is not None and by == current.id:
            raise AccountRefused("You cannot change your own role; another administrator can")
        if (roles.manages_users(current.role) and not roles.manages_users(role)
                and current.active and _other_active_admins(conn, current.id) == 0):
            raise AccountRefused(
                f"{current.email} is the last active administrator; add or enable another "
                "administrator first")
        if current.role == role:
            return current, current.role
        state.fields["role"] = role
        store.stage(state)
        store.flush()
        return actor_from_state(state), current.role


def _other_active_admins(conn: Connection, user_id: str) -> int:
    table = RECORD_TABLES["user"]
    admin_roles = [r for r in ROLES if roles.manages_users(r)]
    return len(conn.execute(
        select(table.c.id).where(
            table.c.role.in_(admin_roles), table.c.active.is_(True),
            table.c.deleted.is_(False), table.c.id != user_id,
        )
    ).all())


def list_users(engine: Engine) -> list[Actor]:
    table = RECORD_TABLES["user"]
    with engine.connect() as conn:
        rows = conn.execute(
            select(table.c.id, table.c.email, table.c.name, table.c.role, table.c.team,
                   table.c.active, table.c.deleted).order_by(table.c.email)
        )
        return [
            Actor(r.id, r.email or "", r.name or "", r.role, r.team or None,
                  bool(r.active) and not r.deleted)
            for r in rows
        ]


@dataclass(frozen=True)
class Attempt:
    """A sign-in attempt the throttle has admitted (and counted); its password is not checked
    yet."""

    email_key: str
    keys: tuple[str, str]  # (address key, account key)
    at: float


def begin_login(
    engine: Engine, limits: Limits, *, email: str, address: str, now: float | None = None
) -> Attempt:
    """Count a sign-in attempt against its client address, then its account, before any
    password is checked; raise `LoginThrottled` when either is over its limit.

    Each count is one `INSERT ... ON CONFLICT DO UPDATE ... WHERE not locked ... RETURNING`
    in a writing transaction, so concurrent attempts (threads or worker processes sharing the
    database) are admitted one by one: a burst gets at most the limit of password checks.
    The attempt that reaches a limit sets the lock at once, while its password is still being
    checked; a successful sign-in takes its count back (`finish_login`). An address that is
    over its limit counts nothing against the account, so a stranger's burst locks the
    account only for the account's own short lock.
    """
    now = time.time() if now is None else now
    email_key = email.strip().lower()
    keys = (f"address:{address[:200]}", f"account:{email_key[:200]}")
    rules = (
        (keys[0], limits.address_failures, limits.address_lockout_max_s),
        (keys[1], limits.account_failures, limits.account_lockout_max_s),
    )
    refused_until: float | None = None
    with write_lock(engine), writer(engine).begin() as conn:
        for key, limit, lockout_max in rules:
            refused_until = _admit(conn, limits, key, limit, lockout_max, now)
            if refused_until is not None:
                break
    # Committed either way: an address's attempt on a locked account still counts against
    # the address.
    if refused_until is not None:
        raise LoginThrottled(refused_until - now)
    return Attempt(email_key=email_key, keys=keys, at=now)


def finish_login(
    engine: Engine, limits: Limits, attempt: Attempt, *, password: str,
    device_name: str | None,
) -> IssuedToken:
    """Check the password of an admitted attempt and issue a token, or raise `LoginRefused`.

    Run at most `Limits.hash_concurrency` of these at once (the caller's gate): each check
    holds the hash's memory (64 MiB with the default cost) while it runs."""
    table = RECORD_TABLES["user"]
    with engine.connect() as conn:
        row = conn.execute(
            select(table).where(table.c.hub_email_key == attempt.email_key)
        ).first()
    stored_hash = row.hub_password_hash if row is not None else None
    ok = _verify(stored_hash or _dummy_hash(), password) and stored_hash is not None
    active = row is not None and bool(row.active) and not row.deleted
    if not ok or not active:
        raise LoginRefused()  # the failure was counted when the attempt was admitted
    assert row is not None  # an active account has a row
    actor = Actor(row.id, row.email or "", row.name or "", row.role, row.team or None, True)
    token = secrets.token_urlsafe(32)
    now = time.time()
    expires_at = now + limits.token_days * 86400
    with write_lock(engine), writer(engine).begin() as conn:
        # Address row first, then the account's, in the order `begin_login` locks them: the
        # other order could deadlock with an attempt being admitted on PostgreSQL.
        _take_back(conn, attempt.keys[0], limits.address_failures)
        conn.execute(delete(login_failures).where(login_failures.c.key == attempt.keys[1]))
        # Tokens expired for a day are useless; clear them out as new ones are made.
        conn.execute(delete(tokens).where(tokens.c.expires_at < now - 86400))
        conn.execute(
            insert(tokens).values(
                token_hash=token_hash(token),
                user_id=actor.id,
                device_name=(device_name or "")[:200] or None,
                created_at=now,
                expires_at=expires_at,
                revoked=False,
            )
        )
    return IssuedToken(token, expires_at, actor)


def abandon_login(engine: Engine, limits: Limits, attempt: Attempt) -> None:
    """Take back the counts of an attempt whose password was never checked (the hub was too
    busy hashing others)."""
    with write_lock(engine), writer(engine).begin() as conn:
        _take_back(conn, attempt.keys[0], limits.address_failures)
        _take_back(conn, attempt.keys[1], limits.account_failures)


def login(
    engine: Engine,
    limits: Limits,
    *,
    email: str,
    password: str,
    address: str,
    device_name: str | None,
) -> IssuedToken:
    """Admit, check and issue in one call (the command line and tests; the API gates the
    password check between the steps)."""
    attempt = begin_login(engine, limits, email=email, address=address)
    return finish_login(engine, limits, attempt, password=password, device_name=device_name)


def _verify(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _upsert(conn: Connection) -> Any:
    if conn.dialect.name == "postgresql":
        return postgresql.insert(login_failures)
    return sqlite.insert(login_failures)


def _admit(
    conn: Connection, limits: Limits, key: str, limit: int, lockout_max: float, now: float
) -> float | None:
    """Count one attempt against `key` unless it is locked; None when admitted, else the
    time the lock ends."""
    t = login_failures
    fresh = t.c.first_at <= now - limits.failure_window_s
    stmt = _upsert(conn).values(key=key, failures=1, first_at=now, locked_until=0.0)
    stmt = stmt.on_conflict_do_update(
        index_elements=[t.c.key],
        set_={
            "failures": case((fresh, 1), else_=t.c.failures + 1),
            "first_at": case((fresh, now), else_=t.c.first_at),
        },
        where=t.c.locked_until <= now,
    ).returning(t.c.failures)
    failures = conn.execute(stmt).scalar()
    if failures is None:  # locked: the row is left as it was
        locked = conn.execute(select(t.c.locked_until).where(t.c.key == key)).scalar()
        return float(locked or now + 1)
    if failures >= limit:
        # The row is ours until commit (row lock; SQLite's single writer), so no other
        # attempt is admitted before this lock is in place.
        lock = min(limits.lockout_s * 2 ** (failures - limit), lockout_max)
        conn.execute(update(t).where(t.c.key == key).values(locked_until=now + lock))
    return None


def _take_back(conn: Connection, key: str, limit: int) -> None:
    """Uncount one attempt; the lock it set goes with it (one set by earlier failures stays)."""
    t = login_failures
    conn.execute(
        update(t)
        .where(t.c.key == key, t.c.failures > 0)
        .values(
            failures=t.c.failures - 1,
            locked_until=case((t.c.failures - 1 < limit, 0.0), else_=t.c.locked_until),
        )
    )


def authenticate(engine: Engine, token: str) -> Actor | None:
    """The active user a token belongs to, or None (unknown, expired, revoked, disabled)."""
    users = RECORD_TABLES["user"]
    with engine.connect() as conn:
        row = conn.execute(
            select(users.c.id, users.c.email, users.c.name, users.c.role, users.c.team,
                   users.c.active, users.c.deleted, tokens.c.expires_at, tokens.c.revoked)
            .join(tokens, tokens.c.user_id == users.c.id)
            .where(tokens.c.token_hash == token_hash(token))
        ).first()
    if row is None or row.revoked or row.expires_at <= time.time():
        return None
    if not row.active or row.deleted:
        return None
    return Actor(row.id, row.email or "", row.name or "", row.role, row.team or None, True)


def revoke(engine: Engine, token: str) -> None:
    with writer(engine).begin() as conn:
        conn.execute(
            update(tokens).where(tokens.c.token_hash == token_hash(token)).values(revoked=True)
        )


def expires_iso(expires_at: float) -> str:
    return format_datetime(dt.datetime.fromtimestamp(expires_at, dt.UTC))
