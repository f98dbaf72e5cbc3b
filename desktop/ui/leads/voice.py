"""Voice notes: record a memo (AAC in an .m4a file, stopping itself at two minutes) and play one.

No widgets: the capture form and the lead's detail show the buttons and the countdown; this
module runs QtMultimedia. The recorder is one capture session with one `QMediaRecorder`,
configured in one place (`configure_recorder`), fed by the microphone or, through the same
session and recorder, by audio buffers from memory (`BufferFeed`, how the tests record a
generated tone on a machine without a microphone).

QtMultimedia is imported only when asked: on Linux it needs the system's PulseAudio library,
and a machine without it says why voice notes are unavailable instead of failing to start.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QTimer, QUrl, Signal

from desktop.ui.common.multimedia import load_multimedia
from fieldnote.attachments import VOICE_MAX_BYTES, VOICE_MAX_MS

log = logging.getLogger(__name__)

# The recorder stops this long before the limit: the encoder still writes the audio it holds
# when asked to stop, so the note ends at about two minutes, not after them.
STOP_AHEAD_MS = 150
VOICE_MIME = "audio/mp4"
VOICE_SUFFIX = ".m4a"
# A recording left by a crash (an .m4a without its index cannot be played) is removed this
# many seconds after it was last written.
_STALE_S = 24 * 3600

_multimedia_error: str | None = None


def multimedia() -> Any | None:
    """PySide6.QtMultimedia, or None when this machine cannot load it (`unavailable_reason`
    then says why)."""
    global _multimedia_error
    try:
        return load_multimedia()
    except ImportError as exc:  # e.g. libpulse is missing on Linux
        if _multimedia_error is None:
            log.info("voice notes unavailable: %s", exc)
        _multimedia_error = str(exc) or type(exc).__name__
        return None



@dataclass(frozen=True)
class VoiceSupport:
    """Whether this computer can record (and play) voice notes now; `reason` says why not."""

    can_record: bool
    can_play: bool
    reason: str = ""


def voice_support() -> VoiceSupport:
    """What this machine offers: QtMultimedia loaded, and a microphone to record with."""
    qm = multimedia()
    if qm is None:
        return VoiceSupport(False, False, QCoreApplication.translate("VoiceNotes",
            "Voice notes are unavailable: this computer lacks the audio libraries they need "
            "(%1).").replace("%1", _multimedia_error or "QtMultimedia"))
    if not qm.QMediaDevices.audioInputs():
        return VoiceSupport(False, True, QCoreApplication.translate("VoiceNotes",
            "No microphone found: connect one to record voice notes."))
    return VoiceSupport(True, True)


def configure_recorder(qm: Any, recorder: Any) -> None:
    """How every voice note is encoded: AAC in an MPEG-4 audio file (.m4a), mono, at low
    quality — about 1 MB for two minutes of speech, which QMediaRecorder encodes everywhere."""
    fmt = qm.QMediaFormat(qm.QMediaFormat.FileFormat.Mpeg4Audio)
    fmt.setAudioCodec(qm.QMediaFormat.AudioCodec.AAC)
    recorder.setMediaFormat(fmt)
    recorder.setQuality(qm.QMediaRecorder.Quality.LowQuality)
    recorder.setEncodingMode(qm.QMediaRecorder.EncodingMode.ConstantQualityEncoding)
    recorder.setAudioChannelCount(1)


@dataclass(frozen=True)
class VoiceClip:
    """A finished recording: the file's bytes and how long it lasts."""

    data: bytes
    duration_ms: int
    auto_stopped: bool  # it reached the two-minute limit
    mime_type: str = VOICE_MIME


class BufferFeed(QObject):
    """Audio from memory instead of a microphone: PCM chunks of one format, handed to the
    recorder's session through a `QAudioBufferInput` as fast as the encoder takes them.

    The input is made without a format: given one up front, Qt 6.11's encoder never reports
    it is ready for buffers; without, it takes the format from the first buffer. Each buffer
    carries its start time, so the file's timeline is the audio's, not the wall clock's.

    Like a microphone, the feed runs at most `ahead_ms` ahead of what the recorder reports as
    encoded (`encoded`): the recorder's own limit then stops it where it would stop a
    microphone, instead of the encoder's queue holding seconds more.
    """

    ended = Signal()

    def __init__(self, chunks: Iterator[bytes], *, sample_rate: int = 16_000,
                 channels: int = 1, ahead_ms: int = 250,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        qm = multimedia()
        if qm is None:
            raise RuntimeError("QtMultimedia is not available")
        self._qm = qm
        self._chunks = chunks
        self._format = qm.QAudioFormat()
        self._format.setSampleRate(sample_rate)
        self._format.setChannelCount(channels)
        self._format.setSampleFormat(qm.QAudioFormat.SampleFormat.Int16)
        self._frames = 0
        self._done = False
        self._waiting = False
        self.ahead_ms = ahead_ms
        self.sent_ms = 0
        self.encoded_ms = 0
        self.input = qm.QAudioBufferInput(self)
        self.input.readyToSendAudioBuffer.connect(self._on_input_ready)

    def encoded(self, ms: int) -> None:
        """The recorder has encoded `ms` of audio: send more if the feed was waiting."""
        self.encoded_ms = max(self.encoded_ms, ms)
        if self._waiting:
            self._waiting = False
            self._on_input_ready()

    def _on_input_ready(self) -> None:
        if self._done:
            return
        if self.sent_ms - self.encoded_ms > self.ahead_ms:
            self._waiting = True  # `encoded` resumes it
            return
        chunk = next(self._chunks, None)
        if chunk is None:
            self._done = True
            self.ended.emit()
            return
        start_us = self._frames * 1_000_000 // self._format.sampleRate()
        buffer = self._qm.QAudioBuffer(QByteArray(chunk), self._format, start_us)
        if self.input.sendAudioBuffer(buffer):
            self._frames += buffer.frameCount()
            self.sent_ms = self._frames * 1000 // self._format.sampleRate()

    def close(self) -> None:
        """Send nothing more (the recorder stops: the rest of the audio is not wanted)."""
        self._done = True


class VoiceRecorder(QObject):
    """Records one voice note at a time into `work_dir`, then hands over its bytes.

    `remaining_changed(ms)` drives the visible countdown; at the limit the recorder stops by
    itself. `recorded(VoiceClip)` or `failed(message)` ends every recording; the file in
    `work_dir` is removed either way (the caller keeps the bytes where it wants them).
    """

    started = Signal()
    remaining_changed = Signal(int)
    recorded = Signal(object)  # VoiceClip
    failed = Signal(str)

    def __init__(self, work_dir: Path, *, max_ms: int = VOICE_MAX_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work_dir = work_dir
        self.max_ms = max_ms
        self._qm: Any = None
        self._session: Any = None
        self._recorder: Any = None
        self._input: Any = None
        self._feed: BufferFeed | None = None
        self._path: Path | None = None
        self._auto_stopped = False
        self._cancelled = False
        self._duration = 0
        self._error: str | None = None
        # A backstop on the wall clock: a microphone that stops delivering audio still ends
        # the recording shortly after the limit.
        self._backstop = QTimer(self, singleShot=True)
        self._backstop.timeout.connect(self._on_limit)

    def recording(self) -> bool:
        return self._recorder is not None

    def start(self, feed: BufferFeed | None = None) -> bool:
        """Start recording from the default microphone (or from `feed`). False, with
        `failed` emitted, when it cannot start."""
        if self._recorder is not None:
            return False
        qm = multimedia()
        if qm is None:
            self.failed.emit(voice_support().reason)
            return False
        if feed is None and qm.QMediaDevices.defaultAudioInput().isNull():
            self.failed.emit(voice_support().reason or QCoreApplication.translate(
                "VoiceNotes", "No microphone found."))
            return False
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self._remove_stale()
        self._qm = qm
        self._path = self.work_dir / f"{uuid.uuid4().hex}{VOICE_SUFFIX}"
        self._auto_stopped = self._cancelled = False
        self._duration = 0
        self._error = None
        session = qm.QMediaCaptureSession(self)
        recorder = qm.QMediaRecorder(self)
        configure_recorder(qm, recorder)
        recorder.setOutputLocation(QUrl.fromLocalFile(str(self._path)))
        session.setRecorder(recorder)
        if feed is None:
            self._input = qm.QAudioInput(qm.QMediaDevices.defaultAudioInput(), self)
            session.setAudioInput(self._input)
        else:
            self._feed = feed
            feed.ended.connect(self.stop)
            session.setAudioBufferInput(feed.input)
        recorder.durationChanged.connect(self._on_duration_changed)
        recorder.recorderStateChanged.connect(self._on_state_changed)
        recorder.errorOccurred.connect(self._on_error)
        self._session, self._recorder = session, recorder
        recorder.record()
        self._backstop.start(self.max_ms + 1_000)
        self.remaining_changed.emit(self.max_ms)
        self.started.emit()
        return True

    def stop(self) -> None:
        """Finish the recording; `recorded` follows once the file is complete."""
        self._backstop.stop()
        if self._feed is not None:
            self._feed.close()
        if self._recorder is not None:
            self._recorder.stop()

    def cancel(self) -> None:
        """Stop and throw the recording away (no `recorded`)."""
        self._cancelled = True
        self.stop()

    def _on_limit(self) -> None:
        self._auto_stopped = True
        self.stop()

    def _on_duration_changed(self, ms: int) -> None:
        self._duration = max(self._duration, int(ms))
        if self._feed is not None:
            self._feed.encoded(self._duration)
        self.remaining_changed.emit(max(0, self.max_ms - self._duration))
        if self._duration >= self.max_ms - STOP_AHEAD_MS and not self._auto_stopped:
            self._on_limit()

    def _on_error(self, _error: Any, text: str) -> None:
        log.warning("voice recording failed: %s", text)
        self._error = text or QCoreApplication.translate("VoiceNotes", "the recorder stopped")

    def _on_state_changed(self, state: Any) -> None:
        if self._qm is None or state != self._qm.QMediaRecorder.RecorderState.StoppedState:
            return
        self._backstop.stop()
        path, duration = self._path, max(self._duration, int(self._recorder.duration()))
        self._teardown()
        data = b""
        if path is not None:
            with contextlib.suppress(OSError):
                data = path.read_bytes()
            path.unlink(missing_ok=True)
        if self._cancelled:
            return
        if self._error is not None and not data:
            self.failed.emit(QCoreApplication.translate(
                "VoiceNotes", "The voice note could not be recorded: %1").replace("%1", self._error))
        elif not data or duration <= 0:
            self.failed.emit(QCoreApplication.translate(
                "VoiceNotes", "Nothing was recorded: the microphone gave no sound."))
        elif len(data) > VOICE_MAX_BYTES:
            self.failed.emit(QCoreApplication.translate(
                "VoiceNotes", "The voice note came out larger than %1 MB and was not kept.")
                .replace("%1", str(VOICE_MAX_BYTES // (1024 * 1024))))
        else:
            self.recorded.emit(VoiceClip(data, duration, self._auto_stopped))

    def _teardown(self) -> None:
        recorder, session, inp, feed = self._recorder, self._session, self._input, self._feed
        self._recorder = self._session = self._input = self._feed = None
        for obj in (recorder, session, inp):
            if obj is not None:
                obj.deleteLater()
        if feed is not None:
            feed.ended.disconnect(self.stop)

    def _remove_stale(self) -> None:
        import time

        old = time.time() - _STALE_S
        for entry in self.work_dir.glob(f"*{VOICE_SUFFIX}"):
            with contextlib.suppress(OSError):
                if entry.stat().st_mtime < old:
                    entry.unlink()


class VoicePlayer(QObject):
    """Plays one voice note at a time (a second `play` stops the first).

    `position_changed(ms)`, `duration_changed(ms)`, `playing_changed(bool)` and `finished`
    let a row show where it is; `failed(message)` when the file cannot be played.
    """

    position_changed = Signal(int)
    duration_changed = Signal(int)
    playing_changed = Signal(bool)
    finished = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._player: Any = None
        self._output: Any = None
        self.source: Path | None = None

    def available(self) -> bool:
        return multimedia() is not None

    def _ensure(self) -> Any:
        if self._player is None:
            qm = multimedia()
            if qm is None:
                return None
            self._qm = qm
            # An audio output is what drives playback on: without one nothing advances.
            self._output = qm.QAudioOutput(self)
            self._player = qm.QMediaPlayer(self)
            self._player.setAudioOutput(self._output)
            self._player.positionChanged.connect(lambda ms: self.position_changed.emit(int(ms)))
            self._player.durationChanged.connect(lambda ms: self.duration_changed.emit(int(ms)))
            self._player.playbackStateChanged.connect(self._on_playback_state_changed)
            self._player.mediaStatusChanged.connect(self._on_media_status_changed)
            self._player.errorOccurred.connect(self._on_error)
        return self._player

    def play(self, path: Path) -> None:
        """Play `path` from the start (or go on where a pause left it, for the same file)."""
        player = self._ensure()
        if player is None:
            self.failed.emit(voice_support().reason)
            return
        if self.source != path:
            player.stop()
            self.source = path
            player.setSource(QUrl.fromLocalFile(str(path)))
        player.play()

    def pause(self) -> None:
        if self._player is not None:
            self._player.pause()

    def stop(self) -> None:
        if self._player is not None:
            self._player.stop()

    def playing(self) -> bool:
        return (self._player is not None and self._player.playbackState()
                == self._qm.QMediaPlayer.PlaybackState.PlayingState)

    def toggle(self, path: Path) -> None:
        """Play/pause: pause this file when it plays, else play it."""
        if self.playing() and self.source == path:
            self.pause()
        else:
            self.play(path)

    def _on_playback_state_changed(self, state: Any) -> None:
        self.playing_changed.emit(state == self._qm.QMediaPlayer.PlaybackState.PlayingState)

    def _on_media_status_changed(self, status: Any) -> None:
        if status == self._qm.QMediaPlayer.MediaStatus.EndOfMedia:
            self.finished.emit()

    def _on_error(self, _error: Any, text: str) -> None:
        log.info("voice note could not be played: %s", text)
        self.failed.emit(QCoreApplication.translate(
            "VoiceNotes", "This voice note cannot be played: %1").replace(
            "%1", text or QCoreApplication.translate("VoiceNotes", "unknown error")))
