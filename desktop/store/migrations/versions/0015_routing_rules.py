"""routing: the rules that choose the owner of a lead that arrives at the hub

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

The routing rules are one synced record of kind `routing` (`fieldnote.routing`); the hub
applies them, devices keep a copy to show and edit.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rec_routing",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("rules", sa.JSON(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("rec_routing")
