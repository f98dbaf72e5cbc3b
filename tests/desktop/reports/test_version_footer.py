"""Every PDF report names the program and the version that made it, on every page."""

from __future__ import annotations

import io

from pypdf import PdfReader

from desktop.reports.debriefs import debrief_pdf, digest_pdf
from desktop.reports.insights import build_report
from desktop.reports.leads import build_event_report
from resources.version import app_version


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_every_page_of_every_report_carries_the_version(tmp_path):
    from desktop.store import open_store
    from desktop.store.insights import InsightsQueries

    store = open_store(tmp_path / "empty.sqlite3")
    queries = InsightsQueries(store.engine)
    try:
        lead = {"first_name": "Ana", "last_name": "Ortiz", "captured_at": "2026-11-24T10:15:00Z",
                "grade": "hot", "qualified": True}
        debrief = {"account": "Acme", "call_date": "2026-11-20", "notes": "x " * 400}
        pdfs = {
            "insights": build_report(queries.compute()),
            "event": build_event_report("Expo North", [lead] * 80),
            "debrief": debrief_pdf(debrief),
            "digest": digest_pdf([debrief] * 12),
        }
    finally:
        queries.dispose()
        store.engine.dispose()
    stamp = f"Fieldnote {app_version()}"
    assert app_version() != "0+unknown"
    for name, pdf in pdfs.items():
        pages = page_texts(pdf)
        assert len(pages) >= (2 if name in ("event", "digest") else 1), name
        assert all(stamp in text for text in pages), name
