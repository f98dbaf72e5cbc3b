"""`fieldnote debriefs add | list | export` as real processes."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys

from pypdf import PdfReader

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def fieldnote(*args, data_dir, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, env=ENV, timeout=60, input=stdin,
    )


GOOD = {"account": "Acme Freight", "call_date": "2026-11-20", "call_type": "demo",
        "objections": ["Price"], "collateral_used": [
            {"collateral_id": "01900000-0000-7000-8000-0000000000c1", "helpful": True}]}


def test_add_queues_good_debriefs_and_reports_bad_ones_by_index_field_and_reason(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps([GOOD, {"account": "", "call_date": "20-11-2026"},
                                {**GOOD, "account": "Second"}]), encoding="utf-8")
    result = fieldnote("debriefs", "add", "--json", str(path), data_dir=tmp_path / "d")
    assert result.returncode == 1
    assert "debrief 1: account: is required" in result.stderr
    assert "debrief 1: call_date: must be a date as YYYY-MM-DD" in result.stderr
    assert "the 2 good one(s) are queued" in result.stderr
    assert "Traceback" not in result.stderr
    listed = fieldnote("debriefs", "list", "--json", data_dir=tmp_path / "d")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert sorted(r["account"] for r in rows) == ["Acme Freight", "Second"]
    assert rows[0]["status"] == "submitted" and rows[0]["id"]
    assert rows[0]["collateral_used"] == GOOD["collateral_used"]


def test_add_of_one_object_from_stdin_exits_zero_and_list_prints_a_table(tmp_path):
    result = fieldnote("debriefs", "add", "--json", "-", data_dir=tmp_path / "d", stdin=json.dumps(GOOD))
    assert result.returncode == 0, result.stderr
    assert "Queued 1 debrief" in result.stdout
    table = fieldnote("debriefs", "list", data_dir=tmp_path / "d")
    assert table.returncode == 0
    assert "Acme Freight" in table.stdout and "1 debrief(s)" in table.stdout


def test_a_file_that_is_not_json_is_a_clear_error(tmp_path):
    path = tmp_path / "in.json"
    path.write_text("account,call_date\nAcme,2026-11-20\n", encoding="utf-8")
    result = fieldnote("debriefs", "add", "--json", str(path), data_dir=tmp_path / "d")
    assert result.returncode == 2
    assert "is not JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_export_writes_json_and_a_pdf_holding_the_fields(tmp_path):
    items = [GOOD, {**GOOD, "account": "Old Account", "call_date": "2026-01-05"}]
    fieldnote("debriefs", "add", "--json", "-", data_dir=tmp_path / "d", stdin=json.dumps(items))
    out = tmp_path / "out.json"
    result = fieldnote("debriefs", "export", "--format", "json", "--since", "2026-06-01", "-o", str(out),
                       data_dir=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    assert [r["account"] for r in json.loads(out.read_text())] == ["Acme Freight"]
    pdf = tmp_path / "out.pdf"
    result = fieldnote("debriefs", "export", "--format", "pdf", "-o", str(pdf), data_dir=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Acme Freight" in text and "Old Account" in text and "Price" in text
    # The count is said once, by the digest's summary (the subtitle used to repeat it).
    assert text.count("2 debriefs") == 1 and "debrief(s)" not in text and "All calls" in text


def test_a_bad_since_date_is_a_usage_error(tmp_path):
    result = fieldnote("debriefs", "export", "--format", "json", "--since", "2026-13-01",
                       "-o", str(tmp_path / "x.json"), data_dir=tmp_path / "d")
    assert result.returncode == 2
    assert "is not a date as YYYY-MM-DD" in result.stderr


def _docs_example() -> str:
    from pathlib import Path

    docs = (Path(__file__).parents[3] / "docs" / "debriefs.md").read_text(encoding="utf-8")
    block = docs.split("```json\n", 1)[1].split("```", 1)[0]
    return "\n".join(line[2:] for line in block.splitlines())


def test_the_documented_add_example_is_the_helps_and_files_a_debrief_show_prints_readably(tmp_path):
    helped = fieldnote("debriefs", "add", "--help", data_dir=tmp_path / "d")
    example = helped.stdout.split("several):\n", 1)[1]
    assert json.loads(example) == json.loads(_docs_example())
    added = fieldnote("debriefs", "add", "--json", "-", data_dir=tmp_path / "d", stdin=example)
    assert added.returncode == 0, added.stderr
    shown = fieldnote("debriefs", "show", json.loads(example)["id"], data_dir=tmp_path / "d")
    assert shown.returncode == 0, shown.stderr
    # It printed the stored lists and objects in Python's notation ("{'collateral_id': ...").
    for python_notation in ("{'", "['", "True", "None"):
        assert python_notation not in shown.stdout
    lines = shown.stdout.splitlines()
    assert lines[0] == "Acme Freight"
    assert any(re.fullmatch(r"Objections +Price too high, Needs SSO", line) for line in lines)
    assert any(re.fullmatch(r"Collateral +01938a6e-4b00-7000-8000-00000000c001 \(helped\)", line)
               for line in lines)
    assert lines[-1] == "No replies yet"



def test_show_keeps_a_values_line_breaks_under_its_label_and_escapes_other_control_characters():
    # Input is checked, but a record synced from an older hub may hold anything: a terminal
    # escape or a carriage return reached the terminal as it was and could recolour the screen
    # or overwrite the line before it.
    from desktop.cli.debriefs_commands import _readable

    text = _readable({"id": "d1", "account": "Acme\x1b[31m Freight\nLtd", "call_date": "2026-12-01",
                      "status": "submitted", "next_steps": "Send the price list\r\nBook a demo\x07",
                      "comments": [{"author": "Ana\x1b]0;x\x07", "author_id": "u1", "read": True,
                                    "created_at": "2026-12-02", "body": "Fine\rby me"}]})
    assert not any(c in text for c in "\x1b\x07\r")
    lines = text.splitlines()
    assert lines[0] == "Acme\\x1b[31m Freight\\nLtd"  # the account is one line
    at = next(i for i, line in enumerate(lines) if "Send the price list" in line)
    assert re.fullmatch(r" +Book a demo\\x07", lines[at + 1])
    assert lines[-4:] == ["Replies (1)", "  Ana\\x1b]0;x\\x07, 2026-12-02", "    Fine", "    by me"]
