"""outcomes: a later outcome can withdraw one recorded by mistake

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

Outcomes are append-only, so undoing one appends a retraction: an outcome whose new column
`retracts` names the outcome it withdraws (`fieldnote.outcomes`). The insights summary of how
far each lead got now counts only outcomes that are neither retractions nor withdrawn, so the
outcome triggers of 0004 are created again with that condition. No stored outcome has a
retraction yet, so the summary rows stay as they are.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Frozen copies of 0004's rules, with and without the retraction condition.
STAGE_CASE = (
    "CASE status WHEN 'contacted' THEN 1 WHEN 'meeting' THEN 2 "
    "WHEN 'opportunity' THEN 3 WHEN 'won' THEN 4 ELSE 0 END"
)
LEAD_COLUMNS = ("deleted", "event_id", "grade", "qualified", "rubric_id", "rubric_version",
                "captured_at", "owner_id")
COUNTING = (
    "retracts IS NULL AND NOT EXISTS (SELECT 1 FROM rec_lead_outcome r "
    "WHERE r.lead_id = rec_lead_outcome.lead_id AND r.retracts = rec_lead_outcome.id "
    "AND r.deleted = 0) AND "
)


def stage_select(which: str, counting: str) -> str:
    cols = ", ".join(f"l.{c}" for c in LEAD_COLUMNS)
    return (
        "SELECT o.lead_id, o.stage, o.won_amount, o.lost, o.first_jd, "
        f"o.first_jd - julianday(l.captured_at), {cols} FROM (SELECT lead_id, "
        f"MAX({STAGE_CASE}) AS stage, "
        "SUM(CASE WHEN status = 'won' THEN COALESCE(amount, 0) ELSE 0 END) AS won_amount, "
        "MAX(status = 'lost') AS lost, "
        "julianday(MIN(CASE WHEN status IN ('contacted', 'meeting', 'opportunity', 'won') "
        "THEN at END)) AS first_jd FROM rec_lead_outcome "
        f"WHERE deleted = 0 AND {counting}{which} GROUP BY lead_id) o "
        "LEFT JOIN rec_lead l ON l.id = o.lead_id"
    )


STAGE_INSERT = (
    "INSERT INTO insights_lead_stage (lead_id, stage, won_amount, lost, first_jd, delay, "
    f"{', '.join(LEAD_COLUMNS)}) "
)


def stage_refresh(lead: str, counting: str, guard: str = "") -> str:
    cond = f" AND {guard}" if guard else ""
    return (
        f"DELETE FROM insights_lead_stage WHERE lead_id = {lead}{cond}; "
        f"{STAGE_INSERT}{stage_select(f'lead_id = {lead}{cond}', counting)};"
    )


def triggers(counting: str, columns: str) -> dict[str, str]:
    return {
        "insights_stage_outcome_ai": "AFTER INSERT ON rec_lead_outcome BEGIN "
        + stage_refresh("NEW.lead_id", counting) + " END",
        "insights_stage_outcome_au": f"AFTER UPDATE OF {columns} "
        "ON rec_lead_outcome BEGIN " + stage_refresh("OLD.lead_id", counting)
        + " " + stage_refresh("NEW.lead_id", counting, "NEW.lead_id IS NOT OLD.lead_id") + " END",
        "insights_stage_outcome_ad": "AFTER DELETE ON rec_lead_outcome BEGIN "
        + stage_refresh("OLD.lead_id", counting) + " END",
    }


def _create(trigs: dict[str, str]) -> None:
    for name, body in trigs.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")


def upgrade() -> None:
    op.add_column("rec_lead_outcome", sa.Column("retracts", sa.String(length=36), nullable=True))
    _create(triggers(COUNTING, "lead_id, deleted, status, amount, at, retracts"))


def downgrade() -> None:
    for name in triggers("", ""):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_column("rec_lead_outcome", "retracts")
    _create(triggers("", "lead_id, deleted, status, amount, at"))
