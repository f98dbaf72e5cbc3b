"""Devices (data dirs signed in to a live hub on loopback) for the sync tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.store import Store, open_store
from desktop.store.db import DB_FILE
from desktop.store.syncing import SyncStore
from desktop.sync.engine import SyncEngine
from desktop.sync.session import Timeouts, build_engine, sign_in
from tests.support.live_hub import LiveHub, start_live_hub

os.environ.setdefault("FIELDNOTE_NO_KEYCHAIN", "1")

FAST = Timeouts(connect=2.0, read=5.0, retries=0)


@dataclass
class Device:
    data_dir: Path
    store: Store
    engine: SyncEngine

    @property
    def sync(self) -> SyncStore:
        return self.engine.store

    def run(self):  # type: ignore[no-untyped-def]
        return self.engine.run_cycle()


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[LiveHub]:
    live = start_live_hub(tmp_path / "hub")
    live.add_user("rep@example.com", "Rita Rep", "rep", team="north")
    live.add_user("rep2@example.com", "Remy Rep", "rep", team="north")
    live.add_user("marketer@example.com", "Mia Marketer", "marketer", team="north")
    yield live
    live.stop()


@pytest.fixture
def make_device(tmp_path: Path, hub: LiveHub):  # type: ignore[no-untyped-def]
    made: list[Device] = []

    def make(name: str, email: str = "rep@example.com", *, url: str | None = None,
             timeouts: Timeouts = FAST) -> Device:
        data_dir = tmp_path / name
        data_dir.mkdir(exist_ok=True)
        store = open_store(data_dir / DB_FILE)
        # Signing in checks a password hash (argon2id, 64 MiB): on a loaded machine that takes
        # longer than the short read timeouts a fault test gives its sync cycles.
        sign_in(data_dir, store, url or hub.url, email, hub.users[email]["password"],
                timeouts=FAST)
        device = Device(data_dir, store, build_engine(data_dir, store, timeouts=timeouts,
                                                      digest_interval_s=0))
        made.append(device)
        return device

    yield make
    for device in made:
        device.engine.client.close()
        device.store.engine.dispose()
