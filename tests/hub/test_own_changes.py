"""A device's own changes (docs/protocol-extensions.md): the push answer carries what the hub
holds beyond the change, and a pull that names the device's `client_id` stubs the records whose
current version that device wrote, while everything anyone else changed comes whole."""

from __future__ import annotations

from typing import Any

from fieldnote.ids import new_id
from fieldnote.wire import state_hash
from tests.hub.client import SyncClient, lead_fields, mutation


def _whole(who: SyncClient, kind: str, record_id: str) -> dict[str, Any]:
    """The record as a pull without the extension sends it."""
    return who.pull_all()[0][(kind, record_id)]


def test_a_create_is_answered_with_the_values_the_hub_set(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    lead_id = new_id()
    sent = lead_fields(company="Acme", consent_contact=True)
    answer = rep.push_one("lead", lead_id, sent)
    assert answer["status"] == "applied"
    # The owner and capturer come from the token, the consent evidence is the hub's: nothing
    # the device sent is repeated.
    assert answer["fields"] == {"owner_id": rep.id, "captured_by": rep.id,
                                "consent_captured_by": rep.id, "consent_method": "unspecified"}
    held = _whole(rep, "lead", lead_id)["fields"]
    assert {**sent, **answer["fields"]} == {k: v for k, v in held.items() if v is not None}


def test_an_edit_on_the_latest_version_is_answered_with_nothing_more(
    people: dict[str, SyncClient],
) -> None:
    rep = people["rep"]
    lead_id = new_id()
    base = rep.push_one("lead", lead_id, lead_fields())["version"]
    answer = rep.push_one("lead", lead_id, {"title": "CTO"}, base=base)
    assert (answer["status"], answer["fields"]) == ("applied", {})
    # A change that gives nothing new is answered the same way.
    again = rep.push_one("lead", lead_id, {"title": "CTO"}, base=answer["version"])
    assert (again["version"], again["fields"]) == (answer["version"], {})


def test_an_edit_on_an_older_version_is_answered_with_the_whole_record(
    people: dict[str, SyncClient],
) -> None:
    """Someone else changed the record since the device's base: the device cannot know what
    the hub merged, so it gets all of it, its own value and the other device's included."""
    marketer = people["marketer"]
    other = SyncClient(marketer.hub, marketer.http, marketer.user)
    event_id = new_id()
    base = marketer.push_one("event", event_id, {"name": "Expo", "venue": "Hall 1"})["version"]
    other.push_one("event", event_id, {"campaign_code": "EX26"}, base=base)
    answer = marketer.push_one("event", event_id, {"venue": "Hall 2"}, base=base)
    assert answer["status"] == "applied"
    whole = _whole(marketer, "event", event_id)
    assert whole["version"] == answer["version"]
    assert answer["fields"] == whole["fields"]
    assert (answer["fields"]["venue"], answer["fields"]["campaign_code"]) == ("Hall 2", "EX26")


def test_a_conflict_answer_brings_the_merged_record(people: dict[str, SyncClient]) -> None:
    marketer = people["marketer"]
    other = SyncClient(marketer.hub, marketer.http, marketer.user)
    event_id = new_id()
    base = marketer.push_one("event", event_id, {"name": "Expo", "venue": "Hall 1"})["version"]
    other.push_one("event", event_id, {"venue": "Hall 2", "campaign_code": "EX26"}, base=base)
    late = marketer.push_one("event", event_id, {"venue": "Hall 9"}, base=base)
    assert late["status"] == "conflict"
    assert late["fields"] == _whole(marketer, "event", event_id)["fields"]
    assert (late["fields"]["venue"], late["fields"]["campaign_code"]) == ("Hall 9", "EX26")


def test_a_replay_is_answered_with_the_record_only_while_it_is_unchanged(
    people: dict[str, SyncClient],
) -> None:
    rep = people["rep"]
    laptop = SyncClient(rep.hub, rep.http, rep.user)
    lead_id = new_id()
    m = mutation("lead", lead_id, lead_fields())
    first = rep.push(m)[0]
    replay = rep.push(m)[0]
    assert replay["status"] == "duplicate"
    assert replay["fields"] == _whole(rep, "lead", lead_id)["fields"]
    # Changed since on the rep's other device: what the device holds is for its pull to bring.
    assert laptop.push_one("lead", lead_id, {"title": "CFO"},
                            base=first["version"])["status"] == "applied"
    later = rep.push(m)[0]
    assert (later["status"], later["version"]) == ("duplicate", first["version"])
    assert "fields" not in later


def test_a_pull_naming_the_device_stubs_its_own_changes_only(
    people: dict[str, SyncClient],
) -> None:
    rep = people["rep"]
    laptop = SyncClient(rep.hub, rep.http, rep.user)  # the same rep's other device
    mine, theirs = new_id(), new_id()
    rep.push_one("lead", mine, lead_fields(company="Acme"))
    laptop.push_one("lead", theirs, lead_fields(email="bo@example.com"))
    whole, cursor = rep.pull_all()
    stubbed, own_cursor = rep.pull_all(own=True)
    assert own_cursor == cursor
    assert stubbed[("lead", theirs)] == whole[("lead", theirs)]
    stub = stubbed[("lead", mine)]
    assert stub == {"kind": "lead", "record_id": mine, "version": whole[("lead", mine)]["version"],
                    "own": state_hash(whole[("lead", mine)]["fields"])}
    # The other device is told about the first one's lead whole, and gets its own as a stub.
    other_view, _ = laptop.pull_all(own=True)
    assert other_view[("lead", mine)] == whole[("lead", mine)]
    assert set(other_view[("lead", theirs)]) == {"kind", "record_id", "version", "own"}


def test_what_the_hub_changed_after_the_device_comes_whole(people: dict[str, SyncClient]) -> None:
    """A later change by anyone else (here the rep's other device, and the conflict record the
    device's own edit made) is sent whole, and a deletion as the tombstone it always is."""
    rep = people["rep"]
    laptop = SyncClient(rep.hub, rep.http, rep.user)
    edited, gone = new_id(), new_id()
    first = rep.push_one("lead", edited, lead_fields(company="Acme"))
    rep.push_one("lead", gone, lead_fields(email="bo@example.com"))
    _, cursor = rep.pull_all(own=True)
    laptop.push_one("lead", edited, {"company": "Acme Ltd"}, base=first["version"])
    late = rep.push_one("lead", edited, {"company": "ACME"}, base=first["version"])
    assert late["status"] == "conflict"
    changes, cursor = rep.pull_all(cursor, own=True)
    conflicts = [c for (kind, _), c in changes.items() if kind == "conflict"]
    assert len(conflicts) == 1 and conflicts[0]["fields"]["theirs"] == "Acme Ltd"
    # The device's conflicting edit is the record's latest version: a stub, whose hash is of
    # the merged state the conflict answer brought.
    assert changes[("lead", edited)]["own"] == state_hash(late["fields"])
    laptop.push_one("lead", edited, {"title": "CFO"}, base=late["version"])
    rep.push_one("lead", gone, {}, op="delete", base=0)
    changes, _ = rep.pull_all(cursor, own=True)
    assert changes[("lead", edited)]["fields"]["title"] == "CFO"
    assert changes[("lead", gone)]["deleted"] is True and changes[("lead", gone)]["fields"] == {}


def test_a_pull_without_the_device_name_sends_everything_whole(
    people: dict[str, SyncClient],
) -> None:
    rep = people["rep"]
    rep.push(*[mutation("lead", new_id(), lead_fields(email=f"p{i}@example.com"))
               for i in range(5)])
    page = rep.pull_page().json()
    assert page["changes"] and all("own" not in c and "fields" in c for c in page["changes"])


def test_a_too_long_device_name_is_refused(people: dict[str, SyncClient]) -> None:
    answer = people["rep"].http.get(f"{people['rep'].hub.url}/v1/sync/pull",
                                    params={"client_id": "x" * 101}, timeout=30)
    assert answer.status_code == 422
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_a_device_name_with_pattern_characters_matches_only_itself(
    people: dict[str, SyncClient],
) -> None:
    """The hub looks for the name inside the per-field versions it keeps: `%` and `_` in a name
    are only themselves there, and a stub still needs the version to be that device's."""
    rep = people["rep"]
    odd = SyncClient(rep.hub, rep.http, rep.user, client_id="lap_top%1")
    mine, theirs = new_id(), new_id()
    odd.push_one("lead", mine, lead_fields())
    rep.push_one("lead", theirs, lead_fields(email="bo@example.com"))
    for name in ("%", "_", "lap_top%"):
        wild = SyncClient(rep.hub, rep.http, rep.user, client_id=name)
        changes, _ = wild.pull_all(own=True)
        assert all("fields" in c for c in changes.values()), name
    changes, _ = odd.pull_all(own=True)
    assert "own" in changes[("lead", mine)] and "fields" in changes[("lead", theirs)]
