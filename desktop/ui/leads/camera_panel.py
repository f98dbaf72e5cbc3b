"""The capture screen's camera panel: a preview, the camera chooser, and a flash and a beep per scan.

It shows and asks; the frames go through `camera.FrameDecoder` and each new code leaves as
`scanned(text)`, which the capture form takes exactly as a badge scanner's scan.
"""

from __future__ import annotations

import logging
import math
import struct
import tempfile
import wave
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import Settings
from desktop.ui.leads.camera import (
    Camera,
    CameraFrames,
    FrameDecoder,
    FrameSource,
    cameras,
    multimedia,
)

log = logging.getLogger(__name__)

PREVIEW_SIZE = (224, 168)  # 4:3, small enough for a 640-pixel-high window
FLASH_MS = 300


def beep_file() -> Path:
    """A short 1.2 kHz beep as a WAV in the temp directory, written once."""
    path = Path(tempfile.gettempdir()) / "fieldnote-scan-beep.wav"
    if not path.exists():
        rate, seconds = 22050, 0.12
        frames = b"".join(
            struct.pack("<h", int(12000 * math.sin(2 * math.pi * 1200 * i / rate)
                                  * min(1.0, (rate * seconds - i) / 400)))
            for i in range(int(rate * seconds)))
        # A file of its own, then renamed: two windows starting at once never mix their bytes.
        with (tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as part,
              wave.open(part, "wb") as out):
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(rate)
            out.writeframes(frames)
        Path(part.name).chmod(0o644)  # a shared temp directory: other accounts beep too
        Path(part.name).replace(path)
    return path


class CameraPanel(QFrame):
    """Hidden until the camera is turned on; `scanned(text)` once per code seen."""

    scanned = Signal(str)
    stopped = Signal()  # the camera stopped: turned off here, or an error the panel shows

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.settings = settings
        self.decoder = FrameDecoder(parent=self)
        self.decoder.scanned.connect(self._on_scanned)
        self.source: FrameSource | None = None
        self.scans = 0
        self._sound: Any = None

        row = QHBoxLayout(self)
        self.preview = QLabel()
        self.preview.setObjectName("cameraPreview")
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setAccessibleName(self.tr("Camera preview"))
        row.addWidget(self.preview)
        side = QVBoxLayout()
        self.chooser_label = QLabel(self.tr("Camera"))
        side.addWidget(self.chooser_label)
        self.chooser = QComboBox()
        self.chooser.setAccessibleName(self.tr("Camera"))
        self.chooser.activated.connect(self._on_chosen)
        side.addWidget(self.chooser)
        self.status = QLabel()
        self.status.setObjectName("cameraStatus")
        self.status.setWordWrap(True)
        side.addWidget(self.status)
        side.addStretch(1)
        self.close_button = QPushButton(self.tr("Turn camera off"))
        self.close_button.clicked.connect(self.turn_off)
        side.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(side, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._flash_off = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_off.timeout.connect(lambda: self._set_flash(False))
        self._set_flash(False)
        self.setVisible(False)

    # -- cameras -----------------------------------------------------------------------

    def refresh_cameras(self) -> list[Camera]:
        """List the cameras in the chooser, the remembered one selected; returns them."""
        found = cameras()
        self.chooser.clear()
        for cam in found:
            self.chooser.addItem(cam.name, cam.id)
        at = self.chooser.findData(self.settings.camera_id)
        self.chooser.setCurrentIndex(max(at, 0))
        self.chooser.setEnabled(len(found) > 1)
        self.chooser.setVisible(bool(found))
        self.chooser_label.setVisible(bool(found))
        return found

    def chosen_id(self) -> str:
        return str(self.chooser.currentData() or "")

    def _on_chosen(self, _index: int) -> None:
        self.settings.camera_id = self.chosen_id()
        self.settings.save()
        if self.running():
            self.start()

    # -- running -----------------------------------------------------------------------

    def running(self) -> bool:
        return self.source is not None

    def start(self, source: FrameSource | None = None) -> None:
        """Show the panel and decode `source` (the chosen camera unless one is given)."""
        self.stop()
        self.source = source if source is not None else CameraFrames(self.chosen_id())
        self.source.setParent(self)  # the panel owns the source until it stops
        # The decoder's mailbox is thread-safe: frames reach it straight from the sink's thread.
        self.source.frame.connect(self.decoder.offer, Qt.ConnectionType.DirectConnection)
        self.source.frame.connect(self._show_frame)
        self.source.failed.connect(self._on_failed)
        self.setVisible(True)
        self.preview.setVisible(True)
        self.close_button.setText(self.tr("Turn camera off"))
        self.status.setText(self.tr("Hold the badge's code up to the camera."))
        self.decoder.start()
        self.source.start()

    def stop(self) -> None:
        if self.source is not None:
            source, self.source = self.source, None
            source.frame.disconnect(self.decoder.offer)
            source.stop()
            source.deleteLater()
        self.decoder.stop()
        self.preview.clear()

    def turn_off(self) -> None:
        """Stop the camera and put the panel away."""
        self.stop()
        self.setVisible(False)
        self.stopped.emit()

    def _on_failed(self, message: str) -> None:
        """The camera could not start or stopped: the panel stays, with the reason only."""
        self.stop()
        self.preview.setVisible(False)
        self.status.setText(message)
        self.close_button.setText(self.tr("Close"))
        self.stopped.emit()

    def _show_frame(self, image: QImage) -> None:
        if self.source is None or image.isNull():
            return
        self.preview.setPixmap(QPixmap.fromImage(image.scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation)))

    # -- a scan ------------------------------------------------------------------------

    def _on_scanned(self, text: str) -> None:
        self.scans += 1
        self._set_flash(True)
        self._flash_off.start()
        self._beep()
        self.status.setText(self.tr("Read. Hold up the next badge."))
        self.scanned.emit(text)

    def flashing(self) -> bool:
        return bool(self.preview.property("flash"))

    def _set_flash(self, on: bool) -> None:
        self.preview.setProperty("flash", on)
        color = self.palette().highlight().color().name()
        self.preview.setStyleSheet(
            f"#cameraPreview {{ border: 6px solid {color if on else 'transparent'};"
            " background: black; }")

    def _beep(self) -> None:
        if self._sound is None:
            qm = multimedia()
            if qm is not None:
                try:
                    self._sound = qm.QSoundEffect(self)
                    self._sound.setSource(QUrl.fromLocalFile(str(beep_file())))
                except OSError as exc:
                    log.info("no scan sound: %s", exc)
                    self._sound = False
            else:
                self._sound = False
        if self._sound:
            self._sound.play()
        else:
            QApplication.beep()
