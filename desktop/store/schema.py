"""Tables of the local SQLite cache: one typed table per record kind, the outbox, sync state.

Record tables are derived from the kind specs in `fieldnote.kinds`, so a field exists once.
Migrations freeze each revision; `tests/desktop/store` checks the two never drift apart.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
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

from fieldnote.kinds import KINDS, FieldSpec, FieldType, KindSpec

metadata = MetaData()

_TYPES = {
    FieldType.NAME: lambda: String(200),
    FieldType.TEXT: Text,
    FieldType.INT: Integer,
    FieldType.NUMBER: Float,
    FieldType.BOOL: Boolean,
    FieldType.DATE: lambda: String(10),
    FieldType.DATETIME: lambda: String(40),
    FieldType.UUID: lambda: String(36),
    FieldType.CHOICE: lambda: String(40),
    FieldType.TAGS: JSON,
    FieldType.UUIDS: JSON,
    FieldType.LIST: JSON,
    FieldType.OBJECT: JSON,
    FieldType.JSON: JSON,
}

# Fields that lists filter or join on; each gets an index.
_INDEXED = {
    "lead": ("event_id", "owner_id", "captured_at", "grade", "email", "badge_id"),
    "lead_outcome": ("lead_id",),
    "debrief": ("author_id", "call_date", "lead_id"),
    "debrief_comment": ("debrief_id",),
    "collateral_feedback": ("collateral_id",),
    "collateral_usage": ("collateral_id",),
    "collateral": ("status",),
    "conflict": ("record_id",),
}


def _column(f: FieldSpec) -> Column:
    return Column(f.name, _TYPES[f.type](), nullable=True)


def record_table_name(kind: str) -> str:
    return f"rec_{kind}"


def _record_table(ks: KindSpec) -> Table:
    name = record_table_name(ks.name)
    table = Table(
        name,
        metadata,
        Column("id", String(36), primary_key=True),
        # The hub's version of this record; 0 until the hub has answered for it.
        Column("rev", Integer, nullable=False, server_default="0"),
        Column("deleted", Boolean, nullable=False, server_default="0"),
        Column("local_updated_at", String(40), nullable=False),
        # Fields a newer hub sent that this version does not know; kept, never dropped.
        Column("extra", JSON, nullable=True),
        *(_column(f) for f in ks.fields),
    )
    for col in _INDEXED.get(ks.name, ()):
        Index(f"ix_{name}_{col}", table.c[col])
    return table


record_tables: dict[str, Table] = {k: _record_table(ks) for k, ks in KINDS.items()}

# Covering indexes for the Insights figures (revision 0002): each scan reads an index in order.
_COVERING = {
    "lead_outcome": ("ix_rec_lead_outcome_insights", ("lead_id", "deleted", "status", "amount", "at")),
    "collateral_usage": (
        "ix_rec_collateral_usage_insights", ("collateral_id", "deleted", "action", "at", "author_id",
                                             "lead_id", "debrief_id")),
    "lead": ("ix_rec_lead_insights", ("captured_at", "deleted", "event_id", "owner_id", "grade",
                                      "qualified", "rubric_id", "rubric_version", "id")),
}
for _kind, (_name, _cols) in _COVERING.items():
    Index(_name, *(record_tables[_kind].c[c] for c in _cols))

# Leads in the order the Insights funnel cube groups them (revision 0003), so SQLite aggregates
# while it walks the index instead of sorting every lead.
_lead = record_tables["lead"].c
Index("ix_rec_lead_cube", _lead.deleted, _lead.event_id, _lead.grade, _lead.qualified,
      _lead.rubric_id, _lead.rubric_version, _lead.captured_at, _lead.owner_id, _lead.id)

outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("mutation_id", String(36), nullable=False, unique=True),
    Column("kind", String(40), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("op", String(10), nullable=False),
    Column("base_version", Integer, nullable=False),
    Column("fields", JSON, nullable=False),
    Column("made_at", String(40), nullable=False),
    # pending: waits to be sent; attention: rejected or parked, waits for the user.
    Column("state", String(12), nullable=False, server_default="pending"),
    # Set once the entry has been sent: its body is then frozen (a resend must be identical).
    Column("sent", Boolean, nullable=False, server_default="0"),
    Column("server_errors", Integer, nullable=False, server_default="0"),
    Column("problem", JSON, nullable=True),
    Index("ix_outbox_record", "kind", "record_id"),
    Index("ix_outbox_state", "state", "seq"),
)

sync_state = Table(
    "sync_state",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", JSON, nullable=True),
)

# Local-only facts about records that never travel: read marks, pins, last visits.
local_marks = Table(
    "local_marks",
    metadata,
    Column("kind", String(40), primary_key=True),
    Column("record_id", String(36), primary_key=True),
    Column("mark", String(40), primary_key=True),
    Column("value", JSON, nullable=True),
)

FTS_KINDS = {k: ks.search_fields for k, ks in KINDS.items() if ks.search_fields}
