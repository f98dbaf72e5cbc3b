"""lead_attachment: voice notes and photos on a lead

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08

A voice memo or a photo on a lead is a `lead_attachment` record (`fieldnote.attachments`)
naming a file the device uploaded first. A new table, nothing else changes: expand only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rec_lead_attachment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("media", sa.String(length=40), nullable=True),
        sa.Column("label", sa.String(length=40), nullable=True),
        sa.Column("caption", sa.String(length=200), nullable=True),
        sa.Column("file_sha256", sa.String(length=200), nullable=True),
        sa.Column("file_size", sa.BigInteger(), nullable=True),
        sa.Column("mime_type", sa.String(length=40), nullable=True),
        sa.Column("duration_ms", sa.BigInteger(), nullable=True),
        sa.Column("width", sa.BigInteger(), nullable=True),
        sa.Column("height", sa.BigInteger(), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_lead_attachment")),
    )
    with op.batch_alter_table("rec_lead_attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rec_lead_attachment_lead_id"), ["lead_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_rec_lead_attachment_file_sha256"), ["file_sha256"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_rec_lead_attachment_author_id"), ["author_id"],
                              unique=False)


def downgrade() -> None:
    op.drop_table("rec_lead_attachment")
