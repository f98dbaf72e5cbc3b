"""The hub's tables: one typed table per record kind, generated from `fieldnote.kinds`, plus
the change feed, the applied-mutation log, accounts' tokens and login throttling.

Column names of record tables are the field names; the hub's own bookkeeping columns start
with `row_` or `hub_` so that no field (collateral has a `version`, comments a `created_at`)
can ever collide with them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

from fieldnote.kinds import KINDS, FieldSpec, FieldType

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

_COLUMN_TYPES: dict[FieldType, TypeEngine[Any]] = {
    FieldType.NAME: String(200),
    FieldType.TEXT: Text(),
    FieldType.INT: BigInteger(),
    FieldType.NUMBER: Float(),
    FieldType.BOOL: Boolean(),
    FieldType.DATE: String(10),
    FieldType.DATETIME: String(40),
    FieldType.UUID: String(36),
    FieldType.CHOICE: String(40),
    FieldType.TAGS: JSON(),
    FieldType.UUIDS: JSON(),
    FieldType.LIST: JSON(),
    FieldType.OBJECT: JSON(),
    FieldType.JSON: JSON(),
}

# Fields that queries look records up by (ownership checks, blob access, related records).
_INDEXED = {"owner_id", "author_id", "lead_id", "debrief_id", "collateral_id", "file_sha256"}


def _field_column(f: FieldSpec) -> Column[Any]:
    return Column(f.name, _COLUMN_TYPES[f.type], nullable=True, index=f.name in _INDEXED)


def table_name(kind: str) -> str:
    return f"rec_{kind}"


def _record_table(kind: str) -> Table:
    ks = KINDS[kind]
    extra: list[Column[Any]] = []
    if kind == "user":
        # The directory entry and the account are one row; the hash never leaves the hub.
        extra = [
            Column("hub_password_hash", String(200), nullable=True),
            Column("hub_email_key", String(200), nullable=True, unique=True),
        ]
    return Table(
        table_name(kind),
        metadata,
        Column("id", String(36), primary_key=True),
        Column("row_version", BigInteger, nullable=False),
        Column("deleted", Boolean, nullable=False, default=False),
        Column("row_created_at", String(40), nullable=False),
        Column("row_updated_at", String(40), nullable=False),
        # Audiences the record is in now, audiences it has a removal row in, and the
        # version/client/user of the last change to each field (for the per-field merge).
        Column("hub_audiences", JSON, nullable=False),
        Column("hub_removed", JSON, nullable=False),
        Column("hub_field_versions", JSON, nullable=False),
        *[_field_column(f) for f in ks.fields],
        *extra,
    )


RECORD_TABLES: dict[str, Table] = {kind: _record_table(kind) for kind in KINDS}

# One row (id = 1): the last change sequence value handed out. Taking the next values with
# `UPDATE ... RETURNING` locks the row until commit, so sequence order equals commit order.
counter = Table(
    "hub_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
)

# Hub-wide settings and identity (`epoch`: a random id minted when the database was made, so
# a cursor from another database is recognised as unknown).
meta = Table(
    "hub_meta",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
)

# Audience sets: each distinct set of audiences a feed row is for, stored once, with one
# member row per audience so that a caller's sets are found with an index. Sets are never
# changed or deleted; `digest` (sha256 of the sorted audiences) finds an existing one.
audience_sets = Table(
    "hub_audience_set",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("digest", String(64), nullable=False, unique=True),
    Column("audiences", JSON, nullable=False),
)

audience_members = Table(
    "hub_audience_member",
    metadata,
    Column("audience", String(120), primary_key=True),
    Column("set_id", Integer, primary_key=True, autoincrement=False),
)

# The change feed: one row per record change (`removed` false) for the set of audiences the
# record is visible to, at the record's latest version, plus a removal row (`removed` true)
# for the audiences it left at that change. Older rows of a record are deleted when it
# changes, except removal rows, which lose an audience only when the record comes back to it.
# One change has one sequence value, so (seq, removed) is unique. A pull reads the rows of the
# caller's audience sets after its cursor.
feed = Table(
    "hub_feed",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("removed", Boolean, primary_key=True),
    Column("audience_set", Integer, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("record_id", String(36), nullable=False),
    Index("ix_hub_feed_set", "audience_set", "seq"),
    Index("ix_hub_feed_record", "kind", "record_id"),
)

# Every applied mutation id with its first answer; replays are answered from here.
mutations = Table(
    "hub_mutation",
    metadata,
    Column("mutation_id", String(36), primary_key=True),
    Column("user_id", String(36), nullable=False),
    Column("client_id", String(36), nullable=False),
    Column("body_hash", String(64), nullable=False),
    Column("status", String(20), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("conflicts", JSON, nullable=True),
    Column("applied_at", String(40), nullable=False),
)

tokens = Table(
    "hub_token",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", String(36), nullable=False, index=True),
    Column("device_name", String(200), nullable=True),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
)

# Failed logins per key ("account:<email>" or "address:<ip>") for throttling; kept in the
# database so several hub workers share it.
login_failures = Table(
    "hub_login_failure",
    metadata,
    Column("key", String(250), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("first_at", Float, nullable=False),
    Column("locked_until", Float, nullable=False),
)

# Webhooks (`fieldnote-hub webhook add`): where events are posted, which ones, and the secret
# that signs them. A webhook whose deliveries failed for the whole retry time is disabled
# (`active` false) with the reason.
webhooks = Table(
    "hub_webhook",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("url", Text, nullable=False),
    Column("events", JSON, nullable=False),
    Column("secret", String(200), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("disabled_at", String(40), nullable=True),
    Column("disabled_reason", Text, nullable=True),
)

# The outbox of webhook deliveries: one row per event and webhook, written in the transaction
# that made the event, sent by the delivery worker. `body` is the exact JSON posted on every
# attempt (same `id`). `state` is pending, delivered or failed (given up); a pending row is due
# at `next_at` (unix seconds). A worker claims due rows by moving `next_at` past its attempt
# and writing its `claim`, and records the result only while the claim is still its own.
deliveries = Table(
    "hub_webhook_delivery",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("webhook_id", String(36), nullable=False, index=True),
    Column("event_id", String(36), nullable=False),
    Column("event_type", String(40), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("state", String(12), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_at", Float, nullable=False),
    Column("claim", String(36), nullable=True),
    Column("last_attempt_at", Float, nullable=True),
    Column("last_status", Integer, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("delivered_at", Float, nullable=True),
    Index("ix_hub_webhook_delivery_due", "state", "next_at"),
)

# The audit log (`hub.audit`): appended to, never changed. `actor` is the acting user's email
# (or the operating-system account for `fieldnote-hub` commands); `ref` is the id of the
# record an entry came from (a device's `lead_export`), unique so that a replay adds nothing.
audit_log = Table(
    "hub_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False, index=True),
    Column("action", String(40), nullable=False),
    Column("actor_id", String(36), nullable=True),
    Column("actor", String(200), nullable=True),
    Column("via", String(20), nullable=False),
    Column("ref", String(36), nullable=True, unique=True),
    Column("details", JSON, nullable=False),
)

# Erased people (`hub.privacy`): the salted sha256 of each erased email address (the salt is
# `hub_meta`'s `erasure_salt`), when, by whom and why. A lead of such an address arriving later
# is refused for a decision; nothing else of the person is kept.
erased_people = Table(
    "hub_erased_person",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("email_key", String(64), nullable=False, index=True),
    Column("erased_at", String(40), nullable=False),
    Column("erased_by", String(200), nullable=False),
    Column("reason", Text, nullable=True),
    Column("leads", Integer, nullable=False),
)

# The outbox of collateral mails (`hub.mailing`): one row per `collateral_send`, written in the
# push that made it, sent by the mail worker (`hub.mail_sender`). `base_url` is the address the
# sending device reached the hub at (the links' address when the `public_url` setting is
# empty). States, claims and retries work as the webhook outbox's do.
mail_outbox = Table(
    "hub_mail_outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("send_id", String(36), nullable=False, unique=True),
    Column("base_url", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Column("state", String(12), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_at", Float, nullable=False),
    Column("claim", String(36), nullable=True),
    Column("last_attempt_at", Float, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("sent_at", Float, nullable=True),
    Index("ix_hub_mail_outbox_due", "state", "next_at"),
)

# The personal links of mailed collateral (`/s/TOKEN`): only the sha256 of each token is kept.
# A link serves its item's file until `expires_at` (unix seconds) unless revoked.
share_links = Table(
    "hub_share_link",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("send_id", String(36), nullable=False, index=True),
    Column("collateral_id", String(36), nullable=False),
    Column("lead_id", String(36), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=False),
    Column("mailed", Boolean, nullable=False),
    Column("revoked_at", Float, nullable=True),
    Column("first_opened_at", Float, nullable=True),
    Column("opens", Integer, nullable=False),
)
