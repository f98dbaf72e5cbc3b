"""Opens the Debriefs page on a data dir, types into a new debrief the way a person would, then
keeps running until killed. The crash-recovery test kills this process with SIGKILL.

Usage: python -m tests.desktop.debriefs.drive_form DATA_DIR ACCOUNT NOTES
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.ui.debriefs.page import DebriefsPage
    from tests.support.typing_kill import driver_services

    data_dir, account, notes = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    services = driver_services(data_dir)
    page = DebriefsPage(services, services.debriefs)
    page.resize(1200, 800)
    page.show()
    page.create_new()
    assert page.form is not None
    QTest.keyClicks(page.form.account, account)
    QTest.keyClicks(page.form.notes, notes)
    return app.exec()  # the draft autosaves on its own timer; the test kills us


if __name__ == "__main__":
    raise SystemExit(main())
