"""A store with a collateral library, and helpers that write items as the hub would send them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from desktop.store import Store, open_store
from desktop.store.collateral import CollateralLibrary
from desktop.store.db import DB_FILE
from desktop.store.schema import record_tables
from fieldnote.ids import new_id
from fieldnote.validation import clean_fields, utc_now_iso
from resources.paths import resource_path

DEMO_PDF = resource_path("demo", "insight-cloud-sell-sheet.pdf")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / DB_FILE)
    yield s
    s.engine.dispose()


@pytest.fixture
def library(store: Store) -> CollateralLibrary:
    return CollateralLibrary(store)


def received(store: Store, record_kind: str = "collateral", /, **fields: Any) -> str:
    """Insert a record as if a sync had pulled it (version 1, nothing queued)."""
    rid = fields.pop("id", None) or new_id()
    author = fields.pop("author_id", None)
    at = fields.pop("_at", None) or utc_now_iso()
    if record_kind == "collateral":
        fields = {"status": "approved", "version": 1, "kind": "sell_sheet", **fields}
    values = clean_fields(record_kind, fields)
    if author:
        values["author_id"] = author
    with store.engine.begin() as conn:
        conn.execute(insert(record_tables[record_kind]).values(
            id=rid, rev=1, deleted=False, local_updated_at=at, **values))
    store.notify(record_kind, [rid])
    return rid


def put_blob(data_dir: Path, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    folder = data_dir / "blobs"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / sha).write_bytes(data)
    return sha
