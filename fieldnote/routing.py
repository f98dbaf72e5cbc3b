"""Routing rules: who owns a lead when it arrives, written once for the hub (which applies them),
the desktop's editor and `fieldnote routing set|show`.

A rule set is a list of `{"when": {...}, "assign": EMAIL}`; the first rule whose conditions all
hold names the owner, and without a match the capturing rep keeps the lead. Plain Python: the
caller says who an email is and which team captured the lead; nothing here reads a database.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldnote.kinds import GRADES

# The conditions a rule may name, in the order they are shown.
CONDITIONS = ("grade", "country", "team", "interest", "event")
# The routing rules are one record of kind `routing` with this id, so every device edits the
# same record and a second device's first save merges into it instead of adding a rival set.
ROUTING_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://fieldnote.dev/routing"))
MAX_RULES = 200


class RoutingError(ValueError):
    """A rule file or rule list that cannot be used; the message is one line naming the rule
    (counted from 1) and what to write instead."""


@dataclass(frozen=True)
class Rule:
    when: Mapping[str, str]
    assign: str  # an email address, lower case

    def as_dict(self) -> dict[str, Any]:
        return {"when": dict(self.when), "assign": self.assign}


@dataclass(frozen=True)
class LeadFacts:
    """What a rule is matched against: the lead's grade, country (ISO 3166 alpha-2 when it can
    be read as a country), interests, event (id and name) and the capturing rep's team."""

    grade: str | None = None
    country: str | None = None
    team: str | None = None
    interests: tuple[str, ...] = ()
    event_id: str | None = None
    event_name: str | None = None


def country_code(text: Any) -> str | None:
    """The ISO 3166 alpha-2 code `text` names ("DE", "deu", "Germany"), or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    import pycountry  # loaded only when a country is read

    value = text.strip()
    try:
        found = pycountry.countries.lookup(value)
    except LookupError:
        return None
    return str(found.alpha_2)


def _fold(value: Any) -> str:
    return " ".join(str(value).split()).casefold()


def _check_email(text: str) -> str:
    """An account's email as the hub looks accounts up (lower case); the hub says whether
    the account exists."""
    local, at, domain = text.rpartition("@")
    if not at or not local or "." not in domain.strip(".") or len(text) > 254 \
            or any(c.isspace() for c in text):
        raise ValueError(f"assign {text!r} is not an email address")
    return text.lower()


def _check_condition(key: str, given: Any) -> str:
    if not isinstance(given, str) or not given.strip():
        raise ValueError(f"{key} must be a non-empty text")
    value = " ".join(given.split())
    if key == "grade":
        if value.lower() not in GRADES:
            raise ValueError(f"grade {value!r} is not one of {', '.join(GRADES)}")
        return value.lower()
    if key == "country":
        code = value.upper()
        if len(code) != 2 or country_code(code) != code:
            raise ValueError(f"country {value!r} is not an ISO 3166 alpha-2 code such as DE or US")
        return code
    if len(value) > 200:
        raise ValueError(f"{key} is longer than 200 characters")
    return value


def parse_rules(data: Any) -> list[Rule]:
    """The rules of a decoded file or record, checked; a RoutingError on the first bad one."""
    if not isinstance(data, list):
        raise RoutingError("The routing rules must be a JSON array of rules, e.g. "
                           '[{"when": {"grade": "hot", "country": "DE"}, "assign": '
                           '"ana@example.com"}].')
    if len(data) > MAX_RULES:
        raise RoutingError(f"There are {len(data)} rules; at most {MAX_RULES} are allowed.")
    rules = []
    for n, item in enumerate(data, start=1):
        try:
            rules.append(_parse_rule(item))
        except ValueError as exc:
            raise RoutingError(f"Rule {n}: {exc}.") from None
    return rules


def _parse_rule(item: Any) -> Rule:
    if not isinstance(item, dict):
        raise ValueError('a rule is an object like {"when": {...}, "assign": "ana@example.com"}')
    unknown = sorted(set(item) - {"when", "assign"})
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}; a rule has only when and assign")
    when = item.get("when", {})
    if not isinstance(when, dict):
        raise ValueError("when must be an object of conditions")
    bad = sorted(set(when) - set(CONDITIONS))
    if bad:
        raise ValueError(f"unknown condition {bad[0]!r}; use {', '.join(CONDITIONS)}")
    assign = item.get("assign")
    if not isinstance(assign, str) or not assign.strip():
        raise ValueError("assign must be the email address of the owner")
    checked = {key: _check_condition(key, when[key]) for key in CONDITIONS if key in when}
    return Rule(checked, _check_email(assign.strip()))


def load_rules(text: str) -> list[Rule]:
    """The rules of a rule file's text (JSON), checked; a RoutingError otherwise."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RoutingError(f"The routing file is not JSON (line {exc.lineno}, column "
                           f"{exc.colno}: {exc.msg}).") from None
    return parse_rules(data)


def dump_rules(rules: Sequence[Rule]) -> list[dict[str, Any]]:
    """The rules as the file format and the record's `rules` field hold them."""
    return [r.as_dict() for r in rules]


def matches(rule: Rule, lead: LeadFacts) -> bool:
    """Whether every condition the rule names holds for the lead (a rule naming none matches
    every lead). Texts compare without regard to case or spacing."""
    for key, wanted in rule.when.items():
        if key == "grade" and (lead.grade or "").lower() != wanted:
            return False
        if key == "country" and country_code(lead.country) != wanted:
            return False
        if key == "team" and _fold(lead.team or "") != _fold(wanted):
            return False
        if key == "interest" and _fold(wanted) not in {_fold(i) for i in lead.interests}:
            return False
        if key == "event" and _fold(wanted) not in {
            _fold(lead.event_id or ""), _fold(lead.event_name or "")
        }:
            return False
    return True


def route(rules: Sequence[Rule], lead: LeadFacts,
          assignable: Mapping[str, str] | None = None) -> tuple[int, Rule] | None:
    """The first rule (its index from 0, and itself) that matches the lead and whose owner can
    take leads, or None: then the capturing rep owns the lead.

    `assignable` maps the emails of active users to their ids; a rule naming anyone else
    (unknown, disabled) is passed over, so a departed colleague never swallows leads. None
    skips that check."""
    for n, rule in enumerate(rules):
        if assignable is not None and rule.assign not in assignable:
            continue
        if matches(rule, lead):
            return n, rule
    return None


def lead_facts(lead: Mapping[str, Any], team: str | None,
               event: Mapping[str, Any] | None = None) -> LeadFacts:
    """The facts of a lead record's fields, its capturer's `team` and its event's fields."""
    interests = lead.get("interests") or []
    return LeadFacts(
        grade=lead.get("grade"),
        country=lead.get("country"),
        team=team,
        interests=tuple(str(i) for i in interests if isinstance(i, str)),
        event_id=lead.get("event_id"),
        event_name=(event or {}).get("name"),
    )
