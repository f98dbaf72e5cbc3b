"""A full disk loses nothing and says so in one line: `leads import` says how many of the file's
leads it saved (importing again adds the rest), `sync` keeps what it synced and exits 5, the
capture form keeps the lead (tests/desktop/leads/test_disk_full_window.py), and a log file that
cannot be written prints no traceback. The CLI runs on a real full disk (a small tmpfs,
`tests.support.full_disk`).
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from desktop.cli import EXIT_DISK_FULL
from desktop.datafile import DB_FILE, DiskFull
from desktop.logs import LOG_FILE, setup_logging
from desktop.store import open_store
from fieldnote.failures import is_disk_full
from tests.desktop.leads.conftest import EVENT_ID, add_event
from tests.support.full_disk import needs_small_disk, run_on_small_disk
from tests.support.live_hub import LiveHub

ROOT = Path(__file__).resolve().parents[2]
LEADS = 3000
IMPORT_SAYS = re.compile(r"^fieldnote: the disk is full: (\d+) of (\d+) leads were saved; free "
                         r"space and import again \(saved rows are skipped\)$")


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
            "FIELDNOTE_NO_KEYCHAIN": "1"}


def fieldnote(*args: str) -> list[str]:
    return [sys.executable, "-m", "desktop", *args, "--data-dir", "{dir}"]


def no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr and "Logging error" not in stderr, stderr
    assert "savepoint" not in stderr and "OperationalError" not in stderr, stderr


def folder_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 1024


def count_leads(data: Path) -> int:
    store = open_store(data / DB_FILE)
    try:
        return store.count("lead")
    finally:
        store.engine.dispose()


@needs_small_disk
def test_an_import_that_fills_the_disk_says_how_far_it_got_and_a_second_run_adds_the_rest(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(data / DB_FILE)
    add_event(store)
    store.engine.dispose()
    scans = tmp_path / "scans.csv"
    with scans.open("w", newline="", encoding="utf-8") as out:
        rows = csv.writer(out)
        rows.writerow(["First Name", "Last Name", "E-Mail", "Company", "Badge ID", "Notes"])
        for i in range(LEADS):
            rows.writerow([f"First{i}", f"Last{i}", f"p{i}@example.com", f"Company {i}",
                           f"B-{i}", "talked about the roadmap " * 8])
    ran = run_on_small_disk(data, folder_kib(data) + 2600, [
        ("run", fieldnote("leads", "import", str(scans), "--event", EVENT_ID), ""),
        ("grow", 60_000),
        ("run", fieldnote("leads", "import", str(scans), "--event", EVENT_ID, "--json"), ""),
    ], env(), tmp_path / "work")

    full, again = ran
    assert full.returncode == EXIT_DISK_FULL, full.stderr
    no_traceback(full.stderr)
    said = IMPORT_SAYS.match(full.stderr.strip().splitlines()[-1])
    assert said is not None, full.stderr
    saved, total = int(said.group(1)), int(said.group(2))
    assert total == LEADS and 0 < saved < LEADS
    assert saved % 500 == 0  # whole batches: the one the disk refused left nothing behind

    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert (summary["add"], summary["duplicate"]) == (LEADS - saved, saved)
    assert count_leads(data) == LEADS


@needs_small_disk
@pytest.mark.slow
def test_a_sync_that_fills_the_disk_exits_5_in_one_line_and_the_next_one_finishes(
        tmp_path: Path, live_hub: LiveHub) -> None:
    live_hub.seed_demo()
    data = tmp_path / "data"
    data.mkdir()
    open_store(data / DB_FILE).engine.dispose()
    signin = ["signin", "--hub", live_hub.url, "--email", "marketer@demo.fieldnote",
              "--password-stdin"]
    ran = run_on_small_disk(data, folder_kib(data) + 1500, [
        ("run", fieldnote(*signin), "demo\n"),
        ("run", fieldnote("sync"), ""),
        ("grow", 200_000),
        ("run", fieldnote("sync"), ""),
    ], env(), tmp_path / "work")
    signed, full, again = ran
    assert signed.returncode == 0, signed.stderr
    assert full.returncode == EXIT_DISK_FULL, full.stderr
    no_traceback(full.stderr)
    assert full.stderr.strip().splitlines()[-1] == (
        "fieldnote: the disk is full: what was synced so far is kept and waiting changes stay "
        "queued; free space and sync again")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("pushed ")


def test_a_failed_savepoint_after_a_full_disk_still_counts_as_a_full_disk(tmp_path: Path
                                                                          ) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite3")
    conn.execute("CREATE TABLE t (body TEXT)")
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    try:
        try:
            conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
        except sqlite3.OperationalError as full:
            try:
                raise sqlite3.OperationalError("no such savepoint: sa_savepoint_138") from None
            except sqlite3.OperationalError as follow_up:
                follow_up.__context__ = full
                assert is_disk_full(follow_up)
        else:
            raise AssertionError("the insert should not fit")
    finally:
        conn.close()
    assert is_disk_full(OSError(28, "No space left on device"))
    assert is_disk_full(DiskFull(saved=1, total=2))
    assert not is_disk_full(sqlite3.OperationalError("database is locked"))


def test_a_log_file_on_a_full_disk_costs_one_line_and_no_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    (tmp_path / LOG_FILE).symlink_to("/dev/full")
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        setup_logging(tmp_path)
        for n in range(3):
            logging.getLogger("desktop.test").warning("record %d", n)
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot write the log file" in err, err
    assert "Traceback" not in err and "Logging error" not in err
