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
