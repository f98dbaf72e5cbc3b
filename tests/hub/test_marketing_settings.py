"""The verification period of collateral, a shared setting marketing sets itself over the API
(`PUT /v1/settings/{key}`): who may, what values it takes, and that every device's pull carries
the new value. The desktop offers it exactly to those the hub lets set it."""

from __future__ import annotations

import pytest

from desktop.store.offers import Offers
from tests.hub.client import SyncClient
from tests.support.live_hub import LiveHub


def put(client: SyncClient, key: str, body: object):
    return client.http.put(f"{client.hub.url}/v1/settings/{key}", json=body, timeout=30)


@pytest.mark.parametrize("role", ["rep", "marketer", "manager", "admin"])
def test_marketing_and_administrators_set_the_period_as_the_desktop_offers_it(
        hub: LiveHub, people: dict[str, SyncClient], role: str) -> None:
    actor = people[role]
    offered = Offers(actor.user).offer("collateral", "configure")
    answer = put(actor, "collateral_verify_days", {"value": " 90 "})
    assert offered.allowed is (answer.status_code == 200), answer.text
    if offered:
        assert answer.json() == {"key": "collateral_verify_days", "value": "90"}
        assert people["rep"].pull_page(None).json()["settings"]["collateral_verify_days"] == "90"
    else:
        assert (answer.status_code, answer.json()["detail"]) == (403, offered.reason)
        assert people["rep"].pull_page(None).json()["settings"]["collateral_verify_days"] == "180"


def test_a_bad_value_or_another_setting_is_refused_and_nothing_changes(
        hub: LiveHub, people: dict[str, SyncClient]) -> None:
    marketer = people["marketer"]
    for value, words in (("0", "out of range"), ("soon", "not a number"), ("3651", "out of range")):
        answer = put(marketer, "collateral_verify_days", {"value": value})
        assert answer.status_code == 422, answer.text
        assert words in answer.json()["detail"]
    assert put(marketer, "collateral_verify_days", {"days": 3}).status_code == 422
    assert put(marketer, "currency", {"value": "USD"}).status_code == 404  # an admin's setting
    settings = marketer.pull_page(None).json()["settings"]
    assert (settings["collateral_verify_days"], settings["currency"]) == ("180", "EUR")
