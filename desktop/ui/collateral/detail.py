"""The side panel of one library item: what it is, where the search matched, its offline
state, the actions on it, the user's rating, and (for marketing) every rating and comment.

It shows what the page hands it and reports what the user asked for by signals.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_date
from desktop.ui.collateral.files import CACHED, DOWNLOADING
from desktop.ui.collateral.model import kind_name, stars, status_name


class DetailPanel(QScrollArea):
    open_requested = Signal()
    system_open_requested = Signal()
    present_requested = Signal()
    share_requested = Signal()
    download_requested = Signal()
    pin_toggled = Signal(bool)
    rate_requested = Signal(int, str)
    comment_requested = Signal(str)
    status_requested = Signal(str)
    new_version_requested = Signal()
    decline_requested = Signal()
    edit_requested = Signal()
    verify_requested = Signal()
    withdraw_requested = Signal()
    resubmit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        # Not a Tab stop of its own: what is inside is, and focus scrolls it into view.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(320)
        self.row: dict[str, Any] | None = None
        inner = QWidget()
        inner.setObjectName("page")
        lay = QVBoxLayout(inner)
        # (16 px on the right would push the widest row of buttons under the scroll bar.)
        lay.setContentsMargins(8, 0, 12, 8)
        lay.setSpacing(8)
        self.empty = QLabel(self.tr("Pick an item to see it here."))
        self.empty.setProperty("role", "empty")
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        self.content = QWidget()
        c = QVBoxLayout(self.content)
        c.setContentsMargins(0, 0, 0, 0)
        c.setSpacing(8)
        self.thumb = QLabel()
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        c.addWidget(self.thumb)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        c.addWidget(self.title)
        self.meta = QLabel()
        self.meta.setProperty("role", "muted")
        self.meta.setWordWrap(True)
        c.addWidget(self.meta)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        c.addWidget(self.summary)
        self.match = QLabel()
        self.match.setWordWrap(True)
        self.match.setTextFormat(Qt.TextFormat.RichText)
        c.addWidget(self.match)
        self.tags = QLabel()
        self.tags.setWordWrap(True)
        self.tags.setProperty("role", "muted")
        c.addWidget(self.tags)
        # Review: who proposed it, marketing's comment, the last verification, why it is stale.
        self.review = QLabel()
        self.review.setObjectName("card")
        self.review.setWordWrap(True)
        self.review.setTextFormat(Qt.TextFormat.RichText)
        self.review.setStyleSheet("padding: 6px 8px;")
        self.review.hide()
        c.addWidget(self.review)
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.history.setProperty("role", "muted")
        c.addWidget(self.history)
        offline = QHBoxLayout()
        self.offline = QLabel()
        offline.addWidget(self.offline, 1)
        self.download = QPushButton(self.tr("Download"))
        self.download.clicked.connect(self.download_requested)
        offline.addWidget(self.download)
        c.addLayout(offline)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        c.addWidget(self.progress)
        actions = QGridLayout()
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setProperty("primary", True)
        self.open_button.clicked.connect(self.open_requested)
        self.system_button = QPushButton(self.tr("Open with system viewer"))
        self.system_button.clicked.connect(self.system_open_requested)
        self.present_button = QPushButton(self.tr("Present"))
        self.present_button.clicked.connect(self.present_requested)
        self.share_button = QPushButton(self.tr("Share with a lead…"))
        self.share_button.clicked.connect(self.share_requested)
        self.pin_button = QPushButton(self.tr("Keep offline"))
        self.pin_button.setCheckable(True)
        self.pin_button.setToolTip(self.tr("Pinned items stay on this computer whatever the cache limit"))
        self.pin_button.toggled.connect(self._on_pin_toggled)
        actions.addWidget(self.open_button, 0, 0)
        actions.addWidget(self.present_button, 0, 1)
        actions.addWidget(self.system_button, 1, 0, 1, 2)
        actions.addWidget(self.share_button, 2, 0)
        actions.addWidget(self.pin_button, 2, 1)
        c.addLayout(actions)
        # Workflow (marketing only).
        self.workflow = QWidget()
        self.workflow_grid = QGridLayout(self.workflow)
        self.workflow_grid.setContentsMargins(0, 0, 0, 0)
        self.status_buttons: dict[str, QPushButton] = {}
        for status, label in (("review", self.tr("To review")), ("approved", self.tr("Approve")),
                              ("retired", self.tr("Retire"))):
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, s=status: self.status_requested.emit(s))
            self.status_buttons[status] = button
        self.version_button = QPushButton(self.tr("New version…"))
        self.version_button.clicked.connect(self.new_version_requested)
        # Marketing's answer to a rep's proposal, and its confirmation that an item still holds.
        self.decline_button = QPushButton(self.tr("Decline…"))
        self.decline_button.setToolTip(self.tr("Decline this proposal with a comment for the rep"))
        self.decline_button.clicked.connect(self.decline_requested)
        self.verify_button = QPushButton(self.tr("Mark verified"))
        self.verify_button.setToolTip(self.tr("Confirm the item still holds (its last verified "
                                              "date becomes today)"))
        self.verify_button.clicked.connect(self.verify_requested)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Change the title, summary, kind, tags, audience or "
                                            "expiry"))
        self.edit_button.clicked.connect(self.edit_requested)
        self._lay_out_workflow(None)
        c.addWidget(self.workflow)
        # The proposer's own moves on a proposal not yet approved.
        self.proposal_actions = QWidget()
        own = QHBoxLayout(self.proposal_actions)
        own.setContentsMargins(0, 0, 0, 0)
        self.resubmit_button = QPushButton(self.tr("Send for review again"))
        self.resubmit_button.clicked.connect(self.resubmit_requested)
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.withdraw_button.setToolTip(self.tr("Take your proposal back; marketing no longer "
                                                "sees it"))
        self.withdraw_button.clicked.connect(self.withdraw_requested)
        own.addWidget(self.resubmit_button)
        own.addWidget(self.withdraw_button)
        own.addStretch(1)
        self.proposal_actions.hide()
        c.addWidget(self.proposal_actions)
        # Rating and comment.
        self.rate_box = QFrame()
        self.rate_box.setObjectName("card")
        rb = QVBoxLayout(self.rate_box)
        self.rate_title = QLabel(self.tr("Your rating"))
        self.rate_title.setStyleSheet("font-weight: 600;")
        rb.addWidget(self.rate_title)
        self.rating = QComboBox()
        self.rating.setAccessibleName(self.tr("Your rating"))
        self.rating.addItem(self.tr("No rating (comment only)"), 0)
        for n in range(5, 0, -1):
            self.rating.addItem("★" * n + "☆" * (5 - n), n)
        rb.addWidget(self.rating)
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment.setTabChangesFocus(True)  # Tab moves on; it never types a tab
        self.comment.setFixedHeight(60)
        self.comment.setPlaceholderText(self.tr("What worked, what was missing?"))
        rb.addWidget(self.comment)
        self.rate_button = QPushButton(self.tr("Send"))
        self.rate_button.clicked.connect(self._on_rate)
        rb.addWidget(self.rate_button, 0, Qt.AlignmentFlag.AlignRight)
        c.addWidget(self.rate_box)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        c.addWidget(self.feedback)
        c.addStretch(1)
        lay.addWidget(self.content)
        lay.addStretch(1)
        self.content.hide()
        self.setWidget(inner)

    def show_item(self, row: dict[str, Any] | None, *, thumbnail: QPixmap | None,
                  snippet_html: str = "", title_html: str = "", workflow: bool = False,
                  all_feedback: bool = False,
                  my_rating: int | None = None, feedback: list[dict[str, Any]] | None = None,
                  usage: dict[str, int] | None = None, history: list[dict[str, Any]] | None = None,
                  offline: tuple[str, float | None] = ("", None),
                  can_download: bool = False, review_html: str = "",
                  own_proposal: tuple[bool, bool] = (False, False)) -> None:
        """`review_html`: the review lines the page composed; `own_proposal`: whether the
        user may withdraw this proposal of theirs, and send a declined one back for review."""
        self.row = row
        self.empty.setVisible(row is None)
        self.content.setVisible(row is not None)
        if row is None:
            return
        if thumbnail is not None:
            self.thumb.setPixmap(thumbnail.scaledToWidth(min(160, thumbnail.width()),
                                                        Qt.TransformationMode.SmoothTransformation))
        self.title.setText(title_html or html.escape(row.get("title") or ""))
        bits = [kind_name(row.get("kind")), f"v{row.get('version') or 1}",
                status_name(row.get("status"))]
        if row.get("expires_on"):
            bits.append(self.tr("expires %1").replace("%1", format_date(row["expires_on"])))
        if row.get("rating") is not None:
            bits.append(f"{stars(row['rating'])} ({row.get('ratings', 0)})")
        bits.append(self.tr("used %n time(s)", "", int(row.get("uses") or 0)))
        self.meta.setText("  ·  ".join(b for b in bits if b))
        self.summary.setText(row.get("summary") or "")
        self.summary.setVisible(bool(row.get("summary")))
        self.match.setText(snippet_html.replace("\n", " "))
        self.match.setVisible(bool(snippet_html))
        tags = [t for t in (row.get("tags") or [])]
        audience = row.get("audience") or []
        line = ", ".join(tags)
        if audience:
            line += ("  ·  " if line else "") + self.tr("for %1").replace("%1", ", ".join(audience))
        self.tags.setText(line)
        versions = [f"v{h.get('version') or 1} ({status_name(h.get('status'))})"
                    for h in history or []]
        self.history.setText(self.tr("Other versions: %1").replace("%1", ", ".join(versions))
                             if versions else "")
        self.history.setVisible(bool(versions))
        self.set_offline(*offline, can_download=can_download)
        self.pin_button.blockSignals(True)
        self.pin_button.setChecked(bool(row.get("pinned")))
        self.pin_button.blockSignals(False)
        status = row.get("status")
        self.workflow.setVisible(workflow)
        self._lay_out_workflow(status, proposal=bool(row.get("proposed_by")))
        self.review.setText(review_html)
        self.review.setVisible(bool(review_html))
        withdraw, resubmit = own_proposal
        self.withdraw_button.setVisible(withdraw)
        self.resubmit_button.setVisible(resubmit)
        self.proposal_actions.setVisible(withdraw or resubmit)
        in_review = status == "review"
        self.rate_title.setText(self.tr("Review comment") if in_review else self.tr("Your rating"))
        self.rating.setVisible(not in_review)
        self.rating.setCurrentIndex(max(0, self.rating.findData(my_rating or 0)))
        self.comment.clear()
        self.feedback.setVisible(bool(feedback) or bool(usage))
        self.feedback.setText(self._feedback_html(feedback or [], usage or {}, all_feedback))

    def _lay_out_workflow(self, status: str | None, proposal: bool = False) -> None:
        """Offer only the moves away from the item's status (an approved item has no Approve
        button), two to a row, the new version last; a proposal in review can be declined,
        an approved item marked verified."""
        grid = self.workflow_grid
        shown = [b for key, b in self.status_buttons.items() if key != status]
        if proposal and status in ("draft", "review"):
            shown.append(self.decline_button)
        if status == "approved":
            shown.append(self.verify_button)
        extra = (self.decline_button, self.verify_button)
        for button in (*self.status_buttons.values(), *extra, self.edit_button,
                       self.version_button):
            grid.removeWidget(button)
        for n, button in enumerate((*shown, self.edit_button, self.version_button)):
            grid.addWidget(button, n // 2, n % 2)
        # Shown once in the grid (the first time, a button shown before it has a parent would
        # be a window of its own for a moment).
        for button in (*self.status_buttons.values(), *extra):
            button.setVisible(button in shown)

    def set_offline(self, state: str, fraction: float | None, *, can_download: bool = False) -> None:
        if state == CACHED:
            self.offline.setText(self.tr("✓ On this computer"))
            self.offline.setProperty("state", "good")
        elif state == DOWNLOADING:
            self.offline.setText(self.tr("Downloading…"))
            self.offline.setProperty("state", "warn")
        else:
            self.offline.setText(self.tr("Not downloaded yet"))
            self.offline.setProperty("state", "")
        self.offline.style().unpolish(self.offline)
        self.offline.style().polish(self.offline)
        self.progress.setVisible(state == DOWNLOADING)
        self.progress.setValue(int((fraction or 0) * 100))
        self.download.setVisible(state != CACHED and can_download)
        self.download.setEnabled(state != DOWNLOADING)

    def _feedback_html(self, feedback: list[dict[str, Any]], usage: dict[str, int], everyone: bool) -> str:
        parts = []
        if everyone and usage:
            names = {"opened": self.tr("opened"), "shared": self.tr("shared"), "presented": self.tr("presented")}
            parts.append("<b>" + html.escape(self.tr("Use")) + ":</b> " + ", ".join(
                f"{names.get(k, k)} {v}" for k, v in sorted(usage.items())))
        shown = feedback if everyone else [f for f in feedback if f.get("comment")]
        if shown:
            parts.append("<b>" + html.escape(self.tr("Ratings and comments") if everyone
                                             else self.tr("Comments")) + "</b>")
        for f in shown[:30]:
            who = html.escape(f.get("name") or self.tr("someone"))
            rating = stars(f.get("rating")) if f.get("rating") else ""
            comment = html.escape(f.get("comment") or "")
            parts.append(f"{rating} <i>{who}</i><br>{comment}")
        return "<br>".join(parts)

    def _on_pin_toggled(self, pinned: bool) -> None:
        self.pin_toggled.emit(pinned)

    def _on_rate(self) -> None:
        rating = int(self.rating.currentData() or 0) if not self.rating.isHidden() else 0
        comment = self.comment.toPlainText().strip()
        if rating:
            self.rate_requested.emit(rating, comment)
        elif comment:
            self.comment_requested.emit(comment)
