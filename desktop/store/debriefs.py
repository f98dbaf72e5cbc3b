"""Reads and writes of the debriefs job: drafts and submits, the filtered feed, comment threads
with local read marks, reason lists, and the look-ups forms complete from.

Every write goes through `Store.save_in`, so a debrief and its outbox entry commit together;
this module never talks to the network and never imports Qt.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    desc,
    exists,
    func,
    literal_column,
    not_,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from desktop.store.marks import drop_mark, marked, put_mark
from desktop.store.queries import fts_query, live
from desktop.store.records import Store
from desktop.store.schema import local_marks, record_tables
from fieldnote.debriefs import WIRE_FIELDS, check_debrief, check_draft, storable, tidy_tags
from fieldnote.ids import new_id
from fieldnote.kinds import DEBRIEF, DEBRIEF_COMMENT, REASON_LIST
from fieldnote.validation import FieldError, ValidationFailed, utc_now_iso

debriefs = record_tables["debrief"]
comments = record_tables["debrief_comment"]
users = record_tables["user"]
leads = record_tables["lead"]
collateral = record_tables["collateral"]
reason_lists = record_tables["reason_list"]

# The local mark under which a form that cannot be a record yet (no account typed) is kept.
UNSAVED_FORM = "unsaved_form"
READ = "read"
COMPLETION_LIMIT = 5000


@dataclass(frozen=True)
class DebriefFilter:
    """What the feed shows. `scope` "all" is every submitted debrief; "mine" is the user's own,
    drafts included (and those filed before anyone signed in on this device)."""

    scope: str = "all"
    user_id: str = ""
    search: str = ""
    rep_id: str = ""
    team: str = ""
    outcome: str = ""
    objection: str = ""
    competitor: str = ""
    collateral_id: str = ""
    since: str = ""
    until: str = ""


@dataclass(frozen=True)
class AutosaveResult:
    record_id: str
    # "record": saved as a draft record (queued); "form": kept as a local unsaved form.
    kept_as: str
    errors: tuple[FieldError, ...] = ()


@dataclass
class AddReport:
    """The outcome of adding many debriefs: ids of the queued ones, errors of the others by index."""

    saved: list[tuple[int, str]] = field(default_factory=list)
    rejected: list[tuple[int, list[FieldError]]] = field(default_factory=list)


def _json_has(column: Any, value: str) -> Any:
    """True when the JSON list in `column` holds `value` (case-insensitive)."""
    return exists(
        select(literal_column("1"))
        .select_from(func.json_each(column).table_valued("value"))
        .where(func.lower(literal_column("value")) == value.lower())
    )


class DebriefStore:
    """The debriefs job's queries and writes over one local store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    # -- the feed ------------------------------------------------------------------------

    def _where(self, f: DebriefFilter | Mapping[str, Any]) -> list[Any] | None:
        if not isinstance(f, DebriefFilter):
            f = DebriefFilter(**f)
        t = debriefs
        # Plain `deleted` here (not queries.live): the feed is served in call order by the
        # index that starts with deleted and status.
        where: list[Any] = [t.c.deleted.is_(False)]
        if f.scope == "mine":
            # With nobody signed in, everything on this device is the user's own.
            if f.user_id:
                where.append(or_(t.c.author_id == f.user_id, t.c.author_id.is_(None)))
        else:
            where.append(t.c.status == "submitted")
        if f.rep_id:
            where.append(t.c.author_id == f.rep_id)
        if f.team:
            where.append(t.c.author_id.in_(
                select(users.c.id).where(users.c.team == f.team, users.c.deleted.is_(False))))
        if f.outcome:
            where.append(t.c.outcome == f.outcome)
        if f.objection:
            where.append(_json_has(t.c.objections, f.objection))
        if f.competitor:
            where.append(_json_has(t.c.competitors, f.competitor))
        if f.collateral_id:
            where.append(exists(
                select(literal_column("1"))
                .select_from(func.json_each(t.c.collateral_used).table_valued("value"))
                .where(func.json_extract(literal_column("value"), "$.collateral_id") == f.collateral_id)
            ))
        if f.since:
            where.append(t.c.call_date >= f.since)
        if f.until:
            where.append(t.c.call_date <= f.until)
        if f.search.strip():
            match = fts_query(f.search)
            if match is None:
                return None
            where.append(literal_column("rec_debrief.rowid").in_(
                text("SELECT rowid FROM fts_debrief WHERE fts_debrief MATCH :match")
                .bindparams(match=match)))
        return where

    def ids(self, f: DebriefFilter | Mapping[str, Any], limit: int | None = None) -> list[str]:
        """Ids of the debriefs `f` selects, newest call first."""
        where = self._where(f)
        if where is None:
            return []
        query = (select(debriefs.c.id).where(*where)
                 .order_by(desc(debriefs.c.call_date), desc(debriefs.c.id)))
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return _id_list(conn, query)

    def matching(self, f: DebriefFilter | Mapping[str, Any], ids: Sequence[str]) -> set[str]:
        """Which of `ids` the filter still selects (a view repaints those, reloads otherwise)."""
        where = self._where(f)
        if where is None or not ids:
            return set()
        with self.engine.connect() as conn:
            return set(conn.execute(
                select(debriefs.c.id).where(debriefs.c.id.in_(list(ids)), *where)).scalars())

    def rows(self, ids: Sequence[str], user_id: str = "") -> dict[str, dict[str, Any]]:
        """Debrief rows for display: the record, its author's name and its comment counts."""
        wanted = list(ids)
        out: dict[str, dict[str, Any]] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                query = (
                    select(debriefs, users.c.name.label("_author"), users.c.team.label("_team"))
                    .select_from(debriefs.outerjoin(users, users.c.id == debriefs.c.author_id))
                    .where(debriefs.c.id.in_(chunk))
                )
                for row in conn.execute(query).mappings():
                    out[row["id"]] = {**row, "_comments": 0, "_unread": 0}
                for debrief_id, total, unread in conn.execute(self._comment_counts(chunk)):
                    if debrief_id in out:
                        out[debrief_id]["_comments"] = int(total)
                        out[debrief_id]["_unread"] = int(unread or 0)
        return out

    def _comment_counts(self, debrief_ids: Sequence[str]) -> Any:
        read = self._read_mark_exists()
        return (
            select(
                comments.c.debrief_id,
                func.count(),
                func.sum(func.iif(read, 0, 1)),
            )
            .where(comments.c.debrief_id.in_(list(debrief_ids)), comments.c.deleted.is_(False))
            .group_by(comments.c.debrief_id)
        )

    @staticmethod
    def _read_mark_exists() -> Any:
        return exists(
            select(literal_column("1")).where(
                local_marks.c.kind == "debrief_comment",
                local_marks.c.record_id == comments.c.id,
                local_marks.c.mark == READ,
            )
        )

    def count(self, f: DebriefFilter | Mapping[str, Any]) -> int:
        where = self._where(f)
        if where is None:
            return 0
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(debriefs).where(*where)).scalar_one())

    def get(self, record_id: str) -> dict[str, Any] | None:
        return self.rows([record_id]).get(record_id)

    def unread_total(self, f: DebriefFilter | Mapping[str, Any]) -> int:
        """Unread replies on the debriefs `f` selects (the page's badge)."""
        where = self._where(f)
        if where is None:
            return 0
        # Driven from the replies (few) to their debriefs by primary key, not the other way.
        query = (
            select(func.count())
            .select_from(comments.join(debriefs, debriefs.c.id == comments.c.debrief_id))
            .where(comments.c.deleted.is_(False), not_(self._read_mark_exists()), *where)
        )
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    # -- drafts and submits --------------------------------------------------------------

    def form_values(self, record_id: str) -> dict[str, Any] | None:
        """What the form shows for `record_id`: the unsaved form if one is kept, else the record."""
        with self.engine.connect() as conn:
            kept = conn.execute(
                select(local_marks.c.value).where(
                    local_marks.c.kind == "debrief",
                    local_marks.c.record_id == record_id,
                    local_marks.c.mark == UNSAVED_FORM,
                )
            ).scalar()
            row = conn.execute(select(debriefs).where(debriefs.c.id == record_id)).mappings().first()
        if isinstance(kept, dict):
            return dict(kept)
        if row is None or row["deleted"]:
            return None
        return {k: row[k] for k in WIRE_FIELDS}

    def autosave(self, record_id: str, values: Mapping[str, Any], author_id: str = "") -> AutosaveResult:
        """Keep a draft on disk, in one transaction.

        Once it has an account and a call date it is a draft record (queued for sync like any
        record, so it is backed up; the hub shows drafts to their author only). Before that, or
        while a field is unusable, the form as typed is kept as a local mark and nothing is lost.
        """
        errors: tuple[FieldError, ...] = ()
        clean: dict[str, Any] | None
        try:
            clean = check_draft(values)
        except ValidationFailed as exc:
            clean, errors = None, tuple(exc.errors)
        with self.engine.begin() as conn:
            current = conn.execute(
                select(debriefs.c.status, debriefs.c.deleted).where(debriefs.c.id == record_id)
            ).first()
            if current is not None and not current.deleted and current.status == "submitted":
                # Autosave never turns a submitted debrief back into a draft.
                raise ValidationFailed([FieldError("status", "this debrief is already submitted")])
            if clean is not None and storable(clean):
                self.store.save_in(conn, DEBRIEF, clean, record_id, local_fields=_author(author_id))
                _drop_mark(conn, record_id)
                kept_as = "record"
            else:
                _keep_form(conn, record_id, values)
                kept_as = "form"
        self.store.notify("debrief", [record_id])
        return AutosaveResult(record_id, kept_as, errors)

    def submit(self, record_id: str, values: Mapping[str, Any], author_id: str = "") -> str:
        """Validate like every submit does and queue the debrief; raises ValidationFailed."""
        clean = check_debrief({**values, "status": "submitted"})
        with self.engine.begin() as conn:
            self.store.save_in(conn, DEBRIEF, clean, record_id, local_fields=_author(author_id))
            _drop_mark(conn, record_id)
        self.store.notify("debrief", [record_id])
        return record_id

    def discard(self, record_id: str) -> None:
        """Throw a draft away: its kept form goes, a draft record is deleted (and the delete queued)."""
        with self.engine.begin() as conn:
            _drop_mark(conn, record_id)
        row = self.store.get("debrief", record_id)
        if row is not None and row["status"] != "submitted":
            self.store.delete("debrief", record_id)
        else:
            self.store.notify("debrief", [record_id])

    def unsaved_forms(self) -> list[tuple[str, dict[str, Any]]]:
        """Drafts kept as typed (not yet records), oldest first."""
        with self.engine.connect() as conn:
            return marked(conn, "debrief", UNSAVED_FORM)

    def add_many(self, items: Sequence[Any], author_id: str = "") -> AddReport:
        """Queue every good debrief of `items`; report the bad ones by index with their errors.

        An item may carry an `id`: adding the same file twice then updates instead of duplicating.
        """
        report = AddReport()
        with self.engine.begin() as conn:
            for index, item in enumerate(items):
                if not isinstance(item, Mapping):
                    report.rejected.append((index, [FieldError("debrief", "must be a JSON object")]))
                    continue
                fields = dict(item)
                record_id = fields.pop("id", None)
                try:
                    if record_id is not None:
                        record_id = _check_id(record_id)
                    clean = check_debrief(fields)
                    result = self.store.save_in(conn, DEBRIEF, clean, record_id,
                                                local_fields=_author(author_id))
                except ValidationFailed as exc:
                    report.rejected.append((index, exc.errors))
                    continue
                report.saved.append((index, result.record_id))
        if report.saved:
            self.store.notify("debrief", [rid for _, rid in report.saved])
        return report

    # -- comments ------------------------------------------------------------------------

    def comments(self, debrief_id: str) -> list[dict[str, Any]]:
        query = (
            select(comments, users.c.name.label("_author"), self._read_mark_exists().label("_read"))
            .select_from(comments.outerjoin(users, users.c.id == comments.c.author_id))
            .where(comments.c.debrief_id == debrief_id, comments.c.deleted.is_(False))
            .order_by(comments.c.created_at, comments.c.id)
        )
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def add_comment(self, debrief_id: str, body: str, author_id: str = "") -> str:
        """Queue a reply; the author's own reply is born read."""
        fields = {"debrief_id": debrief_id, "body": body, "created_at": utc_now_iso()}
        with self.engine.begin() as conn:
            result = self.store.save_in(conn, DEBRIEF_COMMENT, fields, local_fields=_author(author_id))
            _mark_read(conn, [result.record_id])
        self.store.notify("debrief_comment", [result.record_id])
        return result.record_id

    def mark_read(self, debrief_id: str) -> int:
        """Mark every reply on a debrief read (a local fact; it never syncs). Returns how many."""
        with self.engine.begin() as conn:
            unread = list(conn.execute(
                select(comments.c.id).where(
                    comments.c.debrief_id == debrief_id, not_(self._read_mark_exists()))
            ).scalars())
            _mark_read(conn, unread)
        if unread:
            self.store.notify("debrief_comment", unread)
        return len(unread)

    # -- reason lists --------------------------------------------------------------------

    def reason_lists(self) -> dict[str, list[str]]:
        """Marketing's reason lists by name (why_buy, why_not, ...), newest record per list."""
        out: dict[str, list[str]] = {}
        for row in self._reason_rows():
            out.setdefault(row["list"], list(row["items"] or []))
        return out

    def _reason_rows(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(
                select(reason_lists).where(reason_lists.c.deleted.is_(False))
                .order_by(desc(reason_lists.c.rev), desc(reason_lists.c.local_updated_at))
            ).mappings()]

    def save_reason_list(self, name: str, items: Iterable[str], author_id: str = "") -> str:
        """Replace one reason list's items (marketers); queued for every rep."""
        existing = next((r["id"] for r in self._reason_rows() if r["list"] == name), None)
        result = self.store.save(
            REASON_LIST.name, {"list": name, "items": tidy_tags(items)}, existing,
            local_fields=_author(author_id),
        )
        return result.record_id

    # -- look-ups for the form and filters ----------------------------------------------

    def accounts(self) -> list[str]:
        """Account names from past debriefs and lead companies, for the account completer."""
        query = (
            select(debriefs.c.account.label("name")).where(debriefs.c.deleted.is_(False))
            .union(select(leads.c.company).where(live(leads), leads.c.company.isnot(None)))
        )
        with self.engine.connect() as conn:
            names = conn.execute(select(query.subquery().c.name).limit(COMPLETION_LIMIT)).scalars()
            return sorted({n for n in names if n}, key=str.casefold)

    def completions(self) -> dict[str, list[str]]:
        """What the form's completers offer: accounts, objections and competitors filed so far.

        This reads every debrief; views load it off the UI thread.
        """
        return {"accounts": self.accounts(), "objections": self.tag_values("objections"),
                "competitors": self.tag_values("competitors")}

    def tag_values(self, field_name: str) -> list[str]:
        """Every value filed so far in a tag field (objections, competitors, why_buy, why_not)."""
        if field_name not in ("objections", "competitors", "why_buy", "why_not"):
            raise ValueError(f"{field_name} is not a tag field of debrief")
        each = func.json_each(debriefs.c[field_name]).table_valued("value")
        query: Select[tuple[Any]] = (
            select(literal_column("value")).select_from(debriefs).join(each, literal_column("1") == 1)
            .where(debriefs.c.deleted.is_(False)).distinct().limit(COMPLETION_LIMIT)
        )
        with self.engine.connect() as conn:
            values = conn.execute(query).scalars()
            return sorted({v for v in values if isinstance(v, str) and v}, key=str.casefold)

    def reps(self) -> list[tuple[str, str, str]]:
        """(id, name, team) of people in the directory, for the rep and team filters."""
        with self.engine.connect() as conn:
            return [(r.id, r.name or "", r.team or "") for r in conn.execute(
                select(users.c.id, users.c.name, users.c.team)
                .where(users.c.deleted.is_(False)).order_by(users.c.name))]

    def collateral_titles(self) -> list[tuple[str, str]]:
        """(id, title) of collateral a rep may have used: approved or still in the cache."""
        with self.engine.connect() as conn:
            return [(r.id, r.title or "") for r in conn.execute(
                select(collateral.c.id, collateral.c.title)
                .where(collateral.c.deleted.is_(False), or_(collateral.c.status.is_(None),
                       collateral.c.status != "draft"))
                .order_by(collateral.c.title))]

    def lead_choices(self, account: str, limit: int = 50) -> list[tuple[str, str]]:
        """(id, label) of leads that may be the one a call on `account` follows up."""
        match = fts_query(account)
        if match is None:
            return []
        query = (
            select(leads.c.id, leads.c.first_name, leads.c.last_name, leads.c.company)
            .where(live(leads), literal_column("rec_lead.rowid").in_(
                text("SELECT rowid FROM fts_lead WHERE fts_lead MATCH :m").bindparams(m=match)))
            .order_by(desc(leads.c.captured_at)).limit(limit)
        )
        with self.engine.connect() as conn:
            out = []
            for r in conn.execute(query):
                name = " ".join(p for p in (r.first_name, r.last_name) if p) or "?"
                out.append((r.id, f"{name} — {r.company}" if r.company else name))
            return out

    def lead_label(self, lead_id: str) -> str:
        row = self.store.get("lead", lead_id)
        if row is None:
            return ""
        name = " ".join(p for p in (row.get("first_name"), row.get("last_name")) if p) or "?"
        return f"{name} — {row['company']}" if row.get("company") else name

    # -- export and reports --------------------------------------------------------------

    def export(self, since: str = "") -> list[dict[str, Any]]:
        """Every debrief on this device as the protocol's fields plus `id` and `author_id`."""
        where: list[ColumnElement[bool]] = [debriefs.c.deleted.is_(False)]
        if since:
            where.append(debriefs.c.call_date >= since)
        query = select(debriefs).where(and_(*where)).order_by(desc(debriefs.c.call_date), desc(debriefs.c.id))
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [wire_object(r) for r in rows]

    def report_data(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        """Everything a PDF shows for each debrief, in `ids` order: names resolved, replies added."""
        rows = self.rows(ids)
        titles = dict(self.collateral_titles())
        out = []
        for rid in ids:
            row = rows.get(rid)
            if row is None:
                continue
            item = wire_object(row)
            item["author"] = row.get("_author") or ""
            item["collateral"] = [
                {"title": titles.get(str(c.get("collateral_id")), str(c.get("collateral_id"))),
                 "helpful": c.get("helpful")}
                for c in (row.get("collateral_used") or []) if isinstance(c, dict)
            ]
            item["comments"] = [
                {"author": c.get("_author") or "", "body": c.get("body") or "",
                 "created_at": c.get("created_at") or ""}
                for c in self.comments(rid)
            ]
            out.append(item)
        return out


def _id_list(conn: Connection, query: Any) -> list[str]:
    """The first column of `query` in one driver-level fetch.

    A feed is tens of thousands of ids; SQLAlchemy's row-by-row result objects cost more than
    the query itself at that size, so the compiled statement runs on the driver's cursor.
    """
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in compiled.positiontup or ()]
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return [row[0] for row in cursor.execute(compiled.string, params).fetchall()]
    finally:
        cursor.close()


def wire_object(row: Mapping[Any, Any]) -> dict[str, Any]:
    # Mapping[Any, Any]: SQLAlchemy's RowMapping is keyed by names or columns.
    """A debrief row as one flat object: `id`, the protocol's fields, `author_id`."""
    out: dict[str, Any] = {"id": row["id"]}
    for name in WIRE_FIELDS:
        out[name] = row.get(name)
    out["author_id"] = row.get("author_id")
    return out


def _author(author_id: str) -> dict[str, Any] | None:
    return {"author_id": author_id} if author_id else None


def _check_id(value: Any) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise ValidationFailed([FieldError("id", "must be an id (UUID)")]) from None


def _keep_form(conn: Connection, record_id: str, values: Mapping[str, Any]) -> None:
    put_mark(conn, "debrief", record_id, UNSAVED_FORM, dict(values))


def _drop_mark(conn: Connection, record_id: str) -> None:
    drop_mark(conn, "debrief", record_id, UNSAVED_FORM)


def _mark_read(conn: Connection, comment_ids: Iterable[str]) -> None:
    for cid in comment_ids:
        conn.execute(sqlite_insert(local_marks).values(
            kind="debrief_comment", record_id=cid, mark=READ, value=True
        ).on_conflict_do_nothing())


def new_draft_id() -> str:
    return new_id()


def today_iso() -> str:
    return dt.date.today().isoformat()
