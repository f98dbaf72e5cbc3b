"""privacy: a lead's erasure mark

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

`lead.erased_at` is set by the hub when the lead's person was erased (`fieldnote.privacy`):
the lead is then an anonymous stub that this device shows but never edits.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_lead", sa.Column("erased_at", sa.String(length=40), nullable=True))


def downgrade() -> None:
    # In place: a batch rebuild of rec_lead would trip over the insights triggers naming it.
    op.execute("ALTER TABLE rec_lead DROP COLUMN erased_at")
