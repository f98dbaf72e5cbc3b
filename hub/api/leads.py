"""Routes of the Leads job beyond sync: the "already known?" look-up (`hub.lookup`) and the
tallies of an event's leads that booth goals count (`hub.goals`)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Query
from pydantic import BaseModel

from fieldnote.lookup import MAX_EMAIL, lookup_key
from fieldnote.validation import utc_now_iso
from hub import goals, lookup
from hub.api.deps import CurrentUser, HubDep
from hub.api.problems import ProblemError, documented

router = APIRouter(prefix="/v1/leads", tags=["leads"])


class LookupOut(BaseModel):
    """Whether the person is a lead anywhere, a customer (a lead won), the team owning the lead
    with the latest activity, and that activity's date (YYYY-MM-DD); nothing else."""

    known: bool
    customer: bool
    team: str | None
    last_activity: str | None


_THROTTLED = documented(429)[429]
_THROTTLED["headers"] = {"Retry-After": {
    "description": "Seconds until the user's look-ups are counted afresh",
    "schema": {"type": "integer", "minimum": 1}, "required": True}}


@router.get("/lookup", response_model=LookupOut, responses={429: _THROTTLED})
def look_up(
    hub: HubDep,
    actor: CurrentUser,
    email: str = Query(min_length=1, max_length=MAX_EMAIL + 100,
                       description="The person's email (any case, surrounding spaces ignored)"),
) -> LookupOut:
    key = lookup_key(email)
    if key is None:
        raise ProblemError(422, "Not an email", "Send the person's email address as ?email=",
                           kind="validation",
                           errors=[{"field": "email", "message": "not an email address"}])
    try:
        lookup.admit(hub.engine, hub.settings.limits, actor.id)
    except lookup.LookupThrottled as exc:
        raise ProblemError(429, "Too many look-ups", "Wait before looking up more people",
                           kind="throttled", headers={"Retry-After": str(exc.retry_after)},
                           extra={"retry_after": exc.retry_after}) from None
    return LookupOut(**lookup.look_up(hub.engine, key).as_json())


class TalliesOut(BaseModel):
    """One entry per live lead of the event: [captured_by, captured_at, qualified, grade]
    (`fieldnote.goals.Tally`); nothing about the visitor."""

    event_id: str
    as_of: str
    tallies: list[tuple[str | None, str | None, bool, str | None]]


@router.get("/tallies", response_model=TalliesOut)
def event_tallies(
    hub: HubDep,
    actor: CurrentUser,
    event_id: str = Query(min_length=1, max_length=100,
                          description="The event whose leads booth goals count"),
) -> TalliesOut:
    try:
        event = str(uuid.UUID(event_id))
    except ValueError:
        raise ProblemError(422, "Not an event id", "Send the event's id as ?event_id=",
                           kind="validation",
                           errors=[{"field": "event_id", "message": "not an id (UUID)"}]) from None
    as_of = utc_now_iso()
    rows = goals.tallies(hub.engine, event)
    return TalliesOut(event_id=event, as_of=as_of,
                      tallies=[tuple(t.as_json()) for t in rows])
