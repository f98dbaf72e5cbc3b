"""Voice notes and photos in the window, offline: recorded or chosen on the capture form, saved
with the lead, still there (and playable, showable) after the store is reopened; added, played,
viewed large and removed on the lead's detail; hostile files refused with a message.

Audio is a generated tone fed through the recorder's own capture session (no microphone here);
photos are drawn with QPainter.
"""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtWidgets import QLabel
from sqlalchemy import update

from desktop.store.leads import LeadBook
from desktop.store.schema import record_tables
from desktop.sync.blobs import open_file_cache
from desktop.ui.leads import voice
from desktop.ui.leads.voice import BufferFeed
from fieldnote.ids import new_id
from tests.desktop.leads.conftest import EVENT_ID, REP, add_event, make_services
from tests.desktop.leads.media_samples import (
    drawn_image,
    encode,
    jpeg_with_exif,
    png_bomb,
    tone_chunks,
)
from tests.desktop.leads.test_capture import open_capture
from tests.desktop.leads.test_list_and_events import add_lead, make_page, select_first

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints", extend=True)
needs_multimedia = pytest.mark.skipif(
    voice.multimedia() is None, reason="QtMultimedia cannot load here (its audio libraries are missing)")
COLLEAGUE = "01930000-0000-7000-8000-0000000000c4"


@pytest.fixture
def rep(tmp_path, qapp):
    """A rep's services on a fresh data folder, signed in as a synced device would be."""
    svc = make_services(tmp_path, REP)
    svc.store.set_state("user", dict(REP))
    yield svc
    svc.tasks.shutdown()
    svc.store.engine.dispose()


def reopen(services, tmp_path):
    """Close the data folder and open it again, as a restart does."""
    services.tasks.shutdown()
    services.store.engine.dispose()
    again = make_services(tmp_path, REP)
    again.store.set_state("user", dict(REP))
    return again


def photo_file(tmp_path, name="card.jpg", width=1600, height=1200):
    path = tmp_path / name
    path.write_bytes(jpeg_with_exif(drawn_image(width, height), orientation=1))
    return path


def type_visitor(capture, last="Okafor", company="Zenith"):
    capture.inputs["last_name"].setText(last)
    capture.inputs["company"].setText(company)
    capture._on_edited()


def record_tone(qtbot, button, seconds=1.5):
    feed = BufferFeed(tone_chunks(seconds), parent=button)
    assert button.start(feed)
    return feed


def test_a_photo_from_the_capture_form_is_saved_with_the_lead_and_shown_after_a_restart(
        qtbot, rep, tmp_path):
    add_event(rep.store)
    _page, capture = open_capture(qtbot, rep)
    capture.set_event(EVENT_ID)
    type_visitor(capture)
    capture.add_photos([photo_file(tmp_path)], "business_card")
    qtbot.waitUntil(lambda: len(capture.media.items) == 1)
    strip = capture.media_strip
    assert strip.chips.isVisible()
    assert "Business card" in [w.text() for w in strip.chips.findChildren(QLabel)]
    pending = capture.media.items[0]
    assert (pending.fields["width"], pending.fields["height"]) == (1600, 1200)
    capture.save()
    qtbot.waitUntil(lambda: rep.store.count("lead_attachment") == 1)
    assert capture.media.items == [] and not strip.chips.isVisible()
    [lead] = rep.store.all("lead")

    again = reopen(rep, tmp_path)
    try:
        [photo] = again.attachments.for_lead(lead["id"])
        assert (photo.media, photo.label, photo.mime_type, photo.uploaded) == (
            "photo", "business_card", "image/jpeg", False)
        assert photo.path is not None and photo.path.read_bytes()[:3] == b"\xff\xd8\xff"
        page = make_page(qtbot, again)
        detail = select_first(qtbot, page)
        section = detail.media_section
        assert section.isVisible()
        qtbot.waitUntil(lambda: photo.id in section._thumbs)
        tiles = section.photo_grid.findChildren(object, "photoThumb")
        assert len(tiles) == 1 and not tiles[0].icon().isNull()
        assert tiles[0].text() == "Business card"
        viewer = section.view_photo(section.shown[0])
        assert viewer is not None
        qtbot.addWidget(viewer)
        assert viewer.picture.pixmap().width() > 0
        viewer.close()
    finally:
        again.tasks.shutdown()
        again.store.engine.dispose()


@needs_multimedia
def test_a_voice_note_recorded_on_the_capture_form_plays_from_the_detail_after_a_restart(
        qtbot, rep, tmp_path):
    add_event(rep.store)
    _page, capture = open_capture(qtbot, rep)
    type_visitor(capture, "Haddad", "Cedar Systems")
    button = capture.media_strip.record_button
    record_tone(qtbot, button, 1.5)
    assert button.recording() and "left" in button.text()
    qtbot.waitUntil(lambda: len(capture.media.items) == 1, timeout=20_000)
    assert not button.recording()
    fields = capture.media.items[0].fields
    assert (fields["media"], fields["mime_type"]) == ("voice", "audio/mp4")
    assert 1_300 <= fields["duration_ms"] <= 1_700
    capture.save()
    qtbot.waitUntil(lambda: rep.store.count("lead_attachment") == 1)

    again = reopen(rep, tmp_path)
    try:
        page = make_page(qtbot, again)
        detail = select_first(qtbot, page)
        section = detail.media_section
        [row] = section.voice_rows.findChildren(object, "voiceRow")
        [play] = row.findChildren(object, "playVoice")
        assert play.text() == "Play"
        assert row.findChild(object, "voiceDuration").text() == "0:02"
        with qtbot.waitSignal(section.player.finished, timeout=20_000):
            play.click()
            qtbot.waitUntil(lambda: section.player.playing())
            [play] = section.voice_rows.findChildren(object, "playVoice")
            assert play.text() == "Pause"
        qtbot.waitUntil(lambda: [b.text() for b in section.voice_rows.findChildren(
            object, "playVoice")] == ["Play"])
    finally:
        again.tasks.shutdown()
        again.store.engine.dispose()


def test_an_item_removed_before_save_is_not_saved(qtbot, rep, tmp_path):
    add_event(rep.store)
    _page, capture = open_capture(qtbot, rep)
    type_visitor(capture)
    capture.add_photos([photo_file(tmp_path, "a.jpg"), photo_file(tmp_path, "b.png", 300, 200)],
                       "whiteboard")
    qtbot.waitUntil(lambda: len(capture.media.items) == 2)
    removes = capture.media_strip.chips.findChildren(object, "removePending")
    assert len(removes) == 2 and removes[0].accessibleName() == "Remove Whiteboard"
    removes[0].click()
    assert len(capture.media.items) == 1
    capture.save()
    qtbot.waitUntil(lambda: rep.store.count("lead") == 1)
    qtbot.waitUntil(lambda: rep.store.count("lead_attachment") == 1)


@pytest.mark.parametrize("make,says", [
    (lambda: png_bomb(), "60000 × 60000 pixels"),
    (lambda: encode(drawn_image(800, 600), "jpg")[:-3000], "cut short"),
    (lambda: b"%PDF-1.4 this is a brochure", "is not a photo"),
])
def test_a_hostile_photo_is_refused_with_a_message_and_the_visitor_stays(qtbot, rep, tmp_path,
                                                                         make, says):
    add_event(rep.store)
    _page, capture = open_capture(qtbot, rep)
    type_visitor(capture)
    path = tmp_path / "upload.jpg"
    path.write_bytes(make())
    [task] = capture.add_photos([path], "badge")
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: says in capture.message.text())
    assert "upload.jpg" in capture.message.text()
    assert capture.media.items == []
    assert capture.inputs["last_name"].text() == "Okafor"
    assert not (tmp_path / "blobs").exists() or list((tmp_path / "blobs").iterdir()) == []


def test_a_held_visitor_keeps_their_photo_across_a_restart(qtbot, rep, tmp_path):
    add_event(rep.store)
    page, capture = open_capture(qtbot, rep)
    type_visitor(capture, "Nakamura", "Pine Ltd")
    capture.add_photos([photo_file(tmp_path)], "badge")
    qtbot.waitUntil(lambda: len(capture.media.items) == 1)
    capture.keep_draft()
    qtbot.waitUntil(lambda: any(s.get("attachments") for _d, s in LeadBook(rep.store).drafts()))
    page.close()

    again = reopen(rep, tmp_path)
    try:
        page, capture = open_capture(qtbot, again)
        assert capture.held_bar.isVisible()
        capture.open_held()
        assert len(capture.media.items) == 1
        qtbot.waitUntil(lambda: capture.media_strip.chips.isVisible())
        capture.save()
        qtbot.waitUntil(lambda: again.store.count("lead_attachment") == 1)
        [lead] = again.store.all("lead")
        [photo] = again.attachments.for_lead(lead["id"])
        assert photo.label == "badge" and photo.path is not None
    finally:
        again.tasks.shutdown()
        again.store.engine.dispose()


@needs_multimedia
def test_enter_while_recording_gives_the_note_to_the_visitor_just_saved(qtbot, rep):
    add_event(rep.store)
    _page, capture = open_capture(qtbot, rep)
    type_visitor(capture, "Ferreira", "Oak Co")
    button = capture.media_strip.record_button
    feed = record_tone(qtbot, button, 60)
    capture.save()  # the form clears at once; the recording goes on
    assert capture.inputs["last_name"].text() == ""
    qtbot.waitUntil(lambda: feed.encoded_ms > 500)
    button.stop()
    qtbot.waitUntil(lambda: rep.store.count("lead_attachment") == 1, timeout=20_000)
    [lead] = rep.store.all("lead")
    [note] = rep.attachments.for_lead(lead["id"])
    assert note.media == "voice" and lead["last_name"] == "Ferreira"
    assert capture.media.items == []  # the next visitor's form stays empty
    qtbot.waitUntil(lambda: "added to the lead saved" in capture.message.text())


def test_the_detail_adds_and_removes_own_photos(qtbot, rep, tmp_path):
    lead_id = add_lead(rep.store, "Okafor")
    detail = select_first(qtbot, make_page(qtbot, rep))
    section = detail.media_section
    assert section.empty.isVisible()
    assert section.photo_button.isEnabled()
    [task] = section.add_photos([photo_file(tmp_path)], "product")
    qtbot.waitUntil(lambda: len(section.shown) == 1)
    qtbot.waitUntil(lambda: "Added: Product." in section.message.text())
    [shown] = section.shown
    assert shown.mine and shown.removable.allowed and shown.item.lead_id == lead_id
    [remove] = section.photo_grid.findChildren(object, "removeAttachment")
    assert remove.isEnabled()
    with qtbot.waitSignal(section.remove(shown.item.id).finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: section.shown == [])
    assert rep.attachments.for_lead(lead_id) == []
    del task


def _colleagues_photo(services, lead_id, tmp_path, *, on_device=True):
    """A photo a colleague attached, as a sync brings it (acknowledged by the hub)."""
    data = encode(drawn_image(400, 300 if on_device else 200), "jpg")
    cache = open_file_cache(tmp_path)
    sha = cache.add_bytes(data) if on_device else hashlib.sha256(data).hexdigest()
    record_id = new_id()
    services.store.save("lead_attachment", {
        "lead_id": lead_id, "media": "photo", "label": "badge", "file_sha256": sha,
        "file_size": len(data), "mime_type": "image/jpeg", "width": 400, "height": 300,
        "at": "2026-04-20T11:00:00Z"}, record_id, local_fields={"author_id": COLLEAGUE})
    table = record_tables["lead_attachment"]
    with services.store.engine.begin() as conn:
        conn.execute(update(table).where(table.c.id == record_id).values(rev=7))
    return record_id


def test_a_colleagues_photo_shows_without_remove_and_one_not_here_says_so(qtbot, rep, tmp_path):
    lead_id = add_lead(rep.store, "Okafor")
    here = _colleagues_photo(rep, lead_id, tmp_path)
    away = _colleagues_photo(rep, lead_id, tmp_path, on_device=False)
    detail = select_first(qtbot, make_page(qtbot, rep))
    section = detail.media_section
    assert {s.item.id for s in section.shown} == {here, away}
    assert section.photo_grid.findChildren(object, "removeAttachment") == []
    assert not any(s.mine for s in section.shown)
    tiles = {t.property("attachmentId"): t for t in section.photo_grid.findChildren(
        object, "photoThumb")}
    assert "not on this device yet" in tiles[away].text()
    # Offline and signed out: fetching says where the file is and when it comes.
    task = section.fetch(next(s.item for s in section.shown if s.item.id == away))
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: "fetched when you are online" in section.message.text())


def test_a_manager_sees_but_may_not_add(qtbot, tmp_path, qapp):
    manager = {"id": "01930000-0000-7000-8000-0000000000d3", "name": "Max Manager",
               "email": "max@example.com", "role": "manager", "team": "north"}
    svc = make_services(tmp_path, manager)
    svc.store.set_state("user", dict(manager))
    try:
        add_lead(svc.store, "Okafor")
        detail = select_first(qtbot, make_page(qtbot, svc))
        section = detail.media_section
        assert not section.photo_button.isEnabled() and section.photo_button.toolTip()
        assert not section.record_button.isEnabled()
    finally:
        svc.tasks.shutdown()
        svc.store.engine.dispose()


def test_without_audio_support_the_record_button_says_why(qtbot, rep, monkeypatch):
    monkeypatch.setattr(voice, "multimedia", lambda: None)
    monkeypatch.setattr(voice, "_multimedia_error", "libpulse.so.0: cannot open shared object")
    add_event(rep.store)
    _page, capture = open_capture(qtbot, rep)
    button = capture.media_strip.record_button
    button.refresh()
    assert not button.isEnabled()
    assert button.text() == "Voice notes unavailable"
    assert "audio libraries" in button.toolTip() and "libpulse" in button.toolTip()
    # Photos still work.
    assert capture.media_strip.photo_button.isEnabled()


@needs_multimedia
def test_without_a_microphone_the_record_button_says_so(qtbot, rep):
    if voice.multimedia().QMediaDevices.audioInputs():
        pytest.skip("this machine has a microphone")
    add_event(rep.store)
    _page, capture = open_capture(qtbot, rep)
    button = capture.media_strip.record_button
    assert not button.isEnabled() and button.text() == "No microphone found"
    assert "microphone" in button.toolTip()

