"""Seeding demo data: the users sign in with the documented password, nothing is added twice."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from hub import accounts
from hub.db.engine import make_engine
from hub.db.tables import RECORD_TABLES
from hub.seed import DEMO_PASSWORD, seed_demo
from hub.settings import Limits
from tests.support.live_hub import LiveHub


def test_seed_demo_is_idempotent_and_its_users_can_sign_in(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    first = seed_demo(db, tmp_path / "blobs")
    assert first.users_added >= 5 and first.records_added > 0 and first.blobs_added >= 2
    second = seed_demo(db, tmp_path / "blobs")
    assert (second.users_added, second.records_added, second.blobs_added) == (0, 0, 0)
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            collateral = conn.execute(
                select(RECORD_TABLES["collateral"].c.file_sha256)
                .where(RECORD_TABLES["collateral"].c.status == "approved")
            ).scalars().all()
            leads = conn.execute(select(func.count()).select_from(RECORD_TABLES["lead"])).scalar()
        assert collateral and all((tmp_path / "blobs" / s[:2] / s).is_file() for s in collateral if s)
        assert leads is not None
        for email in ("rep@demo.fieldnote", "rep2@demo.fieldnote", "marketer@demo.fieldnote",
                      "manager@demo.fieldnote", "admin@demo.fieldnote"):
            issued = accounts.login(engine, Limits(), email=email, password=DEMO_PASSWORD,
                                    address="test", device_name=None)
            assert issued.actor.email == email
    finally:
        engine.dispose()


def test_a_live_hub_with_demo_data_serves_it_to_a_rep(live_hub: LiveHub) -> None:
    live_hub.seed_demo()
    session = live_hub.client("rep@demo.fieldnote", DEMO_PASSWORD)
    page = session.get(f"{live_hub.url}/v1/sync/pull", params={"limit": 5000}, timeout=60).json()
    kinds = {c["kind"] for c in page["changes"] if not c["deleted"]}
    assert {"lead", "collateral", "event", "rubric", "user", "reason_list"} <= kinds
    sha = next(c["fields"]["file_sha256"] for c in page["changes"]
               if c["kind"] == "collateral" and not c["deleted"] and c["fields"]["file_sha256"])
    blob = session.get(f"{live_hub.url}/v1/blobs/{sha}", timeout=60)
    assert blob.status_code == 200 and blob.content.startswith(b"%PDF")
