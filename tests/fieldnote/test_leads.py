"""The lead rules (fieldnote.leads): pure functions the desktop and the hub share."""

from __future__ import annotations

from fieldnote.leads import FALLBACK_PHONE_REGION, phone_region


def test_the_phone_region_is_the_choice_then_the_event_then_the_system_locale():
    assert phone_region("FR", "DE", "ES") == "FR"
    assert phone_region("", "de", "ES") == "DE"
    assert phone_region("", None, "ES") == "ES"
    assert phone_region("", None, "") == FALLBACK_PHONE_REGION
    assert phone_region("XX", "??", "GB") == "GB"  # not a region: skipped
