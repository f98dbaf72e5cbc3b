"""The Insights page: filters on top, four tabs of charts, each with its table, and a PDF export.

Figures are computed on the parallel task lane from the local cache (never on the UI thread);
the page shows the newest finished result and drops results of superseded computations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QTabWidget, QWidget

from desktop.locale import format_date, format_int
from desktop.reports.insights import build_report
from desktop.tasks import Task
from desktop.ui import theme
from desktop.ui.common.offers import offers_of
from desktop.ui.common.page import Page
from desktop.ui.insights.debriefs_dialog import DebriefsBehindDialog
from desktop.ui.insights.filters import InsightFilterBar
from desktop.ui.insights.jobs import start_job
from desktop.ui.insights.sections import CollateralTab, EventsTab, RubricTab, VoiceTab
from desktop.ui.services import Services
from fieldnote.insights import FilterError, InsightFilters

# Kinds whose changes alter a figure; a commit of any other kind leaves the page alone.
WATCHED_KINDS = frozenset({
    "lead", "lead_outcome", "event", "rubric", "collateral", "collateral_feedback",
    "collateral_usage", "collateral_request", "debrief", "user",
})


class InsightsPage(Page):
    """What happened to the leads, which collateral helped, and what customers said."""

    key = "insights"

    # A debrief behind a number was opened; the shell may route it to the debriefs page.
    debrief_open_requested = Signal(str)
    # A computation finished and its figures are on screen.
    figures_shown = Signal(dict)
    # A PDF report was written (its path), or could not be (the message).
    report_written = Signal(str)
    report_failed = Signal(str)

    def __init__(self, services: Services, source: Any, parent: QWidget | None = None) -> None:
        super().__init__(services, self.tr("Insights"),
                         self.tr("What happened to the leads, which collateral helped, and why deals are won and lost"),
                         parent)
        self.source = source
        self.figures: dict[str, Any] | None = None
        self.shown_filters = InsightFilters()
        self._generation = 0
        self._task: Task | None = None
        self._pdf_task: Task | None = None
        self._dialog: DebriefsBehindDialog | None = None
        self._stale = False
        pal = theme.palette(services.settings.theme)

        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.export_button.setProperty("primary", True)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.header_actions.addWidget(self.export_button)

        self.filter_bar = InsightFilterBar()
        self.body.addWidget(self.filter_bar)
        self.status_label = QLabel(self.tr("Computing…"))
        self.status_label.setProperty("role", "muted")
        # Wrapping keeps a long message from widening the window.
        self.status_label.setWordWrap(True)
        self.body.addWidget(self.status_label)
        self.tabs = QTabWidget()
        self.events_tab = EventsTab(pal)
        self.collateral_tab = CollateralTab(pal)
        self.voice_tab = VoiceTab(pal)
        self.rubric_tab = RubricTab(pal)
        self.tabs.addTab(self.events_tab, self.tr("Events and campaigns"))
        self.tabs.addTab(self.collateral_tab, self.tr("Collateral"))
        self.tabs.addTab(self.voice_tab, self.tr("Voice of the customer"))
        self.tabs.addTab(self.rubric_tab, self.tr("Rubric check"))
        # In a narrow window every tab stays in sight, its title shortened with "…" (whole in
        # its tooltip), rather than some tabs hidden behind scroll arrows.
        bar = self.tabs.tabBar()
        bar.setElideMode(Qt.TextElideMode.ElideRight)
        bar.setUsesScrollButtons(False)
        bar.setExpanding(False)
        for index in range(self.tabs.count()):
            self.tabs.setTabToolTip(index, self.tabs.tabText(index))
        self.body.addWidget(self.tabs, 1)

        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.filter_bar.changed.connect(self._debounce.start)
        self.voice_tab.number_picked.connect(self._on_voice_number_picked)
        services.changes.records_changed.connect(self._on_records_changed)
        if source is None:
            self.status_label.setText(self.tr("Insights are not available: no local data is open."))
            return
        self._apply_choices(source.choices())
        if offers_of(services).reach.work == "own" and services.user.get("id"):
            # Reps see their own work first; they can widen it with the rep picker.
            self.filter_bar.set_rep(services.user["id"])
        # Nothing is computed until the page is first shown; see showEvent.
        self._stale = True

    # -- computing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute every figure for the current filters on the parallel lane."""
        if self.source is None:
            return
        try:
            filters = self.filter_bar.filters()
        except FilterError as exc:
            self.status_label.setText(str(exc))
            return
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self._generation += 1
        generation = self._generation
        source = self.source

        def compute(ctx: Any) -> tuple[int, InsightFilters, dict[str, Any], dict[str, Any]]:
            choices = source.choices()
            ctx.check()
            return generation, filters, choices, source.compute(filters, check=ctx.check)

        self.status_label.setText(self.tr("Computing…"))
        self._task = start_job(self.services.tasks, "insights", compute,
                               self._on_task_finished, self._on_task_failed)

    def is_computing(self) -> bool:
        return self._task is not None and not self._task.done

    def _on_task_finished(self, result: Any) -> None:
        generation, filters, choices, figures = result
        if generation != self._generation:
            return  # a newer computation is on its way
        self._apply_choices(choices)
        self.figures = figures
        self.shown_filters = filters
        self.events_tab.show_figures(figures, list(filters.event_ids))
        self.collateral_tab.show_figures(figures)
        self.voice_tab.show_figures(figures)
        self.rubric_tab.show_figures(figures)
        totals = figures.get("totals") or {}
        self.status_label.setText(
            self.tr("%1 leads, %2 submitted debriefs, %3 collateral items · as of %4")
            .replace("%1", format_int(totals.get("captured", 0)))
            .replace("%2", format_int((figures.get("voice") or {}).get("debriefs", 0)))
            .replace("%3", format_int(len(figures.get("collateral") or {})))
            .replace("%4", format_date(figures.get("as_of"))))
        if not totals.get("captured") and not figures.get("collateral"):
            self.status_label.setText(self.status_label.text() + " · " + self.tr(
                "Nothing here yet: capture leads, file debriefs or sync, and the figures fill in."))
        self.export_button.setEnabled(True)
        self.figures_shown.emit(figures)

    def _on_task_failed(self, message: str) -> None:
        if self.sender() is self._task:
            self.status_label.setText(self.tr("Could not compute the insights: %1").replace("%1", message))

    def _apply_choices(self, choices: dict[str, Any]) -> None:
        self.filter_bar.set_choices(choices)
        self._event_names = {e["id"]: e["name"] for e in choices.get("events", [])}
        self._user_names = {u["id"]: u["name"] for u in choices.get("users", [])}

    def _on_records_changed(self, kind: str, _ids: list[str]) -> None:
        if kind not in WATCHED_KINDS:
            return
        if self.isVisible():
            self._debounce.start()
        else:
            # A hidden page does not recompute on every save or sync; it catches up when shown.
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.source is not None:
            self._stale = False
            self.refresh()

    def is_ready(self) -> bool:
        return self.source is None or self.figures is not None

    # -- page hooks -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: Insights has no text to search; it narrows the figures with its filters."""
        self.filter_bar.period.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def offers_new(self) -> bool:
        return False  # nothing is created on Insights: Ctrl+N is not offered here

    # -- click-through ------------------------------------------------------------------------

    def _on_voice_number_picked(self, dimension: str, tag: str, segment: dict[str, Any]) -> None:
        self.show_debriefs_behind(dimension, tag, segment)

    def show_debriefs_behind(self, dimension: str, tag: str,
                             segment: dict[str, Any] | None = None) -> DebriefsBehindDialog:
        """Open the list of debriefs behind one number, under the filters now shown."""
        dialog = DebriefsBehindDialog(self.services, self.source, self.shown_filters, dimension, tag,
                                      tag, segment, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.debrief_open_requested.connect(self.debrief_open_requested)
        self._dialog = dialog
        dialog.show()
        return dialog

    # -- PDF ------------------------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export insights"), str(Path.home() / "fieldnote-insights.pdf"),
            self.tr("PDF files (*.pdf)"))
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> Task | None:
        """Write the figures on screen as a PDF report, on the parallel lane."""
        if self.figures is None:
            return None
        figures = self.figures

        def write(_ctx: Any) -> str:
            pdf = build_report(figures)
            tmp = path.with_name(path.name + ".part")
            tmp.write_bytes(pdf)
            tmp.replace(path)
            return str(path)

        self.export_button.setEnabled(False)
        self.status_label.setText(self.tr("Writing the report…"))
        self._pdf_task = start_job(self.services.tasks, "insights-pdf", write,
                                   self._on_pdf_finished, self._on_pdf_failed)
        return self._pdf_task

    def _on_pdf_finished(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText(self.tr("Report written to %1").replace("%1", path))
        self.report_written.emit(path)

    def _on_pdf_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText(self.tr("Could not write the report: %1").replace("%1", message))
        self.report_failed.emit(message)
