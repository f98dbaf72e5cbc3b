"""The files of voice notes and photos on the hub, over real HTTP on SQLite and PostgreSQL: read
by whoever sees the record naming them, held to what the record says, in the person's export
whole, shredded with the person (by request or by retention, unfinished uploads too), and
carried by a backup into a restored hub."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import tarfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from fieldnote.ids import new_id
from hub import retention, transfer
from hub.db.engine import make_engine
from hub.db.tables import RECORD_TABLES
from hub.shared_settings import set_shared_setting
from tests.hub.client import SyncClient, lead_fields
from tests.hub.test_resumable_upload import _piece, _where, upload
from tests.support.media import photo_jpeg, voice_m4a

EMAIL = "visitor.recorded@example.com"
VOICE = voice_m4a(45_000, 80_000, seed=b"the corridor memo")
PHOTO = photo_jpeg(1600, 1200, 120_000)
VOICE_SHA = hashlib.sha256(VOICE).hexdigest()
PHOTO_SHA = hashlib.sha256(PHOTO).hexdigest()


def _voice(lead_id: str, **over: Any) -> dict[str, Any]:
    return {"lead_id": lead_id, "media": "voice", "file_sha256": VOICE_SHA,
            "file_size": len(VOICE), "mime_type": "audio/mp4", "duration_ms": 45_000,
            "caption": "Ana wants the price list", "at": "2026-11-24T10:16:00Z", **over}


def _photo(lead_id: str, **over: Any) -> dict[str, Any]:
    return {"lead_id": lead_id, "media": "photo", "label": "business_card",
            "file_sha256": PHOTO_SHA, "file_size": len(PHOTO), "mime_type": "image/jpeg",
            "width": 1600, "height": 1200, "caption": "Card of Ana Silva",
            "at": "2026-11-24T10:17:00Z", **over}


def _lead_with_files(rep: SyncClient, **extra: Any) -> tuple[str, str, str]:
    """A lead with a voice note and a photo, their files sent in pieces first."""
    assert upload(rep, VOICE, [10, 30_000]).status_code in (200, 201)
    assert upload(rep, PHOTO, [60_000]).status_code in (200, 201)
    lead_id, voice_id, photo_id = new_id(), new_id(), new_id()
    assert rep.push_one("lead", lead_id, lead_fields(email=EMAIL, **extra))["status"] == "applied"
    for record_id, fields in ((voice_id, _voice(lead_id)), (photo_id, _photo(lead_id))):
        answer = rep.push_one("lead_attachment", record_id, fields)
        assert answer["status"] == "applied", answer
    return lead_id, voice_id, photo_id


def _get(person: SyncClient, sha: str) -> int:
    return person.http.get(f"{person.hub.url}/v1/blobs/{sha}", timeout=30).status_code


def test_the_files_are_read_by_whoever_sees_the_voice_note_or_photo(
        people: dict[str, SyncClient]) -> None:
    rep, rep2 = people["rep"], people["rep2"]
    _lead_with_files(rep)
    mine = rep.http.get(f"{rep.hub.url}/v1/blobs/{VOICE_SHA}", timeout=30)
    assert mine.status_code == 200 and mine.content == VOICE
    # The rep's manager sees the team's leads; another team's rep does not.
    assert _get(people["manager"], PHOTO_SHA) == 200
    assert _get(people["marketer"], PHOTO_SHA) == 200
    assert _get(rep2, PHOTO_SHA) == 404 and _get(rep2, VOICE_SHA) == 404
    # The upload's shortcut follows the same rule.
    assert _where(rep, PHOTO_SHA).headers.get("Upload-Complete") == "?1"
    assert "Upload-Complete" not in _where(rep2, PHOTO_SHA).headers


def test_a_record_is_held_to_the_file_it_names(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    assert upload(rep, PHOTO, []).status_code == 201
    lead_id = new_id()
    assert rep.push_one("lead", lead_id, lead_fields())["status"] == "applied"
    as_png = rep.push_one("lead_attachment", new_id(), _photo(lead_id, mime_type="image/png"))
    assert as_png["status"] == "rejected"
    assert as_png["problem"]["errors"] == [
        {"field": "file_sha256", "message": "This file is image/jpeg, not image/png"}]
    smaller = rep.push_one("lead_attachment", new_id(), _photo(lead_id, file_size=1000))
    assert smaller["status"] == "rejected"
    assert smaller["problem"]["errors"][0]["field"] == "file_size"
    # A file that is no voice note or photo (a marketer's PDF) cannot be one.
    pdf = b"%PDF-1.4\n" + b"sheet " * 100
    pdf_sha = hashlib.sha256(pdf).hexdigest()
    assert people["marketer"].http.put(f"{rep.hub.url}/v1/blobs/{pdf_sha}", data=pdf,
                                       timeout=30).status_code == 201
    answer = rep.push_one("lead_attachment", new_id(), _photo(
        lead_id, file_sha256=pdf_sha, file_size=len(pdf)))
    assert answer["status"] == "rejected" and \
        answer["problem"]["errors"][0]["field"] == "file_sha256"
    assert rep.push_one("lead_attachment", new_id(), _photo(lead_id))["status"] == "applied"


def test_the_export_holds_the_files_whole(people: dict[str, SyncClient]) -> None:
    rep, admin = people["rep"], people["admin"]
    lead_id, voice_id, photo_id = _lead_with_files(rep)
    answer = admin.http.post(f"{rep.hub.url}/v1/admin/person/export", json={"email": EMAIL},
                             timeout=60)
    assert answer.status_code == 200, answer.text
    [lead] = answer.json()["leads"]
    assert lead["id"] == lead_id
    notes = {n["id"]: n["fields"] for n in lead["voice_notes_and_photos"]}
    assert notes[voice_id]["caption"] == "Ana wants the price list"
    assert notes[photo_id]["label"] == "business_card"
    files = {a["sha256"]: a for a in lead["attachments"]}
    assert base64.b64decode(files[VOICE_SHA]["content_base64"]) == VOICE
    assert base64.b64decode(files[PHOTO_SHA]["content_base64"]) == PHOTO
    assert files[PHOTO_SHA]["field"] == f"lead_attachment {photo_id} file_sha256"


def _stored(person: SyncClient, sha: str) -> Path:
    return person.hub.blobs_dir / sha[:2] / sha


def _hub_files_hold(person: SyncClient, data: bytes) -> bool:
    probe = data[1000:1064]
    return any(probe in p.read_bytes() for p in person.hub.blobs_dir.rglob("*") if p.is_file())


def test_erasing_the_person_deletes_their_voice_notes_and_photos_and_shreds_the_files(
        people: dict[str, SyncClient]) -> None:
    rep, rep2, admin = people["rep"], people["rep2"], people["admin"]
    _, cursor = rep.pull_all()
    lead_id, voice_id, photo_id = _lead_with_files(rep)
    # Someone was still sending the photo: that unfinished upload goes too.
    assert _piece(rep2, PHOTO_SHA, 0, len(PHOTO), PHOTO[:5000]).status_code == 204
    # One the rep removed earlier is shredded as well.
    other = voice_m4a(2_000, 3_000, seed=b"an older memo")
    other_sha = hashlib.sha256(other).hexdigest()
    assert upload(rep, other, []).status_code == 201
    removed_id = new_id()
    assert rep.push_one("lead_attachment", removed_id, _voice(
        lead_id, file_sha256=other_sha, file_size=len(other)))["status"] == "applied"
    version = rep.visible("lead_attachment")[("lead_attachment", removed_id)]["version"]
    assert rep.push_one("lead_attachment", removed_id, op="delete",
                        base=version)["status"] == "applied"

    erased = admin.http.post(f"{rep.hub.url}/v1/admin/person/erase", json={"email": EMAIL},
                             timeout=60)
    assert erased.status_code == 200, erased.text
    report = erased.json()
    assert report["attachments"] == 3 and report["files_removed"] == 3
    for sha in (VOICE_SHA, PHOTO_SHA, other_sha):
        assert not _stored(rep, sha).exists()
        assert _get(rep, sha) == 404
    assert not _hub_files_hold(rep, PHOTO) and not _hub_files_hold(rep, VOICE)
    assert _where(rep2, PHOTO_SHA).headers["Upload-Offset"] == "0"
    # Every device that held them pulls their deletion (and shreds its copies).
    changes, _ = rep.pull_all(cursor)
    for record_id in (voice_id, photo_id):
        assert changes[("lead_attachment", record_id)]["deleted"] is True
    assert changes[("lead", lead_id)]["fields"]["erased_at"]
    # What the hub keeps of them names no file and holds no caption.
    table = RECORD_TABLES["lead_attachment"]
    with rep.hub.engine.connect() as conn:
        rows = conn.execute(select(table.c.deleted, table.c.file_sha256, table.c.caption)
                            .where(table.c.lead_id == lead_id)).all()
    assert sorted(rows) == [(True, None, None)] * 3
    # A late voice note for the erased person is refused.
    late = rep.push_one("lead_attachment", new_id(), _voice(lead_id))
    assert late["status"] == "rejected"


def test_retention_takes_the_files_of_the_leads_it_erases(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=40)).isoformat().replace("+00:00", "Z")
    _lead_with_files(rep, captured_at=old)
    set_shared_setting(rep.hub.engine, "retention_days", "30")
    report = retention.run(rep.hub.engine, blobs_dir=rep.hub.blobs_dir)
    assert report.erased is not None
    assert report.counts()["attachments"] == 2 and report.counts()["files_removed"] == 2
    assert not _stored(rep, VOICE_SHA).exists() and not _stored(rep, PHOTO_SHA).exists()


def test_a_backup_carries_the_files_into_a_restored_hub(people: dict[str, SyncClient],
                                                        tmp_path: Path) -> None:
    rep = people["rep"]
    _lead_with_files(rep)
    # An unfinished upload is no file a record names: it stays out of the backup.
    assert _piece(rep, hashlib.sha256(b"\xff\xd8\xff" + b"x" * 99).hexdigest(), 0, 102,
                  b"\xff\xd8\xff" + b"x" * 20).status_code == 204
    archive = tmp_path / "hub.tar.gz"
    summary = transfer.backup(rep.hub.engine, rep.hub.blobs_dir, archive)
    assert summary.blobs == 2 and not summary.missing_blobs
    with tarfile.open(archive) as tar:
        names = sorted(n for n in tar.getnames() if n.startswith("blobs/"))
    assert names == sorted(f"blobs/{s[:2]}/{s}" for s in (VOICE_SHA, PHOTO_SHA))
    target = make_engine(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
    blobs = tmp_path / "restored-blobs"
    restored = transfer.restore(archive, target, blobs, force=False, where="a new file")
    assert restored.blobs == 2
    assert (blobs / VOICE_SHA[:2] / VOICE_SHA).read_bytes() == VOICE
    assert (blobs / PHOTO_SHA[:2] / PHOTO_SHA).read_bytes() == PHOTO
    target.dispose()
