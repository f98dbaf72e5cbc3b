"""Published desktop releases: what IT announces on its hub and when a desktop is older.

An administrator records the newest desktop version the company rolls out with
`fieldnote-hub release set VERSION --url URL`; the hub's health answer carries it
(`desktop_release`), and a desktop whose own version is older shows a quiet notice with the link.
Nothing is ever downloaded or installed by the app. Versions compare by PEP 440.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from packaging.version import InvalidVersion, Version


@dataclass(frozen=True)
class Release:
    """A desktop version and the page where people get it."""

    version: str
    url: str

    def as_wire(self) -> dict[str, str]:
        return {"version": self.version, "url": self.url}


def check_version(text: str) -> str:
    """The version in its normal PEP 440 form ("1.2" stays "1.2", "v1.2.0" becomes "1.2.0");
    ValueError with a message for anything else."""
    try:
        return str(Version(text.strip()))
    except InvalidVersion:
        raise ValueError(f"{text!r} is not a version number (such as 1.4.0)") from None


def check_url(text: str) -> str:
    """An http(s) address with a host; ValueError with a message for anything else."""
    url = text.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{text!r} is not an http:// or https:// address")
    return url


def release_from_wire(value: Any) -> Release | None:
    """The `desktop_release` of a health answer, or None when absent or not usable (a hub that
    announces nothing, an older hub, or a value this desktop does not understand)."""
    if not isinstance(value, dict):
        return None
    version, url = value.get("version"), value.get("url")
    if not isinstance(version, str) or not isinstance(url, str):
        return None
    try:
        return Release(check_version(version), check_url(url))
    except ValueError:
        return None


def newer_release(published: Release | None, running: str) -> Release | None:
    """`published` when it is a newer version than the `running` one, else None (also when the
    running version cannot be compared, e.g. a build without version metadata)."""
    if published is None:
        return None
    try:
        mine = Version(running)
    except InvalidVersion:
        return None
    if mine.local == "unknown":  # "0+unknown": a build that does not know its own version
        return None
    return published if Version(published.version) > mine else None
