"""The local data file before anything opens it: its name, and the check that it is a sound
SQLite database. Only the standard library, so the check can run while the rest loads."""

from __future__ import annotations

import sqlite3
from pathlib import Path

DB_FILE = "fieldnote.sqlite3"


class StoreError(Exception):
    """The local data file cannot be used; the message says why and what to do."""


def check_readable(path: Path) -> None:
    """Refuse a file that is not a SQLite database (or is damaged) before touching it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise StoreError(
            f"The data file {path} is not a Fieldnote database (it may be damaged). "
            "It has been left untouched; move it away or choose another --data-dir."
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"The data file {path} is damaged ({exc}). It has been left untouched; "
            "restore a backup or choose another --data-dir."
        ) from None
    if not result or result[0] != "ok":
        raise StoreError(
            f"The data file {path} failed its integrity check ({result[0] if result else '?'}). "
            "It has been left untouched; restore a backup or choose another --data-dir."
        )
