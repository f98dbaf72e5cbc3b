"""A small, hand-countable data set for the Insights figures (see the expected numbers below).

Three events, eleven live leads, three submitted debriefs, four collateral items and four
requests, written straight into the cache's tables as if the hub had sent them, plus deleted
and draft records that every figure must ignore.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import insert

from desktop.store.records import Store
from desktop.store.schema import record_tables

TODAY = dt.date(2026, 11, 27)


def uid(n: int, at: str = "2026-01-01T00:00:00Z") -> str:
    """A readable UUIDv7 whose time is `at` and whose tail is `n`."""
    ms = int(dt.datetime.fromisoformat(at.replace("Z", "+00:00")).timestamp() * 1000)
    value = (ms << 80) | (0x7 << 76) | (0b10 << 62) | n
    return str(uuid.UUID(int=value))


ANN, BOB, MIA = uid(1), uid(2), uid(3)
E1, E2, E3 = uid(11), uid(12), uid(13)
RUBRIC = uid(21)
L = {n: uid(100 + n) for n in range(1, 13)}
C1, C2, C3, C4 = uid(201), uid(202), uid(203), uid(204)
D = {n: uid(300 + n) for n in range(1, 6)}


def _put(conn, kind: str, record_id: str, /, *, deleted: bool = False,
         updated: str = "2026-11-20T00:00:00Z", **fields) -> None:
    conn.execute(insert(record_tables[kind]).values(
        id=record_id, rev=1, deleted=deleted, local_updated_at=updated, **fields))


def _lead(conn, n: int, event: str | None, owner: str, captured: str, grade: str | None,
          qualified: bool, version: int | None, **kw) -> None:
    _put(conn, "lead", L[n], event_id=event, owner_id=owner, captured_by=owner,
         last_name=f"Lead{n}", captured_at=captured, grade=grade, qualified=qualified,
         rubric_id=RUBRIC if version else None, rubric_version=version, **kw)


_seq = {"outcome": 1000, "usage": 2000}


def _next(what: str) -> int:
    _seq[what] += 1
    return _seq[what]


def _outcome(conn, lead: int, status: str, at: str, amount: float | None = None, **kw) -> None:
    _put(conn, "lead_outcome", uid(_next("outcome")), lead_id=L[lead], status=status,
         at=at, amount=amount, **kw)


def _use(conn, cid: str, action: str, author: str, at: str, **kw) -> None:
    _put(conn, "collateral_usage", uid(_next("usage")), collateral_id=cid, action=action,
         author_id=author, at=at, **kw)


def load(store: Store) -> None:
    _seq.update(outcome=1000, usage=2000)
    with store.engine.begin() as conn:
        _put(conn, "user", ANN, name="Ann Archer", role="rep", team="east")
        _put(conn, "user", BOB, name="Bob Baker", role="rep", team="west")
        _put(conn, "user", MIA, name="Mia Moss", role="marketer")
        _put(conn, "event", E1, name="Expo North", campaign_code="C26", starts_on="2026-10-01")
        _put(conn, "event", E2, name="Summit South", campaign_code="C26", starts_on="2026-10-20")
        _put(conn, "event", E3, name="Cloud Days", campaign_code="C27", starts_on="2026-11-05")
        _put(conn, "rubric", RUBRIC, name="Booth rubric", version=2)

        # Expo North (rubric v1, Ann): six live leads and one deleted.
        _lead(conn, 1, E1, ANN, "2026-10-01T10:00:00Z", "hot", True, 1)
        _lead(conn, 2, E1, ANN, "2026-10-01T10:00:00Z", "hot", True, 1)
        _lead(conn, 3, E1, ANN, "2026-10-02T10:00:00Z", "warm", True, 1)
        _lead(conn, 4, E1, ANN, "2026-10-01T11:00:00Z", "warm", False, 1)
        _lead(conn, 5, E1, ANN, "2026-10-02T11:00:00Z", "cold", False, 1)
        _lead(conn, 6, E1, ANN, "2026-10-02T10:00:00Z", "cold", False, 1)
        _lead(conn, 12, E1, ANN, "2026-10-02T12:00:00Z", "hot", True, 1, deleted=True)
        _outcome(conn, 1, "contacted", "2026-10-03T10:00:00Z")
        _outcome(conn, 1, "meeting", "2026-10-05T10:00:00Z")
        _outcome(conn, 1, "opportunity", "2026-10-10T10:00:00Z", 5000)
        _outcome(conn, 1, "won", "2026-10-20T10:00:00Z", 5000)
        _outcome(conn, 2, "contacted", "2026-10-02T10:00:00Z")
        _outcome(conn, 2, "meeting", "2026-10-04T10:00:00Z")
        _outcome(conn, 2, "lost", "2026-10-09T10:00:00Z", reason="Budget")
        _outcome(conn, 3, "contacted", "2026-10-06T10:00:00Z")
        _outcome(conn, 4, "won", "2026-10-07T10:00:00Z", 99999, deleted=True)
        _outcome(conn, 5, "disqualified", "2026-10-03T10:00:00Z")
        _outcome(conn, 6, "won", "2026-10-12T10:00:00Z", 3000)  # skipped the earlier stages
        _outcome(conn, 12, "won", "2026-10-12T10:00:00Z", 7777)  # its lead is deleted

        # Summit South (rubric v2, Bob).
        _lead(conn, 7, E2, BOB, "2026-10-20T09:00:00Z", "hot", True, 2)
        _lead(conn, 8, E2, BOB, "2026-10-20T09:30:00Z", "warm", False, 2)
        _lead(conn, 9, E2, BOB, "2026-10-21T09:00:00Z", None, False, 2)
        _outcome(conn, 7, "meeting", "2026-10-25T09:00:00Z")
        _outcome(conn, 9, "contacted", "2026-10-22T09:00:00Z")

        # Cloud Days (rubric v2, Ann) and one lead without an event or rubric (Bob).
        _lead(conn, 10, E3, ANN, "2026-11-05T08:00:00Z", "hot", True, 2)
        _outcome(conn, 10, "won", "2026-11-20T08:00:00Z", 10000)
        _lead(conn, 11, None, BOB, "2026-11-10T08:00:00Z", "cold", False, None)

        _put(conn, "collateral", C1, title="Battlecard", kind="deck", status="approved")
        _put(conn, "collateral", C2, title="Price list", kind="price_list", status="approved")
        _put(conn, "collateral", C3, title="Old brochure", kind="brochure", status="approved")
        _put(conn, "collateral", C4, title="Retired deck", kind="deck", status="retired")

        _use(conn, C1, "opened", ANN, "2026-10-03T12:00:00Z", lead_id=L[1])
        _use(conn, C1, "opened", BOB, "2026-10-21T12:00:00Z")
        _use(conn, C1, "shared", ANN, "2026-10-04T12:00:00Z", lead_id=L[1])
        _use(conn, C1, "presented", BOB, "2026-11-06T12:00:00Z", debrief_id=D[3])
        _use(conn, C2, "opened", BOB, "2026-10-22T12:00:00Z", lead_id=L[7])
        _use(conn, C2, "opened", ANN, "2026-06-01T12:00:00Z")
        _use(conn, C2, "shared", ANN, "2026-10-23T12:00:00Z", deleted=True)

        _put(conn, "collateral_feedback", uid(401), collateral_id=C1, rating=5, author_id=ANN)
        _put(conn, "collateral_feedback", uid(402), collateral_id=C1, rating=4, author_id=BOB)
        _put(conn, "collateral_feedback", uid(403), collateral_id=C2, rating=2, author_id=ANN)
        _put(conn, "collateral_feedback", uid(404), collateral_id=C2, rating=5, author_id=BOB,
             deleted=True)

        def debrief(n: int, author: str, day: str, lead: int | None, outcome: str,
                    status: str = "submitted", deleted: bool = False, **tags) -> None:
            _put(conn, "debrief", D[n], account=f"Account {n}", author_id=author, call_date=day,
                 lead_id=L[lead] if lead else None, outcome=outcome, status=status,
                 deleted=deleted, **tags)

        debrief(1, ANN, "2026-10-05", 1, "advanced", objections=["Price", "Timing"],
                competitors=["Acme"], why_buy=["Speed"], why_not=[],
                collateral_used=[{"collateral_id": C1, "helpful": True},
                                 {"collateral_id": C2, "helpful": False}])
        debrief(2, ANN, "2026-10-06", 2, "lost", objections=["Price"],
                competitors=["Acme", "Globex"], why_not=["Too expensive"],
                collateral_used=[{"collateral_id": C1, "helpful": True}])
        debrief(3, BOB, "2026-11-06", 7, "won", objections=["Security"], competitors=["Globex"],
                why_buy=["Speed", "Support"],
                collateral_used=[{"collateral_id": C2, "helpful": False}])
        debrief(4, BOB, "2026-11-07", None, "advanced", status="draft", objections=["Price"],
                competitors=["Acme"], collateral_used=[{"collateral_id": C1, "helpful": True}])
        debrief(5, ANN, "2026-11-08", None, "lost", deleted=True, objections=["Price"],
                competitors=["Acme"], collateral_used=[{"collateral_id": C2, "helpful": True}])

        _put(conn, "collateral_request", uid(501, "2026-11-20T00:00:00Z"), title="German sheet",
             status="open", needed_by="2026-12-01", author_id=ANN, event_id=E1)
        _put(conn, "collateral_request", uid(502, "2026-10-15T00:00:00Z"), title="Case study",
             status="accepted", needed_by="2026-11-01", author_id=BOB)
        _put(conn, "collateral_request", uid(503, "2026-11-01T00:00:00Z"), title="Poster",
             status="delivered", author_id=ANN, updated="2026-11-04T00:00:00Z")
        _put(conn, "collateral_request", uid(504, "2026-11-10T00:00:00Z"), title="Video",
             status="declined", author_id=BOB, updated="2026-11-11T00:00:00Z")


EXPECTED_FUNNEL = {
    "Expo North": {"captured": 6, "qualified": 3, "contacted": 4, "meeting": 3,
                   "opportunity": 2, "won": 2, "won_amount": 8000},
    "Summit South": {"captured": 3, "qualified": 1, "contacted": 2, "meeting": 1,
                     "opportunity": 0, "won": 0, "won_amount": 0},
    "Cloud Days": {"captured": 1, "qualified": 1, "contacted": 1, "meeting": 1,
                   "opportunity": 1, "won": 1, "won_amount": 10000},
    "(no event)": {"captured": 1, "qualified": 0, "contacted": 0, "meeting": 0,
                   "opportunity": 0, "won": 0, "won_amount": 0},
}
EXPECTED_COLLATERAL = {
    C1: {"opens": 2, "shares": 1, "presentations": 1, "avg_rating": 4.5, "helped": 2,
         "not_helped": 0},
    C2: {"opens": 2, "shares": 0, "presentations": 0, "avg_rating": 2.0, "helped": 0,
         "not_helped": 2},
    C3: {"opens": 0, "shares": 0, "presentations": 0, "avg_rating": None, "helped": 0,
         "not_helped": 0},
    C4: {"opens": 0, "shares": 0, "presentations": 0, "avg_rating": None, "helped": 0,
         "not_helped": 0},
}
EXPECTED_OBJECTIONS = {"Price": 2, "Security": 1, "Timing": 1}
EXPECTED_COMPETITORS = {"Acme": 2, "Globex": 2}
