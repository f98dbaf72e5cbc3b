"""The store side of sync on a real SQLite file: batches, answers, pulled pages, resync."""

import json

import pytest

from desktop.store import open_store
from desktop.store.syncing import SyncStore
from fieldnote.ids import new_id
from fieldnote.wire import (
    PARK_AFTER_SERVER_ERRORS,
    Change,
    MutationResult,
    format_digest,
    record_hash,
)

LEAD = {"last_name": "Silva", "email": "ana@example.com", "captured_at": "2026-11-24T10:15:00Z"}


@pytest.fixture
def sync(tmp_path):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    yield SyncStore(store)
    store.engine.dispose()


def answer(entry, status="applied", version=7, **kw):
    return MutationResult(mutation_id=entry.mutation_id, status=status, version=version, **kw)


def test_a_batch_is_taken_in_order_and_marked_sent(sync):
    ids = [sync.store.save("lead", {**LEAD, "last_name": f"N{i}"}).record_id for i in range(5)]
    batch = sync.take_batch(3)
    assert [e.record_id for e in batch] == ids[:3]
    sent = [e["sent"] for e in sync.store.outbox_entries()]
    assert sent == [True, True, True, False, False]


def test_a_batch_taken_while_another_is_unanswered_skips_it_and_stops_at_its_records(sync):
    ids = [sync.store.save("lead", {**LEAD, "last_name": f"N{i}"}).record_id for i in range(3)]
    first = sync.take_batch(2)
    sync.store.save("lead", {"notes": "edited while in flight"}, ids[0])
    later = sync.store.save("lead", {**LEAD, "last_name": "Later"}).record_id
    ahead = sync.take_batch(after_seq=first[-1].seq,
                            in_flight={(e.kind, e.record_id) for e in first})
    # The third lead goes ahead; the edit of the first waits for the first batch's answer.
    assert [e.record_id for e in ahead] == [ids[2]]
    assert json.loads(ahead[0].body) == ahead[0].mutation()
    sync.record_answers(first, [answer(e, version=5) for e in first])
    sync.record_answers(ahead, [answer(e, version=5) for e in ahead])
    rest = sync.take_batch()
    assert [(e.record_id, e.base_version) for e in rest] == [(ids[0], 5), (later, 0)]


def test_answers_and_the_next_batch_commit_together_with_the_later_edit_rebased(sync):
    ids = [sync.store.save("lead", {**LEAD, "last_name": f"N{i}"}).record_id for i in range(3)]
    first = sync.take_batch(1)
    second = sync.take_batch(1, after_seq=first[-1].seq,
                             in_flight={(e.kind, e.record_id) for e in first})
    sync.store.save("lead", {"notes": "edited while in flight"}, ids[0])
    tally, third = sync.answer_and_take(
        first, [answer(first[0], version=4)], after_seq=second[-1].seq,
        in_flight={(e.kind, e.record_id) for e in second})
    assert tally.applied == 1
    # The first lead's later edit goes in the same batch as the third lead, rebased onto 4.
    assert [(e.record_id, e.base_version) for e in third] == [(ids[2], 0), (ids[0], 4)]
    assert sync.store.get("lead", ids[0])["rev"] == 4
    sent = {e["record_id"]: e["sent"] for e in sync.store.outbox_entries()}
    assert sent == {ids[0]: True, ids[1]: True, ids[2]: True}


def test_a_batch_stops_before_a_second_entry_of_the_same_record(sync):
    rid = sync.store.save("lead", LEAD).record_id
    first = sync.take_batch()
    sync.store.save("lead", {"notes": "edited while in flight"}, rid)
    other = sync.store.save("lead", {**LEAD, "last_name": "Other"}).record_id
    again = sync.take_batch()
    # The in-flight entry is resent alone; the edit waits for its answer.
    assert [e.mutation_id for e in again] == [first[0].mutation_id]
    sync.record_answers(again, [answer(again[0], version=11)])
    rest = sync.take_batch()
    assert [e.record_id for e in rest] == [rid, other]
    assert rest[0].base_version == 11  # rebased onto the version our own first change got


def test_an_answer_only_raises_the_record_version(sync):
    rid = sync.store.save("lead", LEAD).record_id
    batch = sync.take_batch()
    sync.apply_page([Change(kind="lead", record_id=rid, version=20, fields=LEAD)], "c1")
    sync.record_answers(batch, [answer(batch[0], "duplicate", version=9)])
    assert sync.store.get("lead", rid)["rev"] == 20
    assert sync.store.outbox_entries() == []


def test_a_rejected_change_is_kept_and_needs_attention(sync):
    rid = sync.store.save("lead", LEAD).record_id
    batch = sync.take_batch()
    sync.record_answers(batch, [MutationResult(
        mutation_id=batch[0].mutation_id, status="rejected",
        problem={"title": "Invalid email", "errors": [{"field": "email", "message": "bad"}]})])
    assert sync.counts() == (0, 1)
    [item] = sync.attention_items()
    assert (item.record_id, item.title, item.errors) == (rid, "Invalid email", (("email", "bad"),))
    assert sync.store.get("lead", rid)["last_name"] == "Silva"


def test_fix_and_resend_uses_a_new_mutation_id(sync):
    rid = sync.store.save("lead", LEAD).record_id
    batch = sync.take_batch()
    sync.record_answers(batch, [MutationResult(mutation_id=batch[0].mutation_id,
                                                status="rejected", problem={"title": "No"})])
    [item] = sync.attention_items()
    sync.resend(item.seq, {"email": "fixed@example.com"})
    [again] = sync.take_batch()
    assert again.mutation_id != batch[0].mutation_id
    assert again.fields["email"] == "fixed@example.com"
    assert sync.store.get("lead", rid)["email"] == "fixed@example.com"
    assert sync.counts() == (1, 0)


def test_discarding_a_never_synced_record_removes_it(sync):
    rid = sync.store.save("lead", LEAD).record_id
    batch = sync.take_batch()
    sync.record_answers(batch, [MutationResult(mutation_id=batch[0].mutation_id,
                                                status="rejected", problem={"title": "No"})])
    sync.discard(sync.attention_items()[0].seq)
    assert sync.store.get("lead", rid, include_deleted=True) is None
    assert sync.counts() == (0, 0)
    assert not sync.resync_requested()


def test_discarding_an_edit_asks_the_hub_for_its_state_again(sync):
    rid = new_id()
    sync.apply_page([Change(kind="lead", record_id=rid, version=3, fields=LEAD)], "c1")
    sync.store.save("lead", {"email": "not-an-email-on-hub@example.com"}, rid)
    batch = sync.take_batch()
    sync.record_answers(batch, [MutationResult(mutation_id=batch[0].mutation_id,
                                                status="rejected", problem={"title": "No"})])
    sync.discard(sync.attention_items()[0].seq)
    assert sync.resync_requested()


def test_server_errors_park_a_change_after_the_limit(sync):
    sync.store.save("lead", LEAD)
    for _ in range(PARK_AFTER_SERVER_ERRORS - 1):
        assert sync.record_server_error(sync.take_batch(), "HTTP 500") == 0
    assert sync.record_server_error(sync.take_batch(), "HTTP 500") == 1
    assert sync.counts() == (0, 1)
    assert sync.attention_items()[0].parked


def test_a_pulled_page_keeps_fields_with_pending_edits(sync):
    rid = new_id()
    sync.apply_page([Change(kind="lead", record_id=rid, version=3, fields=LEAD)], "c1")
    sync.store.save("lead", {"notes": "mine"}, rid)
    theirs = {**LEAD, "notes": "theirs", "company": "Acme", "brand_new_field": 1}
    sync.apply_page([Change(kind="lead", record_id=rid, version=5, fields=theirs)], "c2")
    row = sync.store.get("lead", rid)
    assert (row["notes"], row["company"], row["rev"]) == ("mine", "Acme", 5)
    assert row["extra"] == {"brand_new_field": 1}
    assert sync.cursor() == "c2"


def test_an_older_state_never_overwrites_a_newer_one(sync):
    rid = new_id()
    sync.apply_page([Change(kind="lead", record_id=rid, version=8, fields=LEAD)], "c1")
    sync.apply_page([Change(kind="lead", record_id=rid, version=4,
                            fields={**LEAD, "notes": "old"})], "c2")
    assert sync.store.get("lead", rid)["notes"] is None


def test_a_record_pulled_again_at_the_version_held_is_written_only_if_it_differs(sync):
    rid = new_id()
    fields = {**LEAD, "answers": {"budget": True}, "qualified": True, "score": 40}
    sync.apply_page([Change(kind="lead", record_id=rid, version=3, fields=fields)], "c1")
    written = sync.store.get("lead", rid)["local_updated_at"]
    # The same state again (a device's own push echoed back): nothing to write.
    tally = sync.apply_page([Change(kind="lead", record_id=rid, version=3, fields=dict(fields))], "c2")
    assert (tally.unchanged, tally.applied, dict(tally.changed)) == (1, 0, {})
    assert sync.store.get("lead", rid)["local_updated_at"] == written
    assert sync.cursor() == "c2"
    # The same version with other values (the hub kept its own state in a conflict): written.
    tally = sync.apply_page([Change(kind="lead", record_id=rid, version=3,
                                    fields={**fields, "answers": {"budget": False}})], "c3")
    assert (tally.unchanged, tally.applied) == (0, 1)
    assert sync.store.get("lead", rid)["answers"] == {"budget": False}
    # A field the app does not know yet is a difference too.
    tally = sync.apply_page([Change(kind="lead", record_id=rid, version=3,
                                    fields={**fields, "answers": {"budget": False}, "new_one": 1})], "c4")
    assert tally.applied == 1 and sync.store.get("lead", rid)["extra"] == {"new_one": 1}


def test_tombstones_delete_and_unknown_kinds_are_kept(sync):
    rid, other = new_id(), new_id()
    sync.apply_page([Change(kind="lead", record_id=rid, version=2, fields=LEAD),
                     Change(kind="hologram", record_id=other, version=3, fields={"x": 1})], "c1")
    count, value = sync.local_digest()
    assert (count, value) == (2, format_digest(record_hash("lead", rid, 2)
                                               ^ record_hash("hologram", other, 3)))
    sync.apply_page([Change(kind="lead", record_id=rid, version=4, deleted=True)], "c2")
    assert sync.store.get("lead", rid) is None
    assert sync.local_digest()[0] == 1


def test_a_full_resync_removes_what_the_hub_no_longer_sends_but_keeps_queued_work(sync):
    kept, gone = new_id(), new_id()
    sync.apply_page([Change(kind="lead", record_id=kept, version=2, fields=LEAD),
                     Change(kind="lead", record_id=gone, version=3, fields=LEAD)], "c1")
    mine = sync.store.save("lead", {**LEAD, "last_name": "Mine"}).record_id
    sync.begin_full_resync()
    assert sync.cursor() == ""
    sync.apply_page([Change(kind="lead", record_id=kept, version=2, fields=LEAD)], "c9")
    assert sync.finish_full_resync() == 1
    assert sync.store.get("lead", gone) is None
    assert sync.store.get("lead", kept) is not None
    assert sync.store.get("lead", mine) is not None
    assert sync.counts() == (1, 0)


def test_an_erased_lead_takes_its_person_out_of_waiting_outcome_debrief_and_comment_changes(
    sync,
):
    """Changes made around the lead, still waiting when its stub arrives: the outcome keeps
    its status without the note, the debrief and the comment that name her are dropped and
    shown as erased, and the rows this device holds (a draft too) lose her names."""
    from sqlalchemy import select

    from desktop.store.schema import outbox
    from desktop.store.syncing import ERASED_PROBLEM_TYPE
    from fieldnote import privacy

    rid = sync.store.save("lead", {**LEAD, "first_name": "Ana", "phone": "+351 21 555 0142"}
                          ).record_id
    outcome = sync.store.save("lead_outcome", {"lead_id": rid, "status": "meeting",
                                               "at": "2026-11-30T10:00:00Z",
                                               "note": "Ana Silva booked a demo"}).record_id
    debrief = sync.store.save("debrief", {"account": "Acme", "lead_id": rid,
                                          "call_date": "2026-11-29", "status": "submitted",
                                          "contacts": "Ana Silva",
                                          "notes": "call ana@example.com or +351 21 555 0142",
                                          "objections": ["price"]}).record_id
    comment = sync.store.save("debrief_comment", {"debrief_id": debrief,
                                                  "body": "Silva again?"}).record_id
    draft = sync.store.save("debrief", {"account": "Acme", "lead_id": rid, "status": "draft",
                                        "call_date": "2026-11-30",
                                        "notes": "Ana Silva's second call"}).record_id
    other = sync.store.save("lead_outcome", {"lead_id": sync.store.save("lead", {
        **LEAD, "last_name": "Kowalski", "email": "jan@example.com"}).record_id,
        "status": "meeting", "at": "2026-11-30T10:00:00Z", "note": "Jan is keen"}).record_id
    send = sync.store.save("collateral_send", {"lead_id": rid, "collateral_ids": [new_id()],
                                               "message": "Dear Ana, the brochure",
                                               "requested_at": "2026-11-30T10:00:00Z"}
                           ).record_id
    stub = privacy.lead_stub({**LEAD, "event_id": None}, "2026-12-07T10:00:00Z")
    tally = sync.apply_page([Change(kind="lead", record_id=rid, version=9, fields=stub)], "c1")
    assert tally.erased == 1

    with sync.store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(outbox)).mappings()]
    entries = {(e["kind"], e["record_id"]): e for e in rows}
    assert entries[("lead_outcome", outcome)]["fields"] == {
        "lead_id": rid, "status": "meeting", "at": "2026-11-30T10:00:00Z"}
    for kind, record in (("debrief", debrief), ("debrief_comment", comment), ("lead", rid),
                         ("collateral_send", send)):
        entry = entries[(kind, record)]
        assert entry["fields"] == {} and entry["state"] == "attention"
        assert entry["problem"]["type"] == ERASED_PROBLEM_TYPE
    assert entries[("lead_outcome", other)]["fields"]["note"] == "Jan is keen"
    held = json.dumps([sync.store.get(k, i) for k, i in (
        ("lead", rid), ("lead_outcome", outcome), ("debrief", debrief),
        ("debrief_comment", comment), ("debrief", draft), ("collateral_send", send))],
        default=str)
    for trace in ("Ana", "Silva", "ana@example.com", "555 0142"):
        assert trace not in held and trace not in json.dumps(rows, default=str), trace
    assert sync.store.get("debrief", debrief)["objections"] == ["price"]
    assert sync.store.get("debrief", draft)["notes"] == "[erased]'s second call"
    assert sync.store.get("lead_outcome", outcome)["status"] == "meeting"
    assert sync.store.get("lead_outcome", other)["note"] == "Jan is keen"
