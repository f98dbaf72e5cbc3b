"""The hub's fast row inserts store exactly what a SQLAlchemy Core insert stores."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, insert, select, text

from fieldnote.ids import new_id
from hub.db.engine import make_engine
from hub.db.tables import RECORD_TABLES, metadata, mutations
from hub.records import insert_rows


def _lead_row(record_id: str) -> dict[str, Any]:
    table = RECORD_TABLES["lead"]
    row: dict[str, Any] = {c.name: None for c in table.columns}
    row.update(
        id=record_id, row_version=7, deleted=False, row_created_at="2026-11-28T10:00:00Z",
        row_updated_at="2026-11-28T10:00:00Z", hub_audiences=["user:1", "work:all"],
        hub_removed=[], hub_field_versions={"email": [3, "dev", "u"]},
        answers={"budget": True, "note": "naïve ✓", "big": 2**70 + 1}, interests=["bi"], score=3,
        qualified=True, email="ana@example.com",
    )
    return row


# Plain engines (the standard JSON encoder) and the hub's own (orjson for JSON columns).
@pytest.fixture(params=["sqlite", "hub-sqlite", "postgresql", "hub-postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    make = make_engine if request.param.startswith("hub-") else create_engine
    if request.param.endswith("sqlite"):
        engine = make(f"sqlite:///{tmp_path / 'rows.sqlite3'}")
        yield engine
        engine.dispose()
        return
    url = os.environ.get("FIELDNOTE_TEST_PG")
    if not url:
        pytest.skip("set FIELDNOTE_TEST_PG to a PostgreSQL URL to run these")
    schema = f"t_{new_id().replace('-', '')[:16]}"
    separator = "&" if "?" in url else "?"
    engine = make(f"{url}{separator}options={quote(f'-csearch_path={schema}')}")
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield engine
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def test_fast_inserts_read_back_like_core_inserts(engine: Any) -> None:
    table = RECORD_TABLES["lead"]
    metadata.create_all(engine, tables=[table, mutations])
    log: dict[str, Any] = {"user_id": "u", "client_id": "c", "body_hash": "h",
                           "status": "applied", "version": 1, "conflicts": None,
                           "applied_at": "2026-11-28T10:00:00Z"}
    with engine.begin() as conn:
        conn.execute(insert(table), [_lead_row("core")])
        insert_rows(conn, table, [_lead_row("fast")])
        conn.execute(insert(mutations), [{**log, "mutation_id": "core"}])
        insert_rows(conn, mutations, [{**log, "mutation_id": "fast"}])
        # A row without every column falls back to Core, which fills in defaults.
        insert_rows(conn, table, [{k: v for k, v in _lead_row("partial").items()
                                   if k != "deleted"}])
    with engine.connect() as conn:
        rows = {r.id: r._asdict() for r in conn.execute(select(table))}
        raw = {r[0]: r[1:] for r in conn.exec_driver_sql(
            f'SELECT id, CAST(hub_audiences AS TEXT), CAST(answers AS TEXT), '
            f'CAST(hub_removed AS TEXT) FROM "{table.name}"')}
        logs = {r[0]: r[1:] for r in conn.exec_driver_sql(
            "SELECT mutation_id, CAST(conflicts AS TEXT), version FROM hub_mutation")}
    assert {**rows["fast"], "id": "core"} == rows["core"]
    assert raw["fast"] == raw["core"]  # the same JSON text, not only the same values
    assert logs["fast"] == logs["core"]
    assert rows["partial"]["deleted"] is False
    assert rows["fast"]["answers"]["big"] == 2**70 + 1  # read back exactly, as an int
