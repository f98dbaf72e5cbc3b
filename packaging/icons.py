"""Render the app's SVG icon to PNGs at the freedesktop sizes (and a Windows .ico), with Qt.

Run by build.py with the project's virtualenv: `python packaging/icons.py OUT_DIR`. Writes
OUT_DIR/hicolor/NxN/apps/fieldnote.png for every size and OUT_DIR/fieldnote.ico.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"icons: {svg} is not a usable SVG")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path = out / "hicolor" / f"{size}x{size}" / "apps" / "fieldnote.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(path)):
            raise SystemExit(f"icons: could not write {path}")
        written.append(path)
        if size == 256:
            image.save(str(out / "fieldnote.ico"))  # Qt's ICO writer: the Windows executable's
    del app
    return written


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    for p in render(root / "resources" / "icons" / "fieldnote.svg", Path(sys.argv[1])):
        print(p)
