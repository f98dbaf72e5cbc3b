"""`fieldnote leads import|export` as real processes: line-numbered problems, idempotent imports,
encodings, CRM files a CRM importer accepts, and the event PDF."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

from desktop.store import open_store
from tests.desktop.leads.conftest import EVENT_ID

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")

CSV_ROWS = [
    ["First Name", "Last Name", "E-Mail", "Company", "Job Title", "Badge ID", "Booth"],
    ["Ana", "Silva", "ana@zenith.example", "Zenith GmbH", "CTO", "B-1", "Hall 4"],
    ["Bo", "Berg", "not-an-email", "Acme", "Buyer", "B-2", ""],
    ["Çelik", "Dür", "ce@umlaut.example", "Ümlaut AG", "", "B-3", ""],
    ["", "", "", "Only a company", "", "", ""],
]


def fieldnote(*args, timeout=60):
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True,
                          env=ENV, timeout=timeout)


def write_csv(path, rows, encoding="utf-8", delimiter=","):
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def leads_in(data_dir):
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        return store.all("lead")
    finally:
        store.engine.dispose()


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-8-sig", ","), ("cp1252", ";"), ("utf-16", "\t")])
def test_import_reads_each_encoding_reports_lines_and_a_second_run_adds_nothing(data_dir, tmp_path, encoding, delimiter):
    path = write_csv(tmp_path / "scans.csv", CSV_ROWS, encoding, delimiter)
    first = fieldnote("leads", "import", str(path), "--event", "hannover MESSE", "--data-dir", str(data_dir))
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr
    assert "line 3:" in first.stderr  # the bad email, kept in notes
    assert "line 5: skipped: no name, email or badge id" in first.stderr  # a company is no visitor
    assert "Imported 3 lead(s)" in first.stdout
    assert "problem" in first.stdout
    leads = {lead["last_name"]: lead for lead in leads_in(data_dir)}
    assert leads["Dür"]["first_name"] == "Çelik" and leads["Dür"]["company"] == "Ümlaut AG"
    assert leads["Silva"]["event_id"] == EVENT_ID and leads["Silva"]["source"] == "import"
    assert "Hall 4" in leads["Silva"]["notes"]
    assert "not-an-email" in leads["Berg"]["notes"]
    second = fieldnote("leads", "import", str(path), "--event", EVENT_ID, "--data-dir", str(data_dir), "--json")
    assert second.returncode == 0, second.stderr
    summary = json.loads(second.stdout)
    assert summary["imported"] == 0 and summary["skipped_duplicates"] == 3
    assert (summary["add"], summary["duplicate"], summary["skipped"]) == (0, 3, 1)
    assert summary["reasons"] == {"no_person": 1}
    assert len(leads_in(data_dir)) == 3


def test_import_of_an_unreadable_file_or_unknown_event_fails_clearly(data_dir, tmp_path):
    missing = fieldnote("leads", "import", str(tmp_path / "nope.csv"), "--event", EVENT_ID, "--data-dir", str(data_dir))
    assert missing.returncode == 1
    assert "no such file" in missing.stderr and "Traceback" not in missing.stderr
    folder = fieldnote("leads", "import", str(tmp_path), "--event", EVENT_ID, "--data-dir", str(data_dir))
    assert folder.returncode == 1 and "folder" in folder.stderr
    path = write_csv(tmp_path / "scans.csv", CSV_ROWS)
    unknown = fieldnote("leads", "import", str(path), "--event", "Nowhere Expo", "--data-dir", str(data_dir))
    assert unknown.returncode == 1
    assert "No event" in unknown.stderr and "Hannover Messe" in unknown.stderr
    assert leads_in(data_dir) == []


def check_crm_csv(data, required_nonempty):
    """What a CRM importer checks: UTF-8, one header row, exactly one Email column, required cells."""
    text = data.decode("utf-8")
    assert not text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    assert header.count("Email") == 1
    assert len(set(header)) == len(header)
    for row in rows[1:]:
        assert len(row) == len(header)
        for column in required_nonempty:
            assert row[header.index(column)].strip(), (column, row)
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_exports_are_files_the_crm_importers_accept_and_read_back(data_dir, tmp_path):
    path = write_csv(tmp_path / "scans.csv", CSV_ROWS)
    assert fieldnote("leads", "import", str(path), "--event", EVENT_ID, "--data-dir", str(data_dir)).returncode == 0
    sf, hs, vcf = tmp_path / "sf.csv", tmp_path / "hs.csv", tmp_path / "leads.vcf"
    for fmt, out in (("salesforce", sf), ("hubspot", hs), ("vcard", vcf)):
        result = fieldnote("leads", "export", "--format", fmt, "--event", "Hannover Messe", "-o", str(out),
                           "--include-no-consent", "--data-dir", str(data_dir))
        assert result.returncode == 0, result.stderr
        assert "Wrote 3 lead(s)" in result.stdout
    salesforce = check_crm_csv(sf.read_bytes(), ("Last Name", "Company"))
    assert {r["Email"] for r in salesforce} >= {"ana@zenith.example", "ce@umlaut.example"}
    hubspot = check_crm_csv(hs.read_bytes(), ())
    assert {r["Email"] for r in hubspot} >= {"ana@zenith.example"}
    from fieldnote.leadcsv import read_lead_csv

    again = read_lead_csv(sf.read_bytes())
    assert {r.fields.get("email") for r in again.rows} >= {"ana@zenith.example", "ce@umlaut.example"}
    assert vcf.read_text(encoding="utf-8").count("BEGIN:VCARD") == 3


@pytest.mark.parametrize(("fmt", "opt_out"), [("salesforce", "Email Opt Out"),
                                              ("hubspot", "Unsubscribed from all email")])
def test_marketing_exports_leave_out_leads_without_consent_unless_asked(data_dir, tmp_path, fmt,
                                                                       opt_out):
    rows = [["Last Name", "E-Mail", "Consent"],
            ["Silva", "ana@zenith.example", "yes"],
            ["Berg", "bo@acme.example", "no"],
            ["Cruz", "cy@acme.example", ""]]
    path = write_csv(tmp_path / "scans.csv", rows)
    assert fieldnote("leads", "import", str(path), "--event", EVENT_ID, "--data-dir",
                     str(data_dir)).returncode == 0
    out = tmp_path / "crm.csv"
    result = fieldnote("leads", "export", "--format", fmt, "-o", str(out), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert "Left out 2 lead(s) without consent" in result.stderr
    assert "Wrote 1 lead(s)" in result.stdout
    only = check_crm_csv(out.read_bytes(), ())
    assert [(r["Email"], r[opt_out]) for r in only] == [("ana@zenith.example", "false")]

    kept = fieldnote("leads", "export", "--format", fmt, "-o", str(out), "--include-no-consent",
                     "--data-dir", str(data_dir))
    assert kept.returncode == 0, kept.stderr
    assert "Left out" not in kept.stderr and "Wrote 3 lead(s)" in kept.stdout
    every = {r["Email"]: r[opt_out] for r in check_crm_csv(out.read_bytes(), ())}
    assert every == {"ana@zenith.example": "false", "bo@acme.example": "true",
                     "cy@acme.example": "true"}
    # Both exports are recorded for the hub's audit log (synced later), naming no person.
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        records = sorted(store.all("lead_export"), key=lambda r: r["rows"])
        outbox = [e["kind"] for e in store.outbox_entries()]
    finally:
        store.engine.dispose()
    assert [(r["format"], r["rows"], r["origin"], r["filter"]) for r in records] == [
        (fmt, 1, "command", {"include_no_consent": False, "left_out": 2}),
        (fmt, 3, "command", {"include_no_consent": True, "left_out": 0})]
    assert outbox.count("lead_export") == 2


def test_the_pdf_export_opens_and_holds_the_totals(data_dir, tmp_path):
    store = open_store(data_dir / "fieldnote.sqlite3")
    for i, grade in enumerate(("hot", "hot", "warm", "cold", "cold", "cold")):
        store.save("lead", {"last_name": f"Lead{i}", "event_id": EVENT_ID, "grade": grade,
                            "qualified": grade == "hot", "captured_at": "2026-04-20T10:00:00Z"})
    store.engine.dispose()
    out = tmp_path / "report.pdf"
    result = fieldnote("leads", "export", "--format", "pdf", "--event", EVENT_ID, "-o", str(out),
                       "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Hannover Messe" in text
    assert "Leads: 6" in text and "Qualified: 2" in text and "33.3%" in text
    assert "By grade" in text and "By rep" in text and "By day" in text
    assert "Lead5" in text


def test_export_to_a_missing_folder_fails_without_a_traceback(data_dir, tmp_path):
    result = fieldnote("leads", "export", "--format", "hubspot", "-o", str(tmp_path / "no" / "x.csv"),
                       "--data-dir", str(data_dir))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_import_refuses_a_row_marked_for_follow_up_without_consent(data_dir, tmp_path):
    rows = [["Last Name", "E-Mail", "Consent", "Follow-up"],
            ["Silva", "ana@zenith.example", "yes", "yes"],
            ["Berg", "bo@acme.example", "no", "yes"],
            ["Cruz", "cy@acme.example", "", "no"],
            ["Dür", "ce@umlaut.example", "maybe", ""]]
    path = write_csv(tmp_path / "consent.csv", rows)
    run = fieldnote("leads", "import", str(path), "--event", EVENT_ID, "--data-dir", str(data_dir))
    assert run.returncode == 0, run.stderr
    refused = [line for line in run.stderr.splitlines() if "line 3" in line]
    assert len(refused) == 1
    assert "not imported" in refused[0] and "follow_up" in refused[0] and "consent" in refused[0]
    assert "line 5:" in run.stderr and "not yes or no" in run.stderr
    leads = {lead["last_name"]: lead for lead in leads_in(data_dir)}
    assert set(leads) == {"Silva", "Cruz", "Dür"}
    assert leads["Silva"]["consent_contact"] is True and leads["Silva"]["follow_up"] is True
    assert leads["Cruz"]["follow_up"] is False
    assert "Consent: maybe" in leads["Dür"]["notes"]
