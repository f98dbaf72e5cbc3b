"""The rubric's qualification questions as form fields, with the live score, grade and badge.

Scoring is `fieldnote.scoring.score`; this widget only collects answers and shows the result.
Every answer widget is reachable with Tab and answerable from the keyboard.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import app_locale, format_number, parse_number
from desktop.ui.leads.choice_box import ChoiceBox
from desktop.ui.leads.models import grade_label
from fieldnote.scoring import Question, Rubric, Score, score


def _set_look(widget: QWidget, name: str, value: str) -> None:
    """Set a style property and repolish only when it changes (repolishing costs ms)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class RubricForm(QWidget):
    """Answers to one rubric; `changed` fires on every edit, `result()` gives the score."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rubric: Rubric | None = None
        self._inputs: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.score_label = QLabel()
        self.score_label.setObjectName("leadScore")
        self.grade_label = QLabel()
        self.grade_label.setObjectName("leadGrade")
        self.qualified_label = QLabel()
        self.qualified_label.setObjectName("leadQualified")
        head.addWidget(self.score_label)
        head.addWidget(self.grade_label)
        head.addWidget(self.qualified_label)
        head.addStretch(1)
        outer.addLayout(head)
        self.missing_label = QLabel()
        self.missing_label.setProperty("role", "muted")
        self.missing_label.setWordWrap(True)
        outer.addWidget(self.missing_label)
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setContentsMargins(0, 4, 0, 0)
        outer.addWidget(self.form_host)
        self.empty_label = QLabel(self.tr("This event has no qualification rubric."))
        self.empty_label.setProperty("role", "muted")
        self.empty_label.setWordWrap(True)
        outer.addWidget(self.empty_label)
        outer.addStretch(1)
        self.set_rubric(None)

    # -- building ------------------------------------------------------------------------

    def set_rubric(self, rubric: Rubric | None) -> None:
        if rubric is not None and self.rubric is not None and rubric == self.rubric:
            return
        self.rubric = rubric
        while self.form.rowCount():
            self.form.removeRow(0)
        self._inputs.clear()
        for q in rubric.questions if rubric else ():
            widget = self._input_for(q)
            label = QLabel(q.text)
            label.setWordWrap(True)
            self.form.addRow(label, widget)
        self.empty_label.setVisible(rubric is None)
        self._update_result()

    def _input_for(self, q: Question) -> QWidget:
        if q.type in ("single", "yesno"):
            box = ChoiceBox()
            box.addItem("", None)
            if q.type == "single":
                for o in q.options:
                    box.addItem(o.label, o.value)
            else:
                box.addItem(self.tr("Yes"), True)
                box.addItem(self.tr("No"), False)
            box.currentIndexChanged.connect(self._on_input_changed)
            self._inputs[q.id] = box
            return box
        if q.type == "multi":
            host = QWidget()
            grid = QGridLayout(host)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setVerticalSpacing(2)
            boxes = []
            for i, o in enumerate(q.options):
                check = QCheckBox(o.label)
                check.toggled.connect(self._on_input_changed)
                grid.addWidget(check, i // 2, i % 2)
                boxes.append((check, o.value))
            self._inputs[q.id] = boxes
            return host
        edit = QLineEdit()
        if q.type == "number":
            validator = QDoubleValidator(edit)
            validator.setNotation(QDoubleValidator.Notation.StandardNotation)
            validator.setLocale(app_locale())  # the locale `answers()` parses in
            edit.setValidator(validator)
            edit.setPlaceholderText(self.tr("a number, like %1").replace("%1", format_number(1234.5)))
        edit.textChanged.connect(self._on_input_changed)
        self._inputs[q.id] = edit
        return edit

    # -- values --------------------------------------------------------------------------

    def answers(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for qid, widget in self._inputs.items():
            if isinstance(widget, QComboBox):
                value = widget.currentData()
                if value is not None:
                    out[qid] = value
            elif isinstance(widget, list):
                chosen = [value for c, value in widget if c.isChecked()]
                if chosen:
                    out[qid] = chosen
            else:
                text = widget.text().strip()
                if not text:
                    continue
                q = self.rubric.question(qid) if self.rubric else None
                if q is not None and q.type == "number":
                    try:
                        number = parse_number(text)
                    except ValueError:
                        out[qid] = text  # kept as typed; the score lists it as a problem
                    else:
                        out[qid] = int(number) if number.is_integer() else number
                else:
                    out[qid] = text
        return out

    def set_answers(self, answers: Mapping[str, Any] | None) -> None:
        answers = answers or {}
        for qid, widget in self._inputs.items():
            value = answers.get(qid)
            widget_list = [c for c, _v in widget] if isinstance(widget, list) else [widget]
            for w in widget_list:
                w.blockSignals(True)
            if isinstance(widget, QComboBox):
                index = widget.findData(value) if value is not None else 0
                widget.setCurrentIndex(max(0, index))
            elif isinstance(widget, list):
                chosen = set(value) if isinstance(value, list) else {value}
                for check, option in widget:
                    check.setChecked(option in chosen)
            else:
                widget.setText(self._answer_text(qid, value))
            for w in widget_list:
                w.blockSignals(False)
        self._update_result()

    def _answer_text(self, qid: str, value: Any) -> str:
        """A stored answer as the field shows it: numbers in the app's locale, as typed."""
        if value is None:
            return ""
        q = self.rubric.question(qid) if self.rubric else None
        if q is not None and q.type == "number" and isinstance(value, (int, float)) \
                and not isinstance(value, bool):
            return format_number(value, grouped=False)
        return str(value)

    def clear(self) -> None:
        self.set_answers({})

    def result(self) -> Score | None:
        """The score of the answers; a number answer that is no number in the app's locale
        counts as unanswered (kept as typed in `answers()`, never misread)."""
        if self.rubric is None:
            return None
        unreadable = self.unreadable_numbers()
        return score(self.rubric, {k: v for k, v in self.answers().items() if k not in unreadable})

    def unreadable_numbers(self) -> list[str]:
        """Ids of number questions whose text is not a number in the app's locale."""
        out = []
        for q in self.rubric.questions if self.rubric else ():
            widget = self._inputs.get(q.id)
            if q.type != "number" or not isinstance(widget, QLineEdit) or not widget.text().strip():
                continue
            try:
                parse_number(widget.text())
            except ValueError:
                out.append(q.id)
        return out

    def first_input(self) -> QWidget | None:
        for widget in self._inputs.values():
            first: QWidget | None = widget[0][0] if isinstance(widget, list) and widget else widget
            return first
        return None

    # -- display -------------------------------------------------------------------------

    def _on_input_changed(self, *_args: object) -> None:
        self._update_result()
        self.changed.emit()

    def _update_result(self) -> None:
        result = self.result()
        if result is None or self.rubric is None:
            self.score_label.setText("")
            self.grade_label.setText("")
            self.qualified_label.setText("")
            self.missing_label.setText("")
            return
        self.score_label.setText(
            self.tr("Score %1 / %2").replace("%1", str(result.points))
            .replace("%2", str(result.max_points))
        )
        self.grade_label.setText(grade_label(result.grade))
        _set_look(self.grade_label, "grade", result.grade)
        self.qualified_label.setText(self.tr("Qualified") if result.qualified else self.tr("Not qualified"))
        _set_look(self.qualified_label, "state", "good" if result.qualified else "warn")
        lines = []
        unreadable = self.unreadable_numbers()
        if unreadable:
            names = [q.text for q in self.rubric.questions if q.id in unreadable]
            lines.append(self.tr("Not a number here: %1 (write numbers like %2)")
                         .replace("%1", "; ".join(names)).replace("%2", format_number(1234.5)))
        for q in self.rubric.questions:
            widget = self._inputs.get(q.id)
            if q.type == "number" and isinstance(widget, QLineEdit):
                _set_look(widget, "state", "warn" if q.id in unreadable else "")
        if result.missing_must_haves:
            needs = [
                m.describe(self.rubric.question(m.question_id))
                for m in self.rubric.must_have
                if m.question_id in result.missing_must_haves
            ]
            lines.append(self.tr("Needs: ") + "; ".join(needs))
        self.missing_label.setText("\n".join(lines))
