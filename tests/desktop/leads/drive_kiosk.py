"""Opens kiosk mode on a data dir, a visitor fills in the form, signs and submits; the moment
the thank-you shows, the process kills itself with SIGKILL (no clean shutdown, no checkpoint).
The durability test then opens the data dir and looks for the entry.

Usage: python -m tests.desktop.leads.drive_kiosk DATA_DIR EVENT_ID
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.ui.leads.kiosk import KioskView
    from fieldnote import kiosk as rules
    from tests.support.typing_kill import driver_services

    data_dir, event_id = Path(sys.argv[1]), sys.argv[2]
    app = QApplication(sys.argv[:1])
    services = driver_services(data_dir)
    event = services.store.get("event", event_id)
    view = KioskView(services, {**event, "id": event_id}, pin_hash=rules.hash_pin("2468"))
    view.resize(1024, 640)
    view.show()
    form = view.form
    assert form is not None
    QTest.keyClicks(form.inputs["last_name"], "Durable")
    QTest.keyClicks(form.inputs["email"], "durable@example.com")
    form.consent.setChecked(True)
    QTest.mousePress(form.pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 50))
    QTest.mouseMove(form.pad, QPoint(200, 90))
    QTest.mouseRelease(form.pad, Qt.MouseButton.LeftButton, pos=QPoint(260, 60))

    def thanked(_record_id: str) -> None:
        if view.stack.currentIndex() == view.THANKS:
            os.kill(os.getpid(), signal.SIGKILL)

    view.saved.connect(thanked)
    view.submit()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
