"""Opens the capture form on a data dir, types a visitor the way a person would (no Enter), then
keeps running until killed. The crash test kills this process with SIGKILL mid-entry.

Usage: python -m tests.desktop.leads.drive_capture DATA_DIR LAST_NAME COMPANY
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.ui.leads.page import LeadsPage
    from tests.support.typing_kill import driver_services

    data_dir, last_name, company = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    services = driver_services(data_dir)
    page = LeadsPage(services)
    page.resize(1200, 800)
    page.show()
    page.create_new()
    capture = page.capture
    QTest.keyClicks(capture.inputs["last_name"], last_name)
    QTest.keyClick(capture.inputs["last_name"], Qt.Key.Key_Tab)
    QTest.keyClicks(capture.inputs["company"], company)
    return app.exec()  # the draft is kept on its own timer; the test kills us


if __name__ == "__main__":
    raise SystemExit(main())
