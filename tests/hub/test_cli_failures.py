"""`fieldnote-hub` on databases and folders it cannot use: one line, exit 1, nothing created.

Most cases call the command line's `main` in this process (an escaping exception fails the
test as a traceback would); one runs each kind of failure as a real process.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from hub import cli
from hub.db.engine import make_engine
from hub.db.migrate import upgrade
from hub.embedded import free_port
from hub.passwords import MIN_LENGTH, common_passwords, password_problem
from hub.settings import ENV_BLOBS, ENV_DB
from tests.support.live_hub import PG_ENV, fresh_pg_url

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a long enough passphrase"
EMAIL = "ana@test.fieldnote"

# Every subcommand, as run against `--db URL` (and `--blobs DIR` where it takes one).
ALL_COMMANDS = {
    "serve": ["serve", "--port", str(free_port())],
    "migrate": ["migrate"],
    "user add": ["user", "add", "--email", EMAIL, "--name", "Ana", "--role", "rep",
                 "--password-stdin"],
    "user list": ["user", "list"],
    "user disable": ["user", "disable", EMAIL],
    "user enable": ["user", "enable", EMAIL],
    "seed-demo": ["seed-demo"],
    "audit list": ["audit", "list"],
}
NON_CREATING = ["user add", "user list", "user disable", "user enable", "seed-demo",
                "audit list"]


@pytest.fixture(autouse=True)
def blobs_elsewhere(tmp_path_factory: pytest.TempPathFactory,
                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Files go to a folder of their own, never to the user's data dir."""
    monkeypatch.setenv(ENV_BLOBS, str(tmp_path_factory.mktemp("blobs")))
    monkeypatch.delenv(ENV_DB, raising=False)


def hub_cli(argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
            stdin: str = f"{PASSWORD}\n") -> tuple[int, str]:
    """Run the command line in this process; its exit code and its stderr."""
    monkeypatch.setattr(sys, "stdin", _Lines(stdin))
    code = cli.main(argv)
    return code, capsys.readouterr().err


class _Lines:
    def __init__(self, text: str) -> None:
        self._lines = iter(text.splitlines(keepends=True))

    def readline(self) -> str:
        return next(self._lines, "")

    def isatty(self) -> bool:
        return False


def one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("fieldnote-hub: ") and "Traceback" not in err
    return err


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("command", list(ALL_COMMANDS))
def test_a_file_that_is_not_a_database_is_refused_in_one_line_and_left_as_it_is(
        tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "hub.sqlite3"
    target.write_bytes(b"These are somebody's notes, not a database.\n" * 50)
    before = files_in(tmp_path)
    code, err = hub_cli([*ALL_COMMANDS[command], "--db", sqlite_url(target)], capsys,
                        monkeypatch)
    assert code == 1
    assert "not a hub database" in one_line(err) and str(target) in err
    assert files_in(tmp_path) == before  # no -wal or -shm beside it either


@pytest.mark.parametrize("command", list(ALL_COMMANDS))
def test_a_damaged_sqlite_file_is_refused_in_one_line(
        tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "hub.sqlite3"
    engine = make_engine(sqlite_url(target))
    upgrade(engine)
    engine.dispose()
    data = bytearray(target.read_bytes())
    data[100:4096 * 3] = b"\xa5" * (4096 * 3 - 100)  # the schema page and the next ones
    target.write_bytes(bytes(data))
    code, err = hub_cli([*ALL_COMMANDS[command], "--db", sqlite_url(target)], capsys,
                        monkeypatch)
    assert code == 1
    assert str(target) in one_line(err)


@pytest.mark.parametrize("command", NON_CREATING)
def test_commands_that_do_not_migrate_never_create_a_database(
        tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    typo = tmp_path / "sub" / "hbu.sqlite3"
    code, err = hub_cli([*ALL_COMMANDS[command], "--db", sqlite_url(typo),
                         *(["--blobs", str(tmp_path / "blobs")] if command == "seed-demo"
                           else [])], capsys, monkeypatch)
    assert code == 1
    assert f"No hub database at {typo}" in one_line(err) and "fieldnote-hub migrate" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", NON_CREATING)
def test_commands_that_do_not_migrate_leave_an_empty_or_foreign_sqlite_file_alone(
        tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    foreign = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = files_in(tmp_path)
    for target in (empty, foreign):
        code, err = hub_cli([*ALL_COMMANDS[command], "--db", sqlite_url(target)], capsys,
                            monkeypatch)
        assert code == 1
        assert f"No hub database at {target}" in one_line(err)
    assert files_in(tmp_path) == before


@pytest.mark.parametrize("command", NON_CREATING)
def test_commands_that_do_not_migrate_refuse_an_older_or_newer_schema(
        tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "hub.sqlite3"
    engine = make_engine(sqlite_url(target))
    upgrade(engine)
    for revision, says in (("0001", "older schema"), ("9999_from_the_future", "newer")):
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
        code, err = hub_cli([*ALL_COMMANDS[command], "--db", sqlite_url(target)], capsys,
                            monkeypatch)
        assert code == 1
        assert says in one_line(err)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == revision
    engine.dispose()


def test_migrate_and_seed_demo_say_when_a_folder_cannot_be_made(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, err = hub_cli(["migrate", "--db", sqlite_url(blocker / "hub" / "hub.sqlite3")], capsys,
                        monkeypatch)
    assert code == 1 and str(blocker / "hub") in one_line(err)
    db = tmp_path / "hub.sqlite3"
    assert hub_cli(["migrate", "--db", sqlite_url(db)], capsys, monkeypatch)[0] == 0
    for argv in (["seed-demo", "--db", sqlite_url(db), "--blobs", str(blocker / "blobs")],
                 ["serve", "--port", str(free_port()), "--db", sqlite_url(tmp_path / "new.sqlite3"),
                  "--blobs", str(blocker / "blobs")]):
        code, err = hub_cli(argv, capsys, monkeypatch)
        assert code == 1 and str(blocker / "blobs") in one_line(err)
    # A hub that cannot keep its files does not create its database first.
    assert not (tmp_path / "new.sqlite3").exists()


@pytest.mark.parametrize("password, says", [
    ("", "No password"),
    ("x" * (MIN_LENGTH - 1), f"at least {MIN_LENGTH} characters"),
    ("1234567890", "most common"),
    ("QWERTYUIOP", "most common"),
    ("iloveyou123", "most common"),
])
def test_user_add_refuses_short_and_common_passwords(
        tmp_path: Path, password: str, says: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = sqlite_url(tmp_path / "hub.sqlite3")
    assert hub_cli(["migrate", "--db", db], capsys, monkeypatch)[0] == 0
    code, err = hub_cli([*ALL_COMMANDS["user add"], "--db", db], capsys, monkeypatch,
                        stdin=f"{password}\n")
    assert code == 1 and says in one_line(err)
    assert password not in err or not password
    hub_cli(["user", "list", "--db", db], capsys, monkeypatch)
    code = hub_cli([*ALL_COMMANDS["user add"], "--db", db], capsys, monkeypatch,
                   stdin=f"{PASSWORD}\n")[0]
    assert code == 0


def test_the_common_password_list_is_shipped_whole() -> None:
    listed = common_passwords()
    assert len(listed) >= 9_900
    assert {"password", "123456", "qwerty", "1q2w3e4r5t"} <= listed
    assert password_problem("Tr0ub4dor&3 horse staple") is None


def test_each_kind_of_failure_is_one_line_from_the_real_process(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(os.urandom(8192))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    runs = [
        ("migrate", "--db", sqlite_url(junk)),
        ("serve", "--port", str(free_port()), "--db", sqlite_url(junk)),
        ("seed-demo", "--db", sqlite_url(junk)),
        ("user", "list", "--db", sqlite_url(tmp_path / "typo.sqlite3")),
        ("migrate", "--db", sqlite_url(blocker / "sub" / "hub.sqlite3")),
    ]
    for argv in runs:
        done = subprocess.run([sys.executable, "-m", "hub", *argv], text=True, cwd=ROOT,
                              capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 1, (argv, done.stderr)
        one_line(done.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "junk.sqlite3"]


@pytest.fixture
def pg_schema() -> Iterator[str]:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"set {PG_ENV} to a PostgreSQL URL to run these")
    url, drop = fresh_pg_url(base)
    try:
        yield url
    finally:
        drop()


@pytest.mark.pg
@pytest.mark.parametrize("command", NON_CREATING)
def test_on_postgresql_commands_that_do_not_migrate_create_no_tables(
        pg_schema: str, command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    code, err = hub_cli([*ALL_COMMANDS[command], "--db", pg_schema], capsys, monkeypatch)
    assert code == 1 and "No hub database at" in one_line(err)
    engine = create_engine(pg_schema)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()


@pytest.mark.pg
@pytest.mark.parametrize("command", ["migrate", "user list", "seed-demo", "serve"])
def test_on_postgresql_a_database_that_does_not_exist_is_one_line(
        command: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"set {PG_ENV} to a PostgreSQL URL to run these")
    url = create_engine(base).url.set(database="fieldnote_no_such_database")
    code, err = hub_cli([*ALL_COMMANDS[command], "--db", url.render_as_string(False)], capsys,
                        monkeypatch)
    assert code == 1 and "does not exist" in one_line(err)


def test_serve_on_an_address_it_cannot_listen_on_is_one_line_and_creates_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "hub.sqlite3"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, err = hub_cli(["serve", "--port", str(port), "--db", sqlite_url(db)], capsys,
                            monkeypatch)
    assert code == 1 and f"Cannot listen on 127.0.0.1:{port}" in one_line(err)
    code, err = hub_cli(["serve", "--host", "no-such-host.invalid", "--db", sqlite_url(db)],
                        capsys, monkeypatch)
    assert code == 1 and "Cannot listen on no-such-host.invalid" in one_line(err)
    assert not db.exists()
