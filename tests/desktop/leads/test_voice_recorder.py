"""Voice notes: a generated tone recorded through the very session and recorder the microphone
feeds, stopped at two minutes, played back; and what a machine without audio says.

No microphone or speaker is needed: `BufferFeed` hands the tone to the recorder's capture
session through a `QAudioBufferInput`, and the player needs no audio device to play a file.
"""

from __future__ import annotations

import pytest

from desktop.ui.leads import voice
from desktop.ui.leads.voice import BufferFeed, VoicePlayer, VoiceRecorder, configure_recorder
from fieldnote.attachments import VOICE_MAX_BYTES, VOICE_MAX_MS, VOICE_SLACK_MS, problems, sniff
from tests.desktop.leads.media_samples import tone_chunks

needs_multimedia = pytest.mark.skipif(
    voice.multimedia() is None, reason="QtMultimedia cannot load here (its audio libraries are missing)")


def record(qtbot, tmp_path, seconds, *, max_ms=VOICE_MAX_MS, timeout=60_000):
    recorder = VoiceRecorder(tmp_path / "recording", max_ms=max_ms)
    remaining: list[int] = []
    recorder.remaining_changed.connect(remaining.append)
    feed = BufferFeed(tone_chunks(seconds), parent=recorder)
    with qtbot.waitSignal(recorder.recorded, timeout=timeout) as got:
        assert recorder.start(feed)
        assert recorder.recording()
    assert not recorder.recording()
    return got.args[0], remaining, recorder


def play_to_end(qtbot, path):
    player = VoicePlayer()
    durations: list[int] = []
    player.duration_changed.connect(durations.append)
    with qtbot.waitSignal(player.finished, timeout=20_000):
        player.play(path)
    return player, durations


def loaded_duration(qtbot, path) -> int:
    """How long the player says the file lasts, without playing it through."""
    player = VoicePlayer()
    with qtbot.waitSignal(player.duration_changed, timeout=10_000,
                          check_params_cb=lambda ms: ms > 0) as got:
        player.play(path)
    player.stop()
    return int(got.args[0])


@needs_multimedia
def test_a_generated_tone_is_recorded_as_aac_in_m4a_and_plays_to_its_end(qtbot, tmp_path):
    clip, remaining, _recorder = record(qtbot, tmp_path, 1.5)
    assert sniff(clip.data[:16]) == "audio/mp4" and clip.mime_type == "audio/mp4"
    assert 1_300 <= clip.duration_ms <= 1_700
    assert not clip.auto_stopped
    assert remaining[0] == VOICE_MAX_MS and remaining == sorted(remaining, reverse=True)
    assert problems({"media": "voice", "mime_type": clip.mime_type, "file_sha256": "0" * 64,
                     "file_size": len(clip.data), "duration_ms": clip.duration_ms}) == []
    # The recording's file is handed over as bytes and removed from the work folder.
    assert list((tmp_path / "recording").iterdir()) == []
    path = tmp_path / "note.m4a"
    path.write_bytes(clip.data)
    _player, durations = play_to_end(qtbot, path)
    assert durations and abs(durations[-1] - clip.duration_ms) <= 100


@needs_multimedia
def test_recording_stops_by_itself_at_two_minutes_and_counts_down(qtbot, tmp_path):
    clip, remaining, _recorder = record(qtbot, tmp_path, 150, timeout=120_000)
    assert clip.auto_stopped
    assert VOICE_MAX_MS - 1_000 <= clip.duration_ms <= VOICE_MAX_MS + VOICE_SLACK_MS
    # The countdown runs from two minutes to zero, never upwards.
    assert remaining[0] == VOICE_MAX_MS and remaining[-1] <= 200
    assert remaining == sorted(remaining, reverse=True)
    assert len(remaining) > 100
    # Compressed: about 1 MB for two minutes, well within the limit.
    assert len(clip.data) < min(VOICE_MAX_BYTES, 1_500_000)
    path = tmp_path / "long.m4a"
    path.write_bytes(clip.data)
    assert abs(loaded_duration(qtbot, path) - clip.duration_ms) <= 200
    assert problems({"media": "voice", "mime_type": "audio/mp4", "file_sha256": "0" * 64,
                     "file_size": len(clip.data), "duration_ms": clip.duration_ms}) == []


@needs_multimedia
def test_the_recorder_encodes_aac_in_an_mpeg4_audio_file_at_low_quality(qapp):
    qm = voice.multimedia()
    recorder = qm.QMediaRecorder()
    configure_recorder(qm, recorder)
    fmt = recorder.mediaFormat()
    assert fmt.fileFormat() == qm.QMediaFormat.FileFormat.Mpeg4Audio
    assert fmt.audioCodec() == qm.QMediaFormat.AudioCodec.AAC
    assert recorder.quality() == qm.QMediaRecorder.Quality.LowQuality
    assert recorder.audioChannelCount() == 1
    # The encoder this machine has can write that combination.
    assert qm.QMediaFormat.AudioCodec.AAC in qm.QMediaFormat(
        qm.QMediaFormat.FileFormat.Mpeg4Audio).supportedAudioCodecs(
        qm.QMediaFormat.ConversionMode.Encode)


@needs_multimedia
def test_a_cancelled_recording_leaves_nothing(qtbot, tmp_path):
    recorder = VoiceRecorder(tmp_path / "recording")
    got: list[object] = []
    recorder.recorded.connect(got.append)
    recorder.failed.connect(got.append)
    feed = BufferFeed(tone_chunks(30), parent=recorder)
    assert recorder.start(feed)
    qtbot.waitUntil(lambda: feed.sent_ms > 500)
    recorder.cancel()
    qtbot.waitUntil(lambda: not recorder.recording())
    assert got == []
    assert list((tmp_path / "recording").iterdir()) == []


@needs_multimedia
def test_a_second_start_while_recording_is_refused(qtbot, tmp_path):
    recorder = VoiceRecorder(tmp_path / "recording")
    feed = BufferFeed(tone_chunks(30), parent=recorder)
    assert recorder.start(feed)
    assert not recorder.start(BufferFeed(tone_chunks(30), parent=recorder))
    qtbot.waitUntil(lambda: feed.encoded_ms > 300)
    with qtbot.waitSignal(recorder.recorded, timeout=20_000) as got:
        recorder.stop()
    assert got.args[0].duration_ms > 300


@needs_multimedia
def test_a_recording_stopped_before_any_sound_says_nothing_was_recorded(qtbot, tmp_path):
    recorder = VoiceRecorder(tmp_path / "recording")
    assert recorder.start(BufferFeed(iter(()), parent=recorder))
    with qtbot.waitSignal(recorder.failed, timeout=20_000) as got:
        recorder.stop()
    assert "Nothing was recorded" in got.args[0]
    assert list((tmp_path / "recording").iterdir()) == []


@needs_multimedia
@pytest.mark.qt_log_ignore("Could not open media")
def test_a_file_that_is_no_audio_says_it_cannot_be_played(qtbot, tmp_path):
    path = tmp_path / "broken.m4a"
    path.write_bytes(b"\0\0\0\x18ftypM4A " + b"\x00" * 64)
    player = VoicePlayer()
    with qtbot.waitSignal(player.failed, timeout=10_000) as got:
        player.play(path)
    assert "cannot be played" in got.args[0]


def test_without_qtmultimedia_voice_notes_say_why_and_nothing_starts(qtbot, tmp_path,
                                                                      monkeypatch):
    monkeypatch.setattr(voice, "multimedia", lambda: None)
    monkeypatch.setattr(voice, "_multimedia_error", "libpulse.so.0: cannot open shared object file")
    support = voice.voice_support()
    assert not support.can_record and not support.can_play
    assert "audio libraries" in support.reason and "libpulse" in support.reason
    recorder = VoiceRecorder(tmp_path / "recording")
    with qtbot.waitSignal(recorder.failed) as got:
        assert not recorder.start()
    assert got.args[0] == support.reason
    player = VoicePlayer()
    with qtbot.waitSignal(player.failed):
        player.play(tmp_path / "any.m4a")


@needs_multimedia
def test_without_a_microphone_recording_says_so(qtbot, tmp_path, monkeypatch):
    qm = voice.multimedia()
    if qm.QMediaDevices.audioInputs():
        pytest.skip("this machine has a microphone")
    support = voice.voice_support()
    assert not support.can_record and support.can_play
    assert "microphone" in support.reason
    recorder = VoiceRecorder(tmp_path / "recording")
    with qtbot.waitSignal(recorder.failed) as got:
        assert not recorder.start()
    assert "microphone" in got.args[0]
