"""The "Outcomes from CRM" dialog of the Leads page: a Salesforce or HubSpot report previewed
(which lead gets which outcome, what matched nothing, what is unknown) before anything is
written, then recorded on the writer lane.

What a report says and does is `fieldnote.crm` and `desktop.store.crm_outcomes`, the same as
`fieldnote leads outcomes import --dry-run`; the dialog only shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_amount, format_date, format_int
from desktop.store.crm_outcomes import CrmOutcomes, OutcomeChange, OutcomePlan
from desktop.ui.common.dialog_size import keep_whole
from desktop.ui.common.elided_label import ElidedLabel
from desktop.ui.common.guard import when_alive
from desktop.ui.common.item_model import ItemTableModel
from desktop.ui.leads.choice_box import ChoiceBox
from desktop.ui.leads.models import status_text
from desktop.ui.services import Services
from fieldnote.crm import CRM_FORMATS, CRM_NAMES, OutcomeReport, read_outcome_report
from fieldnote.validation import utc_now_iso

MAX_REPORT_BYTES = 200 * 1024 * 1024


class OutcomeChangesModel(ItemTableModel[OutcomeChange]):
    """The outcome entries a report would record, one row each (a small fixed list)."""

    def headers(self) -> Sequence[str]:
        return (self.tr("Line"), self.tr("Lead"), self.tr("Outcome"), self.tr("Amount"),
                self.tr("Date"))

    def cell(self, change: OutcomeChange, column: int) -> str:
        fields = change.fields
        if column == 0:
            return format_int(change.line)
        if column == 1:
            return change.name
        if column == 2:
            return status_text(fields["status"])
        if column == 3:
            amount = fields.get("amount")
            return "" if amount is None else format_amount(amount)
        return format_date(fields.get("at"))


def _read_plan(path: Path, fmt: str, crm: CrmOutcomes) -> tuple[OutcomeReport, OutcomePlan | None]:
    size = path.stat().st_size
    if size > MAX_REPORT_BYTES:
        raise ValueError(f"{path.name} is {size / 1_048_576:.0f} MB; a CRM report should be "
                         f"under {MAX_REPORT_BYTES // 1_048_576} MB.")
    now = utc_now_iso()
    report = read_outcome_report(path.read_bytes(), fmt, now=now)
    if report.refusal is not None:
        return report, None
    return report, crm.plan(report, now=now)


class CrmOutcomesDialog(QDialog):
    """Pick a CRM report, see what it would record, record it."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.crm = CrmOutcomes(services.store)
        self.path: Path | None = None
        self.plan: OutcomePlan | None = None
        self.recorded: int | None = None
        self._token = 0
        self.setWindowTitle(self.tr("Outcomes from a CRM report"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Export a report from Salesforce or HubSpot with the Fieldnote ID "
                               "(or Email) column and its status columns, then choose it here. "
                               "Nothing is written before you press Record."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        top = QFormLayout()
        file_row = QHBoxLayout()
        self.file_label = ElidedLabel(self.tr("No file chosen"))
        self.file_label.setProperty("role", "muted")
        choose = QPushButton(self.tr("Choose report…"))
        choose.clicked.connect(self._on_choose_clicked)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)
        top.addRow(self.tr("Report"), file_row)
        self.format_box = ChoiceBox()
        self.format_box.addItem(self.tr("Tell from the columns"), "auto")
        for fmt in CRM_FORMATS:
            self.format_box.addItem(CRM_NAMES[fmt], fmt)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        top.addRow(self.tr("From"), self.format_box)
        layout.addLayout(top)
        self.changes = OutcomeChangesModel(self)
        self.changes_view = QTableView()
        self.changes_view.setAccessibleName(self.tr("Outcomes to record"))
        self.changes_view.setModel(self.changes)
        self.changes_view.verticalHeader().setVisible(False)
        self.changes_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changes_view.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Preview"))
        self.tabs.addTab(self.changes_view, self.tr("Outcomes to record"))
        self.problems = QPlainTextEdit()
        self.problems.setAccessibleName(self.tr("Rows not used"))
        self.problems.setTabChangesFocus(True)
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText(
            self.tr("Rows that match no lead, unknown values and unreadable rows are listed here."))
        self.tabs.addTab(self.problems, self.tr("Rows not used"))
        layout.addWidget(self.tabs, 1)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.counts)
        self.buttons = QDialogButtonBox()
        self.record_button = self.buttons.addButton(self.tr("Record"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_button.setProperty("primary", True)
        self.record_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        keep_whole(self)

    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CRM report"), "",
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.load_file(Path(path))

    def _on_format_changed(self, _index: int) -> None:
        if self.path is not None:
            self.load_file(self.path)

    def load_file(self, path: Path) -> Any:
        """Read `path` and plan its outcomes on the parallel lane; nothing is written."""
        self.path, self.plan = path, None
        self.file_label.setText(str(path))
        self.record_button.setEnabled(False)
        self.counts.setText(self.tr("Reading %1…").replace("%1", path.name))
        self._token += 1
        token, fmt, crm = self._token, self.format_box.currentData(), self.crm
        task = self.services.tasks.run("preview crm report", lambda _ctx: _read_plan(path, fmt, crm))
        task.finished.connect(when_alive(
            self, lambda result: self._on_planned(result) if token == self._token else None))
        task.failed.connect(when_alive(
            self, lambda message: self._on_failed(message) if token == self._token else None))
        return task

    def _on_failed(self, message: str) -> None:
        self.counts.setText(self.tr("Cannot read the file: %1").replace("%1", message))

    def _on_planned(self, result: tuple[OutcomeReport, OutcomePlan | None]) -> None:
        report, plan = result
        self.plan = plan
        name = self.path.name if self.path is not None else ""
        if plan is None:
            self.changes.set_items([])
            self._show_lines([])
            self.counts.setText(f"{name} {report.refusal}")
            return
        self.changes.set_items(plan.changes)
        self.changes_view.resizeColumnsToContents()
        self._show_lines(_not_used(plan))
        self.counts.setText(
            self.tr("Would record %1 outcome(s) from %2 row(s) of this %3 report; %4 already "
                    "recorded, %5 with no outcome yet, %6 not matched, %7 unknown value(s).")
            .replace("%1", format_int(len(plan.changes))).replace("%2", format_int(plan.rows))
            .replace("%3", CRM_NAMES[plan.format]).replace("%4", format_int(plan.unchanged))
            .replace("%5", format_int(plan.no_outcome))
            .replace("%6", format_int(len(plan.unmatched)))
            .replace("%7", format_int(len(plan.unknown))))
        self.record_button.setEnabled(bool(plan.changes))

    def _show_lines(self, lines: list[str]) -> None:
        self.problems.setPlainText("\n".join(lines[:2000]))
        title = self.tr("Rows not used")
        index = self.tabs.indexOf(self.problems)
        self.tabs.setTabText(index, f"{title} ({format_int(len(lines))})" if lines else title)

    def record(self) -> Any:
        """Read and plan the report again on the writer lane (a sync may have brought outcomes
        since the preview) and record what it adds, in one transaction."""
        if self.path is None or self.plan is None:
            return None
        path, fmt, crm = self.path, self.format_box.currentData(), self.crm
        uid = self.services.user.get("id")

        def job(_ctx: Any) -> int:
            _report, plan = _read_plan(path, fmt, crm)
            if plan is None:
                raise ValueError(_report.refusal or "")
            return len(crm.apply(plan, author_id=uid))

        self.record_button.setEnabled(False)
        task = self.services.tasks.write("record crm outcomes", job)
        task.finished.connect(when_alive(self, self._on_recorded))
        task.failed.connect(when_alive(self, self._on_failed))
        return task

    def _on_recorded(self, count: int) -> None:
        self.recorded = count
        self.changes.set_items([])
        self.counts.setText(self.tr("Recorded %1 outcome(s); they sync with your next sync.")
                            .replace("%1", format_int(count)))


def _not_used(plan: OutcomePlan) -> list[str]:
    """The rows that record nothing for a reason worth reading, as the command prints them."""
    lines = list(plan.problems)
    lines += [f"line {line}: not matched: {why}" for line, why in plan.unmatched]
    lines += [f"line {line}: unknown {column} {value!r}" for line, column, value in plan.unknown]
    return lines
