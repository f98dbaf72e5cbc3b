"""webhooks and their delivery outbox

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

`hub_webhook` holds where events are posted and the secret that signs them;
`hub_webhook_delivery` is the outbox the delivery worker sends from (docs/webhooks.md). Two
new tables: nothing an older hub reads changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_webhook",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("secret", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(length=40), nullable=False),
        sa.Column("disabled_at", sa.String(length=40), nullable=True),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_webhook")),
    )
    op.create_table(
        "hub_webhook_delivery",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("webhook_id", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("event_type", sa.String(length=40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", sa.Float(), nullable=False),
        sa.Column("claim", sa.String(length=36), nullable=True),
        sa.Column("last_attempt_at", sa.Float(), nullable=True),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("delivered_at", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_webhook_delivery")),
    )
    with op.batch_alter_table("hub_webhook_delivery") as batch_op:
        batch_op.create_index("ix_hub_webhook_delivery_due", ["state", "next_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_hub_webhook_delivery_webhook_id"), ["webhook_id"],
                              unique=False)


def downgrade() -> None:
    op.drop_table("hub_webhook_delivery")
    op.drop_table("hub_webhook")
