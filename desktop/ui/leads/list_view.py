"""The lead list: full-text search, filters, SQL sorting, and the selected lead's detail.

Slots make one call to `LeadBook` (through the model) and react to `records_changed`; the list
holds ids only, so it stays smooth at 100,000 leads.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import with_count
from desktop.store.leads import STATUS_NEW, LeadBook, LeadFilter
from desktop.ui.common.keyboard import down_into, item_view_keys
from desktop.ui.common.reflow import ReflowRow
from desktop.ui.leads.choice_box import ChoiceBox
from desktop.ui.leads.detail import LeadDetail
from desktop.ui.leads.models import LeadTableModel, grade_label, status_text
from desktop.ui.services import Services
from fieldnote.kinds import GRADES, OUTCOME_STATUSES


class LeadListPanel(QWidget):
    """Leads with filters on top, the table on the left and the detail on the right."""

    edit_requested = Signal(str)
    import_requested = Signal()
    export_requested = Signal()
    outcomes_requested = Signal()

    def __init__(self, services: Services, book: LeadBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = book
        self._events: dict[str, str] = {}
        self._users: dict[str, str] = {}
        self._stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search name, company, email, notes…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.clicked.connect(self.import_requested)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export_requested)
        self.outcomes_button = QPushButton(self.tr("CRM outcomes…"))
        self.outcomes_button.setToolTip(self.tr("Bring outcomes back from a Salesforce or "
                                                "HubSpot report"))
        self.outcomes_button.clicked.connect(self.outcomes_requested)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        top.addWidget(self.outcomes_button)
        layout.addLayout(top)

        self.event_filter = ChoiceBox()
        self.grade_filter = ChoiceBox()
        self.grade_filter.addItem(self.tr("Any grade"), None)
        for g in GRADES:
            self.grade_filter.addItem(grade_label(g), g)
        self.qualified_filter = ChoiceBox()
        self.qualified_filter.addItem(self.tr("Qualified or not"), None)
        self.qualified_filter.addItem(self.tr("Qualified"), True)
        self.qualified_filter.addItem(self.tr("Not qualified"), False)
        self.status_filter = ChoiceBox()
        self.status_filter.addItem(self.tr("Any status"), None)
        self.status_filter.addItem(status_text(None), STATUS_NEW)
        for s in OUTCOME_STATUSES:
            self.status_filter.addItem(status_text(s), s)
        self.owner_filter = ChoiceBox()
        self.date_from = QLineEdit()
        self.date_from.setPlaceholderText(self.tr("from YYYY-MM-DD"))
        self.date_to = QLineEdit()
        self.date_to.setPlaceholderText(self.tr("to YYYY-MM-DD"))
        # Named for screen readers: a combo box's current value ("Any grade") is not its name.
        self.search.setAccessibleName(self.tr("Search leads"))
        for w, name in ((self.event_filter, self.tr("Event")), (self.grade_filter, self.tr("Grade")),
                        (self.qualified_filter, self.tr("Qualified")), (self.status_filter, self.tr("Status")),
                        (self.owner_filter, self.tr("Owner")), (self.date_from, self.tr("Captured from")),
                        (self.date_to, self.tr("Captured to"))):
            w.setAccessibleName(name)
        # The filters share one row on a wide window and wrap onto two in a narrow one, so
        # their texts ("Qualified or not", the date format) are never cut, in any language.
        self.filters = filters = ReflowRow()
        for w in (self.grade_filter, self.qualified_filter, self.status_filter):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for w, chars in ((self.event_filter, 12), (self.owner_filter, 8)):
            # Event and rep names are long and many: the box shows the start of a long one.
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            w.setMinimumContentsLength(chars)
        for w in (self.event_filter, self.grade_filter, self.qualified_filter, self.status_filter,
                  self.owner_filter):
            filters.add(w)
            w.currentIndexChanged.connect(self._schedule)
        for date in (self.date_from, self.date_to):
            margins = date.textMargins().left() + date.textMargins().right() + 26
            date.setMinimumWidth(date.fontMetrics().horizontalAdvance(date.placeholderText()) + margins)
            filters.add(date)
            date.editingFinished.connect(self._schedule)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")
        top.insertWidget(1, self.count_label)
        layout.addWidget(filters)

        self.model = LeadTableModel(book, self._event_name, self._owner_name, self, services.tasks)
        self.model.ids_loaded.connect(self._on_model_ids_loaded)
        self.table = QTableView()
        self.table.setObjectName("leadTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        for col, width in enumerate((160, 150, 130, 190, 70, 55, 110, 150, 120)):
            # Never narrower than the column's title in the window's language ("Einstufung").
            self.table.setColumnWidth(col, max(width, header.sectionSizeHint(col)))
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        # Enter (or a double-click) opens the lead in the capture form, as its Edit button does.
        item_view_keys(self.table, self.tr("Leads"), self._on_table_open)
        self.table.doubleClicked.connect(self._on_table_open)
        down_into(self.search, self.table)
        self.detail = LeadDetail(services, book, undo_scope=self)
        self.detail.edit_requested.connect(self.edit_requested)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 360])
        layout.addWidget(splitter, 1)

        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._schedule)
        self._repaint = QTimer(self, singleShot=True, interval=100)
        self._repaint.timeout.connect(self._refresh_changed)
        self._changed_ids: set[str] = set()
        services.changes.records_changed.connect(self._on_records_changed)
        self.load_names()
        self.apply_filters()

    # -- names shown in the table and filters ---------------------------------------------

    def load_names(self) -> None:
        events = self.book.events()
        self._events = {e["id"]: e.get("name") or "" for e in events}
        users = self.book.users()
        self._users = {uid: u.get("name") or "" for uid, u in users.items()}
        self._fill_combo(self.event_filter, self.tr("All events"),
                         [(e["id"], e.get("name") or "") for e in events])
        self._fill_combo(self.owner_filter, self.tr("Everyone"),
                         [(uid, name) for uid, name in self._users.items()])

    def _fill_combo(self, box: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for value, label in items:
            box.addItem(label, value)
        index = box.findData(current) if current else 0
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)

    def _event_name(self, event_id: str | None) -> str:
        return self._events.get(event_id or "", "")

    def _owner_name(self, owner_id: str | None) -> str:
        return self._users.get(owner_id or "", "")

    # -- filtering -----------------------------------------------------------------------

    def _schedule(self, *_args: object) -> None:
        self._debounce.start()

    def current_filter(self) -> LeadFilter:
        def day(edit: QLineEdit) -> str | None:
            text = edit.text().strip()
            ok = QDate.fromString(text, "yyyy-MM-dd").isValid()
            edit.setProperty("state", "" if ok or not text else "bad")
            return text if ok else None

        return LeadFilter(
            search=self.search.text(),
            event_id=self.event_filter.currentData(),
            grade=self.grade_filter.currentData(),
            qualified=self.qualified_filter.currentData(),
            status=self.status_filter.currentData(),
            owner_id=self.owner_filter.currentData(),
            date_from=day(self.date_from),
            date_to=day(self.date_to),
        )

    def apply_filters(self, *, wait: bool = False) -> None:
        selected = self.detail.lead_id
        self.model.set_filter(self.current_filter(), wait=wait)
        if not self.model.complete:
            self.count_label.setText(self.tr("Counting…"))
        if selected:
            row = self.model.row_of(selected)
            if row >= 0:
                self.table.selectRow(row)

    def _on_model_ids_loaded(self, total: int) -> None:
        # The plural form from the catalogue, the digits in the app's locale (1.054 Leads).
        self.count_label.setText(with_count(self.tr("%n lead(s)", "", total), total))

    def show_event(self, event_id: str | None) -> None:
        index = self.event_filter.findData(event_id) if event_id else 0
        self.event_filter.setCurrentIndex(max(0, index))

    # -- reacting ------------------------------------------------------------------------

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_lead(self.model.id_at(current.row()) if current.isValid() else None)

    def _on_table_open(self, index: QModelIndex) -> None:
        lead_id = self.model.id_at(index.row())
        if lead_id:
            self.edit_requested.emit(lead_id)

    def _on_records_changed(self, kind: str, ids: list[str]) -> None:
        if not self.isVisible() and kind in ("lead", "lead_outcome"):
            # Hidden behind the capture screen: reload once when shown, not after every save.
            self._stale = True
            return
        if kind == "lead":
            known = [i for i in ids if self.model.row_of(i) >= 0]
            if ids and len(known) == len(ids):
                # Edits of rows on screen: repaint them, keep the scroll position.
                self._changed_ids.update(known)
                self._repaint.start()
            else:
                self._debounce.start()
        elif kind == "lead_outcome":
            if self.status_filter.currentData() is not None:
                self._debounce.start()
            else:
                self._changed_ids.update(self.model.cached_ids())
                self._repaint.start()
        elif kind in ("event", "user"):
            self.load_names()
            self.table.viewport().update()

    def _refresh_changed(self) -> None:
        ids, self._changed_ids = list(self._changed_ids), set()
        self.model.refresh_ids(ids)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.apply_filters()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
