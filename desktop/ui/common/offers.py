"""How a page shows what the role policy offers: an action the user may not take is disabled,
with the hub's reason as its tooltip. The decisions come from
`desktop.store.offers`; nothing here decides who may do what.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.store.offers import Offers
from fieldnote.roles import Decision

if TYPE_CHECKING:
    from desktop.ui.services import Services


def offers_of(services: Services) -> Offers:
    """The offers for whoever is signed in now."""
    return Offers(services.user, services.store)


def reason_text(decision: Decision) -> str:
    """The refusal in the user's language (the policy's sentences are translated in the
    "roles" context), or "" when the action is allowed."""
    return "" if decision else QCoreApplication.translate("roles", decision.reason)


def show_offer(widget: QWidget, decision: Decision) -> None:
    """Enable `widget` when the action is allowed; otherwise disable it and put the reason in
    its tooltip (Qt shows tooltips on disabled widgets). A tooltip it had of its own comes back
    when the action is allowed again."""
    own = widget.property("offerOwnTip")
    if own is None:
        own = widget.toolTip()
        widget.setProperty("offerOwnTip", own)
    widget.setEnabled(decision.allowed)
    widget.setToolTip(str(own) if decision else reason_text(decision))
