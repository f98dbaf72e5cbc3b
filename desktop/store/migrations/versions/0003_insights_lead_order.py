"""leads indexed in the order the insights funnel groups them

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

The funnel cube groups leads by event, grade, qualification and rubric version; with an index
in that order (holding every column the figures read) SQLite aggregates while it walks the
index instead of copying and sorting every lead.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = ["deleted", "event_id", "grade", "qualified", "rubric_id", "rubric_version", "captured_at",
           "owner_id", "id"]


def upgrade() -> None:
    op.create_index("ix_rec_lead_cube", "rec_lead", COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_rec_lead_cube", table_name="rec_lead")
