"""Demo data for trying the hub: the users, events, rubric, reason lists, collateral with
its PDF files, leads, outcomes, debriefs and comments of `fieldnote.demo` (with the files read
by `resources.demo_files`).

Seeding is idempotent: records have fixed ids and users fixed emails, and anything already
present is left as it is. It writes through the same path as pushes, so the demo data is in
the change feed like any other record.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from fieldnote.demo import DEMO_PASSWORD, DemoData
from fieldnote.kinds import KINDS
from fieldnote.validation import clean_fields
from hub import accounts
from hub.blobs import BlobStore
from hub.db.engine import make_engine, writer
from hub.db.migrate import upgrade
from hub.records import RecordState, RecordStore
from resources.demo_files import load_demo_dataset

log = logging.getLogger(__name__)

__all__ = ["DEMO_PASSWORD", "SeedReport", "seed_demo"]


@dataclass(frozen=True)
class SeedReport:
    users_added: int
    records_added: int
    blobs_added: int


def seed_demo(db_url: str, blobs_dir: Path, data: DemoData | None = None) -> SeedReport:
    """Add the demo users, records and files that are not there yet."""
    data = data or load_demo_dataset()
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        store_blobs = BlobStore(blobs_dir)
        blobs_added = 0
        for path in data.blobs:
            payload = Path(path).read_bytes()
            blobs_added += store_blobs.put_bytes(hashlib.sha256(payload).hexdigest(), payload)
        users_added = 0
        known = {a.email.lower(): a.id for a in accounts.list_users(engine)}
        for user in data.users:
            email = user["email"].lower()
            if email in known:
                continue
            actor = accounts.add_user(
                engine, email=user["email"], name=user["name"], role=user["role"],
                team=user.get("team"), password=user.get("password") or DEMO_PASSWORD,
                user_id=user.get("id"),
            )
            known[email] = actor.id
            users_added += 1
        records_added = _seed_records(engine, data.records, known)
    finally:
        engine.dispose()
    return SeedReport(users_added, records_added, blobs_added)


def _seed_records(engine: Engine,
                  records: Iterable[tuple[str, str, Mapping[str, Any], str]],
                  users: dict[str, str]) -> int:
    rows = list(records)
    added = 0
    for start in range(0, len(rows), 500):
        chunk = rows[start : start + 500]
        with writer(engine).begin() as conn:
            store = RecordStore(conn)
            store.take_counter_lock()
            for kind in {k for k, *_ in chunk}:
                store.load_many(kind, [rid for k, rid, *_ in chunk if k == kind])
            for kind, record_id, fields, owner_email in chunk:
                if store.get(kind, record_id) is not None:
                    continue
                owner = users[owner_email.lower()]
                clean = clean_fields(kind, fields)
                for server_field in ("owner_id", "captured_by", "author_id"):
                    if server_field in KINDS[kind].by_name:
                        clean[server_field] = owner
                state = RecordState(kind=kind, id=record_id, fields=clean)
                store.stage(state)
                added += 1
            store.flush()
    return added
