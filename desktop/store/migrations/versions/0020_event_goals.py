"""events: booth goals

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07

`event.goals` holds the targets marketing sets for the team and each staff member (leads,
qualified, hot; per day or for the show: `fieldnote.goals`). Existing events have none.
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_event", sa.Column("goals", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("rec_event", "goals")
