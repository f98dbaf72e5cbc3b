"""Which pages the window shows, in navigation order (Ctrl+1..4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.ui.shell.window import PageEntry

if TYPE_CHECKING:
    from desktop.ui.common.page import Page
    from desktop.ui.services import Services


def _leads(services: Services) -> Page:
    from desktop.ui.leads.page import LeadsPage

    return LeadsPage(services)


def _leads_capture(services: Services) -> Page:
    from desktop.ui.leads.page import CAPTURE, LeadsPage

    return LeadsPage(services, view=CAPTURE)


def _capture_stand_in() -> QWidget:
    from desktop.ui.leads.early_capture import EarlyCapture

    return EarlyCapture()


def _collateral(services: Services) -> Page:
    from desktop.ui.collateral.page import CollateralPage

    return CollateralPage(services, services.collateral)


def _debriefs(services: Services) -> Page:
    from desktop.ui.debriefs.page import DebriefsPage

    return DebriefsPage(services, services.debriefs)


def _insights(services: Services) -> Page:
    from desktop.ui.insights.page import InsightsPage

    return InsightsPage(services, services.insights)


# What each page reads through, imported on the start thread while the store opens (store and
# domain modules only: no Qt code, see `PageEntry.module`).
_LEADS_DATA = "desktop.store.leads,desktop.store.followups,desktop.store.sending,desktop.store.consent"
_CAPTURE_DATA = ("desktop.store.leads,desktop.store.consent,desktop.store.goals,fieldnote.badges,"
                 "fieldnote.duplicates")


def default_pages() -> list[PageEntry]:
    return [
        PageEntry("leads", QCoreApplication.translate("pages", "Leads"), "leads", _leads,
                  _LEADS_DATA, build_new=_leads_capture, new_module=_CAPTURE_DATA,
                  stand_in=_capture_stand_in),
        PageEntry("collateral", QCoreApplication.translate("pages", "Collateral"), "collateral", _collateral,
                  "desktop.store.collateral"),
        PageEntry("debriefs", QCoreApplication.translate("pages", "Debriefs"), "debriefs", _debriefs,
                  "desktop.store.debriefs"),
        PageEntry("insights", QCoreApplication.translate("pages", "Insights"), "insights", _insights,
                  "desktop.store.insights"),
    ]
