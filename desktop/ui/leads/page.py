"""The Leads page: every lead the user may see, searchable, in a lazy table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QWidget

from desktop.ui.common.lazy_model import Column, LazyRecordModel
from desktop.ui.common.page import Page
from desktop.ui.services import Services


def _name(row: dict[str, Any]) -> str:
    return " ".join(p for p in (row.get("first_name"), row.get("last_name")) if p) or "—"


def _grade(row: dict[str, Any]) -> str:
    grade = row.get("grade") or ""
    qualified = " ✓" if row.get("qualified") else ""
    return grade.capitalize() + qualified


class LeadsPage(Page):
    key = "leads"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, self.tr("Leads"), self.tr("Everyone you met, and what happened next"), parent)
        self._events: dict[str, str] = {}
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search name, company, email, notes…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.body.addWidget(self.search)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.body.addWidget(self.count_label)
        columns = [
            Column("name", self.tr("Name"), _name),
            Column("company", self.tr("Company")),
            Column("title", self.tr("Title")),
            Column("email", self.tr("Email")),
            Column("grade", self.tr("Grade"), _grade),
            Column("score", self.tr("Score"), align_right=True),
            Column("event", self.tr("Event"), lambda r: self._events.get(r.get("event_id") or "", "")),
            Column("captured_at", self.tr("Captured"), lambda r: (r.get("captured_at") or "")[:16].replace("T", " ")),
        ]
        self.model = LazyRecordModel(columns, self._load_ids, lambda ids: services.queries.rows("lead", ids), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((170, 170, 150, 210, 80, 60, 170)):
            self.table.setColumnWidth(col, width)
        self.body.addWidget(self.table, 1)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        services.changes.records_changed.connect(self._on_records_changed)
        self.reload()

    def _load_ids(self) -> list[str]:
        return self.services.queries.ids(
            "lead", search=self.search.text(), order=(("captured_at", True),)
        )

    def reload(self) -> None:
        self._events = self.services.queries.names("event")
        self.model.reload()
        total = self.model.total()
        self.count_label.setText(self.tr("%n lead(s)", "", total))

    def _on_records_changed(self, kind: str, ids: list) -> None:
        if kind == "lead":
            self._debounce.start()
        elif kind == "event":
            self._events = self.services.queries.names("event")
            self.table.viewport().update()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
