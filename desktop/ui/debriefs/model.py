"""The feed's table model: debrief ids in feed order, rows loaded lazily a page at a time."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.ui.common.lazy_model import Column, LazyRecordModel
from desktop.ui.debriefs.form import choice_label


def _tags(row: dict[str, Any], name: str) -> str:
    values = row.get(name) or []
    return ", ".join(str(v) for v in values) if isinstance(values, list) else ""


def _replies(row: dict[str, Any]) -> str:
    total, unread = int(row.get("_comments") or 0), int(row.get("_unread") or 0)
    if unread:
        return f"{total} ({unread} new)"
    return str(total) if total else ""


def _status(row: dict[str, Any]) -> str:
    if row.get("_unsaved"):
        return "Draft (not queued)"
    return "Draft" if row.get("status") == "draft" else "Submitted"


class DebriefFeedModel(LazyRecordModel):
    """Debriefs newest call first; rows with unread replies are bold."""

    def __init__(self, load_ids: Callable[[], list[str]],
                 load_rows: Callable[[list[str]], dict[str, dict[str, Any]]], parent: Any = None) -> None:
        columns = [
            Column("call_date", "Call", sort_key="call_date"),
            Column("account", "Account", lambda r: r.get("account") or "(no account yet)"),
            Column("author", "Rep", lambda r: r.get("_author") or ""),
            Column("call_type", "Type", lambda r: choice_label(r.get("call_type") or "")),
            Column("outcome", "Outcome", lambda r: choice_label(r.get("outcome") or "")),
            Column("objections", "Objections", lambda r: _tags(r, "objections")),
            Column("competitors", "Competitors", lambda r: _tags(r, "competitors")),
            Column("replies", "Replies", _replies, align_right=True),
            Column("status", "Status", _status),
        ]
        super().__init__(columns, load_ids, load_rows, parent)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid() and index.row() < self.rowCount():
            row = self.record(index.row())
            if row and row.get("_unread"):
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)
