"""kill -9 mid-entry loses no visitor: a real process types into the capture form and is
SIGKILLed before Enter; the next start offers the visitor back and Enter saves them."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store.leads import LeadBook
from desktop.ui.leads.page import LeadsPage
from tests.desktop.leads.conftest import REP, make_services
from tests.support.typing_kill import type_then_kill

pytestmark = [pytest.mark.slow,
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]
DRAFT_SQL = ("SELECT record_id FROM local_marks WHERE mark = 'capture_draft' "
             "AND json_extract(value, '$.fields.company') = 'Cedar Systems'")


def _type_then_kill(data: Path) -> None:
    # The real debounce, shortened so the test waits less.
    (data / "settings.json").write_text('{"version": 1, "values": {"capture_autosave_ms": 200}}')
    type_then_kill("tests.desktop.leads.drive_capture", data, ["Haddad", "Cedar Systems"], DRAFT_SQL)


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
