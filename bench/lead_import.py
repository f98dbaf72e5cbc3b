"""`python -m bench.lead_import [--rows N]`: an organiser's CSV of N rows (default 20,000) read,
previewed, imported into an empty event, and imported again; prints the median of each.

The second import finds every row already there (by email or fingerprint) and adds nothing.
Figures only; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import tempfile
import time
from pathlib import Path

from desktop.store import open_store
from desktop.store.leads import LeadBook
from fieldnote.ids import new_id
from fieldnote.leadcsv import read_lead_csv


def organiser_file(rows: int, seed: int = 1) -> bytes:
    """Badge scans as a show's organiser exports them; a third carry no email."""
    rnd = random.Random(seed)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["First Name", "Last Name", "Company", "Phone", "Email", "Consent", "Notes"])
    for i in range(rows):
        writer.writerow([f"Visitor{i}", f"Name{rnd.randrange(10**6)}", f"Company {i % 500} GmbH",
                         f"+49 30 {rnd.randrange(10**7):07d}",
                         "" if i % 3 == 0 else f"visitor{i}@example.com",
                         rnd.choice(["yes", "no", ""]), "Hall 4"])
    return out.getvalue().encode("utf-8")


def run(rows: int, runs: int) -> dict[str, list[float]]:
    data = organiser_file(rows)
    times: dict[str, list[float]] = {"read": [], "preview": [], "import": [], "re-import": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "fieldnote.sqlite3")
            event_id = new_id()
            store.save("event", {"name": "Bench Expo"}, event_id)
            book = LeadBook(store)
            t0 = time.perf_counter()
            parsed = read_lead_csv(data, event_id=event_id, default_region="DE",
                                   consent_text_version="2026-01")
            t1 = time.perf_counter()
            book.preview_import(data, event_id, default_region="DE")
            t2 = time.perf_counter()
            first = book.import_leads(event_id, ((r.line, r.fields) for r in parsed.rows))
            t3 = time.perf_counter()
            again = book.import_leads(event_id, ((r.line, r.fields) for r in parsed.rows))
            t4 = time.perf_counter()
            assert first.imported == rows and again.imported == 0  # the figures are of a real run
            book.dispose()
            store.engine.dispose()
        for key, seconds in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            times[key].append(seconds)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.lead_import", description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for key, values in run(args.rows, args.runs).items():
        median = statistics.median(values)
        print(f"{key:>10}: {median:6.2f} s  ({args.rows / median:,.0f} rows/s; median of {args.runs})")


if __name__ == "__main__":
    main()
