"""The library's queries: what a user may see, search ranking and highlights, facets, sorts,
marks, notices, requests and the files that wait for upload."""

from __future__ import annotations

from desktop.store.library_query import LibraryQuery
from tests.desktop.collateral.conftest import received


def titles(library, **query):
    ids = library.ids(LibraryQuery(**query))
    rows = library.rows(ids)
    return [rows[i]["title"] for i in ids]


def test_retired_expired_and_superseded_items_are_not_offered(store, library):
    received(store, title="Current sheet")
    received(store, title="Retired sheet", status="retired")
    received(store, title="Expired sheet", expires_on="2020-01-01")
    old = received(store, title="Price list 2026")
    received(store, title="Price list 2027", version=2, supersedes_id=old)
    received(store, title="Draft price list 2028", status="draft", version=3,
             supersedes_id=old)
    assert sorted(titles(library)) == ["Current sheet", "Price list 2027"]
    listed = {r["title"] for r in library.visible_items()}
    assert listed == {"Current sheet", "Price list 2027", "Draft price list 2028"}


def test_a_draft_new_version_does_not_hide_the_approved_one(store, library):
    old = received(store, title="Deck v1", kind="deck")
    received(store, title="Deck v2", kind="deck", version=2, supersedes_id=old, status="draft")
    assert titles(library) == ["Deck v1"]


def test_a_word_in_the_title_outranks_the_same_word_deep_in_the_text(store, library):
    received(store, title="Pipeline overview", text="latency " * 3 + "connectors")
    received(store, title="Connectors", summary="Every source we read")
    received(store, title="Brochure", text="… we also ship connectors for SAP")
    assert titles(library, search="connectors", sort="relevance") == [
        "Connectors", "Pipeline overview", "Brochure"]


def test_search_finds_prefixes_of_every_word_and_nothing_else(store, library):
    received(store, title="HIPAA one-pager", text="business associate agreement")
    received(store, title="Security overview", text="SOC 2 report")
    assert titles(library, search="associ agree") == ["HIPAA one-pager"]
    assert titles(library, search="hipaa soc") == []
    assert titles(library, search="   ") == titles(library)


def test_highlights_mark_the_matched_words_and_escape_the_rest(store, library):
    rid = received(store, title="R&D <beta> connectors",
                   text="Long text. The connectors page lists 240 sources.")
    [marked] = library.highlights([rid], "connectors").values()
    assert marked.title_html == "R&amp;D &lt;beta&gt; <b>connectors</b>"
    assert "<b>connectors</b>" in marked.snippet_html
    assert "<beta>" not in marked.snippet_html


def test_facets_count_kinds_and_tags_of_what_the_search_finds(store, library):
    received(store, title="A", kind="deck", tags=["product:Pipeline", "CDC"], text="latency")
    received(store, title="B", kind="deck", tags=["product:Pipeline"], text="latency")
    received(store, title="C", kind="case_study", tags=["industry:Healthcare"], text="latency")
    received(store, title="D", kind="case_study", tags=["industry:Healthcare"])
    facets = library.facets(LibraryQuery(search="latency", kind="deck"))
    assert facets.kinds == {"deck": 2, "case_study": 1}
    assert facets.tags["product"] == {"product:Pipeline": 2}
    assert facets.tags["industry"] == {"industry:Healthcare": 1}
    assert facets.tags["tag"] == {"CDC": 1}
    assert titles(library, tags=("product:Pipeline", "CDC")) == ["A"]
    assert titles(library, kind="case_study", search="latency") == ["C"]


def test_most_used_and_best_rated_orders(store, library):
    a = received(store, title="A")
    b = received(store, title="B")
    c = received(store, title="C")
    for _ in range(3):
        library.record_usage(b, "opened")
    library.record_usage(c, "shared")
    library.rate(a, 5)
    library.rate(c, 2)
    assert titles(library, sort="most_used") == ["B", "C", "A"]
    assert titles(library, sort="best_rated") == ["A", "C", "B"]
    rows = library.rows([a, b])
    assert (rows[a]["rating"], rows[a]["ratings"], rows[b]["uses"]) == (5.0, 1, 3)


def test_a_users_second_rating_replaces_the_first_in_the_average(store, library):
    me, other = "01972fde-7e80-7328-a2f3-a964fce864df", "01972fe0-5340-71d6-bbf1-76e0aa9d21de"
    cid = received(store, title="A")
    library.rate(cid, 2, "thin", author_id=me)
    library.rate(cid, 4, "better after the update", author_id=me)
    library.rate(cid, 5, author_id=other)
    row = library.rows([cid])[cid]
    assert (row["rating"], row["ratings"]) == (4.5, 2)
    assert library.my_feedback(cid, me)["rating"] == 4
    # Feedback is append-only: both of my ratings stay in the history, newest first.
    assert [(f["rating"], f["comment"]) for f in library.feedback(cid)] == [
        (5, None), (4, "better after the update"), (2, "thin")]


def test_new_since_the_last_visit(store, library):
    assert library.begin_visit("2026-11-20T00:00:00Z") is None
    received(store, title="Old", _at="2026-11-19T00:00:00Z")
    received(store, title="Fresh", _at="2026-11-21T00:00:00Z")
    previous = library.begin_visit("2026-11-22T00:00:00Z")
    assert previous == "2026-11-20T00:00:00Z"
    assert titles(library, only_new_since=previous) == ["Fresh"]
    assert library.new_count(previous) == 1


def test_pins_are_local_marks_and_name_the_files_to_keep(store, library):
    sha = "a" * 64
    cid = received(store, title="A", file_sha256=sha)
    library.set_pinned(cid, True)
    assert library.rows([cid])[cid]["pinned"] is True
    assert library.pinned_blobs() == {sha}
    assert store.outbox_counts()["pending"] == 0  # pins never travel
    library.set_pinned(cid, False)
    assert library.pinned_blobs() == set()


def test_notices_tell_of_withdrawn_items_and_answered_requests_once(store, library):
    me = "01972fde-7e80-7328-a2f3-a964fce864df"
    keep = received(store, title="Stays")
    gone = received(store, title="Goes away")
    old = received(store, title="Price list 2026")
    req = received(store, "collateral_request", title="Sheet for the show", status="open", author_id=me)
    assert library.take_notices(me) == []  # the first look only remembers
    store.save("collateral", {"status": "retired"}, gone)
    received(store, title="Price list 2027", version=2, supersedes_id=old)
    store.save("collateral_request", {"status": "accepted", "response": "On it"}, req)
    notices = library.take_notices(me)
    assert sorted((n.kind, n.text) for n in notices) == [
        ("removed", "Goes away"), ("request", "Sheet for the show: accepted")]
    assert library.take_notices(me) == []
    assert keep


def test_requests_are_sorted_by_the_date_they_are_needed(store, library):
    library.ask({"title": "Later", "needed_by": "2027-03-01"})
    library.ask({"title": "Undated"})
    library.ask({"title": "Soon", "needed_by": "2027-01-10"})
    assert [r["title"] for r in library.requests()] == ["Soon", "Later", "Undated"]
    assert {r["status"] for r in library.requests()} == {"open"}


def test_delivering_a_request_needs_the_item(store, library):
    rid = library.ask({"title": "Sheet"})
    cid = received(store, title="Sheet for X")
    try:
        library.answer_request(rid, "delivered", "here")
    except ValueError as exc:
        assert "published item" in str(exc)
    else:
        raise AssertionError("delivering without an item was accepted")
    library.answer_request(rid, "delivered", "Here it is", cid)
    assert store.get("collateral_request", rid)["collateral_id"] == cid


def test_files_of_queued_collateral_wait_for_upload_in_queue_order(store, library):
    first = library.publish({"title": "One", "file_sha256": "1" * 64, "file_size": 10})
    library.publish({"title": "Two", "file_sha256": "2" * 64, "file_size": 20})
    library.publish({"title": "Again one", "file_sha256": "1" * 64, "file_size": 10})
    waiting = library.pending_uploads()
    assert [(w["sha256"], w["record_id"]) for w in waiting] == [("1" * 64, first), ("2" * 64, waiting[1]["record_id"])]


def test_a_new_version_carries_the_metadata_and_counts_up(store, library):
    old = received(store, title="Deck", kind="deck", tags=["product:Pipeline"], audience=["west"])
    new = library.new_version(old, {"file_sha256": "b" * 64, "status": "approved"})
    row = store.get("collateral", new)
    assert (row["version"], row["supersedes_id"], row["tags"], row["audience"]) == (
        2, old, ["product:Pipeline"], ["west"])
    assert [r["id"] for r in library.history(old)] == [new, old]
    assert titles(library) == ["Deck"]
    assert library.ids(LibraryQuery()) == [new]


def test_marketing_hears_of_requests_that_reached_the_queue_once(store, library):
    me = "01972fde-7e80-7328-a2f3-a964fce864df"
    received(store, "collateral_request", title="Old request", status="open",
             author_id="01972fe0-5340-71d6-bbf1-76e0aa9d21de")
    assert library.take_notices(me, marketing=True) == []
    received(store, "collateral_request", title="Sheet for the show", status="open",
             author_id="01972fe0-5340-71d6-bbf1-76e0aa9d21de")
    notices = library.take_notices(me, marketing=True)
    assert [(n.kind, n.text) for n in notices] == [("new_request", "Sheet for the show")]
    assert library.take_notices(me, marketing=True) == []
