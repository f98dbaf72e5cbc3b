"""Routes for administrators: the user list, adding users and disabling them."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hub import accounts, authz
from hub.api.deps import CurrentUser, HashGateBusy, HubDep
from hub.api.problems import ProblemError, documented, pydantic_errors, read_json
from hub.api.schemas import request_body
from hub.authz import Actor
from hub.passwords import password_problem

router = APIRouter(prefix="/v1/admin", tags=["admin"])


class AdminUser(BaseModel):
    id: str
    email: str
    name: str
    role: str
    team: str | None = None
    active: bool


class NewUser(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(max_length=200)
    name: str = Field(max_length=200)
    role: str
    team: str | None = Field(default=None, max_length=200)
    password: str = Field(min_length=1, max_length=1024)


def _require_admin(actor: Actor) -> None:
    refusal = authz.refusal(actor, "user", "manage")
    if refusal:
        raise ProblemError(403, "Not allowed", refusal, kind="forbidden")


def _out(a: Actor) -> AdminUser:
    return AdminUser(id=a.id, email=a.email, name=a.name, role=a.role, team=a.team,
                     active=a.active)


@router.get("/users", response_model=list[AdminUser], responses=documented(403))
def list_users(hub: HubDep, actor: CurrentUser) -> list[AdminUser]:
    _require_admin(actor)
    return [_out(a) for a in accounts.list_users(hub.engine)]


@router.post("/users", response_model=AdminUser, status_code=201,
             responses=documented(400, 403, 409, 413, 422, 429),
             openapi_extra=request_body(NewUser))
async def add_user(request: Request, hub: HubDep, actor: CurrentUser) -> AdminUser:
    _require_admin(actor)
    try:
        body = NewUser.model_validate(await read_json(request, 64 * 1024))
    except ValidationError as exc:
        raise ProblemError(422, "Invalid user", kind="validation",
                           errors=pydantic_errors(exc)) from None
    problem = password_problem(body.password)
    if problem is not None:  # the rule `fieldnote-hub user add` applies too
        raise ProblemError(422, "Cannot add this user", problem, kind="validation")
    try:
        # Hashing the new password takes a hash slot like a sign-in.
        created = await hub.hash_gate.run(
            lambda: accounts.add_user(hub.engine, email=body.email, name=body.name,
                                      role=body.role, team=body.team, password=body.password)
        )
    except HashGateBusy as exc:
        raise ProblemError(429, "Too many password checks at once",
                           "The hub is busy checking passwords; try again shortly",
                           kind="throttled", headers={"Retry-After": str(exc.retry_after)},
                           extra={"retry_after": exc.retry_after}) from None
    except accounts.DuplicateUser as exc:
        raise ProblemError(409, "User exists", str(exc), kind="duplicate-user") from None
    except accounts.AccountError as exc:
        raise ProblemError(422, "Cannot add this user", str(exc), kind="validation") from None
    return _out(created)


@router.post("/users/{email}/disable", response_model=AdminUser,
             responses=documented(403, 404, 409))
def disable_user(email: str, hub: HubDep, actor: CurrentUser) -> AdminUser:
    _require_admin(actor)
    try:
        return _out(accounts.set_active(hub.engine, email, False, by=actor.id))
    except accounts.AccountRefused as exc:
        raise ProblemError(409, "Cannot disable this user", str(exc),
                           kind="last-administrator") from None
    except accounts.AccountError as exc:
        raise ProblemError(404, "No such user", str(exc), kind="not-found") from None
