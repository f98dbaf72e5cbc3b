"""The window with the keyboard only: every Leads view is reachable by Tab, tables take one Tab
stop and open their row with Enter, Down leaves a search for its results, Ctrl+N is offered only
where it makes something, focus inside a scroll area is scrolled into view, and the window
reopens on the page it was closed on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from desktop.settings import Settings
from desktop.ui.common.keyboard import keep_focus_in_view
from desktop.ui.shell.pages import default_pages
from desktop.ui.shell.window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, services):
    win = MainWindow(services, default_pages())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def add_leads(services, *names):
    for name in names:
        services.store.save("lead", {"last_name": name, "company": "Zenith", "captured_at": "2026-11-24T10:00:00Z"})


def tab_chain(qtbot, start, steps):
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen = []
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_every_leads_view_is_reachable_by_tab(qtbot, window):
    page = window.pages["leads"]
    buttons = page.view_buttons
    chain = tab_chain(qtbot, page.leads.search, 40)
    assert all(b in chain for b in buttons), [b.text() for b in buttons if b not in chain]


def test_the_lead_table_is_one_tab_stop_and_enter_opens_the_lead(qtbot, window, services):
    add_leads(services, "Okafor", "Lindqvist")
    page = window.pages["leads"]
    page.reload()
    table = page.leads.table
    table.setFocus(Qt.FocusReason.TabFocusReason)
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()
    assert table.currentIndex().row() == 0
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.current_view() == 0  # the lead opened in the capture form


def test_down_from_the_lead_search_moves_into_the_list(qtbot, window, services):
    add_leads(services, "Okafor")
    page = window.pages["leads"]
    page.reload()
    page.focus_search()
    qtbot.waitUntil(page.leads.search.hasFocus)
    qtbot.keyClick(page.leads.search, Qt.Key.Key_Down)
    assert page.leads.table.hasFocus()
    assert page.leads.table.currentIndex().row() == 0


def test_ctrl_n_is_not_offered_on_insights(qtbot, window):
    window.show_page("insights")
    assert not window.new_action.isEnabled()
    window.show_page("leads")
    assert window.new_action.isEnabled()


def test_ctrl_f_on_insights_moves_to_its_filters(qtbot, window):
    window.show_page("insights")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.pages["insights"].filter_bar.period.hasFocus)


def test_the_window_reopens_on_the_page_it_was_closed_on(qtbot, window, services, tmp_path):
    window.show_page("debriefs")
    window.close()
    settings = Settings.load(tmp_path)
    assert settings.last_page == "debriefs"
    again = MainWindow(None, default_pages(), settings=settings)
    qtbot.addWidget(again)
    assert again.wanted_page() == "debriefs"
    assert again.nav.currentRow() == 2


def test_a_page_switch_is_remembered_even_without_a_clean_close(qtbot, window, tmp_path):
    window.show_page("insights")
    qtbot.waitUntil(lambda: Settings.load(tmp_path).last_page == "insights")


def test_focus_in_a_scroll_area_is_scrolled_into_view(qtbot, qapp):
    keep_focus_in_view(qapp)
    scroll = QScrollArea()
    inner = QWidget()
    layout = QVBoxLayout(inner)
    fields = [QLineEdit() for _ in range(40)]
    for field in fields:
        layout.addWidget(field)
    scroll.setWidget(inner)
    scroll.resize(300, 200)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    scroll.activateWindow()
    assert scroll.verticalScrollBar().value() == 0
    fields[-1].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(fields[-1].hasFocus)
    assert fields[-1].visibleRegion().boundingRect().height() == fields[-1].height()
