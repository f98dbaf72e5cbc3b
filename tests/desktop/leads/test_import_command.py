"""`fieldnote leads import`: files that are no lead list are refused with one line and nothing
written; rows naming no person are skipped and counted; `--dry-run` and `--json` show the
mapping and the counts; re-importing adds nothing, whatever the rows hold; a Consent column is
read as consent given under the organiser's terms.

The command runs in this process through `desktop.app.main`, the path `fieldnote` takes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from desktop.app import main
from desktop.settings import Settings
from desktop.store import open_store
from desktop.store.leads import IMPORT_FINGERPRINT, IMPORT_SALT
from desktop.store.marks import marked
from tests.desktop.leads.conftest import EVENT_ID, add_event


def csv_bytes(rows, encoding="utf-8"):
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode(encoding)


def run(capsys, data_dir, path, *extra):
    code = main(["leads", "import", str(path), "--event", EVENT_ID, "--data-dir", str(data_dir),
                 *extra])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(data_dir: Path):
    """Everything an import could write: the records, the outbox, the marks and sync state."""
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        with store.engine.connect() as conn:
            tables = ("rec_lead", "outbox", "local_marks", "sync_state")
            return {t: conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1").all() for t in tables}
    finally:
        store.engine.dispose()


def leads_in(data_dir):
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        return store.all("lead")
    finally:
        store.engine.dispose()


REFUSED = {
    # name: (file bytes, what the one line says)
    "random bytes": (bytes((i * 197 + 89) % 256 for i in range(4096)), "is not a text file"),
    "a PDF named .csv": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
                         "is a PDF document, not a CSV file"),
    "an xlsx named .csv": (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "is a zip archive"),
    "columns that map to nothing": (csv_bytes([["Foo", "Bar", "Baz"], ["1", "2", "3"]] * 5),
                                    "has no column for a name, email, company, phone or badge id"),
    "no header row": (csv_bytes([["ana@zenith.example", "Ana", "Silva"],
                                 ["bo@acme.example", "Bo", "Berg"]]), "has no header row"),
    "an empty file": (b"\xef\xbb\xbf\r\n", "is empty"),
    "NULs": (b"\x00" * 10 + b"Name,Email\r\n" + b"\x00" * 500, "is not a text file"),
    "UTF-16 that is not": (b"\xff\xfe" + b"\x00\xd8" * 50, "is not valid UTF-16 text"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_file_that_is_no_lead_list_is_refused_with_one_line_and_nothing_written(
        capsys, data_dir, tmp_path, name):
    data, says = REFUSED[name]
    path = tmp_path / "scans.csv"
    path.write_bytes(data)
    before = snapshot(data_dir)
    for extra in ((), ("--json",), ("--dry-run",)):
        code, out, err = run(capsys, data_dir, path, *extra)
        assert code == 1, (name, out, err)
        assert out == ""
        assert err.count("\n") == 1 and err.endswith("\n"), err
        assert err.startswith(f"fieldnote: scans.csv {says}"), err
        assert "Traceback" not in err and "unexpected" not in err
        # Only a file whose columns could be chosen by hand is told how.
        assert ("--map HEADER=FIELD" in err) == (name == "columns that map to nothing")
    assert snapshot(data_dir) == before


def test_rows_naming_no_person_are_skipped_and_counted_with_their_reason(capsys, data_dir, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_bytes(csv_bytes([
        ["Company", "Phone", "Last Name", "Email"],
        ["Zenith", "+49 30 1234567", "Silva", ""],
        ["Only a company", "", "", ""],
        ["", "+49 30 7654321", "", ""],  # a phone alone is no visitor
        ["Acme", "", "", "bo@acme.example"],
    ]))
    code, out, err = run(capsys, data_dir, path, "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["add"], summary["duplicate"], summary["skipped"]) == (2, 0, 2)
    assert summary["reasons"] == {"no_person": 2}
    assert "line 3: skipped: no name, email or badge id" in err
    assert "line 4: skipped: no name, email or badge id" in err
    assert sorted(lead["company"] for lead in leads_in(data_dir)) == ["Acme", "Zenith"]


def test_a_dry_run_shows_mapping_samples_and_counts_and_writes_nothing(capsys, data_dir, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_bytes(csv_bytes([
        ["Full Name", "Organisation", "E-mail", "Booth"],
        ["Ana Silva", "Zenith GmbH", "ana@zenith.example", "Hall 4"],
        ["Bo Berg", "Acme", "", ""],
        ["", "Nobody Inc", "", "Hall 9"],
    ]))
    assert run(capsys, data_dir, path, "--json")[0] == 0  # Ana and Bo are there now
    path.write_bytes(path.read_bytes() + csv_bytes([["Cy Cruz", "Acme", "cy@acme.example", ""]]))
    before = snapshot(data_dir)

    code, out, err = run(capsys, data_dir, path, "--dry-run")
    assert code == 0, err
    lines = out.splitlines()
    (name_line,) = [line for line in lines if line.lstrip().startswith("Full Name")]
    assert "-> full_name" in name_line and "Ana Silva | Bo Berg | Cy Cruz" in name_line
    (booth_line,) = [line for line in lines if line.lstrip().startswith("Booth")]
    assert "-> notes" in booth_line and "Hall 4 | Hall 9" in booth_line
    assert lines[-1] == ("Would add 1 lead(s) to Hannover Messe; 2 already there; 1 skipped "
                         "(no name, email or badge id: 1). Nothing was written.")

    code, out, err = run(capsys, data_dir, path, "--dry-run", "--json")
    assert code == 0, err
    plan = json.loads(out)
    assert plan["mapping"] == {"Full Name": "full_name", "Organisation": "company",
                               "E-mail": "email", "Booth": "notes"}
    assert (plan["add"], plan["duplicate"], plan["skipped"]) == (1, 2, 1)
    assert plan["reasons"] == {"no_person": 1}
    assert plan["samples"]["Organisation"] == ["Zenith GmbH", "Acme", "Nobody Inc"]
    assert plan["dry_run"] is True
    assert snapshot(data_dir) == before


def test_a_dry_run_follows_a_map_given_by_hand(capsys, data_dir, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_bytes(csv_bytes([["Foo", "Bar"], ["Silva", "x"]]))
    assert run(capsys, data_dir, path, "--dry-run")[0] == 1
    code, out, _err = run(capsys, data_dir, path, "--dry-run", "--json", "--map", "Foo=last_name")
    assert code == 0
    assert json.loads(out)["mapping"] == {"Foo": "last_name", "Bar": "notes"}
    assert json.loads(out)["add"] == 1


NAME_ONLY = [
    ["First Name", "Last Name", "Company", "Phone", "Notes"],
    ["Ana", "Silva", "Zenith GmbH", "030 1234567", "met at the bar"],
    ["Bo", "Berg", "", "", ""],
    ["Cy", "", "Acme", "", ""],  # a first name alone: kept whole as scan data
    ["Dee", "Dür", "Ümlaut AG", "", "=1+1"],
]


def test_reimporting_rows_without_email_or_badge_adds_nothing_and_says_so(capsys, data_dir, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_bytes(csv_bytes(NAME_ONLY))
    code, out, err = run(capsys, data_dir, path)
    assert code == 0, err
    assert out.startswith("Imported 4 lead(s)")
    for _ in range(2):
        code, out, err = run(capsys, data_dir, path)
        assert code == 0, err
        assert out == ("Nothing imported: all 4 row(s) of scans.csv are already at "
                       "Hannover Messe.\n")
    assert len(leads_in(data_dir)) == 4


def test_reimporting_finds_rows_whose_lead_was_edited_or_came_from_another_device(
        capsys, data_dir, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_bytes(csv_bytes(NAME_ONLY[:3]))
    assert run(capsys, data_dir, path)[0] == 0
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        (ana,) = [lead for lead in store.all("lead") if lead["first_name"] == "Ana"]
        store.save("lead", {"last_name": "Silva-Costa", "company": "Zenith"}, ana["id"])
        # Imported on another device and synced here: no mark of this store, same person.
        store.save("lead", {"first_name": "dee", "last_name": "DÜR", "company": "Umlaut",
                            "event_id": EVENT_ID, "source": "import",
                            "captured_at": "2026-04-20T10:00:00Z"})
    finally:
        store.engine.dispose()
    path.write_bytes(csv_bytes(NAME_ONLY))
    code, out, err = run(capsys, data_dir, path, "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["add"], summary["duplicate"]) == (1, 3)  # only Cy is new
    assert len(leads_in(data_dir)) == 4


def test_a_lead_deleted_here_is_imported_again_though_its_row_was_edited(capsys, data_dir, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_bytes(csv_bytes(NAME_ONLY[:3]))
    assert run(capsys, data_dir, path)[0] == 0
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        (ana,) = [lead for lead in store.all("lead") if lead["first_name"] == "Ana"]
        store.save("lead", {"last_name": "Silva-Costa"}, ana["id"])  # known by its mark only
        assert store.delete("lead", ana["id"])
    finally:
        store.engine.dispose()
    code, out, err = run(capsys, data_dir, path, "--json")
    assert code == 0, err
    assert (json.loads(out)["add"], json.loads(out)["duplicate"]) == (1, 1)


def test_the_fingerprint_is_a_hash_salted_per_store_and_holds_nothing_readable(
        capsys, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_bytes(csv_bytes(NAME_ONLY[:2]))
    prints = []
    for name in ("one", "two"):
        data = tmp_path / name
        data.mkdir()
        store = open_store(data / "fieldnote.sqlite3")
        add_event(store)
        store.engine.dispose()
        assert run(capsys, data, path)[0] == 0
        store = open_store(data / "fieldnote.sqlite3")
        try:
            with store.engine.connect() as conn:
                ((_lead_id, mark),) = marked(conn, "lead", IMPORT_FINGERPRINT)
                dump = "\n".join(str(r) for r in conn.exec_driver_sql(
                    "SELECT * FROM local_marks UNION ALL SELECT key, value, 0, 0 FROM sync_state").all())
            assert len(bytes.fromhex(store.get_state(IMPORT_SALT))) == 16
        finally:
            store.engine.dispose()
        assert mark["event_id"] == EVENT_ID
        assert len(mark["fingerprint"]) == 64
        for word in ("Ana", "Silva", "Zenith", "1234567", "met at the bar"):
            assert word.casefold() not in dump.casefold()
        prints.append(mark["fingerprint"])
    assert prints[0] != prints[1]  # the same row, two stores, two salts


def test_a_consent_column_records_consent_under_the_current_wording(capsys, data_dir, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_bytes(csv_bytes([
        ["Last Name", "Scan Time", "Consent given"],
        ["Silva", "2026-04-20 10:15", "YES"],
        ["Berg", "2026-04-20 10:20", "n"],
        ["Cruz", "2026-04-20 10:25", "1"],
        ["Dür", "2026-04-20 10:30", ""],
    ]))
    assert run(capsys, data_dir, path)[0] == 0
    leads = {lead["last_name"]: lead for lead in leads_in(data_dir)}
    wording = Settings.load(data_dir).consent_text_version
    assert leads["Silva"]["consent_contact"] is True
    assert leads["Silva"]["consent_at"] == "2026-04-20T10:15:00Z"
    assert leads["Silva"]["consent_text_version"] == wording
    assert leads["Cruz"]["consent_contact"] is True
    assert leads["Berg"]["consent_contact"] is False
    # A no is the visitor's answer too, under the organiser's terms: no wording was agreed to.
    assert leads["Berg"]["consent_at"] == "2026-04-20T10:20:00Z"
    assert leads["Berg"]["consent_text_version"] is None
    assert {leads[n]["consent_method"] for n in ("Silva", "Berg", "Cruz")} == {"imported"}
    # No wording has reached this device yet: only the settings' version, no wording id.
    assert leads["Silva"]["consent_wording_id"] is None
    assert leads["Dür"]["consent_contact"] is None and leads["Dür"]["consent_method"] is None


@pytest.mark.parametrize("header", ["Consent", "Consent given", "Opt-in", "opt in"])
@pytest.mark.parametrize(("value", "given"), [("yes", True), ("No", False), ("TRUE", True),
                                               ("false", False), ("1", True), ("0", False),
                                               ("Y", True), ("n", False)])
def test_every_consent_header_and_value_of_the_promise_is_read(header, value, given):
    from fieldnote.leadcsv import read_lead_csv

    parsed = read_lead_csv(csv_bytes([["Email", header], ["ana@zenith.example", value]]),
                           consent_text_version="2026-01", captured_at="2026-04-20T10:00:00Z")
    (row,) = parsed.rows
    assert row.fields["consent_contact"] is given
    assert row.fields.get("consent_text_version") == ("2026-01" if given else None)
    # Either answer is a statement made when the visitor was scanned, "imported".
    assert row.fields.get("consent_at") == "2026-04-20T10:00:00Z"
    assert row.fields.get("consent_method") == "imported"


def test_without_a_consent_column_imported_leads_have_no_consent(capsys, data_dir, tmp_path):
    path = tmp_path / "scans.csv"
    path.write_bytes(csv_bytes([["Email"], ["ana@zenith.example"]]))
    assert run(capsys, data_dir, path)[0] == 0
    (lead,) = leads_in(data_dir)
    assert lead["consent_contact"] is None and lead["consent_at"] is None
