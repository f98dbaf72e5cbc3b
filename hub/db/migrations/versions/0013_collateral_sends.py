"""collateral sends: the record kind, the mail outbox and the personal links

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07

A rep's `collateral_send` is a record of its own kind; the hub mails it from
`hub_mail_outbox` and serves its items through `hub_share_link` (docs/collateral.md). New
tables only: nothing an older hub reads changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rec_collateral_send",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("collateral_ids", sa.JSON(), nullable=True),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("requested_at", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("state", sa.String(length=40), nullable=True),
        sa.Column("state_reason", sa.Text(), nullable=True),
        sa.Column("mailed_at", sa.String(length=40), nullable=True),
        sa.Column("opened_at", sa.String(length=40), nullable=True),
        sa.Column("links", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_collateral_send")),
    )
    with op.batch_alter_table("rec_collateral_send", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rec_collateral_send_lead_id"), ["lead_id"],
                              unique=False)
        batch_op.create_index(batch_op.f("ix_rec_collateral_send_author_id"), ["author_id"],
                              unique=False)
    op.create_table(
        "hub_mail_outbox",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("send_id", sa.String(length=36), nullable=False),
        sa.Column("base_url", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.Float(), nullable=False),
        sa.Column("claim", sa.String(length=36), nullable=True),
        sa.Column("last_attempt_at", sa.Float(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_at", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_mail_outbox")),
        sa.UniqueConstraint("send_id", name=op.f("uq_hub_mail_outbox_send_id")),
    )
    with op.batch_alter_table("hub_mail_outbox") as batch_op:
        batch_op.create_index("ix_hub_mail_outbox_due", ["state", "next_at"], unique=False)
    op.create_table(
        "hub_share_link",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("send_id", sa.String(length=36), nullable=False),
        sa.Column("collateral_id", sa.String(length=36), nullable=False),
        sa.Column("lead_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("mailed", sa.Boolean(), nullable=False),
        sa.Column("revoked_at", sa.Float(), nullable=True),
        sa.Column("first_opened_at", sa.Float(), nullable=True),
        sa.Column("opens", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_share_link")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_hub_share_link_token_hash")),
    )
    with op.batch_alter_table("hub_share_link") as batch_op:
        batch_op.create_index(batch_op.f("ix_hub_share_link_send_id"), ["send_id"],
                              unique=False)


def downgrade() -> None:
    op.drop_table("hub_share_link")
    op.drop_table("hub_mail_outbox")
    op.drop_table("rec_collateral_send")
