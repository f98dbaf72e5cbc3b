"""`fieldnote --demo` and `fieldnote --hub URL`: connect the app to a hub and keep it synced.

With `--demo` an embedded hub runs in this process on a free loopback port, with its SQLite
database under `<data_dir>/demo-hub/`, seeded with the demo team; the app signs in as the demo
rep and its data arrives through the hub only, never by writing the local store directly.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.store.syncing import SyncStore
from desktop.sync.errors import SyncFailure
from desktop.sync.session import build_engine, sign_in

log = logging.getLogger(__name__)

DEMO_DIR = "demo-hub"
DEMO_EMAIL = "rep@demo.fieldnote"
DEMO_PASSWORD = "demo"


@dataclass
class DemoHub:
    """The embedded hub of demo mode."""

    hub_url: str
    _hub: Any

    def stop(self) -> None:
        self._hub.stop()


def start_demo(data_dir: Path) -> DemoHub:
    """Start (seeding on first use) the embedded demo hub under `data_dir`."""
    from hub.embedded import start_embedded
    from hub.seed import seed_demo

    root = data_dir / DEMO_DIR
    root.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{root / 'hub.sqlite3'}"
    blobs = root / "blobs"
    marker = root / "seeded"
    if not marker.exists():
        seed_demo(db_url, blobs)
        marker.write_text("1")
    hub = start_embedded(db_url, blobs)
    log.info("embedded demo hub at %s", hub.url)
    return DemoHub(hub.url, hub)


@dataclass
class HubSession:
    """What the window gets: the sync runner and its views, stopped when the app ends."""

    data_dir: Path
    services: Any
    demo: DemoHub | None = None
    hub_url: str | None = None
    warning: str = ""
    runner: Any = None
    screenshot: bool = False
    _extras: list[Any] = field(default_factory=list)

    def attach(self, window: Any, services: Any) -> None:
        """Build the runner and put the sync widgets into the window; start syncing."""
        from desktop.sync.runner import SyncDesk, SyncRunner
        from desktop.ui.sync.shell import install_sync_ui

        settings = services.settings
        store = services.store
        self.runner = SyncRunner(
            store,
            lambda: build_engine(self.data_dir, store, settings),
            interval_s=max(5, int(settings.sync_interval_s)),
            parent=window,
        )
        desk = SyncDesk(self.data_dir, store, self.runner,
                        ca_bundle=settings.hub_ca_bundle or None)
        services.extras["sync"] = self.runner
        services.extras["sync_desk"] = desk
        install_sync_ui(window, self.runner, desk, services.tasks,
                        hub_url=self.hub_url or "", warning=self.warning,
                        ask_sign_in=not self.screenshot)
        if self.screenshot:
            # The cycle already ran; a screenshot must not race a second one at exit.
            self.runner.refresh()
            return
        self.runner.start()

    def stop(self) -> None:
        if self.runner is not None:
            self.runner.stop()
        if self.demo is not None:
            self.demo.stop()


def start_session(args: argparse.Namespace, services: Any) -> HubSession:
    """Called by the composition root for `--demo` or `--hub URL`."""
    data_dir: Path = services.data_dir
    store = services.store
    session = HubSession(data_dir, services)
    if args.demo:
        session.demo = start_demo(data_dir)
        session.hub_url = session.demo.hub_url
        try:
            result = sign_in(data_dir, store, session.hub_url, DEMO_EMAIL, DEMO_PASSWORD)
        except SyncFailure:
            session.demo.stop()
            raise
        session.warning = ""  # a demo token on disk is harmless; no warning to show
        services.user = dict(store.get_state("user", {}) or {})
        del result
    else:
        session.hub_url = args.hub
    session.screenshot = args.screenshot is not None
    if session.screenshot and SyncStore(store).account() is not None:
        # The screenshot must show synced data: one full cycle before the window renders.
        try:
            engine = build_engine(data_dir, store, services.settings)
        except SyncFailure as exc:
            log.warning("no sync before the screenshot: %s", exc.message)
        else:
            report = engine.run_cycle()
            engine.client.close()
            log.info("sync before screenshot: %s", report.outcome.value)
    return session
