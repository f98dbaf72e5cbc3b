"""The "send to the visitor" dialog: tick approved items, write a short note, send. It only asks;
the caller queues the send (`desktop.store.sending`) on the writer lane, and the hub mails it at
the next sync, if the visitor agreed to be contacted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.store.sending import CollateralSends
from desktop.tasks import Task
from desktop.ui.common.dialog_size import keep_whole
from desktop.ui.common.offers import offers_of, reason_text
from desktop.ui.leads.models import person_name
from desktop.ui.services import Services
from fieldnote.roles import Decision
from fieldnote.sending import ITEMS_MAX, MESSAGE_MAX, SendError, check_send, lead_refusal


def send_state_text(state: str) -> str:
    """A send's state (`fieldnote.sending.display_state`) in words."""
    labels = {
        "queued": QCoreApplication.translate("sending", "queued"),
        "sent": QCoreApplication.translate("sending", "sent"),
        "failed": QCoreApplication.translate("sending", "failed"),
        "no_consent": QCoreApplication.translate("sending", "not sent: no consent"),
        "opened": QCoreApplication.translate("sending", "opened"),
    }
    return labels.get(state, state)


def may_send(services: Services, lead: Mapping[str, Any]) -> Decision:
    """Whether the signed-in user may send collateral to this lead's visitor now: the role
    policy, then the visitor's consent and address (`fieldnote.sending.lead_refusal`); the
    reason in the user's language."""
    offered = offers_of(services).offer("collateral_send", "create", None,
                                        {"lead_id": lead.get("id")})
    if not offered:
        return Decision(False, reason_text(offered))
    refusal = lead_refusal(lead)
    if refusal is not None:
        return Decision(False, QCoreApplication.translate("sending", refusal[1]))
    return Decision(True)


def ask_and_queue(services: Services, lead: Mapping[str, Any], preselected: Sequence[str],
                  parent: QWidget) -> Task | str | None:
    """Show the dialog for this lead and queue what was chosen on the writer lane: the task,
    a problem to show (nothing queued), or None when the user cancelled."""
    sends = CollateralSends(services.store)
    dialog = SendCollateralDialog(person_name(dict(lead)), sends.sendable_items(), preselected,
                                  parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    chosen, message = dialog.chosen(), dialog.message()
    # Deleted by Qt in its event loop, not whenever Python's collector finds the wrapper
    # (a collection on the UI thread while the writer lane queues the send crashed in tests).
    dialog.deleteLater()
    if not accepted:
        return None
    return queue_send(services, lead, chosen, message)


def queue_send(services: Services, lead: Mapping[str, Any], collateral_ids: Sequence[str],
               message: str) -> Task | str:
    """Check and queue a send (a synced record, written with its outbox entry); the task, or
    the problem in the user's language when nothing was queued."""
    lead_id = str(lead.get("id") or "")
    offered = offers_of(services).offer("collateral_send", "create", None,
                                        {"lead_id": lead_id,
                                         "collateral_ids": list(collateral_ids)})
    if not offered:
        return reason_text(offered)
    sends = CollateralSends(services.store)
    try:
        sends.check(lead, collateral_ids, message)
    except SendError as exc:
        return QCoreApplication.translate("sending", str(exc))
    author = services.user.get("id")
    chosen = list(collateral_ids)
    return services.tasks.write(
        "send collateral", lambda _ctx: sends.queue(lead_id, chosen, message, author))


class SendCollateralDialog(QDialog):
    """Choose what to send to one visitor; `chosen()` and `message()` once accepted."""

    def __init__(self, visitor: str, items: Iterable[Mapping[str, Any]],
                 preselected: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send to the visitor"))
        self.setObjectName("sendCollateralDialog")
        self.resize(480, 440)
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("%1 gets an email with your note and a personal link to each "
                               "item at the next sync.").replace("%1", visitor))
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        outer.addWidget(intro)
        caption = QLabel(self.tr("Approved collateral"))
        outer.addWidget(caption)
        self.model = QStandardItemModel(self)
        for item in items:
            row = QStandardItem(str(item.get("title") or ""))
            row.setData(item["id"], Qt.ItemDataRole.UserRole)
            row.setCheckable(True)
            row.setEditable(False)
            row.setCheckState(Qt.CheckState.Checked if item["id"] in preselected
                              else Qt.CheckState.Unchecked)
            self.model.appendRow(row)
        self.items = QListView()
        self.items.setObjectName("sendItems")
        self.items.setModel(self.model)
        self.items.setMinimumHeight(120)
        caption.setBuddy(self.items)
        outer.addWidget(self.items, 1)
        note_caption = QLabel(self.tr("Your note"))
        outer.addWidget(note_caption)
        self.note = QPlainTextEdit()
        self.note.setObjectName("sendMessage")
        self.note.setPlaceholderText(self.tr("e.g. Good to meet you at the booth - here is the "
                                             "brochure we talked about."))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(110)
        note_caption.setBuddy(self.note)
        outer.addWidget(self.note)
        self.problem = QLabel()
        self.problem.setObjectName("sendProblem")
        self.problem.setProperty("state", "bad")
        self.problem.setWordWrap(True)
        self.problem.hide()
        outer.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = buttons.addButton(self.tr("Send"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setProperty("primary", True)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        if not self.model.rowCount():
            self.problem.setText(self.tr("No approved collateral on this device yet; sync to "
                                         "get the library."))
            self.problem.show()
            self.send_button.setEnabled(False)
        keep_whole(self)

    def chosen(self) -> list[str]:
        return [str(self.model.item(r).data(Qt.ItemDataRole.UserRole))
                for r in range(self.model.rowCount())
                if self.model.item(r).checkState() == Qt.CheckState.Checked]

    def message(self) -> str:
        return self.note.toPlainText().strip()

    def _on_buttons_accepted(self) -> None:
        try:
            check_send(self.chosen(), self.message())
        except SendError:
            chosen = len(self.chosen())
            if not chosen:
                text = self.tr("Tick at least one item to send.")
            elif chosen > ITEMS_MAX:
                text = self.tr("Send at most %1 items at once.").replace("%1", str(ITEMS_MAX))
            else:
                text = self.tr("Keep the note to %1 characters.").replace("%1", str(MESSAGE_MAX))
            self.problem.setText(text)
            self.problem.show()
            return
        self.accept()
