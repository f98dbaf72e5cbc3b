"""pytest-qt: the status widget through real sync cycles, the sign-in dialog's messages, and
fixing and resending a rejected change from the needs-attention view."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from desktop.store import open_store
from desktop.store.db import DB_FILE
from desktop.sync.runner import SyncDesk, SyncRunner
from desktop.sync.session import build_engine
from desktop.sync.state import Phase
from desktop.ui.sync.attention import NeedsAttentionView
from desktop.ui.sync.conflicts import ConflictView
from desktop.ui.sync.signin import SignInDialog
from desktop.ui.sync.status import SyncStatusWidget
from tests.desktop.sync.conftest import FAST
from tests.support.fault_proxy import FaultProxy, scripted_policy

LEAD = {"last_name": "Silva", "email": "ana@example.com", "captured_at": "2026-11-24T10:15:00Z"}


@pytest.fixture
def runner_for(qtbot):
    made = []

    def make(device):
        runner = SyncRunner(device.store, lambda: build_engine(device.data_dir, device.store,
                                                               timeouts=FAST),
                            interval_s=3600, debounce_ms=50, backoff_s=(3600, 3600))
        made.append(runner)
        return runner

    yield make
    for r in made:
        r.stop()


def test_the_status_widget_shows_offline_then_synced_with_waiting_counts(
    qtbot, make_device, hub, runner_for
):
    parts = urlsplit(hub.url)
    with FaultProxy((parts.hostname, parts.port)) as proxy:
        device = make_device("rep", url=proxy.url)
        device.store.save("lead", LEAD)
        runner = runner_for(device)
        widget = SyncStatusWidget(runner)
        qtbot.addWidget(widget)
        assert widget.waiting_label.text() == "1 waiting"
        proxy.set_down(True)
        with qtbot.waitSignal(runner.cycle_finished, timeout=10_000):
            runner.start()
        assert widget.state_label.text() == "Offline"
        assert widget.state.phase is Phase.OFFLINE
        assert widget.waiting_label.text() == "1 waiting"
        proxy.set_down(False)
        with qtbot.waitSignal(runner.cycle_finished, timeout=10_000):
            runner.sync_now()
        assert widget.state_label.text().startswith("Synced at ")
        assert widget.waiting_label.text() == "0 waiting"
        assert not widget.attention_button.isVisible()


def test_a_local_save_triggers_a_debounced_sync(qtbot, make_device, runner_for):
    device = make_device("rep")
    runner = runner_for(device)
    with qtbot.waitSignal(runner.cycle_finished, timeout=10_000):
        runner.start()
    with qtbot.waitSignal(runner.cycle_finished, timeout=10_000) as blocker:
        device.store.save("lead", LEAD)
    assert blocker.args[0].pushed == 1


def test_the_status_widget_says_sign_in_is_needed_when_the_token_is_gone(
    qtbot, make_device, runner_for
):
    device = make_device("rep")
    device.store.set_state("signed_in", False)
    runner = runner_for(device)
    widget = SyncStatusWidget(runner)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(runner.cycle_finished, timeout=10_000):
        runner.start()
    assert widget.state_label.text() == "Not signed in"


@pytest.fixture
def desk(tmp_path):
    data_dir = tmp_path / "fresh"
    data_dir.mkdir()
    store = open_store(data_dir / DB_FILE)
    yield SyncDesk(data_dir, store, timeouts=FAST)
    store.engine.dispose()


def sign_in_with(qtbot, dialog, hub_url, email, password):
    dialog.hub_edit.setText(hub_url)
    dialog.email_edit.setText(email)
    dialog.password_edit.setText(password)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.password_edit.isEnabled() or dialog.result(), timeout=10_000)


def test_the_sign_in_dialog_explains_a_wrong_password(qtbot, hub, desk):
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    sign_in_with(qtbot, dialog, hub.url, "rep@example.com", "not the password")
    assert "email or password is not right" in dialog.message.text()
    assert not dialog.result()


def test_the_sign_in_dialog_explains_an_unreachable_hub(qtbot, desk):
    from hub.embedded import free_port

    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    sign_in_with(qtbot, dialog, f"http://127.0.0.1:{free_port()}", "rep@example.com", "x")
    assert "Cannot reach the hub" in dialog.message.text()


def test_the_sign_in_dialog_explains_an_address_that_is_not_a_hub(qtbot, hub, desk):
    parts = urlsplit(hub.url)
    with FaultProxy((parts.hostname, parts.port), policy=scripted_policy([], then="html")) as p:
        dialog = SignInDialog(desk)
        qtbot.addWidget(dialog)
        sign_in_with(qtbot, dialog, p.url, "rep@example.com", "x")
    assert "cannot work with this version" in dialog.message.text()


def test_the_sign_in_dialog_signs_in(qtbot, hub, desk):
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.hub_edit.setText(hub.url)
        dialog.email_edit.setText("rep@example.com")
        dialog.password_edit.setText(hub.users["rep@example.com"]["password"])
        dialog.buttons.accepted.emit()
    assert desk.current_account() == (hub.url, "rep@example.com")
    assert "readable only by you" in dialog.warning


def test_a_rejected_change_is_fixed_and_resent_from_the_needs_attention_view(
    qtbot, qtmodeltester, make_device
):
    marketer = make_device("marketer", "marketer@example.com")
    cid = marketer.store.save("collateral", {
        "title": "Price list", "status": "approved", "file_sha256": "ab" * 32,
    }).record_id
    report = marketer.run()
    assert report.attention == 1
    desk = SyncDesk(marketer.data_dir, marketer.store)
    view = NeedsAttentionView(desk)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 1
    qtmodeltester.check(view.model)
    assert "upload it first" in view.message.text()
    view.editors["file_sha256"].setText("")
    with qtbot.waitSignal(view.changed, timeout=10_000):
        view.resend_button.click()
    assert view.model.rowCount() == 0
    again = marketer.run()
    assert (again.applied, again.attention) == (1, 0)
    assert marketer.store.get("collateral", cid)["file_sha256"] is None


def test_the_conflict_view_resolves_with_theirs(qtbot, qtmodeltester, make_device):
    laptop = make_device("laptop")
    tablet = make_device("tablet")
    rid = laptop.store.save("lead", LEAD).record_id
    laptop.run()
    tablet.run()
    laptop.store.save("lead", {"title": "CTO"}, rid)
    tablet.store.save("lead", {"title": "CIO"}, rid)
    laptop.run()
    tablet.run()
    desk = SyncDesk(tablet.data_dir, tablet.store)
    view = ConflictView(desk)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 1
    qtmodeltester.check(view.model)
    assert view.model.data(view.model.index(0, 3)) == "CTO"
    with qtbot.waitSignal(view.changed, timeout=10_000):
        view.keep_theirs.click()
    assert view.model.rowCount() == 0
    assert tablet.store.get("lead", rid)["title"] == "CTO"


@pytest.mark.parametrize(("fault", "text"), [
    ("wrong_protocol", "Hub needs an update"),
    ("html", "Hub trouble, retrying"),
    ("error_500_before", "Hub trouble, retrying"),
])
def test_the_status_widget_names_hub_trouble_and_recovers(
    qtbot, make_device, hub, runner_for, fault, text
):
    parts = urlsplit(hub.url)
    with FaultProxy((parts.hostname, parts.port)) as proxy:
        device = make_device("rep", url=proxy.url)
        device.store.save("lead", LEAD)
        runner = runner_for(device)
        widget = SyncStatusWidget(runner)
        qtbot.addWidget(widget)
        proxy.policy = scripted_policy([fault])
        with qtbot.waitSignal(runner.cycle_finished, timeout=10_000):
            runner.start()
        assert widget.state_label.text() == text
        assert widget.state_label.toolTip()  # the hub's or the app's explanation
        with qtbot.waitSignal(runner.cycle_finished, timeout=10_000):
            runner.sync_now()
        assert widget.state_label.text().startswith("Synced at ")


def test_sign_out_asks_first_when_changes_wait(qtbot, make_device, runner_for, monkeypatch):
    from PySide6.QtWidgets import QMainWindow, QMessageBox

    from desktop.ui.sync.shell import install_sync_ui

    device = make_device("rep")
    device.store.save("lead", LEAD)
    runner = runner_for(device)
    desk = SyncDesk(device.data_dir, device.store, runner, timeouts=FAST)
    window = QMainWindow()
    qtbot.addWidget(window)
    controls = install_sync_ui(window, runner, desk, ask_sign_in=False)
    asked = []

    def answer(button):
        def question(*args, **_kw):
            asked.append(args[2])
            return button
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    controls.sign_out()
    assert "1 change(s) have not reached the hub" in asked[0]
    assert device.store.get_state("signed_in") is True
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    controls.sign_out()
    qtbot.waitUntil(lambda: device.store.get_state("signed_in") is False, timeout=10_000)
    assert device.store.outbox_counts()["pending"] == 1  # the change stays on this device
    assert not (device.data_dir / "hub-token").exists()


def test_the_sign_in_dialog_says_how_long_to_wait_when_throttled(qtbot, hub, desk):
    dialog = SignInDialog(desk)
    qtbot.addWidget(dialog)
    for _attempt in range(10):
        sign_in_with(qtbot, dialog, hub.url, "rep@example.com", "not the password")
        if "Too many" in dialog.message.text():
            break
    # One sentence for the reason, one for the wait: not the hub's words run together after it.
    assert re.fullmatch(r"Too many sign-in attempts\. Try again in \d+ s\.", dialog.message.text())
