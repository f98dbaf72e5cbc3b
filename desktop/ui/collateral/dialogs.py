"""Dialogs of the collateral job: publish files, share with a lead, request material, rate.

Dialogs collect and check what the user typed and hand back plain values; the page saves them
through the writer lane. No dialog queries or writes the store itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.collateral.model import kind_name
from desktop.ui.common.dialog_size import keep_whole
from fieldnote.kinds import COLLATERAL_KINDS

TAG_FIELDS = ("product", "industry", "stage", "region")


def _kind_combo(selected: str | None = None, *, any_label: str | None = None) -> QComboBox:
    combo = QComboBox()
    if any_label is not None:
        combo.addItem(any_label, None)
    for kind in COLLATERAL_KINDS:
        combo.addItem(kind_name(kind), kind)
    if selected:
        combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo


def _split(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


class PublishDialog(QDialog):
    """Describe one or more files before they are published (or a new version of an item)."""

    def __init__(self, paths: Sequence[Path], *, guess_title: Callable[[Path], str],
                 guess_kind: Callable[[Path], str], teams: Sequence[str] = (),
                 previous: dict[str, Any] | None = None, parent: QWidget | None = None,
                 check: Callable[[Path], None] | None = None, proposal: bool = False,
                 editing: bool = False) -> None:
        super().__init__(parent)
        self.paths = list(paths)
        self.previous = previous
        # A rep's proposal: its status is fixed (marketing's review queue) and the page adds
        # the proposer; audience and expiry are marketing's to set when it approves.
        self.proposal = proposal
        # Marketing edits an item's description (a proposal's too); its file and status stay.
        self.editing = editing
        # The publishing rule's file check (it raises with a one-line reason); run on Publish so
        # a file that is not what its name says is refused here, before anything is written.
        self.check = check
        self.refused: Path | None = None
        self.guess_title = guess_title
        self.setWindowTitle(self.tr("Edit collateral") if editing else
                            self.tr("Propose material") if proposal else
                            self.tr("New version") if previous else self.tr("Publish collateral"))
        self.setMinimumWidth(520)
        form = QFormLayout()
        self.files = QLabel()
        self.files.setWordWrap(True)
        self._show_names()
        form.addRow(self.tr("Files"), self.files)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        single = len(self.paths) == 1
        if previous:
            self.title.setText(str(previous.get("title") or ""))
        elif single:
            self.title.setText(guess_title(self.paths[0]))
        self.title.setEnabled(single)
        if not single:
            self.title.setPlaceholderText(self.tr("Each file is titled after its name"))
        form.addRow(self.tr("Title"), self.title)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.summary.setFixedHeight(70)
        self.summary.setPlaceholderText(self.tr("What it is for, in one or two sentences"))
        if previous:
            self.summary.setPlainText(str(previous.get("summary") or ""))
        form.addRow(self.tr("Summary"), self.summary)
        self.kind = _kind_combo((previous or {}).get("kind") or guess_kind(self.paths[0]))
        form.addRow(self.tr("Kind"), self.kind)
        old_tags = list((previous or {}).get("tags") or [])
        self.tag_edits: dict[str, QLineEdit] = {}
        labels = {"product": self.tr("Product"), "industry": self.tr("Industry"),
                  "stage": self.tr("Stage"), "region": self.tr("Region")}
        for group in TAG_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("comma-separated"))
            mine = [t.split(":", 1)[1] for t in old_tags if t.lower().startswith(group + ":")]
            edit.setText(", ".join(mine))
            self.tag_edits[group] = edit
            form.addRow(labels[group], edit)
        self.other_tags = QLineEdit(", ".join(
            t for t in old_tags if t.split(":", 1)[0].lower() not in TAG_FIELDS or ":" not in t))
        self.other_tags.setPlaceholderText(self.tr("other tags, comma-separated"))
        form.addRow(self.tr("Tags"), self.other_tags)
        self.audience = QLineEdit(", ".join((previous or {}).get("audience") or []))
        self.audience.setPlaceholderText(
            self.tr("teams, comma-separated; empty = everyone") + (f" ({', '.join(teams)})" if teams else ""))
        form.addRow(self.tr("Audience"), self.audience)
        expiry_row = QHBoxLayout()
        self.expires = QCheckBox(self.tr("Expires on"))
        self.expires_on = QDateEdit()
        self.expires_on.setAccessibleName(self.tr("Expires on"))
        self.expires_on.setCalendarPopup(True)
        self.expires_on.setDisplayFormat("yyyy-MM-dd")
        self.expires_on.setMinimumDate(QDate.currentDate())
        self.expires_on.setDate(QDate.currentDate().addYears(1))
        old_expiry = (previous or {}).get("expires_on")
        if old_expiry:
            self.expires.setChecked(True)
            self.expires_on.setDate(QDate.fromString(old_expiry, "yyyy-MM-dd"))
        self.expires_on.setEnabled(self.expires.isChecked())
        self.expires.toggled.connect(self.expires_on.setEnabled)
        expiry_row.addWidget(self.expires)
        expiry_row.addWidget(self.expires_on, 1)
        form.addRow(self.tr("Expiry"), expiry_row)
        self.status = QComboBox()
        self.status.addItem(self.tr("Draft (only marketing sees it)"), "draft")
        self.status.addItem(self.tr("In review (reps can open and comment)"), "review")
        self.status.addItem(self.tr("Approved (goes to every rep in the audience)"), "approved")
        form.addRow(self.tr("Status"), self.status)
        if editing:
            form.setRowVisible(self.status, False)
        if proposal:
            self.status.clear()
            self.status.addItem(self.tr("Proposal (marketing reviews it; only you and marketing "
                                        "see it)"), "review")
            self.status.setEnabled(False)
            for hidden in (self.audience, expiry_row):
                form.setRowVisible(hidden, False)
        self.error = QLabel()
        self.error.setProperty("state", "bad")
        self.error.setWordWrap(True)
        self.error.hide()
        self.replace_button = QPushButton(self.tr("Choose another file…"))
        self.replace_button.clicked.connect(self._on_replace_clicked)
        self.replace_button.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Send to marketing") if proposal else self.tr("Save") if editing
            else self.tr("Publish"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.replace_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        keep_whole(self)  # never dragged smaller than its fields and texts need

    def _show_names(self) -> None:
        names = ", ".join(p.name for p in self.paths[:4])
        if len(self.paths) > 4:
            names += self.tr(" and %n more", "", len(self.paths) - 4)
        self.files.setText(names)

    def tags(self) -> list[str]:
        out: list[str] = []
        for group, edit in self.tag_edits.items():
            out.extend(f"{group}:{v}" for v in _split(edit.text()))
        out.extend(_split(self.other_tags.text()))
        return out

    def fields_for(self, path: Path, guess_title: Callable[[Path], str]) -> dict[str, Any]:
        """The fields of the item for `path` (each file of a folder gets its own title)."""
        fields: dict[str, Any] = {
            "title": self.title.text().strip() if len(self.paths) == 1 else guess_title(path),
            "kind": self.kind.currentData(),
            "tags": self.tags(),
            "audience": _split(self.audience.text()),
            "status": self.status.currentData(),
        }
        if self.proposal:
            del fields["audience"]
        if self.editing:
            del fields["status"]
            fields.setdefault("summary", None)
            fields.setdefault("expires_on", None)
        summary = self.summary.toPlainText().strip()
        if summary:
            fields["summary"] = summary
        if self.expires.isChecked() and not self.proposal:
            fields["expires_on"] = self.expires_on.date().toString("yyyy-MM-dd")
        return fields

    def _on_accept(self) -> None:
        if len(self.paths) == 1 and not self.title.text().strip():
            self.error.setText(self.tr("Give it a title reps will recognise."))
            self.error.show()
            return
        if self.check is not None:
            for path in self.paths:
                try:
                    self.check(path)
                except Exception as exc:  # the check's one-line reason, shown; nothing is published
                    self.refused = path
                    self.error.setText(str(exc))
                    self.error.show()
                    self.replace_button.show()
                    return
        self.accept()

    def _on_replace_clicked(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose another file"))
        if name:
            self.replace_file(Path(name))

    def replace_file(self, path: Path) -> None:
        """Put `path` where the refused file was (its guessed title too, for a single file)."""
        old = self.refused
        if old is None or old not in self.paths:
            return
        self.paths[self.paths.index(old)] = path
        if len(self.paths) == 1 and not self.previous and self.title.text().strip() == self.guess_title(old):
            self.title.setText(self.guess_title(path))
        self.refused = None
        self._show_names()
        self.error.hide()
        self.replace_button.hide()


class ShareDialog(QDialog):
    """Pick the lead or debrief a file is shared with; the page then opens an email draft."""

    def __init__(self, title: str, search: Callable[[str], list[dict[str, Any]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share “%1”").replace("%1", title))
        self.setMinimumSize(480, 420)
        self._search = search
        self.query = QLineEdit()
        self.query.setAccessibleName(self.tr("Search leads and debriefs"))
        self.query.setPlaceholderText(self.tr("Search leads and debriefs by name, company, email…"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Share with"))
        self.note = QLabel(self.tr("An email draft opens with a link to the file; attach it "
                                   "from the folder that opens if your mail app does not."))
        self.note.setWordWrap(True)
        self.note.setProperty("role", "muted")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Write email"))
        self.ok.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._refresh)
        self.query.textChanged.connect(self._debounce.start)
        self.results.currentItemChanged.connect(lambda cur, _prev: self.ok.setEnabled(cur is not None))
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self._refresh()

    def _refresh(self) -> None:
        self.results.clear()
        for target in self._search(self.query.text()):
            item = QListWidgetItem(target["label"])
            item.setData(Qt.ItemDataRole.UserRole, target)
            self.results.addItem(item)

    def target(self) -> dict[str, Any] | None:
        item = self.results.currentItem()
        if item is None:
            return None
        target: dict[str, Any] = item.data(Qt.ItemDataRole.UserRole)
        return target


class RequestDialog(QDialog):
    """A rep asks marketing for material that does not exist yet."""

    def __init__(self, events: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Request material"))
        self.setMinimumWidth(480)
        form = QFormLayout()
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.title.setPlaceholderText(self.tr("e.g. Sell sheet for Edge Sensors in food plants"))
        form.addRow(self.tr("What"), self.title)
        self.need = QPlainTextEdit()
        self.need.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.need.setFixedHeight(90)
        self.need.setPlaceholderText(self.tr("Who it is for and what it must answer"))
        form.addRow(self.tr("Why"), self.need)
        self.kind = _kind_combo("sell_sheet")
        form.addRow(self.tr("Kind"), self.kind)
        self.needed = QCheckBox(self.tr("Needed by"))
        self.needed_by = QDateEdit()
        self.needed_by.setAccessibleName(self.tr("Needed by"))
        self.needed_by.setCalendarPopup(True)
        self.needed_by.setDisplayFormat("yyyy-MM-dd")
        self.needed_by.setMinimumDate(QDate.currentDate())
        self.needed_by.setDate(QDate.currentDate().addDays(14))
        self.needed_by.setEnabled(False)
        self.needed.toggled.connect(self.needed_by.setEnabled)
        row = QHBoxLayout()
        row.addWidget(self.needed)
        row.addWidget(self.needed_by, 1)
        form.addRow(self.tr("Date"), row)
        # Not `self.event`: that would hide QObject.event(), through which Qt delivers every
        # event to this dialog.
        self.event_box = QComboBox()
        self.event_box.addItem(self.tr("No event"), None)
        for eid, name in sorted(events.items(), key=lambda kv: kv[1]):
            self.event_box.addItem(name, eid)
        form.addRow(self.tr("For the event"), self.event_box)
        self.error = QLabel()
        self.error.setProperty("state", "bad")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Send request"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title.text().strip(), "kind": self.kind.currentData()}
        need = self.need.toPlainText().strip()
        if need:
            out["need"] = need
        if self.needed.isChecked():
            out["needed_by"] = self.needed_by.date().toString("yyyy-MM-dd")
        if self.event_box.currentData():
            out["event_id"] = self.event_box.currentData()
        return out

    def _on_accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText(self.tr("Say what you need."))
            self.error.show()
            return
        self.accept()


class AnswerDialog(QDialog):
    """A marketer answers a request: accept or decline with a reply, or deliver an item."""

    def __init__(self, request: dict[str, Any], status: str, items: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        titles = {"accepted": self.tr("Accept request"), "declined": self.tr("Decline request"),
                  "delivered": self.tr("Deliver request")}
        self.setWindowTitle(titles.get(status, self.tr("Answer request")))
        self.setMinimumWidth(460)
        form = QFormLayout()
        form.addRow(self.tr("Request"), QLabel(str(request.get("title") or "")))
        self.item = QComboBox()
        if status == "delivered":
            for cid, title in sorted(items.items(), key=lambda kv: kv[1]):
                self.item.addItem(title, cid)
            form.addRow(self.tr("Published item"), self.item)
        self.response = QPlainTextEdit()
        self.response.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.response.setFixedHeight(80)
        self.response.setPlaceholderText(self.tr("Your reply to the rep"))
        form.addRow(self.tr("Reply"), self.response)
        self.error = QLabel()
        self.error.setProperty("state", "bad")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, str, str | None]:
        cid = self.item.currentData() if self.status == "delivered" else None
        return self.status, self.response.toPlainText().strip(), cid

    def _on_accept(self) -> None:
        if self.status == "delivered" and not self.item.currentData():
            self.error.setText(self.tr("Publish the item first, then link it here."))
            self.error.show()
            return
        self.accept()


def today_iso() -> str:
    return dt.date.today().isoformat()
