"""events: what an event cost

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07

`event.cost_amount` and `event.cost_currency` (ISO 4217; none: the team's currency) let
Insights show cost per lead and the return of each event (`fieldnote.costs`). Existing events
have no cost until marketing sets one.
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_event", sa.Column("cost_amount", sa.Float(), nullable=True))
    op.add_column("rec_event", sa.Column("cost_currency", sa.String(length=200), nullable=True))


def downgrade() -> None:
    op.drop_column("rec_event", "cost_currency")
    op.drop_column("rec_event", "cost_amount")
