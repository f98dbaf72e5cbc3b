"""Webhooks out of the hub: which record changes are which event, what a payload may carry, how
it is signed, when a failed delivery is tried again, and which addresses may receive one.

Plain rules, no HTTP or SQL: the hub's outbox (`hub.webhooks`) and its sender
(`hub.webhook_sender`) read them; so can a receiver written in Python (`verify_signature`).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import unicodedata
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from fieldnote.leads import CONTACT_FIELDS, may_contact

LEAD_CREATED = "lead.created"
LEAD_QUALIFIED = "lead.qualified"
LEAD_ASSIGNED = "lead.assigned"
OUTCOME_RECORDED = "outcome.recorded"
DEBRIEF_SUBMITTED = "debrief.submitted"
COLLATERAL_REQUESTED = "collateral.requested"
EVENTS = (LEAD_CREATED, LEAD_QUALIFIED, LEAD_ASSIGNED, OUTCOME_RECORDED, DEBRIEF_SUBMITTED,
          COLLATERAL_REQUESTED)

SIGNATURE_HEADER = "Fieldnote-Signature"
# A receiver should refuse a signature whose time is further than this from its own clock,
# so that a recorded delivery cannot be replayed much later.
SIGNATURE_TOLERANCE_S = 5 * 60


class WebhookError(ValueError):
    """A webhook setting (address, events, secret) that cannot be used; the text says why."""


# -- events --------------------------------------------------------------------------------

def events_of(kind: str, before: Mapping[str, Any] | None, after: Mapping[str, Any],
              deleted: bool = False) -> list[str]:
    """The events a change of one record raises, in a fixed order.

    `before` is the record's fields as stored before the change (None for a new record),
    `after` its fields once changed. A lead that arrives already qualified is qualified by its
    arrival; one that becomes qualified later raises `lead.qualified` then. A lead is assigned
    when its owner changes, or when it arrives owned by someone other than who captured it.
    """
    if deleted:
        return []
    new = before is None
    old: Mapping[str, Any] = before or {}
    out: list[str] = []
    if kind == "lead":
        if new:
            out.append(LEAD_CREATED)
        if after.get("qualified") is True and old.get("qualified") is not True:
            out.append(LEAD_QUALIFIED)
        owner = after.get("owner_id")
        if owner and (owner != old.get("owner_id") if not new
                      else owner != after.get("captured_by")):
            out.append(LEAD_ASSIGNED)
    elif kind == "lead_outcome":
        if new:
            out.append(OUTCOME_RECORDED)
    elif kind == "debrief":
        if after.get("status") == "submitted" and old.get("status") != "submitted":
            out.append(DEBRIEF_SUBMITTED)
    elif kind == "collateral_request" and new:
        out.append(COLLATERAL_REQUESTED)
    return out


def parse_events(text: str) -> list[str]:
    """`lead.created,lead.qualified` as a list (no duplicates, in the order given)."""
    wanted = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [e for e in wanted if e not in EVENTS]
    if unknown:
        raise WebhookError(f"unknown event {unknown[0]!r}; the events are: {', '.join(EVENTS)}")
    if not wanted:
        raise WebhookError(f"name at least one event: {', '.join(EVENTS)}")
    return list(dict.fromkeys(wanted))


# -- payloads ------------------------------------------------------------------------------

def lead_data(record_id: str, version: int | None, fields: Mapping[str, Any]) -> dict[str, Any]:
    """A lead as a payload carries it: without its contact fields unless the person agreed to
    be contacted (`consent_contact` true)."""
    data = {"id": record_id, "version": version, **fields}
    if not may_contact(fields):
        for name in CONTACT_FIELDS:
            data.pop(name, None)
    return data


def debrief_data(record_id: str, version: int | None, fields: Mapping[str, Any],
                 lead: Mapping[str, Any] | None) -> dict[str, Any]:
    """A debrief as a payload carries it: the people met (`contacts`) are left out when the
    debrief is about a lead who has not agreed to be contacted."""
    data = {"id": record_id, "version": version, **fields}
    if lead is not None and not may_contact(lead):
        data.pop("contacts", None)
    return data


# -- signatures ----------------------------------------------------------------------------

def signature(secret: str, timestamp: int, body: bytes) -> str:
    """HEX of `Fieldnote-Signature: t=TIMESTAMP,v1=HEX`: HMAC-SHA256 of `"{t}.{body}"`."""
    message = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def verify_signature(secret: str, header: str, body: bytes, now: float,
                     tolerance_s: float = SIGNATURE_TOLERANCE_S) -> bool:
    """Whether `header` signs `body` under `secret` at a time within `tolerance_s` of `now`."""
    parts: dict[str, list[str]] = {}
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        parts.setdefault(key, []).append(value)
    try:
        timestamp = int(parts.get("t", [""])[0])
    except ValueError:
        return False
    if abs(now - timestamp) > tolerance_s:
        return False
    expected = signature(secret, timestamp, body)
    return any(hmac.compare_digest(expected, v) for v in parts.get("v1", []))


MIN_SECRET = 16


def check_secret(secret: str) -> str:
    if len(secret) < MIN_SECRET or len(secret) > 200:
        raise WebhookError(f"a secret needs {MIN_SECRET} to 200 characters")
    # Control and format characters (C0, DEL, C1, zero-width and direction marks) never
    # survive being typed into another system's settings intact.
    if any(unicodedata.category(c).startswith("C") for c in secret):
        raise WebhookError("a secret holds no control characters")
    return secret


# -- retries -------------------------------------------------------------------------------

# The first retry comes this long after a failed delivery (at most 30 s, docs/commands.md),
# each further one twice as long after the one before, capped at `MAX_STEP_S`, for
# `DEFAULT_RETRY_FOR_S` in all; then the webhook is disabled.
DEFAULT_RETRY_FIRST_S = 15.0
DEFAULT_RETRY_FOR_S = 24 * 3600.0
MAX_STEP_S = 2 * 3600.0


def retry_delay(failures: int, first_s: float = DEFAULT_RETRY_FIRST_S) -> float:
    """Seconds from the `failures`-th failed attempt (1 for the first) to the next attempt."""
    return min(first_s * 2.0 ** max(0, failures - 1), max(MAX_STEP_S, first_s))


def next_delay(created_at: float, failed_at: float, failures: int,
               first_s: float = DEFAULT_RETRY_FIRST_S,
               retry_for_s: float = DEFAULT_RETRY_FOR_S) -> float | None:
    """Seconds until the next attempt of a delivery made at `created_at` whose `failures`-th
    attempt failed at `failed_at`; None when its retry time is over (give it up). The last
    attempt comes at the end of the retry time, not before it."""
    left = created_at + retry_for_s - failed_at
    if left <= 0:
        return None
    return min(retry_delay(failures, first_s), left)


_DURATION = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*", re.IGNORECASE)
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


def parse_duration(text: str) -> float:
    """`15`, `15s`, `500ms`, `2m`, `24h`, `1d` in seconds."""
    found = _DURATION.fullmatch(text)
    if not found:
        raise ValueError(f"{text!r} is not a duration such as 15s, 2m, 24h")
    return float(found.group(1)) * _UNITS[(found.group(2) or "s").lower()]


def _check_retry_first(text: str) -> str:
    seconds = parse_duration(text)
    if not 0.01 <= seconds <= 3600:
        raise ValueError("webhook_retry_first is a duration from 10ms to 1h (default 15s)")
    return text.strip().lower()


def _check_retry_for(text: str) -> str:
    seconds = parse_duration(text)
    if not 0.01 <= seconds <= 30 * 86400:
        raise ValueError("webhook_retry_for is a duration from 10ms to 30d (default 24h)")
    return text.strip().lower()


_YES = {"yes", "true", "on", "1"}
_NO = {"no", "false", "off", "0"}


def _check_flag(text: str) -> str:
    value = text.strip().lower()
    if value in _YES:
        return "yes"
    if value in _NO:
        return "no"
    raise ValueError(f"{text!r} is not yes or no")


# Hub settings of webhooks (kept on the hub, not sent to devices): key -> (default, check).
HUB_SETTINGS = {
    "webhook_retry_first": ("15s", _check_retry_first),
    "webhook_retry_for": ("24h", _check_retry_for),
    "webhook_allow_private": ("no", _check_flag),
}


def allow_private(value: str) -> bool:
    return value == "yes"


# -- addresses -----------------------------------------------------------------------------

_LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}


def _host_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def names_loopback(host: str) -> bool:
    """Whether a URL's host names this machine itself (`localhost`, 127.0.0.0/8, ::1)."""
    host = host.lower().rstrip(".")
    if host in _LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    ip = _host_ip(host)
    return ip is not None and _plain(ip).is_loopback


def _plain(ip: ipaddress.IPv4Address | ipaddress.IPv6Address
           ) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def check_url(url: str, private_allowed: bool = False) -> str:
    """`url` when a webhook may post to it: `https`, or `http` to this machine (for testing);
    no user name or password in it; an address in a private or link-local range only when
    `private_allowed`. Host names are checked again, resolved, before every delivery
    (`address_refusal`)."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise WebhookError(f"{url!r} is not a URL ({exc})") from None
    scheme, host = parts.scheme.lower(), (parts.hostname or "")
    if scheme not in ("https", "http") or not host:
        raise WebhookError("a webhook URL starts with https:// and names a host")
    if parts.username is not None or parts.password is not None:
        raise WebhookError("a webhook URL holds no user name or password; the signature "
                           "authenticates the hub")
    if port == 0:
        raise WebhookError("a webhook URL needs a real port")
    if scheme == "http" and not names_loopback(host):
        raise WebhookError("a webhook URL uses https (plain http only to this machine, for "
                           "testing)")
    ip = _host_ip(host)
    if ip is not None and not names_loopback(host):
        refusal = address_refusal(host, ip, private_allowed)
        if refusal:
            raise WebhookError(refusal)
    return text


def address_refusal(host: str, ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
                    private_allowed: bool) -> str | None:
    """Why a delivery for a URL naming `host` must not go to the resolved address `ip`
    (server-side request forgery), or None when it may.

    A host that names this machine must resolve to loopback. Any other host must resolve to
    a public address: loopback, private, shared, link-local and reserved ranges are refused
    unless `private_allowed` (the `webhook_allow_private` hub setting); unspecified and
    multicast addresses always are."""
    ip = _plain(ip)
    if names_loopback(host):
        return None if ip.is_loopback else f"{host} resolves to {ip}, which is not loopback"
    if ip.is_unspecified or ip.is_multicast:
        return f"{host} resolves to {ip}, which cannot receive a webhook"
    if ip.is_global or private_allowed:
        return None
    return (f"{host} resolves to {ip}, a private, loopback or link-local address; set the hub "
            "setting webhook_allow_private to yes to allow it")
