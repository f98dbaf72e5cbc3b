"""Outcomes entered on two devices both survive sync through a real hub, in timeline order."""

from __future__ import annotations

from desktop.store.leads import LeadBook, LeadFilter
from desktop.sync.state import Outcome


def test_outcomes_from_the_rep_and_marketing_merge_into_one_timeline(make_device):
    rep = make_device("rep-laptop")
    marketer = make_device("marketer", "marketer@example.com")
    lead_id = rep.store.save("lead", {"last_name": "Okafor", "email": "chidi@zenith.example",
                                      "captured_at": "2026-11-24T10:15:00Z"}).record_id
    assert rep.run().outcome is Outcome.OK
    assert marketer.run().outcome is Outcome.OK
    rep_book, marketer_book = LeadBook(rep.store), LeadBook(marketer.store)
    # Both sides record an outcome offline, the rep first.
    rep_book.add_outcome(lead_id, "contacted", note="Called after the show")
    marketer_book.add_outcome(lead_id, "meeting", note="Demo booked for Tuesday")
    for device in (rep, marketer, rep):
        report = device.run()
        assert report.outcome is Outcome.OK, report.message
        assert report.conflicts == 0
    for book in (rep_book, marketer_book):
        timeline = [(o["status"], o["note"]) for o in book.outcomes(lead_id)]
        assert timeline == [("contacted", "Called after the show"), ("meeting", "Demo booked for Tuesday")]
        assert book.rows([lead_id])[lead_id]["status"] == "meeting"
        assert book.ids(LeadFilter(status="meeting")) == [lead_id]
