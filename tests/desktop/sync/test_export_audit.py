"""Every export of leads reaches the hub's audit log, end to end: a real hub on loopback and a
rep's device. The export is made with the hub out of reach (the device's address points at a
closed port), by the real `fieldnote leads export` command; the record waits in the outbox and
becomes a `leads.export` entry at the first sync after the hub is back, once, naming the rep and
no visitor."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from desktop.sync.state import Outcome
from fieldnote import audit as rules
from hub import audit
from hub.embedded import free_port
from tests.support.live_hub import LiveHub

ENV = dict(os.environ, FIELDNOTE_NO_KEYCHAIN="1", QT_QPA_PLATFORM="offscreen")


def _fieldnote(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, env=ENV, timeout=120)


def test_an_export_made_offline_is_in_the_hub_audit_log_after_the_next_sync(
    make_device: Any, hub: LiveHub, tmp_path: Path
) -> None:
    rep = make_device("rep")
    event = rep.store.save("event", {"name": "Expo Porto"})
    for name, consent in (("Ferreira", True), ("Gomes", False)):
        rep.store.save("lead", {"last_name": name, "email": f"{name.lower()}@example.org",
                                "event_id": event.record_id, "consent_contact": consent,
                                "source": "manual", "captured_at": "2026-11-20T10:00:00Z"})
    assert rep.run().outcome is Outcome.OK

    # The hub out of reach: the device's address points at a port nobody listens on.
    client = rep.engine.client
    reachable, client.base_url = client.base_url, f"http://127.0.0.1:{free_port()}"
    out = tmp_path / "crm.csv"
    done = _fieldnote("leads", "export", "--format", "salesforce", "--event", "Expo Porto",
                      "-o", str(out), "--data-dir", str(rep.data_dir))
    assert done.returncode == 0, done.stderr
    assert "Wrote 1 lead(s)" in done.stdout
    assert rep.run().outcome is not Outcome.OK  # offline: it waits in the outbox
    assert [e for e in audit.entries(hub.engine) if e.action == rules.LEADS_EXPORT] == []

    client.base_url = reachable
    report = rep.run()
    assert report.outcome is Outcome.OK and report.pushed == 1, report
    [entry] = [e for e in audit.entries(hub.engine) if e.action == rules.LEADS_EXPORT]
    assert (entry.actor, entry.via, entry.details["format"], entry.details["rows"]) == (
        "rep@example.com", "device", "salesforce", 1)
    assert entry.details["origin"] == "command"
    assert entry.details["filter"] == {"event_id": event.record_id,
                                       "include_no_consent": False, "left_out": 1}
    assert "Ferreira" not in json.dumps(entry.as_json())
    # The next sync adds nothing.
    assert rep.run().outcome is Outcome.OK
    assert len([e for e in audit.entries(hub.engine) if e.action == rules.LEADS_EXPORT]) == 1
