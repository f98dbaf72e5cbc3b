"""`fieldnote-hub` as a real process: exit codes, clear errors, users, serve with defaults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import requests

from hub import accounts
from hub.db.engine import make_engine
from hub.embedded import free_port
from hub.settings import Limits

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a long enough passphrase"


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hub", *args], input=stdin, text=True,
                          capture_output=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_user_add_reads_the_password_from_stdin_without_its_newline(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert run("migrate", "--db", db).returncode == 0
    done = run("user", "add", "--db", db, "--email", "ana@test.fieldnote", "--name", "Ana",
               "--role", "rep", "--team", "east", "--password-stdin", stdin=" pass word, twice \n")
    assert done.returncode == 0, done.stderr
    assert "ana@test.fieldnote" in done.stdout
    engine = make_engine(db)
    try:
        issued = accounts.login(engine, Limits(), email="ana@test.fieldnote",
                                password=" pass word, twice ", address="test", device_name=None)
        assert issued.actor.team == "east"
        listed = run("user", "list", "--db", db)
        assert listed.returncode == 0
        assert "ana@test.fieldnote\tAna\trep\teast\tactive" in listed.stdout
    finally:
        engine.dispose()


def test_cli_failures_are_one_clear_line_and_a_nonzero_exit(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    add = ("user", "add", "--db", db, "--email", "ana@test.fieldnote", "--name", "Ana",
           "--role", "rep", "--password-stdin")
    assert run("migrate", "--db", db).returncode == 0
    assert run(*add, stdin=f"{PASSWORD}\n").returncode == 0
    twice = run(*add, stdin=f"{PASSWORD}\n")
    assert twice.returncode == 1
    assert "already exists" in twice.stderr and "Traceback" not in twice.stderr
    empty = run("user", "add", "--db", db, "--email", "bob@test.fieldnote", "--name", "Bob",
                "--role", "rep", "--password-stdin", stdin="\n")
    assert empty.returncode == 1 and "No password" in empty.stderr
    bad_url = run("migrate", "--db", "not a url")
    assert bad_url.returncode == 1 and "not a database URL" in bad_url.stderr
    unreachable = run("user", "list", "--db", f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/x")
    assert unreachable.returncode == 1 and "Cannot reach the database" in unreachable.stderr
    assert "Traceback" not in bad_url.stderr + unreachable.stderr
    missing = run("user", "disable", "--db", db, "nobody@test.fieldnote")
    assert missing.returncode == 1 and "No user" in missing.stderr
    usage = run("user", "frobnicate")
    assert usage.returncode == 2


def test_disable_takes_effect_and_the_environment_names_the_database(tmp_path: Path) -> None:
    env = {"FIELDNOTE_HUB_DB": f"sqlite:///{tmp_path / 'env.sqlite3'}"}
    assert run("migrate", env=env).returncode == 0
    assert run("user", "add", "--email", "a@test.fieldnote", "--name", "A", "--role", "marketer",
               "--password-stdin", stdin=f"{PASSWORD}\n", env=env).returncode == 0
    done = run("user", "disable", "a@test.fieldnote", env=env)
    assert done.returncode == 0 and "disabled" in done.stdout
    assert "disabled" in run("user", "list", env=env).stdout
    assert (tmp_path / "env.sqlite3").exists()


def test_serve_with_no_arguments_starts_on_the_default_database(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "data"),
           "HOME": str(tmp_path)}
    env.pop("FIELDNOTE_HUB_DB", None)
    env.pop("FIELDNOTE_HUB_BLOBS", None)
    # Only the port differs from the defaults, so the test does not collide with a real hub.
    proc = subprocess.Popen([sys.executable, "-m", "hub", "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if "Uvicorn running on" in line:
                break
        else:
            raise AssertionError("the hub exited before listening")
        health = requests.get(f"http://127.0.0.1:{port}/v1/health", timeout=10)
        assert health.json()["status"] == "ok"
        assert list((tmp_path / "data").rglob("hub.sqlite3"))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
