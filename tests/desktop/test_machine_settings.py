"""A machine-wide settings file pre-sets the hub, its CA bundle and the theme; the user's wins."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from desktop import settings as settings_module
from desktop.settings import SITE_CONFIG_ENV, Settings, machine_settings_path


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.setenv(SITE_CONFIG_ENV, str(folder))
    return folder


def write(path: Path, payload: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = payload if isinstance(payload, str) else json.dumps(payload)
    path.write_text(text, encoding="utf-8")


MACHINE = {"hub_url": "https://hub.example.com", "hub_ca_bundle": "/etc/ssl/company.pem",
           "theme": "dark"}


def test_the_machine_file_sets_the_hub_ca_bundle_and_theme(site, tmp_path):
    write(site / "settings.json", MACHINE)
    s = Settings.load(tmp_path / "data")
    assert (s.hub_url, s.hub_ca_bundle, s.theme) == (
        "https://hub.example.com", "/etc/ssl/company.pem", "dark")


def test_the_users_file_overrides_the_machines(site, tmp_path):
    write(site / "settings.json", MACHINE)
    data = tmp_path / "data"
    write(data / "settings.json", {"version": 2, "values": {"theme": "light"}})
    s = Settings.load(data)
    assert s.theme == "light"
    assert s.hub_url == "https://hub.example.com"


def test_a_value_the_user_never_changed_keeps_following_the_machine(site, tmp_path):
    write(site / "settings.json", MACHINE)
    data = tmp_path / "data"
    s = Settings.load(data)
    s.last_page = "insights"
    s.save()
    saved = json.loads((data / "settings.json").read_text(encoding="utf-8"))["values"]
    assert "theme" not in saved and "hub_url" not in saved
    assert saved["last_page"] == "insights"
    write(site / "settings.json", {**MACHINE, "theme": "light"})  # IT changes its mind
    assert Settings.load(data).theme == "light"
    s = Settings.load(data)
    s.theme = "dark"  # the user's own choice is kept, even where it differs from the machine's
    s.save()
    write(site / "settings.json", {**MACHINE, "theme": "light"})
    assert Settings.load(data).theme == "dark"


@pytest.mark.parametrize("content, reason", [
    ("{not json", "Expecting property name"),
    ('["a list"]', "not a JSON object"),
    ({"locale": "de_DE"}, "'locale' cannot be set machine-wide"),
    ({"theme": 3}, "theme must be a string"),
    ({"theme": "pink"}, "theme must be one of light, dark"),
])
def test_a_bad_machine_file_is_reported_in_one_line_and_ignored(site, tmp_path, caplog,
                                                                 content, reason):
    write(site / "settings.json", content)
    with caplog.at_level(logging.WARNING, logger=settings_module.__name__):
        s = Settings.load(tmp_path / "data")
    assert (s.theme, s.hub_url) == ("light", "")
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and "\n" not in lines[0]
    assert "machine settings" in lines[0] and "ignored" in lines[0] and reason in lines[0]


def test_the_versioned_format_of_the_users_file_is_read_too(site, tmp_path):
    write(site / "settings.json", {"version": 2, "values": {"theme": "dark"}})
    assert Settings.load(tmp_path / "data").theme == "dark"


def test_without_the_variable_the_platforms_site_config_dir_is_used(monkeypatch):
    monkeypatch.delenv(SITE_CONFIG_ENV, raising=False)
    seen = []

    def fake(appname: str, appauthor: str) -> str:
        seen.append((appname, appauthor))
        return "/site/fieldnote"

    monkeypatch.setattr("platformdirs.site_config_dir", fake)
    assert machine_settings_path() == Path("/site/fieldnote") / "settings.json"
    assert seen == [("fieldnote", "Fieldnote")]
