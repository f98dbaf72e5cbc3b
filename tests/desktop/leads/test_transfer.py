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


def load(qtbot, dialog, path):
    task = dialog.load_file(path)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: dialog.outlook is not None)
    return dialog.outlook


def test_the_import_preview_counts_new_known_and_skipped_rows_before_anything_is_written(
        qtbot, page, services, tmp_path):
    services.store.save("lead", {"first_name": "Ana", "last_name": "Silva", "email": "ana@zenith.example",
                                 "event_id": EVENT_ID, "captured_at": "2026-04-20T10:00:00Z"})
    path = tmp_path / "scans.csv"
    path.write_bytes(CSV + "Cy;;;Nur eine Firma;\r\n;;;Firma ohne Person;Halle 6\r\n".encode("cp1252"))
    dialog = page.open_import()
    dialog.event_box.setCurrentIndex(dialog.event_box.findData(EVENT_ID))
    outlook = load(qtbot, dialog, path)
    # Ana is there already; Bo and Cy are new.
    assert (outlook.add, outlook.duplicates, outlook.reasons) == (2, 1, {"no_person": 1})
    text = dialog.counts.text()
    assert "Would add 2 lead(s); 1 already at the event; 1 skipped." in text
    assert "no name, email or badge id: 1" in text
    assert dialog._sample_labels["Firma"].text() == "Zenith | Acmé | Nur eine Firma"
    assert dialog._mapping_boxes["Firma"].accessibleName()
    assert dialog.import_button.isEnabled()
    assert len(services.store.all("lead")) == 1  # a preview writes nothing
    # Fixing the mapping by hand: "Firma" read as the last name makes the last row a person.
    box = dialog._mapping_boxes["Firma"]
    box.setCurrentIndex(box.findData("last_name"))
    qtbot.waitUntil(lambda: dialog.outlook.reasons == {})
    assert (dialog.outlook.add, dialog.outlook.duplicates) == (3, 1)
    from tests.support.a11y import unnamed_widgets

    assert unnamed_widgets(dialog) == []


def test_a_refused_file_shows_the_one_line_and_cannot_be_imported_until_mapped(
        qtbot, page, services, tmp_path):
    pdf = tmp_path / "scans.csv"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\n")
    dialog = page.open_import()
    outlook = load(qtbot, dialog, pdf)
    assert dialog.counts.text() == f"scans.csv {outlook.refusal}"
    assert outlook.refusal.startswith("is a PDF document, not a CSV file")
    assert not dialog.import_button.isEnabled()
    odd = tmp_path / "odd.csv"
    odd.write_bytes(b"Foo,Bar\r\nSilva,x\r\n")
    load(qtbot, dialog, odd)
    assert dialog.counts.text().startswith("odd.csv has no column for a name, email, company")
    assert not dialog.import_button.isEnabled()
    box = dialog._mapping_boxes["Foo"]
    box.setCurrentIndex(box.findData("last_name"))
    qtbot.waitUntil(lambda: dialog.outlook.refusal is None)
    assert dialog.outlook.add == 1 and dialog.import_button.isEnabled()
    assert services.store.all("lead") == []


def test_only_the_newest_file_or_mapping_is_previewed_whatever_order_the_previews_finish(
        qtbot, page, tmp_path):
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    first.write_bytes(CSV)
    second.write_bytes(b"Email,Company\r\nana@zenith.example,Zenith\r\n")
    dialog = page.open_import()
    tasks = [dialog.load_file(first), dialog.load_file(second)]
    # Results arrive through the event loop: waiting for both at once misses neither.
    with qtbot.waitSignals([task.finished for task in tasks], timeout=5000):
        pass
    qtbot.waitUntil(lambda: dialog.outlook is not None)
    assert list(dialog._mapping_boxes) == ["Email", "Company"]
    assert [row[1].get("email") for row in dialog.preview.rows] == ["ana@zenith.example"]


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


def test_the_export_dialog_leaves_out_leads_without_consent_unless_ticked(qtbot, page, services,
                                                                         tmp_path):
    for name, consent in (("Silva", True), ("Berg", False), ("Cruz", None)):
        fields = {"last_name": name, "event_id": EVENT_ID, "captured_at": "2026-04-20T10:00:00Z"}
        if consent is not None:
            fields["consent_contact"] = consent
        services.store.save("lead", fields)
    dialog = page.open_export()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("vcard"))
    assert not dialog.include_no_consent.isEnabled()  # only the CRM files choose
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("hubspot"))
    assert dialog.include_no_consent.isEnabled() and not dialog.include_no_consent.isChecked()
    out = tmp_path / "hubspot.csv"
    with qtbot.waitSignal(dialog.export_to(out).finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: dialog.written == out)
    assert dialog.left_out == 2 and "Left out 2 lead(s) without consent" in dialog.status.text()
    assert out.read_text(encoding="utf-8").count("Silva") == 1
    assert "Berg" not in out.read_text(encoding="utf-8")

    dialog.include_no_consent.setChecked(True)
    with qtbot.waitSignal(dialog.export_to(out).finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: dialog.left_out == 0)
    text = out.read_text(encoding="utf-8")
    assert "Berg" in text and "Cruz" in text and "Left out" not in dialog.status.text()
    # Each export is recorded for the hub's audit log, naming no lead and no person.
    records = sorted(services.store.all("lead_export"), key=lambda r: r["rows"])
    assert [(r["format"], r["rows"], r["origin"], r["filter"]) for r in records] == [
        ("hubspot", 1, "window", {"include_no_consent": False, "left_out": 2}),
        ("hubspot", 3, "window", {"include_no_consent": True, "left_out": 0})]
    assert all(r["exported_at"] for r in records)
    assert {e["kind"] for e in services.store.outbox_entries()} >= {"lead_export"}
