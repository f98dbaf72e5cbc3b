"""The rubric editor: questions with points, grade thresholds and must-haves, in plain lines.

Answers are typed one per line as `Label = points` (choices) or `50-249 = 6` / `1000+ = 15`
(number ranges), so a marketer edits a rubric without learning JSON. The result is checked
with `fieldnote.scoring.parse_rubric` before it is saved; saving an edit makes a new version.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_number, parse_number
from desktop.store.leads import LeadBook
from desktop.ui.common.guard import when_alive
from desktop.ui.leads.choice_box import ChoiceBox
from desktop.ui.services import Services
from desktop.ui.translations import QT_TRANSLATE_NOOP
from fieldnote.scoring import QUESTION_TYPES, RubricInvalid, parse_rubric

TYPE_LABELS = {
    "single": QT_TRANSLATE_NOOP("RubricDialog", "One choice"),
    "multi": QT_TRANSLATE_NOOP("RubricDialog", "Several choices"),
    "yesno": QT_TRANSLATE_NOOP("RubricDialog", "Yes / no"),
    "number": QT_TRANSLATE_NOOP("RubricDialog", "Number"),
    "text": QT_TRANSLATE_NOOP("RubricDialog", "Free text"),
}
_LINE = re.compile(r"^(?P<left>.*?)\s*=\s*(?P<points>[+-]?\d+)\s*$")


def _slug(label: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")
    return slug or "option"


def _num(x: Any) -> str:
    """A range bound as the marketer writes it: the app's locale, no group separators."""
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return format_number(x, grouped=False)
    return str(x)


def options_to_text(options: list[dict[str, Any]]) -> str:
    return "\n".join(f"{o.get('label') or o.get('value')} = {o.get('points', 0)}" for o in options)


def text_to_options(text: str, old: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Options from `Label = points` lines; labels seen before keep their stored values."""
    by_label = {str(o.get("label") or o.get("value")): o.get("value") for o in old}
    out: list[dict[str, Any]] = []
    problems: list[str] = []
    used: set[str] = set()
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        label, points = (m["left"].strip(), int(m["points"])) if m else (line.strip(), 0)
        if not m and "=" in line:
            problems.append(f"line {n}: write 'Label = points'")
            continue
        value = str(by_label.get(label) or _slug(label))
        base, i = value, 2
        while value in used:
            value, i = f"{base}_{i}", i + 1
        used.add(value)
        out.append({"value": value, "label": label, "points": points})
    return out, problems


def ranges_to_text(ranges: list[dict[str, Any]]) -> str:
    lines = []
    for r in ranges:
        lo, hi = r.get("min"), r.get("max")
        left = f"{_num(lo)}-{_num(hi)}" if lo is not None and hi is not None else (
            f"{_num(lo)}+" if lo is not None else f"-{_num(hi)}" if hi is not None else "")
        lines.append(f"{left} = {r.get('points', 0)}")
    return "\n".join(lines)


# A number in a range line, in the app's locale ("1.000" or "2,5" in German, "1,000" or "2.5" in
# English); it never contains "-" or "+", which mark the range itself.
_NUM = r"-?\d[\d.,'\u00a0\u202f]*"


def _parse_span(text: str) -> tuple[float | None, float | None] | None:
    text = text.strip()
    for pattern, shape in (
        (rf"^({_NUM})\s*(?:-|–|to)\s*({_NUM})$", "both"),
        (rf"^({_NUM})\s*\+$", "min"),
        (rf"^-\s*({_NUM[2:]})$", "max"),
        (rf"^({_NUM})$", "one"),
    ):
        m = re.match(pattern, text)
        if m is None:
            continue
        try:
            numbers = [parse_number(g) for g in m.groups()]
        except ValueError:
            return None  # not a number in the app's locale: reported, never misread
        if shape == "both":
            return numbers[0], numbers[1]
        if shape == "min":
            return numbers[0], None
        if shape == "max":
            return None, numbers[0]
        return numbers[0], numbers[0]
    return None


def _clean_num(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def text_to_ranges(text: str) -> tuple[list[dict[str, Any]], list[str]]:
    out: list[dict[str, Any]] = []
    problems: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        m = _LINE.match(line)
        span = _parse_span(m["left"]) if m else None
        if not m or span is None:
            problems.append(f"line {n}: write a range like '50-249 = 6' or '1000+ = 15' "
                            f"(numbers as in {format_number(1234.5, grouped=False)})")
            continue
        r: dict[str, Any] = {"points": int(m["points"])}
        lo, hi = span
        if lo is not None:
            r["min"] = _clean_num(lo)
        if hi is not None:
            r["max"] = _clean_num(hi)
        out.append(r)
    return out, problems


class RubricDialog(QDialog):
    """Edit (or, read-only, view) one rubric; `saved(id)` after the new version committed."""

    saved = Signal(str)

    def __init__(self, services: Services, book: LeadBook, rubric: dict[str, Any] | None,
                 *, read_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = book
        self.read_only = read_only
        self.rubric_id = rubric["id"] if rubric else None
        self.version = int((rubric or {}).get("version") or 0)
        self.questions: list[dict[str, Any]] = [dict(q) for q in (rubric or {}).get("questions") or []]
        self.must_have: dict[str, dict[str, Any]] = {
            str(m.get("question_id")): dict(m) for m in (rubric or {}).get("must_have") or []
        }
        self._current = -1
        name = (rubric or {}).get("name") or ""
        self.setWindowTitle(
            self.tr("Rubric %1 (v%2)").replace("%1", name).replace("%2", str(self.version))
            if rubric else self.tr("New rubric")
        )
        self.setMinimumSize(760, 520)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.name = QLineEdit(name)
        top.addRow(self.tr("Name"), self.name)
        thresholds = (rubric or {}).get("thresholds") or {"hot": 70, "warm": 40}
        row = QHBoxLayout()
        self.hot = QSpinBox()
        self.hot.setAccessibleName(self.tr("Hot from (points)"))
        self.hot.setRange(-100000, 100000)
        self.hot.setValue(int(thresholds.get("hot", 70)))
        self.warm = QSpinBox()
        self.warm.setAccessibleName(self.tr("Warm from (points)"))
        self.warm.setRange(-100000, 100000)
        self.warm.setValue(int(thresholds.get("warm", 40)))
        row.addWidget(QLabel(self.tr("Hot from")))
        row.addWidget(self.hot)
        row.addWidget(QLabel(self.tr("warm from")))
        row.addWidget(self.warm)
        row.addWidget(QLabel(self.tr("points; below is cold")))
        row.addStretch(1)
        top.addRow(self.tr("Grades"), row)
        layout.addLayout(top)

        middle = QHBoxLayout()
        left = QVBoxLayout()
        self.question_list = QListWidget()
        self.question_list.setAccessibleName(self.tr("Questions"))
        self.question_list.currentRowChanged.connect(self._on_question_list_row_changed)
        left.addWidget(self.question_list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add question"))
        self.add_button.clicked.connect(self.add_question)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_question)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)
        middle.addLayout(left, 2)

        self.editor = QWidget()
        form = QFormLayout(self.editor)
        self.q_text = QLineEdit()
        self.q_type = ChoiceBox()
        for t in QUESTION_TYPES:
            self.q_type.addItem(QCoreApplication.translate("RubricDialog", TYPE_LABELS[t]), t)
        self.q_answers = QPlainTextEdit()
        self.q_answers.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.q_answers.setPlaceholderText(self.tr("One answer per line: Label = points"))
        self.q_answers_hint = QLabel()
        self.q_answers_hint.setProperty("role", "muted")
        self.q_answers_hint.setWordWrap(True)
        self.q_yes = QSpinBox()
        self.q_yes.setRange(-100000, 100000)
        self.q_no = QSpinBox()
        self.q_no.setRange(-100000, 100000)
        self.q_max = QSpinBox()
        self.q_max.setRange(0, 100000)
        self.q_max.setSpecialValueText(self.tr("no cap"))
        self.q_must = QLineEdit()
        self.q_must.setPlaceholderText(self.tr("Empty = not required"))
        form.addRow(self.tr("Question"), self.q_text)
        form.addRow(self.tr("Answer type"), self.q_type)
        form.addRow(self.tr("Answers"), self.q_answers)
        form.addRow("", self.q_answers_hint)
        form.addRow(self.tr("Points for yes"), self.q_yes)
        form.addRow(self.tr("Points for no"), self.q_no)
        form.addRow(self.tr("Points cap"), self.q_max)
        form.addRow(self.tr("Must have"), self.q_must)
        self.q_type.currentIndexChanged.connect(self._update_type_fields)
        middle.addWidget(self.editor, 3)
        layout.addLayout(middle, 1)

        self.error = QLabel()
        self.error.setProperty("state", "bad")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        note = QLabel(self.tr(
            "Saving makes a new version. Leads already captured keep the version they were "
            "scored with; nothing is rescored without asking."))
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        if read_only:
            box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            box.rejected.connect(self.reject)
        else:
            box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
            box.accepted.connect(self.submit)
            box.rejected.connect(self.reject)
        layout.addWidget(box)

        for q in self.questions:
            self.question_list.addItem(q.get("text") or q.get("id") or "")
        if read_only:
            for w in (self.name, self.hot, self.warm, self.q_text, self.q_type, self.q_answers,
                      self.q_yes, self.q_no, self.q_max, self.q_must, self.add_button,
                      self.remove_button):
                w.setEnabled(False)
        self.editor.setEnabled(bool(self.questions) and not read_only)
        if self.questions:
            self.question_list.setCurrentRow(0)
        self._update_type_fields()

    # -- per-question editing ------------------------------------------------------------

    def _on_question_list_row_changed(self, row: int) -> None:
        self._store_current()
        self._current = row
        if 0 <= row < len(self.questions):
            self._show(self.questions[row])
        self.editor.setEnabled(0 <= row < len(self.questions) and not self.read_only)

    def _show(self, q: dict[str, Any]) -> None:
        self.q_text.setText(q.get("text") or "")
        self.q_type.setCurrentIndex(max(0, self.q_type.findData(q.get("type") or "single")))
        if q.get("type") == "number":
            self.q_answers.setPlainText(ranges_to_text(q.get("ranges") or []))
        else:
            self.q_answers.setPlainText(options_to_text(q.get("options") or []))
        self.q_yes.setValue(int(q.get("yes_points") or 0))
        self.q_no.setValue(int(q.get("no_points") or 0))
        self.q_max.setValue(int(q.get("max_points") or 0))
        self.q_must.setText(self._must_text(q))
        self._update_type_fields()

    def _must_text(self, q: dict[str, Any]) -> str:
        m = self.must_have.get(str(q.get("id")))
        if not m:
            return ""
        if q.get("type") == "number":
            lo, hi = m.get("min"), m.get("max")
            if lo is not None and hi is not None:
                return f"{_num(lo)}-{_num(hi)}"
            return f"{_num(lo)}+" if lo is not None else f"-{_num(hi)}"
        if q.get("type") == "yesno":
            return ", ".join("yes" if v else "no" for v in m.get("values") or [])
        labels = {o.get("value"): o.get("label") for o in q.get("options") or []}
        return ", ".join(str(labels.get(v, v)) for v in m.get("values") or [])

    def _update_type_fields(self) -> None:
        qtype = self.q_type.currentData()
        self.q_answers.setVisible(qtype in ("single", "multi", "number"))
        self.q_yes.setVisible(qtype == "yesno")
        self.q_no.setVisible(qtype == "yesno")
        self.q_max.setVisible(qtype == "multi")
        self.q_must.setEnabled(qtype != "text" and not self.read_only and self.editor.isEnabled())
        hints = {
            "single": self.tr("One per line, e.g. 'Confirmed = 25'. Must have: labels, comma separated."),
            "multi": self.tr("One per line, e.g. 'CRM integration = 4'. Must have: labels, comma separated."),
            "number": self.tr("Ranges, e.g. '50-249 = 6' or '1000+ = 15'. Must have: '50+' or '10-500'."),
            "yesno": self.tr("Must have: yes or no."),
            "text": self.tr("Free text is kept with the lead and scores nothing."),
        }
        self.q_answers_hint.setText(hints.get(qtype, ""))

    def _store_current(self) -> None:
        if not (0 <= self._current < len(self.questions)) or self.read_only:
            return
        q = self.questions[self._current]
        qtype = self.q_type.currentData()
        q["text"] = self.q_text.text().strip()
        q["type"] = qtype
        for key in ("options", "ranges", "yes_points", "no_points", "max_points"):
            q.pop(key, None)
        problems: list[str] = []
        if qtype in ("single", "multi"):
            old = [o for o in self._original_options(q)]
            q["options"], problems = text_to_options(self.q_answers.toPlainText(), old)
            if qtype == "multi" and self.q_max.value():
                q["max_points"] = self.q_max.value()
        elif qtype == "number":
            q["ranges"], problems = text_to_ranges(self.q_answers.toPlainText())
        elif qtype == "yesno":
            q["yes_points"], q["no_points"] = self.q_yes.value(), self.q_no.value()
        q["_problems"] = problems
        self._store_must(q)
        item = self.question_list.item(self._current)
        if item is not None:
            item.setText(q["text"] or q["id"])

    def _original_options(self, q: dict[str, Any]) -> list[dict[str, Any]]:
        return list(q.get("_options_before") or q.get("options") or [])

    def _store_must(self, q: dict[str, Any]) -> None:
        qid = str(q["id"])
        text = self.q_must.text().strip()
        self.must_have.pop(qid, None)
        if not text or q["type"] == "text":
            return
        if q["type"] == "number":
            span = _parse_span(text)
            if span is None:
                q["_problems"].append(self.tr("must have: write '50+' or '10-500'"))
                return
            m: dict[str, Any] = {"question_id": qid}
            if span[0] is not None:
                m["min"] = _clean_num(span[0])
            if span[1] is not None:
                m["max"] = _clean_num(span[1])
            self.must_have[qid] = m
            return
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if q["type"] == "yesno":
            values = [p.lower() in ("yes", "y", "true") for p in parts]
        else:
            by_label = {str(o["label"]).lower(): o["value"] for o in q.get("options") or []}
            by_value = {str(o["value"]).lower(): o["value"] for o in q.get("options") or []}
            values = []
            for p in parts:
                v = by_label.get(p.lower()) or by_value.get(p.lower())
                if v is None:
                    q["_problems"].append(
                        self.tr("must have: %1 is not one of the answers").replace("%1", p))
                else:
                    values.append(v)
        if values:
            self.must_have[qid] = {"question_id": qid, "values": values}

    def add_question(self) -> None:
        self._store_current()
        used = {q.get("id") for q in self.questions}
        n = len(self.questions) + 1
        while f"q{n}" in used:
            n += 1
        self.questions.append({"id": f"q{n}", "text": self.tr("New question"), "type": "single",
                               "options": []})
        self.question_list.addItem(self.tr("New question"))
        self.question_list.setCurrentRow(len(self.questions) - 1)
        self.q_text.setFocus()
        self.q_text.selectAll()

    def remove_question(self) -> None:
        row = self.question_list.currentRow()
        if not (0 <= row < len(self.questions)):
            return
        removed = self.questions.pop(row)
        self.must_have.pop(str(removed.get("id")), None)
        self._current = -1
        self.question_list.takeItem(row)

    # -- saving --------------------------------------------------------------------------

    def fields(self) -> tuple[dict[str, Any], list[str]]:
        """The rubric record's fields as edited, and line problems found on the way."""
        self._store_current()
        problems: list[str] = []
        questions = []
        for q in self.questions:
            for p in q.get("_problems") or []:
                problems.append(f"{q.get('text') or q.get('id')}: {p}")
            questions.append({k: v for k, v in q.items() if not k.startswith("_")})
        ids = {q["id"] for q in questions}
        must = [m for qid, m in self.must_have.items() if qid in ids]
        return {
            "name": self.name.text().strip(),
            "questions": questions,
            "thresholds": {"hot": self.hot.value(), "warm": self.warm.value()},
            "must_have": must,
        }, problems

    def submit(self) -> None:
        values, problems = self.fields()
        if problems:
            self.error.setText("\n".join(problems))
            return
        try:
            parse_rubric({**values, "version": 1})
        except RubricInvalid as exc:
            self.error.setText(exc.describe())
            return
        book, rubric_id, author = self.book, self.rubric_id, self.services.user.get("id")
        task = self.services.tasks.write(
            "save rubric", lambda _ctx: book.save_rubric(values, rubric_id, author_id=author)
        )
        task.finished.connect(when_alive(self, lambda result: self._on_saved(result.record_id)))
        task.failed.connect(when_alive(self, self.error.setText))

    def _on_saved(self, record_id: str) -> None:
        self.saved.emit(record_id)
        self.accept()

