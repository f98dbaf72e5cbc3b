"""`fieldnote leads outcomes import` on one device: previews, writes once, refuses what is no CRM
report with one line, lists what it cannot match, and is for marketing and managers only."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from desktop.app import main
from desktop.store import open_store
from tests.desktop.leads.conftest import EVENT_ID, MARKETER, REP, add_event

HOSTILE = Path(__file__).resolve().parents[2] / "data" / "hostile" / "csv"
CORPUS = sorted(p for p in HOSTILE.glob("*") if not p.name.startswith("."))


@pytest.fixture
def device(tmp_path):
    """A marketer's data folder with the test event and three leads."""
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(data / "fieldnote.sqlite3")
    add_event(store)
    store.set_state("user", MARKETER)
    ids = []
    for first, email in (("Ana", "ana@zenith.example"), ("Bo", "bo@acme.example"),
                         ("Cy", "cy@acme.example")):
        ids.append(store.save("lead", {"event_id": EVENT_ID, "first_name": first,
                                       "last_name": "Test", "email": email, "source": "manual",
                                       "captured_at": "2026-04-21T10:00:00Z"}).record_id)
    store.engine.dispose()
    return data, ids


def run(data: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["leads", "outcomes", "import", *args, "--data-dir", str(data)])
    return code, out.getvalue(), err.getvalue()


def outcomes(data: Path) -> list[dict]:
    store = open_store(data / "fieldnote.sqlite3")
    try:
        return store.all("lead_outcome")
    finally:
        store.engine.dispose()


def write(tmp_path: Path, name: str, *lines: str) -> Path:
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    return path


def test_a_dry_run_shows_what_an_import_writes_and_writes_nothing(device, tmp_path):
    data, (ana, bo, _cy) = device
    report = write(tmp_path, "opps.csv", "Opportunity Name,Stage,Amount,Close Date,Fieldnote ID",
                   f"Zenith,Closed Won,\"12,500.00\",11/30/2026,{ana}",
                   f"Acme,Negotiation/Review,4000,12/31/2027,{bo}")
    code, out, err = run(data, str(report), "--dry-run", "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["format"], summary["recorded"], summary["dry_run"]) == ("salesforce", 2, True)
    assert [(c["lead_id"], c["status"], c["amount"]) for c in summary["changes"]] == [
        (ana, "won", 12500.0), (bo, "opportunity", None)]
    assert outcomes(data) == []

    code, out, err = run(data, str(report))
    assert code == 0, err
    assert out.endswith("Recorded 2 outcome(s) from 2 row(s) of this salesforce report; "
                        "0 already recorded, 0 with no outcome yet, 0 not matched, "
                        "0 unknown value(s).\n")
    stored = {o["lead_id"]: o for o in outcomes(data)}
    assert (stored[ana]["status"], stored[ana]["amount"], stored[ana]["source"]) == \
        ("won", 12500.0, "crm")
    assert stored[ana]["at"] == "2026-11-30T00:00:00Z"
    assert stored[ana]["author_id"] == MARKETER["id"]

    code, out, err = run(data, str(report))
    assert code == 0 and out == ("Nothing changed: the 2 outcome(s) of opps.csv are already "
                                 "recorded.\n")
    assert len(outcomes(data)) == 2


def test_unmatched_rows_and_unknown_values_are_listed_not_guessed(device, tmp_path):
    data, (ana, _bo, _cy) = device
    report = write(tmp_path, "hs.csv", "Email,Lead Status,Lifecycle Stage",
                   "bo@acme.example,CONNECTED,salesqualifiedlead",
                   "nobody@else.example,OPEN_DEAL,opportunity",
                   "CY@ACME.EXAMPLE,PARTNER_STATUS,",
                   "ana@zenith.example,NEW,lead")
    code, out, err = run(data, str(report), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["format"] == "hubspot"
    assert summary["recorded"] == 1 and summary["no_outcome"] == 2
    assert summary["unmatched"] == [{"line": 3, "reason": "no lead with the email "
                                                           "nobody@else.example"}]
    assert summary["unknown"] == [{"line": 4, "column": "Lead Status", "value": "PARTNER_STATUS"}]
    assert "hs.csv: line 3: not matched: no lead with the email nobody@else.example\n" in err
    assert "hs.csv: line 4: unknown Lead Status 'PARTNER_STATUS'" in err
    [meeting] = outcomes(data)
    assert meeting["status"] == "meeting"
    assert ana not in {o["lead_id"] for o in outcomes(data)}


def test_a_later_report_moves_a_lead_forward_or_records_a_loss(device, tmp_path):
    data, (ana, bo, _cy) = device
    first = write(tmp_path, "sf1.csv", "Fieldnote ID,Lead Status",
                  f"{ana},Working - Contacted", f"{bo},Working - Contacted")
    later = write(tmp_path, "sf2.csv", "Fieldnote ID,Stage,Amount",
                  f"{ana},Closed Won,900", f"{bo},Closed Lost,")
    assert run(data, str(first))[0] == 0
    code, out, err = run(data, str(later), "--json")
    assert code == 0, err
    assert json.loads(out)["recorded"] == 2
    statuses = sorted((o["lead_id"] == ana, o["status"]) for o in outcomes(data))
    assert statuses == [(False, "contacted"), (False, "lost"), (True, "contacted"), (True, "won")]
    # The older report again moves nobody back.
    assert json.loads(run(data, str(first), "--json")[1])["recorded"] == 0


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_hostile_file_is_refused_with_one_line_and_nothing_written(device, path):
    data, _ids = device
    code, out, err = run(data, str(path))
    assert code == 1, (out, err)
    assert out == "" and "Traceback" not in err
    assert err.startswith(f"fieldnote: {path.name} ") and err.count("\n") == 1, err
    assert outcomes(data) == []


def test_a_rep_is_refused_before_the_file_is_read(device, tmp_path):
    data, (ana, _bo, _cy) = device
    store = open_store(data / "fieldnote.sqlite3")
    store.set_state("user", REP)
    store.engine.dispose()
    report = write(tmp_path, "r.csv", "Fieldnote ID,Stage", f"{ana},Closed Won")
    code, _out, err = run(data, str(report))
    assert code == 3
    assert err == ("fieldnote: rita@example.com cannot import outcomes from a CRM report: Only "
                   "marketers and managers import outcomes from a CRM report.\n")
    assert outcomes(data) == []


def test_a_missing_file_says_so(device, tmp_path):
    data, _ids = device
    code, _out, err = run(data, str(tmp_path / "nope.csv"))
    assert code == 1 and "no such file" in err
