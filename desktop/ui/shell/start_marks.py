"""The moments of start-up that `bench.startup` times, written by the app itself.

Only when `FIELDNOTE_BENCH_MARKS` names a folder (never in normal use): the app then appends
`NAME EPOCH_SECONDS CPU_SECONDS` lines to `marks.txt` there (the CPU time the process, all its
threads, has used by then), renders the window to `NAME.png` at the moments that are pictures,
and quits once the last moment is reached. The moments:

- `shown`: the window rendered once it is first shown (the bare-window baseline does the same;
  each picture's moment is when it was rendered, before its PNG is written);
- `rows`: the start page rendered with its first screen of data (`Page.has_first_screen`:
  the Leads list's first rows, their cells read from the store);
- `complete`: the page holds all its data (`Page.is_ready`: the whole id list, the count);
- `scan_typed`: the scan field has the keyboard focus in the shown window, and a synthetic
  badge scan (`SCAN`, a scanner's burst of keys ending in Enter) is typed into it at once;
- `scan_read`: that scan is read into the capture form (its email in the Email field), rendered.

With `--page capture` the capture moments are timed, otherwise the list's.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

ENV = "FIELDNOTE_BENCH_MARKS"
SCAN_EMAIL = "ada.bench@example.com"
SCAN = f"BEGIN:VCARD\nVERSION:3.0\nN:Bench;Ada\nEMAIL:{SCAN_EMAIL}\nORG:Bench Labs\nEND:VCARD\n"
POLL_MS = 5


class StartMarks:
    """Watches the window from its first turn of the event loop and writes the marks."""

    def __init__(self, where: Path, app: Any, window: Any, capture: bool) -> None:
        from PySide6.QtCore import QTimer

        self.where, self.app, self.window, self.capture = where, app, window, capture
        self.wanted = ["scan_typed", "scan_read"] if capture else ["rows", "complete"]
        self.done: set[str] = set()
        self._timer = QTimer()
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def begin(self) -> None:
        """On the first turn of the event loop: the window is shown (and may have given the
        focus to a scan field already: the scan is typed before the picture is written)."""
        image = self.window.grab()
        self.mark("shown")
        self._poll()
        image.save(str(self.where / "shown.png"), "PNG")
        self._timer.start()

    def mark(self, name: str, *, picture: bool = False) -> None:
        # A picture's moment is when the window has been rendered; writing the PNG comes after.
        image = self.window.grab() if picture else None
        with (self.where / "marks.txt").open("a", encoding="utf-8") as out:
            # The wall-clock time, and the CPU time the process has used so far (all threads).
            out.write(f"{name} {time.time():.6f} {time.process_time():.6f}\n")
        if image is not None:
            image.save(str(self.where / f"{name}.png"), "PNG")
        self.done.add(name)

    def _poll(self) -> None:
        if not self.window.is_attached():
            if self.capture:
                self._try_scan()
            return
        page = self.window.current_page()
        if self.capture:
            self._try_scan()
            if "scan_typed" in self.done and "scan_read" not in self.done:
                form = getattr(page, "capture", None)
                if form is not None and form.inputs["email"].text() == SCAN_EMAIL:
                    self.mark("scan_read", picture=True)
                    # Leave no visitor behind: the next run starts from the same data.
                    form._reset_form()
        else:
            if "rows" not in self.done and page.has_first_screen():
                self.mark("rows", picture=True)
            if "complete" not in self.done and page.is_ready():
                self.mark("complete")
        if all(name in self.done for name in self.wanted):
            self._timer.stop()
            self.app.quit()

    def _try_scan(self) -> None:
        """Type the scan as soon as a scan field has the focus in the shown window."""
        if "scan_typed" in self.done:
            return
        from PySide6.QtWidgets import QApplication

        field = QApplication.focusWidget()
        if field is None or field.objectName() != "scanField" or not field.isVisible():
            return
        self.mark("scan_typed")
        type_scan(field, SCAN)


def type_scan(field: Any, payload: str) -> None:
    """Send `payload` to `field` as a badge scanner types it: a burst of key presses, line
    breaks as Enter, and a closing Enter."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    none = Qt.KeyboardModifier.NoModifier
    for char in payload + "\n":
        if char == "\n":
            key, text = Qt.Key.Key_Return, "\r"
        else:
            key, text = Qt.Key(ord(char.upper())) if char.isalnum() else Qt.Key.Key_unknown, char
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, key, none, text))
