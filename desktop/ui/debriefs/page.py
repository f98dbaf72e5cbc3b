"""The Debriefs page: the feed (marketing reads every submitted debrief; reps see their own,
drafts included), filters and search, one debrief with its replies, the form, and PDF exports.

Queries and writes go through the job's store interface (`debriefs`); writes run on the writer
lane and PDFs on the parallel lane, so the UI thread never waits on either.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)

from desktop.ics import debrief_follow_up
from desktop.locale import format_date, format_int
from desktop.settings import atomic_write
from desktop.ui import theme
from desktop.ui.common.keyboard import down_into, item_view_keys
from desktop.ui.common.offers import offers_of, show_offer
from desktop.ui.common.page import Page
from desktop.ui.common.reflow import ReflowRow
from desktop.ui.debriefs.detail import DebriefDetail
from desktop.ui.debriefs.form import DebriefForm, choice_label
from desktop.ui.debriefs.model import DebriefFeedModel
from desktop.ui.debriefs.reasons import ReasonListsDialog
from desktop.ui.services import Services
from desktop.ui.translations import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from desktop.store.debriefs import DebriefStore
from fieldnote.ids import new_id
from fieldnote.kinds import DEBRIEF_OUTCOMES

READ_AFTER_MS = 1500  # how long a debrief is on screen before its replies count as read
DATE_RANGES = (
    (QT_TRANSLATE_NOOP("DebriefsPage", "Any time"), 0),
    (QT_TRANSLATE_NOOP("DebriefsPage", "Last 7 days"), 7),
    (QT_TRANSLATE_NOOP("DebriefsPage", "Last 30 days"), 30),
    (QT_TRANSLATE_NOOP("DebriefsPage", "Last 90 days"), 90),
    (QT_TRANSLATE_NOOP("DebriefsPage", "Last 365 days"), 365),
)


class DebriefsPage(Page):
    key = "debriefs"

    def __init__(self, services: Services, debriefs: DebriefStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, self.tr("Debriefs"),
                         self.tr("What customers said on calls, and what marketing answered"), parent)
        self.debriefs = debriefs
        self.offers = offers_of(services)
        self.form: DebriefForm | None = None
        self._titles: dict[str, str] = {}
        self._unsaved: dict[str, dict[str, Any]] = {}
        self._pdf_task: Any = None
        self._shown_once = False
        self._completions_stale = False
        self._build_header()
        self._build_filters()
        self._build_body()
        self._reload_timer = QTimer(self, singleShot=True, interval=120)
        self._reload_timer.timeout.connect(self.reload)
        services.changes.records_changed.connect(self._on_records_changed)
        self._load_lookups()
        self.reload()

    # -- building ------------------------------------------------------------------------

    @property
    def user_id(self) -> str:
        return str(self.services.user.get("id") or "")

    def _build_header(self) -> None:
        self.unread_badge = QLabel()
        self.unread_badge.setObjectName("unreadBadge")
        self.unread_badge.setProperty("role", "badge")
        self.unread_badge.hide()
        self.header_actions.addWidget(self.unread_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.reasons_button = QPushButton(self.tr("Reason lists"))
        self.reasons_button.clicked.connect(self._on_reasons_clicked)
        self.digest_button = QPushButton(self.tr("Digest PDF"))
        self.digest_button.clicked.connect(self._on_digest_clicked)
        self.new_button = QPushButton(self.tr("New debrief"))
        self.new_button.setProperty("primary", True)
        self.new_button.clicked.connect(self.create_new)
        for button in (self.reasons_button, self.digest_button, self.new_button):
            self.header_actions.addWidget(button)
        show_offer(self.new_button, self.offers.offer("debrief", "create"))

    def _combo(self, first: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(first, "")
        combo.currentIndexChanged.connect(self._on_filter_changed)
        return combo

    def _completing_edit(self, placeholder: str) -> tuple[QLineEdit, QStringListModel]:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        model = QStringListModel(self)
        completer = QCompleter(model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)
        edit.textChanged.connect(self._on_filter_changed)
        return edit, model

    def _build_filters(self) -> None:
        row1 = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search accounts, objections, notes…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_filter_changed)
        row1.addWidget(self.search, 1)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("All submitted"), "all")
        self.scope.addItem(self.tr("Mine, drafts included"), "mine")
        self.scope.setCurrentIndex(0 if self.offers.reach.others_work else 1)
        self.scope.currentIndexChanged.connect(self._on_filter_changed)
        row1.addWidget(self.scope)
        self.body.addLayout(row1)

        self.rep = self._combo(self.tr("Any rep"))
        self.team = self._combo(self.tr("Any team"))
        self.outcome = self._combo(self.tr("Any outcome"))
        for value in DEBRIEF_OUTCOMES:
            self.outcome.addItem(choice_label(value), value)
        self.objection, self._objection_model = self._completing_edit(self.tr("Objection"))
        self.competitor, self._competitor_model = self._completing_edit(self.tr("Competitor"))
        self.collateral = self._combo(self.tr("Any collateral"))
        self.dates = QComboBox()
        for text, days in DATE_RANGES:
            self.dates.addItem(QCoreApplication.translate("DebriefsPage", text), days)
        self.dates.currentIndexChanged.connect(self._on_filter_changed)
        for combo in (self.team, self.outcome, self.dates):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for combo in (self.rep, self.collateral):
            # Rep names and collateral titles are long and many: the box shows the start.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        for edit in (self.objection, self.competitor):
            # The placeholder is the field's only label on screen: it shows whole.
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 48)
        # Named for screen readers: a combo box's current value ("Any rep") is not its name.
        self.search.setAccessibleName(self.tr("Search debriefs"))
        for widget, name in ((self.scope, self.tr("Show")), (self.rep, self.tr("Rep")),
                             (self.team, self.tr("Team")), (self.outcome, self.tr("Outcome")),
                             (self.objection, self.tr("Objection")), (self.competitor, self.tr("Competitor")),
                             (self.collateral, self.tr("Collateral")), (self.dates, self.tr("Call date"))):
            widget.setAccessibleName(name)
        # One row on a wide window, wrapped in a narrow one: no filter's text is cut.
        self.filters = ReflowRow((self.rep, self.team, self.outcome, self.objection,
                                  self.competitor, self.collateral, self.dates))
        self.body.addWidget(self.filters)

        row3 = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        row3.addWidget(self.count_label, 1)
        self.progress_label = QLabel()
        self.progress_label.setProperty("role", "muted")
        row3.addWidget(self.progress_label)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.progress.hide()
        row3.addWidget(self.progress)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        row3.addWidget(self.cancel_button)
        self.body.addLayout(row3)

    def _build_body(self) -> None:
        self.model = DebriefFeedModel(self._load_ids, self._load_rows, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((90, 170, 120, 90, 95, 150, 130, 80)):
            # Never narrower than the column's title in the window's language.
            self.table.setColumnWidth(col, max(width, header.sectionSizeHint(col)))
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        item_view_keys(self.table, self.tr("Debriefs"), self._on_table_open)
        down_into(self.search, self.table)
        # Replies count as read once their debrief has been on screen a moment (or opened with
        # Enter): moving through the feed with the arrow keys marks nothing read.
        self._read_timer = QTimer(self, singleShot=True, interval=READ_AFTER_MS)
        self._read_timer.timeout.connect(self._mark_shown_read)
        self._shown_id = ""

        self.side = QStackedWidget()
        self.empty = QLabel(self.tr("Pick a debrief to read it, or file a new one (Ctrl+N)."))
        self.empty.setProperty("role", "empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side.addWidget(self.empty)
        self.detail = DebriefDetail(theme.palette(self.services.settings.theme))
        self.detail.reply_requested.connect(self._on_detail_reply_requested)
        self.detail.edit_requested.connect(self.open_draft)
        self.detail.pdf_requested.connect(self._on_detail_pdf_requested)
        self.detail.calendar_requested.connect(self._on_detail_calendar_requested)
        self.side.addWidget(self.detail)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 420])
        self.body.addWidget(self.splitter, 1)

    def _load_lookups(self) -> None:
        self._titles = dict(self.debriefs.collateral_titles())
        reps = self.debriefs.reps()
        self._refill(self.rep, [(name, rid) for rid, name, _team in reps if name])
        self._refill(self.team, [(t, t) for t in sorted({team for _i, _n, team in reps if team})])
        self._refill(self.collateral, [(title, cid) for cid, title in self._titles.items()])
        self._refresh_completions()

    def _refresh_completions(self) -> None:
        # Every objection and competitor filed so far: a scan of all debriefs, so off the UI thread.
        self._completions_stale = False
        debriefs = self.debriefs
        task = self.services.tasks.run("debrief filter completions", lambda _ctx: debriefs.completions())
        task.finished.connect(self._on_completions_loaded)

    def _on_completions_loaded(self, found: dict[str, list[str]]) -> None:
        self._objection_model.setStringList(found.get("objections", []))
        self._competitor_model.setStringList(found.get("competitors", []))

    def _refill(self, combo: QComboBox, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    # -- the feed ------------------------------------------------------------------------

    def criteria(self) -> dict[str, Any]:
        """The feed filter as the store takes it."""
        days = int(self.dates.currentData() or 0)
        return {
            "scope": self.scope.currentData(),
            "user_id": self.user_id,
            "search": self.search.text(),
            "rep_id": self.rep.currentData() or "",
            "team": self.team.currentData() or "",
            "outcome": self.outcome.currentData() or "",
            "objection": self.objection.text().strip(),
            "competitor": self.competitor.text().strip(),
            "collateral_id": self.collateral.currentData() or "",
            "since": (dt.date.today() - dt.timedelta(days=days)).isoformat() if days else "",
        }

    def _filtered(self) -> bool:
        c = self.criteria()
        return any(c[k] for k in ("search", "rep_id", "team", "outcome", "objection", "competitor",
                                  "collateral_id", "since"))

    def _load_ids(self) -> list[str]:
        ids = self.debriefs.ids(self.criteria())
        self._unsaved = {}
        if self.scope.currentData() == "mine" and not self._filtered():
            # Drafts without an account yet are kept locally; list them first so none is lost.
            self._unsaved = dict(self.debriefs.unsaved_forms())
            ids = [*self._unsaved, *[i for i in ids if i not in self._unsaved]]
        return ids

    def _load_rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        rows = self.debriefs.rows([i for i in ids if i not in self._unsaved])
        for rid in ids:
            if rid in self._unsaved:
                rows[rid] = {**self._unsaved[rid], "id": rid, "status": "draft", "_unsaved": True,
                             "_author": self.services.user.get("name", "")}
        return rows

    def reload(self) -> None:
        if self._completions_stale:
            self._refresh_completions()
        current = self.current_id()
        self.model.reload()
        total = self.model.total()
        self.count_label.setText(
            self.tr("1 debrief") if total == 1 else self.tr("%1 debriefs").replace("%1", format_int(total)))
        # The badge counts every unread reply in the scope, whatever the other filters hide.
        unread = self.debriefs.unread_total({"scope": self.scope.currentData(), "user_id": self.user_id})
        self.unread_badge.setText(
            self.tr("1 unread reply") if unread == 1 else self.tr("%1 unread replies").replace("%1", str(unread)))
        self.unread_badge.setVisible(unread > 0)
        if current and self.model.row_of(current) >= 0:
            self.table.selectRow(self.model.row_of(current))
            self._show_detail(current)
        elif not self._shown_once and total and self.form is None:
            self.table.selectRow(0)  # open on the newest debrief rather than an empty pane
        self._shown_once = True

    def current_id(self) -> str:
        index = self.table.currentIndex()
        return (self.model.id_at(index.row()) or "") if index.isValid() else ""

    def select_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)

    def select(self, record_id: str) -> bool:
        """Show one debrief: its row when the feed lists it, else (filtered out) the debrief alone."""
        row = self.model.fetch_until(record_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            return True
        if self.form is None and record_id not in self._unsaved and self.debriefs.get(record_id):
            self.table.clearSelection()
            self._show_detail(record_id)
            return True
        return False

    def _on_filter_changed(self, *_args: object) -> None:
        self._reload_timer.start()

    def _on_records_changed(self, kind: str, ids: list[str]) -> None:
        if kind == "debrief":
            self._completions_stale = True
            shown = [i for i in ids if self.model.row_of(i) >= 0 and i not in self._unsaved]
            if ids and len(shown) == len(ids) and self.debriefs.matching(self.criteria(), ids) == set(ids):
                self.model.refresh_ids(ids)  # an autosave of a listed draft: repaint it only
                if self.current_id() in ids:
                    self._show_detail(self.current_id())
            else:
                self._reload_timer.start()
        elif kind == "debrief_comment":
            self._reload_timer.start()
        elif kind == "reason_list" and self.form is not None:
            self.form.apply_reason_lists(self.debriefs.reason_lists())
        elif kind in ("user", "collateral"):
            self._load_lookups()

    def _on_current_row_changed(self, current: Any, _previous: Any) -> None:
        rid = self.model.id_at(current.row()) if current.isValid() else None
        if rid and self.form is None:
            self._show_detail(rid)

    def _show_detail(self, record_id: str) -> None:
        if self.form is not None:
            return
        row: dict[str, Any] | None
        if record_id in self._unsaved:
            row = {**self._unsaved[record_id], "id": record_id, "status": "draft", "_unsaved": True}
            replies: list[dict[str, Any]] = []
        else:
            row = self.debriefs.get(record_id)
            if row is None:
                self.side.setCurrentWidget(self.empty)
                return
            replies = self.debriefs.comments(record_id)
        editable = row.get("status") != "submitted" and self.offers.offer("debrief", "update", row)
        self.detail.show_debrief(row, replies, self._titles, can_edit=bool(editable))
        replying = self.offers.offer("debrief_comment", "create", None, {"debrief_id": row.get("id")})
        for widget in (self.detail.reply, self.detail.send_button):
            show_offer(widget, replying)
        self.side.setCurrentWidget(self.detail)
        self._shown_id = record_id
        if any(not c.get("_read") for c in replies):
            self._read_timer.start()
        else:
            self._read_timer.stop()

    def _mark_shown_read(self) -> None:
        record_id = self._shown_id
        if not record_id or self.form is not None or self.side.currentWidget() is not self.detail:
            return
        if not self.isVisible():
            return  # the page was left before the debrief could be read
        if self.detail.record_id != record_id:
            return
        debriefs = self.debriefs
        self.services.tasks.write("mark replies read", lambda _ctx: debriefs.mark_read(record_id))

    def _on_table_open(self, index: Any) -> None:
        """Enter on a row: a draft of one's own opens in the form; anything else is read."""
        record_id = self.model.id_at(index.row())
        if not record_id:
            return
        if record_id in self._unsaved:
            self.open_draft(record_id)
            return
        if self.detail.record_id != record_id or self.side.currentWidget() is not self.detail:
            self._show_detail(record_id)
        if self.detail.edit_button.isVisibleTo(self.detail):
            self.open_draft(record_id)
            return
        self._read_timer.stop()
        self._mark_shown_read()
        self.detail.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the form ------------------------------------------------------------------------

    def create_new(self) -> None:
        if not self.offers.offer("debrief", "create"):
            return  # the hub would refuse this role's debriefs; the button says why
        self._open_form(new_id(), None)

    def offers_new(self) -> bool:
        return bool(self.offers.offer("debrief", "create"))

    def open_draft(self, record_id: str) -> None:
        self._open_form(record_id, self.debriefs.form_values(record_id))

    def _open_form(self, record_id: str, values: dict[str, Any] | None) -> None:
        if self.form is not None:
            self.form.close_form()
        self.form = DebriefForm(self.services, self.debriefs, record_id, values)
        self.form.closed.connect(self._on_form_closed)
        self.form.submitted.connect(self._on_form_submitted)
        self.side.addWidget(self.form)
        self.side.setCurrentWidget(self.form)
        self.splitter.setSizes([300, 740])
        self.form.account.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_form_closed(self, record_id: str) -> None:
        form, self.form = self.form, None
        if form is not None:
            self.side.removeWidget(form)
            form.deleteLater()
        self.splitter.setSizes([620, 420])
        self.reload()
        if not self.select(record_id):
            self.side.setCurrentWidget(self.empty)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_form_submitted(self, record_id: str) -> None:
        self._on_form_closed(record_id)

    # -- replies, reasons, exports -------------------------------------------------------

    def _on_detail_reply_requested(self, record_id: str, body: str) -> None:
        debriefs, user_id = self.debriefs, self.user_id
        self.services.tasks.write("reply to debrief", lambda _ctx: debriefs.add_comment(record_id, body, user_id))

    def _on_reasons_clicked(self) -> None:
        editable = self.offers.offer("reason_list", "update").allowed
        dialog = ReasonListsDialog(self.debriefs.reason_lists(), editable, self)
        if dialog.exec() and editable:
            self.save_reason_lists(dialog.lists())

    def save_reason_lists(self, lists: dict[str, list[str]]) -> Any:
        debriefs, user_id = self.debriefs, self.user_id
        current = debriefs.reason_lists()

        def save(_ctx: Any) -> None:
            for name, items in lists.items():
                if items != current.get(name):
                    debriefs.save_reason_list(name, items, user_id)

        return self.services.tasks.write("save reason lists", save)

    def _ask_path(self, title: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return Path(path) if path else None

    def _on_detail_pdf_requested(self, record_id: str) -> None:
        row = self.debriefs.get(record_id) or {}
        path = self._ask_path(self.tr("Save debrief PDF"), f"debrief-{_slug(row.get('account'))}.pdf", "PDF (*.pdf)")
        if path is not None:
            self.export_pdf([record_id], path, digest=False)

    def _on_digest_clicked(self) -> None:
        path = self._ask_path(self.tr("Save digest PDF"), f"debriefs-{dt.date.today()}.pdf", "PDF (*.pdf)")
        if path is not None:
            self.export_pdf(self.debriefs.ids(self.criteria()), path, digest=True)

    def export_pdf(self, ids: list[str], path: Path, *, digest: bool) -> Any:
        """Build a PDF of `ids` on the parallel lane, with progress, and write it to `path`."""
        from desktop.reports.debriefs import debrief_pdf, digest_pdf

        debriefs = self.debriefs
        # The digest's own summary says how many debriefs and which days: only the date it was built.
        subtitle = self.tr("Built %1").replace("%1", format_date(dt.date.today()))

        def build(ctx: Any) -> str:
            ctx.progress(0, len(ids), "Collecting")
            items = debriefs.report_data(ids)
            ctx.check()
            if not digest and not items:
                raise LookupError("that debrief is no longer on this device")
            data = (digest_pdf(items, subtitle=subtitle, progress=ctx.progress, check=ctx.check)
                    if digest else debrief_pdf(items[0]))
            atomic_write(path, data)
            return str(path)

        task = self.services.tasks.run("debrief PDF", build)
        self._pdf_task = task
        self.progress.setRange(0, max(1, len(ids)))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setVisible(digest)
        self.progress_label.setText(self.tr("Building PDF…"))
        task.progressed.connect(self._on_pdf_progressed)
        task.finished.connect(self._on_pdf_finished)
        task.failed.connect(self._on_pdf_failed)
        task.cancelled.connect(self._on_pdf_cancelled)
        return task

    def _on_pdf_progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _pdf_done(self, text: str) -> None:
        self._pdf_task = None
        self.progress.hide()
        self.cancel_button.hide()
        self.progress_label.setText(text)

    def _on_pdf_finished(self, path: str) -> None:
        self._pdf_done(self.tr("Saved %1").replace("%1", path))

    def _on_pdf_failed(self, message: str) -> None:
        self._pdf_done(self.tr("PDF not saved: %1").replace("%1", message))

    def _on_pdf_cancelled(self) -> None:
        self._pdf_done(self.tr("PDF cancelled"))

    def _on_cancel_clicked(self) -> None:
        if self._pdf_task is not None:
            self._pdf_task.cancel()

    def _on_detail_calendar_requested(self, record_id: str) -> None:
        row = self.debriefs.get(record_id) or {}
        path = self._ask_path(self.tr("Save calendar file"), f"follow-up-{_slug(row.get('account'))}.ics",
                              "Calendar (*.ics)")
        if path is not None:
            self.export_calendar(record_id, path)

    def export_calendar(self, record_id: str, path: Path) -> bool:
        data = debrief_follow_up(self.debriefs.get(record_id) or {})
        if data is None:
            self.progress_label.setText(self.tr("This debrief has no follow-up date."))
            return False
        atomic_write(path, data)
        self.progress_label.setText(self.tr("Saved %1").replace("%1", str(path)))
        return True

    # -- page hooks ----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()


def _slug(text: Any) -> str:
    keep = "".join(c if c.isalnum() else "-" for c in str(text or "debrief"))
    return "-".join(p for p in keep.split("-") if p)[:40] or "debrief"
