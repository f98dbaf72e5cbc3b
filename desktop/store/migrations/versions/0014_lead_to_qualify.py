"""leads: the "to qualify" mark of quick scans

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

A quick scan saves the visitor at once as a lead with `to_qualify` true; the rubric walk of
the event's queue clears it. The queue reads its event's marked leads oldest first through
`ix_rec_lead_to_qualify`. Existing leads are not marked.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_lead", sa.Column("to_qualify", sa.Boolean(), nullable=True))
    op.create_index("ix_rec_lead_to_qualify", "rec_lead",
                    ["to_qualify", "event_id", "captured_at", "id"])


def downgrade() -> None:
    op.drop_index("ix_rec_lead_to_qualify", table_name="rec_lead")
    # In place: a batch rebuild of rec_lead would trip over the insights triggers naming it.
    op.execute("ALTER TABLE rec_lead DROP COLUMN to_qualify")
