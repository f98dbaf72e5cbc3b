"""A voice note's file goes up in pieces through a connection that is cut midway (a fault
proxy between the device and a real hub): the next attempt starts from the hub's offset, so
about the file plus one piece crosses the wire; a rep's voice note and photo reach the rep's
manager byte for byte."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from desktop.store.attachments import LeadAttachments
from desktop.sync.blobs import open_file_cache
from desktop.sync.client import UPLOAD_CHUNK
from desktop.sync.state import Outcome
from tests.support.fault_proxy import FaultProxy
from tests.support.media import photo_jpeg, voice_m4a

AT = "2026-05-01T10:00:00Z"


@pytest.fixture
def proxy(hub):  # type: ignore[no-untyped-def]
    parts = urlsplit(hub.url)
    with FaultProxy((parts.hostname, parts.port)) as p:
        yield p


def _cut_at_patch(n: int, then_down: int):  # type: ignore[no-untyped-def]
    """The n-th PATCH is dropped before it reaches the hub, and so are the `then_down`
    requests after it (the connection stays bad for a while)."""
    seen = {"patch": 0, "down": 0}

    def policy(line: str, _headers: dict[str, str], _body: bytes) -> str:
        if seen["down"]:
            seen["down"] -= 1
            return "reset_before"
        if line.startswith("PATCH "):
            seen["patch"] += 1
            if seen["patch"] == n:
                seen["down"] = then_down
                return "reset_before"
        return "pass"

    return policy


def test_an_upload_cut_midway_goes_on_from_the_hubs_offset(make_device, hub, proxy):
    author = make_device("author", "marketer@example.com", url=proxy.url)
    lead_id = author.store.save("lead", {"last_name": "Silva", "captured_at": AT}).record_id
    assert author.run().outcome is Outcome.OK
    memo = voice_m4a(100_000, 3 * UPLOAD_CHUNK + 1234)
    added = LeadAttachments(author.store, open_file_cache(author.data_dir)).add(
        lead_id, "voice", memo, mime_type="audio/mp4", duration_ms=100_000)
    proxy.policy = _cut_at_patch(3, then_down=1)  # the HEAD after the cut fails too
    first = author.run()
    assert first.outcome is Outcome.OFFLINE, first.message
    [(sha, cut)] = author.engine.upload_log
    assert (sha, cut.started_at, cut.sent) == (added.sha256, 0, 3 * UPLOAD_CHUNK)
    assert not (hub.blobs_dir / sha[:2] / sha).exists()

    second = author.run()
    assert second.outcome is Outcome.OK, second.message
    [_, (_, resumed)] = author.engine.upload_log
    assert not resumed.whole
    assert resumed.started_at == 2 * UPLOAD_CHUNK  # what the hub held: two pieces
    assert resumed.sent == len(memo) - 2 * UPLOAD_CHUNK
    # The whole file, plus the one piece the cut lost.
    assert author.engine.uploaded_bytes == len(memo) + UPLOAD_CHUNK
    assert (hub.blobs_dir / sha[:2] / sha).read_bytes() == memo
    assert author.store.get("lead_attachment", added.id)["rev"] > 0


def test_a_cut_within_one_sync_is_resumed_at_once(make_device, hub, proxy):
    author = make_device("author", "marketer@example.com", url=proxy.url)
    lead_id = author.store.save("lead", {"last_name": "Silva", "captured_at": AT}).record_id
    assert author.run().outcome is Outcome.OK
    memo = voice_m4a(60_000, 2 * UPLOAD_CHUNK + 99)
    LeadAttachments(author.store, open_file_cache(author.data_dir)).add(
        lead_id, "voice", memo, mime_type="audio/mp4", duration_ms=60_000)
    proxy.policy = _cut_at_patch(2, then_down=0)
    assert author.run().outcome is Outcome.OK
    [(sha, outcome)] = author.engine.upload_log
    assert (outcome.started_at, outcome.sent, outcome.whole) == (0, len(memo) + UPLOAD_CHUNK,
                                                                 False)
    assert (hub.blobs_dir / sha[:2] / sha).read_bytes() == memo


def test_a_reps_voice_note_and_photo_reach_the_reps_manager(make_device, hub):
    hub.add_user("manager@example.com", "Mona Manager", "manager", team="north")
    rep = make_device("rep")
    lead_id = rep.store.save("lead", {"last_name": "Okafor", "captured_at": AT}).record_id
    memo, card = voice_m4a(30_000, 120_000), photo_jpeg(2560, 1920, 400_000)
    book = LeadAttachments(rep.store, open_file_cache(rep.data_dir))
    book.add(lead_id, "voice", memo, mime_type="audio/mp4", duration_ms=30_000)
    book.add(lead_id, "photo", card, mime_type="image/jpeg", label="badge", width=2560,
             height=1920)
    assert rep.run().outcome is Outcome.OK
    manager = make_device("manager", "manager@example.com")
    assert manager.run().outcome is Outcome.OK
    seen = LeadAttachments(manager.store, open_file_cache(manager.data_dir)).for_lead(lead_id)
    assert [a.path.read_bytes() if a.path else None for a in seen] == [memo, card]
