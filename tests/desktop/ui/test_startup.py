"""The window shows before the store opens: the shell without services, the lazy command line,
and what the first paint may import."""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.cli import COMMANDS, build_parser
from desktop.settings import Settings
from desktop.store import open_store
from desktop.ui.shell.pages import default_pages
from desktop.ui.shell.window import MainWindow

ROOT = Path(__file__).resolve().parents[3]


def test_the_shell_shows_without_services_and_builds_no_page(qtbot, tmp_path):
    win = MainWindow(None, default_pages(), start_page="debriefs", settings=Settings.load(tmp_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert not win.is_attached()
    assert win.pages.built() == {}
    assert win.nav.currentRow() == 2
    assert "Opening" in win.stack.currentWidget().text()
    # The shortcuts wait for the pages instead of failing.
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert win.pages.built() == {}


def test_a_page_chosen_before_the_store_opened_is_the_one_built(qtbot, tmp_path, services):
    win = MainWindow(None, default_pages(), start_page="leads", settings=services.settings)
    qtbot.addWidget(win)
    win.show()
    win.nav.setCurrentRow(1)  # the user clicks Collateral while the data still opens
    assert win.wanted_page() == "collateral"
    win.attach_services(services)
    assert set(win.pages.built()) == {"collateral"}
    assert win.current_page() is win.pages["collateral"]
    assert win.status.waiting.text() == "0 waiting"


def test_page_capture_opens_on_the_capture_form_with_the_scan_field_focused(qtbot, services):
    from desktop.ui.leads.page import CAPTURE

    win = MainWindow(None, default_pages(), start_page="leads", settings=services.settings,
                     start_new=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitActive(win)
    win.attach_services(services)
    page = win.current_page()
    assert page.current_view() == CAPTURE
    qtbot.waitUntil(page.capture.scan.hasFocus)


def test_the_capture_form_waits_for_no_one_who_went_to_another_page(qtbot, services):
    win = MainWindow(None, default_pages(), start_page="leads", settings=services.settings,
                     start_new=True)
    qtbot.addWidget(win)
    win.show()
    win.nav.setCurrentRow(2)  # Debriefs, clicked while the data still opens
    win.attach_services(services)
    assert set(win.pages.built()) == {"debriefs"}
    win.show_page("leads")
    assert win.current_page().current_view() != 0  # the list, as always


def test_building_a_page_leaves_the_keyboard_focus_in_the_window(qtbot, services):
    """A page's parts never show as windows of their own while it is built (one that did
    took the keyboard focus from the main window)."""
    from PySide6.QtWidgets import QApplication

    win = MainWindow(None, default_pages(), start_page="leads", settings=services.settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitActive(win)
    win.attach_services(services)
    for key in ("collateral", "debriefs", "insights", "leads"):
        win.show_page(key)
        QApplication.processEvents()
        assert QApplication.activeWindow() is win, key
    leads = win.current_page()
    for view in (0, 2, 3):  # Capture, Events & rubrics, My follow-ups: built when first shown
        leads.show_view(view)
        QApplication.processEvents()
        assert QApplication.activeWindow() is win, view


def test_a_window_without_services_needs_the_settings(qapp):
    with pytest.raises(ValueError):
        MainWindow(None, default_pages())


@pytest.mark.parametrize("argv", [
    [],
    ["--page", "leads"],
    ["--page", "capture"],
    ["--data-dir", "status", "--page", "insights", "--demo"],
    ["--screenshot", "x.png", "--debug"],
    ["status", "--json"],
    ["--data-dir", "d", "signin", "--hub", "http://h", "--email", "a@b.c"],
    ["leads", "export", "--format", "vcard", "-o", "x.vcf"],
    ["insights", "--json", "--event", "Expo"],
    ["insights", "export", "--format", "pdf", "-o", "r.pdf"],
    ["debriefs", "list"],
    ["collateral", "list"],
])
def test_the_lazy_parser_reads_every_command_line_as_the_full_one(argv):
    def parsed(parser: argparse.ArgumentParser) -> dict[str, object]:
        values = vars(parser.parse_args(argv))
        return {k: (getattr(v, "__qualname__", None) if callable(v) else v) for k, v in values.items()}

    assert parsed(build_parser(argv)) == parsed(build_parser())


@pytest.mark.parametrize("argv", [["bogus"], ["--page", "nowhere"], ["leads", "--nope"]])
def test_the_lazy_parser_rejects_what_the_full_one_rejects(argv, capsys):
    with pytest.raises(SystemExit) as lazy:
        build_parser(argv).parse_args(argv)
    lazy_err = capsys.readouterr().err
    with pytest.raises(SystemExit) as full:
        build_parser().parse_args(argv)
    assert lazy.value.code == full.value.code == 2
    assert lazy_err == capsys.readouterr().err


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        build_parser(["--help"]).parse_args(["--help"])
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert command in out


def test_the_first_paint_imports_no_store_network_or_validation_code(tmp_path):
    """What the window needs before it shows. SQLAlchemy, pydantic, requests and the store
    load on a thread once it is up; importing one of them here would undo that."""
    code = f"""
import json, sys
from desktop.cli import build_parser
from desktop.cli.context import locked_data_dir
words = ["--data-dir", {str(tmp_path)!r}, "--page", "leads"]
args = build_parser(words).parse_args(words)
from PySide6.QtWidgets import QApplication
from desktop.settings import Settings
from desktop.ui import theme
from desktop.ui.shell.pages import default_pages
from desktop.ui.shell.window import MainWindow
app = QApplication([])
with locked_data_dir(args, logs=False) as data_dir:
    settings = Settings.load(data_dir)
    app.setStyleSheet(theme.style_sheet(theme.palette(settings.theme)))
    window = MainWindow(None, default_pages(), start_page="leads", settings=settings)
    window.show()
    app.processEvents()
print(json.dumps(sorted(sys.modules)))
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT)),
                         check=True).stdout
    loaded = set(json.loads(out.strip().splitlines()[-1]))
    heavy = {m for m in loaded if m.split(".")[0] in
             ("sqlalchemy", "alembic", "pydantic", "requests", "urllib3", "email_validator",
              "phonenumbers", "reportlab")}
    assert heavy == set()
    # The data folder is made private before anything else (fieldnote.filemodes: the standard
    # library only); no other domain module loads before the window shows.
    assert not any(m.startswith(("desktop.store", "desktop.sync", "fieldnote.")) for m in loaded
                   if m != "fieldnote.filemodes")
    assert "logging.handlers" not in loaded
    # The version (package metadata, tens of ms) is read for --version only.
    assert "resources.version" not in loaded and "importlib.metadata" not in loaded


def _args(**overrides):
    values = {"demo": False, "hub": None, "screenshot": None, "page": None, "debug": False}
    values.update(overrides)
    return argparse.Namespace(**values)


def test_start_up_opens_the_store_before_the_session(qtbot, tmp_path):
    from desktop.startup import Startup

    start = Startup(_args(), tmp_path, Settings.load(tmp_path), ["desktop.ui.leads.page"])
    order = []
    start.ready.connect(lambda: order.append(("ready", start.services is not None)))
    start.ready.connect(start.page_shown)  # the window's first page shows its data at once
    start.session_ready.connect(lambda: order.append(("session", start.session is not None)))
    try:
        with qtbot.waitSignal(start.session_ready, timeout=30_000):
            start.begin()
        assert order == [("ready", True), ("session", True)]
        assert start.error is None
        assert start.services.store.outbox_counts() == {"pending": 0, "attention": 0}
        assert "desktop.ui.leads.page" in sys.modules
    finally:
        start.finish()


def test_the_session_waits_for_the_first_page_to_show_its_data(qtbot, tmp_path, monkeypatch):
    import desktop.startup
    from desktop.startup import Startup

    monkeypatch.setattr(desktop.startup, "SESSION_WAIT_S", 60.0)
    start = Startup(_args(), tmp_path, Settings.load(tmp_path), [])
    try:
        with qtbot.waitSignal(start.ready, timeout=30_000):
            start.begin()
        assert start.session is None and not start.attached
        with qtbot.waitSignal(start.session_ready, timeout=30_000):
            start.page_shown()
        assert start.session is not None
    finally:
        start.finish()


def test_the_session_starts_without_word_from_the_page_after_a_while(qtbot, tmp_path,
                                                                      monkeypatch):
    import desktop.startup
    from desktop.startup import Startup

    monkeypatch.setattr(desktop.startup, "SESSION_WAIT_S", 0.2)
    start = Startup(_args(), tmp_path, Settings.load(tmp_path), [])
    try:
        with qtbot.waitSignals([start.ready, start.session_ready], timeout=30_000):
            start.begin()
        assert start.session is not None
    finally:
        start.finish()


def test_quitting_before_the_page_showed_starts_no_session(qtbot, tmp_path, monkeypatch):
    import desktop.startup
    from desktop.startup import Startup

    monkeypatch.setattr(desktop.startup, "SESSION_WAIT_S", 60.0)
    start = Startup(_args(), tmp_path, Settings.load(tmp_path), [])
    with qtbot.waitSignal(start.ready, timeout=30_000):
        start.begin()
    start.finish()  # returns at once: the thread no longer waits for the page
    assert start.session is None


def test_the_window_says_when_its_page_shows_its_first_rows(qtbot, services):
    from desktop.app import _when_first_screen

    for i in range(3):
        services.store.save("lead", {"last_name": f"Row{i}", "captured_at": "2026-11-24T10:00:00Z"})
    win = MainWindow(None, default_pages(), start_page="leads", settings=services.settings)
    qtbot.addWidget(win)
    win.show()
    said = []
    _when_first_screen(win, lambda: said.append(win.current_page().model.rowCount()))
    win.attach_services(services)
    qtbot.waitUntil(lambda: said == [3])


def test_for_a_screenshot_the_session_comes_before_ready(qtbot, tmp_path):
    from desktop.startup import Startup

    start = Startup(_args(screenshot=tmp_path / "x.png"), tmp_path, Settings.load(tmp_path), [])
    seen = []
    start.ready.connect(lambda: seen.append(start.session is not None))
    start.session_ready.connect(lambda: seen.append("session_ready"))
    try:
        with qtbot.waitSignal(start.ready, timeout=30_000):
            start.begin()
        assert seen == [True]
    finally:
        start.finish()


@pytest.mark.parametrize("early", [False, True], ids=["checked-on-opening", "checked-before-qt"])
@pytest.mark.parametrize("damage", ["header", "pages"])
def test_a_damaged_data_file_fails_start_up_and_is_left_alone(qtbot, tmp_path, damage, early):
    from desktop.cli.context import DataFileCheck
    from desktop.datafile import DB_FILE
    from desktop.startup import Startup

    store = open_store(tmp_path / DB_FILE)
    for i in range(300):
        store.save("lead", {"last_name": f"Name{i}", "notes": "x" * 200, "captured_at": "2026-11-24T10:00:00Z"})
    store.engine.dispose()
    path = tmp_path / DB_FILE
    data = bytearray(path.read_bytes())
    if damage == "header":
        data[:16] = b"not a database!!"
    else:  # a sound header, garbage in the b-tree pages behind it
        for offset in range(4096 * 3, len(data), 4096):
            data[offset:offset + 64] = bytes(range(64))
    path.write_bytes(bytes(data))
    # As the window starts it: the check began before Qt loaded, the store waits for it.
    check = DataFileCheck(tmp_path).start() if early else None
    start = Startup(_args(), tmp_path, Settings.load(tmp_path), [], check)
    failed = []
    start.failed.connect(lambda: failed.append(str(start.error)))
    start.ready.connect(lambda: failed.append("opened"))
    try:
        with qtbot.waitSignal(start.failed, timeout=30_000):
            start.begin()
    finally:
        start.finish()
    assert failed and failed[0] != "opened"
    assert "left untouched" in failed[0]
    assert path.read_bytes() == bytes(data)


def test_the_early_integrity_check_imports_neither_qt_nor_the_store(tmp_path):
    """It starts before Qt loads, beside its import: it must not import anything heavy."""
    store = open_store(tmp_path / "fieldnote.sqlite3")
    store.save("lead", {"last_name": "Early", "captured_at": "2026-11-24T10:00:00Z"})
    store.engine.dispose()
    code = f"""
import json, sys
from pathlib import Path
from desktop.cli.context import DataFileCheck
check = DataFileCheck(Path({str(tmp_path)!r})).start()
check.wait()
print(json.dumps(sorted(sys.modules)))
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True).stdout
    loaded = set(json.loads(out.strip().splitlines()[-1]))
    assert not {m for m in loaded if m.split(".")[0] in ("PySide6", "sqlalchemy")}
    assert not any(m.startswith("desktop.store") for m in loaded)


def test_what_the_start_thread_imports_holds_no_qt_code():
    """PySide6 builds a class's Python type when it is first used, which is not safe beside the
    UI thread: start-up crashed now and then while a page's widgets were imported on the start
    thread. What it imports for the first page is store and domain code only."""
    from desktop.startup import _SERVICE_MODULES

    names = sorted({*_SERVICE_MODULES, *(name for entry in default_pages()
                                         for new in (False, True) for name in entry.modules(new))})
    assert names
    code = f"""
import importlib, json, sys
for name in {names!r}:
    importlib.import_module(name)
print(json.dumps(sorted(sys.modules)))
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True).stdout
    loaded = set(json.loads(out.strip().splitlines()[-1]))
    assert not {m for m in loaded if m.startswith(("PySide6", "shiboken6", "desktop.ui"))}
