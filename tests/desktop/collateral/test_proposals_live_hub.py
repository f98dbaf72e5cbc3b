"""Reps propose material through a real hub on loopback: the proposal and its file reach
marketing's queue and no other rep; approving publishes it to the reps, declining tells the
proposer why; a rep never approves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store.offers import Offers
from desktop.store.publishing import publish_file
from desktop.sync.blobs import open_file_cache
from tests.desktop.collateral.test_live_hub import BROCHURE, SHEET, Device
from tests.desktop.collateral.test_live_hub import device as _device
from tests.support.live_hub import LiveHub, database_params, start_live_hub

# The devices of the collateral round trips, on a hub on SQLite and on PostgreSQL.
device = _device


@pytest.fixture(params=database_params())
def live_hub(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveHub]:
    hub = start_live_hub(tmp_path / "hub", request.param)
    try:
        yield hub
    finally:
        hub.stop()


def propose(dev: Device, path, title: str) -> str:
    fields = dev.library.propose_fields({"title": title, "kind": "deck"}, dev.user["id"])
    assert Offers(dev.user, dev.store).offer("collateral", "create", None, fields)
    return publish_file(dev.library, open_file_cache(dev.data_dir), path, fields,
                        author_id=dev.user["id"])


def test_a_proposal_goes_to_marketing_alone_and_reaches_the_reps_once_approved(device):
    mia, rita, sam = device("mia@example.com"), device("rita@example.com"), device("sam@example.com")
    for dev in (mia, rita, sam):
        dev.library.take_notices(dev.user["id"], marketing=dev is mia)
    cid = propose(rita, SHEET, "Rita's one-pager")
    assert [u["record_id"] for u in rita.library.pending_uploads()] == [cid]
    rita.sync()  # the file goes up first: the hub takes no item naming a file it lacks
    assert rita.library.pending_uploads() == []
    sam.sync()
    assert sam.store.get("collateral", cid) is None  # another rep never receives it
    mia.sync()
    [queued] = mia.library.proposals(statuses=("review",))
    assert (queued["id"], queued["proposed_by"], queued["status"]) == (cid, rita.user["id"], "review")
    [new] = mia.library.take_notices(mia.user["id"], marketing=True)
    assert (new.kind, new.text) == ("new_proposal", "Rita's one-pager")
    # Rita sees her own proposal, and may not approve it herself.
    [mine] = rita.library.proposals(proposer_id=rita.user["id"])
    assert mine["status"] == "review"
    refused = Offers(rita.user, rita.store).offer("collateral", "update", mine, {"status": "approved"})
    assert refused.reason == ("Reps propose material as a draft or for review; marketing approves "
                              "and publishes it")

    mia.library.approve(cid, today="2026-12-07")
    mia.sync()
    sam.sync()
    assert sam.titles() == ["Rita's one-pager"]
    assert sam.cached(SHEET)  # the rep's file is on the hub and verified on another device
    assert sam.store.get("collateral", cid)["verified_on"] == "2026-12-07"
    rita.sync()
    [told] = rita.library.take_notices(rita.user["id"])
    assert (told.kind, told.text) == ("proposal", "Rita's one-pager: approved")
    # Approved, it is no longer hers to change.
    approved = rita.store.get("collateral", cid)
    assert not Offers(rita.user, rita.store).offer("collateral", "update", approved, {"title": "x"})


def test_a_declined_proposal_tells_the_proposer_why_and_can_be_sent_again(device):
    mia, rita, sam = device("mia@example.com"), device("rita@example.com"), device("sam@example.com")
    rita.library.take_notices(rita.user["id"])
    cid = propose(rita, BROCHURE, "Homemade brochure")
    rita.sync()
    mia.sync()
    mia.library.decline(cid, "Uses the old logo; please start from the 2027 template")
    mia.sync()
    rita.sync()
    row = rita.store.get("collateral", cid)
    assert (row["status"], row["review_comment"]) == (
        "declined", "Uses the old logo; please start from the 2027 template")
    [told] = rita.library.take_notices(rita.user["id"])
    assert told.text == ("Homemade brochure: declined (Uses the old logo; please start from the "
                         "2027 template)")
    # She fixes it and sends it back for review; a rep's push to approve is rejected.
    rita.library.update(cid, {"title": "Brochure, 2027 template", "status": "review"})
    rita.sync()
    rita.library.update(cid, {"status": "approved"})
    report = rita.engine.run_cycle()
    assert report.attention == 1
    mia.sync()
    assert mia.store.get("collateral", cid)["status"] == "review"
    assert mia.store.get("collateral", cid)["title"] == "Brochure, 2027 template"
    sam.sync()
    assert sam.store.get("collateral", cid) is None
