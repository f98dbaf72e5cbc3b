"""events: what an event cost

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

`event.cost_amount` and `event.cost_currency` (ISO 4217; none: the team's currency), synced to
devices, where Insights sets the cost against the event's leads (`fieldnote.costs`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_event", sa.Column("cost_amount", sa.Float(), nullable=True))
    op.add_column("rec_event", sa.Column("cost_currency", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rec_event") as batch:
        batch.drop_column("cost_currency")
        batch.drop_column("cost_amount")
