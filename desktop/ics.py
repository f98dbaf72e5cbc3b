"""Calendar files (RFC 5545 iCalendar) for follow-ups, so a debrief's next step lands in the
rep's calendar. Text is escaped and lines folded at 75 octets; this module never writes files.
"""

from __future__ import annotations

import datetime as dt

from fieldnote.validation import strip_control

_LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """An iCalendar TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    text = strip_control(value).replace("\r\n", "\n").replace("\r", "\n")
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """Fold one content line into chunks of at most 75 octets, never splitting a character."""
    out: list[str] = []
    current = ""
    size = 0
    limit = _LINE_OCTETS
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            # A continuation line starts with one space, which counts towards its 75 octets.
            current, size, limit = " ", 1, _LINE_OCTETS
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def follow_up_event(
    uid: str,
    on: dt.date,
    summary: str,
    description: str = "",
    *,
    stamp: dt.datetime | None = None,
) -> bytes:
    """A calendar with one all-day event on `on`, as UTF-8 bytes with CRLF line ends."""
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Fieldnote//Debriefs//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{escape_text(uid)}@fieldnote",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{on:%Y%m%d}",
        f"DTEND;VALUE=DATE:{on + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(summary)}",
    ]
    if description.strip():
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    lines += ["TRANSP:TRANSPARENT", "END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")


def debrief_follow_up(debrief: dict[str, object]) -> bytes | None:
    """The follow-up of a debrief as a calendar file, or None when it has no follow-up date."""
    on = debrief.get("follow_up_on")
    if not isinstance(on, str) or not on:
        return None
    account = str(debrief.get("account") or "")
    parts = [str(debrief.get(k) or "") for k in ("next_steps", "contacts")]
    description = "\n\n".join(p for p in parts if p.strip())
    return follow_up_event(str(debrief.get("id") or ""), dt.date.fromisoformat(on),
                           f"Follow up: {account}", description)
