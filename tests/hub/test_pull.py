"""Pull through real HTTP: whole states, pages and cursors, 410, visibility tombstones."""

from __future__ import annotations

import base64

from fieldnote.ids import new_id
from tests.hub.client import SyncClient, lead_fields, mutation
from tests.support.live_hub import LiveHub


def test_pull_pages_through_everything_once_in_version_order(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    ids = [new_id() for _ in range(25)]
    rep.push(*[mutation("lead", i, lead_fields(last_name=f"L{n}")) for n, i in enumerate(ids)])
    cursor, seen, pages = None, [], 0
    while True:
        page = rep.pull_page(cursor, limit=7).json()
        pages += 1
        versions = [c["version"] for c in page["changes"]]
        assert versions == sorted(versions)
        seen.extend(c["record_id"] for c in page["changes"] if c["kind"] == "lead")
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert pages >= 4
    assert sorted(seen) == sorted(ids)
    # Nothing new: the cursor stays good and gives an empty page.
    empty = rep.pull_page(cursor).json()
    assert empty == {"changes": [], "cursor": cursor, "has_more": False,
                     "settings": {"currency": "EUR", "service_level_hot": "24h",
                                  "service_level_warm": "72h", "service_level_cold": "7d",
                                  "collateral_verify_days": "180"}}


def test_a_pull_after_a_cursor_returns_only_later_changes_as_whole_states(
    people: dict[str, SyncClient],
) -> None:
    rep = people["rep"]
    lead_id = new_id()
    version = rep.push_one("lead", lead_id, lead_fields(company="Acme"))["version"]
    _, cursor = rep.pull_all()
    rep.push_one("lead", lead_id, {"title": "CTO"}, base=version)
    changes, _ = rep.pull_all(cursor)
    assert list(changes) == [("lead", lead_id)]
    fields = changes[("lead", lead_id)]["fields"]
    assert (fields["company"], fields["title"], fields["last_name"]) == ("Acme", "CTO", "Silva")


def test_an_unknown_cursor_is_gone(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    _, cursor = rep.pull_all()
    foreign = base64.urlsafe_b64encode(b"0123456789abcdef0123456789abcdef:5").decode().rstrip("=")
    for bad in (foreign, "not-a-cursor!", base64.urlsafe_b64encode(b"x").decode()):
        answer = rep.pull_page(bad)
        assert answer.status_code == 410
        assert answer.headers["content-type"].startswith("application/problem+json")
        assert answer.json()["status"] == 410
    # A cursor from the future of this database is unknown too.
    epoch, seq, mark = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode().split(":")
    future = base64.urlsafe_b64encode(f"{epoch}:{int(seq) + 1000}:{mark}".encode()).decode()
    assert rep.pull_page(future).status_code == 410
    # A cursor made for another reach (the user's role or team changed since) is unknown; one
    # from before cursors carried a reach is taken as it is.
    other = base64.urlsafe_b64encode(f"{epoch}:{seq}:{'0' * 12}".encode()).decode()
    assert rep.pull_page(other).status_code == 410
    older = base64.urlsafe_b64encode(f"{epoch}:{seq}".encode()).decode()
    assert rep.pull_page(older).status_code == 200
    # Another user's cursor is made for their reach, not this one's.
    assert people["rep2"].pull_page(cursor).status_code == 410


def test_retired_collateral_arrives_as_a_tombstone_for_reps(people: dict[str, SyncClient]) -> None:
    rep, marketer = people["rep"], people["marketer"]
    cid = new_id()
    version = marketer.push_one("collateral", cid, {"title": "Sheet", "status": "approved"})["version"]
    seen, cursor = rep.pull_all()
    assert seen[("collateral", cid)]["deleted"] is False
    marketer.push_one("collateral", cid, {"status": "retired"}, base=version)
    changes, _ = rep.pull_all(cursor)
    assert changes[("collateral", cid)]["deleted"] is True
    assert changes[("collateral", cid)]["fields"] == {}
    # The marketer still sees it, retired.
    assert marketer.visible("collateral")[("collateral", cid)]["fields"]["status"] == "retired"
    assert ("collateral", cid) not in rep.visible()


def test_collateral_for_another_team_is_not_seen(people: dict[str, SyncClient]) -> None:
    rep, rep2, marketer = people["rep"], people["rep2"], people["marketer"]
    cid = new_id()
    version = marketer.push_one(
        "collateral", cid, {"title": "East only", "status": "approved", "audience": ["east"]}
    )["version"]
    assert ("collateral", cid) in rep.visible()
    assert ("collateral", cid) not in rep2.visible()
    _, cursor_east = rep.pull_all()
    marketer.push_one("collateral", cid, {"audience": ["west"]}, base=version)
    assert rep.pull_all(cursor_east)[0][("collateral", cid)]["deleted"] is True
    assert ("collateral", cid) in rep2.visible()


def test_a_reassigned_lead_leaves_its_old_owner(people: dict[str, SyncClient]) -> None:
    rep, rep2, marketer = people["rep"], people["rep2"], people["marketer"]
    lead_id = new_id()
    version = rep.push_one("lead", lead_id, lead_fields())["version"]
    _, cursor = rep.pull_all()
    answer = marketer.push_one("lead", lead_id, {"owner_id": rep2.id}, base=version)
    assert answer["status"] == "applied"
    assert rep.pull_all(cursor)[0][("lead", lead_id)]["deleted"] is True
    assert rep2.visible("lead")[("lead", lead_id)]["fields"]["owner_id"] == rep2.id


def test_a_deleted_record_arrives_as_a_tombstone(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    lead_id = new_id()
    version = rep.push_one("lead", lead_id, lead_fields())["version"]
    _, cursor = rep.pull_all()
    assert rep.push_one("lead", lead_id, op="delete", base=version)["status"] == "applied"
    changes, _ = rep.pull_all(cursor)
    assert changes[("lead", lead_id)]["deleted"] is True
    assert rep.push_one("lead", lead_id, {"notes": "back?"})["status"] == "rejected"


def test_draft_debriefs_stay_with_their_author(people: dict[str, SyncClient]) -> None:
    rep, marketer, manager = people["rep"], people["marketer"], people["manager"]
    did = new_id()
    version = rep.push_one("debrief", did, {"account": "Acme", "call_date": "2026-11-20",
                                             "status": "draft"})["version"]
    assert ("debrief", did) in rep.visible()
    assert ("debrief", did) not in marketer.visible()
    assert ("debrief", did) not in manager.visible()
    rep.push_one("debrief", did, {"status": "submitted"}, base=version)
    assert ("debrief", did) in marketer.visible()
    assert ("debrief", did) in manager.visible()
    assert ("debrief", did) not in people["rep2"].visible()


def test_outcomes_follow_their_lead_to_a_new_owner(people: dict[str, SyncClient]) -> None:
    rep, rep2, marketer = people["rep"], people["rep2"], people["marketer"]
    lead_id, outcome_id = new_id(), new_id()
    version = rep.push_one("lead", lead_id, lead_fields())["version"]
    # Recorded by the marketer; an outcome's own author keeps seeing it wherever the lead goes.
    marketer.push_one("lead_outcome", outcome_id, {"lead_id": lead_id, "status": "meeting"})
    _, cursor = rep.pull_all()
    assert ("lead_outcome", outcome_id) not in rep2.visible()
    marketer.push_one("lead", lead_id, {"owner_id": rep2.id}, base=version)
    changes, _ = rep.pull_all(cursor)
    assert changes[("lead_outcome", outcome_id)]["deleted"] is True
    assert ("lead_outcome", outcome_id) in rep2.visible()


def test_comments_on_a_draft_become_visible_when_it_is_submitted(
    people: dict[str, SyncClient],
) -> None:
    rep, marketer = people["rep"], people["marketer"]
    did, cid = new_id(), new_id()
    version = rep.push_one("debrief", did, {"account": "Acme", "call_date": "2026-11-20",
                                             "status": "draft"})["version"]
    rep.push_one("debrief_comment", cid, {"debrief_id": did, "body": "note to self"})
    assert ("debrief_comment", cid) not in marketer.visible()
    rep.push_one("debrief", did, {"status": "submitted"}, base=version)
    assert ("debrief_comment", cid) in marketer.visible()


def test_expired_collateral_leaves_reps_but_stays_with_marketers(
    people: dict[str, SyncClient],
) -> None:
    import datetime as dt

    from hub.feed import sweep_expired_collateral

    rep, marketer = people["rep"], people["marketer"]
    cid = new_id()
    marketer.push_one("collateral", cid, {"title": "Price list", "status": "approved",
                                          "expires_on": "2099-12-31"})
    _, cursor = rep.pull_all()
    assert sweep_expired_collateral(rep.hub.engine, today=dt.date(2100, 1, 1)) == 1
    assert rep.pull_all(cursor)[0][("collateral", cid)]["deleted"] is True
    assert ("collateral", cid) in marketer.visible()
    already_past = new_id()
    marketer.push_one("collateral", already_past, {"title": "Old", "status": "approved",
                                                   "expires_on": "2001-01-01"})
    assert ("collateral", already_past) not in rep.visible()


def test_reps_see_collateral_under_review_but_not_drafts(people: dict[str, SyncClient]) -> None:
    rep, manager, marketer = people["rep"], people["manager"], people["marketer"]
    draft, review = new_id(), new_id()
    marketer.push_one("collateral", draft, {"title": "Draft", "status": "draft"})
    marketer.push_one("collateral", review, {"title": "Review", "status": "review"})
    assert ("collateral", review) in rep.visible()
    assert ("collateral", draft) not in rep.visible()
    assert {("collateral", draft), ("collateral", review)} <= set(manager.visible())


def test_a_record_back_in_an_audience_it_left_is_seen_there_again(
    hub: LiveHub, people: dict[str, SyncClient]
) -> None:
    rep, rep2, marketer = people["rep"], people["rep2"], people["marketer"]
    user = hub.add_user("rep3@test.fieldnote", "Rep3", "rep", "north")
    north = SyncClient(hub, hub.client("rep3@test.fieldnote"), user)
    cid = new_id()
    version = marketer.push_one("collateral", cid, {
        "title": "Two teams", "status": "approved", "audience": ["east", "north"]})["version"]
    _, cursor_east = rep.pull_all()
    _, cursor_north = north.pull_all()
    version = marketer.push_one("collateral", cid, {"audience": ["west"]}, base=version)["version"]
    assert rep.pull_all(cursor_east)[0][("collateral", cid)]["deleted"] is True
    assert north.pull_all(cursor_north)[0][("collateral", cid)]["deleted"] is True
    _, cursor_west = rep2.pull_all()
    back = marketer.push_one("collateral", cid, {"audience": ["east", "west"]}, base=version)
    # East sees it again; a full resync in pages of one change shows east no tombstone of it
    # on the way. North still has only its tombstone; west keeps it.
    assert rep.pull_all(cursor_east)[0][("collateral", cid)]["deleted"] is False
    seen, cursor = [], None
    while True:
        page = rep.pull_page(cursor, limit=1).json()
        seen += [(c["version"], c["deleted"]) for c in page["changes"] if c["record_id"] == cid]
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    assert seen == [(back["version"], False)]
    assert north.pull_all()[0][("collateral", cid)]["deleted"] is True
    assert ("collateral", cid) not in north.visible()
    assert rep2.pull_all(cursor_west)[0][("collateral", cid)]["deleted"] is False
    for client in (rep, rep2, north, marketer):
        assert client.digest()["count"] == len(client.visible())
