"""The Leads page: Capture | Leads | Events & rubrics | My follow-ups, switched with a segmented
control.

Ctrl+N opens capture, Ctrl+F the lead search. The page only assembles its views; each view
talks to the store through `LeadBook`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from desktop.store.leads import LeadBook
from desktop.ui.common.offers import offers_of, reason_text, show_offer
from desktop.ui.common.page import Page
from desktop.ui.leads.followup_notice import HotLeadNotice
from desktop.ui.services import Services

# Each view's module is imported when the view is first shown: the page opens on one of them,
# and the window's start does not pay for the others.
if TYPE_CHECKING:
    from desktop.ui.leads.capture import CapturePanel
    from desktop.ui.leads.crm_import import CrmOutcomesDialog
    from desktop.ui.leads.events import EventsPanel
    from desktop.ui.leads.followups import FollowUpsPanel
    from desktop.ui.leads.list_view import LeadListPanel
    from desktop.ui.leads.models import LeadTableModel
    from desktop.ui.leads.routing_dialog import RoutingRulesDialog
    from desktop.ui.leads.transfer import ExportDialog, ImportDialog

CAPTURE, LIST, EVENTS, FOLLOWUPS = 0, 1, 2, 3

log = logging.getLogger(__name__)


class LeadsPage(Page):
    key = "leads"

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 view: int = LIST) -> None:
        """The page on `view` (the list, or the capture form when the user may capture):
        only that view is built; the others are built when first shown."""
        super().__init__(services, self.tr("Leads"), self.tr("Everyone you met, and what happened next"), parent)
        self.book = LeadBook(services.store)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        # Plain checkable buttons, no QButtonGroup: Qt gives only the focused or checked button
        # of a group a Tab stop, and "Events & rubrics" could not be reached by Tab.
        self.view_buttons: list[QPushButton] = []
        for index, label in enumerate((self.tr("Capture"), self.tr("Leads"), self.tr("Events && rubrics"),
                                       self.tr("My follow-ups"))):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setObjectName("segment")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _checked=False, i=index: self.show_view(i))
            self.view_buttons.append(button)
            self.header_actions.addWidget(button)
        self.capturing = offers_of(services).offer("lead", "create")
        show_offer(self.view_buttons[CAPTURE], self.capturing)
        self.stack = QStackedWidget()
        # Each view is built when first shown (an empty widget holds its place until then).
        self._capture: CapturePanel | None = None
        self._list: LeadListPanel | None = None
        self._events: EventsPanel | None = None
        self._followups: FollowUpsPanel | None = None
        for _ in range(4):
            self.stack.addWidget(QWidget())
        self.body.addWidget(self.stack, 1)
        # A hot lead that a sync makes the user's is announced (a tray message where there is one).
        self.hot_notice = HotLeadNotice(services, self)
        self.show_view(CAPTURE if view == CAPTURE and self.capturing else LIST)

    @property
    def leads(self) -> LeadListPanel:
        """The list of leads with its filters and the selected lead's detail."""
        if self._list is None:
            from desktop.ui.leads.list_view import LeadListPanel

            self._list = panel = LeadListPanel(self.services, self.book)
            panel.edit_requested.connect(self._on_leads_edit_requested)
            panel.import_requested.connect(self.open_import)
            panel.export_requested.connect(self.open_export)
            panel.outcomes_requested.connect(self.open_crm_outcomes)
            show_offer(panel.import_button, self.capturing)
            show_offer(panel.outcomes_button,
                       offers_of(self.services).offer("lead_outcome", "import"))
            self._place(LIST, panel)
        return self._list

    @property
    def capture(self) -> CapturePanel:
        if self._capture is None:
            from desktop.ui.leads.capture import CapturePanel

            self._capture = CapturePanel(self.services, self.book)
            self._place(CAPTURE, self._capture)
        return self._capture

    @property
    def events(self) -> EventsPanel:
        if self._events is None:
            from desktop.ui.leads.events import EventsPanel

            self._events = EventsPanel(self.services, self.book)
            self._events.capture_requested.connect(self._on_events_capture_requested)
            self._place(EVENTS, self._events)
        return self._events

    @property
    def followups(self) -> FollowUpsPanel:
        if self._followups is None:
            from desktop.ui.leads.followups import FollowUpsPanel

            self._followups = FollowUpsPanel(self.services)
            self._followups.open_requested.connect(self._on_followups_open_requested)
            self._followups.routing_requested.connect(self.open_routing)
            self._place(FOLLOWUPS, self._followups)
        return self._followups

    def _place(self, index: int, panel: QWidget) -> None:
        placeholder = self.stack.widget(index)
        assert placeholder is not None  # every page's slot holds a placeholder until built
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, panel)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)

    # The shell's tests and shortcuts reach the list through these.
    @property
    def search(self) -> QLineEdit:
        return self.leads.search

    @property
    def model(self) -> LeadTableModel:
        return self.leads.model

    def reload(self) -> None:
        """Reload the list with its whole id list at once (tests and explicit refreshes)."""
        self.leads.apply_filters(wait=True)

    def is_ready(self) -> bool:
        # The list's whole id list and its detail's files, when the list is built (the capture
        # form is ready at once).
        return self._list is None or (self._list.model.complete
                                      and not self._list.detail.media_section.loading())

    def has_first_screen(self) -> bool:
        model = self._list.model if self._list is not None else None
        return model is None or model.complete or model.rowCount() > 0

    def select_first(self) -> None:
        self.show_view(LIST)
        if self.leads.model.rowCount():
            self.leads.table.selectRow(0)

    def show_view(self, index: int) -> None:
        if index == CAPTURE:
            _ = self.capture
        elif index == LIST:
            _ = self.leads
        elif index == EVENTS:
            _ = self.events
        elif index == FOLLOWUPS:
            _ = self.followups
        self.stack.setCurrentIndex(index)
        for i, b in enumerate(self.view_buttons):
            b.setChecked(i == index)
            # The theme's primary look marks the view that is showing.
            b.setProperty("primary", i == index)
            b.style().unpolish(b)
            b.style().polish(b)
        if index == CAPTURE:
            self.capture.focus_scan()

    def take_stand_in(self, stand_in: QWidget) -> None:
        """The capture form reads the scans its stand-in took while the data opened
        (`desktop.ui.leads.early_capture`), and shows them."""
        from desktop.ui.leads.early_capture import EarlyCapture

        if not isinstance(stand_in, EarlyCapture):
            return
        if not self.capturing:
            if stand_in.kept():
                log.warning("%d scans taken at start-up were not read: this account may not "
                            "capture leads", stand_in.kept())
            return
        if stand_in.kept() or stand_in.scan.toPlainText():
            self.show_view(CAPTURE)
        if self._capture is not None:
            self._capture.take_early(stand_in)

    def current_view(self) -> int:
        return self.stack.currentIndex()

    def create_new(self) -> None:
        if not self.capturing:
            return  # the Capture button says why
        self.show_view(CAPTURE)
        self.capture.focus_scan()

    def focus_search(self) -> None:
        self.show_view(LIST)
        self.leads.focus_search()

    def _on_leads_edit_requested(self, lead_id: str) -> None:
        row = self.services.store.get("lead", lead_id)
        if row is not None:
            self.show_view(CAPTURE)
            self.capture.load(row, lead_id)

    def _on_events_capture_requested(self, event_id: str) -> None:
        if not self.capturing:
            return
        self.capture.set_event(event_id)
        self.show_view(CAPTURE)

    def _on_followups_open_requested(self, lead_id: str) -> None:
        self.show_view(LIST)
        self.leads.detail.show_lead(lead_id)

    def open_routing(self) -> RoutingRulesDialog:
        """The routing rules to read, or to edit and save when the policy allows it."""
        from desktop.store.followups import FollowUpBook, emails_of
        from desktop.ui.leads.routing_dialog import RoutingRulesDialog

        book = FollowUpBook(self.services.store)
        offer = self.followups.routing_offer
        dialog = RoutingRulesDialog(book.routing_rules(), emails_of(self.services.store),
                                    offer.allowed, reason_text(offer), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        user_id = str(self.services.user.get("id") or "")

        def save() -> None:
            if offer.allowed:
                rules = dialog.rules
                self.services.tasks.write("save routing rules",
                                          lambda _ctx: book.save_routing_rules(rules, user_id))

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def open_import(self) -> ImportDialog:
        from desktop.ui.leads.transfer import ImportDialog

        dialog = ImportDialog(self.services, self.book, self.services.settings.current_event_id or None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_crm_outcomes(self) -> CrmOutcomesDialog:
        from desktop.ui.leads.crm_import import CrmOutcomesDialog

        dialog = CrmOutcomesDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_export(self) -> ExportDialog:
        from desktop.ui.leads.transfer import ExportDialog

        dialog = ExportDialog(self.services, self.book, self.leads.event_filter.currentData(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
