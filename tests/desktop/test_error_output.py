"""Personal data stays out of error output: a failing statement carrying a person's email puts
neither the email nor the SQL into what the user reads, and not the email into the log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desktop.store import open_store
from desktop.store.db import make_engine
from fieldnote.failures import short_reason
from tests.desktop.leads.conftest import add_event

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")
EMAIL = "ana.silva@zenith.example"


def refuse_new_leads(db: Path) -> None:
    """A trigger makes SQLite refuse every new lead, as a full disk or a damaged index would."""
    engine = make_engine(db)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON rec_lead "
                              "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"))
    finally:
        engine.dispose()


def test_an_unexpected_database_failure_shows_one_short_line_without_sql_or_email(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(data / "fieldnote.sqlite3")
    add_event(store)
    store.engine.dispose()
    refuse_new_leads(data / "fieldnote.sqlite3")
    csv = tmp_path / "scans.csv"
    csv.write_text(f"First Name,Last Name,E-Mail\nAna,Silva,{EMAIL}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "leads", "import", str(csv), "--event",
         "hannover MESSE", "--data-dir", str(data)],
        capture_output=True, text=True, env=ENV, timeout=120,
    )
    assert done.returncode != 0
    assert done.stderr.splitlines() == [
        "fieldnote: unexpected error (IntegrityError: refused by the test); "
        "details are in the log file"]
    log = (data / "fieldnote.log").read_text(encoding="utf-8")
    assert "refused by the test" in log and "Traceback" in log  # the details are there...
    assert EMAIL not in log  # ...but not the person's


def test_the_store_engine_hides_parameters(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.sqlite3")
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (email TEXT UNIQUE)"))
            conn.execute(text("INSERT INTO t VALUES (:e)"), {"e": EMAIL})
        with pytest.raises(IntegrityError) as failed, engine.begin() as conn:
            conn.execute(text("INSERT INTO t VALUES (:e)"), {"e": EMAIL})
    finally:
        engine.dispose()
    assert EMAIL not in str(failed.value)
    assert short_reason(failed.value) == "IntegrityError: UNIQUE constraint failed: t.email"
