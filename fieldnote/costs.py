"""What an event cost and what it returned, defined once for the store, the Insights page, its
JSON and PDF, and the command line.

An event carries its cost (`cost_amount`, in `cost_currency`; no currency means the team's,
the hub setting `fieldnote.money.currency_of`). Insights divides the cost by the event's
leads, qualified leads and opportunities, and sets it against the pipeline the event's leads
influenced and the amount they won.

- A lead's **pipeline** value is the amount of its latest counting outcome that is an
  opportunity or a win and names an amount (`pipeline_value`): a lead whose opportunity of
  40,000 was later won at 35,000 adds 35,000, not 75,000. The pipeline of an event is the sum
  over its leads; won leads stay in it (pipeline influenced, not pipeline still open).
- Amounts are only set against a cost in the same currency: an event that cost 12,000 USD while
  the team counts in EUR shows its cost per lead in USD and no return ratio (no exchange rate is
  guessed). A campaign adds up the costs of its events when they share one currency.

Pure Python: nothing here reads a database or knows about Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fieldnote.insights import money, rate
from fieldnote.outcomes import counting_outcomes

# The outcome statuses a pipeline value is read from, furthest first.
PIPELINE_STATUSES = ("won", "opportunity")

# A campaign whose events' costs are in more than one currency has no cost of its own.
MIXED = "mixed"

# The figures of a cost block, in the order of the JSON's keys (`insights --json`).
COST_KEYS = ("cost", "currency", "per_lead", "per_qualified", "per_opportunity", "pipeline",
             "won_amount", "pipeline_per_cost", "won_per_cost", "compared")


def pipeline_value(outcomes: Iterable[Mapping[str, Any]]) -> float:
    """A lead's pipeline value from its outcomes: the amount of the latest (by `at`, then by
    order given) counting opportunity or win that names one; 0 when none does."""
    value = 0.0
    latest: str | None = None
    for o in counting_outcomes(outcomes):
        amount = o.get("amount")
        if o.get("status") not in PIPELINE_STATUSES or amount is None:
            continue
        at = str(o.get("at") or "")
        if latest is None or at >= latest:
            latest, value = at, float(amount)
    return value


def pipeline_by_lead(outcomes: Iterable[Mapping[str, Any]]) -> dict[str, float]:
    """Each lead's pipeline value (only leads with one) from the outcomes of many leads."""
    per_lead: dict[str, list[Mapping[str, Any]]] = {}
    for o in outcomes:
        per_lead.setdefault(str(o.get("lead_id")), []).append(o)
    values = {lead_id: pipeline_value(rows) for lead_id, rows in per_lead.items()}
    return {lead_id: v for lead_id, v in values.items() if v}


def cost_of(event: Mapping[str, Any], team_currency: str) -> tuple[float | None, str]:
    """An event's cost and the currency it is in (the team's when the event names none)."""
    amount = event.get("cost_amount")
    currency = str(event.get("cost_currency") or "").strip().upper() or team_currency
    return (None if amount is None else float(amount)), currency


def cost_figures(cost: float | None, currency: str, team_currency: str,
                 funnel: Mapping[str, float], pipeline: float) -> dict[str, Any]:
    """The cost block of an event or campaign: cost per lead, per qualified lead and per
    opportunity (in the cost's currency), the pipeline and won amount (in the team's currency)
    and, when both are in one currency, each as a multiple of the cost. Without a cost every
    per-cost figure is None."""
    won = money(funnel.get("won_amount", 0))
    compared = cost is not None and currency == team_currency

    def per(count: float) -> float | None:
        if cost is None or not count:
            return None
        return money(cost / count)

    return {
        "cost": None if cost is None else money(cost),
        "currency": currency,
        "per_lead": per(funnel.get("captured", 0)),
        "per_qualified": per(funnel.get("qualified", 0)),
        "per_opportunity": per(funnel.get("opportunity", 0)),
        "pipeline": money(pipeline),
        "won_amount": won,
        "pipeline_per_cost": rate(pipeline, cost) if compared and cost else None,
        "won_per_cost": rate(won, cost) if compared and cost else None,
        "compared": compared,
    }


def campaign_cost(costs: Iterable[tuple[float | None, str]]) -> tuple[float | None, str | None]:
    """A campaign's cost from its events' (cost, currency): the sum when every event with a cost
    is in one currency; (None, None) when none has a cost; (None, MIXED) when they differ."""
    known = [(c, cur) for c, cur in costs if c is not None]
    if not known:
        return None, None
    currencies = {cur for _, cur in known}
    if len(currencies) > 1:
        return None, MIXED
    return sum(c for c, _ in known), currencies.pop()
