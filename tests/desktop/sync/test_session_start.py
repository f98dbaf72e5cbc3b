"""What the app does at start with `--hub URL` or a data dir signed in earlier."""

from __future__ import annotations

import argparse
from types import SimpleNamespace

import pytest

from desktop.cli import CliError
from desktop.demo_mode import start_session
from desktop.settings import Settings


def args(**kw):
    base = {"demo": False, "hub": None, "screenshot": None}
    return argparse.Namespace(**{**base, **kw})


def services_of(device):
    return SimpleNamespace(data_dir=device.data_dir, store=device.store,
                           settings=Settings(), user={})


def test_a_hub_this_data_dir_is_signed_in_to_needs_no_sign_in(make_device, hub):
    device = make_device("rep")
    session = start_session(args(hub=hub.url + "/"), services_of(device))
    assert (session.hub_url, session.ask_sign_in) == (hub.url, False)


def test_another_hub_or_a_signed_out_data_dir_asks_to_sign_in(make_device, hub):
    device = make_device("rep")
    assert start_session(args(hub="https://other.example.com"), services_of(device)).ask_sign_in
    device.store.set_state("signed_in", False)
    assert start_session(args(hub=hub.url), services_of(device)).ask_sign_in


def test_a_plain_start_keeps_syncing_with_the_signed_in_hub(make_device, hub):
    session = start_session(args(), services_of(make_device("rep")))
    assert (session.hub_url, session.ask_sign_in, session.demo) == (hub.url, False, None)


def test_a_bad_hub_address_is_one_clear_line(make_device):
    with pytest.raises(CliError, match="not a hub address"):
        start_session(args(hub="ftp://nope"), services_of(make_device("rep")))


def test_a_fresh_data_dir_asks_to_sign_in_to_the_preset_hub(tmp_path):
    from desktop.store import open_store

    store = open_store(tmp_path / "fieldnote.sqlite3")
    try:
        services = SimpleNamespace(data_dir=tmp_path, store=store, user={},
                                   settings=Settings(hub_url="https://hub.example.com/"))
        session = start_session(args(), services)
        assert (session.hub_url, session.ask_sign_in) == ("https://hub.example.com", True)
        services.settings = Settings(hub_url="ftp://nope")  # not a hub: ignored, logged
        assert (start_session(args(), services).hub_url or "") == ""
    finally:
        store.engine.dispose()


def test_the_signed_in_hub_comes_before_the_preset_one(make_device, hub):
    services = services_of(make_device("rep"))
    services.settings = Settings(hub_url="https://hub.example.com")
    session = start_session(args(), services)
    assert (session.hub_url, session.ask_sign_in) == (hub.url, False)
