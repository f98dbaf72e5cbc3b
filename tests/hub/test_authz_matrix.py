"""The authorisation matrix: every role x every record kind x create / update / delete /
pull, through real HTTP, against one table of expected outcomes.

Letters in the table: c create, u update own, U update someone else's, d delete own,
D delete someone else's, p see someone else's record in a pull. "Someone else" is, for
reps' work, the east rep (the west rep when the actor is the east rep, so a rep never looks
at a teammate's work); for marketing kinds and conflicts, a second marketer.

The second half walks the policy table itself and checks that the desktop's offered actions
(`desktop.store.offers`) allow exactly what the hub accepts, refusing with the hub's words.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.store.offers import Offers
from fieldnote import roles
from fieldnote.ids import new_id
from fieldnote.kinds import KINDS
from tests.hub.client import SyncClient, lead_fields
from tests.support.live_hub import LiveHub, database_params, start_live_hub

ROLES = ("rep", "marketer", "manager", "admin")
# A 1x1 PNG: the smallest photo.
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082")
WORK = {"rep": "cud", "marketer": "cudp", "manager": "p", "admin": "p"}
APPENDED = {"rep": "c", "marketer": "cp", "manager": "cp", "admin": "p"}
MARKETING = {"rep": "p", "marketer": "cuUdDp", "manager": "p", "admin": "p"}
EXPECTED: dict[str, dict[str, str]] = {
    "lead": WORK,
    "debrief": WORK,
    "lead_outcome": {"rep": "c", "marketer": "cp", "manager": "cp", "admin": "p"},
    # Voice notes and photos: added by whoever captures leads, removed by their author alone,
    # seen as the lead is.
    "lead_attachment": {"rep": "cd", "marketer": "cdp", "manager": "p", "admin": "p"},
    "debrief_comment": APPENDED,
    "collateral_feedback": APPENDED,
    "collateral_usage": APPENDED,
    # Sent to visitors by reps and marketers; seen as their work is.
    "collateral_send": {"rep": "c", "marketer": "cp", "manager": "p", "admin": "p"},
    "collateral_request": {"rep": "cd", "marketer": "cuUdp", "manager": "cdp", "admin": "p"},
    # Reps propose material (a draft or in review, naming them); they publish nothing.
    "collateral": {"rep": "cudp", "marketer": "cuUdDp", "manager": "p", "admin": "p"},
    "event": MARKETING,
    "rubric": MARKETING,
    "reason_list": MARKETING,
    # Marketing's consent wordings: administrators write them too.
    "consent_wording": {"rep": "p", "marketer": "cuUdDp", "manager": "p", "admin": "cuUdDp"},
    "routing": {"rep": "p", "marketer": "cuUdDp", "manager": "cuUdDp", "admin": "p"},
    "user": {"rep": "p", "marketer": "p", "manager": "p", "admin": "p"},
    "conflict": {"rep": "", "marketer": "", "manager": "", "admin": ""},
    # Each export of leads a device made: everyone records theirs, nobody reads another's.
    "lead_export": {"rep": "c", "marketer": "c", "manager": "c", "admin": "c"},
}
MARKETING_KINDS = {"collateral", "event", "rubric", "reason_list", "consent_wording", "routing"}

UPDATES: dict[str, dict[str, Any]] = {
    "lead": {"notes": "called back"},
    "lead_outcome": {"note": "changed"},
    "lead_attachment": {"caption": "edited"},
    "debrief": {"notes": "more"},
    "debrief_comment": {"body": "edited"},
    "collateral": {"summary": "new summary"},
    "collateral_feedback": {"rating": 2},
    "collateral_usage": {"action": "shared"},
    "collateral_send": {"message": "edited"},
    "collateral_request": {"status": "accepted"},
    "event": {"venue": "Hall 2"},
    "rubric": {"version": 2},
    "reason_list": {"items": ["Price"]},
    "consent_wording": {"text": "We may email you."},
    "routing": {"rules": [{"when": {"grade": "hot"}, "assign": "someone@matrix.fieldnote"}]},
    "user": {"name": "Renamed"},
    "conflict": {"resolved": True},
    "lead_export": {"rows": 3},
}


def test_the_table_covers_every_kind_and_role() -> None:
    assert set(EXPECTED) == set(KINDS)
    assert all(set(row) == set(ROLES) for row in EXPECTED.values())


class World:
    """A hub with one user per role plus the "other" authors, and helpers to make records."""

    def __init__(self, hub: LiveHub) -> None:
        self.hub = hub
        spec = {"rep": ("rep", "east"), "rep2": ("rep", "west"), "marketer": ("marketer", None),
                "marketer2": ("marketer", None), "manager": ("manager", "east"),
                "admin": ("admin", None)}
        self.people: dict[str, SyncClient] = {}
        for key, (role, team) in spec.items():
            user = hub.add_user(f"{key}@matrix.fieldnote", key, role, team)
            self.people[key] = SyncClient(hub, hub.client(user["email"]), user)
        self._own_lead: dict[str, str] = {}
        self._own_debrief: dict[str, str] = {}
        self._visible: dict[str, set[tuple[str, str]]] = {}
        self.versions: dict[str, int] = {}
        # The collateral others refer to has a file: only such material goes to a visitor.
        sheet = b"the matrix's sell sheet"
        self.sheet_sha = hashlib.sha256(sheet).hexdigest()
        assert self.people["marketer2"].http.put(
            f"{hub.url}/v1/blobs/{self.sheet_sha}", data=sheet, timeout=30).status_code == 201
        self.collateral_id = self.make("collateral", "marketer2")
        # The photo voice notes and photos name (uploaded by a marketer: anyone may name it).
        self.photo = PNG_1PX
        self.photo_sha = hashlib.sha256(self.photo).hexdigest()
        assert self.people["marketer2"].http.put(
            f"{hub.url}/v1/blobs/{self.photo_sha}", data=self.photo,
            timeout=30).status_code in (200, 201)
        self.others: dict[tuple[str, str], str] = {}

    def lead_of(self, who: str) -> str:
        if who not in self._own_lead:
            owner = who if self.people[who].user["role"] in ("rep", "marketer") else "rep"
            lead_id = new_id()
            assert self.people[owner].push_one("lead", lead_id, lead_fields())["status"] == "applied"
            self._own_lead[who] = lead_id
        return self._own_lead[who]

    def debrief_of(self, who: str) -> str:
        if who not in self._own_debrief:
            author = who if self.people[who].user["role"] in ("rep", "marketer") else "rep"
            debrief_id = new_id()
            answer = self.people[author].push_one("debrief", debrief_id, {
                "account": "Acme", "call_date": "2026-11-20", "status": "submitted"})
            assert answer["status"] == "applied"
            self._own_debrief[who] = debrief_id
        return self._own_debrief[who]

    def fields_for(self, kind: str, who: str) -> dict[str, Any]:
        return {
            "lead": lambda: lead_fields(),
            "lead_outcome": lambda: {"lead_id": self.lead_of(who), "status": "contacted"},
            "lead_attachment": lambda: {"lead_id": self.lead_of(who), "media": "photo",
                                        "label": "badge", "file_sha256": self.photo_sha,
                                        "file_size": len(self.photo), "mime_type": "image/png",
                                        "width": 1, "height": 1,
                                        "at": "2026-12-01T10:00:00Z"},
            "debrief": lambda: {"account": "Acme", "call_date": "2026-11-20", "status": "submitted"},
            "debrief_comment": lambda: {"debrief_id": self.debrief_of(who), "body": "Good call"},
            "collateral": lambda: {"title": "Sheet", "status": "approved",
                                   "file_sha256": self.sheet_sha}
            if self.people[who].user["role"] != "rep" else
            {"title": "My sheet", "status": "review", "proposed_by": self.people[who].id},
            "collateral_feedback": lambda: {"collateral_id": self.collateral_id, "rating": 4},
            "collateral_usage": lambda: {"collateral_id": self.collateral_id, "action": "opened"},
            "collateral_send": lambda: {"lead_id": self.lead_of(who),
                                        "collateral_ids": [self.collateral_id]},
            "collateral_request": lambda: {"title": "Need a deck"},
            "event": lambda: {"name": "Expo"},
            "rubric": lambda: {"name": "Booth", "version": 1},
            "reason_list": lambda: {"list": "lost", "items": ["Price", "Timing"]},
            "consent_wording": lambda: {"name": "Booth", "text": "We may contact you."},
            "routing": lambda: {"rules": []},
            "user": lambda: {"name": "Someone", "role": "rep"},
            "conflict": lambda: {"kind": "event", "record_id": new_id(), "field": "venue"},
            "lead_export": lambda: {"format": "salesforce", "rows": 2, "origin": "command",
                                    "exported_at": "2026-12-01T10:00:00Z",
                                    "filter": {"event_id": None}},
        }[kind]()

    def make(self, kind: str, author: str) -> str:
        """A new record of `kind` written by `author` (by the hub for hub-made kinds); its
        version is kept in `versions`, the base an edit of it is made on."""
        if kind == "user":
            user_id = str(self.hub.add_user(f"{new_id()}@matrix.fieldnote", "New", "rep",
                                            "west")["id"])
            self.versions[user_id] = self.people[author].visible("user")[("user", user_id)][
                "version"]
            return user_id
        if kind == "conflict":
            first = self.people[author]
            second = SyncClient(self.hub, first.http, first.user)
            event_id = new_id()
            base = first.push_one("event", event_id, {"name": "Expo"})["version"]
            first.push_one("event", event_id, {"venue": "A"}, base=base)
            answer = second.push_one("event", event_id, {"venue": "B"}, base=base)
            assert answer["status"] == "conflict"
            mine = [(rid, c["version"]) for (k, rid), c in first.visible("conflict").items()
                    if c["fields"]["record_id"] == event_id]
            self.versions[mine[0][0]] = mine[0][1]
            return mine[0][0]
        record_id = new_id()
        answer = self.people[author].push_one(kind, record_id, self.fields_for(kind, author))
        assert answer["status"] == "applied", answer
        self.versions[record_id] = answer["version"]
        return record_id

    def other_author(self, kind: str, actor: str) -> str:
        if kind in MARKETING_KINDS or kind == "conflict":
            return "marketer2"
        return "rep2" if actor == "rep" else "rep"

    def other_record(self, kind: str, actor: str) -> str:
        """A long-lived record of someone else, for the pull checks."""
        author = self.other_author(kind, actor)
        if (kind, author) not in self.others:
            self.others[(kind, author)] = self.make(kind, author)
            self._visible.clear()
        return self.others[(kind, author)]

    def sees(self, actor: str, kind: str, record_id: str) -> bool:
        if actor not in self._visible:
            self._visible[actor] = set(self.people[actor].visible())
        return (kind, record_id) in self._visible[actor]


@pytest.fixture(scope="module", params=database_params())
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[World]:
    live = start_live_hub(Path(tmp_path_factory.mktemp("matrix")), request.param)
    try:
        yield World(live)
    finally:
        live.stop()


def _cases() -> Iterator[Any]:
    for kind, row in EXPECTED.items():
        for role in ROLES:
            allowed = row[role]
            for op in "cuUdDp":
                if op in "ud" and "c" not in allowed:
                    continue  # no own record of this kind to change
                yield pytest.param(role, kind, op, op in allowed, id=f"{role}-{kind}-{op}")


@pytest.mark.parametrize(("role", "kind", "op", "allowed"), list(_cases()))
def test_the_hub_enforces_the_authorisation_matrix(
    world: World, role: str, kind: str, op: str, allowed: bool
) -> None:
    actor = world.people[role]
    if op == "p":
        record_id = world.other_record(kind, role)
        assert world.sees(role, kind, record_id) is allowed
        return
    if op == "c":
        answer = actor.push_one(kind, new_id(), world.fields_for(kind, role))
    else:
        own = op in "ud"
        author = role if own else world.other_author(kind, role)
        record_id = world.make(kind, author)
        base = world.versions[record_id]
        if op in "uU":
            answer = actor.push_one(kind, record_id, UPDATES[kind], base=base)
        else:
            answer = actor.push_one(kind, record_id, op="delete", base=base)
    expected = "applied" if allowed else "rejected"
    assert answer["status"] == expected, answer
    if not allowed:
        # A delete of a record the actor may not see is answered as for one that is not there.
        hidden = op == "D" and (kind, record_id) not in actor.visible(kind)
        assert answer["problem"]["status"] == (404 if hidden else 403), answer


# -- the desktop offers exactly what the hub accepts ------------------------------------------
#
# Every cell of the policy table (`fieldnote.roles.POLICY` and `ACTIONS`), asked twice: over
# HTTP of the hub, and of `desktop.store.offers.Offers` (what the pages and the CLI call) with
# the records the actor's own device would hold after a pull. Both must allow the same, and a
# refusal must give the hub's words.


class Device:
    """What `Offers` reads of a desktop store: the records its user pulled."""

    def __init__(self, changes: dict[tuple[str, str], dict[str, Any]]) -> None:
        self.changes = changes

    def get(self, kind: str, record_id: str) -> dict[str, Any] | None:
        change = self.changes.get((kind, record_id))
        if change is None:
            return None
        return {**change["fields"], "id": record_id, "rev": change["version"], "deleted": False}


def _offer_cases() -> Iterator[Any]:
    for kind, ops in roles.POLICY.items():
        for op, cells in ops.items():
            for role in cells:
                whose = ("new",) if op == "create" else ("own", "other")
                for which in whose:
                    if which == "own" and not _may_own(kind, role):
                        continue  # no own record of this kind to change
                    yield pytest.param(role, kind, op, which, id=f"{role}-{kind}-{op}-{which}")


def _may_own(kind: str, role: str) -> bool:
    if kind == "conflict":
        return role == "marketer"  # one's own conflict comes from one's own edits of events
    return isinstance(roles.cell(kind, "create", role), roles.Allow)


def test_the_offer_cases_walk_every_cell_of_the_table() -> None:
    cells = {(p.values[1], p.values[2], p.values[0]) for p in _offer_cases()}
    assert cells == {(k, op, r) for k, ops in roles.POLICY.items() for op, row in ops.items()
                     for r in row}


@pytest.mark.parametrize(("role", "kind", "op", "which"), list(_offer_cases()))
def test_the_desktop_offers_exactly_what_the_hub_accepts(
    world: World, role: str, kind: str, op: roles.Op, which: str
) -> None:
    actor = world.people[role]
    if op == "create":
        record_id, changes = new_id(), world.fields_for(kind, role)
    else:
        author = role if which == "own" else world.other_author(kind, role)
        record_id, changes = world.make(kind, author), UPDATES[kind] if op == "update" else {}
    device = Device(actor.visible())
    record = device.get(kind, record_id)
    offered = Offers(actor.user, device).offer(kind, op, record, changes)  # type: ignore[arg-type]
    if op != "create" and record is None:
        # Not on the user's device: no page or command can offer anything on it.
        offered = roles.Decision(False)
    base = 0 if op == "create" else world.versions[record_id]
    if op == "delete":
        answer = actor.push_one(kind, record_id, op="delete", base=base)
    else:
        answer = actor.push_one(kind, record_id, changes, base=base)
    accepted = answer["status"] in ("applied", "conflict")
    assert offered.allowed is accepted, (offered, answer)
    if offered.reason:
        assert answer["problem"]["detail"] == offered.reason


@pytest.mark.parametrize("role", ROLES)
def test_the_desktop_offers_uploads_and_user_management_as_the_hub_allows_them(
    world: World, role: str
) -> None:
    actor = world.people[role]
    offers = Offers(actor.user, Device({}))  # type: ignore[arg-type]
    body = f"a file from a {role} {new_id()}".encode()
    upload = actor.http.put(f"{world.hub.url}/v1/blobs/{hashlib.sha256(body).hexdigest()}",
                            data=body, timeout=30)
    offered = offers.offer("collateral", "upload")
    assert offered.allowed is (upload.status_code in (200, 201)), upload.text
    if not offered:
        assert (upload.status_code, upload.json()["detail"]) == (403, offered.reason)
    users = actor.http.get(f"{world.hub.url}/v1/admin/users", timeout=30)
    offered = offers.offer("user", "manage")
    assert offered.allowed is (users.status_code == 200), users.text
    if not offered:
        assert (users.status_code, users.json()["detail"]) == (403, offered.reason)


@pytest.mark.parametrize("role", ROLES)
def test_the_desktop_offers_handing_a_lead_over_as_the_hub_applies_it(
    world: World, role: str
) -> None:
    actor = world.people[role]
    lead_id = world.make("lead", role if _may_own("lead", role) else "rep")
    new_owner = world.people["rep2"].id
    actor.push_one("lead", lead_id, {"owner_id": new_owner}, base=world.versions[lead_id])
    owner = world.people["marketer"].visible("lead")[("lead", lead_id)]["fields"]["owner_id"]
    offered = Offers(actor.user, Device({})).offer("lead", "reassign")  # type: ignore[arg-type]
    assert offered.allowed is (owner == new_owner)
