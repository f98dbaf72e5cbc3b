"""Import and export dialogs of the Leads page: a CSV preview with column mapping, and CRM,
vCard or PDF files written off the UI thread with a progress bar.

Reading and writing files, parsing and building PDFs run on the task lanes; the dialogs only
show what comes back. What an import would do (the mapping, samples, counts, skip reasons, or
the one-line refusal) is `LeadBook.preview_import`, the same as `leads import --dry-run`; the
dialog never decides it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_int
from desktop.settings import atomic_write
from desktop.store.consent import ConsentBook, ConsentTerms
from desktop.store.leads import (
    EXPORT_FORMATS,
    ImportPreview,
    ImportSummary,
    LeadBook,
    LeadExport,
)
from desktop.ui.common.dialog_size import keep_whole
from desktop.ui.common.elided_label import ElidedLabel
from desktop.ui.common.guard import when_alive
from desktop.ui.leads.capture import default_phone_region
from desktop.ui.leads.choice_box import ChoiceBox
from desktop.ui.services import Services
from desktop.ui.translations import QT_TRANSLATE_NOOP
from fieldnote.audit import EXPORT_WINDOW
from fieldnote.leadcsv import IMPORT_TARGETS, read_lead_csv
from fieldnote.leads import MARKETING_EXPORTS

Index = QModelIndex | QPersistentModelIndex
PREVIEW_ROWS = 50
PREVIEW_FIELDS = ("first_name", "last_name", "email", "phone", "company", "title", "country",
                  "badge_id", "notes")
MAX_IMPORT_BYTES = 200 * 1024 * 1024
# Why rows are skipped (fieldnote.leadcsv.SKIP_REASONS), as the dialog says it.
SKIP_LABELS = {
    "no_person": QT_TRANSLATE_NOOP("ImportDialog", "no name, email or badge id"),
    "unreadable": QT_TRANSLATE_NOOP("ImportDialog", "could not be read as CSV"),
    "refused": QT_TRANSLATE_NOOP("ImportDialog", "refused by the lead rules"),
}
FORMAT_LABELS = {
    "salesforce": (QT_TRANSLATE_NOOP("ExportDialog", "Salesforce lead import (CSV)"), ".csv"),
    "hubspot": (QT_TRANSLATE_NOOP("ExportDialog", "HubSpot contact import (CSV)"), ".csv"),
    "vcard": (QT_TRANSLATE_NOOP("ExportDialog", "vCards (one per lead)"), ".vcf"),
    "pdf": (QT_TRANSLATE_NOOP("ExportDialog", "Event report (PDF)"), ".pdf"),
}


class PreviewModel(QAbstractTableModel):
    """The first rows of a CSV as the import would store them (a fixed, small list)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[int, dict[str, Any], list[str]]] = []

    def set_rows(self, rows: list[tuple[int, dict[str, Any], list[str]]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(PREVIEW_FIELDS) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        line, fields, errors = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and errors:
            return "\n".join(errors)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if index.column() == 0:
            return f"{line}{' ⚠' if errors else ''}"
        value = fields.get(PREVIEW_FIELDS[index.column() - 1])
        text = "" if value is None else str(value)
        return text if len(text) <= 80 else text[:79] + "…"

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Line")
        if 0 < section <= len(PREVIEW_FIELDS):
            return PREVIEW_FIELDS[section - 1].replace("_", " ").capitalize()
        return None


def _read_preview(path: Path, book: LeadBook, event_id: str | None,
                  mapping: dict[str, str | None] | None, region: str,
                  consent: str) -> tuple[bytes, ImportPreview]:
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise ValueError(f"{path.name} is {size / 1_048_576:.0f} MB; a lead CSV should be under "
                         f"{MAX_IMPORT_BYTES // 1_048_576} MB.")
    data = path.read_bytes()
    return data, book.preview_import(data, event_id, mapping, default_region=region,
                                     **_consent_terms(book, event_id, consent))


def _consent_terms(book: LeadBook, event_id: str | None, fallback: str) -> ConsentTerms:
    """The wording a file's consent column is recorded under (`ConsentBook.import_terms`)."""
    event = book.event(event_id) if event_id else None
    return ConsentBook(book.store).import_terms(event, fallback)


class ImportDialog(QDialog):
    """Pick a CSV and an event, check the column mapping on a preview, import on the writer lane."""

    def __init__(self, services: Services, book: LeadBook, event_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = book
        self.path: Path | None = None
        self.data: bytes | None = None
        self.outlook: ImportPreview | None = None
        self._mapping_boxes: dict[str, QComboBox] = {}
        self._sample_labels: dict[str, QLabel] = {}
        self._preview_token = 0
        self.summary: ImportSummary | None = None
        self.setWindowTitle(self.tr("Import leads from CSV"))
        self.setMinimumWidth(640)  # fits the smallest window; keep_whole sets the height
        layout = QVBoxLayout(self)
        top = QFormLayout()
        file_row = QHBoxLayout()
        self.file_label = ElidedLabel(self.tr("No file chosen"))  # a long path never widens it
        self.file_label.setProperty("role", "muted")
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self._on_choose_clicked)
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)
        top.addRow(self.tr("File"), file_row)
        self.event_box = ChoiceBox()
        for e in book.events():
            self.event_box.addItem(e.get("name") or e["id"], e["id"])
        if event_id:
            self.event_box.setCurrentIndex(max(0, self.event_box.findData(event_id)))
        self.event_box.currentIndexChanged.connect(self._on_event_changed)
        top.addRow(self.tr("Into event"), self.event_box)
        layout.addLayout(top)

        self.mapping_host = QWidget()
        self.mapping_form = QFormLayout(self.mapping_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.mapping_host)
        scroll.setMinimumHeight(110)  # three columns at a glance; the rest scroll
        scroll.setMaximumHeight(200)
        layout.addWidget(QLabel(self.tr("Columns (change where a column goes, then check the preview)")))
        layout.addWidget(scroll)
        self.preview = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setAccessibleName(self.tr("Preview"))
        self.preview_view.setModel(self.preview)
        self.preview_view.verticalHeader().setVisible(False)
        self.preview_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The preview and the problems share one place: a short window has room for one.
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Preview"))
        self.tabs.addTab(self.preview_view, self.tr("Preview"))
        layout.addWidget(self.tabs, 1)
        self.problems = QPlainTextEdit()
        self.problems.setAccessibleName(self.tr("Problems found"))
        self.problems.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.problems.setReadOnly(True)
        self.problems.setPlaceholderText(self.tr("Problems found in the file are listed here by line."))
        self.tabs.addTab(self.problems, self.tr("Problems found"))
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        # What the import would do (or why the file is refused), from the preview.
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.counts)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setProperty("primary", True)
        self.import_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        keep_whole(self)
        if self.event_box.count() == 0:
            self.status.setText(self.tr("This device knows no events yet: create one (or sync) first."))

    def _show_problems(self, lines: list[str]) -> None:
        """List the problems; the tab's title counts them, so they are seen from the preview."""
        self.problems.setPlainText("\n".join(lines))
        title = self.tr("Problems found")
        index = self.tabs.indexOf(self.problems)
        self.tabs.setTabText(index, f"{title} ({format_int(len(lines))})" if lines else title)

    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Lead CSV"), "",
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> Any:
        """Read and preview `path` on the parallel lane."""
        self.path = path
        self.data = self.outlook = None
        self.file_label.setText(str(path))
        self.status.setText(self.tr("Reading %1…").replace("%1", path.name))
        self.counts.clear()
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self._mapping_boxes.clear()
        self._sample_labels.clear()
        self.import_button.setEnabled(False)
        return self._preview(None)

    def _phone_region(self) -> str:
        """Phones without +country are read in the chosen region, else the event's country."""
        event_id = self.event_box.currentData()
        event = self.book.event(event_id) if event_id else None
        return default_phone_region(self.services.settings.phone_region,
                                    (event or {}).get("country"))

    def _preview(self, mapping: dict[str, str | None] | None) -> Any:
        path, region = self.path, self._phone_region()
        assert path is not None
        book, event_id = self.book, self.event_box.currentData()
        consent = self.services.settings.consent_text_version
        self.import_button.setEnabled(False)  # until the preview of this mapping is back
        # Only the newest preview is shown: an older one (another file, a mapping changed
        # since) may come back later.
        self._preview_token += 1
        token = self._preview_token
        task = self.services.tasks.run(
            "preview lead csv",
            lambda _ctx: _read_preview(path, book, event_id, mapping, region, consent))
        task.finished.connect(when_alive(
            self, lambda result: self._on_preview_read(result) if token == self._preview_token
            else None))
        task.failed.connect(when_alive(
            self, lambda message: self._on_preview_failed(message)
            if token == self._preview_token else None))
        return task

    def _on_preview_failed(self, message: str) -> None:
        self.status.setText(self.tr("Cannot read the file: %1").replace("%1", message))
        self.import_button.setEnabled(False)

    def _on_preview_read(self, result: tuple[bytes, ImportPreview]) -> None:
        self.data, self.outlook = result
        parsed = self.outlook.parsed
        if not self._mapping_boxes:
            for header in parsed.headers:
                box = ChoiceBox()
                box.setAccessibleName(self.tr("Where the column %1 goes").replace("%1", header))
                box.addItem(self.tr("Keep in notes"), None)
                for target in IMPORT_TARGETS:
                    box.addItem(target.replace("_", " "), target)
                box.setCurrentIndex(max(0, box.findData(parsed.mapping.get(header))))
                box.currentIndexChanged.connect(self._on_mapping_changed)
                samples = QLabel(" | ".join(parsed.samples.get(header, [])))
                samples.setProperty("role", "muted")
                samples.setTextFormat(Qt.TextFormat.PlainText)
                row = QWidget()
                row_layout = QHBoxLayout(row)
                row_layout.setContentsMargins(0, 0, 0, 0)
                row_layout.addWidget(box)
                row_layout.addWidget(samples, 1)
                self._mapping_boxes[header] = box
                self._sample_labels[header] = samples
                self.mapping_form.addRow(" ".join(header.split()), row)
        self.preview.set_rows([(r.line, r.fields, r.errors) for r in parsed.rows[:PREVIEW_ROWS]])
        self._show_problems(parsed.problems[:500])
        refusal = self.outlook.refusal
        if refusal is not None:
            name = self.path.name if self.path is not None else ""
            self.counts.setText(f"{name} {refusal}")
            self.counts.setProperty("state", "warn")
            self.status.setText(self.tr("Nothing will be imported from this file."))
        else:
            self.counts.setText(self._counts_text(self.outlook))
            self.counts.setProperty("state", None)
            self.status.setText(
                self.tr("%1 rows read (%2, separator %3).")
                .replace("%1", format_int(len(parsed.rows) + parsed.skipped_rows))
                .replace("%2", parsed.encoding).replace("%3", repr(parsed.delimiter))
            )
        self.counts.style().unpolish(self.counts)
        self.counts.style().polish(self.counts)
        self.import_button.setEnabled(refusal is None and self.outlook.add > 0
                                      and self.event_box.count() > 0)

    def _counts_text(self, outlook: ImportPreview) -> str:
        text = (self.tr("Would add %1 lead(s); %2 already at the event; %3 skipped.")
                .replace("%1", format_int(outlook.add))
                .replace("%2", format_int(outlook.duplicates))
                .replace("%3", format_int(outlook.parsed.skipped_rows)))
        reasons = [
            self.tr("%1: %2").replace("%1", QCoreApplication.translate("ImportDialog", SKIP_LABELS[k]))
            .replace("%2", format_int(n))
            for k, n in sorted(outlook.reasons.items())
        ]
        if reasons:
            text += " " + self.tr("Skipped: %1.").replace("%1", "; ".join(reasons))
        return text

    def _on_event_changed(self, _index: int) -> None:
        if self.path is not None and self.outlook is not None:
            self._preview(self.mapping())  # rows already at the new event count as duplicates

    def mapping(self) -> dict[str, str | None]:
        return {h: box.currentData() for h, box in self._mapping_boxes.items()}

    def _on_mapping_changed(self, _index: int) -> None:
        self._preview(self.mapping())

    def start_import(self) -> Any:
        """Import every row on the writer lane, in batches, with progress."""
        if self.data is None or self.event_box.currentData() is None:
            return None
        data, mapping = self.data, self.mapping()
        event_id = self.event_box.currentData()
        region = self._phone_region()
        consent = self.services.settings.consent_text_version
        uid = self.services.user.get("id")
        local = {"owner_id": uid, "captured_by": uid} if uid else None
        book = self.book

        def job(ctx: Any) -> tuple[ImportSummary, list[str]]:
            parsed = read_lead_csv(data, mapping, event_id=event_id, default_region=region,
                                   **_consent_terms(book, event_id, consent))
            if parsed.refusal is not None:  # the preview said so; the file may have changed
                raise ValueError(parsed.refusal)
            total = len(parsed.rows)

            def progress(done: int) -> None:
                ctx.progress(done, total, "")
                ctx.check()

            rows = ((r.line, r.fields) for r in parsed.rows)
            return book.import_leads(event_id, rows, local_fields=local, progress=progress), parsed.problems

        self.import_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        task = self.services.tasks.write("import leads", job)
        task.progressed.connect(when_alive(self, self._on_import_progressed))
        task.finished.connect(when_alive(self, self._on_imported))
        task.failed.connect(when_alive(self, self._on_import_failed))
        return task

    def _on_import_failed(self, message: str) -> None:
        """The import stopped (a full disk says how far it got); what it saved stays, and
        importing again skips it."""
        self.progress.setVisible(False)
        self.status.setText(self.tr("Import stopped: %1").replace("%1", message))
        self.import_button.setEnabled(True)

    def _on_import_progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_imported(self, result: tuple[ImportSummary, list[str]]) -> None:
        summary, problems = result
        self.summary = summary
        self.progress.setVisible(False)
        lines = problems + [f"line {line}: not imported: {msg}" for line, msg in summary.problems]
        self._show_problems(lines[:2000])
        self.counts.clear()
        self.status.setText(
            self.tr("Imported %1 lead(s); %2 skipped as already at the event; %3 problem(s).")
            .replace("%1", format_int(summary.imported)).replace("%2", format_int(summary.duplicates))
            .replace("%3", format_int(len(lines)))
        )


class ExportDialog(QDialog):
    """Choose a format and an event; the file is built and written on the parallel lane."""

    def __init__(self, services: Services, book: LeadBook, event_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = book
        self.written: Path | None = None
        self.left_out = 0
        self.setWindowTitle(self.tr("Export leads"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format_box = ChoiceBox()
        for fmt in EXPORT_FORMATS:
            self.format_box.addItem(QCoreApplication.translate("ExportDialog", FORMAT_LABELS[fmt][0]), fmt)
        self.event_box = ChoiceBox()
        self.event_box.addItem(self.tr("All events"), None)
        for e in book.events():
            self.event_box.addItem(e.get("name") or e["id"], e["id"])
        if event_id:
            self.event_box.setCurrentIndex(max(0, self.event_box.findData(event_id)))
        # Marketing formats leave out leads without consent unless this is ticked
        # (`fieldnote.leads.marketing_selection`); the others hold every lead.
        self.include_no_consent = QCheckBox(self.tr("Include leads without consent, marked as "
                                                    "opted out"))
        self.include_no_consent.setObjectName("include_no_consent")
        self.include_no_consent.setToolTip(self.tr(
            "Without this, leads whose visitor did not agree to be contacted are left out of "
            "the CRM file."))
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow(self.tr("Leads of"), self.event_box)
        # The whole row: its text says what it is about, and beside a label it would not fit
        # the narrowest dialog in German.
        form.addRow(self.include_no_consent)
        layout.addLayout(form)
        self.format_box.currentIndexChanged.connect(self._on_format_box_changed)
        self._on_format_box_changed()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(self.tr("Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setProperty("primary", True)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self._on_export_clicked)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_format_box_changed(self, _index: int = 0) -> None:
        self.include_no_consent.setEnabled(self.format_box.currentData() in MARKETING_EXPORTS)

    def _on_export_clicked(self) -> None:
        fmt = self.format_box.currentData()
        suffix = FORMAT_LABELS[fmt][1]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export leads"), f"leads{suffix}",
                                              f"*{suffix}")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> Any:
        fmt = self.format_box.currentData()
        event_id = self.event_box.currentData()
        include = self.include_no_consent.isChecked()
        book = self.book

        def job(ctx: Any) -> LeadExport:
            event = book.event(event_id) if event_id else None
            result = book.export_file(fmt, event, include_no_consent=include,
                                      progress=lambda done, total: ctx.progress(done, total, ""))
            atomic_write(path, result.data)
            # The hub's audit log learns of it at the next sync (docs/privacy.md).
            book.record_export(fmt, event_id or None, result, include_no_consent=include,
                               origin=EXPORT_WINDOW)
            return result

        self.export_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Building %1…").replace("%1", path.name))
        task = self.services.tasks.run("export leads", job)
        task.progressed.connect(when_alive(self, self._on_progressed))
        task.finished.connect(when_alive(self, lambda result, p=path: self._on_written(p, result)))
        task.failed.connect(when_alive(self, self._on_failed))
        return task

    def _on_progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_written(self, path: Path, result: LeadExport) -> None:
        self.written = path
        self.left_out = result.left_out
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        text = self.tr("Wrote %1 (%2 KB).").replace("%1", str(path)).replace(
            "%2", format_int(len(result.data) / 1024))
        if result.left_out:
            text += " " + self.tr("Left out %n lead(s) without consent to be contacted.", "",
                                  result.left_out)
        self.status.setText(text)

    def _on_failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Export failed: %1").replace("%1", message))
