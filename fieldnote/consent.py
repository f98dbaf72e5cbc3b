"""Consent as evidence, in one place for the desktop (capture, store, CLI) and the hub.

A lead's consent is a *statement*: given or not, under which wording (`consent_wording_id` and
the wording's version in `consent_text_version`), when (`consent_at`), how (`consent_method`),
recorded by whom (`consent_captured_by`) and, for a signature, the image's sha256. A new
statement never overwrites an earlier one: the earlier one moves into `consent_history`, so a
withdrawal is recorded beside the consent it withdraws. The wording itself is a record kind
(`consent_wording`) that marketing maintains; each change of its text is a new version, and the
texts of earlier versions stay in its `versions`.

`derived_fields` gives the fields a write derives (the statement's recorder, the history, the
wording's version): the hub sets them on every push and the desktop store on every local save,
from the same function. Pure functions: no I/O, no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fieldnote.kinds import CONSENT_METHODS

__all__ = [
    "CONSENT_METHODS",
    "SIGNATURE",
    "SIGNATURE_MAX_BYTES",
    "STATEMENT_FIELDS",
    "UNSPECIFIED",
    "consent_history",
    "current_wording",
    "derived_fields",
    "derives",
    "given_statement",
    "signature_problem",
    "signatures",
    "statement_of",
    "withdrawal",
]

# How a statement was taken when the device that sent it did not say (desktops older than the
# evidence fields send `consent_contact` alone).
UNSPECIFIED = "unspecified"
IMPORTED = "imported"
# A visitor's consent given in their own hand: the statement names the image's sha256 and the
# image (a PNG) travels as a file beside the lead, as collateral files do.
SIGNATURE = "signature"
SIGNATURE_MAX_BYTES = 512 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

# The lead fields a consent statement is made of, as a client sends them.
STATEMENT_FIELDS = ("consent_contact", "consent_at", "consent_text_version", "consent_wording_id",
                    "consent_method", "consent_signature_sha256")
# Evidence a statement carries only when the sender gave it: a statement sent without it does
# not inherit the earlier statement's.
_EVIDENCE = ("consent_wording_id", "consent_signature_sha256")
# How one statement is kept in `consent_history` (lead field -> key).
_HISTORY_KEYS = {
    "consent_contact": "given", "consent_at": "at", "consent_text_version": "version",
    "consent_wording_id": "wording_id", "consent_method": "method",
    "consent_captured_by": "captured_by", "consent_signature_sha256": "signature_sha256",
}


def statement_of(lead: Mapping[str, Any]) -> dict[str, Any] | None:
    """A lead's current statement as a history entry, or None when it has none."""
    if lead.get("consent_contact") is None:
        return None
    return {key: lead.get(name) for name, key in _HISTORY_KEYS.items()}


def consent_history(lead: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every statement of a lead, oldest first, the current one last."""
    earlier = [dict(e) for e in lead.get("consent_history") or [] if isinstance(e, Mapping)]
    current = statement_of(lead)
    return earlier + ([current] if current else [])


def _lead_statement(before: Mapping[str, Any] | None, changes: Mapping[str, Any],
                    by: str | None) -> dict[str, Any]:
    before = before or {}
    new = {name: changes[name] for name in STATEMENT_FIELDS
           if name in changes and changes[name] != before.get(name)}
    if not new:
        return {}
    derived: dict[str, Any] = {"consent_captured_by": by}
    if "consent_contact" in new:
        # A statement, not an edit of the earlier one: evidence the sender did not give is
        # not taken over from it, and a method it did not name is "unspecified".
        for name in _EVIDENCE:
            if name not in changes:
                derived[name] = None
        if "consent_method" not in changes:
            derived["consent_method"] = UNSPECIFIED if new["consent_contact"] is not None \
                else None
    earlier = statement_of(before)
    if earlier is not None:
        history = [dict(e) for e in before.get("consent_history") or [] if isinstance(e, Mapping)]
        derived["consent_history"] = [*history, earlier]
    return derived


def _wording_revision(before: Mapping[str, Any] | None, changes: Mapping[str, Any],
                      at: str) -> dict[str, Any]:
    """A new wording is version 1; each change of its text is the next version, and every
    version's text stays in `versions`."""
    if before is None:
        return {"version": 1, "versions": [{"version": 1, "text": changes.get("text"),
                                            "since": at}]}
    if "text" not in changes or changes["text"] == before.get("text"):
        return {}
    version = int(before.get("version") or 0) + 1
    versions = [dict(v) for v in before.get("versions") or [] if isinstance(v, Mapping)]
    return {"version": version,
            "versions": [*versions, {"version": version, "text": changes["text"], "since": at}]}


def derives(kind: str, changes: Mapping[str, Any]) -> bool:
    """Whether a write of `changes` to a record of `kind` may derive fields (a cheap test, so
    that other writes skip finding out who makes them)."""
    if kind == "lead":
        return any(name in changes for name in STATEMENT_FIELDS)
    return kind == "consent_wording"


def derived_fields(kind: str, before: Mapping[str, Any] | None, changes: Mapping[str, Any],
                   by: str | None, at: str) -> dict[str, Any]:
    """The server-set fields a write of `changes` onto `before` (None: a new record) by user
    `by` at time `at` derives: for a lead whose consent statement changes, its recorder and
    history (and "unspecified" for a method not given); for a consent wording, its version."""
    if kind == "lead":
        return _lead_statement(before, changes, by)
    if kind == "consent_wording":
        return _wording_revision(before, changes, at)
    return {}


def given_statement(wording: Mapping[str, Any] | None, method: str, at: str,
                    signature_sha256: str | None = None) -> dict[str, Any]:
    """The fields of consent given now under `wording` (None: no wording is known yet)."""
    return {
        "consent_contact": True, "consent_at": at, "consent_method": method,
        "consent_wording_id": wording.get("id") if wording else None,
        "consent_text_version": str(wording.get("version")) if wording else None,
        "consent_signature_sha256": signature_sha256,
    }


def signature_problem(data: bytes) -> str | None:
    """Why `data` cannot be kept as a consent signature (None when it can): a PNG image of at
    most SIGNATURE_MAX_BYTES. The desktop checks it before saving, the hub on upload."""
    if not data.startswith(PNG_MAGIC):
        return "A signature is kept as a PNG image"
    if len(data) > SIGNATURE_MAX_BYTES:
        return f"A signature image holds at most {SIGNATURE_MAX_BYTES:,} bytes"
    return None


def signatures(lead: Mapping[str, Any]) -> set[str]:
    """The sha256 of every signature image a lead's statements name (earlier ones too)."""
    return {str(e["signature_sha256"]) for e in consent_history(lead)
            if isinstance(e.get("signature_sha256"), str) and e["signature_sha256"]}


def withdrawal(at: str, method: str = UNSPECIFIED) -> dict[str, Any]:
    """The fields of a withdrawal of consent: a new statement (the consent it withdraws goes
    into the history) and no marketing follow-up (`fieldnote.leads`)."""
    return {
        "consent_contact": False, "consent_at": at, "consent_method": method,
        "consent_wording_id": None, "consent_text_version": None,
        "consent_signature_sha256": None, "follow_up": False,
    }


def current_wording(wordings: Iterable[Mapping[str, Any]],
                    event: Mapping[str, Any] | None = None) -> Mapping[str, Any] | None:
    """The wording a visitor agrees to at `event`: the event's own wording when it names a live
    one, else the hub's default (of those marked `is_default`, the one whose text changed last),
    else None."""
    live = [w for w in wordings if not w.get("deleted")]
    wanted = (event or {}).get("consent_wording_id")
    if wanted:
        for w in live:
            if w.get("id") == wanted:
                return w
    defaults = [w for w in live if w.get("is_default") is True]
    if not defaults:
        return None
    return max(defaults, key=lambda w: (_since(w), str(w.get("id"))))


def _since(wording: Mapping[str, Any]) -> str:
    versions = [v for v in wording.get("versions") or [] if isinstance(v, Mapping)]
    return str(versions[-1].get("since") or "") if versions else ""
