"""Type icons for collateral without a thumbnail: a sheet of paper in the kind's colour with
its label. Painted in code so every kind has one without shipping image files. The kinds'
colours are palette tokens; the icon is a picture of paper, so it keeps the light theme's
colours (white on each of them reads at 4.5:1 or better) in both themes.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPixmap

from desktop.ui.theme import LIGHT, Palette

# The palette token of each kind's colour.
_TOKENS = {
    "sell_sheet": "link",
    "brochure": "violet",
    "deck": "orange",
    "case_study": "good",
    "price_list": "warn",
    "video": "bad",
    "other": "muted",
}
_LABELS = {
    "sell_sheet": "SELL SHEET",
    "brochure": "BROCHURE",
    "deck": "DECK",
    "case_study": "CASE STUDY",
    "price_list": "PRICES",
    "video": "VIDEO",
    "other": "FILE",
}


def kind_colour(kind: str | None, palette: Palette = LIGHT) -> str:
    return str(getattr(palette, _TOKENS.get(kind or "other", "muted")))


@lru_cache(maxsize=64)
def type_pixmap(kind: str | None, width: int, height: int) -> QPixmap:
    """A page-shaped icon for `kind`, `width` x `height` pixels."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(kind_colour(kind))
    fold = width * 0.22
    page = QPainterPath()
    page.moveTo(0.5, 0.5)
    page.lineTo(width - fold, 0.5)
    page.lineTo(width - 0.5, fold)
    page.lineTo(width - 0.5, height - 0.5)
    page.lineTo(0.5, height - 0.5)
    page.closeSubpath()
    painter.fillPath(page, QColor(LIGHT.surface))
    painter.setPen(colour)
    painter.drawPath(page)
    band = QRectF(0.5, height * 0.58, width - 1, height * 0.2)
    painter.fillRect(band, colour)
    painter.setPen(QColor(LIGHT.accent_text))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(8, int(width * 0.09)))
    painter.setFont(font)
    painter.drawText(band, Qt.AlignmentFlag.AlignCenter, _LABELS.get(kind or "other", "FILE"))
    light = QColor(colour)
    light.setAlpha(60)
    for i in range(4):
        y = height * (0.14 + 0.09 * i)
        painter.fillRect(QRectF(width * 0.12, y, width * (0.62 if i else 0.45), height * 0.035), light)
    painter.end()
    return pixmap
