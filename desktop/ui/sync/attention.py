"""The needs-attention view: changes the hub rejected (or kept failing on), with its message;
the user fixes the fields and resends, or discards the change.

Fixing sends a new mutation; discarding puts the record back as the hub has it.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.store.attention import AttentionItem
from desktop.ui.common.item_model import ItemTableModel, item_table
from desktop.ui.sync.background import BackgroundCall


class AttentionModel(ItemTableModel[AttentionItem]):
    """Rows of attention items: what, which record, the hub's message."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Kind"), self.tr("Record"), self.tr("Problem"))

    def cell(self, item: AttentionItem, column: int) -> str:
        if column == 0:
            return item.kind.replace("_", " ")
        if column == 1:
            return describe(item)
        return item.title or self.tr("Refused by the hub")

    def tooltip(self, item: AttentionItem, column: int) -> str:
        return item.detail or item.title


def describe(item: AttentionItem) -> str:
    rec = {**item.record, **item.fields}
    for keys in (("first_name", "last_name"), ("title",), ("name",), ("account",)):
        parts = [str(rec[k]) for k in keys if rec.get(k)]
        if parts:
            return " ".join(parts)
    return str(rec.get("company") or rec.get("email") or item.record_id[:8])


def show_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def read_value(text: str, original: Any) -> Any:
    """What the user typed, as the field's kind of value (text stays text)."""
    if text == "":
        return None
    if isinstance(original, str):
        return text
    if original is None and text[:1] not in "[{0123456789-tfn":
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


class NeedsAttentionView(QWidget):
    """`desk` offers attention_items(), resend(seq, fields), discard(seq)."""

    changed = Signal()

    def __init__(self, desk: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._calls: list[BackgroundCall] = []
        self.model = AttentionModel(self)
        self.table = item_table(self.model)
        self.table.setAccessibleName(self.tr("Changes that need attention"))
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)

        detail = QWidget()
        dl = QVBoxLayout(detail)
        self.title = QLabel()
        self.title.setObjectName("attentionTitle")
        self.title.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.form = QFormLayout()
        self.editors: dict[str, QLineEdit] = {}
        buttons = QHBoxLayout()
        self.resend_button = QPushButton(self.tr("Fix and resend"))
        self.discard_button = QPushButton(self.tr("Discard change"))
        self.resend_button.clicked.connect(self._on_resend_clicked)
        self.discard_button.clicked.connect(self._on_discard_clicked)
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.resend_button)
        self.empty = QLabel(self.tr("Nothing needs your attention. Every change reached the hub "
                                    "or is on its way."))
        self.empty.setWordWrap(True)
        dl.addWidget(self.empty)
        dl.addWidget(self.title)
        dl.addWidget(self.message)
        dl.addLayout(self.form)
        dl.addStretch(1)
        dl.addLayout(buttons)

        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.reload()

    def reload(self) -> None:
        self.model.set_items(self.desk.attention_items())
        has = bool(self.model.items)
        self.empty.setVisible(not has)
        for w in (self.title, self.message, self.resend_button, self.discard_button):
            w.setVisible(has)
        if has:
            self.table.selectRow(0)
            self._show(self.model.items[0])
        else:
            self._clear_form()

    def current(self) -> AttentionItem | None:
        row = self.table.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def _on_table_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if 0 <= current.row() < len(self.model.items):
            self._show(self.model.items[current.row()])

    def _clear_form(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors = {}

    def _show(self, item: AttentionItem) -> None:
        self.title.setText(item.title or self.tr("The hub refused this change"))
        lines = [item.detail] if item.detail else []
        lines += [f"{name}: {msg}" for name, msg in item.errors]
        if item.parked:
            lines.append(self.tr("The hub failed on this change repeatedly; it was set aside so "
                                 "other changes could go through. Resend to try again."))
        self.message.setText("\n".join(lines))
        self._clear_form()
        if item.op != "upsert":
            return
        names = list(dict.fromkeys([*(n for n, _ in item.errors), *item.fields]))
        for name in names:
            if name not in item.fields and name not in item.record:
                continue
            value = item.fields.get(name, item.record.get(name))
            edit = QLineEdit(show_value(value))
            edit.setObjectName(f"field_{name}")
            self.editors[name] = edit
            self.form.addRow(name.replace("_", " "), edit)

    def edited_fields(self, item: AttentionItem) -> dict[str, Any]:
        out = {}
        for name, edit in self.editors.items():
            original = item.fields.get(name, item.record.get(name))
            value = read_value(edit.text(), original)
            if value != original:
                out[name] = value
        return out

    def _on_resend_clicked(self) -> None:
        item = self.current()
        if item is None:
            return
        fields = self.edited_fields(item)
        self._run(lambda: self.desk.resend(item.seq, fields))

    def _on_discard_clicked(self) -> None:
        item = self.current()
        if item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Discard this change?"),
            self.tr("Your change to “%1” will not be sent, and the record goes back to what the "
                    "hub has.").replace("%1", describe(item)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: self.desk.discard(item.seq))

    def _run(self, fn: Any) -> None:
        call = BackgroundCall(fn, self)
        self._calls.append(call)
        call.done.connect(lambda _v, err, c=call: self._on_call_done(c, err))
        for b in (self.resend_button, self.discard_button):
            b.setEnabled(False)
        call.start()

    def _on_call_done(self, call: BackgroundCall, error: Exception | None) -> None:
        self._calls.remove(call)
        for b in (self.resend_button, self.discard_button):
            b.setEnabled(True)
        if error is not None:
            self.message.setText(self.tr("This change could not be saved: %1")
                                 .replace("%1", str(error)))
            return
        self.reload()
        self.changed.emit()
