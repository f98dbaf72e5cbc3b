"""The audit log's vocabulary: what is recorded, and what an entry may hold.

The hub keeps the log (`hub.audit`); devices add the exports of leads they make as
`lead_export` records, which the hub turns into entries. An entry names the acting user and
nothing else about a person: counts, ids, formats and the shape of a filter, never the
search words typed into it (they may be a visitor's name).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

PERSON_EXPORT = "person.export"
PERSON_ERASE = "person.erase"
CONSENT_WORDING = "consent_wording.change"
USER_ADD = "user.add"
USER_ROLE = "user.role"
USER_DISABLE = "user.disable"
USER_ENABLE = "user.enable"
LEADS_EXPORT = "leads.export"
RETENTION_ERASE = "retention.erase"
SETTING_CHANGE = "setting.change"

ACTIONS = (PERSON_EXPORT, PERSON_ERASE, CONSENT_WORDING, USER_ADD, USER_ROLE, USER_DISABLE,
           USER_ENABLE, LEADS_EXPORT, RETENTION_ERASE, SETTING_CHANGE)

# Where an entry was made.
VIA_COMMAND = "command"  # `fieldnote-hub` on the hub's machine
VIA_HUB = "hub"  # the hub's API, on a signed-in user's request
VIA_DEVICE = "device"  # a device's own record, synced

# A filter's keys whose values are free text someone typed; the entry keeps only whether
# they were used.
FREE_TEXT_KEYS = frozenset({"search", "query", "text", "q", "email", "name", "company"})

EXPORT_FORMATS = ("csv", "json", "salesforce", "hubspot", "pdf", "xlsx", "vcard")
# Where on a device an export was made: `fieldnote leads export`, or the window's dialog.
EXPORT_COMMAND = "command"
EXPORT_WINDOW = "window"
EXPORT_ORIGINS = (EXPORT_COMMAND, EXPORT_WINDOW)


def filter_summary(filter_: Mapping[str, Any] | None) -> dict[str, Any]:
    """The part of an export's filter an audit entry may keep: structured choices (event ids,
    grades, stages, dates, flags) as they are; free text replaced by `true` (it was used)."""
    out: dict[str, Any] = {}
    for key, value in (filter_ or {}).items():
        key = str(key)
        if value in (None, "", [], {}):
            continue
        if key.lower() in FREE_TEXT_KEYS:
            out[key] = True
        elif isinstance(value, (bool, int, float)):
            out[key] = value
        elif isinstance(value, str):
            out[key] = value if _looks_structured(value) else True
        elif isinstance(value, (list, tuple)):
            out[key] = [v if isinstance(v, (bool, int, float)) or
                        (isinstance(v, str) and _looks_structured(v)) else True for v in value]
        else:
            out[key] = True
    return out


def export_fields(fmt: str, rows: int, filter_: Mapping[str, Any] | None, *, at: str,
                  origin: str) -> dict[str, Any]:
    """The `lead_export` record a device keeps (and syncs) for an export of leads it made."""
    return {"format": fmt, "rows": int(rows), "filter": filter_summary(filter_),
            "exported_at": at, "origin": origin}


def export_details(fields: Mapping[str, Any]) -> dict[str, Any]:
    """What a `leads.export` entry keeps of a device's `lead_export` record (its filter is
    summarised again: a device's word is not taken for it)."""
    filter_ = fields.get("filter")
    return {"format": fields.get("format"), "rows": fields.get("rows"),
            "filter": filter_summary(filter_ if isinstance(filter_, Mapping) else None),
            "origin": fields.get("origin")}


def _looks_structured(value: str) -> bool:
    """An id, a code, a date or a choice: short, no spaces, no `@`."""
    return len(value) <= 64 and "@" not in value and not any(c.isspace() for c in value)


@dataclass(frozen=True)
class Entry:
    """One entry as the hub sends it (`GET /v1/admin/audit`)."""

    id: int
    at: str
    action: str
    actor: str | None
    via: str
    details: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_wire(cls, raw: Any) -> Entry:
        """ValueError when `raw` is not an entry."""
        if not isinstance(raw, Mapping):
            raise ValueError("an audit entry is an object")
        try:
            details = raw.get("details") or {}
            if not isinstance(details, Mapping):
                raise ValueError("an entry's details are an object")
            return cls(int(raw["id"]), str(raw["at"]), str(raw["action"]),
                       None if raw.get("actor") is None else str(raw["actor"]),
                       str(raw.get("via") or ""), dict(details))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not an audit entry ({exc})") from None


def newest_first(entries: Iterable[Entry], action: str | None = None) -> list[Entry]:
    """The entries of `action` (all when None), newest first."""
    return sorted((e for e in entries if action is None or e.action == action),
                  key=lambda e: (e.at, e.id), reverse=True)
