"""feed: one row per change for a set of audiences instead of one row per audience

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 21:00:00

Every feed row of one change (same sequence value, same `removed`) becomes one row naming an
audience set; the sets are stored once each, with a member row per audience for the pull's
index lookup. Removal rows keep their sequence values, so no caller sees anything new.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_CHUNK = 5000

_old_feed = sa.table(
    "hub_feed",
    sa.column("audience", sa.String),
    sa.column("seq", sa.BigInteger),
    sa.column("kind", sa.String),
    sa.column("record_id", sa.String),
    sa.column("removed", sa.Boolean),
)
_new_feed = sa.table(
    "hub_feed_v2",
    sa.column("seq", sa.BigInteger),
    sa.column("removed", sa.Boolean),
    sa.column("audience_set", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("record_id", sa.String),
)
_sets = sa.table(
    "hub_audience_set",
    sa.column("id", sa.Integer),
    sa.column("digest", sa.String),
    sa.column("audiences", sa.JSON),
)
_members = sa.table(
    "hub_audience_member", sa.column("audience", sa.String), sa.column("set_id", sa.Integer)
)


def _digest(key: tuple[str, ...]) -> str:
    # The same digest as hub.records: sha256 of the sorted audiences, one a line.
    return hashlib.sha256("\n".join(key).encode("utf-8")).hexdigest()


def _grouped(conn: Any) -> Iterator[tuple[int, bool, str, str, tuple[str, ...]]]:
    """Old feed rows grouped by change: (seq, removed, kind, record_id, audiences)."""
    last: tuple[int, bool] | None = None
    kind = record_id = ""
    audiences: list[str] = []
    after = -1
    while True:
        rows = conn.execute(
            sa.select(_old_feed.c.seq, _old_feed.c.removed, _old_feed.c.kind,
                      _old_feed.c.record_id, _old_feed.c.audience)
            .where(_old_feed.c.seq > after)
            .order_by(_old_feed.c.seq)
            .limit(_CHUNK)
        ).all()
        if not rows:
            break
        # Take whole sequence values only, so a change is never split across chunks.
        top = rows[-1].seq
        if len(rows) == _CHUNK and rows[0].seq != top:
            rows = [r for r in rows if r.seq < top]
        elif len(rows) == _CHUNK:
            rows = conn.execute(
                sa.select(_old_feed.c.seq, _old_feed.c.removed, _old_feed.c.kind,
                          _old_feed.c.record_id, _old_feed.c.audience)
                .where(_old_feed.c.seq == top)
            ).all()
        rows.sort(key=lambda r: (r.seq, r.removed, r.audience))
        for r in rows:
            if (r.seq, bool(r.removed)) != last:
                if last is not None:
                    yield last[0], last[1], kind, record_id, tuple(sorted(set(audiences)))
                last, kind, record_id, audiences = (r.seq, bool(r.removed)), r.kind, r.record_id, []
            audiences.append(r.audience)
        after = rows[-1].seq
    if last is not None:
        yield last[0], last[1], kind, record_id, tuple(sorted(set(audiences)))


def upgrade() -> None:
    op.create_table(
        "hub_audience_set",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("audiences", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_audience_set")),
        sa.UniqueConstraint("digest", name=op.f("uq_hub_audience_set_digest")),
    )
    op.create_table(
        "hub_audience_member",
        sa.Column("audience", sa.String(length=120), nullable=False),
        sa.Column("set_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("audience", "set_id", name=op.f("pk_hub_audience_member")),
    )
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    # SQLite's constraint names are per table; PostgreSQL's primary key is an index whose
    # name must differ from the old table's until that is dropped.
    op.create_table(
        "hub_feed_v2",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("audience_set", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("seq", "removed",
                                name="pk_hub_feed" if sqlite else "pk_hub_feed_v2"),
    )
    set_ids: dict[tuple[str, ...], int] = {}
    batch: list[dict[str, Any]] = []
    for seq, removed, kind, record_id, key in _grouped(conn):
        if key not in set_ids:
            set_id = conn.execute(
                sa.insert(_sets).values(digest=_digest(key), audiences=list(key))
                .returning(_sets.c.id)
            ).scalar_one()
            conn.execute(sa.insert(_members), [{"audience": a, "set_id": set_id} for a in key])
            set_ids[key] = set_id
        batch.append({"seq": seq, "removed": removed, "audience_set": set_ids[key],
                      "kind": kind, "record_id": record_id})
        if len(batch) >= _CHUNK:
            conn.execute(sa.insert(_new_feed), batch)
            batch = []
    if batch:
        conn.execute(sa.insert(_new_feed), batch)
    with op.batch_alter_table("hub_feed", schema=None) as batch_op:
        batch_op.drop_index("ix_hub_feed_record")
    op.drop_table("hub_feed")
    op.rename_table("hub_feed_v2", "hub_feed")
    if not sqlite:
        op.execute('ALTER TABLE hub_feed RENAME CONSTRAINT pk_hub_feed_v2 TO pk_hub_feed')
    with op.batch_alter_table("hub_feed", schema=None) as batch_op:
        batch_op.create_index("ix_hub_feed_set", ["audience_set", "seq"], unique=False)
        batch_op.create_index("ix_hub_feed_record", ["kind", "record_id"], unique=False)


def downgrade() -> None:
    conn = op.get_bind()
    op.create_table(
        "hub_feed_v1",
        sa.Column("audience", sa.String(length=120), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("audience", "seq", name="pk_hub_feed_v1"),
    )
    sets = {row.id: list(row.audiences) for row in conn.execute(sa.select(_sets))}
    old = sa.table("hub_feed_v1", *[sa.column(c.name) for c in _old_feed.columns])
    feed = sa.table("hub_feed", *[sa.column(c.name) for c in _new_feed.columns])
    after = -1
    while True:
        rows = conn.execute(
            sa.select(feed).where(feed.c.seq > after).order_by(feed.c.seq).limit(_CHUNK)
        ).all()
        if not rows:
            break
        if len(rows) == _CHUNK:
            # A change has at most two rows: keep both in the same chunk.
            rows = [r for r in rows if r.seq < rows[-1].seq]
        conn.execute(sa.insert(old), [
            {"audience": a, "seq": r.seq, "kind": r.kind, "record_id": r.record_id,
             "removed": r.removed}
            for r in rows for a in sets[r.audience_set]
        ])
        after = rows[-1].seq
    with op.batch_alter_table("hub_feed", schema=None) as batch_op:
        batch_op.drop_index("ix_hub_feed_record")
        batch_op.drop_index("ix_hub_feed_set")
    op.drop_table("hub_feed")
    op.rename_table("hub_feed_v1", "hub_feed")
    if conn.dialect.name != "sqlite":
        op.execute('ALTER TABLE hub_feed RENAME CONSTRAINT pk_hub_feed_v1 TO pk_hub_feed')
    with op.batch_alter_table("hub_feed", schema=None) as batch_op:
        batch_op.create_index("ix_hub_feed_record", ["kind", "record_id"], unique=False)
    op.drop_table("hub_audience_member")
    op.drop_table("hub_audience_set")
