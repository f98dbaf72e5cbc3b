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

    from desktop.settings import Settings
    from desktop.startup import build_services
    from desktop.store import open_store
    from desktop.store.db import DB_FILE
    from desktop.tasks import TaskRunner
    from desktop.ui.leads.page import LeadsPage
    from desktop.ui.services import RecordChanges

    data_dir, last_name, company = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    store = open_store(data_dir / DB_FILE)
    changes = RecordChanges()
    store.add_listener(changes.on_store_commit)
    services = build_services(store, TaskRunner(), Settings.load(data_dir), changes, data_dir,
                              dict(store.get_state("user", {}) or {}))
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
