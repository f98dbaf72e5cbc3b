"""The feed's table model: debrief ids in feed order, rows loaded lazily a page at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.locale import format_date
from desktop.ui.common.lazy_model import Column, LazyRecordModel
from desktop.ui.debriefs.form import choice_label


def _tags(row: dict[str, Any], name: str) -> str:
    values = row.get(name) or []
    return ", ".join(str(v) for v in values) if isinstance(values, list) else ""


def _replies(row: dict[str, Any]) -> str:
    total, unread = int(row.get("_comments") or 0), int(row.get("_unread") or 0)
    if unread:
        return QCoreApplication.translate("DebriefFeedModel", "%1 (%2 new)").replace("%1", str(total)).replace("%2", str(unread))
    return str(total) if total else ""


def _status(row: dict[str, Any]) -> str:
    if row.get("_unsaved"):
        return QCoreApplication.translate("DebriefFeedModel", "Draft (not queued)")
    return QCoreApplication.translate("DebriefFeedModel", "Draft") if row.get("status") == "draft" else QCoreApplication.translate("DebriefFeedModel", "Submitted")


class DebriefFeedModel(LazyRecordModel):
    """Debriefs newest call first; rows with unread replies are bold."""

    def __init__(self, load_ids: Callable[[], list[str]],
                 load_rows: Callable[[list[str]], dict[str, dict[str, Any]]], parent: Any = None) -> None:
        columns = [
            Column("call_date", QCoreApplication.translate("DebriefFeedModel", "Call"),
                   lambda r: format_date(r.get("call_date")), sort_key="call_date"),
            Column("account", QCoreApplication.translate("DebriefFeedModel", "Account"), lambda r: r.get("account") or QCoreApplication.translate("DebriefFeedModel", "(no account yet)")),
            Column("author", QCoreApplication.translate("DebriefFeedModel", "Rep"), lambda r: r.get("_author") or ""),
            Column("call_type", QCoreApplication.translate("DebriefFeedModel", "Type"), lambda r: choice_label(r.get("call_type") or "")),
            Column("outcome", QCoreApplication.translate("DebriefFeedModel", "Outcome"), lambda r: choice_label(r.get("outcome") or "")),
            Column("objections", QCoreApplication.translate("DebriefFeedModel", "Objections"), lambda r: _tags(r, "objections")),
            Column("competitors", QCoreApplication.translate("DebriefFeedModel", "Competitors"), lambda r: _tags(r, "competitors")),
            Column("replies", QCoreApplication.translate("DebriefFeedModel", "Replies"), _replies, align_right=True),
            Column("status", QCoreApplication.translate("DebriefFeedModel", "Status"), _status),
        ]
        super().__init__(columns, load_ids, load_rows, parent)

    def contains(self, record_id: str) -> bool:
        """Whether the feed lists `record_id` at all (shown yet or not)."""
        return record_id in self._all_ids

    def fetch_until(self, record_id: str) -> int:
        """Page rows in until `record_id` is shown; its row, or -1 when the feed lacks it."""
        if not self.contains(record_id):
            return -1
        while self.row_of(record_id) < 0 and self.canFetchMore():
            self.fetchMore()
        return self.row_of(record_id)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() < self.rowCount():
            row = self.record(index.row())
            if row and row.get("_unread"):
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)
