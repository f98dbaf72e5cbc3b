"""Read queries the views page through: ids in SQL order first, rows for visible ids after.

Views hold ids, never whole tables, so a list over 100,000 leads opens as fast as over 100.
Sorting, filtering and full-text search happen in SQLite, bounded by indexes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Engine, Select, asc, desc, func, literal_column, select, text

from desktop.store.db import reading
from desktop.store.schema import FTS_KINDS, record_tables
from fieldnote.kinds import spec

_WORD = re.compile(r"\w+", re.UNICODE)


def live(table: Any) -> Any:
    """`deleted` is false, written (`+deleted`) so that SQLite never drives a query by an
    index that starts with `deleted`: tombstones are rare, so such an index (the Insights
    ones) would walk every row, where the id, event, date or search index finds a few."""
    return literal_column(f"+{table.name}.deleted").is_(False)


def fts_query(search: str) -> str | None:
    """Turn what a user typed into a safe FTS5 query: every word must match, as a prefix."""
    words = _WORD.findall(search)[:12]
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


class RecordQueries:
    """Id lists and row loads for any record kind, with search, equality filters and order."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _base(
        self,
        kind: str,
        search: str = "",
        filters: Mapping[str, Any] | None = None,
    ) -> Select[Any] | None:
        table = record_tables[spec(kind).name]
        query = select(table.c.id).where(live(table))
        for column, value in (filters or {}).items():
            if value is None or value == "":
                continue
            col = table.c[column]
            if isinstance(value, (list, tuple, set)):
                query = query.where(col.in_(list(value)))
            else:
                query = query.where(col == value)
        if search.strip():
            if kind not in FTS_KINDS:
                raise ValueError(f"{kind} has no full-text index")
            match = fts_query(search)
            if match is None:
                return None
            query = query.where(
                literal_column(f"{table.name}.rowid").in_(
                    text(f"SELECT rowid FROM fts_{kind} WHERE fts_{kind} MATCH :match").bindparams(
                        match=match
                    )
                )
            )
        return query

    def ids(
        self,
        kind: str,
        *,
        search: str = "",
        filters: Mapping[str, Any] | None = None,
        order: Sequence[tuple[str, bool]] = (),
        limit: int | None = None,
    ) -> list[str]:
        """Ids of matching records; `order` is (column, descending) pairs."""
        query = self._base(kind, search, filters)
        if query is None:
            return []
        table = record_tables[kind]
        for column, descending in order:
            query = query.order_by(desc(table.c[column]) if descending else asc(table.c[column]))
        query = query.order_by(table.c.id)
        if limit is not None:
            query = query.limit(limit)
        with reading(self.engine) as conn:
            return list(conn.execute(query).scalars())

    def count(self, kind: str, *, search: str = "", filters: Mapping[str, Any] | None = None) -> int:
        query = self._base(kind, search, filters)
        if query is None:
            return 0
        with reading(self.engine) as conn:
            return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())

    def rows(self, kind: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        table = record_tables[kind]
        wanted = list(ids)
        out: dict[str, dict[str, Any]] = {}
        with reading(self.engine) as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
                    out[row["id"]] = dict(row)
        return out

    def names(self, kind: str, field: str = "name") -> dict[str, str]:
        """id -> display name for small lookup kinds (events, users, rubrics)."""
        table = record_tables[kind]
        with reading(self.engine) as conn:
            return {
                r.id: r.label or ""
                for r in conn.execute(
                    select(table.c.id, table.c[field].label("label")).where(
                        table.c.deleted.is_(False)
                    )
                )
            }
