"""Scanning with the camera: recorded frames through the very pipeline the camera feeds."""

from __future__ import annotations

import threading

import pytest
import zxingcpp
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.ui.leads import camera_panel
from desktop.ui.leads.barcodes import decode_image
from desktop.ui.leads.camera import Camera, CameraFrames, FrameDecoder, ImageFrames, cameras
from tests.desktop.leads.conftest import open_capture_page

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

BADGE = "MECARD:N:Silva,Ana;EMAIL:ana@zenith.example;;"


def code_image(text: str, fmt: str = "QRCode") -> QImage:
    """A camera-sized frame with the code in the middle of a grey desk."""
    bits = zxingcpp.write_barcode_to_image(
        zxingcpp.create_barcode(text, getattr(zxingcpp.BarcodeFormat, fmt)), scale=4)
    height, width = bits.shape
    code = QImage(bytes(memoryview(bits)), width, height, width,
                  QImage.Format.Format_Grayscale8).copy()
    frame = blank()
    painter = QPainter(frame)
    painter.drawImage(QPoint((frame.width() - width) // 2, (frame.height() - height) // 2), code)
    painter.end()
    return frame


def blank() -> QImage:
    frame = QImage(640, 480, QImage.Format.Format_RGB32)
    frame.fill(QColor(200, 200, 200))
    return frame


@pytest.fixture
def capture(qtbot, services):
    page = open_capture_page(qtbot, services)
    yield page.capture
    page.capture.camera.stop()


def play(qtbot, panel, frames, interval_ms=0):
    source = ImageFrames(frames, interval_ms)
    with qtbot.waitSignal(source.finished, timeout=10_000):
        panel.start(source)
    qtbot.waitUntil(panel.decoder.idle, timeout=10_000)
    return source


def test_blank_frames_then_a_badge_reach_the_form_as_one_scan(qtbot, capture):
    play(qtbot, capture.camera, [blank()] * 5 + [code_image(BADGE)])
    qtbot.waitUntil(lambda: capture.inputs["email"].text() == "ana@zenith.example")
    assert capture.inputs["last_name"].text() == "Silva"
    assert capture._source == "scan"  # the same path as a scanner's scan
    assert capture.camera.scans == 1
    assert capture.camera.flashing()
    qtbot.waitUntil(lambda: not capture.camera.flashing())


def test_a_badge_held_up_for_many_frames_is_one_scan(qtbot, capture):
    frames = [code_image(BADGE)] * 20
    play(qtbot, capture.camera, frames, interval_ms=15)
    assert capture.camera.decoder.decoded > 1  # seen again and again ...
    assert capture.camera.scans == 1  # ... scanned once
    assert capture.inputs["email"].text() == "ana@zenith.example"


def test_the_same_code_after_the_quiet_period_and_another_code_are_new_scans(qtbot):
    now = [100.0]
    decoder = FrameDecoder(clock=lambda: now[0], debounce_s=4.0)
    got: list[str] = []
    decoder.scanned.connect(got.append)
    decoder.start()
    try:
        def show(image):
            with qtbot.waitSignal(decoder.frame_decoded, timeout=10_000):
                decoder.offer(image)

        a, b = code_image("A1234567", "Code128"), code_image(BADGE)
        show(a)
        now[0] += 3.0
        show(a)  # still held up: nothing new, and the quiet period starts over
        now[0] += 3.0
        show(a)  # 6 s after the scan, 3 s after last seen: still held up
        now[0] += 1.0
        show(b)
        now[0] += 2.5
        show(a)  # 3.5 s after last seen: still the same visitor
        now[0] += 4.5
        show(a)  # put away and shown again
        assert got == ["A1234567", BADGE, "A1234567"]
    finally:
        decoder.stop()


def test_frames_arriving_while_a_decode_runs_are_dropped_and_the_latest_is_read(qtbot):
    entered, release = threading.Event(), threading.Event()

    def slow_first(image):
        if not entered.is_set():
            entered.set()
            release.wait(10)
        return decode_image(image)

    decoder = FrameDecoder(decode=slow_first)
    got: list[str] = []
    decoder.scanned.connect(got.append)
    decoder.start()
    try:
        decoder.offer(code_image("FIRST-0"))
        assert entered.wait(10)
        flood = [code_image(f"FLOOD-{i}", "Code128") for i in range(1, 11)]
        source = ImageFrames(flood)
        source.frame.connect(decoder.offer)
        with qtbot.waitSignal(source.finished, timeout=10_000):
            source.start()
        release.set()
        qtbot.waitUntil(lambda: decoder.idle() and len(got) == 2, timeout=10_000)
        assert got == ["FIRST-0", "FLOOD-10"]
        assert decoder.offered == 11
        assert decoder.decoded == 2
        assert decoder.dropped == 9
    finally:
        release.set()
        decoder.stop()


def test_malformed_codes_and_broken_frames_give_nothing_and_the_camera_reads_on(qtbot, capture):
    torn = code_image(BADGE)
    painter = QPainter(torn)
    painter.fillRect(torn.width() // 2 - 40, torn.height() // 2 - 40, 80, 80, QColor("white"))
    painter.end()
    noise = QImage(640, 480, QImage.Format.Format_Grayscale8)
    noise.fill(128)
    for y in range(0, 480, 3):
        for x in range(0, 640, 3):
            noise.setPixelColor(x, y, QColor("black") if (x * 7 + y * 13) % 5 < 2 else QColor("white"))
    play(qtbot, capture.camera, [torn, QImage(), noise, QImage(1, 1, QImage.Format.Format_Mono)],
         interval_ms=20)
    assert capture.camera.scans == 0
    assert capture.inputs["email"].text() == ""
    assert capture.camera.decoder.decoded >= 1
    play(qtbot, capture.camera, [code_image(BADGE)])
    qtbot.waitUntil(lambda: capture.inputs["email"].text() == "ana@zenith.example")


def test_a_decoder_that_fails_on_a_frame_skips_it(qtbot):
    calls = []

    def flaky(image):
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("the reader choked")
        return decode_image(image)

    decoder = FrameDecoder(decode=flaky)
    got: list[str] = []
    decoder.scanned.connect(got.append)
    decoder.start()
    try:
        for _ in range(2):
            with qtbot.waitSignal(decoder.frame_decoded, timeout=10_000):
                decoder.offer(code_image(BADGE))
        assert got == [BADGE]
    finally:
        decoder.stop()


def test_a_camera_scan_in_quick_scan_mode_saves_the_visitor(qtbot, capture, services):
    capture.quick_scan.setChecked(True)
    play(qtbot, capture.camera, [code_image(BADGE)])
    qtbot.waitUntil(lambda: services.store.count("lead") == 1)


def test_without_a_camera_the_button_says_so_and_is_disabled(capture):
    if cameras():
        pytest.skip("this machine has a camera")
    assert capture.camera_button.text() == "No camera found"
    assert not capture.camera_button.isEnabled()


def test_several_cameras_are_offered_and_the_choice_is_remembered(qtbot, capture, services,
                                                                  monkeypatch):
    found = [Camera("cam-a", "Built-in camera"), Camera("cam-b", "USB document camera")]
    monkeypatch.setattr(camera_panel, "cameras", lambda: found)
    services.settings.camera_id = "cam-b"
    capture.refresh_camera_button()
    assert capture.camera_button.isEnabled() and capture.camera_button.text() == "Camera"
    chooser = capture.camera.chooser
    assert [chooser.itemText(i) for i in range(chooser.count())] == [
        "Built-in camera", "USB document camera"]
    assert capture.camera.chosen_id() == "cam-b"
    chooser.setCurrentIndex(0)
    chooser.activated.emit(0)
    assert services.settings.camera_id == "cam-a"
    assert '"camera_id": "cam-a"' in (services.data_dir / "settings.json").read_text()


def test_a_camera_that_cannot_start_says_why_and_turns_off(qtbot, capture):
    capture.camera_button.setEnabled(True)
    capture.camera.start(CameraFrames("no-such-camera"))
    qtbot.waitUntil(lambda: not capture.camera.running())
    assert capture.camera.isVisible()
    assert "camera" in capture.camera.status.text().lower()
    assert not capture.camera_button.isChecked()


def test_the_panel_turns_the_camera_off_and_the_button_follows(qtbot, capture):
    capture.camera_button.setEnabled(True)
    capture.camera_button.setChecked(True)  # no camera here: it fails and says why
    qtbot.waitUntil(lambda: not capture.camera_button.isChecked())
    assert capture.camera.isVisible() and not capture.camera.preview.isVisible()
    capture.camera.close_button.click()
    assert not capture.camera.isVisible()
    capture.camera.start(ImageFrames([blank()], 10))
    assert capture.camera.running()
    capture.camera.close_button.click()
    assert not capture.camera.running() and not capture.camera.isVisible()


def test_the_scan_sound_is_a_short_valid_wav():
    import wave

    with wave.open(str(camera_panel.beep_file())) as sound:
        assert sound.getnchannels() == 1
        assert 0.05 < sound.getnframes() / sound.getframerate() < 0.3


def test_a_busy_camera_says_so_in_the_panel(qtbot, capture):
    class BusyCamera(CameraFrames):
        def start(self):  # what QCamera.errorOccurred reports when another app holds it
            self._on_error(None, "Device or resource busy")

    capture.camera.start(BusyCamera("cam-a"))
    assert "Device or resource busy" in capture.camera.status.text()
    assert "another app" in capture.camera.status.text()
    assert not capture.camera.running() and not capture.camera.preview.isVisible()
    assert capture.camera.isVisible()


def test_qtmultimedia_loads_with_qt_s_own_message_handler(qapp):
    """Its backends warn from inside the dynamic loader: a Python handler there can deadlock
    with a thread importing an extension module, so Qt's handler is in place meanwhile, and the
    app's is back afterwards."""
    from PySide6.QtCore import qInstallMessageHandler

    from desktop.ui.common import multimedia

    def app_handler(_mode, _context, _message):
        pass

    before = qInstallMessageHandler(app_handler)
    try:
        with multimedia.qt_messages_to_stderr():
            inside = qInstallMessageHandler(None)
            assert inside is None  # Qt's default handler, no Python
        cameras()  # loads QtMultimedia and its backend, lists the video inputs
        assert qInstallMessageHandler(app_handler) is app_handler
    finally:
        qInstallMessageHandler(before)


def test_only_one_module_imports_qtmultimedia():
    """The camera and voice notes get it from `desktop.ui.common.multimedia`, which loads it
    with Qt's own message handler; an import elsewhere could load the backend without."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / "desktop"
    importers = sorted(str(path.relative_to(root)) for path in root.rglob("*.py")
                       if "import QtMultimedia" in path.read_text(encoding="utf-8")
                       or "PySide6.QtMultimedia import" in path.read_text(encoding="utf-8"))
    assert importers == ["ui/common/multimedia.py"]
