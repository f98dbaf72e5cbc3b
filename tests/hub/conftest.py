"""Fixtures of the hub tests: every test that takes `hub` runs on SQLite, and on PostgreSQL
too when FIELDNOTE_TEST_PG is set."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hub.client import SyncClient
from tests.support.live_hub import PG_ENV, LiveHub, start_live_hub


def _db_params() -> list[object]:
    pg = os.environ.get(PG_ENV)
    return [
        pytest.param(None, id="sqlite"),
        pytest.param(pg, id="postgresql", marks=[pytest.mark.pg, pytest.mark.skipif(
            not pg, reason=f"set {PG_ENV} to a PostgreSQL URL to run these")]),
    ]


@pytest.fixture(params=_db_params())
def db_url(request: pytest.FixtureRequest) -> str | None:
    return request.param


@pytest.fixture
def hub(tmp_path: Path, db_url: str | None) -> Iterator[LiveHub]:
    live = start_live_hub(tmp_path, db_url)
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture
def people(hub: LiveHub) -> dict[str, SyncClient]:
    """Signed-in clients: two reps (east, west), a marketer, the east manager, an admin."""
    spec = {
        "rep": ("rep@test.fieldnote", "rep", "east"),
        "rep2": ("rep2@test.fieldnote", "rep", "west"),
        "marketer": ("marketer@test.fieldnote", "marketer", None),
        "manager": ("manager@test.fieldnote", "manager", "east"),
        "admin": ("admin@test.fieldnote", "admin", None),
    }
    out = {}
    for key, (email, role, team) in spec.items():
        user = hub.add_user(email, key.title(), role, team)
        out[key] = SyncClient(hub, hub.client(email), user)
    return out
