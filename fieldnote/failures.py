"""What a person reads about a failure nobody foresaw: one short line, never a statement of
SQL or the values it carried (those go to the log file, parameters hidden); and the one test
of whether a failure means the disk is full."""

from __future__ import annotations

import errno

_REASON_LIMIT = 200


def short_reason(exc: BaseException) -> str:
    """The failure's class and the first line of its message, at most a couple of hundred
    characters. For a failed SQL statement that is the database driver's own error and its
    first line: SQLAlchemy adds the statement and its parameters on further lines, and a
    server's further lines (PostgreSQL's DETAIL) may quote the row's values."""
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException) and hasattr(exc, "statement"):
        exc = orig
    lines = str(exc).strip().splitlines()
    first = lines[0].strip() if lines else ""
    if len(first) > _REASON_LIMIT:
        first = first[: _REASON_LIMIT - 1] + "\u2026"
    name = exc.__class__.__name__
    return f"{name}: {first}" if first else name


SQLITE_FULL = 13  # SQLite's "database or disk is full"; also what PRAGMA max_page_count runs into
_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


def is_disk_full(exc: BaseException | None) -> bool:
    """Whether a failure comes from a full disk: SQLite's SQLITE_FULL, ENOSPC or EDQUOT from the
    OS, or an exception that says so (`disk_full = True`), anywhere in its chain. A failed
    write is often followed by a failed rollback of its savepoint, whose own message names
    only "no such savepoint". Duck-typed, so the domain imports no database driver."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if getattr(exc, "disk_full", False) is True:
            return True
        if getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL:
            return True
        if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
            return True
        orig = getattr(exc, "orig", None)  # SQLAlchemy's wrapper of the driver's error
        if isinstance(orig, BaseException) and orig is not exc and is_disk_full(orig):
            return True
        exc = exc.__cause__ or exc.__context__
    return False
