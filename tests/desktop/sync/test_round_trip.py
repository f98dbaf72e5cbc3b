"""Round trips through a real hub on loopback: push, pull, digest, conflicts, resync."""

from __future__ import annotations

from sqlalchemy import update

from desktop.store.schema import outbox
from desktop.sync.state import Outcome

LEAD = {"last_name": "Silva", "email": "ana@example.com", "captured_at": "2026-11-24T10:15:00Z"}


def test_a_lead_captured_on_one_device_reaches_a_marketer(make_device):
    rep = make_device("rep")
    marketer = make_device("marketer", "marketer@example.com")
    rid = rep.store.save("lead", LEAD).record_id
    report = rep.run()
    assert report.outcome is Outcome.OK, report.message
    assert (report.pushed, report.applied, report.waiting) == (1, 1, 0)
    assert report.digest_matched
    assert rep.store.get("lead", rid)["rev"] > 0
    seen = marketer.run()
    assert seen.outcome is Outcome.OK, seen.message
    assert seen.digest_matched
    assert marketer.store.get("lead", rid)["last_name"] == "Silva"


def test_a_second_cycle_sends_nothing_and_changes_nothing(make_device):
    rep = make_device("rep")
    rep.store.save("lead", LEAD)
    rep.run()
    again = rep.run()
    assert (again.outcome, again.pushed, again.full_resync) == (Outcome.OK, 0, False)
    assert again.digest_matched


def test_an_edit_made_while_the_first_push_is_in_flight_does_not_conflict_with_itself(make_device):
    rep = make_device("rep")
    rid = rep.store.save("lead", LEAD).record_id
    # The first push was sent, and its answer lost; meanwhile the rep edits the lead again.
    rep.sync.take_batch()
    rep.store.save("lead", {"notes": "second thought"}, rid)
    report = rep.run()
    assert report.outcome is Outcome.OK, report.message
    assert report.conflicts == 0
    assert rep.sync.conflicts() == []
    assert report.digest_matched


def test_two_devices_of_one_rep_editing_one_field_see_a_resolvable_conflict(make_device):
    laptop = make_device("laptop")
    tablet = make_device("tablet")
    rid = laptop.store.save("lead", LEAD).record_id
    laptop.run()
    tablet.run()
    laptop.store.save("lead", {"company": "Acme Ltd"}, rid)
    tablet.store.save("lead", {"company": "ACME Corporation"}, rid)
    laptop.run()
    report = tablet.run()
    assert report.conflicts == 1
    laptop.run()
    [conflict] = laptop.sync.conflicts()
    assert (conflict.field, conflict.yours, conflict.theirs) == (
        "company", "ACME Corporation", "Acme Ltd")
    laptop.sync.resolve_conflict(conflict.id, "theirs")
    assert laptop.run().outcome is Outcome.OK
    tablet.run()
    assert tablet.sync.conflicts() == []
    assert tablet.store.get("lead", rid)["company"] == "Acme Ltd"
    assert laptop.store.get("lead", rid)["company"] == "Acme Ltd"


def test_a_rejected_change_needs_attention_and_can_be_fixed_and_resent(make_device):
    rep = make_device("rep")
    # A rep may not publish collateral: the hub rejects it, the record is kept.
    cid = rep.store.save("collateral", {"title": "My own sheet", "status": "approved"}).record_id
    lead = rep.store.save("lead", LEAD).record_id
    report = rep.run()
    assert report.outcome is Outcome.OK
    assert (report.rejected, report.applied, report.attention) == (1, 1, 1)
    [item] = rep.sync.attention_items()
    assert item.record_id == cid and item.title
    assert rep.store.get("collateral", cid) is not None
    rep.sync.discard(item.seq)
    assert rep.store.get("collateral", cid, include_deleted=True) is None
    assert rep.run().attention == 0
    assert rep.store.get("lead", lead)["rev"] > 0


def test_fixing_a_rejected_lead_and_resending_gets_it_applied(make_device):
    rep = make_device("rep")
    marketer = make_device("marketer", "marketer@example.com")
    rid = rep.store.save("lead", LEAD).record_id
    # Queued by an app from before the consent rule: a follow-up asked for without consent.
    with rep.store.engine.begin() as conn:
        conn.execute(update(outbox).where(outbox.c.record_id == rid).values(
            fields={**LEAD, "follow_up": True, "consent_contact": False}))
    report = rep.run()
    assert (report.rejected, report.attention) == (1, 1), report.message
    [item] = rep.sync.attention_items()
    assert item.record_id == rid and "follow_up" in dict(item.errors)
    rep.sync.resend(item.seq, {"follow_up": False})
    again = rep.run()
    assert (again.applied, again.attention) == (1, 0), again.message
    assert rep.store.get("lead", rid)["rev"] > 0
    assert marketer.run().outcome is Outcome.OK
    assert marketer.store.get("lead", rid)["follow_up"] is False


def test_a_deleted_lead_disappears_on_the_other_device(make_device):
    rep = make_device("rep")
    marketer = make_device("marketer", "marketer@example.com")
    rid = rep.store.save("lead", LEAD).record_id
    rep.run()
    marketer.run()
    rep.store.delete("lead", rid)
    assert rep.run().outcome is Outcome.OK
    report = marketer.run()
    assert report.digest_matched
    assert marketer.store.get("lead", rid) is None


def test_a_forgotten_cursor_starts_a_full_resync_that_keeps_the_outbox(make_device):
    rep = make_device("rep")
    rep.store.save("lead", LEAD)
    rep.run()
    rep.sync.set("cursor", "bm90LWEtY3Vyc29yOjk5OTk")
    waiting = rep.store.save("lead", {**LEAD, "last_name": "Queued"}).record_id
    report = rep.run()
    assert report.outcome is Outcome.OK, report.message
    assert report.full_resync and report.digest_matched
    assert rep.store.get("lead", waiting)["rev"] > 0


def _stat_rows(store, table: str) -> int:
    with store.engine.connect() as conn:
        if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is None:
            return 0
        return int(conn.exec_driver_sql(
            "SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = ?", (table,)).scalar_one())


def test_a_cycle_gives_the_query_planner_statistics_when_the_store_has_none(make_device):
    rep = make_device("rep")
    for n in range(30):
        rep.store.save("lead", {**LEAD, "email": f"ana{n}@example.com"})
    assert _stat_rows(rep.store, "rec_lead") == 0
    assert rep.run().outcome is Outcome.OK
    # Sampled for every index of the leads.
    assert _stat_rows(rep.store, "rec_lead") >= 5
    with rep.store.engine.connect() as conn:
        plan = " ".join(str(r) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM rec_lead WHERE deleted = 0 AND email = 'x'"))
    assert "ix_rec_lead_email" in plan  # not the Insights index that starts with deleted


def _lead_rows_sampled(store) -> int:
    """How many leads the planner statistics counted (the first number of a lead index's row)."""
    with store.engine.connect() as conn:
        stat = conn.exec_driver_sql(
            "SELECT stat FROM sqlite_stat1 WHERE idx = 'ix_rec_lead_email'").scalar_one_or_none()
    return int(stat.split()[0]) if stat else 0


def test_the_statistics_are_sampled_again_once_enough_records_came_or_went(make_device):
    rep = make_device("rep")
    # Pushed and pulled both count (a device's own pushes come back in its pull).
    rep.engine.store.STATS_AFTER_MOVED = 5
    rep.store.save("lead", {**LEAD, "email": "first@example.com"})
    assert rep.run().outcome is Outcome.OK  # no statistics yet: sampled now
    assert _lead_rows_sampled(rep.store) == 1
    for n in range(2):
        rep.store.save("lead", {**LEAD, "email": f"more{n}@example.com"})
    rep.run()  # two pushed and pulled back since: four, not yet
    assert _lead_rows_sampled(rep.store) == 1
    rep.store.save("lead", {**LEAD, "email": "third@example.com"})
    rep.run()  # six since the last sample
    assert _lead_rows_sampled(rep.store) == 4
