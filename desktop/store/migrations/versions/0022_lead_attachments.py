"""lead_attachment: voice notes and photos on a lead

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-08

A voice memo or a photo (the badge, the business card, a whiteboard) is a `lead_attachment`
record (`fieldnote.attachments`) naming its file in the content-addressed file cache; it waits
in the outbox like any change, its file uploaded before it. A new table, nothing else changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rec_lead_attachment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("media", sa.String(length=40), nullable=True),
        sa.Column("label", sa.String(length=40), nullable=True),
        sa.Column("caption", sa.String(length=200), nullable=True),
        sa.Column("file_sha256", sa.String(length=200), nullable=True),
        sa.Column("file_size", sa.Integer(), nullable=True),
        sa.Column("mime_type", sa.String(length=40), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_rec_lead_attachment_lead_id", "rec_lead_attachment", ["lead_id"])


def downgrade() -> None:
    op.drop_table("rec_lead_attachment")
