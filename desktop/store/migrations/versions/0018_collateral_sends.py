"""collateral sends: approved material a rep sends to a visitor, mailed by the hub

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07

A send is a synced record of kind `collateral_send` (`fieldnote.sending`): queued here while
offline, mailed by the hub, its state pulled back.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rec_collateral_send",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("collateral_ids", sa.JSON(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("requested_at", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("state", sa.String(length=40), nullable=True),
        sa.Column("state_reason", sa.Text(), nullable=True),
        sa.Column("mailed_at", sa.String(length=40), nullable=True),
        sa.Column("opened_at", sa.String(length=40), nullable=True),
        sa.Column("links", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_rec_collateral_send_lead_id", "rec_collateral_send", ["lead_id"])


def downgrade() -> None:
    op.drop_table("rec_collateral_send")
