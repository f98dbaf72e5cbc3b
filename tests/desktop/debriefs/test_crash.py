"""A draft survives the app being killed: a real process types a debrief and is SIGKILLed."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store import open_store
from desktop.store.db import DB_FILE
from desktop.store.debriefs import DebriefFilter, DebriefStore
from tests.support.typing_kill import type_then_kill

pytestmark = pytest.mark.slow


def _type_then_kill(tmp_path: Path, account: str, notes: str, condition_sql: str) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    # The real debounce, shortened from 2 s so the test waits less.
    (data / "settings.json").write_text('{"version": 1, "values": {"debrief_autosave_ms": 300}}')
    type_then_kill("tests.desktop.debriefs.drive_form", data, [account, notes], condition_sql)
    return data


def test_a_draft_typed_before_a_kill_is_there_after_restart(tmp_path):
    data = _type_then_kill(
        tmp_path, "Acme Freight", "They want a pilot",
        "SELECT id FROM rec_debrief WHERE notes = 'They want a pilot' AND status = 'draft'")
    store = open_store(data / DB_FILE)
    try:
        debriefs = DebriefStore(store)
        [rid] = debriefs.ids(DebriefFilter(scope="mine"))
        values = debriefs.form_values(rid)
        assert (values["account"], values["notes"], values["status"]) == (
            "Acme Freight", "They want a pilot", "draft")
        assert store.outbox_counts()["pending"] == 1  # still queued for the hub
    finally:
        store.engine.dispose()


def test_a_draft_without_an_account_survives_a_kill_too(tmp_path):
    data = _type_then_kill(
        tmp_path, "", "call went well, fill in later",
        "SELECT record_id FROM local_marks WHERE mark = 'unsaved_form' "
        "AND json_extract(value, '$.notes') = 'call went well, fill in later'")
    store = open_store(data / DB_FILE)
    try:
        [(rid, values)] = DebriefStore(store).unsaved_forms()
        assert values["notes"] == "call went well, fill in later"
    finally:
        store.engine.dispose()
