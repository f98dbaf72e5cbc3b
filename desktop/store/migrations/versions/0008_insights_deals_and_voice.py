"""insights totals: the deals each item was used in, and the voice of the customer

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

The unfiltered Insights page still gathered, on every computation, each (collateral item,
lead) pair from three sources and looked every pair's lead up in `insights_lead_stage` (about
50,000 pairs), and walked every parsed debrief tag three times. Triggers now keep:

- `insights_item_lead`: each (item, lead) pair with how many records name it: a live use
  naming the lead, a live use naming a live debrief about the lead, a submitted debrief's
  collateral entry about the lead. A pair goes when nothing names it any longer.
- `insights_total_deal`: per item, the deals (pairs whose lead is not deleted), how many of
  them were won or lost, and the won amounts in whole cents. A new or vanished pair adds or
  takes away its lead's standing; a lead whose outcomes or deleted flag change moves the
  totals of every item paired with it.
- `insights_total_voice_month`, `_author` and `_outcome`: tags of submitted debriefs counted
  per dimension, tag and the call's month, author or outcome.

As in 0007, a NULL key is stored as the empty blob `X''`, and the filtered figures still read
the records. A rebuild of `rec_lead`, `rec_debrief`, `rec_collateral_usage` or the summary
tables must create these triggers again.
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Frozen copies of the rules at this revision.
NULL_KEY = "X''"
TEXT_ID = "typeof({c}) = 'text'"


def _text(c: str) -> str:
    return TEXT_ID.format(c=c)


# -- (item, lead) pairs ----------------------------------------------------------------------

def _pair_add(cid: str, lead: str, when: str, refs: str = "1", source: str = "",
              group: str = "") -> str:
    return (
        f"INSERT INTO insights_item_lead (collateral_id, lead_id, refs) SELECT {cid}, {lead}, {refs} "
        f"{source}WHERE {when}{group} ON CONFLICT (collateral_id, lead_id) "
        "DO UPDATE SET refs = refs + excluded.refs;"
    )


def _pair_sub(cid: str, lead: str, when: str, refs: str = "1") -> str:
    return (
        f"UPDATE insights_item_lead SET refs = refs - {refs} WHERE collateral_id = {cid} "
        f"AND lead_id = {lead} AND {when}; "
        f"DELETE FROM insights_item_lead WHERE collateral_id = {cid} AND lead_id = {lead} "
        "AND refs <= 0;"
    )


def _use_direct(u: str) -> str:
    return f"{u}.deleted = 0 AND {_text(f'{u}.collateral_id')} AND {u}.lead_id IS NOT NULL"


def _use_debrief_lead(u: str) -> str:
    """The lead of the live debrief a use names (NULL when there is none)."""
    return f"(SELECT lead_id FROM rec_debrief WHERE id = {u}.debrief_id AND deleted = 0)"


def _use_pairs(u: str, sign: str) -> str:
    if sign == "+":
        return (
            _pair_add(f"{u}.collateral_id", f"{u}.lead_id", _use_direct(u)) + " "
            + _pair_add(f"{u}.collateral_id", "db.lead_id",
                        f"db.id = {u}.debrief_id AND db.deleted = 0 AND db.lead_id IS NOT NULL "
                        f"AND {u}.deleted = 0 AND {_text(f'{u}.collateral_id')}",
                        source="FROM rec_debrief db ")
        )
    return (
        _pair_sub(f"{u}.collateral_id", f"{u}.lead_id", _use_direct(u)) + " "
        + _pair_sub(f"{u}.collateral_id", _use_debrief_lead(u),
                    f"{u}.deleted = 0 AND {_text(f'{u}.collateral_id')}")
    )


def _debrief_pairs(d: str, sign: str) -> str:
    """The pairs of the live uses naming debrief `d`, through its lead."""
    live = f"{d}.deleted = 0 AND {d}.lead_id IS NOT NULL"
    uses = (f"FROM rec_collateral_usage u WHERE u.debrief_id = {d}.id AND u.deleted = 0 "
            f"AND {_text('u.collateral_id')}")
    if sign == "+":
        return _pair_add("u.collateral_id", f"{d}.lead_id", f"u.debrief_id = {d}.id AND u.deleted = 0 "
                         f"AND {_text('u.collateral_id')} AND {live}", refs="COUNT(*)",
                         source="FROM rec_collateral_usage u ", group=" GROUP BY u.collateral_id")
    return (
        "UPDATE insights_item_lead SET refs = refs - (SELECT COUNT(*) "
        f"{uses} AND u.collateral_id = insights_item_lead.collateral_id) "
        f"WHERE lead_id = {d}.lead_id AND collateral_id IN (SELECT u.collateral_id {uses}) "
        f"AND {live}; "
        f"DELETE FROM insights_item_lead WHERE lead_id = {d}.lead_id AND refs <= 0;"
    )


def _item_pairs(i: str, sign: str) -> str:
    when = (f"{i}.deleted = 0 AND {i}.status = 'submitted' AND {i}.lead_id IS NOT NULL "
            f"AND {_text(f'{i}.collateral_id')}")
    if sign == "+":
        return _pair_add(f"{i}.collateral_id", f"{i}.lead_id", when)
    return _pair_sub(f"{i}.collateral_id", f"{i}.lead_id", when)


# -- deal totals per item --------------------------------------------------------------------

def _standing(s: str) -> dict[str, str]:
    """What a stage row adds to each item paired with its lead (nothing once the lead is
    deleted: the row carries the lead's deleted flag, NULL while the lead is not cached)."""
    counted = f"({s}.deleted IS NOT 1)"
    return {
        "won": f"({counted} AND {s}.stage >= 4)",
        "lost": f"({counted} AND {s}.stage < 4 AND IFNULL({s}.lost, 0) = 1)",
        "won_cents": (f"(CASE WHEN {counted} AND {s}.stage >= 4 THEN "
                      f"CAST(round(IFNULL({s}.won_amount, 0) * 100) AS INTEGER) ELSE 0 END)"),
    }


def _lead_standing(lead: str) -> dict[str, str]:
    """A lead's whole standing, looked up (an item's deal counts unless the lead is deleted)."""
    out = {"deals": f"(NOT EXISTS (SELECT 1 FROM rec_lead WHERE id = {lead} AND deleted = 1))"}
    for name, expr in _standing("s").items():
        out[name] = f"IFNULL((SELECT {expr} FROM insights_lead_stage s WHERE s.lead_id = {lead}), 0)"
    return out


DEAL_SUMS = ("deals", "won", "lost", "won_cents")


def _deal_pair(p: str, sign: str) -> str:
    standing = _lead_standing(f"{p}.lead_id")
    if sign == "+":
        return (
            f"INSERT INTO insights_total_deal (collateral_id, {', '.join(DEAL_SUMS)}) "
            f"SELECT {p}.collateral_id, {', '.join(standing.values())} WHERE true "
            "ON CONFLICT (collateral_id) DO UPDATE SET "
            + ", ".join(f"{c} = {c} + excluded.{c}" for c in DEAL_SUMS) + ";"
        )
    return (
        "UPDATE insights_total_deal SET " + ", ".join(f"{c} = {c} - {v}" for c, v in standing.items())
        + f" WHERE collateral_id = {p}.collateral_id;"
    )


def _paired_items(lead: str) -> str:
    return f"collateral_id IN (SELECT collateral_id FROM insights_item_lead WHERE lead_id = {lead})"


def _deal_stage(old: str | None, new: str | None) -> str:
    """Move the totals of the items paired with a lead whose stage row changed."""
    parts = []
    for name in ("won", "lost", "won_cents"):
        delta = []
        if new:
            delta.append(f"+ {_standing(new)[name]}")
        if old:
            delta.append(f"- {_standing(old)[name]}")
        parts.append(f"{name} = {name} {' '.join(delta)}")
    lead = f"{new or old}.lead_id"
    return f"UPDATE insights_total_deal SET {', '.join(parts)} WHERE {_paired_items(lead)};"


def _deal_lead(r: str, sign: str) -> str:
    """A deleted lead's pairs are not deals (a lead that arrives or leaves deleted moves them)."""
    op_ = "-" if sign == "+" else "+"
    return (f"UPDATE insights_total_deal SET deals = deals {op_} 1 WHERE {_paired_items(f'{r}.id')} "
            f"AND {r}.deleted = 1;")


# -- the voice of the customer ---------------------------------------------------------------

VOICE = {"month": "month", "author": "author_id", "outcome": "outcome"}


def _voice(t: str, sign: str) -> str:
    out = []
    live = f"{t}.deleted = 0 AND {t}.status = 'submitted'"
    for name, column in VOICE.items():
        table = f"insights_total_voice_{name}"
        key = f"IFNULL({t}.{column}, {NULL_KEY})"
        if sign == "+":
            out.append(
                f"INSERT INTO {table} (dim, tag, segment, debriefs) SELECT {t}.dim, {t}.tag, {key}, 1 "
                f"WHERE {live} ON CONFLICT (dim, tag, segment) DO UPDATE SET debriefs = debriefs + 1;")
        else:
            out.append(f"UPDATE {table} SET debriefs = debriefs - 1 WHERE dim = {t}.dim AND tag = {t}.tag "
                       f"AND segment = {key} AND {live};")
    return " ".join(out)


def _triggers() -> dict[str, str]:
    use_cols = "collateral_id, lead_id, debrief_id, deleted"
    item_cols = "collateral_id, lead_id, deleted, status"
    tag_cols = "dim, tag, deleted, status, month, author_id, outcome"
    return {
        # Pairs from uses, from the debriefs uses name, and from debriefs' collateral entries.
        "insights_pair_use_ai": f"AFTER INSERT ON rec_collateral_usage BEGIN {_use_pairs('NEW', '+')} END",
        "insights_pair_use_au": f"AFTER UPDATE OF {use_cols} ON rec_collateral_usage BEGIN "
        f"{_use_pairs('OLD', '-')} {_use_pairs('NEW', '+')} END",
        "insights_pair_use_ad": f"AFTER DELETE ON rec_collateral_usage BEGIN {_use_pairs('OLD', '-')} END",
        "insights_pair_debrief_ai": f"AFTER INSERT ON rec_debrief BEGIN {_debrief_pairs('NEW', '+')} END",
        "insights_pair_debrief_au": "AFTER UPDATE OF id, lead_id, deleted ON rec_debrief BEGIN "
        f"{_debrief_pairs('OLD', '-')} {_debrief_pairs('NEW', '+')} END",
        "insights_pair_debrief_ad": f"AFTER DELETE ON rec_debrief BEGIN {_debrief_pairs('OLD', '-')} END",
        "insights_pair_item_ai": f"AFTER INSERT ON insights_debrief_item BEGIN {_item_pairs('NEW', '+')} END",
        "insights_pair_item_au": f"AFTER UPDATE OF {item_cols} ON insights_debrief_item BEGIN "
        f"{_item_pairs('OLD', '-')} {_item_pairs('NEW', '+')} END",
        "insights_pair_item_ad": f"AFTER DELETE ON insights_debrief_item BEGIN {_item_pairs('OLD', '-')} END",
        # Deal totals: a pair appears or goes; a lead's stage or deleted flag changes.
        "insights_total_deal_pair_ai": f"AFTER INSERT ON insights_item_lead BEGIN {_deal_pair('NEW', '+')} END",
        "insights_total_deal_pair_ad": f"AFTER DELETE ON insights_item_lead BEGIN {_deal_pair('OLD', '-')} END",
        "insights_total_deal_stage_ai": f"AFTER INSERT ON insights_lead_stage BEGIN {_deal_stage(None, 'NEW')} END",
        "insights_total_deal_stage_au": "AFTER UPDATE OF lead_id, deleted, stage, lost, won_amount "
        f"ON insights_lead_stage BEGIN {_deal_stage('OLD', None)} {_deal_stage(None, 'NEW')} END",
        "insights_total_deal_stage_ad": f"AFTER DELETE ON insights_lead_stage BEGIN {_deal_stage('OLD', None)} END",
        "insights_total_deal_lead_ai": f"AFTER INSERT ON rec_lead BEGIN {_deal_lead('NEW', '+')} END",
        "insights_total_deal_lead_au": "AFTER UPDATE OF id, deleted ON rec_lead BEGIN "
        f"{_deal_lead('OLD', '-')} {_deal_lead('NEW', '+')} END",
        "insights_total_deal_lead_ad": f"AFTER DELETE ON rec_lead BEGIN {_deal_lead('OLD', '-')} END",
        # The voice of the customer.
        "insights_total_voice_ai": f"AFTER INSERT ON insights_debrief_tag BEGIN {_voice('NEW', '+')} END",
        "insights_total_voice_au": f"AFTER UPDATE OF {tag_cols} ON insights_debrief_tag BEGIN "
        f"{_voice('OLD', '-')} {_voice('NEW', '+')} END",
        "insights_total_voice_ad": f"AFTER DELETE ON insights_debrief_tag BEGIN {_voice('OLD', '-')} END",
    }


TRIGGERS = _triggers()

TABLES = {
    "insights_item_lead": (
        "collateral_id VARCHAR(36) NOT NULL, lead_id VARCHAR(36) NOT NULL, refs INTEGER NOT NULL, "
        "PRIMARY KEY (collateral_id, lead_id)"
    ),
    "insights_total_deal": (
        "collateral_id VARCHAR(36) NOT NULL, deals INTEGER NOT NULL, won INTEGER NOT NULL, "
        "lost INTEGER NOT NULL, won_cents INTEGER NOT NULL, PRIMARY KEY (collateral_id)"
    ),
    **{
        f"insights_total_voice_{name}": (
            "dim VARCHAR(20) NOT NULL, tag TEXT NOT NULL, segment VARCHAR(40) NOT NULL, "
            "debriefs INTEGER NOT NULL, PRIMARY KEY (dim, tag, segment)"
        )
        for name in VOICE
    },
}
INDEXES = {
    # Pairs by lead: the items whose totals a lead's change moves.
    "ix_insights_item_lead_lead": ("insights_item_lead", ["lead_id", "collateral_id"]),
    # Uses by the debrief they name: the pairs a debrief's change moves.
    "ix_rec_collateral_usage_debrief": ("rec_collateral_usage", ["debrief_id", "collateral_id", "deleted"]),
}


def fill_statements() -> list[str]:
    """Fill the empty tables from the records (as the triggers would have kept them)."""
    pairs = (
        f"SELECT u.collateral_id AS cid, u.lead_id AS lead FROM rec_collateral_usage u WHERE {_use_direct('u')} "
        "UNION ALL SELECT u.collateral_id, db.lead_id FROM rec_collateral_usage u "
        "JOIN rec_debrief db ON db.id = u.debrief_id WHERE u.deleted = 0 AND "
        f"{_text('u.collateral_id')} AND db.deleted = 0 AND db.lead_id IS NOT NULL "
        "UNION ALL SELECT i.collateral_id, i.lead_id FROM insights_debrief_item i WHERE i.deleted = 0 "
        f"AND i.status = 'submitted' AND i.lead_id IS NOT NULL AND {_text('i.collateral_id')}"
    )
    standing = _lead_standing("p.lead_id")
    out = [
        "INSERT INTO insights_item_lead (collateral_id, lead_id, refs) "
        f"SELECT cid, lead, COUNT(*) FROM ({pairs}) GROUP BY cid, lead",
        f"INSERT INTO insights_total_deal (collateral_id, {', '.join(DEAL_SUMS)}) "
        f"SELECT p.collateral_id, {', '.join(f'SUM({v})' for v in standing.values())} "
        "FROM insights_item_lead p GROUP BY p.collateral_id",
    ]
    for name, column in VOICE.items():
        out.append(
            f"INSERT INTO insights_total_voice_{name} (dim, tag, segment, debriefs) "
            f"SELECT dim, tag, IFNULL({column}, {NULL_KEY}), COUNT(*) FROM insights_debrief_tag "
            f"WHERE deleted = 0 AND status = 'submitted' GROUP BY dim, tag, IFNULL({column}, {NULL_KEY})"
        )
    return out


def upgrade() -> None:
    for table, body in TABLES.items():
        op.execute(f"CREATE TABLE {table} ({body}) WITHOUT ROWID")
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    for statement in fill_statements():
        op.execute(statement)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
    for table in TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
