"""A desktop older than the release IT published on its hub shows a quiet notice with the link,
after a sync; it never downloads anything."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from desktop.sync.runner import SyncDesk, SyncRunner
from desktop.sync.session import build_engine
from desktop.sync.state import CycleReport
from desktop.sync.updates import update_offer
from desktop.ui.sync.shell import install_sync_ui
from fieldnote.releases import Release
from hub.releases import publish, withdraw
from resources.version import app_version
from tests.desktop.sync.conftest import FAST

URL = "https://intranet.example.com/fieldnote"


def test_the_controller_offers_only_a_release_newer_than_this_app():
    newer = {"desktop_release": {"version": "999.0", "url": URL}}
    assert update_offer(newer) == Release("999.0", URL)
    assert update_offer({"desktop_release": {"version": app_version(), "url": URL}}) is None
    assert update_offer({"desktop_release": None}) is None
    assert update_offer({"status": "ok"}) is None  # a hub from before the announcement
    assert update_offer(newer, running="1000.0") is None


def test_a_cycle_asks_the_hub_then_waits_for_the_interval(make_device, hub):
    device = make_device("rep")
    publish(hub.engine, "999.0", URL)
    first = device.run()
    assert first.ok and first.update_checked and first.update == Release("999.0", URL)
    second = device.run()  # within the interval: the hub is not asked again
    assert second.ok and not second.update_checked and second.update is None
    device.engine.release_interval_s = 0
    publish(hub.engine, app_version(), URL)  # IT rolled out this very version
    third = device.run()
    assert third.update_checked and third.update is None


def test_the_notice_appears_in_the_window_after_a_sync(qtbot, make_device, hub):
    device = make_device("rep")
    publish(hub.engine, "999.0", URL)
    runner = SyncRunner(device.store, lambda: build_engine(device.data_dir, device.store,
                                                           timeouts=FAST),
                        interval_s=3600, debounce_ms=50, backoff_s=(3600, 3600))
    try:
        desk = SyncDesk(device.data_dir, device.store, runner, timeouts=FAST)
        window = QMainWindow()
        qtbot.addWidget(window)
        controls = install_sync_ui(window, runner, desk, ask_sign_in=False)
        notice = controls.update_notice
        assert notice.isHidden()
        with qtbot.waitSignal(runner.cycle_finished, timeout=10_000):
            runner.start()
        qtbot.waitUntil(lambda: not notice.isHidden(), timeout=5_000)
        assert "Fieldnote 999.0 is available." in notice.text()
        assert f'href="{URL}"' in notice.text()
        assert notice.openExternalLinks()  # the browser opens the page; the app fetches nothing
        assert notice.accessibleName() == "Newer version available"
        # A later answer without a newer release takes the notice away.
        withdraw(hub.engine)
        notice.show_report(CycleReport(update=None, update_checked=True))
        assert notice.isHidden()
        # A cycle that did not ask (or failed) leaves it as it was.
        notice.show_release(Release("999.0", URL))
        notice.show_report(CycleReport())
        assert not notice.isHidden()
    finally:
        runner.stop()
