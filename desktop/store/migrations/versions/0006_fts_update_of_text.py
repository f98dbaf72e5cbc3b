"""search index: re-index a record only when its searchable text is written

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28

The FTS5 update triggers of 0001 fired on every update of a lead, a collateral item or a
debrief, so an update of bookkeeping columns alone (sync raising `rev` after a push, marking
a record deleted) deleted and re-inserted the record's search text. They now fire on updates
of the searchable columns only (`AFTER UPDATE OF ...`): a push of 10,000 leads no longer
re-indexes 10,000 leads. Rows keep their rowid on update (upserts update in place), so the
index stays keyed right.
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copy of the searchable columns at this revision (as created by 0001).
FTS = {
    "lead": ("first_name", "last_name", "email", "company", "title", "notes"),
    "collateral": ("title", "summary", "tags", "text"),
    "debrief": (
        "account",
        "contacts",
        "reasons_buy",
        "reasons_not",
        "pain_points",
        "objections",
        "competitors",
        "next_steps",
        "notes",
    ),
}


def _update_trigger(kind: str, cols: tuple[str, ...], of: str) -> None:
    t, f = f"rec_{kind}", f"fts_{kind}"
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    op.execute(f"DROP TRIGGER IF EXISTS {f}_au")
    op.execute(
        f"CREATE TRIGGER {f}_au AFTER UPDATE {of}ON {t} BEGIN "
        f"INSERT INTO {f}({f}, rowid, {names}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO {f}(rowid, {names}) VALUES (new.rowid, {new}); END"
    )


def upgrade() -> None:
    for kind, cols in FTS.items():
        _update_trigger(kind, cols, f"OF {', '.join(cols)} ")


def downgrade() -> None:
    for kind, cols in FTS.items():
        _update_trigger(kind, cols, "")
