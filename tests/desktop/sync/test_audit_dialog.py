"""pytest-qt: an administrator reads the hub's audit log in the app, against a real hub: newest
first, filtered by action and by a first day; only administrators are offered it, and a hub
that refuses says why in the dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate

from desktop.sync.runner import SyncDesk
from desktop.tasks import TaskRunner
from desktop.ui.sync.audit_log import AuditLogController, AuditLogDialog, offered_to
from fieldnote import audit as rules
from hub import audit
from tests.desktop.sync.conftest import FAST
from tests.support.live_hub import LiveHub


@pytest.fixture
def tasks():  # type: ignore[no-untyped-def]
    runner = TaskRunner(parallel_threads=1)
    yield runner
    runner.shutdown()


def _entries(hub: LiveHub) -> None:
    audit.record(hub.engine, rules.PERSON_ERASE, actor_label="ops (command line)",
                 details={"leads": 2, "lead_ids": ["a", "b"]}, at="2026-11-01T09:00:00Z")
    audit.record(hub.engine, rules.SETTING_CHANGE, actor_label="ops (command line)",
                 details={"key": "retention_days", "value": "180"}, at="2026-11-20T09:00:00Z")
    audit.record(hub.engine, rules.LEADS_EXPORT, actor_label="rep@example.com",
                 via=rules.VIA_DEVICE, ref="1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                 details={"format": "csv", "rows": 12, "filter": {"search": True}},
                 at="2026-12-01T09:00:00Z")


def _dialog(qtbot: Any, device: Any, tasks: TaskRunner) -> AuditLogDialog:
    desk = SyncDesk(device.data_dir, device.store, timeouts=FAST)
    dialog = AuditLogDialog(desk, tasks, today=dt.date(2026, 12, 7))
    qtbot.addWidget(dialog)
    return dialog


def _rows(dialog: AuditLogDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.cell(item, c) for c in range(5)][1:] for item in model.items]


def test_only_administrators_are_offered_the_audit_log() -> None:
    assert offered_to("admin")
    assert not any(offered_to(r) for r in ("rep", "marketer", "manager", None))


def test_the_controller_orders_filters_and_words_entries() -> None:
    c = AuditLogController()
    c.loaded([rules.Entry(1, "2026-11-01T09:00:00Z", rules.PERSON_ERASE, "a", "command"),
              rules.Entry(3, "2026-12-01T09:00:00Z", rules.LEADS_EXPORT, "b", "device"),
              rules.Entry(2, "2026-12-01T09:00:00Z", rules.PERSON_ERASE, "c", "hub")])
    assert [e.id for e in c.shown()] == [3, 2, 1]
    assert [e.id for e in c.shown(rules.PERSON_ERASE)] == [2, 1]
    assert c.since_param(dt.date(2026, 11, 5)) == "2026-11-05" and c.since_param(None) is None
    assert c.details_text({"leads": 2, "lead_ids": ["a", "b", "c", "d"], "filter": {"x": 1},
                           "key": None}, lambda n: f"{n} items") == 'leads: 2; lead ids: 4 items; filter: {"x": 1}; key: —'
    with pytest.raises(ValueError):
        rules.Entry.from_wire({"id": 1})


def test_an_admin_reads_the_log_newest_first_and_filters_it(
    qtbot: Any, make_device: Any, hub: LiveHub, tasks: TaskRunner, tmp_path: Path
) -> None:
    hub.add_user("admin@example.com", "Ada Admin", "admin")
    _entries(hub)
    admin = make_device("admin", "admin@example.com")
    dialog = _dialog(qtbot, admin, tasks)
    qtbot.waitUntil(lambda: len(dialog.model.items) == 3, timeout=20_000)
    assert _rows(dialog) == [
        ["rep@example.com", "Leads exported", "device",
         'format: csv; rows: 12; filter: {"search": true}'],
        ["ops (command line)", "Setting changed", "hub command",
         "key: retention_days; value: 180"],
        ["ops (command line)", "Person erased", "hub command", "leads: 2; lead ids: [\"a\", \"b\"]"],
    ]
    assert dialog.status.text().startswith("3 entr")

    dialog.action.setCurrentIndex(dialog.action.findData(rules.PERSON_ERASE))
    assert [row[1] for row in _rows(dialog)] == ["Person erased"]

    dialog.action.setCurrentIndex(0)
    dialog.since.setDate(QDate(2026, 11, 15))  # not in use until checked
    dialog.use_since.setChecked(True)
    qtbot.waitUntil(lambda: len(dialog.model.items) == 2, timeout=20_000)
    assert [row[1] for row in _rows(dialog)] == ["Leads exported", "Setting changed"]
    dialog.grab().save(str(tmp_path / "audit.png"))


def test_anyone_else_is_told_the_hub_refused(
    qtbot: Any, make_device: Any, hub: LiveHub, tasks: TaskRunner
) -> None:
    _entries(hub)
    rep = make_device("rep")
    dialog = _dialog(qtbot, rep, tasks)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Not loaded"), timeout=20_000)
    assert "administrators" in dialog.status.text().lower() and dialog.model.items == []
    assert dialog.refresh_button.isEnabled()
