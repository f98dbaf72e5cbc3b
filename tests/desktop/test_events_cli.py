"""`fieldnote events list [--json]`: event names and ids were only discoverable from the error
of a command given a wrong one."""

from __future__ import annotations

import io
import json

from desktop.app import main
from desktop.store import open_store


def run(monkeypatch, capsys, *argv):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_events_list_prints_every_live_event_newest_first_as_a_table_and_as_json(
        tmp_path, monkeypatch, capsys):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    expo = store.save("event", {"name": "Expo North", "venue": "Hall 4", "starts_on": "2026-10-01",
                                "ends_on": "2026-10-03", "country": "DE", "campaign_code": "C26",
                                "cost_amount": 12500.5, "cost_currency": "USD"}).record_id
    summit = store.save("event", {"name": "Summit Süd", "starts_on": "2026-11-20"}).record_id
    gone = store.save("event", {"name": "Cancelled Fair", "starts_on": "2026-12-01"}).record_id
    store.delete("event", gone)
    store.engine.dispose()

    code, out, err = run(monkeypatch, capsys, "events", "list", "--json", "--data-dir", str(tmp_path))
    assert code == 0, err
    assert json.loads(out) == [
        {"id": summit, "name": "Summit Süd", "venue": None, "starts_on": "2026-11-20",
         "ends_on": None, "country": None, "campaign_code": None, "rubric_id": None,
         "cost_amount": None, "cost_currency": None},
        {"id": expo, "name": "Expo North", "venue": "Hall 4", "starts_on": "2026-10-01",
         "ends_on": "2026-10-03", "country": "DE", "campaign_code": "C26", "rubric_id": None,
         "cost_amount": 12500.5, "cost_currency": "USD"},
    ]
    code, out, err = run(monkeypatch, capsys, "events", "list", "--data-dir", str(tmp_path))
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["Starts", "Ends", "Name", "Country", "Campaign", "Id"]
    assert lines[2].startswith("2026-11-20") and "Summit Süd" in lines[2] and summit in lines[2]
    assert "Expo North" in lines[3] and "DE" in lines[3] and expo in lines[3]
    assert "Cancelled Fair" not in out
    assert lines[-1] == "2 event(s)"


def test_events_list_on_an_empty_device_says_to_sync(tmp_path, monkeypatch, capsys):
    code, out, _ = run(monkeypatch, capsys, "events", "list", "--data-dir", str(tmp_path))
    assert code == 0 and "No events on this device yet" in out
    code, out, _ = run(monkeypatch, capsys, "events", "list", "--json", "--data-dir", str(tmp_path))
    assert code == 0 and json.loads(out) == []


def test_a_command_given_an_unknown_event_points_to_events_list(tmp_path, monkeypatch, capsys):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    store.save("event", {"name": "Expo North", "starts_on": "2026-10-01"})
    store.engine.dispose()
    scans = tmp_path / "scans.csv"
    scans.write_text("First name,Last name,Email\nAna,Silva,ana@example.com\n")
    code, _, err = run(monkeypatch, capsys, "leads", "import", str(scans), "--event", "Expo Nort",
                       "--data-dir", str(tmp_path))
    assert code != 0
    assert err.count("\n") == 1 and "Expo North" in err and "fieldnote events list" in err
