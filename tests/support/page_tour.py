"""The main window on the demo data, in a chosen language, walked through every page and the
states a user reaches there (a lead selected, capture, events & rubrics, a collateral item, a
debrief open and the debrief form, each Insights tab), for tests that look at each of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop.settings import Settings
from desktop.startup import build_services
from desktop.store import open_store
from desktop.tasks import TaskRunner
from desktop.ui.services import RecordChanges
from desktop.ui.shell.pages import default_pages
from desktop.ui.shell.window import MainWindow
from tests.support.demo_store import seed_if_empty


@contextmanager
def demo_window(qtbot: Any, data_dir: Path, locale: str = "en_US",
                role: str = "rep") -> Iterator[MainWindow]:
    """The window over a store holding the demo data, its texts in `locale`'s language, the
    user the demo's first of `role`."""
    from desktop.locale import apply_locale
    from desktop.ui import theme
    from desktop.ui.translations import install_translator, language_of

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = install_translator(app, language_of(locale))
    apply_locale(locale)
    # The theme as the app applies it (its paddings decide what fits, and pages measure
    # their texts when built); the application's own comes back afterwards.
    sheet, palette = app.styleSheet(), QPalette(app.palette())
    theme.apply(app, theme.palette("light"))
    store = open_store(data_dir / "fieldnote.sqlite3")
    seed_if_empty(store)
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    tasks = TaskRunner()
    services = build_services(store, tasks, Settings.load(data_dir), changes, data_dir)
    rows = services.queries.rows("user", services.queries.ids("user"))
    users: dict[str, dict[str, Any]] = {}
    for uid, row in rows.items():
        users.setdefault(str(row.get("role")), {**row, "id": uid})
    services.user = dict(users[role])
    window = MainWindow(services, default_pages())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window
    finally:
        window.close()
        tasks.shutdown()
        store.engine.dispose()
        if translator is not None:
            app.removeTranslator(translator)
        apply_locale("en_US")
        app.setStyleSheet(sheet)
        app.setPalette(palette)


def settle(qtbot: Any) -> None:
    """Let queued layout and paint events run (layouts settle over a few turns)."""
    for _ in range(3):
        qtbot.wait(1)




def _leads_list(qtbot: Any, window: MainWindow) -> None:
    window.show_page("leads")
    page: Any = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=15000)
    page.show_view(1)


def _lead_selected(qtbot: Any, window: MainWindow) -> None:
    _leads_list(qtbot, window)
    page: Any = window.current_page()
    page.leads.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(page.leads.detail.lead_id))


def _capture(qtbot: Any, window: MainWindow) -> None:
    _leads_list(qtbot, window)
    window.current_page().show_view(0)  # type: ignore[attr-defined]


def _capture_with_rubric(qtbot: Any, window: MainWindow) -> None:
    _capture(qtbot, window)
    page: Any = window.current_page()
    event = page.book.events()[0]["id"]
    page.capture.set_event(event)
    qtbot.waitUntil(lambda: page.capture.rubric_form.rubric is not None)


def _events(qtbot: Any, window: MainWindow) -> None:
    _leads_list(qtbot, window)
    window.current_page().show_view(2)  # type: ignore[attr-defined]


def _followups(qtbot: Any, window: MainWindow) -> None:
    _leads_list(qtbot, window)
    page: Any = window.current_page()
    page.show_view(3)
    qtbot.waitUntil(lambda: bool(page.followups.summary.text()), timeout=15000)


def _collateral(qtbot: Any, window: MainWindow) -> None:
    window.show_page("collateral")
    page: Any = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=15000)
    page.grid.setCurrentIndex(page.model.index(0, 0))
    qtbot.waitUntil(lambda: bool(page.current_id()))


def _collateral_list(qtbot: Any, window: MainWindow) -> None:
    _collateral(qtbot, window)
    window.current_page().view_toggle.setChecked(True)  # type: ignore[attr-defined]


def _debriefs(qtbot: Any, window: MainWindow) -> None:
    window.show_page("debriefs")
    page: Any = window.current_page()
    qtbot.waitUntil(page.is_ready, timeout=15000)
    if page.form is not None:
        page.form.close_form()


def _debrief_open(qtbot: Any, window: MainWindow) -> None:
    _debriefs(qtbot, window)
    page: Any = window.current_page()
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: bool(page.current_id()))


def _debrief_form(qtbot: Any, window: MainWindow) -> None:
    _debriefs(qtbot, window)
    page: Any = window.current_page()
    page.create_new()
    qtbot.waitUntil(lambda: page.form is not None and page.form.isVisible())


def _insights_tab(index: int, tables: bool = False) -> Callable[[Any, MainWindow], None]:
    def enter(qtbot: Any, window: MainWindow) -> None:
        from desktop.ui.insights.charts import ChartPanel

        window.show_page("insights")
        page: Any = window.current_page()
        qtbot.waitUntil(page.is_ready, timeout=15000)
        page.tabs.setCurrentIndex(index)
        for card in page.tabs.currentWidget().findChildren(ChartPanel):
            card.show_table(tables)
    return enter


PAGES: dict[str, list[tuple[str, Callable[[Any, MainWindow], None]]]] = {
    "leads": [("list", _leads_list), ("lead selected", _lead_selected), ("capture", _capture),
              ("capture with a rubric", _capture_with_rubric),
              ("events & rubrics", _events), ("my follow-ups", _followups)],
    "collateral": [("item selected", _collateral), ("list", _collateral_list)],
    "debriefs": [("list", _debriefs), ("debrief open", _debrief_open), ("form", _debrief_form)],
    "insights": [(f"tab {n}", _insights_tab(n)) for n in range(4)]
    + [(f"tab {n} as tables", _insights_tab(n, tables=True)) for n in range(4)],
}
