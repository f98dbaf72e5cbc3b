"""GET /v1/leads/lookup: "already known?" answers four facts about a person across every team,
never another team's notes or amounts, and is throttled per user (429 + Retry-After)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from fieldnote.ids import new_id
from fieldnote.wire import PROTOCOL_HEADER, PROTOCOL_VERSION
from hub.settings import Limits
from tests.hub.client import SyncClient, lead_fields
from tests.support.live_hub import LiveHub, start_live_hub


def _lookup(client: SyncClient, email: str) -> dict[str, object]:
    answer = client.http.get(f"{client.hub.url}/v1/leads/lookup", params={"email": email},
                             timeout=30)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_an_unknown_email_is_not_known(people: dict[str, SyncClient]) -> None:
    assert _lookup(people["rep"], "nobody@example.com") == {
        "known": False, "customer": False, "team": None, "last_activity": None}


def test_another_teams_lead_is_known_with_its_team_and_nothing_else(
    people: dict[str, SyncClient],
) -> None:
    west = people["rep2"]
    lead_id = new_id()
    assert west.push_one("lead", lead_id, lead_fields(
        email="Ana@Example.com", notes="secret west notes",
        captured_at="2026-11-20T09:00:00Z"))["status"] == "applied"
    assert west.push_one("lead_outcome", new_id(), {
        "lead_id": lead_id, "status": "won", "amount": 48000, "note": "big deal",
        "at": "2026-12-01T15:00:00Z"})["status"] == "applied"
    answer = _lookup(people["rep"], "  ana@example.COM ")
    assert answer == {"known": True, "customer": True, "team": "west",
                      "last_activity": "2026-12-01"}
    raw = people["rep"].http.get(f"{people['rep'].hub.url}/v1/leads/lookup",
                                 params={"email": "ana@example.com"}, timeout=30).text
    for secret in ("secret", "48000", "big deal", "Silva", lead_id):
        assert secret not in raw


def test_a_withdrawn_win_makes_no_customer(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    lead_id, won = new_id(), new_id()
    rep.push_one("lead", lead_id, lead_fields(captured_at="2026-11-20T09:00:00Z"))
    rep.push_one("lead_outcome", won, {"lead_id": lead_id, "status": "won",
                                      "at": "2026-11-21T09:00:00Z"})
    rep.push_one("lead_outcome", new_id(), {"lead_id": lead_id, "status": "won",
                                           "retracts": won, "at": "2026-11-22T09:00:00Z"})
    answer = _lookup(people["rep2"], "ana@example.com")
    assert answer == {"known": True, "customer": False, "team": "east",
                      "last_activity": "2026-11-20"}


@pytest.mark.parametrize("email", ["", "no-at-sign", "a b@example.com", "x" * 400 + "@e.com"])
def test_what_is_no_email_is_refused_with_a_problem(people: dict[str, SyncClient],
                                                     email: str) -> None:
    answer = people["rep"].http.get(f"{people['rep'].hub.url}/v1/leads/lookup",
                                    params={"email": email}, timeout=30)
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_a_lookup_needs_a_token(hub: LiveHub) -> None:
    answer = requests.get(f"{hub.url}/v1/leads/lookup", params={"email": "a@example.com"},
                          headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)}, timeout=30)
    assert answer.status_code == 401


@pytest.fixture
def tight_hub(tmp_path: Path) -> Iterator[LiveHub]:
    live = start_live_hub(tmp_path, None, Limits(lookup_limit=3, lookup_window_s=600))
    try:
        yield live
    finally:
        live.stop()


def test_lookups_are_throttled_per_user_with_retry_after(tight_hub: LiveHub) -> None:
    for email in ("a@test.fieldnote", "b@test.fieldnote"):
        tight_hub.add_user(email, email[0], "rep", "east")
    first = SyncClient(tight_hub, tight_hub.client("a@test.fieldnote"),
                       tight_hub.users["a@test.fieldnote"])
    second = SyncClient(tight_hub, tight_hub.client("b@test.fieldnote"),
                        tight_hub.users["b@test.fieldnote"])
    for n in range(3):
        _lookup(first, f"person{n}@example.com")
    refused = first.http.get(f"{tight_hub.url}/v1/leads/lookup",
                             params={"email": "person9@example.com"}, timeout=30)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 600
    assert refused.json()["type"].endswith("/throttled")
    # Another user's look-ups are counted on their own.
    assert _lookup(second, "person9@example.com")["known"] is False
