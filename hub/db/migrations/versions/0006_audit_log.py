"""the audit log: person exports and erasures, consent wording and role changes, exports

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

A new table only; entries are appended and never changed (`hub.audit`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("actor_id", sa.String(length=36), nullable=True),
        sa.Column("actor", sa.String(length=200), nullable=True),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.Column("ref", sa.String(length=36), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_audit")),
        sa.UniqueConstraint("ref", name=op.f("uq_hub_audit_ref")),
    )
    op.create_index(op.f("ix_hub_audit_at"), "hub_audit", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_hub_audit_at"), table_name="hub_audit")
    op.drop_table("hub_audit")
