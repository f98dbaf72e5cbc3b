"""Typed failures of talking to the hub, each with a message a rep could act on.

The client maps every transport or protocol failure to one of these; nothing from requests
or urllib3 leaks past it. This module imports nothing heavy so the UI may use it.
"""

from __future__ import annotations


class SyncFailure(Exception):
    """Base of every failure the client or engine reports; `str()` is the user-facing text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class HubUnreachable(SyncFailure):
    """No usable answer: refused, timed out, reset, dropped mid-answer, or a gateway error.

    Nothing here counts as the hub having answered a mutation; the same mutations are resent.
    """


class CertificateProblem(HubUnreachable):
    """TLS verification failed: the hub's certificate is not trusted or does not match."""


class AuthRequired(SyncFailure):
    """The token is missing, unknown, expired or revoked (401): the user must sign in again."""


class WrongCredentials(SyncFailure):
    """Sign-in refused: the email or password is wrong (401 on the token endpoint)."""


class Forbidden(SyncFailure):
    """The signed-in user may not do this (403)."""


class CursorGone(SyncFailure):
    """The hub no longer knows our pull cursor (410); a full resync follows."""


class IncompatibleHub(SyncFailure):
    """The hub does not serve this protocol version (426), or is not a Fieldnote hub at all."""


class TooManyAttempts(SyncFailure):
    """The hub throttles us (429); `retry_after` is in seconds when the hub said."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PayloadTooLarge(SyncFailure):
    """The request exceeded the hub's size limit (413)."""


class HubError(SyncFailure):
    """The hub answered, but not usefully: a 5xx, a web page, or data that does not parse.

    `status` is the HTTP status; a 5xx counts toward parking the mutations that were sent.
    """

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status

    @property
    def counts_as_server_error(self) -> bool:
        return self.status is not None and self.status >= 500


class BlobProblem(SyncFailure):
    """A file could not be fetched or did not match its checksum after a refetch."""


class BadHubAddress(SyncFailure):
    """The hub address is not a usable URL."""


class AccountInUse(SyncFailure):
    """Signing in as someone else while the previous account's changes still wait."""
