"""Routes for administrators: the user list, adding users and disabling them, the audit log,
and a person's data (export, erasure)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from fieldnote import audit as audit_rules
from hub import accounts, audit, authz, privacy
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
    audit.record(hub.engine, audit_rules.USER_ADD, actor=actor,
                 details={"user_id": created.id, "role": created.role})
    return _out(created)


@router.post("/users/{email}/disable", response_model=AdminUser,
             responses=documented(403, 404, 409))
def disable_user(email: str, hub: HubDep, actor: CurrentUser) -> AdminUser:
    _require_admin(actor)
    try:
        disabled = accounts.set_active(hub.engine, email, False, by=actor.id)
    except accounts.AccountRefused as exc:
        raise ProblemError(409, "Cannot disable this user", str(exc),
                           kind="last-administrator") from None
    except accounts.AccountError as exc:
        raise ProblemError(404, "No such user", str(exc), kind="not-found") from None
    audit.record(hub.engine, audit_rules.USER_DISABLE, actor=actor,
                 details={"user_id": disabled.id, "role": disabled.role})
    return _out(disabled)


class AuditEntry(BaseModel):
    id: int
    at: str
    action: str
    actor_id: str | None = None
    actor: str | None = None
    via: str
    ref: str | None = None
    details: dict[str, Any]


@router.get("/audit", response_model=list[AuditEntry], responses=documented(400, 403))
def audit_entries(hub: HubDep, actor: CurrentUser, since: str | None = None,
                  limit: int = Query(default=1000, ge=1, le=10_000)) -> list[AuditEntry]:
    """The newest `limit` entries of the audit log (at or after `since`), oldest first."""
    _require_admin(actor)
    if since is not None:
        try:
            since = audit.parse_since(since)
        except ValueError as exc:
            raise ProblemError(400, "Invalid since", str(exc), kind="validation") from None
    return [AuditEntry(**e.as_json()) for e in audit.entries(hub.engine, since=since,
                                                             limit=limit)]


# -- a person's data (docs/privacy.md) ----------------------------------------------------------


class PersonRequest(BaseModel):
    """The person, by email address, in the body (never in the URL, which access logs keep)."""

    model_config = ConfigDict(extra="forbid")
    email: str = Field(min_length=1, max_length=200)
    reason: str | None = Field(default=None, max_length=2000)


class ErasureAnswer(BaseModel):
    leads: int
    lead_ids: list[str]
    outcomes: int
    debriefs: int
    comments: int
    conflicts: int
    deliveries: int = 0
    sends: int = 0
    attachments: int = 0
    files_removed: int
    erased_at: str


def _require_person_right(actor: Actor) -> None:
    refusal = authz.refusal(actor, "lead", "erase")
    if refusal:
        raise ProblemError(403, "Not allowed", refusal, kind="forbidden")


async def _person_request(request: Request) -> PersonRequest:
    try:
        body = PersonRequest.model_validate(await read_json(request, 16 * 1024))
    except ValidationError as exc:
        raise ProblemError(422, "Invalid request", kind="validation",
                           errors=pydantic_errors(exc)) from None
    if not body.email.strip():
        raise ProblemError(422, "Invalid request", kind="validation",
                           errors=[{"field": "email", "message": "is required"}])
    # No stored text holds control characters (PostgreSQL refuses NUL outright).
    for field, text in (("email", body.email), ("reason", body.reason or "")):
        if any(ord(c) < 32 or ord(c) == 127 for c in text):
            raise ProblemError(422, "Invalid request", kind="validation",
                               errors=[{"field": field, "message": "holds control characters"}])
    return body


@router.post("/person/export", responses=documented(400, 403, 413, 422),
             openapi_extra=request_body(PersonRequest))
async def export_person(request: Request, hub: HubDep, actor: CurrentUser) -> dict[str, Any]:
    """Everything the hub holds about the person with this email address (the document
    `fieldnote-hub person export` writes)."""
    _require_person_right(actor)
    body = await _person_request(request)
    document = await run_in_threadpool(privacy.export_person, hub.engine, body.email,
                                       hub.blobs.root)
    ids = [lead["id"] for lead in document["leads"]]
    await run_in_threadpool(lambda: audit.record(
        hub.engine, audit_rules.PERSON_EXPORT, actor=actor,
        details={"leads": len(ids), "lead_ids": ids}))
    return document


@router.post("/person/erase", response_model=ErasureAnswer,
             responses=documented(400, 403, 413, 422),
             openapi_extra=request_body(PersonRequest))
async def erase_person(request: Request, hub: HubDep, actor: CurrentUser) -> ErasureAnswer:
    """Erase the person with this email address everywhere (as `fieldnote-hub person
    erase`); devices drop their data at their next sync."""
    _require_person_right(actor)
    body = await _person_request(request)
    report = await run_in_threadpool(
        lambda: privacy.erase_person(hub.engine, body.email, by=actor.id, reason=body.reason,
                                     blobs_dir=hub.blobs.root))
    await run_in_threadpool(lambda: audit.record(
        hub.engine, audit_rules.PERSON_ERASE, actor=actor,
        details={"leads": len(report.leads), "lead_ids": report.leads}))
    return ErasureAnswer(**report.as_dict())
