"""Small inputs of the debrief form: tags with completion, reason checklists, collateral used.

They hold values and emit `edited`; they never read or write the store themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.translations import QT_TRANSLATE_NOOP
from fieldnote.debriefs import tidy_tags


class _LastTokenCompleter(QCompleter):
    """Completes the tag after the last comma and keeps the ones before it."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        # Walking the popup with Down puts each highlighted completion into the field; picking
        # one must complete what was typed before, not that text (else the tag is doubled:
        # "Price, Security, Security, "). `_offered` is the last completion put in the field.
        self._base = ""
        self._offered = ""
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setModel(QStringListModel(self))

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 - Qt override
        text = self._edit.text()
        if text != self._offered:  # typed or set since the last completion was offered
            self._base = text
        head, _sep, _tail = self._base.rpartition(",")
        value = str(index.data())
        self._offered = f"{head}, {value}, " if head else f"{value}, "
        return self._offered

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [path.rpartition(",")[2].strip()]


class TagEdit(QLineEdit):
    """Tags typed comma-separated, completing from everything filed so far."""

    edited = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self._completer = _LastTokenCompleter(self)
        self.setCompleter(self._completer)
        self.textEdited.connect(lambda _t: self.edited.emit())

    def set_suggestions(self, values: Sequence[str]) -> None:
        model = self._completer.model()
        assert isinstance(model, QStringListModel)
        model.setStringList(list(values))

    def tags(self) -> list[str]:
        return tidy_tags(self.text().split(","))

    def set_tags(self, values: Iterable[Any] | None) -> None:
        self.setText(", ".join(str(v) for v in (values or [])))


class ReasonPicker(QListWidget):
    """A checklist of marketing's reasons; values not on the list (older ones) are kept too."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumHeight(130)
        # A form in a scroll area gives its fields their least height: keep five reasons in
        # sight rather than a sliver of two.
        self.setMinimumHeight(110)
        self.itemChanged.connect(lambda _i: self.edited.emit())

    def set_reasons(self, reasons: Sequence[str], checked: Iterable[Any] | None = None) -> None:
        keep = list(self.checked()) if checked is None else [str(c) for c in checked]
        self.blockSignals(True)
        self.clear()
        known = {r.casefold() for r in reasons}
        for reason in [*reasons, *[k for k in keep if k.casefold() not in known]]:
            item = QListWidgetItem(reason)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = any(reason.casefold() == k.casefold() for k in keep)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.blockSignals(False)

    def checked(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, values: Iterable[Any] | None) -> None:
        reasons = [self.item(i).text() for i in range(self.count())]
        self.set_reasons(reasons, values or [])


HELPFUL_CHOICES: tuple[tuple[str, bool | None], ...] = (
    (QT_TRANSLATE_NOOP("_CollateralRow", "Not rated"), None),
    (QT_TRANSLATE_NOOP("_CollateralRow", "Helped"), True),
    (QT_TRANSLATE_NOOP("_CollateralRow", "Did not help"), False),
)


class _CollateralRow(QWidget):
    changed = Signal()
    removed = Signal(object)

    def __init__(self, collateral_id: str, title: str, helpful: bool | None) -> None:
        super().__init__()
        self.collateral_id = collateral_id
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title)
        label.setToolTip(title)
        # A long title wraps rather than widening the form.
        label.setWordWrap(True)
        row.addWidget(label, 1)
        self.helpful = QComboBox()
        for text, value in HELPFUL_CHOICES:
            self.helpful.addItem(QCoreApplication.translate("_CollateralRow", text), value)
        self.helpful.setCurrentIndex([v for _t, v in HELPFUL_CHOICES].index(helpful))
        self.helpful.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row.addWidget(self.helpful)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.removed.emit(self))
        row.addWidget(remove)

    def value(self) -> dict[str, Any]:
        return {"collateral_id": self.collateral_id, "helpful": self.helpful.currentData()}


class CollateralUsedEdit(QWidget):
    """The collateral shown on the call, each marked helped / did not help."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._titles: dict[str, str] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        self.picker = QComboBox()
        self.picker.setAccessibleName(self.tr("Find collateral from the library"))
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit, completer = self.picker.lineEdit(), self.picker.completer()
        assert edit is not None and completer is not None  # an editable combo box has both
        edit.setPlaceholderText(self.tr("Find collateral from the library…"))
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        # As wide as the form gives it, not as the longest title in the library: a long title
        # would push the whole form into sideways scrolling.
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(16)
        pick.addWidget(self.picker, 1)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self._on_add_clicked)
        pick.addWidget(self.add_button)
        outer.addLayout(pick)
        self.rows = QVBoxLayout()
        outer.addLayout(self.rows)

    def set_library(self, items: Sequence[tuple[str, str]]) -> None:
        self._titles = dict(items)
        self.picker.clear()
        for cid, title in items:
            self.picker.addItem(title, cid)
        self.picker.setCurrentIndex(-1)

    def _on_add_clicked(self) -> None:
        index = self.picker.findText(self.picker.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return
        cid = str(self.picker.itemData(index))
        if cid not in {r["collateral_id"] for r in self.value()}:
            self._add_row(cid, None)
            self.edited.emit()
        self.picker.setCurrentIndex(-1)

    def _add_row(self, cid: str, helpful: bool | None) -> None:
        row = _CollateralRow(cid, self._titles.get(cid, self.tr("(not in the library on this device)")), helpful)
        row.changed.connect(self.edited)
        row.removed.connect(self._on_row_removed)
        self.rows.addWidget(row)

    def _on_row_removed(self, row: _CollateralRow) -> None:
        self.rows.removeWidget(row)
        row.deleteLater()
        row.collateral_id = ""
        self.edited.emit()

    def value(self) -> list[dict[str, Any]]:
        out = []
        for i in range(self.rows.count()):
            item = self.rows.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, _CollateralRow) and widget.collateral_id:
                out.append(widget.value())
        return out

    def set_value(self, items: Iterable[Any] | None) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for item in items or []:
            if isinstance(item, dict) and item.get("collateral_id"):
                helpful = item.get("helpful")
                self._add_row(str(item["collateral_id"]), helpful if isinstance(helpful, bool) else None)
