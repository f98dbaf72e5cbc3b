"""The desktop release IT publishes on the hub: set on the command line, carried by /v1/health."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from hub.releases import publish, withdraw
from resources.version import app_version
from tests.hub.test_cli import run
from tests.support.live_hub import LiveHub


def health(hub: LiveHub) -> dict[str, object]:
    answer = httpx.get(f"{hub.url}/v1/health", timeout=10)
    assert answer.status_code == 200
    body: dict[str, object] = answer.json()
    return body


def test_health_carries_the_published_release_and_null_before_one(hub: LiveHub) -> None:
    before = health(hub)
    assert before["desktop_release"] is None
    assert before["hub_version"] == app_version() and before["status"] == "ok"
    publish(hub.engine, "v2.1", "https://intranet.example.com/fieldnote")
    assert health(hub)["desktop_release"] == {
        "version": "2.1", "url": "https://intranet.example.com/fieldnote"}
    publish(hub.engine, "2.2.0", "https://intranet.example.com/fieldnote/2.2")  # replaces it
    assert health(hub)["desktop_release"] == {
        "version": "2.2.0", "url": "https://intranet.example.com/fieldnote/2.2"}
    withdraw(hub.engine)
    assert health(hub)["desktop_release"] is None


@pytest.mark.parametrize("version, url, problem", [
    ("soon", "https://example.com", "'soon' is not a version number"),
    ("1.2", "ftp://example.com/app", "'ftp://example.com/app' is not an http:// or https://"),
    ("1.2", "example.com", "is not an http:// or https://"),
])
def test_a_bad_release_is_refused_and_nothing_changes(hub: LiveHub, version: str, url: str,
                                                     problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        publish(hub.engine, version, url)
    assert health(hub)["desktop_release"] is None


def test_release_set_show_and_clear_on_the_command_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert run("migrate", "--db", db).returncode == 0
    assert run("release", "show", "--db", db).stdout == "none\n"
    done = run("release", "set", "1.4.0", "--url", "https://example.com/get", "--db", db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Desktop release 1.4.0 at https://example.com/get")
    assert run("release", "show", "--db", db).stdout == "1.4.0\thttps://example.com/get\n"
    refused = run("release", "set", "latest", "--url", "https://example.com/get", "--db", db)
    assert refused.returncode == 1
    assert refused.stderr == ("fieldnote-hub: 'latest' is not a version number (such as "
                              "1.4.0)\n")
    assert run("release", "show", "--db", db).stdout == "1.4.0\thttps://example.com/get\n"
    assert run("release", "clear", "--db", db).returncode == 0
    assert run("release", "show", "--db", db).stdout == "none\n"
