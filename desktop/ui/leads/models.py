"""The lead list's table model: ids from one SQL query (filters, search, sort), rows on demand.

Sorting happens in SQL (a header click reloads the id list in the new order), so a list over
100,000 leads never loads more than the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop.store.leads import LeadBook, LeadFilter
from desktop.ui.common.lazy_model import Column, LazyRecordModel

STATUS_LABELS = {
    None: "New",
    "contacted": "Contacted",
    "meeting": "Meeting booked",
    "opportunity": "Opportunity",
    "won": "Won",
    "lost": "Lost",
    "disqualified": "Disqualified",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("LeadTableModel", text)


def person_name(row: dict[str, Any]) -> str:
    return " ".join(p for p in (row.get("first_name"), row.get("last_name")) if p) or (
        row.get("email") or row.get("badge_id") or "—"
    )


def grade_text(row: dict[str, Any]) -> str:
    grade = row.get("grade") or ""
    return grade.capitalize() + (" ✓" if row.get("qualified") else "")


def status_text(status: str | None) -> str:
    return _tr(STATUS_LABELS.get(status, status or "New"))


def short_time(iso: str | None) -> str:
    return (iso or "")[:16].replace("T", " ")


class LeadTableModel(LazyRecordModel):
    """Leads as `LeadBook` selects and orders them; a header click sorts in SQL."""

    def __init__(
        self,
        book: LeadBook,
        event_name: Callable[[str | None], str],
        owner_name: Callable[[str | None], str],
        parent: Any = None,
    ) -> None:
        columns = [
            Column("name", _tr("Name"), person_name, sort_key="name"),
            Column("company", _tr("Company"), sort_key="company"),
            Column("title", _tr("Title"), sort_key="title"),
            Column("email", _tr("Email"), sort_key="email"),
            Column("grade", _tr("Grade"), grade_text, sort_key="grade"),
            Column("score", _tr("Score"), sort_key="score", align_right=True),
            Column("status", _tr("Status"), lambda r: status_text(r.get("status")), sort_key="status"),
            Column("event", _tr("Event"), lambda r: event_name(r.get("event_id")), sort_key="event"),
            Column("owner", _tr("Owner"), lambda r: owner_name(r.get("owner_id")), sort_key="owner"),
            Column("captured_at", _tr("Captured"), lambda r: short_time(r.get("captured_at")),
                   sort_key="captured_at"),
        ]
        self.book = book
        self.filter = LeadFilter()
        self.order: tuple[str, bool] = ("captured_at", True)
        super().__init__(columns, self._ids, book.rows, parent)

    def _ids(self) -> list[str]:
        return self.book.ids(self.filter, self.order)

    def set_filter(self, flt: LeadFilter) -> None:
        self.filter = flt
        self.reload()

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
