"""Voice notes and photos pushed to the hub, over real HTTP on SQLite and PostgreSQL: the file
comes first, the record's rules are `fieldnote.attachments`', and an attachment is seen as its
lead is, following the lead to a new owner."""

from __future__ import annotations

import hashlib
from typing import Any

from fieldnote.ids import new_id
from tests.hub.client import SyncClient, lead_fields
from tests.support.media import photo_png

PHOTO = photo_png(8, 6)
SHA = hashlib.sha256(PHOTO).hexdigest()


def _photo(lead_id: str, **over: Any) -> dict[str, Any]:
    return {"lead_id": lead_id, "media": "photo", "label": "badge", "file_sha256": SHA,
            "file_size": len(PHOTO), "mime_type": "image/png", "width": 8, "height": 6,
            "at": "2026-11-24T10:15:00Z", **over}


def _lead(rep: SyncClient) -> str:
    lead_id = new_id()
    assert rep.push_one("lead", lead_id, lead_fields())["status"] == "applied"
    return lead_id


def test_a_record_naming_a_file_the_hub_lacks_is_rejected_until_the_file_is_there(
        people: dict[str, SyncClient]) -> None:
    rep, marketer = people["rep"], people["marketer"]
    lead_id = _lead(rep)
    attachment_id = new_id()
    answer = rep.push_one("lead_attachment", attachment_id, _photo(lead_id))
    assert answer["status"] == "rejected"
    assert answer["problem"]["errors"] == [
        {"field": "file_sha256", "message": "names a file the hub does not have; upload it first"}]
    put = marketer.http.put(f"{rep.hub.url}/v1/blobs/{SHA}", data=PHOTO, timeout=30)
    assert put.status_code == 201
    assert rep.push_one("lead_attachment", attachment_id, _photo(lead_id))["status"] == "applied"
    [(key, change)] = rep.visible("lead_attachment").items()
    assert key == ("lead_attachment", attachment_id)
    assert change["fields"]["author_id"] == rep.id


def test_the_rules_of_attachments_hold_on_the_hub(people: dict[str, SyncClient]) -> None:
    rep, marketer = people["rep"], people["marketer"]
    assert marketer.http.put(f"{rep.hub.url}/v1/blobs/{SHA}", data=PHOTO,
                             timeout=30).status_code in (200, 201)
    lead_id = _lead(rep)
    for fields, error in [
        (_photo(lead_id, mime_type="audio/mp4"),
         {"field": "mime_type", "message": "a photo is image/jpeg or image/png"}),
        (_photo(lead_id, media="voice", label=None, width=None, height=None,
                mime_type="audio/mp4", duration_ms=600_000),
         {"field": "duration_ms", "message": "a voice note lasts at most 2 minutes"}),
        (_photo(lead_id, file_size=17 * 1024 * 1024),
         {"field": "file_size", "message": "a photo holds at most 16 MB"}),
    ]:
        answer = rep.push_one("lead_attachment", new_id(), fields)
        assert answer["status"] == "rejected", answer
        assert error in answer["problem"]["errors"], answer


def test_an_attachment_follows_its_lead_to_a_new_owner(people: dict[str, SyncClient]) -> None:
    rep, rep2, marketer = people["rep"], people["rep2"], people["marketer"]
    assert marketer.http.put(f"{rep.hub.url}/v1/blobs/{SHA}", data=PHOTO,
                             timeout=30).status_code in (200, 201)
    lead_id = _lead(rep)
    attachment_id = new_id()
    assert rep.push_one("lead_attachment", attachment_id, _photo(lead_id))["status"] == "applied"
    assert ("lead_attachment", attachment_id) not in rep2.visible("lead_attachment")
    version = marketer.visible("lead")[("lead", lead_id)]["version"]
    answer = marketer.push_one("lead", lead_id, {"owner_id": rep2.id}, base=version)
    assert answer["status"] == "applied", answer
    assert ("lead_attachment", attachment_id) in rep2.visible("lead_attachment")
    # Its author still sees it (as an outcome's author does); nobody may change it.
    assert ("lead_attachment", attachment_id) in rep.visible("lead_attachment")
    base = rep.visible("lead_attachment")[("lead_attachment", attachment_id)]["version"]
    edit = rep.push_one("lead_attachment", attachment_id, {"caption": "x"}, base=base)
    assert edit["status"] == "rejected" and edit["problem"]["status"] == 403
