"""Which currency the team's amounts are in: a hub setting (an ISO 4217 code) that every device
receives with its pulls. Defined once here for the hub, its command line and the desktop; this
module formats nothing (the desktop formats amounts for the locale, `desktop/locale.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldnote import followups as _followups
from fieldnote import staleness as _staleness

# Until an administrator sets one (`fieldnote-hub settings set currency CODE`).
DEFAULT_CURRENCY = "EUR"


class CurrencyError(ValueError):
    """Not an ISO 4217 currency code; the message says what to type instead."""


def check_currency(text: str) -> str:
    """The ISO 4217 code `text` names (any case, spaces around ignored), or a CurrencyError."""
    code = str(text).strip().upper()
    if len(code) == 3 and code.isascii() and code.isalpha():
        # The ISO 4217 list as pycountry ships it (loaded only when a code is checked).
        import pycountry

        if pycountry.currencies.get(alpha_3=code) is not None:
            return code
    raise CurrencyError(f"{str(text).strip()!r} is not an ISO 4217 currency code; use a "
                        "three-letter code such as EUR, USD or GBP.")


def currency_of(settings: Mapping[str, Any] | None) -> str:
    """The currency in hub settings as a device received them; the default when the hub sent
    none (an older hub) or something that is not a code."""
    value = (settings or {}).get("currency")
    if isinstance(value, str):
        try:
            return check_currency(value)
        except CurrencyError:
            pass
    return DEFAULT_CURRENCY


# The hub settings devices receive, with their defaults and checks: one place for the hub's
# command line, its pull answers and the desktop.
# (The follow-up service levels are defined with their rules, in `fieldnote.followups`; the
# collateral verification period in `fieldnote.staleness`.)
SHARED_SETTINGS = {"currency": (DEFAULT_CURRENCY, check_currency), **_followups.SHARED_SETTINGS,
                   **_staleness.SHARED_SETTINGS}


def check_setting(key: str, value: str) -> str:
    """`value` checked and normalised for the shared setting `key`; ValueError otherwise."""
    if key not in SHARED_SETTINGS:
        raise ValueError(f"No hub setting {key!r}; the settings are: {', '.join(SHARED_SETTINGS)}.")
    return SHARED_SETTINGS[key][1](value)
