"""`python -m bench.startup`: cold start of the app to its main window, beside a bare PySide6 window.

The data dir holds 100,000 leads and 10,000 collateral items (written once with SQL inserts).
Each run is a fresh process started with `--screenshot`. Two moments are timed, from launch:

- **window shown**: the app renders its window to a PNG as soon as it is first shown
  (`FIELDNOTE_BENCH_SHOWN_PNG`): the shell with its navigation, while the store still opens;
- **page ready**: the `--screenshot` PNG, written once the store is open and the Leads page
  shows its first rows.

The bare window does the same as the first (show, grab, exit) in a fresh process. Prints the
median of 5 runs of each, the ratios and each one's peak RSS. Figures only; nothing here asserts
a timing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from bench.leads.__main__ import populate
from desktop.store import open_store
from desktop.store.db import DB_FILE
from desktop.store.schema import record_tables
from fieldnote.ids import new_id

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["pricing", "deck", "case study", "integration", "security", "analytics", "logistics",
         "warehouse", "compliance", "onboarding", "ROI", "migration", "edge", "sensor", "cloud"]

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
window.show()
def shot():
    window.grab().save(sys.argv[1], "PNG")
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
    store.engine.dispose()


def timed(cmd: list[str], png: Path, shown: Path | None = None) -> tuple[float, float, float]:
    """Seconds from launch until the window was shown (the `shown` PNG, or `png` without it)
    and until `png` was written, and the child's peak RSS in MB. Shutting down (waiting for
    background work) is not counted."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    png.unlink(missing_ok=True)
    if shown is not None:
        shown.unlink(missing_ok=True)
        env["FIELDNOTE_BENCH_SHOWN_PNG"] = str(shown)
    start = time.time()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    ended = time.time() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    done = png.stat().st_mtime - start if png.exists() else ended
    first = shown if shown is not None else png
    if not first.exists():
        raise SystemExit(f"{' '.join(cmd)} wrote no {first.name}")
    return first.stat().st_mtime - start, done, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.startup")
    parser.add_argument("--data-dir", type=Path, help="reuse this data dir (filled on first use)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--leads", type=int, default=100_000)
    parser.add_argument("--collateral", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fieldnote-startup-") as tmp:
        data_dir = args.data_dir or Path(tmp) / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        prepare(data_dir, args.leads, args.collateral)
        print(f"data dir ready in {time.perf_counter() - started:.1f} s: {args.leads:,} leads, "
              f"{args.collateral:,} collateral items")
        png = Path(tmp) / "shot.png"
        shown = Path(tmp) / "shown.png"
        app_cmd = [sys.executable, "-m", "desktop", "--data-dir", str(data_dir),
                   "--screenshot", str(png), "--page", "leads"]
        bare_cmd = [sys.executable, "-c", BARE_WINDOW, str(png)]
        timed(app_cmd, png, shown)  # warm the file cache once, as a second start of the day would
        app_runs, bare_runs = [], []
        for _ in range(args.runs):
            bare_runs.append(timed(bare_cmd, png))
            app_runs.append(timed(app_cmd, png, shown))
    bare_s = statistics.median(t for t, _, _ in bare_runs)
    shown_s = statistics.median(t for t, _, _ in app_runs)
    ready_s = statistics.median(t for _, t, _ in app_runs)
    print(f"bare PySide6 window:        {bare_s * 1000:5.0f} ms  (median of {args.runs}), "
          f"peak RSS {max(r for _, _, r in bare_runs):.0f} MB")
    print(f"Fieldnote main window shown: {shown_s * 1000:5.0f} ms  ratio {shown_s / bare_s:.2f} "
          "(target <= 1.5)")
    print(f"... Leads page with its rows: {ready_s * 1000:5.0f} ms  ratio {ready_s / bare_s:.2f}, "
          f"peak RSS {max(r for _, _, r in app_runs):.0f} MB (target <= 300 MB)")


if __name__ == "__main__":
    main()
