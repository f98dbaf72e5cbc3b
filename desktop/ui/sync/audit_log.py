""""Audit log…" for administrators: the hub's audit log, read-only, newest first, with a filter
by action and by a first day (docs/privacy.md#the-audit-log).

The dialog shows and asks; `AuditLogController` decides what to fetch, which entries to show
and how their details read; the entries come from the hub through the sync desk on the
parallel lane, never on the UI thread.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_datetime
from desktop.tasks import TaskContext, TaskRunner
from desktop.ui.common.dialog_size import keep_whole
from desktop.ui.common.item_model import ItemTableModel, item_table
from desktop.ui.translations import QT_TRANSLATE_NOOP
from fieldnote import audit as rules
from fieldnote import roles

# Marked for extraction here, translated where shown (`action_label`, `via_label`); an action
# this app does not know shows its code.
ACTION_LABELS = {
    rules.PERSON_EXPORT: QT_TRANSLATE_NOOP("AuditLog", "Person's data exported"),
    rules.PERSON_ERASE: QT_TRANSLATE_NOOP("AuditLog", "Person erased"),
    rules.CONSENT_WORDING: QT_TRANSLATE_NOOP("AuditLog", "Consent wording changed"),
    rules.USER_ADD: QT_TRANSLATE_NOOP("AuditLog", "User added"),
    rules.USER_ROLE: QT_TRANSLATE_NOOP("AuditLog", "Role changed"),
    rules.USER_DISABLE: QT_TRANSLATE_NOOP("AuditLog", "User disabled"),
    rules.USER_ENABLE: QT_TRANSLATE_NOOP("AuditLog", "User enabled"),
    rules.LEADS_EXPORT: QT_TRANSLATE_NOOP("AuditLog", "Leads exported"),
    rules.RETENTION_ERASE: QT_TRANSLATE_NOOP("AuditLog", "Erased by retention"),
    rules.SETTING_CHANGE: QT_TRANSLATE_NOOP("AuditLog", "Setting changed"),
}
VIA_LABELS = {
    rules.VIA_COMMAND: QT_TRANSLATE_NOOP("AuditLog", "hub command"),
    rules.VIA_HUB: QT_TRANSLATE_NOOP("AuditLog", "app, through the hub"),
    rules.VIA_DEVICE: QT_TRANSLATE_NOOP("AuditLog", "device"),
}


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return QCoreApplication.translate("AuditLog", label) if label else action


def via_label(via: str) -> str:
    label = VIA_LABELS.get(via)
    return QCoreApplication.translate("AuditLog", label) if label else via


class AuditDesk(Protocol):
    """What the dialog asks of the sync side (`desktop.sync.runner.SyncDesk`)."""

    def audit_entries(self, since: str | None = None) -> list[rules.Entry]: ...


def offered_to(role: str | None) -> bool:
    """Whether the window offers "Audit log…" to this role: those who manage users, as the
    hub's `GET /v1/admin/audit` (the role table's rule)."""
    return roles.manages_users(role)


class AuditLogController:
    """Decides what is fetched and shown (no Qt widgets, no network)."""

    ALL = ""

    def __init__(self) -> None:
        self.entries: list[rules.Entry] = []

    @staticmethod
    def actions() -> Sequence[str]:
        return rules.ACTIONS

    @staticmethod
    def since_param(since: dt.date | None) -> str | None:
        return since.isoformat() if since is not None else None

    def loaded(self, entries: Sequence[rules.Entry]) -> None:
        self.entries = list(entries)

    def shown(self, action: str = ALL) -> list[rules.Entry]:
        """The loaded entries of `action` (every action for ALL), newest first."""
        return rules.newest_first(self.entries, action or None)

    @staticmethod
    def details_text(details: Mapping[str, Any], many: Callable[[int], str]) -> str:
        """An entry's details on one line: `key: value`, a long list as its count (`many`
        words it)."""
        parts = []
        for key, value in details.items():
            if isinstance(value, list) and len(value) > 3:
                text = many(len(value))
            elif isinstance(value, (list, dict)):
                text = json.dumps(value, ensure_ascii=False, sort_keys=True)
            elif value is None:
                text = "—"
            else:
                text = str(value)
            parts.append(f"{key.replace('_', ' ')}: {text}")
        return "; ".join(parts)


class AuditModel(ItemTableModel[rules.Entry]):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Where"),
                self.tr("Details"))

    def cell(self, item: rules.Entry, column: int) -> str:
        if column == 0:
            return format_datetime(item.at)
        if column == 1:
            return item.actor or "—"
        if column == 2:
            return action_label(item.action)
        if column == 3:
            return via_label(item.via)
        return AuditLogController.details_text(item.details,
                                               lambda n: self.tr("%n items", "", n))


class AuditLogDialog(QDialog):
    def __init__(self, desk: AuditDesk, tasks: TaskRunner, parent: QWidget | None = None,
                 *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.controller = AuditLogController()
        self.setWindowTitle(self.tr("Audit log"))
        self.setAccessibleName(self.tr("Audit log"))
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "What was done with people's data, newest first: exports and erasures, consent "
            "wording and user changes, settings, and every export of leads made on a device. "
            "Entries cannot be changed."))
        intro.setWordWrap(True)
        outer.addWidget(intro)

        filters = QHBoxLayout()
        self.action = QComboBox()
        self.action.setAccessibleName(self.tr("Show entries of this action"))
        self.action.addItem(self.tr("All actions"), AuditLogController.ALL)
        for code in self.controller.actions():
            self.action.addItem(action_label(code), code)
        action_label_widget = QLabel(self.tr("Action"))
        action_label_widget.setBuddy(self.action)
        filters.addWidget(action_label_widget)
        filters.addWidget(self.action)
        self.use_since = QCheckBox(self.tr("Since"))
        self.use_since.setAccessibleName(self.tr("Only entries since a day"))
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName(self.tr("First day shown"))
        start = (today or dt.date.today()) - dt.timedelta(days=30)
        self.since.setDate(QDate(start.year, start.month, start.day))
        self.since.setEnabled(False)
        filters.addWidget(self.use_since)
        filters.addWidget(self.since)
        filters.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Fetch the audit log again"))
        filters.addWidget(self.refresh_button)
        outer.addLayout(filters)

        self.model = AuditModel(self)
        self.table = item_table(self.model)
        self.table.setAccessibleName(self.tr("Audit log entries"))
        outer.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Audit log status"))
        outer.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

        self.action.currentIndexChanged.connect(lambda _i: self._show())
        self.use_since.toggled.connect(self._since_toggled)
        self.since.dateChanged.connect(lambda _d: self.load() if self.use_since.isChecked()
                                       else None)
        self.refresh_button.clicked.connect(self.load)
        self.setMinimumWidth(640)
        self.resize(900, 520)
        keep_whole(self)
        self.load()

    def _since_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.load()

    def since_day(self) -> dt.date | None:
        if not self.use_since.isChecked():
            return None
        d = self.since.date()
        return dt.date(d.year(), d.month(), d.day())

    def load(self) -> None:
        """Fetch the entries (since the chosen day) from the hub, off the UI thread."""
        since = self.controller.since_param(self.since_day())
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Loading…"))

        def job(_ctx: TaskContext) -> list[rules.Entry]:
            return self.desk.audit_entries(since)

        task = self.tasks.run("read the audit log", job)
        task.finished.connect(self._loaded)
        task.failed.connect(self._failed)

    def _loaded(self, entries: list[rules.Entry]) -> None:
        self.refresh_button.setEnabled(True)
        self.controller.loaded(entries)
        self._show()

    def _show(self) -> None:
        shown = self.controller.shown(self.action.currentData() or AuditLogController.ALL)
        self.model.set_items(shown)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("%n entries", "", len(shown)))

    def _failed(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("Not loaded: %1").replace("%1", message))
