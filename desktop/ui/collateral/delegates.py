"""How library items are painted: cards for the grid (thumbnail, title, kind, rating, offline
state, "new"), and rich text with highlighted matches for the list's title and match columns.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.collateral.files import CACHED, DOWNLOADING
from desktop.ui.collateral.icons import kind_colour
from desktop.ui.collateral.model import (
    THUMB_H,
    THUMB_W,
    ItemRole,
    NewRole,
    OfflineRole,
    ThumbnailRole,
    TitleHtmlRole,
    kind_name,
    stars,
    status_name,
)
from desktop.ui.theme import Palette

Index = QModelIndex | QPersistentModelIndex
CARD_W, CARD_H = 160, 280


def _html(painter: QPainter, rect: QRect, html: str, colour: QColor, mark: Palette,
          max_height: int | None = None, max_lines: int | None = None, bold: bool = False,
          wrap: bool = True) -> None:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    font = painter.font()
    font.setBold(bold)
    if max_lines:
        # Whole lines only: a line cut in half reads as a rendering bug.
        max_height = QFontMetrics(font).lineSpacing() * max_lines + 1
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(f"body {{ color: {colour.name()}; }} b {{ background: {mark.mark}; color: {mark.mark_text}; }}")
    doc.setHtml(f"<body>{html}</body>")
    doc.setTextWidth(rect.width() if wrap else -1)
    painter.save()
    painter.translate(rect.topLeft())
    clip = QRectF(0, 0, rect.width(), max_height or rect.height())
    doc.drawContents(painter, clip)
    painter.restore()


class CardDelegate(QStyledItemDelegate):
    """A library item as a card in the grid, in the colours of the app's palette."""

    def __init__(self, palette: Palette, parent: Any = None) -> None:
        super().__init__(parent)
        self.p = palette

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(CARD_W, CARD_H)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row: dict[str, Any] | None = index.data(ItemRole)
        if row is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect).adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        p = self.p
        painter.setPen(QPen(QColor(p.accent) if selected else QColor(p.border), 2 if selected else 1))
        painter.setBrush(QColor(p.surface))
        painter.drawRoundedRect(card, 8, 8)
        thumb = index.data(ThumbnailRole)
        tx = int(card.left() + (card.width() - THUMB_W) / 2)
        ty = int(card.top() + 10)
        if thumb is not None:
            scaled = thumb.scaled(THUMB_W, THUMB_H, Qt.AspectRatioMode.KeepAspectRatio,
                                  Qt.TransformationMode.SmoothTransformation)
            x = tx + (THUMB_W - scaled.width()) // 2
            painter.setPen(QColor(p.border))
            painter.drawRect(x - 1, ty - 1, scaled.width() + 1, scaled.height() + 1)
            painter.drawPixmap(x, ty, scaled)
        if index.data(NewRole):
            badge = QRectF(card.left() + 8, card.top() + 8, 40, 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(p.accent))
            painter.drawRoundedRect(badge, 9, 9)
            painter.setPen(QColor(p.accent_text))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.tr("New"))
        label = None
        if row.get("status") and row.get("status") != "approved":
            label = status_name(row["status"])
        elif row.get("_stale"):
            label = self.tr("Stale")  # marketing's view: not verified or not used for long
        if label:
            # Outlined in the state's colour on the card: that colour reads on the surface in
            # both themes, where white on a light amber fill would not.
            badge = QRectF(card.right() - 74, card.top() + 8, 66, 18)
            edge = QColor(p.warn) if row["status"] != "retired" else QColor(p.muted)
            painter.setPen(QPen(edge, 1))
            painter.setBrush(QColor(p.surface))
            painter.drawRoundedRect(badge, 9, 9)
            painter.setPen(edge)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        y = ty + THUMB_H + 8
        text_rect = QRect(int(card.left() + 10), y, int(card.width() - 20), 40)
        _html(painter, text_rect, index.data(TitleHtmlRole) or "", QColor(p.text), p, max_lines=2, bold=True)
        y += 44
        painter.setPen(QColor(kind_colour(row.get("kind"), p)))
        small = painter.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1))
        painter.setFont(small)
        kind = kind_name(row.get("kind"))
        version = f"  ·  v{row.get('version') or 1}"
        painter.drawText(QRect(int(card.left() + 10), y, int(card.width() - 20), 16),
                         Qt.AlignmentFlag.AlignLeft, kind + version)
        y += 18
        painter.setPen(QColor(p.warm))  # the stars: 4.5:1 on the card in both themes
        rating = stars(row.get("rating"))
        painter.drawText(QRect(int(card.left() + 10), y, 90, 16), Qt.AlignmentFlag.AlignLeft, rating)
        state, fraction = index.data(OfflineRole) or ("", None)
        if state == CACHED:
            label, colour = (self.tr("📌 Offline") if row.get("pinned") else self.tr("✓ Offline")), p.good
        elif state == DOWNLOADING:
            label, colour = self.tr("↓ %1%").replace("%1", str(int((fraction or 0) * 100))), p.link
        else:
            label, colour = self.tr("Not downloaded"), p.muted
        painter.setPen(QColor(colour))
        metrics = QFontMetrics(small)
        label = beside(metrics, rating, label, int(card.width() - 20))
        painter.drawText(QRect(int(card.right() - 10 - metrics.horizontalAdvance(label) - 2), y,
                               metrics.horizontalAdvance(label) + 2, 16),
                         Qt.AlignmentFlag.AlignRight, label)
        painter.restore()


def beside(metrics: QFontMetrics, left: str, right: str, width: int, gap: int = 6) -> str:
    """`right` as it fits beside `left` in `width` pixels: whole, or shortened with "…"
    (a card's offline state beside its stars, in a language with longer words)."""
    room = width - (metrics.horizontalAdvance(left) + gap if left else 0)
    return metrics.elidedText(right, Qt.TextElideMode.ElideRight, max(room, 0))


class HtmlDelegate(QStyledItemDelegate):
    """Rich text in a table cell: the title or the match snippet with the search words marked."""

    def __init__(self, palette: Palette, role: int | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.p = palette
        self.role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        html = index.data(self.role) if self.role is not None else index.data()
        option.text = ""
        # The list shows text only; thumbnails belong to the cards.
        option.icon = QIcon()
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        style = option.widget.style() if option.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = option.palette.highlightedText().color() if selected else option.palette.text().color()
        rect = option.rect.adjusted(6, 6, -6, -2)
        painter.save()
        painter.setClipRect(option.rect)
        _html(painter, rect, str(html or "").replace("\n", " "), colour, self.p, rect.height(), wrap=False)
        painter.restore()
