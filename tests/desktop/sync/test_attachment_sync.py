"""Voice notes and photos through a real hub on loopback: attached offline, kept across a
restart, uploaded before their records at the next sync, seen by a second device that fetches
the identical bytes; fetched within the shared cache limit (newest leads first, a device's own
files that still wait never evicted, others fetched when a lead is opened) and shredded when
their person is erased."""

from __future__ import annotations

import hashlib

from desktop.settings import Settings
from desktop.store import open_store
from desktop.store.attachments import LeadAttachments
from desktop.store.db import DB_FILE
from desktop.store.syncing import SyncStore
from desktop.sync.blobs import BlobCache, blob_dir, open_file_cache
from desktop.sync.client import HubClient
from desktop.sync.engine import SyncEngine
from desktop.sync.session import build_engine, collateral_file_policy, ensure_attachment_file
from desktop.sync.state import Outcome
from hub import privacy
from tests.desktop.sync.conftest import FAST, Device
from tests.support.media import photo_jpeg, voice_m4a

AT = "2026-05-01T10:00:00Z"
EMAIL = "ana.silva@zenith.example"


def _synced(device: Device) -> None:
    report = device.run()
    assert report.outcome is Outcome.OK, report.message


def _lead(device: Device, captured_at: str = AT, email: str = EMAIL) -> str:
    lead_id = device.store.save("lead", {"last_name": "Silva", "email": email,
                                         "captured_at": captured_at}).record_id
    _synced(device)
    return lead_id


def _attachments(device: Device) -> LeadAttachments:
    return LeadAttachments(device.store, open_file_cache(device.data_dir))


def _on_hub(hub, sha: str) -> bytes | None:  # type: ignore[no-untyped-def]
    path = hub.blobs_dir / sha[:2] / sha
    return path.read_bytes() if path.exists() else None


def test_attached_offline_kept_across_a_restart_then_seen_and_fetched_by_another_device(
        make_device, hub):
    hub.add_user("marketer2@example.com", "Max Marketer", "marketer")
    rep = make_device("rep")
    lead_id = _lead(rep)
    author = make_device("author", "marketer@example.com")
    _synced(author)
    memo, card = voice_m4a(42_000, 300_000), photo_jpeg(1600, 1000, 200_000)
    attachments = _attachments(author)
    voice = attachments.add(lead_id, "voice", memo, mime_type="audio/mp4", duration_ms=42_000,
                            caption="Wants a demo in March")
    photo = attachments.add(lead_id, "photo", card, mime_type="image/jpeg", label="business_card",
                            width=1600, height=1000)
    # Offline: a cycle against a hub nobody answers for changes nothing.
    token = author.engine.client.token
    offline = SyncEngine(author.sync, HubClient("http://127.0.0.1:9", token, retries=0,
                                                connect_timeout=1),
                         BlobCache(blob_dir(author.data_dir)))
    assert offline.run_cycle().outcome is Outcome.OFFLINE
    offline.client.close()
    assert _on_hub(hub, voice.sha256) is None
    # The app is closed and opened again: everything is still there, waiting.
    author.engine.client.close()
    author.store.engine.dispose()
    store = open_store(author.data_dir / DB_FILE)
    author = Device(author.data_dir, store, build_engine(author.data_dir, store, timeouts=FAST,
                                                         digest_interval_s=0))
    try:
        waiting = _attachments(author).for_lead(lead_id)
        assert [(a.id, a.uploaded, a.path is not None) for a in waiting] == [
            (voice.id, False, True), (photo.id, False, True)]
        _synced(author)
        assert (_on_hub(hub, voice.sha256), _on_hub(hub, photo.sha256)) == (memo, card)
        assert [a.uploaded for a in _attachments(author).for_lead(lead_id)] == [True, True]
        # The files went up before their records, each once.
        assert sorted(sha for sha, _ in author.engine.upload_log) == sorted(
            [voice.sha256, photo.sha256])
        assert author.engine.uploaded_bytes == len(memo) + len(card)

        other = make_device("other", "marketer2@example.com")
        _synced(other)
        seen = _attachments(other).for_lead(lead_id)
        assert [(a.id, a.media, a.caption, a.duration_ms, a.author_id) for a in seen] == [
            (voice.id, "voice", "Wants a demo in March", 42_000, author.sync.account().user_id),
            (photo.id, "photo", None, None, author.sync.account().user_id)]
        assert [a.path.read_bytes() if a.path else None for a in seen] == [memo, card]
    finally:
        author.engine.client.close()
        author.store.engine.dispose()


def test_the_cache_limit_keeps_the_newest_leads_files_and_the_rest_come_when_opened(
        make_device, hub):
    author = make_device("author", "marketer@example.com")
    older = _lead(author, "2026-04-01T09:00:00Z", "old@example.com")
    newer = _lead(author, "2026-05-02T09:00:00Z", "new@example.com")
    old_photo, new_photo = photo_jpeg(2000, 1500, 1_300_000), photo_jpeg(2000, 1500, 1_200_000)
    attachments = _attachments(author)
    first = attachments.add(older, "photo", old_photo, mime_type="image/jpeg")
    second = attachments.add(newer, "photo", new_photo, mime_type="image/jpeg")
    # Files that wait for the hub stay whatever the limit (2 MB here, 2.5 MB of photos).
    tight = collateral_file_policy(author.store, 2 * 1024 * 1024)
    assert tight.tidy(open_file_cache(author.data_dir)) == []
    assert all(a.path is not None for a in attachments.for_lead(older) + attachments.for_lead(newer))
    _synced(author)

    settings = Settings.load(author.data_dir.parent / "reader")
    settings.cache_limit_mb = 2
    hub.add_user("reader@example.com", "Rosa Reader", "marketer")
    reader = make_device("reader", "reader@example.com")
    reader.engine.client.close()
    reader.engine = build_engine(reader.data_dir, reader.store, settings, timeouts=FAST,
                                 digest_interval_s=0)
    _synced(reader)
    files = _attachments(reader)
    [got_new], [got_old] = files.for_lead(newer), files.for_lead(older)
    assert got_new.path is not None and got_new.path.read_bytes() == new_photo
    assert got_old.path is None  # not on this device yet: over the limit
    # The lead's detail asks for it: fetched on demand from the hub.
    fetched = ensure_attachment_file(reader.data_dir, reader.store, settings, first.sha256)
    assert fetched is not None and fetched.read_bytes() == old_photo
    assert files.get(first.id).path == fetched
    # A file no attachment names is never fetched this way.
    assert ensure_attachment_file(reader.data_dir, reader.store, settings,
                                  hashlib.sha256(b"x").hexdigest()) is None
    # The next sync keeps the newest lead's file within the limit again.
    _synced(reader)
    assert files.get(second.id).path is not None
    assert files.get(first.id).path is None


def test_an_erased_persons_voice_notes_and_photos_are_shredded_on_every_device(make_device, hub):
    hub.add_user("marketer2@example.com", "Max Marketer", "marketer")
    rep = make_device("rep")
    lead_id = _lead(rep)
    author = make_device("author", "marketer@example.com")
    _synced(author)
    memo = voice_m4a(9_000, 50_000, seed=b"the visitor's own voice")
    added = _attachments(author).add(lead_id, "voice", memo, mime_type="audio/mp4",
                                     duration_ms=9_000, caption="Ana Silva wants a call")
    _synced(author)
    reader = make_device("reader", "marketer2@example.com")
    _synced(reader)
    assert _attachments(reader).get(added.id).path is not None

    privacy.erase_person(hub.engine, EMAIL, by="test", blobs_dir=hub.blobs_dir)
    for device in (author, reader):
        _synced(device)
        assert not (blob_dir(device.data_dir) / added.sha256).exists()
        for path in device.data_dir.rglob("*"):
            if path.is_file():
                assert b"the visitor's own voice" not in path.read_bytes(), path
        # Not fetched again: the lead is an erased stub now.
        _synced(device)
        assert not (blob_dir(device.data_dir) / added.sha256).exists()
    caption = SyncStore(author.store).store.get("lead_attachment", added.id, include_deleted=True)
    assert caption is None or "Ana Silva" not in str(caption.get("caption"))
