"""Insights with the keyboard and a screen reader: each chart, its table and its toggle are
named after the chart, and a row of a chart's table opens with Enter or Space as with a
double-click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.desktop.insights.test_page import page, services  # noqa: F401  (fixtures)

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_charts_their_tables_and_toggles_say_which_chart(page):  # noqa: F811
    card = page.voice_tab.counts["objections"]
    title = card.title_label.text()
    assert card.view.accessibleName() == f"{title} chart"
    assert card.table.accessibleName() == f"{title} table"
    assert card.toggle.accessibleName() == f"Show {title} as a table"
    card.toggle.click()
    assert card.toggle.accessibleName() == f"Show {title} as a chart"
    card.title_label.setText("Renamed")
    assert card.table.accessibleName() == "Renamed table"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_a_row_of_a_charts_table_opens_with_the_keyboard(qtbot, page, key):  # noqa: F811
    card = page.voice_tab.counts["objections"]
    card.toggle.click()
    card.table.setFocus(Qt.FocusReason.TabFocusReason)
    card.table.selectRow(0)
    with qtbot.waitSignal(page.voice_tab.number_picked) as picked:
        qtbot.keyClick(card.table, key)
    assert picked.args[:2] == ["objections", "Price"]


def test_a_charts_table_is_one_tab_stop(qtbot, page):  # noqa: F811
    card = page.voice_tab.counts["objections"]
    assert not card.table.tabKeyNavigation()
    assert card.view.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_ctrl_f_on_insights_moves_to_the_filters(qtbot, page):  # noqa: F811
    page.focus_search()
    qtbot.waitUntil(page.filter_bar.period.hasFocus)
    assert not page.offers_new()
