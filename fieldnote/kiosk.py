"""Kiosk mode's rules, in one place: the staff PIN that leaves it, how wrong PINs are throttled,
and the lead a visitor's own entry becomes.

The kiosk is the window turned into a self-service form (docs/kiosk.md). A visitor's lead is
marked `source="kiosk"`; their consent is their own entry (`visitor`), or `signature` when they
drew one (the image's sha256 is in the statement, `fieldnote.consent`). The PIN is kept only as
an argon2 hash, and each wrong try past the first few doubles the wait before the next.
Pure functions and one small class; no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from fieldnote.consent import SIGNATURE, given_statement
from fieldnote.kinds import NAME_MAX
from fieldnote.validation import strip_control

SOURCE = "kiosk"
VISITOR = "visitor"  # consent by the visitor's own entry (fieldnote.kinds.CONSENT_METHODS)
PIN_MIN, PIN_MAX = 4, 12
# Wrong PINs allowed before the waits begin, the first wait, and the longest.
FREE_TRIES = 3
FIRST_WAIT_S, LONGEST_WAIT_S = 5.0, 300.0
# The fields the visitor types (name, company, email), as lead fields.
VISITOR_FIELDS = ("first_name", "last_name", "company", "email")

# A PIN is short: a light argon2id still makes each guess cost, and the waits do the rest.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def pin_problem(pin: str) -> str | None:
    """Why `pin` cannot be the kiosk's PIN (None when it can): 4 to 12 digits."""
    if not pin.isascii() or not pin.isdigit():
        return "The PIN is digits only"
    if not PIN_MIN <= len(pin) <= PIN_MAX:
        return f"The PIN has {PIN_MIN} to {PIN_MAX} digits"
    return None


def hash_pin(pin: str) -> str:
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    return _HASHER.hash(pin)


def wait_after(failures: int) -> float:
    """Seconds to wait before the next try after `failures` wrong PINs in a row."""
    if failures < FREE_TRIES:
        return 0.0
    return float(min(LONGEST_WAIT_S, FIRST_WAIT_S * 2.0 ** (failures - FREE_TRIES)))


class PinLock:
    """The PIN that leaves kiosk mode: its hash, the wrong tries in a row and when the next try
    is allowed. `now` is a monotonic clock in seconds (given, so tests need no sleeping)."""

    def __init__(self, pin_hash: str) -> None:
        self._hash = pin_hash
        self.failures = 0
        self.next_try_at = 0.0

    def wait_left(self, now: float) -> float:
        return max(0.0, self.next_try_at - now)

    def check(self, pin: str, now: float) -> bool | None:
        """True: the PIN is right. False: wrong (counted). None: too soon after the last wrong
        one (not tried, not counted)."""
        if self.wait_left(now) > 0:
            return None
        right: bool
        try:
            right = bool(_HASHER.verify(self._hash, pin))
        except (VerificationError, InvalidHashError):
            right = False
        if right:
            self.failures = 0
            self.next_try_at = 0.0
            return True
        self.failures += 1
        self.next_try_at = now + wait_after(self.failures)
        return False


def clean_text(value: str) -> str:
    """A typed one-line value as a lead keeps it: control characters out (tabs and line
    breaks become spaces), spaces around trimmed."""
    return " ".join(strip_control(value).replace("\t", " ").splitlines()).strip()


def needs_cleaning(value: str) -> bool:
    """Whether `value` holds characters `clean_text` takes out (besides surrounding spaces)."""
    return clean_text(value) != value.strip()


def too_long(values: Mapping[str, Any]) -> list[str]:
    """The visitor fields longer than a name may be (refused with a message, never cut)."""
    return [name for name in VISITOR_FIELDS
            if isinstance(values.get(name), str) and len(values[name]) > NAME_MAX]


def visitor_lead(typed: Mapping[str, str], *, event_id: str | None,
                 scored: Mapping[str, Any] | None, consent: bool,
                 wording: Mapping[str, Any] | None, at: str,
                 signature_sha256: str | None = None) -> dict[str, Any]:
    """The lead a visitor's own entry makes: what they typed (cleaned), the event, the
    rubric's score of their answers, `source="kiosk"` and their consent statement: given by
    their own entry, or by signature when they drew one."""
    values: dict[str, Any] = {}
    for name in VISITOR_FIELDS:
        text = clean_text(str(typed.get(name) or ""))
        if text:
            values[name] = text
    if event_id:
        values["event_id"] = event_id
    if scored:
        values.update(scored)
    values["source"] = SOURCE
    values["captured_at"] = at
    if consent:
        method = SIGNATURE if signature_sha256 else VISITOR
        values.update(given_statement(wording, method, at, signature_sha256))
    else:
        values.update({"consent_contact": False, "consent_at": at, "consent_method": VISITOR})
    values["follow_up"] = consent
    return values
