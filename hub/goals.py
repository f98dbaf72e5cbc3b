"""What booth goals need from the hub: the tallies of one event's leads (`fieldnote.goals.Tally`:
who captured each, when, and the rubric's result), so that every device can count the team's
figures by the one rule. Nothing about a visitor leaves here: no name, company, email, answer
or lead id.
"""

from __future__ import annotations

from sqlalchemy import Engine, and_, select

from fieldnote.goals import Tally, tally_of
from hub.db.tables import RECORD_TABLES

LEADS = RECORD_TABLES["lead"]


def tallies(engine: Engine, event_id: str) -> list[Tally]:
    """The tallies of the live leads captured at `event_id`, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(LEADS.c.captured_by, LEADS.c.captured_at, LEADS.c.qualified, LEADS.c.grade,
                   LEADS.c.deleted)
            .where(and_(LEADS.c.event_id == event_id, LEADS.c.deleted.is_(False)))
            .order_by(LEADS.c.captured_at, LEADS.c.id)
        ).mappings()
        return [t for t in (tally_of(dict(r)) for r in rows) if t is not None]
