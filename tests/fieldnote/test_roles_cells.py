"""Every cell of the role x kind x operation table, held to a table written out here (not read
from the code): an allowed cell allows a request that meets its conditions, each condition
refuses with its own sentence when only it fails, and a refused cell refuses with its sentence.
A cell that flips, or a condition that stops holding, fails the test named after that cell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest

from fieldnote import roles
from fieldnote.kinds import KINDS, ROLES

ME, OTHER = "u-me", "u-other"


@dataclass(frozen=True)
class Someone:
    id: str
    role: str
    team: str | None = "east"
    active: bool = True


class Facts:
    """Leads l1 (mine), l2 (someone else's, which I see), l3 (someone else's, hidden from me),
    l9 (deleted); debriefs d1 (mine), d2 (someone else's that I see), d3 (someone else's that I
    do not see); collateral c1 (seen) and c3 (hidden)."""

    RECORDS: Mapping[tuple[str, str], Mapping[str, Any]] = {
        ("lead", "l1"): {"owner_id": ME},
        ("lead", "l2"): {"owner_id": OTHER, "seen": True},
        ("lead", "l3"): {"owner_id": OTHER},
        ("lead", "l9"): {"owner_id": ME, "deleted": True},
        ("debrief", "d1"): {"author_id": ME},
        ("debrief", "d2"): {"author_id": OTHER, "seen": True},
        ("debrief", "d3"): {"author_id": OTHER},
        ("collateral", "c1"): {"status": "approved", "seen": True},
        ("collateral", "c3"): {"status": "draft"},
        ("lead_outcome", "o1"): {"author_id": ME},
        ("lead_outcome", "o3"): {"author_id": OTHER},
        ("consent_wording", "w1"): {"seen": True},
    }

    def record_fields(self, kind: str, record_id: str) -> Mapping[str, Any] | None:
        return self.RECORDS.get((kind, record_id))

    def sees(self, person: roles.Person, kind: str, fields: Mapping[str, Any]) -> bool:
        return person.id in (fields.get("author_id"), fields.get("owner_id")) or bool(
            fields.get("seen"))


# The refusals of cells that are refused whoever asks.
ADMIN = "Administrators manage users and settings; they do not edit records"
CAPTURE = "Only reps and marketers capture leads"
FILE = "Only reps and marketers file debriefs"
OUTCOME_OWNER = "Only the lead's owner or a marketer can record its outcome"
FROZEN = {
    "lead_outcome": "Lead outcome records cannot be changed or deleted once written",
    "debrief_comment": "Debrief comment records cannot be changed or deleted once written",
    "collateral_feedback": "Collateral feedback records cannot be changed or deleted once written",
    "collateral_usage": "Collateral usage records cannot be changed or deleted once written",
    "collateral_send": "Collateral send records cannot be changed or deleted once written",
}
MARKETING = {
    "collateral": "Only marketers can change Collateral records",
    "event": "Only marketers can change Event records",
    "rubric": "Only marketers can change Rubric records",
    "reason_list": "Only marketers can change Reason list records",
}
WORDING = "Only marketers and administrators can change the consent wording"
WORDING_REF = "The consent wording this names is not on the hub; marketing manages the wordings"
STEERING = "Only marketers and managers change the routing rules"
EXPORTS = "Records of exports cannot be changed or deleted once written"
USERS = "User records are made by the hub; clients cannot change them"
CONFLICTS = "Conflict records are made by the hub; clients cannot change them"
HANDOVER = "Only marketers hand leads to another owner"
UPLOAD = "Only marketers and reps proposing material upload collateral files"
PROPOSE = "Reps propose material as a draft or for review; marketing approves and publishes it"
OWN_PROPOSAL = "Reps change only their own proposals, until they are approved"
REVIEW = "Only marketers review material (comment, verification, version)"
CONFIGURE = "Only marketers and administrators set how long material stays verified"
CRM_IMPORT = "Only marketers and managers import outcomes from a CRM report"
MANAGE = "Only administrators manage users"
PERSON = "Only administrators export or erase a person's data"
SENDING = "Only reps and marketers send collateral to visitors"
REVOKE = "Only the sender, marketing or an administrator revokes the links of a send"
ATTACHING = "Only reps and marketers add voice notes and photos to leads"
ATTACHMENTS_FROZEN = ("Voice notes and photos cannot be changed once added; remove one and add "
                      "another")
OWN_ATTACHMENT = "Only the person who added a voice note or photo can remove it"

LEAD_REF = "The lead this refers to is not on the hub, or you cannot see it"
DEBRIEF_REF = "The debrief this refers to is not on the hub, or you cannot see it"
COLLATERAL_REF = "The collateral this refers to is not on the hub, or you cannot see it"
OUTCOME_REF = "The outcome this withdraws is not on the hub, or you cannot see it"

# A rep's proposal in review, as the hub stores it.
MY_PROPOSAL: Mapping[str, Any] = {"proposed_by": ME, "author_id": ME, "status": "review"}
PROPOSING = {"create": ("as a proposal", "not its review"),
             "update": ("own proposal not yet approved", "as a proposal", "not its review"),
             "delete": ("own proposal not yet approved",)}

# The conditions, by the name this table gives them: (a request's record and changes that
# break only this condition, the sentence of the refusal).
BREAK: dict[str, list[tuple[Mapping[str, Any] | None, Mapping[str, Any], str]]] = {
    "own lead": [({"owner_id": OTHER}, {"notes": "x"}, "This lead belongs to someone else")],
    "own lead or handover": [({"owner_id": OTHER}, {"notes": "x"},
                              "This lead belongs to someone else"),
                             ({"owner_id": OTHER}, {"owner_id": ME, "notes": "x"},
                              "This lead belongs to someone else"),
                             # consent given, or a withdrawal with more: only the owner
                             ({"owner_id": OTHER}, {"consent_contact": True},
                              "This lead belongs to someone else"),
                             ({"owner_id": OTHER}, {"consent_contact": False, "notes": "x"},
                              "This lead belongs to someone else")],
    "own debrief": [({"author_id": OTHER}, {"notes": "x"}, "This debrief belongs to someone else")],
    "lead seen": [(None, {"lead_id": "missing"}, LEAD_REF), (None, {"lead_id": "l9"}, LEAD_REF),
                  (None, {"lead_id": "l3"}, LEAD_REF)],
    "own outcome lead": [(None, {"lead_id": "l2"}, OUTCOME_OWNER), (None, {}, OUTCOME_OWNER)],
    "debrief seen": [(None, {"debrief_id": "missing"}, DEBRIEF_REF),
                     (None, {"debrief_id": "d3"}, DEBRIEF_REF)],
    "own commented debrief": [(None, {"debrief_id": "d2"},
                               "You can comment only on debriefs you can see (reps: their own)")],
    "sees commented debrief": [(None, {"debrief_id": "d3"}, DEBRIEF_REF)],
    "collateral seen": [(None, {"collateral_id": "missing"}, COLLATERAL_REF),
                        (None, {"collateral_id": "c3"}, COLLATERAL_REF)],
    "request starts open": [(None, {"status": "accepted"},
                             "A new request starts open; marketers answer it")],
    "request unanswered": [(None, {"response": "here it is"},
                            "Only marketers answer collateral requests"),
                           (None, {"collateral_id": "c1"},
                            "Only marketers answer collateral requests")],
    "own request to change": [({"author_id": OTHER}, {"notes": "x"},
                               "You can change only your own requests")],
    "request answer untouched": [
        ({"author_id": ME}, {"status": "accepted"},
         "Only marketers set a request's status, response or collateral"),
        ({"author_id": ME}, {"notes": "x", "response": "r"},
         "Only marketers set a request's status, response or collateral"),
        ({"author_id": ME}, {"collateral_id": "c1"},
         "Only marketers set a request's status, response or collateral")],
    "own request or answer": [({"author_id": OTHER}, {"notes": "x"},
                               "Marketers answer requests (status, response, collateral)"),
                              ({"author_id": OTHER}, {"status": "done", "notes": "x"},
                               "Marketers answer requests (status, response, collateral)")],
    "own request to withdraw": [({"author_id": OTHER}, {},
                                 "You can withdraw only your own requests")],
    "as a proposal": [(MY_PROPOSAL, {"status": "approved"}, PROPOSE),
                      (MY_PROPOSAL, {"status": "retired"}, PROPOSE),
                      (MY_PROPOSAL, {"status": "declined"}, PROPOSE),
                      (MY_PROPOSAL, {"proposed_by": OTHER}, PROPOSE),
                      (None, {"status": "review"}, PROPOSE),
                      (None, {"status": "draft", "proposed_by": OTHER}, PROPOSE)],
    "own proposal not yet approved": [
        ({**MY_PROPOSAL, "status": "approved"}, {"title": "x"}, OWN_PROPOSAL),
        ({**MY_PROPOSAL, "status": "retired"}, {}, OWN_PROPOSAL),
        ({**MY_PROPOSAL, "proposed_by": OTHER}, {"proposed_by": ME}, OWN_PROPOSAL),
        ({**MY_PROPOSAL, "author_id": OTHER}, {"title": "x"}, OWN_PROPOSAL),
        ({"author_id": ME, "status": "draft"}, {"title": "x", "proposed_by": ME}, OWN_PROPOSAL)],
    "not its review": [(None, {"proposed_by": ME, "review_comment": "fine"}, REVIEW),
                       (None, {"proposed_by": ME, "verified_on": "2026-12-01"}, REVIEW),
                       (None, {"proposed_by": ME, "supersedes_id": "c1"}, REVIEW)],
    "involved in conflict": [({"users": [OTHER]}, {"resolved": True},
                              "Only the people involved in a conflict can resolve it"),
                             ({}, {"resolved": True},
                              "Only the people involved in a conflict can resolve it"),
                             (None, {"resolved": True},
                              "Only the people involved in a conflict can resolve it")],
    "send lead seen": [(None, {"lead_id": "missing", "collateral_ids": ["c1"]}, LEAD_REF),
                       (None, {"lead_id": "l3", "collateral_ids": ["c1"]}, LEAD_REF)],
    "send items seen": [(None, {"lead_id": "l1", "collateral_ids": ["c1", "c3"]},
                         COLLATERAL_REF),
                        (None, {"lead_id": "l1", "collateral_ids": ["missing"]}, COLLATERAL_REF)],
    "own send": [({"author_id": OTHER}, {}, REVOKE)],
    "own attachment": [({"author_id": OTHER}, {}, OWN_ATTACHMENT),
                       ({}, {}, OWN_ATTACHMENT)],
    "only resolved": [({"users": [ME]}, {"resolved": True, "users": [ME, OTHER]},
                       "Only `resolved` can be changed on a conflict")],
}

# Requests the conditions of an allowed cell hold for (besides the friendly request below).
ALSO_ALLOWED: dict[str, list[tuple[Mapping[str, Any] | None, Mapping[str, Any]]]] = {
    "own lead": [(None, {"notes": "x"})],
    "own lead or handover": [({"owner_id": OTHER}, {"owner_id": ME}),
                             # a withdrawal of consent, on anyone's lead
                             ({"owner_id": OTHER}, {"consent_contact": False, "follow_up": False,
                                                    "consent_method": "verbal",
                                                    "consent_at": "2026-05-01T10:00:00Z"})],
    "request starts open": [(None, {})],
    "as a proposal": [(None, {"proposed_by": ME, "status": "draft"}),
                      (None, {"proposed_by": ME})],
    "own proposal not yet approved": [({**MY_PROPOSAL, "status": "declined"}, {"status": "review"}),
                                      ({**MY_PROPOSAL, "status": "draft"}, {"title": "x"})],
    "own request or answer": [({"author_id": OTHER}, {"status": "accepted", "response": "r",
                                                      "collateral_id": "c1"}),
                              ({"author_id": OTHER}, {})],
    "request answer untouched": [({"author_id": ME}, {})],
    "own request to withdraw": [(None, {})],
}

REQUEST_BY_OTHERS = {"create": ("request starts open", "request unanswered"),
                     "update": ("own request to change", "request answer untouched"),
                     "delete": ("own request to withdraw",)}
REQUEST_BY_MARKETING = {"create": (), "update": ("own request or answer",),
                        "delete": ("own request to withdraw",)}

Cell = str | tuple[str, ...]  # a refusal's sentence, or the conditions of an allowed cell

# EXPECTED[(kind, op)] = (rep, marketer, manager, admin)
EXPECTED: dict[tuple[str, str], tuple[Cell, Cell, Cell, Cell]] = {
    ("lead", "create"): ((), (), CAPTURE, ADMIN),
    ("lead", "update"): (("own lead",), ("own lead or handover",), CAPTURE, ADMIN),
    ("lead", "delete"): (("own lead",), ("own lead",), CAPTURE, ADMIN),
    ("lead_outcome", "create"): (("lead seen", "own outcome lead"), ("lead seen",),
                                 ("lead seen",), ADMIN),
    ("debrief", "create"): ((), (), FILE, ADMIN),
    ("debrief", "update"): (("own debrief",), ("own debrief",), FILE, ADMIN),
    ("debrief", "delete"): (("own debrief",), ("own debrief",), FILE, ADMIN),
    ("debrief_comment", "create"): (("debrief seen", "own commented debrief"),
                                    ("debrief seen", "sees commented debrief"),
                                    ("debrief seen", "sees commented debrief"), ADMIN),
    ("collateral_feedback", "create"): (("collateral seen",),) * 3 + (ADMIN,),
    ("collateral_usage", "create"): (("collateral seen",),) * 3 + (ADMIN,),
    ("collateral_send", "create"): (("send lead seen", "send items seen"),
                                    ("send lead seen", "send items seen"), SENDING, ADMIN),
    ("collateral_send", "revoke"): (("own send",), (), REVOKE, ()),
    ("lead_attachment", "create"): (("lead seen",), ("lead seen",), ATTACHING, ADMIN),
    ("lead_attachment", "update"): (ATTACHMENTS_FROZEN,) * 4,
    ("lead_attachment", "delete"): (("own attachment",), ("own attachment",), ATTACHING, ADMIN),
    ("lead_attachment", "upload"): ((), (), ATTACHING, ADMIN),
    **{("collateral_request", op): (REQUEST_BY_OTHERS[op], REQUEST_BY_MARKETING[op],
                                    REQUEST_BY_OTHERS[op], ADMIN)
       for op in ("create", "update", "delete")},
    **{(kind, op): (reason, reason, reason, reason)
       for kind, reason in FROZEN.items() for op in ("update", "delete")},
    **{(kind, op): (reason, (), reason, ADMIN)
       for kind, reason in MARKETING.items() for op in ("create", "update", "delete")
       if kind != "collateral"},
    **{("collateral", op): (PROPOSING[op], (), MARKETING["collateral"], ADMIN)
       for op in ("create", "update", "delete")},
    **{("routing", op): (STEERING, (), (), ADMIN) for op in ("create", "update", "delete")},
    ("lead_export", "create"): ((), (), (), ()),
    **{("lead_export", op): (EXPORTS,) * 4 for op in ("update", "delete")},
    **{("user", op): (USERS,) * 4 for op in ("create", "update", "delete")},
    **{("consent_wording", op): (WORDING, (), WORDING, ()) for op in ("create", "update",
                                                                       "delete")},
    ("conflict", "create"): (CONFLICTS,) * 4,
    ("conflict", "update"): (("involved in conflict", "only resolved"),) * 4,
    ("conflict", "delete"): (CONFLICTS,) * 4,
    ("lead", "reassign"): (HANDOVER, (), HANDOVER, HANDOVER),
    ("lead_outcome", "import"): (CRM_IMPORT, (), (), CRM_IMPORT),
    ("collateral", "upload"): ((), (), UPLOAD, UPLOAD),
    ("lead", "upload"): ((), (), CAPTURE, ADMIN),
    ("collateral", "configure"): (CONFIGURE, (), CONFIGURE, ()),
    ("user", "manage"): (MANAGE, MANAGE, MANAGE, ()),
    ("lead", "erase"): (PERSON, PERSON, PERSON, ()),
}


def friendly(kind: str, op: str) -> tuple[Mapping[str, Any] | None, Mapping[str, Any]]:
    """A request every condition of the cell holds for."""
    if op not in roles.RECORD_OPS or op == "create":
        changes = {"lead_outcome": {"lead_id": "l1"}, "debrief_comment": {"debrief_id": "d1"},
                   "collateral_feedback": {"collateral_id": "c1"},
                   "collateral_usage": {"collateral_id": "c1"},
                   "collateral_send": {"lead_id": "l1", "collateral_ids": ["c1"]},
                   "lead_attachment": {"lead_id": "l1"},
                   "collateral_request": {"status": "open"},
                   "collateral": {"status": "review", "proposed_by": ME}}.get(kind, {})
        return None, changes
    record = {"owner_id": ME, "author_id": ME, "users": [ME]}
    if kind == "collateral":
        record = {**record, **MY_PROPOSAL}
    if kind == "conflict":
        return record, {"resolved": True}
    return record, ({"notes": "x"} if op == "update" else {})


def _cells() -> Iterator[Any]:
    for (kind, op), row in EXPECTED.items():
        for role, expected in zip(ROLES, row, strict=True):
            yield pytest.param(kind, op, role, expected, id=f"{kind}-{op}-{role}")


def test_the_table_here_has_every_cell_of_the_policy():
    assert set(EXPECTED) == {(k, op) for k in KINDS for op in roles.RECORD_OPS} | set(roles.ACTIONS)


@pytest.mark.parametrize(("kind", "op", "role", "expected"), list(_cells()))
def test_cell(kind, op, role, expected):
    _check_cell(kind, op, role, expected)


def _check_cell(kind: str, op: str, role: str, expected: Cell) -> None:
    me = Someone(ME, role)
    record, changes = friendly(kind, op)
    decision = roles.decide(me, kind, op, Facts(), record, changes)
    if isinstance(expected, str):
        assert (decision.allowed, decision.reason) == (False, expected)
        assert roles.may(role, kind, op) == roles.Decision(False, expected)
        assert roles.describe(roles.cell(kind, op, role)) == "no"
        return
    assert decision == roles.Decision(True, "")
    assert roles.may(role, kind, op) == roles.Decision(True)
    for condition in expected:
        for record, changes in ALSO_ALLOWED.get(condition, []):
            assert roles.decide(me, kind, op, Facts(), record, changes), (condition, changes)
        for record, changes, reason in BREAK[condition]:
            refused = roles.decide(me, kind, op, Facts(), record, changes)
            assert (refused.allowed, refused.reason) == (False, reason), (condition, changes)


def _flipped(kind: str, op: str, role: str):
    """`roles.cell` with the one cell (kind, op, role) flipped: allowed becomes refused, refused
    becomes allowed without conditions."""
    real = roles.cell

    def cell(k: str, o: roles.Op, r: str) -> roles.Cell:
        found = real(k, o, r)
        if (k, o, r) != (kind, op, role):
            return found
        return roles.Allow() if isinstance(found, roles.Deny) else roles.Deny("flipped")

    return cell


@pytest.mark.parametrize(("kind", "op", "role", "expected"), list(_cells()))
def test_a_flipped_cell_fails_its_test(kind, op, role, expected, monkeypatch):
    # The cell tests above would notice if this cell of the table changed its answer.
    monkeypatch.setattr(roles, "cell", _flipped(kind, op, role))
    with pytest.raises(AssertionError):
        _check_cell(kind, op, role, expected)


def test_a_condition_that_fails_first_gives_the_reason():
    rep = Someone(ME, "rep")
    both = roles.decide(rep, "collateral_request", "create", Facts(), None,
                        {"status": "accepted", "response": "r"})
    assert both.reason == "A new request starts open; marketers answer it"
    gone = roles.decide(rep, "lead_outcome", "create", Facts(), None, {"lead_id": "l9"})
    assert gone.reason == LEAD_REF


@pytest.mark.parametrize("role", ROLES)
def test_a_disabled_account_is_refused_whatever_its_cell(role):
    person = Someone(ME, role, active=False)
    for kind, op in EXPECTED:
        record, changes = friendly(kind, op)
        assert roles.decide(person, kind, op, Facts(), record, changes) == roles.Decision(
            False, "This account is disabled")


def test_a_person_without_a_known_role_or_kind_is_refused_in_words():
    assert roles.cell("nothing", "create", "rep") == roles.Deny("Nothing records cannot be written")
    assert roles.cell("reason_list", "reassign", "rep") == roles.Deny(
        "Reason list records cannot be written")
    assert roles.cell("lead", "create", "guest") == roles.Deny("A guest cannot do this")
    assert roles.cell("lead", "create", "") == roles.Deny("A user without a role cannot do this")
    assert not roles.decide(Someone(ME, ""), "lead", "create", Facts())


# --- what each role reads ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "work", "unpublished", "any_file", "in_field"),
    [("rep", "own", False, False, True), ("marketer", "all", True, True, False),
     ("manager", "team", True, False, False), ("admin", "all", True, True, False),
     ("guest", "own", False, False, False), (None, "own", False, False, True)],
)
def test_reach_rule(role, work, unpublished, any_file, in_field):
    r = roles.reach(role)  # type: ignore[arg-type]
    assert (r.work, r.unpublished, r.any_file, r.others_work) == (
        work, unpublished, any_file, work != "own")
    assert roles.in_the_field(role) is in_field


@pytest.mark.parametrize(
    ("person", "audiences"),
    [(Someone("r", "rep", "east"), ["all", "user:r", "team:east"]),
     (Someone("r", "rep", None), ["all", "user:r"]),
     (Someone("m", "marketer", None), ["all", "user:m", "staff", "work:all"]),
     (Someone("g", "manager", "east"), ["all", "user:g", "team:east", "staff", "work:team:east"]),
     (Someone("g", "manager", None), ["all", "user:g", "staff"]),
     (Someone("a", "admin", "x"), ["all", "user:a", "team:x", "staff", "work:all"])],
)
def test_audiences_rule_a_person_reads_by_their_role(person, audiences):
    assert roles.audiences_of(person) == audiences
    assert roles.sees(person, [audiences[-1]])
    assert not roles.sees(person, ["user:nobody", "team:none"])


class Directory:
    USERS: Mapping[str, Mapping[str, Any]] = {"r": {"team": "east"}, "s": {"team": None}}
    RECORDS: Mapping[tuple[str, str], Mapping[str, Any]] = {
        ("lead", "l1"): {"owner_id": "r"},
        ("debrief", "d1"): {"author_id": "r", "status": "submitted"},
        ("debrief", "D0"): {"author_id": "r", "status": "draft"},
    }

    def user_fields(self, user_id: str) -> Mapping[str, Any] | None:
        return self.USERS.get(user_id)

    def record_fields(self, kind: str, record_id: str) -> Mapping[str, Any] | None:
        return self.RECORDS.get((kind, record_id))


TODAY = dt.date(2026, 12, 7)
R_WORK = ["user:r", "work:all", "work:team:east"]


@pytest.mark.parametrize(
    ("kind", "fields", "audiences"),
    [
        ("lead", {"owner_id": "r"}, R_WORK),
        ("lead", {"owner_id": "s"}, ["user:s", "work:all"]),
        ("lead", {"owner_id": "nobody"}, ["user:nobody", "work:all"]),
        ("lead", {}, ["work:all"]),
        ("lead_outcome", {"lead_id": "l1", "author_id": "m"}, [*R_WORK, "user:m"]),
        ("lead_outcome", {"lead_id": "l1", "author_id": "r"}, R_WORK),
        ("lead_outcome", {"lead_id": "gone"}, ["work:all"]),
        ("lead_attachment", {"lead_id": "l1", "author_id": "m"}, [*R_WORK, "user:m"]),
        ("lead_attachment", {"lead_id": "l1", "author_id": "r"}, R_WORK),
        ("lead_attachment", {"lead_id": "gone", "author_id": "m"}, ["work:all", "user:m"]),
        ("debrief", {"author_id": "r", "status": "submitted"}, R_WORK),
        ("debrief", {"author_id": "r", "status": "draft"}, ["user:r"]),
        ("debrief", {"status": "draft"}, []),
        ("debrief_comment", {"debrief_id": "d1", "author_id": "m"}, [*R_WORK, "user:m"]),
        ("debrief_comment", {"debrief_id": "D0", "author_id": "m"}, ["user:r", "user:m"]),
        ("debrief_comment", {"debrief_id": "gone", "author_id": "m"}, ["user:m"]),
        ("collateral_feedback", {"author_id": "r"}, R_WORK),
        ("collateral_usage", {"author_id": "r"}, R_WORK),
        ("collateral_request", {"author_id": "s"}, ["user:s", "work:all"]),
        ("collateral_send", {"author_id": "r", "lead_id": "l1"}, R_WORK),
        ("collateral_send", {"author_id": "s", "lead_id": "l1"}, ["user:s", "work:all", "user:r"]),
        ("event", {}, ["all"]),
        ("rubric", {}, ["all"]),
        ("reason_list", {}, ["all"]),
        ("consent_wording", {}, ["all"]),
        ("routing", {}, ["all"]),
        ("lead_export", {"author_id": "r"}, ["user:r"]),
        ("user", {}, ["all"]),
        ("conflict", {"users": ["r", "s"]}, ["user:r", "user:s"]),
        ("conflict", {}, []),
        ("nothing", {}, []),
    ],
)
def test_record_audiences_rule(kind, fields, audiences):
    assert roles.record_audiences(kind, fields, Directory(), TODAY) == audiences


@pytest.mark.parametrize(
    ("fields", "audiences"),
    [
        ({"status": "approved"}, ["staff", "all"]),
        ({"status": "review", "audience": ["east", "", "west"]}, ["staff", "team:east", "team:west"]),
        ({"status": "review", "audience": ["east", "east"]}, ["staff", "team:east"]),
        ({"status": "draft"}, ["staff"]),
        ({"status": "retired"}, ["staff"]),
        ({"status": "approved", "expires_on": "2026-12-06"}, ["staff"]),
        ({"status": "approved", "expires_on": "2026-12-07"}, ["staff", "all"]),
        ({"status": "approved", "expires_on": "2026-12-08"}, ["staff", "all"]),
        ({"status": "approved", "expires_on": ""}, ["staff", "all"]),
        # a rep's proposal: marketing and its proposer, until approved
        ({"status": "review", "proposed_by": "r"}, ["staff", "user:r"]),
        ({"status": "draft", "proposed_by": "r", "audience": ["east"]}, ["staff", "user:r"]),
        ({"status": "declined", "proposed_by": "r"}, ["staff", "user:r"]),
        ({"status": "declined"}, ["staff"]),
        ({"status": "approved", "proposed_by": "r"}, ["staff", "all"]),
        ({"status": "approved", "proposed_by": "r", "audience": ["west"]},
         ["staff", "team:west"]),
        ({"status": "retired", "proposed_by": "r"}, ["staff"]),
    ],
)
def test_collateral_audiences_rule_published_until_it_expires(fields, audiences):
    assert roles.record_audiences("collateral", fields, Directory(), TODAY) == audiences
    assert roles.collateral_audiences(fields, TODAY) == audiences


def test_collateral_audiences_default_to_today():
    expired = {"status": "approved", "expires_on": "2000-01-01"}
    assert roles.record_audiences("collateral", expired, Directory()) == ["staff"]


def test_the_reads_table_in_words():
    assert roles.reads_table().splitlines()[2:] == [
        "| rep | none | no | no |",
        "| marketer | everyone's | yes | yes |",
        "| manager | their team's | yes | no |",
        "| admin | everyone's | yes | yes |",
    ]
    assert roles.reads_table().startswith(
        "| role | others' work | unpublished collateral | any stored file |\n| --- | --- | --- | --- |\n")


def test_a_cell_in_words():
    assert roles.describe(roles.Deny("x")) == "no"
    assert roles.describe(roles.Allow()) == "yes"
    assert roles.describe(roles.cell("lead_outcome", "create", "marketer")) == "yes"
    assert roles.describe(roles.cell("lead_outcome", "create", "rep")) == "if for an own lead"
    assert roles.describe(roles.cell("conflict", "update", "rep")) == (
        "if one of the people involved and only `resolved`")
    table = roles.markdown_table().splitlines()
    assert table[0] == "| kind | operation | rep | marketer | manager | admin |"
    assert table[1] == "| --- | --- | --- | --- | --- | --- |"
    assert table[2] == "| lead | create | yes | yes | no | no |"
    assert table[-1] == "| collateral_send | revoke | if own send | yes | no | yes |"
    assert len(table) == 2 + len(EXPECTED)


@pytest.mark.parametrize(("role", "manages"), [("admin", True), ("marketer", False),
                                               ("manager", False), ("rep", False),
                                               (None, False), ("guest", False)])
def test_only_administrators_manage_users(role, manages):
    assert roles.manages_users(role) is manages


@pytest.mark.parametrize(
    ("kind", "record", "changes", "reason"),
    [
        ("lead", None, {"collateral_ids": ["c1"]}, None),
        ("lead", None, {"collateral_ids": ["C1", "c3"]}, COLLATERAL_REF),
        ("lead", {"collateral_ids": ["c3"]}, {"collateral_ids": ["c3", "c1"]}, None),
        ("lead", {"collateral_ids": ["C3"]}, {"collateral_ids": ["c3"]}, None),
        ("lead", None, {"collateral_ids": []}, None),
        ("lead", None, {"collateral_ids": [5, None, ""]}, None),
        ("lead", None, {"collateral_ids": 5}, None),
        ("lead", None, {"notes": "c3"}, None),
        ("lead", None, {"consent_wording_id": "w1"}, None),
        ("lead", None, {"consent_wording_id": "made-up"}, WORDING_REF),
        ("event", None, {"consent_wording_id": "made-up"}, WORDING_REF),
        ("lead_outcome", None, {"lead_id": "L1", "retracts": "o1"}, None),
        ("lead_outcome", None, {"lead_id": "l1", "retracts": "o3"}, OUTCOME_REF),
        ("lead_outcome", None, {"lead_id": "l3", "retracts": "o3"}, LEAD_REF),
        ("debrief", None, {"lead_id": "l3"}, LEAD_REF),
        ("debrief", None, {"collateral_used": [{"collateral_id": "c1"}, "c3", {"x": "c3"}]}, None),
        ("debrief", None, {"collateral_used": [{"collateral_id": "c3"}]}, COLLATERAL_REF),
        ("debrief", {"collateral_used": [{"collateral_id": "c3"}]},
         {"collateral_used": [{"collateral_id": "c3"}]}, None),
        ("debrief_comment", None, {"debrief_id": "d3"}, DEBRIEF_REF),
        ("collateral_feedback", None, {"collateral_id": "c3"}, COLLATERAL_REF),
        ("collateral_usage", None, {"collateral_id": "c1", "lead_id": "l1", "debrief_id": "d3"},
         DEBRIEF_REF),
        ("collateral_usage", None, {"collateral_id": "c1", "lead_id": "l3"}, LEAD_REF),
        ("collateral_request", None, {"collateral_id": "c3"}, COLLATERAL_REF),
        ("collateral", None, {"supersedes_id": "c3"}, COLLATERAL_REF),
        ("collateral", None, {"supersedes_id": "c1"}, None),
        ("event", None, {"collateral_id": "c3"}, None),
    ],
)
def test_reference_rule_a_record_names_only_records_its_writer_sees(kind, record, changes, reason):
    me = Someone(ME, "marketer")
    assert roles.unseen_reference(me, kind, Facts(), record, changes) == reason


def test_reference_rule_applies_to_creates_and_updates_not_deletes():
    me = Someone(ME, "marketer")
    own = {"author_id": ME}
    assert roles.decide(me, "collateral_request", "update", Facts(), own,
                        {"collateral_id": "c3"}).reason == COLLATERAL_REF
    assert roles.decide(me, "collateral_request", "delete", Facts(), own, {"collateral_id": "c3"})
