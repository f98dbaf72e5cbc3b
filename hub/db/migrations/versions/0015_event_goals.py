"""events: booth goals

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

`event.goals` (`fieldnote.goals`), synced to devices, where the capture screen and the booth
board count the leads against them. A new nullable column: expand only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_event", sa.Column("goals", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rec_event") as batch:
        batch.drop_column("goals")
