"""The insights funnel's kept totals as SQLite triggers, generated from the one definition.

The store keeps, per lead, how far it got (`insights_lead_stage`), and, per group, the funnel
sums of the unfiltered Insights page (`insights_total_lead`, `insights_total_lead_day`) and the
deals each collateral item was used in (`insights_total_deal`), with triggers, so that a capture,
an edit, an outcome, a pull or an erasure moves them in the same transaction as the record. The
rule those sums follow is written once, in Python: which outcomes count
(`fieldnote.outcomes`, stated in SQL once as `desktop.store.leads.counting_outcome`, which a
test holds to the Python rule), the stages and their order, the won amount, lost and the first
contact (`fieldnote.insights`: `STAGE_RANK`, `WON_STATUS`, `LOST_STATUS`, `lead_standing`,
`funnel_counts`). This module turns those names into the triggers' SQL; nothing here decides
anything of its own.

Migrations embed the generated statements as text rather than calling this module: a
migration must do the same on every later checkout, and this module follows the rule as it is
today. `tests/desktop/store/test_funnel_sql.py` holds a freshly migrated store's triggers to
`triggers()`, so a change of the rule without a migration that creates the triggers again
fails there; `python -m desktop.store.funnel_sql` prints the statements to paste into that
migration. The property test beside it checks the
kept totals against `fieldnote.insights` computed from scratch after random writes, pulls and
erasures.
"""

from __future__ import annotations

import sys
import textwrap
from typing import Any

from sqlalchemy import Select, literal_column, select
from sqlalchemy.dialects import sqlite

from fieldnote.insights import LOST_STATUS, STAGE_RANK, WON_STATUS
from fieldnote.kinds import FUNNEL_STAGES

# A stored NULL key of the totals tables is the empty blob (migration 0007).
NULL_KEY = "X''"
CUBE_KEYS = ("event_id", "grade", "qualified", "rubric_id", "rubric_version")
LEAD_COLUMNS = ("deleted", "event_id", "grade", "qualified", "rubric_id", "rubric_version",
                "captured_at", "owner_id")
STAGE_SUMS = (*FUNNEL_STAGES, "won_cents", "delay_seconds", "delay_n")
DEAL_SUMS = ("deals", "won", "lost", "won_cents")


def _quoted(values: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def counting_condition() -> str:
    """The outcomes that count, as the store's one SQL form of the rule states it."""
    from desktop.store.leads import OUTCOMES, counting_outcome

    # Compiled inside a query of the outcomes, so its EXISTS correlates with them.
    query: Select[Any] = select(literal_column("1")).select_from(OUTCOMES).where(counting_outcome())
    compiled = " ".join(str(query.compile(dialect=sqlite.dialect(),
                                          compile_kwargs={"literal_binds": True})).split())
    head = "SELECT 1 FROM rec_lead_outcome WHERE "
    assert compiled.startswith(head), compiled
    return compiled.removeprefix(head)


def stage_case() -> str:
    """An outcome's stage rank (`STAGE_RANK`; 0 for lost, disqualified or anything else)."""
    whens = " ".join(f"WHEN '{status}' THEN {rank}" for status, rank in STAGE_RANK.items())
    return f"CASE status {whens} ELSE 0 END"


def stage_select(which: str) -> str:
    """A lead's standing (`fieldnote.insights.lead_standing`) over its counting outcomes, for
    the leads whose outcomes match `which`, with the lead's columns (NULL while the lead is not
    cached): no row for a lead without a counting outcome."""
    cols = ", ".join(f"l.{c}" for c in LEAD_COLUMNS)
    return (
        "SELECT o.lead_id, o.stage, o.won_amount, o.lost, o.first_jd, "
        f"o.first_jd - julianday(l.captured_at), {cols} FROM (SELECT lead_id, "
        f"MAX({stage_case()}) AS stage, "
        f"SUM(CASE WHEN status = '{WON_STATUS}' THEN COALESCE(amount, 0) ELSE 0 END) AS won_amount, "
        f"MAX(status = '{LOST_STATUS}') AS lost, "
        f"julianday(MIN(CASE WHEN status IN ({_quoted(list(STAGE_RANK))}) THEN at END)) AS first_jd "
        f"FROM rec_lead_outcome WHERE {counting_condition()} AND {which} GROUP BY lead_id) o "
        "LEFT JOIN rec_lead l ON l.id = o.lead_id"
    )


STAGE_INSERT = (
    "INSERT INTO insights_lead_stage (lead_id, stage, won_amount, lost, first_jd, delay, "
    f"{', '.join(LEAD_COLUMNS)}) "
)


def _stage_refresh(lead: str, guard: str = "") -> str:
    cond = f" AND {guard}" if guard else ""
    return (
        f"DELETE FROM insights_lead_stage WHERE lead_id = {lead}{cond}; "
        f"{STAGE_INSERT}{stage_select(f'lead_id = {lead}{cond}')};"
    )


def _key(expr: str) -> str:
    return f"IFNULL({expr}, {NULL_KEY})"


def captured(r: str) -> str:
    """A lead that counts in the funnel: one not deleted (an erased stub still counts)."""
    return f"{r}.deleted = 0"


def stage_values(r: str) -> dict[str, str]:
    """What one `insights_lead_stage` row adds to its group's sums: a lead counts in every
    stage up to the furthest it reached (`fieldnote.insights.funnel_counts`)."""
    return {
        **{stage: f"({r}.stage >= {rank})" for stage, rank in STAGE_RANK.items()},
        "won_cents": f"CAST(round(IFNULL({r}.won_amount, 0) * 100) AS INTEGER)",
        "delay_seconds": f"(CASE WHEN {r}.delay >= 0 THEN CAST(round({r}.delay * 86400) AS INTEGER) ELSE 0 END)",
        "delay_n": f"IFNULL({r}.delay >= 0, 0)",
    }


def _add(table: str, keys: dict[str, str], sums: dict[str, str], when: str, sign: str) -> str:
    """Add (sign '+') or take away ('-') one row's sums in its group, when `when` holds."""
    key_names = ", ".join(keys)
    if sign == "+":
        return (
            f"INSERT INTO {table} ({key_names}, {', '.join(sums)}) "
            f"SELECT {', '.join(keys.values())}, {', '.join(sums.values())} WHERE {when} "
            f"ON CONFLICT ({key_names}) DO UPDATE SET "
            + ", ".join(f"{c} = {c} + excluded.{c}" for c in sums) + ";"
        )
    return (
        f"UPDATE {table} SET " + ", ".join(f"{c} = {c} - {v}" for c, v in sums.items())
        + " WHERE " + " AND ".join(f"{k} = {v}" for k, v in keys.items()) + f" AND {when};"
    )


def _lead_sums(r: str, sign: str) -> str:
    cube = {k: _key(f"{r}.{k}") for k in CUBE_KEYS}
    day = {"event_id": _key(f"{r}.event_id"), "owner_id": _key(f"{r}.owner_id"),
           "day": _key(f"substr({r}.captured_at, 1, 10)")}
    return (_add("insights_total_lead", cube, {"leads": "1"}, captured(r), sign) + " "
            + _add("insights_total_lead_day", day, {"leads": "1"}, captured(r), sign))


def _stage_sums(r: str, sign: str) -> str:
    cube = {k: _key(f"{r}.{k}") for k in CUBE_KEYS}
    # The lead columns are NULL (deleted too) while the lead is not in the cache.
    return _add("insights_total_lead", cube, stage_values(r), captured(r), sign)


def standing(s: str) -> dict[str, str]:
    """What a stage row adds to each item paired with its lead: won once it reached the last
    stage, lost when it was lost and not won (nothing once the lead is deleted: the row carries
    the lead's deleted flag, NULL while the lead is not cached)."""
    counted = f"({s}.deleted IS NOT 1)"
    won = f"{s}.stage >= {STAGE_RANK[WON_STATUS]}"
    return {
        "won": f"({counted} AND {won})",
        "lost": f"({counted} AND {s}.stage < {STAGE_RANK[WON_STATUS]} AND IFNULL({s}.lost, 0) = 1)",
        "won_cents": (f"(CASE WHEN {counted} AND {won} THEN "
                      f"CAST(round(IFNULL({s}.won_amount, 0) * 100) AS INTEGER) ELSE 0 END)"),
    }


def _lead_standing(lead: str) -> dict[str, str]:
    """A lead's whole standing, looked up (an item's deal counts unless the lead is deleted)."""
    out = {"deals": f"(NOT EXISTS (SELECT 1 FROM rec_lead WHERE id = {lead} AND deleted = 1))"}
    for name, expr in standing("s").items():
        out[name] = f"IFNULL((SELECT {expr} FROM insights_lead_stage s WHERE s.lead_id = {lead}), 0)"
    return out


def _deal_pair(p: str, sign: str) -> str:
    lead_standing = _lead_standing(f"{p}.lead_id")
    if sign == "+":
        return (
            f"INSERT INTO insights_total_deal (collateral_id, {', '.join(DEAL_SUMS)}) "
            f"SELECT {p}.collateral_id, {', '.join(lead_standing.values())} WHERE true "
            "ON CONFLICT (collateral_id) DO UPDATE SET "
            + ", ".join(f"{c} = {c} + excluded.{c}" for c in DEAL_SUMS) + ";"
        )
    return (
        "UPDATE insights_total_deal SET "
        + ", ".join(f"{c} = {c} - {v}" for c, v in lead_standing.items())
        + f" WHERE collateral_id = {p}.collateral_id;"
    )


def _deal_stage(old: str | None, new: str | None) -> str:
    """Move the totals of the items paired with a lead whose stage row changed."""
    parts = []
    for name in ("won", "lost", "won_cents"):
        delta = []
        if new:
            delta.append(f"+ {standing(new)[name]}")
        if old:
            delta.append(f"- {standing(old)[name]}")
        parts.append(f"{name} = {name} {' '.join(delta)}")
    lead = f"{new or old}.lead_id"
    paired = f"collateral_id IN (SELECT collateral_id FROM insights_item_lead WHERE lead_id = {lead})"
    return f"UPDATE insights_total_deal SET {', '.join(parts)} WHERE {paired};"


def triggers() -> dict[str, str]:
    """Every trigger that states a part of the funnel rule: name -> its CREATE TRIGGER body
    (what follows the name)."""
    outcome_cols = "lead_id, deleted, status, amount, at, retracts"
    lead_cols = ", ".join(("deleted", *CUBE_KEYS, "owner_id", "captured_at"))
    stage_cols = ", ".join(("deleted", *CUBE_KEYS, "stage", "won_amount", "delay"))
    return {
        # How far each lead got: recomputed from its outcomes (a handful, read from an index).
        "insights_stage_outcome_ai": "AFTER INSERT ON rec_lead_outcome BEGIN "
        + _stage_refresh("NEW.lead_id") + " END",
        "insights_stage_outcome_au": f"AFTER UPDATE OF {outcome_cols} ON rec_lead_outcome BEGIN "
        + _stage_refresh("OLD.lead_id") + " "
        + _stage_refresh("NEW.lead_id", "NEW.lead_id IS NOT OLD.lead_id") + " END",
        "insights_stage_outcome_ad": "AFTER DELETE ON rec_lead_outcome BEGIN "
        + _stage_refresh("OLD.lead_id") + " END",
        # Captured leads per group and per owner and day.
        "insights_total_lead_ai": f"AFTER INSERT ON rec_lead BEGIN {_lead_sums('NEW', '+')} END",
        "insights_total_lead_au": f"AFTER UPDATE OF {lead_cols} ON rec_lead BEGIN "
        f"{_lead_sums('OLD', '-')} {_lead_sums('NEW', '+')} END",
        "insights_total_lead_ad": f"AFTER DELETE ON rec_lead BEGIN {_lead_sums('OLD', '-')} END",
        # The stages, won amounts and days to first contact per group.
        "insights_total_stage_ai": f"AFTER INSERT ON insights_lead_stage BEGIN {_stage_sums('NEW', '+')} END",
        "insights_total_stage_au": f"AFTER UPDATE OF {stage_cols} ON insights_lead_stage BEGIN "
        f"{_stage_sums('OLD', '-')} {_stage_sums('NEW', '+')} END",
        "insights_total_stage_ad": f"AFTER DELETE ON insights_lead_stage BEGIN {_stage_sums('OLD', '-')} END",
        # The deals each item was used in: a pair appears or goes; a lead's standing changes.
        "insights_total_deal_pair_ai": f"AFTER INSERT ON insights_item_lead BEGIN {_deal_pair('NEW', '+')} END",
        "insights_total_deal_pair_ad": f"AFTER DELETE ON insights_item_lead BEGIN {_deal_pair('OLD', '-')} END",
        "insights_total_deal_stage_ai": f"AFTER INSERT ON insights_lead_stage BEGIN {_deal_stage(None, 'NEW')} END",
        "insights_total_deal_stage_au": "AFTER UPDATE OF lead_id, deleted, stage, lost, won_amount "
        f"ON insights_lead_stage BEGIN {_deal_stage('OLD', None)} {_deal_stage(None, 'NEW')} END",
        "insights_total_deal_stage_ad": f"AFTER DELETE ON insights_lead_stage BEGIN {_deal_stage('OLD', None)} END",
    }


def migration_text() -> str:
    """`triggers()` as Python source to paste into a migration (each body in lines of at
    most about 90 characters that join back to it exactly)."""
    lines = ["TRIGGERS = {"]
    for name, body in triggers().items():
        pieces = textwrap.wrap(body, 84, break_long_words=False, drop_whitespace=False)
        assert "".join(pieces) == body
        lines.append(f"    {name!r}: (")
        lines.extend(f"        {piece!r}" for piece in pieces)
        lines.append("    ),")
    lines.append("}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - prints the statements for a new migration
    sys.stdout.write(migration_text())
