"""The reason lists editor: marketers edit why-buy and why-not reasons; reps read them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.dialog_size import keep_whole
from desktop.ui.translations import QT_TRANSLATE_NOOP
from fieldnote.debriefs import tidy_tags

LISTS = (("why_buy", QT_TRANSLATE_NOOP("ReasonListsDialog", "Why they buy")),
         ("why_not", QT_TRANSLATE_NOOP("ReasonListsDialog", "Why not")))


# Room for the lists side by side, each wide enough to read a reason.
LEAST_WIDTH = 480


class ReasonListsDialog(QDialog):
    """One reason per line. Read-only unless `editable` (marketers)."""

    def __init__(self, lists: dict[str, list[str]], editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reason lists"))
        self.resize(620, 420)
        outer = QVBoxLayout(self)
        note = QLabel(self.tr("One reason per line. Reps pick from these lists in every debrief; "
                              "changes reach them on their next sync.") if editable else
                      self.tr("Marketing maintains these lists; they arrive with each sync."))
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        outer.addWidget(note)
        grid = QGridLayout()
        self.edits: dict[str, QPlainTextEdit] = {}
        for col, (name, title) in enumerate(LISTS):
            caption = QLabel(QCoreApplication.translate("ReasonListsDialog", title))
            grid.addWidget(caption, 0, col)
            edit = QPlainTextEdit("\n".join(lists.get(name, [])))
            caption.setBuddy(edit)
            edit.setReadOnly(not editable)
            edit.setObjectName(f"reasons_{name}")
            self.edits[name] = edit
            grid.addWidget(edit, 1, col)
        outer.addLayout(grid, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            if editable else QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self.setMinimumWidth(LEAST_WIDTH)
        keep_whole(self)  # never dragged lower than its note and lists need

    def lists(self) -> dict[str, list[str]]:
        return {name: tidy_tags(edit.toPlainText().splitlines()) for name, edit in self.edits.items()}
