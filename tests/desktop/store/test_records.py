import pytest
from sqlalchemy import event, text

from desktop.store import open_store
from desktop.store.db import StoreError
from fieldnote.ids import new_id
from fieldnote.validation import ValidationFailed

SAMPLES = {
    "lead": {"last_name": "Silva", "email": "ana@example.com", "captured_at": "2026-11-24T10:15:00Z",
             "answers": {"budget": "yes"}, "interests": ["Pipeline"]},
    "lead_outcome": {"lead_id": new_id(), "status": "won", "amount": 12000.5},
    "event": {"name": "DataWorld 2026", "starts_on": "2026-11-02"},
    "rubric": {"name": "Booth", "version": 1, "questions": [{"id": "q"}], "thresholds": {"hot": 5}},
    "collateral": {"title": "Sell sheet", "tags": ["x"], "status": "draft", "version": 1},
    "collateral_feedback": {"collateral_id": new_id(), "rating": 4, "comment": "good"},
    "collateral_usage": {"collateral_id": new_id(), "action": "opened"},
    "collateral_request": {"title": "Need a deck", "needed_by": "2026-12-01"},
    "debrief": {"account": "Acme", "call_date": "2026-11-20", "objections": ["Price"]},
    "debrief_comment": {"debrief_id": new_id(), "body": "Thanks!"},
    "reason_list": {"list": "why_buy", "items": ["Speed"]},
}


@pytest.fixture
def store(tmp_path):
    return open_store(tmp_path / "fieldnote.sqlite3")


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_every_kind_round_trips_through_the_store_with_an_outbox_entry(store, kind):
    result = store.save(kind, SAMPLES[kind])
    row = store.get(kind, result.record_id)
    for key, value in SAMPLES[kind].items():
        assert row[key] == value
    entries = store.outbox_entries()
    assert [(e["kind"], e["record_id"], e["op"], e["base_version"]) for e in entries] == [
        (kind, result.record_id, "upsert", 0)
    ]
    assert entries[0]["fields"] == SAMPLES[kind]


def test_unsent_edits_fold_into_one_outbox_entry(store):
    rid = store.save("lead", SAMPLES["lead"]).record_id
    store.save("lead", {"company": "Acme"}, rid)
    store.save("lead", {"company": "Acme GmbH"}, rid)
    (entry,) = store.outbox_entries()
    assert entry["fields"]["company"] == "Acme GmbH"
    assert entry["fields"]["last_name"] == "Silva"


def test_an_edit_after_sending_gets_its_own_entry(store):
    rid = store.save("lead", SAMPLES["lead"]).record_id
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE outbox SET sent = 1"))
    store.save("lead", {"company": "Acme"}, rid)
    entries = store.outbox_entries()
    assert len(entries) == 2
    assert entries[1]["fields"] == {"company": "Acme"}


def test_a_failure_between_record_and_outbox_write_leaves_neither(store):
    def explode(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT INTO OUTBOX"):
            raise RuntimeError("disk full")

    event.listen(store.engine, "before_cursor_execute", explode)
    with pytest.raises(RuntimeError):
        store.save("lead", SAMPLES["lead"])
    event.remove(store.engine, "before_cursor_execute", explode)
    assert store.count("lead") == 0
    assert store.outbox_entries() == []


def test_invalid_fields_are_refused_with_the_field_named(store):
    with pytest.raises(ValidationFailed) as err:
        store.save("lead", {"company": "Acme", "captured_at": "2026-11-24T10:15:00Z"})
    assert err.value.errors[0].field == "email"
    assert store.count("lead") == 0


def test_delete_tombstones_and_queues(store):
    rid = store.save("event", SAMPLES["event"]).record_id
    assert store.delete("event", rid)
    assert store.get("event", rid) is None
    assert store.get("event", rid, include_deleted=True)["deleted"]
    assert [e["op"] for e in store.outbox_entries()] == ["upsert", "delete"]


def test_listeners_hear_about_commits(store):
    heard = []
    store.add_listener(lambda kind, ids: heard.append((kind, list(ids))))
    rid = store.save("event", SAMPLES["event"]).record_id
    assert heard == [("event", [rid])]


def test_full_text_search_finds_leads_by_accent_free_words(store):
    store.save("lead", {**SAMPLES["lead"], "company": "Café Müller"})
    with store.engine.connect() as conn:
        hits = conn.execute(text("SELECT count(*) FROM fts_lead WHERE fts_lead MATCH 'muller'")).scalar()
    assert hits == 1


def test_the_store_runs_in_wal_mode_with_full_sync(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "fieldnote.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a Fieldnote database"):
        open_store(path)
    assert path.read_bytes() == before


def test_reads_on_the_writer_engine_take_no_write_lock(store):
    """A read beside a save (the capture form's look-ups, the parallel lane's) neither waits
    for the writer nor makes the writer's next save wait for it."""
    from desktop.store.db import reading
    from desktop.store.followups import FollowUpBook
    from desktop.store.queries import RecordQueries

    lead_id = store.save("lead", SAMPLES["lead"]).record_id
    store.set_state("cursor", "abc")
    with store.engine.connect() as writer:
        writer.exec_driver_sql("PRAGMA busy_timeout=0")  # a writer that had to wait would fail
        writer.commit()
        with writer.begin():  # holds the write lock while the reads below run
            writer.execute(text("UPDATE sync_state SET value = '\"def\"' WHERE key = 'cursor'"))
            assert store.get("lead", lead_id)["last_name"] == "Silva"
            assert store.get_state("cursor") == "abc"  # what was committed
            assert store.count("lead") == 1
            assert store.outbox_counts()["pending"] == 1
            assert RecordQueries(store.engine).ids("lead", search="silva") == [lead_id]
            assert FollowUpBook(store).hot_waiting("01930000-0000-7000-8000-0000000000a1") == []
        # A read left open on the writer engine does not keep the next save from its lock.
        with reading(store.engine) as held:
            assert held.execute(text("SELECT count(*) FROM rec_lead")).scalar() == 1
            with writer.begin():
                writer.execute(text("DELETE FROM sync_state WHERE key = 'cursor'"))
    assert store.get_state("cursor") is None
