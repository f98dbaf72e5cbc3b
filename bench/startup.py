"""`python -m bench.startup`: from launch to work, beside a bare PySide6 window.

The data dir holds 100,000 leads and 10,000 collateral items (written once with SQL inserts),
the first user signed in and an event chosen for capture. Every run is a fresh process
(`python -m desktop`, no `--screenshot`: the order of a real start), started with
`FIELDNOTE_BENCH_MARKS` naming a folder where the app writes the moments it reaches
(`desktop.ui.shell.start_marks`, the time of each taken in the app):

- **window shown**: the window rendered on the first turn of the event loop, as the bare
  window is (show, render, exit; each picture is written to a PNG after its moment);
- **capture form takes a scan** (`--page capture`): the scan field has the keyboard focus in
  the shown window; at that moment a synthetic badge scan (a vCard typed as a scanner's burst
  of keys ending in Enter) is typed into it. The run counts only when the scan then arrives in
  the form: **the scan read** is when its email shows in the Email field (the form rendered
  to a PNG); it includes the 90 ms of quiet after which a scanner's burst is read;
- **Leads page with its rows** (`--page leads`): the page rendered with its first screen of
  rows, their cells read from the store; **the whole list** is when the full id list (and so
  the count) has arrived.

The bare window, the list start and the capture start alternate, `--runs` rounds after one
warm-up round (a second start of the day: the files are in the page cache); medians, their
ratio to the bare window's median, peak RSS. The PyInstaller bundle (`dist/fieldnote/`) is
measured the same way when it is there (`--build` makes it first, with `packaging/build.py`).
Prints the load average before and after. Figures only; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, insert, select

from bench.leads.__main__ import populate
from desktop.settings import Settings
from desktop.store import open_store
from desktop.store.db import DB_FILE
from desktop.store.schema import record_tables
from fieldnote.ids import new_id

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "fieldnote" / ("fieldnote.exe" if sys.platform == "win32" else "fieldnote")
WORDS = ["pricing", "deck", "case study", "integration", "security", "analytics", "logistics",
         "warehouse", "compliance", "onboarding", "ROI", "migration", "edge", "sensor", "cloud"]
# A start that has not ended after this long is killed and reported.
RUN_TIMEOUT_S = 120
# The targets, as ratios to the bare window's median.
SHOWN_TARGET, SCAN_TARGET, ROWS_TARGET, RSS_TARGET_MB = 1.5, 2.0, 3.0, 300

BARE_WINDOW = """
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
window.show()
def shot():
    where = os.environ["FIELDNOTE_BENCH_MARKS"]
    image = window.grab()
    with open(where + "/marks.txt", "a") as out:
        out.write(f"shown {time.time():.6f}\\n")
    image.save(where + "/shown.png", "PNG")
    app.quit()
QTimer.singleShot(0, shot)
app.exec()
"""


def prepare(data_dir: Path, leads: int, collateral: int) -> None:
    populate(data_dir, leads)
    store = open_store(data_dir / DB_FILE)
    table = record_tables["collateral"]
    with store.engine.connect() as conn:
        have = conn.execute(select(func.count()).select_from(table)).scalar_one()
    if have < collateral:
        meta = {"rev": 1, "deleted": False, "local_updated_at": "2026-11-01T00:00:00Z"}
        rows = [{
            "id": new_id(), **meta, "title": f"{WORDS[i % len(WORDS)].title()} sheet {i}",
            "summary": " ".join(WORDS[(i + k) % len(WORDS)] for k in range(12)),
            "kind": "sell_sheet", "tags": [WORDS[i % len(WORDS)]], "status": "approved",
            "version": 1, "file_name": f"sheet{i}.pdf", "file_size": 120_000,
            "mime_type": "application/pdf", "text": " ".join(WORDS) * 4,
        } for i in range(collateral - have)]
        with store.engine.begin() as conn:
            for start in range(0, len(rows), 2000):
                conn.execute(insert(table), rows[start:start + 2000])
    users = store.all("user", limit=1)
    if users and not store.get_state("user"):
        u = users[0]
        store.set_state("user", {"id": u["id"], "name": u["name"], "email": u.get("email"),
                                 "role": u["role"], "team": u.get("team")})
    settings = Settings.load(data_dir)
    if not settings.current_event_id:
        events = store.all("event", limit=1)
        if events:  # a booth's laptop: the event is chosen once
            settings.current_event_id = events[0]["id"]
            settings.save()
    store.engine.dispose()


class Run:
    """One start in a fresh process: the moments it reached (seconds from launch), peak RSS."""

    def __init__(self, marks: dict[str, float], rss_mb: float) -> None:
        self.marks, self.rss_mb = marks, rss_mb


def start(cmd: Sequence[str], wanted: Sequence[str], env: dict[str, str]) -> Run:
    with tempfile.TemporaryDirectory(prefix="fieldnote-marks-") as where:
        env = dict(env, FIELDNOTE_BENCH_MARKS=where, QT_QPA_PLATFORM="offscreen")
        launched = time.time()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        deadline = time.monotonic() + RUN_TIMEOUT_S
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:  # a start that hangs is reported, not waited for
                proc.kill()
                _pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
        code = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        marks_file = Path(where) / "marks.txt"
        lines = marks_file.read_text().split("\n") if marks_file.exists() else []
    marks = {name: float(at) - launched for name, at, *_cpu in (line.split() for line in lines if line)}
    missing = [m for m in wanted if m not in marks]
    if code != 0 or missing:
        raise SystemExit(f"{' '.join(cmd[:4])} … exited {code}, reached {sorted(marks)}, "
                         f"not {missing}:\n{err}")
    return Run(marks, usage.ru_maxrss / 1024)


def median(runs: list[Run], mark: str) -> float:
    return statistics.median(r.marks[mark] for r in runs)


def load_average() -> str:
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def report(title: str, bare: float, lists: list[Run], captures: list[Run]) -> None:
    def line(name: str, seconds: float, target: float | None = None) -> None:
        aim = f"target <= {target:g}" if target is not None else ""
        print(f"  {name:<38} {seconds * 1000:6.0f} ms  ratio {seconds / bare:5.2f}  {aim}")

    print(f"{title}:")
    line("main window shown", median(lists + captures, "shown"), SHOWN_TARGET)
    line("capture form takes a scan", median(captures, "scan_typed"), SCAN_TARGET)
    line("  ... the scan read into the form", median(captures, "scan_read"))
    line("Leads page with its rows (100k)", median(lists, "rows"), ROWS_TARGET)
    line("  ... the whole list, its count", median(lists, "complete"))
    rss = max(r.rss_mb for r in lists + captures)
    print(f"  {'peak RSS':<38} {rss:6.0f} MB                target <= {RSS_TARGET_MB} MB")


def build_bundle() -> None:
    # PYTHONPATH: the bundle is made of this tree's code, whatever the virtualenv points at.
    subprocess.check_call([sys.executable, str(ROOT / "packaging" / "build.py"), "--no-archive"],
                          cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.startup")
    parser.add_argument("--data-dir", type=Path, help="reuse this data dir (filled on first use)")
    parser.add_argument("--runs", type=int, default=7, help="rounds after the warm-up (default 7)")
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--collateral", type=int, default=10_000)
    parser.add_argument("--build", action="store_true",
                        help="build the bundle first (python3 packaging/build.py --no-archive)")
    parser.add_argument("--no-bundle", action="store_true", help="leave the bundle out")
    args = parser.parse_args()
    if args.build:
        build_bundle()
    bundle = BUNDLE.exists() and not args.no_bundle
    with tempfile.TemporaryDirectory(prefix="fieldnote-startup-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        prepare(data_dir, args.leads, args.collateral)
        print(f"data dir ready in {time.perf_counter() - started:.1f} s: {args.leads:,} leads, "
              f"{args.collateral:,} collateral items")
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        app = [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "--page"]
        exe = [str(BUNDLE), "--data-dir", str(data_dir), "--page"]
        kinds = {
            "bare": ([sys.executable, "-c", BARE_WINDOW], ["shown"], env),
            "list": ([*app, "leads"], ["shown", "rows", "complete"], env),
            "capture": ([*app, "capture"], ["shown", "scan_typed", "scan_read"], env),
        }
        if bundle:
            kinds["bundle list"] = ([*exe, "leads"], ["shown", "rows", "complete"], clean)
            kinds["bundle capture"] = ([*exe, "capture"], ["shown", "scan_typed", "scan_read"],
                                       clean)
        before = load_average()
        runs: dict[str, list[Run]] = {kind: [] for kind in kinds}
        for round_ in range(args.runs + 1):
            for kind, (cmd, wanted, kind_env) in kinds.items():
                run = start(cmd, wanted, kind_env)
                if round_:  # the first round warms the page cache
                    runs[kind].append(run)
        after = load_average()
    bare = median(runs["bare"], "shown")
    print(f"load average before {before}, after {after} (2-core machine); medians of {args.runs} "
          "alternating cold starts")
    print(f"  {'bare PySide6 window':<38} {bare * 1000:6.0f} ms  "
          f"peak RSS {max(r.rss_mb for r in runs['bare']):.0f} MB")
    report("Fieldnote (python -m desktop)", bare, runs["list"], runs["capture"])
    if bundle:
        report(f"the bundle ({BUNDLE.relative_to(ROOT)})", bare, runs["bundle list"],
               runs["bundle capture"])
    else:
        print(f"the bundle: not measured, {BUNDLE.relative_to(ROOT)} is not there; build it with "
              "`python3 packaging/build.py` (or run this with --build)")


if __name__ == "__main__":
    main()
