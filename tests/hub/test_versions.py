"""Versions the hub can trust: a `base_version` is checked against the record, a second create
of an id is a conflict, and over any interleaving of devices no acknowledged write is
overwritten without a conflict record."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldnote.ids import new_id
from tests.hub.client import SyncClient, lead_fields, mutation
from tests.support.live_hub import LiveHub, database_params, start_live_hub

# -- single cases ----------------------------------------------------------------------------


def test_a_base_above_the_records_version_is_rejected_and_changes_nothing(
    people: dict[str, SyncClient],
) -> None:
    marketer = people["marketer"]
    tablet = SyncClient(marketer.hub, marketer.http, marketer.user)
    event_id = new_id()
    created = marketer.push_one("event", event_id, {"name": "Expo", "venue": "Hall 1"})
    edited = marketer.push_one("event", event_id, {"venue": "Hall 2"}, base=created["version"])
    assert edited["status"] == "applied"
    for base in (edited["version"] + 1, 10**9, 10**30):
        stale = tablet.push_one("event", event_id, {"venue": "Hall 9"}, base=base)
        assert stale["status"] == "rejected", stale
        assert stale["problem"]["status"] == 409
        assert stale["problem"]["errors"] == [
            {"field": "base_version", "message": "is newer than the record's version on the hub"}]
        gone = tablet.push_one("event", event_id, op="delete", base=base)
        assert gone["status"] == "rejected" and gone["problem"]["status"] == 409
    after = marketer.visible("event")[("event", event_id)]
    assert (after["version"], after["fields"]["venue"]) == (edited["version"], "Hall 2")
    assert marketer.visible("conflict") == {}


def test_a_base_of_a_record_new_in_the_same_push_must_be_zero(
    people: dict[str, SyncClient],
) -> None:
    rep = people["rep"]
    lead_id = new_id()
    made, edit, guessed = rep.push(
        mutation("lead", lead_id, lead_fields()),
        mutation("lead", lead_id, {"notes": "same device, same push"}),
        mutation("lead", lead_id, {"title": "CTO"}, base=10**6),
    )
    assert (made["status"], edit["status"], guessed["status"]) == (
        "applied", "applied", "rejected")
    fields = rep.visible("lead")[("lead", lead_id)]["fields"]
    assert (fields["notes"], fields["title"]) == ("same device, same push", None)


def test_a_second_create_of_an_id_from_another_device_is_a_conflict(
    people: dict[str, SyncClient],
) -> None:
    marketer = people["marketer"]
    hub = marketer.hub
    other = hub.add_user("marketer2@test.fieldnote", "Other", "marketer")
    second = SyncClient(hub, hub.client(other["email"]), other)
    tablet = SyncClient(hub, marketer.http, marketer.user)
    event_id = new_id()
    first = marketer.push_one("event", event_id, {"name": "Expo", "venue": "Hall 1"})
    assert first["status"] == "applied"
    # Another user's device and the same user's other device: both made the id "new".
    for device, venue in ((second, "Hall 2"), (tablet, "Hall 3")):
        answer = device.push_one("event", event_id, {"name": "Expo", "venue": venue})
        assert answer["status"] == "conflict", answer
        assert [c["field"] for c in answer["conflicts"]] == ["venue"]
    kept = [c["fields"] for c in marketer.visible("conflict").values()]
    assert sorted((c["yours"], c["theirs"]) for c in kept) == [
        ("Hall 2", "Hall 1"), ("Hall 3", "Hall 2")]
    # The device that made it may send more of its own "new" edits (made before it heard back).
    own = marketer.push_one("event", event_id, {"campaign_code": "EX26"})
    assert own["status"] == "applied"


def test_the_same_client_id_from_another_user_is_not_the_same_device(
    people: dict[str, SyncClient],
) -> None:
    rep, rep2 = people["rep"], people["rep2"]
    marketer = people["marketer"]
    spoof = SyncClient(marketer.hub, marketer.http, marketer.user, client_id=rep.client_id)
    request_id = new_id()
    made = rep.push_one("collateral_request", request_id, {"title": "Deck", "need": "A"})
    assert made["status"] == "applied"
    answer = spoof.push_one("collateral_request", request_id, {"status": "accepted"})
    assert answer["status"] == "conflict", answer
    assert rep2.visible("conflict") == {}


# -- interleavings of devices ----------------------------------------------------------------

FIELDS = ("venue", "campaign_code")


@dataclass
class Device:
    name: str
    client: SyncClient
    known: dict[str, list[int]] = field(default_factory=dict)  # record -> versions seen


@dataclass
class Observer:
    """Follows the feed of one user with a cursor: the hub's state as that user sees it."""

    client: SyncClient
    cursor: str | None = None
    state: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)

    def refresh(self) -> dict[tuple[str, str], dict[str, Any]]:
        changes, self.cursor = self.client.pull_all(self.cursor)
        self.state.update(changes)
        return self.state


class Interleaving:
    def __init__(self, hub: LiveHub, devices: dict[str, Device],
                 watchers: dict[str, Observer]) -> None:
        self.hub = hub
        self.devices = devices
        self.watchers = watchers  # per user id

    def __repr__(self) -> str:
        return "Interleaving(marketers one and two; devices a, c of one, b of two)"


@pytest.fixture(scope="module", params=database_params())
def interleaving(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[Interleaving]:
    hub = start_live_hub(Path(tmp_path_factory.mktemp("versions")), request.param)
    try:
        one = hub.add_user("one@versions.fieldnote", "One", "marketer")
        two = hub.add_user("two@versions.fieldnote", "Two", "marketer")
        http_one, http_two = hub.client(one["email"]), hub.client(two["email"])
        devices = {
            # Two people, and a second device of the first person.
            "a": Device("a", SyncClient(hub, http_one, one)),
            "b": Device("b", SyncClient(hub, http_two, two)),
            "c": Device("c", SyncClient(hub, http_one, one)),
        }
        watchers = {one["id"]: Observer(SyncClient(hub, http_one, one)),
                    two["id"]: Observer(SyncClient(hub, http_two, two))}
        yield Interleaving(hub, devices, watchers)
    finally:
        hub.stop()


BASES = ("current", "oldest", "zero", "ahead")
steps = st.lists(
    st.one_of(
        st.tuples(st.just("create"), st.sampled_from("abc"), st.integers(0, 1),
                  st.sets(st.sampled_from(FIELDS))),
        st.tuples(st.just("update"), st.sampled_from("abc"), st.integers(0, 1),
                  st.sets(st.sampled_from(FIELDS), min_size=1), st.sampled_from(BASES)),
        st.tuples(st.just("delete"), st.sampled_from("abc"), st.integers(0, 1),
                  st.sampled_from(BASES)),
        st.tuples(st.just("pull"), st.sampled_from("abc")),
    ),
    min_size=2, max_size=10,
)
_values = itertools.count()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(script=steps)
def test_no_acknowledged_write_is_overwritten_without_a_conflict_record(
    interleaving: Interleaving, script: list[tuple[Any, ...]]
) -> None:
    """Each step is a device pushing one mutation (or pulling); after each push the hub's
    state is compared with the last acknowledged write of every field."""
    ids = [new_id(), new_id()]
    world = interleaving
    observer = next(iter(world.watchers.values()))
    for device in world.devices.values():
        device.known = {}
    # (record, field) -> (value, device name, version) of the last acknowledged write
    acked: dict[tuple[str, str], tuple[Any, str, int]] = {}
    for step in script:
        action, device = step[0], world.devices[step[1]]
        if action == "pull":
            seen = device.client.visible("event")
            for (_kind, rid), change in seen.items():
                if rid in ids:
                    device.known.setdefault(rid, []).append(change["version"])
            continue
        rid = ids[step[2]]
        before = observer.refresh().get(("event", rid))
        hub_version = before["version"] if before else 0
        live = before is not None and not before["deleted"]
        known = device.known.get(rid) or [0]
        if action == "create":
            base = 0
            values = {f: f"{device.name}{next(_values)}" for f in step[3]}
            m = mutation("event", rid, {"name": f"Expo {rid[-4:]}", **values}, base=0)
        else:
            base = {"current": max(known), "oldest": min(known), "zero": 0,
                    "ahead": hub_version + 1 + next(_values) * 10**20}[step[-1]]
            if action == "update":
                values = {f: f"{device.name}{next(_values)}" for f in step[3]}
                if before is None:  # an upsert of an id the hub lacks makes the record
                    values["name"] = f"Expo {rid[-4:]}"
                m = mutation("event", rid, values, base=base)
            else:
                values = {}
                m = mutation("event", rid, op="delete", base=base)
        answer = device.client.push(m)[0]
        after = observer.refresh().get(("event", rid))

        if base > hub_version:
            # A base the hub never gave this record is refused, whatever else is true.
            missing = before is None and action == "delete"  # nothing to delete: 404
            assert answer["status"] == "rejected", answer
            assert answer["problem"]["status"] == (404 if missing else 409), answer
            assert after == before
            continue
        if before is None and action == "delete" or before is not None and before["deleted"]:
            # Nothing to delete, or nothing to edit: a delete of a deleted record is answered
            # as done (it is), anything else is refused; either way nothing changes.
            done = action == "delete" and before is not None
            assert answer["status"] == ("applied" if done else "rejected"), answer
            assert after == before
            continue
        assert answer["status"] in ("applied", "conflict"), answer
        device.known.setdefault(rid, []).append(answer["version"])
        if action == "delete":
            assert after is not None and after["deleted"]
            continue
        assert after is not None and not after["deleted"]
        answered = {c["field"]: c for c in answer.get("conflicts") or []}
        writer = device.client
        for name in (*FIELDS, "name"):
            old = before["fields"].get(name) if live and before else None
            new = after["fields"].get(name)
            if old == new:
                continue
            last = acked.get((rid, name))
            if last is not None:
                value, by, version = last
                same_device = world.devices[by].client.client_id == writer.client_id
                if not same_device and base < version:
                    # Overwrote a write the writer had not seen: it must say so, and keep it.
                    assert answered.get(name) == {"field": name, "yours": new, "theirs": value}, (
                        answer, last)
                    kept = [c["fields"] for c in
                            world.watchers[writer.id].refresh().values()
                            if c["kind"] == "conflict"
                            and c["fields"]["record_id"] == rid and c["fields"]["field"] == name]
                    assert {"yours": new, "theirs": value} in [
                        {"yours": k["yours"], "theirs": k["theirs"]} for k in kept]
            acked[(rid, name)] = (new, device.name, answer["version"])
