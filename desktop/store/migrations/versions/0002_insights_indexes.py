"""covering indexes for insights

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

The Insights figures scan every outcome, use and lead; these indexes hold the columns those
scans read, so SQLite walks narrow index pages in order instead of sorting whole rows.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_rec_lead_outcome_insights": (
        "rec_lead_outcome", ["lead_id", "deleted", "status", "amount", "at"]),
    "ix_rec_collateral_usage_insights": (
        "rec_collateral_usage", ["collateral_id", "deleted", "action", "at", "author_id", "lead_id",
                                 "debrief_id"]),
    "ix_rec_lead_insights": (
        "rec_lead", ["captured_at", "deleted", "event_id", "owner_id", "grade", "qualified",
                     "rubric_id", "rubric_version", "id"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
