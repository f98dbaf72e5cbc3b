"""consent as evidence: the consent wording kind, a lead's consent statement and history

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

Leads gain the evidence of their consent (`consent_wording_id`, `consent_method`,
`consent_captured_by`, `consent_signature_sha256`) and the earlier statements
(`consent_history`); events name their consent wording; marketing's wordings are a new record
kind (`rec_consent_wording`). Existing leads keep their consent as it was, without evidence.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_LEAD_COLUMNS = (
    ("consent_wording_id", sa.String(length=36)),
    ("consent_method", sa.String(length=40)),
    ("consent_captured_by", sa.String(length=36)),
    ("consent_signature_sha256", sa.String(length=200)),
    ("consent_history", sa.JSON()),
)


def upgrade() -> None:
    for name, type_ in _LEAD_COLUMNS:
        op.add_column("rec_lead", sa.Column(name, type_, nullable=True))
    op.add_column("rec_event", sa.Column("consent_wording_id", sa.String(length=36), nullable=True))
    op.create_table(
        "rec_consent_wording",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("is_default", sa.Boolean(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("versions", sa.JSON(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )


def downgrade() -> None:
    op.drop_table("rec_consent_wording")
    # SQLite drops a column in place; a batch rebuild of rec_lead would trip over the insights
    # triggers that name the table.
    op.execute("ALTER TABLE rec_event DROP COLUMN consent_wording_id")
    for name, _type in reversed(_LEAD_COLUMNS):
        op.execute(f"ALTER TABLE rec_lead DROP COLUMN {name}")
