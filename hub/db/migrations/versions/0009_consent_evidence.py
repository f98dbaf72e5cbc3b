"""consent as evidence: the consent wording kind, a lead's consent statement and history

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

Leads gain the evidence of their consent (`consent_wording_id`, `consent_method`,
`consent_captured_by`, `consent_signature_sha256`) and the earlier statements
(`consent_history`); events name their consent wording; marketing's wordings are a new record
kind (`rec_consent_wording`). Only additions: older hubs' rows keep their consent as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
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
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("is_default", sa.Boolean(), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=True),
        sa.Column("versions", sa.JSON(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_consent_wording")),
    )
    with op.batch_alter_table("rec_consent_wording", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rec_consent_wording_author_id"), ["author_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("rec_consent_wording", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_consent_wording_author_id"))
    op.drop_table("rec_consent_wording")
    with op.batch_alter_table("rec_event") as batch:
        batch.drop_column("consent_wording_id")
    with op.batch_alter_table("rec_lead") as batch:
        for name, _type in reversed(_LEAD_COLUMNS):
            batch.drop_column(name)
