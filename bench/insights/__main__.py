"""Times the Insights figures and the PDF report over 100,000 leads, 20,000 debriefs and 5,000
collateral items (targets: compute <= 500 ms, PDF <= 3 s). Prints medians; asserts nothing.

    python -m bench.insights [--leads N] [--debriefs N] [--collateral N] [--runs N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from desktop.reports.insights import build_report
from desktop.store import open_store
from desktop.store.insights import InsightsQueries
from fieldnote.insights import InsightFilters

START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
OBJECTIONS = ["Price too high", "Security review", "Missing connector", "Timing", "Already using a competitor",
              "Procurement cycle", "Needs SSO", "Data residency", "Migration effort", "No budget"]
COMPETITORS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "In-house build"]
WHY_BUY = ["Speed", "Support", "Price", "Integrations", "Security", "References"]
WHY_NOT = ["Price", "Timing", "Features", "Competitor", "No budget"]
NOTES = "Met at the booth; interested in the pilot, wants pricing for 50 seats and a demo. " * 3
ANSWERS = json.dumps({"budget": "approved", "timeline": "this quarter", "seats": 50, "role": "buyer"})
BADGE = "BEGIN:VCARD\nVERSION:3.0\nN:Lead;Alex\nORG:Company\nEMAIL:alex@example.com\nEND:VCARD"


def _id(rng: random.Random, at: dt.datetime) -> str:
    ms = int(at.timestamp() * 1000)
    value = (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62) | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _iso(at: dt.datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def fill(path: Path, leads: int, debriefs: int, collateral: int, seed: int = 11) -> dict[str, int]:
    rng = random.Random(seed)
    store = open_store(path)
    now = _iso(dt.datetime.now(dt.UTC))
    raw = store.engine.raw_connection()
    cur = raw.cursor()
    cur.execute("BEGIN")
    counts: dict[str, int] = {}

    def put(table: str, rows: list[dict]) -> None:
        if not rows:
            return
        cols = list(rows[0])
        sql = (f"INSERT INTO rec_{table} (id, rev, deleted, local_updated_at, {', '.join(cols[1:])}) "
               f"VALUES (?, 1, 0, ?, {', '.join('?' for _ in cols[1:])})")
        cur.executemany(sql, [(r["id"], now, *(r[c] for c in cols[1:])) for r in rows])
        counts[table] = counts.get(table, 0) + len(rows)

    teams = ["east", "west", "north", "south", "central"]
    users = [{"id": _id(rng, START), "name": f"Rep {i}", "role": "rep", "team": teams[i % 5]} for i in range(40)]
    users += [{"id": _id(rng, START), "name": f"Marketer {i}", "role": "marketer", "team": None} for i in range(5)]
    put("user", users)
    reps = [u["id"] for u in users if u["role"] == "rep"]
    rubrics = [{"id": _id(rng, START), "name": f"Rubric {i}", "version": 3} for i in range(2)]
    put("rubric", rubrics)
    events = []
    for i in range(60):
        day = START + dt.timedelta(days=i * 11)
        events.append({"id": _id(rng, day), "name": f"Show {i:02d}", "campaign_code": f"C{i // 3:02d}",
                       "starts_on": day.date().isoformat()})
    put("event", events)
    items = [{"id": _id(rng, START), "title": f"Item {i}", "kind": rng.choice(("deck", "sell_sheet", "case_study")),
              "status": rng.choice(("approved",) * 8 + ("retired", "draft"))} for i in range(collateral)]
    put("collateral", items)
    item_ids = [c["id"] for c in items]

    lead_rows, outcome_rows, lead_ids = [], [], []
    for _ in range(leads):
        ev = rng.choice(events)
        day = dt.datetime.fromisoformat(ev["starts_on"]).replace(tzinfo=dt.UTC)
        at = day + dt.timedelta(hours=rng.randint(8, 60), minutes=rng.randrange(60))
        grade = rng.choice(("hot", "warm", "warm", "cold", "cold", None))
        rubric = rng.choice(rubrics)
        lead_id = _id(rng, at)
        lead_ids.append(lead_id)
        lead_rows.append({"id": lead_id, "event_id": ev["id"], "owner_id": rng.choice(reps),
                          "captured_at": _iso(at), "grade": grade,
                          "qualified": int(grade == "hot" or rng.random() < 0.2),
                          "rubric_id": rubric["id"], "rubric_version": rng.randint(1, 3),
                          "score": rng.randint(0, 100), "last_name": f"Lead{len(lead_ids)}",
                          # Real leads are wide rows; the figures must not pay for that.
                          "first_name": "Alex", "email": f"lead{len(lead_ids)}@example.com",
                          "company": f"Company {rng.randrange(5000)}", "title": "Head of Data",
                          "notes": NOTES, "answers": ANSWERS, "badge_raw": BADGE})
        chance = {"hot": 0.8, "warm": 0.55, "cold": 0.3, None: 0.3}[grade]
        t = at
        for stage in ("contacted", "meeting", "opportunity", "won"):
            t = t + dt.timedelta(days=rng.randint(1, 20))
            if rng.random() > chance:
                if stage != "contacted" and rng.random() < 0.4:
                    outcome_rows.append({"id": _id(rng, t), "lead_id": lead_id, "status": "lost",
                                         "at": _iso(t), "amount": None})
                break
            outcome_rows.append({"id": _id(rng, t), "lead_id": lead_id, "status": stage, "at": _iso(t),
                                 "amount": float(rng.randint(10, 200) * 1000) if stage in ("opportunity", "won") else None})
    put("lead", lead_rows)
    put("lead_outcome", outcome_rows)

    debrief_rows = []
    for _ in range(debriefs):
        at = START + dt.timedelta(days=rng.randrange(690))
        debrief_rows.append({
            "id": _id(rng, at), "account": "Account", "author_id": rng.choice(reps),
            "call_date": at.date().isoformat(), "lead_id": rng.choice(lead_ids) if rng.random() < 0.7 else None,
            "outcome": rng.choice(("advanced", "won", "lost", "stalled", "no_decision")),
            "status": "submitted" if rng.random() < 0.85 else "draft",
            "objections": json.dumps(rng.sample(OBJECTIONS, rng.randint(0, 3))),
            "competitors": json.dumps(rng.sample(COMPETITORS, rng.randint(0, 2))),
            "why_buy": json.dumps(rng.sample(WHY_BUY, rng.randint(0, 2))),
            "why_not": json.dumps(rng.sample(WHY_NOT, rng.randint(0, 2))),
            "collateral_used": json.dumps([{"collateral_id": rng.choice(item_ids), "helpful": rng.random() < 0.7}
                                           for _ in range(rng.randint(0, 3))]),
        })
    put("debrief", debrief_rows)
    debrief_ids = [d["id"] for d in debrief_rows]

    usage_rows = []
    for _ in range(collateral * 12):
        at = START + dt.timedelta(minutes=rng.randrange(690 * 24 * 60))
        usage_rows.append({"id": _id(rng, at), "collateral_id": rng.choice(item_ids),
                           "action": rng.choice(("opened", "opened", "shared", "presented")),
                           "author_id": rng.choice(reps), "at": _iso(at),
                           "lead_id": rng.choice(lead_ids) if rng.random() < 0.4 else None,
                           "debrief_id": rng.choice(debrief_ids) if rng.random() < 0.1 else None})
    put("collateral_usage", usage_rows)
    put("collateral_feedback", [{"id": _id(rng, START + dt.timedelta(days=rng.randrange(690))),
                                 "collateral_id": rng.choice(item_ids), "rating": rng.randint(1, 5),
                                 "author_id": rng.choice(reps)} for _ in range(collateral * 3)])
    put("collateral_request", [{"id": _id(rng, START + dt.timedelta(days=rng.randrange(690))),
                                "title": "Need", "author_id": rng.choice(reps),
                                "status": rng.choice(("open", "accepted", "delivered", "declined")),
                                "needed_by": (START + dt.timedelta(days=rng.randrange(700))).date().isoformat()}
                               for _ in range(1000)])
    cur.execute("COMMIT")
    cur.execute("ANALYZE")
    raw.close()
    store.engine.dispose()
    return counts


def _median_ms(fn, runs: int) -> tuple[float, float, object]:
    """Median wall and CPU milliseconds of `fn` (CPU time tells a busy machine from a slow query)."""
    times, cpu, result = [], [], None
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(times), statistics.median(cpu), result


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.insights")
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--debriefs", type=int, default=20_000)
    parser.add_argument("--collateral", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fieldnote.sqlite3"
        start = time.perf_counter()
        counts = fill(path, args.leads, args.debriefs, args.collateral)
        print(f"filled in {time.perf_counter() - start:.1f} s: "
              + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        store = open_store(path)
        queries = InsightsQueries(store.engine)
        today = dt.date(2026, 11, 27)
        compute_ms, compute_cpu, figures = _median_ms(lambda: queries.compute(today=today), args.runs)
        print(f"full page compute (no filters): median {compute_ms:.0f} ms wall, {compute_cpu:.0f} ms CPU "
              f"over {args.runs} runs (target <= 500 ms)")
        event = figures["events"][0]["id"]
        filtered_ms, filtered_cpu, _ = _median_ms(
            lambda: queries.compute(InsightFilters(event_ids=(event,), date_from=dt.date(2025, 6, 1)),
                                    today=today), args.runs)
        print(f"compute for one event and a date range: median {filtered_ms:.0f} ms wall, "
              f"{filtered_cpu:.0f} ms CPU")
        pdf_ms, pdf_cpu, pdf = _median_ms(lambda: build_report(figures), max(1, args.runs // 2))
        print(f"PDF build: median {pdf_ms:.0f} ms wall, {pdf_cpu:.0f} ms CPU, {len(pdf) / 1024:.0f} KiB "
              "(target <= 3000 ms)")
        queries.dispose()
        store.engine.dispose()


if __name__ == "__main__":
    main()
