"""The composition root: parses the command line, builds every service and hands it to the window.

No other module builds services or reaches for a global; failures end here as one clear line
on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from desktop.cli import CliError, build_parser
from desktop.cli.context import cli_context
from desktop.settings import Settings
from desktop.store import Store
from desktop.store.queries import RecordQueries

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if getattr(args, "func", None) is not None:
            return int(args.func(args))
        if args.command:
            parser.error(f"{args.command} needs more arguments")
        return run_window(args)
    except CliError as exc:
        sys.stderr.write(f"fieldnote: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("fieldnote: interrupted\n")
        return 130
    except Exception as exc:  # the edge: log the details, show one line
        log.exception("unexpected error")
        sys.stderr.write(f"fieldnote: unexpected error ({exc.__class__.__name__}: {exc}); details are in the log file\n")
        return 1


def run_window(args: argparse.Namespace) -> int:
    with cli_context(args) as ctx:
        return _run_qt(args, ctx.data_dir, ctx.store, ctx.settings)


def _run_qt(args: argparse.Namespace, data_dir: Path, store: Store, settings: Settings) -> int:
    if args.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        args.screenshot = args.screenshot.expanduser().resolve()
        if not args.screenshot.parent.is_dir():
            raise CliError(f"Cannot write the screenshot: {args.screenshot.parent} does not exist.")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desktop.logs import route_qt_messages
    from desktop.tasks import TaskRunner
    from desktop.ui import theme
    from desktop.ui.services import RecordChanges, Services
    from desktop.ui.shell.pages import default_pages
    from desktop.ui.shell.window import MainWindow

    route_qt_messages()
    QCoreApplication.setOrganizationName("Fieldnote")
    QCoreApplication.setApplicationName("Fieldnote")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(theme.app_icon())
    app.setStyleSheet(theme.style_sheet(theme.palette(settings.theme)))

    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    tasks = TaskRunner()
    services = Services(
        store=store,
        queries=RecordQueries(store.engine),
        tasks=tasks,
        settings=settings,
        changes=changes,
        data_dir=data_dir,
        user=dict(store.get_state("user", {}) or {}),
    )
    from desktop.store.collateral import CollateralLibrary
    from desktop.store.debriefs import DebriefStore
    from desktop.store.insights import InsightsQueries

    services.extras["collateral"] = CollateralLibrary(store)
    services.extras["debriefs"] = DebriefStore(store)
    services.extras["insights"] = InsightsQueries(store.engine)
    session = _start_session(args, services)
    # Starting a session may have signed a user in.
    services.user = dict(store.get_state("user", {}) or {})
    try:
        window = MainWindow(services, default_pages(), start_page=args.page or "")
        if session is not None and hasattr(session, "attach"):
            session.attach(window, services)
        window.show()
        if args.screenshot is not None:
            return _screenshot(app, window, args.screenshot)
        code = app.exec()
        window.remember_geometry()
        return int(code)
    finally:
        if session is not None:
            session.stop()
        tasks.shutdown()
        store.remove_listener(changes.on_store_commit)


def _start_session(args: argparse.Namespace, services: object) -> object | None:
    """Connect to a hub: the embedded demo hub with --demo, a real one with --hub, or the
    hub this data dir is signed in to.

    The sync job provides `desktop.demo_mode`; without it, --demo fills the empty store
    with the demo data set directly.
    """
    try:
        demo_mode = importlib.import_module("desktop.demo_mode")
    except ModuleNotFoundError as exc:
        if exc.name != "desktop.demo_mode":
            raise
        demo_mode = None  # type: ignore[assignment]
    if demo_mode is not None:
        # Always: a data dir signed in earlier keeps syncing, and anyone can sign in.
        return demo_mode.start_session(args, services)
    if args.demo:
        from desktop.demo_local import seed_if_empty

        seed_if_empty(services.store)  # type: ignore[attr-defined]
    return None


def _screenshot(app: object, window: object, path: Path) -> int:
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 30
    page = window.current_page()  # type: ignore[attr-defined]
    while time.monotonic() < deadline and not page.is_ready():
        QApplication.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        QApplication.processEvents()
    if not window.grab().save(str(path), "PNG"):  # type: ignore[attr-defined]
        raise CliError(f"Could not write the screenshot to {path}.")
    log.info("screenshot written to %s", path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
