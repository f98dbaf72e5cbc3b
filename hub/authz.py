"""The hub's authorisation: applies the role policy of `fieldnote.roles` to pushes, pulls,
files and the admin API, and says who may see each record.

Every push and pull goes through `require` and `record_audiences`; routes never decide rights
themselves, and nothing here restates a role decision: it reads the policy table. Visibility
is expressed as audiences ("user:<id>", "team:<t>", "all", "staff", "work:all",
"work:team:<t>") so the change feed can be read with an index.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldnote import roles

Op = roles.Op


@dataclass(frozen=True)
class Actor:
    """The authenticated user a request acts for."""

    id: str
    email: str
    name: str
    role: str
    team: str | None
    active: bool = True


class Forbidden(Exception):
    """The actor may not do this; the message says why in words a user can act on."""


Lookup = roles.Directory


# Who sees what: the audiences of records and of people are the role policy's
# (`fieldnote.roles`); the hub writes a feed row per audience and reads a user's audiences.
user_audiences = roles.audiences_of
record_audiences = roles.record_audiences
collateral_audiences = roles.collateral_audiences
is_expired = roles.is_expired
can_see = roles.sees


def sees_record(actor: Actor, kind: str, fields: Mapping[str, Any], lookup: Lookup) -> bool:
    """Whether `actor` may see a record with these fields (a deleted one: as it was)."""
    return HubFacts(lookup).sees(actor, kind, fields)


def may_read_any_file(actor: Actor) -> bool:
    return roles.reach(actor.role).any_file


def require(
    actor: Actor,
    kind: str,
    op: Op,
    record: Mapping[str, Any] | None,
    changes: Mapping[str, Any],
    lookup: Lookup,
) -> None:
    """Raise `Forbidden` unless `actor` may apply `op` to `record` (None when creating) with
    these field `changes`, as the policy table (`fieldnote.roles`) says. Ownership is read from
    the stored record, never from the client."""
    decision = roles.decide(actor, kind, op, HubFacts(lookup), record, changes)
    if not decision:
        raise Forbidden(decision.reason)


def refusal(actor: Actor, kind: str, op: roles.Op) -> str | None:
    """Why the actor may not do a named action that is not a record write (upload a file,
    manage users, hand a lead over), or None when they may."""
    decision = roles.decide(actor, kind, op, HubFacts(None))
    return None if decision else decision.reason


def require_on(actor: Actor, kind: str, op: roles.Op, record: Mapping[str, Any],
               lookup: Lookup) -> None:
    """Raise `Forbidden` unless `actor` may do a named action (revoke a send's links) to
    this stored record."""
    decision = roles.decide(actor, kind, op, HubFacts(lookup), record)
    if not decision:
        raise Forbidden(decision.reason)


class HubFacts:
    """What the policy's conditions read on the hub: the stored records and their audiences."""

    def __init__(self, lookup: Lookup | None) -> None:
        self.lookup = lookup

    def record_fields(self, kind: str, record_id: str) -> Mapping[str, Any] | None:
        return self.lookup.record_fields(kind, record_id) if self.lookup else None

    def sees(self, person: roles.Person, kind: str, fields: Mapping[str, Any]) -> bool:
        if self.lookup is None or not fields:
            return False
        return roles.sees(person, roles.record_audiences(kind, fields, self.lookup))
