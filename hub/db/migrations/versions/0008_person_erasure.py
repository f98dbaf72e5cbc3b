"""privacy: erased leads and the salted keys of erased email addresses

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

`rec_lead.erased_at` marks a lead whose person was erased (an anonymous stub). Each erasure
keeps a row in `hub_erased_person` with the salted sha256 of the email address
(`fieldnote.privacy.email_key`, the salt in `hub_meta`), so that a lead of the same address
arriving later is refused for a decision instead of recreating the person.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_lead", sa.Column("erased_at", sa.String(length=40), nullable=True))
    op.create_table(
        "hub_erased_person",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("email_key", sa.String(length=64), nullable=False),
        sa.Column("erased_at", sa.String(length=40), nullable=False),
        sa.Column("erased_by", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("leads", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_erased_person")),
    )
    op.create_index(op.f("ix_hub_erased_person_email_key"), "hub_erased_person", ["email_key"])


def downgrade() -> None:
    op.drop_index(op.f("ix_hub_erased_person_email_key"), table_name="hub_erased_person")
    op.drop_table("hub_erased_person")
    with op.batch_alter_table("rec_lead") as batch:
        batch.drop_column("erased_at")
