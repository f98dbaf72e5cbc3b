"""Scan with the camera: frames from a `FrameSource`, decoded on a worker thread, one scan per code.

A frame source is the laptop's camera (`CameraFrames`, QtMultimedia's video sink) or recorded
frames (`ImageFrames`, a list of QImages). Both feed the same `FrameDecoder`: it keeps one slot,
"the latest frame", so a frame that arrives while a decode runs replaces the waiting one and is
never queued (the preview stays smooth, the decoder always reads what the camera sees now).
Codes are read by the badge-photo reader (`barcodes.decode_image`); the same code seen again
within `DEBOUNCE_S` is the visitor still holding their badge up, not a new scan.

QtMultimedia is imported only here and only when asked: a machine without it (or without its
audio libraries) has no camera option, and says so, instead of failing to start.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage

from desktop.ui.common.multimedia import load_multimedia
from desktop.ui.leads.barcodes import Decoded, decode_image

log = logging.getLogger(__name__)

# The same code again within this many seconds of its last sighting is not a new scan.
DEBOUNCE_S = 4.0


@dataclass(frozen=True)
class Camera:
    id: str  # QCameraDevice.id(), stable across runs: what the settings remember
    name: str  # its description, for the chooser


def multimedia() -> Any | None:
    """PySide6.QtMultimedia, or None when this machine cannot load it."""
    try:
        return load_multimedia()
    except ImportError as exc:  # e.g. its audio libraries are missing
        log.info("camera scanning unavailable: %s", exc)
        return None


def cameras() -> list[Camera]:
    """The video inputs this machine has now (empty without any, or without QtMultimedia)."""
    qm = multimedia()
    if qm is None:
        return []
    return [Camera(device_id(d), d.description() or device_id(d))
            for d in qm.QMediaDevices.videoInputs()]


def device_id(device: Any) -> str:
    raw = device.id()
    return raw if isinstance(raw, str) else bytes(raw).decode("utf-8", "replace")


class FrameSource(QObject):
    """Where frames come from; `frame` may be emitted on any thread."""

    frame = Signal(QImage)
    failed = Signal(str)  # a message for the user; the source has stopped

    def start(self) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class ImageFrames(FrameSource):
    """Recorded frames played one every `interval_ms` (0: as fast as the event loop runs)."""

    finished = Signal()

    def __init__(self, images: Sequence[QImage], interval_ms: int = 0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images = list(images)
        self._at = 0
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self._next)

    def start(self) -> None:
        self._at = 0
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _next(self) -> None:
        if self._at >= len(self._images):
            self._timer.stop()
            self.finished.emit()
            return
        self._at += 1
        self.frame.emit(self._images[self._at - 1])


class CameraFrames(FrameSource):
    """Frames of one camera through a capture session and a video sink."""

    def __init__(self, camera_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.camera_id = camera_id
        self._camera: Any = None
        self._session: Any = None
        self._sink: Any = None

    def start(self) -> None:
        qm = multimedia()
        if qm is None:
            self.failed.emit(QCoreApplication.translate(
                "CameraFrames", "This computer cannot use a camera (camera support is missing)."))
            return
        if not self._permitted():
            return
        device = next((d for d in qm.QMediaDevices.videoInputs()
                       if device_id(d) == self.camera_id), None)
        if device is None:
            self.failed.emit(QCoreApplication.translate(
                "CameraFrames", "That camera is not connected any more; choose another."))
            return
        self._camera = qm.QCamera(device)
        self._camera.errorOccurred.connect(self._on_error)
        self._session = qm.QMediaCaptureSession()
        self._session.setCamera(self._camera)
        self._sink = qm.QVideoSink()
        # Converted on the thread that delivers the frame: the window's thread only paints.
        self._sink.videoFrameChanged.connect(self._on_frame, Qt.ConnectionType.DirectConnection)
        self._session.setVideoSink(self._sink)
        self._camera.start()

    def _permitted(self) -> bool:
        """Where the system asks the user (macOS), ask; a refusal says where to allow it."""
        app = QCoreApplication.instance()
        try:
            from PySide6.QtCore import QCameraPermission
        except ImportError:
            return True
        if app is None:
            return True
        status = app.checkPermission(QCameraPermission())
        if status == Qt.PermissionStatus.Granted:
            return True
        if status == Qt.PermissionStatus.Denied:
            self._denied()
            return False
        app.requestPermission(QCameraPermission(), self, self._on_permission)
        return False

    def _on_permission(self, permission: Any) -> None:
        if permission.status() == Qt.PermissionStatus.Granted:
            self.start()
        else:
            self._denied()

    def _denied(self) -> None:
        self.failed.emit(QCoreApplication.translate(
            "CameraFrames", "Camera access is denied. Allow Fieldnote to use the camera in the "
            "system's privacy settings, then try again."))

    def _on_error(self, _error: Any, text: str) -> None:
        self.stop()
        self.failed.emit(QCoreApplication.translate(
            "CameraFrames", "The camera cannot be used (%1). Is another app using it?")
            .replace("%1", text or QCoreApplication.translate("CameraFrames", "no reason given")))

    def _on_frame(self, frame: Any) -> None:
        image = frame.toImage()
        if not image.isNull():
            self.frame.emit(image)

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self._camera = self._session = self._sink = None


class FrameDecoder(QObject):
    """Decodes the latest offered frame on its own thread; `scanned(text)` once per code.

    `offer` never blocks: a frame offered while another waits replaces it (`dropped` counts
    those). `decode` is the badge-photo reader unless a test passes its own.
    """

    scanned = Signal(str)
    frame_decoded = Signal()  # after each decode, found or not (for tests and the status line)
    _found = Signal(object)

    def __init__(self, decode: Callable[[QImage], list[Decoded]] = decode_image,
                 debounce_s: float = DEBOUNCE_S, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._decode = decode
        self.debounce_s = debounce_s
        self._clock = clock
        self._cond = threading.Condition()
        self._latest: QImage | None = None
        self._running = False
        self._thread: threading.Thread | None = None
        self._seen: dict[str, float] = {}
        self._busy = False
        self.offered = self.decoded = self.dropped = 0
        self._found.connect(self._on_found, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        with self._cond:
            if self._running:
                return
            self._running = True
        self._thread = threading.Thread(target=self._work, name="camera decoder", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        with self._cond:
            self._running = False
            self._latest = None
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def idle(self) -> bool:
        """No frame waiting and none being decoded."""
        with self._cond:
            return self._latest is None and not self._busy

    def offer(self, image: QImage) -> None:
        with self._cond:
            self.offered += 1
            if self._latest is not None:
                self.dropped += 1
            self._latest = image
            self._cond.notify()

    def _work(self) -> None:
        while True:
            with self._cond:
                while self._running and self._latest is None:
                    self._cond.wait()
                if not self._running:
                    return
                image, self._latest = self._latest, None
                self._busy = True
            try:
                found = self._decode(image) if image is not None else []
            except Exception:  # a frame the reader chokes on is skipped, never fatal
                log.exception("a camera frame could not be decoded")
                found = []
            with self._cond:
                self.decoded += 1
                self._busy = False
            self._found.emit([d.text for d in found])

    def _on_found(self, texts: list[str]) -> None:
        if not self._running:
            return  # stopped meanwhile: a code read just before is not a scan any more
        now = self._clock()
        self._seen = {t: at for t, at in self._seen.items() if now - at < self.debounce_s}
        fresh = [t for t in texts if t not in self._seen]
        for text in texts:
            self._seen[text] = now  # held up again: the quiet period starts over
        if fresh:
            self.scanned.emit(fresh[0])
        self.frame_decoded.emit()
