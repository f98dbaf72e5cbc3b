"""The library model: ids of the items a query shows, rows loaded lazily with their stats,
search highlights, thumbnails and offline state. One model feeds the grid and the list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from desktop.ui.collateral.files import CACHED, DOWNLOADING, CollateralFiles
from desktop.ui.collateral.icons import type_pixmap
from desktop.ui.collateral.thumbnails import ThumbnailService
from desktop.ui.common.lazy_model import Column, LazyRecordModel
from desktop.ui.translations import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex

ItemRole = Qt.ItemDataRole.UserRole + 1  # the whole row (dict)
TitleHtmlRole = Qt.ItemDataRole.UserRole + 2  # title with search matches in <b>
SnippetHtmlRole = Qt.ItemDataRole.UserRole + 3  # where the search matched, in <b>
OfflineRole = Qt.ItemDataRole.UserRole + 4  # (state, fraction)
NewRole = Qt.ItemDataRole.UserRole + 5  # arrived since the last visit
ThumbnailRole = Qt.ItemDataRole.UserRole + 6  # QPixmap (thumbnail or type icon)

# Marked for extraction here, translated where shown (`kind_name`, `status_name`).
KIND_NAMES = {
    "sell_sheet": QT_TRANSLATE_NOOP("LibraryModel", "Sell sheet"),
    "brochure": QT_TRANSLATE_NOOP("LibraryModel", "Brochure"),
    "deck": QT_TRANSLATE_NOOP("LibraryModel", "Deck"),
    "case_study": QT_TRANSLATE_NOOP("LibraryModel", "Case study"),
    "price_list": QT_TRANSLATE_NOOP("LibraryModel", "Price list"),
    "video": QT_TRANSLATE_NOOP("LibraryModel", "Video"),
    "other": QT_TRANSLATE_NOOP("LibraryModel", "Other"),
}
STATUS_NAMES = {
    "draft": QT_TRANSLATE_NOOP("LibraryModel", "Draft"),
    "review": QT_TRANSLATE_NOOP("LibraryModel", "In review"),
    "approved": QT_TRANSLATE_NOOP("LibraryModel", "Approved"),
    "retired": QT_TRANSLATE_NOOP("LibraryModel", "Retired"),
    "declined": QT_TRANSLATE_NOOP("LibraryModel", "Declined"),
}
THUMB_W, THUMB_H = 130, 168


def kind_name(kind: str | None) -> str:
    """The translated name of a collateral kind (the stored word when it has none)."""
    label = KIND_NAMES.get(kind or "")
    return QCoreApplication.translate("LibraryModel", label) if label else (kind or "")


def status_name(status: str | None) -> str:
    """The translated name of a collateral status (the stored word when it has none)."""
    label = STATUS_NAMES.get(status or "")
    return QCoreApplication.translate("LibraryModel", label) if label else (status or "")


def stars(rating: float | None) -> str:
    if rating is None:
        return ""
    full = int(round(rating))
    return "★" * full + "☆" * (5 - full)


class LibraryModel(LazyRecordModel):
    """Rows are library items; `load_ids` and `load_rows` come from the collateral store."""

    def __init__(
        self,
        load_ids: Callable[[], list[str]],
        load_rows: Callable[[list[str]], dict[str, dict[str, Any]]],
        thumbnails: ThumbnailService,
        files: CollateralFiles,
        parent: Any = None,
    ) -> None:
        super().__init__([], load_ids, load_rows, parent)
        self.thumbnails = thumbnails
        self.files = files
        self.new_since: str | None = None
        self.columns = [
            Column("title", self.tr("Title")),
            Column("kind", self.tr("Kind"), lambda r: kind_name(r.get("kind"))),
            Column("version", self.tr("Version"), lambda r: f"v{r.get('version') or 1}", align_right=True),
            Column("status", self.tr("Status"), self._status_text),
            Column("rating", self.tr("Rating"), lambda r: stars(r.get("rating"))),
            Column("uses", self.tr("Uses"), lambda r: str(r.get("uses") or 0), align_right=True),
            Column("offline", self.tr("Offline"), self._offline_text),
            Column("match", self.tr("Match"), lambda r: r.get("_snippet_html") or ""),
        ]
        thumbnails.thumbnail_ready.connect(self._on_file_changed)
        files.state_changed.connect(self._on_file_changed)

    def _status_text(self, row: dict[str, Any]) -> str:
        """The status, and "stale" on an approved item marketing should look at again."""
        text = status_name(row.get("status"))
        return self.tr("%1 · stale").replace("%1", text) if row.get("_stale") else text

    def _offline_text(self, row: dict[str, Any]) -> str:
        state, fraction = self.files.state(row.get("file_sha256"))
        if state == CACHED:
            return self.tr("Pinned") if row.get("pinned") else self.tr("On this computer")
        if state == DOWNLOADING:
            return self.tr("Downloading %1%").replace("%1", str(int((fraction or 0) * 100)))
        return self.tr("Not downloaded")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount():
            return None
        if role in (ItemRole, TitleHtmlRole, SnippetHtmlRole, OfflineRole, NewRole,
                    ThumbnailRole, Qt.ItemDataRole.DecorationRole):
            if role == Qt.ItemDataRole.DecorationRole and index.column() != 0:
                return None
            row = self.record(index.row())
            if row is None:
                return None
            if role == ItemRole:
                return row
            if role == TitleHtmlRole:
                return row.get("_title_html") or _escape(row.get("title") or "")
            if role == SnippetHtmlRole:
                return row.get("_snippet_html") or ""
            if role == OfflineRole:
                return self.files.state(row.get("file_sha256"))
            if role == NewRole:
                return bool(self.new_since and (row.get("local_updated_at") or "") > self.new_since)
            pixmap = self.thumbnails.pixmap(row.get("file_sha256"), row.get("mime_type"))
            if pixmap is None:
                pixmap = type_pixmap(row.get("kind"), THUMB_W, THUMB_H)
            if role == Qt.ItemDataRole.DecorationRole:
                return QIcon(pixmap)
            return pixmap
        return super().data(index, role)

    def refresh_shown(self) -> None:
        """Reload the rows on screen in place (their ratings or use counts changed), keeping
        the order, the selection and the scroll position."""
        self._cache.clear()
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _on_file_changed(self, sha256: str) -> None:
        for row in range(self.rowCount()):
            rid = self.id_at(row)
            cached = self._cache.get(rid) if rid else None
            if cached is not None and cached.get("file_sha256") == sha256:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
