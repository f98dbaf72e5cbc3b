"""Who owns a lead that arrives: the hub applies the routing rules (`fieldnote.routing`, stored as
the one `routing` record) inside the push that creates the lead, so every device pulls the same
owner (and a `lead.assigned` webhook sees a lead arriving owned by someone other than its
capturer, `fieldnote.webhooks.events_of`).

It decides nothing about who may do what (`hub.authz`) and never writes a record itself; the
push stages the lead with the owner chosen here.
"""

from __future__ import annotations

import logging
from typing import Any

from fieldnote.routing import ROUTING_ID, RoutingError, lead_facts, parse_rules, route
from hub.records import RecordStore

log = logging.getLogger(__name__)

def owner_for_new_lead(store: RecordStore, fields: dict[str, Any], capturer_id: str,
                       capturer_team: str | None) -> tuple[str, int | None]:
    """The owner of a lead arriving with these fields, by the first matching rule whose owner
    is an active user, else the capturing rep; and the rule's index (None: the capturer)."""
    rules = _current_rules(store)
    if not rules:
        return capturer_id, None
    event_id = fields.get("event_id")
    event = store.record_fields("event", str(event_id).lower()) if event_id else None
    facts = lead_facts(fields, capturer_team, event)
    assignable = {}
    for email in {r.assign for r in rules}:
        user = store.user_by_email(email)
        if user is not None and not user.deleted and user.fields.get("active", True):
            assignable[email] = user.id
    found = route(rules, facts, assignable)
    if found is None:
        return capturer_id, None
    index, rule = found
    return assignable[rule.assign], index


def _current_rules(store: RecordStore) -> list[Any]:
    state = store.get("routing", ROUTING_ID)
    if state is None or state.deleted:
        return []
    try:
        return parse_rules(state.fields.get("rules") or [])
    except RoutingError:
        # The hub checks the rules when they are written; rules stored otherwise route nothing.
        log.warning("the stored routing rules cannot be read; leads stay with their capturers")
        return []

