import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from desktop.settings import MIN_WINDOW_SIZE, Settings
from desktop.ui.shell.pages import default_pages
from desktop.ui.shell.window import MainWindow


@pytest.fixture
def window(qtbot, services):
    win = MainWindow(services, default_pages())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_ctrl_number_switches_between_the_four_pages(qtbot, window):
    for number, key in enumerate(("leads", "collateral", "debriefs", "insights"), start=1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() is window.pages[key]
        assert window.nav.currentRow() == number - 1


def test_clicking_the_navigation_switches_pages(qtbot, window):
    window.nav.setCurrentRow(2)
    assert window.current_page() is window.pages["debriefs"]
    assert window.services.settings.last_page == "debriefs"


def test_ctrl_f_focuses_the_lead_search(qtbot, window):
    window.show_page("leads")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.pages["leads"].search.hasFocus())


def test_a_saved_lead_appears_in_the_list_and_the_waiting_count(qtbot, window, services):
    services.store.save("lead", {"last_name": "Okafor", "company": "Zenith", "captured_at": "2026-11-24T10:00:00Z"})
    page = window.pages["leads"]
    qtbot.waitUntil(lambda: page.model.total() == 1)
    assert page.model.data(page.model.index(0, 0)) == "Okafor"
    qtbot.waitUntil(lambda: window.status.waiting.text() == "1 waiting")


def test_the_lead_search_filters_with_full_text(qtbot, window, services):
    for name, company in (("Okafor", "Zenith"), ("Lindqvist", "Nordic Freight")):
        services.store.save("lead", {"last_name": name, "company": company, "captured_at": "2026-11-24T10:00:00Z"})
    page = window.pages["leads"]
    qtbot.waitUntil(lambda: page.model.total() == 2)
    page.search.setText("nordic")
    qtbot.waitUntil(lambda: page.model.total() == 1)


def test_the_lazy_lead_model_passes_the_model_tester(qtbot, window, services):
    for i in range(450):
        services.store.save("lead", {"last_name": f"Name{i}", "captured_at": "2026-11-24T10:00:00Z"})
    page = window.pages["leads"]
    page.reload()
    assert page.model.rowCount() == 200
    assert page.model.canFetchMore()
    page.model.fetchMore()
    assert page.model.rowCount() == 400
    ModelTester(qtbot).check(page.model, force_py=True)
    assert page.model.rowCount() == 450


def test_window_geometry_is_remembered(qtbot, window, services, tmp_path):
    screen = window.screen().availableGeometry()
    # Within the screen (the offscreen one is 800x800) and not below the window's minimum.
    width = max(MIN_WINDOW_SIZE[0], min(screen.width() - 20, 1011))
    height = max(MIN_WINDOW_SIZE[1], min(screen.height() - 40, 655))
    window.resize(width, height)
    window.close()
    again = Settings.load(tmp_path)
    assert again.window_geometry
    win2 = MainWindow(services, default_pages())
    qtbot.addWidget(win2)
    assert (win2.size().width(), win2.size().height()) == (width, height)


def test_only_the_first_page_is_built_until_another_is_shown(qtbot, services):
    win = MainWindow(services, default_pages(), start_page="leads")
    qtbot.addWidget(win)
    assert set(win.pages.built()) == {"leads"}
    win.show_page("debriefs")
    assert set(win.pages.built()) == {"leads", "debriefs"}
    assert win.stack.currentWidget() is win.pages["debriefs"]
