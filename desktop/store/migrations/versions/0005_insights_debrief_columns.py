"""insights: debrief columns on the parsed tag and item rows

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

The page with no filters joined every submitted debrief to its parsed tags and collateral
entries and sorted the result by tag and segment. The tag and item rows of migration 0004 now
carry a copy of the debrief columns those figures read (deleted, status, the call's month, the
author, the lead and the outcome), kept by the same triggers, so the unfiltered voice of the
customer, helped votes and the debrief side of the deals each item was used in stream out of
covering indexes in their grouping order, without a join or a sort. Filtered figures keep
joining the debriefs (their date, team and event filters need the debrief row anyway).

The debrief triggers of 0004 are replaced: an insert, and an update of the id, a tag or
collateral list or a copied column, rewrite the debrief's rows from the new values; a delete
removes them. As in 0004, writes must not use INSERT OR REPLACE, and inside the triggers no
OR IGNORE (the conflict policy of the statement that fired a trigger would take over).
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Frozen copies of the rules at this revision.
TAG_COLUMNS = ("objections", "competitors", "why_buy", "why_not")
# Copied debrief columns, in table order: (column in the summary tables, its value from `d`).
COPIED = (
    ("deleted", "{d}.deleted"),
    ("status", "{d}.status"),
    ("month", "substr({d}.call_date, 1, 7)"),
    ("author_id", "{d}.author_id"),
    ("lead_id", "{d}.lead_id"),
    ("outcome", "{d}.outcome"),
)
COPIED_NAMES = ", ".join(name for name, _ in COPIED)
DEBRIEF_SOURCES = ("deleted", "status", "call_date", "author_id", "lead_id", "outcome")


def _copied(d: str) -> str:
    return ", ".join(expr.format(d=d) for _, expr in COPIED)


def tag_insert(d: str, table: str = "") -> str:
    source = f"{table} {d}, " if table else ""
    parts = [
        f"SELECT {d}.id, '{c}', j.value, {_copied(d)} FROM {source}json_each(CASE WHEN "
        f"json_valid({d}.{c}) THEN {d}.{c} END) j WHERE j.type = 'text' AND typeof(j.key) = 'integer'"
        for c in TAG_COLUMNS
    ]
    # UNION keeps each tag of a field once (the copied columns are the same for a debrief).
    return (f"INSERT INTO insights_debrief_tag (debrief_id, dim, tag, {COPIED_NAMES}) "
            + " UNION ".join(parts) + ";")


def item_insert(d: str, table: str = "") -> str:
    source = f"{table} {d}, " if table else ""
    helpful = "json_extract(j.value, '$.helpful')"
    return (
        f"INSERT INTO insights_debrief_item (debrief_id, collateral_id, helpful, {COPIED_NAMES}) "
        f"SELECT DISTINCT {d}.id, json_extract(j.value, '$.collateral_id'), "
        f"CASE WHEN {helpful} = 1 THEN 1 WHEN {helpful} = 0 THEN 0 END, {_copied(d)} FROM {source}"
        f"json_each(CASE WHEN json_valid({d}.collateral_used) THEN {d}.collateral_used END) j "
        "WHERE j.type = 'object' AND typeof(j.key) = 'integer' "
        "AND json_type(j.value, '$.collateral_id') = 'text';"
    )


OLD_TRIGGERS = ("insights_debrief_ai", "insights_debrief_tag_au", "insights_debrief_item_au")
UPDATED_COLUMNS = ", ".join(("id", *TAG_COLUMNS, "collateral_used", *DEBRIEF_SOURCES))
TRIGGERS = {
    "insights_debrief_ai": "AFTER INSERT ON rec_debrief BEGIN "
    "DELETE FROM insights_debrief_tag WHERE debrief_id = NEW.id; "
    "DELETE FROM insights_debrief_item WHERE debrief_id = NEW.id; "
    + tag_insert("NEW") + " " + item_insert("NEW") + " END",
    "insights_debrief_au": f"AFTER UPDATE OF {UPDATED_COLUMNS} ON rec_debrief BEGIN "
    "DELETE FROM insights_debrief_tag WHERE debrief_id = OLD.id; "
    "DELETE FROM insights_debrief_item WHERE debrief_id = OLD.id; "
    + tag_insert("NEW") + " " + item_insert("NEW") + " END",
}

# Each in the grouping order of one figure, holding what it counts.
INDEXES = {
    "ix_insights_debrief_tag_month": ("insights_debrief_tag", ["deleted", "status", "dim", "tag", "month"]),
    "ix_insights_debrief_tag_author": ("insights_debrief_tag", ["deleted", "status", "dim", "tag", "author_id"]),
    "ix_insights_debrief_tag_outcome": ("insights_debrief_tag", ["deleted", "status", "dim", "tag", "outcome"]),
    "ix_insights_debrief_item_votes": (
        "insights_debrief_item",
        ["deleted", "status", "collateral_id", "outcome", "debrief_id", "helpful", "lead_id"]),
}
COLUMN_TYPES = {"deleted": "BOOLEAN", "status": "VARCHAR(40)", "month": "VARCHAR(7)",
                "author_id": "VARCHAR(36)", "lead_id": "VARCHAR(36)", "outcome": "VARCHAR(40)"}


def upgrade() -> None:
    for name in OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("insights_debrief_tag", "insights_debrief_item"):
        for name, _ in COPIED:
            op.execute(f"ALTER TABLE {table} ADD COLUMN {name} {COLUMN_TYPES[name]}")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    # Refill both tables with the copied columns.
    op.execute("DELETE FROM insights_debrief_tag")
    op.execute("DELETE FROM insights_debrief_item")
    op.execute(tag_insert("d", "rec_debrief"))
    op.execute(item_insert("d", "rec_debrief"))
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    bind = op.get_bind()
    if bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).first():
        for table in ("insights_debrief_tag", "insights_debrief_item"):
            op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    raise NotImplementedError("0005 is not reversible in place; restore a backup of the data file")
