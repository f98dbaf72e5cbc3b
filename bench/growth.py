"""`python -m bench.growth`: how sync, the hub's pull and local search grow with the data.

For each of `--sizes` leads:
- **sync**: device A pushes them to a fresh hub (its own process, SQLite) and device B pulls
  them into its store (`bench.sync`'s end-to-end run: push + pull, digest checked);
- **local search**: a store filled with that many leads (`bench.leads`' populate), searched as
  the Leads page does it, through the store's query path (`LeadBook.ids` for "silva" and the
  rows of the first screen), median of 5.
For each of `--hub-sizes` (the same and a million): **hub pull**, one device's full pull in
pages of 1,000 from a hub (its own process, SQLite) holding that many leads, written through
the hub's push code before the clock starts.

Printed as a table with each one's fitted exponent (least squares on log-log; linear growth
is 1, "no worse than linear" is <= ~1.1) and drawn as a chart (`--chart`, by default
docs/benchmarks-growth.png; QtCharts, offscreen). Then the local store at `--store-leads`
(500,000): list open and search to the first screen (and until every id or match is known), and
the peak RSS of a process that only opens the store and its list (targets 300 ms / 50 ms /
400 MB).

Figures only; nothing here asserts a timing. `--quick` runs small sizes as a smoke run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHART = ROOT / "docs" / "benchmarks-growth.png"
FIRST_SCREEN = 50


def exponent(points: list[tuple[int, float]]) -> float:
    """The slope of log(time) on log(size), least squares."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-9)) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else float("nan")


def sync_time(work: Path, n: int) -> float:
    from bench.sync.__main__ import end_to_end

    out = end_to_end(work, n, changes=min(100, n), rounds=1)
    return float(out["push_s"] + out["pull_s"])


def hub_pull_time(work: Path, n: int, hub_db: str | None = None) -> float:
    """One device's full pull of `n` leads in pages of 1,000 from a hub of its own (SQLite, or
    a fresh schema of the PostgreSQL `hub_db`), the leads written through the push code
    before the clock starts."""
    from bench.hub_push.__main__ import HubProcess
    from bench.hub_rush import seed

    work.mkdir(parents=True)
    drop = None
    if hub_db:
        from tests.support.live_hub import fresh_pg_url

        db_url, drop = fresh_pg_url(hub_db)
    else:
        db_url = f"sqlite:///{work / 'hub.sqlite3'}"
    try:
        seed(db_url, n, devices=0, pullers=1)
        hub = HubProcess(db_url, work / "blobs")
        try:
            pulled, elapsed = full_pull(hub.url)
        finally:
            hub.stop()
    finally:
        if drop is not None:
            drop()
    if pulled < n:
        raise SystemExit(f"hub pull: {pulled:,} of {n:,} leads came back")
    return elapsed


def full_pull(url: str) -> tuple[int, float]:
    """(records, seconds) of the bench puller's full pull, as a device reads it."""
    import requests

    from bench.hub_rush import PASSWORD, H

    s = requests.Session()
    s.headers.update(H)
    token = s.post(f"{url}/v1/auth/token", timeout=60,
                   json={"email": "puller0@bench.fieldnote", "password": PASSWORD})
    token.raise_for_status()
    s.headers["Authorization"] = f"Bearer {token.json()['token']}"
    cursor, pulled = "", 0
    started = time.perf_counter()
    while True:
        answer = s.get(f"{url}/v1/sync/pull", params={"cursor": cursor, "limit": 1000},
                       timeout=600)
        answer.raise_for_status()
        page = answer.json()
        pulled += len(page["changes"])
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    return pulled, time.perf_counter() - started


def search_time(data_dir: Path, n: int) -> float:
    from bench.leads.__main__ import populate
    from desktop.store import open_store
    from desktop.store.db import DB_FILE
    from desktop.store.leads import LeadBook, LeadFilter

    data_dir.mkdir(parents=True)
    populate(data_dir, n)
    store = open_store(data_dir / DB_FILE)
    book = LeadBook(store)
    times = []
    try:
        for _ in range(6):
            started = time.perf_counter()
            ids = book.ids(LeadFilter(search="silva"))
            book.rows(ids[:FIRST_SCREEN])
            times.append(time.perf_counter() - started)
    finally:
        book.dispose()
        store.engine.dispose()
    return statistics.median(times[1:])  # the first warms the page cache


def store_probe(data_dir: Path) -> dict[str, float]:
    """In a process of its own: open the store and the Leads list as the app does, time it,
    search, and report the peak RSS."""
    import resource

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["FIELDNOTE_NO_KEYCHAIN"] = "1"
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from desktop.settings import Settings
    from desktop.startup import build_services
    from desktop.store import open_store
    from desktop.store.db import DB_FILE
    from desktop.store.leads import LeadBook, LeadFilter
    from desktop.tasks import TaskRunner
    from desktop.ui.leads.list_view import LeadListPanel
    from desktop.ui.services import RecordChanges
    from fieldnote.ids import new_id

    _app = QApplication.instance() or QApplication([])  # kept alive for the run
    store = open_store(data_dir / DB_FILE)
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    tasks = TaskRunner()
    services = build_services(store, tasks, Settings.load(data_dir), changes, data_dir,
                              {"id": new_id(), "name": "Bench", "role": "marketer"})
    book = LeadBook(store)

    def wait_complete(model: Any) -> None:
        while not model.complete:
            loop = QEventLoop()
            model.ids_loaded.connect(loop.quit)
            if not model.complete:
                loop.exec()
            model.ids_loaded.disconnect(loop.quit)

    def timed(fn: Any, runs: int = 5) -> float:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            fn()
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    def open_first() -> None:
        panel = LeadListPanel(services, book)
        panel.model.data(panel.model.index(0, 0))
        panel.deleteLater()

    def open_whole() -> None:
        panel = LeadListPanel(services, book)
        panel.model.data(panel.model.index(0, 0))
        wait_complete(panel.model)
        panel.deleteLater()

    panel = LeadListPanel(services, book)
    model = panel.model
    wait_complete(model)  # the list's own load is not left running beside the searches

    def search() -> tuple[float, float]:
        """Seconds to the first screen of matches, and until every match is known."""
        started = time.perf_counter()
        model.set_filter(LeadFilter(search="silva"))
        if model.rowCount():
            model.data(model.index(0, 0))
        shown = time.perf_counter() - started
        wait_complete(model)
        return shown, time.perf_counter() - started

    searches = [search() for _ in range(5)]
    out = {"leads": float(book.export_count()), "first_screen_s": timed(open_first),
           "whole_s": timed(open_whole, 3),
           "search_s": statistics.median(s for s, _ in searches),
           "search_all_s": statistics.median(a for _, a in searches)}
    tasks.shutdown()
    out["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def draw(series: dict[str, list[tuple[int, float]]], path: Path, title: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCharts import QChart, QChartView, QLineSeries, QLogValueAxis, QScatterSeries
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])  # kept alive while drawing
    chart = QChart()
    chart.setTitle(title)
    x_axis, y_axis = QLogValueAxis(), QLogValueAxis()
    x_axis.setTitleText("leads")
    x_axis.setLabelFormat("%.0f")
    y_axis.setTitleText("seconds")
    y_axis.setLabelFormat("%g")
    every = [p for points in series.values() for p in points]
    if every:
        # The axes span every point (attaching a series does not widen them).
        # A little past them, so no marker is cut in half at the edge.
        x_axis.setRange(min(n for n, _ in every) / 1.4, max(n for n, _ in every) * 1.4)
        y_axis.setRange(min(max(t, 1e-4) for _, t in every) / 1.4, max(t for _, t in every) * 1.4)
    for axis in (x_axis, y_axis):
        axis.setMinorTickCount(8)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for name, points in series.items():
        if not points:
            continue
        line, dots = QLineSeries(), QScatterSeries()
        line.setName(f"{name} (exponent {exponent(points):.2f})" if len(points) > 1 else name)
        dots.setMarkerSize(8)
        for n, t in points:
            line.append(n, max(t, 1e-4))
            dots.append(n, max(t, 1e-4))
        for s in (line, dots):
            chart.addSeries(s)
            s.attachAxis(x_axis)
            s.attachAxis(y_axis)
        dots.setColor(line.color())
        chart.legend().markers(dots)[0].setVisible(False)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(900, 560)
    path.parent.mkdir(parents=True, exist_ok=True)
    view.grab().save(str(path), "PNG")


def sizes(text: str) -> list[int]:
    return [int(s.replace("_", "")) for s in text.split(",") if s.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=sizes, help="leads for sync and search "
                        "(default 1000,10000,100000)")
    parser.add_argument("--hub-sizes", type=sizes, help="leads for the hub pull "
                        "(default 1000,10000,100000,1000000)")
    parser.add_argument("--store-leads", type=int, help="leads for the local store's list, "
                        "search and memory (default 500000; 0 skips it)")
    parser.add_argument("--chart", type=Path, default=CHART, help=f"the chart PNG (default {CHART})")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: sizes 300,1000,3000, hub up to 10,000, store 20,000")
    parser.add_argument("--store-dir", type=Path,
                        help="reuse this data dir for the local store (filled on first use)")
    parser.add_argument("--store-only", action="store_true",
                        help="only the local store at --store-leads (no sync, hub or chart)")
    parser.add_argument("--hub-only", action="store_true",
                        help="only the hub's full pulls at --hub-sizes (no sync, search, store "
                             "or chart)")
    parser.add_argument("--hub-db", help="run the hub's full pulls on this PostgreSQL (a fresh "
                        "schema for each size) instead of a SQLite file")
    parser.add_argument("--store-probe", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.store_probe:
        print(json.dumps(store_probe(args.store_probe)))
        return 0
    os.environ["FIELDNOTE_NO_KEYCHAIN"] = "1"
    from hub import accounts

    accounts.set_password_cost(time_cost=1, memory_cost_kib=8 * 1024)
    args.sizes = args.sizes or ([300, 1000, 3000] if args.quick else [1000, 10_000, 100_000])
    args.hub_sizes = args.hub_sizes or (args.sizes + [10_000] if args.quick
                                        else [1000, 10_000, 100_000, 1_000_000])
    if args.store_only:
        args.sizes = args.hub_sizes = []
    if args.hub_only:
        args.sizes, args.store_leads = [], 0
    if args.store_leads is None:
        args.store_leads = 20_000 if args.quick else 500_000
    try:
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        load = "n/a"
    print(f"growth: sizes {args.sizes}, hub {args.hub_sizes}, store {args.store_leads:,}; "
          f"{os.cpu_count()} CPUs; load average {load}")
    series: dict[str, list[tuple[int, float]]] = {"sync A -> hub -> B": [], "hub full pull": [],
                                                  "local search": []}
    with tempfile.TemporaryDirectory(prefix="fieldnote-bench-growth-") as tmp:
        work = Path(tmp)
        for n in args.sizes:
            series["sync A -> hub -> B"].append((n, sync_time(work / f"sync-{n}", n)))
            series["local search"].append((n, search_time(work / f"store-{n}", n)))
            print(f"  {n:>9,} leads: sync {series['sync A -> hub -> B'][-1][1]:8.2f} s, "
                  f"search {series['local search'][-1][1] * 1000:8.1f} ms", flush=True)
        for n in args.hub_sizes:
            series["hub full pull"].append((n, hub_pull_time(work / f"hub-{n}", n, args.hub_db)))
            print(f"  {n:>9,} leads: hub full pull {series['hub full pull'][-1][1]:8.2f} s",
                  flush=True)
        probe = None
        if args.store_leads:
            from bench.leads.__main__ import populate

            store_dir = args.store_dir or work / "store-big"
            store_dir.mkdir(parents=True, exist_ok=True)
            started = time.perf_counter()
            populate(store_dir, args.store_leads)
            filled = time.perf_counter() - started
            answer = subprocess.run(
                [sys.executable, "-m", "bench.growth", "--store-probe", str(store_dir)],
                cwd=ROOT, capture_output=True, text=True, check=True,
                env={**os.environ, "PYTHONPATH": str(ROOT)})
            probe = json.loads(answer.stdout.strip().splitlines()[-1])
            probe_load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    every = sorted({n for points in series.values() for n, _ in points})
    if every:
        table(series, every, None if args.hub_only else args.chart, load)
    if probe is not None:
        print()
        print(f"  local store at {int(probe['leads']):,} leads (filled in {filled:.0f} s, not timed; "
              f"load average {probe_load} after it):")
        print(f"    list open, first screen      {probe['first_screen_s'] * 1000:7.0f} ms   "
              f"(target <= 300 ms); every id known {probe['whole_s'] * 1000:.0f} ms")
        print(f"    search 'silva', first screen {probe['search_s'] * 1000:7.0f} ms   (target <= 50 ms); "
              f"every match known {probe['search_all_s'] * 1000:.0f} ms")
        print(f"    peak RSS (open + list + search) {probe['rss_mb']:5.0f} MB   (target <= 400 MB)")
    return 0


def table(series: dict[str, list[tuple[int, float]]], every: list[int], chart: Path | None,
          load: str) -> None:
    print()
    print(f"  {'leads':>9} " + "".join(f"{name:>20}" for name in series))
    for n in every:
        cells = []
        for name, points in series.items():
            t = dict(points).get(n)
            cells.append(f"{'—':>20}" if t is None else
                         f"{t * 1000:17.1f} ms" if name == "local search" else f"{t:18.2f} s")
        print(f"  {n:>9,} " + "".join(cells))
    print(f"  {'exponent':>9} " + "".join(
        f"{exponent(points):20.2f}" if len(points) > 1 else f"{'—':>20}" for points in series.values())
        + "   (target <= 1.1 each)")
    print(f"  load average after: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    if chart is None:
        return
    title = (f"Fieldnote growth, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs, "
             f"load average {load.split()[0]}")
    draw(series, chart, title)
    print(f"  chart: {chart}")


if __name__ == "__main__":
    raise SystemExit(main())
