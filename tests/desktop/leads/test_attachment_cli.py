"""`fieldnote leads attach` and `leads attachments` as real processes: a photo loses its
metadata and keeps its size, a voice note's length comes from its file, what the rules refuse
is one line with exit 2 and nothing written, and the list says what is on this device."""

from __future__ import annotations

import json

from desktop.store import open_store
from tests.desktop.leads.test_cli import fieldnote
from tests.support.media import photo_jpeg, photo_png, voice_m4a

AT = "2026-05-01T10:00:00Z"


def _lead(data_dir) -> str:  # type: ignore[no-untyped-def]
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        return store.save("lead", {"last_name": "Silva", "email": "ana@zenith.example",
                                   "captured_at": AT}).record_id
    finally:
        store.engine.dispose()


def test_attach_a_photo_and_a_voice_note_then_list_them(data_dir, tmp_path):
    lead_id = _lead(data_dir)
    plain = photo_jpeg(1280, 960, 5_000)
    payload = b"Exif\x00\x00GPS 52.37N 9.73E"
    photo = tmp_path / "card.JPG"
    photo.write_bytes(plain[:2] + b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
                      + plain[2:])
    memo = tmp_path / "memo.m4a"
    memo.write_bytes(voice_m4a(61_500, 20_000))

    added = fieldnote("leads", "attach", "ana@zenith.example", str(photo), "--label",
                      "business_card", "--caption", "Card from the booth", "--json",
                      "--data-dir", str(data_dir))
    assert added.returncode == 0, added.stderr
    card = json.loads(added.stdout)
    assert (card["media"], card["label"], card["mime_type"], card["size"], card["on_device"],
            card["uploaded"]) == ("photo", "business_card", "image/jpeg", len(plain), True, False)
    assert (data_dir / "blobs" / card["sha256"]).read_bytes() == plain  # no GPS position kept
    voice = fieldnote("leads", "attach", lead_id, str(memo), "--data-dir", str(data_dir))
    assert voice.returncode == 0, voice.stderr
    voice_id = voice.stdout.strip()

    listed = fieldnote("leads", "attachments", lead_id, "--json", "--data-dir", str(data_dir))
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["id"], r["media"], r["duration_ms"]) for r in rows] == [
        (card["id"], "photo", None), (voice_id, "voice", 61_500)]
    text = fieldnote("leads", "attachments", lead_id, "--data-dir", str(data_dir))
    assert "Card from the booth" in text.stdout and "61s" in text.stdout
    assert text.stdout.rstrip().endswith("2 voice note(s) and photo(s)")
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        [photo_row] = [r for r in store.all("lead_attachment") if r["media"] == "photo"]
        assert (photo_row["width"], photo_row["height"]) == (1280, 960)
        kinds = [e["kind"] for e in store.outbox_entries()]
        assert kinds.count("lead_attachment") == 2
    finally:
        store.engine.dispose()


def test_attach_refuses_in_one_line_and_writes_nothing(data_dir, tmp_path):
    lead_id = _lead(data_dir)
    pdf = tmp_path / "brochure.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"not a picture at all")
    long_memo = tmp_path / "long.m4a"
    long_memo.write_bytes(voice_m4a(180_000))
    silent = tmp_path / "silent.m4a"
    silent.write_bytes(voice_m4a(0))
    big = tmp_path / "big.png"
    big.write_bytes(photo_png() + bytes(17 * 1024 * 1024))
    cases = [
        ((lead_id, str(pdf)), "Not attached: brochure.pdf is not a photo (.jpg, .jpeg, .png) or "
                              "a voice note (.m4a, .ogg)."),
        ((lead_id, str(fake)), "Not attached: This file is not a voice note (M4A or Ogg) or a "
                               "photo (JPEG or PNG)."),
        ((lead_id, str(long_memo)), "Not attached: duration_ms: a voice note lasts at most 2 "
                                    "minutes."),
        ((lead_id, str(silent)), "Not attached: silent.m4a does not say how long it lasts; record "
                                 "it again or convert it to .m4a."),
        ((lead_id, str(long_memo), "--label", "badge"), "Not attached: only photos have a label."),
        ((lead_id, str(big)), "Not attached: A photo holds at most 16 MB; this file has "
                              f"{big.stat().st_size:,} bytes."),
    ]
    for args, message in cases:
        done = fieldnote("leads", "attach", *args, "--data-dir", str(data_dir))
        assert (done.returncode, done.stderr.strip().splitlines()[-1]) == (
            2, f"fieldnote: {message}"), args
        assert "Traceback" not in done.stderr
    nobody = fieldnote("leads", "attach", "nobody@example.com", str(photo_like(tmp_path)),
                       "--data-dir", str(data_dir))
    assert nobody.returncode == 2
    assert "No lead 'nobody@example.com' on this device" in nobody.stderr
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        assert store.all("lead_attachment") == []
    finally:
        store.engine.dispose()
    assert not (data_dir / "blobs").exists() or not any((data_dir / "blobs").iterdir())


def photo_like(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "ok.png"
    path.write_bytes(photo_png())
    return path
