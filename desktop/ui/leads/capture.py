"""The capture screen: scan or type a visitor, answer the rubric, press Enter, next visitor.

Keyboard-first: the focus rests on the scan field; Enter saves (record and outbox entry in one
transaction, on the writer lane) and the form clears; Ctrl+Z reopens the last lead. Nothing
typed or scanned is dropped: text that does not fit is refused with a message and left where
it was, and a save that fails puts the visitor back into the form.

A visitor not saved yet is a draft, kept on disk a moment after each change (and at once when
the page hides or the window closes), so a crash, a page switch or a sign-out loses nothing.
A new scan over an unsaved visitor saves that visitor first when it can be saved, else holds
it as a draft; held drafts are offered back above the form until opened or discarded.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QMimeData,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.store.consent import ConsentBook
from desktop.store.goals import GoalBook
from desktop.store.leads import LeadBook
from desktop.ui.common.guard import when_alive
from desktop.ui.common.offers import show_offer
from desktop.ui.leads.attachment_views import (
    PendingStrip,
    guarded,
    keep_pending_thumbnail,
    photo_job,
)
from desktop.ui.leads.attachments_controller import ClipRoutes, PendingMedia
from desktop.ui.leads.barcodes import IMAGE_SUFFIXES, Decoded, decode_file
from desktop.ui.leads.camera_panel import CameraPanel
from desktop.ui.leads.capture_controller import (
    CONTACT_FIELDS,
    CaptureController,
    Problem,
    Write,
    person,
)
from desktop.ui.leads.choice_box import ChoiceBox
from desktop.ui.leads.early_capture import EarlyCapture
from desktop.ui.leads.goal_counter import GoalCounter
from desktop.ui.leads.rubric_form import RubricForm
from desktop.ui.leads.scan_field import ScanField
from desktop.ui.leads.send_dialog import ask_and_queue, may_send
from desktop.ui.services import Services
from fieldnote.badges import parse_badge
from fieldnote.contacts import check_email, normalize_phone
from fieldnote.duplicates import Match, merge_leads
from fieldnote.kinds import LEAD, NAME_MAX, TEXT_MAX
from fieldnote.leads import phone_region
from fieldnote.lookup import FROM_CACHE, lookup_key
from fieldnote.validation import strip_control, utc_now_iso

log = logging.getLogger(__name__)

def field_labels() -> dict[str, str]:
    """The form's label of each contact field (and of notes and the scan), translated."""
    # Spelled out in full: lupdate extracts `QCoreApplication.translate(...)`, not an alias.
    return {
        "first_name": QCoreApplication.translate("CapturePanel", "First name"),
        "last_name": QCoreApplication.translate("CapturePanel", "Last name"),
        "email": QCoreApplication.translate("CapturePanel", "Email"),
        "phone": QCoreApplication.translate("CapturePanel", "Phone"),
        "company": QCoreApplication.translate("CapturePanel", "Company"),
        "title": QCoreApplication.translate("CapturePanel", "Job title"),
        "country": QCoreApplication.translate("CapturePanel", "Country"),
        "badge_id": QCoreApplication.translate("CapturePanel", "Badge id"),
        "notes": QCoreApplication.translate("CapturePanel", "Notes"),
        "badge_raw": QCoreApplication.translate("CapturePanel", "The scan"),
    }
# Jumps from anywhere in the form to the first qualification question (shown in the hint).
RUBRIC_SHORTCUT = "Ctrl+R"
# "Already known?" is asked when typing in the email field pauses this long.
LOOKUP_PAUSE_MS = 600
# The notes editor accepts this much so a long paste is shown and can be shortened; a save
# needs the notes within TEXT_MAX.
NOTES_EDITOR_MAX = 1_000_000


def system_territory() -> str:
    """The country code of the system's locale ("DE"), "" when it names none."""
    return QLocale.territoryToCode(QLocale.system().territory())


def default_phone_region(chosen: str, event_country: str | None = None) -> str:
    """The region for phone numbers typed without +country: the setting, else the event's
    country, else the system locale's (`fieldnote.leads.phone_region`)."""
    return phone_region(chosen, event_country, system_territory())


def _set_look(widget: QWidget, name: str, value: str) -> None:
    """Set a style property and repolish only when it changes (repolishing costs ms)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class NotesEdit(QPlainTextEdit):
    """Notes that refuse a paste too large to show; what was refused stays on the clipboard."""

    refused = Signal(str)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        text = source.text() if source.hasText() else ""
        if len(self.toPlainText()) + len(text) > NOTES_EDITOR_MAX:
            self.refused.emit(
                self.tr("That paste is %1 characters; notes hold at most %2. Nothing was "
                        "pasted and it is still on your clipboard.")
                .replace("%1", f"{len(text):,}").replace("%2", f"{TEXT_MAX:,}")
            )
            return
        super().insertFromMimeData(source)


class _SaveKeys(QObject):
    """Enter in a one-line field saves; Ctrl+Enter saves from anywhere, notes included."""

    def __init__(self, capture: CapturePanel) -> None:
        super().__init__(capture)
        self.capture = capture

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if isinstance(obj, QPushButton):
                    obj.click()  # Enter presses the focused button of the duplicate bar
                    return True
                ctrl = bool(key_event.modifiers() & Qt.KeyboardModifier.ControlModifier)
                if ctrl or not isinstance(obj, QPlainTextEdit):
                    if isinstance(obj, QComboBox) and obj.view().isVisible():
                        return False
                    self.capture.save()
                    return True
        return False


# The least width of the capture form with qualification beside the contact card, not under
# it (wider still when the cards need more).
SIDE_BY_SIDE_FROM = 760


class CapturePanel(QWidget):
    """One visitor at a time; `lead_saved(id)` after each commit."""

    lead_saved = Signal(str)

    def __init__(self, services: Services, book: LeadBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = book
        self.setAcceptDrops(True)
        # The decisions (and the state that is not a widget) live in the controller.
        self.flow = CaptureController(
            book, user_id=services.user.get("id"),
            consent_text_version=services.settings.consent_text_version)
        # What the form holds beyond its widgets: the scan as it came and what came with it.
        self._badge_raw: str | None = None
        self._address: str | None = None
        self._source = "manual"
        self._consent_at: str | None = None
        self._collateral: dict[str, str] = {}
        self._likely: Match | None = None
        self._scan_unread = False
        self._keys = _SaveKeys(self)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        # -- event and counter --
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Event")))
        self.event_box = ChoiceBox()
        self.event_box.setMinimumWidth(260)
        self.event_box.setAccessibleName(self.tr("Event"))
        self.event_box.currentIndexChanged.connect(self._on_event_box_changed)
        top.addWidget(self.event_box)
        top.addStretch(1)
        self.counter = QLabel()
        self.counter.setObjectName("captureCounter")
        self.counter.setProperty("role", "muted")
        top.addWidget(self.counter)
        outer.addLayout(top)
        # Booth goals: "you" live from this store, "the team" as of the last sync.
        self.goal_counter = GoalCounter(services, GoalBook(services.store, book.reader),
                                        self.current_event_id)
        outer.addWidget(self.goal_counter)

        # -- scan row --
        scan_row = QHBoxLayout()
        self.scan = ScanField()
        self.scan.setAccessibleName(self.tr("Scan"))
        self.scan.setPlaceholderText(
            self.tr("Scan a badge, paste a vCard, or type an email or badge number, then Enter")
        )
        self.scan.scanned.connect(self._on_scan_scanned)
        self.scan.save_requested.connect(self.save)
        self.scan.reopen_requested.connect(self.reopen_last)
        self.scan.refused.connect(self.show_problem)
        scan_row.addWidget(self.scan, 1)
        self.photo_button = QPushButton(self.tr("Badge photo…"))
        self.photo_button.setToolTip(self.tr("Read a QR, PDF417, Code 128 or DataMatrix code from a photo (or drop one here)"))
        self.photo_button.clicked.connect(self._on_photo_button_clicked)
        scan_row.addWidget(self.photo_button)
        self.camera_button = QPushButton()
        self.camera_button.setObjectName("cameraButton")
        self.camera_button.setCheckable(True)
        self.camera_button.toggled.connect(self._on_camera_toggled)
        scan_row.addWidget(self.camera_button)
        # Beside the scan field, not the event: a narrow window keeps the event's name whole.
        self.quick_scan = QCheckBox(self.tr("Quick scan"))
        self.quick_scan.setObjectName("quickScan")
        self.quick_scan.setToolTip(self.tr(
            "Each scan is saved at once as a lead to qualify later: one keystroke per visitor"))
        self.quick_scan.toggled.connect(self._on_quick_scan_toggled)
        scan_row.addWidget(self.quick_scan)
        self.queue_button = QPushButton()
        self.queue_button.setObjectName("toQualifyButton")
        self.queue_button.setAccessibleName(self.tr("Qualify the quick scans of this event"))
        self.queue_button.setToolTip(self.tr("Walk through this event's quick scans with the "
                                             "rubric, oldest first"))
        self.queue_button.clicked.connect(self.start_queue)
        self.queue_button.setVisible(False)
        scan_row.addWidget(self.queue_button)
        outer.addLayout(scan_row)
        # The camera reads badges like a scanner: each new code is a scan.
        self.camera = CameraPanel(services.settings)
        self.camera.scanned.connect(lambda text: self._on_scan_scanned(text, "scan"))
        self.camera.stopped.connect(self._on_camera_stopped)
        outer.addWidget(self.camera)  # the cameras are listed when the form first shows

        self.message = QLabel()
        self.message.setObjectName("captureMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.message)

        # -- duplicate bar --
        self.duplicate_bar = QFrame()
        self.duplicate_bar.setObjectName("card")
        bar = QHBoxLayout(self.duplicate_bar)
        self.duplicate_label = QLabel()
        self.duplicate_label.setWordWrap(True)
        bar.addWidget(self.duplicate_label, 1)
        self.merge_button = QPushButton(self.tr("Merge into it"))
        self.merge_button.setProperty("primary", True)
        self.merge_button.clicked.connect(self.merge_duplicate)
        self.open_button = QPushButton(self.tr("Open it"))
        self.open_button.clicked.connect(self.open_duplicate)
        self.new_button = QPushButton(self.tr("Save as new"))
        self.new_button.clicked.connect(self.save_as_new)
        self.cancel_dup_button = QPushButton(self.tr("Back"))
        self.cancel_dup_button.clicked.connect(self._hide_duplicate)
        for b in (self.merge_button, self.open_button, self.new_button, self.cancel_dup_button):
            bar.addWidget(b)
            b.installEventFilter(self._keys)
        self.duplicate_bar.setVisible(False)
        outer.addWidget(self.duplicate_bar)

        # -- held visitors: drafts not in the form, offered back until opened or discarded --
        self.held_bar = QFrame()
        self.held_bar.setObjectName("card")
        held = QHBoxLayout(self.held_bar)
        self.held_label = QLabel()
        self.held_label.setObjectName("heldVisitors")
        self.held_label.setWordWrap(True)
        held.addWidget(self.held_label, 1)
        self.open_held_button = QPushButton(self.tr("Open held visitor"))
        self.open_held_button.setAccessibleName(self.tr("Open the oldest held visitor"))
        self.open_held_button.clicked.connect(self.open_held)
        self.discard_held_button = QPushButton(self.tr("Discard it…"))
        self.discard_held_button.setAccessibleName(self.tr("Discard the oldest held visitor"))
        self.discard_held_button.clicked.connect(self.discard_held)
        for b in (self.open_held_button, self.discard_held_button):
            held.addWidget(b)
            b.installEventFilter(self._keys)
        self.held_bar.setVisible(False)
        outer.addWidget(self.held_bar)

        # -- the "to qualify" walk: one quick scan at a time, oldest first --
        self.queue_bar = QFrame()
        self.queue_bar.setObjectName("card")
        queue = QHBoxLayout(self.queue_bar)
        self.queue_label = QLabel()
        self.queue_label.setObjectName("toQualifyLeft")
        self.queue_label.setWordWrap(True)
        queue.addWidget(self.queue_label, 1)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setAccessibleName(self.tr("Skip this visitor for now"))
        self.skip_button.clicked.connect(self.skip_queued)
        self.stop_queue_button = QPushButton(self.tr("Stop qualifying"))
        self.stop_queue_button.clicked.connect(self.stop_queue)
        for b in (self.skip_button, self.stop_queue_button):
            queue.addWidget(b)
            b.installEventFilter(self._keys)
        self.queue_bar.setVisible(False)
        outer.addWidget(self.queue_bar)

        # -- the form: contact on the left, qualification on the right --
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        host = QWidget()
        host.setObjectName("page")  # the theme's page background, as in the other forms
        grid = QGridLayout(host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        contact_card = QFrame()
        contact_card.setObjectName("card")
        contact = QFormLayout(contact_card)
        self.scan_raw = QPlainTextEdit()
        self.scan_raw.setObjectName("scanRaw")
        self.scan_raw.setReadOnly(True)
        self.scan_raw.setTabChangesFocus(True)
        self.scan_raw.setMaximumHeight(64)
        self.scan_raw.setToolTip(self.tr("The scan as it came, saved whole with the lead"))
        contact.addRow(self.tr("Scan as received"), self.scan_raw)
        contact.setRowVisible(self.scan_raw, False)
        self.inputs: dict[str, QLineEdit] = {}
        labels = field_labels()
        for name in CONTACT_FIELDS:
            label = labels[name]
            edit = QLineEdit()
            edit.setObjectName(f"lead_{name}")
            edit.setMaxLength(NAME_MAX * 5)  # over-long text is shown and explained, not cut
            self.inputs[name] = edit
            contact.addRow(label, edit)
        self._contact_form = contact
        self.email_warning = QLabel()
        self.email_warning.setProperty("state", "warn")
        self.email_warning.setWordWrap(True)
        self.phone_warning = QLabel()
        self.phone_warning.setProperty("state", "warn")
        self.phone_warning.setWordWrap(True)
        # "Already known?": whether the person is a lead anywhere, a customer, whose.
        self.known_label = QLabel()
        self.known_label.setObjectName("alreadyKnown")
        self.known_label.setProperty("state", "warn")
        self.known_label.setWordWrap(True)
        self.known_label.setVisible(False)
        self._lookup_timer = QTimer(self, singleShot=True, interval=LOOKUP_PAUSE_MS)
        self._lookup_timer.timeout.connect(self.look_up_email)
        self._looked_up: str | None = None
        self.inputs["email"].textEdited.connect(self._on_email_edited)
        contact.insertRow(4, "", self.email_warning)
        contact.insertRow(5, "", self.known_label)
        contact.insertRow(7, "", self.phone_warning)
        self.email_warning.setVisible(False)
        self.phone_warning.setVisible(False)
        self.inputs["email"].editingFinished.connect(self._check_email)
        self.inputs["phone"].editingFinished.connect(self._check_phone)
        self.inputs["last_name"].editingFinished.connect(self._check_likely)
        self.inputs["company"].editingFinished.connect(self._check_likely)
        self.likely_label = QLabel()
        self.likely_label.setProperty("state", "warn")
        self.likely_label.setWordWrap(True)
        self.likely_label.setVisible(False)
        contact.addRow("", self.likely_label)

        self.interests = QLineEdit()
        self.interests.setPlaceholderText(self.tr("Products, comma separated"))
        contact.addRow(self.tr("Interests"), self.interests)
        self.collateral_search = QLineEdit()
        self.collateral_search.setPlaceholderText(self.tr("Type to add approved collateral"))
        self._collateral_model = QStringListModel(self)
        self._collateral_hits: dict[str, str] = {}
        completer = QCompleter(self._collateral_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._on_collateral_chosen)
        self.collateral_search.setCompleter(completer)
        self.collateral_search.textEdited.connect(self._on_collateral_search_edited)
        contact.addRow(self.tr("Collateral to send"), self.collateral_search)
        self.collateral_list = QListWidget()
        self.collateral_list.setAccessibleName(self.tr("Collateral chosen to send"))
        self.collateral_list.setMaximumHeight(70)
        self.collateral_list.setToolTip(self.tr("Delete removes the selected item"))
        self.collateral_list.installEventFilter(self)
        self.collateral_list.setVisible(False)
        contact.addRow("", self.collateral_list)
        # Email collateral to the visitor of the lead being edited, or of the one just saved.
        self.send_button = QPushButton(self.tr("Email collateral to the visitor…"))
        self.send_button.setObjectName("captureSendCollateral")
        self.send_button.clicked.connect(self._on_send_button_clicked)
        contact.addRow("", self.send_button)
        self.notes = NotesEdit()
        self.notes.refused.connect(self.show_problem)
        self.notes.setObjectName("lead_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Notes (Ctrl+Enter saves)"))
        self.notes.setMaximumHeight(110)
        self.notes.textChanged.connect(self._on_notes_changed)
        contact.addRow(self.tr("Notes"), self.notes)
        self.notes_count = QLabel()
        self.notes_count.setProperty("role", "muted")
        self.notes_count.setVisible(False)
        contact.addRow("", self.notes_count)
        # Voice notes and photos, kept with the visitor (and their draft) until Enter saves
        # them with the lead.
        self.media = PendingMedia(services.attachments)
        self.routes = ClipRoutes()
        self._recording_generation = 0
        self.media_strip = PendingStrip(services.data_dir / "recording")
        recorder = self.media_strip.record_button
        recorder.recording_changed.connect(self._on_record_button_recording_changed)
        recorder.recorded.connect(self._on_record_button_recorded)
        recorder.failed.connect(self.show_problem)
        self.media_strip.photo_button.chosen.connect(self.add_photos)
        self.media_strip.remove_requested.connect(self._on_media_strip_remove_requested)
        contact.addRow(self.tr("Voice and photos"), self.media_strip)
        grid.addWidget(contact_card, 0, 0)

        rubric_card = QFrame()
        rubric_card.setObjectName("card")
        rubric_box = QVBoxLayout(rubric_card)
        title = QLabel(self.tr("Qualification"))
        title.setProperty("role", "subtitle")
        rubric_box.addWidget(title)
        self.rubric_form = RubricForm()
        self.rubric_form.changed.connect(self._on_edited)
        rubric_box.addWidget(self.rubric_form, 1)
        grid.addWidget(rubric_card, 0, 1)

        # Consent comes after the rubric, last before Save: the order the form is tabbed in.
        consent_card = QFrame()
        consent_card.setObjectName("card")
        consent_form = QFormLayout(consent_card)
        self.consent = QCheckBox(self.tr("May we contact you?"))
        self.consent.setObjectName("consent")
        self.consent.setToolTip(services.settings.consent_text)
        self.consent.toggled.connect(self._on_consent_toggled)
        consent_form.addRow(self.tr("Consent"), self.consent)
        self.wording = QLabel()
        self.wording.setObjectName("consentWording")
        self.wording.setProperty("role", "muted")
        self.wording.setWordWrap(True)
        consent_form.addRow("", self.wording)
        self._show_wording(None)
        self.follow_up = QCheckBox(self.tr("Marketing follow-up"))
        self.follow_up.setEnabled(False)
        self.follow_up.setToolTip(self.tr("Needs the visitor's consent to be contacted"))
        self.follow_up.toggled.connect(self._on_edited)
        consent_form.addRow(self.tr("Follow-up"), self.follow_up)
        grid.addWidget(consent_card, 1, 0, 1, 2)
        grid.setColumnStretch(0, 5)
        grid.setColumnStretch(1, 4)
        grid.setRowStretch(2, 1)
        self._cards = (grid, contact_card, rubric_card, consent_card)
        self._side_by_side = True
        scroll.setWidget(host)
        self._scroll = scroll
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)  # a narrow window (or German) wraps the keys, never cuts them
        buttons.addWidget(self.hint, 1)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Sets the visitor aside as a held draft (Ctrl+Z brings it back)"))
        self.clear_button.clicked.connect(self.clear_form)
        buttons.addWidget(self.clear_button)
        self.save_button = QPushButton(self.tr("Save lead"))
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)

        for w in (*self.inputs.values(), self.interests, self.notes, self.consent, self.follow_up):
            w.installEventFilter(self._keys)
        for edit in (*self.inputs.values(), self.interests):
            edit.textEdited.connect(self._on_edited)
        self.notes.textChanged.connect(self._on_edited)
        self.rubric_form.installEventFilter(self._keys)
        self._watch_rubric_inputs()

        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.reopen_last)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._on_escape)
        to_rubric = QShortcut(QKeySequence(RUBRIC_SHORTCUT), self)
        to_rubric.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        to_rubric.activated.connect(self.focus_rubric)
        self._show_hint()

        self._counter_timer = QTimer(self, singleShot=True, interval=150)
        self._counter_timer.timeout.connect(self.update_counter)
        self._draft_timer = QTimer(
            self, singleShot=True, interval=max(50, services.settings.capture_autosave_ms))
        self._draft_timer.timeout.connect(self.keep_draft)
        services.changes.records_changed.connect(self._on_records_changed)
        self.reload_events()
        self.flow.mark_clean(self.form_state())
        self.refresh_held()
        self.refresh_send_button()

    @property
    def last_saved_id(self) -> str | None:
        return self.flow.last_saved_id

    # -- events and rubric ---------------------------------------------------------------

    def reload_events(self) -> None:
        wanted = self.current_event_id() or self.services.settings.current_event_id
        self.event_box.blockSignals(True)
        self.event_box.clear()
        self.event_box.addItem(self.tr("(no event)"), "")
        for event in self.book.events():
            label = event.get("name") or ""
            if event.get("starts_on"):
                label += f"  ·  {event['starts_on']}"
            self.event_box.addItem(label, event["id"])
        index = self.event_box.findData(wanted) if wanted else 0
        self.event_box.setCurrentIndex(max(0, index))
        self.event_box.blockSignals(False)
        self._apply_event()

    def current_event_id(self) -> str | None:
        value = self.event_box.currentData() if self.event_box.count() else None
        return value or None

    def set_event(self, event_id: str) -> None:
        index = self.event_box.findData(event_id)
        if index >= 0:
            self.event_box.setCurrentIndex(index)

    def _on_event_box_changed(self, _index: int) -> None:
        event_id = self.current_event_id() or ""
        if event_id != self.services.settings.current_event_id:
            self.services.settings.current_event_id = event_id
            self.services.settings.save()
        self._apply_event()

    def _show_wording(self, event: dict[str, Any] | None) -> None:
        """The consent wording marketing set for the event (else the default), as synced; the
        settings' wording only until one has reached this device."""
        wording = ConsentBook(self.services.store).current(event)
        self.flow.wording = wording
        settings = self.services.settings
        version = str(wording.get("version")) if wording else settings.consent_text_version
        text = str(wording.get("text") or "") if wording else settings.consent_text
        self.wording.setText(self.tr("Read to the visitor (wording %1): %2")
                             .replace("%1", version).replace("%2", text))
        self.consent.setToolTip(text)

    def _apply_event(self) -> None:
        event_id = self.current_event_id()
        event = self.book.event(event_id) if event_id else None
        self._show_wording(event)
        clean = not self._dirty()
        answers = self.rubric_form.answers()
        self.rubric_form.set_rubric(self.book.rubric(event.get("rubric_id")) if event else None)
        self._place_cards(self._side_by_side_fits(self.width()))
        self.rubric_form.set_answers(answers)
        if clean:
            # A rubric's unanswered look differs between events; an empty form stays empty.
            self.flow.mark_clean(self.form_state())
        self._watch_rubric_inputs()
        self.update_counter()

    def _watch_rubric_inputs(self) -> None:
        for child in self.rubric_form.findChildren(QWidget):
            if isinstance(child, (QLineEdit, QComboBox, QCheckBox)):
                child.installEventFilter(self._keys)
        self._set_tab_order()

    def update_counter(self) -> None:
        today, at_event = self.book.counts(self.current_event_id())
        text = self.tr("%1 today").replace("%1", f"{today:,}")
        if self.current_event_id():
            text += self.tr("  ·  %1 at this event").replace("%1", f"{at_event:,}")
        self.counter.setText(text)
        self.update_queue_button()
        self.goal_counter.refresh()

    def _on_records_changed(self, kind: str, _ids: list[str]) -> None:
        if kind == "lead":
            self._counter_timer.start()
            self.refresh_send_button()
        elif kind in ("event", "rubric"):
            self.reload_events()
        elif kind == "consent_wording":
            event_id = self.current_event_id()
            self._show_wording(self.book.event(event_id) if event_id else None)

    # -- scanning ------------------------------------------------------------------------

    def _on_scan_scanned(self, payload: str, how: str) -> None:
        source = "scan" if how in ("scan", "paste") else "manual"
        if self.quick_scan.isChecked() and not self.in_queue():
            self.quick_save(payload, source)
        elif self.in_queue():
            # A new visitor at the booth ends the walk: the queued one is saved (or held) as
            # any visitor is before a new scan, and the scan fills the form.
            self.read_payload(payload, source)
            self.stop_queue(keep_form=True)
        else:
            self.read_payload(payload, source)

    # -- quick scan and the "to qualify" queue ---------------------------------------------

    def _on_quick_scan_toggled(self, checked: bool) -> None:
        if checked:
            self.stop_queue()
            self.show_info(self.tr("Quick scan: each scan is saved at once, to qualify later."))
        else:
            self.message.clear()
        self._show_hint()
        self.scan.setFocus()

    def quick_save(self, payload: str, source: str = "scan") -> None:
        """Save the scanned visitor at once as a lead waiting to be qualified (quick scan).

        A visitor typed into the form meanwhile is held first, never overwritten; a scan that
        cannot be saved comes back into the form with the reason."""
        if self._dirty():
            self._hold()
        plan = self.flow.plan_quick_scan(payload, self.current_event_id(), source)
        who = person(plan.values)
        self.scan.clear()
        if plan.action == "duplicate" and plan.match is not None:
            self.show_info(self.tr("%1 is already at this event; nothing was saved.")
                           .replace("%1", person(dict(plan.match.lead))))
            return
        if plan.action == "refuse":
            self.read_payload(payload, source)
            self.show_problem(self._describe(plan.problems))
            return
        state = {"fields": {k: v for k, v in plan.values.items() if k in CONTACT_FIELDS},
                 "badge_raw": payload, "source": plan.values.get("source"),
                 "address": plan.values.get("address"), "event_id": self.current_event_id(),
                 "notes": plan.values.get("notes") or ""}
        write = self.flow.write(plan.values, None, {"values": plan.values, "state": state,
                                                    "draft_id": None})
        self.show_info(self.tr("Saving %1…").replace("%1", who))
        self._run_write("quick scan", write, stored_from_values=True)

    def in_queue(self) -> bool:
        """Whether the form walks the event's quick scans (the queue bar is shown). Asked of
        the bar itself, not of whether it is on screen: the walk goes on while the capture view
        is covered or its window minimised."""
        return not self.queue_bar.isHidden()

    def update_queue_button(self) -> None:
        waiting = self.book.to_qualify_count(self.current_event_id())
        self.queue_button.setText(self.tr("To qualify: %n", "", waiting))
        self.queue_button.setVisible(waiting > 0 and not self.in_queue())

    def start_queue(self) -> None:
        """Walk the event's quick scans with the rubric, oldest first."""
        if self._dirty():
            self._hold()
        self.quick_scan.setChecked(False)
        self.flow.skipped.clear()
        self.message.clear()
        self.queue_bar.setVisible(True)
        self.queue_button.setVisible(False)
        self._open_next_queued()

    def _open_next_queued(self) -> None:
        lead_id, waiting = self.flow.next_to_qualify(self.current_event_id())
        row = self.book.lead(lead_id) if lead_id else None
        if row is None:
            skipped = len(self.flow.skipped)
            self.stop_queue()
            if skipped:
                self.show_info(self.tr("%n skipped visitor(s) still wait to be qualified.", "",
                                       skipped))
            else:
                self.show_info(self.tr("Every quick scan of this event is qualified."))
            return
        self.flow.qualifying_id = lead_id
        self._fill(row, lead_id)
        self.flow.mark_clean(self.form_state())
        self.queue_label.setText(
            self.tr("To qualify: %n left, oldest first.", "", waiting) + " "
            + self.tr("%1, scanned %2. Answer the rubric; Enter saves and opens the next.")
            .replace("%1", person(row))
            .replace("%2", (row.get("captured_at") or "")[:16].replace("T", " ")))
        self.focus_rubric()
        # Once the new answers are laid out, bring the rubric into view.
        QTimer.singleShot(0, when_alive(self, self.focus_rubric))

    def skip_queued(self) -> None:
        """Leave this visitor in the queue and open the next (typed answers are held)."""
        if self.flow.qualifying_id:
            self.flow.skipped.add(self.flow.qualifying_id)
        if self._dirty():
            self._hold()
        self._open_next_queued()

    def stop_queue(self, *, keep_form: bool = False) -> None:
        """Leave the walk; an unsaved visitor is held, never dropped (`keep_form`: the form
        already holds someone else, who stays)."""
        if not self.in_queue():
            return
        self.queue_bar.setVisible(False)
        self.flow.qualifying_id = None
        self.flow.skipped.clear()
        if not keep_form:
            if self._dirty():
                self._hold()
            else:
                self._reset_form()
        self.update_queue_button()
        self._show_hint()

    def read_payload(self, payload: str, source: str) -> None:
        """Fill the contact fields from a scanned or decoded payload, keeping it whole.

        A visitor in the form who is not saved yet is saved first when they can be, else held
        as a draft (shown above the form): a new scan never overwrites anyone.
        """
        held_notice = ""
        if self.duplicate_bar.isVisible():
            self._hide_duplicate()
        values = self.collect()
        plan = self.flow.plan_scan(self.form_state(), payload, values)
        if plan == "save_first":
            self._write(values, self.flow.editing_id)
        elif plan == "hold":
            reason = self.flow.hold_reason(self.form_state(), values)
            self._hold()
            if reason == "duplicate":
                why = self.tr("already captured at this event; open it to merge")
            elif reason == "unread":
                why = self.tr("only a scan that could not be read")
            else:
                why = self.tr("not enough to save yet")
            held_notice = (self.tr("%1 is held, not saved (%2).")
                           .replace("%1", person(values)).replace("%2", why))
        elif plan == "reset":
            self._reset_form()  # a reopened lead left unchanged: the scan is a new visitor
        parsed = parse_badge(payload)
        read = {k: v for k, v in parsed.lead_fields().items() if k not in ("badge_raw", "notes")}
        for edit in self.inputs.values():
            edit.clear()
        for name, value in read.items():
            if name in self.inputs:
                self.inputs[name].setText(strip_control(value))
        if parsed.note:
            self._append_note(parsed.note)
        self._badge_raw = payload
        self._source = source if parsed.recognised or source != "manual" else "manual"
        self._address = strip_control(read.get("address") or "") or None
        self._show_raw(not (parsed.recognised and read))
        self._check_email()
        self._check_phone()
        self._check_likely()
        self._on_edited()
        if parsed.recognised and read:
            self.show_info(
                (self.tr("Read %1: %2").replace("%1", parsed.format).replace("%2", person(read))
                 + " " + held_notice).strip()
            )
        else:
            self.show_problem(
                (self.tr("Could not read this scan; it is shown under \u201cScan as received\u201d "
                         "and kept whole with the lead. Type the name and email.")
                 + " " + held_notice).strip()
            )
            self.inputs["first_name"].setFocus()
            return
        self.scan.setFocus()

    def refresh_camera_button(self) -> None:
        """"Camera" when this computer has one; else disabled, saying so."""
        if self.camera.running():
            return
        found = self.camera.refresh_cameras()
        self.camera_button.setEnabled(bool(found))
        self.camera_button.setText(self.tr("Camera") if found else self.tr("No camera found"))
        self.camera_button.setToolTip(
            self.tr("Read badges with the camera: hold the code up, it is scanned at once")
            if found else self.tr("Connect a camera to scan badges with it"))

    def _on_camera_toggled(self, on: bool) -> None:
        if on:
            self.camera.start()
        else:
            self.camera.stop()
            self.camera.setVisible(False)
        self.scan.setFocus()

    def _on_camera_stopped(self) -> None:
        """Turned off in its panel, or failed (denied, busy, unplugged: the panel says so)."""
        self.camera_button.blockSignals(True)
        self.camera_button.setChecked(False)
        self.camera_button.blockSignals(False)

    def _show_raw(self, unread: bool) -> None:
        """Show the scan as it came when it could not be read, so nothing has to be guessed."""
        self._scan_unread = unread and bool(self._badge_raw)
        self.scan_raw.setPlainText(self._badge_raw or "" if self._scan_unread else "")
        self._contact_form.setRowVisible(self.scan_raw, self._scan_unread)

    def _on_photo_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Badge or card photo"), "",
            self.tr("Images (%1)").replace("%1", " ".join(f"*{s}" for s in IMAGE_SUFFIXES)),
        )
        if path:
            self.decode_photo(Path(path))

    def decode_photo(self, path: Path) -> Any:
        """Read a barcode from a photo on the parallel lane; the result fills the form."""
        self.show_info(self.tr("Reading %1…").replace("%1", path.name))
        task = self.services.tasks.run("decode badge photo", lambda _ctx: decode_file(path))
        task.finished.connect(when_alive(self, lambda found, p=path: self._on_photo_decoded(p, found)))
        task.failed.connect(when_alive(self, self.show_problem))
        return task

    def _on_photo_decoded(self, path: Path, found: list[Decoded]) -> None:
        if not found:
            self.show_problem(
                self.tr("No QR, PDF417, Code 128 or DataMatrix code found in %1. "
                        "Type the details instead.").replace("%1", path.name)
            )
            return
        self.read_payload(found[0].text, "card")

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile() and urls[0].toLocalFile().lower().endswith(IMAGE_SUFFIXES):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.decode_photo(Path(urls[0].toLocalFile()))

    # -- field checks --------------------------------------------------------------------

    def _check_email(self) -> None:
        warning = check_email(self.inputs["email"].text())
        self.email_warning.setText(warning or "")
        self.email_warning.setVisible(bool(warning))
        self.look_up_email()

    # -- "already known?" ---------------------------------------------------------------

    def _on_email_edited(self, _text: str) -> None:
        self._lookup_timer.start()  # a pause in typing, not every key

    def look_up_email(self) -> None:
        """Ask (on the parallel lane: the hub may take seconds) whether the email's person is
        already a lead, a customer, and whose; the answer shows under the email."""
        self._lookup_timer.stop()
        email = self.inputs["email"].text().strip()
        # A saved lead (edited, or walked in the queue) would only find itself.
        if (lookup_key(email) is None or self.services.look_up is None
                or self.flow.editing_id is not None):
            self._looked_up = None
            self.known_label.setVisible(False)
            return
        if email == self._looked_up:
            return
        self._looked_up = email
        look_up = self.services.look_up
        task = self.services.tasks.run("look up contact", lambda _ctx: look_up(email))
        task.finished.connect(when_alive(self, self._on_looked_up))
        task.failed.connect(when_alive(self, lambda _message: None))  # the form works without

    def _on_looked_up(self, result: Any) -> None:
        if result.email != self.inputs["email"].text().strip():
            return  # the rep typed on; this answer is about someone else
        answer = result.answer
        if not answer.known:
            self.known_label.setVisible(False)
            return
        text = (self.tr("Already a customer") if answer.customer
                else self.tr("Already a lead"))
        if answer.team:
            text += " · " + self.tr("team %1").replace("%1", answer.team)
        if answer.last_activity:
            text += " · " + self.tr("last activity %1").replace("%1", answer.last_activity)
        if result.source == FROM_CACHE:
            text += " " + self.tr("(as of the last sync)")
        self.known_label.setText(text)
        self.known_label.setVisible(True)

    def _check_phone(self) -> None:
        text = self.inputs["phone"].text()
        event_id = self.current_event_id()
        event = self.book.event(event_id) if event_id else None
        region = default_phone_region(self.services.settings.phone_region,
                                      (event or {}).get("country"))
        checked = normalize_phone(text, region)
        if checked.ok and checked.value != text:
            self.inputs["phone"].setText(checked.value)
        self.phone_warning.setText(checked.warning or "")
        self.phone_warning.setVisible(bool(checked.warning))

    def _check_likely(self) -> None:
        self._likely = None
        if self.flow.editing_id is None and self.inputs["last_name"].text().strip():
            candidate = self._contact_values()
            likely = [m for m in self.book.duplicates(candidate) if not m.exact]
            self._likely = likely[0] if likely else None
        if self._likely is not None:
            lead = self._likely.lead
            self.likely_label.setText(
                self.tr("Possibly already captured: %1, %2 (%3).")
                .replace("%1", person(dict(lead)))
                .replace("%2", (lead.get("captured_at") or "")[:16].replace("T", " "))
                .replace("%3", ", ".join(self._likely.reasons))
            )
        self.likely_label.setVisible(self._likely is not None)

    def _on_consent_toggled(self, checked: bool) -> None:
        self._consent_at = utc_now_iso() if checked else None
        self.follow_up.setEnabled(checked)
        if not checked:
            self.follow_up.setChecked(False)
        self._on_edited()

    def _on_notes_changed(self) -> None:
        length = len(self.notes.toPlainText())
        if length > NOTES_EDITOR_MAX:
            # Past this even showing the text gets slow; the paste was refused by the editor.
            return
        over = length - TEXT_MAX
        self.notes_count.setVisible(length > TEXT_MAX * 0.9)
        if over > 0:
            self.notes_count.setText(
                self.tr("%1 characters: %2 more than a lead holds. Shorten the notes to save.")
                .replace("%1", f"{length:,}").replace("%2", f"{over:,}")
            )
            _set_look(self.notes_count, "state", "bad")
        else:
            self.notes_count.setText(
                self.tr("%1 of %2 characters").replace("%1", f"{length:,}")
                .replace("%2", f"{TEXT_MAX:,}")
            )
            _set_look(self.notes_count, "state", "")

    def _append_note(self, text: str) -> None:
        current = self.notes.toPlainText()
        if text and text not in current:
            self.notes.setPlainText(f"{current}\n{text}".strip())

    # -- collateral ----------------------------------------------------------------------

    def _on_collateral_search_edited(self, text: str) -> None:
        hits = self.book.collateral_matches(text)
        self._collateral_hits = {title: cid for cid, title in hits}
        self._collateral_model.setStringList([title for _cid, title in hits])

    def _on_collateral_chosen(self, title: str) -> None:
        cid = self._collateral_hits.get(title)
        if cid and cid not in self._collateral:
            self._collateral[cid] = title
            self._render_collateral()
            self._on_edited()
        QTimer.singleShot(0, self.collateral_search.clear)

    def _send_target(self) -> dict[str, Any] | None:
        lead_id = self.flow.editing_id or self.flow.last_saved_id
        return self.book.lead(lead_id) if lead_id else None

    def refresh_send_button(self) -> None:
        """Offered for the lead being edited or the one just saved, as its visitor's consent
        and the role policy allow."""
        lead = self._send_target()
        if lead is None:
            self.send_button.setEnabled(False)
            self.send_button.setToolTip(self.tr(
                "Save the visitor first; then email them approved collateral with a note"))
            return
        show_offer(self.send_button, may_send(self.services, lead))
        if self.send_button.isEnabled():
            self.send_button.setToolTip(self.tr(
                "Email approved collateral to %1 with a note from you; it goes at the next "
                "sync").replace("%1", person(lead)))

    def _on_send_button_clicked(self) -> None:
        lead = self._send_target()
        if lead is None:
            return
        chosen = list(self._collateral) if self.flow.editing_id else \
            list(lead.get("collateral_ids") or [])
        queued = ask_and_queue(self.services, lead, chosen, self)
        if isinstance(queued, str):
            self.show_problem(queued)
        elif queued is not None:
            who = person(lead)
            queued.finished.connect(when_alive(self, lambda _id: self.show_info(
                self.tr("Queued for %1: the email goes at the next sync.").replace("%1", who))))
            queued.failed.connect(when_alive(self, self.show_problem))

    def _render_collateral(self) -> None:
        self.collateral_list.clear()
        for cid, title in self._collateral.items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            self.collateral_list.addItem(item)
        self.collateral_list.setVisible(bool(self._collateral))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.collateral_list and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                item = self.collateral_list.currentItem()
                if item is not None:
                    self._collateral.pop(item.data(Qt.ItemDataRole.UserRole), None)
                    self._render_collateral()
                    self._on_edited()
                return True
        return super().eventFilter(obj, event)

    # -- collecting and saving -----------------------------------------------------------

    def _contact_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, edit in self.inputs.items():
            text = strip_control(edit.text()).strip()
            if text:
                values[name] = text
        if self.current_event_id():
            values["event_id"] = self.current_event_id()
        return values

    def collect(self) -> dict[str, Any]:
        """The lead's fields as the form holds them (the controller builds them)."""
        result = self.rubric_form.result()
        rubric = self.rubric_form.rubric
        scored = result.lead_fields(rubric) if result is not None and rubric is not None else None
        return self.flow.lead_values(
            self.form_state(), scored, self.tr("Email as typed (not a valid address): %1"))

    def _describe(self, problems: tuple[Problem, ...]) -> str:
        """The words for what keeps the lead from being saved."""
        labels = field_labels()
        out: list[str] = []
        for problem in problems:
            label = labels.get(problem.field, problem.field)
            if problem.code == "too_long":
                out.append(self.tr("%1 is %2 characters; at most %3 fit.")
                           .replace("%1", label).replace("%2", f"{problem.length:,}")
                           .replace("%3", str(NAME_MAX)))
            elif problem.code == "text_too_long":
                out.append(self.tr("%1 is %2 characters; at most %3 fit (%4 too many).")
                           .replace("%1", label).replace("%2", f"{problem.length:,}")
                           .replace("%3", f"{TEXT_MAX:,}")
                           .replace("%4", f"{problem.length - TEXT_MAX:,}"))
            elif problem.code == "interest_too_long":
                out.append(self.tr("An interest is longer than %1 characters.")
                           .replace("%1", str(NAME_MAX)))
            elif problem.code == "unidentified":
                out.append(self.tr("Add a last name, an email, a phone number or scan a badge "
                                   "before saving."))
            elif problem.field == "follow_up":
                out.append(self.tr("Marketing follow-up needs the visitor's consent: tick "
                                   "\u201cMay we contact you?\u201d or clear follow-up."))
            else:
                out.append(self.tr("%1: %2").replace("%1", label).replace("%2", problem.message))
        if any(p.code in ("too_long", "text_too_long", "interest_too_long") for p in problems):
            out.append(self.tr("Nothing was saved or cut; shorten and press Enter again."))
        return " ".join(out)

    def save(self) -> None:
        """Save the visitor (Enter). The controller decides; the write runs on the writer lane."""
        if self.duplicate_bar.isVisible():
            self.merge_duplicate()
            return
        plan = self.flow.plan_save(self.form_state(), self.collect())
        if plan.action == "nothing":
            self.show_info(self.tr("Nothing to save yet: scan a badge or type a name."))
            self.scan.setFocus()
        elif plan.action == "refuse":
            self.show_problem(self._describe(plan.problems))
            first = plan.problems[0]
            if first.code == "unidentified":
                self.inputs["last_name"].setFocus()
            elif first.field in ("follow_up", "consent_contact"):
                self.consent.setFocus()
        elif plan.action == "duplicate" and plan.match is not None:
            self._show_duplicate(plan.match, plan.values)
        else:
            self._write(plan.values, plan.record_id)

    def _write(self, values: dict[str, Any], record_id: str | None) -> None:
        write = self.flow.write(values, record_id, self._snapshot(values), self.media.items)
        self.routes.form_left("lead", write.record_id)
        # The form clears before the write is handed over: the writer then runs while the UI
        # thread is idle instead of competing with it for the interpreter.
        self._reset_form()
        self.show_info(self.tr("Saving %1…").replace("%1", person(write.values)))
        self._run_write("save lead", write, stored_from_values=True)

    def _run_write(self, name: str, write: Write, *, stored_from_values: bool) -> None:
        job = write.job
        task = self.services.tasks.write(name, lambda _ctx: job())
        rid, values, snapshot = write.record_id, write.values, write.snapshot
        if stored_from_values:
            task.finished.connect(when_alive(self, lambda _r: self._on_saved(rid, values)))
        else:  # a merge returns the lead as stored
            task.finished.connect(when_alive(self, lambda stored: self._on_saved(rid, stored)))
        task.failed.connect(when_alive(self, lambda message: self._on_save_failed(message, snapshot)))

    def _on_saved(self, record_id: str, stored: dict[str, Any]) -> None:
        """The notice says what was stored (for a merge: the lead as the merge left it)."""
        notice = self.flow.saved(record_id, stored)
        self.lead_saved.emit(record_id)
        self.refresh_send_button()
        grade, extra = notice.args["grade"], ""
        if grade:
            extra = f" — {grade}" + (self.tr(", qualified") if notice.args["qualified"] else "")
        if stored.get("to_qualify") and self.in_queue():
            pass  # a quick scan saved as the walk began: the queue bar speaks now
        elif stored.get("to_qualify"):
            self.show_info(self.tr("Saved %1, to qualify later. Next visitor.")
                           .replace("%1", notice.args["who"]))
        else:
            self.show_info(self.tr("Saved %1%2. Ctrl+Z reopens it.")
                           .replace("%1", notice.args["who"]).replace("%2", extra))
        self._counter_timer.start()
        if self.in_queue() and record_id == self.flow.qualifying_id:
            self.flow.qualifying_id = None
            self._open_next_queued()

    def _on_save_failed(self, message: str, snapshot: dict[str, Any]) -> None:
        outcome, job = self.flow.save_failed(snapshot, self._dirty())
        if outcome == "held" and job is not None:
            # The rep already started the next visitor: keep that form, hold the one that failed.
            self._run_keep(job)
            self._render_held()
            self.show_problem(
                self.tr("Could not save %2 (%1); they are held above the form.").replace("%1", message)
                .replace("%2", person(snapshot["values"]))
            )
            return
        self._restore(snapshot)
        self.show_problem(self.tr("Not saved: %1. The lead is back in the form.").replace("%1", message))

    # -- voice notes and photos ----------------------------------------------------------

    def _render_media(self) -> None:
        """Show the pending items; photos' thumbnails load on the parallel lane."""
        self.media_strip.show_items(self.media.items)
        missing = [p for p in self.media.items if p.fields.get("media") == "photo"
                   and p.sha256 not in self.media_strip.thumbnails]
        if missing:
            task = self.services.tasks.run("pending thumbnails", lambda _ctx: {
                p.sha256: keep_pending_thumbnail(p) for p in missing})
            task.finished.connect(when_alive(self, self._on_thumbnails_loaded))

    def _on_thumbnails_loaded(self, thumbs: dict[str, Any]) -> None:
        for sha, image in thumbs.items():
            self.media_strip.set_thumbnail(sha, image)
        self.media_strip.show_items(self.media.items)

    def _on_record_button_recording_changed(self, recording: bool) -> None:
        if recording:
            self._recording_generation = self.routes.generation

    def _on_record_button_recorded(self, clip: Any) -> None:
        """A voice note is finished: it goes to the visitor it was recorded for."""
        where, target = self.routes.route(self._recording_generation)
        attachments = self.services.attachments
        if where == "lead" and target is not None:
            lead_id = target
            # After the lead's own save on the writer lane (one lane: in order).
            task = self.services.tasks.write("add voice note", guarded(
                lambda: attachments.add(lead_id, "voice", clip.data, mime_type=clip.mime_type,
                                        duration_ms=clip.duration_ms)))
            task.finished.connect(when_alive(self, self._on_voice_added_to_saved))
            task.failed.connect(when_alive(self, self.show_problem))
            return
        job = self.media.keep_voice_job(clip)
        generation = self.routes.generation
        task = self.services.tasks.run("keep voice note", guarded(job))
        task.finished.connect(when_alive(self, lambda kept: self._on_media_kept(
            kept, generation, target if where == "draft" else None)))
        task.failed.connect(when_alive(self, self.show_problem))

    def _on_voice_added_to_saved(self, result: Any) -> None:
        if isinstance(result, str):
            self.show_problem(result)
        else:
            self.show_info(self.tr("The voice note was added to the lead saved while it was "
                                   "recording."))

    def add_photos(self, paths: list[Path], label: str) -> list[Any]:
        """Normalise each chosen photo and keep it with the visitor (on the parallel lane)."""
        tasks = []
        generation = self.routes.generation
        for path in paths:
            keep = self.media.keep_photo_job(photo_job(path), label)

            def job(keep: Callable[[], Any] = keep) -> tuple[Any, Any]:
                kept = keep()
                return kept, keep_pending_thumbnail(kept)
            task = self.services.tasks.run("keep photo", guarded(job))
            task.finished.connect(when_alive(self, lambda kept: self._on_media_kept(
                kept, generation, None)))
            task.failed.connect(when_alive(self, self.show_problem))
            tasks.append(task)
        return tasks

    def _on_media_kept(self, kept: Any, generation: int, draft_id: str | None) -> None:
        """A pending item's file is in the cache: it joins the form it was made for (or the
        held visitor it was recorded for)."""
        if isinstance(kept, str):
            self.show_problem(kept)
            return
        if isinstance(kept, tuple):
            kept, thumb = kept
            self.media_strip.set_thumbnail(kept.sha256, thumb)
        if draft_id is not None and self._add_to_held(draft_id, kept):
            return
        if generation != self.routes.generation and draft_id is None:
            # A photo chosen for a visitor who has been saved or set aside since.
            where, target = self.routes.route(generation)
            if where == "draft" and target is not None and self._add_to_held(target, kept):
                return
        self.media.added(kept)
        self._render_media()
        self._on_edited()

    def _add_to_held(self, draft_id: str, kept: Any) -> bool:
        for held_id, state in self.flow.held:
            if held_id == draft_id:
                state["attachments"] = [*(state.get("attachments") or []), dict(kept.fields)]
                self._run_keep(self.flow.keep_job(draft_id, state))
                self._render_held()
                return True
        return False

    def _on_media_strip_remove_requested(self, sha256: str) -> None:
        self.media.remove(sha256)
        self._render_media()
        self._on_edited()

    # -- duplicates ----------------------------------------------------------------------

    def _show_duplicate(self, match: Match, values: dict[str, Any]) -> None:
        self.flow.duplicate, self.flow.dup_values = match, values
        lead = dict(match.lead)
        self.duplicate_label.setText(
            self.tr("Already at this event (%1): %2, captured %3. Merge this scan into it?")
            .replace("%1", ", ".join(match.reasons)).replace("%2", person(lead))
            .replace("%3", (lead.get("captured_at") or "")[:16].replace("T", " "))
        )
        self.duplicate_bar.setVisible(True)
        self.merge_button.setFocus()

    def _hide_duplicate(self) -> None:
        self.duplicate_bar.setVisible(False)
        self.flow.duplicate = self.flow.dup_values = None
        self.scan.setFocus()

    def merge_duplicate(self) -> None:
        """Fold the form into the existing lead (nothing of either is lost)."""
        write = self.flow.merge(self._snapshot(), self.media.items)
        if write is None:
            return
        self.routes.form_left("lead", write.record_id)
        self.duplicate_bar.setVisible(False)
        self._reset_form()
        self.show_info(self.tr("Merging into the existing lead…"))
        self._run_write("merge lead", write, stored_from_values=False)

    def open_duplicate(self) -> None:
        """Open the existing lead with this scan merged in, to review before Enter saves it."""
        match, incoming = self.flow.duplicate, self.flow.dup_values
        if match is None or incoming is None:
            return
        existing = self.services.store.get("lead", str(match.lead_id))
        if existing is None:
            self._hide_duplicate()
            return
        merged = merge_leads({k: existing[k] for k in LEAD.client_fields}, incoming)
        draft_id = self.flow.draft_id
        self._hide_duplicate()
        self._fill(merged, str(match.lead_id))
        # The merged scan is not stored yet: it stays a draft until Enter saves it.
        self.flow.draft_id = draft_id
        self._on_edited()
        self.show_info(self.tr("Opened the existing lead with this scan merged in; Enter saves."))

    def save_as_new(self) -> None:
        values = self.flow.dup_values
        self._hide_duplicate()
        if values is not None:
            self._write(self.collect(), None)

    # -- form state and drafts ----------------------------------------------------------

    def form_state(self) -> dict[str, Any]:
        """Everything the form holds, as typed (JSON-able): what a draft keeps."""
        return {
            "fields": {n: e.text() for n, e in self.inputs.items() if e.text()},
            "badge_raw": self._badge_raw,
            "scan_unread": self._scan_unread,
            "address": self._address,
            "source": self._source,
            "event_id": self.current_event_id(),
            "answers": self.rubric_form.answers(),
            "consent": self.consent.isChecked(),
            "consent_at": self._consent_at,
            "follow_up": self.follow_up.isChecked(),
            "interests": self.interests.text(),
            "collateral": dict(self._collateral),
            "notes": self.notes.toPlainText(),
            "editing_id": self.flow.editing_id,
            "attachments": self.media.state(),
        }

    def apply_state(self, state: dict[str, Any]) -> None:
        """Put a kept form back as it was typed."""
        self._reset_form()
        if state.get("event_id"):
            self.set_event(state["event_id"])
        self.flow.editing_id = state.get("editing_id")
        for name, edit in self.inputs.items():
            edit.setText(str((state.get("fields") or {}).get(name) or ""))
        self._badge_raw = state.get("badge_raw")
        self._address = state.get("address")
        self._source = state.get("source") or "manual"
        self._show_raw(bool(state.get("scan_unread")))
        self.rubric_form.set_answers(state.get("answers") or {})
        self.consent.setChecked(bool(state.get("consent")))
        self._consent_at = state.get("consent_at")
        self.follow_up.setChecked(bool(state.get("follow_up")))
        self.interests.setText(state.get("interests") or "")
        self._collateral = dict(state.get("collateral") or {})
        self._render_collateral()
        self.notes.setPlainText(state.get("notes") or "")
        lost = self.media.restore(state.get("attachments") or [])
        self._render_media()
        if lost:
            self.show_problem(" ".join(lost))
        self._check_email()
        self._check_phone()
        self._show_hint()
        self.refresh_send_button()

    def _dirty(self) -> bool:
        """True while the form holds input that is not saved (what a draft must keep)."""
        return self.flow.dirty(self.form_state())

    def _on_edited(self, *_args: object) -> None:
        self._draft_timer.start()

    def keep_draft(self) -> None:
        """Keep the unsaved form on disk now (on the writer lane); called a moment after each
        change, and at once when the form hides (page switch, sign-out, window closed)."""
        self._draft_timer.stop()
        planned = self.flow.draft_to_keep(self.form_state())
        if planned is not None:
            self._run_keep(planned[1])

    def _run_keep(self, job: Callable[[], Any]) -> None:
        task = self.services.tasks.write("keep capture draft", lambda _ctx: job())
        task.failed.connect(when_alive(self, lambda message: self.show_problem(
            self.tr("Could not keep the unsaved visitor on disk: %1").replace("%1", message))))

    def _hold(self) -> None:
        """Set the form's visitor aside as a held draft and empty the form."""
        draft_id, job = self.flow.hold(self.form_state())
        self.routes.form_left("draft", draft_id)
        self._run_keep(job)
        self._reset_form()
        self._render_held()

    def refresh_held(self) -> None:
        """Read the drafts kept on disk (after a crash or a restart they are offered back)."""
        self.flow.held_from_disk()
        self._render_held()

    def _render_held(self) -> None:
        held = self.flow.held
        if held:
            names = ", ".join(person(st.get("fields") or {}) for _d, st in held[:3])
            if len(held) > 3:
                names += ", …"
            self.held_label.setText(
                self.tr("Held, not saved yet (%n): %1", "", len(held)).replace("%1", names))
        self.held_bar.setVisible(bool(held))

    def open_held(self) -> None:
        """Bring the oldest held visitor into the form (the form's own unsaved visitor is held)."""
        taken = self.flow.take_held()
        if taken is None:
            return
        draft_id, state = taken
        if self._dirty():
            self._hold()
        self._open_draft(draft_id, state)
        self.show_info(self.tr("Opened %1, not saved yet. Enter saves.").replace(
            "%1", person(state.get("fields") or {})))

    def _open_draft(self, draft_id: str, state: dict[str, Any]) -> None:
        self.apply_state(state)
        self.flow.opened(draft_id)
        self._render_held()
        self.scan.setFocus()

    def discard_held(self) -> None:
        """Throw the oldest held visitor away, after asking."""
        if not self.flow.held:
            return
        draft_id, state = self.flow.held[0]
        answer = QMessageBox.question(
            self, self.tr("Discard held visitor?"),
            self.tr("Throw away %1? What was typed or scanned cannot be brought back.")
            .replace("%1", person(state.get("fields") or {})),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        job = self.flow.discard_job(draft_id)
        self.services.tasks.write("discard capture draft", lambda _ctx: job())
        self._render_held()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.refresh_camera_button()  # a camera plugged in meanwhile
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        # A page switch, the window closing or the app quitting all hide the form: keep it now.
        self.keep_draft()
        self.camera_button.setChecked(False)  # and let go of the camera
        self.media_strip.record_button.stop()  # the note is kept with the visitor
        super().hideEvent(event)

    def _snapshot(self, values: dict[str, Any] | None = None) -> dict[str, Any]:
        return {
            "values": values if values is not None else self.collect(),
            "state": self.form_state(),
            "draft_id": self.flow.draft_id,
        }

    def _restore(self, snapshot: dict[str, Any]) -> None:
        self.apply_state(snapshot["state"])
        self.flow.draft_id = snapshot["draft_id"]
        self._on_edited()

    def load(self, fields: dict[str, Any], record_id: str | None) -> None:
        """Show a lead's fields in the form; Enter then updates `record_id` (or creates).

        An unsaved visitor in the form is held first, never dropped."""
        if self._dirty():
            self._hold()
        self._fill(fields, record_id)
        if record_id is not None:
            self.flow.mark_clean(self.form_state())

    def _fill(self, fields: dict[str, Any], record_id: str | None) -> None:
        self._reset_form()
        self.flow.editing_id = record_id
        for name, edit in self.inputs.items():
            value = fields.get(name)
            edit.setText("" if value is None else str(value))
        self._badge_raw = fields.get("badge_raw")
        self._address = fields.get("address")
        self._source = fields.get("source") or "manual"
        if fields.get("event_id"):
            self.set_event(fields["event_id"])
        self.rubric_form.set_answers(fields.get("answers") or {})
        self.consent.setChecked(bool(fields.get("consent_contact")))
        self._consent_at = fields.get("consent_at")
        self.follow_up.setChecked(bool(fields.get("follow_up")))
        self.interests.setText(", ".join(fields.get("interests") or []))
        ids = list(fields.get("collateral_ids") or [])
        self._collateral = self.book.collateral_titles(ids) if ids else {}
        for cid in ids:
            self._collateral.setdefault(cid, cid)
        self._render_collateral()
        self.notes.setPlainText(fields.get("notes") or "")
        self._check_email()
        self._check_phone()
        self._draft_timer.stop()
        self._show_hint()

    def reopen_last(self) -> None:
        """Ctrl+Z outside a text field: the controller decides (never replaces unsaved input)."""
        plan = self.flow.plan_undo(self.form_state())
        if plan == "refuse":
            self.show_problem(self.tr(
                "This visitor is not saved yet, so Ctrl+Z does not replace them. Enter saves; "
                "Esc sets them aside."))
        elif plan == "bring_back":
            taken = self.flow.take_held(self.flow.set_aside_id)
            if taken is not None:
                self._open_draft(*taken)
                self.show_info(self.tr("Brought back %1.").replace(
                    "%1", person(taken[1].get("fields") or {})))
        elif plan == "nothing":
            self.show_info(self.tr("No lead saved in this session yet."))
        else:
            last = self.flow.last_saved_id
            row = self.services.store.get("lead", last) if last else None
            if row is None:
                self.show_problem(self.tr("The last lead is no longer there."))
                return
            self.load(row, last)
            self.show_info(self.tr("Reopened %1. Enter saves the changes.").replace("%1", person(row)))
            self.scan.setFocus()

    def clear_form(self) -> None:
        """Esc or Clear: an unsaved visitor is set aside as a held draft (Ctrl+Z brings it back)."""
        if self.flow.plan_clear(self.form_state()) == "hold":
            who = person(self.collect())
            self._hold()
            self.show_info(self.tr("Set %1 aside; Ctrl+Z brings them back.").replace("%1", who))
        else:
            self._reset_form()

    def _reset_form(self) -> None:
        for edit in self.inputs.values():
            edit.clear()
        self._badge_raw = None
        self._address = None
        self._source = "manual"
        self._show_raw(False)
        self.rubric_form.clear()
        self.consent.setChecked(False)
        self._consent_at = None
        self.follow_up.setChecked(False)
        self.interests.clear()
        self._collateral = {}
        self._render_collateral()
        self.collateral_search.clear()
        self.notes.clear()
        self.email_warning.setVisible(False)
        self.phone_warning.setVisible(False)
        self.known_label.setVisible(False)
        self._looked_up = None
        self._lookup_timer.stop()
        self.likely_label.setVisible(False)
        self._likely = None
        self.scan.clear()
        self.scan.setFocus()
        self.media.clear()
        self._render_media()
        self.routes.form_reset()
        self._draft_timer.stop()
        self.flow.form_cleared(self.form_state())
        self._show_hint()

    def _show_hint(self) -> None:
        shortcut = QKeySequence(RUBRIC_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        if self.quick_scan.isChecked():
            text = self.tr("Quick scan · each scan is saved at once as a lead to qualify later "
                           "· untick Quick scan to type or qualify")
        elif self.in_queue():
            text = self.tr("Qualifying quick scans · %1 jumps to the rubric · Enter saves and "
                           "opens the next · Skip leaves this visitor for later")
        elif self.flow.editing_id:
            text = self.tr("Editing a saved lead · Enter saves the changes · %1 jumps to the "
                           "rubric · Esc leaves it")
        else:
            text = self.tr("Enter saves · %1 jumps to the rubric · Ctrl+Z reopens the last lead · "
                           "Esc sets the visitor aside")
        self.hint.setText(text.replace("%1", shortcut))

    def focus_rubric(self) -> None:
        """Jump to the first qualification question (the hint line names the shortcut)."""
        first = self.rubric_form.first_input()
        if first is None:
            self.show_info(self.tr("This event has no qualification rubric."))
            return
        first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._scroll.ensureWidgetVisible(first)

    def _set_tab_order(self) -> None:
        """Tab follows what the eye reads: scan, contact, rubric, consent, Save."""
        rubric_inputs = [
            w for w in self.rubric_form.findChildren(QWidget)
            if isinstance(w, (QLineEdit, QComboBox, QCheckBox))
        ]
        chain: list[QWidget] = [
            self.event_box, self.scan, self.photo_button, self.camera_button,
            self.camera.chooser, self.camera.close_button, self.quick_scan, self.queue_button,
            self.merge_button, self.open_button, self.new_button, self.cancel_dup_button,
            self.open_held_button, self.discard_held_button, self.skip_button,
            self.stop_queue_button, self.scan_raw,
            *self.inputs.values(), self.interests, self.collateral_search, self.collateral_list,
            self.notes, self.media_strip.record_button, self.media_strip.photo_button,
            *rubric_inputs, self.consent, self.follow_up,
            self.clear_button, self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _on_escape(self) -> None:
        if self.duplicate_bar.isVisible():
            self._hide_duplicate()
        else:
            self.message.clear()
            self.clear_form()

    def show_info(self, text: str) -> None:
        self.message.setText(text)
        _set_look(self.message, "state", "")

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        _set_look(self.message, "state", "bad")

    def _place_cards(self, side_by_side: bool) -> None:
        """Contact and qualification side by side on a wide form, one under the other (in the
        order Tab takes them) on a narrow one, so neither is squeezed nor cut."""
        if side_by_side == self._side_by_side:
            return
        grid, contact, rubric, consent = self._cards
        for card in (contact, rubric, consent):
            grid.removeWidget(card)
        grid.setRowStretch(2, 0)
        grid.setRowStretch(3, 0)
        if side_by_side:
            grid.addWidget(contact, 0, 0)
            grid.addWidget(rubric, 0, 1)
            grid.addWidget(consent, 1, 0, 1, 2)
            grid.setColumnStretch(1, 4)
            grid.setRowStretch(2, 1)
        else:
            grid.addWidget(contact, 0, 0, 1, 2)
            grid.addWidget(rubric, 1, 0, 1, 2)
            grid.addWidget(consent, 2, 0, 1, 2)
            grid.setColumnStretch(1, 0)
            grid.setRowStretch(3, 1)
        self._side_by_side = side_by_side

    def _side_by_side_fits(self, width: int) -> bool:
        """Whether both cards fit side by side, whole, in a form `width` wide."""
        grid, contact, rubric, _consent = self._cards
        room = width - self._scroll.verticalScrollBar().sizeHint().width()
        need = (contact.minimumSizeHint().width() + grid.horizontalSpacing()
                + rubric.minimumSizeHint().width())
        return room >= max(need, SIDE_BY_SIDE_FROM)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._place_cards(self._side_by_side_fits(event.size().width()))
        super().resizeEvent(event)

    def focus_scan(self) -> None:
        self.scan.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def take_early(self, early: EarlyCapture) -> None:
        """Read what the scan field took before this form existed (`EarlyCapture`), in
        order, as if it had come into this form's scan field."""
        early.hand_over(self.scan)

