"""Collateral sent to a visitor by mail: which items may go, to whom, what the mail says, and
how a send's state reads. Defined once for the hub's mail worker, the desktop's send dialog and
the `collateral send` command.

Plain Python: no I/O, no SMTP, no SQL. Whether a visitor may be mailed at all is
`fieldnote.leads.may_contact`, read here, never restated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from fieldnote.kinds import SEND_STATES
from fieldnote.leads import may_contact
from fieldnote.roles import QT_TRANSLATE_NOOP, is_expired

MESSAGE_MAX = 2000  # characters of the rep's note
ITEMS_MAX = 10  # items per send
# What the device shows for a send: the hub's state, or "opened" once any link was opened.
DISPLAY_STATES = (*SEND_STATES, "opened")

NOT_APPROVED = QT_TRANSLATE_NOOP(
    "sending", "Only approved collateral that has not expired can be sent to a visitor")
NO_CONSENT = QT_TRANSLATE_NOOP(
    "sending", "Not sent: the visitor has not agreed to be contacted")
NO_EMAIL = QT_TRANSLATE_NOOP("sending", "Not sent: the visitor has no email address")


class SendError(ValueError):
    """A send that cannot be made; the message says what to change."""


def item_refusal(item: Mapping[str, Any] | None, today: dt.date) -> str | None:
    """Why this collateral item may not be sent to a visitor, or None when it may."""
    if item is None or item.get("deleted") or item.get("status") != "approved" \
            or is_expired(item, today) or not item.get("file_sha256"):
        return NOT_APPROVED
    return None


def lead_refusal(lead: Mapping[str, Any]) -> tuple[str, str] | None:
    """The state and reason a send to this lead ends in without a mail (no consent, no
    address), or None when it may be mailed."""
    if not may_contact(lead):
        return "no_consent", NO_CONSENT
    if not str(lead.get("email") or "").strip():
        return "failed", NO_EMAIL
    return None


def check_send(collateral_ids: Sequence[str], message: str | None) -> None:
    """The shape of a send, before anything is looked up (SendError otherwise)."""
    if not collateral_ids:
        raise SendError("Choose at least one collateral item to send")
    if len(collateral_ids) > ITEMS_MAX:
        raise SendError(f"Send at most {ITEMS_MAX} items at once")
    if message is not None and len(message) > MESSAGE_MAX:
        raise SendError(f"The message is {len(message)} characters long; keep it to "
                        f"{MESSAGE_MAX}")


def display_state(send: Mapping[str, Any]) -> str:
    """How a send reads on the device: queued until the hub says otherwise, opened once the
    visitor opened any of its links."""
    if send.get("opened_at"):
        return "opened"
    state = send.get("state")
    return state if state in SEND_STATES else "queued"


# -- the mail ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class MailedItem:
    title: str
    file_name: str
    url: str


def link_path(token: str) -> str:
    return f"/s/{token}"


def link_url(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + link_path(token)


def mail_subject(sender_name: str, items: Sequence[MailedItem]) -> str:
    if len(items) == 1:
        return f"{items[0].title} — from {sender_name}"
    return f"{len(items)} documents from {sender_name}"


def mail_text(visitor_name: str, sender_name: str, message: str, items: Sequence[MailedItem],
              expires_on: dt.date) -> str:
    """The plain-text body: the rep's message, then one personal link per item."""
    greeting = f"Hello {visitor_name}," if visitor_name.strip() else "Hello,"
    lines = [greeting, ""]
    if message.strip():
        lines += [message.strip(), ""]
    lines.append("Here is what we talked about:" if len(items) > 1 else
                 "Here is the document we talked about:")
    lines.append("")
    for item in items:
        lines += [f"{item.title} ({item.file_name})", item.url, ""]
    lines += [f"The links work until {expires_on.isoformat()}.", "", sender_name]
    return "\n".join(lines) + "\n"


# -- the hub's settings of mails --------------------------------------------------------------

def _check_days(text: str) -> str:
    value = text.strip()
    if not value.isdigit() or not 1 <= int(value) <= 3650:
        raise ValueError("share_link_days is a whole number of days from 1 to 3650 (default 30)")
    return str(int(value))


def _check_public_url(text: str) -> str:
    value = text.strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query \
            or parts.fragment:
        raise ValueError("public_url is the hub's address as visitors reach it, e.g. "
                         "https://hub.example.com (empty: the address devices use)")
    return value


# Key -> (default, check), kept on the hub (`fieldnote-hub settings`).
SEND_SETTINGS = {
    "share_link_days": ("30", _check_days),
    "public_url": ("", _check_public_url),
}


# -- the relay (`fieldnote-hub mail set`) ------------------------------------------------------

_ADDRESS = re.compile(r"[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+")


@dataclass(frozen=True)
class RelayConfig:
    host: str
    port: int
    starttls: bool
    user: str | None
    from_address: str

    def as_dict(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port, "starttls": self.starttls,
                "user": self.user, "from": self.from_address}


def relay_config(host: str, port: int, starttls: bool, user: str | None,
                 from_address: str) -> RelayConfig:
    """A checked relay configuration (SendError with the reason otherwise)."""
    host = host.strip()
    if not host or any(c.isspace() for c in host) or "/" in host:
        raise SendError(f"{host!r} is not a host name or address")
    if not 1 <= port <= 65535:
        raise SendError(f"The port {port} is not between 1 and 65535")
    from_address = from_address.strip()
    if not _ADDRESS.fullmatch(from_address):
        raise SendError(f"{from_address!r} is not an email address for --from")
    user = (user or "").strip() or None
    return RelayConfig(host, port, starttls, user, from_address)
