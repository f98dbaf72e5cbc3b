"""Routes of collateral mailed to visitors: the personal links (`GET /s/TOKEN`, no sign-in)
and revoking a send's links (`POST /v1/collateral-sends/{id}/revoke`).

A link answers with the exact file or a plain page that tells nothing about what the link was
for; whether a token was never made, has expired or was revoked shows only as 404 or 410.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, HTMLResponse
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.concurrency import run_in_threadpool

from hub import mailing
from hub.api.deps import CurrentUser, HubDep
from hub.api.problems import ProblemError, documented, pydantic_errors, read_json
from hub.authz import Forbidden

router = APIRouter(prefix="/v1/collateral-sends", tags=["collateral"])
links = APIRouter(tags=["links"])

_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")
_PAGE = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
         "<meta name=\"robots\" content=\"noindex\"></head><body><p>{text}</p></body></html>")
_PLAIN = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
          "X-Content-Type-Options": "nosniff", "X-Robots-Tag": "noindex"}


def _page(status: int) -> HTMLResponse:
    if status == 410:
        title, text = "Link no longer available", "This link is no longer available."
    else:
        title, text = "Not found", "There is nothing at this address."
    return HTMLResponse(_PAGE.format(title=title, text=text), status_code=status,
                        headers=_PLAIN)


@links.get("/s/{token}", include_in_schema=False)
def open_link(token: str, hub: HubDep) -> Response:
    if not _TOKEN.fullmatch(token):
        return _page(404)
    try:
        opened = mailing.open_link(hub.engine, token)
    except mailing.NotFound:
        return _page(404)
    except mailing.LinkGone:
        return _page(410)
    path = hub.blobs.path(opened.file_sha256)
    if not path.is_file():
        return _page(410)
    return FileResponse(path, media_type=opened.mime_type,
                        filename=opened.file_name or None, content_disposition_type="inline",
                        headers=_PLAIN)


class RevokeIn(BaseModel):
    """Which item's link to revoke; without one, every link of the send."""

    model_config = ConfigDict(extra="forbid")
    collateral_id: str | None = None


@router.post("/{send_id}/revoke", responses=documented(403, 404, 422))
async def revoke(send_id: str, request: Request, hub: HubDep, actor: CurrentUser
                 ) -> dict[str, Any]:
    body = await request.body()
    data = await read_json(request, 10_000) if body.strip() else {}
    try:
        wanted = RevokeIn.model_validate(data)
    except ValidationError as exc:
        raise ProblemError(422, "Invalid request", "Send {} or {\"collateral_id\": ID}",
                           kind="validation", errors=pydantic_errors(exc)) from None
    try:
        return await run_in_threadpool(mailing.revoke, hub.engine, actor, send_id,
                                       wanted.collateral_id)
    except mailing.NotFound:
        raise ProblemError(404, "No such send", "The hub has no collateral send with this id "
                           "that you can see", kind="not-found") from None
    except Forbidden as exc:
        raise ProblemError(403, "Not allowed", str(exc), kind="forbidden") from None
