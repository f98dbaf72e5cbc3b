"""The look of the app: one palette of colour tokens per theme, the style sheet built from it,
and SVG icons tinted to the palette. Widgets use object names and properties, never colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from resources.paths import resource_path


@dataclass(frozen=True)
class Palette:
    window: str
    surface: str
    sidebar: str
    sidebar_text: str
    sidebar_active: str
    text: str
    muted: str
    border: str
    accent: str
    accent_text: str
    good: str
    warn: str
    bad: str
    hot: str
    warm: str
    cold: str


LIGHT = Palette(
    window="#f4f6f9", surface="#ffffff", sidebar="#17233a", sidebar_text="#c9d3e3",
    sidebar_active="#2b3d5e", text="#1b2333", muted="#5d6b82", border="#d9dfe8",
    accent="#1f6feb", accent_text="#ffffff", good="#1a7f37", warn="#9a6700", bad="#cf222e",
    hot="#d1242f", warm="#d4a72c", cold="#4f8fd9",
)
DARK = Palette(
    window="#161b22", surface="#0d1117", sidebar="#010409", sidebar_text="#9aa7b8",
    sidebar_active="#1f2937", text="#e6edf3", muted="#8b98a8", border="#30363d",
    accent="#4493f8", accent_text="#ffffff", good="#3fb950", warn="#d29922", bad="#f85149",
    hot="#f85149", warm="#e3b341", cold="#58a6ff",
)


def palette(theme: str) -> Palette:
    return DARK if theme == "dark" else LIGHT


def style_sheet(p: Palette) -> str:
    return f"""
    QMainWindow, QDialog {{ background: {p.window}; color: {p.text}; }}
    QWidget {{ font-size: 10pt; }}
    QWidget#page {{ background: {p.window}; }}
    QLabel, QCheckBox, QRadioButton, QGroupBox {{ color: {p.text}; }}
    QTabWidget::pane {{ border: 1px solid {p.border}; background: {p.window}; }}
    QTabBar::tab {{ background: {p.surface}; color: {p.muted}; border: 1px solid {p.border};
        padding: 5px 12px; }}
    QTabBar::tab:selected {{ color: {p.text}; border-bottom: 2px solid {p.accent}; }}
    QScrollArea {{ background: {p.window}; border: none; }}
    QLabel[role="title"] {{ font-size: 17pt; font-weight: 600; }}
    QLabel[role="subtitle"], QLabel[role="muted"] {{ color: {p.muted}; }}
    QLabel[role="empty"] {{ color: {p.muted}; font-size: 12pt; }}
    QLabel#pagePlaceholder {{ qproperty-alignment: AlignCenter; }}
    QLabel[role="badge"] {{ background: {p.accent}; color: {p.accent_text};
        border-radius: 9px; padding: 1px 8px; font-weight: 600; }}
    QLabel[grade="hot"] {{ color: {p.hot}; font-weight: 600; }}
    QLabel[grade="warm"] {{ color: {p.warm}; font-weight: 600; }}
    QLabel[grade="cold"] {{ color: {p.cold}; font-weight: 600; }}
    QLabel[state="good"] {{ color: {p.good}; }}
    QLabel[state="warn"] {{ color: {p.warn}; }}
    QLabel[state="bad"] {{ color: {p.bad}; }}
    QListWidget#nav {{ background: {p.sidebar}; color: {p.sidebar_text}; border: none;
        padding-top: 8px; outline: 0; font-size: 11pt; }}
    QListWidget#nav::item {{ padding: 10px 14px; border-radius: 6px; margin: 2px 8px; }}
    QListWidget#nav::item:selected {{ background: {p.sidebar_active}; color: #ffffff; }}
    QListWidget#nav::item:hover:!selected {{ background: {p.sidebar_active}; }}
    QWidget#brand {{ background: {p.sidebar}; }}
    QLabel#brandName {{ color: #ffffff; font-size: 13pt; font-weight: 700; }}
    QLabel#brandUser {{ color: {p.sidebar_text}; }}
    QFrame#card {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 8px; }}
    QTableView, QTreeView, QListView {{ background: {p.surface}; color: {p.text};
        border: 1px solid {p.border}; border-radius: 6px; gridline-color: {p.border};
        selection-background-color: {p.accent}; selection-color: {p.accent_text};
        alternate-background-color: {p.window}; }}
    QHeaderView::section {{ background: {p.surface}; color: {p.muted}; border: none;
        border-bottom: 1px solid {p.border}; padding: 6px 8px; font-weight: 600; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit {{
        background: {p.surface}; color: {p.text}; border: 1px solid {p.border};
        border-radius: 6px; padding: 5px 8px; }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus {{
        border: 1px solid {p.accent}; }}
    QLineEdit#search {{ padding: 6px 10px; font-size: 11pt; }}
    QPushButton, QToolButton {{ background: {p.surface}; color: {p.text};
        border: 1px solid {p.border}; border-radius: 6px; padding: 6px 14px; }}
    QToolButton {{ padding: 5px 10px; }}
    QPushButton:hover, QToolButton:hover {{ border-color: {p.accent}; }}
    QPushButton[primary="true"] {{ background: {p.accent}; color: {p.accent_text};
        border: 1px solid {p.accent}; font-weight: 600; }}
    QStatusBar {{ background: {p.surface}; color: {p.muted}; border-top: 1px solid {p.border}; }}
    QStatusBar QLabel {{ color: {p.muted}; padding: 0 8px; }}
    QToolTip {{ background: {p.surface}; color: {p.text}; border: 1px solid {p.border}; }}
    """


def icon(name: str, color: str, size: int = 24) -> QIcon:
    """An SVG icon from resources/icons, its `currentColor` painted in `color`."""
    svg = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", color).encode()))
    result = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(QSize(size * scale, size * scale))
        pixmap.fill(QColor(0, 0, 0, 0))  # transparent; Qt.GlobalColor costs at start
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        result.addPixmap(pixmap)
    return result


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "fieldnote.svg")))
