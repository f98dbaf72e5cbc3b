"""The routing rules editor: the rules as the JSON text `fieldnote routing set` reads, checked
by `fieldnote.routing` before they are saved; a bad text gets one line and is kept as typed.

Read-only for those the role policy does not let change the rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.dialog_size import keep_whole
from fieldnote.routing import RoutingError, Rule, dump_rules, load_rules


def checked_rules(text: str, known_emails: Mapping[str, str]) -> list[Rule]:
    """The rules of the editor's text, held to the file format and, when this device knows the
    hub's users, to active users as owners; a RoutingError (one line) otherwise. An empty text
    means no rules."""
    rules = load_rules(text) if text.strip() else []
    for n, rule in enumerate(rules, start=1):
        if known_emails and rule.assign not in known_emails:
            raise RoutingError(f"Rule {n}: {rule.assign} is not an active user of the hub (as of "
                               "the last sync).")
    return rules


class RoutingRulesDialog(QDialog):
    """Edit (or read) the routing rules as JSON."""

    def __init__(self, rules: Sequence[Rule], known_emails: Mapping[str, str], editable: bool,
                 reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Routing rules"))
        self.resize(640, 440)
        self.known_emails = known_emails
        self.rules: list[Rule] = list(rules)
        outer = QVBoxLayout(self)
        note = QLabel(self.tr(
            "The hub gives each new lead to the owner of the first rule that matches it; "
            "without a match the rep who captured it keeps it. Conditions (all optional): "
            "grade, country (ISO code such as DE), team, interest, event.") if editable else
            self.tr("The hub gives each new lead to the owner of the first rule that matches "
                    "it.") + " " + reason)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        outer.addWidget(note)
        caption = QLabel(self.tr("Rules (JSON)"))
        outer.addWidget(caption)
        self.editor = QPlainTextEdit(json.dumps(dump_rules(self.rules), ensure_ascii=False,
                                                indent=2) if self.rules else "[\n]")
        self.editor.setObjectName("routingRules")
        self.editor.setReadOnly(not editable)
        self.editor.setPlaceholderText(
            '[{"when": {"grade": "hot", "country": "DE"}, "assign": "ana@example.com"}]')
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.editor.setFont(mono)
        caption.setBuddy(self.editor)
        outer.addWidget(self.editor, 1)
        self.problem = QLabel()
        self.problem.setObjectName("routingProblem")
        self.problem.setProperty("state", "bad")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the rules"))
        self.problem.hide()
        outer.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            if editable else QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        keep_whole(self)

    def accept(self) -> None:
        try:
            self.rules = checked_rules(self.editor.toPlainText(), self.known_emails)
        except RoutingError as exc:
            # The text stays as typed, to be fixed.
            self.problem.setText(str(exc))
            self.problem.show()
            return
        super().accept()
