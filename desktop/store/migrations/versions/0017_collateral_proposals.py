"""collateral: reps' proposals, marketing's review comment, the last verification

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07

`proposed_by` names the rep whose proposal an item is, `review_comment` is marketing's answer
to it, `verified_on` the last day marketing confirmed the item still holds. Existing items
have none of them.
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_COLUMNS = (("proposed_by", sa.String(length=36)), ("review_comment", sa.Text()),
            ("verified_on", sa.String(length=10)))


def upgrade() -> None:
    for name, type_ in _COLUMNS:
        op.add_column("rec_collateral", sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    # In place: a batch rebuild of rec_collateral would trip over the search triggers naming it.
    for name, _type in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE rec_collateral DROP COLUMN {name}")
