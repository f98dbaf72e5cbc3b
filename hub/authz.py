"""The hub's authorisation: applies the role policy of `fieldnote.roles` to pushes, pulls,
files and the admin API, and says who may see each record.

Every push and pull goes through `require` and `record_audiences`; routes never decide rights
themselves, and nothing here restates a role decision: it reads the policy table. Visibility
is expressed as audiences ("user:<id>", "team:<t>", "all", "staff", "work:all",
"work:team:<t>") so the change feed can be read with an index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from fieldnote import roles

Op = roles.Op
# Collateral statuses reps see (while not expired); the rest only roles that read unpublished
# material.
REP_VISIBLE_COLLATERAL = frozenset({"approved", "review"})


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


class Lookup(Protocol):
    """What the policy may read: users and other records, as whole current states."""

    def user_fields(self, user_id: str) -> Mapping[str, Any] | None: ...

    def record_fields(self, kind: str, record_id: str) -> Mapping[str, Any] | None: ...


def user_audiences(actor: Actor) -> list[str]:
    """The audiences whose feed rows this user reads (what their role reads: `roles.READS`)."""
    audiences = ["all", f"user:{actor.id}"]
    if actor.team:
        audiences.append(f"team:{actor.team}")
    reach = roles.reach(actor.role)
    if reach.unpublished:
        audiences.append("staff")
    if reach.work == "all":
        audiences.append("work:all")
    elif reach.work == "team" and actor.team:
        audiences.append(f"work:team:{actor.team}")
    return audiences


def may_read_any_file(actor: Actor) -> bool:
    return roles.reach(actor.role).any_file


def _work(user_id: str | None, lookup: Lookup) -> list[str]:
    """Audiences of a user's own work (leads, debriefs, requests...): the user, all marketers,
    and the manager of the user's team."""
    if not user_id:
        return ["work:all"]
    audiences = [f"user:{user_id}", "work:all"]
    user = lookup.user_fields(user_id)
    team = user.get("team") if user else None
    if team:
        audiences.append(f"work:team:{team}")
    return audiences


def record_audiences(
    kind: str, fields: Mapping[str, Any], lookup: Lookup, today: dt.date | None = None
) -> list[str]:
    """Who may see this record in its current state (a deleted record is seen by nobody)."""
    if kind == "lead":
        return _work(fields.get("owner_id"), lookup)
    if kind == "lead_outcome":
        lead = lookup.record_fields("lead", fields.get("lead_id") or "")
        audiences = _work(lead.get("owner_id") if lead else None, lookup)
        return _dedupe([*audiences, *_author(fields)])
    if kind == "debrief":
        if fields.get("status") == "submitted":
            return _work(fields.get("author_id"), lookup)
        return _author(fields)  # a draft is its author's alone
    if kind == "debrief_comment":
        debrief = lookup.record_fields("debrief", fields.get("debrief_id") or "")
        audiences = record_audiences("debrief", debrief, lookup) if debrief else []
        return _dedupe([*audiences, *_author(fields)])
    if kind in ("collateral_feedback", "collateral_usage", "collateral_request"):
        return _work(fields.get("author_id"), lookup)
    if kind == "collateral":
        return collateral_audiences(fields, today or dt.datetime.now(dt.UTC).date())
    if kind in ("event", "rubric", "reason_list", "user"):
        return ["all"]
    if kind == "conflict":
        return [f"user:{u}" for u in fields.get("users") or []]
    return []


def collateral_audiences(fields: Mapping[str, Any], today: dt.date) -> list[str]:
    audiences = ["staff"]
    if fields.get("status") in REP_VISIBLE_COLLATERAL and not is_expired(fields, today):
        teams = [t for t in fields.get("audience") or [] if t]
        audiences.extend([f"team:{t}" for t in teams] if teams else ["all"])
    return _dedupe(audiences)


def is_expired(fields: Mapping[str, Any], today: dt.date) -> bool:
    expires = fields.get("expires_on")
    return bool(expires) and str(expires) < today.isoformat()


def can_see(actor: Actor, audiences: Iterable[str]) -> bool:
    return not set(user_audiences(actor)).isdisjoint(audiences)


def _author(fields: Mapping[str, Any]) -> list[str]:
    author = fields.get("author_id")
    return [f"user:{author}"] if author else []


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


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


class HubFacts:
    """What the policy's conditions read on the hub: the stored records and their audiences."""

    def __init__(self, lookup: Lookup | None) -> None:
        self.lookup = lookup

    def record_fields(self, kind: str, record_id: str) -> Mapping[str, Any] | None:
        return self.lookup.record_fields(kind, record_id) if self.lookup else None

    def sees(self, person: roles.Person, kind: str, fields: Mapping[str, Any]) -> bool:
        if self.lookup is None or not fields:
            return False
        return bool(isinstance(person, Actor)
                    and can_see(person, record_audiences(kind, fields, self.lookup)))
