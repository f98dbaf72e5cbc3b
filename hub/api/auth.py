"""Routes for signing in and out and for the signed-in user's own profile."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from hub import accounts
from hub.api.deps import CurrentUser, HashGateBusy, HubDep, bearer_token
from hub.api.problems import ProblemError, documented, pydantic_errors, read_json
from hub.api.schemas import request_body

router = APIRouter(prefix="/v1", tags=["auth"])


class TokenRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(max_length=320)
    password: str = Field(max_length=1024)
    device_name: str | None = Field(default=None, max_length=200)


class UserOut(BaseModel):
    id: str
    email: str
    name: str
    role: str
    team: str | None = None


class TokenOut(BaseModel):
    token: str
    expires_at: str
    user: UserOut


@router.post("/auth/token", response_model=TokenOut, openapi_extra=request_body(TokenRequest),
             responses=documented(400, 401, 413, 422, 429))
async def sign_in(request: Request, hub: HubDep) -> TokenOut:
    data = await read_json(request, 64 * 1024)
    try:
        body = TokenRequest.model_validate(data)
    except ValidationError as exc:
        raise ProblemError(422, "Invalid sign-in request", kind="validation",
                           errors=pydantic_errors(exc)) from None
    address = request.client.host if request.client else "unknown"
    limits = hub.settings.limits
    try:
        # Counted before the password is checked; the check waits for a hash slot.
        attempt = await run_in_threadpool(
            accounts.begin_login, hub.engine, limits, email=body.email, address=address
        )
        try:
            issued = await hub.hash_gate.run(lambda: accounts.finish_login(
                hub.engine, limits, attempt, password=body.password,
                device_name=body.device_name))
        except HashGateBusy as exc:
            await run_in_threadpool(accounts.abandon_login, hub.engine, limits, attempt)
            raise ProblemError(429, "Too many sign-ins at once",
                               "The hub is busy checking other sign-ins; try again shortly",
                               kind="throttled", headers={"Retry-After": str(exc.retry_after)},
                               extra={"retry_after": exc.retry_after}) from None
    except accounts.LoginThrottled as exc:
        raise ProblemError(429, "Too many sign-in attempts", "Wait before trying again",
                           kind="throttled", headers={"Retry-After": str(exc.retry_after)},
                           extra={"retry_after": exc.retry_after}) from None
    except accounts.LoginRefused:
        raise ProblemError(401, "Wrong email or password",
                           "Check the email and password, or ask an administrator whether the "
                           "account is active", kind="bad-credentials") from None
    a = issued.actor
    return TokenOut(token=issued.token, expires_at=accounts.expires_iso(issued.expires_at),
                    user=UserOut(id=a.id, email=a.email, name=a.name, role=a.role, team=a.team))


@router.delete("/auth/token", status_code=204)
async def sign_out(request: Request, hub: HubDep, actor: CurrentUser) -> None:
    await run_in_threadpool(accounts.revoke, hub.engine, bearer_token(request))


@router.get("/me", response_model=UserOut)
def me(actor: CurrentUser) -> UserOut:
    return UserOut(id=actor.id, email=actor.email, name=actor.name, role=actor.role,
                   team=actor.team)
