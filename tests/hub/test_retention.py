"""Retention on the hub: `retention_days` picks leads never qualified and never contacted that
are older than the period; `fieldnote-hub retention run --dry-run` lists them without personal
data, a run erases them as a person's erasure does and records counts in the audit log; the
daily job of `serve` runs in one process at a time and survives a failing day."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete

from fieldnote import audit as rules
from fieldnote.ids import new_id
from hub import audit, cli, retention
from hub.db.tables import meta
from hub.settings import ENV_RETENTION_FIRST
from hub.shared_settings import set_shared_setting
from tests.hub.client import SyncClient, lead_fields
from tests.hub.test_cli import run
from tests.support.live_hub import LiveHub
from tests.support.serve import ServeProcess

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
DAYS = 30


def _ago(days: float) -> str:
    return (NOW - dt.timedelta(days=days)).isoformat().replace("+00:00", "Z")


def _leads(people: dict[str, SyncClient]) -> dict[str, str]:
    """Leads of every kind the rule looks at, pushed by the rep: old and young, qualified or
    not, contacted or not."""
    rep = people["rep"]
    event = new_id()
    assert people["marketer"].push_one("event", event, {"name": "Expo"})["status"] == "applied"
    ids = {}
    specs: dict[str, dict[str, Any]] = {
        "old": {"captured_at": _ago(DAYS + 5), "email": "old.visitor@example.com",
                "notes": "Old Visitor asked for nothing"},
        "old_disqualified": {"captured_at": _ago(DAYS + 40), "email": "dq@example.com"},
        "young": {"captured_at": _ago(DAYS - 1)},
        "qualified": {"captured_at": _ago(DAYS + 50), "qualified": True, "grade": "hot"},
        "contacted": {"captured_at": _ago(DAYS + 60)},
    }
    for name, extra in specs.items():
        ids[name] = new_id()
        answer = rep.push_one("lead", ids[name], lead_fields(event_id=event, **extra))
        assert answer["status"] == "applied", answer
    for lead, status in (("contacted", "contacted"), ("old_disqualified", "disqualified")):
        assert rep.push_one("lead_outcome", new_id(), {
            "lead_id": ids[lead], "status": status, "amount": 0,
            "at": _ago(DAYS + 1)})["status"] == "applied"
    ids["event"] = event
    return ids


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str],
         monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_off_by_default_nothing_is_due(people: dict[str, SyncClient], hub: LiveHub) -> None:
    _leads(people)
    report = retention.run(hub.engine, now=NOW)
    assert report.days is None and report.due == [] and report.erased is None
    assert audit.entries(hub.engine) == []


def test_the_rule_picks_old_leads_never_qualified_nor_contacted(
    people: dict[str, SyncClient], hub: LiveHub
) -> None:
    ids = _leads(people)
    set_shared_setting(hub.engine, "retention_days", str(DAYS))
    due = retention.due_leads(hub.engine, DAYS, NOW)
    assert [d.id for d in due] == [ids["old_disqualified"], ids["old"]]
    assert [d.age_days for d in due] == [DAYS + 40, DAYS + 5]
    assert {d.event_id for d in due} == {ids["event"]}


def test_retention_run_dry_run_lists_ids_and_ages_and_erases_nothing(
    people: dict[str, SyncClient], hub: LiveHub, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _leads(people)
    code, out, err = _cli(["retention", "run", "--dry-run", "--db", hub.db_url], capsys,
                          monkeypatch)
    assert code == 0, err
    assert "Retention is off" in out
    code, _, err = _cli(["settings", "set", "--db", hub.db_url, "retention_days", "30"],
                        capsys, monkeypatch)
    assert code == 0, err
    code, out, err = _cli(["retention", "run", "--dry-run", "--db", hub.db_url], capsys,
                          monkeypatch)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:2] == [f"{ids['old_disqualified']}\tevent {ids['event']}\t{DAYS + 40} days",
                         f"{ids['old']}\tevent {ids['event']}\t{DAYS + 5} days"]
    assert lines[2].startswith("2 leads would be erased") and "nothing was erased" in lines[2]
    code, out, err = _cli(["retention", "run", "--dry-run", "--json", "--db", hub.db_url],
                          capsys, monkeypatch)
    doc = json.loads(out)
    assert (doc["dry_run"], doc["leads"], doc["retention_days"]) == (True, 2, 30)
    assert [d["id"] for d in doc["due"]] == [ids["old_disqualified"], ids["old"]]
    assert set(doc["due"][0]) == {"id", "event_id", "captured_at", "age_days"}
    # No personal data in what it prints; nothing changed.
    assert "example.com" not in out and "Ana" not in out
    visible = people["admin"].visible("lead")
    assert visible[("lead", ids["old"])]["fields"]["email"] == "old.visitor@example.com"
    assert [e.action for e in audit.entries(hub.engine)] == [rules.SETTING_CHANGE]


def test_retention_run_erases_as_erasure_does_and_audits_counts_only(
    people: dict[str, SyncClient], hub: LiveHub, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _leads(people)
    _, cursor = people["marketer"].pull_all()
    set_shared_setting(hub.engine, "retention_days", str(DAYS))
    code, out, err = _cli(["retention", "run", "--json", "--db", hub.db_url,
                           "--blobs", str(hub.blobs_dir)], capsys, monkeypatch)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["dry_run"] is False and doc["leads"] == 2 and doc["outcomes"] == 0
    assert sorted(doc["erased_ids"]) == sorted([ids["old"], ids["old_disqualified"]])
    changes, _ = people["marketer"].pull_all(cursor)
    for name in ("old", "old_disqualified"):
        stub = changes[("lead", ids[name])]["fields"]
        assert stub["erased_at"] and stub["email"] is None and stub["first_name"] is None
        assert stub["event_id"] == ids["event"] and stub["notes"] is None
    assert {k[1] for k in changes if k[0] == "lead"} == {ids["old"], ids["old_disqualified"]}
    [entry] = [e for e in audit.entries(hub.engine) if e.action == rules.RETENTION_ERASE]
    assert entry.via == "command" and entry.actor and entry.actor.endswith("(command line)")
    assert entry.details == {"retention_days": DAYS, "leads": 2, "outcomes": 0, "debriefs": 0,
                             "comments": 0, "conflicts": 0, "attachments": 0,
                             "files_removed": 0}
    # A second run finds nothing, says so, and adds no entry.
    code, out, _ = _cli(["retention", "run", "--db", hub.db_url], capsys, monkeypatch)
    assert code == 0 and "No lead is due" in out
    assert len([e for e in audit.entries(hub.engine) if e.action == rules.RETENTION_ERASE]) == 1
    # An erased person's address is remembered: a lead of it sent again waits for a decision.
    again = people["rep"].push_one("lead", new_id(), lead_fields(
        email="old.visitor@example.com", captured_at=_ago(1)))
    assert again["status"] == "rejected" and again["problem"]["type"].endswith("/erased-person")


def test_a_bad_setting_is_refused_with_a_message(
    hub: LiveHub, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = _cli(["settings", "set", "--db", hub.db_url, "retention_days",
                           "six months"], capsys, monkeypatch)
    assert code == 1 and "whole number of days" in err and err.count("\n") == 1
    assert retention.configured_days(hub.engine) is None


def _reset_last_run(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(delete(meta).where(meta.c.key == retention.LAST_RUN_KEY))


def test_only_one_process_wins_the_daily_claim(hub: LiveHub) -> None:
    assert retention.claim(hub.engine, NOW)
    assert not retention.claim(hub.engine, NOW)
    assert not retention.claim(hub.engine, NOW + dt.timedelta(hours=19))
    assert retention.claim(hub.engine, NOW + dt.timedelta(hours=24))
    assert not retention.claim(hub.engine, NOW + dt.timedelta(hours=24, seconds=5))


def test_the_daily_job_runs_once_across_workers_and_outlives_an_error(
    people: dict[str, SyncClient], hub: LiveHub, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="hub")
    ids = _leads(people)
    set_shared_setting(hub.engine, "retention_days", str(DAYS))
    workers = [retention.RetentionWorker(hub.engine, hub.blobs_dir, clock=lambda: NOW)
               for _ in range(3)]
    reports = [w.run_once() for w in workers]
    done = [r for r in reports if r is not None]
    assert len(done) == 1 and sum(w.runs for w in workers) == 1
    assert sorted(done[0].erased.leads if done[0].erased else []) == sorted(
        [ids["old"], ids["old_disqualified"]])
    [entry] = [e for e in audit.entries(hub.engine) if e.action == rules.RETENTION_ERASE]
    assert entry.via == "hub" and entry.actor == "retention job (hub)"
    # Its log names ids only.
    assert ids["old"] in caplog.text and "old.visitor" not in caplog.text

    # A failing day is logged and the worker goes on.
    _reset_last_run(hub.engine)
    broken = retention.RetentionWorker(hub.engine, hub.blobs_dir,
                                       clock=lambda: (_ for _ in ()).throw(OSError("clock")))
    assert broken.run_once() is None
    assert "retention job failed" in caplog.text


def test_the_worker_thread_runs_first_after_its_delay_and_stops(
    people: dict[str, SyncClient], hub: LiveHub
) -> None:
    ids = _leads(people)
    set_shared_setting(hub.engine, "retention_days", str(DAYS))
    worker = retention.RetentionWorker(hub.engine, hub.blobs_dir, first_s=0.05, every_s=3600)
    worker.start()
    try:
        assert worker.ran.wait(60)
    finally:
        worker.stop()
    assert worker.runs == 1
    visible = people["admin"].visible("lead")
    assert visible[("lead", ids["old"])]["fields"]["erased_at"]
    assert visible[("lead", ids["young"])]["fields"]["email"] == "ana@example.com"


def test_serve_runs_the_job_at_start_up_in_one_of_its_workers(
    people: dict[str, SyncClient], hub: LiveHub, tmp_path: Path
) -> None:
    ids = _leads(people)
    set_shared_setting(hub.engine, "retention_days", str(DAYS))
    with ServeProcess(hub.db_url, tmp_path / "served-blobs", "--workers", "2",
                      env={ENV_RETENTION_FIRST: "0"}):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not [
                e for e in audit.entries(hub.engine) if e.action == rules.RETENTION_ERASE]:
            time.sleep(0.2)  # another process: nothing to wait on but the database
        time.sleep(1)  # the other worker's first turn
    found = [e for e in audit.entries(hub.engine) if e.action == rules.RETENTION_ERASE]
    assert len(found) == 1 and found[0].details["leads"] == 2
    visible = people["admin"].visible("lead")
    assert visible[("lead", ids["old"])]["fields"]["erased_at"]
    assert not visible[("lead", ids["qualified"])]["fields"]["erased_at"]


def test_serve_refuses_a_start_delay_it_cannot_read(tmp_path: Path) -> None:
    done = run("serve", "--db", f"sqlite:///{tmp_path / 'hub.sqlite3'}", "--blobs",
               str(tmp_path / "blobs"), "--port", "1", env={ENV_RETENTION_FIRST: "soon"})
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "FIELDNOTE_HUB_RETENTION_FIRST_S is 'soon'" in done.stderr
    assert not (tmp_path / "hub.sqlite3").exists()
