"""pytest-qt: an administrator's "A person's data…" against a real hub: export to a file, erase
after confirming, and the refusal for anyone else; the role decides whether it is offered."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.sync.runner import SyncDesk
from desktop.tasks import TaskRunner
from desktop.ui.sync.person_data import PersonDataController, PersonDataDialog, offered_to
from tests.desktop.sync.conftest import FAST
from tests.support.live_hub import LiveHub

LEAD = {"first_name": "Ines", "last_name": "Okafor", "email": "ines@example.com",
        "captured_at": "2026-11-24T10:15:00Z"}


@pytest.fixture
def tasks():  # type: ignore[no-untyped-def]
    runner = TaskRunner(parallel_threads=1)
    yield runner
    runner.shutdown()


def _dialog(qtbot: Any, device: Any, tasks: TaskRunner, tmp_path: Path,
            confirm: bool = True) -> PersonDataDialog:
    desk = SyncDesk(device.data_dir, device.store, timeouts=FAST)
    dialog = PersonDataDialog(desk, tasks, save_path=lambda name: str(tmp_path / name),
                              confirm=lambda _email: confirm)
    qtbot.addWidget(dialog)
    return dialog


def test_only_administrators_are_offered_a_persons_data() -> None:
    assert offered_to("admin")
    assert not any(offered_to(r) for r in ("rep", "marketer", "manager", None))


def test_the_controller_wants_an_address() -> None:
    c = PersonDataController()
    assert c.request("  ") is None and c.request("not an address") is None
    assert c.request(" ines@example.com ", "  ") == c.request("ines@example.com")
    assert c.export_name("ines.o+x@example.com") == "person-ines-o-x.json"


def test_an_admin_exports_then_erases_a_person_from_the_app(
    qtbot: Any, make_device: Any, hub: LiveHub, tasks: TaskRunner, tmp_path: Path
) -> None:
    hub.add_user("admin@example.com", "Ada Admin", "admin")
    rep = make_device("rep")
    rep.store.save("lead", LEAD)
    rep.run()
    admin = make_device("admin", "admin@example.com")
    dialog = _dialog(qtbot, admin, tasks, tmp_path)
    dialog.export_button.click()
    assert dialog.answer_label.text() == "Type the person's email address."
    dialog.email.setText("INES@example.com")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.answer_label.text().startswith("Wrote"), timeout=20_000)
    written = tmp_path / "person-INES.json"
    # ("1 lead(s)" without the English catalogue's plural forms, which the app installs.)
    assert dialog.answer_label.text().startswith(f"Wrote {written}: 1 lead")
    assert json.loads(written.read_text())["leads"][0]["fields"]["last_name"] == "Okafor"
    assert written.stat().st_mode & 0o077 == 0

    dialog.email.setText("ines@example.com")
    dialog.reason.setText("request 4")
    dialog.erase_button.click()
    qtbot.waitUntil(lambda: dialog.answer_label.text().startswith("Erased"), timeout=20_000)
    assert dialog.answer_label.text().endswith("of this person. Every device drops their "
                                               "data at its next sync.")
    rep.run()
    [lead] = rep.store.all("lead")
    assert lead["erased_at"] and lead["last_name"] is None


def test_nothing_is_erased_without_confirming_and_others_are_refused(
    qtbot: Any, make_device: Any, hub: LiveHub, tasks: TaskRunner, tmp_path: Path
) -> None:
    rep = make_device("rep")
    rep.store.save("lead", LEAD)
    rep.run()
    dialog = _dialog(qtbot, rep, tasks, tmp_path, confirm=False)
    dialog.email.setText("ines@example.com")
    dialog.erase_button.click()
    assert dialog.answer_label.text() == ""
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.answer_label.text().startswith("Not done"), timeout=20_000)
    assert "Only administrators export or erase a person's data" in dialog.answer_label.text()
    assert dialog.export_button.isEnabled()
