"""Voice notes and photos in the local store (desktop.store.attachments): the file is on disk
before the record naming it commits, the rules refuse in words and leave nothing behind, a new
lead and the attachments recorded with it commit together, and all of it survives a restart."""

from __future__ import annotations

import hashlib

import pytest

from desktop.store import open_store
from desktop.store.attachments import AttachmentRefused, LeadAttachments, PendingAttachment
from desktop.store.leads import LeadBook
from desktop.sync.blobs import open_file_cache
from fieldnote.ids import new_id
from tests.desktop.leads.conftest import MARKETER, REP
from tests.support.media import photo_jpeg, photo_png, voice_m4a

AT = "2026-05-01T10:00:00Z"
MANAGER = {"id": "01930000-0000-7000-8000-0000000000d3", "name": "Max Manager",
           "email": "max@example.com", "role": "manager", "team": "north"}


def _open(tmp_path, user=REP):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    store.set_state("user", dict(user))
    return store, LeadAttachments(store, open_file_cache(tmp_path))


@pytest.fixture
def setup(tmp_path):
    store, attachments = _open(tmp_path)
    lead = store.save("lead", {"last_name": "Silva", "company": "Zenith", "captured_at": AT},
                      local_fields={"owner_id": REP["id"], "captured_by": REP["id"]})
    yield store, attachments, lead.record_id
    store.engine.dispose()


def _cache_files(tmp_path):
    return sorted(p.name for p in (tmp_path / "blobs").iterdir())


def test_a_voice_note_keeps_its_file_first_and_queues_its_record(setup, tmp_path):
    store, attachments, lead_id = setup
    audio = voice_m4a(14_000, 30_000)
    got = attachments.add(lead_id, "voice", audio, mime_type="audio/mp4", duration_ms=14_000,
                          caption="Wants a demo in March")
    sha = hashlib.sha256(audio).hexdigest()
    assert (got.lead_id, got.media, got.sha256, got.size, got.mime_type, got.duration_ms,
            got.caption, got.author_id, got.uploaded) == (
        lead_id, "voice", sha, len(audio), "audio/mp4", 14_000, "Wants a demo in March",
        REP["id"], False)
    assert got.path is not None and got.path.read_bytes() == audio
    [entry] = [e for e in store.outbox_entries() if e["kind"] == "lead_attachment"]
    assert entry["fields"]["file_sha256"] == sha and "author_id" not in entry["fields"]
    assert attachments.waiting_files() == {sha}


def test_the_rules_refuse_in_words_and_leave_nothing_behind(setup, tmp_path):
    store, attachments, lead_id = setup
    cases = [
        (dict(media="voice", data=b"%PDF-1.4 not audio", mime_type="audio/mp4"),
         "This file is not a voice note (M4A or Ogg) or a photo (JPEG or PNG)"),
        (dict(media="voice", data=voice_m4a(), mime_type="audio/mp4", duration_ms=180_000),
         "duration_ms: a voice note lasts at most 2 minutes"),
        (dict(media="photo", data=voice_m4a(), mime_type="audio/mp4"),
         "mime_type: a photo is image/jpeg or image/png"),
        (dict(media="photo", data=photo_png(), mime_type="image/jpeg"),
         "This file is image/png, not image/jpeg"),
        (dict(media="photo", data=photo_png(), mime_type="image/png", label="selfie"),
         "label: must be one of: badge, business_card, whiteboard, product, other"),
    ]
    for kwargs, message in cases:
        media, data = kwargs.pop("media"), kwargs.pop("data")
        with pytest.raises(AttachmentRefused) as refused:
            attachments.add(lead_id, media, data, **kwargs)
        assert str(refused.value) == message
    assert attachments.for_lead(lead_id) == []
    assert not (tmp_path / "blobs").exists() or _cache_files(tmp_path) == []
    with pytest.raises(AttachmentRefused, match="That lead is not on this device"):
        attachments.add(new_id(), "photo", photo_png(), mime_type="image/png")


def test_photos_and_voice_notes_list_oldest_first_and_a_removed_one_goes(setup):
    store, attachments, lead_id = setup
    card = attachments.add(lead_id, "photo", photo_jpeg(), mime_type="image/jpeg",
                           label="business_card", width=640, height=480, at="2026-05-01T10:02:00Z")
    memo = attachments.add(lead_id, "voice", voice_m4a(), mime_type="audio/mp4",
                           duration_ms=3_000, at="2026-05-01T10:01:00Z")
    assert [a.id for a in attachments.for_lead(lead_id)] == [memo.id, card.id]
    assert attachments.counts([lead_id, new_id()]) == {lead_id: 2}
    # Never sent: removing it forgets it and its queued change; nothing goes to the hub.
    attachments.remove(memo.id)
    assert [a.id for a in attachments.for_lead(lead_id)] == [card.id]
    assert [e["record_id"] for e in store.outbox_entries() if e["kind"] == "lead_attachment"] \
        == [card.id]


def test_one_the_hub_knows_is_removed_by_a_tombstone_and_only_by_its_author(setup):
    store, attachments, lead_id = setup
    mine = attachments.add(lead_id, "photo", photo_png(), mime_type="image/png", label="badge")
    theirs = new_id()
    with store.engine.begin() as conn:
        from desktop.store.schema import record_tables

        t = record_tables["lead_attachment"]
        conn.execute(t.update().where(t.c.id == mine.id).values(rev=3))
        conn.execute(t.insert().values(
            id=theirs, rev=2, deleted=False, local_updated_at=AT, lead_id=lead_id,
            media="photo", file_sha256="b" * 64, file_size=10, mime_type="image/png",
            author_id=MARKETER["id"]))
    assert attachments.may_remove(attachments.get(theirs)) == (
        False, "Only the person who added a voice note or photo can remove it")
    with pytest.raises(AttachmentRefused, match="Only the person who added"):
        attachments.remove(theirs)
    assert attachments.get(theirs).path is None  # not on this device yet
    attachments.remove(mine.id)
    assert [a.id for a in attachments.for_lead(lead_id)] == [theirs]
    deletes = [e for e in store.outbox_entries() if e["op"] == "delete"]
    assert [(e["record_id"], e["base_version"]) for e in deletes] == [(mine.id, 3)]


def test_a_manager_reads_leads_and_adds_nothing(tmp_path):
    store, attachments = _open(tmp_path, MANAGER)
    lead = store.save("lead", {"last_name": "Silva", "captured_at": AT},
                      local_fields={"owner_id": REP["id"]})
    with pytest.raises(AttachmentRefused,
                       match="Only reps and marketers add voice notes and photos to leads"):
        attachments.add(lead.record_id, "photo", photo_png(), mime_type="image/png")
    store.engine.dispose()


def test_a_new_lead_and_its_attachments_commit_together(tmp_path):
    store, attachments = _open(tmp_path)
    book = LeadBook(store)
    memo = attachments.prepare("voice", voice_m4a(5_000), duration_ms=5_000)
    card = attachments.prepare("photo", photo_jpeg(), label="business_card", width=640,
                               height=480)
    assert isinstance(memo, PendingAttachment) and memo.path is not None and memo.path.is_file()
    local = {"owner_id": REP["id"], "captured_by": REP["id"]}
    saved = book.save_capture({"last_name": "Okafor", "captured_at": AT}, local_fields=local,
                              attachments=[memo, card])
    got = attachments.for_lead(saved.record_id)
    assert [(a.media, a.sha256, a.author_id) for a in got] == [
        ("voice", memo.sha256, REP["id"]), ("photo", card.sha256, REP["id"])]
    # A pending attachment whose file went missing: neither the lead nor any attachment.
    gone = attachments.prepare("photo", photo_png(7, 7), label="badge")
    assert gone.path is not None
    gone.path.unlink()
    leads_before = store.count("lead")
    with pytest.raises(AttachmentRefused, match="no longer on this device"):
        book.save_capture({"last_name": "Lost", "captured_at": AT}, local_fields=local,
                          attachments=[card, gone])
    assert store.count("lead") == leads_before
    assert store.count("lead_attachment") == 2
    # Kept in a capture draft as fields, rebuilt after a restart.
    assert attachments.pending_from(dict(card.fields)).path == card.path
    with pytest.raises(AttachmentRefused):
        attachments.pending_from(dict(gone.fields))
    store.engine.dispose()


def test_attachments_survive_a_restart(tmp_path):
    store, attachments = _open(tmp_path)
    lead = store.save("lead", {"last_name": "Silva", "captured_at": AT})
    photo = tmp_path / "card.png"
    photo.write_bytes(photo_png(20, 10))
    added = attachments.add_file(lead.record_id, "photo", photo, label="business_card",
                                 width=20, height=10)
    assert added.mime_type == "image/png"
    store.engine.dispose()
    store, attachments = _open(tmp_path)
    [again] = attachments.for_lead(lead.record_id)
    assert (again.id, again.path.read_bytes() if again.path else None, again.uploaded) == (
        added.id, photo.read_bytes(), False)
    big = tmp_path / "big.png"
    big.write_bytes(photo_png() + b"\0" * (17 * 1024 * 1024))
    with pytest.raises(AttachmentRefused, match="A photo holds at most 16 MB"):
        attachments.add_file(lead.record_id, "photo", big)
    store.engine.dispose()
