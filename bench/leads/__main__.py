"""`python -m bench.leads`: 100,000 leads in a local store, then prints figures.

- save latency from Enter in the capture screen to the committed lead (p50/p99), beside the
  store's save alone;
- lead list open (id query, model reset, first page of rows) and search, unfiltered and
  filtered, sorted in SQL;
- the event PDF report of 2,000 leads;
- peak RSS of the process.
Figures only; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from desktop.store import open_store
from desktop.store.db import DB_FILE
from desktop.store.leads import LeadBook, LeadFilter
from desktop.store.schema import record_tables
from fieldnote.ids import new_id
from fieldnote.kinds import OUTCOME_STATUSES
from fieldnote.scoring import DEMO_ANSWERS, DEMO_RUBRIC, DEMO_RUBRIC_FIELDS, DEMO_RUBRIC_ID, score

FIRST = ["Ana", "Bo", "Chidi", "Dana", "Eva", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kofi",
         "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Ugo", "Vera"]
LAST = ["Silva", "Berg", "Okafor", "Ruiz", "Lindqvist", "Haddad", "Kim", "Tanaka", "Moreau",
        "Schmidt", "Mensah", "Novak", "Garcia", "Singh", "Rossi", "Dubois", "Nakamura", "Costa"]
COMPANIES = ["Zenith GmbH", "Acme Freight", "Nordic Shipping", "Helvetia Präzision", "Banco Atlântico",
             "Kestrel Automotive", "Pinnacle Biologics", "Trident Packaging", "Oakmont Plastics",
             "Laurentian Hydro", "Cascadia Water", "Frontier Cold Chain", "Ironbridge Logistics"]
TITLES = ["CTO", "Head of Events", "BI Analyst", "Director of IT", "Buyer", "Plant Manager"]
NOW = "2026-11-01T00:00:00Z"


def populate(data_dir: Path, count: int, events: int = 50, seed: int = 5) -> None:
    """Fill a store up to `count` leads over `events` events, written as if synced (bulk SQL);
    a store holding fewer is topped up."""
    store = open_store(data_dir / DB_FILE)
    with store.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(record_tables["lead"])).scalar_one()
    if have >= count:
        store.engine.dispose()
        return
    rng = random.Random(seed)
    reps = [new_id() for _ in range(40)]
    event_ids = [new_id() for _ in range(events)]
    meta = {"rev": 1, "deleted": False, "local_updated_at": NOW}
    answers = {g: (dict(a), score(DEMO_RUBRIC, a)) for g, a in DEMO_ANSWERS.items()}
    with store.engine.begin() as conn:
        conn.execute(insert(record_tables["user"]), [
            {"id": r, **meta, "name": f"Rep {i}", "role": "rep", "team": f"team{i % 5}"}
            for i, r in enumerate(reps)])
        # A store filled before with fewer leads already has the rubric: it is topped up.
        conn.execute(insert(record_tables["rubric"]).prefix_with("OR IGNORE"),
                     [{"id": DEMO_RUBRIC_ID, **meta, **DEMO_RUBRIC_FIELDS}])
        conn.execute(insert(record_tables["event"]), [
            {"id": e, **meta, "name": f"Show {i:02d}", "venue": "Hall", "starts_on": f"2026-{1 + i % 12:02d}-10",
             "ends_on": f"2026-{1 + i % 12:02d}-12", "rubric_id": DEMO_RUBRIC_ID, "campaign_code": f"C{i}"}
            for i, e in enumerate(event_ids)])
        leads, outcomes = [], []
        for i in range(have, count):
            grade = rng.choice(("hot", "warm", "cold"))
            given, result = answers[grade]
            first, last = rng.choice(FIRST), rng.choice(LAST)
            company = rng.choice(COMPANIES)
            event = event_ids[i % events]
            day = 10 + (i // 700) % 3
            lead_id = new_id()
            leads.append({
                "id": lead_id, **meta, "event_id": event, "first_name": first, "last_name": f"{last}{i % 997}",
                "email": f"{first.lower()}.{last.lower()}{i}@example.com", "phone": f"+4930{1000000 + i}",
                "company": company, "title": rng.choice(TITLES), "country": "DE", "badge_id": f"B{i:07d}",
                "source": "scan", "badge_raw": f"B{i:07d}", "answers": given, "rubric_id": DEMO_RUBRIC_ID,
                "rubric_version": 1, "score": result.points, "grade": grade, "qualified": result.qualified,
                "consent_contact": True, "consent_text_version": "2026-01", "consent_at": NOW,
                "interests": ["Lead capture"], "notes": "Met at the booth; " + rng.choice(TITLES),
                "captured_at": f"2026-{1 + (i % events) % 12:02d}-{day:02d}T{9 + i % 9:02d}:{i % 60:02d}:00Z",
                "owner_id": rng.choice(reps), "captured_by": None,
            })
            if rng.random() < 0.25:
                outcomes.append({"id": new_id(), **meta, "lead_id": lead_id,
                                 "status": rng.choice(OUTCOME_STATUSES), "at": NOW})
            if len(leads) == 5000:
                conn.execute(insert(record_tables["lead"]), leads)
                leads = []
        if leads:
            conn.execute(insert(record_tables["lead"]), leads)
        conn.execute(insert(record_tables["lead_outcome"]), outcomes)
    store.engine.dispose()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def _median(fn, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_captures(services, store, event_id: str, saves: int):  # type: ignore[no-untyped-def]
    """Save `saves` leads through the capture screen of the Leads page, as a rep does: type,
    press Enter, wait in the event loop. Returns the page and, per save, the seconds from Enter
    to the committed lead (the store calls its listeners right after the commit returns, on the
    writer thread; `synchronous=FULL`, so that is durable) and to the form showing it saved."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    from desktop.ui.leads.page import LeadsPage

    page = LeadsPage(services)
    page.resize(1280, 800)
    page.show()
    page.create_new()
    capture = page.capture
    capture.set_event(event_id)
    latencies: list[float] = []
    shown: list[float] = []
    done: list[float] = []
    # Wait in an event loop, as the app does: a busy loop would hold the GIL the writer needs.
    loop = QEventLoop()
    capture.lead_saved.connect(lambda _id: loop.quit())
    store.add_listener(lambda kind, _ids: done.append(time.perf_counter()) if kind == "lead" else None)
    rng = random.Random(3)
    run = new_id()[-8:]  # emails unique to this run, so a reused store has no duplicates
    for i in range(saves):
        capture.inputs["first_name"].setText(rng.choice(FIRST))
        capture.inputs["last_name"].setText(f"Bench{i}")
        capture.inputs["email"].setText(f"bench{i}.{run}@example.org")
        capture.inputs["company"].setText(rng.choice(COMPANIES))
        capture.rubric_form.set_answers(DEMO_ANSWERS["warm"])
        start = time.perf_counter()
        QTest.keyClick(capture.inputs["company"], Qt.Key.Key_Return)
        if capture.duplicate_bar.isVisible():
            raise SystemExit("the capture screen found a duplicate; use a fresh --data-dir")
        loop.exec()
        latencies.append(done[-1] - start)
        shown.append(time.perf_counter() - start)
    return page, latencies, shown


def window_services(data_dir: Path) -> tuple[Any, Any, Any, Any]:
    """What the window runs on, for a benchmark: (the application, the store, the task lanes,
    the services) over the store in `data_dir`, signed in as a marketer, offscreen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.settings import Settings
    from desktop.startup import build_services
    from desktop.tasks import TaskRunner
    from desktop.ui.services import RecordChanges

    app = QApplication.instance() or QApplication([])
    store = open_store(data_dir / DB_FILE)
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    tasks = TaskRunner()
    services = build_services(store, tasks, Settings.load(data_dir), changes, data_dir,
                              {"id": new_id(), "name": "Bench", "role": "marketer"})
    return app, store, tasks, services


def bench_ui(data_dir: Path, saves: int) -> None:
    from PySide6.QtCore import QEventLoop, Qt

    from desktop.tasks import TaskRunner
    from desktop.ui.leads.list_view import LeadListPanel

    _app, store, tasks, services = window_services(data_dir)  # the app kept alive for the run
    book = LeadBook(store)
    event = book.events()[0]

    # -- list open and search ----------------------------------------------------------
    def wait_complete(model) -> None:  # type: ignore[no-untyped-def]
        while not model.complete:
            loop = QEventLoop()
            model.ids_loaded.connect(loop.quit)
            if not model.complete:
                loop.exec()
            model.ids_loaded.disconnect(loop.quit)

    def open_list() -> None:
        panel = LeadListPanel(services, book)
        panel.model.data(panel.model.index(0, 0))
        panel.deleteLater()

    first_screen = _median(open_list)

    def open_list_whole() -> None:
        panel = LeadListPanel(services, book)
        panel.model.data(panel.model.index(0, 0))
        wait_complete(panel.model)
        panel.deleteLater()

    def search(text: str, **flt: object) -> int:
        panel_model.set_filter(LeadFilter(search=text, **flt))  # type: ignore[arg-type]
        if panel_model.rowCount():
            panel_model.data(panel_model.index(0, 0))
        wait_complete(panel_model)
        return panel_model.total()

    panel = LeadListPanel(services, book)
    panel_model = panel.model
    print(f"leads in store:           {book.export_count():,}")
    print(f"list open (100k):         {_ms(first_screen)} to the first screen of rows, "
          f"{_ms(_median(open_list_whole))} until every id is known (parallel lane)")
    for label, text, flt in (
        ("search 'silva'", "silva", {}),
        ("search 'okafor12'", "okafor12", {}),
        ("search + event + hot", "silva", {"event_id": event["id"], "grade": "hot"}),
        ("filter status=won", "", {"status": "won"}),
    ):
        hits = search(text, **flt)
        print(f"{label + ':':26}{_ms(_median(lambda t=text, f=flt: search(t, **f)))}  ({hits:,} hits)")
    panel_model.set_filter(LeadFilter())
    wait_complete(panel_model)

    def sort_by(key: str) -> None:
        panel_model.order = ("captured_at", True)
        panel_model.sort([c.sort_key for c in panel_model.columns].index(key), Qt.SortOrder.AscendingOrder)
        wait_complete(panel_model)
        panel_model.data(panel_model.index(0, 0))

    for key in ("name", "grade", "status"):
        print(f"{'sort by ' + key + ':':26}{_ms(_median(lambda k=key: sort_by(k), runs=3))}  (off the UI thread)")
    panel.deleteLater()
    tasks.shutdown()  # nothing of the list left running while saves are timed
    tasks = TaskRunner()
    services.tasks = tasks

    # -- save latency: Enter in the capture screen to the committed lead ---------------
    page, latencies, shown = time_captures(services, store, event["id"], saves)
    print(f"save Enter->committed:    p50 {_ms(_pct(latencies, 50))}  p99 {_ms(_pct(latencies, 99))}  "
          f"({saves} saves through the capture screen, writer lane, fsync)")
    print(f"  ...->form shows saved:  p50 {_ms(_pct(shown, 50))}  p99 {_ms(_pct(shown, 99))}")
    raw: list[float] = []
    for i in range(saves):
        start = time.perf_counter()
        store.save("lead", {"last_name": f"Raw{i}", "email": f"raw{i}@example.org",
                            "event_id": event["id"], "captured_at": NOW})
        raw.append(time.perf_counter() - start)
    print(f"store.save alone:         p50 {_ms(_pct(raw, 50))}  p99 {_ms(_pct(raw, 99))}")
    page.close()
    tasks.shutdown()

    # -- event PDF ------------------------------------------------------------------------
    # The event whose size is nearest 2,000 leads (the saves above went to the first one).
    report_event = min(book.events(), key=lambda e: abs(book.export_count(e["id"]) - 2000))
    n = book.export_count(report_event["id"])
    start = time.perf_counter()
    pdf = book.export("pdf", report_event)
    print(f"event PDF ({n:,} leads):   {time.perf_counter() - start:.2f} s  ({len(pdf) / 1024:,.0f} KB)")
    store.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.leads")
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--data-dir", type=Path, help="reuse this data dir (filled on first use)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fieldnote-bench-") as tmp:
        data_dir = args.data_dir or Path(tmp)
        data_dir.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        populate(data_dir, args.leads)
        print(f"store ready in {time.perf_counter() - start:.1f} s at {data_dir}")
        bench_ui(data_dir, args.saves)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS:                 {rss:.0f} MB")


if __name__ == "__main__":
    main()
