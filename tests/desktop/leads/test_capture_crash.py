"""kill -9 mid-entry loses no visitor: a real process types into the capture form and is
SIGKILLed before Enter; the next start offers the visitor back and Enter saves them."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store.db import DB_FILE
from desktop.store.leads import LeadBook
from desktop.ui.leads.page import LeadsPage
from tests.desktop.leads.conftest import REP, make_services

pytestmark = [pytest.mark.slow,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")
DRAFT_SQL = ("SELECT record_id FROM local_marks WHERE mark = 'capture_draft' "
             "AND json_extract(value, '$.fields.company') = 'Cedar Systems'")


def _draft_on_disk(db: Path) -> bool:
    if not db.exists():
        return False
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return bool(conn.execute(DRAFT_SQL).fetchall())
    except sqlite3.OperationalError:  # the schema is not there yet
        return False
    finally:
        conn.close()


def _type_then_kill(data: Path) -> None:
    # The real debounce, shortened so the test waits less.
    (data / "settings.json").write_text('{"version": 1, "values": {"capture_autosave_ms": 200}}')
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.desktop.leads.drive_capture", str(data), "Haddad",
         "Cedar Systems"],
        env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 45
        while not _draft_on_disk(data / DB_FILE):
            if proc.poll() is not None:
                raise AssertionError(f"the app exited early: {proc.stderr.read() if proc.stderr else ''}")
            if time.monotonic() > deadline:
                raise AssertionError("the unsaved visitor never reached the disk")
            time.sleep(0.05)  # polling the database for the condition, not a fixed wait
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_kill_9_mid_entry_loses_no_visitor(qtbot, qapp, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    _type_then_kill(data)
    services = make_services(data, REP)
    try:
        [(_draft_id, state)] = LeadBook(services.store).drafts()
        assert state["fields"] == {"last_name": "Haddad", "company": "Cedar Systems"}
        page = LeadsPage(services)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        page.create_new()
        capture = page.capture
        assert capture.held_bar.isVisible()
        assert "Haddad (Cedar Systems)" in capture.held_label.text()
        capture.open_held()
        capture.save()
        qtbot.waitUntil(lambda: services.store.count("lead") == 1)
        lead = services.store.all("lead")[0]
        assert (lead["last_name"], lead["company"]) == ("Haddad", "Cedar Systems")
        qtbot.waitUntil(lambda: LeadBook(services.store).drafts() == [])
    finally:
        services.tasks.shutdown()
        services.store.engine.dispose()
