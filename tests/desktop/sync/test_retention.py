"""Retention end to end: a real hub on loopback, a device that captured leads long ago, and
the real `fieldnote-hub retention run` on the hub's database. At the device's next sync the
lead nobody qualified or contacted is an anonymous stub there too, the others are untouched,
and Insights show the same figures."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from desktop.store.insights import InsightsQueries
from desktop.sync.state import Outcome
from tests.support.live_hub import LiveHub

ROOT = Path(__file__).resolve().parents[3]
TODAY = dt.date.today()
NOW = dt.datetime.now(dt.UTC)


def _ago(days: int) -> str:
    return (NOW - dt.timedelta(days=days)).replace(microsecond=0).isoformat().replace(
        "+00:00", "Z")


def _hub(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hub", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})


def _figures(store: Any) -> dict[str, Any]:
    queries = InsightsQueries(store.engine)
    try:
        return queries.compute(today=TODAY)
    finally:
        queries.dispose()


def test_retention_erases_an_old_uncontacted_lead_on_the_hub_and_the_device(
    make_device: Any, hub: LiveHub
) -> None:
    rep = make_device("rep")
    event = rep.store.save("event", {"name": "Expo Lisbon", "starts_on": _ago(200)[:10]})
    old = rep.store.save("lead", {
        "first_name": "Quirina", "last_name": "Oldfield", "email": "q.oldfield@example.org",
        "company": "Oldfield Lda", "event_id": event.record_id, "grade": "cold",
        "notes": "Quirina took a brochure", "source": "manual",
        "captured_at": _ago(200)}).record_id
    kept = {
        "young": rep.store.save("lead", {
            "last_name": "Young", "email": "young@example.org", "event_id": event.record_id,
            "source": "manual", "captured_at": _ago(10)}).record_id,
        "qualified": rep.store.save("lead", {
            "last_name": "Qualified", "email": "qual@example.org", "event_id": event.record_id,
            "qualified": True, "grade": "hot", "source": "manual",
            "captured_at": _ago(300)}).record_id,
        "contacted": rep.store.save("lead", {
            "last_name": "Contacted", "email": "cont@example.org", "event_id": event.record_id,
            "source": "manual", "captured_at": _ago(300)}).record_id,
    }
    rep.store.save("lead_outcome", {"lead_id": kept["contacted"], "status": "contacted",
                                    "at": _ago(290)})
    assert rep.run().outcome is Outcome.OK
    before = _figures(rep.store)

    assert _hub("settings", "set", "--db", hub.db_url, "retention_days", "180").returncode == 0
    dry = _hub("retention", "run", "--dry-run", "--json", "--db", hub.db_url)
    assert dry.returncode == 0, dry.stderr
    assert [d["id"] for d in json.loads(dry.stdout)["due"]] == [old]
    assert rep.run().outcome is Outcome.OK
    assert rep.store.get("lead", old)["email"] == "q.oldfield@example.org"  # only listed

    done = _hub("retention", "run", "--db", hub.db_url, "--blobs", str(hub.blobs_dir))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{old}\tevent {event.record_id}\t200 days\n")
    assert "Erased 1 leads" in done.stdout and "Quirina" not in done.stdout

    report = rep.run()
    assert (report.outcome, report.rejected) == (Outcome.OK, 0), report
    stub = rep.store.get("lead", old)
    assert stub["erased_at"] and stub["event_id"] == event.record_id and stub["grade"] == "cold"
    assert all(stub[k] is None for k in ("first_name", "last_name", "email", "company", "notes"))
    for record_id in kept.values():
        lead = rep.store.get("lead", record_id)
        assert not lead["erased_at"] and lead["email"], record_id
    assert _figures(rep.store) == before
    listed = _hub("audit", "list", "--json", "--db", hub.db_url)
    [entry] = [e for e in json.loads(listed.stdout) if e["action"] == "retention.erase"]
    assert entry["details"]["leads"] == 1 and "oldfield" not in listed.stdout.lower()
