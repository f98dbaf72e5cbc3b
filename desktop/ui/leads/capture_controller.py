"""The capture screen's decisions, without Qt: the view (`capture.CapturePanel`) shows and asks,
this decides.

It decides what Enter does (nothing, refuse with the reasons, offer a duplicate, write), what a
new scan does to a visitor not saved yet (save them first, or hold them as a draft), what Ctrl+Z
and Esc do with unsaved input, which drafts are held, and what the notice after a save says. It
builds the writes the view hands to the writer lane. It holds no widget and imports no Qt, so it
is tested as plain Python (the import contracts keep it so).

The form's state is a plain dict as the view reads it from its widgets (`CapturePanel.form_state`):
`fields` (contact field -> text), `badge_raw`, `scan_unread`, `address`, `source`, `event_id`,
`answers`, `consent`, `consent_at`, `follow_up`, `interests` (text), `collateral` (id -> title),
`notes` (text), `editing_id`. A draft keeps exactly this.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.store.leads import LeadBook
from fieldnote.badges import parse_badge
from fieldnote.consent import STATEMENT_FIELDS, given_statement
from fieldnote.contacts import check_email
from fieldnote.duplicates import Match
from fieldnote.ids import new_id
from fieldnote.kinds import LEAD, NAME_MAX, TEXT_MAX
from fieldnote.leads import is_identified, qualify_fields, quick_scan_fields
from fieldnote.validation import check_complete, strip_control, utc_now_iso

CONTACT_FIELDS = ("first_name", "last_name", "email", "phone", "company", "title", "country",
                  "badge_id")
# What the form's state holds besides what was typed: the event is context, how a scan was read
# follows from the scan. A form differing from its clean state in anything else is unsaved input.
_CONTEXT_KEYS = frozenset({"event_id", "scan_unread", "source", "kept_at"})


def person(fields: Mapping[str, Any]) -> str:
    """How a notice names a visitor: "Ana Silva (Zenith)", else the email or the badge."""
    name = " ".join(p for p in (fields.get("first_name"), fields.get("last_name")) if p)
    name = name or fields.get("email") or fields.get("badge_id") or "the visitor"
    company = fields.get("company")
    return f"{name} ({company})" if company else str(name)


@dataclass(frozen=True)
class Problem:
    """Something that keeps the form's lead from being saved; the view words it.

    `code`: "too_long" (a name field over NAME_MAX), "text_too_long" (notes or the scan over
    TEXT_MAX), "interest_too_long", "unidentified" (nothing that identifies the visitor) or
    "rule" (a lead rule of `fieldnote.leads`; `message` is the rule's).
    """

    code: str
    field: str
    length: int = 0
    message: str = ""


@dataclass(frozen=True)
class Notice:
    """What the message line should say; the view has the words for each `code`."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict)
    problem: bool = False


@dataclass(frozen=True)
class SavePlan:
    """What Enter does: "nothing", "refuse" (with `problems`), "duplicate" (offer `match`) or
    "write" (`values` to `record_id`, None = a new lead)."""

    action: str
    values: dict[str, Any] = field(default_factory=dict)
    record_id: str | None = None
    problems: tuple[Problem, ...] = ()
    match: Match | None = None


@dataclass(frozen=True)
class Write:
    """A write for the writer lane, and what the view needs when it ends."""

    record_id: str
    values: dict[str, Any]
    job: Callable[[], Any]
    snapshot: dict[str, Any]  # the form as it was, to put back (or hold) when the write fails


CHECKBOX = "checkbox"  # how the capture form takes consent (fieldnote.kinds.CONSENT_METHODS)


class CaptureController:
    """The state of one capture form that is not a widget, and every decision about it."""

    def __init__(self, book: LeadBook, *, user_id: str | None = None,
                 consent_text_version: str = "") -> None:
        self.book = book
        self.user_id = user_id
        self.consent_text_version = consent_text_version
        # The consent wording of the chosen event (else the default); None until one is synced.
        self.wording: Mapping[str, Any] | None = None
        self.editing_id: str | None = None  # the saved lead the form edits (None: a new one)
        self.draft_id: str | None = None  # the id the form's draft is kept under
        self.set_aside_id: str | None = None  # the draft Esc set aside last (Ctrl+Z brings it back)
        self.held: list[tuple[str, dict[str, Any]]] = []  # drafts not in the form, oldest first
        self.last_saved_id: str | None = None
        self.duplicate: Match | None = None  # the lead the duplicate bar offers to merge into
        self.dup_values: dict[str, Any] | None = None
        self._baseline: dict[str, Any] = {}
        # The quick scan waiting to be qualified that the form holds (the queue's walk).
        self.qualifying_id: str | None = None
        self.skipped: set[str] = set()  # queue leads skipped in this walk

    # -- unsaved input -------------------------------------------------------------------

    @staticmethod
    def _key(state: Mapping[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in state.items() if k not in _CONTEXT_KEYS}

    def mark_clean(self, state: Mapping[str, Any]) -> None:
        """The form as it is now holds nothing unsaved (just cleared, or a saved lead loaded)."""
        self._baseline = self._key(state)

    def dirty(self, state: Mapping[str, Any]) -> bool:
        """True while the form holds input that is not saved: what a draft must keep."""
        return self._key(state) != self._baseline

    # -- the lead the form holds ---------------------------------------------------------

    def lead_values(self, state: Mapping[str, Any], scored: Mapping[str, Any] | None,
                    email_kept: str) -> dict[str, Any]:
        """The lead's fields from the form's state (`scored`: the rubric's score fields).

        An email the store would refuse goes to the notes as `email_kept` (with %1 for the
        address) instead of being dropped.
        """
        values: dict[str, Any] = {}
        for name, text in (state.get("fields") or {}).items():
            text = strip_control(str(text)).strip()
            if text:
                values[name] = text
        if state.get("event_id"):
            values["event_id"] = state["event_id"]
        if state.get("badge_raw"):
            values["badge_raw"] = strip_control(state["badge_raw"])
        elif values.get("badge_id"):
            # A badge number typed by hand stands in for the scan it replaces.
            values["badge_raw"] = values["badge_id"]
        if state.get("address"):
            values["address"] = state["address"]
        values["source"] = state.get("source") or "manual"
        if scored:
            values.update(scored)
        answers = state.get("answers")
        if answers:
            values["answers"] = dict(answers)
        consent = bool(state.get("consent"))
        values["consent_contact"] = consent
        values["consent_method"] = CHECKBOX  # ticked or not, on the capture form
        if consent:
            # The synced wording the visitor was shown (fieldnote.consent); before any has
            # reached this device, only the version of its settings.
            values.update(given_statement(self.wording, CHECKBOX,
                                          state.get("consent_at") or utc_now_iso()))
            if self.wording is None:
                values["consent_text_version"] = self.consent_text_version
            values.pop("consent_signature_sha256", None)
        if self.editing_id is not None:
            stored = self.book.lead(self.editing_id) or {}
            if (stored.get("consent_contact") is True) == consent:
                # The visitor's answer is as it was: the edit makes no new consent statement.
                for name in STATEMENT_FIELDS:
                    values.pop(name, None)
        # As ticked: the lead rules refuse follow-up without consent, with a message.
        values["follow_up"] = bool(state.get("follow_up"))
        interests = [strip_control(t).strip() for t in str(state.get("interests") or "").split(",")]
        interests = [t for t in interests if t]
        if interests:
            values["interests"] = interests
        if state.get("collateral"):
            values["collateral_ids"] = list(state["collateral"])
        notes = strip_control(str(state.get("notes") or "")).strip()
        email = values.get("email")
        if email and check_email(email):
            del values["email"]
            notes = f"{notes}\n{email_kept.replace('%1', email)}".strip()
        if notes:
            values["notes"] = notes
        return values

    @staticmethod
    def has_input(state: Mapping[str, Any]) -> bool:
        """Anything that could become a lead: a contact field, the scan or notes."""
        return (any(str(v).strip() for v in (state.get("fields") or {}).values())
                or bool(state.get("badge_raw")) or bool(str(state.get("notes") or "").strip()))

    def problems(self, values: Mapping[str, Any]) -> list[Problem]:
        """Why `values` cannot be saved as they are (empty when they can); nothing is cut."""
        found: list[Problem] = []
        for name in CONTACT_FIELDS:
            value = values.get(name)
            if isinstance(value, str) and len(value) > NAME_MAX:
                found.append(Problem("too_long", name, len(value)))
        for name in ("notes", "badge_raw"):
            value = values.get(name)
            if isinstance(value, str) and len(value) > TEXT_MAX:
                found.append(Problem("text_too_long", name, len(value)))
        if any(len(tag) > NAME_MAX for tag in values.get("interests", [])):
            found.append(Problem("interest_too_long", "interests"))
        if found:
            return found
        # The store's own check (required fields and the lead rules), so the form refuses what
        # the store and the hub would.
        identified = is_identified(values)
        if not identified:
            found.append(Problem("unidentified", "last_name"))
        skip = () if identified else ("email", "phone", "last_name", "badge_raw")
        for error in check_complete(LEAD, {**values, "captured_at": utc_now_iso()}, skip=skip):
            found.append(Problem("rule", error.field, message=error.message))
        return found

    # -- decisions -----------------------------------------------------------------------

    def plan_save(self, state: Mapping[str, Any], values: dict[str, Any]) -> SavePlan:
        """Enter: what to do with the form's lead."""
        if not self.has_input(state):
            return SavePlan("nothing")
        problems = self.problems(values)
        if problems:
            return SavePlan("refuse", values, problems=tuple(problems))
        if self.editing_id is None:
            exact = self.book.duplicates(values, likely=False)
            if exact:
                return SavePlan("duplicate", values, match=exact[0])
        return SavePlan("write", values, self.editing_id)

    def plan_scan(self, state: Mapping[str, Any], payload: str, values: dict[str, Any]) -> str:
        """A new scan arrives: "save_first" (the unsaved visitor can be saved), "hold" (they
        cannot: keep them as a held draft), "reset" (a saved lead was open unchanged) or "fill"
        (the form is the scan's to fill)."""
        same_scan = state.get("badge_raw") == payload
        if self.dirty(state) and not same_scan:
            if self.problems(values) or self._only_unread_scan(state):
                return "hold"
            if self.editing_id is None and self.book.duplicates(values, likely=False):
                return "hold"
            return "save_first"
        if self.editing_id is not None and not same_scan:
            return "reset"
        return "fill"

    def plan_quick_scan(self, payload: str, event_id: str | None,
                        source: str = "scan") -> SavePlan:
        """A scan in quick-scan mode: "write" it at once as a lead waiting to be qualified
        (what the scan gave, no rubric, no consent), "duplicate" (already at this event: nothing
        is written) or "refuse" (the scan does not fit a lead)."""
        parsed = parse_badge(payload)
        read = parsed.lead_fields()
        address = strip_control(read.get("address") or "").strip()
        state = {"fields": {k: read[k] for k in CONTACT_FIELDS if read.get(k)},
                 "badge_raw": payload, "event_id": event_id, "address": address or None,
                 "source": source if parsed.recognised or source != "manual" else "manual",
                 "notes": parsed.note or ""}
        values = self.lead_values(state, None, "Email as scanned (not a valid address): %1")
        problems = self.problems(values)
        if problems:
            return SavePlan("refuse", values, problems=tuple(problems))
        exact = self.book.duplicates(values, likely=False)
        if exact:
            return SavePlan("duplicate", values, match=exact[0])
        return SavePlan("write", quick_scan_fields(values))

    def next_to_qualify(self, event_id: str | None) -> tuple[str | None, int]:
        """The oldest quick scan of the event not skipped in this walk, and how many wait in
        all (skipped ones included)."""
        waiting = self.book.to_qualify(event_id)
        for lead_id in waiting:
            if lead_id not in self.skipped:
                return lead_id, len(waiting)
        return None, len(waiting)

    @staticmethod
    def _only_unread_scan(state: Mapping[str, Any]) -> bool:
        # A scan nothing could be read from, with nothing typed: not yet a lead worth sending
        # (and, on a busy machine, maybe the first part of a scan that arrived in pieces).
        typed = any(str(v).strip() for v in (state.get("fields") or {}).values())
        return bool(state.get("scan_unread")) and not typed and not str(state.get("notes") or "").strip()

    def hold_reason(self, state: Mapping[str, Any], values: Mapping[str, Any]) -> str:
        """Why a visitor was held instead of saved: "unread" (only a scan nothing could be read
        from), "unsaveable" or "duplicate"."""
        if self._only_unread_scan(state):
            return "unread"
        return "unsaveable" if self.problems(values) else "duplicate"

    def plan_undo(self, state: Mapping[str, Any]) -> str:
        """Ctrl+Z outside a text field: "refuse" (unsaved input is never replaced), "bring_back"
        (what Esc set aside), "reopen" (the last saved lead) or "nothing"."""
        if self.dirty(state):
            return "refuse"
        if any(d == self.set_aside_id for d, _s in self.held):
            return "bring_back"
        return "reopen" if self.last_saved_id is not None else "nothing"

    def plan_clear(self, state: Mapping[str, Any]) -> str:
        """Esc or Clear: "hold" unsaved input (never dropped), else "reset"."""
        return "hold" if self.dirty(state) else "reset"

    # -- drafts and held visitors --------------------------------------------------------

    def form_cleared(self, state: Mapping[str, Any]) -> None:
        """The view emptied the form: no lead is edited, no draft is the form's."""
        self.editing_id = None
        self.draft_id = None
        self.mark_clean(state)

    def draft_to_keep(self, state: Mapping[str, Any]) -> tuple[str, Callable[[], Any]] | None:
        """The draft write for the form as it is now, or None when nothing needs keeping.

        Typed and then erased: the stale copy is dropped instead."""
        if not self.dirty(state):
            if self.draft_id is not None and self.editing_id is None:
                draft_id, self.draft_id = self.draft_id, None
                return draft_id, self.drop_job(draft_id)
            return None
        self.draft_id = self.draft_id or new_id()
        return self.draft_id, self.keep_job(self.draft_id, state)

    def hold(self, state: Mapping[str, Any]) -> tuple[str, Callable[[], Any]]:
        """Set the form's visitor aside as a held draft; returns its id and the write keeping it."""
        draft_id = self.draft_id or new_id()
        kept = dict(state)
        self.held = [h for h in self.held if h[0] != draft_id] + [(draft_id, kept)]
        self.draft_id = None
        self.set_aside_id = draft_id
        return draft_id, self.keep_job(draft_id, kept)

    def held_from_disk(self) -> None:
        """Offer back the drafts kept on this device (after a crash or a restart)."""
        self.held = [(d, s) for d, s in self.book.drafts() if d != self.draft_id]

    def take_held(self, draft_id: str | None = None) -> tuple[str, dict[str, Any]] | None:
        """Take a held draft (the oldest, or `draft_id`) out of the held list into the form."""
        for item in self.held:
            if draft_id is None or item[0] == draft_id:
                self.held.remove(item)
                return item
        return None

    def opened(self, draft_id: str) -> None:
        """A held draft is now the form's (its state already applied by the view)."""
        self.draft_id = draft_id
        self.set_aside_id = None
        # A draft is unsaved input by definition: the clean state is the empty form's.

    def discard_job(self, draft_id: str) -> Callable[[], Any]:
        self.held = [h for h in self.held if h[0] != draft_id]
        return self.drop_job(draft_id)

    def keep_job(self, draft_id: str, state: Mapping[str, Any]) -> Callable[[], Any]:
        book, kept = self.book, {**state, "kept_at": utc_now_iso()}
        return lambda: book.keep_draft(draft_id, kept)

    def drop_job(self, draft_id: str) -> Callable[[], Any]:
        book = self.book
        return lambda: book.drop_draft(draft_id)

    # -- writes --------------------------------------------------------------------------

    def write(self, values: dict[str, Any], record_id: str | None,
              snapshot: dict[str, Any], attachments: Sequence[Any] = ()) -> Write:
        """Save the form's lead (and drop its draft in the same transaction), with the voice
        notes and photos recorded on the form (`PendingAttachment`s) in that transaction too."""
        creating = record_id is None
        if record_id is not None and record_id == self.qualifying_id:
            values = qualify_fields(values)  # the rubric walk takes it out of the queue
        record_id = record_id or new_id()
        if creating:
            values = {**values, "captured_at": utc_now_iso()}
        local = ({"owner_id": self.user_id, "captured_by": self.user_id}
                 if creating and self.user_id else None)
        book, draft_id, pending = self.book, self.draft_id, list(attachments)
        self.set_aside_id = None
        return Write(record_id, values, lambda: book.save_capture(
            values, record_id, local_fields=local, draft_id=draft_id, attachments=pending),
            {**snapshot, "draft_id": draft_id})

    def merge(self, snapshot: dict[str, Any], attachments: Sequence[Any] = ()) -> Write | None:
        """Fold the form into the duplicate the bar offered (its voice notes and photos go to
        that lead in the same transaction); the job returns the stored lead."""
        if self.duplicate is None or self.dup_values is None:
            return None
        target, incoming = str(self.duplicate.lead_id), dict(self.dup_values)
        self.duplicate = self.dup_values = None
        book, draft_id, pending = self.book, self.draft_id, list(attachments)
        self.set_aside_id = None
        return Write(target, incoming,
                     lambda: book.merge(target, incoming, draft_id=draft_id, attachments=pending,
                                        author_id=self.user_id),
                     {**snapshot, "draft_id": draft_id})

    def saved(self, record_id: str, stored: Mapping[str, Any]) -> Notice:
        """A write committed: the notice names what was stored (for a merge, the lead as the
        merge left it, not the form's grade)."""
        self.last_saved_id = record_id
        return Notice("saved", {"who": person(stored), "grade": stored.get("grade") or "",
                                "qualified": bool(stored.get("qualified"))})

    def save_failed(self, snapshot: dict[str, Any], form_dirty: bool
                    ) -> tuple[str, Callable[[], Any] | None]:
        """A write failed: "restore" the form when it is free, else "held" (the next visitor is
        being typed: the failed one becomes a held draft; the job keeps it)."""
        if not form_dirty:
            return "restore", None
        draft_id = snapshot.get("draft_id") or new_id()
        state = snapshot["state"]
        self.held.append((draft_id, state))
        return "held", self.keep_job(draft_id, state)
