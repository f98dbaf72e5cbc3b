"""The Collateral page: the library reps search and use offline, and where marketing publishes,
reviews and retires material and answers requests.

Reads go through the collateral store service (ids first, rows for what is shown); every write
goes through the writer lane; files, thumbnails and downloads through the parallel lane.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QWidget,
)

from desktop.locale import format_date
from desktop.store.library_query import LibraryQuery, Notice
from desktop.store.local_files import files_in, guess_kind, is_publishable, title_from
from desktop.tasks import TaskContext
from desktop.ui import theme
from desktop.ui.collateral.delegates import CARD_H, CARD_W, CardDelegate, HtmlDelegate
from desktop.ui.collateral.detail import DetailPanel
from desktop.ui.collateral.dialogs import AnswerDialog, PublishDialog, RequestDialog, ShareDialog
from desktop.ui.collateral.files import CollateralFiles
from desktop.ui.collateral.model import (
    ItemRole,
    LibraryModel,
    OfflineRole,
    SnippetHtmlRole,
    ThumbnailRole,
    TitleHtmlRole,
    kind_name,
)
from desktop.ui.collateral.requests import RequestsDialog
from desktop.ui.collateral.thumbnails import ThumbnailService
from desktop.ui.collateral.viewer import PdfViewer
from desktop.ui.common.keyboard import down_into, item_view_keys
from desktop.ui.common.offers import offers_of, reason_text, show_offer
from desktop.ui.common.page import Page
from desktop.ui.common.reflow import FlowRow
from desktop.ui.common.undo_notice import UndoNotice
from desktop.ui.services import Services
from desktop.ui.translations import QT_TRANSLATE_NOOP
from desktop.undo import UndoableWrite, save_undoably
from fieldnote.filemodes import private_dir, restrict
from fieldnote.kinds import COLLATERAL_STATUSES
from fieldnote.staleness import MAX_DAYS, VERIFY_SETTING

if TYPE_CHECKING:
    from desktop.store.collateral import CollateralLibrary

# Status filter entries that are views rather than a status: marketing's queue of reps'
# proposals, stale approved items, and a rep's own proposals; each with the statuses it shows.
PROPOSALS, STALE, MINE = "@proposals", "@stale", "@mine"
VIEWS: dict[str, tuple[str, ...]] = {PROPOSALS: ("draft", "review", "declined"),
                                     STALE: ("approved",),
                                     MINE: ("draft", "review", "declined", "approved")}

# A facet box's width, and the least a search field keeps before its row wraps.
FACET_WIDTH = 140
SEARCH_LEAST = 240

GROUP_NAMES = {
    "product": QT_TRANSLATE_NOOP("CollateralPage", "Product"),
    "industry": QT_TRANSLATE_NOOP("CollateralPage", "Industry"),
    "stage": QT_TRANSLATE_NOOP("CollateralPage", "Stage"),
    "region": QT_TRANSLATE_NOOP("CollateralPage", "Region"),
    "tag": QT_TRANSLATE_NOOP("CollateralPage", "Tags"),
}


class CollateralPage(Page):
    key = "collateral"

    def __init__(self, services: Services, library: CollateralLibrary,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, self.tr("Collateral"),
                         self.tr("Approved material, searchable and ready offline"), parent)
        self.library = library
        self.offers = offers_of(services)
        self.publishing = self.offers.offer("collateral", "create")
        self.answering = self.offers.answers_requests()
        me = str(services.user.get("id") or "")
        # A rep's own material goes to marketing's review queue as a proposal; marketing
        # reviews proposals (approves or declines them) and sees which items are stale.
        self.proposing = self.offers.offer("collateral", "create", None,
                                           {"status": "review", "proposed_by": me})
        self.reviewing = self.offers.offer(
            "collateral", "update",
            {"proposed_by": "(someone else)", "author_id": "(someone else)", "status": "review",
             "rev": 1}, {"status": "approved"})
        self.setAcceptDrops(self.publishing.allowed)
        self.files = CollateralFiles(services.blobs, services.blobs.root, services.tasks,
                                     connect=services.hub_blobs, parent=self)
        self.thumbnails = ThumbnailService(services.tasks, services.data_dir, self.files.verified_path, self)
        self._previous_visit: str | None = None
        self._ready = False
        self._viewers: list[PdfViewer] = []
        self.published_ids: list[str] = []
        self._sync_connected = False

        # Header actions.
        self.request_button = QPushButton(self.tr("Request material…"))
        self.request_button.clicked.connect(self._on_request_clicked)
        show_offer(self.request_button, self.offers.offer("collateral_request", "create"))
        self.requests_button = QPushButton(self.tr("Requests") if self.answering else self.tr("My requests"))
        self.requests_button.clicked.connect(self._on_requests_clicked)
        self.header_actions.addWidget(self.requests_button)
        self.header_actions.addWidget(self.request_button)
        self.publish_button = QPushButton(self.tr("Publish…"))
        self.publish_button.setProperty("primary", True)
        menu = QMenu(self.publish_button)
        menu.addAction(self.tr("Files…"), self._on_publish_files)
        menu.addAction(self.tr("A whole folder…"), self._on_publish_folder)
        self.publish_button.setMenu(menu)
        show_offer(self.publish_button, self.publishing)
        self.propose_button = QPushButton(self.tr("Propose material…"))
        self.propose_button.setToolTip(self.tr("Send your own one-pager or deck to marketing for "
                                               "review; other reps get it once it is approved"))
        self.propose_button.clicked.connect(self._on_propose_clicked)
        show_offer(self.propose_button, self.proposing)
        self.header_actions.addWidget(self.propose_button)
        self.header_actions.addWidget(self.publish_button)
        # Marketing publishes; whoever may not publish is offered a proposal instead (and a
        # rep, who may propose, is not shown a Publish they could never use). Set once the
        # buttons are in the page: shown before, a button is a window of its own for a moment.
        self.propose_button.setVisible(not self.publishing.allowed)
        self.publish_button.setVisible(self.publishing.allowed or not self.proposing.allowed)

        # Notices after a sync (retired or expired items, answered requests).
        self.notice = QLabel()
        self.notice.setObjectName("card")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setStyleSheet("padding: 8px 12px;")
        self.notice.hide()
        self.body.addWidget(self.notice)
        # After a one-click status change: what changed, and Undo (also Ctrl+Z on this page).
        self.undo_notice = UndoNotice(services.undo, self)
        self.undo_notice.undo_requested.connect(self._on_undo_notice_undo_requested)
        self.body.addWidget(self.undo_notice)

        # Search and view controls, then the facets: each a row that wraps in a narrow window
        # (the search keeps what its row leaves over), so the grid keeps the width for cards.
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search titles, summaries, tags and the words inside files…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search collateral"))
        self.search.setMinimumWidth(SEARCH_LEAST)
        self.sort = QComboBox()
        for key, label in (("relevance", self.tr("Best match")), ("newest", self.tr("Newest")),
                           ("most_used", self.tr("Most used")), ("best_rated", self.tr("Best rated"))):
            self.sort.addItem(label, key)
        self.sort.setCurrentIndex(1)
        self.sort.setAccessibleName(self.tr("Sort by"))
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Approved"), ("approved",))
        self.status_filter.addItem(self.tr("In review"), ("review",))
        if self.offers.reach.unpublished:
            self.status_filter.addItem(self.tr("Drafts"), ("draft",))
            self.status_filter.addItem(self.tr("Retired"), ("retired",))
            self.status_filter.addItem(self.tr("Everything current"), ("draft", "review", "approved"))
        if self.reviewing:
            self.status_filter.addItem(self.tr("Proposals"), (PROPOSALS,))
            self.status_filter.addItem(self.tr("Stale"), (STALE,))
        if self.proposing and not self.publishing:
            self.status_filter.addItem(self.tr("My proposals"), (MINE,))
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.only_new = QCheckBox(self.tr("New since last visit"))
        self.view_toggle = QPushButton(self.tr("List"))
        self.view_toggle.setCheckable(True)
        self.view_toggle.setToolTip(self.tr("Switch between cards and a list"))
        self.controls = FlowRow((self.search, self.sort, self.status_filter, self.only_new,
                                 self.view_toggle), grow=(self.search,))
        self.body.addWidget(self.controls)

        self.kind_facet = QComboBox()
        self.kind_facet.setFixedWidth(FACET_WIDTH)
        facets: list[QWidget] = [self._facet(self.tr("Kind"), self.kind_facet)]
        self.tag_facets: dict[str, QComboBox] = {}
        for group in ("product", "industry", "stage", "region", "tag"):
            combo = QComboBox()
            combo.setFixedWidth(FACET_WIDTH)
            combo.setProperty("group", group)
            facets.append(self._facet(QCoreApplication.translate("CollateralPage", GROUP_NAMES[group]),
                                      combo))
            self.tag_facets[group] = combo
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        self.new_label = QLabel()
        self.new_label.setProperty("role", "muted")
        # Marketing sets how long approved material stays verified (a hub setting).
        self.period_button = QPushButton()
        self.period_button.setToolTip(self.tr("Approved items not verified for this long are "
                                              "flagged stale; every marketer's library uses it"))
        self.period_button.clicked.connect(self._on_period_clicked)
        self.configuring = self.offers.offer("collateral", "configure")
        self.period_button.setVisible(bool(self.reviewing) and self.configuring.allowed)
        self._show_period()
        self.facets = FlowRow((*facets, self.count_label, self.new_label, self.period_button),
                              spacing=12)
        self.body.addWidget(self.facets)

        # Grid or list | detail.
        middle = QHBoxLayout()
        middle.setSpacing(12)
        self.model = LibraryModel(self._load_ids, self._load_rows, self.thumbnails, self.files, self)
        self.grid = QListView()
        self.grid.setObjectName("libraryGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setUniformItemSizes(True)
        self.grid.setGridSize(QSize(CARD_W + 6, CARD_H + 6))
        self.grid.setSpacing(4)
        self.grid.setWordWrap(True)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setItemDelegate(CardDelegate(theme.palette(services.settings.theme), self.grid))
        self.grid.setModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionModel(self.grid.selectionModel())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setItemDelegateForColumn(0, HtmlDelegate(theme.palette(services.settings.theme), TitleHtmlRole, self.table))
        self.table.setItemDelegateForColumn(7, HtmlDelegate(theme.palette(services.settings.theme), SnippetHtmlRole, self.table))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        header = self.table.horizontalHeader()
        for col, width in enumerate((300, 90, 60, 80, 80, 50, 130)):
            # Never narrower than the column's title in the window's language ("Nutzungen").
            self.table.setColumnWidth(col, max(width, header.sectionSizeHint(col)))
        self.views = QStackedWidget()
        self.views.addWidget(self.grid)
        self.views.addWidget(self.table)
        self.empty = QLabel()
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.views.addWidget(self.empty)
        middle.addWidget(self.views, 1)
        self.detail = DetailPanel()
        middle.addWidget(self.detail)
        self.body.addLayout(middle, 1)
        if self.publishing:
            drop = QLabel(self.tr("Drop files or a folder here to publish them."))
            drop.setWordWrap(True)
            drop.setProperty("role", "muted")
            self.body.addWidget(drop)

        # Wiring.
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.reload)
        self._stats_debounce = QTimer(self, singleShot=True, interval=150)
        self._stats_debounce.timeout.connect(self._on_stats_changed)
        self._after_sync = QTimer(self, singleShot=True, interval=400)
        self._after_sync.timeout.connect(self._on_synced)
        self.search.textChanged.connect(self._on_search_changed)
        for combo in (self.sort, self.status_filter, self.kind_facet, *self.tag_facets.values()):
            combo.activated.connect(self._debounce.start)
        self.only_new.toggled.connect(self._debounce.start)
        self.view_toggle.toggled.connect(self._on_view_toggled)
        self.grid.selectionModel().currentChanged.connect(self._on_current_changed)
        self.grid.doubleClicked.connect(lambda _i: self._on_open())
        self.table.doubleClicked.connect(lambda _i: self._on_open())
        item_view_keys(self.grid, self.tr("Collateral library"), lambda _i: self._on_open())
        item_view_keys(self.table, self.tr("Collateral library"), lambda _i: self._on_open())
        down_into(self.search, lambda: self.table if self.views.currentWidget() is self.table else self.grid)
        self.thumbnails.thumbnail_ready.connect(self._on_thumbnail_ready)
        self.files.state_changed.connect(self._on_file_state)
        d = self.detail
        d.open_requested.connect(self._on_open)
        d.system_open_requested.connect(self._on_open_system)
        d.present_requested.connect(self._on_present)
        d.share_requested.connect(self._on_share)
        d.download_requested.connect(self._on_download)
        d.pin_toggled.connect(self._on_pin)
        d.rate_requested.connect(self._on_rate)
        d.comment_requested.connect(self._on_comment)
        d.status_requested.connect(self._on_status)
        d.new_version_requested.connect(self._on_new_version)
        d.decline_requested.connect(self._on_decline)
        d.edit_requested.connect(self._on_edit)
        d.verify_requested.connect(self._on_verify)
        d.withdraw_requested.connect(self._on_withdraw)
        d.resubmit_requested.connect(self._on_resubmit)
        services.changes.records_changed.connect(self._on_records_changed)

        # "New" means arrived since the previous visit; this visit is recorded on the writer lane.
        self._previous_visit = library.last_visit()
        self.model.new_since = self._previous_visit
        services.tasks.write("collateral visit", lambda _ctx: library.begin_visit())
        self.reload()
        self._take_notices()  # the first look only remembers what the library holds

    # -- queries -------------------------------------------------------------------------

    def _facet(self, text: str, combo: QComboBox) -> QWidget:
        """A facet's label beside its box (the label its buddy), shown and hidden as one."""
        pair = QWidget()
        line = QHBoxLayout(pair)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(6)
        label = QLabel(text)
        label.setProperty("role", "muted")
        label.setBuddy(combo)
        line.addWidget(label)
        line.addWidget(combo)
        combo.setProperty("pair", pair)
        return pair

    def show_filter(self, view: str) -> None:
        """Choose a status filter by its data: a status, or PROPOSALS, STALE, MINE."""
        for i in range(self.status_filter.count()):
            if (self.status_filter.itemData(i) or ("",))[0] == view:
                self.status_filter.setCurrentIndex(i)
                self.reload()
                return
        raise KeyError(view)

    def query(self) -> LibraryQuery:
        chosen = tuple(self.status_filter.currentData() or ("approved",))
        view = chosen[0] if chosen[0] in VIEWS else None
        return LibraryQuery(
            search=self.search.text(),
            kind=self.kind_facet.currentData() or None,
            tags=tuple(c.currentData() for c in self.tag_facets.values() if c.currentData()),
            statuses=VIEWS[view] if view else chosen,
            proposals=view == PROPOSALS,
            proposer=str(self.services.user.get("id") or "") if view == MINE else None,
            stale_only=view == STALE,
            sort=self.sort.currentData(),
            # With no earlier visit nothing is new.
            only_new_since=(self._previous_visit or "9999") if self.only_new.isChecked() else None,
        )

    def _load_ids(self) -> list[str]:
        return self.library.ids(self.query())

    def _load_rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        rows = self.library.rows(ids)
        if self.reviewing:
            for rid, reasons in self.library.stale(ids).items():
                if rid in rows:
                    rows[rid]["_stale"] = reasons
        for rid, marked in self.library.highlights(ids, self.search.text()).items():
            if rid in rows:
                rows[rid]["_title_html"] = marked.title_html
                rows[rid]["_snippet_html"] = marked.snippet_html
        return rows

    def reload(self) -> None:
        current = self.current_id()
        facets = self.library.facets(self.query())
        self._fill_facet(self.kind_facet, self.tr("All kinds"),
                         {k: (kind_name(k), n) for k, n in facets.kinds.items()})
        for group, combo in self.tag_facets.items():
            values = facets.tags.get(group, {})
            shown = {t: (t.split(":", 1)[1] if group != "tag" else t, n) for t, n in values.items()}
            self._fill_facet(combo, self.tr("Any"), shown)
            visible = bool(values) or bool(combo.currentData())
            combo.property("pair").setVisible(visible)
        self.model.reload()
        total = self.model.total()
        self._prefetch_thumbnails()
        self.count_label.setText(self.tr("%n item(s)", "", total))
        new = self.library.new_count(self._previous_visit)
        self.new_label.setText(self.tr("%n new since your last visit", "", new) if new else "")
        self.new_label.setVisible(bool(new))
        self.facets.relayout()
        if total == 0:
            self.empty.setText(self._empty_text())
            self.views.setCurrentWidget(self.empty)
        else:
            self.views.setCurrentWidget(self.table if self.view_toggle.isChecked() else self.grid)
        row = self.model.row_of(current) if current else -1
        if row < 0 and total:
            row = 0
        if row >= 0:
            self.grid.setCurrentIndex(self.model.index(row, 0))
        else:
            self._show_detail(None)
        self._ready = True

    def _prefetch_thumbnails(self, rows: int = 24) -> None:
        # Start the first screen's thumbnails now rather than at first paint.
        for row in range(min(rows, self.model.rowCount())):
            item = self.model.record(row)
            if item is not None:
                self.thumbnails.pixmap(item.get("file_sha256"), item.get("mime_type"))

    def _fill_facet(self, combo: QComboBox, any_label: str, values: dict[str, tuple[str, int]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_label, None)
        for key, (label, n) in sorted(values.items(), key=lambda kv: kv[1][0].lower()):
            combo.addItem(f"{label} ({n})", key)
        if keep and combo.findData(keep) < 0:
            combo.addItem(f"{keep} (0)", keep)
        combo.setCurrentIndex(max(0, combo.findData(keep)) if keep else 0)
        combo.blockSignals(False)

    def _empty_text(self) -> str:
        if self.search.text().strip():
            return self.tr("Nothing matches “%1”. Try fewer words, or ask marketing for it "
                           "with Request material.").replace("%1", html.escape(self.search.text().strip()))
        if self.services.store.count("collateral") == 0:
            return self.tr("No collateral yet. It arrives with the next sync; marketing "
                           "publishes it from here.")
        return self.tr("Nothing here with these filters.")

    def select_first(self) -> None:
        if self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(0, 0))

    def current_id(self) -> str | None:
        index = self.grid.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def current_row(self) -> dict[str, Any] | None:
        index = self.grid.currentIndex()
        return index.data(ItemRole) if index.isValid() else None

    # -- detail --------------------------------------------------------------------------

    def _on_current_changed(self, current: Any, _previous: Any) -> None:
        self._show_detail(current.data(ItemRole) if current.isValid() else None)

    def _show_detail(self, row: dict[str, Any] | None) -> None:
        if row is None:
            self.detail.show_item(None, thumbnail=None)
            return
        index = self.grid.currentIndex()
        extra = self.library.item_detail(row["id"], self.services.user.get("id"),
                                         with_usage=self.offers.reach.others_work)
        self.detail.show_item(
            row,
            thumbnail=index.data(ThumbnailRole),
            title_html=row.get("_title_html") or "",
            snippet_html=row.get("_snippet_html") or "",
            workflow=self.offers.offer("collateral", "update", row, {"status": "approved"}).allowed,
            all_feedback=self.offers.reach.others_work,
            my_rating=extra["my_rating"],
            feedback=extra["feedback"],
            usage=extra["usage"],
            history=extra["history"],
            offline=index.data(OfflineRole) or ("", None),
            can_download=self.files.can_download(),
            review_html=self._review_html(row),
            own_proposal=self._own_proposal(row),
        )
        about = {"collateral_id": row["id"]}
        show_offer(self.detail.rate_button, self.offers.offer("collateral_feedback", "create", None, about))
        show_offer(self.detail.share_button, self.offers.offer("collateral_usage", "create", None, about))

    def _review_html(self, row: dict[str, Any]) -> str:
        """Who proposed the item, marketing's comment, its last verification and why it is
        stale, as lines for the side panel."""
        lines: list[str] = []
        proposer = row.get("proposed_by")
        if proposer:
            me = proposer == self.services.user.get("id")
            name = self.tr("you") if me else (self.services.queries.names("user").get(proposer)
                                              or self.tr("a rep"))
            lines.append(self.tr("Proposed by %1").replace("%1", html.escape(name)))
        comment = (row.get("review_comment") or "").strip()
        if comment:
            label = (self.tr("Declined: %1") if row.get("status") == "declined"
                     else self.tr("Marketing's comment: %1"))
            lines.append(label.replace("%1", html.escape(comment)))
        if row.get("verified_on"):
            lines.append(self.tr("Last verified %1").replace("%1", format_date(row["verified_on"])))
        for reason in row.get("_stale") or ():
            text = (self.tr("Stale: not verified since %1") if reason.reason == "not_verified"
                    else self.tr("Stale: unused since %1"))
            lines.append("<b>" + text.replace("%1", format_date(reason.since.isoformat())) + "</b>")
        return "<br>".join(lines)

    def _own_proposal(self, row: dict[str, Any]) -> tuple[bool, bool]:
        """May the user withdraw this proposal of theirs, and send it back for review?"""
        if not row.get("proposed_by") or row.get("proposed_by") != self.services.user.get("id"):
            return False, False
        withdraw = self.offers.offer("collateral", "delete", row).allowed
        resubmit = row.get("status") == "declined" and self.offers.offer(
            "collateral", "update", row, {"status": "review"}).allowed
        return withdraw, resubmit

    # -- proposals and their review ------------------------------------------------------

    def _show_period(self) -> None:
        self.period_button.setText(self.tr("Stale after %n day(s)…", "",
                                           self.library.verify_period()))

    def _on_period_clicked(self) -> None:
        days, ok = QInputDialog.getInt(
            self, self.tr("Verification period"),
            self.tr("Flag approved items as stale when not verified for this many days:"),
            self.library.verify_period(), 1, MAX_DAYS)
        if ok:
            self.set_verify_period(days)

    def set_verify_period(self, days: int) -> Any:
        """Set the period on the hub (a worker: it waits on the network), then keep it here."""
        setter, library = self.services.set_hub_setting, self.library
        if setter is None:
            self._tell(self.tr("Not signed in to a hub: the period is a hub setting."))
            return None
        task = self.services.tasks.run("set verification period",
                                       lambda _ctx: setter(VERIFY_SETTING, str(days)))

        def stored(value: str) -> None:
            done = self.services.tasks.write("keep verification period",
                                             lambda _ctx: library.remember_verify_period(value))
            done.finished.connect(self._on_period_kept)

        task.finished.connect(stored)
        task.failed.connect(self._tell)
        return task

    def _on_period_kept(self, _result: Any = None) -> None:
        self._show_period()
        self.reload()

    def _on_propose_clicked(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Propose material"))
        if names:
            self.publish_paths([Path(n) for n in names], proposal=True)

    def decline_current(self, comment: str) -> Any:
        """Decline the chosen proposal with `comment` (the rep reads it); returns the write."""
        row = self.current_row()
        if row is None:
            return None
        library, cid = self.library, row["id"]
        task = self.services.tasks.write("decline proposal",
                                         lambda _ctx: library.decline(cid, comment))
        task.finished.connect(lambda _r: self._tell(self.tr(
            "Declined; the rep sees your comment after the next sync.")))
        task.failed.connect(self._tell)
        return task

    def _on_decline(self) -> None:
        row = self.current_row()
        if row is None:
            return
        comment, ok = QInputDialog.getMultiLineText(
            self, self.tr("Decline proposal"),
            self.tr("Why is “%1” declined? The rep reads this.").replace("%1", row.get("title") or ""))
        if not ok:
            return
        if not comment.strip():
            self._tell(self.tr("Nothing declined: say why, so the rep can fix it."))
            return
        self.decline_current(comment)

    def _on_edit(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = PublishDialog([Path(row.get("file_name") or row.get("title") or "file")],
                               guess_title=title_from, guess_kind=guess_kind, previous=row,
                               parent=self, editing=True)
        if dialog.exec() == PublishDialog.DialogCode.Accepted:
            self.edit_current(dialog.fields_for(dialog.paths[0], title_from))

    def edit_current(self, fields: dict[str, Any]) -> Any:
        """Save marketing's edit of the chosen item (only the fields that changed)."""
        row = self.current_row()
        if row is None:
            return None
        changed = {k: v for k, v in fields.items() if row.get(k) != v}
        if not changed:
            return None
        library, cid = self.library, row["id"]
        task = self.services.tasks.write("edit collateral",
                                         lambda _ctx: library.update(cid, changed))
        task.finished.connect(lambda _r: self._tell(self.tr("Saved; it goes to the hub at the next sync.")))
        task.failed.connect(self._tell)
        return task

    def _on_verify(self) -> Any:
        row = self.current_row()
        if row is None:
            return None
        library, cid = self.library, row["id"]
        task = self.services.tasks.write("verify collateral",
                                         lambda _ctx: library.mark_verified(cid))
        task.finished.connect(lambda _r: self._tell(self.tr("Marked as verified today.")))
        task.failed.connect(self._tell)
        return task

    def withdraw_current(self) -> Any:
        row = self.current_row()
        if row is None:
            return None
        store, cid = self.services.store, row["id"]
        task = self.services.tasks.write("withdraw proposal",
                                         lambda _ctx: store.delete("collateral", cid))
        task.finished.connect(lambda _r: self._tell(self.tr("Your proposal is withdrawn.")))
        task.failed.connect(self._tell)
        return task

    def _on_withdraw(self) -> None:
        row = self.current_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Withdraw"),
            self.tr("Withdraw your proposal “%1”?").replace("%1", row.get("title") or ""))
        if answer == QMessageBox.StandardButton.Yes:
            self.withdraw_current()

    def _on_resubmit(self) -> Any:
        row = self.current_row()
        if row is None:
            return None
        library, cid = self.library, row["id"]
        task = self.services.tasks.write("resubmit proposal",
                                         lambda _ctx: library.update(cid, {"status": "review"}))
        task.finished.connect(lambda _r: self._tell(self.tr(
            "Sent to marketing for review again at the next sync.")))
        task.failed.connect(self._tell)
        return task

    def _on_thumbnail_ready(self, sha256: str) -> None:
        row = self.current_row()
        if row is not None and row.get("file_sha256") == sha256:
            self.detail.thumb.setPixmap(self.grid.currentIndex().data(ThumbnailRole).scaledToWidth(
                160, Qt.TransformationMode.SmoothTransformation))

    def _on_file_state(self, sha256: str) -> None:
        row = self.current_row()
        if row is not None and row.get("file_sha256") == sha256:
            state, fraction = self.files.state(sha256)
            self.detail.set_offline(state, fraction, can_download=self.files.can_download())

    # -- using an item -------------------------------------------------------------------

    def _with_file(self, then: Any) -> None:
        row = self.current_row()
        if row is None or not row.get("file_sha256"):
            return
        self.files.fetch(row["file_sha256"], row.get("file_size"),
                         on_ready=lambda path: then(row, path),
                         on_missing=lambda msg: self._tell(msg))

    def _on_open(self) -> None:
        self._with_file(self._open_in_app)

    def _on_present(self) -> None:
        self._with_file(lambda row, path: self._open_in_app(row, path, present=True))

    def _on_download(self) -> None:
        self._with_file(lambda _row, _path: None)

    def _open_in_app(self, row: dict[str, Any], path: Path, present: bool = False) -> None:
        if row.get("mime_type") != "application/pdf":
            self._open_system(row, path)
            return
        viewer = PdfViewer(path, row.get("title") or "", self)
        if not viewer.loaded():
            viewer.deleteLater()
            self._open_system(row, path)
            return
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.presented.connect(lambda r=row: self._record_use(r, "presented"))
        viewer.destroyed.connect(lambda _o=None, v=viewer: self._viewers.remove(v) if v in self._viewers else None)
        self._viewers.append(viewer)
        self._record_use(row, "opened")
        viewer.show()
        if present:
            viewer.present()

    def _on_open_system(self) -> None:
        self._with_file(self._open_system)

    def _open_system(self, row: dict[str, Any], path: Path) -> None:
        self._with_named_copy(row, path, lambda named, r=row: self._open_named(r, named))

    def _open_named(self, row: dict[str, Any], named: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(named))):
            self._tell(self.tr("No program on this computer opens %1 files.").replace(
                "%1", Path(row.get("file_name") or "").suffix or "these"))
            return
        self._record_use(row, "opened")

    def _with_named_copy(self, row: dict[str, Any], path: Path, then: Any) -> None:
        """Copy the file under its own name on a worker (it may be large), then call `then`:
        other programs and mail apps show that name, and the cached file itself is never
        handed to a program that could change it."""
        folder = self.services.data_dir / "opened" / str(row["file_sha256"])[:16]
        name = Path(row.get("file_name") or "file").name or "file"

        def copy(_ctx: TaskContext) -> Path:
            private_dir(folder.parent)
            private_dir(folder)
            target = folder / name
            if not target.exists() or target.stat().st_size != path.stat().st_size:
                shutil.copyfile(path, target)
                restrict(target)
            return target

        task = self.services.tasks.run("copy file to open", copy)
        task.finished.connect(then)
        task.failed.connect(self._tell)

    def _on_share(self) -> None:
        row = self.current_row()
        if row is None:
            return
        dialog = ShareDialog(row.get("title") or "", self._share_targets, self)
        if dialog.exec() != ShareDialog.DialogCode.Accepted or dialog.target() is None:
            return
        target = dialog.target()
        assert target is not None
        self._with_file(lambda r, path, t=target: self._share(r, path, t))

    def _share_targets(self, search: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        queries = self.services.queries
        lead_ids = queries.ids("lead", search=search, order=(("captured_at", True),), limit=25)
        for lead in (queries.rows("lead", lead_ids)[i] for i in lead_ids):
            name = " ".join(p for p in (lead.get("first_name"), lead.get("last_name")) if p) or "—"
            extra = " · ".join(p for p in (lead.get("company"), lead.get("email")) if p)
            out.append({"kind": "lead", "id": lead["id"], "email": lead.get("email") or "",
                        "name": name, "label": self.tr("Lead: %1").replace("%1", f"{name}  ({extra})")})
        debrief_ids = queries.ids("debrief", search=search, order=(("call_date", True),), limit=10)
        for deb in (queries.rows("debrief", debrief_ids)[i] for i in debrief_ids):
            out.append({"kind": "debrief", "id": deb["id"], "email": "", "name": deb.get("account") or "",
                        "label": self.tr("Debrief: %1 (%2)").replace("%1", deb.get("account") or "")
                        .replace("%2", deb.get("call_date") or "")})
        return out

    def _share(self, row: dict[str, Any], path: Path, target: dict[str, Any]) -> None:
        self._with_named_copy(row, path, lambda named, r=row, t=target: self._mail(r, named, t))

    def _mail(self, row: dict[str, Any], named: Path, target: dict[str, Any]) -> None:
        subject = row.get("title") or named.name
        body = self.tr("Hello %1,\n\nas promised, here is %2.\n\n(Attached: %3)\n").replace(
            "%1", target.get("name") or "").replace("%2", subject).replace("%3", str(named))
        url = (f"mailto:{quote(target.get('email') or '', safe='@+')}?subject={quote(subject)}"
               f"&body={quote(body)}&attach={quote(str(named))}")
        QDesktopServices.openUrl(QUrl(url))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(named.parent)))
        lead_id = target["id"] if target["kind"] == "lead" else None
        debrief_id = target["id"] if target["kind"] == "debrief" else None
        self._record_use(row, "shared", lead_id=lead_id, debrief_id=debrief_id)

    def _record_use(self, row: dict[str, Any], action: str, **link: str | None) -> None:
        library, user_id, cid = self.library, self.services.user.get("id"), row["id"]
        # Reading is not use: whom the hub takes no usage records from (admins) just read.
        counted = self.offers.offer("collateral_usage", "create", None, {"collateral_id": cid}).allowed

        def write(_ctx: TaskContext) -> None:
            if counted:
                library.record_usage(cid, action, author_id=user_id, **link)
            library.touch_opened(cid)

        self.services.tasks.write(f"collateral {action}", write)

    def _on_pin(self, pinned: bool) -> None:
        row = self.current_row()
        if row is None:
            return
        library, cid = self.library, row["id"]
        self.services.tasks.write("pin collateral", lambda _ctx: library.set_pinned(cid, pinned))
        if pinned and row.get("file_sha256"):
            self._with_file(lambda _r, _p: None)

    def _on_rate(self, rating: int, comment: str) -> None:
        row = self.current_row()
        if row is None:
            return
        library, user_id, cid = self.library, self.services.user.get("id"), row["id"]
        task = self.services.tasks.write(
            "rate collateral", lambda _ctx: library.rate(cid, rating, comment, author_id=user_id))
        task.finished.connect(lambda _r: self._tell(self.tr("Thanks, your rating is saved.")))
        task.failed.connect(self._tell)

    def _on_comment(self, comment: str) -> None:
        row = self.current_row()
        if row is None:
            return
        library, user_id, cid = self.library, self.services.user.get("id"), row["id"]
        task = self.services.tasks.write(
            "comment on collateral", lambda _ctx: library.comment(cid, comment, author_id=user_id))
        task.finished.connect(lambda _r: self._tell(self.tr("Your comment is saved.")))
        task.failed.connect(self._tell)

    def _on_status(self, status: str) -> None:
        row = self.current_row()
        if row is None:
            return
        if status == "retired":
            answer = QMessageBox.question(
                self, self.tr("Retire"),
                self.tr("Retire “%1”? Reps lose it at their next sync.").replace("%1", row.get("title") or ""))
            if answer != QMessageBox.StandardButton.Yes:
                return
        store, cid, title = self.services.store, row["id"], row.get("title") or ""
        if status not in COLLATERAL_STATUSES:
            return
        fields = self.library.status_fields(status)  # approving also verifies
        task = self.services.tasks.write(
            "collateral status",
            lambda _ctx: save_undoably(store, "collateral", fields, cid)[1])
        task.finished.connect(lambda revert: self._on_status_saved(cid, title, status, revert))
        task.failed.connect(self._tell)

    def _on_status_saved(self, cid: str, title: str, status: str, revert: Any) -> None:
        labels = {"draft": self.tr("Draft"), "review": self.tr("To review"),
                  "approved": self.tr("Approved"), "retired": self.tr("Retired")}
        write = self.services.undo.remember(
            "collateral", cid,
            self.tr("“%1” is now %2.").replace("%1", title).replace("%2", labels.get(status, status)),
            revert)
        self.undo_notice.show_write(write)

    def _on_undo_notice_undo_requested(self, write: UndoableWrite) -> None:
        self.undo_notice.revert(self.services.tasks, write, lambda _w: self.undo_notice.show_result(
            self.tr("Undone: the earlier status is back (a change that syncs).")))

    # -- publishing ----------------------------------------------------------------------

    def _on_publish_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Publish files"))
        if names:
            self.publish_paths([Path(n) for n in names])

    def _on_publish_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Publish a folder"))
        if folder:
            self.publish_paths([Path(folder)])

    def _on_new_version(self) -> None:
        row = self.current_row()
        if row is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("The new version's file"))
        if name:
            self.publish_paths([Path(name)], previous=row)

    def publish_paths(self, paths: list[Path], previous: dict[str, Any] | None = None,
                      dialog: PublishDialog | None = None, proposal: bool = False) -> Any:
        """Expand folders, ask for the details, then publish on the writer lane."""
        files: list[Path] = []
        for path in paths:
            files.extend(files_in(path) if path.is_dir() else ([path] if is_publishable(path) else []))
        if not files:
            self._tell(self.tr("None of these is a file the library holds (PDF, slides, documents, "
                               "spreadsheets, images, videos)."))
            return None
        if dialog is None:
            from desktop.store.publishing import check_file

            dialog = PublishDialog(files, guess_title=title_from, guess_kind=guess_kind,
                                   previous=previous, parent=self, check=check_file,
                                   proposal=proposal)
            if dialog.exec() != PublishDialog.DialogCode.Accepted:
                return None
        # The dialog may have swapped a refused file for another one.
        jobs = [(f, dialog.fields_for(f, title_from)) for f in dialog.paths]
        if proposal:
            me = str(self.services.user.get("id") or "")
            jobs = [(f, self.library.propose_fields(fields, me)) for f, fields in jobs]
        return self._publish(jobs, previous, proposal=proposal)

    def _publish(self, jobs: list[tuple[Path, dict[str, Any]]], previous: dict[str, Any] | None,
                 proposal: bool = False) -> Any:
        """Copy, hash and read the files on the parallel lane, then save the items on the
        writer lane (so a large PDF never holds up other saves)."""
        library, blobs = self.library, self.files.blobs
        user_id = self.services.user.get("id")
        supersedes = previous["id"] if previous else None

        def prepare(ctx: TaskContext) -> list[dict[str, Any]]:
            from desktop.store.publishing import file_fields

            ready = []
            for n, (path, fields) in enumerate(jobs):
                ctx.check()
                ctx.progress(n, len(jobs), path.name)
                ready.append({**fields, **file_fields(path, blobs)})
            return ready

        def save(values: list[dict[str, Any]]) -> Any:
            def write(_ctx: TaskContext) -> list[str]:
                if supersedes:
                    return [library.new_version(supersedes, v, author_id=user_id) for v in values]
                return [library.publish(v, author_id=user_id) for v in values]

            task = self.services.tasks.write("publish collateral", write)
            task.finished.connect(lambda ids: self._on_published(ids, proposal))
            task.failed.connect(self._tell)

        task = self.services.tasks.run("read files to publish", prepare)
        task.finished.connect(save)
        task.failed.connect(self._tell)
        return task

    def _on_published(self, ids: list[str], proposal: bool = False) -> None:
        self.published_ids = list(ids)
        if proposal:
            self._tell(self.tr("%n proposal(s) sent to marketing at the next sync; see them under "
                               "My proposals.", "", len(ids)))
            return
        self._tell(self.tr("%n item(s) published; the files go to the hub at the next sync.", "", len(ids)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.publishing and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.publish_paths(paths))

    # -- requests ------------------------------------------------------------------------

    def _on_request_clicked(self) -> None:
        dialog = RequestDialog(self.services.queries.names("event"), self)
        if dialog.exec() != RequestDialog.DialogCode.Accepted:
            return
        library, fields, user_id = self.library, dialog.fields(), self.services.user.get("id")
        task = self.services.tasks.write("request collateral", lambda _ctx: library.ask(fields, author_id=user_id))
        task.finished.connect(lambda _r: self._tell(self.tr("Request sent to marketing at the next sync.")))
        task.failed.connect(self._tell)

    def _load_requests(self) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, str]]:
        if self.answering:
            rows = self.library.requests(statuses=("open", "accepted"))
        else:
            rows = self.library.requests(author_id=self.services.user.get("id"))
        return rows, self.services.queries.names("event"), self.services.queries.names("user")

    def _on_requests_clicked(self) -> None:
        dialog = RequestsDialog(self._load_requests, self.answering.allowed, self)
        dialog.answer_requested.connect(lambda row, status, d=dialog: self._answer(d, row, status))
        dialog.exec()

    def _answer(self, requests: RequestsDialog, row: dict[str, Any], status: str) -> None:
        items = {r["id"]: r["title"] for r in self.library.visible_items()}
        dialog = AnswerDialog(row, status, items, self)
        if dialog.exec() != AnswerDialog.DialogCode.Accepted:
            return
        new_status, response, cid = dialog.values()
        library, rid = self.library, row["id"]
        task = self.services.tasks.write(
            "answer request", lambda _ctx: library.answer_request(rid, new_status, response, cid))
        task.finished.connect(lambda _r: requests.reload())
        task.failed.connect(self._tell)

    # -- changes and notices -------------------------------------------------------------

    def _on_records_changed(self, kind: str, ids: list[str]) -> None:
        if kind == "collateral":
            self._debounce.start()
        elif kind in ("collateral_feedback", "collateral_usage"):
            self._stats_debounce.start()
        if kind in ("collateral", "collateral_request"):
            self._after_sync.start()

    def _on_stats_changed(self) -> None:
        self.model.refresh_shown()
        self._show_detail(self.current_row())

    def _on_synced(self) -> None:
        self.thumbnails.forget_failures()
        self._take_notices()

    def _take_notices(self) -> None:
        library, user_id, marketing = self.library, self.services.user.get("id"), self.answering.allowed
        task = self.services.tasks.write(
            "collateral notices", lambda _ctx: library.take_notices(user_id, marketing=marketing))
        task.finished.connect(self._show_notices)

    def _show_notices(self, notices: list[Notice]) -> None:
        if not notices:
            return
        lines = []
        for n in notices[:8]:
            if n.kind == "removed":
                lines.append(self.tr("“%1” was retired or expired and is no longer offered.").replace(
                    "%1", html.escape(n.text)))
            elif n.kind == "new_request":
                lines.append(self.tr("New request for material: “%1”").replace("%1", html.escape(n.text)))
            elif n.kind == "new_proposal":
                lines.append(self.tr("New proposal to review: “%1”").replace("%1", html.escape(n.text)))
            elif n.kind == "proposal":
                lines.append(self.tr("Your proposal %1").replace("%1", html.escape(n.text)))
            else:
                lines.append(self.tr("Your request %1").replace("%1", html.escape(n.text)))
        if len(notices) > 8:
            lines.append(self.tr("…and %n more.", "", len(notices) - 8))
        self.notice.setText("<br>".join(lines))
        self.notice.show()
        QTimer.singleShot(20_000, self.notice.hide)

    def _tell(self, message: str) -> None:
        self.notice.setText(html.escape(message))
        self.notice.show()
        QTimer.singleShot(8_000, self.notice.hide)

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        # The sync runner is attached to the window after the pages are built.
        runner = self.services.sync
        if runner is not None and not self._sync_connected:
            runner.cycle_finished.connect(self._on_cycle_finished)
            self._sync_connected = True

    def _on_cycle_finished(self, report: Any) -> None:
        if getattr(report, "blobs_fetched", 0) or getattr(report, "blobs_evicted", 0):
            # Files arrived or left: thumbnails and offline marks repaint from the disk.
            self.thumbnails.forget_failures()
            self._prefetch_thumbnails()
            self.grid.viewport().update()
            self.table.viewport().update()
            self._on_file_state(str((self.current_row() or {}).get("file_sha256") or ""))

    # -- page hooks ----------------------------------------------------------------------

    def _on_search_changed(self, text: str) -> None:
        # Typing a search ranks by relevance; clearing it goes back to newest first.
        wanted = "relevance" if text.strip() else "newest"
        if self.sort.currentData() in ("relevance", "newest") and self.sort.currentData() != wanted:
            self.sort.setCurrentIndex(self.sort.findData(wanted))
        self._debounce.start()

    def _on_view_toggled(self, as_list: bool) -> None:
        self.view_toggle.setText(self.tr("Cards") if as_list else self.tr("List"))
        if self.model.total():
            self.views.setCurrentWidget(self.table if as_list else self.grid)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def create_new(self) -> None:
        if self.publishing:
            self._on_publish_files()
        elif self.request_button.isEnabled():
            self._on_request_clicked()
        else:
            self._tell(reason_text(self.publishing))

    def is_ready(self) -> bool:
        # Ready once the list is loaded and the visible thumbnails are built (or not needed).
        return self._ready and self.thumbnails.pending() == 0

