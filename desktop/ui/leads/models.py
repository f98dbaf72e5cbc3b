"""The lead list's table model: ids from one SQL query (filters, search, sort), rows on demand.

Sorting happens in SQL (a header click reloads the id list in the new order), so a list over
100,000 leads never loads more than the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal

from desktop.locale import format_datetime
from desktop.store.leads import LeadBook, LeadFilter
from desktop.ui.common.guard import when_alive
from desktop.ui.common.lazy_model import ROW_PAGE, Column, LazyRecordModel
from desktop.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.tasks import TaskRunner

# Ids loaded at once on a reload: two screens, so the first scroll needs no wait.
FIRST_IDS = 2 * ROW_PAGE

# Marked for extraction here, translated where shown (`status_text`).
STATUS_LABELS = {
    None: QT_TRANSLATE_NOOP("LeadTableModel", "New"),
    "contacted": QT_TRANSLATE_NOOP("LeadTableModel", "Contacted"),
    "meeting": QT_TRANSLATE_NOOP("LeadTableModel", "Meeting booked"),
    "opportunity": QT_TRANSLATE_NOOP("LeadTableModel", "Opportunity"),
    "won": QT_TRANSLATE_NOOP("LeadTableModel", "Won"),
    "lost": QT_TRANSLATE_NOOP("LeadTableModel", "Lost"),
    "disqualified": QT_TRANSLATE_NOOP("LeadTableModel", "Disqualified"),
}


GRADE_LABELS = {
    "hot": QT_TRANSLATE_NOOP("LeadTableModel", "Hot"),
    "warm": QT_TRANSLATE_NOOP("LeadTableModel", "Warm"),
    "cold": QT_TRANSLATE_NOOP("LeadTableModel", "Cold"),
}


def grade_label(grade: str | None) -> str:
    """The translated name of a grade (hot, warm, cold; the stored word when it has none)."""
    label = GRADE_LABELS.get(grade or "")
    return QCoreApplication.translate("LeadTableModel", label) if label else (grade or "").capitalize()


def person_name(row: dict[str, Any]) -> str:
    return " ".join(p for p in (row.get("first_name"), row.get("last_name")) if p) or (
        row.get("email") or row.get("badge_id") or "—"
    )


def grade_text(row: dict[str, Any]) -> str:
    return grade_label(row.get("grade")) + (" ✓" if row.get("qualified") else "")


def status_text(status: str | None) -> str:
    label = STATUS_LABELS.get(status)
    return QCoreApplication.translate("LeadTableModel", label) if label else str(status)


# How consent was taken (fieldnote.kinds.CONSENT_METHODS), as the detail says it.
METHOD_LABELS = {
    "checkbox": QT_TRANSLATE_NOOP("LeadTableModel", "checkbox on the capture form"),
    "visitor": QT_TRANSLATE_NOOP("LeadTableModel", "the visitor's own entry"),
    "signature": QT_TRANSLATE_NOOP("LeadTableModel", "signature"),
    "badge-organiser-terms": QT_TRANSLATE_NOOP("LeadTableModel", "badge scan under the organiser's terms"),
    "verbal": QT_TRANSLATE_NOOP("LeadTableModel", "verbally"),
    "imported": QT_TRANSLATE_NOOP("LeadTableModel", "imported with the organiser's file"),
    "unspecified": QT_TRANSLATE_NOOP("LeadTableModel", "method not recorded"),
}


# How a lead came in (fieldnote.kinds.LEAD_SOURCES), as the list and the detail say it.
SOURCE_LABELS = {
    "scan": QT_TRANSLATE_NOOP("LeadTableModel", "badge scan"),
    "card": QT_TRANSLATE_NOOP("LeadTableModel", "business card"),
    "manual": QT_TRANSLATE_NOOP("LeadTableModel", "typed"),
    "import": QT_TRANSLATE_NOOP("LeadTableModel", "imported"),
    "kiosk": QT_TRANSLATE_NOOP("LeadTableModel", "kiosk (visitor's own entry)"),
}


def source_text(source: str | None) -> str:
    label = SOURCE_LABELS.get(source or "")
    return QCoreApplication.translate("LeadTableModel", label) if label else (source or "")


def captured_text(row: dict[str, Any]) -> str:
    """The list's Captured cell: the time, and "Kiosk" for a visitor's own entry."""
    when = short_time(row.get("captured_at"))
    if row.get("source") == "kiosk":
        kiosk = QCoreApplication.translate("LeadTableModel", "Kiosk")
        return f"{when} · {kiosk}"
    return when


def method_text(method: str | None) -> str:
    label = METHOD_LABELS.get(method or "unspecified")
    return QCoreApplication.translate("LeadTableModel", label) if label else str(method)


def short_time(iso: str | None) -> str:
    """A stored UTC moment as the user reads it: their clock, their locale's short form."""
    return format_datetime(iso)


class LeadTableModel(LazyRecordModel):
    """Leads as `LeadBook` selects and orders them; a header click sorts in SQL."""

    # The whole id list is known (its length is the count); emitted after each reload.
    ids_loaded = Signal(int)

    def __init__(
        self,
        book: LeadBook,
        event_name: Callable[[str | None], str],
        owner_name: Callable[[str | None], str],
        parent: Any = None,
        tasks: TaskRunner | None = None,
    ) -> None:
        columns = [
            Column("name", QCoreApplication.translate("LeadTableModel", "Name"), person_name, sort_key="name"),
            Column("company", QCoreApplication.translate("LeadTableModel", "Company"), sort_key="company"),
            Column("title", QCoreApplication.translate("LeadTableModel", "Title"), sort_key="title"),
            Column("email", QCoreApplication.translate("LeadTableModel", "Email"), sort_key="email"),
            Column("grade", QCoreApplication.translate("LeadTableModel", "Grade"), grade_text, sort_key="grade"),
            Column("score", QCoreApplication.translate("LeadTableModel", "Score"), sort_key="score", align_right=True),
            Column("status", QCoreApplication.translate("LeadTableModel", "Status"), lambda r: status_text(r.get("status")), sort_key="status"),
            Column("event", QCoreApplication.translate("LeadTableModel", "Event"), lambda r: event_name(r.get("event_id")), sort_key="event"),
            Column("owner", QCoreApplication.translate("LeadTableModel", "Owner"), lambda r: owner_name(r.get("owner_id")), sort_key="owner"),
            Column("captured_at", QCoreApplication.translate("LeadTableModel", "Captured"), captured_text,
                   sort_key="captured_at"),
        ]
        self.book = book
        self.filter = LeadFilter()
        self.order: tuple[str, bool] = ("captured_at", True)
        self._tasks = tasks
        self._generation = 0
        self.complete = True
        super().__init__(columns, self._ids, book.rows, parent)

    def _ids(self) -> list[str]:
        return self.book.ids(self.filter, self.order)

    def reload(self, *, wait: bool = False) -> None:
        """Show the first screen of ids at once; with a task runner, the rest of the id list
        (100,000 ids take a few hundred ms) arrives from the parallel lane without a reset.
        `wait` loads the whole list here and now."""
        self._generation += 1
        if self._tasks is None or wait:
            super().reload()
            self.complete = True
            self.ids_loaded.emit(self.total())
            return
        # The first screen comes straight from the capture-time index when it can (a few ms
        # even at 500,000 leads, searching or not: `LeadBook.first_ids`).
        first = self.book.first_ids(self.filter, self.order, FIRST_IDS)
        if first is not None:
            self._reset_to(first)
            if len(first) < FIRST_IDS:
                self.complete = True
                self.ids_loaded.emit(len(first))
                return
        # Other orders (and a search whose matches are rare or old) sort every lead they
        # select (hundreds of ms): the rows on screen stay until the new order arrives from
        # the parallel lane.
        self.complete = False
        book, flt, order, generation = self.book, self.filter, self.order, self._generation
        task = self._tasks.run("lead ids", lambda _ctx: book.ids(flt, order))
        task.finished.connect(when_alive(self, lambda ids: self._on_all_ids(generation, ids)))

    def _reset_to(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._all_ids = ids
        self._shown = min(len(ids), ROW_PAGE)
        self._cache.clear()
        self.endResetModel()

    def _on_all_ids(self, generation: int, ids: list[str]) -> None:
        if generation != self._generation:
            return  # a newer filter or sort took over
        if ids[: len(self._all_ids)] == self._all_ids:
            # The rows on screen stay as they are; only more become fetchable.
            self._all_ids = ids
        else:
            self._reset_to(ids)
        self.complete = True
        self.ids_loaded.emit(len(ids))

    def set_filter(self, flt: LeadFilter, *, wait: bool = False) -> None:
        self.filter = flt
        self.reload(wait=wait)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key
        if key is None:
            return
        wanted = (key, order == Qt.SortOrder.DescendingOrder)
        if wanted != self.order:
            self.order = wanted
            self.reload()

    def cached_ids(self) -> list[str]:
        """Ids whose rows are loaded (what a repaint after an outcome change must refresh)."""
        return list(self._cache)

    def sort_column(self) -> int:
        for i, c in enumerate(self.columns):
            if c.sort_key == self.order[0]:
                return i
        return -1
