"""The capture form on a full disk: the save is refused with a clear line, and the lead is back
in the form, nothing lost. The store's file may not grow (SQLite's `max_page_count`, which
fails a write with the same SQLITE_FULL as a full disk), so the refusal comes mid-statement,
where it used to surface as "no such savepoint" or an OperationalError."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import event

from tests.desktop.leads.conftest import open_capture_page

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def cap_growth(store: Any) -> None:
    """From now on the store's file may not grow: no free page is left, and every new
    connection may use only the pages there are."""
    path = store.engine.url.database
    store.engine.dispose()
    raw = sqlite3.connect(path)
    raw.execute("VACUUM")
    raw.close()

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")


def test_the_capture_form_keeps_a_lead_the_full_disk_refused_and_says_so(
        qtbot: Any, services: Any) -> None:
    page = open_capture_page(qtbot, services)
    capture = page.capture
    capture.inputs["first_name"].setText("Lee")
    capture.inputs["last_name"].setText("Wong")
    capture.inputs["company"].setText("Harbour Logistics")
    capture.notes.setPlainText("A long talk about cold chains. " * 500)
    cap_growth(services.store)
    capture.save()
    qtbot.waitUntil(lambda: "disk is full" in capture.message.text(), timeout=10_000)
    assert capture.inputs["last_name"].text() == "Wong"  # back in the form, nothing lost
    assert services.store.count("lead") == 0
    assert "OperationalError" not in capture.message.text()


