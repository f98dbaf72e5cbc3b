"""The local data file before anything opens it: its name, the check that it is a sound
SQLite database, and what a full disk looks like when a write fails. Only the standard library,
so the check can run while the rest loads.

The check never changes the file and leaves nothing beside a file it refuses: no `-wal` or
`-shm` that was not there before. Every refusal is one line.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

DB_FILE = "fieldnote.sqlite3"
SIDE_FILES = ("-wal", "-shm", "-journal")
PLAIN_HEADER = b"SQLite format 3\x00"
_LEFT_ALONE = "It has been left untouched"


class StoreError(Exception):
    """The local data file cannot be used; the message says why and what to do."""


class DiskFull(StoreError):
    """A write found no room on the disk. The transaction it was in is rolled back whole, so
    what was saved before stays and nothing is half-written. An import that stopped says how
    far it got: `saved` of `total` leads. (`fieldnote.failures.is_disk_full` knows it.)"""

    disk_full = True

    def __init__(self, saved: int | None = None, total: int | None = None) -> None:
        self.saved, self.total = saved, total
        super().__init__(self.describe())

    def describe(self) -> str:
        if self.saved is not None and self.total is not None:
            return (f"the disk is full: {self.saved} of {self.total} leads were saved; free "
                    "space and import again (saved rows are skipped)")
        return ("the disk is full: this was not saved, and what was saved before is kept; "
                "free space and try again")


def is_encrypted(path: Path) -> bool:
    """Whether the file exists, is not empty and is not a plain SQLite file (an encrypted
    store: `desktop.store.encryption`)."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(PLAIN_HEADER))
    except (FileNotFoundError, IsADirectoryError):
        return False
    return bool(header) and header != PLAIN_HEADER


def check_readable(path: Path) -> None:
    """Refuse a file that is not a Fieldnote database (empty, foreign or damaged) before
    anything opens it for writing; a file that is not there yet is fine (a new store)."""
    if not path.exists():
        return
    if path.is_dir():
        raise StoreError(f"The data file {path} is a folder. {_LEFT_ALONE}; move it away or "
                         "choose another --data-dir.")
    with path.open("rb") as fh:
        header = fh.read(len(PLAIN_HEADER))
    if not header:
        raise StoreError(
            f"The data file {path} is empty (0 bytes), not a Fieldnote database. "
            f"{_LEFT_ALONE}; restore a backup, or move it away to start a new one."
        )
    if header != PLAIN_HEADER:
        raise StoreError(
            f"The data file {path} is not a Fieldnote database (it may be damaged). "
            f"{_LEFT_ALONE}; move it away or choose another --data-dir."
        )
    there_before = {suffix for suffix in SIDE_FILES if _side(path, suffix).exists()}
    try:
        _check_contents(path, logged=bool(there_before & {"-wal", "-journal"}))
    except StoreError:
        # Reading a WAL file may have made a shared-memory file beside it: leave the folder
        # as it was found.
        for suffix in SIDE_FILES:
            if suffix not in there_before:
                _side(path, suffix).unlink(missing_ok=True)
        raise


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _check_contents(path: Path, *, logged: bool) -> None:
    # Without a log (write-ahead or rollback) beside it the file alone is the whole database:
    # read it as immutable, which creates no side files. With one, a read-only open takes the
    # log's pages in.
    mode = "mode=ro" if logged else "immutable=1"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchall()
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"The data file {path} is damaged ({one_line(str(exc))}). {_LEFT_ALONE}; "
            "restore a backup or choose another --data-dir."
        ) from None
    verdict = one_line("; ".join(str(row[0]) for row in result)) if result else "?"
    if verdict != "ok":
        raise StoreError(
            f"The data file {path} failed its integrity check ({verdict}). {_LEFT_ALONE}; "
            "restore a backup or choose another --data-dir."
        )
    if tables and "alembic_version" not in tables:
        raise StoreError(
            f"The data file {path} holds tables but no Fieldnote schema version. "
            f"{_LEFT_ALONE}; move it away or choose another --data-dir."
        )


def one_line(text: str, limit: int = 200) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
