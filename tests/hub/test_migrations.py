"""The Alembic scripts build exactly the tables the code defines, on SQLite and PostgreSQL,
and running them again changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from hub.db.engine import make_engine
from hub.db.migrate import current_revision, head_revision, upgrade
from hub.db.tables import counter, meta, metadata
from tests.support.live_hub import fresh_pg_url


def _url(tmp_path: Path, db_url: str | None) -> tuple[str, list[object]]:
    if db_url is None:
        return f"sqlite:///{tmp_path / 'hub.sqlite3'}", []
    url, drop = fresh_pg_url(db_url)
    return url, [drop]


def test_migrations_match_the_table_definitions(tmp_path: Path, db_url: str | None) -> None:
    url, cleanup = _url(tmp_path, db_url)
    engine = make_engine(url)
    try:
        assert upgrade(engine) == head_revision()
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
            assert diff == []
            epoch = conn.execute(select(meta.c.value).where(meta.c.key == "epoch")).scalar_one()
            assert len(epoch) == 32
            assert conn.execute(select(counter.c.value)).scalar_one() == 0
        # Running them again is harmless and keeps the hub's identity.
        upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(select(meta.c.value)).scalar_one() == epoch
    finally:
        engine.dispose()
        for drop in cleanup:
            drop()  # type: ignore[operator]


def test_an_unknown_database_url_is_a_clear_error() -> None:
    from hub.db.engine import DatabaseUnavailable

    with pytest.raises(DatabaseUnavailable, match="SQLite or PostgreSQL"):
        make_engine("mysql://someone@localhost/db")
