"""What routes depend on: the hub's services for this app and the signed-in user.

Authentication happens here once; authorisation of records is `hub.authz`'s job.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from hub import accounts
from hub.api.problems import ProblemError
from hub.authz import Actor
from hub.blobs import BlobStore
from hub.settings import HubSettings

T = TypeVar("T")


class HashGateBusy(Exception):
    """No password-hash slot came free in time."""

    def __init__(self, retry_after: float) -> None:
        super().__init__("The hub is busy checking other passwords")
        self.retry_after = max(1, math.ceil(retry_after))


class HashGate:
    """At most `size` password hashes run at once in this process: each holds the hash's
    memory cost (64 MiB for argon2id's default) while it runs, so a burst of sign-ins would
    otherwise take one per request thread. Waiting requests hold no thread, only a place in
    the semaphore's queue; one that waits longer than `wait_s` gets `HashGateBusy`."""

    def __init__(self, size: int, wait_s: float) -> None:
        self.size = max(1, size)
        self.wait_s = wait_s
        self._slots = asyncio.Semaphore(self.size)

    async def run(self, work: Callable[[], T]) -> T:
        try:
            async with asyncio.timeout(self.wait_s):
                await self._slots.acquire()
        except TimeoutError:
            raise HashGateBusy(min(self.wait_s, 5.0)) from None
        try:
            # The thread is not abandoned on cancellation, so the slot is released only
            # when the hash is done.
            return await run_in_threadpool(work)
        finally:
            self._slots.release()


@dataclass
class Hub:
    settings: HubSettings
    engine: Engine
    epoch: str
    blobs: BlobStore
    hash_gate: HashGate = field(init=False)

    def __post_init__(self) -> None:
        limits = self.settings.limits
        self.hash_gate = HashGate(limits.hash_concurrency, limits.hash_wait_s)


def get_hub(request: Request) -> Hub:
    hub: Hub = request.app.state.hub
    return hub


HubDep = Annotated[Hub, Depends(get_hub)]


def bearer_token(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ProblemError(
            401, "Not signed in", "Send Authorization: Bearer <token>; get a token from "
            "POST /v1/auth/token", kind="unauthorized", headers={"WWW-Authenticate": "Bearer"},
        )
    return token.strip()


# Declares the bearer token in the OpenAPI document (each operation that needs one names it);
# the token itself is read by `bearer_token`, which answers the problem when it is missing.
_BEARER = HTTPBearer(auto_error=False, scheme_name="token",
                     description="A token from POST /v1/auth/token")


async def current_user(
    request: Request, hub: HubDep,
    _declared: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
) -> Actor:
    token = bearer_token(request)
    actor = await run_in_threadpool(accounts.authenticate, hub.engine, token)
    if actor is None:
        raise ProblemError(
            401, "Not signed in", "The token is unknown, expired or revoked, or the account "
            "is disabled; sign in again", kind="unauthorized",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return actor


CurrentUser = Annotated[Actor, Depends(current_user)]
