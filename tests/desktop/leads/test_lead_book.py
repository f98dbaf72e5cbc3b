"""LeadBook over a real SQLite store: filters, latest status, duplicates, imports, rubric versions."""

from __future__ import annotations

import pytest

from desktop.store.leads import STATUS_NEW, LeadBook, LeadFilter
from fieldnote.scoring import DEMO_RUBRIC_ID, needs_rescore
from tests.desktop.leads.conftest import EVENT_ID, add_event

OTHER_EVENT = "01930000-0000-7000-8000-0000000000e2"


@pytest.fixture
def store(tmp_path):
    from desktop.store import open_store

    s = open_store(tmp_path / "fieldnote.sqlite3")
    yield s
    s.engine.dispose()


def lead(store, last, **fields):
    values = {"last_name": last, "captured_at": "2026-04-20T10:00:00Z", **fields}
    return store.save("lead", values).record_id


def test_filters_combine_grade_qualified_event_owner_and_dates(store):
    book = LeadBook(store)
    add_event(store)
    a = lead(store, "Aho", event_id=EVENT_ID, grade="hot", qualified=True)
    b = lead(store, "Berg", event_id=EVENT_ID, grade="cold", captured_at="2026-04-21T09:00:00Z")
    c = store.save("lead", {"last_name": "Cruz", "captured_at": "2026-04-22T09:00:00Z"},
                   local_fields={"owner_id": "01930000-0000-7000-8000-0000000000a1"}).record_id
    assert set(book.ids(LeadFilter(event_id=EVENT_ID))) == {a, b}
    assert book.ids(LeadFilter(grade="hot")) == [a]
    assert book.ids(LeadFilter(qualified=True)) == [a]
    assert set(book.ids(LeadFilter(qualified=False))) == {b, c}
    assert book.ids(LeadFilter(owner_id="01930000-0000-7000-8000-0000000000a1")) == [c]
    assert book.ids(LeadFilter(date_from="2026-04-21", date_to="2026-04-21")) == [b]
    assert book.ids(LeadFilter(search="cru")) == [c]


def test_status_is_the_latest_outcome_and_filters_and_sorts(store):
    book = LeadBook(store)
    a, b, c = (lead(store, n) for n in ("Aho", "Berg", "Cruz"))
    book.add_outcome(a, "contacted")
    book.add_outcome(a, "won", amount=12000)
    book.add_outcome(b, "contacted")
    rows = book.rows([a, b, c])
    assert (rows[a]["status"], rows[b]["status"], rows[c]["status"]) == ("won", "contacted", None)
    assert book.ids(LeadFilter(status="won")) == [a]
    assert book.ids(LeadFilter(status="contacted")) == [b]
    assert book.ids(LeadFilter(status=STATUS_NEW)) == [c]
    assert book.ids(order=("status", False)) == [c, b, a]
    assert [o["status"] for o in book.outcomes(a)] == ["contacted", "won"]


def test_sorting_by_name_grade_and_event_happens_in_sql(store):
    book = LeadBook(store)
    add_event(store)
    add_event(store, OTHER_EVENT, name="CES Las Vegas", rubric=False)
    a = lead(store, "Zeta", grade="cold", event_id=EVENT_ID)
    b = lead(store, "alpha", grade="hot", event_id=OTHER_EVENT)
    assert book.ids(order=("name", False)) == [b, a]
    assert book.ids(order=("grade", True)) == [b, a]
    assert book.ids(order=("event", False)) == [b, a]


def test_a_searchs_first_screen_is_the_start_of_its_whole_list_or_none(store, monkeypatch):
    """`first_ids` answers a search newest first from the newest leads only: whenever it
    answers, it is exactly the start of `ids`; matches that are rare or all old give None."""
    import random

    import desktop.store.leads as leads_module

    monkeypatch.setattr(leads_module, "RECENT_PER_ID", 3)
    rng = random.Random(7)
    book = LeadBook(store)
    with store.engine.begin() as conn:
        for i in range(120):
            # Few distinct capture times: ties are ordered by id, also at the window's edge.
            store.save_in(conn, leads_module.LEAD, {
                "last_name": rng.choice(["Silva", "Berg", "Silvano", "Kim"]) + str(i % 7),
                "company": "Old Co" if i < 40 else rng.choice(["Acme", "Zenith"]),
                "captured_at": f"2026-04-{10 + i // 12:02d}T10:00:00Z"})
    store.delete("lead", book.ids(LeadFilter(search="silva"))[2])  # a deleted one is no match
    answered = 0
    for search in ("silva", "acme", "zenith", "berg", "kim3", "old co", "silvano", "nobody"):
        whole = book.ids(LeadFilter(search=search))
        for limit in (1, 5, 12):
            first = book.first_ids(LeadFilter(search=search), ("captured_at", True), limit)
            assert first is None or first == whole[:limit], (search, limit)
            answered += first is not None
    assert answered >= 8
    # Matches only among the oldest leads, or a rare word: the whole list answers instead.
    assert book.first_ids(LeadFilter(search="old co"), ("captured_at", True), 5) is None
    assert book.first_ids(LeadFilter(search="nobody"), ("captured_at", True), 5) is None
    # Oldest first, another order or another filter beside the search: not from the index.
    assert book.first_ids(LeadFilter(search="silva"), ("captured_at", False), 5) is None
    assert book.first_ids(LeadFilter(search="silva"), ("name", True), 5) is None
    assert book.first_ids(LeadFilter(search="silva", grade="hot"), ("captured_at", True), 5) is None
    # Without a search, capture-time order always comes from its index.
    assert book.first_ids(LeadFilter(), ("captured_at", False), 5) == book.ids(
        order=("captured_at", False))[:5]


def test_exact_duplicates_are_found_at_the_same_event_only(store):
    book = LeadBook(store)
    add_event(store)
    existing = lead(store, "Silva", email="Ana@Zenith.example", event_id=EVENT_ID, badge_id="B-1")
    same_email = book.duplicates({"email": "ana@zenith.example", "event_id": EVENT_ID})
    assert [m.lead_id for m in same_email if m.exact] == [existing]
    same_badge = book.duplicates({"badge_id": "b-1", "event_id": EVENT_ID})
    assert [m.kind for m in same_badge] == ["same_badge"]
    assert not [m for m in book.duplicates({"email": "ana@zenith.example", "event_id": OTHER_EVENT})
                if m.exact]


def test_a_similar_name_at_the_same_company_is_a_likely_match(store):
    book = LeadBook(store)
    existing = lead(store, "Lindqvist", first_name="Eva", company="Nordic Freight AB")
    likely = book.duplicates({"first_name": "Eva", "last_name": "Lindquist", "company": "Nordic Freight"})
    assert [(m.lead_id, m.kind) for m in likely] == [(existing, "likely")]


def test_merging_keeps_both_sides(store):
    book = LeadBook(store)
    existing = lead(store, "Silva", email="ana@zenith.example", phone="+49301234567")
    book.merge(existing, {"last_name": "Silva", "email": "ana@zenith.example", "phone": "+4930999999",
                          "title": "CTO", "notes": "Wants a demo"})
    row = store.get("lead", existing)
    assert row["title"] == "CTO"
    assert row["phone"] == "+49301234567"
    assert "+4930999999" in row["notes"] and "Wants a demo" in row["notes"]
    assert store.count("lead") == 1


def test_importing_the_same_rows_twice_adds_nothing(store):
    book = LeadBook(store)
    add_event(store)
    rows = [(2, {"last_name": "Aho", "email": "aho@x.example"}), (3, {"last_name": "Berg", "badge_id": "77"}),
            (4, {"last_name": "Aho again", "email": "AHO@x.example"})]
    first = book.import_leads(EVENT_ID, rows)
    assert (first.imported, first.duplicates) == (2, 1)
    second = book.import_leads(EVENT_ID, rows)
    assert (second.imported, second.duplicates) == (0, 3)
    assert store.count("lead") == 2


def test_a_row_the_store_refuses_is_reported_by_line_and_the_rest_go_in(store):
    book = LeadBook(store)
    add_event(store)
    rows = [(2, {"last_name": "Aho"}), (3, {"company": "Only a company"}), (4, {"last_name": "Berg"})]
    summary = book.import_leads(EVENT_ID, rows)
    assert summary.imported == 2
    assert [line for line, _ in summary.problems] == [3]
    assert store.count("lead") == 2


def test_editing_a_rubric_makes_a_new_version_and_leaves_old_leads_alone(store):
    book = LeadBook(store)
    add_event(store)
    rubric = book.rubric(DEMO_RUBRIC_ID)
    from fieldnote.scoring import score_fields

    scored = score_fields(rubric, {"budget": "confirmed", "timeframe": "0-3m"})
    old = lead(store, "Aho", event_id=EVENT_ID, **scored)
    fields = dict(store.get("rubric", DEMO_RUBRIC_ID))
    questions = fields["questions"]
    questions[0]["options"][0]["points"] = 50
    book.save_rubric({"name": fields["name"], "questions": questions, "thresholds": fields["thresholds"],
                      "must_have": fields["must_have"]}, DEMO_RUBRIC_ID)
    new = book.rubric(DEMO_RUBRIC_ID)
    assert new.version == 2
    row = store.get("lead", old)
    assert (row["rubric_version"], row["score"]) == (1, scored["score"])
    assert needs_rescore(row, new)


def test_counts_today_and_at_the_event(store):
    book = LeadBook(store)
    add_event(store)
    from fieldnote.validation import utc_now_iso

    lead(store, "Aho", event_id=EVENT_ID, captured_at=utc_now_iso())
    lead(store, "Berg", event_id=EVENT_ID, captured_at="2020-01-01T10:00:00Z")
    assert book.counts(EVENT_ID) == (1, 2)


def test_find_event_by_name_ignoring_case_or_by_id(store):
    book = LeadBook(store)
    add_event(store)
    assert book.find_event("HANNOVER messe")["id"] == EVENT_ID
    assert book.find_event(EVENT_ID)["name"] == "Hannover Messe"
    assert book.find_event("Nope") is None


def test_reasons_come_from_marketing_lists_or_the_builtin_ones(store):
    book = LeadBook(store)
    assert "Price" in book.reasons("lost")
    store.save("reason_list", {"list": "lost", "items": ["Too expensive", "Went with rival"]})
    assert book.reasons("lost") == ["Too expensive", "Went with rival"]


def test_the_store_refuses_follow_up_without_consent_and_queues_nothing(store):
    from fieldnote.validation import ValidationFailed

    before = store.outbox_counts()["pending"]
    with pytest.raises(ValidationFailed) as refused:
        lead(store, "Berg", follow_up=True, consent_contact=False)
    assert [e.field for e in refused.value.errors] == ["follow_up"]
    assert "consent" in refused.value.describe()
    assert store.count("lead") == 0
    # An update may not take consent away while follow-up stays set.
    rid = lead(store, "Silva", follow_up=True, consent_contact=True)
    with pytest.raises(ValidationFailed):
        store.save("lead", {"consent_contact": False}, rid)
    assert store.get("lead", rid)["consent_contact"] is True
    assert store.outbox_counts()["pending"] == before + 1  # only the valid lead was queued
    book = LeadBook(store)
    with pytest.raises(ValidationFailed):
        book.save_capture({"last_name": "Cruz", "captured_at": "2026-04-20T10:00:00Z",
                           "follow_up": True})
    assert store.count("lead") == 1
