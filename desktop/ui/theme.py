"""The look of the app: one palette of colour tokens per theme, the style sheet built from it,
and SVG icons tinted to the palette. Widgets use object names and properties, never colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from resources.paths import resource_path

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Palette:
    """A theme's colour tokens. Every colour the app paints comes from here; `CONTRAST_PAIRS`
    says which tokens are drawn on which, and a test holds each pair to WCAG AA."""

    window: str
    surface: str
    sidebar: str
    sidebar_text: str
    sidebar_active: str
    sidebar_strong: str  # the brand and the selected page in the sidebar
    text: str
    muted: str  # secondary text and placeholders
    border: str  # dividers and card edges (decoration, not a control's edge)
    control_border: str  # the edge of a field, a button or a check box: 3:1 against the page
    accent: str  # filled: primary buttons, selections, badges (with accent_text on it)
    accent_text: str
    focus: str  # the keyboard focus ring
    link: str  # accent-coloured text on a surface ("new", "downloading")
    good: str
    warn: str
    bad: str
    hot: str
    warm: str
    cold: str
    violet: str
    orange: str
    mark: str  # search matches, marked like a highlighter pen
    mark_text: str


LIGHT = Palette(
    window="#f4f6f9", surface="#ffffff", sidebar="#17233a", sidebar_text="#c9d3e3",
    sidebar_active="#2b3d5e", sidebar_strong="#ffffff", text="#1b2333", muted="#5d6b82",
    border="#d9dfe8", control_border="#7a8494", accent="#1f6feb", accent_text="#ffffff",
    focus="#1f6feb", link="#1060c8", good="#1a7f37", warn="#8a5d00", bad="#cf222e",
    hot="#d1242f", warm="#8c6100", cold="#0a6a8f", violet="#8250df", orange="#a35200",
    mark="#fff3b0", mark_text="#1b2333",
)
DARK = Palette(
    window="#161b22", surface="#0d1117", sidebar="#010409", sidebar_text="#9aa7b8",
    sidebar_active="#1f2937", sidebar_strong="#ffffff", text="#e6edf3", muted="#8b98a8",
    border="#30363d", control_border="#7d8590", accent="#1f6feb", accent_text="#ffffff",
    focus="#4493f8", link="#4493f8", good="#3fb950", warn="#d29922", bad="#f85149",
    hot="#f85149", warm="#e3b341", cold="#58a6ff", violet="#bc8cff", orange="#f0883e",
    mark="#fff3b0", mark_text="#1b2333",
)

# WCAG 2.1 AA minimums: text 4.5:1 (1.4.3); a control's edge, a focus ring or a chart's
# marks 3:1 against what is next to them (1.4.11).
TEXT, NON_TEXT = 4.5, 3.0
_PAGES = ("window", "surface")
_COLOURED_TEXT = ("text", "muted", "link", "good", "warn", "bad", "hot", "warm", "cold",
                  "violet", "orange")
# (foreground token, background token, minimum ratio): every pairing the theme draws.
CONTRAST_PAIRS: tuple[tuple[str, str, float], ...] = (
    *((fg, bg, TEXT) for fg in _COLOURED_TEXT for bg in _PAGES),
    ("accent_text", "accent", TEXT),
    ("mark_text", "mark", TEXT),
    ("sidebar_text", "sidebar", TEXT),
    ("sidebar_text", "sidebar_active", TEXT),
    ("sidebar_strong", "sidebar", TEXT),
    ("sidebar_strong", "sidebar_active", TEXT),
    *((fg, bg, NON_TEXT) for fg in ("control_border", "focus", "accent") for bg in _PAGES),
)


# A drawn signature is kept as dark ink on white paper whatever the theme (it is evidence, an
# image, not a part of the window).
SIGNATURE_INK, SIGNATURE_PAPER = "#101010", "#ffffff"


def palette(theme: str) -> Palette:
    return DARK if theme == "dark" else LIGHT


def board_style_sheet() -> str:
    """The booth board's look: the dark theme's tokens whatever the window's theme (a second
    screen across the stand reads best light on dark)."""
    p = DARK
    return f"""
QWidget#boothBoard {{ background: {p.surface}; }}
QWidget#boothBoard QLabel {{ color: {p.text}; }}
QWidget#boothBoard QLabel[role="muted"] {{ color: {p.muted}; }}
QWidget#boothBoard QLabel[reached="true"] {{ color: {p.good}; }}
QWidget#boothBoard QProgressBar {{ background: {p.sidebar_active}; border: none; border-radius: 6px; }}
QWidget#boothBoard QProgressBar::chunk {{ background: {p.link}; border-radius: 6px; }}
QWidget#boothBoard QProgressBar[reached="true"]::chunk {{ background: {p.good}; }}
"""


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an `#rrggbb` colour."""
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two `#rrggbb` colours, 1.0 to 21.0."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _tinted_file(name: str, colour: str) -> str:
    """An icon of resources/icons in `colour` as a file a style sheet can name ("" if the
    cache cannot be written: the style sheet then does without the picture)."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    target = Path(base or ".") / "fieldnote" / "theme" / f"{name}-{colour.lstrip('#')}.svg"
    try:
        if not target.exists():
            svg = resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(svg.replace("currentColor", colour), encoding="utf-8")
    except OSError:
        return ""
    return target.as_posix()


def apply(app: QApplication, p: Palette) -> None:
    """Give the application the theme: its QPalette (what the style paints without the style
    sheet: placeholders, scroll bars, selections in delegates) and its style sheet."""
    from PySide6.QtGui import QPalette

    pal = QPalette()
    role = QPalette.ColorRole
    for r, token in ((role.Window, p.window), (role.WindowText, p.text), (role.Base, p.surface),
                     (role.AlternateBase, p.window), (role.Text, p.text), (role.Button, p.surface),
                     (role.ButtonText, p.text), (role.Highlight, p.accent),
                     (role.HighlightedText, p.accent_text), (role.PlaceholderText, p.muted),
                     (role.ToolTipBase, p.surface), (role.ToolTipText, p.text), (role.Link, p.link),
                     (role.BrightText, p.accent_text), (role.Light, p.surface), (role.Midlight, p.border),
                     (role.Mid, p.control_border), (role.Dark, p.control_border), (role.Shadow, p.sidebar)):
        pal.setColor(r, QColor(token))
    app.setPalette(pal)
    app.setStyleSheet(style_sheet(p))


def style_sheet(p: Palette) -> str:
    check = _tinted_file("check", p.accent_text)
    check_image = f"image: url({check});" if check else ""
    chevron = _tinted_file("chevron-down", p.text)
    chevron_image = f"image: url({chevron});" if chevron else ""
    return f"""
    QMainWindow, QDialog {{ background: {p.window}; color: {p.text}; }}
    QWidget {{ font-size: 10pt; }}
    QWidget#page {{ background: {p.window}; }}
    QLabel, QCheckBox, QRadioButton, QGroupBox {{ color: {p.text}; }}
    QTabWidget::pane {{ border: 1px solid {p.border}; background: {p.window}; }}
    QTabBar::tab {{ background: {p.surface}; color: {p.muted}; border: 1px solid {p.border};
        padding: 5px 12px; }}
    QTabBar::tab:selected {{ color: {p.text}; border-bottom: 2px solid {p.accent}; }}
    QTabBar:focus::tab:selected {{ border: 2px solid {p.focus}; padding: 4px 11px; }}
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
    QListWidget#nav::item:selected {{ background: {p.sidebar_active}; color: {p.sidebar_strong}; }}
    QListWidget#nav::item:hover:!selected {{ background: {p.sidebar_active}; }}
    QWidget#brand {{ background: {p.sidebar}; }}
    QLabel#brandName {{ color: {p.sidebar_strong}; font-size: 13pt; font-weight: 700; }}
    QLabel#brandUser {{ color: {p.sidebar_text}; }}
    QFrame#card {{ background: {p.surface}; border: 1px solid {p.border}; border-radius: 8px; }}
    QTableView, QTreeView, QListView {{ background: {p.surface}; color: {p.text};
        border: 1px solid {p.border}; border-radius: 6px; gridline-color: {p.border};
        selection-background-color: {p.accent}; selection-color: {p.accent_text};
        alternate-background-color: {p.window}; }}
    QTableView:focus, QTreeView:focus, QListView:focus {{ border: 2px solid {p.focus}; }}
    QHeaderView::section {{ background: {p.surface}; color: {p.muted}; border: none;
        border-bottom: 1px solid {p.border}; padding: 6px 8px; font-weight: 600; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit {{
        background: {p.surface}; color: {p.text}; border: 1px solid {p.control_border};
        border-radius: 6px; padding: 5px 8px; }}
    QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDoubleSpinBox:focus, QDateEdit:focus {{
        border: 2px solid {p.focus}; padding: 4px 7px; }}
    QPlainTextEdit:focus, QTextEdit:focus {{ border: 2px solid {p.focus}; }}
    QTextBrowser {{ border-color: {p.border}; }}
    QTextBrowser:focus {{ border: 2px solid {p.focus}; }}
    QComboBox::drop-down, QDateEdit::drop-down {{ subcontrol-origin: padding;
        subcontrol-position: center right; width: 20px; border: none; }}
    QComboBox::down-arrow, QDateEdit::down-arrow {{ width: 12px; height: 12px; {chevron_image} }}
    QLineEdit#search {{ padding: 6px 10px; font-size: 11pt; }}
    QLineEdit#search:focus {{ padding: 5px 9px; }}
    QPushButton, QToolButton {{ background: {p.surface}; color: {p.text};
        border: 1px solid {p.control_border}; border-radius: 6px; padding: 6px 14px; }}
    QToolButton {{ padding: 5px 10px; }}
    QToolButton::menu-indicator {{ subcontrol-origin: padding; subcontrol-position: center right;
        width: 12px; height: 12px; right: 6px; {chevron_image} }}
    QToolButton#dropButton {{ padding-right: 24px; }}
    QToolButton#dropButton:focus {{ padding-right: 23px; }}
    QToolButton#moreButton::menu-indicator {{ image: none; width: 0px; }}
    QPushButton:hover, QToolButton:hover {{ border-color: {p.focus}; }}
    QPushButton:focus {{ border: 2px solid {p.focus}; padding: 5px 13px; }}
    QToolButton:focus {{ border: 2px solid {p.focus}; padding: 4px 9px; }}
    QPushButton[primary="true"] {{ background: {p.accent}; color: {p.accent_text};
        border: 1px solid {p.accent}; font-weight: 600; }}
    QPushButton[primary="true"]:focus {{ border: 2px solid {p.text}; }}
    QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 4px; padding: 1px 3px; }}
    QCheckBox:focus, QRadioButton:focus {{ border-color: {p.focus}; }}
    QCheckBox::indicator {{ width: 14px; height: 14px; border-radius: 3px;
        background: {p.surface}; border: 1px solid {p.control_border}; }}
    QCheckBox::indicator:checked {{ background: {p.accent}; border-color: {p.accent}; {check_image} }}
    QCheckBox::indicator:disabled {{ border-color: {p.border}; }}
    QPushButton:disabled, QToolButton:disabled, QPushButton[primary="true"]:disabled {{
        background: {p.window}; color: {p.muted}; border: 1px dashed {p.border}; }}
    QStatusBar {{ background: {p.surface}; color: {p.muted}; border-top: 1px solid {p.border}; }}
    QStatusBar QLabel {{ color: {p.muted}; padding: 0 8px; }}
    QToolTip {{ background: {p.surface}; color: {p.text}; border: 1px solid {p.control_border}; }}
    QWidget#kiosk {{ background: {p.window}; }}
    QWidget#kiosk QWidget {{ font-size: 16pt; }}
    QWidget#kiosk QLabel[role="title"] {{ font-size: 26pt; font-weight: 700; }}
    QWidget#kiosk QLabel[role="thanks"] {{ font-size: 34pt; font-weight: 700; }}
    QWidget#kiosk QLabel[role="section"] {{ font-size: 17pt; font-weight: 600; }}
    QWidget#kiosk QLineEdit, QWidget#kiosk QComboBox {{ padding: 10px 14px; min-height: 34px; }}
    QWidget#kiosk QLineEdit:focus, QWidget#kiosk QComboBox:focus {{ padding: 9px 13px; }}
    QWidget#kiosk QPushButton {{ padding: 12px 28px; min-height: 36px; }}
    QWidget#kiosk QPushButton:focus {{ padding: 11px 27px; }}
    QWidget#kiosk QPushButton#kioskStaff {{ font-size: 12pt; padding: 8px 16px; min-height: 28px;
        color: {p.muted}; }}
    QWidget#kiosk QCheckBox {{ spacing: 14px; }}
    QWidget#kiosk QCheckBox::indicator {{ width: 34px; height: 34px; border-radius: 6px; }}
    QWidget#kiosk QLabel[state="bad"] {{ font-weight: 600; }}
    QWidget#kioskFooter {{ background: {p.surface}; border-top: 1px solid {p.border}; }}
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
