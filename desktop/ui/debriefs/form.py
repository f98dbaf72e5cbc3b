"""The debrief form: what a rep fills in after a call, saved as a draft a couple of seconds after
typing stops and when the form closes, and checked field by field on submit.

Writes go through the task runner's writer lane; the form never holds the only copy of what was
typed for longer than the autosave delay.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_time
from desktop.ui.debriefs.inputs import CollateralUsedEdit, ReasonPicker, TagEdit
from desktop.ui.services import Services
from desktop.ui.translations import QT_TRANSLATE_NOOP
from fieldnote.debriefs import check_debrief
from fieldnote.kinds import CALL_TYPES, DEBRIEF_OUTCOMES, DEBRIEF_STAGES
from fieldnote.validation import FieldError, ValidationFailed

# Labels are marked for extraction here and translated where they are shown (`field_label`,
# `choice_label`), in the one context "DebriefLabels" that the form, feed and detail share.
FIELD_LABELS = {
    "account": QT_TRANSLATE_NOOP("DebriefLabels", "Account"),
    "contacts": QT_TRANSLATE_NOOP("DebriefLabels", "Contacts"),
    "lead_id": QT_TRANSLATE_NOOP("DebriefLabels", "Follows up lead"),
    "call_date": QT_TRANSLATE_NOOP("DebriefLabels", "Call date"),
    "call_type": QT_TRANSLATE_NOOP("DebriefLabels", "Call type"),
    "stage": QT_TRANSLATE_NOOP("DebriefLabels", "Stage"),
    "outcome": QT_TRANSLATE_NOOP("DebriefLabels", "Outcome"),
    "why_buy": QT_TRANSLATE_NOOP("DebriefLabels", "Why they buy"),
    "reasons_buy": QT_TRANSLATE_NOOP("DebriefLabels", "Why they buy, in their words"),
    "why_not": QT_TRANSLATE_NOOP("DebriefLabels", "Why not"),
    "reasons_not": QT_TRANSLATE_NOOP("DebriefLabels", "Why not, in their words"),
    "pain_points": QT_TRANSLATE_NOOP("DebriefLabels", "Pain points"),
    "objections": QT_TRANSLATE_NOOP("DebriefLabels", "Objections"),
    "competitors": QT_TRANSLATE_NOOP("DebriefLabels", "Competitors"),
    "collateral_used": QT_TRANSLATE_NOOP("DebriefLabels", "Collateral used"),
    "next_steps": QT_TRANSLATE_NOOP("DebriefLabels", "Next steps"),
    "follow_up_on": QT_TRANSLATE_NOOP("DebriefLabels", "Follow up on"),
    "notes": QT_TRANSLATE_NOOP("DebriefLabels", "Notes"),
    "status": QT_TRANSLATE_NOOP("DebriefLabels", "Status"),
}
# One label per value of fieldnote.kinds' CALL_TYPES, DEBRIEF_STAGES and DEBRIEF_OUTCOMES.
CHOICE_LABELS = {
    "discovery": QT_TRANSLATE_NOOP("DebriefLabels", "Discovery"),
    "demo": QT_TRANSLATE_NOOP("DebriefLabels", "Demo"),
    "negotiation": QT_TRANSLATE_NOOP("DebriefLabels", "Negotiation"),
    "renewal": QT_TRANSLATE_NOOP("DebriefLabels", "Renewal"),
    "other": QT_TRANSLATE_NOOP("DebriefLabels", "Other"),
    "advanced": QT_TRANSLATE_NOOP("DebriefLabels", "Advanced"),
    "won": QT_TRANSLATE_NOOP("DebriefLabels", "Won"),
    "lost": QT_TRANSLATE_NOOP("DebriefLabels", "Lost"),
    "stalled": QT_TRANSLATE_NOOP("DebriefLabels", "Stalled"),
    "no_decision": QT_TRANSLATE_NOOP("DebriefLabels", "No decision"),
    "prospect": QT_TRANSLATE_NOOP("DebriefLabels", "Prospect"),
    "qualify": QT_TRANSLATE_NOOP("DebriefLabels", "Qualify"),
    "propose": QT_TRANSLATE_NOOP("DebriefLabels", "Propose"),
    "negotiate": QT_TRANSLATE_NOOP("DebriefLabels", "Negotiate"),
    "closed": QT_TRANSLATE_NOOP("DebriefLabels", "Closed"),
}


def field_label(name: str) -> str:
    """The translated label of a debrief field (the field's name when it has none)."""
    label = FIELD_LABELS.get(name)
    return QCoreApplication.translate("DebriefLabels", label) if label else name


def choice_label(value: str) -> str:
    """The translated label of a call type, stage or outcome value."""
    label = CHOICE_LABELS.get(value)
    if label:
        return QCoreApplication.translate("DebriefLabels", label)
    return value.replace("_", " ").capitalize()


def _qdate(text: str | None) -> QDate | None:
    if not text:
        return None
    date = QDate.fromString(text, "yyyy-MM-dd")
    return date if date.isValid() else None


# The form's width from which its fields sit two to a row.
TWO_COLUMNS_FROM = 600


class DebriefForm(QWidget):
    """Edits one debrief (new or a draft). `debriefs` is the job's store interface."""

    closed = Signal(str)
    submitted = Signal(str)
    autosaved = Signal(str)  # "record" or "form": how the draft was kept

    def __init__(self, services: Services, debriefs: Any, record_id: str,
                 values: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.debriefs = debriefs
        self.record_id = record_id
        self._dirty = False
        self._loading = True
        self._pending_saves = 0
        self.completions_loaded = False
        self._errors: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}
        self._cells: list[tuple[QLabel, QWidget, QLabel, int]] = []
        self._columns = 0
        self._stretch_row = 0
        self._build()
        self._load_lookups()
        self.set_values(values or {"call_date": dt.date.today().isoformat()})
        self._loading = False
        self._timer = QTimer(self, singleShot=True, interval=max(50, services.settings.debrief_autosave_ms))
        self._timer.timeout.connect(self.autosave)

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.heading = QLabel(self.tr("Debrief"))
        self.heading.setProperty("role", "subtitle")
        bar.addWidget(self.heading)
        bar.addStretch(1)
        self.save_state = QLabel()
        self.save_state.setObjectName("saveState")
        self.save_state.setProperty("role", "muted")
        bar.addWidget(self.save_state)
        self.discard_button = QPushButton(self.tr("Discard draft"))
        self.discard_button.clicked.connect(self._on_discard_clicked)
        bar.addWidget(self.discard_button)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close_form)
        bar.addWidget(self.close_button)
        self.submit_button = QPushButton(self.tr("Submit"))
        self.submit_button.setProperty("primary", True)
        self.submit_button.clicked.connect(self.submit)
        self.submit_button.setToolTip(self.tr("Submit (Ctrl+Enter)"))
        bar.addWidget(self.submit_button)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.autosave)
        # Esc leaves the form as it leaves the capture form: nothing typed is lost (the draft
        # is saved on the way out). An open completion list or calendar closes first.
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.close_form)
        outer.addLayout(bar)
        self.form_error = QLabel()
        self.form_error.setProperty("state", "bad")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        outer.addWidget(self.form_error)

        scroll = QScrollArea()
        # Not a Tab stop of its own: its fields are, and focus scrolls them into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        inner.setObjectName("page")
        self.grid = QGridLayout(inner)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(2)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)
        self._row = 0

        self.account = QLineEdit()
        self.account.setPlaceholderText(self.tr("Company you spoke with"))
        self._account_model = QStringListModel(self)
        completer = QCompleter(self._account_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.account.setCompleter(completer)
        self.account.editingFinished.connect(self._on_account_editing_finished)
        self.contacts = QLineEdit()
        self.contacts.setPlaceholderText(self.tr("Who was on the call"))
        self._pair("account", self.account, "contacts", self.contacts)

        self.lead = QComboBox()
        self.lead.addItem(self.tr("No lead"), None)
        self.call_date = QDateEdit()
        self.call_date.setCalendarPopup(True)
        self.call_date.setDisplayFormat("yyyy-MM-dd")
        self._pair("lead_id", self.lead, "call_date", self.call_date)

        self.call_type = self._choices(CALL_TYPES)
        self.stage = self._choices(DEBRIEF_STAGES)
        self._pair("call_type", self.call_type, "stage", self.stage)
        self.outcome = self._choices(DEBRIEF_OUTCOMES)
        follow = QWidget()
        fl = QHBoxLayout(follow)
        fl.setContentsMargins(0, 0, 0, 0)
        self.follow_up_set = QCheckBox(self.tr("Set"))
        self.follow_up_on = QDateEdit()
        self.follow_up_on.setAccessibleName(self.tr("Follow up on"))
        self.follow_up_on.setCalendarPopup(True)
        self.follow_up_on.setDisplayFormat("yyyy-MM-dd")
        self.follow_up_on.setEnabled(False)
        self.follow_up_set.toggled.connect(self.follow_up_on.setEnabled)
        fl.addWidget(self.follow_up_set)
        fl.addWidget(self.follow_up_on, 1)
        self._pair("outcome", self.outcome, "follow_up_on", follow)

        self.why_buy = ReasonPicker()
        self.why_not = ReasonPicker()
        self._pair("why_buy", self.why_buy, "why_not", self.why_not)
        self.reasons_buy = self._text(self.tr("What made them lean in"))
        self.reasons_not = self._text(self.tr("What held them back"))
        self._pair("reasons_buy", self.reasons_buy, "reasons_not", self.reasons_not)
        self.objections = TagEdit(self.tr("Price, Timing, …"))
        self.competitors = TagEdit(self.tr("Who else they are talking to"))
        self._pair("objections", self.objections, "competitors", self.competitors)
        self.pain_points = self._text(self.tr("Problems they want solved"))
        self.next_steps = self._text(self.tr("Who does what by when"))
        self._pair("pain_points", self.pain_points, "next_steps", self.next_steps)
        self.collateral_used = CollateralUsedEdit()
        self._wide("collateral_used", self.collateral_used)
        self.notes = self._text(self.tr("Anything else marketing should know"))
        self._wide("notes", self.notes)
        self._place_cells(2)

        for widget in (self.account, self.contacts):
            widget.textEdited.connect(self._on_edited)
        for combo in (self.lead, self.call_type, self.stage, self.outcome):
            combo.currentIndexChanged.connect(self._on_edited)
        for date in (self.call_date, self.follow_up_on):
            date.dateChanged.connect(self._on_edited)
        self.follow_up_set.toggled.connect(self._on_edited)
        for text in (self.reasons_buy, self.reasons_not, self.pain_points, self.next_steps, self.notes):
            text.textChanged.connect(self._on_edited)
        for tagged in (self.why_buy, self.why_not, self.objections, self.competitors, self.collateral_used):
            tagged.edited.connect(self._on_edited)

    def _choices(self, values: tuple[str, ...]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("—"), None)
        for value in values:
            combo.addItem(choice_label(value), value)
        return combo

    def _text(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(64)
        edit.setMaximumHeight(110)
        return edit

    def _cell(self, name: str, widget: QWidget, row: int, col: int, span: int = 1) -> None:
        label = QLabel(field_label(name) + (" *" if name in ("account", "call_date") else ""))
        label.setProperty("role", "muted")
        label.setBuddy(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setProperty("state", "bad")
        error.setWordWrap(True)
        error.hide()
        self._errors[name] = error
        self._inputs[name] = widget
        self._cells.append((label, widget, error, span))

    def _pair(self, left: str, lw: QWidget, right: str, rw: QWidget) -> None:
        self._cell(left, lw, self._row, 0)
        self._cell(right, rw, self._row, 1)
        self._row += 3

    def _wide(self, name: str, widget: QWidget) -> None:
        self._cell(name, widget, self._row, 0, 2)
        self._row += 3

    def _place_cells(self, columns: int) -> None:
        """The fields two to a row on a wide form, one under the other on a narrow one (in
        the order Tab takes them either way)."""
        if columns == self._columns:
            return
        for label, widget, error, _span in self._cells:
            for part in (label, widget, error):
                self.grid.removeWidget(part)
        self.grid.setRowStretch(self._stretch_row, 0)
        row = column = 0
        for label, widget, error, span in self._cells:
            wide = span > 1 or columns == 1
            if wide and column:
                row, column = row + 3, 0
            width = columns if wide else 1
            self.grid.addWidget(label, row, column, 1, width)
            self.grid.addWidget(widget, row + 1, column, 1, width)
            self.grid.addWidget(error, row + 2, column, 1, width)
            column += width
            if column >= columns:
                row, column = row + 3, 0
        self._stretch_row = row + (3 if column else 0)
        self.grid.setRowStretch(self._stretch_row, 1)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1 if columns == 2 else 0)
        self._columns = columns

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._place_cells(2 if event.size().width() >= TWO_COLUMNS_FROM else 1)
        super().resizeEvent(event)

    def _load_lookups(self) -> None:
        # Completions read every debrief filed so far: the parallel lane fetches them while the
        # rep starts typing. Reason lists and the library are small and needed to show values.
        debriefs = self.debriefs
        task = self.services.tasks.run("debrief completions", lambda _ctx: debriefs.completions())
        task.finished.connect(self._on_completions_loaded)
        lists = self.debriefs.reason_lists()
        self.why_buy.set_reasons(lists.get("why_buy", []), [])
        self.why_not.set_reasons(lists.get("why_not", []), [])
        self.collateral_used.set_library(self.debriefs.collateral_titles())

    def _on_completions_loaded(self, found: dict[str, list[str]]) -> None:
        self._account_model.setStringList(found.get("accounts", []))
        self.objections.set_suggestions(found.get("objections", []))
        self.competitors.set_suggestions(found.get("competitors", []))
        self.completions_loaded = True

    def apply_reason_lists(self, lists: dict[str, list[str]]) -> None:
        """Marketing changed a reason list: show the new one, keep what is ticked."""
        self.why_buy.set_reasons(lists.get("why_buy", []))
        self.why_not.set_reasons(lists.get("why_not", []))

    # -- values --------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as debrief fields (raw: blanks stay blank; the store tidies them)."""
        return {
            "account": self.account.text(),
            "contacts": self.contacts.text(),
            "lead_id": self.lead.currentData(),
            "call_date": self.call_date.date().toString("yyyy-MM-dd"),
            "call_type": self.call_type.currentData(),
            "stage": self.stage.currentData(),
            "outcome": self.outcome.currentData(),
            "why_buy": self.why_buy.checked(),
            "reasons_buy": self.reasons_buy.toPlainText(),
            "why_not": self.why_not.checked(),
            "reasons_not": self.reasons_not.toPlainText(),
            "pain_points": self.pain_points.toPlainText(),
            "objections": self.objections.tags(),
            "competitors": self.competitors.tags(),
            "collateral_used": self.collateral_used.value(),
            "next_steps": self.next_steps.toPlainText(),
            "follow_up_on": (self.follow_up_on.date().toString("yyyy-MM-dd")
                             if self.follow_up_set.isChecked() else None),
            "notes": self.notes.toPlainText(),
        }

    def set_values(self, values: dict[str, Any]) -> None:
        loading, self._loading = self._loading, True
        self.account.setText(str(values.get("account") or ""))
        self.contacts.setText(str(values.get("contacts") or ""))
        self._fill_leads(values.get("lead_id"))
        self.call_date.setDate(_qdate(values.get("call_date")) or QDate.currentDate())
        for combo, name in ((self.call_type, "call_type"), (self.stage, "stage"), (self.outcome, "outcome")):
            combo.setCurrentIndex(max(0, combo.findData(values.get(name))))
        self.why_buy.set_checked(values.get("why_buy"))
        self.why_not.set_checked(values.get("why_not"))
        for edit, name in ((self.reasons_buy, "reasons_buy"), (self.reasons_not, "reasons_not"),
                           (self.pain_points, "pain_points"), (self.next_steps, "next_steps"),
                           (self.notes, "notes")):
            edit.setPlainText(str(values.get(name) or ""))
        self.objections.set_tags(values.get("objections"))
        self.competitors.set_tags(values.get("competitors"))
        self.collateral_used.set_value(values.get("collateral_used"))
        follow = _qdate(values.get("follow_up_on"))
        self.follow_up_set.setChecked(follow is not None)
        self.follow_up_on.setDate(follow or self.call_date.date().addDays(7))
        self._loading = loading

    def _fill_leads(self, selected: Any = None) -> None:
        current = selected if selected is not None else self.lead.currentData()
        self.lead.blockSignals(True)
        self.lead.clear()
        self.lead.addItem(self.tr("No lead"), None)
        choices = self.debriefs.lead_choices(self.account.text()) if self.account.text().strip() else []
        for lead_id, label in choices:
            self.lead.addItem(label, lead_id)
        if current and self.lead.findData(current) < 0:
            self.lead.addItem(self.debriefs.lead_label(current) or self.tr("(lead not on this device)"), current)
        self.lead.setCurrentIndex(max(0, self.lead.findData(current)))
        self.lead.blockSignals(False)

    def _on_account_editing_finished(self) -> None:
        self._fill_leads()

    # -- saving --------------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _on_edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        self.save_state.setText(self.tr("Editing…"))
        self._timer.start()

    def autosave(self) -> None:
        """Write the draft now (on the writer lane) if anything changed since the last save."""
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        values = self.values()
        record_id, user_id, debriefs = self.record_id, str(self.services.user.get("id") or ""), self.debriefs
        self._pending_saves += 1
        task = self.services.tasks.write(
            "debrief autosave", lambda _ctx: debriefs.autosave(record_id, values, user_id))
        task.finished.connect(self._on_autosave_finished)
        task.failed.connect(self._on_autosave_failed)

    def _on_autosave_finished(self, result: Any) -> None:
        self._pending_saves -= 1
        now = format_time(dt.datetime.now())
        if result.kept_as == "record":
            self.save_state.setText(self.tr("Draft saved at %1").replace("%1", now))
        else:
            self.save_state.setText(self.tr("Draft kept on this device at %1 (add an account to queue it)").replace("%1", now))
        self.autosaved.emit(result.kept_as)

    def _on_autosave_failed(self, message: str) -> None:
        self._pending_saves -= 1
        self._dirty = True
        self.save_state.setText(self.tr("Not saved: %1").replace("%1", message))

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        # Closing the window, switching pages or closing the form all hide it: save now.
        self.autosave()
        super().hideEvent(event)

    def close_form(self) -> None:
        self.autosave()
        self.closed.emit(self.record_id)

    def _on_discard_clicked(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Discard draft"),
            self.tr("Throw this draft away? What you typed cannot be brought back."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            self.discard()

    def discard(self) -> None:
        """Throw the draft away (its kept form, and the draft record with its delete queued)."""
        self._timer.stop()
        self._dirty = False
        record_id, debriefs = self.record_id, self.debriefs
        self.services.tasks.write("discard debrief draft", lambda _ctx: debriefs.discard(record_id))
        self.closed.emit(self.record_id)

    # -- submitting ----------------------------------------------------------------------

    def show_errors(self, errors: list[FieldError]) -> None:
        for shown in self._errors.values():
            shown.hide()
        general: list[str] = []
        for error in errors:
            label = self._errors.get(error.field)
            text = self.tr("%1 %2.").replace("%1", field_label(error.field)).replace("%2", error.message)
            if label is None:
                general.append(text)
                continue
            label.setText(text)
            label.show()
        self.form_error.setText(" ".join(general))
        self.form_error.setVisible(bool(general))
        if errors and errors[0].field in self._inputs:
            self._inputs[errors[0].field].setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, name: str) -> str:
        label = self._errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def submit(self) -> bool:
        """Check the debrief like every submit does; queue it when it passes."""
        values = self.values()
        try:
            check_debrief(values)
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            self.save_state.setText(self.tr("Fix the marked fields to submit"))
            self.autosave()
            return False
        self.show_errors([])
        self._timer.stop()
        self._dirty = False
        record_id, user_id, debriefs = self.record_id, str(self.services.user.get("id") or ""), self.debriefs
        self.submit_button.setEnabled(False)
        task = self.services.tasks.write(
            "submit debrief", lambda _ctx: debriefs.submit(record_id, values, user_id))
        task.finished.connect(self._on_submit_finished)
        task.failed.connect(self._on_submit_failed)
        return True

    def _on_submit_finished(self, _result: Any) -> None:
        self.save_state.setText(self.tr("Submitted; it goes to marketing on the next sync"))
        self.submitted.emit(self.record_id)

    def _on_submit_failed(self, message: str) -> None:
        self.submit_button.setEnabled(True)
        self._dirty = True
        self.form_error.setText(self.tr("Not submitted: %1").replace("%1", message))
        self.form_error.show()
