""""A person's data…" for administrators: export everything the hub holds about a person to a
JSON file, or erase the person on the hub and every device (docs/privacy.md).

The dialog shows and asks; `PersonDataController` decides what a request needs; the hub work
runs on the parallel lane through the sync desk, never on the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskContext, TaskRunner
from desktop.ui.common.dialog_size import keep_whole
from fieldnote import roles


class PersonDesk(Protocol):
    """What the dialog asks of the sync side (`desktop.sync.runner.SyncDesk`)."""

    def export_person(self, email: str, path: Path) -> int: ...

    def erase_person(self, email: str, reason: str | None = None) -> dict[str, Any]: ...


def offered_to(role: str | None) -> bool:
    """Whether the window offers "A person's data…" to this role (the role table's rule)."""
    return isinstance(roles.cell("lead", "erase", role or roles.LEAST_ROLE), roles.Allow)


@dataclass(frozen=True)
class Request:
    email: str
    reason: str | None


class PersonDataController:
    """Decides whether what was typed names a person (no Qt, no network)."""

    def request(self, email: str, reason: str = "") -> Request | None:
        address = email.strip()
        if not address or "@" not in address:
            return None
        return Request(address, reason.strip() or None)

    @staticmethod
    def export_name(email: str) -> str:
        """A file name for the export that does not repeat the address in full."""
        local = email.split("@", 1)[0]
        safe = "".join(c if c.isalnum() else "-" for c in local)[:40].strip("-") or "person"
        return f"person-{safe}.json"


class PersonDataDialog(QDialog):
    def __init__(self, desk: PersonDesk, tasks: TaskRunner, parent: QWidget | None = None,
                 *, save_path: Any = None, confirm: Any = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tasks = tasks
        self.controller = PersonDataController()
        # Replaceable for tests: how the file is chosen and how the erasure is confirmed.
        self._save_path = save_path or self._ask_save_path
        self._confirm = confirm or self._ask_confirm
        self.setWindowTitle(self.tr("A person's data"))
        self.setAccessibleName(self.tr("A person's data"))
        outer = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Export everything the hub holds about a person, or erase them everywhere: their "
            "name, contact details and notes leave the hub and, at their next sync, every "
            "device. Their leads stay as anonymous records, so figures do not change."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        form = QFormLayout()
        self.email = QLineEdit()
        self.email.setAccessibleName(self.tr("The person's email address"))
        self.email.setPlaceholderText("name@example.com")
        form.addRow(self.tr("Email address"), self.email)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason for an erasure"))
        self.reason.setPlaceholderText(self.tr("A reference, no personal data"))
        form.addRow(self.tr("Reason"), self.reason)
        outer.addLayout(form)
        self.answer_label = QLabel()
        self.answer_label.setWordWrap(True)
        self.answer_label.setAccessibleName(self.tr("Result"))
        outer.addWidget(self.answer_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setAccessibleName(self.tr("Export the person's data"))
        self.erase_button = QPushButton(self.tr("Erase…"))
        self.erase_button.setAccessibleName(self.tr("Erase the person everywhere"))
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.export_button.clicked.connect(self.export)
        self.erase_button.clicked.connect(self.erase)
        self.setMinimumWidth(440)
        keep_whole(self)

    # -- asking ---------------------------------------------------------------------------

    def _ask_save_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the person's data"),
                                              suggested, self.tr("JSON files (*.json)"))
        return path

    def _ask_confirm(self, email: str) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Erase this person?"),
            self.tr("Erase everything about %1 on the hub and on every device? This cannot be "
                    "undone.").replace("%1", email),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _request(self) -> Request | None:
        request = self.controller.request(self.email.text(), self.reason.text())
        if request is None:
            self.answer_label.setText(self.tr("Type the person's email address."))
            self.email.setFocus()
        return request

    def _busy(self, busy: bool) -> None:
        self.export_button.setEnabled(not busy)
        self.erase_button.setEnabled(not busy)

    # -- doing ----------------------------------------------------------------------------

    def export(self) -> None:
        request = self._request()
        if request is None:
            return
        path = self._save_path(self.controller.export_name(request.email))
        if not path:
            return
        target = Path(path)
        self._busy(True)
        self.answer_label.setText(self.tr("Exporting…"))

        def job(_ctx: TaskContext) -> int:
            return self.desk.export_person(request.email, target)

        task = self.tasks.run("export a person's data", job)
        task.finished.connect(lambda leads: self._exported(target, int(leads)))
        task.failed.connect(self._failed)

    def _exported(self, path: Path, leads: int) -> None:
        self._busy(False)
        self.answer_label.setText(self.tr("Wrote %1: %n lead(s).", "", leads).replace("%1", str(path)))

    def erase(self) -> None:
        request = self._request()
        if request is None or not self._confirm(request.email):
            return
        self._busy(True)
        self.answer_label.setText(self.tr("Erasing…"))

        def job(_ctx: TaskContext) -> dict[str, Any]:
            return self.desk.erase_person(request.email, request.reason)

        task = self.tasks.run("erase a person", job)
        task.finished.connect(self._erased)
        task.failed.connect(self._failed)

    def _erased(self, answer: dict[str, Any]) -> None:
        self._busy(False)
        self.email.clear()
        leads = int(answer.get("leads") or 0)
        self.answer_label.setText(self.tr(
            "Erased %n lead(s) of this person. Every device drops their data at its next "
            "sync.", "", leads))

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.answer_label.setText(self.tr("Not done: %1").replace("%1", message))
