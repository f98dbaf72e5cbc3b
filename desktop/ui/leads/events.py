"""Events and rubrics: lists for everyone, editors for marketers (reps see them read-only).

Saving an edited rubric makes its next version; leads keep the version they were scored with.
Writes go to the writer lane through `LeadBook`; nothing here runs SQL.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_amount, format_date, parse_number
from desktop.store.leads import LeadBook
from desktop.ui.common.columns import fit_columns, fitting_columns
from desktop.ui.common.guard import when_alive
from desktop.ui.common.keyboard import item_view_keys
from desktop.ui.common.lazy_model import Column, LazyRecordModel
from desktop.ui.common.offers import offers_of, show_offer
from desktop.ui.leads.choice_box import ChoiceBox
from desktop.ui.leads.goals_editor import GoalsEditor
from desktop.ui.leads.rubric_editor import RubricDialog
from desktop.ui.services import Services
from fieldnote.leads import is_region
from fieldnote.money import CurrencyError, check_currency
from fieldnote.validation import ValidationFailed, clean_fields


def _table(model: LazyRecordModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    fitting_columns(view)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


class EventDialog(QDialog):
    """Create or edit one event; `saved(id)` once the write committed."""

    saved = Signal(str)

    def __init__(self, services: Services, book: LeadBook, event: dict[str, Any] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = book
        self.event_id = event["id"] if event else None
        self.setWindowTitle(self.tr("Edit event") if event else self.tr("New event"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.venue = QLineEdit()
        self.starts_on = QLineEdit()
        self.starts_on.setPlaceholderText("YYYY-MM-DD")
        self.ends_on = QLineEdit()
        self.ends_on.setPlaceholderText("YYYY-MM-DD")
        self.campaign_code = QLineEdit()
        self.country = QLineEdit()
        self.country.setPlaceholderText(self.tr("Two letters, e.g. DE"))
        self.country.setToolTip(self.tr("Phone numbers typed without +country at this event are read in this country"))
        # What the event cost: Insights shows cost per lead and its return (fieldnote.costs).
        self.cost = QLineEdit()
        self.cost.setPlaceholderText(self.tr("Stand, travel and fees, e.g. %1").replace(
            "%1", format_amount(12500)))
        self.cost_currency = QLineEdit()
        self.cost_currency.setMaxLength(3)
        self.cost_currency.setMaximumWidth(80)
        self.cost_currency.setPlaceholderText(book.store.currency())
        self.cost_currency.setToolTip(self.tr("ISO 4217 code; empty: the team's currency"))
        # Two fields in one form row: each says what it is to a screen reader.
        self.cost.setAccessibleName(self.tr("Cost"))
        self.cost_currency.setAccessibleName(self.tr("Currency"))
        cost_row = QHBoxLayout()
        cost_row.addWidget(self.cost, 1)
        cost_row.addWidget(self.cost_currency)
        self.rubric = ChoiceBox()
        self.rubric.addItem(self.tr("(no rubric)"), "")
        for r in book.rubrics():
            self.rubric.addItem(f"{r.get('name') or ''}  (v{r.get('version') or 1})", r["id"])
        self.staff = QListWidget()
        self.staff.setMaximumHeight(140)
        chosen = set((event or {}).get("booth_staff") or [])
        for uid, user in book.users().items():
            item = QListWidgetItem(f"{user.get('name') or ''}  ·  {user.get('role') or ''}")
            item.setData(Qt.ItemDataRole.UserRole, uid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if uid in chosen else Qt.CheckState.Unchecked)
            self.staff.addItem(item)
        # Booth goals: the capture screen's counter and the booth board count against them.
        self.goals = GoalsEditor(book.users())
        self.goals.set_goals(event)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Venue"), self.venue)
        form.addRow(self.tr("Country"), self.country)
        form.addRow(self.tr("Starts on"), self.starts_on)
        form.addRow(self.tr("Ends on"), self.ends_on)
        form.addRow(self.tr("Campaign code"), self.campaign_code)
        form.addRow(self.tr("Cost"), cost_row)
        form.addRow(self.tr("Rubric"), self.rubric)
        form.addRow(self.tr("Booth staff"), self.staff)
        form.addRow(self.tr("Goals"), self.goals)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setProperty("state", "bad")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if event:
            self.name.setText(event.get("name") or "")
            self.venue.setText(event.get("venue") or "")
            self.starts_on.setText(event.get("starts_on") or "")
            self.ends_on.setText(event.get("ends_on") or "")
            self.campaign_code.setText(event.get("campaign_code") or "")
            self.country.setText(event.get("country") or "")
            if event.get("cost_amount") is not None:
                self.cost.setText(format_amount(event["cost_amount"], grouped=False))
            self.cost_currency.setText(event.get("cost_currency") or "")
            index = self.rubric.findData(event.get("rubric_id") or "")
            self.rubric.setCurrentIndex(max(0, index))

    def values(self) -> dict[str, Any]:
        staff = [
            self.staff.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.staff.count())
            if self.staff.item(i).checkState() == Qt.CheckState.Checked
        ]
        values: dict[str, Any] = {
            "name": self.name.text().strip(),
            "venue": self.venue.text().strip() or None,
            "starts_on": self.starts_on.text().strip() or None,
            "ends_on": self.ends_on.text().strip() or None,
            "campaign_code": self.campaign_code.text().strip() or None,
            "country": self.country.text().strip().upper() or None,
            "rubric_id": self.rubric.currentData() or None,
            "booth_staff": staff,
            "cost_currency": self.cost_currency.text().strip().upper() or None,
            "goals": self.goals.goals() or None,
        }
        cost = self.cost.text().strip()
        try:
            values["cost_amount"] = parse_number(cost) if cost else None
        except ValueError:
            values["cost_amount"] = cost  # refused by the check below, with its reason
        return values

    def submit(self) -> None:
        values = self.values()
        cost = values["cost_amount"]
        if isinstance(cost, str) or (cost is not None and cost < 0):
            self.error.setText(self.tr("Cost: type an amount of 0 or more, e.g. %1.").replace(
                "%1", format_amount(12500)))
            self.cost.setFocus()
            return
        if values["cost_currency"]:
            try:
                check_currency(values["cost_currency"])
            except CurrencyError:
                self.error.setText(self.tr(
                    "Currency: use a three-letter ISO 4217 code such as EUR, USD or GBP."))
                self.cost_currency.setFocus()
                return
        repeated = self.goals.repeated_row()
        if repeated is not None:
            self.error.setText(self.tr(
                "Goals: row %1 repeats an earlier goal for the same person, count and period; "
                "keep one.").replace("%1", str(repeated + 1)))
            self.goals.table.selectRow(repeated)
            return
        try:
            clean_fields("event", values)
        except ValidationFailed as exc:
            self.error.setText(exc.describe())
            return
        if values["starts_on"] and values["ends_on"] and values["ends_on"] < values["starts_on"]:
            self.error.setText(self.tr("The event ends before it starts."))
            return
        if values["country"] and not is_region(values["country"]):
            self.error.setText(self.tr("Country: use the two-letter code, e.g. DE or US."))
            self.country.setFocus()
            return
        book, event_id, author = self.book, self.event_id, self.services.user.get("id")
        task = self.services.tasks.write(
            "save event", lambda _ctx: book.save_event(values, event_id, author_id=author)
        )
        task.finished.connect(when_alive(self, lambda result: self._on_saved(result.record_id)))
        task.failed.connect(when_alive(self, self.error.setText))

    def _on_saved(self, record_id: str) -> None:
        self.saved.emit(record_id)
        self.accept()


# Below this width the events and rubrics tables stack (the event table's five columns want
# about 800 px in German).
SIDE_BY_SIDE_MIN_WIDTH = 1200


class EventsPanel(QWidget):
    """The events and rubrics lists, with New/Edit for marketers."""

    capture_requested = Signal(str)  # event id

    def __init__(self, services: Services, book: LeadBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.book = book
        offers = offers_of(services)
        self.event_edits, self.rubric_edits = offers.offer("event", "update"), offers.offer("rubric", "update")
        self.editable = self.event_edits.allowed
        # Side by side when wide; in a narrow window the rubrics go below the events, so each
        # table has the whole width for its columns instead of scrolling sideways.
        self.columns_layout = layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        layout.setContentsMargins(0, 0, 0, 0)

        left = QVBoxLayout()
        head = QHBoxLayout()
        title = QLabel(self.tr("Events"))
        title.setProperty("role", "subtitle")
        head.addWidget(title, 1)
        self.new_event_button = QPushButton(self.tr("New event"))
        self.new_event_button.clicked.connect(lambda: self.edit_event(None))
        self.edit_event_button = QPushButton(self.tr("Edit"))
        self.edit_event_button.clicked.connect(self._edit_selected_event)
        self.capture_button = QPushButton(self.tr("Capture at this event"))
        self.capture_button.setProperty("primary", True)
        self.capture_button.clicked.connect(self._capture_selected_event)
        for b in (self.new_event_button, self.edit_event_button, self.capture_button):
            head.addWidget(b)
        left.addLayout(head)
        self._rubric_names: dict[str, str] = {}
        self.event_model = LazyRecordModel(
            [
                Column("name", self.tr("Event")),
                Column("venue", self.tr("Venue")),
                Column("dates", self.tr("Dates"), lambda r: " – ".join(
                    format_date(d) for d in (r.get("starts_on"), r.get("ends_on")) if d)),
                Column("campaign_code", self.tr("Campaign")),
                Column("rubric", self.tr("Rubric"),
                       lambda r: self._rubric_names.get(r.get("rubric_id") or "", "")),
            ],
            lambda: services.queries.ids("event", order=(("starts_on", True), ("name", False))),
            lambda ids: services.queries.rows("event", ids),
            self,
        )
        self.event_view = _table(self.event_model)
        self.event_view.doubleClicked.connect(lambda _i: self._edit_selected_event())
        item_view_keys(self.event_view, self.tr("Events"), lambda _i: self._edit_selected_event())
        left.addWidget(self.event_view, 1)
        layout.addLayout(left, 3)

        right = QVBoxLayout()
        head = QHBoxLayout()
        title = QLabel(self.tr("Rubrics"))
        title.setProperty("role", "subtitle")
        head.addWidget(title, 1)
        self.new_rubric_button = QPushButton(self.tr("New rubric"))
        self.new_rubric_button.clicked.connect(lambda: self.edit_rubric(None))
        self.edit_rubric_button = QPushButton(self.tr("Edit") if self.rubric_edits else self.tr("View"))
        self.edit_rubric_button.clicked.connect(self._edit_selected_rubric)
        head.addWidget(self.new_rubric_button)
        head.addWidget(self.edit_rubric_button)
        right.addLayout(head)
        self.rubric_model = LazyRecordModel(
            [
                Column("name", self.tr("Rubric")),
                Column("version", self.tr("Version"), lambda r: f"v{r.get('version') or 1}",
                       align_right=True),
                Column("questions", self.tr("Questions"),
                       lambda r: str(len(r.get("questions") or [])), align_right=True),
            ],
            lambda: services.queries.ids("rubric", order=(("name", False),)),
            lambda ids: services.queries.rows("rubric", ids),
            self,
        )
        self.rubric_view = _table(self.rubric_model)
        self.rubric_view.doubleClicked.connect(lambda _i: self._edit_selected_rubric())
        item_view_keys(self.rubric_view, self.tr("Rubrics"), lambda _i: self._edit_selected_rubric())
        right.addWidget(self.rubric_view, 1)
        self.role_note = QLabel(self.tr("Events and rubrics are set up by marketing; you see them read-only."))
        self.role_note.setProperty("role", "muted")
        self.role_note.setWordWrap(True)
        right.addWidget(self.role_note)
        layout.addLayout(right, 2)

        for b in (self.new_event_button, self.edit_event_button):
            show_offer(b, self.event_edits)
        show_offer(self.new_rubric_button, self.rubric_edits)
        self.role_note.setVisible(not self.editable)
        services.changes.records_changed.connect(self._on_records_changed)
        self.reload()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_MIN_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns_layout.direction() != direction:
            self.columns_layout.setDirection(direction)
            self.columns_layout.setStretch(0, 3 if wide else 2)
            self.columns_layout.setStretch(1, 2 if wide else 1)

    def reload(self) -> None:
        self._rubric_names = {
            r["id"]: f"{r.get('name') or ''} (v{r.get('version') or 1})" for r in self.book.rubrics()
        }
        self.event_model.reload()
        self.rubric_model.reload()
        # Events and rubrics are few: fit the columns to what they hold, within the width.
        fit_columns(self.event_view)
        fit_columns(self.rubric_view)

    def _on_records_changed(self, kind: str, _ids: list[str]) -> None:
        if kind in ("event", "rubric", "user"):
            self.reload()

    def _selected(self, view: QTableView, model: LazyRecordModel) -> str | None:
        index = view.currentIndex()
        return model.id_at(index.row()) if index.isValid() else None

    def _edit_selected_event(self) -> None:
        event_id = self._selected(self.event_view, self.event_model)
        if event_id and self.editable:
            self.edit_event(self.book.event(event_id))

    def _capture_selected_event(self) -> None:
        event_id = self._selected(self.event_view, self.event_model)
        if event_id:
            self.capture_requested.emit(event_id)

    def edit_event(self, event: dict[str, Any] | None) -> EventDialog | None:
        if not self.editable:
            return None
        dialog = EventDialog(self.services, self.book, event, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _edit_selected_rubric(self) -> None:
        rubric_id = self._selected(self.rubric_view, self.rubric_model)
        if rubric_id:
            self.edit_rubric(self.services.store.get("rubric", rubric_id))

    def edit_rubric(self, rubric: dict[str, Any] | None) -> RubricDialog:
        dialog = RubricDialog(self.services, self.book, rubric, read_only=not self.rubric_edits,
                              parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
