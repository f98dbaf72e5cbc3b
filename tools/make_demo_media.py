"""Make the demo's voice note and photos in `resources/demo/media/` and list them in `media.json`.

Run `QT_QPA_PLATFORM=offscreen python -m tools.make_demo_media` from the project root. They
belong to the demo rep's latest lead (`fieldnote.demo.attachment_lead`): a business card with
that visitor's name, a whiteboard sketch from the booth, and a short voice memo. Everything is
generated (drawn with QPainter, a speech-like tone recorded through the app's own recorder and
photo normaliser), so the files are what the app itself makes; nothing is recorded or shot.
"""

from __future__ import annotations

import argparse
import array
import json
import math
import random
import sys
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QEventLoop, QIODevice, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

from desktop.ui.leads.photos import normalise_photo
from desktop.ui.leads.voice import BufferFeed, VoiceClip, VoiceRecorder
from fieldnote.demo import attachment_lead, demo_dataset
from resources.demo_files import MEDIA_DIR, MEDIA_LIST, demo_collateral, demo_dir

RATE = 16_000


def _encode(image: QImage) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "JPG", 92)
    return bytes(buf.data().data())


def business_card(lead: Mapping[str, Any]) -> QImage:
    """A business card lying on a desk, with the visitor's name, title and company."""
    image = QImage(2000, 1300, QImage.Format.Format_RGB32)
    image.fill(QColor("#8a6f55"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.translate(1000, 650)
    p.rotate(-4)
    card = QRectF(-800, -470, 1600, 940)
    p.fillRect(card.translated(18, 22), QColor(40, 30, 20, 90))
    p.fillRect(card, QColor("#fbfaf6"))
    p.fillRect(QRectF(card.left(), card.top(), 46, card.height()), QColor("#1f5fa8"))
    name = " ".join(str(lead.get(k) or "") for k in ("first_name", "last_name")).strip()
    lines = [(name, 78, True), (str(lead.get("title") or ""), 44, False),
             (str(lead.get("company") or ""), 56, True)]
    y = -300.0
    for text, size, bold in lines:
        font = QFont("DejaVu Sans", 1)
        font.setPixelSize(size)
        font.setBold(bold)
        p.setFont(font)
        p.setPen(QColor("#1d2430"))
        p.drawText(QPointF(-680, y), text)
        y += size * 1.7
    font = QFont("DejaVu Sans", 1)
    font.setPixelSize(40)
    p.setFont(font)
    p.setPen(QColor("#4a5568"))
    y = 200.0
    for text in (str(lead.get("email") or ""), str(lead.get("phone") or "")):
        if text:
            p.drawText(QPointF(-680, y), text)
            y += 70
    p.end()
    return image


def whiteboard() -> QImage:
    """The booth's whiteboard: the visitor's plants, the gateway, the cloud, the pilot's size."""
    image = QImage(2400, 1600, QImage.Format.Format_RGB32)
    image.fill(QColor("#ecefeb"))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(QRectF(0, 1480, 2400, 120), QColor("#9aa3a8"))
    font = QFont("DejaVu Sans", 1)
    font.setPixelSize(64)
    p.setFont(font)
    blue, red = QPen(QColor("#1e4fbf"), 9), QPen(QColor("#c0392b"), 9)
    boxes = [(QRectF(160, 260, 480, 240), "Plant A"), (QRectF(160, 620, 480, 240), "Plant B"),
             (QRectF(160, 980, 480, 240), "Plant C"), (QRectF(960, 620, 520, 240), "Edge gateway"),
             (QRectF(1780, 620, 480, 240), "Cloud")]
    for rect, text in boxes:
        p.setPen(blue)
        p.drawRoundedRect(rect, 30, 30)
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    for y in (380, 740, 1100):
        p.drawLine(QPointF(640, y), QPointF(960, 740))
    p.drawLine(QPointF(1480, 740), QPointF(1780, 740))
    p.setPen(red)
    p.drawText(QPointF(960, 300), "Pilot Q1: 40 sensors")
    p.drawText(QPointF(960, 1160), "Budget approved in Jan?")
    p.drawEllipse(QRectF(930, 200, 760, 150))
    p.end()
    return image


def speech_like(seconds: float, seed: int = 7) -> Iterator[bytes]:
    """Syllables of a voice-like sound (a low fundamental with harmonics, rising and falling,
    between short pauses) as 16-bit mono PCM in 100 ms chunks."""
    rng = random.Random(seed)
    samples = array.array("h")
    total = int(seconds * RATE)
    while len(samples) < total:
        length = int(RATE * rng.uniform(0.12, 0.28))
        pitch = rng.uniform(110, 190)
        glide = rng.uniform(-30, 30)
        phase = 0.0
        for i in range(length):
            t = i / length
            f = pitch + glide * t
            phase += 2 * math.pi * f / RATE
            envelope = math.sin(math.pi * t) ** 0.7
            value = (math.sin(phase) + 0.5 * math.sin(2 * phase) + 0.25 * math.sin(3 * phase))
            samples.append(int(6500 * envelope * value))
        samples.extend([0] * int(RATE * rng.uniform(0.03, 0.25)))
    del samples[total:]
    data = samples.tobytes()
    step = RATE // 10 * 2
    for at in range(0, len(data), step):
        yield data[at:at + step]


def record(seconds: float) -> VoiceClip:
    """The memo, through the app's own recorder (AAC in .m4a)."""
    with tempfile.TemporaryDirectory() as work:
        recorder = VoiceRecorder(Path(work))
        loop = QEventLoop()
        got: list[Any] = []
        recorder.recorded.connect(lambda clip: (got.append(clip), loop.quit()))
        recorder.failed.connect(lambda message: (got.append(message), loop.quit()))
        QTimer.singleShot(60_000, loop.quit)
        if not recorder.start(BufferFeed(speech_like(seconds), parent=recorder)):
            raise SystemExit("QtMultimedia is not available here: cannot record the demo memo")
        loop.exec()
    if not got or not isinstance(got[0], VoiceClip):
        raise SystemExit(f"The demo memo could not be recorded: {got[0] if got else 'timeout'}")
    return got[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=demo_dir() / MEDIA_DIR)
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    lead = attachment_lead(demo_dataset(collateral=demo_collateral()).records).fields
    args.out.mkdir(parents=True, exist_ok=True)
    entries = []
    for name, label, image in (("business-card.jpg", "business_card", business_card(lead)),
                               ("whiteboard.jpg", "whiteboard", whiteboard())):
        photo = normalise_photo(_encode(image))
        (args.out / name).write_bytes(photo.data)
        entries.append({"file": name, "media": "photo", "label": label,
                        "mime_type": photo.mime_type, "width": photo.width,
                        "height": photo.height})
    clip = record(9.0)
    (args.out / "booth-memo.m4a").write_bytes(clip.data)
    entries.insert(0, {"file": "booth-memo.m4a", "media": "voice", "mime_type": clip.mime_type,
                       "duration_ms": clip.duration_ms,
                       "caption": "Pilot at three plants; call back after the show"})
    (args.out / MEDIA_LIST).write_text(json.dumps({"attachments": entries}, indent=2) + "\n",
                                       encoding="utf-8")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
