"""Import with preview and column mapping, and exports off the UI thread, from the Leads page."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from desktop.ui.leads.page import LeadsPage
from tests.desktop.leads.conftest import EVENT_ID, add_event

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CSV = (
    "Vorname;Nachname;Mail;Firma;Stand\r\n"
    "Ana;Silva;ana@zenith.example;Zenith;Halle 4\r\n"
    "Bo;Bérg;bo@acme.example;Acmé;Halle 5\r\n"
).encode("cp1252")


@pytest.fixture
def page(qtbot, services):
    add_event(services.store)
    page = LeadsPage(services)
    qtbot.addWidget(page)
    page.show()
    yield page


def test_the_import_preview_maps_columns_and_a_remap_is_used(qtbot, page, services, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_bytes(CSV)
    dialog = page.open_import()
    task = dialog.load_file(path)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == 2)
    assert dialog.mapping()["Mail"] == "email"
    assert dialog.mapping()["Stand"] is None
    assert "cp1252" in dialog.status.text()
    # "Stand" is the booth; map it to the title to see the remap take effect.
    box = dialog._mapping_boxes["Stand"]
    box.setCurrentIndex(box.findData("title"))
    qtbot.waitUntil(lambda: dialog.preview.rows and dialog.preview.rows[0][1].get("title") == "Halle 4")
    dialog.event_box.setCurrentIndex(dialog.event_box.findData(EVENT_ID))
    task = dialog.start_import()
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: dialog.summary is not None)
    assert dialog.summary.imported == 2
    leads = {row["last_name"]: row for row in services.store.all("lead")}
    assert leads["Silva"]["title"] == "Halle 4"
    assert leads["Silva"]["event_id"] == EVENT_ID
    assert leads["Silva"]["owner_id"] == services.user["id"]
    qtbot.waitUntil(lambda: page.leads.model.total() == 2)


def test_an_unreadable_import_file_is_explained(qtbot, page, tmp_path):
    dialog = page.open_import()
    task = dialog.load_file(tmp_path / "missing.csv")
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    qtbot.waitUntil(lambda: "Cannot read the file" in dialog.status.text())
    assert not dialog.import_button.isEnabled()


def test_the_event_pdf_is_built_off_the_ui_thread_with_progress(qtbot, page, services, tmp_path):
    for i in range(1200):
        services.store.save("lead", {"last_name": f"L{i}", "event_id": EVENT_ID, "grade": "warm",
                                     "captured_at": "2026-04-20T10:00:00Z"})
    dialog = page.open_export()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    dialog.event_box.setCurrentIndex(dialog.event_box.findData(EVENT_ID))
    out = tmp_path / "report.pdf"
    seen = []
    task = dialog.export_to(out)
    task.progressed.connect(lambda done, total, _m: seen.append((done, total)))
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: dialog.written == out)
    assert seen and seen[-1][0] == seen[-1][1] == 1200
    assert "Leads: 1,200" in PdfReader(out).pages[0].extract_text()


def test_the_preview_model_passes_the_model_tester(qtbot):
    from pytestqt.modeltest import ModelTester

    from desktop.ui.leads.transfer import PreviewModel

    model = PreviewModel()
    model.set_rows([(2, {"last_name": "Silva", "email": "ana@zenith.example"}, []),
                    (3, {"last_name": "x" * 300}, ["line 3: name too long"])])
    ModelTester(qtbot).check(model, force_py=True)
    assert model.data(model.index(1, 0)) == "3 ⚠"
    assert model.data(model.index(1, 2)).endswith("…")
