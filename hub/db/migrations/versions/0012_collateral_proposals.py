"""collateral: reps' proposals, marketing's review comment, the last verification

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

`proposed_by` names the rep whose proposal an item is (seen by marketing and that rep until
approved), `review_comment` is marketing's answer to it (a decline says why), and
`verified_on` the last day marketing confirmed the item still holds (docs/collateral.md).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_COLUMNS = (("proposed_by", sa.String(36)), ("review_comment", sa.Text()),
            ("verified_on", sa.String(10)))


def upgrade() -> None:
    for name, type_ in _COLUMNS:
        op.add_column("rec_collateral", sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rec_collateral") as batch:
        for name, _type in reversed(_COLUMNS):
            batch.drop_column(name)
