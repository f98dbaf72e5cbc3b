"""insights totals: the unfiltered page's sums kept by triggers

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29

With no filter, the Insights page summed every lead, every stage row, every use, rating and
vote on each computation (index walks of 100,000 rows and more). Those sums change only when a
record is written, so five small tables now hold them, kept by SQLite triggers on every write
(local or applied by sync; inserts, updates, tombstones and deletes alike):

- `insights_total_lead`: live leads, and how far they got, per event, grade, qualification and
  rubric version (the funnel cube), with the won amounts in whole cents and the days to first
  contact in whole seconds, so that adding and taking away never drifts;
- `insights_total_lead_day`: live leads per event, owner and capture day;
- `insights_total_use`: opens, shares and presentations per collateral item, and its last use;
- `insights_total_rating`: the average of each user's newest rating per item;
- `insights_total_vote`: helped and not-helped votes per item and debrief outcome, with the
  number of submitted debriefs behind them.

A stored NULL key is kept as the empty blob `X''` (no text or number equals it), so every group
has one row and an upsert finds it. The lead sums are added and taken away per row (a sync of
thousands of leads touches each group once per lead); the others are recomputed for the one
item written, from that item's few rows. A sum that falls to nothing leaves a row of zeros,
which readers skip. Filtered figures still read the records (their filters need each row).
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# Frozen copies of the rules at this revision.
NULL_KEY = "X''"
CUBE_KEYS = ("event_id", "grade", "qualified", "rubric_id", "rubric_version")
DAY_KEYS = ("event_id", "owner_id", "day")
STAGE_SUMS = ("contacted", "meeting", "opportunity", "won", "won_cents", "delay_seconds", "delay_n")


def _key(expr: str) -> str:
    return f"IFNULL({expr}, {NULL_KEY})"


def _stage_values(r: str) -> dict[str, str]:
    """What one `insights_lead_stage` row adds to its group's sums."""
    return {
        "contacted": f"({r}.stage >= 1)",
        "meeting": f"({r}.stage >= 2)",
        "opportunity": f"({r}.stage >= 3)",
        "won": f"({r}.stage >= 4)",
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


def _lead_triggers() -> dict[str, str]:
    def statements(r: str, sign: str) -> str:
        cube = {k: _key(f"{r}.{k}") for k in CUBE_KEYS}
        day = {"event_id": _key(f"{r}.event_id"), "owner_id": _key(f"{r}.owner_id"),
               "day": _key(f"substr({r}.captured_at, 1, 10)")}
        live = f"{r}.deleted = 0"
        return (_add("insights_total_lead", cube, {"leads": "1"}, live, sign) + " "
                + _add("insights_total_lead_day", day, {"leads": "1"}, live, sign))

    cols = ", ".join(("deleted", *CUBE_KEYS, "owner_id", "captured_at"))
    return {
        "insights_total_lead_ai": f"AFTER INSERT ON rec_lead BEGIN {statements('NEW', '+')} END",
        "insights_total_lead_au": f"AFTER UPDATE OF {cols} ON rec_lead BEGIN "
        f"{statements('OLD', '-')} {statements('NEW', '+')} END",
        "insights_total_lead_ad": f"AFTER DELETE ON rec_lead BEGIN {statements('OLD', '-')} END",
    }


def _stage_triggers() -> dict[str, str]:
    def statement(r: str, sign: str) -> str:
        cube = {k: _key(f"{r}.{k}") for k in CUBE_KEYS}
        # The lead columns are NULL (deleted too) while the lead is not in the cache.
        return _add("insights_total_lead", cube, _stage_values(r), f"{r}.deleted = 0", sign)

    cols = ", ".join(("deleted", *CUBE_KEYS, "stage", "won_amount", "delay"))
    return {
        "insights_total_stage_ai": f"AFTER INSERT ON insights_lead_stage BEGIN {statement('NEW', '+')} END",
        "insights_total_stage_au": f"AFTER UPDATE OF {cols} ON insights_lead_stage BEGIN "
        f"{statement('OLD', '-')} {statement('NEW', '+')} END",
        "insights_total_stage_ad": f"AFTER DELETE ON insights_lead_stage BEGIN {statement('OLD', '-')} END",
    }


# Per item, recomputed from that item's rows (`{cid}` is the item id; only text ids name an item).
USE_SELECT = (
    "SELECT collateral_id, SUM(action IS 'opened'), SUM(action IS 'shared'), "
    "SUM(action IS 'presented'), MAX(at) FROM rec_collateral_usage "
    "WHERE {where} deleted = 0 AND typeof(collateral_id) = 'text' GROUP BY collateral_id"
)
# Only each user's newest rating of an item counts (SQLite takes the bare rating from the row
# holding the MAX id); the average is taken as the figures take it.
RATING_SELECT = (
    "SELECT cid, AVG(rating), COUNT(*) FROM (SELECT collateral_id AS cid, rating, MAX(id) "
    "FROM rec_collateral_feedback WHERE {where} deleted = 0 AND rating IS NOT NULL "
    "AND typeof(collateral_id) = 'text' GROUP BY collateral_id, author_id) GROUP BY cid"
)
# Per debrief first, so each debrief behind an item's votes is counted once.
VOTE_SELECT = (
    f"SELECT collateral_id, IFNULL(outcome, {NULL_KEY}), SUM(h), SUM(nh), COUNT(*) FROM ("
    "SELECT collateral_id, outcome, SUM(helpful IS 1) AS h, SUM(helpful IS 0) AS nh "
    "FROM insights_debrief_item WHERE deleted = 0 AND status = 'submitted' AND {where} "
    "typeof(collateral_id) = 'text' GROUP BY collateral_id, outcome, debrief_id) "
    "GROUP BY collateral_id, outcome"
)
ITEM_TOTALS = {
    # table: (its columns, the source table, the select filling it, the source columns that count)
    "insights_total_use": ("collateral_id, opens, shares, presentations, last_at",
                           "rec_collateral_usage", USE_SELECT, "collateral_id, deleted, action, at"),
    "insights_total_rating": ("collateral_id, avg_rating, ratings", "rec_collateral_feedback",
                              RATING_SELECT, "collateral_id, author_id, deleted, rating"),
    "insights_total_vote": ("collateral_id, outcome, helped, not_helped, debriefs",
                            "insights_debrief_item", VOTE_SELECT,
                            "collateral_id, helpful, deleted, status, outcome, debrief_id"),
}


def _item_refresh(table: str, cid: str) -> str:
    cols, _source, select, _ = ITEM_TOTALS[table]
    return (f"DELETE FROM {table} WHERE collateral_id = {cid}; "
            f"INSERT INTO {table} ({cols}) {select.format(where=f'collateral_id = {cid} AND')};")


def _item_triggers() -> dict[str, str]:
    out = {}
    for table, (_cols, source, _select, watched) in ITEM_TOTALS.items():
        name = table.removeprefix("insights_total_")
        out[f"insights_total_{name}_ai"] = (
            f"AFTER INSERT ON {source} BEGIN {_item_refresh(table, 'NEW.collateral_id')} END")
        out[f"insights_total_{name}_au"] = (
            f"AFTER UPDATE OF {watched} ON {source} BEGIN {_item_refresh(table, 'OLD.collateral_id')} "
            f"{_item_refresh(table, 'NEW.collateral_id')} END")
        out[f"insights_total_{name}_ad"] = (
            f"AFTER DELETE ON {source} BEGIN {_item_refresh(table, 'OLD.collateral_id')} END")
    return out


TRIGGERS = {**_lead_triggers(), **_stage_triggers(), **_item_triggers()}

TABLES = {
    "insights_total_lead": (
        "event_id VARCHAR(36) NOT NULL, grade VARCHAR(40) NOT NULL, qualified INTEGER NOT NULL, "
        "rubric_id VARCHAR(36) NOT NULL, rubric_version INTEGER NOT NULL, "
        + ", ".join(f"{c} INTEGER NOT NULL DEFAULT 0" for c in ("leads", *STAGE_SUMS))
        + f", PRIMARY KEY ({', '.join(CUBE_KEYS)})"
    ),
    "insights_total_lead_day": (
        "event_id VARCHAR(36) NOT NULL, owner_id VARCHAR(36) NOT NULL, day VARCHAR(10) NOT NULL, "
        "leads INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (event_id, owner_id, day)"
    ),
    "insights_total_use": (
        "collateral_id VARCHAR(36) NOT NULL, opens INTEGER NOT NULL, shares INTEGER NOT NULL, "
        "presentations INTEGER NOT NULL, last_at VARCHAR(40), PRIMARY KEY (collateral_id)"
    ),
    "insights_total_rating": (
        "collateral_id VARCHAR(36) NOT NULL, avg_rating FLOAT NOT NULL, ratings INTEGER NOT NULL, "
        "PRIMARY KEY (collateral_id)"
    ),
    "insights_total_vote": (
        "collateral_id VARCHAR(36) NOT NULL, outcome VARCHAR(40) NOT NULL, helped INTEGER NOT NULL, "
        "not_helped INTEGER NOT NULL, debriefs INTEGER NOT NULL, PRIMARY KEY (collateral_id, outcome)"
    ),
}


def fill_statements() -> list[str]:
    """Fill the empty tables from the records (as the triggers would have kept them)."""
    cube = ", ".join(_key(k) for k in CUBE_KEYS)
    stage = _stage_values("s")
    out = [
        f"INSERT INTO insights_total_lead ({', '.join(CUBE_KEYS)}, leads) "
        f"SELECT {cube}, COUNT(*) FROM rec_lead WHERE deleted = 0 GROUP BY {cube}",
        f"INSERT INTO insights_total_lead ({', '.join(CUBE_KEYS)}, {', '.join(STAGE_SUMS)}) "
        f"SELECT {cube}, {', '.join(f'SUM({v})' for v in stage.values())} "
        f"FROM insights_lead_stage s WHERE s.deleted = 0 GROUP BY {cube} "
        f"ON CONFLICT ({', '.join(CUBE_KEYS)}) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in STAGE_SUMS),
        f"INSERT INTO insights_total_lead_day (event_id, owner_id, day, leads) "
        f"SELECT {_key('event_id')}, {_key('owner_id')}, {_key('substr(captured_at, 1, 10)')}, COUNT(*) "
        "FROM rec_lead WHERE deleted = 0 GROUP BY 1, 2, 3",
    ]
    for table, (cols, _source, select, _) in ITEM_TOTALS.items():
        out.append(f"INSERT INTO {table} ({cols}) {select.format(where='')}")
    return out


def upgrade() -> None:
    for table, body in TABLES.items():
        op.execute(f"CREATE TABLE {table} ({body}) WITHOUT ROWID")
    for statement in fill_statements():
        op.execute(statement)
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in TABLES:
        op.execute(f"DROP TABLE IF EXISTS {table}")
