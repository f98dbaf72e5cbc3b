"""The Alembic scripts build exactly the tables the code defines, on SQLite and PostgreSQL,
and running them again changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text

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


# Feed rows as revision 0001 kept them, one per audience: lead A (owner u1) live at 5 with a
# removal row for the owner it had before (u0, at 3); lead B live at 4; lead C deleted at 6.
_OLD_FEED = [
    ("user:u1", 5, "lead", "a", False), ("work:all", 5, "lead", "a", False),
    ("work:team:east", 5, "lead", "a", False), ("user:u0", 3, "lead", "a", True),
    ("user:u1", 4, "lead", "b", False), ("work:all", 4, "lead", "b", False),
    ("work:team:east", 4, "lead", "b", False),
    ("user:u1", 6, "lead", "c", True), ("work:all", 6, "lead", "c", True),
]


def test_the_feed_migration_groups_rows_by_change_and_back(
    tmp_path: Path, db_url: str | None
) -> None:
    from alembic import command

    from hub.db.migrate import alembic_config

    url, cleanup = _url(tmp_path, db_url)
    engine = make_engine(url)
    config = alembic_config()

    def run(step: str, target: str) -> None:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            getattr(command, step)(config, target)

    def old_rows() -> set[tuple[object, ...]]:
        with engine.connect() as conn:
            return {tuple(r) for r in conn.execute(text(
                "SELECT audience, seq, kind, record_id, removed FROM hub_feed"))}

    try:
        run("upgrade", "0001")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO hub_feed (audience, seq, kind, record_id, removed) "
                              "VALUES (:a, :s, :k, :r, :d)"),
                         [dict(zip("askrd", row, strict=True)) for row in _OLD_FEED])
        run("upgrade", "head")
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT f.seq, f.removed, f.kind, f.record_id, s.audiences FROM hub_feed f "
                "JOIN hub_audience_set s ON s.id = f.audience_set ORDER BY f.seq, f.removed"
            )).all()
            members = conn.execute(text(
                "SELECT m.audience, s.audiences FROM hub_audience_member m "
                "JOIN hub_audience_set s ON s.id = m.set_id")).all()
        as_lists = [(s, bool(d), k, r, a if isinstance(a, list) else json.loads(a))
                    for s, d, k, r, a in rows]
        assert as_lists == [
            (3, True, "lead", "a", ["user:u0"]),
            (4, False, "lead", "b", ["user:u1", "work:all", "work:team:east"]),
            (5, False, "lead", "a", ["user:u1", "work:all", "work:team:east"]),
            (6, True, "lead", "c", ["user:u1", "work:all"]),
        ]
        # Leads A and B share one set; every set lists exactly its members.
        sets = {json.dumps(a if isinstance(a, list) else json.loads(a)) for _m, a in members}
        assert len(sets) == 3
        for audience, audiences in members:
            assert audience in (audiences if isinstance(audiences, list) else json.loads(audiences))
        run("downgrade", "0001")
        assert old_rows() == {(a, s, k, r, d) for a, s, k, r, d in _OLD_FEED}
        run("upgrade", "head")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM hub_feed")).scalar_one() == 4
    finally:
        engine.dispose()
        for drop in cleanup:
            drop()  # type: ignore[operator]


# Expand, then contract (docs/deploy.md#upgrading): `migrate` runs while the older hub is still
# serving, so a migration only adds. Dropping or renaming what the previous release reads is a
# contract step, allowed only when listed here with its reason.
CONTRACT_STEPS = {
    "0002": "the feed regrouped by audience set, before the first release; hubs stopped",
}
_CONTRACTING_CALLS = {"drop_table", "drop_column", "rename_table"}


def contracting_operations(source: str) -> list[str]:
    """The operations in a migration's upgrade() that drop or rename a table or column."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.FunctionDef) and node.name == "upgrade"):
            continue
        for call in ast.walk(node):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
                continue
            name = call.func.attr
            renames = name == "alter_column" and any(
                k.arg == "new_column_name" for k in call.keywords)
            if name in _CONTRACTING_CALLS or renames:
                found.append(f"{name} (line {call.lineno})")
    return found


def test_the_contract_check_finds_drops_and_renames() -> None:
    source = (
        "def upgrade():\n"
        "    op.add_column('t', sa.Column('a', sa.Integer()))\n"
        "    with op.batch_alter_table('t') as batch_op:\n"
        "        batch_op.drop_column('b')\n"
        "        batch_op.alter_column('c', new_column_name='d')\n"
        "    op.alter_column('t', 'e', nullable=True)\n"
        "def downgrade():\n"
        "    op.drop_table('t')\n"
    )
    assert contracting_operations(source) == ["drop_column (line 4)", "alter_column (line 5)"]


def test_migrations_only_expand_unless_listed_as_a_contract_step() -> None:
    versions = Path(__file__).resolve().parents[2] / "hub" / "db" / "migrations" / "versions"
    files = sorted(versions.glob("[0-9][0-9][0-9][0-9]_*.py"))
    assert files
    contracting = {}
    for path in files:
        found = contracting_operations(path.read_text())
        if found:
            contracting[path.name[:4]] = found
    unlisted = {rev: ops for rev, ops in contracting.items() if rev not in CONTRACT_STEPS}
    assert unlisted == {}, (
        "a migration drops or renames what an older, still serving hub reads; add a column or "
        f"table instead and contract one release later: {unlisted}")
    # A listed step that no longer contracts is a stale entry.
    assert set(CONTRACT_STEPS) <= set(contracting)


def _past_revisions() -> list[str]:
    from hub.db.migrate import known_revisions

    return sorted(known_revisions() - {head_revision()})


def _seed_at(conn: object, revision: str, token: str) -> None:
    """A marketer with a device token and an event, written with the tables and columns the
    schema at `revision` has (revision numbers sort in order)."""
    import hashlib
    import time

    import sqlalchemy as sa

    now = "2026-01-02T03:04:05+00:00"
    def common() -> list[sa.ColumnClause[object]]:
        return [sa.column("id", sa.String), sa.column("row_version", sa.BigInteger),
                sa.column("deleted", sa.Boolean), sa.column("row_created_at", sa.String),
                sa.column("row_updated_at", sa.String), sa.column("hub_audiences", sa.JSON),
                sa.column("hub_removed", sa.JSON), sa.column("hub_field_versions", sa.JSON)]

    def row(record_id: str, version: int) -> dict[str, object]:
        return {"id": record_id, "row_version": version, "deleted": False,
                "row_created_at": now, "row_updated_at": now, "hub_audiences": ["all"],
                "hub_removed": [], "hub_field_versions": {}}

    users = sa.table("rec_user", *common(), sa.column("name", sa.String),
                     sa.column("email", sa.String), sa.column("role", sa.String),
                     sa.column("team", sa.String), sa.column("active", sa.Boolean),
                     sa.column("hub_email_key", sa.String))
    event_columns = [sa.column("name", sa.String), sa.column("venue", sa.String),
                     sa.column("starts_on", sa.String), sa.column("ends_on", sa.String),
                     sa.column("author_id", sa.String)]
    event_values: dict[str, object] = {
        "name": f"Expo {revision}", "venue": "Hall 4", "starts_on": "2026-03-01",
        "ends_on": "2026-03-03", "author_id": "u-mia"}
    if revision >= "0004":
        event_columns.append(sa.column("country", sa.String))
        event_values["country"] = "DE"
    events = sa.table("rec_event", *common(), *event_columns)
    tokens = sa.table("hub_token", sa.column("token_hash", sa.String),
                      sa.column("user_id", sa.String), sa.column("device_name", sa.String),
                      sa.column("created_at", sa.Float), sa.column("expires_at", sa.Float),
                      sa.column("revoked", sa.Boolean))
    execute = conn.execute  # type: ignore[attr-defined]
    execute(sa.insert(users).values(
        **row("u-mia", 1), name="Mia Old", email="mia@example.com", role="marketer",
        team=None, active=True, hub_email_key="mia@example.com"))
    execute(sa.insert(events).values(**row("e-old", 2), **event_values))
    execute(sa.insert(tokens).values(
        token_hash=hashlib.sha256(token.encode()).hexdigest(), user_id="u-mia",
        device_name="laptop", created_at=time.time(), expires_at=time.time() + 86400,
        revoked=False))
    execute(text("UPDATE hub_counter SET value = 2 WHERE id = 1"))
    changes = [(1, "user", "u-mia"), (2, "event", "e-old")]
    if revision < "0002":
        execute(text("INSERT INTO hub_feed (audience, seq, kind, record_id, removed) "
                     "VALUES ('all', :s, :k, :r, :d)"),
                [{"s": s, "k": k, "r": r, "d": False} for s, k, r in changes])
        return
    sets = sa.table("hub_audience_set", sa.column("id", sa.Integer),
                    sa.column("digest", sa.String), sa.column("audiences", sa.JSON))
    set_id = execute(sa.insert(sets).values(
        digest=hashlib.sha256(b"all").hexdigest(), audiences=["all"]
    ).returning(sets.c.id)).scalar_one()
    execute(text("INSERT INTO hub_audience_member (audience, set_id) VALUES ('all', :i)"),
            {"i": set_id})
    execute(text("INSERT INTO hub_feed (seq, removed, audience_set, kind, record_id) "
                 "VALUES (:s, :d, :a, :k, :r)"),
            [{"s": s, "d": False, "a": set_id, "k": k, "r": r} for s, k, r in changes])


@pytest.mark.parametrize("revision", _past_revisions())
def test_a_hub_upgraded_from_each_past_revision_serves_its_data(
    tmp_path: Path, db_url: str | None, revision: str
) -> None:
    import requests
    from alembic import command

    from fieldnote.wire import PROTOCOL_HEADER, PROTOCOL_VERSION
    from hub.db.migrate import alembic_config
    from hub.embedded import start_embedded

    url, cleanup = _url(tmp_path, db_url)
    engine = make_engine(url)
    config = alembic_config()
    token = "old-device-token-" + revision
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
        assert current_revision(engine) == revision
        with engine.begin() as conn:
            _seed_at(conn, revision, token)
        hub = start_embedded(url, tmp_path / "blobs")  # migrates to the newest schema first
        try:
            assert current_revision(engine) == head_revision()
            answer = requests.get(
                f"{hub.url}/v1/sync/pull", timeout=30,
                headers={"Authorization": f"Bearer {token}",
                         PROTOCOL_HEADER: str(PROTOCOL_VERSION)})
            assert answer.status_code == 200, answer.text
            page = answer.json()
            changes = {(c["kind"], c["record_id"]): c for c in page["changes"]}
            assert set(changes) == {("user", "u-mia"), ("event", "e-old")}
            event = changes[("event", "e-old")]
            assert event["version"] == 2 and not event["deleted"]
            assert event["fields"]["name"] == f"Expo {revision}"
            assert event["fields"]["venue"] == "Hall 4"
            assert event["fields"].get("country") == ("DE" if revision >= "0004" else None)
            assert changes[("user", "u-mia")]["fields"]["email"] == "mia@example.com"
            assert not page["has_more"]
        finally:
            hub.stop()
    finally:
        engine.dispose()
        for drop in cleanup:
            drop()  # type: ignore[operator]
