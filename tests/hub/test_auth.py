"""Signing in and out, tokens, disabled users, throttling and the protocol header."""

from __future__ import annotations

from pathlib import Path

import requests

from fieldnote.wire import PROTOCOL_HEADER
from hub import accounts
from hub.settings import Limits
from tests.support.live_hub import LiveHub, start_live_hub

H = {PROTOCOL_HEADER: "1"}


def test_health_needs_no_token_and_lists_protocols(hub: LiveHub) -> None:
    answer = requests.get(f"{hub.url}/v1/health", timeout=10)
    assert answer.status_code == 200
    assert answer.json()["protocol"] == [1] and answer.json()["status"] == "ok"


def test_a_request_without_the_protocol_header_gets_426(hub: LiveHub) -> None:
    hub.add_user("a@test.fieldnote", "A", "rep")
    token = hub.token_for("a@test.fieldnote")
    for headers in ({}, {PROTOCOL_HEADER: "2"}, {PROTOCOL_HEADER: "one"}):
        answer = requests.get(f"{hub.url}/v1/me",
                              headers={"Authorization": f"Bearer {token}", **headers}, timeout=10)
        assert answer.status_code == 426
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["protocol"] == [1]


def test_sign_in_gives_a_token_that_me_accepts(hub: LiveHub) -> None:
    user = hub.add_user("rep@test.fieldnote", "Riley", "rep", "east")
    answer = requests.post(f"{hub.url}/v1/auth/token", headers=H, timeout=10,
                           json={"email": "REP@test.fieldnote", "password": user["password"],
                                 "device_name": "laptop"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["user"] == {"id": user["id"], "email": "rep@test.fieldnote", "name": "Riley",
                            "role": "rep", "team": "east"}
    assert body["expires_at"].endswith("Z")
    me = requests.get(f"{hub.url}/v1/me", timeout=10,
                      headers={**H, "Authorization": f"Bearer {body['token']}"})
    assert me.json() == {"id": user["id"], "email": "rep@test.fieldnote", "name": "Riley",
                         "role": "rep", "team": "east"}


def test_missing_unknown_and_revoked_tokens_get_401(hub: LiveHub) -> None:
    hub.add_user("rep@test.fieldnote", "Riley", "rep")
    assert requests.get(f"{hub.url}/v1/me", headers=H, timeout=10).status_code == 401
    bad = requests.get(f"{hub.url}/v1/me", headers={**H, "Authorization": "Bearer nope"}, timeout=10)
    assert bad.status_code == 401 and bad.json()["title"] == "Not signed in"
    token = hub.token_for("rep@test.fieldnote")
    auth = {**H, "Authorization": f"Bearer {token}"}
    assert requests.delete(f"{hub.url}/v1/auth/token", headers=auth, timeout=10).status_code == 204
    assert requests.get(f"{hub.url}/v1/me", headers=auth, timeout=10).status_code == 401


def test_tokens_are_stored_only_as_hashes(hub: LiveHub) -> None:
    hub.add_user("rep@test.fieldnote", "Riley", "rep")
    token = hub.token_for("rep@test.fieldnote")
    with hub.engine.connect() as conn:
        stored = [r[0] for r in conn.exec_driver_sql("SELECT token_hash FROM hub_token")]
    assert stored == [accounts.token_hash(token)]
    assert token not in stored


def test_a_disabled_user_loses_access_at_once(hub: LiveHub) -> None:
    hub.add_user("rep@test.fieldnote", "Riley", "rep")
    session = hub.client("rep@test.fieldnote")
    assert session.get(f"{hub.url}/v1/me", timeout=10).status_code == 200
    accounts.set_active(hub.engine, "rep@test.fieldnote", False)
    assert session.get(f"{hub.url}/v1/me", timeout=10).status_code == 401
    again = requests.post(f"{hub.url}/v1/auth/token", headers=H, timeout=10,
                          json={"email": "rep@test.fieldnote", "password": hub.users[
                              "rep@test.fieldnote"]["password"]})
    assert again.status_code == 401


def test_wrong_password_gets_401_and_repeated_failures_get_429(tmp_path: Path) -> None:
    hub = start_live_hub(tmp_path, limits=Limits(account_failures=3, address_failures=50))
    try:
        hub.add_user("rep@test.fieldnote", "Riley", "rep")
        attempt = {"email": "rep@test.fieldnote", "password": "wrong"}
        statuses = [requests.post(f"{hub.url}/v1/auth/token", json=attempt, headers=H,
                                  timeout=10).status_code for _ in range(3)]
        assert statuses == [401, 401, 401]
        # Locked now, even with the right password.
        right = {"email": "rep@test.fieldnote", "password": hub.users["rep@test.fieldnote"]["password"]}
        locked = requests.post(f"{hub.url}/v1/auth/token", json=right, headers=H, timeout=10)
        assert locked.status_code == 429
        assert int(locked.headers["Retry-After"]) >= 1
        # Another account from the same address is not locked by this account's failures.
        hub.add_user("other@test.fieldnote", "Other", "rep")
        hub.token_for("other@test.fieldnote")
    finally:
        hub.stop()


def test_many_failures_from_one_address_get_429_for_every_account(tmp_path: Path) -> None:
    hub = start_live_hub(tmp_path, limits=Limits(account_failures=100, address_failures=4))
    try:
        hub.add_user("rep@test.fieldnote", "Riley", "rep")
        for n in range(4):
            requests.post(f"{hub.url}/v1/auth/token", headers=H, timeout=10,
                          json={"email": f"guess{n}@test.fieldnote", "password": "x"})
        answer = requests.post(f"{hub.url}/v1/auth/token", headers=H, timeout=10,
                               json={"email": "rep@test.fieldnote", "password": "x"})
        assert answer.status_code == 429
    finally:
        hub.stop()


def test_an_expired_token_gets_401(tmp_path: Path) -> None:
    hub = start_live_hub(tmp_path, limits=Limits(token_days=-1))
    try:
        hub.add_user("rep@test.fieldnote", "Riley", "rep")
        session = hub.client("rep@test.fieldnote")
        assert session.get(f"{hub.url}/v1/me", timeout=10).status_code == 401
    finally:
        hub.stop()


def test_administrators_list_add_and_disable_users(hub: LiveHub) -> None:
    hub.add_user("admin@test.fieldnote", "Ada", "admin")
    hub.add_user("rep@test.fieldnote", "Riley", "rep", "east")
    admin, rep = hub.client("admin@test.fieldnote"), hub.client("rep@test.fieldnote")
    url = f"{hub.url}/v1/admin/users"
    assert rep.get(url, timeout=10).status_code == 403
    listed = admin.get(url, timeout=10).json()
    assert {u["email"] for u in listed} == {"admin@test.fieldnote", "rep@test.fieldnote"}
    weak = {"email": "new@test.fieldnote", "name": "New", "role": "marketer"}
    for password, says in (("pw", "at least 10 characters"), ("1q2w3e4r5t", "most common")):
        refused = admin.post(url, timeout=10, json={**weak, "password": password})
        assert refused.status_code == 422 and says in refused.json()["detail"]
    made = admin.post(url, timeout=10, json={**weak, "password": "a long enough passphrase"})
    assert made.status_code == 201 and made.json()["role"] == "marketer"
    bad = admin.post(url, timeout=10, json={"email": "x@test.fieldnote", "name": "X",
                                            "role": "emperor", "password": "pw"})
    assert bad.status_code == 422
    gone = admin.post(f"{url}/rep@test.fieldnote/disable", timeout=10)
    assert gone.status_code == 200 and gone.json()["active"] is False
    assert rep.get(f"{hub.url}/v1/me", timeout=10).status_code == 401
