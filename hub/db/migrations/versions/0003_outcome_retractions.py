"""outcomes: a later outcome can withdraw one recorded by mistake

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

`lead_outcome.retracts` names the outcome a new outcome withdraws (outcomes stay append-only;
see `fieldnote.outcomes`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_lead_outcome", sa.Column("retracts", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rec_lead_outcome") as batch:
        batch.drop_column("retracts")
