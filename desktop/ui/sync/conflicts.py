"""The conflict view: a field changed on two devices; the hub kept one value ("yours", the
change that arrived last) and returned the other ("theirs"). The user keeps one or the other,
which is an ordinary change and resolves the hub's conflict record."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.store.attention import ConflictItem
from desktop.ui.common.item_model import ItemTableModel, item_table
from desktop.ui.sync.background import BackgroundCall


def _text(value: Any) -> str:
    if value is None:
        return "—"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class ConflictModel(ItemTableModel[ConflictItem]):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Record"), self.tr("Field"), self.tr("Yours (kept)"), self.tr("Theirs"))

    def cell(self, item: ConflictItem, column: int) -> str:
        return (f"{item.kind.replace('_', ' ')}: {item.label}", item.field.replace("_", " "),
                _text(item.yours), _text(item.theirs))[column]


class ConflictView(QWidget):
    """`desk` offers conflicts() and resolve_conflict(id, 'yours' | 'theirs')."""

    changed = Signal()

    def __init__(self, desk: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._calls: list[BackgroundCall] = []
        self.model = ConflictModel(self)
        self.table = item_table(self.model)
        self.table.setAccessibleName(self.tr("Conflicts"))
        self.empty = QLabel(self.tr("No conflicts. When the same field is changed on two "
                                    "devices, it shows up here."))
        self.empty.setWordWrap(True)
        self.keep_yours = QPushButton(self.tr("Keep yours"))
        self.keep_theirs = QPushButton(self.tr("Use theirs"))
        self.keep_yours.clicked.connect(lambda: self._resolve("yours"))
        self.keep_theirs.clicked.connect(lambda: self._resolve("theirs"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_theirs)
        buttons.addWidget(self.keep_yours)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_items(self.desk.conflicts())
        has = bool(self.model.items)
        self.empty.setVisible(not has)
        self.keep_yours.setEnabled(has)
        self.keep_theirs.setEnabled(has)
        if has:
            self.table.selectRow(0)

    def _resolve(self, keep: str) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.model.items):
            return
        conflict_id = self.model.items[row].id
        call = BackgroundCall(lambda: self.desk.resolve_conflict(conflict_id, keep), self)
        self._calls.append(call)
        call.done.connect(lambda _v, err, c=call: self._on_call_done(c, err))
        self.keep_yours.setEnabled(False)
        self.keep_theirs.setEnabled(False)
        call.start()

    def _on_call_done(self, call: BackgroundCall, error: Exception | None) -> None:
        self._calls.remove(call)
        if error is not None:
            self.empty.setText(self.tr("The choice could not be saved: %1").replace("%1", str(error)))
            self.empty.show()
        self.reload()
        self.changed.emit()
