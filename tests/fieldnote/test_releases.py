"""When is the desktop older than the release IT published (PEP 440 order)."""

from __future__ import annotations

import pytest

from fieldnote.releases import Release, newer_release, release_from_wire

URL = "https://example.com/fieldnote"


@pytest.mark.parametrize("published, running, offered", [
    ("0.2.0", "0.1.0", True),
    ("0.10.0", "0.9.0", True),  # numbers, not text
    ("1.0.0", "1.0.0rc1", True),
    ("1.0.0", "1.0.0", False),
    ("1.0", "1.0.0", False),  # the same version written two ways
    ("0.9.9", "1.0.0", False),  # the desktop is newer than what IT rolls out
    ("1.0.0rc1", "0.9.0", True),
    ("2.0.0", "0+unknown", False),  # a build that does not know its version: no nagging
    ("2.0.0", "not a version", False),
])
def test_only_a_newer_published_version_is_offered(published, running, offered):
    release = Release(published, URL)
    assert (newer_release(release, running) is release) is offered


@pytest.mark.parametrize("wire", [
    None, "1.0", {}, {"version": "1.0"}, {"version": 1, "url": URL},
    {"version": "soon", "url": URL}, {"version": "1.0", "url": "javascript:alert(1)"},
])
def test_a_missing_or_unusable_announcement_is_no_release(wire):
    assert release_from_wire(wire) is None
    assert newer_release(release_from_wire(wire), "0.1.0") is None


def test_the_wire_form_round_trips():
    release = Release("1.2.0", URL)
    assert release_from_wire(release.as_wire()) == release
