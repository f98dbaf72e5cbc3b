"""The lead rules, in one place for the desktop (capture form, store, CSV import) and the hub.

- **Consent**: a lead marked for marketing follow-up needs the visitor's consent to be
  contacted (`follow_up` true only with `consent_contact` true), and the files handed to a
  CRM's marketing (`MARKETING_EXPORTS`) hold only leads with that consent unless the exporter
  keeps the others marked as opted out (`marketing_selection`).
- **Required fields per source**: what a lead of each source must hold to be found again
  (`ONE_OF_BY_SOURCE`; today every source needs one of email, phone, last name or the scan).
- **A person to import**: a row of an imported file becomes a lead only when it names a person
  (`IMPORT_PERSON_FIELDS`: a name, an email or a badge id; `names_a_person`). A company or a
  phone number alone is not a visitor.
- **The duplicate key** within an event (`duplicate_key`), and the matching and merging of
  `fieldnote.duplicates` behind `find_duplicates` / `merge_leads`.
- **Quick scan, qualify later**: a lead saved by a quick scan holds what the scan gave and
  waits "to qualify" (`quick_scan_fields`); the rubric walk of its event's queue, oldest
  first (`TO_QUALIFY_ORDER`), takes it out (`qualify_fields`).
- **Scoring entry points**: `score_lead` gives the fields a scored lead stores;
  `needs_rescore` says whether a stored score came from another rubric version.

`check_lead` applies the rules to a lead's whole state; `fieldnote.validation.check_complete`
calls it for every lead, so the hub's push, the desktop store, CSV import and the capture form
refuse the same leads with the same messages. Pure functions: no I/O, no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import phonenumbers

from fieldnote.duplicates import find_duplicates, merge_leads
from fieldnote.duplicates import import_key as duplicate_key
from fieldnote.kinds import LEAD_SOURCES
from fieldnote.scoring import Rubric, needs_rescore, score_fields
from fieldnote.validation import FieldError

__all__ = [
    "CONTACT_FIELDS",
    "FALLBACK_PHONE_REGION",
    "FOLLOW_UP_NEEDS_CONSENT",
    "IMPORT_PERSON_FIELDS",
    "ONE_OF_BY_SOURCE",
    "check_lead",
    "duplicate_key",
    "find_duplicates",
    "MARKETING_EXPORTS",
    "follow_up_allowed",
    "marketing_selection",
    "may_contact",
    "is_identified",
    "is_region",
    "names_a_person",
    "merge_leads",
    "needs_rescore",
    "phone_region",
    "required_one_of",
    "score_lead",
    "TO_QUALIFY_ORDER",
    "is_to_qualify",
    "qualify_fields",
    "quick_scan_fields",
]

FOLLOW_UP_NEEDS_CONSENT = "needs the visitor's consent to be contacted (consent_contact true)"

# What identifies a visitor, per source: a lead needs at least one of these. The scan
# (`badge_raw`) counts for every source: a payload nothing could be read from is still the
# visitor's badge.
_IDENTIFYING = ("email", "phone", "last_name", "badge_raw")
ONE_OF_BY_SOURCE: Mapping[str, tuple[str, ...]] = {source: _IDENTIFYING for source in LEAD_SOURCES}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


IMPORT_PERSON_FIELDS = ("first_name", "last_name", "email", "badge_id")

# What reaches or names the person behind a lead: sent out of Fieldnote (webhooks) only when
# they agreed to be contacted (`consent_contact` true). Notes and the raw scan are free text
# that may hold any of it.
CONTACT_FIELDS = ("first_name", "last_name", "email", "phone", "title", "address", "badge_id",
                  "badge_raw", "notes")


def names_a_person(fields: Mapping[str, Any]) -> bool:
    """Whether an imported row names a visitor (a name, an email or a badge id)."""
    return not all(_blank(fields.get(name)) for name in IMPORT_PERSON_FIELDS)


def required_one_of(source: str | None) -> tuple[str, ...]:
    """The fields of which a lead of `source` needs at least one (unknown source: the default)."""
    return ONE_OF_BY_SOURCE.get(source or "", _IDENTIFYING)


def is_identified(state: Mapping[str, Any]) -> bool:
    """Whether the lead holds one of the fields its source requires."""
    return not all(_blank(state.get(name)) for name in required_one_of(state.get("source")))


def may_contact(state: Mapping[str, Any]) -> bool:
    """Whether the visitor agreed to be contacted (and has not withdrawn it since)."""
    return state.get("consent_contact") is True


def follow_up_allowed(state: Mapping[str, Any]) -> bool:
    """Marketing follow-up only with the visitor's consent to be contacted."""
    return state.get("follow_up") is not True or may_contact(state)


# Export formats that hand leads to a CRM's marketing tools.
MARKETING_EXPORTS = frozenset({"salesforce", "hubspot"})


def marketing_selection(
    leads: Iterable[Mapping[str, Any]], include_no_consent: bool = False,
) -> tuple[list[Mapping[str, Any]], int]:
    """The leads a marketing export writes, and how many it leaves out: by default only those
    whose visitor may be contacted; with `include_no_consent` all of them (the writers then
    mark the others as opted out)."""
    kept: list[Mapping[str, Any]] = []
    left_out = 0
    for lead in leads:
        if include_no_consent or may_contact(lead):
            kept.append(lead)
        else:
            left_out += 1
    return kept, left_out


def _check_consent(state: Mapping[str, Any]) -> list[FieldError]:
    return [] if follow_up_allowed(state) else [FieldError("follow_up", FOLLOW_UP_NEEDS_CONSENT)]


def _check_identified(state: Mapping[str, Any]) -> list[FieldError]:
    if is_identified(state):
        return []
    needed = required_one_of(state.get("source"))
    return [FieldError(needed[0], f"a lead needs at least one of: {', '.join(needed)}")]


@dataclass(frozen=True)
class _Rule:
    fields: frozenset[str]  # the fields the rule reads: an update touching none skips it
    check: Callable[[Mapping[str, Any]], list[FieldError]]


_RULES = (
    _Rule(frozenset({"follow_up", "consent_contact"}), _check_consent),
    _Rule(frozenset({*_IDENTIFYING, "source"}), _check_identified),
)


def check_lead(state: Mapping[str, Any], changed: Collection[str] | None = None) -> list[FieldError]:
    """Errors of the lead rules for a lead's whole state (empty when it may be stored).

    With `changed` (the fields an update sets), only rules reading one of them apply: a lead
    stored before a rule existed can still be updated elsewhere, but not left breaking a rule
    its update touches. Without it (a new lead) every rule applies.
    """
    errors: list[FieldError] = []
    for rule in _RULES:
        if changed is None or rule.fields.intersection(changed):
            errors.extend(rule.check(state))
    return errors


# The "to qualify" queue walks an event's quick scans oldest first (ties: creation order).
TO_QUALIFY_ORDER = ("captured_at", "id")


def quick_scan_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """A lead saved by a quick scan: what the scan gave, waiting to be qualified."""
    return {**values, "to_qualify": True}


def qualify_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    """A lead of the queue after its rubric walk (answered or not): out of the queue."""
    return {**values, "to_qualify": False}


def is_to_qualify(state: Mapping[str, Any]) -> bool:
    """Whether the lead waits in its event's "to qualify" queue."""
    return state.get("to_qualify") is True and not state.get("deleted")


def score_lead(rubric: Rubric, answers: Mapping[str, Any] | None) -> dict[str, Any]:
    """What a lead scored against `rubric` stores: the answers, rubric id and version, score,
    grade and qualified (`fieldnote.scoring`)."""
    return score_fields(rubric, answers)


# The region assumed for a phone number typed without +country when nothing better is known.
FALLBACK_PHONE_REGION = "US"


def _region(code: str | None) -> str | None:
    value = (code or "").strip().upper()
    return value if value in phonenumbers.SUPPORTED_REGIONS else None


def is_region(code: str | None) -> bool:
    """Whether `code` is a region phone numbers can be read in (ISO 3166 alpha-2, any case)."""
    return _region(code) is not None


def phone_region(chosen: str | None, event_country: str | None = None,
                 system_territory: str | None = None) -> str:
    """The default region for phone numbers typed without +country.

    The user's own choice (a setting) wins; else the event's country; else the country of the
    system's locale; else FALLBACK_PHONE_REGION. Each is an ISO 3166 alpha-2 code ("DE");
    anything else is skipped.
    """
    for candidate in (chosen, event_country, system_territory):
        region = _region(candidate)
        if region is not None:
            return region
    return FALLBACK_PHONE_REGION
