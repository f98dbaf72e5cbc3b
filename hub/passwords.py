"""The rule a new hub password must pass: long enough, and not one of the most common ones.

The list is the 10,000 most common passwords of Royce Williams' list (as shipped by Django's
`CommonPasswordValidator`), kept in `resources/common-passwords.txt`. This module only judges
a password; it never stores, logs or echoes one.
"""

from __future__ import annotations

import functools

from resources.paths import resource_path

MIN_LENGTH = 10
COMMON_PASSWORDS_FILE = "common-passwords.txt"


@functools.cache
def common_passwords() -> frozenset[str]:
    text = resource_path(COMMON_PASSWORDS_FILE).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


def password_problem(password: str) -> str | None:
    """Why `password` may not be used, as one sentence; None when it may."""
    if len(password) < MIN_LENGTH:
        return f"The password must be at least {MIN_LENGTH} characters long"
    if password.strip().lower() in common_passwords():
        return "The password is one of the most common passwords; choose another"
    return None
