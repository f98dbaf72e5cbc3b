"""The role policy table: complete, and read the same way whoever asks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldnote import roles
from fieldnote.kinds import KINDS, ROLES


@dataclass(frozen=True)
class Someone:
    id: str
    role: str
    team: str | None = None
    active: bool = True


class NoFacts:
    def record_fields(self, kind: str, record_id: str) -> Mapping[str, Any] | None:
        return None

    def sees(self, person: roles.Person, kind: str, fields: Mapping[str, Any]) -> bool:
        return False


def test_every_kind_operation_and_role_has_a_cell() -> None:
    assert set(roles.POLICY) == set(KINDS)
    for row in roles.POLICY.values():
        assert set(row) == set(roles.RECORD_OPS)
        assert all(set(cells) == set(ROLES) for cells in row.values())
    assert all(set(cells) == set(ROLES) for cells in roles.ACTIONS.values())
    assert set(roles.READS) == set(ROLES)


def test_administrators_write_no_records_but_manage_users_and_the_consent_wording() -> None:
    admin = Someone("a", "admin")
    for kind in KINDS:
        if kind not in ("conflict", "consent_wording", "lead_export"):
            assert not roles.decide(admin, kind, "create", NoFacts())
    assert roles.decide(admin, "consent_wording", "create", NoFacts())
    # An export of leads they make is recorded like anyone's.
    assert roles.decide(admin, "lead_export", "create", NoFacts())
    assert roles.decide(admin, "user", "manage", NoFacts())
    assert not roles.decide(Someone("m", "marketer"), "user", "manage", NoFacts())


def test_a_refusal_gives_the_first_failing_condition_as_its_reason() -> None:
    rep = Someone("r", "rep")
    decision = roles.decide(rep, "lead", "update", NoFacts(), {"owner_id": "other"}, {"notes": "x"})
    assert (decision.allowed, decision.reason) == (False, "This lead belongs to someone else")
    assert roles.decide(rep, "lead", "update", NoFacts(), {"owner_id": "r"}, {"notes": "x"})
    outcome = roles.decide(rep, "lead_outcome", "create", NoFacts(), None, {"lead_id": "l"})
    assert outcome.reason == "The lead this refers to is not on the hub, or you cannot see it"


def test_a_disabled_account_may_do_nothing() -> None:
    decision = roles.decide(Someone("m", "marketer", active=False), "event", "create", NoFacts())
    assert (decision.allowed, decision.reason) == (False, roles.DISABLED)


def test_an_unknown_role_reads_as_the_least_one() -> None:
    assert roles.reach("nobody") == roles.READS[roles.LEAST_ROLE]
    assert not roles.decide(Someone("x", "nobody"), "event", "create", NoFacts())


def test_docs_roles_holds_the_tables_of_the_code() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "roles.md").read_text(encoding="utf-8")
    assert roles.markdown_table() in doc
    assert roles.reads_table() in doc


def test_every_sentence_a_user_may_be_shown_ends_without_a_full_stop() -> None:
    # The CLI and the pages add their own punctuation around the hub's sentence.
    reasons = {c.reason for row in roles.POLICY.values() for cells in row.values()
               for c in cells.values() if isinstance(c, roles.Deny)}
    reasons |= {check.reason for row in roles.POLICY.values() for cells in row.values()
                for c in cells.values() if isinstance(c, roles.Allow) for check in c.checks}
    assert reasons and not [r for r in reasons if r.endswith(".") or not r]
