"""The closed loop with a real hub: leads exported for Salesforce and HubSpot come back as a
Salesforce opportunity report and a HubSpot export, their outcomes sync, and Insights on
another device counts them; importing the reports again changes nothing."""

from __future__ import annotations

import contextlib
import csv
import io
import json
from pathlib import Path

from desktop.app import main
from desktop.store import open_store
from tests.desktop.leads.conftest import EVENT_ID, add_event

LEADS_CSV = (
    "First Name,Last Name,Email,Company\r\n"
    "Ana,Silva,ana@zenith.example,Zenith\r\n"
    "Bo,Berg,bo@acme.example,Acme\r\n"
    "Cy,Cruz,cy@globex.example,Globex\r\n"
    "Di,Diaz,di@initech.example,Initech\r\n"
)


def fieldnote(data: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        if stdin is not None:
            import sys

            real = sys.stdin
            sys.stdin = io.StringIO(stdin)
            try:
                code = main([*args, "--data-dir", str(data)])
            finally:
                sys.stdin = real
        else:
            code = main([*args, "--data-dir", str(data)])
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return code, out.getvalue(), err.getvalue()


def device(hub, tmp_path: Path, email: str, role: str, team: str) -> Path:
    user = hub.add_user(email, email.split("@")[0].title(), role, team=team)
    data = tmp_path / email.split("@")[0]
    code, _out, err = fieldnote(data, "signin", "--hub", hub.url, "--email", email,
                                "--password-stdin", stdin=user["password"] + "\n")
    assert code == 0, err
    return data


def sync(data: Path) -> str:
    code, out, err = fieldnote(data, "sync")
    assert code == 0, (out, err)
    return out


def test_crm_reports_close_the_loop_on_another_device(live_hub, tmp_path):
    marketer = device(live_hub, tmp_path, "mia@example.com", "marketer", "hq")
    rep = device(live_hub, tmp_path, "rita@example.com", "rep", "north")
    manager = device(live_hub, tmp_path, "max@example.com", "manager", "north")

    store = open_store(marketer / "fieldnote.sqlite3")
    add_event(store)
    store.engine.dispose()
    sync(marketer)
    sync(rep)
    (tmp_path / "leads.csv").write_text(LEADS_CSV)
    code, _out, err = fieldnote(rep, "leads", "import", str(tmp_path / "leads.csv"),
                                "--event", EVENT_ID)
    assert code == 0, err
    sync(rep)

    # Marketing exports the leads for Salesforce and brings back an opportunity report.
    sync(marketer)
    export = tmp_path / "salesforce.csv"
    # The imported visitors gave no consent; marketing exports them anyway, marked opted out.
    assert fieldnote(marketer, "leads", "export", "--format", "salesforce",
                     "--include-no-consent", "-o", str(export))[0] == 0
    ids = {r["Email"]: r["Fieldnote ID"] for r in csv.DictReader(io.StringIO(export.read_text()))}
    assert len(ids) == 4
    sf_report = tmp_path / "report1.csv"
    sf_report.write_text(
        "Opportunity Name,Stage,Amount,Close Date,Fieldnote ID\r\n"
        f"Zenith rollout,Closed Won,\"12,500.00\",11/30/2026,{ids['ana@zenith.example']}\r\n"
        f"Acme pilot,Closed Lost,2000,12/01/2026,{ids['bo@acme.example']}\r\n")
    code, out, err = fieldnote(marketer, "leads", "outcomes", "import", str(sf_report), "--json")
    assert code == 0, err
    assert json.loads(out)["recorded"] == 2
    # The two outcomes, and the record of the export for the hub's audit log.
    assert sync(marketer).startswith("pushed 3,")

    # The team's manager brings back a HubSpot export, matched by email.
    sync(manager)
    hs_report = tmp_path / "hubspot.csv"
    hs_report.write_text(
        "Email,Lead Status,Lifecycle Stage,Deal Stage,Amount,Close Date\r\n"
        "cy@globex.example,OPEN_DEAL,customer,closedwon,3000,2026-12-02\r\n"
        "di@initech.example,UNQUALIFIED,lead,closedlost,,2026-12-03\r\n"
        "someone@else.example,OPEN_DEAL,opportunity,,,\r\n")
    code, out, err = fieldnote(manager, "leads", "outcomes", "import", str(hs_report), "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["format"], summary["recorded"], len(summary["unmatched"])) == ("hubspot", 2, 1)
    assert sync(manager).startswith("pushed 2,")

    # The rep's device, which imported none of it, shows the outcomes after a sync.
    sync(rep)
    code, out, err = fieldnote(rep, "insights", "--json")
    assert code == 0, err
    [funnel] = json.loads(out)["funnel"].values()
    assert (funnel["captured"], funnel["won"]) == (4, 2)
    assert funnel["won_amount"] == 15500
    store = open_store(rep / "fieldnote.sqlite3")
    try:
        got = sorted((o["status"], o["amount"], o["source"]) for o in store.all("lead_outcome"))
    finally:
        store.engine.dispose()
    assert got == [("lost", None, "crm"), ("lost", None, "crm"), ("won", 3000.0, "crm"),
                   ("won", 12500.0, "crm")]

    # Both reports again: nothing changes, nothing is sent.
    sync(marketer)
    for who, report in ((marketer, sf_report), (manager, hs_report)):
        code, out, err = fieldnote(who, "leads", "outcomes", "import", str(report), "--json")
        assert code == 0, err
        assert json.loads(out)["recorded"] == 0
        assert sync(who).startswith("pushed 0,")
