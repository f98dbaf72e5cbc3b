"""The window on a full disk: the capture form refuses the save with a clear line and keeps the
lead, and the import dialog says how many leads it saved. The store's file may not grow past a
limit (SQLite's `max_page_count`, which fails a write with the same SQLITE_FULL as a full disk),
so the refusal comes mid-statement, where it used to surface as "no such savepoint" or an
OperationalError."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlalchemy import event

from desktop.ui.leads.page import LeadsPage
from tests.desktop.leads.conftest import EVENT_ID, add_event, open_capture_page

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def cap_growth(store: Any, room: int = 0) -> None:
    """From now on the store's file may grow by `room` pages only: no free page is left, and
    every new connection may use only the pages there are plus `room`."""
    path = store.engine.url.database
    store.engine.dispose()
    raw = sqlite3.connect(path)
    raw.execute("VACUUM")
    raw.close()

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + room}")


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




def test_an_import_that_fills_the_disk_says_how_many_leads_it_saved(
        qtbot: Any, services: Any, tmp_path: Any) -> None:
    add_event(services.store)
    page = LeadsPage(services)
    qtbot.addWidget(page)
    page.show()
    path = tmp_path / "scans.csv"
    path.write_text("First Name,Last Name,Email,Notes\r\n" + "".join(
        f"Ana{i},Silva{i},ana{i}@zenith.example,{'roadmap talk ' * 20}\r\n"
        for i in range(1200)), encoding="utf-8")
    dialog = page.open_import()
    task = dialog.load_file(path)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    dialog.event_box.setCurrentIndex(dialog.event_box.findData(EVENT_ID))
    cap_growth(services.store, room=400)  # one batch of 500 fits, the next does not
    task = dialog.start_import()
    with qtbot.waitSignal(task.failed, timeout=30_000):
        pass
    saved = services.store.count("lead")
    assert 0 < saved < 1200 and saved % 500 == 0
    assert dialog.status.text() == (
        f"Import stopped: the disk is full: {saved:,} of 1,200 leads were saved; free space and "
        "import again (saved rows are skipped)")
    assert dialog.import_button.isEnabled() and not dialog.progress.isVisible()
