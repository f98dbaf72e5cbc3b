"""The composition root: parses the command line, builds every service and hands it to the window.

No other module builds services or reaches for a global; failures end here as one clear line
on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop.cli import CAPTURE_PAGE, EXIT_DISK_FULL, CliError, build_parser
from desktop.cli.context import DataFileCheck, locked_data_dir
from desktop.datafile import DiskFull
from desktop.settings import Settings
from fieldnote.failures import is_disk_full, short_reason

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words)
    args = parser.parse_args(words)
    try:
        if getattr(args, "func", None) is not None:
            return int(args.func(args))
        if args.command:
            parser.error(f"{args.command} needs more arguments")
        if args.size is not None and args.screenshot is None:
            parser.error("--size is for --screenshot (the window itself keeps the size you give it)")
        if args.select_first and args.screenshot is None:
            parser.error("--select-first is for --screenshot")
        if args.kiosk and not args.event:
            parser.error("--kiosk needs --event NAME_OR_ID (the event visitors sign up for)")
        if args.board and not args.event:
            parser.error("--board needs --event NAME_OR_ID (the event whose goals it shows)")
        if args.board and args.kiosk:
            parser.error("--board and --kiosk are two different windows: choose one")
        if args.event and not (args.kiosk or args.board):
            parser.error("--event is for --kiosk or --board")
        return run_window(args)
    except CliError as exc:
        sys.stderr.write(f"fieldnote: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("fieldnote: interrupted\n")
        return 130
    except Exception as exc:  # the edge: log the details, show one line
        if is_disk_full(exc):
            log.warning("stopped, the disk is full (%s)", short_reason(exc))
            full = exc if isinstance(exc, DiskFull) else DiskFull()
            sys.stderr.write(f"fieldnote: {full}\n")
            return EXIT_DISK_FULL
        log.exception("unexpected error")
        sys.stderr.write(f"fieldnote: unexpected error ({short_reason(exc)}); details are in the log file\n")
        return 1


def run_window(args: argparse.Namespace) -> int:
    screen_config: Path | None = None
    if args.screenshot is not None:
        args.screenshot = args.screenshot.expanduser().resolve()
        if not args.screenshot.parent.is_dir():
            raise CliError(f"Cannot write the screenshot: {args.screenshot.parent} does not exist.")
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if args.size is not None and os.environ["QT_QPA_PLATFORM"] == "offscreen":
            screen_config = _offscreen_screen(*args.size)
    from desktop.display import display_problem

    problem = display_problem()
    if problem is not None:  # Qt itself would abort with exit 134 and five lines
        raise CliError(problem)
    try:
        # Logging is set up once the window shows (its rotating handler is slow to import); a
        # warning before that goes to stderr.
        with locked_data_dir(args, logs=False) as data_dir:
            # The integrity check of the data file starts now, on a thread: it reads the file
            # while Qt loads and the window shows, and the store waits for it before opening.
            check = DataFileCheck(data_dir).start()
            try:
                return _run_qt(args, data_dir, Settings.load(data_dir), check)
            finally:
                check.join()
    finally:
        if screen_config is not None:
            screen_config.unlink(missing_ok=True)


def _offscreen_screen(width: int, height: int) -> Path:
    """A screen of `width`x`height` for Qt's offscreen platform (its own is 800x800, and a
    window's restored geometry is kept within the screen): a JSON file named in
    QT_QPA_PLATFORM, read when the application starts. The caller deletes it afterwards."""
    fd, name = tempfile.mkstemp(prefix="fieldnote-screen-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"screens": [{"name": "screenshot", "x": 0, "y": 0, "width": width,
                                "height": height, "logicalDpiX": 96, "logicalDpiY": 96,
                                "dpr": 1}]}, out)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={name}"
    return Path(name)


def _run_qt(args: argparse.Namespace, data_dir: Path, settings: Settings,
            check: DataFileCheck | None = None) -> int:
    """Show the shell at once, open the store (and the session) on a thread, then give the
    window its services. The window is up while SQLAlchemy loads and the schema is checked."""
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui import theme
    from desktop.ui.shell.pages import default_pages
    from desktop.ui.shell.window import MainWindow
    from desktop.ui.translations import install_translator, is_english, language_of

    QCoreApplication.setOrganizationName("Fieldnote")
    QCoreApplication.setApplicationName("Fieldnote")
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    # Before the first widget, so every tr() finds the chosen language (Qt's own strings and
    # the number formats follow once the window has painted, in _after_shown).
    translated = not is_english(install_translator(app, language_of(_locale_name(args, settings))))
    app.setWindowIcon(theme.app_icon())
    theme.apply(app, theme.palette(settings.theme))

    pages = default_pages()
    capture = args.page == CAPTURE_PAGE
    window = MainWindow(None, pages, start_page="leads" if capture else args.page or "",
                        settings=settings, start_new=capture)
    if args.size is not None:
        window.resize(*args.size)
    window.show()
    # Everything else waits for the first turn of the event loop, when the window paints.
    boot = _Boot()
    marks = _start_marks(app, window, capture)
    QTimer.singleShot(0, lambda: boot.begin(app, window, args, data_dir, settings, pages, translated,
                                            marks, check))
    try:
        if args.screenshot is not None:
            return _screenshot(window, boot, args.screenshot, args.size,
                               select_first=args.select_first)
        code = app.exec()
        error = boot.error()
        if error is not None:
            raise error
        window.remember_geometry()
        return int(code)
    finally:
        if boot.start is not None:
            boot.start.finish()


class _Boot:
    """What start-up has got to since the window showed: the `Startup`, or why it failed."""

    def __init__(self) -> None:
        self.start: Any = None
        self.failure: CliError | None = None

    def begin(self, app: Any, window: Any, args: argparse.Namespace, data_dir: Path,
              settings: Settings, pages: list[Any], translated: bool, marks: Any = None,
              check: DataFileCheck | None = None) -> None:
        if marks is not None:
            marks.begin()
        try:
            self.start = _after_shown(app, window, args, data_dir, settings, pages, translated,
                                      check)
        except Exception as exc:
            log.exception("start-up failed")
            self.failure = CliError(f"unexpected error ({short_reason(exc)}); "
                                    "details are in the log file")
            app.exit(1)

    def begun(self) -> bool:
        return self.start is not None or self.failure is not None

    def error(self) -> CliError | None:
        return self.failure or (self.start.error if self.start is not None else None)


def _locale_name(args: argparse.Namespace, settings: Settings) -> str:
    """The locale chosen for this run: --locale, else the setting ("" = the system's)."""
    return str(getattr(args, "locale", None) or settings.locale)


def _after_shown(app: Any, window: Any, args: argparse.Namespace, data_dir: Path,
                 settings: Settings, pages: list[Any], translated: bool,
                 check: DataFileCheck | None = None) -> Any:
    """The window is on screen: start opening the store (and the rest) on a thread."""
    from desktop.locale import apply_locale
    from desktop.ui.translations import install_qt_translator, language_of

    # Formats for every page built from now on; Qt's own strings in the window's language.
    apply_locale(_locale_name(args, settings))
    if translated:
        install_qt_translator(app, language_of(_locale_name(args, settings)))
    from desktop.logs import setup_logging
    from desktop.startup import Startup

    setup_logging(data_dir, debug=getattr(args, "debug", False))
    route_qt_messages()
    wanted = window.wanted_page()
    modules = [name for e in pages if e.key == wanted for name in e.modules(window.opens_new(e.key))]
    start = Startup(args, data_dir, settings, modules, check)
    start.ready.connect(lambda: _attach(window, start, args))
    start.session_ready.connect(lambda: _attach_session(window, start))
    start.failed.connect(lambda: _report_failure(app, start))
    start.begin()
    return start


def route_qt_messages() -> None:
    """Send Qt's own warnings into the log file (`desktop.logs`) instead of stderr."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def _attach(window: Any, start: Any, args: argparse.Namespace | None = None) -> None:
    """On the UI thread, once the store is open: the window gets its services and its page
    (and the session, when it came first); with --kiosk it becomes the visitors' form."""
    try:
        window.attach_services(start.services)
    except Exception as exc:  # reported like a failure to open: one line, non-zero exit
        _attach_failed(start, exc)
        return
    if args is not None and getattr(args, "kiosk", False) and not _enter_kiosk(window, start, args):
        return
    if args is not None and getattr(args, "board", False) and not _open_board(window, start, args):
        return
    if start.session is not None:
        _attach_session(window, start)
    else:
        _when_first_screen(window, start.page_shown)


def _when_first_screen(window: Any, then: Any) -> None:
    """Call `then` once the window's page shows its first screen of data and has painted it
    (`Page.has_first_screen`; asked every few milliseconds, at most `SESSION_WAIT_S`)."""
    from PySide6.QtCore import QTimer

    from desktop.startup import SESSION_WAIT_S

    timer = QTimer(window)
    timer.setInterval(FIRST_SCREEN_POLL_MS)
    deadline = time.monotonic() + SESSION_WAIT_S

    def poll() -> None:
        page = window.current_page() if window.is_attached() else None
        if page is None or page.has_first_screen() or time.monotonic() > deadline:
            timer.stop()
            timer.deleteLater()
            # After the paint this turn of the event loop makes.
            QTimer.singleShot(0, then)

    timer.timeout.connect(poll)
    timer.start()


FIRST_SCREEN_POLL_MS = 10


def _event_named(start: Any, args: argparse.Namespace) -> dict[str, Any] | None:
    """The event `--event` names, for --kiosk and --board; when this device does not know it,
    one line and exit code 1 (`start.fail`) and None."""
    from desktop.cli.leads_commands import find_event
    from desktop.store.leads import LeadBook

    book = LeadBook(start.services.store)
    try:
        return find_event(book, args.event)
    except CliError as exc:
        start.fail(exc)
        return None
    finally:
        book.dispose()


def _enter_kiosk(window: Any, start: Any, args: argparse.Namespace) -> bool:
    """--kiosk --event: a screenshot shows the visitors' form at once, without asking for a
    PIN."""
    event = _event_named(start, args)
    if event is None:
        return False
    shooting = args.screenshot is not None
    window.enter_kiosk(event, ask_pin=not shooting, full_screen=not shooting)
    return True


def _open_board(window: Any, start: Any, args: argparse.Namespace) -> bool:
    """--board --event: a screenshot renders the board at the window's size instead of full
    screen."""
    event = _event_named(start, args)
    if event is None:
        return False
    window.show_board(event["id"], full_screen=args.screenshot is None)
    return True


def _attach_session(window: Any, start: Any) -> None:
    """On the UI thread, once the hub session started: the sync widgets join the window."""
    try:
        start.session.attach(window, start.services)
        window.refresh_user()
    except Exception as exc:
        _attach_failed(start, exc)
        return
    start.attached = True


def _attach_failed(start: Any, exc: Exception) -> None:
    log.exception("window could not attach its services")
    start.fail(CliError(f"unexpected error ({short_reason(exc)}); "
                        "details are in the log file"))


def _report_failure(app: Any, start: Any) -> None:
    """Start-up failed after the window showed: say so in a dialog when a user can see it
    (the message also goes to stderr), then end the event loop with a non-zero code."""
    from PySide6.QtWidgets import QMessageBox

    if start.error is not None and app.platformName() not in ("offscreen", "minimal"):
        QMessageBox.critical(None, "Fieldnote", str(start.error))
    app.exit(1)


def _start_marks(app: Any, window: Any, capture: bool) -> Any:
    """For bench.startup: the moments it times, when FIELDNOTE_BENCH_MARKS names a folder
    (`desktop.ui.shell.start_marks`); None in normal use."""
    where = os.environ.get("FIELDNOTE_BENCH_MARKS")
    if not where:
        return None
    from desktop.ui.shell.start_marks import StartMarks

    return StartMarks(Path(where), app, window, capture)


def _screenshot(window: Any, boot: _Boot, path: Path,
                args_size: tuple[int, int] | None = None, *, select_first: bool = False) -> int:
    """Wait for the store, the session and the page (with `select_first`, its first row
    selected and shown), then render the window to `path`."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and boot.error() is None and not (
        boot.start is not None and boot.start.attached
    ):
        QApplication.processEvents()
        if boot.begun():
            time.sleep(0.005)
    error = boot.error()
    if error is not None:
        raise error
    if not boot.start.attached:
        raise CliError("The window did not finish opening its data within a minute.")
    page = window.current_page()
    while time.monotonic() < deadline and not page.is_ready():
        QApplication.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        QApplication.processEvents()
    if select_first:
        page.select_first()
        while time.monotonic() < deadline and not page.is_ready():
            QApplication.processEvents()
            time.sleep(0.02)
        for _ in range(20):
            QApplication.processEvents()
    if args_size is not None and (window.width(), window.height()) != args_size:
        window.resize(*args_size)
        for _ in range(5):
            QApplication.processEvents()
    board = getattr(window, "board", None)
    if board is not None:  # --board: the board is the picture
        board.resize(*(args_size or (window.width(), window.height())))
        while time.monotonic() < deadline and board.shown_times == 0:
            QApplication.processEvents()
            time.sleep(0.02)
        for _ in range(10):
            QApplication.processEvents()
        window = board
    if not window.grab().save(str(path), "PNG"):
        raise CliError(f"Could not write the screenshot to {path}.")
    log.info("screenshot written to %s", path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
