"""The hub's one authorisation policy: who may write which record, and who may see it.

Every push and pull goes through `require` and `record_audiences`; routes never decide
rights themselves. Visibility is expressed as audiences ("user:<id>", "team:<t>", "all",
"staff", "work:all", "work:team:<t>") so the change feed can be read with an index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from fieldnote.kinds import HUB_MADE_KINDS

Op = Literal["create", "update", "delete"]

# Kinds whose records are facts once written: their authors add new ones, nobody edits them.
APPEND_ONLY = frozenset({"lead_outcome", "collateral_usage", "collateral_feedback", "debrief_comment"})
# Kinds maintained by marketers and read by everyone.
MARKETING_KINDS = frozenset({"collateral", "event", "rubric", "reason_list"})
# Collateral request fields that only marketers answer.
REQUEST_ANSWER_FIELDS = frozenset({"status", "response", "collateral_id"})
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
    """The audiences whose feed rows this user reads."""
    audiences = ["all", f"user:{actor.id}"]
    if actor.team:
        audiences.append(f"team:{actor.team}")
    if actor.role in ("marketer", "manager", "admin"):
        audiences.append("staff")
    if actor.role in ("marketer", "admin"):
        audiences.append("work:all")
    elif actor.role == "manager" and actor.team:
        audiences.append(f"work:team:{actor.team}")
    return audiences


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
    these field `changes`. Ownership is read from the stored record, never from the client."""
    if not actor.active:
        raise Forbidden("This account is disabled")
    role = actor.role
    if kind in HUB_MADE_KINDS:
        if kind == "conflict" and op == "update" and record is not None:
            if actor.id not in (record.get("users") or []):
                raise Forbidden("Only the people involved in a conflict can resolve it")
            if set(changes) - {"resolved"}:
                raise Forbidden("Only `resolved` can be changed on a conflict")
            return
        raise Forbidden(f"{_plural(kind)} are made by the hub; clients cannot change them")
    if kind in APPEND_ONLY and op != "create":
        raise Forbidden(f"{_plural(kind)} cannot be changed or deleted once written")
    if role == "admin":
        raise Forbidden("Administrators manage users and settings; they do not edit records")

    if kind in MARKETING_KINDS:
        if role != "marketer":
            raise Forbidden(f"Only marketers can change {_plural(kind)}")
        return
    if kind == "lead":
        if role not in ("rep", "marketer"):
            raise Forbidden("Only reps and marketers capture leads")
        if role == "marketer" and record is not None and set(changes) == {"owner_id"}:
            return  # extension: marketers hand leads to another owner
        _require_owner(actor, record, "owner_id", "lead")
        return
    if kind == "debrief":
        if role not in ("rep", "marketer"):
            raise Forbidden("Only reps and marketers file debriefs")
        _require_owner(actor, record, "author_id", "debrief")
        return
    if kind == "lead_outcome":
        lead = lookup.record_fields("lead", str(changes.get("lead_id") or ""))
        if lead is None or lead.get("deleted"):
            raise Forbidden("The lead of this outcome is not on the hub")
        if role == "marketer" or (role == "rep" and lead.get("owner_id") == actor.id):
            return
        raise Forbidden("Only the lead's owner or a marketer can record its outcome")
    if kind == "debrief_comment":
        debrief = lookup.record_fields("debrief", str(changes.get("debrief_id") or ""))
        if debrief is None or debrief.get("deleted"):
            raise Forbidden("The debrief of this comment is not on the hub")
        if role == "rep" and debrief.get("author_id") == actor.id:
            return
        if role in ("marketer", "manager") and can_see(
            actor, record_audiences("debrief", debrief, lookup)
        ):
            return
        raise Forbidden("You can comment only on debriefs you can see (reps: their own)")
    if kind in ("collateral_feedback", "collateral_usage"):
        collateral = lookup.record_fields("collateral", str(changes.get("collateral_id") or ""))
        if collateral is None:
            raise Forbidden("The collateral this refers to is not on the hub")
        return
    if kind == "collateral_request":
        if op == "create":
            if role != "marketer" and changes.get("status") not in (None, "open"):
                raise Forbidden("A new request starts open; marketers answer it")
            if role != "marketer" and (changes.get("response") or changes.get("collateral_id")):
                raise Forbidden("Only marketers answer collateral requests")
            return
        own = record is not None and record.get("author_id") == actor.id
        if op == "delete":
            if not own:
                raise Forbidden("You can withdraw only your own requests")
            return
        if role == "marketer":
            if own or set(changes) <= REQUEST_ANSWER_FIELDS:
                return
            raise Forbidden("Marketers answer requests (status, response, collateral)")
        if not own:
            raise Forbidden("You can change only your own requests")
        if op == "update" and set(changes) & REQUEST_ANSWER_FIELDS:
            raise Forbidden("Only marketers set a request's status, response or collateral")
        return
    raise Forbidden(f"{_plural(kind)} cannot be written")  # pragma: no cover - kinds are closed


def _require_owner(actor: Actor, record: Mapping[str, Any] | None, column: str, noun: str) -> None:
    if record is not None and record.get(column) != actor.id:
        raise Forbidden(f"This {noun} belongs to someone else")


def _plural(kind: str) -> str:
    return kind.replace("_", " ").capitalize() + " records"
