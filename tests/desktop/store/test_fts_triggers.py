"""The search index follows a record's searchable text, and only that (migration 0006)."""

import sqlite3

import pytest

from desktop.datafile import DB_FILE
from desktop.store import open_store


@pytest.fixture
def db(tmp_path):
    store = open_store(tmp_path / DB_FILE)
    saved = store.save("lead", {"first_name": "Ada", "last_name": "Okafor", "company": "Zenith",
                                "captured_at": "2026-11-24T10:00:00Z"})
    store.engine.dispose()
    conn = sqlite3.connect(tmp_path / DB_FILE, isolation_level=None)
    yield conn, saved.record_id
    conn.close()


def _hits(conn, word):
    return conn.execute("SELECT count(*) FROM fts_lead WHERE fts_lead MATCH ?", (word,)).fetchone()[0]


def test_an_update_of_bookkeeping_columns_does_not_touch_the_index(db):
    conn, lead_id = db
    before = conn.total_changes
    conn.execute("UPDATE rec_lead SET rev = rev + 1, local_updated_at = 'x' WHERE id = ?", (lead_id,))
    assert conn.total_changes - before == 1  # the row alone: no delete and re-insert of its text
    assert _hits(conn, "okafor") == 1


def test_an_update_of_searchable_text_reindexes_the_record(db):
    conn, lead_id = db
    conn.execute("UPDATE rec_lead SET last_name = 'Lindqvist', rev = rev + 1 WHERE id = ?", (lead_id,))
    assert _hits(conn, "okafor") == 0
    assert _hits(conn, "lindqvist") == 1
    assert _hits(conn, "zenith") == 1
    conn.execute("DELETE FROM rec_lead WHERE id = ?", (lead_id,))
    assert _hits(conn, "lindqvist") == 0


def test_a_pulled_page_is_indexed_new_and_changed_records_alike(tmp_path):
    """A pulled page is upserted by one statement (the index is written once per page, not
    once per record); the index must still hold exactly the new text of every record."""
    from desktop.store.syncing import SyncStore
    from fieldnote.wire import Change

    store = open_store(tmp_path / DB_FILE)
    local = store.save("lead", {"first_name": "Ada", "last_name": "Okafor",
                                "captured_at": "2026-11-24T10:00:00Z"}).record_id
    sync = SyncStore(store)
    ids = [f"019b76da-a800-7000-8000-{n:012d}" for n in range(1, 41)]
    sync.apply_page([Change(kind="lead", record_id=rid, version=1,
                            fields={"last_name": f"Pulled{n}", "company": "Northwind",
                                    "notes": "met at the booth"})
                     for n, rid in enumerate(ids)], "c1")
    # The hub changes half of them (new names), tombstones one, and adds one more.
    sync.apply_page([Change(kind="lead", record_id=rid, version=2,
                            fields={"last_name": f"Renamed{n}", "company": "Northwind"})
                     for n, rid in enumerate(ids[:20])]
                    + [Change(kind="lead", record_id=ids[30], version=2, deleted=True),
                       Change(kind="lead", record_id="019b76da-a800-7000-8000-000000000099",
                              version=1, fields={"last_name": "Latecomer"})], "c2")
    store.engine.dispose()
    conn = sqlite3.connect(tmp_path / DB_FILE, isolation_level=None)
    try:
        assert _hits(conn, "northwind") == 40
        assert _hits(conn, "renamed5") == 1 and _hits(conn, "pulled5") == 0
        assert _hits(conn, "pulled25") == 1
        assert _hits(conn, "latecomer") == 1
        assert _hits(conn, "okafor") == 1
        assert conn.execute("SELECT last_name FROM rec_lead WHERE id = ?", (local,)).fetchone() == ("Okafor",)
        # The index agrees with the table, row for row.
        conn.execute("INSERT INTO fts_lead(fts_lead, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()
