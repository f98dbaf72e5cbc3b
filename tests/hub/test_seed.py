"""Seeding demo data: the users sign in with the documented password, nothing is added twice."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from hub import accounts
from hub.db.engine import make_engine
from hub.db.tables import RECORD_TABLES
from hub.seed import DEMO_PASSWORD, seed_demo
from hub.settings import Limits


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
