"""Proposals, reviews and stale material in the local store: what marketing's queue and the
rep's own list read, the notices of answers, and the stale rule applied to the library."""

from __future__ import annotations

import datetime as dt

from desktop.store.collateral import made_on
from desktop.store.records import HUB_SETTINGS_KEY
from fieldnote.ids import new_id
from fieldnote.staleness import Stale
from tests.desktop.collateral.conftest import received

REP, OTHER = "01972fde-7e80-7328-a2f3-a964fce864d1", "01972fde-7e80-7328-a2f3-a964fce864d2"


def test_proposals_are_listed_by_proposer_and_status(library, store):
    mine = received(store, title="Mine", status="review", proposed_by=REP)
    theirs = received(store, title="Theirs", status="declined", proposed_by=OTHER,
                      review_comment="No")
    received(store, title="Marketing's own", status="review")
    assert [r["id"] for r in library.proposals(proposer_id=REP)] == [mine]
    assert {r["id"] for r in library.proposals()} == {mine, theirs}
    assert [r["id"] for r in library.proposals(statuses=("review",))] == [mine]
    from desktop.store.library_query import LibraryQuery
    assert library.ids(LibraryQuery(statuses=("review", "declined"), proposals=True)) == [
        theirs, mine]


def test_proposing_approving_declining_and_verifying_write_the_fields(library, store):
    fields = library.propose_fields({"title": "X", "status": "approved", "verified_on": "2026-01-01",
                                     "supersedes_id": new_id()}, REP)
    assert fields == {"title": "X", "status": "review", "proposed_by": REP}
    cid = received(store, title="Deck", status="review", proposed_by=REP)
    library.approve(cid, today="2026-12-07")
    row = store.get("collateral", cid)
    assert (row["status"], row["verified_on"]) == ("approved", "2026-12-07")
    library.mark_verified(cid, today="2026-12-08")
    assert store.get("collateral", cid)["verified_on"] == "2026-12-08"
    other = received(store, title="Other", status="review", proposed_by=REP)
    try:
        library.decline(other, "  ")
    except ValueError as exc:
        assert "Say why" in str(exc)
    else:
        raise AssertionError("an empty comment declined a proposal")
    assert store.get("collateral", other)["status"] == "review"  # nothing written
    library.decline(other, " Old logo ")
    row = store.get("collateral", other)
    assert (row["status"], row["review_comment"]) == ("declined", "Old logo")
    published = library.publish({"title": "Now", "status": "approved"})
    assert store.get("collateral", published)["verified_on"] == dt.date.today().isoformat()


def test_the_proposer_is_told_of_each_answer_once_and_marketing_of_new_proposals(library, store):
    assert library.take_notices(REP) == []
    assert library.take_notices(None, marketing=True) == []
    cid = received(store, title="My deck", status="review", proposed_by=REP)
    [new] = library.take_notices(None, marketing=True)
    assert (new.kind, new.text) == ("new_proposal", "My deck")
    assert library.take_notices(REP) == []  # still in review: no news
    library.decline(cid, "Too long")
    [told] = library.take_notices(REP)
    assert (told.kind, told.text) == ("proposal", "My deck: declined (Too long)")
    assert library.take_notices(REP) == []
    library.approve(cid)
    assert [n.text for n in library.take_notices(REP)] == ["My deck: approved"]


def test_stale_items_with_their_reasons_and_the_period_from_the_hub(library, store):
    today = "2026-12-07"
    fresh = received(store, title="Fresh", verified_on="2026-12-01")
    old = received(store, title="Old", verified_on="2026-05-01")
    received(store, "collateral_usage", collateral_id=fresh, action="opened",
             at="2026-12-05T10:00:00Z")
    received(store, "collateral_usage", collateral_id=old, action="opened",
             at="2026-08-01T10:00:00Z")
    received(store, title="Draft", status="draft", verified_on="2020-01-01")
    found = library.stale([fresh, old], today=today)
    assert found == {old: (Stale("not_verified", dt.date(2026, 5, 1)),
                           Stale("unused", dt.date(2026, 8, 1)))}
    store.set_state(HUB_SETTINGS_KEY, {"collateral_verify_days": "3"})
    assert library.verify_period() == 3
    assert library.stale([fresh], today=today) == {
        fresh: (Stale("not_verified", dt.date(2026, 12, 1)),)}


def test_made_on_reads_the_day_from_a_time_ordered_id():
    assert made_on(new_id()) == dt.datetime.now(dt.UTC).date()
    assert made_on("not-an-id") is None
    assert made_on("6ba7b810-9dad-11d1-80b4-00c04fd430c8") is None  # a version 1 UUID
