"""routing: the rules that choose the owner of a lead that arrives

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

One record of kind `routing` (`fieldnote.routing`) holds the rules; a new table, nothing else
changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rec_routing",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_routing")),
    )
    with op.batch_alter_table("rec_routing", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rec_routing_author_id"), ["author_id"], unique=False)


def downgrade() -> None:
    op.drop_table("rec_routing")
