"""The SQL behind the Insights page: every figure computed from the local cache in one snapshot.

`InsightsQueries.compute(filters)` returns plain JSON-ready data that the page, the
`fieldnote insights --json` command and the PDF report all show unchanged. It reads through its
own read-only connections (two read transactions started together, one for the lead side and
one for collateral and debriefs), so a long computation never holds the writer's lock; it never
writes a record. What only changes when a record is written (how far each lead got, each
debrief's tags and collateral entries) is read from the summary tables that SQLite triggers keep
current (migration 0004) rather than worked out again from every outcome and every JSON list.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, bindparam, select, text

from desktop.store import funnel_sql
from desktop.store.db import make_engine
from desktop.store.records import HUB_SETTINGS_KEY
from desktop.store.schema import sync_state
from fieldnote.costs import (
    MIXED,
    PIPELINE_STATUSES,
    campaign_cost,
    cost_figures,
    cost_of,
    pipeline_by_lead,
)
from fieldnote.followups import service_levels
from fieldnote.insights import (
    FUNNEL,
    GRADE_GROUPS,
    NO_EVENT,
    STALE_DAYS,
    VOICE_DIMENSIONS,
    InsightFilters,
    id_time,
    median,
    money,
    rate,
    recipient_open_figures,
    service_level_figures,
    step_conversion,
    top_and_bottom,
)
from fieldnote.money import currency_of

Check = Callable[[], None]


class _CubeRow(NamedTuple):
    event_id: str | None
    grade: str
    qualified: int
    rubric_id: str | None
    rubric_version: int | None
    n: int
    contacted: int
    meeting: int
    opportunity: int
    won: int
    won_cents: float  # won amounts in whole cents (a float only past 2**53 cents)
    delay_seconds: int  # capture to first contact in whole seconds, summed over the group
    delay_n: int


# A stored list that is not valid JSON is skipped, never an error; readers of json_each take
# only array elements (integer keys), so an object or a scalar adds nothing either.
_JSON_ARRAY = "CASE WHEN json_valid({c}) THEN {c} END"


def _no_check() -> None:
    return None


def _fetch(conn: Connection, statement: str) -> list[tuple[Any, ...]]:
    """All rows of a statement without parameters, as plain tuples, read through the driver's
    cursor in the connection's transaction (thousands of rows: no per-row result objects)."""
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        rows: list[tuple[Any, ...]] = cursor.execute(statement).fetchall()
        return rows
    finally:
        cursor.close()


def _key(value: Any) -> Any:
    """A key of the totals tables: NULL is stored as the empty blob (migration 0007)."""
    return None if isinstance(value, bytes) else value


_CUBE_SUMS = "leads, contacted, meeting, opportunity, won, won_cents, delay_seconds, delay_n"
# The filtered cube's stage sums over `insights_lead_stage s`, from the funnel's one definition
# as the kept totals add them (`desktop.store.funnel_sql`): whole cents and seconds, and TOTAL
# for the cents (it never overflows).
_STAGE_SUMS = ", ".join(
    f"{'TOTAL' if name == 'won_cents' else 'SUM'}({value}) AS {name}"
    for name, value in funnel_sql.stage_values("s").items()
)


class _Where:
    """SQL conditions and their parameters for one kind of record under the filters."""

    def __init__(self, filters: InsightFilters) -> None:
        self.f = filters
        self.params: dict[str, Any] = {}
        self.expanding: set[str] = set()
        if filters.date_from:
            self.params["day_from"] = filters.date_from.isoformat()
        if filters.date_to:
            self.params["day_to"] = filters.date_to.isoformat()
            self.params["day_after"] = (filters.date_to + dt.timedelta(days=1)).isoformat()
        if filters.team:
            self.params["team"] = filters.team
        if filters.rep_id:
            self.params["rep"] = filters.rep_id
        if filters.event_ids:
            self.params["events"] = list(filters.event_ids)
            self.expanding.add("events")
        # No filter at all: every submitted debrief counts, so the figures over debriefs can
        # read the debrief columns copied onto the parsed tag and item rows (migration 0005).
        self.unfiltered = not self.params

    def _author(self, column: str) -> list[str]:
        out = []
        if self.f.team:
            out.append(f"{column} IN (SELECT id FROM rec_user WHERE team = :team)")
        if self.f.rep_id:
            out.append(f"{column} = :rep")
        return out

    def _datetime(self, column: str) -> list[str]:
        # Stored datetimes are UTC ISO strings, so day bounds compare as text (and use indexes).
        out = []
        if self.f.date_from:
            out.append(f"{column} >= :day_from")
        if self.f.date_to:
            out.append(f"{column} < :day_after")
        return out

    def _date(self, column: str) -> list[str]:
        out = []
        if self.f.date_from:
            out.append(f"{column} >= :day_from")
        if self.f.date_to:
            out.append(f"{column} <= :day_to")
        return out

    _EVENT_LEADS = "(SELECT id FROM rec_lead WHERE event_id IN :events)"

    def leads(self, a: str = "l") -> str:
        conds = [f"{a}.deleted = 0", *self._datetime(f"{a}.captured_at"), *self._author(f"{a}.owner_id")]
        if self.f.event_ids:
            conds.append(f"{a}.event_id IN :events")
        return " AND ".join(conds)

    def debriefs(self, a: str = "d") -> str:
        conds = [f"{a}.deleted = 0", f"{a}.status = 'submitted'", *self._date(f"{a}.call_date"),
                 *self._author(f"{a}.author_id")]
        if self.f.event_ids:
            conds.append(f"{a}.lead_id IN {self._EVENT_LEADS}")
        return " AND ".join(conds)

    def usage(self, a: str = "u") -> str:
        # A use without a time counts only when no dates are chosen.
        conds = [f"{a}.deleted = 0", *self._datetime(f"{a}.at"), *self._author(f"{a}.author_id")]
        if self.f.event_ids:
            conds.append(
                f"({a}.lead_id IN {self._EVENT_LEADS} OR {a}.debrief_id IN "
                f"(SELECT id FROM rec_debrief WHERE lead_id IN {self._EVENT_LEADS}))"
            )
        return " AND ".join(conds)

    def sends(self, a: str = "s") -> str:
        """Collateral mailed to visitors: by when it was mailed, its sender, its lead's event."""
        conds = [f"{a}.deleted = 0", f"{a}.mailed_at IS NOT NULL", *self._datetime(f"{a}.mailed_at"),
                 *self._author(f"{a}.author_id")]
        if self.f.event_ids:
            conds.append(f"{a}.lead_id IN {self._EVENT_LEADS}")
        return " AND ".join(conds)

    def feedback(self, a: str = "fb") -> str:
        return " AND ".join([f"{a}.deleted = 0", f"{a}.rating IS NOT NULL", *self._author(f"{a}.author_id")])

    def requests(self, a: str = "r") -> str:
        conds = [f"{a}.deleted = 0", *self._author(f"{a}.author_id")]
        if self.f.event_ids:
            conds.append(f"{a}.event_id IN :events")
        return " AND ".join(conds)

    def sql(self, statement: str, **extra: Any) -> Any:
        clause = text(statement)
        used = {k: v for k, v in {**self.params, **extra}.items() if f":{k}" in statement}
        for name in self.expanding & used.keys():
            clause = clause.bindparams(bindparam(name, expanding=True))
        return clause, used


def _rows(conn: Connection, where: _Where, statement: str, **extra: Any) -> Sequence[Any]:
    clause, params = where.sql(statement, **extra)
    return conn.execute(clause, params).all()


class InsightsQueries:
    """Computes the Insights figures from the store file behind `engine`."""

    # With no filter, read the debrief columns copied onto the tag and item rows instead of
    # joining the debriefs (the figures are the same; a test compares both ways).
    read_debrief_copies = True
    # With no filter, read the sums the triggers of migrations 0007 and 0008 keep (the funnel
    # cube, leads per rep and day, per item uses, ratings, votes and deals, the voice of the
    # customer) instead of summing the records.
    read_totals = True

    def __init__(self, engine: Engine) -> None:
        database = engine.url.database
        if not database or database == ":memory:":
            raise ValueError("Insights need a store file, not an in-memory database")
        self._reader = make_engine(Path(database), writer=False)

    def dispose(self) -> None:
        self._reader.dispose()

    # -- lookups the filters offer --------------------------------------------------------

    def choices(self) -> dict[str, Any]:
        """Events, teams and reps to filter by, from the cache."""
        with self._reader.connect() as conn:
            events = [
                {"id": r.id, "name": r.name or "", "campaign_code": r.campaign_code,
                 "starts_on": r.starts_on}
                for r in conn.execute(text(
                    "SELECT id, name, campaign_code, starts_on FROM rec_event WHERE deleted = 0 "
                    "ORDER BY starts_on DESC, name"
                ))
            ]
            users = [
                {"id": r.id, "name": r.name or "", "team": r.team, "role": r.role}
                for r in conn.execute(text(
                    "SELECT id, name, team, role FROM rec_user WHERE deleted = 0 ORDER BY name"
                ))
            ]
        teams = sorted({u["team"] for u in users if u["team"]})
        return {"events": events, "teams": teams, "users": users}

    def resolve_events(self, name_or_id: str) -> list[dict[str, Any]]:
        """Events whose id equals, or whose name equals (ignoring case), what was typed."""
        wanted = name_or_id.strip()
        with self._reader.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT id, name FROM rec_event WHERE deleted = 0 AND "
                    "(id = :v OR lower(name) = lower(:v)) ORDER BY starts_on, id"
                ),
                {"v": wanted},
            ).all()
        return [{"id": r.id, "name": r.name} for r in rows]

    # -- the figures ------------------------------------------------------------------------

    def compute(
        self,
        filters: InsightFilters | None = None,
        *,
        today: dt.date | None = None,
        check: Check = _no_check,
    ) -> dict[str, Any]:
        """Every figure of the page under `filters`; `check` is called between steps (cancel)."""
        filters = filters or InsightFilters()
        today = today or dt.datetime.now(dt.UTC).date()
        as_of = min(filters.date_to, today) if filters.date_to else today
        where = _Where(filters)
        if where.unfiltered and self.read_totals:
            # Every figure comes from the small tables the triggers keep: one read transaction
            # on one thread (two threads would mostly wait for each other's Python).
            with self._snapshot() as conn:
                lead_side = self._lead_side(conn, where, check)
                rest = self._records_side(conn, where, filters, as_of, check)
        else:
            # Two read transactions started together on two connections: SQLite releases the
            # GIL while it works, so the lead side and the collateral and debrief side run at once.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="insights") as pool:
                records_side = pool.submit(self._in_snapshot, self._records_side, where, filters,
                                           as_of, check)
                try:
                    lead_side = self._in_snapshot(self._lead_side, where, check)
                except BaseException:
                    # Leaving the pool waits for the other side; it stops at its next check.
                    records_side.cancel()
                    raise
                rest = records_side.result()
        out = self._events(lead_side["cube"], rest.pop("rep_day"), lead_side["events"],
                           lead_side["users"])
        self._add_service_levels(out["events"], where)
        currency = self._currency()
        _add_costs(out, lead_side["events"], lead_side["pipeline"], currency)
        out["rubric_check"] = lead_side["rubric_check"]
        out["_deals"], out["_users"] = lead_side["deals"], lead_side["users"]
        deals = out.pop("_deals")
        for cid, figures in deals.items():
            item = rest["collateral_detail"].get(cid)
            if item is not None:
                item.update(figures)
        shown = filters.as_dict()
        shown["rep_name"] = out.pop("_users").get(filters.rep_id or "", {}).get("name")
        # The currency the amounts are in (a hub setting): the JSON's numbers stay plain.
        return {"filters": shown, "as_of": as_of.isoformat(), "currency": currency,
                **out, **rest}

    def _currency(self) -> str:
        with self._reader.connect() as conn:
            settings = conn.execute(select(sync_state.c.value).where(
                sync_state.c.key == HUB_SETTINGS_KEY)).scalar()
        return currency_of(settings if isinstance(settings, dict) else None)

    @contextmanager
    def _snapshot(self) -> Iterator[Connection]:
        """A read transaction with in-memory temp tables, rolled back (temp tables go too)."""
        with self._reader.connect() as conn:
            conn.exec_driver_sql("PRAGMA temp_store = MEMORY")
            conn.exec_driver_sql("PRAGMA cache_size = -65536")
            for name in ("ins_deal", "ins_debrief"):
                conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
            try:
                yield conn
            finally:
                conn.rollback()

    def _in_snapshot(self, side: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
        with self._snapshot() as conn:
            return side(conn, *args)

    def _lead_side(self, conn: Connection, where: _Where, check: Check) -> dict[str, Any]:
        """The funnel cube, the rubric check, and the deals collateral was used in (the events
        and campaigns are made from these and leads per rep and day once both sides are done)."""
        users = {r.id: {"name": r.name or "", "team": r.team} for r in conn.execute(
            text("SELECT id, name, team FROM rec_user WHERE deleted = 0"))}
        events = {r.id: dict(r._mapping) for r in conn.execute(text(
            "SELECT id, name, campaign_code, starts_on, cost_amount, cost_currency "
            "FROM rec_event WHERE deleted = 0"))}
        cube = self._cube(conn, where)
        check()
        rubric_check = self._rubric_check(conn, cube)
        deals = self._deals(conn, where)
        pipeline = self._pipeline(conn, where)
        return {"users": users, "events": events, "cube": cube,
                "rubric_check": rubric_check, "deals": deals, "pipeline": pipeline}

    def _pipeline(self, conn: Connection, where: _Where) -> dict[str | None, float]:
        """The pipeline the leads under the filters influenced, per event
        (`fieldnote.costs.pipeline_value`): the outcomes of the leads that have an opportunity
        or a win with an amount, all of them (a retraction may withdraw one), read once."""
        rows = _rows(conn, where,
            "SELECT o.id, o.lead_id, o.status, o.amount, o.at, o.retracts, o.deleted, "
            "l.event_id FROM rec_lead l JOIN rec_lead_outcome o ON o.lead_id = l.id "
            f"WHERE {where.leads('l')} AND EXISTS (SELECT 1 FROM rec_lead_outcome p "
            "WHERE p.lead_id = l.id AND p.deleted = 0 AND p.amount IS NOT NULL "
            f"AND p.status IN ({', '.join(repr(s) for s in PIPELINE_STATUSES)}))")
        event_of = {r.lead_id: _key(r.event_id) for r in rows}
        per_event: dict[str | None, float] = defaultdict(float)
        for lead_id, value in pipeline_by_lead(r._mapping for r in rows).items():
            per_event[event_of[lead_id]] += value
        return dict(per_event)

    def _records_side(self, conn: Connection, where: _Where, filters: InsightFilters,
                      as_of: dt.date, check: Check) -> dict[str, Any]:
        """Collateral use, ratings and votes, the voice of the customer, requests, and leads
        per rep and day (here rather than with the other lead figures, to even out the two
        sides' work)."""
        copies = where.unfiltered and self.read_debrief_copies
        if not copies:
            self._debrief_table(conn, where)
        check()
        out = self._collateral(conn, where, as_of, copies,
                               where.unfiltered and self.read_totals)
        out["collateral_recipients"] = self._recipients(conn, where)
        check()
        if where.unfiltered and self.read_totals:
            out.update(self._voice_from_totals(conn))
        else:
            out.update(self._voice_from_copies(conn) if copies else self._voice(conn))
        out["requests"] = self._requests(conn, where, filters, as_of)
        check()
        out["rep_day"] = self._rep_day(conn, where)
        return out

    def debriefs_behind(
        self,
        filters: InsightFilters,
        dimension: str,
        tag: str,
        *,
        month: str | None = None,
        team: str | None = None,
        outcome: str | None = None,
    ) -> list[dict[str, Any]]:
        """The submitted debriefs behind one voice-of-the-customer number, newest call first.

        `dimension` is one of objections, competitors, why_buy, why_not, or `helped` /
        `not_helped` with a collateral id as `tag`.
        """
        where = _Where(filters)
        where.params["tag"] = tag
        conds = [where.debriefs("d")]
        if dimension in VOICE_DIMENSIONS:
            source = f"json_each({_JSON_ARRAY.format(c='d.' + dimension)}) j"
            conds.append("typeof(j.key) = 'integer' AND j.type = 'text' AND j.value = :tag")
        elif dimension in ("helped", "not_helped"):
            source = f"json_each({_JSON_ARRAY.format(c='d.collateral_used')}) j"
            conds.append("typeof(j.key) = 'integer' AND j.type = 'object'")
            conds.append("json_extract(j.value, '$.collateral_id') = :tag")
            conds.append(f"json_extract(j.value, '$.helpful') = {1 if dimension == 'helped' else 0}")
        else:
            raise ValueError(f"Unknown insight dimension {dimension!r}")
        if month:
            where.params["month"] = month
            conds.append("substr(d.call_date, 1, 7) = :month")
        if team:
            where.params["seg_team"] = team
            conds.append("COALESCE(us.team, '') = :seg_team")
        if outcome:
            where.params["seg_outcome"] = outcome
            conds.append("COALESCE(d.outcome, '') = :seg_outcome")
        statement = (
            "SELECT DISTINCT d.id, d.account, d.call_date, d.outcome, d.author_id, "
            "us.name AS author, us.team AS team FROM rec_debrief d "
            "LEFT JOIN rec_user us ON us.id = d.author_id, "
            f"{source} WHERE {' AND '.join(conds)} ORDER BY d.call_date DESC, d.id"
        )
        with self._reader.connect() as conn:
            return [dict(r._mapping) for r in _rows(conn, where, statement)]

    # -- temp tables ------------------------------------------------------------------------

    def _cube(self, conn: Connection, where: _Where) -> list[_CubeRow]:
        """Leads counted by event, grade, qualification and rubric version, with how many
        reached each stage: the scans that the funnel, grade mix and rubric check share.

        How far each lead got (over all its outcomes, not restricted by the filters: an outcome
        months after the show still belongs to the show's funnel) is kept per lead in
        `insights_lead_stage` with a copy of the lead columns, so the stage sums read that
        table alone and the leads are counted from a lead index. Both group by the stored
        columns in the order of their indexes (`ix_rec_lead_cube`, `ix_insights_lead_stage_cube`),
        so SQLite aggregates while it walks them instead of sorting; a stored NULL grade or
        qualification may therefore give a row of its own, which every reader adds up."""
        if where.unfiltered and self.read_totals:
            return [
                _CubeRow(_key(event_id), "ungraded" if _key(grade) is None else grade,
                         _key(qualified) or 0, _key(rubric_id), _key(version), *sums)
                for event_id, grade, qualified, rubric_id, version, *sums in _fetch(conn,
                    f"SELECT event_id, grade, qualified, rubric_id, rubric_version, {_CUBE_SUMS} "
                    "FROM insights_total_lead WHERE leads > 0")
            ]
        group = "event_id, grade, qualified, rubric_id, rubric_version"
        counts = _rows(conn, where,
            f"SELECT {group}, COUNT(*) AS n FROM rec_lead l WHERE {where.leads('l')} GROUP BY {group}")
        stages = {
            (r.event_id, r.grade, r.qualified, r.rubric_id, r.rubric_version): r
            for r in _rows(conn, where,
                f"SELECT {group}, {_STAGE_SUMS} "
                f"FROM insights_lead_stage s WHERE {where.leads('s')} GROUP BY {group}")
        }
        out = []
        for r in counts:
            st = stages.get((r.event_id, r.grade, r.qualified, r.rubric_id, r.rubric_version))
            out.append(_CubeRow(
                r.event_id, "ungraded" if r.grade is None else r.grade,
                0 if r.qualified is None else r.qualified, r.rubric_id, r.rubric_version, r.n,
                *((st.contacted, st.meeting, st.opportunity, st.won, st.won_cents,
                   st.delay_seconds, st.delay_n) if st is not None else (0, 0, 0, 0, 0, 0, 0)),
            ))
        return out

    def _rep_day(self, conn: Connection, where: _Where) -> list[tuple[str | None, str | None, str, int]]:
        """Leads counted by event, owner and capture day: (event, owner, day) groups are few."""
        if where.unfiltered and self.read_totals:
            return [(_key(e), _key(o), _key(d), n) for e, o, d, n in _fetch(conn,
                "SELECT event_id, owner_id, day, leads FROM insights_total_lead_day WHERE leads > 0")]
        return [tuple(r) for r in _rows(conn, where,
            "SELECT l.event_id, l.owner_id, substr(l.captured_at, 1, 10) AS day, COUNT(*) "
            f"FROM rec_lead l WHERE {where.leads('l')} GROUP BY l.event_id, l.owner_id, day"
        )]

    def _debrief_table(self, conn: Connection, where: _Where) -> None:
        statement = (
            "CREATE TEMP TABLE ins_debrief AS SELECT d.id AS id, d.lead_id AS lead_id, "
            "substr(d.call_date, 1, 7) AS month, COALESCE(us.team, '') AS team, "
            "COALESCE(d.outcome, '') AS outcome, "
            # A small number per (month, team, outcome): grouping by it is much cheaper than
            # grouping by the three texts.
            "DENSE_RANK() OVER (ORDER BY substr(d.call_date, 1, 7), COALESCE(us.team, ''), "
            "COALESCE(d.outcome, '')) AS seg "
            "FROM rec_debrief d LEFT JOIN rec_user us ON us.id = d.author_id "
            f"WHERE {where.debriefs('d')}"
        )
        clause, params = where.sql(statement)
        conn.execute(clause, params)

    # -- events and campaigns ---------------------------------------------------------------

    def _events(
        self,
        cube: Sequence[_CubeRow],
        rep_day: Sequence[tuple[str | None, str | None, str | None, int]],
        events: Mapping[str, Mapping[str, Any]],
        users: Mapping[str, Mapping[str, Any]],
    ) -> dict[str, Any]:
        per_event: dict[str | None, dict[str, Any]] = {}

        def event_entry(event_id: str | None) -> dict[str, Any]:
            if event_id not in per_event:
                per_event[event_id] = {
                    "funnel": {**dict.fromkeys(FUNNEL, 0), "won_amount": 0},
                    "grade_mix": dict.fromkeys(GRADE_GROUPS, 0),
                    "per_rep": {},
                    "per_day": {},
                    "delay_seconds": 0,
                    "delay_n": 0,
                }
            return per_event[event_id]

        for r in cube:
            e = event_entry(r.event_id)
            counts = e["funnel"]
            counts["captured"] += r.n
            counts["qualified"] += r.n if r.qualified else 0
            for stage in FUNNEL[2:]:
                counts[stage] += getattr(r, stage)
            counts["won_amount"] += r.won_cents
            e["grade_mix"][r.grade] = e["grade_mix"].get(r.grade, 0) + r.n
            e["delay_seconds"] += r.delay_seconds
            e["delay_n"] += r.delay_n
        for e in per_event.values():
            e["funnel"]["won_amount"] = money(e["funnel"]["won_amount"] / 100)
            seconds, delay_n = e.pop("delay_seconds"), e.pop("delay_n")
            e["avg_days_to_first_contact"] = round(seconds / delay_n / 86400, 2) if delay_n else None
        for event_id, owner_id, day, n in rep_day:
            e = event_entry(event_id)
            name = users.get(owner_id or "", {}).get("name") or ("(unknown)" if owner_id else "(nobody)")
            e["per_rep"][name] = e["per_rep"].get(name, 0) + n
            e["per_day"][day or ""] = e["per_day"].get(day or "", 0) + n
        for e in per_event.values():
            e["per_day"] = dict(sorted(e["per_day"].items()))

        listing: list[dict[str, Any]] = []
        for event_id, data in per_event.items():
            ev = events.get(event_id or "", {})
            name = ev.get("name") or (NO_EVENT if not event_id else f"(unknown event {event_id[:8]})")
            listing.append({
                "id": event_id,
                "name": name,
                "campaign_code": ev.get("campaign_code"),
                "starts_on": ev.get("starts_on"),
                **data,
                "conversion": step_conversion(data["funnel"]),
                "per_rep": dict(sorted(data["per_rep"].items(), key=lambda kv: (-kv[1], kv[0]))),
            })
        listing.sort(key=lambda e: (e["starts_on"] or "", e["name"]), reverse=True)
        # The JSON's funnel is keyed by event name; two events sharing a name get the id added.
        seen: dict[str, int] = defaultdict(int)
        for e in listing:
            seen[e["name"]] += 1
        funnel: dict[str, Any] = {}
        for e in listing:
            key = e["name"] if seen[e["name"]] == 1 else f"{e['name']} ({(e['id'] or '')[:8]})"
            e["key"] = key
            funnel[key] = dict(e["funnel"])
        campaigns: dict[str, dict[str, Any]] = {}
        for e in listing:
            code = e["campaign_code"] or "(no campaign)"
            agg = campaigns.setdefault(code, {**dict.fromkeys(FUNNEL, 0), "won_amount": 0, "events": []})
            for stage in FUNNEL:
                agg[stage] += e["funnel"][stage]
            agg["won_amount"] = money(agg["won_amount"] + e["funnel"]["won_amount"])
            agg["events"].append(e["key"])
        for agg in campaigns.values():
            agg["conversion"] = step_conversion(agg)
        totals = {stage: sum(e["funnel"][stage] for e in listing) for stage in FUNNEL}
        totals["won_amount"] = money(sum(e["funnel"]["won_amount"] for e in listing))
        return {
            "funnel": funnel,
            "events": listing,
            "campaigns": dict(sorted(campaigns.items())),
            "totals": {**totals, "conversion": step_conversion(totals)},
        }

    def _add_service_levels(self, listing: list[dict[str, Any]], where: _Where) -> None:
        """Each event's follow-up figures (`fieldnote.insights.service_level_figures`): the
        leads' grade, capture time and delay to first contact, read under the filters."""
        with self._reader.connect() as conn:
            settings = conn.execute(select(sync_state.c.value).where(
                sync_state.c.key == HUB_SETTINGS_KEY)).scalar()
            rows = _rows(conn, where,
                "SELECT l.event_id, l.grade, l.captured_at, s.delay FROM rec_lead l "
                f"LEFT JOIN insights_lead_stage s ON s.lead_id = l.id WHERE {where.leads('l')}")
        per_event: dict[str | None, list[tuple[Any, Any, Any]]] = defaultdict(list)
        for event_id, grade, captured_at, delay in rows:
            per_event[event_id].append((grade, captured_at, delay))
        levels = service_levels(settings if isinstance(settings, dict) else None)
        now = dt.datetime.now(dt.UTC)
        for e in listing:
            e.update(service_level_figures(per_event.get(e["id"], ()), levels, now))

    # -- rubric check -------------------------------------------------------------------------

    def _rubric_check(self, conn: Connection, cube: Sequence[_CubeRow]) -> list[dict[str, Any]]:
        rubric_names = {r.id: r.name for r in conn.execute(
            text("SELECT id, name FROM rec_rubric WHERE deleted = 0"))}
        groups: dict[tuple[str | None, int | None], dict[str, Any]] = {}

        def entry(rubric_id: str | None, version: int | None) -> dict[str, Any]:
            key = (rubric_id, version)
            if key not in groups:
                groups[key] = {
                    "rubric_id": rubric_id,
                    "rubric_name": rubric_names.get(rubric_id or "") or (
                        "(no rubric)" if not rubric_id else "(unknown rubric)"),
                    "rubric_version": version,
                    "by_grade": {},
                    "by_qualified": {},
                }
            return groups[key]

        def figures(acc: Mapping[str, int]) -> dict[str, Any]:
            return {f"{stage}_rate": rate(acc[stage], acc["leads"])
                    for stage in ("meeting", "opportunity", "won")}

        def add(bucket: dict[str, Any], label: str, r: Any) -> None:
            acc = bucket.setdefault(label, {"leads": 0, "meeting": 0, "opportunity": 0, "won": 0})
            acc["leads"] += r.n
            for stage in ("meeting", "opportunity", "won"):
                acc[stage] += getattr(r, stage)

        for r in cube:
            g = entry(r.rubric_id, r.rubric_version)
            add(g["by_grade"], r.grade, r)
            add(g["by_qualified"], "qualified" if r.qualified else "not_qualified", r)
        for g in groups.values():
            for bucket in (g["by_grade"], g["by_qualified"]):
                for acc in bucket.values():
                    acc.update(figures(acc))
        out = []
        for g in groups.values():
            g["by_grade"] = {k: g["by_grade"][k] for k in (*GRADE_GROUPS, *sorted(g["by_grade"]))
                             if k in g["by_grade"]}
            g["by_qualified"] = {k: g["by_qualified"][k] for k in ("qualified", "not_qualified")
                                 if k in g["by_qualified"]}
            out.append(g)
        out.sort(key=lambda g: (g["rubric_id"] is None, g["rubric_name"], g["rubric_version"] or 0))
        return out

    # -- collateral -------------------------------------------------------------------------

    def _collateral(self, conn: Connection, where: _Where, as_of: dt.date,
                    copies: bool, totals: bool) -> dict[str, Any]:
        blank: dict[str, Any] = {
            "opens": 0, "shares": 0, "presentations": 0, "uses": 0,
            "avg_rating": None, "ratings": 0, "helped": 0, "not_helped": 0,
            "deals": 0, "deals_won": 0, "deals_lost": 0, "deals_won_amount": 0,
            "debrief_outcomes": None, "last_used": None,
        }
        # In id order, as the figures list them. Use of an item this cache does not hold
        # (deleted, not synced) is not shown.
        items: dict[str, dict[str, Any]] = {}
        it: dict[str, Any] | None
        for cid, title, kind, status in _fetch(
                conn, "SELECT id, title, kind, status FROM rec_collateral WHERE deleted = 0 ORDER BY id"):
            it = items[cid] = blank.copy()
            it.update(id=cid, title=title or "", kind=kind, status=status, debrief_outcomes={})
        get = items.get
        after = (as_of + dt.timedelta(days=1)).isoformat()
        for cid, opens, shares, presentations, last in self._uses(conn, where, after, totals):
            it = get(cid)
            if it is not None:
                opens, shares, presentations = int(opens or 0), int(shares or 0), int(presentations or 0)
                it.update(opens=opens, shares=shares, presentations=presentations,
                          uses=opens + shares + presentations, last_used=last)
        for cid, avg, n in self._ratings(conn, where, totals):
            it = get(cid)
            if it is not None:
                it["avg_rating"], it["ratings"] = round(float(avg), 2), int(n)
        for cid, outcome, helped, not_helped, debriefs in self._votes(conn, copies, totals):
            it = get(cid)
            if it is not None:
                it["helped"] += helped
                it["not_helped"] += not_helped
                if outcome:  # not NULL (the totals' empty blob) nor ''
                    it["debrief_outcomes"][outcome] = debriefs
        stale_before = (as_of - dt.timedelta(days=STALE_DAYS)).isoformat()
        stale = sorted(
            (
                {"id": it["id"], "title": it["title"], "last_used": it["last_used"]}
                for it in items.values()
                if it["status"] in (None, "approved")
                and (it["last_used"] is None or it["last_used"][:10] < stale_before)
            ),
            key=lambda s: (s["last_used"] or "", s["title"]),
        )
        listing = list(items.values())
        top, bottom = top_and_bottom(listing)
        summary = {
            cid: {
                "opens": it["opens"], "shares": it["shares"], "presentations": it["presentations"],
                "avg_rating": it["avg_rating"], "helped": it["helped"], "not_helped": it["not_helped"],
            }
            for cid, it in items.items()
        }
        return {
            "collateral": summary,
            "collateral_detail": items,
            "collateral_top": top,
            "collateral_bottom": bottom,
            "collateral_stale": stale,
        }

    def _uses(self, conn: Connection, where: _Where, after: str,
              totals: bool) -> list[tuple[Any, ...]]:
        """(item, opens, shares, presentations, last use) per item: the counts under the
        filters, and the last use by anyone before `after` (staleness: "nobody used it" ignores
        the filters)."""
        if totals:
            rows = _fetch(
                conn, "SELECT collateral_id, opens, shares, presentations, last_at FROM insights_total_use")
            # A use dated after the day seen from (a skewed clock, a future date) is not the
            # last use yet: those few items read their uses before that day.
            late = [r[0] for r in rows if r[4] is not None and r[4] >= after]
            if not late:
                return [tuple(r) for r in rows]
            clause = text(
                "SELECT collateral_id, MAX(at) FROM rec_collateral_usage WHERE collateral_id IN :ids "
                "AND deleted = 0 AND at < :after GROUP BY collateral_id"
            ).bindparams(bindparam("ids", expanding=True))
            before: dict[str, str] = {
                cid: last for cid, last in conn.execute(clause, {"ids": late, "after": after})}
            return [(*r[:4], before.get(r[0]) if r[0] in late else r[4]) for r in rows]
        use = where.usage("u")
        return [tuple(r) for r in _rows(conn, where,
            f"SELECT u.collateral_id AS cid, SUM(u.action = 'opened' AND {use}) AS opens, "
            f"SUM(u.action = 'shared' AND {use}) AS shares, "
            f"SUM(u.action = 'presented' AND {use}) AS presentations, "
            "MAX(CASE WHEN u.at < :after THEN u.at END) AS last "
            "FROM rec_collateral_usage u WHERE u.deleted = 0 GROUP BY u.collateral_id",
            after=after,
        )]

    def _recipients(self, conn: Connection, where: _Where) -> dict[str, Any]:
        """Collateral mailed to visitors and opened by them, per item and per event
        (`fieldnote.insights.recipient_open_figures`): the links of mailed sends, and the
        "opened by recipient" uses under the filters."""
        links = []
        for row in _rows(conn, where,
                         "SELECT s.mailed_at, s.links, l.event_id FROM rec_collateral_send s "
                         f"LEFT JOIN rec_lead l ON l.id = s.lead_id WHERE {where.sends('s')}"):
            entries = json.loads(row[1]) if isinstance(row[1], str) else row[1]
            for link in entries or []:
                if isinstance(link, dict) and link.get("collateral_id"):
                    links.append((str(link["collateral_id"]), row[2], row[0],
                                  link.get("first_opened_at")))
        use = where.usage("u")
        opens = [(r[0], r[1], int(r[2])) for r in _rows(conn, where,
                 "SELECT u.collateral_id, l.event_id, COUNT(*) FROM rec_collateral_usage u "
                 "LEFT JOIN rec_lead l ON l.id = u.lead_id "
                 f"WHERE {use} AND u.action = 'recipient_opened' "
                 "GROUP BY u.collateral_id, l.event_id")]
        return recipient_open_figures(links, opens)

    def _ratings(self, conn: Connection, where: _Where, totals: bool) -> list[tuple[Any, ...]]:
        """(item, average rating, ratings) per rated item."""
        if totals:
            return _fetch(conn,
                "SELECT collateral_id, avg_rating, ratings FROM insights_total_rating")
        return [tuple(r) for r in _rows(conn, where,
            # Ratings are append-only: only each user's newest rating of an item counts (SQLite
            # takes a bare column from the row that holds the MAX).
            "SELECT cid, AVG(rating) AS avg, COUNT(*) AS n FROM (SELECT fb.collateral_id AS cid, "
            "fb.rating AS rating, MAX(fb.id) FROM rec_collateral_feedback fb "
            f"WHERE {where.feedback('fb')} GROUP BY fb.collateral_id, fb.author_id) GROUP BY cid"
        )]

    def _votes(self, conn: Connection, copies: bool, totals: bool) -> list[tuple[Any, ...]]:
        """(item, debrief outcome, helped, not helped, debriefs) per item and outcome.

        Each debrief's collateral entries were read out of their JSON when it was written
        (insights_debrief_item, each distinct entry once). With no filter, the entries of
        submitted debriefs stream out of their own index (a NULL outcome has a group of its
        own there, and like '' it only adds votes)."""
        if totals:
            # A NULL outcome comes back as the empty blob: like '', it only adds votes.
            return _fetch(conn,
                "SELECT collateral_id, outcome, helped, not_helped, debriefs FROM insights_total_vote")
        votes = (
            # Per debrief first, in index order: counting the groups then needs no DISTINCT.
            "SELECT collateral_id, outcome, SUM(h), SUM(nh), COUNT(*) FROM (SELECT collateral_id, "
            "outcome, SUM(helpful IS 1) AS h, SUM(helpful IS 0) AS nh FROM insights_debrief_item "
            "WHERE deleted = 0 AND status = 'submitted' GROUP BY collateral_id, outcome, debrief_id) "
            "GROUP BY collateral_id, outcome"
        ) if copies else (
            "SELECT i.collateral_id, d.outcome, SUM(i.helpful IS 1), SUM(i.helpful IS 0), "
            "COUNT(DISTINCT i.debrief_id) FROM ins_debrief d "
            "JOIN insights_debrief_item i ON i.debrief_id = d.id GROUP BY i.collateral_id, d.outcome"
        )
        return _fetch(conn, votes)

    def _deals(self, conn: Connection, where: _Where) -> dict[str, dict[str, Any]]:
        """The deals each item was used in: leads named by a use, by the debrief a use names,
        or by a submitted debrief that lists the item; won and lost from each lead's outcomes."""
        if where.unfiltered and self.read_totals:
            return {
                cid: {"deals": deals, "deals_won": won, "deals_lost": lost,
                      "deals_won_amount": money(cents / 100)}
                for cid, deals, won, lost, cents in _fetch(conn,
                    "SELECT collateral_id, deals, won, lost, won_cents FROM insights_total_deal")
            }
        use = where.usage("u")
        # Each (item, lead) pair once, kept in key order: the count per item then streams
        # out of the table instead of a sort of every pair.
        conn.exec_driver_sql(
            "CREATE TEMP TABLE ins_deal (cid, lead_id, PRIMARY KEY (cid, lead_id)) WITHOUT ROWID")
        for source in (
            f"SELECT u.collateral_id, u.lead_id FROM rec_collateral_usage u WHERE {use} "
            "AND u.lead_id IS NOT NULL",
            "SELECT u.collateral_id, db.lead_id FROM rec_collateral_usage u "
            f"JOIN rec_debrief db ON db.id = u.debrief_id WHERE {use} "
            "AND db.deleted = 0 AND db.lead_id IS NOT NULL",
            "SELECT i.collateral_id, i.lead_id FROM insights_debrief_item i "
            "WHERE i.deleted = 0 AND i.status = 'submitted' AND i.lead_id IS NOT NULL"
            if where.unfiltered and self.read_debrief_copies else
            "SELECT i.collateral_id, d.lead_id FROM rec_debrief d "
            "JOIN insights_debrief_item i ON i.debrief_id = d.id "
            f"WHERE {where.debriefs('d')} AND d.lead_id IS NOT NULL",
        ):
            clause, params = where.sql(f"INSERT OR IGNORE INTO ins_deal {source}")
            conn.execute(clause, params)
        standing = funnel_sql.standing("s")
        deals_sql = (
            f"SELECT deal.cid AS cid, COUNT(*) AS deals, SUM({standing['won']}) AS won, "
            f"SUM({standing['lost']}) AS lost, "
            # Whole cents, as the totals keep them.
            f"TOTAL({standing['won_cents']}) AS cents "
            "FROM ins_deal deal LEFT JOIN insights_lead_stage s ON s.lead_id = deal.lead_id "
            # Excluding the few deleted leads is far cheaper than looking up every live one.
            "WHERE deal.lead_id NOT IN (SELECT id FROM rec_lead WHERE deleted = 1) "
            "GROUP BY deal.cid"
        )
        return {
            r.cid: {"deals": int(r.deals), "deals_won": int(r.won or 0),
                    "deals_lost": int(r.lost or 0), "deals_won_amount": money(r.cents / 100)}
            for r in _rows(conn, where, deals_sql)
        }

    # -- voice of the customer ----------------------------------------------------------------

    _VOICE_SEGMENTS = (("month", "month"), ("author", "author_id"), ("outcome", "outcome"))

    def _voice_from_totals(self, conn: Connection) -> dict[str, Any]:
        """The voice of the customer over every submitted debrief, from the counts the
        triggers keep per tag and month, author and outcome (migration 0008)."""
        return self._voice_by_segment(conn, lambda name, _column: (
            f"SELECT dim, tag, segment, debriefs FROM insights_total_voice_{name} WHERE debriefs > 0"))

    def _voice_from_copies(self, conn: Connection) -> dict[str, Any]:
        """The voice of the customer over every submitted debrief: three walks of the tag
        rows' indexes, grouped by month, author and outcome in index order (no join, no sort)."""
        return self._voice_by_segment(conn, lambda _name, column: (
            f"SELECT dim, tag, {column}, COUNT(*) FROM insights_debrief_tag "
            f"WHERE deleted = 0 AND status = 'submitted' GROUP BY dim, tag, {column}"))

    def _voice_by_segment(self, conn: Connection,
                          statement: Callable[[str, str], str]) -> dict[str, Any]:
        """Tally (dim, tag, segment, debriefs) rows per month, author and outcome, from the
        statement `statement(name, column)` gives for each; the authors' teams are added up
        here, the totals are the sums over outcomes."""
        teams = {uid: team or "" for uid, team in _fetch(conn, "SELECT id, team FROM rec_user")}
        totals, by = _voice_tallies()
        for name, column in self._VOICE_SEGMENTS:
            for dim, tag, segment, n in _fetch(conn, statement(name, column)):
                segment = _key(segment)  # the totals keep NULL as the empty blob
                if name == "month":
                    by[dim]["month"][segment or ""][tag] += n
                elif name == "author":
                    by[dim]["team"][teams.get(segment, "")][tag] += n
                else:
                    by[dim]["outcome"][segment or ""][tag] += n
                    totals[dim][tag] += n
        debriefs = int(_fetch(conn,
            "SELECT COUNT(*) FROM rec_debrief WHERE deleted = 0 AND status = 'submitted'")[0][0])
        return self._voice_out(totals, by, debriefs)

    def _voice(self, conn: Connection) -> dict[str, Any]:
        totals, by = _voice_tallies()
        segments = {seg: (month, team, outcome) for seg, month, team, outcome in _fetch(conn,
            "SELECT DISTINCT seg, month, team, outcome FROM ins_debrief")}
        # Each debrief's tags were read out of their JSON when it was written
        # (insights_debrief_tag, each distinct tag of a field once).
        for dim, tag, seg, n in _fetch(conn,
            "SELECT t.dim, t.tag, d.seg, COUNT(*) FROM ins_debrief d "
            "JOIN insights_debrief_tag t ON t.debrief_id = d.id GROUP BY t.dim, t.tag, d.seg"
        ):
            month, team, outcome = segments[seg]
            totals[dim][tag] += n
            split = by[dim]
            split["month"][month or ""][tag] += n
            split["team"][team or ""][tag] += n
            split["outcome"][outcome or ""][tag] += n
        debriefs = int(conn.execute(text("SELECT COUNT(*) FROM ins_debrief")).scalar_one())
        return self._voice_out(totals, by, debriefs)

    @staticmethod
    def _voice_out(totals: Mapping[str, Mapping[str, int]],
                   by: Mapping[str, Mapping[str, Mapping[str, Mapping[str, int]]]],
                   debriefs: int) -> dict[str, Any]:
        def ordered(counts: Mapping[str, int]) -> dict[str, int]:
            return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

        out: dict[str, Any] = {d: ordered(totals[d]) for d in VOICE_DIMENSIONS}
        out["voice"] = {
            "debriefs": debriefs,
            **{
                d: {seg: {k: ordered(v) for k, v in sorted(values.items())}
                    for seg, values in by[d].items()}
                for d in VOICE_DIMENSIONS
            },
        }
        return out

    # -- requests -------------------------------------------------------------------------

    def _requests(self, conn: Connection, where: _Where, filters: InsightFilters,
                  as_of: dt.date) -> dict[str, Any]:
        # A request has no creation field: its UUIDv7 id says when it was made, and its last
        # local change stands for when it was answered.
        open_items: list[dict[str, Any]] = []
        turnaround: list[float] = []
        counts: dict[str, int] = defaultdict(int)
        for r in _rows(conn, where,
            "SELECT r.id, r.title, r.status, r.needed_by, r.local_updated_at "
            f"FROM rec_collateral_request r WHERE {where.requests('r')}"
        ):
            made = id_time(r.id)
            made_day = made.date() if made else None
            if made_day is not None and (
                (filters.date_from and made_day < filters.date_from)
                or (filters.date_to and made_day > filters.date_to)
            ):
                continue
            status = r.status or "open"
            counts[status] += 1
            if status in ("open", "accepted"):
                open_items.append({
                    "id": r.id, "title": r.title or "", "status": status,
                    "needed_by": r.needed_by,
                    "age_days": (as_of - made_day).days if made_day else None,
                    "overdue": bool(r.needed_by and r.needed_by < as_of.isoformat()),
                })
            elif status in ("delivered", "declined") and made is not None:
                try:
                    answered = dt.datetime.fromisoformat(r.local_updated_at.replace("Z", "+00:00"))
                except (ValueError, AttributeError):
                    continue
                turnaround.append(max(0.0, (answered - made).total_seconds() / 86400))
        open_items.sort(key=lambda i: (i["needed_by"] or "9999", i["title"]))
        return {
            "by_status": dict(sorted(counts.items())),
            "open": len(open_items),
            "open_items": open_items,
            "answered": len(turnaround),
            "median_turnaround_days": median(turnaround),
        }


def _voice_tallies() -> tuple[dict[str, dict[str, int]], dict[str, dict[str, dict[str, dict[str, int]]]]]:
    """Empty counters for the voice of the customer: totals per dimension and tag, and counts
    per dimension, segment kind (month, team, outcome), segment and tag."""
    totals: dict[str, dict[str, int]] = {d: defaultdict(int) for d in VOICE_DIMENSIONS}
    by: dict[str, dict[str, dict[str, dict[str, int]]]] = {
        d: {"month": defaultdict(lambda: defaultdict(int)),
            "team": defaultdict(lambda: defaultdict(int)),
            "outcome": defaultdict(lambda: defaultdict(int))}
        for d in VOICE_DIMENSIONS
    }
    return totals, by


def _add_costs(out: dict[str, Any], events: Mapping[str, Mapping[str, Any]],
               pipeline: Mapping[str | None, float], currency: str) -> None:
    """Each event's and campaign's cost block (`fieldnote.costs.cost_figures`), and the
    pipeline beside the won amount in their funnels and the totals."""
    by_key: dict[str, tuple[float | None, str]] = {}
    for e in out["events"]:
        cost, cost_currency = cost_of(events.get(e["id"] or "", {}), currency)
        by_key[e["key"]] = (cost, cost_currency)
        value = pipeline.get(e["id"], 0.0)
        e["funnel"]["pipeline"] = money(value)
        e["cost"] = cost_figures(cost, cost_currency, currency, e["funnel"], value)
    for agg in out["campaigns"].values():
        value = sum(pipeline.get(e["id"], 0.0) for e in out["events"] if e["key"] in agg["events"])
        agg["pipeline"] = money(value)
        cost, in_currency = campaign_cost(by_key[key] for key in agg["events"])
        agg["cost"] = cost_figures(cost, in_currency or currency, currency, agg, value)
        if in_currency == MIXED:
            agg["cost"]["currency"] = MIXED
    out["totals"]["pipeline"] = money(sum(pipeline.values()))
