"""Which of a lead's outcomes count. Outcomes are append-only facts (the hub refuses to change
or delete one), so an outcome recorded by mistake is withdrawn by appending a retraction: a
new outcome of the same lead whose `retracts` names it. Both stay on record and sync.

The rule, here once: an outcome counts (for the lead's status, the funnel, exports) when it is
not deleted, is not itself a retraction, and no live retraction of the same lead names it.
The store states this rule in SQL once (`desktop.store.leads.counting_outcome`, read by the lead
status and filters and compiled into the insights triggers by `desktop.store.funnel_sql`);
tests/desktop/store/test_outcome_rule.py holds that SQL to `counting_outcomes`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


class NotRetractable(ValueError):
    """The outcome cannot be withdrawn (already withdrawn, or itself a withdrawal)."""


def retraction_fields(outcome: Mapping[str, Any], *, at: str) -> dict[str, Any]:
    """The fields of the outcome that withdraws `outcome` (a stored outcome with its id).

    It carries the withdrawn status so an older app that does not know `retracts` still shows
    what it is about; the note says in words what happened."""
    if outcome.get("retracts"):
        raise NotRetractable("A withdrawal cannot itself be withdrawn; record a new outcome instead")
    return {
        "lead_id": outcome["lead_id"],
        "status": outcome["status"],
        "retracts": outcome["id"],
        "at": at,
        "note": "Withdrawn: recorded by mistake",
    }


def retracted_ids(outcomes: Iterable[Mapping[str, Any]]) -> set[str]:
    """Ids of the outcomes a live retraction among `outcomes` withdraws."""
    return {str(o["retracts"]) for o in outcomes if o.get("retracts") and not o.get("deleted")}


def counting_outcomes(outcomes: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The outcomes that count, in the order given (see the module's rule)."""
    rows = list(outcomes)
    withdrawn = retracted_ids(rows)
    return [o for o in rows
            if not o.get("deleted") and not o.get("retracts") and str(o.get("id")) not in withdrawn]
