"""The rules of voice notes and photos on a lead (fieldnote.attachments): what a file's first
bytes show, and which attachment records the desktop and the hub refuse, in words."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldnote import attachments as rules
from fieldnote.kinds import LEAD_ATTACHMENT
from fieldnote.validation import check_complete
from tests.support.media import photo_jpeg, photo_png, voice_m4a, voice_ogg

SHA = "a" * 64
LEAD = "01930000-0000-7000-8000-0000000000c1"


def voice(**over):
    return {"lead_id": LEAD, "media": "voice", "file_sha256": SHA, "file_size": 40_000,
            "mime_type": "audio/mp4", "duration_ms": 15_000, **over}


def photo(**over):
    return {"lead_id": LEAD, "media": "photo", "label": "business_card", "file_sha256": SHA,
            "file_size": 900_000, "mime_type": "image/jpeg", "width": 2560, "height": 1440,
            **over}


@pytest.mark.parametrize(("head", "mime"), [
    (voice_m4a()[:16], "audio/mp4"),
    (b"\x00\x00\x00\x1cftypmp42\x00\x00\x00\x00", "audio/mp4"),
    (b"\x00\x00\x00\x1cftypisom\x00\x00\x02\x00", "audio/mp4"),
    (voice_ogg()[:16], "audio/ogg"),
    (photo_jpeg()[:16], "image/jpeg"),
    (photo_png()[:16], "image/png"),
    (b"\x00\x00\x00\x1cftypqt  \x00\x00\x00\x00", None),  # a QuickTime movie
    (b"%PDF-1.7\n", None),
    (b"\x89PNG", None),  # cut short
    (b"", None),
    (b"\xff\xd8", None),
    (b"RIFF\x00\x00\x00\x00WAVE", None),
], ids=lambda v: repr(v)[:40] if isinstance(v, bytes) else str(v))
def test_sniff_reads_the_type_from_the_first_bytes(head, mime):
    assert rules.sniff(head) == mime


def test_media_and_size_limits_per_type():
    assert [rules.media_of(m) for m in ("audio/mp4", "audio/ogg", "image/jpeg", "image/png",
                                        "video/mp4", None)] == [
        "voice", "voice", "photo", "photo", None, None]
    assert rules.max_bytes("audio/mp4") == rules.max_bytes("audio/ogg") == 4 * 1024 * 1024
    assert rules.max_bytes("image/png") == rules.max_bytes("image/jpeg") == 16 * 1024 * 1024
    assert rules.max_bytes("application/pdf") == rules.max_bytes(None) == 0
    assert rules.VOICE_MAX_MS == 120_000 and rules.PHOTO_MAX_EDGE == 2560


def test_a_good_voice_note_and_photo_have_no_problems():
    assert rules.problems(voice()) == []
    assert rules.problems(voice(mime_type="audio/ogg", duration_ms=121_500)) == []
    assert rules.problems(photo()) == []
    assert rules.problems(photo(label=None, width=None, height=None, mime_type="image/png")) == []
    assert check_complete(LEAD_ATTACHMENT, voice()) == []


@pytest.mark.parametrize(("fields", "expected"), [
    (voice(mime_type="image/png"), [("mime_type", "a voice note is audio/mp4 or audio/ogg")]),
    (photo(mime_type="audio/mp4"), [("mime_type", "a photo is image/jpeg or image/png")]),
    (voice(media="video"), [("media", "is a voice note or a photo")]),
    (voice(duration_ms=None), [("duration_ms", "a voice note needs its length")]),
    (voice(duration_ms=0), [("duration_ms", "a voice note needs its length")]),
    (voice(duration_ms=122_001), [("duration_ms", "a voice note lasts at most 2 minutes")]),
    (voice(duration_ms="15000"), [("duration_ms", "a voice note needs its length")]),
    (voice(label="badge"), [("label", "only photos have a label")]),
    (voice(width=10), [("width", "a voice note has no picture size")]),
    (photo(duration_ms=5), [("duration_ms", "a photo has no length")]),
    (photo(label="selfie"), [("label", "is one of badge, business_card, whiteboard, product, other")]),
    (photo(width=0), [("width", "is the photo's size in pixels")]),
    (photo(height=True), [("height", "is the photo's size in pixels")]),
    (voice(file_size=4 * 1024 * 1024 + 1), [("file_size", "a voice note holds at most 4 MB")]),
    (photo(file_size=16 * 1024 * 1024 + 1), [("file_size", "a photo holds at most 16 MB")]),
    (photo(file_size=0), [("file_size", "is the file's size in bytes")]),
    (photo(file_size=None), [("file_size", "is the file's size in bytes")]),
    (photo(file_sha256="A" * 64), [("file_sha256", "names the file by its sha256 (64 lower-case "
                                                    "hex digits)")]),
    (photo(file_sha256="../etc/passwd"), [("file_sha256", "names the file by its sha256 (64 "
                                                          "lower-case hex digits)")]),
])
def test_problems_name_the_field_and_say_why(fields, expected):
    assert rules.problems(fields) == expected


def test_the_record_rules_run_with_every_save_and_push():
    errors = check_complete(LEAD_ATTACHMENT, voice(duration_ms=200_000))
    assert [(e.field, e.message) for e in errors] == [
        ("duration_ms", "a voice note lasts at most 2 minutes")]
    # A required field missing is said once, not again by the attachment rules.
    errors = check_complete(LEAD_ATTACHMENT, voice(file_sha256=None))
    assert [(e.field, e.message) for e in errors] == [("file_sha256", "is required")]


@pytest.mark.parametrize(("data", "mime", "expected"), [
    (voice_m4a(), "audio/mp4", None),
    (voice_m4a(), None, None),
    (photo_png(), "image/png", None),
    (photo_png(), "image/jpeg", "This file is image/png, not image/jpeg"),
    (b"%PDF-1.4 hello", None, "This file is not a voice note (M4A or Ogg) or a photo (JPEG or PNG)"),
])
def test_content_problem_checks_what_the_bytes_are(data, mime, expected):
    assert rules.content_problem(data, mime, len(data)) == expected


def test_content_problem_refuses_a_file_over_its_types_limit():
    head = voice_m4a()[:16]
    assert rules.content_problem(head, "audio/mp4", 5 * 1024 * 1024) == (
        "A voice note holds at most 4 MB; this file has 5,242,880 bytes")
    assert rules.content_problem(photo_png()[:16], None, 17 * 1024 * 1024).startswith(
        "A photo holds at most 16 MB")


_values = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=70),
                    st.floats(allow_nan=True), st.lists(st.integers(), max_size=2))


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(("media", "mime_type", "label", "file_sha256",
                                        "file_size", "duration_ms", "width", "height")),
                       _values))
def test_problems_answer_any_fields_without_raising(fields):
    found = rules.problems(fields)
    assert all(isinstance(f, str) and isinstance(m, str) and m for f, m in found)


@settings(max_examples=200, deadline=None)
@given(media=st.sampled_from(rules.MEDIA), data=st.binary(min_size=1, max_size=64),
       ms=st.integers(1, rules.VOICE_MAX_MS), edge=st.integers(1, rules.PHOTO_MAX_EDGE))
def test_every_attachment_within_the_limits_passes(media, data, ms, edge):
    sha = hashlib.sha256(data).hexdigest()
    for mime in rules.MIME_TYPES[media]:
        fields = {"media": media, "mime_type": mime, "file_sha256": sha,
                  "file_size": rules.max_bytes(mime)}
        fields.update({"duration_ms": ms} if media == "voice" else {"width": edge, "height": 1})
        assert rules.problems(fields) == []


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=32))
def test_sniff_never_raises_and_names_only_attachment_types(head):
    assert rules.sniff(head) in (None, *rules.ALL_MIME_TYPES)


# -- what a file says about itself ----------------------------------------------------------


def test_a_voice_notes_length_is_read_from_its_container():
    assert rules.voice_duration_ms(voice_m4a(95_250)) == 95_250
    assert rules.voice_duration_ms(voice_m4a(0)) == 0
    opus = (b"OggS" + bytes(24) + b"OpusHead\x01\x01" + (312).to_bytes(2, "little")
            + bytes(10) + b"OggS\x00\x04" + (48_000 * 7 + 312).to_bytes(8, "little") + bytes(20))
    assert rules.voice_duration_ms(opus) == 7_000
    vorbis = (b"OggS" + bytes(24) + b"\x01vorbis" + bytes(4) + b"\x01"
              + (44_100).to_bytes(4, "little") + bytes(10) + b"OggS\x00\x04"
              + (44_100 * 3).to_bytes(8, "little") + bytes(20))
    assert rules.voice_duration_ms(vorbis) == 3_000
    assert rules.voice_duration_ms(photo_png()) is None
    assert rules.voice_duration_ms(b"\x00\x00\x00\x10ftypM4A \x00\x00\x00\x00") is None


def test_a_photos_size_is_read_from_its_header():
    assert rules.photo_size(photo_png(33, 17)) == (33, 17)
    assert rules.photo_size(photo_jpeg(2560, 1440)) == (2560, 1440)
    assert rules.photo_size(voice_m4a()) is None
    assert rules.photo_size(b"\xff\xd8\xff\xe0\x00") is None


def test_metadata_leaves_a_photo_and_its_pixels_stay():
    payload = b"Exif\x00\x00GPS 52.5N\x00\x00"
    exif = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
    comment = b"\xff\xfe" + (7).to_bytes(2, "big") + b"hello"
    plain = photo_jpeg(64, 48)
    tagged = plain[:2] + exif + plain[2:20] + comment + plain[20:]
    assert rules.without_metadata(tagged) == plain
    assert rules.without_metadata(plain) == plain
    png = photo_png(5, 5)
    words = b"Author\x00Ana Silva"
    text = len(words).to_bytes(4, "big") + b"tEXt" + words + b"\x00\x00\x00\x00"
    assert rules.without_metadata(png[:33] + text + png[33:]) == png
    audio = voice_m4a()
    assert rules.without_metadata(audio) is audio


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), st.sampled_from([b"", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n",
                                                  b"\x00\x00\x00\x10ftypM4A ", b"OggS"]))
def test_reading_a_file_never_raises_on_any_bytes(tail, head):
    data = head + tail
    rules.voice_duration_ms(data)
    rules.photo_size(data)
    assert isinstance(rules.without_metadata(data), bytes)
