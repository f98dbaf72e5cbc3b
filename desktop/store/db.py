"""Opening the local SQLite cache: pragmas, migrations to the newest schema, clear failures.

Every connection runs in WAL mode with `synchronous=FULL`, so a committed save survives a
crash or power cut. A file that is not a Fieldnote database is reported, never overwritten.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import NullPool

from desktop.datafile import DB_FILE, DiskFull, StoreError, check_readable, is_encrypted, one_line
from desktop.store import checkpoint, encryption
from fieldnote.failures import is_disk_full
from fieldnote.filemodes import restrict_sqlite

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The newest migration. Opening an up-to-date store checks against this and never imports
# Alembic (a large share of start-up time); a test keeps it equal to the migrations' head.
SCHEMA_HEAD = "0022"

MIGRATIONS = Path(__file__).with_name("migrations")


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Autocommit at the driver level; SQLAlchemy's BEGIN (below) makes transactions explicit.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    # Freed space is overwritten with zeros: an edited or erased person's earlier values do not
    # linger in the file's free pages (docs/privacy.md).
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def _on_writer_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA wal_autocheckpoint={checkpoint.BACKSTOP_PAGES}")
    cur.close()


# The execution option of a connection that only reads (`reading`).
READ_ONLY = "fieldnote_read_only"


def reading(engine: Engine) -> Connection:
    """A connection for reads only: its transaction begins deferred even on the writer engine,
    so it takes no write lock and a save never waits for it (in WAL mode readers and the writer
    do not block each other). A write through it is a mistake: it may find the file changed."""
    return engine.connect().execution_options(**{READ_ONLY: True})


def _on_begin(conn: Connection) -> None:
    # IMMEDIATE takes the write lock up front, so two writers never deadlock mid-transaction.
    # A read (`reading`) takes none: held on the UI thread or the parallel lane, the write lock
    # made the writer lane's next save sleep in SQLite's busy handler (1, 2, 5, 10 ms ...).
    immediate = conn.info.get("writer") and not conn.get_execution_options().get(READ_ONLY)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path, *, writer: bool = True, pooled: bool = True) -> Engine:
    """An engine on the store at `path`: through SQLCipher with the keychain's key when the
    file is encrypted (`desktop.store.encryption`), plain SQLite otherwise. `pooled=False`
    opens a connection for each use and closes it after."""
    key = encryption.key_for(path)
    options: dict[str, Any] = {} if key is None else {"module": encryption.driver()}
    if not pooled:
        options["poolclass"] = NullPool
    # Parameters carry people's names, emails and notes: never into an error message or log.
    engine = create_engine(f"sqlite:///{path}", future=True, hide_parameters=True, **options)
    if key is not None:
        # The key before any other statement: nothing of the file is readable without it.
        event.listen(engine, "connect", lambda conn, _record: encryption.apply_key(conn, key))
    # Before WAL is turned on: the -wal and -shm files take the database file's mode.
    event.listen(engine, "connect", lambda _conn, _record: restrict_sqlite(path))
    event.listen(engine, "connect", _on_connect)
    if writer:
        # Saves do not checkpoint the log; a thread does, after them (`checkpoint`).
        event.listen(engine, "connect", _on_writer_connect)
        # Its own connection each time, closed after: none of them stays open in a pool.
        checkpoint.attach(engine, lambda: make_engine(path, writer=False, pooled=False))

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.info["writer"] = writer
        _on_begin(conn)

    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://", hide_parameters=True)))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        has_table = conn.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
        ).first()
        if has_table is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


__all__ = ["DB_FILE", "SCHEMA_HEAD", "StoreError", "check_readable", "make_engine", "open_engine",
           "reading"]


def check_store_file(path: Path) -> None:
    """`check_readable` for a plain file; for an encrypted one, that the keychain holds the
    key that opens it (StoreError with what to do otherwise)."""
    if is_encrypted(path):
        key = encryption.key_for(path)
        assert key is not None
        encryption.check_key(path, key)
    else:
        check_readable(path)


def open_engine(path: Path, *, checked: bool = False) -> Engine:
    """Open (creating or upgrading) the store at `path` and return a writer engine.
    `checked` says `check_readable(path)` already passed."""
    if not checked:
        check_store_file(path)
    engine = make_engine(path)
    try:
        rev = current_revision(engine)
        if rev != SCHEMA_HEAD:
            from alembic import command
            from alembic.script import ScriptDirectory

            head = head_revision()
            script = ScriptDirectory.from_config(alembic_config(engine))
            known = {s.revision for s in script.walk_revisions()}
            if rev is not None and rev not in known:
                raise StoreError(
                    f"{path} was written by a newer Fieldnote (schema {rev}). "
                    "Update the app to open it; the file has been left untouched."
                )
            log.info("migrating local store from %s to %s", rev, head)
            command.upgrade(alembic_config(engine), "head")
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise StoreError(f"Cannot open the data file {path}: {one_line(str(exc.orig))}"
                         ) from None
    except StoreError:
        engine.dispose()
        raise
    return engine
