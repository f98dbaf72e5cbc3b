"""Erasing a person, end to end: a real hub on loopback and two devices (the rep who captured
the lead, with an edit of it still waiting, and a marketer). After the erasure, both syncs
(the last ones by the real `fieldnote sync` command, which writes its log file) and closing,
no byte of the person's name or email is left in either device's data folder (the database,
its WAL, the search index, the outbox, the log) or in the hub's files; Insights show the same
figures; the waiting edit is dropped and shown as erased, never sent again."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.store.insights import InsightsQueries
from desktop.store.syncing import ERASED_PROBLEM_TYPE
from desktop.sync.state import Outcome
from fieldnote.ids import new_id
from tests.support.live_hub import LiveHub

FIRST, LAST, EMAIL = "Zuzanna", "Wojciechowska", "zuzanna.w@example.org"
PHONE = "+48 22 555 0199"
# Every string that identifies her: none may be left anywhere.
TRACES = (FIRST, LAST, EMAIL, "555 0199", "Wojciechowska Design")
TODAY = dt.date(2026, 12, 7)
ENV = dict(os.environ, FIELDNOTE_NO_KEYCHAIN="1", QT_QPA_PLATFORM="offscreen")


def _found_in(folder: Path, text: str) -> list[str]:
    """Files under `folder` holding `text` (as UTF-8, or UTF-16 as Qt may write), with a
    little context."""
    out = []
    for needle in (text.encode(), text.encode("utf-16-le")):
        for path in sorted(folder.rglob("*")):
            data = path.read_bytes() if path.is_file() else b""
            at = data.find(needle)
            if at >= 0:
                out.append(f"{path.relative_to(folder)}@{at}: {data[max(0, at - 40):at + 40]!r}")
    return out


def _figures(store: Any) -> dict[str, Any]:
    queries = InsightsQueries(store.engine)
    try:
        return queries.compute(today=TODAY)
    finally:
        queries.dispose()


def _sync_command(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", "sync", "--data-dir", str(data_dir)],
                          capture_output=True, text=True, env=ENV, timeout=60)


def test_an_erased_person_leaves_no_trace_on_the_hub_or_either_device(
    make_device: Any, hub: LiveHub, tmp_path: Path
) -> None:
    hub.add_user("admin@example.com", "Ada Admin", "admin")
    rep = make_device("rep")
    marketer = make_device("marketer", "marketer@example.com")
    event = marketer.store.save("event", {"name": "Expo Warsaw", "starts_on": "2026-11-20"})
    assert marketer.run().outcome is Outcome.OK
    assert rep.run().outcome is Outcome.OK
    lead = rep.store.save("lead", {
        "first_name": FIRST, "last_name": LAST, "email": EMAIL, "phone": PHONE,
        "company": "Wojciechowska Design", "event_id": event.record_id, "grade": "hot",
        "qualified": True, "notes": f"{FIRST} wants a demo", "source": "manual",
        "captured_at": "2026-11-20T10:00:00Z"}).record_id
    rep.store.save("lead_outcome", {"lead_id": lead, "status": "won", "amount": 4200.0,
                                    "at": "2026-11-30T10:00:00Z", "note": f"{FIRST} signed"})
    rep.store.save("debrief", {"account": "Wojciechowska Design", "lead_id": lead,
                               "call_date": "2026-11-29", "status": "submitted",
                               "contacts": f"{FIRST} {LAST}",
                               "notes": f"{FIRST} liked the demo; write to {EMAIL}",
                               "objections": ["price"]})
    assert rep.run().outcome is Outcome.OK
    assert marketer.run().outcome is Outcome.OK
    assert marketer.store.get("lead", lead)["email"] == EMAIL
    before = {"rep": _figures(rep.store), "marketer": _figures(marketer.store)}
    assert before["rep"]["funnel"] == before["marketer"]["funnel"]

    # An edit the rep makes offline, still waiting when the person is erased.
    rep.store.save("lead", {"notes": f"{FIRST} called again: {PHONE}"}, lead)
    admin = hub.client("admin@example.com")
    answer = admin.post(f"{hub.url}/v1/admin/person/erase", json={"email": EMAIL.upper()},
                        timeout=60)
    assert answer.status_code == 200, answer.text
    assert answer.json()["leads"] == 1

    # The rep's device: its edit is refused, dropped, and shown as erased; the stub replaces
    # what it held. The marketer's device pulls the stub.
    report = rep.run()
    assert (report.outcome, report.rejected, report.attention) == (Outcome.OK, 1, 1), report
    [item] = rep.sync.attention_items()
    assert item.record_id == lead and item.fields == {} and item.title == "Person erased"
    assert marketer.run().outcome is Outcome.OK
    for device in (rep, marketer):
        stub = device.store.get("lead", lead)
        assert stub["erased_at"] and stub["grade"] == "hot" and stub["event_id"] == event.record_id
        assert all(stub[k] is None for k in ("first_name", "last_name", "email", "phone",
                                             "company", "notes"))
    for name, device in (("rep", rep), ("marketer", marketer)):
        assert _figures(device.store) == before[name], name
    # Nothing of hers can be sent again; the next cycle sends nothing.
    with pytest.raises(LookupError, match="erased"):
        rep.sync.resend(item.seq, {"notes": FIRST})
    again = rep.run()
    assert (again.outcome, again.pushed, again.attention) == (Outcome.OK, 0, 1), again
    assert rep.sync.attention_items()[0].fields == {}

    # The last syncs by the real command (it logs to the data folder), then everything closes.
    for device in (rep, marketer):
        device.engine.client.close()
        device.store.engine.dispose()
    for device in (rep, marketer):
        done = _sync_command(device.data_dir)
        assert done.returncode in (0, 4), done.stderr
        assert (device.data_dir / "fieldnote.log").is_file()
    assert json.loads(answer.text)["erased_at"]
    hub.stop()
    for text in TRACES:
        for folder in (rep.data_dir, marketer.data_dir, tmp_path / "hub"):
            assert _found_in(folder, text) == [], (text, folder.name)


def test_a_lead_of_an_erased_address_captured_again_waits_for_a_decision(
    make_device: Any, hub: LiveHub
) -> None:
    hub.add_user("admin@example.com", "Ada Admin", "admin")
    rep = make_device("rep")
    admin = hub.client("admin@example.com")
    assert admin.post(f"{hub.url}/v1/admin/person/erase", json={"email": EMAIL},
                      timeout=60).status_code == 200
    rid = rep.store.save("lead", {"last_name": LAST, "email": EMAIL, "source": "import",
                                  "captured_at": "2026-11-20T10:00:00Z"}, new_id()).record_id
    assert rep.run().attention == 1
    [item] = rep.sync.attention_items()
    assert item.record_id == rid and item.title == "Person erased"
    assert item.errors == (("email", "belongs to an erased person"),)
    assert ERASED_PROBLEM_TYPE not in str(item)  # a decision to make, not an erased lead


def test_waiting_outcome_and_debrief_changes_bring_nothing_of_an_erased_person_back(
    make_device: Any, hub: LiveHub, tmp_path: Path
) -> None:
    """Made offline before the erasure and sent before the device hears of it: the hub keeps
    the new outcome without its note and refuses the debrief's text; neither the hub nor the
    device keeps a trace of her."""
    hub.add_user("admin@example.com", "Ada Admin", "admin")
    rep = make_device("rep")
    marketer = make_device("marketer", "marketer@example.com")
    event = marketer.store.save("event", {"name": "Expo Warsaw", "starts_on": "2026-11-20"})
    assert marketer.run().outcome is Outcome.OK
    lead = rep.store.save("lead", {
        "first_name": FIRST, "last_name": LAST, "email": EMAIL, "phone": PHONE,
        "event_id": event.record_id, "source": "manual",
        "captured_at": "2026-11-20T10:00:00Z"}).record_id
    debrief = rep.store.save("debrief", {"account": "Acme", "lead_id": lead,
                                         "call_date": "2026-11-29", "status": "submitted",
                                         "notes": "a good first call"}).record_id
    assert rep.run().outcome is Outcome.OK
    outcome = rep.store.save("lead_outcome", {"lead_id": lead, "status": "meeting",
                                              "at": "2026-12-01T10:00:00Z",
                                              "note": f"{FIRST} {LAST} booked a demo"}).record_id
    rep.store.save("debrief", {"notes": f"{FIRST} wants it at {EMAIL}"}, debrief)
    admin = hub.client("admin@example.com")
    assert admin.post(f"{hub.url}/v1/admin/person/erase", json={"email": EMAIL},
                      timeout=60).status_code == 200

    report = rep.run()
    assert (report.outcome, report.rejected) == (Outcome.OK, 1), report
    kept = hub.client("marketer@example.com").get(
        f"{hub.url}/v1/sync/pull", params={"limit": 500}, timeout=30).json()["changes"]
    held = {(c["kind"], c["record_id"]): c["fields"] for c in kept}
    assert held[("lead_outcome", outcome)]["status"] == "meeting"
    assert held[("lead_outcome", outcome)]["note"] is None
    assert held[("debrief", debrief)]["notes"] == "a good first call"
    [item] = [i for i in rep.sync.attention_items() if i.record_id == debrief]
    assert item.title == "Person erased" and item.fields == {}
    # The device keeps the rep's text without her (the hub never took it).
    assert rep.store.get("debrief", debrief)["notes"] == "[erased] wants it at [erased]"
    assert rep.store.get("lead_outcome", outcome)["note"] is None

    rep.engine.client.close()
    rep.store.engine.dispose()
    assert _sync_command(rep.data_dir).returncode in (0, 4)
    hub.stop()
    for text in TRACES[:3]:
        for folder in (rep.data_dir, tmp_path / "hub"):
            assert _found_in(folder, text) == [], (text, folder.name)
