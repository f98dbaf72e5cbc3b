"""kill -9 of real capture and `fieldnote sync` processes at random moments: afterwards
nothing is lost and nothing is duplicated (`bench/kill_tally.py` runs a hundred trials)."""

from __future__ import annotations

import os
import random

import pytest

from desktop.store import open_store
from desktop.store.db import DB_FILE
from desktop.sync.session import sign_in
from tests.support.kill_trial import run_trial
from tests.support.live_hub import start_live_hub

TRIALS = 10


@pytest.fixture
def signed_in_device(tmp_path):
    os.environ.setdefault("FIELDNOTE_NO_KEYCHAIN", "1")
    hub = start_live_hub(tmp_path / "hub")
    user = hub.add_user("rep@example.com", "Rita Rep", "rep", team="north")
    data_dir = tmp_path / "device"
    data_dir.mkdir()
    store = open_store(data_dir / DB_FILE)
    sign_in(data_dir, store, hub.url, user["email"], user["password"])
    store.engine.dispose()
    yield data_dir, hub
    hub.stop()


def test_kill_9_during_capture_and_sync_loses_and_duplicates_nothing(signed_in_device):
    data_dir, hub = signed_in_device
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    results = [run_trial(data_dir, hub, f"T{i}", rng) for i in range(TRIALS)]
    assert all(r.acknowledged for r in results)
    assert any(r.sync_killed for r in results), "no sync was killed mid-run"
    for i, r in enumerate(results):
        assert r.clean, (i, r)
        assert r.on_hub >= r.acknowledged
