"""The theme meets WCAG AA in both palettes, nothing in the UI paints colours of its own, and
every kind of Tab stop shows where the keyboard focus is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import theme

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

UI = Path(__file__).resolve().parents[3] / "desktop" / "ui"


def test_the_contrast_formula_matches_wcag():
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    # The figures the accessibility review measured on the old palettes.
    assert theme.contrast_ratio("#ffffff", "#4493f8") == pytest.approx(3.10, abs=0.01)
    assert theme.contrast_ratio("#d4a72c", "#ffffff") == pytest.approx(2.24, abs=0.01)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_colour_pair_of_the_theme_meets_wcag_aa(name):
    p = theme.palette(name)
    failing = [
        f"{fg} on {bg}: {theme.contrast_ratio(getattr(p, fg), getattr(p, bg)):.2f} < {minimum}"
        for fg, bg, minimum in theme.CONTRAST_PAIRS
        if theme.contrast_ratio(getattr(p, fg), getattr(p, bg)) < minimum
    ]
    assert failing == []


def test_the_pairs_cover_every_token():
    used = {t for fg, bg, _m in theme.CONTRAST_PAIRS for t in (fg, bg)}
    decoration = {"border"}  # dividers and card edges: not a control's boundary
    assert set(theme.Palette.__dataclass_fields__) - used == decoration


def test_the_ui_paints_no_colour_outside_the_palette():
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
    literal = re.compile(r"QColor\(\s*(\d|\"|')|Qt\.GlobalColor\.(?!transparent)|rgba?\(")
    found = []
    for path in UI.rglob("*.py"):
        if path.name == "theme.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if hex_colour.search(line) or literal.search(line):
                found.append(f"{path.relative_to(UI)}:{number}: {line.strip()}")
    assert found == []


@pytest.fixture(params=["light", "dark"])
def themed(request, qapp):
    """The application in one theme for the test; the test's app is restored afterwards."""
    old_sheet, old_palette = qapp.styleSheet(), qapp.palette()
    p = theme.palette(request.param)
    theme.apply(qapp, p)
    yield p
    qapp.setStyleSheet(old_sheet)
    qapp.setPalette(old_palette)


def _colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for y in range(image.height()) for x in range(image.width())}


def test_every_kind_of_tab_stop_shows_a_focus_ring(qtbot, themed):
    host = QWidget()
    layout = QVBoxLayout(host)
    primary = QPushButton("Save")
    primary.setProperty("primary", True)
    table = QTableWidget(3, 2)
    combo = QComboBox()
    combo.addItems(["One", "Two"])
    tool = QToolButton()
    tool.setText("…")
    stops = [QPushButton("Cancel"), primary, QCheckBox("Consent"), QLineEdit(), combo,
             QSpinBox(), QPlainTextEdit(), table, tool]
    for widget in stops:
        layout.addWidget(widget)
    other = QLineEdit()
    layout.addWidget(other)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    ring = QColor(themed.focus).rgb()
    ring_on_accent = QColor(themed.text).rgb()
    invisible = []
    for widget in stops:
        other.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(other.hasFocus)
        before = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        QApplication.processEvents()
        after = widget.grab().toImage()
        wanted = ring_on_accent if widget is primary else ring
        if before == after or wanted not in _colours(after) - _colours(before):
            invisible.append(type(widget).__name__ + (" (primary)" if widget is primary else ""))
    assert invisible == []
