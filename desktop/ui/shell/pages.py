"""Which pages the window shows, in navigation order (Ctrl+1..4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.ui.common.page import ComingSoonPage, Page
from desktop.ui.shell.window import PageEntry

if TYPE_CHECKING:
    from desktop.ui.services import Services


def _leads(services: Services) -> Page:
    from desktop.ui.leads.page import LeadsPage

    return LeadsPage(services)


def _collateral(services: Services) -> Page:
    # The composition root provides the collateral store service (desktop.store.collateral).
    library = services.extras.get("collateral")
    if library is None:
        return ComingSoonPage(
            services,
            QCoreApplication.translate("pages", "Collateral"),
            QCoreApplication.translate("pages", "The collateral library is not available in this window."),
        )
    from desktop.ui.collateral.page import CollateralPage

    return CollateralPage(services, library)


def _debriefs(services: Services) -> Page:
    # The composition root provides the debriefs store service (desktop.store.debriefs).
    debriefs = services.extras.get("debriefs")
    if debriefs is None:
        return ComingSoonPage(
            services,
            QCoreApplication.translate("pages", "Debriefs"),
            QCoreApplication.translate("pages", "Call debriefs are not available in this window."),
        )
    from desktop.ui.debriefs.page import DebriefsPage

    return DebriefsPage(services, debriefs)


def _insights(services: Services) -> Page:
    from desktop.ui.insights.page import InsightsPage

    # The composition root provides the figures' source (the store side of insights).
    return InsightsPage(services, services.extras.get("insights"))


def default_pages() -> list[PageEntry]:
    return [
        PageEntry("leads", QCoreApplication.translate("pages", "Leads"), "leads", _leads, "desktop.ui.leads.page"),
        PageEntry("collateral", QCoreApplication.translate("pages", "Collateral"), "collateral", _collateral,
                  "desktop.ui.collateral.page"),
        PageEntry("debriefs", QCoreApplication.translate("pages", "Debriefs"), "debriefs", _debriefs, "desktop.ui.debriefs.page"),
        PageEntry("insights", QCoreApplication.translate("pages", "Insights"), "insights", _insights, "desktop.ui.insights.page"),
    ]
