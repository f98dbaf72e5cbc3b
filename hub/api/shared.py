"""Shared settings marketing sets itself (`PUT /v1/settings/{key}`): today the period after
which approved collateral counts as stale (`fieldnote.staleness`). Devices receive the new
value with their next pull, as every shared setting."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.concurrency import run_in_threadpool

from fieldnote.staleness import MARKETING_SETTINGS
from hub import authz, shared_settings
from hub.api.deps import CurrentUser, HubDep
from hub.api.problems import ProblemError, documented, pydantic_errors, read_json

router = APIRouter(prefix="/v1/settings", tags=["settings"])


class SettingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str


class SettingOut(BaseModel):
    key: str
    value: str


@router.put("/{key}", response_model=SettingOut, responses=documented(403, 404, 422))
async def put_setting(key: str, request: Request, hub: HubDep, actor: CurrentUser) -> Any:
    if key not in MARKETING_SETTINGS:
        raise ProblemError(404, "No such setting",
                           f"Marketing sets only {', '.join(MARKETING_SETTINGS)} here",
                           kind="not-found")
    refusal = authz.refusal(actor, "collateral", "configure")
    if refusal:
        raise ProblemError(403, "Not allowed", refusal, kind="forbidden")
    try:
        wanted = SettingIn.model_validate(await read_json(request, 10_000))
    except ValidationError as exc:
        raise ProblemError(422, "Invalid request", 'Send {"value": "..."}', kind="validation",
                           errors=pydantic_errors(exc)) from None
    try:
        stored = await run_in_threadpool(shared_settings.set_shared_setting, hub.engine, key,
                                         wanted.value)
    except ValueError as exc:
        raise ProblemError(422, "Invalid value", str(exc), kind="validation",
                           errors=[{"field": "value", "message": str(exc)}]) from None
    return SettingOut(key=key, value=stored)
