"""A device does not pull back the bodies of its own pushes (docs/protocol-extensions.md, "A
device's own changes"): it takes in what the hub answers at push time, its next pull brings
stubs it checks against its own copy, and anything it does not hold as the hub does comes whole.
All through a real hub on loopback."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.store.syncing import SyncStore
from desktop.sync.state import Outcome
from fieldnote.wire import PullResponse

LEAD = {"last_name": "Silva", "email": "ana@example.com", "captured_at": "2026-11-24T10:15:00Z"}


class PullLog:
    """Every pull a device's client makes: whether it named the device, and what came back."""

    def __init__(self, device: Any) -> None:
        self.calls: list[tuple[str | None, PullResponse, int]] = []
        client = device.engine.client
        real = client.pull

        def pull(cursor: str, limit: int = 1000, client_id: str | None = None) -> PullResponse:
            before = client.bytes_received
            page = real(cursor, limit, client_id)
            self.calls.append((client_id, page, client.bytes_received - before))
            return page

        client.pull = pull

    @property
    def changes(self) -> list[Any]:
        return [c for _, page, _ in self.calls for c in page.changes]

    @property
    def bytes(self) -> int:
        return sum(n for _, _, n in self.calls)

    @property
    def whole_again(self) -> int:
        """Pages asked for again without stubs."""
        return sum(1 for own, _, _ in self.calls if own is None)


def _leads(device: Any, n: int) -> list[str]:
    me = device.sync.get("user")["id"]
    return [device.store.save("lead", {**LEAD, "email": f"p{i}@example.com",
                                       "notes": "Met at the booth; wants a call. " * 4},
                              local_fields={"owner_id": me, "captured_by": me}).record_id
            for i in range(n)]


def _rows(device: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    return {rid: device.store.get("lead", rid) for rid in ids}


def test_after_its_push_a_device_pulls_back_stubs_and_rewrites_nothing(make_device):
    rep = make_device("rep")
    marketer = make_device("marketer", "marketer@example.com")
    ids = _leads(rep, 40)
    log = PullLog(rep)
    report = rep.run()
    assert report.outcome is Outcome.OK and report.digest_matched, report.message
    assert report.applied == 40
    own = [c for c in log.changes if c.kind == "lead"]
    assert len(own) == 40 and all(c.own and not c.fields for c in own)
    assert log.whole_again == 0
    settled = _rows(rep, ids)
    assert all(row["rev"] > 0 and row["owner_id"] for row in settled.values())
    # The marketer pulls the same leads whole; the rep took back a small part of those bytes.
    other = PullLog(marketer)
    assert marketer.run().outcome is Outcome.OK
    assert len([c for c in other.changes if c.kind == "lead" and c.fields]) == 40
    assert log.bytes < other.bytes / 4, (log.bytes, other.bytes)
    # Nothing of the rep's copy was written again by the pull.
    again = rep.run()
    assert again.outcome is Outcome.OK and _rows(rep, ids) == settled


def test_an_answer_lost_on_the_way_is_taken_in_from_the_replay(make_device):
    """The push reached the hub but its answer did not reach the device (a dropped connection,
    a killed app): the replay's answer carries the records, and the pull's stubs match."""
    rep = make_device("rep")
    ids = _leads(rep, 5)
    batch = rep.sync.take_batch()
    rep.engine.client.push_encoded(rep.sync.client_id(), [e.mutation_id for e in batch],
                                   [e.body for e in batch])  # answer lost
    log = PullLog(rep)
    report = rep.run()
    assert report.outcome is Outcome.OK and report.digest_matched, report.message
    assert (report.duplicates, report.applied) == (5, 0)
    assert log.whole_again == 0 and all(c.own for c in log.changes if c.kind == "lead")
    assert all(row["rev"] > 0 for row in _rows(rep, ids).values())


def test_a_copy_that_differs_from_the_hub_is_fetched_whole(make_device, monkeypatch):
    """A device that did not take in the push answer (as an older version of the app, which
    also kept no owner locally) gets stubs it cannot match: the page comes again whole."""
    rep = make_device("rep")
    rid = rep.store.save("lead", LEAD).record_id
    assert rep.store.get("lead", rid)["owner_id"] is None
    monkeypatch.setattr(SyncStore, "_settle", lambda self, conn, answered: None)
    log = PullLog(rep)
    report = rep.run()
    assert report.outcome is Outcome.OK and report.digest_matched, report.message
    assert log.whole_again == 1
    assert [c.own is not None for c in log.changes if c.kind == "lead"] == [True, False]
    assert rep.store.get("lead", rid)["owner_id"] == rep.sync.get("user")["id"]


def test_an_edit_waiting_behind_the_push_keeps_its_value(make_device):
    rep = make_device("rep")
    rid = rep.store.save("lead", LEAD).record_id
    rep.sync.take_batch()  # sent, answer lost
    rep.store.save("lead", {"company": "Acme"}, rid)
    log = PullLog(rep)
    first = rep.run()
    assert first.outcome is Outcome.OK and first.conflicts == 0, first.message
    assert rep.store.get("lead", rid)["company"] == "Acme"
    assert log.whole_again == 0
    assert rep.sync.counts() == (0, 0) and first.digest_matched


def test_two_devices_of_one_rep_merging_edits_both_end_with_both(make_device):
    laptop = make_device("laptop")
    tablet = make_device("tablet")
    rid = laptop.store.save("lead", LEAD).record_id
    laptop.run()
    tablet.run()
    laptop.store.save("lead", {"company": "Acme"}, rid)
    tablet.store.save("lead", {"title": "CTO"}, rid)
    assert laptop.run().outcome is Outcome.OK
    log = PullLog(tablet)
    report = tablet.run()
    assert report.outcome is Outcome.OK and report.conflicts == 0
    # The tablet's answer brought the laptop's company with the merge; its pull a stub.
    assert log.whole_again == 0
    assert laptop.run().outcome is Outcome.OK
    for device in (laptop, tablet):
        row = device.store.get("lead", rid)
        assert (row["company"], row["title"]) == ("Acme", "CTO")
    assert laptop.store.get("lead", rid)["rev"] == tablet.store.get("lead", rid)["rev"]


def test_a_full_resync_takes_the_device_s_own_records_as_stubs(make_device):
    rep = make_device("rep")
    ids = _leads(rep, 12)
    assert rep.run().outcome is Outcome.OK
    held = _rows(rep, ids)
    rep.sync.request_resync()
    log = PullLog(rep)
    report = rep.run()
    assert report.outcome is Outcome.OK and report.full_resync and report.digest_matched
    assert log.whole_again == 0 and len([c for c in log.changes if c.own]) == 12
    assert _rows(rep, ids) == held


@pytest.mark.parametrize("extension", ["answers", "stubs", "neither"])
def test_a_hub_without_the_extension_still_converges(make_device, monkeypatch, extension):
    """Hubs from before the extension answer pushes without `fields` and ignore `client_id`."""
    import hub.feed
    import hub.push

    if extension in ("stubs", "neither"):
        monkeypatch.setattr(hub.push, "settled_fields", lambda *a: None)
        monkeypatch.setattr(hub.push, "_replayed_state", lambda *a: None)
    if extension in ("answers", "neither"):
        monkeypatch.setattr(hub.feed, "_written_by", lambda *a: False)
    rep = make_device("rep")
    rid = rep.store.save("lead", LEAD).record_id
    log = PullLog(rep)
    report = rep.run()
    assert report.outcome is Outcome.OK and report.digest_matched, report.message
    assert rep.store.get("lead", rid)["owner_id"] == rep.sync.get("user")["id"]
    # With stubs but no answer to settle with, the one page comes again whole.
    assert log.whole_again == (1 if extension == "stubs" else 0)
