"""initial schema: record tables, feed, mutations, accounts

Revision ID: 0001
Revises:
Create Date: 2026-11-28 18:02:49.147551
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_counter",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_counter")),
    )
    op.create_table(
        "hub_feed",
        sa.Column("audience", sa.String(length=120), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("audience", "seq", name=op.f("pk_hub_feed")),
    )
    with op.batch_alter_table("hub_feed", schema=None) as batch_op:
        batch_op.create_index("ix_hub_feed_record", ["kind", "record_id"], unique=False)

    op.create_table(
        "hub_login_failure",
        sa.Column("key", sa.String(length=250), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.Float(), nullable=False),
        sa.Column("locked_until", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_hub_login_failure")),
    )
    op.create_table(
        "hub_meta",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_hub_meta")),
    )
    op.create_table(
        "hub_mutation",
        sa.Column("mutation_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("body_hash", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("conflicts", sa.JSON(), nullable=True),
        sa.Column("applied_at", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_hub_mutation")),
    )
    op.create_table(
        "hub_token",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("device_name", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_hub_token")),
    )
    with op.batch_alter_table("hub_token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hub_token_user_id"), ["user_id"], unique=False)

    op.create_table(
        "rec_collateral",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=True),
        sa.Column("supersedes_id", sa.String(length=36), nullable=True),
        sa.Column("file_sha256", sa.String(length=200), nullable=True),
        sa.Column("file_name", sa.String(length=200), nullable=True),
        sa.Column("file_size", sa.BigInteger(), nullable=True),
        sa.Column("mime_type", sa.String(length=200), nullable=True),
        sa.Column("expires_on", sa.String(length=10), nullable=True),
        sa.Column("audience", sa.JSON(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_collateral")),
    )
    with op.batch_alter_table("rec_collateral", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rec_collateral_author_id"), ["author_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rec_collateral_file_sha256"), ["file_sha256"], unique=False
        )

    op.create_table(
        "rec_collateral_feedback",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("collateral_id", sa.String(length=36), nullable=True),
        sa.Column("rating", sa.BigInteger(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_collateral_feedback")),
    )
    with op.batch_alter_table("rec_collateral_feedback", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rec_collateral_feedback_author_id"), ["author_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rec_collateral_feedback_collateral_id"), ["collateral_id"], unique=False
        )

    op.create_table(
        "rec_collateral_request",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=True),
        sa.Column("need", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=True),
        sa.Column("needed_by", sa.String(length=10), nullable=True),
        sa.Column("event_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=True),
        sa.Column("response", sa.Text(), nullable=True),
        sa.Column("collateral_id", sa.String(length=36), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_collateral_request")),
    )
    with op.batch_alter_table("rec_collateral_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rec_collateral_request_author_id"), ["author_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rec_collateral_request_collateral_id"), ["collateral_id"], unique=False
        )

    op.create_table(
        "rec_collateral_usage",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("collateral_id", sa.String(length=36), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=True),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("debrief_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_collateral_usage")),
    )
    with op.batch_alter_table("rec_collateral_usage", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rec_collateral_usage_author_id"), ["author_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rec_collateral_usage_collateral_id"), ["collateral_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rec_collateral_usage_debrief_id"), ["debrief_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rec_collateral_usage_lead_id"), ["lead_id"], unique=False
        )

    op.create_table(
        "rec_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("kind", sa.String(length=200), nullable=True),
        sa.Column("record_id", sa.String(length=36), nullable=True),
        sa.Column("field", sa.String(length=200), nullable=True),
        sa.Column("yours", sa.JSON(), nullable=True),
        sa.Column("theirs", sa.JSON(), nullable=True),
        sa.Column("by", sa.String(length=36), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=True),
        sa.Column("resolved", sa.Boolean(), nullable=True),
        sa.Column("users", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_conflict")),
    )
    op.create_table(
        "rec_debrief",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_debrief")),
    )
    with op.batch_alter_table("rec_debrief", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rec_debrief_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rec_debrief_lead_id"), ["lead_id"], unique=False)

    op.create_table(
        "rec_debrief_comment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("debrief_id", sa.String(length=36), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_debrief_comment")),
    )
    with op.batch_alter_table("rec_debrief_comment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rec_debrief_comment_author_id"), ["author_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_rec_debrief_comment_debrief_id"), ["debrief_id"], unique=False
        )

    op.create_table(
        "rec_event",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=True),
        sa.Column("starts_on", sa.String(length=10), nullable=True),
        sa.Column("ends_on", sa.String(length=10), nullable=True),
        sa.Column("campaign_code", sa.String(length=200), nullable=True),
        sa.Column("rubric_id", sa.String(length=36), nullable=True),
        sa.Column("booth_staff", sa.JSON(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_event")),
    )
    with op.batch_alter_table("rec_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rec_event_author_id"), ["author_id"], unique=False)

    op.create_table(
        "rec_lead",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
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
        sa.Column("rubric_version", sa.BigInteger(), nullable=True),
        sa.Column("score", sa.BigInteger(), nullable=True),
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
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_lead")),
    )
    with op.batch_alter_table("rec_lead", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rec_lead_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "rec_lead_outcome",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("lead_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=True),
        sa.Column("amount", sa.Float(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_lead_outcome")),
    )
    with op.batch_alter_table("rec_lead_outcome", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rec_lead_outcome_author_id"), ["author_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_rec_lead_outcome_lead_id"), ["lead_id"], unique=False)

    op.create_table(
        "rec_reason_list",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("list", sa.String(length=40), nullable=True),
        sa.Column("items", sa.JSON(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_reason_list")),
    )
    with op.batch_alter_table("rec_reason_list", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rec_reason_list_author_id"), ["author_id"], unique=False
        )

    op.create_table(
        "rec_rubric",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=True),
        sa.Column("questions", sa.JSON(), nullable=True),
        sa.Column("thresholds", sa.JSON(), nullable=True),
        sa.Column("must_have", sa.JSON(), nullable=True),
        sa.Column("author_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_rubric")),
    )
    with op.batch_alter_table("rec_rubric", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rec_rubric_author_id"), ["author_id"], unique=False)

    op.create_table(
        "rec_user",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("row_version", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("row_created_at", sa.String(length=40), nullable=False),
        sa.Column("row_updated_at", sa.String(length=40), nullable=False),
        sa.Column("hub_audiences", sa.JSON(), nullable=False),
        sa.Column("hub_removed", sa.JSON(), nullable=False),
        sa.Column("hub_field_versions", sa.JSON(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=40), nullable=True),
        sa.Column("team", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=True),
        sa.Column("hub_password_hash", sa.String(length=200), nullable=True),
        sa.Column("hub_email_key", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rec_user")),
        sa.UniqueConstraint("hub_email_key", name=op.f("uq_rec_user_hub_email_key")),
    )
    # The change counter starts at 0; the epoch makes cursors of other databases unknown.
    op.bulk_insert(
        sa.table("hub_counter", sa.column("id", sa.Integer), sa.column("value", sa.BigInteger)),
        [{"id": 1, "value": 0}],
    )
    op.bulk_insert(
        sa.table("hub_meta", sa.column("key", sa.String), sa.column("value", sa.Text)),
        [{"key": "epoch", "value": uuid.uuid4().hex}],
    )


def downgrade() -> None:
    op.drop_table("rec_user")
    with op.batch_alter_table("rec_rubric", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_rubric_author_id"))

    op.drop_table("rec_rubric")
    with op.batch_alter_table("rec_reason_list", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_reason_list_author_id"))

    op.drop_table("rec_reason_list")
    with op.batch_alter_table("rec_lead_outcome", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_lead_outcome_lead_id"))
        batch_op.drop_index(batch_op.f("ix_rec_lead_outcome_author_id"))

    op.drop_table("rec_lead_outcome")
    with op.batch_alter_table("rec_lead", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_lead_owner_id"))

    op.drop_table("rec_lead")
    with op.batch_alter_table("rec_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_event_author_id"))

    op.drop_table("rec_event")
    with op.batch_alter_table("rec_debrief_comment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_debrief_comment_debrief_id"))
        batch_op.drop_index(batch_op.f("ix_rec_debrief_comment_author_id"))

    op.drop_table("rec_debrief_comment")
    with op.batch_alter_table("rec_debrief", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_debrief_lead_id"))
        batch_op.drop_index(batch_op.f("ix_rec_debrief_author_id"))

    op.drop_table("rec_debrief")
    op.drop_table("rec_conflict")
    with op.batch_alter_table("rec_collateral_usage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_collateral_usage_lead_id"))
        batch_op.drop_index(batch_op.f("ix_rec_collateral_usage_debrief_id"))
        batch_op.drop_index(batch_op.f("ix_rec_collateral_usage_collateral_id"))
        batch_op.drop_index(batch_op.f("ix_rec_collateral_usage_author_id"))

    op.drop_table("rec_collateral_usage")
    with op.batch_alter_table("rec_collateral_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_collateral_request_collateral_id"))
        batch_op.drop_index(batch_op.f("ix_rec_collateral_request_author_id"))

    op.drop_table("rec_collateral_request")
    with op.batch_alter_table("rec_collateral_feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_collateral_feedback_collateral_id"))
        batch_op.drop_index(batch_op.f("ix_rec_collateral_feedback_author_id"))

    op.drop_table("rec_collateral_feedback")
    with op.batch_alter_table("rec_collateral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rec_collateral_file_sha256"))
        batch_op.drop_index(batch_op.f("ix_rec_collateral_author_id"))

    op.drop_table("rec_collateral")
    with op.batch_alter_table("hub_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hub_token_user_id"))

    op.drop_table("hub_token")
    op.drop_table("hub_mutation")
    op.drop_table("hub_meta")
    op.drop_table("hub_login_failure")
    with op.batch_alter_table("hub_feed", schema=None) as batch_op:
        batch_op.drop_index("ix_hub_feed_record")

    op.drop_table("hub_feed")
    op.drop_table("hub_counter")
