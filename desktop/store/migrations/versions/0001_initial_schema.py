"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28

The first schema: a typed table per record kind, the outbox, sync state, local marks, and
FTS5 indexes (external content, kept current by triggers) for leads, collateral and debriefs.
"""

import sqlalchemy as sa
from alembic import op

# Frozen copy of the searchable columns at this revision; later revisions change them here.
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


def create_fts(kind: str, cols: tuple[str, ...]) -> None:
    t, f = f"rec_{kind}", f"fts_{kind}"
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    op.execute(
        f"CREATE VIRTUAL TABLE {f} USING fts5({names}, content='{t}', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    op.execute(
        f"CREATE TRIGGER {f}_ai AFTER INSERT ON {t} BEGIN "
        f"INSERT INTO {f}(rowid, {names}) VALUES (new.rowid, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER {f}_ad AFTER DELETE ON {t} BEGIN "
        f"INSERT INTO {f}({f}, rowid, {names}) VALUES ('delete', old.rowid, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER {f}_au AFTER UPDATE ON {t} BEGIN "
        f"INSERT INTO {f}({f}, rowid, {names}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO {f}(rowid, {names}) VALUES (new.rowid, {new}); END"
    )


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "local_marks",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("mark", sa.String(length=40), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("kind", "record_id", "mark"),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=10), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("made_at", sa.String(length=40), nullable=False),
        sa.Column("state", sa.String(length=12), server_default="pending", nullable=False),
        sa.Column("sent", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("server_errors", sa.Integer(), server_default="0", nullable=False),
        sa.Column("problem", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("mutation_id"),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_record", ["kind", "record_id"], unique=False)
        batch_op.create_index("ix_outbox_state", ["state", "seq"], unique=False)

    op.create_table(
        "rec_collateral",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("supersedes_id", sa.String(length=36), nullable=True),
        sa.Column("file_sha256", sa.String(length=200), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=True),
        sa.Column("file_size", sa.Integer(), nullable=True),
        sa.Column("mime_type", sa.String(length=200), nullable=True),
        sa.Column("expires_on", sa.String(length=10), nullable=True),
        sa.Column("audience", sa.JSON(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rec_collateral", schema=None) as batch_op:
        batch_op.create_index("ix_rec_collateral_status", ["status"], unique=False)

    op.create_table(
        "rec_collateral_feedback",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("collateral_id", sa.String(length=36), nullable=True),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rec_collateral_feedback", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rec_collateral_feedback_collateral_id", ["collateral_id"], unique=False
        )

    op.create_table(
        "rec_collateral_request",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("need", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("needed_by", sa.String(length=10), nullable=True),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=True),
        sa.Column("response", sa.Text(), nullable=True),
        sa.Column("collateral_id", sa.String(length=36), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "rec_collateral_usage",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("collateral_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=True),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("debrief_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rec_collateral_usage", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rec_collateral_usage_collateral_id", ["collateral_id"], unique=False
        )

    op.create_table(
        "rec_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("kind", sa.String(length=200), nullable=True),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=200), nullable=True),
        sa.Column("yours", sa.JSON(), nullable=True),
        sa.Column("theirs", sa.JSON(), nullable=True),
        sa.Column("by", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=True),
        sa.Column("resolved", sa.Boolean(), nullable=True),
        sa.Column("users", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rec_conflict", schema=None) as batch_op:
        batch_op.create_index("ix_rec_conflict_record_id", ["record_id"], unique=False)

    op.create_table(
        "rec_debrief",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("account", sa.String(length=200), nullable=True),
        sa.Column("contacts", sa.String(length=200), nullable=True),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("call_date", sa.String(length=10), nullable=True),
        sa.Column("call_type", sa.String(length=40), nullable=True),
        sa.Column("stage", sa.String(length=40), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("reasons_buy", sa.Text(), nullable=True),
        sa.Column("reasons_not", sa.Text(), nullable=True),
        sa.Column("why_buy", sa.JSON(), nullable=True),
        sa.Column("why_not", sa.JSON(), nullable=True),
        sa.Column("pain_points", sa.Text(), nullable=True),
        sa.Column("objections", sa.JSON(), nullable=True),
        sa.Column("competitors", sa.JSON(), nullable=True),
        sa.Column("collateral_used", sa.JSON(), nullable=True),
        sa.Column("next_steps", sa.Text(), nullable=True),
        sa.Column("follow_up_on", sa.String(length=10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rec_debrief", schema=None) as batch_op:
        batch_op.create_index("ix_rec_debrief_author_id", ["author_id"], unique=False)
        batch_op.create_index("ix_rec_debrief_call_date", ["call_date"], unique=False)
        batch_op.create_index("ix_rec_debrief_lead_id", ["lead_id"], unique=False)

    op.create_table(
        "rec_debrief_comment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("debrief_id", sa.String(length=36), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rec_debrief_comment", schema=None) as batch_op:
        batch_op.create_index("ix_rec_debrief_comment_debrief_id", ["debrief_id"], unique=False)

    op.create_table(
        "rec_event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=True),
        sa.Column("starts_on", sa.String(length=10), nullable=True),
        sa.Column("ends_on", sa.String(length=10), nullable=True),
        sa.Column("campaign_code", sa.String(length=200), nullable=True),
        sa.Column("rubric_id", sa.String(length=36), nullable=True),
        sa.Column("booth_staff", sa.JSON(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "rec_lead",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("first_name", sa.String(length=200), nullable=True),
        sa.Column("last_name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=200), nullable=True),
        sa.Column("company", sa.String(length=200), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("country", sa.String(length=200), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("badge_id", sa.String(length=200), nullable=True),
        sa.Column("source", sa.String(length=40), nullable=True),
        sa.Column("badge_raw", sa.Text(), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=True),
        sa.Column("rubric_id", sa.String(length=36), nullable=True),
        sa.Column("rubric_version", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("grade", sa.String(length=40), nullable=True),
        sa.Column("qualified", sa.Boolean(), nullable=True),
        sa.Column("consent_contact", sa.Boolean(), nullable=True),
        sa.Column("consent_text_version", sa.String(length=200), nullable=True),
        sa.Column("consent_at", sa.String(length=40), nullable=True),
        sa.Column("follow_up", sa.Boolean(), nullable=True),
        sa.Column("interests", sa.JSON(), nullable=True),
        sa.Column("collateral_ids", sa.JSON(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("captured_at", sa.String(length=40), nullable=True),
        sa.Column("captured_by", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rec_lead", schema=None) as batch_op:
        batch_op.create_index("ix_rec_lead_badge_id", ["badge_id"], unique=False)
        batch_op.create_index("ix_rec_lead_captured_at", ["captured_at"], unique=False)
        batch_op.create_index("ix_rec_lead_email", ["email"], unique=False)
        batch_op.create_index("ix_rec_lead_event_id", ["event_id"], unique=False)
        batch_op.create_index("ix_rec_lead_grade", ["grade"], unique=False)
        batch_op.create_index("ix_rec_lead_owner_id", ["owner_id"], unique=False)

    op.create_table(
        "rec_lead_outcome",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("amount", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rec_lead_outcome", schema=None) as batch_op:
        batch_op.create_index("ix_rec_lead_outcome_lead_id", ["lead_id"], unique=False)

    op.create_table(
        "rec_reason_list",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("list", sa.String(length=40), nullable=True),
        sa.Column("items", sa.JSON(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "rec_rubric",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("questions", sa.JSON(), nullable=True),
        sa.Column("thresholds", sa.JSON(), nullable=True),
        sa.Column("must_have", sa.JSON(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "rec_user",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rev", sa.Integer(), server_default="0", nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("local_updated_at", sa.String(length=40), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=40), nullable=True),
        sa.Column("team", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )
    for kind, cols in FTS.items():
        create_fts(kind, cols)


def downgrade() -> None:
    for kind in FTS:
        op.execute(f"DROP TABLE IF EXISTS fts_{kind}")
    op.drop_table("sync_state")
    op.drop_table("rec_user")
    op.drop_table("rec_rubric")
    op.drop_table("rec_reason_list")
    with op.batch_alter_table("rec_lead_outcome", schema=None) as batch_op:
        batch_op.drop_index("ix_rec_lead_outcome_lead_id")

    op.drop_table("rec_lead_outcome")
    with op.batch_alter_table("rec_lead", schema=None) as batch_op:
        batch_op.drop_index("ix_rec_lead_owner_id")
        batch_op.drop_index("ix_rec_lead_grade")
        batch_op.drop_index("ix_rec_lead_event_id")
        batch_op.drop_index("ix_rec_lead_email")
        batch_op.drop_index("ix_rec_lead_captured_at")
        batch_op.drop_index("ix_rec_lead_badge_id")

    op.drop_table("rec_lead")
    op.drop_table("rec_event")
    with op.batch_alter_table("rec_debrief_comment", schema=None) as batch_op:
        batch_op.drop_index("ix_rec_debrief_comment_debrief_id")

    op.drop_table("rec_debrief_comment")
    with op.batch_alter_table("rec_debrief", schema=None) as batch_op:
        batch_op.drop_index("ix_rec_debrief_lead_id")
        batch_op.drop_index("ix_rec_debrief_call_date")
        batch_op.drop_index("ix_rec_debrief_author_id")

    op.drop_table("rec_debrief")
    with op.batch_alter_table("rec_conflict", schema=None) as batch_op:
        batch_op.drop_index("ix_rec_conflict_record_id")

    op.drop_table("rec_conflict")
    with op.batch_alter_table("rec_collateral_usage", schema=None) as batch_op:
        batch_op.drop_index("ix_rec_collateral_usage_collateral_id")

    op.drop_table("rec_collateral_usage")
    op.drop_table("rec_collateral_request")
    with op.batch_alter_table("rec_collateral_feedback", schema=None) as batch_op:
        batch_op.drop_index("ix_rec_collateral_feedback_collateral_id")

    op.drop_table("rec_collateral_feedback")
    with op.batch_alter_table("rec_collateral", schema=None) as batch_op:
        batch_op.drop_index("ix_rec_collateral_status")

    op.drop_table("rec_collateral")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_state")
        batch_op.drop_index("ix_outbox_record")

    op.drop_table("outbox")
    op.drop_table("local_marks")
