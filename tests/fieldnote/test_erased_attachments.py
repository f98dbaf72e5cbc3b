"""What the hub keeps of an erased person's voice note or photo: no file's name, no caption,
no identifier in its text; the facts that are no one's (medium, when, who recorded it) stay."""

from __future__ import annotations

from fieldnote import privacy


def test_an_erased_voice_note_names_no_file_and_holds_no_caption() -> None:
    fields = {"lead_id": "l1", "media": "voice", "file_sha256": "ab" * 32, "file_size": 10,
              "mime_type": "audio/mp4", "duration_ms": 4000, "caption": "Ana Silva, call back",
              "at": "2026-11-24T10:15:00Z", "author_id": "u1"}
    kept = privacy.erase_deleted("lead_attachment", fields, ["Ana Silva"])
    assert kept["file_sha256"] is None and kept["caption"] is None
    assert {k: kept[k] for k in ("lead_id", "media", "duration_ms", "at", "author_id")} == {
        "lead_id": "l1", "media": "voice", "duration_ms": 4000, "at": "2026-11-24T10:15:00Z",
        "author_id": "u1"}
    assert privacy.attachments(kept) == {}
    assert "lead_attachment" in privacy.DELETED_KINDS
