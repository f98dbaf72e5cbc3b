"""The voice-note and photo decisions without Qt: where a late recording goes, what the capture
form keeps for its visitor, and who may remove what."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from desktop.store import open_store
from desktop.store.attachments import LeadAttachments
from desktop.sync.blobs import open_file_cache
from desktop.ui.leads.attachments_controller import (
    ClipRoutes,
    LeadMedia,
    PendingMedia,
    duration_text,
)
from fieldnote.ids import new_id
from tests.desktop.leads.conftest import REP
from tests.support.media import photo_png, voice_m4a


@dataclass(frozen=True)
class Clip:
    data: bytes
    duration_ms: int
    mime_type: str = "audio/mp4"


@dataclass(frozen=True)
class Picture:
    data: bytes
    mime_type: str
    width: int
    height: int


@pytest.fixture
def attachments(tmp_path):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    store.set_state("user", dict(REP))
    yield LeadAttachments(store, open_file_cache(tmp_path))
    store.engine.dispose()


@pytest.mark.parametrize("ms,text", [(None, "0:00"), (0, "0:00"), (1, "0:01"), (1_499, "0:01"),
                                     (1_500, "0:02"), (59_600, "1:00"), (65_000, "1:05"),
                                     (120_000, "2:00")])
def test_durations_read_as_minutes_and_seconds(ms, text):
    assert duration_text(ms) == text


def test_a_note_finished_on_the_same_visitor_joins_the_form():
    routes = ClipRoutes()
    started = routes.generation
    assert routes.route(started) == ("form", None)


def test_a_note_finished_after_enter_goes_to_the_lead_saved():
    routes = ClipRoutes()
    started = routes.generation
    routes.form_left("lead", "lead-1")
    routes.form_reset()
    assert routes.route(started) == ("lead", "lead-1")
    assert routes.route(routes.generation) == ("form", None)


def test_a_note_finished_after_esc_goes_to_the_held_visitor():
    routes = ClipRoutes()
    started = routes.generation
    routes.form_left("draft", "draft-9")
    routes.form_reset()
    routes.form_left("lead", "lead-2")  # the next visitor, saved meanwhile
    routes.form_reset()
    assert routes.route(started) == ("draft", "draft-9")


def test_a_note_whose_visitor_went_nowhere_stays_with_the_form():
    # The form was cleared with nothing in it (a saved lead left unchanged): no visitor lost
    # anything, and the note is the rep's; it stays in the form, never dropped.
    routes = ClipRoutes()
    started = routes.generation
    routes.form_reset()
    assert routes.route(started) == ("form", None)


def test_pending_items_keep_their_files_and_come_back_from_a_draft(attachments, tmp_path):
    pending = PendingMedia(attachments)
    voice = pending.keep_voice_job(Clip(voice_m4a(4_000, 5_000), 4_000))()
    photo = pending.keep_photo_job(lambda: Picture(photo_png(40, 30), "image/png", 40, 30),
                                   "selfie")()
    pending.added(voice)
    pending.added(photo)
    pending.added(voice)  # the same file twice is one item
    assert [p.fields["media"] for p in pending.items] == ["voice", "photo"]
    assert "label" not in photo.fields  # not one of the labels: none rather than refused
    kept = pending.state()
    again = PendingMedia(attachments)
    assert again.restore(kept) == []
    assert [p.sha256 for p in again.items] == [voice.sha256, photo.sha256]
    # A file gone from the cache: said, and the others come back.
    (tmp_path / "blobs" / voice.sha256).unlink()
    assert len(again.restore(kept)) == 1 and [p.sha256 for p in again.items] == [photo.sha256]
    again.remove(photo.sha256)
    assert again.items == []


def test_own_items_may_be_removed_and_the_detail_lists_oldest_first(attachments):
    store = attachments.store
    lead_id = store.save("lead", {"last_name": "Silva", "captured_at": "2026-05-01T10:00:00Z"},
                         local_fields={"owner_id": REP["id"]}).record_id
    media = LeadMedia(attachments, REP, lambda: {REP["id"]: {"name": "Rita Rep"}})
    assert media.may_add(lead_id).allowed
    first = media.add_voice_job(lead_id, Clip(voice_m4a(2_000, 3_000), 2_000))()
    second = media.add_photo_job(lead_id, lambda: Picture(photo_png(), "image/png", 4, 3),
                                 "badge")()
    shown = media.shown(lead_id)
    assert [s.item.id for s in shown] == [first.id, second.id]
    assert all(s.mine and s.removable.allowed and s.author == "Rita Rep" and s.on_device
               for s in shown)
    media.remove_job(first.id)()
    assert [s.item.id for s in media.shown(lead_id)] == [second.id]
    # On the device already: fetching needs no hub.
    assert media.fetch_job(second, None)() == second.path
    # Not here: the hub is asked (here it has nothing either).
    asked: list[str] = []
    (second.path).unlink()
    assert media.fetch_job(second, lambda sha: asked.append(sha))() is None
    assert asked == [second.sha256]


def test_a_held_visitors_photo_outlives_the_cache_clean_up(attachments, tmp_path):
    from desktop.store.leads import LeadBook
    from desktop.store.syncing import SyncStore

    pending = PendingMedia(attachments)
    photo = pending.keep_photo_job(lambda: Picture(photo_png(40, 30), "image/png", 40, 30),
                                   "badge")()
    pending.added(photo)
    book = LeadBook(attachments.store)
    book.keep_draft(new_id(), {"fields": {"last_name": "Okafor"},
                               "attachments": pending.state()})
    assert book.draft_files() == {photo.sha256}
    cache = open_file_cache(tmp_path)
    cache.grace_s = 0  # however long the draft has waited
    keep = SyncStore(attachments.store).referenced_blobs()
    assert photo.sha256 in keep
    assert cache.evict_unreferenced(keep) == []
    assert cache.path_if_verified(photo.sha256) is not None
