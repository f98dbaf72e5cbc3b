"""Engines for SQLite and PostgreSQL with the settings the hub relies on, and the one
translation of "cannot reach or understand the database URL" into a clear error.

SQLite gets WAL and a busy timeout, and real transactions (SQLAlchemy's documented recipe):
the driver's own implicit transaction handling would break savepoints and read snapshots.
"""

from __future__ import annotations

import json
import threading
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import NullPool

from fieldnote.filemodes import PRIVATE_DIR, restrict, restrict_sqlite
from hub.settings import default_data_dir


def json_text(value: Any) -> str:
    """JSON columns' text: orjson's (compact, non-ASCII as is), several times faster than the
    standard encoder on the hub's write path; what orjson refuses (integers past 64 bits)
    goes through the standard encoder. Values reach it validated, so never NaN."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False)


# orjson reads integers past 64 bits as floats: JSON with a run of 19 or more digits is read
# by the standard decoder, which keeps them exact. (Mapping every byte to "digit or not" and
# looking for the run is ten times faster than a regular expression on a large body.)
_DIGIT_CLASS = bytes(48 if 48 <= b <= 57 else 46 for b in range(256))
_LONG_RUN = b"0" * 19


def has_long_digit_run(data: bytes) -> bool:
    return _LONG_RUN in data.translate(_DIGIT_CLASS)


def json_value(text: str | bytes) -> Any:
    """A JSON column's value from its text (psycopg hands in bytes): orjson, or the standard
    decoder for text with long digit runs."""
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    return json.loads(text) if has_long_digit_run(data) else orjson.loads(data)


# Execution option marking an engine or connection whose transactions will write.
WRITE_OPTION = "hub_write"


def writer(engine: Engine) -> Engine:
    """The same engine (same pool) for transactions that write."""
    return engine.execution_options(**{WRITE_OPTION: True})


class DatabaseUnavailable(RuntimeError):
    """The database URL is malformed, names an unknown driver, or cannot be reached."""


def make_engine(db_url: str, *, pool_size: int = 10, max_connections: int | None = None
                ) -> Engine:
    """The hub's engine. Statement parameters (people's names, emails, notes) never appear in
    its error messages or logs (`hide_parameters`).

    On PostgreSQL the engine keeps `pool_size` connections open and opens up to twice as many
    more at busy times: `3 * pool_size` at most. `max_connections` (the `FIELDNOTE_HUB_DB_POOL`
    setting) caps that total instead, a third of it kept open; each worker process of `serve`
    has its own engine, so a hub opens at most workers x max_connections."""
    try:
        url = make_url(db_url)
    except ArgumentError as exc:
        raise DatabaseUnavailable(
            f"{db_url!r} is not a database URL; use sqlite:///path/hub.sqlite3 or "
            "postgresql+psycopg://user@host/dbname"
        ) from exc
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url, pool_size)
    if url.get_backend_name() != "postgresql":
        raise DatabaseUnavailable(
            f"The hub runs on SQLite or PostgreSQL, not {url.get_backend_name()!r}"
        )
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    kept, overflow = pool_size, pool_size * 2
    if max_connections is not None:
        kept = max(1, -(-max_connections // 3))
        overflow = max(0, max_connections - kept)
    try:
        return create_engine(
            url,
            json_serializer=json_text,
            json_deserializer=json_value,
            pool_size=kept,
            max_overflow=overflow,
            pool_pre_ping=True,
            hide_parameters=True,
            connect_args={"connect_timeout": 10},
        )
    except NoSuchModuleError as exc:
        raise DatabaseUnavailable(f"No database driver for {url.drivername!r}") from exc


def _sqlite_engine(url: Any, pool_size: int) -> Engine:
    database = url.database
    on_disk = bool(database) and database != ":memory:" and not database.startswith("file:")
    if on_disk:
        folder = Path(database).expanduser().parent
        folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        if folder == default_data_dir():  # the hub's own folder; a folder named by hand is not
            restrict(folder)
    if database in (None, "", ":memory:"):
        pooling: dict[str, Any] = {"poolclass": NullPool}
    else:
        # Keep a connection for each request thread (the server runs up to 40 at once): a
        # connection opened past the pool is closed after one use, and opening one (WAL and
        # other pragmas) costs more than the request it serves.
        pooling = {"pool_size": max(pool_size, 40), "max_overflow": 10}
    engine = create_engine(
        url,
        json_serializer=json_text,
        json_deserializer=json_value,
        connect_args={"check_same_thread": False, "timeout": 30},
        hide_parameters=True,
        **pooling,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        if on_disk:  # before WAL is turned on: -wal and -shm take the database file's mode
            restrict_sqlite(database)
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Freed space is overwritten with zeros, so that a record's earlier values (an erased
        # person's above all) do not linger in the file's free pages (docs/privacy.md).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front: a deferred transaction that reads first and
        # writes later fails at once (no busy wait) when another writer committed meanwhile.
        immediate = conn.get_execution_options().get(WRITE_OPTION)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


_write_locks: dict[str, threading.Lock] = {}
_write_locks_guard = threading.Lock()


def write_lock(engine: Engine) -> AbstractContextManager[object]:
    """Serialise this process's writers to one SQLite file with a lock handoff.

    SQLite admits one writer at a time anyway; waiting on its busy handler means sleeping in
    steps of up to 100 ms, which inflates every waiting push's latency. PostgreSQL needs no
    lock here: row locks and the change counter order its writers.
    """
    if engine.dialect.name != "sqlite":
        return nullcontext()
    key = str(engine.url)
    with _write_locks_guard:
        return _write_locks.setdefault(key, threading.Lock())


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def lost_a_race(exc: DBAPIError) -> bool:
    """Whether the database gave a transaction up because of another one running at the same
    time (PostgreSQL's deadlock or serialization failure, SQLite's busy lock): run it again."""
    code = getattr(exc.orig, "sqlstate", None)
    return code in ("40001", "40P01") or "locked" in str(exc.orig)
