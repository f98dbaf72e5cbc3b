"""insights summaries kept current by triggers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

The Insights figures used to work out, on every computation, how far each lead got over all
its outcomes and to parse every debrief's tag and collateral lists out of their JSON. Those
facts change only when an outcome, a lead or a debrief is written, so three tables now hold
them and SQLite triggers keep them current on every write, local or applied by sync (inserts,
updates, tombstones and deletes alike):

- `insights_lead_stage`: per lead with a live outcome, how far it got, its won amount, whether
  it was lost and its first contact, with a copy of the lead columns the figures filter and
  group by (NULL while the lead itself is not in the cache);
- `insights_debrief_tag`: each debrief's objections, competitors, why-buy and why-not tags;
- `insights_debrief_item`: each debrief's collateral entries (item id, helpful 1 / 0 / NULL).

An index on leads by event, owner and capture day serves leads per rep and per day without a
sort; covering indexes serve the submitted debriefs and the newest rating per user and item. A later migration that rebuilds `rec_lead`, `rec_lead_outcome` or `rec_debrief` (batch
mode copies the table) must create these triggers again, and writes to those tables must not use
INSERT OR REPLACE (SQLite deletes the replaced row without firing delete triggers); the store
and sync write with INSERT, UPDATE, ON CONFLICT DO UPDATE and DELETE.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Frozen copies of the rules at this revision (a later revision that changes them rewrites the
# triggers and refills the tables in its own file).
STAGE_CASE = (
    "CASE status WHEN 'contacted' THEN 1 WHEN 'meeting' THEN 2 "
    "WHEN 'opportunity' THEN 3 WHEN 'won' THEN 4 ELSE 0 END"
)
LEAD_COLUMNS = ("deleted", "event_id", "grade", "qualified", "rubric_id", "rubric_version",
                "captured_at", "owner_id")
TAG_COLUMNS = ("objections", "competitors", "why_buy", "why_not")


def stage_select(which: str) -> str:
    """How far the leads whose outcomes match `which` got over their live outcomes, with their
    lead columns: no row for a lead without a live outcome."""
    cols = ", ".join(f"l.{c}" for c in LEAD_COLUMNS)
    return (
        "SELECT o.lead_id, o.stage, o.won_amount, o.lost, o.first_jd, "
        f"o.first_jd - julianday(l.captured_at), {cols} FROM (SELECT lead_id, "
        f"MAX({STAGE_CASE}) AS stage, "
        "SUM(CASE WHEN status = 'won' THEN COALESCE(amount, 0) ELSE 0 END) AS won_amount, "
        "MAX(status = 'lost') AS lost, "
        "julianday(MIN(CASE WHEN status IN ('contacted', 'meeting', 'opportunity', 'won') "
        "THEN at END)) AS first_jd FROM rec_lead_outcome "
        f"WHERE deleted = 0 AND {which} GROUP BY lead_id) o "
        "LEFT JOIN rec_lead l ON l.id = o.lead_id"
    )


STAGE_INSERT = (
    "INSERT INTO insights_lead_stage (lead_id, stage, won_amount, lost, first_jd, delay, "
    f"{', '.join(LEAD_COLUMNS)}) "
)


def stage_refresh(lead: str, guard: str = "") -> str:
    cond = f" AND {guard}" if guard else ""
    return (
        f"DELETE FROM insights_lead_stage WHERE lead_id = {lead}{cond}; "
        f"{STAGE_INSERT}{stage_select(f'lead_id = {lead}{cond}')};"
    )


def lead_columns_set(src: str | None) -> str:
    if src is None:
        return "delay = NULL, " + ", ".join(f"{c} = NULL" for c in LEAD_COLUMNS)
    return (f"delay = first_jd - julianday({src}.captured_at), "
            + ", ".join(f"{c} = {src}.{c}" for c in LEAD_COLUMNS))


def tag_insert(d: str, table: str = "") -> str:
    source = f"{table} {d}, " if table else ""
    parts = [
        f"SELECT {d}.id, '{c}', j.value FROM {source}json_each(CASE WHEN json_valid({d}.{c}) "
        f"THEN {d}.{c} END) j WHERE j.type = 'text' AND typeof(j.key) = 'integer'"
        for c in TAG_COLUMNS
    ]
    # UNION keeps each tag of a field once. (No OR IGNORE: inside a trigger the conflict
    # policy of the statement that fired it would take over.)
    return ("INSERT INTO insights_debrief_tag (debrief_id, dim, tag) "
            + " UNION ".join(parts) + ";")


def item_insert(d: str, table: str = "") -> str:
    # Only entries naming an item by a text id can match an item; helpful is kept as 1 or 0
    # when the stored value equals true / false, else NULL (each distinct entry once).
    source = f"{table} {d}, " if table else ""
    helpful = "json_extract(j.value, '$.helpful')"
    return (
        "INSERT INTO insights_debrief_item (debrief_id, collateral_id, helpful) "
        f"SELECT DISTINCT {d}.id, json_extract(j.value, '$.collateral_id'), "
        f"CASE WHEN {helpful} = 1 THEN 1 WHEN {helpful} = 0 THEN 0 END FROM {source}"
        f"json_each(CASE WHEN json_valid({d}.collateral_used) THEN {d}.collateral_used END) j "
        "WHERE j.type = 'object' AND typeof(j.key) = 'integer' "
        "AND json_type(j.value, '$.collateral_id') = 'text';"
    )


TRIGGERS = {
    # Outcomes: recompute the lead's row from its outcomes (a handful, read from an index).
    "insights_stage_outcome_ai": "AFTER INSERT ON rec_lead_outcome BEGIN "
    + stage_refresh("NEW.lead_id") + " END",
    "insights_stage_outcome_au": "AFTER UPDATE OF lead_id, deleted, status, amount, at "
    "ON rec_lead_outcome BEGIN " + stage_refresh("OLD.lead_id")
    + " " + stage_refresh("NEW.lead_id", "NEW.lead_id IS NOT OLD.lead_id") + " END",
    "insights_stage_outcome_ad": "AFTER DELETE ON rec_lead_outcome BEGIN "
    + stage_refresh("OLD.lead_id") + " END",
    # Leads: copy the columns the figures filter and group by.
    "insights_stage_lead_ai": "AFTER INSERT ON rec_lead BEGIN "
    f"UPDATE insights_lead_stage SET {lead_columns_set('NEW')} WHERE lead_id = NEW.id; END",
    "insights_stage_lead_au": f"AFTER UPDATE OF id, {', '.join(LEAD_COLUMNS)} ON rec_lead BEGIN "
    f"UPDATE insights_lead_stage SET {lead_columns_set(None)} "
    "WHERE lead_id = OLD.id AND OLD.id IS NOT NEW.id; "
    f"UPDATE insights_lead_stage SET {lead_columns_set('NEW')} WHERE lead_id = NEW.id; END",
    "insights_stage_lead_ad": "AFTER DELETE ON rec_lead BEGIN "
    f"UPDATE insights_lead_stage SET {lead_columns_set(None)} WHERE lead_id = OLD.id; END",
    # Debriefs: their tags and collateral entries, parsed once when written.
    "insights_debrief_ai": "AFTER INSERT ON rec_debrief BEGIN "
    "DELETE FROM insights_debrief_tag WHERE debrief_id = NEW.id; "
    "DELETE FROM insights_debrief_item WHERE debrief_id = NEW.id; "
    + tag_insert("NEW") + " " + item_insert("NEW") + " END",
    "insights_debrief_tag_au": f"AFTER UPDATE OF id, {', '.join(TAG_COLUMNS)} ON rec_debrief BEGIN "
    "DELETE FROM insights_debrief_tag WHERE debrief_id = OLD.id; " + tag_insert("NEW") + " END",
    "insights_debrief_item_au": "AFTER UPDATE OF id, collateral_used ON rec_debrief BEGIN "
    "DELETE FROM insights_debrief_item WHERE debrief_id = OLD.id; " + item_insert("NEW") + " END",
    "insights_debrief_ad": "AFTER DELETE ON rec_debrief BEGIN "
    "DELETE FROM insights_debrief_tag WHERE debrief_id = OLD.id; "
    "DELETE FROM insights_debrief_item WHERE debrief_id = OLD.id; END",
}

STAGE_INDEX = ["deleted", "event_id", "grade", "qualified", "rubric_id", "rubric_version",
               "captured_at", "owner_id", "lead_id", "stage", "won_amount", "delay"]


# Covering indexes: the submitted debriefs are read without their wide rows, and each user's
# newest rating of an item streams out in (item, author) order.
COVERING = {
    "ix_rec_debrief_insights": (
        "rec_debrief", ["deleted", "status", "call_date", "author_id", "lead_id", "outcome", "id"]),
    "ix_rec_collateral_feedback_insights": (
        "rec_collateral_feedback", ["collateral_id", "author_id", "id", "deleted", "rating"]),
}


def upgrade() -> None:
    op.create_table(
        "insights_lead_stage",
        sa.Column("lead_id", sa.String(length=36), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("won_amount", sa.Float(), nullable=True),
        sa.Column("lost", sa.Integer(), nullable=True),
        sa.Column("first_jd", sa.Float(), nullable=True),
        sa.Column("delay", sa.Float(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=True),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("grade", sa.String(length=40), nullable=True),
        sa.Column("qualified", sa.Boolean(), nullable=True),
        sa.Column("rubric_id", sa.String(length=36), nullable=True),
        sa.Column("rubric_version", sa.Integer(), nullable=True),
        sa.Column("captured_at", sa.String(length=40), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("lead_id"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_insights_lead_stage_cube", "insights_lead_stage", STAGE_INDEX)
    op.create_table(
        "insights_debrief_tag",
        sa.Column("debrief_id", sa.String(length=36), nullable=False),
        sa.Column("dim", sa.String(length=20), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("debrief_id", "dim", "tag"),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "insights_debrief_item",
        sa.Column("debrief_id", sa.String(length=36), nullable=False),
        sa.Column("collateral_id", sa.Text(), nullable=True),
        sa.Column("helpful", sa.Integer(), nullable=True),
    )
    op.create_index("ix_insights_debrief_item", "insights_debrief_item",
                    ["debrief_id", "collateral_id", "helpful"])
    for name, (table, columns) in COVERING.items():
        op.create_index(name, table, columns)
    op.execute(
        "CREATE INDEX ix_rec_lead_rep_day ON rec_lead "
        "(deleted, event_id, owner_id, substr(captured_at, 1, 10), captured_at)"
    )
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    # Fill them from what the store already holds.
    op.execute(STAGE_INSERT + stage_select("lead_id IS NOT NULL"))
    op.execute(tag_insert("d", "rec_debrief"))
    op.execute(item_insert("d", "rec_debrief"))
    # A file that holds planner statistics needs them for the new indexes too: with figures
    # for the old lead indexes only, SQLite would take the new one for the funnel cube.
    bind = op.get_bind()
    if bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'"
    ).first():
        for table in ("rec_lead", "rec_debrief", "rec_collateral_feedback", "insights_lead_stage",
                      "insights_debrief_tag", "insights_debrief_item"):
            op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP INDEX IF EXISTS ix_rec_lead_rep_day")
    for name, (table, _columns) in COVERING.items():
        op.drop_index(name, table_name=table)
    op.drop_index("ix_insights_debrief_item", table_name="insights_debrief_item")
    op.drop_table("insights_debrief_item")
    op.drop_table("insights_debrief_tag")
    op.drop_index("ix_insights_lead_stage_cube", table_name="insights_lead_stage")
    op.drop_table("insights_lead_stage")
