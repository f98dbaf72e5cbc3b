"""What the signed-in user is offered: the role policy of `fieldnote.roles`, asked with what
this device knows, so that a button, menu or command is refused up front with the hub's own
reason instead of being rejected at sync.

The pages and the CLI call `Offers`; nothing here (or there) restates a role decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldnote import roles
from fieldnote.kinds import KINDS

if TYPE_CHECKING:
    from desktop.store.records import Store

# Fields the hub fills in from the token when a record is made.
_SERVER_OWNERS = ("owner_id", "author_id", "captured_by")


@dataclass(frozen=True)
class SignedIn:
    """The signed-in user as the policy sees them."""

    id: str
    role: str
    team: str | None = None
    active: bool = True

    @classmethod
    def of(cls, user: Mapping[str, Any] | None) -> SignedIn:
        user = user or {}
        return cls(id=str(user.get("id") or ""), role=str(user.get("role") or roles.LEAST_ROLE),
                   team=user.get("team") or None, active=bool(user.get("active", True)))


class DeviceFacts:
    """What the policy's conditions read on this device: its own copy of the records its user
    may see (so whatever is here is visible to them)."""

    def __init__(self, store: Store | None, me: str) -> None:
        self.store = store
        self.me = me

    def record_fields(self, kind: str, record_id: str) -> Mapping[str, Any] | None:
        if self.store is None or not record_id or kind not in KINDS:
            return None
        return as_the_hub_sees(kind, self.store.get(kind, record_id), self.me)

    def sees(self, person: roles.Person, kind: str, fields: Mapping[str, Any]) -> bool:
        return bool(fields)


def as_the_hub_sees(kind: str, row: Mapping[str, Any] | None, me: str) -> dict[str, Any] | None:
    """A local row as the hub will store it: a record made here and not yet acknowledged has
    no owner yet, and the hub will make this user its owner."""
    if row is None:
        return None
    fields = dict(row)
    if not fields.get("rev"):
        for name in _SERVER_OWNERS:
            if name in KINDS[kind].by_name and not fields.get(name):
                fields[name] = me
    return fields


class Offers:
    """The actions a page or command offers the signed-in user, each as a `roles.Decision`
    whose reason is the hub's words for a refusal."""

    def __init__(self, user: Mapping[str, Any] | None, store: Store | None = None) -> None:
        self.person = SignedIn.of(user)
        self.facts = DeviceFacts(store, self.person.id)

    @property
    def reach(self) -> roles.Reach:
        """What the user reads of others' work and of unpublished material."""
        return roles.reach(self.person.role)

    def offer(
        self,
        kind: str,
        op: roles.Op,
        record: Mapping[str, Any] | None = None,
        changes: Mapping[str, Any] | None = None,
    ) -> roles.Decision:
        """May the user apply `op` to this local `record` (None: a new one) with `changes`?"""
        stored = as_the_hub_sees(kind, record, self.person.id) if kind in KINDS else record
        return roles.decide(self.person, kind, op, self.facts, stored, changes)

    def answers_requests(self) -> roles.Decision:
        """May the user answer other people's collateral requests (marketing's queue)?"""
        return self.offer("collateral_request", "update", {"author_id": "(someone else)", "rev": 1},
                          {"status": "accepted"})
