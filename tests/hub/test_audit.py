"""The audit log: entries are appended by the hub's actions, read by admins over the API and
with `fieldnote-hub audit list`, never changed, and hold nothing but the acting user."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from fieldnote import audit as rules
from fieldnote.ids import new_id
from hub import audit, cli
from hub.authz import Actor
from hub.db.engine import make_engine
from hub.db.migrate import upgrade
from tests.hub.client import SyncClient, mutation
from tests.hub.test_cli import PASSWORD, run
from tests.support.live_hub import LiveHub


def test_record_appends_entries_that_list_oldest_first(hub: LiveHub) -> None:
    user = hub.add_user("ada@test.fieldnote", "Ada", "admin")
    admin = Actor(user["id"], user["email"], user["name"], "admin", None, True)
    first = audit.record(hub.engine, rules.PERSON_EXPORT, actor=admin,
                         details={"leads": 2}, at="2026-03-01T10:00:00Z")
    with hub.engine.begin() as conn:  # inside a caller's transaction
        second = audit.record(conn, rules.PERSON_ERASE, details={"leads": 2},
                              at="2026-03-02T10:00:00Z")
    assert first is not None and second is not None and second > first
    found = audit.entries(hub.engine)
    assert [(e.action, e.actor, e.via) for e in found] == [
        (rules.PERSON_EXPORT, "ada@test.fieldnote", "hub"),
        (rules.PERSON_ERASE, audit.command_actor(), "command")]
    assert found[0].actor_id == user["id"] and found[0].details == {"leads": 2}
    assert [e.id for e in audit.entries(hub.engine, since="2026-03-02")] == [second]
    assert [e.id for e in audit.entries(hub.engine, limit=1)] == [second]


def test_an_entry_with_a_known_ref_is_added_once(hub: LiveHub) -> None:
    ref = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    assert audit.record(hub.engine, rules.LEADS_EXPORT, ref=ref, via=rules.VIA_DEVICE,
                        actor_label="rep@test.fieldnote") is not None
    assert audit.record(hub.engine, rules.LEADS_EXPORT, ref=ref, via=rules.VIA_DEVICE,
                        actor_label="rep@test.fieldnote") is None
    assert len(audit.entries(hub.engine)) == 1


def test_an_unknown_action_is_refused(hub: LiveHub) -> None:
    with pytest.raises(ValueError, match="Unknown audit action"):
        audit.record(hub.engine, "lead.peek")


def test_admins_read_the_log_over_the_api_and_others_may_not(hub: LiveHub) -> None:
    hub.add_user("ada@test.fieldnote", "Ada", "admin")
    hub.add_user("rob@test.fieldnote", "Rob", "rep", "east")
    ada = hub.client("ada@test.fieldnote")
    added = ada.post(f"{hub.url}/v1/admin/users", timeout=10, json={
        "email": "new@test.fieldnote", "name": "Nina New", "role": "marketer",
        "password": PASSWORD})
    assert added.status_code == 201, added.text
    assert ada.post(f"{hub.url}/v1/admin/users/new@test.fieldnote/disable",
                    timeout=10).status_code == 200
    answer = ada.get(f"{hub.url}/v1/admin/audit", timeout=10)
    assert answer.status_code == 200, answer.text
    entries = answer.json()
    assert [(e["action"], e["actor"]) for e in entries] == [
        (rules.USER_ADD, "ada@test.fieldnote"), (rules.USER_DISABLE, "ada@test.fieldnote")]
    assert entries[0]["details"] == {"user_id": added.json()["id"], "role": "marketer"}
    # Nothing about the user concerned but their id.
    assert "new@test.fieldnote" not in answer.text and "Nina" not in answer.text
    assert ada.get(f"{hub.url}/v1/admin/audit", params={"since": "tomorrow"},
                   timeout=10).status_code == 400
    assert hub.client("rob@test.fieldnote").get(
        f"{hub.url}/v1/admin/audit", timeout=10).status_code == 403


def _cli(argv: list[str], capsys: pytest.CaptureFixture[str],
         monkeypatch: pytest.MonkeyPatch, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_audit_list_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert _cli(["migrate", "--db", db], capsys, monkeypatch)[0] == 0
    assert _cli(["user", "add", "--db", db, "--email", "ana@test.fieldnote", "--name", "Ana",
                 "--role", "admin", "--password-stdin"], capsys, monkeypatch,
                f"{PASSWORD}\n")[0] == 0
    assert _cli(["settings", "set", "--db", db, "currency", "usd"], capsys, monkeypatch)[0] == 0
    code, out, err = _cli(["audit", "list", "--db", db, "--json"], capsys, monkeypatch)
    assert code == 0, err
    entries = json.loads(out)
    assert [(e["action"], e["via"]) for e in entries] == [
        (rules.USER_ADD, "command"), (rules.SETTING_CHANGE, "command")]
    assert entries[0]["actor"].endswith("(command line)")
    assert "ana@test.fieldnote" not in out
    assert entries[1]["details"] == {"key": "currency", "value": "USD"}
    code, out, _ = _cli(["audit", "list", "--db", db], capsys, monkeypatch)
    assert code == 0 and out.splitlines()[-1] == "2 entries"
    code, out, _ = _cli(["audit", "list", "--db", db, "--json", "--since", "2999-01-01"],
                        capsys, monkeypatch)
    assert json.loads(out) == []
    # As a real process: one line on stderr, exit code 1, for a date it cannot read.
    bad = run("audit", "list", "--db", db, "--since", "last week")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "not a date" in bad.stderr


def test_the_log_offers_no_way_to_change_an_entry() -> None:
    public = {name for name in vars(audit) if not name.startswith("_")}
    assert not {n for n in public if any(w in n for w in ("update", "delete", "remove",
                                                          "edit", "clear"))}


def test_a_fresh_database_has_an_empty_log(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'hub.sqlite3'}")
    try:
        upgrade(engine)
        assert audit.entries(engine) == []
    finally:
        engine.dispose()


def test_filter_summary_keeps_choices_and_drops_typed_words() -> None:
    summary = rules.filter_summary({
        "event_id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "grade": ["hot", "warm"],
        "search": "Jane Doe", "qualified": True, "owner": "jane@example.com",
        "note": "met at the bar", "empty": ""})
    assert summary == {"event_id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                       "grade": ["hot", "warm"], "search": True, "qualified": True,
                       "owner": True, "note": True}


def test_consent_wording_changes_pushed_by_devices_are_recorded(
    people: dict[str, SyncClient], hub: LiveHub
) -> None:
    marketer, admin = people["marketer"], people["admin"]
    wording = new_id()
    made = marketer.push_one("consent_wording", wording, {
        "name": "Booth", "text": "We may contact you.", "is_default": True})
    assert made["status"] == "applied"
    assert admin.push_one("consent_wording", wording, {"text": "We may email you."},
                          base=made["version"])["status"] == "applied"
    # A push that changes nothing, or a refused one, leaves no entry.
    assert admin.push_one("consent_wording", wording, {"text": "We may email you."},
                          base=made["version"])["status"] == "applied"
    refused = people["rep"].push_one("consent_wording", new_id(), {"name": "Mine",
                                                                   "text": "Sure?"})
    assert refused["status"] == "rejected"
    entries = [e for e in audit.entries(hub.engine) if e.action == rules.CONSENT_WORDING]
    assert [(e.actor, e.actor_id, e.via) for e in entries] == [
        ("marketer@test.fieldnote", marketer.id, "hub"), ("admin@test.fieldnote", admin.id, "hub")]
    assert [e.details for e in entries] == [
        {"wording_id": wording, "version": 1, "is_default": True, "change": "added"},
        {"wording_id": wording, "version": 2, "is_default": True, "change": "changed: text"}]
    deleted = marketer.push_one("consent_wording", wording, op="delete", base=2)
    assert deleted["status"] == "applied", deleted
    last = [e for e in audit.entries(hub.engine) if e.action == rules.CONSENT_WORDING][-1]
    assert last.details["change"] == "deleted" and last.details["wording_id"] == wording


def _export_fields(**extra: object) -> dict[str, object]:
    return {"format": "salesforce", "rows": 12, "exported_at": "2026-12-01T09:30:00Z",
            "origin": "window", "filter": {"event_id": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                                           "include_no_consent": False}, **extra}


def test_each_export_a_device_records_becomes_one_entry(
    people: dict[str, SyncClient], hub: LiveHub
) -> None:
    rep = people["rep"]
    record_id = new_id()
    # A device that sends typed words in the filter: the entry keeps only that there were some.
    pushed = mutation("lead_export", record_id, _export_fields(
        filter={"search": "Jane Doe", "owner": "jane@example.com", "grade": ["hot"]}))
    assert rep.push(pushed)[0]["status"] == "applied"
    assert rep.push(pushed)[0]["status"] == "duplicate"  # the same push again: a replay
    [entry] = [e for e in audit.entries(hub.engine) if e.action == rules.LEADS_EXPORT]
    assert (entry.actor, entry.actor_id, entry.via, entry.ref, entry.at) == (
        "rep@test.fieldnote", rep.id, "device", record_id, "2026-12-01T09:30:00Z")
    assert entry.details == {"format": "salesforce", "rows": 12, "origin": "window",
                             "filter": {"search": True, "owner": True, "grade": ["hot"]}}
    # Nobody changes or removes the record; another export is another entry.
    changed = rep.push_one("lead_export", record_id, {"rows": 1}, base=1)
    assert changed["status"] == "rejected" and changed["problem"]["status"] == 403
    assert rep.push_one("lead_export", record_id, op="delete", base=1)["status"] == "rejected"
    assert people["admin"].push_one("lead_export", new_id(), _export_fields(
        format="vcard", rows=3))["status"] == "applied"
    found = [e for e in audit.entries(hub.engine) if e.action == rules.LEADS_EXPORT]
    assert [(e.actor, e.details["format"]) for e in found] == [
        ("rep@test.fieldnote", "salesforce"), ("admin@test.fieldnote", "vcard")]
    # Only its author's devices pull the record; nothing of it names a lead or a person.
    assert ("lead_export", record_id) in rep.visible("lead_export")
    assert ("lead_export", record_id) not in people["manager"].visible("lead_export")
    assert "Jane" not in json.dumps([e.as_json() for e in found])


def test_an_export_record_the_hub_cannot_read_is_refused_with_a_reason(
    people: dict[str, SyncClient], hub: LiveHub
) -> None:
    answer = people["rep"].push_one("lead_export", new_id(), _export_fields(format="docx",
                                                                             rows=-1))
    assert answer["status"] == "rejected" and answer["problem"]["status"] == 422
    assert [e for e in audit.entries(hub.engine) if e.action == rules.LEADS_EXPORT] == []
