"""`fieldnote --demo` and `fieldnote --hub URL`: connect the app to a hub and keep it synced.

With `--demo` an embedded hub runs in this process on a free loopback port, with its SQLite
database under `<data_dir>/demo-hub/`, seeded with the demo team; the app signs in as the demo
rep and its data arrives through the hub only, never by writing the local store directly.
Without `--data-dir` the demo keeps a folder of its own (`desktop.paths.default_demo_dir`), and
it never signs a data dir that is signed in to another hub in to its own.
"""

from __future__ import annotations

import argparse
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.store.syncing import SyncStore
from desktop.sync.client import normalize_hub_url
from desktop.sync.errors import SyncFailure
from desktop.sync.session import build_engine, sign_in
from fieldnote.filemodes import private_dir

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
    private_dir(root)
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
    ask_sign_in: bool = False

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
        services.sync = self.runner
        services.sync_desk = desk
        install_sync_ui(window, self.runner, desk, services.tasks,
                        hub_url=self.hub_url or "", warning=self.warning,
                        ask_sign_in=self.ask_sign_in and not self.screenshot)
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
    """Called by the composition root at every window start.

    `--demo` starts the embedded hub and signs in as the demo rep; `--hub URL` asks the user to
    sign in there unless this data dir already is; otherwise the signed-in account (if any)
    keeps syncing, or else the `hub_url` setting (often pre-set machine-wide) is asked for, and
    the status bar offers "Sign in…".
    """
    from desktop.cli import CliError

    data_dir: Path = services.data_dir
    store = services.store
    session = HubSession(data_dir, services)
    session.screenshot = args.screenshot is not None
    account = SyncStore(store).account()
    if args.demo:
        if account is not None and not (data_dir / DEMO_DIR).is_dir():
            # A data dir signed in to a real hub: the demo would sign it in to a hub that is
            # gone once the demo ends, and its next sync would fail.
            raise CliError(
                f"{data_dir} is signed in to {account.hub_url}; the demo does not replace that "
                "sign-in. Run --demo without --data-dir (it keeps a folder of its own) or with "
                "an empty folder.")
        try:
            session.demo = start_demo(data_dir)
        except Exception as exc:  # the embedded hub could not start: say so in one line
            log.exception("embedded demo hub failed")
            raise CliError(f"The demo hub could not start ({type(exc).__name__}: {exc}).") from None
        session.hub_url = session.demo.hub_url
        try:
            sign_in(data_dir, store, session.hub_url, DEMO_EMAIL, DEMO_PASSWORD)
        except SyncFailure as exc:
            session.demo.stop()
            raise CliError(f"Signing in to the demo hub failed: {exc.message}") from None
        services.user = dict(store.get_state("user", {}) or {})
    elif args.hub:
        try:
            session.hub_url = normalize_hub_url(args.hub)
        except SyncFailure as exc:
            raise CliError(exc.message) from None
        signed_in = bool(store.get_state("signed_in", False))
        session.ask_sign_in = (account is None or not signed_in
                               or account.hub_url != session.hub_url)
    elif account is not None:
        session.hub_url = account.hub_url
    elif services.settings.hub_url:
        # The hub a machine-wide (or the user's) settings file names: asked for at once.
        try:
            session.hub_url = normalize_hub_url(services.settings.hub_url)
            session.ask_sign_in = True
        except SyncFailure as exc:
            log.warning("the hub_url setting is not used: %s", exc.message)
    if args.demo and session.screenshot:
        # The screenshot must show synced data: one full cycle before the window renders.
        engine = build_engine(data_dir, store, services.settings)
        report = engine.run_cycle()
        engine.client.close()
        log.info("sync before screenshot: %s", report.outcome.value)
    return session
