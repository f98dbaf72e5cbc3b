"""What routes depend on: the hub's services for this app and the signed-in user.

Authentication happens here once; authorisation of records is `hub.authz`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from hub import accounts
from hub.api.problems import ProblemError
from hub.authz import Actor
from hub.blobs import BlobStore
from hub.settings import HubSettings


@dataclass
class Hub:
    settings: HubSettings
    engine: Engine
    epoch: str
    blobs: BlobStore


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


async def current_user(request: Request, hub: HubDep) -> Actor:
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
