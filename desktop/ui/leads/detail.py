"""Lead detail: the contact, its score (and the rubric version it was scored with), and the
outcome timeline, with the form to add an outcome (reps for their own leads, marketers for all).

Outcomes are appended as `lead_outcome` records, never edits of the lead, so both sides'
updates survive sync. The write runs on the writer lane.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QDoubleValidator, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import AMOUNT_DECIMALS, app_locale, format_amount, format_money, parse_number
from desktop.store.consent import ConsentBook
from desktop.store.leads import LeadBook
from desktop.store.records import SaveResult
from desktop.store.sending import CollateralSends
from desktop.sync.blobs import is_sha256
from desktop.ui.common.guard import when_alive
from desktop.ui.common.offers import offers_of, reason_text, show_offer
from desktop.ui.common.undo_notice import UndoNotice
from desktop.ui.leads.attachment_views import LeadMediaSection
from desktop.ui.leads.attachments_controller import LeadMedia
from desktop.ui.leads.choice_box import ChoiceBox
from desktop.ui.leads.models import (
    STATUS_LABELS,
    grade_text,
    method_text,
    person_name,
    short_time,
    source_text,
    status_text,
)
from desktop.ui.leads.send_dialog import ask_and_queue, may_send, queue_send, send_state_text
from desktop.ui.services import Services
from desktop.undo import UndoableWrite, save_undoably
from fieldnote.consent import consent_history, withdrawal
from fieldnote.kinds import CONSENT_METHODS, OUTCOME_STATUSES
from fieldnote.roles import Decision
from fieldnote.scoring import needs_rescore, score_fields
from fieldnote.validation import utc_now_iso


def may_update_outcome(services: Services, lead: dict[str, Any]) -> Decision:
    """Whether the signed-in user may record this lead's outcome, as the role policy says."""
    return offers_of(services).offer("lead_outcome", "create", None, {"lead_id": lead.get("id")})


def may_edit(services: Services, lead: dict[str, Any]) -> Decision:
    return offers_of(services).offer("lead", "update", lead)


class LeadDetail(QWidget):
    """Shows one lead; `edit_requested(id)` asks the page to open it in the capture form."""

    edit_requested = Signal(str)

    def __init__(self, services: Services, book: LeadBook, parent: QWidget | None = None, *,
                 undo_scope: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = book
        self.lead_id: str | None = None
        self.lead: dict[str, Any] | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = _FitWidthScroll()
        # Not a Tab stop of its own: its buttons are, and focus scrolls them into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        host = QFrame()
        host.setObjectName("card")
        self.layout_ = QVBoxLayout(host)
        self.name_label = QLabel()
        self.name_label.setProperty("role", "title")
        self.name_label.setWordWrap(True)
        self.layout_.addWidget(self.name_label)
        self.sub_label = QLabel()
        self.sub_label.setProperty("role", "muted")
        self.sub_label.setWordWrap(True)
        self.layout_.addWidget(self.sub_label)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.facts)
        self.score_label = QLabel()
        self.score_label.setWordWrap(True)
        self.layout_.addWidget(self.score_label)
        row = QHBoxLayout()
        self.rescore_button = QPushButton(self.tr("Rescore with the current rubric"))
        self.rescore_button.clicked.connect(self.rescore)
        self.edit_button = QPushButton(self.tr("Edit in capture"))
        self.edit_button.clicked.connect(lambda: self.lead_id and self.edit_requested.emit(self.lead_id))
        row.addWidget(self.rescore_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        self.layout_.addLayout(row)

        # Voice notes and photos: play, view large, add and remove your own.
        self.media_section = LeadMediaSection(
            services, LeadMedia(services.attachments, services.user, book.users))
        self.layout_.addWidget(self.media_section)

        # Consent as evidence: every statement, the current one last, and its withdrawal.
        self.consent_title = QLabel(self.tr("Consent history"))
        self.consent_title.setProperty("role", "subtitle")
        self.layout_.addWidget(self.consent_title)
        self.consent_history = QLabel()
        self.consent_history.setObjectName("consentHistory")
        self.consent_history.setWordWrap(True)
        self.consent_history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.consent_history)
        # The visitor's drawn signature (kiosk mode), when this device holds the image.
        self.signature_view = QLabel()
        self.signature_view.setObjectName("consentSignature")
        self.signature_view.setAccessibleName(self.tr("Signature"))
        self.signature_view.hide()
        self.layout_.addWidget(self.signature_view)
        consent_row = QHBoxLayout()
        self.withdraw_button = QPushButton(self.tr("Withdraw consent…"))
        self.withdraw_button.setObjectName("withdrawConsent")
        self.withdraw_button.setToolTip(self.tr(
            "The visitor no longer agrees to be contacted: recorded beside the consent, which "
            "stays in the history, and marketing follow-up ends"))
        self.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        consent_row.addWidget(self.withdraw_button)
        consent_row.addStretch(1)
        self.layout_.addLayout(consent_row)

        # Collateral sent to the visitor by mail: what, when, and how it went.
        self.sends_title = QLabel(self.tr("Sent to the visitor"))
        self.sends_title.setProperty("role", "subtitle")
        self.layout_.addWidget(self.sends_title)
        self.sends_list = QLabel()
        self.sends_list.setObjectName("collateralSends")
        self.sends_list.setWordWrap(True)
        self.sends_list.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.sends_list)
        sends_row = QHBoxLayout()
        self.send_button = QPushButton(self.tr("Send collateral…"))
        self.send_button.setObjectName("sendCollateral")
        self.send_button.setToolTip(self.tr(
            "Email approved collateral to the visitor with a note from you; it goes at the "
            "next sync"))
        self.send_button.clicked.connect(self._on_send_button_clicked)
        sends_row.addWidget(self.send_button)
        sends_row.addStretch(1)
        self.layout_.addLayout(sends_row)

        self.timeline_title = QLabel(self.tr("Outcome timeline"))
        self.timeline_title.setProperty("role", "subtitle")
        self.layout_.addWidget(self.timeline_title)
        self.timeline = QListWidget()
        self.timeline.setAccessibleName(self.tr("Outcomes"))
        self.timeline.setObjectName("outcomeTimeline")
        self.timeline.setMinimumHeight(90)
        self.timeline.setMaximumHeight(170)
        self.timeline.setWordWrap(True)
        self.layout_.addWidget(self.timeline)

        self.outcome_form = QWidget()
        form = QFormLayout(self.outcome_form)
        form.setContentsMargins(0, 0, 0, 0)
        # In a narrow detail a label goes above its field rather than widening the pane.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.status_box = ChoiceBox()
        for status in OUTCOME_STATUSES:
            self.status_box.addItem(status_text(status), status)
        self.status_box.currentIndexChanged.connect(self._update_outcome_fields)
        self.reason_box = ChoiceBox()
        self.amount = QLineEdit()
        validator = QDoubleValidator(0, 1e12, AMOUNT_DECIMALS, self.amount)
        validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        validator.setLocale(app_locale())  # the same locale the amount is parsed in
        self.amount.setValidator(validator)
        self.amount.setPlaceholderText(self.tr("Deal amount"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.add_button = QPushButton(self.tr("Add outcome"))
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add_outcome)
        form.addRow(self.tr("New outcome"), self.status_box)
        form.addRow(self.tr("Reason"), self.reason_box)
        self.amount_label = QLabel(self.tr("Amount"))
        self.amount_label.setBuddy(self.amount)
        form.addRow(self.amount_label, self.amount)
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.add_button)
        self.layout_.addWidget(self.outcome_form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)
        scroll.setWidget(host)
        outer.addWidget(scroll)
        # Below the scroll area, so it is seen even when the outcome form is scrolled away.
        self.undo_notice = UndoNotice(services.undo, undo_scope or self)
        self.undo_notice.undo_requested.connect(self._on_undo_notice_undo_requested)
        outer.addWidget(self.undo_notice)
        services.changes.records_changed.connect(self._on_records_changed)
        self.show_lead(None)

    def show_lead(self, lead_id: str | None) -> None:
        self.lead_id = lead_id
        self.lead = self.book.lead(lead_id) if lead_id else None
        lead = self.lead
        for w in (self.facts, self.score_label, self.timeline, self.timeline_title, self.outcome_form,
                  self.rescore_button, self.edit_button, self.consent_title,
                  self.consent_history, self.withdraw_button, self.sends_title,
                  self.sends_list, self.send_button, self.media_section):
            w.setVisible(lead is not None)
        self.media_section.show_lead(lead_id if lead is not None else None)
        self.signature_view.hide()
        self.message.clear()
        if lead is None:
            self.name_label.setText(self.tr("No lead selected"))
            self.sub_label.setText(self.tr("Pick a lead in the list to see its details and outcomes."))
            return
        self.name_label.setText(person_name(lead))
        self.sub_label.setText(" · ".join(p for p in (lead.get("title"), lead.get("company")) if p))
        users = self.book.users()
        event = self.book.event(lead["event_id"]) if lead.get("event_id") else None
        facts = [
            (self.tr("Email"), lead.get("email")),
            (self.tr("Phone"), lead.get("phone")),
            (self.tr("Country"), lead.get("country")),
            (self.tr("Badge"), lead.get("badge_id")),
            (self.tr("Event"), event.get("name") if event else None),
            (self.tr("Captured"), short_time(lead.get("captured_at"))),
            (self.tr("Source"), source_text(lead.get("source")) or None),
            (self.tr("Owner"), (users.get(lead.get("owner_id") or "") or {}).get("name")),
            (self.tr("Consent"), (self.tr("yes, wording %1 at %2")
                                  .replace("%1", str(lead.get("consent_text_version") or "?"))
                                  .replace("%2", short_time(lead.get("consent_at"))))
             if lead.get("consent_contact") else self.tr("no")),
            (self.tr("Follow-up"), self.tr("yes") if lead.get("follow_up") else None),
            (self.tr("Interests"), ", ".join(lead.get("interests") or []) or None),
            (self.tr("Notes"), lead.get("notes")),
        ]
        self.facts.setText("\n".join(f"{k}: {v}" for k, v in facts if v))
        self._show_score(lead, event)
        self._show_consent(lead, users)
        self._show_sends()
        self._show_timeline()
        allowed = may_update_outcome(self.services, lead)
        self.outcome_form.setVisible(allowed.allowed)
        self.message.setText(reason_text(allowed))
        show_offer(self.edit_button, may_edit(self.services, lead))
        self._update_outcome_fields()

    def _show_consent(self, lead: dict[str, Any], users: dict[str, dict[str, Any]]) -> None:
        wordings = {w["id"]: w for w in ConsentBook(self.services.store).wordings()}
        lines = []
        for statement in consent_history(lead):
            # Only what the statement holds: older ones lack a time, wording or recorder.
            head = self.tr("Given") if statement.get("given") else self.tr("Not given")
            if statement.get("at"):
                head += " " + self.tr("at %1").replace("%1", short_time(statement.get("at")))
            parts = [head]
            wording = wordings.get(statement.get("wording_id") or "")
            if wording or statement.get("version"):
                parts.append(self.tr("%1 v%2")
                             .replace("%1", str((wording or {}).get("name") or ""))
                             .replace("%2", str(statement.get("version") or "?")).strip())
            parts.append(method_text(statement.get("method")))
            by = (users.get(statement.get("captured_by") or "") or {}).get("name")
            if by:
                parts.append(self.tr("recorded by %1").replace("%1", str(by)))
            lines.append(", ".join(parts))
        self.consent_history.setText("\n".join(lines) or self.tr("Never asked"))
        self._show_signature(lead.get("consent_signature_sha256"))
        self.withdraw_button.setVisible(lead.get("consent_contact") is True)
        show_offer(self.withdraw_button, offers_of(self.services).offer(
            "lead", "update", lead, withdrawal(utc_now_iso())))

    def _show_sends(self) -> None:
        if self.lead is None or not self.lead_id:
            return
        lines = []
        for send in CollateralSends(self.services.store).for_lead(self.lead_id):
            parts = [short_time(send.get("requested_at")), ", ".join(send["items"]),
                     send_state_text(send["display_state"])]
            reason = send.get("state_reason")
            if reason and send["display_state"] in ("queued", "failed", "no_consent"):
                parts.append(QCoreApplication.translate("sending", reason))
            lines.append(" · ".join(p for p in parts if p))
        self.sends_list.setText("\n".join(lines) or self.tr("Nothing sent yet"))
        show_offer(self.send_button, may_send(self.services, self.lead))

    def _on_send_button_clicked(self) -> None:
        if self.lead is None:
            return
        self._follow_send(ask_and_queue(self.services, self.lead,
                                        self.lead.get("collateral_ids") or [], self))

    def send_collateral(self, collateral_ids: list[str], message: str) -> Any:
        """Queue a send of these items to the shown lead's visitor, on the writer lane."""
        if self.lead is None:
            return None
        return self._follow_send(queue_send(self.services, self.lead, collateral_ids, message))

    def _follow_send(self, queued: Any) -> Any:
        if queued is None:
            return None
        if isinstance(queued, str):
            self.message.setText(queued)
            return None
        lead_id = self.lead_id
        queued.finished.connect(when_alive(self, lambda _id: self._on_sent(lead_id)))
        queued.failed.connect(when_alive(self, self.message.setText))
        return queued

    def _on_sent(self, lead_id: str | None) -> None:
        if lead_id is not None and self.lead_id == lead_id:
            self._show_sends()
            self.message.setText(self.tr("Queued: the visitor gets the email at the next "
                                         "sync."))

    def _show_signature(self, sha256: str | None) -> None:
        """The current statement's signature image from this device's file cache; where only
        the hub has it, a line says so."""
        path = (self.services.blobs.path_if_verified(sha256)
                if sha256 is not None and is_sha256(sha256) else None)
        image = QPixmap(str(path)) if path is not None else QPixmap()
        if not image.isNull():
            self.signature_view.setPixmap(image.scaledToWidth(
                min(image.width(), 360), Qt.TransformationMode.SmoothTransformation))
        else:
            self.signature_view.setPixmap(QPixmap())
            self.signature_view.setText(self.tr("Signed; the image is kept on the hub.")
                                        if sha256 else "")
        self.signature_view.setVisible(bool(sha256))

    def _on_withdraw_button_clicked(self) -> None:
        labels = [method_text(m) for m in CONSENT_METHODS]
        label, ok = QInputDialog.getItem(
            self, self.tr("Withdraw consent"),
            self.tr("How did the visitor withdraw consent?"), labels,
            CONSENT_METHODS.index("verbal"), False)
        if ok:
            self.withdraw_consent(CONSENT_METHODS[labels.index(label)])

    def withdraw_consent(self, method: str) -> Any:
        """Record the visitor's withdrawal of consent on the shown lead, on the writer lane."""
        if self.lead_id is None:
            return None
        consent, lead_id = ConsentBook(self.services.store), self.lead_id
        task = self.services.tasks.write(
            "withdraw consent", lambda _ctx: consent.withdraw(lead_id, method))
        task.finished.connect(when_alive(self, lambda _result: self._on_consent_withdrawn(lead_id)))
        task.failed.connect(when_alive(self, self.message.setText))
        return task

    def _on_consent_withdrawn(self, lead_id: str) -> None:
        if self.lead_id == lead_id:
            self.show_lead(lead_id)
            self.message.setText(self.tr("Consent withdrawn; it stays in the history."))

    def _show_score(self, lead: dict[str, Any], event: dict[str, Any] | None) -> None:
        rubric = self.book.rubric((event or {}).get("rubric_id") or lead.get("rubric_id"))
        text = self.tr("Not scored")
        if lead.get("grade"):
            text = self.tr("%1 · %2 points · scored with rubric v%3").replace(
                "%1", grade_text(lead)).replace("%2", str(lead.get("score") or 0)).replace(
                "%3", str(lead.get("rubric_version") or "?"))
        stale = rubric is not None and needs_rescore(lead, rubric)
        if stale and rubric is not None:
            text += self.tr(" (the rubric is now v%1; not rescored)").replace("%1", str(rubric.version))
        self.score_label.setText(text)
        self.rescore_button.setVisible(stale and may_edit(self.services, lead).allowed)
        self._rubric = rubric

    def _show_timeline(self) -> None:
        self.timeline.clear()
        if not self.lead_id:
            return
        users = self.book.users()
        outcomes = self.book.outcomes(self.lead_id)
        currency = self.services.store.currency()
        # The amount typed is in the team's currency (a hub setting): the label names it.
        self.amount_label.setText(self.tr("Amount") + f" ({currency})")
        for o in outcomes:
            if o.get("retracts"):
                parts = [short_time(o.get("at")),
                         self.tr("Withdrew “%1” (recorded by mistake)").replace(
                             "%1", status_text(o.get("status")))]
                who = (users.get(o.get("author_id") or "") or {}).get("name")
                if who:
                    parts.append(self.tr("by %1").replace("%1", who))
                QListWidgetItem(" · ".join(parts), self.timeline)
                continue
            parts = [short_time(o.get("at")), status_text(o.get("status"))]
            if not o.get("counts", True):
                parts[1] = self.tr("%1 (withdrawn)").replace("%1", parts[1])
            if o.get("reason"):
                parts.append(str(o["reason"]))
            if o.get("amount") is not None:
                parts.append(format_money(o["amount"], currency))
            who = (users.get(o.get("author_id") or "") or {}).get("name")
            if who:
                parts.append(self.tr("by %1").replace("%1", who))
            if o.get("source") == "crm":  # imported from a CRM report (docs/crm.md)
                parts.append(self.tr("from the CRM"))
            if o.get("note"):
                parts.append(f"“{o['note']}”")
            QListWidgetItem(" · ".join(parts), self.timeline)
        if not outcomes:
            QListWidgetItem(self.tr("No outcome yet (new lead)"), self.timeline)

    def _update_outcome_fields(self) -> None:
        status = self.status_box.currentData()
        needs_reason = status in ("lost", "disqualified")
        self.reason_box.setEnabled(needs_reason)
        self.reason_box.clear()
        if needs_reason:
            for reason in self.book.reasons(status):
                self.reason_box.addItem(reason)
        self.amount.setEnabled(status == "won")

    def add_outcome(self) -> None:
        if not self.lead_id or self.lead is None:
            return
        allowed = may_update_outcome(self.services, self.lead)
        if not allowed:
            self.message.setText(reason_text(allowed))
            return
        status = self.status_box.currentData()
        reason = self.reason_box.currentText() if status in ("lost", "disqualified") else None
        amount: float | None = None
        if status == "won" and self.amount.text().strip():
            try:
                amount = parse_number(self.amount.text())
            except ValueError:
                self.message.setText(self.tr("The amount must be a number written like %1.")
                                     .replace("%1", format_amount(1234.56)))
                self.amount.setFocus()
                return
        note = self.note.text().strip() or None
        book, lead_id, author = self.book, self.lead_id, self.services.user.get("id")
        task = self.services.tasks.write(
            "add outcome",
            lambda _ctx: book.add_outcome(lead_id, status, reason=reason, amount=amount,
                                          note=note, author_id=author),
        )
        name = person_name(self.lead)
        task.finished.connect(when_alive(
            self, lambda result: self._on_outcome_added(result, lead_id, status, name)))
        task.failed.connect(when_alive(self, self.message.setText))

    def _on_outcome_added(self, result: SaveResult, lead_id: str, status: str, name: str) -> None:
        self.amount.clear()
        self.note.clear()
        self.message.setText(self.tr("Outcome added."))
        self._show_timeline()
        # One click or key wrote a synced fact: offer to withdraw it (a new, synced outcome).
        book, author, outcome_id = self.book, self.services.user.get("id"), result.record_id
        write = self.services.undo.remember(
            "lead_outcome", outcome_id,
            self.tr("Recorded “%1” for %2.").replace("%1", status_text(status)).replace("%2", name),
            lambda: book.retract_outcome(outcome_id, author_id=author),
        )
        self.undo_notice.show_write(write)

    def _on_undo_notice_undo_requested(self, write: UndoableWrite) -> None:
        self.undo_notice.revert(self.services.tasks, write, when_alive(self, self._on_undone))

    def _on_undone(self, write: UndoableWrite) -> None:
        if write.kind == "lead_outcome":
            self.undo_notice.show_result(
                self.tr("Undone: the outcome is withdrawn (a correction that syncs)."))
        else:
            self.undo_notice.show_result(self.tr("Undone: the earlier score is back (a change that syncs)."))
        self.message.clear()
        if self.lead_id:
            self.show_lead(self.lead_id)

    def rescore(self) -> None:
        """Explicitly rescore with the event's current rubric (an ordinary, visible edit)."""
        if self.lead is None or self._rubric is None or not self.lead_id:
            return
        values = score_fields(self._rubric, self.lead.get("answers") or {})
        store, lead_id, name = self.services.store, self.lead_id, person_name(self.lead)
        task = self.services.tasks.write(
            "rescore lead", lambda _ctx: save_undoably(store, "lead", values, lead_id)[1])
        task.finished.connect(when_alive(self, lambda revert: self._on_rescored(lead_id, name, revert)))
        task.failed.connect(when_alive(self, self.message.setText))

    def _on_rescored(self, lead_id: str, name: str, revert: Any) -> None:
        self.show_lead(lead_id)
        write = self.services.undo.remember(
            "lead", lead_id, self.tr("Rescored %1 with the current rubric.").replace("%1", name), revert)
        self.undo_notice.show_write(write)

    def _on_records_changed(self, kind: str, ids: list[str]) -> None:
        if self.lead_id is None:
            return
        if kind == "lead" and (not ids or self.lead_id in ids):
            self.show_lead(self.lead_id)
        elif kind == "lead_outcome":
            self._show_timeline()
        elif kind in ("collateral_send", "collateral"):
            self._show_sends()


__all__ = ["STATUS_LABELS", "LeadDetail", "may_update_outcome"]


class _FitWidthScroll(QScrollArea):
    """Scrolls up and down only: it asks its splitter for the width its content needs, so a
    narrow window takes the room from the lead list (a table that scrolls sideways anyway)
    instead of cutting the detail's texts."""

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt override
        super().setWidget(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # another lead, another width needed: the splitter asks again
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        extra = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(inner.minimumSizeHint().width() + extra, hint.height())
