"""Hostile input for `fieldnote leads import`: generated and corrupt files through the real command
path, and every file of `tests/data/hostile/csv/` that once broke something.

Whatever the file, the command exits 0 (read; its summary on stdout) or 1 (refused: one line on
stderr, the store unchanged), never prints a traceback or an "unexpected error", and writes
exactly the leads it says it added.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.app import main
from desktop.store import open_store
from tests.desktop.leads.conftest import EVENT_ID

HOSTILE = Path(__file__).resolve().parents[2] / "data" / "hostile"
CORPUS = sorted({*HOSTILE.glob("csv/*"), *HOSTILE.glob("*.csv")} - {*HOSTILE.glob("csv/.*")})
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def snapshot(data_dir: Path):
    store = open_store(data_dir / "fieldnote.sqlite3")
    try:
        with store.engine.connect() as conn:
            return {t: conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1").all()
                    for t in ("rec_lead", "outbox", "local_marks", "sync_state")}
    finally:
        store.engine.dispose()


def import_file(data_dir: Path, path: Path, *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["leads", "import", str(path), "--event", EVENT_ID, "--data-dir",
                     str(data_dir), "--json", *extra])
    return code, out.getvalue(), err.getvalue()


def check_outcome(data_dir: Path, path: Path, *extra: str) -> tuple[int, dict | None]:
    """Import `path` and hold the command to its promise; the exit code and the summary."""
    before = snapshot(data_dir)
    code, out, err = import_file(data_dir, path, *extra)
    assert "Traceback" not in err and "unexpected error" not in err, err
    assert code in (0, 1), (code, err)
    if code == 1:
        assert out == ""
        assert err.endswith("\n") and err.count("\n") == 1, err
        assert err.startswith(f"fieldnote: {path.name} "), err
        assert snapshot(data_dir) == before
        return code, None
    summary = json.loads(out)
    assert set(summary) >= {"mapping", "add", "duplicate", "skipped", "reasons"}
    assert summary["skipped"] == sum(summary["reasons"].values())
    after = snapshot(data_dir)
    added = len(after["rec_lead"]) - len(before["rec_lead"])
    assert added == (0 if "--dry-run" in extra else summary["add"])
    if "--dry-run" in extra:
        assert after == before
    return code, summary


def test_the_corpus_is_there():
    names = {p.name for p in CORPUS}
    assert {"refused-random-bytes.csv", "refused-pdf-renamed.csv", "read-header-only.csv",
            "read-formula-cells.csv"} <= names


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_file_that_once_broke_the_import_gets_its_documented_outcome(data_dir, path):
    for extra in (("--dry-run",), ()):
        code, summary = check_outcome(data_dir, path, *extra)
        if path.name.startswith("refused-"):
            assert code == 1
        elif path.name.startswith("read-"):
            assert code == 0
    if code == 0:
        # Twice adds nothing.
        _code, again = check_outcome(data_dir, path)
        assert again is not None and again["add"] == 0


def test_formula_cells_imported_are_stored_as_text_and_exported_guarded(data_dir, tmp_path):
    code, summary = check_outcome(data_dir, HOSTILE / "csv" / "read-formula-cells.csv")
    assert code == 0 and summary["add"] == 2
    for fmt in ("salesforce", "hubspot"):
        out_file = tmp_path / f"{fmt}.csv"
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["leads", "export", "--format", fmt, "-o", str(out_file),
                         "--data-dir", str(data_dir)]) == 0
        rows = list(csv.reader(io.StringIO(out_file.read_text("utf-8"), newline="")))
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")) or cell.lstrip(
                    "-").replace(".", "", 1).isdigit(), (fmt, cell)


@SETTINGS
@given(data=st.binary(max_size=2048))
def test_random_bytes(data_dir, tmp_path, data):
    path = tmp_path / "scans.csv"
    path.write_bytes(data)
    check_outcome(data_dir, path)


_HEADERS = st.sampled_from(["First Name", "Last Name", "Name", "Email", "E-mail", "Company",
                            "Phone", "Badge ID", "Consent", "Notes", "Booth", "Scan Time", ""])
_CELLS = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["=1+1", "-2-3", "-(1)/(0)", "+1 (555) 123-4567", "@SUM(A1:A9)",
                     '=HYPERLINK("http://evil","x")', "\t=1", "\r=1", "yes", "no",
                     "ana@zenith.example", "not an email", "2026-04-20 10:15", "31/02/2026"]),
)


@st.composite
def corrupted_tables(draw):
    """A CSV a badge scanner might write, then damaged: cut short, NULs or noise inserted,
    rows longer or shorter than the header, a huge field, another encoding."""
    headers = draw(st.lists(_HEADERS, min_size=1, max_size=6))
    rows = draw(st.lists(st.lists(_CELLS, max_size=len(headers) + 2), max_size=8))
    if draw(st.booleans()):
        rows.append(["x" * draw(st.sampled_from([70_000, 250_000]))] + [""] * (len(headers) - 1))
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=draw(st.sampled_from([",", ";", "\t"])),
               lineterminator="\r\n").writerows([headers, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    data = out.getvalue().encode(encoding, "replace")
    damage = draw(st.sampled_from(["none", "cut", "nuls", "noise", "pdf"]))
    if damage == "cut" and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    elif damage == "nuls":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + b"\x00" * draw(st.integers(1, 300)) + data[at:]
    elif damage == "noise":
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=300)) + data[at:]
    elif damage == "pdf":
        data = b"%PDF-1.7\n" + data
    return data


@SETTINGS
@given(data=corrupted_tables())
def test_generated_and_corrupted_lead_files(data_dir, tmp_path, data):
    path = tmp_path / "scans.csv"
    path.write_bytes(data)
    check_outcome(data_dir, path, "--dry-run")
    check_outcome(data_dir, path)
