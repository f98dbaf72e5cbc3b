"""The hub never ends up without an active administrator: nobody disables their own account,
and the last active administrator stays active, over the admin API and on the command line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hub import accounts
from hub.db.engine import make_engine
from hub.db.migrate import upgrade
from tests.support.live_hub import LiveHub

ROOT = Path(__file__).resolve().parents[2]


def test_an_admin_cannot_disable_their_own_account(hub: LiveHub) -> None:
    hub.add_user("ada@test.fieldnote", "Ada", "admin")
    hub.add_user("bea@test.fieldnote", "Bea", "admin")
    ada = hub.client("ada@test.fieldnote")
    answer = ada.post(f"{hub.url}/v1/admin/users/ada@test.fieldnote/disable", timeout=10)
    assert answer.status_code == 409
    assert answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert body["status"] == 409 and "your own account" in body["detail"]
    # Still an administrator, still signed in.
    assert ada.get(f"{hub.url}/v1/admin/users", timeout=10).status_code == 200
    # Another administrator may.
    bea = hub.client("bea@test.fieldnote")
    done = bea.post(f"{hub.url}/v1/admin/users/ada@test.fieldnote/disable", timeout=10)
    assert done.status_code == 200 and done.json()["active"] is False


def test_the_last_active_admin_stays_active(hub: LiveHub) -> None:
    hub.add_user("ada@test.fieldnote", "Ada", "admin")
    hub.add_user("bea@test.fieldnote", "Bea", "admin")
    hub.add_user("rep@test.fieldnote", "Riley", "rep")
    bea = hub.client("bea@test.fieldnote")
    assert bea.post(f"{hub.url}/v1/admin/users/ada@test.fieldnote/disable",
                    timeout=10).status_code == 200
    with pytest.raises(accounts.AccountRefused, match="last active administrator"):
        accounts.set_active(hub.engine, "bea@test.fieldnote", False)
    # A disabled administrator does not count; enabling one again lets the other go.
    accounts.set_active(hub.engine, "ada@test.fieldnote", True)
    assert accounts.set_active(hub.engine, "bea@test.fieldnote", False).active is False
    # Other users are disabled as before.
    assert accounts.set_active(hub.engine, "rep@test.fieldnote", False).active is False


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hub", *args], text=True, capture_output=True,
                          cwd=ROOT, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_user_disable_refuses_the_last_active_admin_in_one_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    engine = make_engine(db)
    try:
        upgrade(engine)
        accounts.add_user(engine, email="ada@test.fieldnote", name="Ada", role="admin",
                          password="a long enough passphrase")
    finally:
        engine.dispose()
    refused = run("user", "disable", "--db", db, "ada@test.fieldnote")
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        "fieldnote-hub: ada@test.fieldnote is the last active administrator; add or enable "
        "another administrator first"]
    assert "ada@test.fieldnote\tAda\tadmin\t-\tactive" in run("user", "list", "--db", db).stdout
