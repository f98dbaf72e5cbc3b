"""A 1024x640 window cuts no text of the Insights figures and pickers and scrolls no pane
sideways, in English and German; the status bar's "⋯" button shows only its dots. (Every page
at every size down to the smallest window: test_small_windows.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QMenu, QToolButton, QWidget

from desktop.ui import theme
from desktop.ui.common.reflow import ReflowRow
from desktop.ui.insights.sections import EventsTab

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

# What a page's body gets in a 1024 px window: the sidebar, the page margins and a scroll bar off.
BODY_WIDTH_AT_1024 = 750

TOTALS = {"captured": 308, "qualified": 95, "contacted": 126, "meeting": 55, "opportunity": 26,
          "won": 13, "won_amount": 1054000}


@pytest.mark.parametrize("locale", ["en_US", "de_DE"])
def test_the_kpis_fit_a_narrow_window_whole(qtbot, app_locale, locale):
    app_locale(locale)
    tab = EventsTab(theme.palette("light"))
    tab.setStyleSheet(theme.style_sheet(theme.palette("light")))
    qtbot.addWidget(tab)
    tab.resize(BODY_WIDTH_AT_1024, 600)
    tab.show()
    qtbot.waitExposed(tab)
    tab.kpis.show_totals(TOTALS)
    amount = tab.kpis.values["won_amount"]
    # The amount in the team's currency (EUR unless the hub says otherwise).
    assert ("1,054,000" in amount.text() or "1.054.000" in amount.text()) and "€" in amount.text()

    def whole() -> bool:
        return not tab.horizontalScrollBar().isVisible() and all(
            label.width() >= label.sizeHint().width()
            and label.mapTo(tab, label.rect().topRight()).x() <= tab.viewport().width()
            for label in tab.kpis.values.values()
        )

    qtbot.waitUntil(whole)


def test_the_kpis_keep_one_row_on_a_wide_window(qtbot):
    tab = EventsTab(theme.palette("light"))
    qtbot.addWidget(tab)
    tab.resize(1700, 900)
    tab.show()
    tab.kpis.show_totals(TOTALS)
    qtbot.waitUntil(lambda: tab.kpis.row.columns() == 7)


def test_a_reflow_row_wraps_into_balanced_rows_and_never_cuts_a_widget(qtbot):
    boxes: list[QWidget] = []
    for n in range(7):
        box = QComboBox()
        box.addItem(f"Choice number {n} of seven")
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        boxes.append(box)
    row = ReflowRow(boxes)
    qtbot.addWidget(row)
    wanted = max(b.sizeHint().width() for b in boxes)
    row.resize(wanted * 4 + 3 * 8 + 5, 100)
    row.show()
    qtbot.waitUntil(lambda: row.columns() == 4)  # 4 + 3, not 7 cut short
    qtbot.waitUntil(lambda: all(b.width() >= b.sizeHint().width() for b in boxes)
                    and len({b.y() for b in boxes}) == 2)
    row.resize(wanted * 7 + 6 * 8, 100)
    qtbot.waitUntil(lambda: row.columns() == 7)
    assert row.minimumSizeHint().width() <= wanted


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_more_button_draws_no_menu_arrow_over_its_dots(qtbot, name):
    palette = theme.palette(name)
    host = QWidget()
    host.setStyleSheet(theme.style_sheet(palette))
    button = QToolButton(host)
    button.setObjectName("moreButton")
    button.setText("")  # no dots: whatever ink is left is the arrow
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setMenu(QMenu(button))
    button.resize(44, 30)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    image = button.grab().toImage()
    paper = QColor(palette.surface)
    inked = [
        (x, y) for x in range(4, image.width() - 4) for y in range(4, image.height() - 4)
        if not _close(image.pixelColor(x, y), paper)
    ]
    assert inked == []


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 120




@pytest.mark.parametrize("custom", [False, True])
def test_the_insights_pickers_fit_a_narrow_window_with_or_without_a_custom_range(
        qtbot, app_locale, custom):
    from desktop.ui.insights.filters import InsightFilterBar

    app_locale("de_DE")
    host = QWidget()
    host.setStyleSheet(theme.style_sheet(theme.palette("light")))
    bar = InsightFilterBar(host)
    qtbot.addWidget(host)
    host.resize(BODY_WIDTH_AT_1024, 200)
    bar.resize(BODY_WIDTH_AT_1024, 120)
    host.show()
    qtbot.waitExposed(host)
    if custom:
        bar.set_period("custom")
    pickers = [bar.period, bar.team, bar.rep, bar.events_button]
    if custom:
        pickers += [bar.date_from, bar.date_to]

    def whole() -> bool:
        return all(
            p.isVisible() and p.mapTo(bar, p.rect().topRight()).x() <= bar.width()
            and p.width() >= min(p.sizeHint().width(), p.minimumWidth() or p.sizeHint().width())
            for p in pickers
        )

    qtbot.waitUntil(whole)


def test_the_team_and_rep_pickers_show_their_all_choice_whole_in_spanish(qtbot, app_locale):
    from PySide6.QtWidgets import QApplication

    from desktop.ui.insights.filters import InsightFilterBar
    from desktop.ui.translations import install_translator

    app_locale("es_ES")
    translator = install_translator(QApplication.instance(), "es")
    try:
        bar = InsightFilterBar()
        qtbot.addWidget(bar)
        bar.resize(1400, 80)
        bar.show()
        qtbot.waitExposed(bar)
        assert bar.team.itemText(0) == "Todos los equipos"
        for combo in (bar.team, bar.rep):
            text = combo.fontMetrics().horizontalAdvance(combo.itemText(0))
            qtbot.waitUntil(lambda combo=combo, text=text: combo.width() >= text + 24)
    finally:
        if translator is not None:
            QApplication.instance().removeTranslator(translator)
