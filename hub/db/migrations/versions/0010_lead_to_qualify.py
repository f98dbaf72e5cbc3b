"""leads: the "to qualify" mark of quick scans

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

`lead.to_qualify` is true while a lead saved by a quick scan waits for its rubric walk.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_lead", sa.Column("to_qualify", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rec_lead") as batch:
        batch.drop_column("to_qualify")
