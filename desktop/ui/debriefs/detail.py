"""One debrief as marketing and the rep read it, with its reply thread and a reply box."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_date, format_datetime
from desktop.ui.debriefs.form import choice_label, field_label
from desktop.ui.theme import LIGHT, Palette

_SECTIONS = ("contacts", "why_buy", "reasons_buy", "why_not", "reasons_not", "pain_points",
             "objections", "competitors", "next_steps", "follow_up_on", "notes")


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return html.escape(str(value or "")).replace("\n", "<br>")


def debrief_html(row: dict[str, Any], replies: list[dict[str, Any]], titles: dict[str, str],
                 palette: Palette = LIGHT) -> str:
    """The debrief and its thread as HTML in the theme's colours; every typed value is escaped."""
    muted, link = palette.muted, palette.link
    author = row.get("_author")
    meta = " · ".join(p for p in (
        _text(format_date(row.get("call_date"))), _text(choice_label(row.get("call_type") or "")),
        _text(choice_label(row.get("stage") or "")), _text(choice_label(row.get("outcome") or "")),
        _text(author and QCoreApplication.translate("DebriefDetail", "by %1").replace("%1", str(author))),
        _text(QCoreApplication.translate("DebriefDetail", "draft")) if row.get("status") == "draft" else "") if p)
    account = row.get("account") or QCoreApplication.translate("DebriefDetail", "(no account yet)")
    parts = [f"<h2>{_text(account)}</h2>", f"<p style='color:{muted}'>{meta}</p>"]
    for name in _SECTIONS:
        if row.get(name):
            value = format_date(row[name]) if name == "follow_up_on" else row[name]
            parts.append(f"<p><b>{html.escape(field_label(name))}</b><br>{_text(value)}</p>")
    used = [c for c in (row.get("collateral_used") or []) if isinstance(c, dict)]
    if used:
        verdicts: dict[object, str] = {True: QCoreApplication.translate("DebriefDetail", "helped"), False: QCoreApplication.translate("DebriefDetail", "did not help")}
        not_rated = QCoreApplication.translate("DebriefDetail", "not rated")
        items = "".join(
            f"<li>{_text(titles.get(str(c.get('collateral_id')), c.get('collateral_id')))} — "
            f"{_text(verdicts.get(c.get('helpful'), not_rated))}</li>"
            for c in used)
        parts.append(f"<p><b>{html.escape(field_label('collateral_used'))}</b></p><ul>{items}</ul>")
    # Translated outside the f-strings: lupdate does not read calls inside one.
    heading = QCoreApplication.translate("DebriefDetail", "Replies (%1)").replace("%1", str(len(replies)))
    parts.append(f"<h3>{_text(heading)}</h3>")
    if not replies:
        none_yet = QCoreApplication.translate("DebriefDetail", "No replies yet.")
        parts.append(f"<p style='color:{muted}'>{_text(none_yet)}</p>")
    new_mark = _text(QCoreApplication.translate("DebriefDetail", "new"))
    for c in replies:
        when = _text(format_datetime(c.get("created_at")))
        new = "" if c.get("_read") else f" <b style='color:{link}'>{new_mark}</b>"
        who = c.get("_author") or QCoreApplication.translate("DebriefDetail", "Someone")
        parts.append(f"<p><b>{_text(who)}</b> "
                     f"<span style='color:{muted}'>{when}</span>{new}<br>{_text(c.get('body'))}</p>")
    return "".join(parts)


class DebriefDetail(QWidget):
    """Shows one debrief; asks for edits, replies and exports through signals."""

    reply_requested = Signal(str, str)
    edit_requested = Signal(str)
    pdf_requested = Signal(str)
    calendar_requested = Signal(str)

    def __init__(self, palette: Palette = LIGHT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.palette_tokens = palette
        self.record_id = ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()
        # What happened to a reply sits with the actions: the reply box and its button share
        # one row below, so the debrief itself keeps the height of a short window.
        self.reply_state = QLabel()
        self.reply_state.setProperty("role", "muted")
        self.reply_state.setWordWrap(True)
        actions.addWidget(self.reply_state, 1)
        self.edit_button = QPushButton(self.tr("Edit draft"))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.record_id))
        self.calendar_button = QPushButton(self.tr("Add follow-up to calendar"))
        self.calendar_button.clicked.connect(lambda: self.calendar_requested.emit(self.record_id))
        self.pdf_button = QPushButton(self.tr("PDF"))
        self.pdf_button.clicked.connect(lambda: self.pdf_requested.emit(self.record_id))
        for button in (self.edit_button, self.calendar_button, self.pdf_button):
            actions.addWidget(button)
        outer.addLayout(actions)
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("Debrief"))
        self.view.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.view.setOpenLinks(False)
        outer.addWidget(self.view, 1)
        self.reply = QPlainTextEdit()
        self.reply.setAccessibleName(self.tr("Reply"))
        self.reply.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.reply.setPlaceholderText(self.tr("Reply to this debrief…"))
        self.reply.setMaximumHeight(80)
        send = QHBoxLayout()
        send.addWidget(self.reply, 1)
        self.send_button = QPushButton(self.tr("Send reply"))
        self.send_button.setProperty("primary", True)
        self.send_button.clicked.connect(self._on_send_clicked)
        send.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(send)

    def show_debrief(self, row: dict[str, Any], replies: list[dict[str, Any]], titles: dict[str, str],
                     can_edit: bool) -> None:
        if row.get("id") != self.record_id:
            self.reply.clear()
            self.reply_state.clear()
        self.record_id = str(row.get("id") or "")
        scroll = self.view.verticalScrollBar().value()
        self.view.setHtml(debrief_html(row, replies, titles, self.palette_tokens))
        self.view.verticalScrollBar().setValue(scroll)
        self.edit_button.setVisible(can_edit)
        # A draft kept only as typed (no account yet) is not a record: nothing to print yet.
        stored = not row.get("_unsaved")
        self.calendar_button.setEnabled(stored and bool(row.get("follow_up_on")))
        self.pdf_button.setEnabled(stored)
        submitted = row.get("status") == "submitted"
        self.reply.setVisible(submitted)
        self.send_button.setVisible(submitted)
        if not submitted:
            self.reply_state.setText(self.tr("Replies open once the debrief is submitted."))

    def _on_send_clicked(self) -> None:
        body = self.reply.toPlainText().strip()
        if not body:
            self.reply_state.setText(self.tr("Write a reply first."))
            return
        self.reply_requested.emit(self.record_id, body)
        self.reply.clear()
        self.reply_state.setText(self.tr("Reply queued; it goes out on the next sync."))
