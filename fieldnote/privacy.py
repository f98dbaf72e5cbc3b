"""What erasing a person means, written once: which fields of a lead survive as an anonymous
stub, which fields of the records around it are cleared, how the text of linked records loses
the person's identifiers, and the salted key an erased email address is remembered by.

The retention rule is here too: with the hub setting `retention_days` set, a lead never
qualified and never contacted is erased once it is older than that (`retention_due`).

The hub applies these rules when it erases a person (`hub.privacy`, `hub.retention`); the
desktop reads them to recognise an erased lead and to drop what it still holds of one. Nothing
here stores anything or reads a clock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from fieldnote.followups import first_contact_at, parse_time
from fieldnote.kinds import KINDS

# The server-set field that marks an erased lead (ISO 8601 UTC time of the erasure).
ERASED_FIELD = "erased_at"

# What an erased lead keeps: the event, the dates, the qualification and the owner, so that
# Insights' counts, grades and funnel do not change. Every other field (present or added later)
# is cleared: a new field is personal until it is listed here.
LEAD_STUB_FIELDS = frozenset({
    "event_id", "source", "rubric_id", "rubric_version", "score", "grade", "qualified",
    "consent_contact", "follow_up", "collateral_ids", "captured_at", "captured_by", "owner_id",
    ERASED_FIELD,
})

# Fields of the records around a lead that are cleared outright when its person is erased.
CLEARED_FIELDS: Mapping[str, frozenset[str]] = {
    "lead_outcome": frozenset({"note"}),
    "debrief": frozenset({"contacts"}),
    "lead_attachment": frozenset({"caption"}),
}

# Kinds around a lead that are the person's data whole (their voice, a photo of their badge or
# card): erasing the person deletes these records and shreds their files everywhere; a change
# to one made afterwards on a device that had not heard of it is refused.
DELETED_KINDS = ("lead_attachment",)

# Text that stands where a person's identifier was in a linked record's text.
ERASED_MARK = "[erased]"

# Fields holding a file's sha256: a lead's consent signature, a voice note's or photo's file
# (`lead_attachment.file_sha256`).
ATTACHMENT_SUFFIX = "_sha256"

# The shortest identifier taken out of linked text: shorter ones ("Li") would cut into words.
_MIN_SCRUB = 3


def normalise_email(email: str) -> str:
    return email.strip().lower()


def email_key(salt: str, email: str) -> str:
    """The salted hash an erased email address is remembered by (hex sha256)."""
    return hashlib.sha256(f"{salt}\n{normalise_email(email)}".encode()).hexdigest()


def is_erased(fields: Mapping[str, Any]) -> bool:
    return bool(fields.get(ERASED_FIELD))


def lead_stub(fields: Mapping[str, Any], erased_at: str) -> dict[str, Any]:
    """Every field of the lead kind: the stub's kept values, None for the rest."""
    out = {name: (fields.get(name) if name in LEAD_STUB_FIELDS else None)
           for name in KINDS["lead"].field_names}
    out[ERASED_FIELD] = erased_at
    return out


def attachments(fields: Mapping[str, Any]) -> dict[str, str]:
    """The files a record's fields name: field → sha256, with the signatures of a lead's
    earlier consent statements (kept in its history) as `consent_history[N].signature_sha256`."""
    out = {name: value for name, value in fields.items()
           if name.endswith(ATTACHMENT_SUFFIX) and isinstance(value, str) and value}
    for n, entry in enumerate(fields.get("consent_history") or []):
        sha = entry.get("signature_sha256") if isinstance(entry, Mapping) else None
        if isinstance(sha, str) and sha:
            out[f"consent_history[{n}].signature_sha256"] = sha
    return out


def identifiers(leads: Iterable[Mapping[str, Any]]) -> list[str]:
    """The strings that identify the people of these leads in free text, longest first:
    full names, names, email addresses, phone numbers, badge ids."""
    found: set[str] = set()
    for f in leads:
        first = str(f.get("first_name") or "").strip()
        last = str(f.get("last_name") or "").strip()
        if first and last:
            found.add(f"{first} {last}")
            found.add(f"{last}, {first}")
        for name in ("first_name", "last_name", "email", "phone", "badge_id"):
            value = str(f.get(name) or "").strip()
            if len(value) >= _MIN_SCRUB:
                found.add(value)
        email = str(f.get("email") or "").strip()
        if "@" in email and len(email.split("@", 1)[0]) >= _MIN_SCRUB:
            found.add(email.split("@", 1)[0])
    return sorted(found, key=lambda s: (-len(s), s))


# The kinds around a lead that may carry its person (an outcome's note, a debrief about the
# lead, a comment on that debrief, the message of collateral sent to them, a voice note or
# photo), and the field types whose text may name them.
LINKED_KINDS = ("lead_outcome", "debrief", "debrief_comment", "collateral_send",
                *DELETED_KINDS)
_TEXT_TYPES = frozenset({"name", "text", "tags", "list", "object"})


def erase_linked(kind: str, fields: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """A linked record's fields once its lead's person is erased: the kind's cleared fields
    are None, its text loses every identifier in `names` (`scrub`), the rest is kept."""
    cleared = CLEARED_FIELDS.get(kind, frozenset())
    spec = KINDS[kind]
    names = list(names)
    out: dict[str, Any] = {}
    for name, value in fields.items():
        field = spec.by_name.get(name)
        if name in cleared:
            out[name] = None
        elif field is not None and field.type.value in _TEXT_TYPES:
            out[name] = scrub(value, names)
        else:
            out[name] = value
    return out


def erase_deleted(kind: str, fields: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """What the hub keeps of a voice note or photo (a `DELETED_KINDS` record) once its lead's
    person is erased, beside deleting it: `erase_linked`'s fields without any file's name, so
    that its file is shredded and nothing leads to it again."""
    out = erase_linked(kind, fields, names)
    return {k: (None if k.endswith(ATTACHMENT_SUFFIX) else v) for k, v in out.items()}


def change_to_erased(kind: str, changes: Mapping[str, Any]) -> dict[str, Any] | None:
    """A change to a record linked to an erased lead, as the hub may take it: an outcome's
    note is dropped (its status and amount still count); a debrief or comment change that
    writes text (which may name the person, whom the hub no longer knows) is refused (None).
    A change without text goes through as it is; a voice note or photo is refused whole."""
    if kind in DELETED_KINDS:
        return None
    if kind == "lead_outcome":
        return {k: (None if k in CLEARED_FIELDS["lead_outcome"] else v)
                for k, v in changes.items()}
    spec = KINDS[kind]
    for name, value in changes.items():
        field = spec.by_name.get(name)
        if field is None or name.endswith("_id") or value in (None, "", [], {}):
            continue
        if field.type.value in _TEXT_TYPES:
            return None
    return dict(changes)


def scrub(value: Any, names: Iterable[str]) -> Any:
    """`value` with every occurrence of each identifier (case-insensitive) replaced by the
    erased mark; lists and objects are scrubbed through; other values are returned as is."""
    names = list(names)
    if not names:
        return value
    if isinstance(value, str):
        pattern = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)
        return pattern.sub(ERASED_MARK, value)
    if isinstance(value, list):
        return [scrub(v, names) for v in value]
    if isinstance(value, dict):
        return {k: scrub(v, names) for k, v in value.items()}
    return value


# -- retention -------------------------------------------------------------------------------

# The hub setting (`fieldnote-hub settings set retention_days 180`); "off" keeps every lead.
RETENTION_SETTING = "retention_days"
RETENTION_OFF = "off"
MAX_RETENTION_DAYS = 36500


def check_retention_days(text: str) -> str:
    """`retention_days` as stored: "off", or a whole number of days from 1 to 36500 ("0" and
    "off" turn it off); ValueError with a message otherwise."""
    value = str(text).strip().lower()
    if value in (RETENTION_OFF, "0", "no", "none"):
        return RETENTION_OFF
    if value.endswith("d"):
        value = value[:-1].strip()
    if value.isdigit() and 0 < int(value) <= MAX_RETENTION_DAYS:
        return str(int(value))
    raise ValueError(f"{str(text).strip()!r} is not a retention period; give a whole number of "
                     f"days from 1 to {MAX_RETENTION_DAYS}, or off.")


def retention_days(value: str | None) -> int | None:
    """The stored setting as days, or None when retention is off (or the value unusable)."""
    try:
        checked = check_retention_days(value or RETENTION_OFF)
    except ValueError:
        return None
    return None if checked == RETENTION_OFF else int(checked)


# The hub's own settings of this module, in the form `fieldnote.webhooks.HUB_SETTINGS` keeps.
HUB_SETTINGS = {RETENTION_SETTING: (RETENTION_OFF, check_retention_days)}


def lead_age(lead: Mapping[str, Any], now: dt.datetime) -> dt.timedelta | None:
    """How long ago the lead was captured (`captured_at`), or None without a readable time."""
    captured = parse_time(lead.get("captured_at"))
    return None if captured is None else now - captured


def retention_due(lead: Mapping[str, Any], outcomes: Iterable[Mapping[str, Any]], *,
                  days: int, now: dt.datetime) -> bool:
    """Whether the retention rule erases this lead now: it is not erased yet, not qualified
    (`qualified` true: by its rubric or by hand), never contacted (no first contact by the
    rule of `fieldnote.followups.first_contact_at`), and was captured more than `days` days
    before `now` (a lead exactly `days` old stays until the next run)."""
    if is_erased(lead) or lead.get("qualified") is True:
        return False
    if first_contact_at(outcomes) is not None:
        return False
    age = lead_age(lead, now)
    return age is not None and age > dt.timedelta(days=days)
