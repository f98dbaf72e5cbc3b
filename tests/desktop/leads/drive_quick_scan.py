"""Opens the capture form on a data dir in quick-scan mode and scans three visitors as the scan
field reports a badge scanner's bursts, then keeps running until killed (the quick-scan crash test).

Usage: python -m tests.desktop.leads.drive_quick_scan DATA_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.leads.page import LeadsPage
    from tests.desktop.leads.conftest import EVENT_ID, add_event
    from tests.desktop.leads.test_quick_scan import VISITORS, vcard
    from tests.support.typing_kill import driver_services

    app = QApplication(sys.argv[:1])
    services = driver_services(Path(sys.argv[1]))
    add_event(services.store)
    page = LeadsPage(services)
    page.resize(1200, 800)
    page.show()
    page.create_new()
    capture = page.capture
    capture.set_event(EVENT_ID)
    capture.quick_scan.setChecked(True)
    for visitor in VISITORS:
        # As the scan field reports a scanner's burst once it ends (the keystrokes themselves
        # are the in-process tests' part; a loaded machine could split a typed burst here).
        capture.scan.scanned.emit("\n".join(vcard(*visitor)), "scan")
    return app.exec()  # the test kills us once the leads are on disk


if __name__ == "__main__":
    raise SystemExit(main())
