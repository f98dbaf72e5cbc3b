"""The headless `signin`, `sync`, `status` and `signout` commands and their exit codes."""

from __future__ import annotations

import io
import json
import os
import re
import stat
from urllib.parse import urlsplit

import pytest

from desktop.app import main
from tests.support.fault_proxy import FaultProxy


def run(monkeypatch, capsys, *argv, stdin=""):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def signed_in(tmp_path, hub, monkeypatch, capsys):
    data = tmp_path / "cli"
    password = hub.users["rep@example.com"]["password"]
    code, out, err = run(monkeypatch, capsys, "signin", "--hub", hub.url, "--email",
                         "rep@example.com", "--password-stdin", "--data-dir", str(data),
                         stdin=password + "\n")
    assert code == 0, err
    assert "Signed in to" in out and "Rita Rep" in out
    return data


def test_signin_keeps_the_token_in_a_private_file_and_warns(signed_in, hub):
    token = signed_in / "hub-token"
    assert stat.S_IMODE(os.stat(token).st_mode) == 0o600
    assert token.read_text()


def test_signin_reads_the_password_without_its_newline_only(tmp_path, hub, monkeypatch, capsys):
    hub.add_user("spaces@example.com", "Sam Spaces", "rep", password=" pass word ")
    code, _, err = run(monkeypatch, capsys, "signin", "--hub", hub.url, "--email",
                       "spaces@example.com", "--password-stdin", "--data-dir", str(tmp_path / "d"),
                       stdin=" pass word \n")
    assert code == 0, err
    assert "readable only by you" in err


def test_signin_with_a_wrong_password_says_so(tmp_path, hub, monkeypatch, capsys):
    code, _, err = run(monkeypatch, capsys, "signin", "--hub", hub.url, "--email",
                       "rep@example.com", "--password-stdin", "--data-dir", str(tmp_path / "d"),
                       stdin="wrong\n")
    assert code == 3
    assert "email or password is not right" in err
    assert "Traceback" not in err


def test_sync_without_sign_in_exits_3(tmp_path, monkeypatch, capsys):
    code, _, err = run(monkeypatch, capsys, "sync", "--data-dir", str(tmp_path / "d"))
    assert code == 3
    assert "Sign in" in err or "signin" in err


def test_sync_and_status_report_what_waits(signed_in, monkeypatch, capsys):
    from desktop.store import open_store
    from desktop.store.db import DB_FILE

    store = open_store(signed_in / DB_FILE)
    store.save("lead", {"last_name": "Silva", "captured_at": "2026-11-24T10:15:00Z"})
    store.engine.dispose()
    code, out, _ = run(monkeypatch, capsys, "status", "--json", "--data-dir", str(signed_in))
    info = json.loads(out)
    assert (code, info["waiting"], info["needs_attention"], info["last_sync"]) == (0, 1, 0, None)
    code, out, err = run(monkeypatch, capsys, "sync", "--data-dir", str(signed_in))
    assert code == 0, err
    assert out.startswith("pushed 1, pulled ")
    assert "waiting 0, need attention 0" in out
    code, out, _ = run(monkeypatch, capsys, "status", "--data-dir", str(signed_in))
    assert "waiting: 0" in out and "last sync: 20" in out


def test_sync_with_the_hub_unreachable_exits_2_and_keeps_changes(
    tmp_path, hub, monkeypatch, capsys
):
    from desktop.store import open_store
    from desktop.store.db import DB_FILE

    parts = urlsplit(hub.url)
    proxy = FaultProxy((parts.hostname, parts.port)).start()
    data = tmp_path / "via-proxy"
    password = hub.users["rep@example.com"]["password"]
    code, _, err = run(monkeypatch, capsys, "signin", "--hub", proxy.url, "--email",
                       "rep@example.com", "--password-stdin", "--data-dir", str(data),
                       stdin=password + "\n")
    assert code == 0, err
    proxy.stop()
    store = open_store(data / DB_FILE)
    store.save("lead", {"last_name": "Silva", "captured_at": "2026-11-24T10:15:00Z"})
    store.engine.dispose()
    code, out, err = run(monkeypatch, capsys, "sync", "--data-dir", str(data))
    assert code == 2
    assert "waiting 1" in out
    assert "stay queued" in err


def test_sync_with_a_rejected_change_exits_4(tmp_path, hub, monkeypatch, capsys):
    from desktop.store import open_store
    from desktop.store.db import DB_FILE

    data = tmp_path / "rejected"
    password = hub.users["rep@example.com"]["password"]
    run(monkeypatch, capsys, "signin", "--hub", hub.url, "--email", "rep@example.com",
        "--password-stdin", "--data-dir", str(data), stdin=password + "\n")
    store = open_store(data / DB_FILE)
    store.save("collateral", {"title": "Not mine to publish", "status": "approved"})
    store.engine.dispose()
    code, out, err = run(monkeypatch, capsys, "sync", "--data-dir", str(data))
    assert code == 4
    assert "need attention 1" in out


def test_signout_refuses_while_changes_wait_unless_forced(signed_in, monkeypatch, capsys):
    from desktop.store import open_store
    from desktop.store.db import DB_FILE

    store = open_store(signed_in / DB_FILE)
    store.save("lead", {"last_name": "Silva", "captured_at": "2026-11-24T10:15:00Z"})
    store.engine.dispose()
    code, _, err = run(monkeypatch, capsys, "signout", "--data-dir", str(signed_in))
    assert code == 1 and "wait to be sent" in err
    code, out, _ = run(monkeypatch, capsys, "signout", "--force", "--data-dir", str(signed_in))
    assert code == 0
    assert not (signed_in / "hub-token").exists()
    code, _, _ = run(monkeypatch, capsys, "sync", "--data-dir", str(signed_in))
    assert code == 3


def test_a_throttled_signin_says_the_reason_and_the_wait_once_each(tmp_path, hub, monkeypatch, capsys):
    # It printed "Too many sign-in attempts: Wait before trying again Try again in 60 s."
    for _attempt in range(10):
        code, _, err = run(monkeypatch, capsys, "signin", "--hub", hub.url, "--email",
                           "rep@example.com", "--password-stdin", "--data-dir",
                           str(tmp_path / "d"), stdin="wrong\n")
        if "Too many" in err:
            break
    assert re.fullmatch(r"fieldnote: Too many sign-in attempts\. Try again in \d+ s\.\n", err), err
    assert code != 0


def test_signin_without_hub_uses_the_machine_wide_hub_url(tmp_path, hub, monkeypatch, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "settings.json").write_text(json.dumps({"hub_url": hub.url}), encoding="utf-8")
    monkeypatch.setenv("FIELDNOTE_SITE_CONFIG_DIR", str(site))
    password = hub.users["rep@example.com"]["password"]
    code, out, err = run(monkeypatch, capsys, "signin", "--email", "rep@example.com",
                         "--password-stdin", "--data-dir", str(tmp_path / "cli"),
                         stdin=password + "\n")
    assert code == 0, err
    assert out.startswith(f"Signed in to {hub.url} as Rita Rep")


def test_signin_without_any_hub_is_one_clear_line(tmp_path, monkeypatch, capsys):
    code, _, err = run(monkeypatch, capsys, "signin", "--email", "rep@example.com",
                       "--password-stdin", "--data-dir", str(tmp_path / "cli"), stdin="x" * 12 + "\n")
    assert code == 1
    assert err == "fieldnote: No hub to sign in to: give --hub URL.\n"
