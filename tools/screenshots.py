"""`python tools/screenshots.py OUT_DIR [--size 1024x640 ...] [--locale de_DE ...] [--theme dark ...]`:
render every page and the states the command line cannot open (the lead detail with a lead
selected, capture, the quick-scan "to qualify" queue, events & rubrics, my follow-ups, each
Insights tab, a debrief opened, the debrief form) on demo data, for each size, theme and locale
asked, to
OUT_DIR/<page>-<state>-<size>-<theme>-<locale>.png.

It runs the app as `fieldnote --demo --screenshot --size` does, one process per theme and
locale, and walks the window through the states before each grab. Open the PNGs and look:
clipped text, sideways scrolling and overlaps are what it is for.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _settle(app: Any, rounds: int = 8) -> None:
    for _ in range(rounds):
        app.processEvents()


def _wait(app: Any, ready: Any, limit: float = 30.0) -> None:
    import time

    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and not ready():
        app.processEvents()
        time.sleep(0.02)


# Three visitors at the booth at 10:05, scanned with quick scan (vCards, as badges carry them).
QUICK_SCANS = tuple(
    f"BEGIN:VCARD\nVERSION:3.0\nN:{last};{first}\nFN:{first} {last}\nORG:{company}\n"
    f"EMAIL:{first.lower()}.{last.lower()}@{domain}\nEND:VCARD"
    for first, last, company, domain in (
        ("Lena", "Vogt", "Brightline Logistics", "brightline.example"),
        ("Omar", "Haddad", "Keystone Foods", "keystone.example"),
        ("Ines", "Moreau", "Atelier Nord", "ateliernord.example"),
    )
)


def _quick_scan_queue(app: Any, capture: Any) -> None:
    """Quick-scan three visitors at the current event, then open its "to qualify" queue."""
    if capture.current_event_id() is None and capture.event_box.count() > 1:
        capture.event_box.setCurrentIndex(1)  # the booth of the first event listed
    before = capture.book.to_qualify_count(capture.current_event_id())
    capture.quick_scan.setChecked(True)
    for payload in QUICK_SCANS:
        capture.quick_save(payload)
    _wait(app, lambda: capture.book.to_qualify_count(capture.current_event_id())
          >= before + len(QUICK_SCANS))
    capture.quick_scan.setChecked(False)
    capture.start_queue()
    _settle(app, 20)


def tour(window: Any, out: Path, tag: str, sizes: list[tuple[int, int]]) -> None:
    """Walk `window` through every page and state, grabbing each at every size."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()

    def shot(name: str) -> None:
        for width, height in sizes:
            window.resize(width, height)
            _settle(app)
            window.grab().save(str(out / f"{name}-{width}x{height}-{tag}.png"), "PNG")

    window.show_page("leads")
    leads = window.current_page()
    _wait(app, leads.is_ready)
    leads.show_view(1)
    _settle(app)
    shot("leads-list")
    table = leads.leads.table
    table.selectRow(0)
    _wait(app, lambda: bool(leads.leads.detail.lead_id))
    _settle(app, 20)
    shot("leads-detail")
    leads.show_view(0)
    _settle(app, 20)
    shot("leads-capture")
    _quick_scan_queue(app, leads.capture)
    shot("leads-to-qualify")
    leads.capture.stop_queue()
    leads.show_view(2)
    _settle(app, 20)
    shot("leads-events")
    leads.show_view(3)
    _wait(app, lambda: bool(leads.followups.summary.text()))
    _settle(app, 20)
    shot("leads-followups")
    leads.show_view(1)

    window.show_page("collateral")
    page = window.current_page()
    _wait(app, page.is_ready)
    shot("collateral")

    window.show_page("debriefs")
    page = window.current_page()
    _wait(app, page.is_ready)
    shot("debriefs")
    page.table.selectRow(0)
    _settle(app, 20)
    shot("debriefs-selected")
    page.create_new()
    _settle(app, 20)
    shot("debriefs-form")
    if page.form is not None:
        page.form.close_form()

    window.show_page("insights")
    page = window.current_page()
    _wait(app, page.is_ready)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        _settle(app, 20)
        shot(f"insights-tab{index}")


def _child(out: Path, theme: str, locale: str, sizes: list[tuple[int, int]]) -> int:
    import desktop.app as app_module

    data = Path(tempfile.mkdtemp(prefix="fieldnote-shots-"))
    (data / "settings.json").write_text(json.dumps({"version": 1, "values": {"theme": theme}}))
    tag = f"{theme}-{locale}"

    def screenshot(window: Any, boot: Any, path: Path, size: Any = None, **_options: Any) -> int:
        from PySide6.QtWidgets import QApplication

        _wait(QApplication.instance(), lambda: boot.start is not None and boot.start.attached, 300)
        tour(window, out, tag, sizes)
        return 0

    app_module._screenshot = screenshot  # type: ignore[assignment]
    biggest = max(sizes)
    return app_module.main(["--demo", "--data-dir", str(data), "--locale", locale,
                            "--screenshot", str(out / "unused.png"),
                            "--size", f"{biggest[0]}x{biggest[1]}"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", action="append", default=[])
    parser.add_argument("--locale", action="append", default=[])
    parser.add_argument("--theme", action="append", default=[])
    parser.add_argument("--child", nargs=2, metavar=("THEME", "LOCALE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in s.split("x")) for s in (args.size or ["1024x640", "1920x1080"])]
    args.out.mkdir(parents=True, exist_ok=True)
    if args.child:
        return _child(args.out, args.child[0], args.child[1], sizes)  # type: ignore[arg-type]
    code = 0
    for theme in args.theme or ["light", "dark"]:
        for locale in args.locale or ["en_US", "de_DE"]:
            cmd = [sys.executable, __file__, str(args.out), "--child", theme, locale]
            for w, h in sizes:
                cmd += ["--size", f"{w}x{h}"]
            code = subprocess.call(cmd, cwd=ROOT) or code
    return code


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
