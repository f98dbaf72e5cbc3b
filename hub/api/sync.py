"""Routes of the sync protocol: push, pull and digest."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from fieldnote.wire import (
    DEFAULT_PULL_LIMIT,
    MAX_CLIENT_ID,
    MAX_MUTATIONS_PER_PUSH,
    MAX_PULL_LIMIT,
    Digest,
    PullResponse,
    PushRequest,
    PushResponse,
)
from hub import feed, shared_settings
from hub.api.deps import CurrentUser, HubDep
from hub.api.problems import ProblemError, documented, pydantic_errors, read_json
from hub.api.schemas import request_body
from hub.push import apply_push

router = APIRouter(prefix="/v1/sync", tags=["sync"])


class _Envelope(BaseModel):
    """The push envelope; each mutation is checked on its own so one bad one is `rejected`
    rather than failing the whole request."""

    model_config = ConfigDict(extra="forbid")
    client_id: str = Field(min_length=1, max_length=MAX_CLIENT_ID)
    mutations: list[Any]


@router.post("/push", response_model=PushResponse, response_model_exclude_none=True,
             responses=documented(400, 413, 422),
             openapi_extra=request_body(PushRequest))
async def push(request: Request, hub: HubDep, actor: CurrentUser) -> Response:
    data = await read_json(request, hub.settings.limits.max_json_bytes)
    try:
        envelope = _Envelope.model_validate(data)
    except ValidationError as exc:
        raise ProblemError(422, "Invalid push", "The push envelope is malformed",
                           kind="validation", errors=pydantic_errors(exc)) from None
    if len(envelope.mutations) > MAX_MUTATIONS_PER_PUSH:
        raise ProblemError(413, "Too many mutations",
                           f"At most {MAX_MUTATIONS_PER_PUSH} mutations per push",
                           kind="too-large")
    # The address this device reached the hub at: the links of mails its sends make
    # (unless the hub setting `public_url` names another).
    base_url = str(request.base_url).rstrip("/")
    results = await run_in_threadpool(
        apply_push, hub.engine, actor, envelope.client_id, envelope.mutations, hub.blobs.exists,
        base_url, hub.blobs.head,
    )
    # Built here, not re-validated against the response model: the results are made by the hub.
    try:
        return Response(orjson.dumps({"results": results}), media_type="application/json")
    except TypeError:  # a conflict's value with an integer past 64 bits
        return JSONResponse({"results": results})


@router.get("/pull", response_model=PullResponse, responses=documented(410))
def pull(
    hub: HubDep,
    actor: CurrentUser,
    cursor: str | None = Query(default=None, max_length=400),
    limit: int = Query(default=DEFAULT_PULL_LIMIT, ge=1, le=MAX_PULL_LIMIT),
    client_id: str | None = Query(
        default=None, min_length=1, max_length=MAX_CLIENT_ID,
        description="The pulling installation's id, as in its pushes: a record whose current "
                    "version its push wrote comes as a stub (`own`: the hash of its fields) "
                    "instead of its fields (docs/protocol-extensions.md)."),
) -> Response:
    feed.sweep_expired_collateral(hub.engine)
    try:
        page = feed.pull(hub.engine, hub.epoch, actor, cursor, limit, client_id)
    except feed.UnknownCursor:
        raise ProblemError(410, "Unknown cursor", "This hub does not know the cursor; start a "
                           "full resync with an empty cursor (keep the outbox)",
                           kind="unknown-cursor") from None
    # Built by the hub from its own rows: the changes' JSON is written as it came from the
    # feed, not re-validated field by field nor parsed and encoded again.
    # The shared hub settings ride along (docs/protocol-extensions.md): a device is current
    # with them after every pull, online or not since.
    rest = orjson.dumps({"cursor": page.cursor, "has_more": page.has_more,
                         "settings": shared_settings.shared_settings(hub.engine)})
    return Response(b'{"changes":[' + b",".join(page.changes) + b"]," + rest[1:],
                    media_type="application/json")


@router.get("/digest", response_model=Digest)
def digest(hub: HubDep, actor: CurrentUser) -> dict[str, Any]:
    return feed.digest(hub.engine, actor)
