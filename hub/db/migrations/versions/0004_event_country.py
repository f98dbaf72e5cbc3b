"""events: the country an event is held in

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

`event.country` (ISO 3166 alpha-2) is the region assumed for phone numbers typed without
+country at the event's booth (`fieldnote.leads.phone_region`).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("rec_event", sa.Column("country", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rec_event") as batch:
        batch.drop_column("country")
