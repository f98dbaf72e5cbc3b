"""lead_export: every export of leads this device makes, synced for the hub's audit log

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07

`fieldnote leads export` and the window's export dialog record each export (format, rows, the
filter's shape, when, from where) as a `lead_export` record; it waits in the outbox like any
change, so an export made offline reaches the hub at the next sync.
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rec_lead_export",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("format", sa.String(length=40), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=True),
        sa.Column("filter", sa.JSON(), nullable=True),
        sa.Column("exported_at", sa.String(length=40), nullable=True),
        sa.Column("origin", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("rec_lead_export")
