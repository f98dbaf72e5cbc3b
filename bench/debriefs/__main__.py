"""`python -m bench.debriefs`: 20,000 debriefs in a fresh local store, then prints figures.

- feed open: the feed's id query plus its first page of rows, beside the same raw SQL;
- filtered search: full-text search with filters through the store, beside the raw FTS5 query;
- draft autosave latency (one transaction with fsync per save);
- digest PDF of 500 debriefs.
Figures only; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import insert

from desktop.reports.debriefs import digest_pdf
from desktop.store import open_store
from desktop.store.db import DB_FILE
from desktop.store.debriefs import DebriefFilter, DebriefStore
from desktop.store.schema import record_tables
from fieldnote.ids import new_id
from fieldnote.kinds import CALL_TYPES, DEBRIEF_OUTCOMES, DEBRIEF_STAGES

ACCOUNTS = ["Acme Freight", "Zenith Labs", "Nordic Shipping", "Helvetia Präzision", "Banco Atlântico",
            "Kestrel Automotive", "Pinnacle Biologics", "Trident Packaging", "Oakmont Plastics",
            "Laurentian Hydro", "Cascadia Water", "Frontier Cold Chain", "Ironbridge Logistics"]
OBJECTIONS = ["Price", "Timing", "Integration effort", "Security review", "Long procurement cycle",
              "Missing feature", "Budget owner elsewhere", "Change management"]
COMPETITORS = ["Zeta", "Omega Systems", "Northwind", "Contoso", "In-house build", "Fabrikam"]
WORDS = ["pricing", "reconciliation", "dashboard", "latency", "onboarding", "pilot", "renewal", "procurement", "budget", "integration", "security", "compliance", "forecast", "warehouse", "invoices", "dispatch", "analytics", "migration", "training", "support", "contract", "discount", "quarter", "rollout", "champion", "sponsor"]


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def populate(path: Path, count: int, seed: int = 7) -> tuple[DebriefStore, list[str], list[str]]:
    store = open_store(path / DB_FILE)
    rng = random.Random(seed)
    reps = [new_id() for _ in range(40)]
    collateral = [new_id() for _ in range(60)]
    users = record_tables["user"]
    debriefs = record_tables["debrief"]
    with store.engine.begin() as conn:
        conn.execute(insert(users), [
            {"id": rid, "rev": 1, "deleted": False, "local_updated_at": "2026-11-01T00:00:00Z",
             "name": f"Rep {i}", "role": "rep", "team": f"team{i % 5}"} for i, rid in enumerate(reps)])
        conn.execute(insert(record_tables["collateral"]), [
            {"id": cid, "rev": 1, "deleted": False, "local_updated_at": "2026-11-01T00:00:00Z",
             "title": f"Sell sheet {i}", "status": "approved"} for i, cid in enumerate(collateral)])
        rows = []
        for i in range(count):
            day = 1 + rng.randrange(700)
            rows.append({
                "id": new_id(), "rev": 1, "deleted": False, "local_updated_at": "2026-11-01T00:00:00Z",
                "account": rng.choice(ACCOUNTS) + f" {i % 900}", "contacts": "Dana Ruiz",
                "call_date": f"{2025 + day // 365}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}",
                "call_type": rng.choice(CALL_TYPES), "stage": rng.choice(DEBRIEF_STAGES),
                "outcome": rng.choice(DEBRIEF_OUTCOMES),
                "reasons_buy": _sentence(rng, 12), "reasons_not": _sentence(rng, 10),
                "pain_points": _sentence(rng, 14), "objections": rng.sample(OBJECTIONS, 2),
                "competitors": rng.sample(COMPETITORS, 1),
                "collateral_used": [{"collateral_id": rng.choice(collateral), "helpful": rng.random() < .6}],
                "next_steps": _sentence(rng, 8), "notes": _sentence(rng, 40),
                "status": "submitted" if rng.random() < .95 else "draft",
                "author_id": rng.choice(reps),
            })
            if len(rows) == 2000:
                conn.execute(insert(debriefs), rows)
                rows = []
        if rows:
            conn.execute(insert(debriefs), rows)
    return DebriefStore(store), reps, collateral


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    fn()  # warm the page cache once, as an open app would be
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def paired(store_fn: Callable[[], object], raw_fn: Callable[[], object],
           runs: int) -> tuple[list[float], list[float]]:
    """Time the store's way and the raw query alternately, so both see the same machine load."""
    store_fn()
    raw_fn()
    store, raw = [], []
    for _ in range(runs):
        for fn, out in ((store_fn, store), (raw_fn, raw)):
            start = time.perf_counter()
            fn()
            out.append((time.perf_counter() - start) * 1000)
    return store, raw


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def line(name: str, values: list[float], raw: list[float] | None = None) -> str:
    text = f"{name:<44} p50 {pct(values, 50):7.2f} ms  p95 {pct(values, 95):7.2f} ms"
    if raw is not None:
        text += (f"   | raw p50 {pct(raw, 50):6.2f} ms  p95 {pct(raw, 95):6.2f} ms"
                 f"   ratio p95 {pct(values, 95) / max(pct(raw, 95), 1e-6):4.2f}x")
    return text


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.debriefs")
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fieldnote-bench-") as tmp:
        path = Path(tmp)
        start = time.perf_counter()
        debriefs, reps, collateral = populate(path, args.count)
        print(f"{args.count:,} debriefs written in {time.perf_counter() - start:.1f} s")
        raw = sqlite3.connect(path / DB_FILE)

        feed = DebriefFilter()

        def open_feed() -> None:
            ids = debriefs.ids(feed)
            debriefs.rows(ids[:200])
            debriefs.unread_total(feed)

        def raw_feed() -> None:
            ids = [r[0] for r in raw.execute(
                "SELECT id FROM rec_debrief WHERE deleted = 0 AND status = 'submitted' "
                "ORDER BY call_date DESC, id DESC")]
            marks = ",".join("?" * len(ids[:200]))
            raw.execute(f"SELECT * FROM rec_debrief WHERE id IN ({marks})", ids[:200]).fetchall()

        print(line("feed open (ids + first 200 rows + badge)", *paired(open_feed, raw_feed, args.runs)))

        for term, extra in (("pricing", {}), ("reconcil", {"outcome": "lost"}),
                            ("dashboard latency", {"since": "2026-01-01"}),
                            ("integration", {"objection": "Price"})):
            criteria = DebriefFilter(search=term, **extra)
            match = " ".join(f'"{w}"*' for w in term.split())
            where, params = "", [match]
            if "outcome" in extra:
                where, params = " AND outcome = ?", [match, extra["outcome"]]
            if "since" in extra:
                where, params = " AND call_date >= ?", [match, extra["since"]]
            if "objection" in extra:
                where = (" AND EXISTS (SELECT 1 FROM json_each(rec_debrief.objections) "
                         "WHERE lower(value) = lower(?))")
                params = [match, extra["objection"]]
            sql = ("SELECT id FROM rec_debrief WHERE rec_debrief.rowid IN "
                   "(SELECT rowid FROM fts_debrief WHERE fts_debrief MATCH ?) AND deleted = 0 "
                   f"AND status = 'submitted'{where} ORDER BY call_date DESC, id DESC")
            found = len(debriefs.ids(criteria))
            assert found == len(raw.execute(sql, params).fetchall()), "store and raw SQL disagree"
            print(line(f"search {term!r} {extra or ''} ({found:,} hits)"[:44], *paired(
                lambda c=criteria: debriefs.ids(c),
                lambda s=sql, p=params: raw.execute(s, p).fetchall(), args.runs)))

        print(line("form open: reason lists + library (UI thread)", timed(lambda: (
            debriefs.reason_lists(), debriefs.collateral_titles()), 20)))
        print(line("form completions (parallel lane)", timed(debriefs.completions, 10)))

        draft = new_id()
        values = {"account": "Bench Co", "call_date": "2026-11-20", "objections": ["Price"],
                  "notes": ""}
        saves = timed(lambda: debriefs.autosave(
            draft, {**values, "notes": values["notes"] + new_id()}, reps[0]), 500)
        print(f"{'draft autosave (500 saves, fsync each)':<44} p50 {pct(saves, 50):7.2f} ms  "
              f"p95 {pct(saves, 95):7.2f} ms  p99 {pct(saves, 99):7.2f} ms")

        ids = debriefs.ids(feed)[:500]
        start = time.perf_counter()
        items = debriefs.report_data(ids)
        collected = time.perf_counter() - start
        pdf = digest_pdf(items)
        total = time.perf_counter() - start
        print(f"digest PDF of {len(items)} debriefs: {total:.2f} s "
              f"(collecting {collected:.2f} s, {len(pdf) / 1e6:.1f} MB)")
        raw.close()
        debriefs.store.engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
