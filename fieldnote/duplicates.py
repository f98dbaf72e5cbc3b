"""Duplicate leads: exact matches (same email or badge at an event), likely ones, and merging.

Matching only reads; merging never drops a value: where both leads hold different values the
existing one stays and the other is written into the notes.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldnote.contacts import phone_digits

__all__ = [
    "LIKELY_THRESHOLD",
    "PHONE_NAME_THRESHOLD",
    "Match",
    "company_key",
    "find_duplicates",
    "import_fingerprint",
    "import_key",
    "merge_leads",
    "name_key",
    "normalize_email",
]

# Name and company similarity (0..1, difflib ratio of normalised text) from which two leads
# are a likely match. Tuned on the cases in the tests: typos and swapped name order match,
# colleagues at one company and namesakes at different companies do not.
LIKELY_THRESHOLD = 0.85
# With the same phone number (its last nine digits), a name this similar is enough.
PHONE_NAME_THRESHOLD = 0.7
_PHONE_MATCH_DIGITS = 9


@dataclass(frozen=True)
class Match:
    """An existing lead that may be the candidate; `kind` is same_email, same_badge or likely."""

    lead: Mapping[str, Any]
    kind: str
    score: float  # 1.0 for exact matches
    reasons: tuple[str, ...]

    @property
    def exact(self) -> bool:
        return self.kind != "likely"

    @property
    def lead_id(self) -> Any:
        return self.lead.get("id")


def normalize_email(text: Any) -> str:
    """An email address as compared: trimmed and lower-cased ("" for none)."""
    return text.strip().lower() if isinstance(text, str) else ""


_PUNCT = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=65_536)
def _fold(text: str) -> str:
    """Accents folded, case folded, punctuation to spaces: "Zoë O'Brien" -> "zoe o brien"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_PUNCT.sub(" ", stripped.casefold()).split())


_COMPANY_SUFFIXES = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc",
    "llp", "lp", "plc", "gmbh", "mbh", "ag", "kg", "kgaa", "ug", "se", "sa", "sas", "sarl",
    "srl", "spa", "bv", "nv", "oy", "oyj", "ab", "as", "asa", "aps", "pty", "pte", "kk",
    "group", "holding", "holdings", "the", "and",
})


def company_key(company: Any) -> str:
    """A company name as compared: folded, legal-form suffixes dropped ("Acme GmbH & Co. KG" -> "acme")."""
    if not isinstance(company, str):
        return ""
    words = _fold(company).split()
    while words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


def name_key(first: Any, last: Any) -> str:
    """A person's name as compared: folded, word order ignored ("Silva Ana" == "Ana Silva")."""
    text = " ".join(p for p in (first, last) if isinstance(p, str))
    return " ".join(sorted(_fold(text).split()))


def _ratio(a: str, b: str, floor: float) -> float:
    """The similarity of `a` and `b`, or 0.0 when it is below `floor` (told cheaply if it can)."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    # The cheap upper bounds first: most pairs are told apart without the full comparison.
    if m.real_quick_ratio() < floor or m.quick_ratio() < floor:
        return 0.0
    return m.ratio()


def _badge(fields: Mapping[str, Any]) -> str:
    value = fields.get("badge_id")
    if isinstance(value, str) and value.strip():
        return value.strip().lower()
    return ""


def _raw(fields: Mapping[str, Any]) -> str:
    value = fields.get("badge_raw")
    return value.strip() if isinstance(value, str) else ""


def find_duplicates(
    candidate: Mapping[str, Any],
    existing: Iterable[Mapping[str, Any]],
    *,
    any_event: bool = False,
) -> list[Match]:
    """The existing leads that may be `candidate`, exact matches first, then likely by score.

    Exact: the same email (trimmed, case-insensitive) or the same badge id (or the identical
    scanned payload) at the same event (`event_id`; leads with no event share one), or at any
    event with `any_event`. Likely: similar name and company (see `name_key`, `company_key`,
    `LIKELY_THRESHOLD`), or the same phone number and a similar name (`PHONE_NAME_THRESHOLD`),
    at any event. A lead with
    the candidate's own `id` is skipped. Callers narrow `existing` (for example to the event's
    leads or a search hit list); this is a scan.
    """
    email = normalize_email(candidate.get("email"))
    badge = _badge(candidate)
    raw = _raw(candidate)
    event = candidate.get("event_id")
    names = name_key(candidate.get("first_name"), candidate.get("last_name"))
    company = company_key(candidate.get("company"))
    phone = phone_digits(candidate.get("phone") if isinstance(candidate.get("phone"), str) else "")
    own_id = candidate.get("id")
    matches: list[Match] = []
    for lead in existing:
        if own_id is not None and lead.get("id") == own_id:
            continue
        reasons: list[str] = []
        kind = ""
        if any_event or lead.get("event_id") == event:
            if badge and _badge(lead) == badge:
                kind, reasons = "same_badge", ["same badge id"]
            elif raw and _raw(lead) == raw:
                kind, reasons = "same_badge", ["same badge scan"]
            if email and normalize_email(lead.get("email")) == email:
                kind = kind or "same_email"
                reasons.append("same email")
        if kind:
            matches.append(Match(lead, kind, 1.0, tuple(reasons)))
            continue
        if not names:
            continue
        other_names = name_key(lead.get("first_name"), lead.get("last_name"))
        name_score = _ratio(names, other_names, PHONE_NAME_THRESHOLD)
        if name_score < PHONE_NAME_THRESHOLD:
            continue
        company_score = _ratio(company, company_key(lead.get("company")), LIKELY_THRESHOLD)
        if name_score >= LIKELY_THRESHOLD and company_score >= LIKELY_THRESHOLD:
            reasons = ["similar name" if name_score < 1 else "same name",
                       "similar company" if company_score < 1 else "same company"]
            matches.append(Match(lead, "likely", round(0.6 * name_score + 0.4 * company_score, 3),
                                 tuple(reasons)))
            continue
        other_phone = lead.get("phone")
        other_digits = phone_digits(other_phone) if isinstance(other_phone, str) else ""
        if (len(phone) >= _PHONE_MATCH_DIGITS and len(other_digits) >= _PHONE_MATCH_DIGITS
                and phone[-_PHONE_MATCH_DIGITS:] == other_digits[-_PHONE_MATCH_DIGITS:]):
            matches.append(Match(lead, "likely", round(0.5 + 0.4 * name_score, 3),
                                 ("similar name", "same phone")))
    matches.sort(key=lambda m: (not m.exact, -m.score))
    return matches


def import_key(event_id: Any, fields: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """What makes an imported row "the same lead" within an event, or None when nothing does.

    `(event_id, "badge", badge id)` when the row has a badge id, else `(event_id, "email",
    lower-cased email)`. Importing the same file twice: skip rows whose key is already there.
    """
    event = str(event_id) if event_id is not None else ""
    badge = _badge(fields)
    if badge:
        return (event, "badge", badge)
    email = normalize_email(fields.get("email"))
    if email:
        return (event, "email", email)
    return None


def import_fingerprint(salt: bytes, event_id: Any, fields: Mapping[str, Any]) -> str | None:
    """The re-import fingerprint of a lead at an event, a salted hash; None when it holds nothing.

    Made of the person as normalised fields (folded name, company without its legal form, the
    last digits of the phone, lower-cased email, badge id), so that the row of a file and the
    lead it became give the same fingerprint, whatever the phone's notation or the column order.
    Keyed by `salt` (HMAC-SHA256): what is stored cannot be looked up in a list of names.
    """
    phone = fields.get("phone")
    parts = (
        name_key(fields.get("first_name"), fields.get("last_name")),
        company_key(fields.get("company")),
        phone_digits(phone if isinstance(phone, str) else "")[-_PHONE_MATCH_DIGITS:],
        normalize_email(fields.get("email")),
        _badge(fields),
    )
    if not any(parts):
        return None
    message = "\x1f".join((str(event_id or ""), *parts)).encode("utf-8", "surrogatepass")
    return hmac.new(salt, message, hashlib.sha256).hexdigest()


# --- merging -------------------------------------------------------------------------------

# Fields that describe the record itself, not the person: the existing lead's stay as they are.
_KEEP_EXISTING = frozenset({"id", "event_id", "source", "captured_at", "captured_by", "owner_id",
                            "version", "deleted"})
# Derived from the answers: taken as a group, only when the existing lead has no score.
_SCORE_FIELDS = ("rubric_id", "rubric_version", "score", "grade", "qualified")
_CONSENT_FIELDS = ("consent_contact", "consent_text_version", "consent_at")
_LIST_FIELDS = frozenset({"interests", "collateral_ids"})


def _blank(value: Any) -> bool:
    return value is None or value == [] or value == {} or (
        isinstance(value, str) and not value.strip()
    )


def _same(field: str, a: Any, b: Any) -> bool:
    if field == "email" and isinstance(a, str) and isinstance(b, str):
        return normalize_email(a) == normalize_email(b)
    if field == "phone" and isinstance(a, str) and isinstance(b, str):
        return phone_digits(a) == phone_digits(b) and bool(phone_digits(a))
    if isinstance(a, str) and isinstance(b, str):
        return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
    return type(a) is type(b) and bool(a == b)  # False == 0 in Python; not here


def _label(field: str) -> str:
    return field.replace("_", " ")


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def merge_leads(existing: Mapping[str, Any], incoming: Mapping[str, Any]) -> dict[str, Any]:
    """`existing` completed from `incoming`; nothing of either is lost.

    - A field the existing lead lacks is filled from the incoming one.
    - A field both hold with different values keeps the existing value; the incoming value is
      listed in the notes ("Other phone: ...") under a "Merged duplicate" heading, together
      with the incoming notes and scan.
    - `interests` and `collateral_ids` are united; `answers` are merged per question the same
      way as fields.
    - Consent given on the incoming lead (consent_contact true) replaces a missing or refused
      consent, with its wording version and time: a later yes is the visitor's latest word.
      An incoming refusal fills a missing answer the same way; over a yes it is listed in the
      notes ("Other answer to consent: no").
    - Score fields are taken only when the existing lead has none; otherwise the merged
      answers may differ from the stored score and `fieldnote.scoring.needs_rescore` or an
      explicit rescore is the caller's choice.
    - The record's own fields (`id`, `event_id`, `source`, `captured_at`, owners) stay.
    """
    merged: dict[str, Any] = dict(existing)
    others: list[str] = []
    for field, value in incoming.items():
        if field in _KEEP_EXISTING or field in _SCORE_FIELDS or field in _CONSENT_FIELDS:
            continue
        if (field in ("notes", "badge_raw") and isinstance(value, str)) or _blank(value):
            continue  # text fields handled below
        current = merged.get(field)
        if field in _LIST_FIELDS and isinstance(value, list):
            # A lone value where a list belongs (an older record) is kept as the list's first.
            base = list(current) if isinstance(current, list) else [] if _blank(current) else [current]
            merged[field] = base + [v for v in value if v not in base]
        elif field == "answers" and isinstance(value, Mapping):
            answers = dict(current) if isinstance(current, Mapping) else {}
            for qid, answer in value.items():
                if _blank(answer):
                    continue
                if _blank(answers.get(qid)):
                    answers[qid] = answer
                elif not _same(qid, answers[qid], answer):
                    others.append(f"Other answer to {qid}: {_show(answer)}")
            merged[field] = answers
        elif _blank(current):
            merged[field] = value
        elif not _same(field, current, value):
            others.append(f"Other {_label(field)}: {_show(value)}")
    if all(_blank(existing.get(f)) for f in _SCORE_FIELDS):
        for f in _SCORE_FIELDS:
            if not _blank(incoming.get(f)):
                merged[f] = incoming[f]
    consent, earlier = incoming.get("consent_contact"), existing.get("consent_contact")
    if (consent is True and earlier is not True) or (consent is False and earlier is None):
        # A yes replaces a missing or refused consent; a refusal fills a missing answer. Either
        # way with its wording version and time.
        if earlier is False:
            others.append(f"Earlier answer to consent: no (at {existing.get('consent_at')})")
        for f in _CONSENT_FIELDS:
            if f in incoming:
                merged[f] = incoming[f]
    elif consent is False and earlier is True:
        others.append(f"Other answer to consent: no (at {incoming.get('consent_at')})")
    raw = incoming.get("badge_raw")
    if isinstance(raw, str) and raw.strip():
        if _blank(existing.get("badge_raw")):
            merged["badge_raw"] = raw
        elif raw.strip() != str(existing.get("badge_raw")).strip():
            others.append(f"Other scan: {raw.strip()}")
    notes = incoming.get("notes")
    existing_notes = "" if _blank(merged.get("notes")) else _show(merged.get("notes"))
    if isinstance(notes, str) and notes.strip():
        if not existing_notes:
            existing_notes = notes.strip()
            merged["notes"] = existing_notes
        elif notes.strip() not in existing_notes:
            others.append(notes.strip())
    if others:
        when = incoming.get("captured_at")
        heading = f"Merged duplicate (captured {when})" if when else "Merged duplicate"
        block = "\n".join([f"--- {heading} ---", *others])
        merged["notes"] = f"{existing_notes.rstrip()}\n\n{block}" if existing_notes.strip() else block
    return merged
