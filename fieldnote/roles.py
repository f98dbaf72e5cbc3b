"""Who may do what: the role x record kind x operation policy, written once, as data.

The hub's authorisation (`hub.authz`) and the desktop's offered actions (buttons, menus, CLI
commands) both read `POLICY` and `READS` through `decide` and `reach`, so the desktop refuses up
front with the words the hub would answer with. Plain Python: no I/O, no Qt, no SQL; what a
condition needs to know about other records it asks a `Facts` object of its caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from fieldnote.kinds import KINDS, ROLES

# The operations of a record push, plus the named actions that are not plain record writes.
Op = Literal["create", "update", "delete", "reassign", "upload", "import", "manage", "erase",
             "revoke", "configure"]
RECORD_OPS: tuple[Op, ...] = ("create", "update", "delete")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Mark a sentence a user is shown for extraction into the translations, without Qt: the
    desktop translates it where it shows it (`QCoreApplication.translate("roles", ...)`); the
    hub answers in English."""
    return text


# A user record without a role acts and reads as the role with the least rights.
LEAST_ROLE = "rep"

# Collateral request fields that only marketers answer.
REQUEST_ANSWER_FIELDS = frozenset({"status", "response", "collateral_id"})


class Person(Protocol):
    """Who acts: the hub's `Actor`, or the desktop's signed-in user."""

    @property
    def id(self) -> str: ...

    @property
    def role(self) -> str: ...

    @property
    def team(self) -> str | None: ...

    @property
    def active(self) -> bool: ...


class Facts(Protocol):
    """What a condition may read about other records, from where the question is asked: the
    hub's tables, or the desktop's copy of what its user may see."""

    def record_fields(self, kind: str, record_id: str) -> Mapping[str, Any] | None:
        """The record's current state (with `deleted`), or None when it is not there."""
        ...

    def sees(self, person: Person, kind: str, fields: Mapping[str, Any]) -> bool:
        """Whether `person` may see this record in its current state."""
        ...


@dataclass(frozen=True)
class Ask:
    """One question to the policy: may `person` apply `op` to `record` (its stored state, None
    when creating) with these field `changes`?"""

    person: Person
    kind: str
    op: Op
    record: Mapping[str, Any] | None
    changes: Mapping[str, Any]
    facts: Facts


@dataclass(frozen=True)
class Check:
    """A named condition on a cell of the table; `reason` is the refusal when it fails and
    `label` how the rendered table names it."""

    label: str
    test: Callable[[Ask], bool]
    reason: str


@dataclass(frozen=True)
class Allow:
    """Allowed when every check holds (in order; the first that fails gives the reason)."""

    checks: tuple[Check, ...] = ()


@dataclass(frozen=True)
class Deny:
    reason: str


Cell = Allow | Deny


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.allowed


# -- the named conditions ---------------------------------------------------------------------


# The builders marked `pragma: no mutate block` run once, at import, to make the conditions and
# the table: a mutation run swaps functions at call time and cannot change them. What they
# build is held cell by cell by tests/fieldnote/test_roles_cells.py instead.
def _own(column: str, label: str, reason: str) -> Check:  # pragma: no mutate block
    """The stored record is the person's own (a new record always is: the hub sets the owner)."""
    return Check(label, lambda a: a.record is None or a.record.get(column) == a.person.id, reason)


def _parent(a: Ask, kind: str, column: str) -> Mapping[str, Any] | None:
    parent = a.facts.record_fields(kind, str(a.changes.get(column) or ""))
    return None if parent is None or parent.get("deleted") else parent


OWN_LEAD = _own("owner_id", "own lead",
                QT_TRANSLATE_NOOP("roles", "This lead belongs to someone else"))
# A visitor's withdrawal of consent reaches whoever hears it; marketing records it on any lead
# (fieldnote.consent.withdrawal: a refusal and no follow-up, nothing else).
_WITHDRAWAL_FIELDS = frozenset({"consent_contact", "consent_at", "consent_method",
                                "consent_wording_id", "consent_text_version",
                                "consent_signature_sha256", "follow_up"})


def _withdrawal_only(a: Ask) -> bool:
    return (a.record is not None and a.changes.get("consent_contact") is False
            and set(a.changes) <= _WITHDRAWAL_FIELDS and a.changes.get("follow_up") is not True)


OWN_LEAD_OR_HANDOVER = Check(
    "own lead, or only its owner changes (a handover), or only a withdrawal of consent",
    lambda a: OWN_LEAD.test(a) or (a.record is not None and set(a.changes) == {"owner_id"})
    or _withdrawal_only(a),
    OWN_LEAD.reason,
)
OWN_DEBRIEF = _own("author_id", "own debrief",
                   QT_TRANSLATE_NOOP("roles", "This debrief belongs to someone else"))
OWNS_OUTCOME_LEAD = Check(
    "for an own lead",
    lambda a: (_parent(a, "lead", "lead_id") or {}).get("owner_id") == a.person.id,
    QT_TRANSLATE_NOOP("roles", "Only the lead's owner or a marketer can record its outcome"),
)
_COMMENT_REASON = QT_TRANSLATE_NOOP(
    "roles", "You can comment only on debriefs you can see (reps: their own)")
AUTHORS_COMMENTED_DEBRIEF = Check(
    "on an own debrief",
    lambda a: (_parent(a, "debrief", "debrief_id") or {}).get("author_id") == a.person.id,
    _COMMENT_REASON,
)
SEES_COMMENTED_DEBRIEF = Check(
    "on a debrief they see",
    lambda a: a.facts.sees(a.person, "debrief", _parent(a, "debrief", "debrief_id") or {}),
    _COMMENT_REASON,
)
NEW_REQUEST_OPEN = Check(
    "starting open",
    lambda a: a.changes.get("status") in (None, "open"),
    QT_TRANSLATE_NOOP("roles", "A new request starts open; marketers answer it"),
)
NEW_REQUEST_UNANSWERED = Check(
    "without an answer",
    lambda a: not (a.changes.get("response") or a.changes.get("collateral_id")),
    QT_TRANSLATE_NOOP("roles", "Only marketers answer collateral requests"),
)
_own_request = _own("author_id", "", "")
OWN_REQUEST_TO_WITHDRAW = Check(
    "own request", _own_request.test,
    QT_TRANSLATE_NOOP("roles", "You can withdraw only your own requests"))
OWN_REQUEST_TO_CHANGE = Check(
    "own request", _own_request.test,
    QT_TRANSLATE_NOOP("roles", "You can change only your own requests"))
REQUEST_NOT_ANSWERED = Check(
    "not its answer (status, response, collateral)",
    lambda a: not set(a.changes) & REQUEST_ANSWER_FIELDS,
    QT_TRANSLATE_NOOP("roles", "Only marketers set a request's status, response or collateral"),
)
OWN_REQUEST_OR_ANSWER = Check(
    "own request, or only its answer (status, response, collateral)",
    lambda a: _own_request.test(a) or set(a.changes) <= REQUEST_ANSWER_FIELDS,
    QT_TRANSLATE_NOOP("roles", "Marketers answer requests (status, response, collateral)"),
)
INVOLVED_IN_CONFLICT = Check(
    "one of the people involved",
    lambda a: a.record is not None and a.person.id in (a.record.get("users") or []),
    QT_TRANSLATE_NOOP("roles", "Only the people involved in a conflict can resolve it"),
)
ONLY_RESOLVED = Check(
    "only `resolved`",
    lambda a: not set(a.changes) - {"resolved"},
    QT_TRANSLATE_NOOP("roles", "Only `resolved` can be changed on a conflict"),
)

# A rep's own material goes to marketing as a proposal: a draft or an item in review that names
# them as its proposer; marketing approves, edits or declines it (docs/collateral.md).
PROPOSAL_STATUSES = frozenset({"draft", "review"})
# Collateral fields only marketing writes on a proposal: its answer, its verification, and
# what makes an item a new version of another.
REVIEW_FIELDS = frozenset({"review_comment", "verified_on", "supersedes_id"})
_UNAPPROVED = frozenset({"draft", "review", "declined"})


def is_proposal(fields: Mapping[str, Any]) -> bool:
    """A rep's proposal not yet approved: seen by marketing and its proposer alone."""
    return bool(fields.get("proposed_by")) and fields.get("status") in _UNAPPROVED


AS_PROPOSAL = Check(
    "as a proposal (draft or in review, proposed by them)",
    lambda a: a.changes.get("status") in (None, *PROPOSAL_STATUSES)
    and a.changes.get("proposed_by", (a.record or {}).get("proposed_by")) == a.person.id,
    QT_TRANSLATE_NOOP("roles", "Reps propose material as a draft or for review; marketing "
                      "approves and publishes it"),
)
OWN_PROPOSAL_NOT_APPROVED = Check(
    "own proposal not yet approved",
    lambda a: a.record is None or (a.record.get("proposed_by") == a.person.id
                                   and a.record.get("author_id") == a.person.id
                                   and a.record.get("status") in _UNAPPROVED),
    QT_TRANSLATE_NOOP("roles", "Reps change only their own proposals, until they are approved"),
)
NOT_ITS_REVIEW = Check(
    "not its review (comment, verification, version)",
    lambda a: not set(a.changes) & REVIEW_FIELDS,
    QT_TRANSLATE_NOOP("roles", "Only marketers review material (comment, verification, "
                      "version)"),
)

# -- what a record may refer to ----------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A field of a record that names another record: its writer must see that record.

    `key` is set for a list of objects that each name one (`collateral_used`); a `UUIDS` field
    is a list of ids. A record that is not there and one the writer may not see are refused
    with the same `reason`, so a refusal never tells whether a hidden record exists."""

    field: str
    kind: str
    reason: str
    key: str | None = None


_LEAD_REF = QT_TRANSLATE_NOOP("roles", "The lead this refers to is not on the hub, or you "
                              "cannot see it")
_DEBRIEF_REF = QT_TRANSLATE_NOOP("roles", "The debrief this refers to is not on the hub, or you "
                                 "cannot see it")
_COLLATERAL_REF = QT_TRANSLATE_NOOP("roles", "The collateral this refers to is not on the hub, "
                                    "or you cannot see it")
_OUTCOME_REF = QT_TRANSLATE_NOOP("roles", "The outcome this withdraws is not on the hub, or you "
                                 "cannot see it")

_WORDING_REF = QT_TRANSLATE_NOOP("roles", "The consent wording this names is not on the hub; "
                                 "marketing manages the wordings")

# REFERENCES[kind]: the fields that name records whose visibility is limited. (Events, rubrics,
# reason lists and users are seen by everyone, so naming one tells nothing about anyone.) A
# consent wording is seen by everyone too; it is named here so that a lead or an event can only
# name one marketing made.
REFERENCES: Mapping[str, tuple[Ref, ...]] = {
    "lead": (Ref("collateral_ids", "collateral", _COLLATERAL_REF),
             Ref("consent_wording_id", "consent_wording", _WORDING_REF)),
    "event": (Ref("consent_wording_id", "consent_wording", _WORDING_REF),),
    "lead_outcome": (Ref("lead_id", "lead", _LEAD_REF),
                     Ref("retracts", "lead_outcome", _OUTCOME_REF)),
    "lead_attachment": (Ref("lead_id", "lead", _LEAD_REF),),
    "debrief": (Ref("lead_id", "lead", _LEAD_REF),
                Ref("collateral_used", "collateral", _COLLATERAL_REF, key="collateral_id")),
    "debrief_comment": (Ref("debrief_id", "debrief", _DEBRIEF_REF),),
    "collateral_feedback": (Ref("collateral_id", "collateral", _COLLATERAL_REF),),
    "collateral_usage": (Ref("collateral_id", "collateral", _COLLATERAL_REF),
                         Ref("lead_id", "lead", _LEAD_REF),
                         Ref("debrief_id", "debrief", _DEBRIEF_REF)),
    "collateral_request": (Ref("collateral_id", "collateral", _COLLATERAL_REF),),
    "collateral": (Ref("supersedes_id", "collateral", _COLLATERAL_REF),),
    # Reps send to visitors they may see, material they may see.
    "collateral_send": (Ref("lead_id", "lead", _LEAD_REF),
                        Ref("collateral_ids", "collateral", _COLLATERAL_REF)),
}


def _named(ref: Ref, value: Any) -> set[str]:
    """The ids a field's value names."""
    if not value:
        return set()
    if isinstance(value, str):
        return {value.lower()}
    if isinstance(value, list | tuple):
        items = [i.get(ref.key) if isinstance(i, Mapping) else None for i in value] \
            if ref.key else list(value)
        return {i.lower() for i in items if isinstance(i, str) and i}
    return set()


def unseen_reference(person: Person, kind: str, facts: Facts, record: Mapping[str, Any] | None,
                     changes: Mapping[str, Any]) -> str | None:
    """The refusal for the first record `changes` newly names that `person` may not see (or
    that is not there, or deleted: the same answer), or None when every one is seen. An
    update is held only to the records it adds, so a record naming one that later left the
    writer's sight stays editable."""
    for ref in REFERENCES.get(kind, ()):
        if ref.field not in changes:
            continue
        added = _named(ref, changes[ref.field]) - _named(ref, (record or {}).get(ref.field))
        for target_id in sorted(added):
            target = facts.record_fields(ref.kind, target_id)
            if target is None or target.get("deleted") or not facts.sees(person, ref.kind, target):
                return ref.reason
    return None


# -- the table --------------------------------------------------------------------------------

# The sentences of the refusals that are not a condition's (those are with the conditions).
ADMIN_WRITES = QT_TRANSLATE_NOOP(
    "roles", "Administrators manage users and settings; they do not edit records")
_NOT_CAPTURING = QT_TRANSLATE_NOOP("roles", "Only reps and marketers capture leads")
_NOT_FILING = QT_TRANSLATE_NOOP("roles", "Only reps and marketers file debriefs")
_OUTCOMES_FROZEN = QT_TRANSLATE_NOOP(
    "roles", "Lead outcome records cannot be changed or deleted once written")
_COMMENTS_FROZEN = QT_TRANSLATE_NOOP(
    "roles", "Debrief comment records cannot be changed or deleted once written")
_FEEDBACK_FROZEN = QT_TRANSLATE_NOOP(
    "roles", "Collateral feedback records cannot be changed or deleted once written")
_USAGE_FROZEN = QT_TRANSLATE_NOOP(
    "roles", "Collateral usage records cannot be changed or deleted once written")
_USERS_HUB_MADE = QT_TRANSLATE_NOOP(
    "roles", "User records are made by the hub; clients cannot change them")
_CONFLICTS_HUB_MADE = QT_TRANSLATE_NOOP(
    "roles", "Conflict records are made by the hub; clients cannot change them")
_EXPORTS_FROZEN = QT_TRANSLATE_NOOP(
    "roles", "Records of exports cannot be changed or deleted once written")
_WORDING = QT_TRANSLATE_NOOP(
    "roles", "Only marketers and administrators can change the consent wording")
_SENDS_FROZEN = QT_TRANSLATE_NOOP(
    "roles", "Collateral send records cannot be changed or deleted once written")
_NOT_SENDING = QT_TRANSLATE_NOOP("roles", "Only reps and marketers send collateral to visitors")
_ATTACHMENTS_FROZEN = QT_TRANSLATE_NOOP(
    "roles", "Voice notes and photos cannot be changed once added; remove one and add another")
_NOT_ATTACHING = QT_TRANSLATE_NOOP(
    "roles", "Only reps and marketers add voice notes and photos to leads")
OWN_ATTACHMENT = _own("author_id", "own voice note or photo",
                      QT_TRANSLATE_NOOP("roles", "Only the person who added a voice note or "
                                        "photo can remove it"))


def _everyone(cell: Cell) -> dict[str, Cell]:  # pragma: no mutate block
    return dict.fromkeys(ROLES, cell)


def _roles(admin: Cell | None = None, **cells: Cell) -> dict[str, Cell]:  # pragma: no mutate block
    """A row of the table: a cell per role; admins write no records unless a row says so."""
    return {**cells, "admin": admin or Deny(ADMIN_WRITES)}


def _marketing(reason: str) -> dict[Op, dict[str, Cell]]:  # pragma: no mutate block
    """A kind marketing maintains and everyone reads."""
    row = _roles(rep=Deny(reason), marketer=Allow(), manager=Deny(reason))
    return {"create": row, "update": row, "delete": row}


def _steering(reason: str) -> dict[Op, dict[str, Cell]]:  # pragma: no mutate block
    """A kind marketing and managers maintain together and everyone reads (the routing rules)."""
    row = _roles(rep=Deny(reason), marketer=Allow(), manager=Allow())
    return {"create": row, "update": row, "delete": row}


def _appended(frozen_reason: str, create: dict[str, Cell]) -> dict[Op, dict[str, Cell]]:  # pragma: no mutate block
    """A kind whose records are facts once written: authors add new ones, nobody edits them."""
    frozen = _everyone(Deny(frozen_reason))
    return {"create": create, "update": frozen, "delete": frozen}


def _hub_made(reason: str) -> dict[str, Cell]:  # pragma: no mutate block
    return _everyone(Deny(reason))


def _work(own: Check, reason: str, marketer_update: Check) -> dict[Op, dict[str, Cell]]:  # pragma: no mutate block
    """A rep's own work (leads, debriefs): reps and marketers write their own."""
    return {
        "create": _roles(rep=Allow(), marketer=Allow(), manager=Deny(reason)),
        "update": _roles(rep=Allow((own,)), marketer=Allow((marketer_update,)),
                         manager=Deny(reason)),
        "delete": _roles(rep=Allow((own,)), marketer=Allow((own,)), manager=Deny(reason)),
    }


_FEEDBACK_CREATE = _roles(rep=Allow(), marketer=Allow(), manager=Allow())
_REQUEST_BY_OTHERS: dict[Op, Cell] = {
    "create": Allow((NEW_REQUEST_OPEN, NEW_REQUEST_UNANSWERED)),
    "update": Allow((OWN_REQUEST_TO_CHANGE, REQUEST_NOT_ANSWERED)),
    "delete": Allow((OWN_REQUEST_TO_WITHDRAW,)),
}
_REQUEST_BY_MARKETING: dict[Op, Cell] = {
    "create": Allow(),
    "update": Allow((OWN_REQUEST_OR_ANSWER,)),
    "delete": Allow((OWN_REQUEST_TO_WITHDRAW,)),
}

# Reps propose material; they never approve, publish or change anyone else's.
_PROPOSING: dict[Op, Cell] = {
    "create": Allow((AS_PROPOSAL, NOT_ITS_REVIEW)),
    "update": Allow((OWN_PROPOSAL_NOT_APPROVED, AS_PROPOSAL, NOT_ITS_REVIEW)),
    "delete": Allow((OWN_PROPOSAL_NOT_APPROVED,)),
}

# POLICY[kind][op][role]: the one place a role decision is written.
POLICY: Mapping[str, Mapping[Op, Mapping[str, Cell]]] = {
    "lead": _work(OWN_LEAD, _NOT_CAPTURING, OWN_LEAD_OR_HANDOVER),
    "lead_outcome": _appended(_OUTCOMES_FROZEN, _roles(
        rep=Allow((OWNS_OUTCOME_LEAD,)),
        marketer=Allow(),
        # Managers bring outcomes back from the CRM for the leads they see (their teams').
        manager=Allow())),
    # A voice note or photo on a lead: whoever may see the lead and captures leads adds one
    # (the reference to the lead holds a rep to the leads they see); nobody edits one; its
    # author removes it.
    "lead_attachment": {
        "create": _roles(rep=Allow(), marketer=Allow(), manager=Deny(_NOT_ATTACHING)),
        "update": _everyone(Deny(_ATTACHMENTS_FROZEN)),
        "delete": _roles(rep=Allow((OWN_ATTACHMENT,)), marketer=Allow((OWN_ATTACHMENT,)),
                         manager=Deny(_NOT_ATTACHING)),
    },
    "debrief": _work(OWN_DEBRIEF, _NOT_FILING, OWN_DEBRIEF),
    "debrief_comment": _appended(_COMMENTS_FROZEN, _roles(
        rep=Allow((AUTHORS_COMMENTED_DEBRIEF,)),
        marketer=Allow((SEES_COMMENTED_DEBRIEF,)),
        manager=Allow((SEES_COMMENTED_DEBRIEF,)))),
    "collateral_feedback": _appended(_FEEDBACK_FROZEN, _FEEDBACK_CREATE),
    "collateral_usage": _appended(_USAGE_FROZEN, _FEEDBACK_CREATE),
    "collateral_send": _appended(_SENDS_FROZEN, _roles(
        rep=Allow(), marketer=Allow(), manager=Deny(_NOT_SENDING))),
    "collateral_request": {
        op: _roles(rep=_REQUEST_BY_OTHERS[op], marketer=_REQUEST_BY_MARKETING[op],
                   manager=_REQUEST_BY_OTHERS[op])
        for op in RECORD_OPS
    },
    "collateral": {
        op: {**row, "rep": _PROPOSING[op]} for op, row in _marketing(
            QT_TRANSLATE_NOOP("roles", "Only marketers can change Collateral records")).items()},
    # An event's booth goals (`goals`, fieldnote.goals) are part of the event: marketing sets
    # them with its booth staff, rubric and cost. Managers read them and do not set them, so
    # that a show's targets and its plan have one author.
    "event": _marketing(QT_TRANSLATE_NOOP("roles", "Only marketers can change Event records")),
    "rubric": _marketing(QT_TRANSLATE_NOOP("roles", "Only marketers can change Rubric records")),
    "reason_list": _marketing(
        QT_TRANSLATE_NOOP("roles", "Only marketers can change Reason list records")),
    # The consent wording is evidence of what visitors agreed to: marketing and administrators
    # write it, no device makes up its own.
    "consent_wording": {op: _roles(rep=Deny(_WORDING), marketer=Allow(), manager=Deny(_WORDING),
                                   admin=Allow()) for op in RECORD_OPS},
    "routing": _steering(
        QT_TRANSLATE_NOOP("roles", "Only marketers and managers change the routing rules")),
    # Every export of leads a device makes is recorded (docs/privacy.md#the-audit-log): whoever
    # may export leads adds the record; nobody changes or removes it.
    "lead_export": _appended(_EXPORTS_FROZEN, _everyone(Allow())),
    "user": {op: _hub_made(_USERS_HUB_MADE) for op in RECORD_OPS},
    "conflict": {
        "create": _hub_made(_CONFLICTS_HUB_MADE),
        "update": _everyone(Allow((INVOLVED_IN_CONFLICT, ONLY_RESOLVED))),
        "delete": _hub_made(_CONFLICTS_HUB_MADE),
    },
}

_HANDOVER = Deny(QT_TRANSLATE_NOOP("roles", "Only marketers hand leads to another owner"))
_UPLOAD = Deny(QT_TRANSLATE_NOOP("roles", "Only marketers and reps proposing material upload "
                                  "collateral files"))
_MANAGE = Deny(QT_TRANSLATE_NOOP("roles", "Only administrators manage users"))
_CRM_IMPORT = Deny(QT_TRANSLATE_NOOP(
    "roles", "Only marketers and managers import outcomes from a CRM report"))
_CONFIGURE = Deny(QT_TRANSLATE_NOOP(
    "roles", "Only marketers and administrators set how long material stays verified"))
_PERSON = Deny(QT_TRANSLATE_NOOP("roles", "Only administrators export or erase a person's data"))
OWN_SEND = _own("author_id", "own send",
                QT_TRANSLATE_NOOP("roles", "Only the sender, marketing or an administrator "
                                  "revokes the links of a send"))

# Actions that are not plain record writes, with the same shape: ACTIONS[(kind, op)][role].
ACTIONS: Mapping[tuple[str, Op], Mapping[str, Cell]] = {
    # Hand a lead to another owner (the `owner_id` of an update); from anyone else the hub
    # ignores the field, as it does every server-set field.
    ("lead", "reassign"): _roles(rep=_HANDOVER, marketer=Allow(), manager=_HANDOVER,
                                 admin=_HANDOVER),
    # Upload a collateral file (the blob a collateral record names); a rep's, for a proposal.
    ("collateral", "upload"): _roles(rep=Allow(), marketer=Allow(), manager=_UPLOAD,
                                     admin=_UPLOAD),
    # Upload a file a lead names (the visitor's consent signature, `fieldnote.consent`):
    # whoever captures leads; the hub takes only a small PNG this way.
    ("lead", "upload"): _roles(rep=Allow(), marketer=Allow(), manager=Deny(_NOT_CAPTURING)),
    # Upload the file of a voice note or photo (`fieldnote.attachments`): whoever adds them;
    # the hub takes only the attachment types, each up to its size.
    ("lead_attachment", "upload"): _roles(rep=Allow(), marketer=Allow(),
                                          manager=Deny(_NOT_ATTACHING)),
    # Bring outcomes back from a CRM report (`fieldnote leads outcomes import`): many leads'
    # outcomes at once, each entry still held to the lead_outcome create cell.
    ("lead_outcome", "import"): _roles(rep=_CRM_IMPORT, marketer=Allow(), manager=Allow(),
                                       admin=_CRM_IMPORT),
    # Add, change, disable users and reset their passwords (the hub's admin API).
    ("user", "manage"): _roles(rep=_MANAGE, marketer=_MANAGE, manager=_MANAGE, admin=Allow()),
    # Export everything held about a person, or erase them everywhere (docs/privacy.md).
    ("lead", "erase"): _roles(rep=_PERSON, marketer=_PERSON, manager=_PERSON, admin=Allow()),
    # Revoke the personal links a send mailed to a visitor (docs/collateral.md).
    # Set marketing's collateral settings on the hub (how long approved material stays
    # verified, `fieldnote.staleness`); administrators manage every hub setting.
    ("collateral", "configure"): _roles(rep=_CONFIGURE, marketer=Allow(), manager=_CONFIGURE,
                                        admin=Allow()),
    ("collateral_send", "revoke"): _roles(
        rep=Allow((OWN_SEND,)), marketer=Allow(),
        manager=Deny(QT_TRANSLATE_NOOP("roles", "Only the sender, marketing or an "
                                       "administrator revokes the links of a send")),
        admin=Allow()),
}


def manages_users(role: str | None) -> bool:
    """Whether people of this role administer users; the hub keeps at least one of them
    active, since nobody else can enable one again over the API."""
    return isinstance(ACTIONS[("user", "manage")].get(role or LEAST_ROLE), Allow)


# -- what each role reads ---------------------------------------------------------------------

Work = Literal["own", "team", "all"]


@dataclass(frozen=True)
class Reach:
    """What a role sees besides what is published to everyone (or to its team)."""

    work: Work  # others' work: leads, outcomes, submitted debriefs, feedback, usage, requests
    unpublished: bool  # collateral that reps do not see: drafts, retired or expired material
    any_file: bool  # every stored file, whether or not a record names it

    @property
    def others_work(self) -> bool:
        return self.work != "own"


READS: Mapping[str, Reach] = {
    "rep": Reach(work="own", unpublished=False, any_file=False),
    "marketer": Reach(work="all", unpublished=True, any_file=True),
    "manager": Reach(work="team", unpublished=True, any_file=False),
    "admin": Reach(work="all", unpublished=True, any_file=True),
}


def in_the_field(role: str | None) -> bool:
    """Whether people of this role capture and file the work that insights count per rep:
    they write leads and read only their own work."""
    role = role or LEAST_ROLE
    return isinstance(cell("lead", "create", role), Allow) and reach(role).work == "own"

# -- who sees which record --------------------------------------------------------------------
#
# Visibility is written as audiences ("user:<id>", "team:<t>", "all", "staff", "work:all",
# "work:team:<t>"): a record names the audiences that see it, a person reads the audiences of
# their role (`READS`), so the hub can keep a feed row per audience and read it with an index.

# Collateral statuses published to reps (while not expired); the rest is unpublished material.
PUBLISHED_COLLATERAL = frozenset({"approved", "review"})


class Directory(Protocol):
    """What visibility reads: users (for their team) and other records, as current states."""

    def user_fields(self, user_id: str) -> Mapping[str, Any] | None: ...

    def record_fields(self, kind: str, record_id: str) -> Mapping[str, Any] | None: ...


def audiences_of(person: Person) -> list[str]:
    """The audiences whose records this person sees, by their role's reach."""
    audiences = ["all", f"user:{person.id}"]
    if person.team:
        audiences.append(f"team:{person.team}")
    r = reach(person.role)
    if r.unpublished:
        audiences.append("staff")
    if r.work == "all":
        audiences.append("work:all")
    elif r.work == "team" and person.team:
        audiences.append(f"work:team:{person.team}")
    return audiences


def sees(person: Person, audiences: Iterable[str]) -> bool:
    return not set(audiences_of(person)).isdisjoint(audiences)


def _work_audiences(user_id: str | None, directory: Directory) -> list[str]:
    """Audiences of a user's own work (leads, debriefs, requests...): the user, whoever reads
    everyone's work, and whoever reads the work of the user's team."""
    if not user_id:
        return ["work:all"]
    audiences = [f"user:{user_id}", "work:all"]
    user = directory.user_fields(user_id)
    team = user.get("team") if user else None
    if team:
        audiences.append(f"work:team:{team}")
    return audiences


def record_audiences(
    kind: str, fields: Mapping[str, Any], directory: Directory, today: dt.date | None = None
) -> list[str]:
    """Who may see this record in its current state (a deleted record is seen by nobody)."""
    if kind == "lead":
        return _work_audiences(fields.get("owner_id"), directory)
    if kind in ("lead_outcome", "lead_attachment"):
        # The lead's audiences (they follow its owner) and its author.
        lead = directory.record_fields("lead", fields.get("lead_id") or "")
        audiences = _work_audiences(lead.get("owner_id") if lead else None, directory)
        return _dedupe([*audiences, *_author(fields)])
    if kind == "debrief":
        if fields.get("status") == "submitted":
            return _work_audiences(fields.get("author_id"), directory)
        return _author(fields)  # a draft is its author's alone
    if kind == "debrief_comment":
        debrief = directory.record_fields("debrief", fields.get("debrief_id") or "")
        audiences = record_audiences("debrief", debrief, directory) if debrief else []
        return _dedupe([*audiences, *_author(fields)])
    if kind in ("collateral_feedback", "collateral_usage", "collateral_request"):
        return _work_audiences(fields.get("author_id"), directory)
    if kind == "collateral_send":
        # The sender's work, and whoever owns the lead now (it follows up on the same person).
        lead = directory.record_fields("lead", fields.get("lead_id") or "")
        owner = lead.get("owner_id") if lead else None
        return _dedupe([*_work_audiences(fields.get("author_id"), directory),
                        *([f"user:{owner}"] if owner else [])])
    if kind == "collateral":
        return collateral_audiences(fields, today or dt.datetime.now(dt.UTC).date())
    if kind in ("event", "rubric", "reason_list", "consent_wording", "user", "routing"):
        return ["all"]
    if kind == "conflict":
        return [f"user:{u}" for u in fields.get("users") or []]
    if kind == "lead_export":
        return _author(fields)  # its author's devices; the hub's audit log for administrators
    return []


def collateral_audiences(fields: Mapping[str, Any], today: dt.date) -> list[str]:
    audiences = ["staff"]
    if is_proposal(fields):
        # Marketing's review queue and the proposer; no other rep until it is approved.
        return [*audiences, f"user:{fields['proposed_by']}"]
    if fields.get("status") in PUBLISHED_COLLATERAL and not is_expired(fields, today):
        teams = [t for t in fields.get("audience") or [] if t]
        audiences.extend([f"team:{t}" for t in teams] if teams else ["all"])
    return _dedupe(audiences)


def is_expired(fields: Mapping[str, Any], today: dt.date) -> bool:
    expires = fields.get("expires_on")
    return bool(expires) and str(expires) < today.isoformat()


def _author(fields: Mapping[str, Any]) -> list[str]:
    author = fields.get("author_id")
    return [f"user:{author}"] if author else []


def _dedupe(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# -- reading the table ------------------------------------------------------------------------

DISABLED = QT_TRANSLATE_NOOP("roles", "This account is disabled")


def cell(kind: str, op: Op, role: str) -> Cell:
    row = ACTIONS.get((kind, op)) if op not in RECORD_OPS else POLICY.get(kind, {}).get(op)
    if row is None:
        return Deny(f"{kind.replace('_', ' ').capitalize()} records cannot be written")
    return row.get(role) or Deny(f"A {role or 'user without a role'} cannot do this")


def decide(
    person: Person,
    kind: str,
    op: Op,
    facts: Facts,
    record: Mapping[str, Any] | None = None,
    changes: Mapping[str, Any] | None = None,
) -> Decision:
    """May `person` apply `op` to `record` (its stored state; None when creating) with these
    field `changes`? The reason of a refusal is a sentence a user can act on."""
    if not person.active:
        return Decision(False, DISABLED)
    found = cell(kind, op, person.role)
    if isinstance(found, Deny):
        return Decision(False, found.reason)
    if op in ("create", "update"):
        unseen = unseen_reference(person, kind, facts, record, changes or {})
        if unseen:
            return Decision(False, unseen)
    ask = Ask(person, kind, op, record, changes or {}, facts)
    for check in found.checks:
        if not check.test(ask):
            return Decision(False, check.reason)
    return Decision(True)


def may(role: str, kind: str, op: Op) -> Decision:
    """Whether a role may ever do this (the table's cell, before any condition on a record):
    what a page offers before a record is chosen."""
    found = cell(kind, op, role)
    return Decision(False, found.reason) if isinstance(found, Deny) else Decision(True)


def reach(role: str) -> Reach:
    return READS.get(role, READS[LEAST_ROLE])


def describe(found: Cell) -> str:
    """A cell in words, for the rendered table."""
    if isinstance(found, Deny):
        return "no"
    labels = [c.label for c in found.checks if "on the hub" not in c.label]
    return "yes" if not labels else "if " + " and ".join(labels)


def markdown_table() -> str:
    """The write policy as a Markdown table (docs/roles.md holds this text; a test checks)."""
    lines = ["| kind | operation | " + " | ".join(ROLES) + " |",
             "| --- | --- | " + " | ".join("---" for _ in ROLES) + " |"]
    rows: list[tuple[str, Op]] = [(k, op) for k in KINDS for op in RECORD_OPS]
    rows.extend(ACTIONS)
    for kind, op in rows:
        lines.append(f"| {kind} | {op} | "
                     + " | ".join(describe(cell(kind, op, r)) for r in ROLES) + " |")
    return "\n".join(lines) + "\n"


def reads_table() -> str:
    """What each role reads, as a Markdown table."""
    work = {"own": "none", "team": "their team's", "all": "everyone's"}
    lines = ["| role | others' work | unpublished collateral | any stored file |",
             "| --- | --- | --- | --- |"]
    for role in ROLES:
        r = READS[role]
        lines.append(f"| {role} | {work[r.work]} | {'yes' if r.unpublished else 'no'} "
                     f"| {'yes' if r.any_file else 'no'} |")
    return "\n".join(lines) + "\n"
