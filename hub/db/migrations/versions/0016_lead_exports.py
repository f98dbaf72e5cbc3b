"""lead_export: every export of leads made on a device, synced for the audit log

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

A device records each export of leads it makes as a `lead_export` record (format, rows, the
filter's shape, when, from where); the hub turns each into a `leads.export` audit entry. A new
table, nothing else changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rec_lead_export",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("format", sa.String(length=40), nullable=True),
        sa.Column("rows", sa.BigInteger(), nullable=True),
        sa.Column("filter", sa.JSON(), nullable=True),
        sa.Column("exported_at", sa.String(length=40), nullable=True),
        sa.Column("origin", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_lead_export")),
    )
    with op.batch_alter_table("rec_lead_export", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rec_lead_export_author_id"), ["author_id"],
                              unique=False)


def downgrade() -> None:
    op.drop_table("rec_lead_export")
