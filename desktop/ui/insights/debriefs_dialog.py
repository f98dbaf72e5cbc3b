"""The debriefs behind one Insights number, listed in a dialog; opening one asks the shell to
show it. The list is loaded on the parallel lane; the dialog never blocks the window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.keyboard import item_view_keys
from desktop.ui.insights.jobs import start_job
from desktop.ui.insights.table_model import FigureTableModel
from desktop.ui.services import Services
from fieldnote.insights import InsightFilters


class DebriefsBehindDialog(QDialog):
    """Lists the submitted debriefs that make up a count (an objection, a helped vote...)."""

    debrief_open_requested = Signal(str)
    loaded = Signal(int)

    def __init__(self, services: Services, source: Any, filters: InsightFilters, dimension: str,
                 tag: str, label: str, segment: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Debriefs behind “%1”").replace("%1", label))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setProperty("role", "muted")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = FigureTableModel(
            [self.tr("Account"), self.tr("Call date"), self.tr("Outcome"), self.tr("By"), self.tr("Team")],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        item_view_keys(self.table, self.tr("Debriefs"), self._on_table_double_clicked)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("Open debrief"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._on_open_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        seg = segment or {}
        self._task = start_job(
            services.tasks, "insights-debriefs",
            lambda _ctx: source.debriefs_behind(filters, dimension, tag, **seg),
            self._on_task_finished, self._on_task_failed,
        )

    def _on_task_finished(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(
            [[r.get("account") or "", r.get("call_date") or "", r.get("outcome") or "",
              r.get("author") or "", r.get("team") or ""] for r in rows],
            [r["id"] for r in rows],
        )
        self.summary.setText(self.tr("%n submitted debrief(s); double-click one or press Enter to open it.", "", len(rows)))
        self.open_button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.loaded.emit(len(rows))

    def _on_task_failed(self, message: str) -> None:
        self.summary.setText(self.tr("Could not list the debriefs: %1").replace("%1", message))

    def _on_table_double_clicked(self, index: Any) -> None:
        self._open(self.model.key(index.row()))

    def _on_open_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open(self.model.key(rows[0].row()))

    def _open(self, debrief_id: str | None) -> None:
        if debrief_id:
            self.debrief_open_requested.emit(debrief_id)
            self.accept()
