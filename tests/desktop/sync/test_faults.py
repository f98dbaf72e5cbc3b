"""Sync through a fault-injecting proxy in front of a live hub: every failure ends in the right
state, and nothing is lost or duplicated once the hub is healthy again."""

from __future__ import annotations

import random
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select, update

from desktop.sync.session import Timeouts, sign_in
from desktop.sync.state import Outcome
from tests.support.fault_proxy import FaultProxy, random_policy, scripted_policy

LEAD = {"last_name": "Silva", "email": "ana@example.com", "captured_at": "2026-11-24T10:15:00Z"}


@pytest.fixture
def proxy(hub):
    parts = urlsplit(hub.url)
    with FaultProxy((parts.hostname, parts.port), delay_s=0.6) as p:
        yield p


def hub_leads(hub) -> dict[str, dict]:
    from hub.db.tables import RECORD_TABLES

    t = RECORD_TABLES["lead"]
    with hub.engine.connect() as conn:
        return {r.id: dict(r._mapping) for r in conn.execute(select(t).where(t.c.deleted.is_(False)))}


def test_a_hub_answering_a_web_page_is_reported_and_sync_recovers(make_device, proxy):
    rep = make_device("rep", url=proxy.url)
    rep.store.save("lead", LEAD)
    proxy.policy = scripted_policy(["html"])
    report = rep.run()
    assert report.outcome is Outcome.HUB_ERROR
    assert "web page" in report.message
    assert report.waiting == 1
    assert rep.run().outcome is Outcome.OK
    assert rep.sync.counts() == (0, 0)


def test_a_500_after_the_hub_applied_a_push_is_resent_without_duplicating(make_device, proxy, hub):
    rep = make_device("rep", url=proxy.url)
    rid = rep.store.save("lead", LEAD).record_id
    proxy.policy = scripted_policy(["error_500_after"])
    report = rep.run()
    assert report.outcome is Outcome.HUB_ERROR
    assert rep.store.outbox_entries()[0]["server_errors"] == 1
    again = rep.run()
    assert again.outcome is Outcome.OK, again.message
    assert (again.duplicates, again.applied) == (1, 0)
    assert list(hub_leads(hub)) == [rid]


def test_a_hub_of_another_protocol_version_is_reported_as_incompatible(make_device, proxy):
    rep = make_device("rep", url=proxy.url)
    rep.store.save("lead", LEAD)
    proxy.policy = scripted_policy(["wrong_protocol"])
    report = rep.run()
    assert report.outcome is Outcome.INCOMPATIBLE
    assert "protocol" in report.message
    assert rep.run().outcome is Outcome.OK


def test_an_expired_token_asks_for_sign_in_and_queued_changes_go_after_it(make_device, hub):
    from hub.db.tables import tokens

    rep = make_device("rep")
    rid = rep.store.save("lead", LEAD).record_id
    with hub.engine.begin() as conn:
        conn.execute(update(tokens).values(expires_at=0))
    report = rep.run()
    assert report.outcome is Outcome.SIGN_IN_NEEDED
    assert report.waiting == 1
    sign_in(rep.data_dir, rep.store, hub.url, "rep@example.com",
            hub.users["rep@example.com"]["password"])
    rep.engine.client.token = rep.engine.client.token or None
    from desktop.sync.session import build_engine

    fresh = build_engine(rep.data_dir, rep.store, timeouts=Timeouts(2, 5, 0))
    assert fresh.run_cycle().outcome is Outcome.OK
    assert list(hub_leads(hub)) == [rid]
    fresh.client.close()


def test_a_refused_connection_leaves_changes_queued(make_device, proxy):
    rep = make_device("rep", url=proxy.url)
    rep.store.save("lead", LEAD)
    proxy.set_down(True)
    report = rep.run()
    assert report.outcome is Outcome.OFFLINE
    assert "refused" in report.message
    assert rep.store.get_state("online") is False
    proxy.set_down(False)
    assert rep.run().outcome is Outcome.OK


FAULTS = {
    "pass": 10,
    "reset_before": 1,
    "reset_after_request": 1.5,
    "reset_mid_response": 1.5,
    "delay": 0.5,
    "truncate": 1.5,
    "error_500_before": 0.5,
    "error_500_after": 1,
    "html": 0.3,
}


def test_two_devices_editing_through_200_faulty_cycles_converge_with_nothing_lost(
    make_device, proxy, hub
):
    rng = random.Random(20261128)
    quick = Timeouts(connect=1.0, read=0.4, retries=1)
    laptop = make_device("laptop", url=proxy.url, timeouts=quick)
    tablet = make_device("tablet", url=proxy.url, timeouts=quick)
    devices = [laptop, tablet]
    # Each device edits its own field, so the last edit of each must win everywhere.
    owned_field = {0: "notes", 1: "company"}
    created: list[str] = []
    last: dict[tuple[str, str], str] = {}
    proxy.policy = random_policy(7, FAULTS)
    outcomes = []
    for cycle in range(200):
        which = rng.randrange(2)
        device = devices[which]
        for _ in range(rng.randrange(3)):
            known = [r["id"] for r in device.store.all("lead")]
            if known and rng.random() < 0.6:
                rid = rng.choice(known)
                value = f"{owned_field[which]} {cycle}-{rng.randrange(10**6)}"
                device.store.save("lead", {owned_field[which]: value}, rid)
                last[(rid, owned_field[which])] = value
            else:
                rid = device.store.save("lead", {**LEAD, "last_name": f"L{cycle}"}).record_id
                created.append(rid)
        outcomes.append(device.run().outcome)
    faults = sum(v for k, v in proxy.counts.items() if k != "pass")
    assert faults >= 60, proxy.counts
    assert Outcome.OK in outcomes and Outcome.OFFLINE in outcomes
    proxy.policy = scripted_policy([])
    for device in devices:
        device.engine.client.timeout = (2.0, 30.0)  # a healthy network, however busy the machine
    for _ in range(3):
        for device in devices:
            report = device.run()
            assert report.outcome is Outcome.OK, report.message
    on_hub = hub_leads(hub)
    assert sorted(on_hub) == sorted(created)  # nothing lost, nothing extra
    for device in devices:
        assert device.sync.counts() == (0, 0)
        local = {r["id"]: r for r in device.store.all("lead")}
        assert sorted(local) == sorted(created)
        assert device.sync.local_digest() == tuple(device.engine.client.digest().model_dump().values())
        for rid, row in on_hub.items():
            for name in ("notes", "company", "last_name"):
                assert local[rid][name] == row[name]
            assert local[rid]["rev"] == row["row_version"]
    assert last  # edits were made: the check below compares something
    for (rid, name), value in last.items():
        assert on_hub[rid][name] == value
    with hub.engine.connect() as conn:
        from hub.db.tables import RECORD_TABLES

        t = RECORD_TABLES["conflict"]
        assert conn.execute(select(func.count()).select_from(t)).scalar_one() == 0


def test_a_change_the_hub_keeps_failing_on_is_parked_alone_and_the_rest_goes_through(
    make_device, proxy, hub
):
    from fieldnote.wire import PARK_AFTER_SERVER_ERRORS

    rep = make_device("rep", url=proxy.url)
    poison = rep.store.save("lead", {**LEAD, "last_name": "POISON"}).record_id
    good = rep.store.save("lead", {**LEAD, "last_name": "Good"}).record_id

    def policy(line, _headers, body):
        return "error_500_before" if line.startswith("POST /v1/sync/push") and b"POISON" in body \
            else "pass"

    proxy.policy = policy
    outcomes = [rep.run().outcome for _ in range(PARK_AFTER_SERVER_ERRORS)]
    assert outcomes == [Outcome.HUB_ERROR] * PARK_AFTER_SERVER_ERRORS
    [item] = rep.sync.attention_items()
    assert item.record_id == poison and item.parked
    final = rep.run()
    assert (final.outcome, final.waiting, final.attention) == (Outcome.OK, 0, 1)
    assert list(hub_leads(hub)) == [good]
    # Resending after the hub is fixed gets it through.
    proxy.policy = scripted_policy([])
    rep.sync.resend(item.seq, {})
    assert rep.run().attention == 0
    assert sorted(hub_leads(hub)) == sorted([poison, good])
