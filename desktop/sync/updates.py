"""Is there a newer desktop release to tell the user about? The hub's health answer carries the
release IT published (`desktop_release`); this desktop compares it with its own version. The
answer is only ever a notice with a link: nothing is downloaded or installed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fieldnote.releases import Release, newer_release, release_from_wire
from resources.version import app_version


def update_offer(health: Mapping[str, Any], running: str | None = None) -> Release | None:
    """The release announced in `health` when it is newer than `running` (this app's version
    by default), else None."""
    published = release_from_wire(health.get("desktop_release"))
    return newer_release(published, app_version() if running is None else running)
