"""Tables of the local SQLite cache: one typed table per record kind, the outbox, sync state.

Record tables are derived from the kind specs in `fieldnote.kinds`, so a field exists once.
Migrations freeze each revision; `tests/desktop/store` checks the two never drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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
    func,
)
from sqlalchemy.types import TypeEngine

from fieldnote.kinds import KINDS, FieldSpec, FieldType, KindSpec

metadata = MetaData()

_TYPES: dict[FieldType, Callable[[], TypeEngine[Any]]] = {
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
    "collateral_send": ("lead_id",),
    "lead_attachment": ("lead_id",),
}


def _column(f: FieldSpec) -> Column[Any]:
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
# Revision 0004: the submitted debriefs without their wide rows; ratings by item and author.
_COVERING_0004 = {
    "debrief": ("ix_rec_debrief_insights", ("deleted", "status", "call_date", "author_id", "lead_id",
                                            "outcome", "id")),
    "collateral_feedback": ("ix_rec_collateral_feedback_insights", ("collateral_id", "author_id",
                                                                    "id", "deleted", "rating")),
}
for _kind, (_name, _cols) in {**_COVERING, **_COVERING_0004}.items():
    Index(_name, *(record_tables[_kind].c[c] for c in _cols))

# Leads in the order the Insights funnel cube groups them (revision 0003), so SQLite aggregates
# while it walks the index instead of sorting every lead.
_lead = record_tables["lead"].c
Index("ix_rec_lead_cube", _lead.deleted, _lead.event_id, _lead.grade, _lead.qualified,
      _lead.rubric_id, _lead.rubric_version, _lead.captured_at, _lead.owner_id, _lead.id)

# An event's "to qualify" queue, oldest first (revision 0014).
Index("ix_rec_lead_to_qualify", _lead.to_qualify, _lead.event_id, _lead.captured_at, _lead.id)

# Leads by event, owner and capture day (revision 0004): leads per rep and per day are counted
# while SQLite walks this index, with no sort.
Index("ix_rec_lead_rep_day", _lead.deleted, _lead.event_id, _lead.owner_id,
      func.substr(_lead.captured_at, 1, 10), _lead.captured_at)


def _debrief_copies() -> list[Column[Any]]:
    """The debrief columns copied onto its parsed tag and item rows (revision 0005)."""
    return [
        Column("deleted", Boolean, nullable=True),
        Column("status", String(40), nullable=True),
        Column("month", String(7), nullable=True),
        Column("author_id", String(36), nullable=True),
        Column("lead_id", String(36), nullable=True),
        Column("outcome", String(40), nullable=True),
    ]


# Insights summaries (revision 0004), kept current by SQLite triggers on every write to
# rec_lead_outcome, rec_lead and rec_debrief (the triggers live in that migration). They hold
# what the figures would otherwise work out from every outcome and every debrief's JSON.
# How far each lead with a live outcome got, with a copy of the lead columns the figures
# filter and group by (NULL while the lead is not in the cache); `delay` is the days from
# capture to first contact.
insights_lead_stage = Table(
    "insights_lead_stage",
    metadata,
    Column("lead_id", String(36), primary_key=True),
    Column("stage", Integer, nullable=False),
    Column("won_amount", Float, nullable=True),
    Column("lost", Integer, nullable=True),
    Column("first_jd", Float, nullable=True),
    Column("delay", Float, nullable=True),
    Column("deleted", Boolean, nullable=True),
    Column("event_id", String(36), nullable=True),
    Column("grade", String(40), nullable=True),
    Column("qualified", Boolean, nullable=True),
    Column("rubric_id", String(36), nullable=True),
    Column("rubric_version", Integer, nullable=True),
    Column("captured_at", String(40), nullable=True),
    Column("owner_id", String(36), nullable=True),
    # In the funnel cube's grouping order, holding every column it sums.
    Index("ix_insights_lead_stage_cube", "deleted", "event_id", "grade", "qualified", "rubric_id",
          "rubric_version", "captured_at", "owner_id", "lead_id", "stage", "won_amount", "delay"),
    sqlite_with_rowid=False,
)
# Each debrief's objections, competitors, why-buy and why-not tags (`dim` names the field).
insights_debrief_tag = Table(
    "insights_debrief_tag",
    metadata,
    Column("debrief_id", String(36), primary_key=True),
    Column("dim", String(20), primary_key=True),
    Column("tag", Text, primary_key=True),
    # Copies of the debrief's columns (revision 0005), kept by the same triggers.
    *_debrief_copies(),
    # The unfiltered voice of the customer by month, author and outcome, in grouping order.
    Index("ix_insights_debrief_tag_month", "deleted", "status", "dim", "tag", "month"),
    Index("ix_insights_debrief_tag_author", "deleted", "status", "dim", "tag", "author_id"),
    Index("ix_insights_debrief_tag_outcome", "deleted", "status", "dim", "tag", "outcome"),
    sqlite_with_rowid=False,
)
# Each debrief's collateral entries naming an item: helpful is 1, 0 or NULL (neither).
insights_debrief_item = Table(
    "insights_debrief_item",
    metadata,
    Column("debrief_id", String(36), nullable=False),
    Column("collateral_id", Text, nullable=True),
    Column("helpful", Integer, nullable=True),
    # Copies of the debrief's columns (revision 0005), kept by the same triggers.
    *_debrief_copies(),
    Index("ix_insights_debrief_item", "debrief_id", "collateral_id", "helpful"),
    # The unfiltered helped votes per item and outcome, and the debrief side of its deals.
    Index("ix_insights_debrief_item_votes", "deleted", "status", "collateral_id", "outcome",
          "debrief_id", "helpful", "lead_id"),
)

# Insights totals (revision 0007): the unfiltered page's sums, kept by SQLite triggers on
# rec_lead, insights_lead_stage, rec_collateral_usage, rec_collateral_feedback and
# insights_debrief_item (the triggers live in that migration). A NULL key is stored as the
# empty blob X'' so each group has exactly one row; a row of zeros is skipped by readers.


def _sums(*names: str, default: bool = False) -> list[Column[Any]]:
    return [Column(n, Integer, nullable=False, server_default="0" if default else None)
            for n in names]


def _keyed(name: str, keys: dict[str, Any], *columns: Any) -> Table:
    """A summary table keyed by `keys` (name → type), stored without a rowid."""
    return Table(name, metadata,
                 *(Column(k, t, primary_key=True, autoincrement=False) for k, t in keys.items()),
                 *columns, sqlite_with_rowid=False)


# Live leads and how far they got per funnel-cube group; amounts in cents, delays in seconds.
insights_total_lead = _keyed(
    "insights_total_lead",
    {"event_id": String(36), "grade": String(40), "qualified": Integer, "rubric_id": String(36),
     "rubric_version": Integer},
    *_sums("leads", "contacted", "meeting", "opportunity", "won", "won_cents", "delay_seconds",
           "delay_n", default=True),
)
# Live leads per event, owner and capture day.
insights_total_lead_day = _keyed(
    "insights_total_lead_day", {"event_id": String(36), "owner_id": String(36), "day": String(10)},
    *_sums("leads", default=True),
)
_ITEM = {"collateral_id": String(36)}
# Uses per collateral item, and its last use (by anyone, at any time).
insights_total_use = _keyed("insights_total_use", _ITEM, *_sums("opens", "shares", "presentations"),
                            Column("last_at", String(40), nullable=True))
# The average of each user's newest rating of an item.
insights_total_rating = _keyed("insights_total_rating", _ITEM,
                               Column("avg_rating", Float, nullable=False), *_sums("ratings"))
# Helped votes per item and debrief outcome over submitted debriefs, and the debriefs behind them.
insights_total_vote = _keyed("insights_total_vote", {**_ITEM, "outcome": String(40)},
                             *_sums("helped", "not_helped", "debriefs"))

# Revision 0008: each (collateral item, lead) pair with how many records name it, the deals
# each item was used in, and the voice of the customer per month, author and outcome.
insights_item_lead = _keyed("insights_item_lead", {**_ITEM, "lead_id": String(36)}, *_sums("refs"),
                            Index("ix_insights_item_lead_lead", "lead_id", "collateral_id"))
insights_total_deal = _keyed("insights_total_deal", _ITEM, *_sums("deals", "won", "lost", "won_cents"))
insights_total_voice = {
    name: _keyed(f"insights_total_voice_{name}", {"dim": String(20), "tag": Text, "segment": String(40)},
                 *_sums("debriefs"))
    for name in ("month", "author", "outcome")
}
# Uses by the debrief they name: the pairs a debrief's change moves.
Index("ix_rec_collateral_usage_debrief", record_tables["collateral_usage"].c.debrief_id,
      record_tables["collateral_usage"].c.collateral_id, record_tables["collateral_usage"].c.deleted)

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
