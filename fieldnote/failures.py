"""What a person reads about a failure nobody foresaw: one short line, never a statement of
SQL or the values it carried (those go to the log file, parameters hidden)."""

from __future__ import annotations

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
