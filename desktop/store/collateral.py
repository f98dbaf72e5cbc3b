"""Queries and writes of the collateral job: the library a user may see, its search, facets and
marks, feedback and usage, requests, and the files that wait for upload.

Everything here is SQL over the local store (SQLAlchemy Core); it never touches the network,
the file cache or Qt, and writes only through `Store.save`, so each change is queued for the hub.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from desktop.store.library_query import (
    SORTS,
    Facets,
    Highlight,
    LibraryQuery,
    Notice,
    tag_group,
)
from desktop.store.queries import fts_query
from desktop.store.records import HUB_SETTINGS_KEY, Store
from desktop.store.schema import local_marks, outbox, record_tables
from fieldnote.insights import id_time
from fieldnote.kinds import COLLATERAL_KINDS, COLLATERAL_STATUSES, REQUEST_STATUSES
from fieldnote.staleness import VERIFY_SETTING, Stale, stale_reasons, verify_days
from fieldnote.validation import utc_now_iso

# Markers FTS5 puts around matches; replaced by HTML after escaping the rest of the text.
_OPEN, _CLOSE = "\x02", "\x03"
# bm25 weights of title, summary, tags, text: a word in the title outranks one on page 7.
_WEIGHTS = "10.0, 4.0, 6.0, 1.0"
_MARK_KIND = "collateral"
# Feedback is append-only on the hub: a user who rates again adds a rating, and only each
# user's newest rating of an item counts.
_LATEST_RATING = (
    "f.deleted = 0 AND f.rating IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
    "rec_collateral_feedback g WHERE g.collateral_id = f.collateral_id AND "
    "g.author_id IS f.author_id AND g.deleted = 0 AND g.rating IS NOT NULL AND g.id > f.id)"
)


def _local_today() -> str:
    return dt.date.today().isoformat()


def _marked(text_value: str | None) -> str:
    """Escape text for rich-text display, turning FTS5 match markers into <b> tags."""
    if not text_value:
        return ""
    escaped = html.escape(text_value, quote=False)
    return escaped.replace(_OPEN, "<b>").replace(_CLOSE, "</b>")


class CollateralLibrary:
    """The collateral job's reads and writes over one user's store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    # -- the library ---------------------------------------------------------------------

    def _where(self, q: LibraryQuery, params: dict[str, Any]) -> str:
        """SQL conditions on `c` (rec_collateral) for what `q` lets through."""
        parts = ["c.deleted = 0"]
        statuses = [s for s in q.statuses if s in COLLATERAL_STATUSES] or ["approved"]
        names = []
        for i, status in enumerate(statuses):
            params[f"st{i}"] = status
            names.append(f":st{i}")
        parts.append(f"c.status IN ({', '.join(names)})")
        params["today"] = q.today or _local_today()
        parts.append("(c.expires_on IS NULL OR c.expires_on = '' OR c.expires_on >= :today)")
        # A newer approved version replaces its predecessor everywhere. (An uncorrelated
        # subquery: SQLite builds its set once instead of scanning per row.)
        parts.append(
            "c.id NOT IN (SELECT n.supersedes_id FROM rec_collateral n WHERE "
            "n.supersedes_id IS NOT NULL AND n.deleted = 0 AND n.status = 'approved')"
        )
        if q.kind:
            params["kind"] = q.kind
            parts.append("c.kind = :kind")
        if q.proposals:
            parts.append("c.proposed_by IS NOT NULL")
        if q.proposer:
            params["proposer"] = q.proposer
            parts.append("c.proposed_by = :proposer")
        for i, tag in enumerate(q.tags):
            params[f"tag{i}"] = tag
            parts.append(f"EXISTS (SELECT 1 FROM json_each(c.tags) WHERE value = :tag{i})")
        if q.only_new_since:
            params["since"] = q.only_new_since
            parts.append("c.local_updated_at > :since")
        return " AND ".join(parts)

    def ids(self, q: LibraryQuery) -> list[str]:
        """Ids of the items `q` shows, in its order; searching ranks by relevance by default."""
        params: dict[str, Any] = {}
        where = self._where(q, params)
        match = fts_query(q.search) if q.search.strip() else None
        if q.search.strip() and match is None:
            return []
        sort = q.sort if q.sort in SORTS else "newest"
        if match is not None:
            params["match"] = match
            source = (
                "fts_collateral f JOIN rec_collateral c ON c.rowid = f.rowid "
                "WHERE fts_collateral MATCH :match AND "
            )
        else:
            source = "rec_collateral c WHERE "
            if sort == "relevance":
                sort = "newest"
        order = {
            "relevance": f"bm25(fts_collateral, {_WEIGHTS}), c.id DESC",
            # Ids are UUIDv7, so their order is the order items were made in.
            "newest": "c.id DESC",
            "most_used": "(SELECT count(*) FROM rec_collateral_usage u WHERE u.collateral_id = c.id "
            "AND u.deleted = 0) DESC, c.id DESC",
            "best_rated": "(SELECT avg(f.rating) FROM rec_collateral_feedback f WHERE "
            f"f.collateral_id = c.id AND {_LATEST_RATING}) DESC NULLS LAST, c.id DESC",
        }[sort]
        sql = f"SELECT c.id FROM {source}{where} ORDER BY {order}"
        with self.engine.connect() as conn:
            found = list(conn.execute(text(sql), params).scalars())
        if q.stale_only:
            stale = self.stale(found, q.today)
            found = [i for i in found if i in stale]
        return found

    def rows(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Records of `ids` with their use count, rating average and count, and pin."""
        wanted = list(ids)
        out: dict[str, dict[str, Any]] = {}
        c = record_tables["collateral"]
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                for row in conn.execute(select(c).where(c.c.id.in_(chunk))).mappings():
                    out[row["id"]] = {**row, "uses": 0, "rating": None, "ratings": 0,
                                      "pinned": False}
                marks = ", ".join(f":i{n}" for n in range(len(chunk)))
                params = {f"i{n}": rid for n, rid in enumerate(chunk)}
                for cid, uses in conn.execute(text(
                    "SELECT collateral_id, count(*) FROM rec_collateral_usage WHERE deleted = 0 "
                    f"AND collateral_id IN ({marks}) GROUP BY collateral_id"), params):
                    if cid in out:
                        out[cid]["uses"] = int(uses)
                for cid, avg, n in conn.execute(text(
                    "SELECT f.collateral_id, avg(f.rating), count(f.rating) "
                    f"FROM rec_collateral_feedback f WHERE {_LATEST_RATING} "
                    f"AND f.collateral_id IN ({marks}) GROUP BY f.collateral_id"), params):
                    if cid in out:
                        out[cid]["rating"] = float(avg)
                        out[cid]["ratings"] = int(n)
                for (cid,) in conn.execute(text(
                    "SELECT record_id FROM local_marks WHERE kind = 'collateral' AND mark = 'pinned' "
                    f"AND record_id IN ({marks})"), params):
                    if cid in out:
                        out[cid]["pinned"] = True
        return out

    def get(self, record_id: str) -> dict[str, Any] | None:
        return self.rows([record_id]).get(record_id)

    def highlights(self, ids: Sequence[str], search: str) -> dict[str, Highlight]:
        """Title and a snippet of each item with the words of `search` marked in <b>."""
        match = fts_query(search) if search.strip() else None
        if match is None or not ids:
            return {}
        params: dict[str, Any] = {"match": match}
        marks = []
        for n, rid in enumerate(ids):
            params[f"i{n}"] = rid
            marks.append(f":i{n}")
        sql = (
            f"SELECT c.id, highlight(fts_collateral, 0, '{_OPEN}', '{_CLOSE}'), "
            f"snippet(fts_collateral, -1, '{_OPEN}', '{_CLOSE}', '…', 16) "
            "FROM fts_collateral f JOIN rec_collateral c ON c.rowid = f.rowid "
            f"WHERE fts_collateral MATCH :match AND c.id IN ({', '.join(marks)})"
        )
        with self.engine.connect() as conn:
            return {
                rid: Highlight(_marked(title), _marked(snip))
                for rid, title, snip in conn.execute(text(sql), params)
            }

    def facets(self, q: LibraryQuery) -> Facets:
        """Counts per kind and per tag over what `q` shows, ignoring its own kind/tag picks."""
        base = LibraryQuery(q.search, None, (), q.statuses, q.sort, q.only_new_since, q.today)
        params: dict[str, Any] = {}
        where = self._where(base, params)
        match = fts_query(q.search) if q.search.strip() else None
        if q.search.strip() and match is None:
            return Facets()
        if match is not None:
            params["match"] = match
            where += (" AND c.rowid IN (SELECT rowid FROM fts_collateral "
                      "WHERE fts_collateral MATCH :match)")
        out = Facets()
        with self.engine.connect() as conn:
            for kind, n in conn.execute(text(
                f"SELECT c.kind, count(*) FROM rec_collateral c WHERE {where} GROUP BY c.kind"), params):
                if kind:
                    out.kinds[kind] = int(n)
            for tag, n in conn.execute(text(
                f"SELECT j.value, count(*) FROM rec_collateral c, json_each(c.tags) j "
                f"WHERE {where} GROUP BY j.value"), params):
                if isinstance(tag, str) and tag:
                    group, _ = tag_group(tag)
                    out.tags.setdefault(group, {})[tag] = int(n)
        return out

    def _titles(self, q: LibraryQuery) -> dict[str, str]:
        """id -> title of what `q` shows (no search), without loading whole rows."""
        params: dict[str, Any] = {}
        where = self._where(q, params)
        with self.engine.connect() as conn:
            return {rid: title or "" for rid, title in conn.execute(
                text(f"SELECT c.id, c.title FROM rec_collateral c WHERE {where}"), params)}

    def visible_items(self, today: str | None = None) -> list[dict[str, Any]]:
        """Every item the user may use: not retired or declined, not expired, not superseded
        (any other status)."""
        statuses = tuple(s for s in COLLATERAL_STATUSES if s not in ("retired", "declined"))
        ids = self.ids(LibraryQuery(statuses=statuses, today=today))
        rows = self.rows(ids)
        return [rows[i] for i in ids if i in rows]

    def history(self, record_id: str) -> list[dict[str, Any]]:
        """Every version of an item, newest first (superseded and retired ones included)."""
        c = record_tables["collateral"]
        chain: list[dict[str, Any]] = []
        seen: set[str] = set()
        with self.engine.connect() as conn:
            current: str | None = record_id
            # Walk up to the newest version, then down through every predecessor.
            while True:
                newer = conn.execute(
                    select(c.c.id).where(and_(c.c.supersedes_id == current, c.c.deleted.is_(False)))
                    .order_by(c.c.id.desc()).limit(1)
                ).scalar()
                if newer is None or newer in seen:
                    break
                seen.add(newer)
                current = newer
            seen.clear()
            while current is not None and current not in seen:
                seen.add(current)
                row = conn.execute(select(c).where(c.c.id == current)).mappings().first()
                if row is None:
                    break
                chain.append(dict(row))
                current = row["supersedes_id"]
        return chain

    # -- local marks: visits, pins, last opened ------------------------------------------

    def _get_mark(self, record_id: str, mark: str) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(
                select(local_marks.c.value).where(and_(
                    local_marks.c.kind == _MARK_KIND, local_marks.c.record_id == record_id,
                    local_marks.c.mark == mark))
            ).scalar()

    def _set_mark(self, record_id: str, mark: str, value: Any) -> None:
        with self.engine.begin() as conn:
            if value is None:
                conn.execute(delete(local_marks).where(and_(
                    local_marks.c.kind == _MARK_KIND, local_marks.c.record_id == record_id,
                    local_marks.c.mark == mark)))
                return
            stmt = sqlite_insert(local_marks).values(
                kind=_MARK_KIND, record_id=record_id, mark=mark, value=value)
            conn.execute(stmt.on_conflict_do_update(
                index_elements=["kind", "record_id", "mark"], set_={"value": stmt.excluded.value}))

    def last_visit(self) -> str | None:
        """When the library was last opened here (None the first time)."""
        previous = self._get_mark("", "last_visit")
        return previous if isinstance(previous, str) else None

    def begin_visit(self, now: str | None = None) -> str | None:
        """Record that the library is open now; return when it was opened the time before."""
        previous = self._get_mark("", "last_visit")
        self._set_mark("", "last_visit", now or utc_now_iso())
        return previous if isinstance(previous, str) else None

    def new_count(self, since: str | None) -> int:
        if not since:
            return 0
        return len(self._titles(LibraryQuery(only_new_since=since)))

    def set_pinned(self, record_id: str, pinned: bool) -> None:
        self._set_mark(record_id, "pinned", True if pinned else None)
        self.store.notify("collateral", [record_id])

    def is_pinned(self, record_id: str) -> bool:
        return bool(self._get_mark(record_id, "pinned"))

    def pinned_blobs(self) -> set[str]:
        """sha256 of the files of pinned items (kept offline whatever the cache limit)."""
        with self.engine.connect() as conn:
            return {
                sha for (sha,) in conn.execute(text(
                    "SELECT c.file_sha256 FROM local_marks m JOIN rec_collateral c "
                    "ON c.id = m.record_id WHERE m.kind = 'collateral' AND m.mark = 'pinned' "
                    "AND c.deleted = 0 AND c.file_sha256 IS NOT NULL"))
                if sha
            }

    def touch_opened(self, record_id: str, now: str | None = None) -> None:
        """Remember when an item was last opened here (the cache evicts the oldest first)."""
        self._set_mark(record_id, "opened_at", now or utc_now_iso())

    def blob_last_used(self) -> dict[str, str]:
        """sha256 -> when any item naming that file was last opened on this device."""
        with self.engine.connect() as conn:
            return {
                sha: str(at)
                for sha, at in conn.execute(text(
                    "SELECT c.file_sha256, max(json_extract(m.value, '$')) FROM local_marks m "
                    "JOIN rec_collateral c ON c.id = m.record_id WHERE m.kind = 'collateral' "
                    "AND m.mark = 'opened_at' AND c.file_sha256 IS NOT NULL "
                    "GROUP BY c.file_sha256"))
                if sha
            }

    def wanted_blobs(self, today: str | None = None) -> list[tuple[str, int | None]]:
        """Files the library offers (approved, current), newest first: (sha256, size)."""
        seen: set[str] = set()
        out: list[tuple[str, int | None]] = []
        for row in self.visible_items(today):
            sha = row.get("file_sha256")
            if row.get("status") == "approved" and sha and sha not in seen:
                seen.add(sha)
                out.append((sha, row.get("file_size")))
        return out

    def withdrawn_blobs(self, today: str | None = None) -> set[str]:
        """Files named only by retired, expired or replaced items (no current item needs them)."""
        current: set[str] = set()
        for row in self.visible_items(today):
            if row.get("file_sha256"):
                current.add(row["file_sha256"])
        current |= {u["sha256"] for u in self.pending_uploads()}
        c = record_tables["collateral"]
        with self.engine.connect() as conn:
            named = {sha for (sha,) in conn.execute(
                select(c.c.file_sha256).where(c.c.file_sha256.is_not(None))) if sha}
        return named - current

    # -- publishing (marketers) ----------------------------------------------------------

    def publish(self, fields: Mapping[str, Any], *, author_id: str | None = None) -> str:
        """Create an item (status from `fields`, draft by default); returns its id."""
        values = {"status": "draft", "version": 1, **fields}
        if values["status"] == "approved" and not values.get("verified_on"):
            values["verified_on"] = _local_today()  # approving verifies
        local = {"author_id": author_id} if author_id else None
        return self.store.save("collateral", values, local_fields=local).record_id

    def new_version(self, old_id: str, fields: Mapping[str, Any], *,
                    author_id: str | None = None) -> str:
        """A new item that supersedes `old_id` (version + 1), keeping its metadata by default."""
        old = self.store.get("collateral", old_id)
        if old is None:
            raise LookupError("The item to replace no longer exists.")
        carried = {k: old[k] for k in ("title", "summary", "kind", "tags", "audience",
                                       "expires_on") if old.get(k) is not None}
        values = {**carried, "status": "draft", **fields,
                  "version": int(old.get("version") or 1) + 1, "supersedes_id": old_id}
        return self.publish(values, author_id=author_id)

    def set_status(self, record_id: str, status: str, today: str | None = None) -> None:
        """Change an item's status; approving it also verifies it today."""
        self.store.save("collateral", self.status_fields(status, today), record_id)

    @staticmethod
    def status_fields(status: str, today: str | None = None) -> dict[str, Any]:
        """The fields a status change writes: approving an item also verifies it today."""
        if status not in COLLATERAL_STATUSES:
            raise ValueError(f"Unknown status {status!r}")
        fields: dict[str, Any] = {"status": status}
        if status == "approved":
            fields["verified_on"] = today or _local_today()
        return fields

    def mark_verified(self, record_id: str, today: str | None = None) -> None:
        """Marketing confirms the item still holds (its "last verified" date)."""
        self.store.save("collateral", {"verified_on": today or _local_today()}, record_id)

    # -- reps' proposals -----------------------------------------------------------------

    def propose_fields(self, fields: Mapping[str, Any], proposer_id: str) -> dict[str, Any]:
        """A rep's item as a proposal: in marketing's review queue, naming its proposer."""
        values = {k: v for k, v in fields.items()
                  if k not in ("status", "supersedes_id", "review_comment", "verified_on")}
        return {**values, "status": "review", "proposed_by": proposer_id}

    def proposals(self, *, proposer_id: str | None = None,
                  statuses: Sequence[str] = ("draft", "review", "declined", "approved")
                  ) -> list[dict[str, Any]]:
        """Reps' proposals (of one proposer, or everyone's), newest first."""
        c = record_tables["collateral"]
        where: ColumnElement[bool] = and_(
            c.c.proposed_by.is_not(None),
            c.c.status.in_([s for s in statuses if s in COLLATERAL_STATUSES]))
        if proposer_id:
            where = and_(where, c.c.proposed_by == proposer_id)
        rows = self.store.all("collateral", where=where)
        rows.sort(key=lambda r: r["id"], reverse=True)
        return rows

    def decline(self, record_id: str, comment: str) -> None:
        """Marketing turns a proposal down; the comment tells the rep why."""
        comment = comment.strip()
        if not comment:
            raise ValueError("Say why the proposal is declined: the rep reads the comment.")
        self.store.save("collateral", {"status": "declined", "review_comment": comment},
                        record_id)

    def approve(self, record_id: str, comment: str = "", today: str | None = None) -> None:
        """Marketing approves an item (a proposal reaches its audience at the next sync)."""
        fields: dict[str, Any] = {"status": "approved", "verified_on": today or _local_today()}
        row = self.store.get("collateral", record_id) or {}
        if comment.strip() or row.get("review_comment"):
            # An earlier decline's reason no longer holds.
            fields["review_comment"] = comment.strip() or None
        self.store.save("collateral", fields, record_id)

    # -- stale material (marketing's view) -----------------------------------------------

    def verify_period(self) -> int:
        """Days after its last verification an approved item is stale (a hub setting)."""
        return verify_days(self.store.get_state(HUB_SETTINGS_KEY))

    def remember_verify_period(self, days: str) -> None:
        """Keep the period the hub just stored, until the next pull brings it."""
        current = self.store.get_state(HUB_SETTINGS_KEY)
        settings = dict(current) if isinstance(current, dict) else {}
        self.store.set_state(HUB_SETTINGS_KEY, {**settings, VERIFY_SETTING: days})

    def stale(self, ids: Iterable[str], today: str | None = None) -> dict[str, tuple[Stale, ...]]:
        """Why each of these items is stale today (`fieldnote.staleness`); fresh ones are left
        out. An item counts as available from the day it was made (its id's time)."""
        day = dt.date.fromisoformat(today or _local_today())
        period = self.verify_period()
        wanted = list(ids)
        out: dict[str, tuple[Stale, ...]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ", ".join(f":i{n}" for n in range(len(chunk)))
                params = {f"i{n}": rid for n, rid in enumerate(chunk)}
                used: dict[str, Any] = dict(conn.execute(text(
                    "SELECT collateral_id, max(coalesce(at, local_updated_at)) FROM "
                    "rec_collateral_usage WHERE deleted = 0 "
                    f"AND collateral_id IN ({marks}) GROUP BY collateral_id"), params).all())
                for rid, status, verified in conn.execute(text(
                        "SELECT id, status, verified_on FROM rec_collateral "
                        f"WHERE id IN ({marks})"), params):
                    found = stale_reasons(status=status, verified_on=verified,
                                          last_used=used.get(rid), available_since=made_on(rid),
                                          today=day, verify_period=period)
                    if found:
                        out[rid] = found
        return out

    def update(self, record_id: str, fields: Mapping[str, Any]) -> None:
        self.store.save("collateral", fields, record_id)

    def pending_uploads(self) -> list[dict[str, Any]]:
        """Files that queued collateral changes name, in queue order: they go to the hub first.

        Each: sha256, file_name, file_size, record_id, title. A file is listed once.
        """
        c = record_tables["collateral"]
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(outbox.c.record_id, outbox.c.fields)
                .where(and_(outbox.c.kind == "collateral", outbox.c.state == "pending"))
                .order_by(outbox.c.seq)
            ).all()
            out: list[dict[str, Any]] = []
            seen: set[str] = set()
            for record_id, fields in rows:
                body = fields if isinstance(fields, dict) else json.loads(fields or "{}")
                sha = body.get("file_sha256")
                if not isinstance(sha, str) or not sha or sha in seen:
                    continue
                seen.add(sha)
                rec = conn.execute(select(c.c.title, c.c.file_name, c.c.file_size)
                                   .where(c.c.id == record_id)).first()
                out.append({
                    "sha256": sha, "record_id": record_id,
                    "title": rec.title if rec else "",
                    "file_name": rec.file_name if rec else body.get("file_name"),
                    "file_size": rec.file_size if rec else body.get("file_size"),
                })
        return out

    # -- use and feedback ----------------------------------------------------------------

    def record_usage(self, collateral_id: str, action: str, *, lead_id: str | None = None,
                     debrief_id: str | None = None, author_id: str | None = None) -> str:
        fields: dict[str, Any] = {"collateral_id": collateral_id, "action": action,
                                  "at": utc_now_iso()}
        if lead_id:
            fields["lead_id"] = lead_id
        if debrief_id:
            fields["debrief_id"] = debrief_id
        local = {"author_id": author_id} if author_id else None
        return self.store.save("collateral_usage", fields, local_fields=local).record_id

    def my_feedback(self, collateral_id: str, author_id: str | None) -> dict[str, Any] | None:
        """This user's rating of an item (one per user and item, edited in place)."""
        if not author_id:
            return None
        f = record_tables["collateral_feedback"]
        rows = self.store.all("collateral_feedback", where=and_(
            f.c.collateral_id == collateral_id, f.c.author_id == author_id,
            f.c.rating.is_not(None)), order_by=f.c.id.desc(), limit=1)
        return rows[0] if rows else None

    def rate(self, collateral_id: str, rating: int | None, comment: str = "", *,
             author_id: str | None = None) -> str:
        """Add this user's rating with an optional comment; it replaces their earlier rating
        in the averages (feedback is append-only: the history stays)."""
        fields: dict[str, Any] = {"collateral_id": collateral_id}
        if rating is not None:
            fields["rating"] = rating
        if comment:
            fields["comment"] = comment
        local = {"author_id": author_id} if author_id else None
        return self.store.save("collateral_feedback", fields, local_fields=local).record_id

    def comment(self, collateral_id: str, comment: str, *, author_id: str | None = None) -> str:
        """A comment without a rating (a reviewer's note on an item in review)."""
        local = {"author_id": author_id} if author_id else None
        return self.store.save("collateral_feedback",
                               {"collateral_id": collateral_id, "comment": comment},
                               local_fields=local).record_id

    def feedback(self, collateral_id: str) -> list[dict[str, Any]]:
        """Ratings and comments on an item, newest first, with the author's name."""
        with self.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT f.id, f.rating, f.comment, f.author_id, f.local_updated_at, u.name "
                "FROM rec_collateral_feedback f LEFT JOIN rec_user u ON u.id = f.author_id "
                "WHERE f.collateral_id = :cid AND f.deleted = 0 ORDER BY f.id DESC"),
                {"cid": collateral_id}).mappings().all()
        return [dict(r) for r in rows]

    def item_detail(self, collateral_id: str, user_id: str | None, *,
                    with_usage: bool = False) -> dict[str, Any]:
        """What the side panel shows beside the row: feedback, this user's rating, and (for
        marketing) use counts."""
        mine = self.my_feedback(collateral_id, user_id)
        earlier = [
            {"id": r["id"], "version": r.get("version"), "status": r.get("status"),
             "title": r.get("title")}
            for r in self.history(collateral_id) if r["id"] != collateral_id
        ]
        return {
            "feedback": self.feedback(collateral_id),
            "my_rating": (mine or {}).get("rating"),
            "usage": self.usage_summary(collateral_id) if with_usage else {},
            "history": earlier,
        }

    def usage_summary(self, collateral_id: str) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT action, count(*) FROM rec_collateral_usage WHERE collateral_id = :cid "
                "AND deleted = 0 GROUP BY action"), {"cid": collateral_id}).all()
        return {str(a): int(n) for a, n in rows}

    # -- requests ------------------------------------------------------------------------

    def ask(self, fields: Mapping[str, Any], *, author_id: str | None = None) -> str:
        """A rep's request for material that does not exist yet."""
        local = {"author_id": author_id} if author_id else None
        return self.store.save("collateral_request", {**fields, "status": "open"},
                               local_fields=local).record_id

    def requests(self, *, author_id: str | None = None,
                 statuses: Sequence[str] = REQUEST_STATUSES) -> list[dict[str, Any]]:
        """Requests (of one author, or all), soonest needed first, undated last."""
        r = record_tables["collateral_request"]
        where: ColumnElement[bool] = r.c.status.in_([s for s in statuses if s in REQUEST_STATUSES])
        if author_id:
            where = and_(where, r.c.author_id == author_id)
        rows = self.store.all("collateral_request", where=where)
        rows.sort(key=lambda x: (x.get("needed_by") is None, x.get("needed_by") or "", x["id"]))
        return rows

    def answer_request(self, request_id: str, status: str, response: str = "",
                       collateral_id: str | None = None) -> None:
        """A marketer accepts, declines or delivers (linking the published item)."""
        if status not in REQUEST_STATUSES:
            raise ValueError(f"Unknown request status {status!r}")
        if status == "delivered" and not collateral_id:
            raise ValueError("Delivering a request needs the published item it gets.")
        fields: dict[str, Any] = {"status": status, "response": response or None}
        if collateral_id:
            fields["collateral_id"] = collateral_id
        self.store.save("collateral_request", fields, request_id)

    # -- notices after a sync ------------------------------------------------------------

    def take_notices(self, user_id: str | None, today: str | None = None, *,
                     marketing: bool = False) -> list[Notice]:
        """What changed for this user since the last call: items that left the library
        (retired, expired, withdrawn) and status changes of their own requests.

        The first call only remembers the current state, so nothing old is announced.
        """
        notices: list[Notice] = []
        current = self._titles(LibraryQuery(today=today))
        before = self._get_mark("", "listed")
        if isinstance(before, dict):
            gone = [rid for rid in before if rid not in current]
            if gone:
                replaced = self._replaced(gone)
                for rid in gone:
                    if rid in replaced:
                        continue  # a new version took its place; not a loss
                    notices.append(Notice("removed", rid, str(before[rid] or "")))
        if before != current:  # a large library: write only what changed
            self._set_mark("", "listed", current)
        if user_id:
            mine = {r["id"]: r for r in self.requests(author_id=user_id)}
            seen = self._get_mark("", "request_status")
            if isinstance(seen, dict):
                for rid, row in mine.items():
                    # A request unseen so far counts as "open" before: its answer is news.
                    if seen.get(rid, "open") != row.get("status"):
                        notices.append(Notice("request", rid, f"{row['title']}: {row['status']}"))
            statuses = {rid: r.get("status") for rid, r in mine.items()}
            if seen != statuses:
                self._set_mark("", "request_status", statuses)
        if user_id:
            notices.extend(self._proposal_notices(user_id))
        if marketing:
            notices.extend(self._new_proposal_notices(user_id))
            # Marketing hears of requests that reached its queue since it last looked.
            queue = {r["id"]: r["title"] for r in self.requests(statuses=("open",))
                     if r.get("author_id") != user_id}
            known = self._get_mark("", "queue_seen")
            if isinstance(known, list):
                notices.extend(Notice("new_request", rid, title)
                               for rid, title in queue.items() if rid not in set(known))
            if not isinstance(known, list) or set(known) != set(queue):
                self._set_mark("", "queue_seen", sorted(queue))
        return notices

    def _proposal_notices(self, user_id: str) -> list[Notice]:
        """Marketing's answers to this user's proposals since the last call: approved, or
        declined with its comment."""
        out: list[Notice] = []
        mine = {r["id"]: r for r in self.proposals(proposer_id=user_id, statuses=COLLATERAL_STATUSES)}
        seen = self._get_mark("", "proposal_status")
        if isinstance(seen, dict):
            for rid, row in mine.items():
                status = row.get("status")
                # A proposal unseen so far counts as in review before: an answer is news.
                if seen.get(rid, "review") != status and status in ("approved", "declined"):
                    comment = (row.get("review_comment") or "").strip()
                    out.append(Notice("proposal", rid, f"{row['title']}: {status}"
                                      + (f" ({comment})" if comment else "")))
        statuses = {rid: r.get("status") for rid, r in mine.items()}
        if seen != statuses:
            self._set_mark("", "proposal_status", statuses)
        return out

    def _new_proposal_notices(self, user_id: str | None) -> list[Notice]:
        """Reps' proposals that reached marketing's review queue since it last looked."""
        queue = {r["id"]: r["title"] for r in self.proposals(statuses=("review",))
                 if r.get("proposed_by") != user_id}
        known = self._get_mark("", "proposals_seen")
        out = []
        if isinstance(known, list):
            out = [Notice("new_proposal", rid, title) for rid, title in queue.items()
                   if rid not in set(known)]
        if not isinstance(known, list) or set(known) != set(queue):
            self._set_mark("", "proposals_seen", sorted(queue))
        return out

    def _replaced(self, ids: Sequence[str]) -> set[str]:
        c = record_tables["collateral"]
        with self.engine.connect() as conn:
            return {
                sid for (sid,) in conn.execute(
                    select(c.c.supersedes_id).where(and_(
                        c.c.supersedes_id.in_(list(ids)), c.c.deleted.is_(False),
                        c.c.status == "approved")))
            }


def made_on(record_id: str) -> dt.date | None:
    """The UTC day a record was made, from its UUIDv7 id (None for another kind of id)."""
    made = id_time(record_id)
    return None if made is None else made.date()


def kind_label(kind: str | None) -> str:
    """"Sell sheet" for "sell_sheet"."""
    if not kind or kind not in COLLATERAL_KINDS:
        return "Other" if kind else ""
    return kind.replace("_", " ").capitalize()
