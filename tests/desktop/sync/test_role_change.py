"""An administrator gives a user another role (`fieldnote-hub user role`): what the user may
see changes with it. Their device's cursor was made for the old reach, so its next sync pulls
everything again, takes in what the new role sees, drops what it no longer sees, and acts as
the new role; the audit log records the change."""

from __future__ import annotations

import subprocess
import sys

from desktop.store.syncing import SyncStore
from desktop.sync.state import Outcome
from hub import accounts


def west_lead(hub, make_device) -> str:
    hub.add_user("west@example.com", "Wes West", "rep", team="west")
    west = make_device("west", "west@example.com")
    lead_id = west.store.save("lead", {"last_name": "Okafor", "company": "Westco",
                                       "captured_at": "2026-12-01T10:00:00Z"}).record_id
    assert west.run().outcome is Outcome.OK
    return lead_id


def test_a_promoted_rep_sees_every_team_and_a_demoted_one_no_longer(hub, make_device):
    lead_id = west_lead(hub, make_device)
    rep = make_device("rep")
    assert rep.run().outcome is Outcome.OK
    assert rep.store.get("lead", lead_id) is None  # another team's lead

    user, before = accounts.set_role(hub.engine, "rep@example.com", "marketer")
    assert (user.role, before) == ("marketer", "rep")
    report = rep.run()
    assert report.outcome is Outcome.OK and report.full_resync
    assert rep.store.get("lead", lead_id)["last_name"] == "Okafor"
    assert SyncStore(rep.store).account().role == "marketer"
    assert rep.store.get_state("user")["role"] == "marketer"

    accounts.set_role(hub.engine, "rep@example.com", "rep")
    report = rep.run()
    assert report.outcome is Outcome.OK and report.full_resync
    assert rep.store.get("lead", lead_id) is None
    assert SyncStore(rep.store).account().role == "rep"


def test_an_unchanged_reach_keeps_the_cursor(hub, make_device):
    rep = make_device("rep")
    assert rep.run().outcome is Outcome.OK
    accounts.set_role(hub.engine, "rep@example.com", "rep")  # the same role: nothing changes
    assert not rep.run().full_resync


def test_the_command_changes_the_role_refuses_nonsense_and_is_audited(tmp_path):
    env_db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"

    def hub_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "hub", *args, "--db", env_db],
                              input=stdin, capture_output=True, text=True, timeout=120)

    assert hub_cli("migrate").returncode == 0
    for email, role in (("admin@example.com", "admin"), ("ana@example.com", "rep")):
        done = hub_cli("user", "add", "--email", email, "--name", email[:3], "--role", role,
                       "--password-stdin", stdin="correct horse battery staple\n")
        assert done.returncode == 0, done.stderr
    done = hub_cli("user", "role", "ana@example.com", "manager")
    assert done.returncode == 0, done.stderr
    assert "ana@example.com is now manager (was rep)" in done.stdout
    assert "ana@example.com\tana\tmanager" in hub_cli("user", "list").stdout
    again = hub_cli("user", "role", "ana@example.com", "manager")
    assert again.returncode == 0 and "already manager" in again.stdout
    assert hub_cli("user", "role", "ana@example.com", "boss").returncode == 2
    nobody = hub_cli("user", "role", "nobody@example.com", "rep")
    assert nobody.returncode != 0 and "No user with the email" in nobody.stderr
    last_admin = hub_cli("user", "role", "admin@example.com", "rep")
    assert last_admin.returncode != 0 and "last active administrator" in last_admin.stderr
    audit = hub_cli("audit", "list", "--json")
    assert audit.returncode == 0, audit.stderr
    import json

    entries = [e for e in json.loads(audit.stdout) if e["action"] == "user.role"]
    assert len(entries) == 1
    assert entries[0]["details"]["role"] == "manager" and entries[0]["details"]["before"] == "rep"
    assert "ana@example.com" not in audit.stdout  # ids, not addresses
