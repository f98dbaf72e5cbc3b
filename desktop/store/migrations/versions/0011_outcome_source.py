"""outcomes: where an outcome was learnt

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

`lead_outcome.source` is "crm" for an outcome imported from a CRM report
(`fieldnote leads outcomes import`); outcomes recorded in Fieldnote have none.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_lead_outcome", sa.Column("source", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rec_lead_outcome") as batch:
        batch.drop_column("source")
