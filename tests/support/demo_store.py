"""Fills an empty store with the demo data set without a hub, for page tests that want the
demo's records (the app itself always gets them through the embedded demo hub).

Records are written as if the hub had sent them (version 1, nothing queued).
"""

from __future__ import annotations

from sqlalchemy import insert

from desktop.store.records import Store
from desktop.store.schema import record_tables
from fieldnote.validation import utc_now_iso


def seed_if_empty(store: Store) -> int:
    """Insert the demo records unless the store already holds leads; return how many."""
    from resources.demo_files import load_demo_dataset

    if store.count("lead"):
        return 0
    data = load_demo_dataset()
    users = {u["email"]: u for u in data.users}
    now = utc_now_iso()
    with store.engine.begin() as conn:
        for user in data.users:
            conn.execute(
                insert(record_tables["user"]).values(
                    id=user["id"], rev=1, deleted=False, local_updated_at=now,
                    name=user["name"], email=user["email"], role=user["role"],
                    team=user.get("team"), active=True,
                )
            )
        for rec in data.records:
            owner = users.get(rec.owner_email, {}).get("id")
            table = record_tables[rec.kind]
            extra = {}
            if "owner_id" in table.c:
                extra["owner_id"] = owner
            if "captured_by" in table.c:
                extra["captured_by"] = owner
            if "author_id" in table.c:
                extra["author_id"] = owner
            conn.execute(
                insert(table).values(
                    id=rec.record_id, rev=1, deleted=False, local_updated_at=now,
                    **rec.fields, **extra,
                )
            )
        rep = users["rep@demo.fieldnote"]
        store.set_state("user", {k: rep[k] for k in ("id", "name", "email", "role", "team")}, conn)
    for kind in record_tables:
        store.notify(kind, [])
    return len(data.records)
