"""The lead rules, in one place for the desktop (capture form, store, CSV import) and the hub.

Pure functions: no I/O, no Qt, no database.
"""

from __future__ import annotations

import phonenumbers

# The region assumed for a phone number typed without +country when nothing better is known.
FALLBACK_PHONE_REGION = "US"


def _region(code: str | None) -> str | None:
    value = (code or "").strip().upper()
    return value if value in phonenumbers.SUPPORTED_REGIONS else None


def phone_region(chosen: str | None, event_country: str | None = None,
                 system_territory: str | None = None) -> str:
    """The default region for phone numbers typed without +country.

    The user's own choice (a setting) wins; else the event's country; else the country of the
    system's locale; else FALLBACK_PHONE_REGION. Each is an ISO 3166 alpha-2 code ("DE");
    anything else is skipped.
    """
    for candidate in (chosen, event_country, system_territory):
        region = _region(candidate)
        if region is not None:
            return region
    return FALLBACK_PHONE_REGION
