"""The debriefs store: drafts, submits, the feed's filters, replies with read marks, reason lists."""

from __future__ import annotations

import pytest

from desktop.store.debriefs import DebriefFilter
from fieldnote.ids import new_id
from fieldnote.validation import ValidationFailed
from tests.desktop.debriefs.conftest import MARKETER, REP, debrief


def test_a_draft_without_an_account_is_kept_as_typed_and_not_queued(debriefs, store):
    rid = new_id()
    result = debriefs.autosave(rid, {"account": "", "notes": "they liked the demo"}, REP["id"])
    assert result.kept_as == "form"
    assert debriefs.unsaved_forms() == [(rid, {"account": "", "notes": "they liked the demo"})]
    assert store.get("debrief", rid) is None
    assert store.outbox_counts()["pending"] == 0


def test_a_draft_with_an_account_becomes_a_queued_draft_record(debriefs, store):
    rid = new_id()
    debriefs.autosave(rid, {"notes": "x"}, REP["id"])
    result = debriefs.autosave(rid, debrief(notes="x", objections=[" price ", "Price", ""]), REP["id"])
    assert result.kept_as == "record"
    row = store.get("debrief", rid)
    assert row["status"] == "draft" and row["author_id"] == REP["id"]
    assert row["objections"] == ["price"]
    assert debriefs.unsaved_forms() == []
    assert store.outbox_counts()["pending"] == 1


def test_repeated_autosaves_fold_into_one_queued_change(debriefs, store):
    rid = new_id()
    for i in range(5):
        debriefs.autosave(rid, debrief(notes=f"take {i}"), REP["id"])
    assert store.outbox_counts()["pending"] == 1
    assert store.outbox_entries()[0]["fields"]["notes"] == "take 4"


def test_clearing_the_account_of_a_draft_keeps_the_form_and_shows_it_on_reopen(debriefs, store):
    rid = new_id()
    debriefs.autosave(rid, debrief(notes="first"), REP["id"])
    debriefs.autosave(rid, debrief(account="", notes="second"), REP["id"])
    assert store.get("debrief", rid)["account"] == "Acme Freight"
    assert debriefs.form_values(rid)["notes"] == "second"


def test_submit_reports_every_bad_field(debriefs):
    with pytest.raises(ValidationFailed) as caught:
        debriefs.submit(new_id(), {"account": " ", "call_date": "20/11/2026", "outcome": "maybe"})
    fields = {e.field for e in caught.value.errors}
    assert fields == {"account", "call_date", "outcome"}


def test_submit_rejects_a_follow_up_before_the_call_and_a_call_in_the_future(debriefs):
    with pytest.raises(ValidationFailed) as caught:
        debriefs.submit(new_id(), debrief(call_date="2099-01-01", follow_up_on="2098-12-01"))
    messages = {e.field: e.message for e in caught.value.errors}
    assert "future" in messages["call_date"]
    assert "before the call date" in messages["follow_up_on"]


def test_collateral_used_items_need_an_id_and_a_yes_no_verdict(debriefs):
    with pytest.raises(ValidationFailed) as caught:
        debriefs.submit(new_id(), debrief(collateral_used=[{"collateral_id": "x", "helpful": "yes"}]))
    assert [e.field for e in caught.value.errors] == ["collateral_used", "collateral_used"]


def test_a_submitted_debrief_is_not_turned_back_into_a_draft_by_autosave(debriefs):
    rid = debriefs.submit(new_id(), debrief(), REP["id"])
    with pytest.raises(ValidationFailed):
        debriefs.autosave(rid, debrief(notes="late"), REP["id"])


def test_the_feed_shows_submitted_debriefs_newest_call_first(debriefs):
    old = debriefs.submit(new_id(), debrief(call_date="2026-10-01"), REP["id"])
    new = debriefs.submit(new_id(), debrief(call_date="2026-11-01"), REP["id"])
    draft = new_id()
    debriefs.autosave(draft, debrief(), REP["id"])
    assert debriefs.ids(DebriefFilter()) == [new, old]
    assert set(debriefs.ids(DebriefFilter(scope="mine", user_id=REP["id"]))) == {old, new, draft}
    assert debriefs.ids(DebriefFilter(scope="mine", user_id=MARKETER["id"])) == []


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"outcome": "won"}, {"b"}),
        ({"objection": "TIMING"}, {"b"}),
        ({"competitor": "zeta"}, {"a"}),
        ({"search": "reconcil"}, {"b"}),
        ({"since": "2026-11-10"}, {"b"}),
        ({"until": "2026-11-10"}, {"a"}),
        ({"rep_id": "01900000-0000-7000-8000-00000000cccc"}, {"b"}),
        ({"team": "west"}, {"b"}),
        ({"collateral_id": "01900000-0000-7000-8000-0000000000c1"}, {"a"}),
    ],
)
def test_the_feed_filters(debriefs, store, criteria, expected):
    store.save("user", {"name": "Wes West", "role": "rep", "team": "west"},
               "01900000-0000-7000-8000-00000000cccc")
    ids = {
        "a": debriefs.submit(new_id(), debrief(
            call_date="2026-11-01", collateral_used=[
                {"collateral_id": "01900000-0000-7000-8000-0000000000c1", "helpful": True}]), REP["id"]),
        "b": debriefs.submit(new_id(), debrief(
            call_date="2026-11-15", outcome="won", objections=["Timing"], competitors=["Omega"],
            pain_points="Manual reconciliation every month"), "01900000-0000-7000-8000-00000000cccc"),
    }
    found = set(debriefs.ids(DebriefFilter(**criteria)))
    assert found == {ids[k] for k in expected}


def test_replies_from_others_are_unread_until_marked_read(debriefs, store):
    rid = debriefs.submit(new_id(), debrief(), REP["id"])
    debriefs.add_comment(rid, "My own note", REP["id"])
    # A marketer's reply arriving by sync is a row with no local read mark.
    store.save("debrief_comment", {"debrief_id": rid, "body": "Great call!",
                                   "created_at": "2026-11-21T09:00:00Z"},
               local_fields={"author_id": MARKETER["id"]})
    row = debriefs.rows([rid])[rid]
    assert (row["_comments"], row["_unread"]) == (2, 1)
    assert debriefs.unread_total(DebriefFilter(scope="mine", user_id=REP["id"])) == 1
    assert debriefs.mark_read(rid) == 1
    assert debriefs.rows([rid])[rid]["_unread"] == 0
    assert [c["body"] for c in debriefs.comments(rid)] == ["Great call!", "My own note"]


def test_reason_lists_are_replaced_not_duplicated(debriefs, store):
    first = debriefs.save_reason_list("why_buy", ["Price", " price", "Support"], MARKETER["id"])
    second = debriefs.save_reason_list("why_buy", ["Support", "Integrations"], MARKETER["id"])
    assert first == second
    assert debriefs.reason_lists() == {"why_buy": ["Support", "Integrations"]}


def test_add_many_queues_the_good_ones_and_names_the_bad_ones_by_index(debriefs, store):
    report = debriefs.add_many([debrief(), {"call_date": "2026-11-01"}, "text", debrief(extra=1)])
    assert [i for i, _ in report.saved] == [0]
    assert {i: [e.field for e in errs] for i, errs in report.rejected} == {
        1: ["account"], 2: ["debrief"], 3: ["extra"]}
    assert store.count("debrief") == 1


def test_adding_the_same_debrief_with_its_id_twice_does_not_duplicate_it(debriefs, store):
    rid = new_id()
    debriefs.add_many([{**debrief(), "id": rid}])
    debriefs.add_many([{**debrief(notes="more"), "id": rid}])
    assert store.count("debrief") == 1
    assert store.get("debrief", rid)["notes"] == "more"


def test_completions_come_from_past_debriefs_and_lead_companies(debriefs, store):
    store.save("lead", {"last_name": "Okafor", "company": "Zenith Labs", "captured_at": "2026-11-01T10:00:00Z"})
    debriefs.submit(new_id(), debrief(objections=["Price", "Timing"]))
    assert debriefs.accounts() == ["Acme Freight", "Zenith Labs"]
    assert debriefs.tag_values("objections") == ["Price", "Timing"]
    assert [label for _id, label in debriefs.lead_choices("zenith")] == ["Okafor — Zenith Labs"]


def test_an_impossible_date_is_named_as_such(debriefs):
    with pytest.raises(ValidationFailed) as caught:
        debriefs.submit(new_id(), debrief(call_date="2026-02-30"))
    assert caught.value.errors[0].message == "is not a real date (2026-02-30)"
