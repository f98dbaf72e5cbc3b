"""Push through real HTTP: at-most-once apply, per-field merge, conflicts, rejections."""

from __future__ import annotations

from fieldnote.ids import new_id
from fieldnote.wire import record_hash
from tests.hub.client import SyncClient, lead_fields, mutation


def test_replayed_push_changes_nothing_and_returns_the_first_answer(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    lead_id = new_id()
    m = mutation("lead", lead_id, lead_fields())
    first = rep.push(m)[0]
    assert first["status"] == "applied"
    before = rep.pull_all()[0][("lead", lead_id)]
    again = rep.push(m)[0]
    # The first answer may never have arrived: the replay's carries the whole record as the
    # hub holds it at that version (docs/protocol-extensions.md, "A device's own changes").
    assert again.pop("fields") == before["fields"]
    assert again == {"mutation_id": m["mutation_id"], "status": "duplicate",
                     "version": first["version"]}
    after = rep.pull_all()[0][("lead", lead_id)]
    assert after == before


def test_replaying_a_mutation_id_with_another_body_is_rejected(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    lead_id = new_id()
    m = mutation("lead", lead_id, lead_fields())
    assert rep.push(m)[0]["status"] == "applied"
    changed = {**m, "fields": {**m["fields"], "notes": "sneaky"}}
    answer = rep.push(changed)[0]
    assert answer["status"] == "rejected"
    assert "different body" in answer["problem"]["detail"]
    assert rep.visible("lead")[("lead", lead_id)]["fields"]["notes"] is None


def test_a_duplicate_within_one_push_gets_the_first_version(people: dict[str, SyncClient]) -> None:
    m = mutation("lead", new_id(), lead_fields())
    first, second = people["rep"].push(m, m)
    assert first["status"] == "applied"
    assert second == {"mutation_id": m["mutation_id"], "status": "duplicate",
                      "version": first["version"]}


def test_fields_changed_by_different_devices_merge_silently(people: dict[str, SyncClient]) -> None:
    marketer = people["marketer"]
    other_device = SyncClient(marketer.hub, marketer.http, marketer.user)
    event_id = new_id()
    created = marketer.push_one("event", event_id, {"name": "Expo", "venue": "Hall 1"})
    base = created["version"]
    a = marketer.push_one("event", event_id, {"venue": "Hall 2"}, base=base)
    b = other_device.push_one("event", event_id, {"campaign_code": "EX26"}, base=base)
    assert a["status"] == "applied" and b["status"] == "applied"
    fields = marketer.visible("event")[("event", event_id)]["fields"]
    assert fields["venue"] == "Hall 2" and fields["campaign_code"] == "EX26"


def test_a_field_changed_on_both_sides_takes_the_last_value_and_reports_a_conflict(
    people: dict[str, SyncClient],
) -> None:
    marketer = people["marketer"]
    tablet = SyncClient(marketer.hub, marketer.http, marketer.user)
    event_id = new_id()
    base = marketer.push_one("event", event_id, {"name": "Expo", "venue": "Hall 1"})["version"]
    assert marketer.push_one("event", event_id, {"venue": "Hall 2"}, base=base)["status"] == "applied"
    late = tablet.push_one("event", event_id, {"venue": "Hall 9"}, base=base)
    assert late["status"] == "conflict"
    assert late["conflicts"] == [{"field": "venue", "yours": "Hall 9", "theirs": "Hall 2"}]
    visible = marketer.visible()
    assert visible[("event", event_id)]["fields"]["venue"] == "Hall 9"
    conflicts = [c for (kind, _), c in visible.items() if kind == "conflict"]
    assert len(conflicts) == 1
    kept = conflicts[0]["fields"]
    assert (kept["kind"], kept["record_id"], kept["field"]) == ("event", event_id, "venue")
    assert (kept["yours"], kept["theirs"], kept["resolved"]) == ("Hall 9", "Hall 2", False)


def test_a_conflict_is_seen_by_everyone_involved_and_resolved_by_an_upsert(
    people: dict[str, SyncClient],
) -> None:
    rep, marketer = people["rep"], people["marketer"]
    request_id = new_id()
    base = rep.push_one("collateral_request", request_id, {"title": "Deck", "status": "open"})["version"]
    marketer.push_one("collateral_request", request_id, {"status": "accepted"}, base=base)
    # The rep never saw "accepted" and sets a status only marketers may set: rejected, and
    # nothing changes. A second marketer device editing the same field conflicts instead.
    tablet = SyncClient(marketer.hub, marketer.http, marketer.user)
    answer = tablet.push_one("collateral_request", request_id, {"status": "declined"}, base=base)
    assert answer["status"] == "conflict"
    conflict_ids = [rid for (kind, rid) in marketer.visible("conflict")]
    assert len(conflict_ids) == 1
    resolved = marketer.push_one("conflict", conflict_ids[0], {"resolved": True})
    assert resolved["status"] == "applied"
    assert marketer.visible("conflict")[("conflict", conflict_ids[0])]["fields"]["resolved"] is True
    assert rep.visible("conflict") == {}
    # Only `resolved` can be changed, and only by the people involved.
    bad = marketer.push_one("conflict", conflict_ids[0], {"field": "title"})
    assert bad["status"] == "rejected"
    stranger = people["rep2"].push_one("conflict", conflict_ids[0], {"resolved": False})
    assert stranger["status"] == "rejected"


def test_conflicts_between_two_users_are_kept_for_both(people: dict[str, SyncClient]) -> None:
    hub = people["marketer"].hub
    other = hub.add_user("marketer2@test.fieldnote", "Other", "marketer")
    second = SyncClient(hub, hub.client(other["email"]), other)
    first = people["marketer"]
    event_id = new_id()
    base = first.push_one("event", event_id, {"name": "Expo"})["version"]
    first.push_one("event", event_id, {"venue": "A"}, base=base)
    assert second.push_one("event", event_id, {"venue": "B"}, base=base)["status"] == "conflict"
    for person in (first, second):
        conflicts = person.visible("conflict")
        assert len(conflicts) == 1
        assert sorted(next(iter(conflicts.values()))["fields"]["users"]) == sorted(
            [first.id, second.id])


def test_a_rejected_mutation_does_not_block_the_rest_of_the_batch(
    people: dict[str, SyncClient],
) -> None:
    rep = people["rep"]
    good1, good2 = new_id(), new_id()
    results = rep.push(
        mutation("lead", good1, lead_fields()),
        mutation("lead", new_id(), {"first_name": "No contact", "captured_at": "2026-11-24T10:00:00Z"}),
        mutation("collateral", new_id(), {"title": "Not mine to publish"}),
        mutation("lead", new_id(), lead_fields(email="not an email")),
        mutation("lead", good2, lead_fields(last_name="Costa")),
    )
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected", "rejected", "applied"]
    assert results[2]["problem"]["status"] == 403
    assert results[3]["problem"]["errors"][0]["field"] == "email"
    assert {rid for (_k, rid) in rep.visible("lead")} == {good1, good2}


def test_server_set_fields_come_from_the_token_not_the_client(people: dict[str, SyncClient]) -> None:
    rep, rep2 = people["rep"], people["rep2"]
    lead_id = new_id()
    rep.push_one("lead", lead_id, lead_fields(owner_id=rep2.id, captured_by=rep2.id))
    fields = rep.visible("lead")[("lead", lead_id)]["fields"]
    assert fields["owner_id"] == rep.id and fields["captured_by"] == rep.id
    assert rep2.visible("lead") == {}


def test_nobody_changes_another_users_record(people: dict[str, SyncClient]) -> None:
    rep, rep2 = people["rep"], people["rep2"]
    lead_id = new_id()
    version = rep.push_one("lead", lead_id, lead_fields())["version"]
    answer = rep2.push_one("lead", lead_id, {"notes": "mine now"}, base=version)
    assert answer["status"] == "rejected" and answer["problem"]["status"] == 403
    assert rep2.push_one("lead", lead_id, op="delete", base=version)["status"] == "rejected"
    assert rep.visible("lead")[("lead", lead_id)]["fields"]["notes"] is None


def test_append_only_kinds_cannot_be_edited(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    lead_id, outcome_id = new_id(), new_id()
    rep.push_one("lead", lead_id, lead_fields())
    first = rep.push_one("lead_outcome", outcome_id, {"lead_id": lead_id, "status": "contacted"})
    assert first["status"] == "applied"
    edit = rep.push_one("lead_outcome", outcome_id, {"status": "won"}, base=first["version"])
    assert edit["status"] == "rejected"


def test_versions_increase_with_every_change(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    versions = [rep.push_one("lead", new_id(), lead_fields())["version"] for _ in range(3)]
    assert versions == sorted(versions) and len(set(versions)) == 3


def test_the_digest_matches_the_pulled_state(people: dict[str, SyncClient]) -> None:
    rep, marketer = people["rep"], people["marketer"]
    rep.push_one("lead", new_id(), lead_fields())
    marketer.push_one("event", new_id(), {"name": "Expo"})
    for person in (rep, marketer):
        visible = person.visible()
        value = 0
        for (kind, rid), change in visible.items():
            value ^= record_hash(kind, rid, change["version"])
        assert person.digest() == {"count": len(visible), "hash": f"{value:016x}"}


def test_a_mutation_the_database_refuses_is_rejected_and_the_rest_apply(
    people: dict[str, SyncClient],
) -> None:
    rep = people["rep"]
    hub = rep.hub
    # A real database-level refusal that validation cannot foresee.
    if hub.engine.dialect.name == "sqlite":
        ddl = ["CREATE TRIGGER poison BEFORE INSERT ON rec_lead WHEN NEW.company = 'poison' "
               "BEGIN SELECT RAISE(ABORT, 'poisoned'); END"]
    else:
        ddl = ["CREATE FUNCTION poison() RETURNS trigger AS $$ BEGIN "
               "IF NEW.company = 'poison' THEN RAISE EXCEPTION 'poisoned'; END IF; "
               "RETURN NEW; END $$ LANGUAGE plpgsql",
               "CREATE TRIGGER poison BEFORE INSERT ON rec_lead FOR EACH ROW "
               "EXECUTE FUNCTION poison()"]
    with hub.engine.begin() as conn:
        for statement in ddl:
            conn.exec_driver_sql(statement)
    good1, bad, good2 = new_id(), new_id(), new_id()
    results = rep.push(mutation("lead", good1, lead_fields()),
                       mutation("lead", bad, lead_fields(company="poison")),
                       mutation("lead", good2, lead_fields()))
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[0]["version"] < results[2]["version"]
    assert {rid for (_k, rid) in rep.visible("lead")} == {good1, good2}
    # The applied ones are remembered, the refused one is not.
    again = rep.push(mutation("lead", good1, lead_fields(), mutation_id=results[0]["mutation_id"]))
    assert again[0]["status"] == "duplicate"


def test_replays_of_mutations_stored_with_the_first_body_hash_are_still_recognised(
    people: dict[str, SyncClient],
) -> None:
    """Mutations applied before the hash changed form keep answering `duplicate` on replay,
    and a reused id is still caught; bodies orjson cannot encode, or encodes unlike the
    standard library (1e-05), replay as duplicates in the current form too."""
    from sqlalchemy import text

    from fieldnote.wire import Mutation
    from hub.push import legacy_body_hash

    rep = people["rep"]
    odd = {"answers": {"big": 2**70 + 1, "small": 1e-05, "text": "naïve ✓"}}
    m = mutation("lead", new_id(), lead_fields(**odd))
    n = mutation("lead", new_id(), lead_fields())
    first_m, first_n = rep.push(m, n)
    assert first_m["status"] == first_n["status"] == "applied"
    assert _bare(rep.push(m)[0]) == {**_bare(first_m), "status": "duplicate"}
    # Stored and answered exactly (a float could not equal 2**70 + 1).
    assert rep.visible("lead")[("lead", m["record_id"])]["fields"]["answers"] == odd["answers"]
    # What a hub of the first form stored for `n`.
    with rep.hub.engine.begin() as conn:
        conn.execute(text("UPDATE hub_mutation SET body_hash = :h WHERE mutation_id = :m"),
                     {"h": legacy_body_hash(Mutation.model_validate(n)),
                      "m": n["mutation_id"]})
    assert _bare(rep.push(n)[0]) == {**_bare(first_n), "status": "duplicate"}
    changed = {**n, "fields": {**n["fields"], "notes": "sneaky"}}
    answer = rep.push(changed)[0]
    assert answer["status"] == "rejected"
    assert "different body" in answer["problem"]["detail"]


def _bare(answer: dict[str, object]) -> dict[str, object]:
    """A push answer without the fields it settles the device with."""
    return {k: v for k, v in answer.items() if k != "fields"}
