"""Consent wordings and statements in the local store: marketing's wordings, the wording a
visitor agrees to at an event, and withdrawals of consent.

What a statement holds and derives is `fieldnote.consent`; this module only reads and writes
through the store (record plus outbox in one transaction). It never talks to the network.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict

from sqlalchemy import and_, asc, func, select

from desktop.store.db import reading
from desktop.store.records import SaveResult, Store
from desktop.store.schema import record_tables
from fieldnote.consent import current_wording, withdrawal
from fieldnote.validation import utc_now_iso

WORDINGS = record_tables["consent_wording"]
LEADS = record_tables["lead"]


class ConsentTerms(TypedDict):
    """What an import records a consent column's answers under (`read_lead_csv`'s arguments)."""

    consent_text_version: str | None
    consent_wording_id: str | None


class ConsentBook:
    """The consent wordings this device knows and the consent of its leads."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def wordings(self) -> list[dict[str, Any]]:
        """Every live wording, by name."""
        with reading(self.store.engine) as conn:
            return [dict(r) for r in conn.execute(
                select(WORDINGS).where(WORDINGS.c.deleted.is_(False))
                .order_by(asc(WORDINGS.c.name), asc(WORDINGS.c.id))).mappings()]

    def wording(self, wording_id: str | None) -> dict[str, Any] | None:
        return self.store.get("consent_wording", wording_id) if wording_id else None

    def find_wording(self, name_or_id: str) -> dict[str, Any] | None:
        """A wording by id, or by its name ignoring case (the first by id when two share it)."""
        wanted = name_or_id.strip()
        found = self.wording(wanted)
        if found is not None:
            return found
        return next((w for w in self.wordings()
                     if str(w.get("name") or "").casefold() == wanted.casefold()), None)

    def current(self, event: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
        """The wording a visitor agrees to at `event`: its own, else the default, else None."""
        found = current_wording(self.wordings(), event)
        return dict(found) if found is not None else None

    def import_terms(self, event: Mapping[str, Any] | None,
                     fallback_version: str | None = None) -> ConsentTerms:
        """The wording an organiser's file's consent column is recorded under: the event's
        current wording (else the default) by id and version; with none known yet, only
        `fallback_version` (this device's setting), without a wording id."""
        wording = self.current(event)
        if wording is None:
            return ConsentTerms(consent_text_version=fallback_version, consent_wording_id=None)
        return ConsentTerms(consent_text_version=str(wording.get("version") or ""),
                            consent_wording_id=wording["id"])

    def save_wording(self, fields: Mapping[str, Any], wording_id: str | None = None, *,
                     author_id: str | None = None) -> SaveResult:
        """Create a wording (version 1) or change one; a changed text is its next version
        (`fieldnote.consent`), which the hub derives the same way."""
        local = {"author_id": author_id} if author_id and wording_id is None else None
        return self.store.save("consent_wording", fields, wording_id, local_fields=local)

    def leads_of(self, email: str) -> list[dict[str, Any]]:
        """The live leads whose email is `email` (any case)."""
        wanted = email.strip().lower()
        with reading(self.store.engine) as conn:
            return [dict(r) for r in conn.execute(
                select(LEADS).where(and_(LEADS.c.deleted.is_(False),
                                         func.lower(LEADS.c.email) == wanted))
                .order_by(asc(LEADS.c.captured_at), asc(LEADS.c.id))).mappings()]

    def withdraw(self, lead_id: str, method: str = "unspecified",
                 at: str | None = None) -> SaveResult:
        """Record the visitor's withdrawal of consent: a new statement (the consent it withdraws
        stays in the lead's history) and no marketing follow-up."""
        return self.store.save("lead", withdrawal(at or utc_now_iso(), method), lead_id)
