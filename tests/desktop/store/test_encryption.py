"""The local database encrypted at rest: `fieldnote settings set encrypt_database yes|no` with
a real keychain backend (an in-memory `keyring` backend set for the test) and real SQLCipher.
The encrypted file's bytes hold no lead's name or email and no SQLite header; the store opens,
searches, keeps Insights' triggers and upgrades its schema through the key; a missing or wrong
key is a clear message; turning it off gives back every lead."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import text

from desktop.app import main
from desktop.credentials import ENV_NO_KEYCHAIN
from desktop.settings import Settings
from desktop.store import StoreError, open_store
from desktop.store.db import DB_FILE, SCHEMA_HEAD, current_revision
from desktop.store.encryption import KEY_SERVICE, NO_KEYCHAIN, is_encrypted
from desktop.store.insights import InsightsQueries

FIXTURES = Path(__file__).with_name("fixtures")
NAMES = [("Philippa", "Thistlewaite", "philippa.t@example.org"),
         ("Oyelaran", "Adebisi-Quark", "oye.quark@example.net")]


class MemoryKeyring(KeyringBackend):
    """A keychain that lives in this process (keyring's backend interface, in memory)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


@pytest.fixture
def keychain(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    monkeypatch.delenv(ENV_NO_KEYCHAIN, raising=False)
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def _fill(data_dir: Path) -> dict[str, dict[str, Any]]:
    store = open_store(data_dir / DB_FILE)
    try:
        event = store.save("event", {"name": "Harbour Expo", "starts_on": "2026-11-20"}).record_id
        ids = {}
        for first, last, email in NAMES:
            rid = store.save("lead", {"first_name": first, "last_name": last, "email": email,
                                      "event_id": event, "grade": "hot", "qualified": True,
                                      "notes": f"{first} asked about pricing",
                                      "captured_at": "2026-11-20T10:00:00Z"}).record_id
            ids[rid] = store.get("lead", rid)
        return ids
    finally:
        store.engine.dispose()


def _leads(data_dir: Path) -> dict[str, dict[str, Any]]:
    store = open_store(data_dir / DB_FILE)
    try:
        with store.engine.connect() as conn:
            ids = [r for (r,) in conn.execute(text("SELECT id FROM rec_lead"))]
        return {rid: store.get("lead", rid) for rid in ids}
    finally:
        store.engine.dispose()


def _files(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.glob(DB_FILE + "*")))


def _settings(data_dir: Path, *args: str) -> int:
    return main(["settings", *args, "--data-dir", str(data_dir)])


def test_encrypting_hides_every_byte_and_the_store_still_works(
    keychain: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _fill(tmp_path)
    assert b"Thistlewaite" in _files(tmp_path)
    assert _settings(tmp_path, "set", "encrypt_database", "yes") == 0
    assert "The local database is encrypted." in capsys.readouterr().out
    path = tmp_path / DB_FILE
    assert is_encrypted(path) and Settings.load(tmp_path).encrypt_database
    assert list(keychain.items) == [(KEY_SERVICE, str(path.resolve()))]
    assert _leads(tmp_path) == before

    # Written through the key: search, Insights' triggers, the write-ahead log.
    store = open_store(path)
    try:
        rid = store.save("lead", {"first_name": "Evangelina", "last_name": "Marchbanks",
                                  "email": "evangelina.m@example.com", "grade": "warm",
                                  "captured_at": "2026-11-21T10:00:00Z"}).record_id
        with store.engine.connect() as conn:
            hits = conn.execute(text("SELECT count(*) FROM fts_lead WHERE fts_lead MATCH "
                                     "'Marchbanks'")).scalar()
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert hits == 1
        queries = InsightsQueries(store.engine)
        try:
            funnel = queries.compute()["funnel"]
        finally:
            queries.dispose()
        assert sum(row["captured"] for row in funnel.values()) == 3
        data = _files(tmp_path)  # the database, its WAL and shared memory, while open
    finally:
        store.engine.dispose()
    data += _files(tmp_path)
    assert b"SQLite format 3" not in data
    for first, last, email in [*NAMES, ("Evangelina", "Marchbanks", "evangelina.m@example.com")]:
        for word in (first, last, email):
            assert word.encode() not in data, word
    assert rid in _leads(tmp_path)
    assert _settings(tmp_path, "set", "encrypt_database", "yes") == 0
    assert "(it was already)" in capsys.readouterr().out


def test_turning_it_off_gives_back_every_lead_and_forgets_the_key(
    keychain: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _fill(tmp_path)
    assert _settings(tmp_path, "set", "encrypt_database", "on") == 0
    assert _settings(tmp_path, "set", "encrypt_database", "no") == 0
    assert "The local database is not encrypted." in capsys.readouterr().out
    assert not is_encrypted(tmp_path / DB_FILE) and keychain.items == {}
    assert _leads(tmp_path) == before
    assert b"Thistlewaite" in _files(tmp_path)
    assert _settings(tmp_path, "get", "encrypt_database") == 0
    assert capsys.readouterr().out == "no\n"


def test_a_missing_or_wrong_key_is_a_clear_message_and_the_file_is_left_alone(
    keychain: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _fill(tmp_path)
    assert _settings(tmp_path, "set", "encrypt_database", "yes") == 0
    path = tmp_path / DB_FILE
    data = path.read_bytes()
    [(service, account)] = keychain.items
    key = keychain.items.pop((service, account))
    with pytest.raises(StoreError, match="keychain holds no key for it"):
        open_store(path)
    assert main(["leads", "list", "--data-dir", str(tmp_path)]) == 1
    assert "is encrypted, and this computer's keychain holds no key" in capsys.readouterr().err
    keychain.items[(service, account)] = "0" * 64
    with pytest.raises(StoreError, match="does not open the data file"):
        open_store(path)
    assert path.read_bytes() == data
    keychain.items[(service, account)] = key
    assert len(_leads(tmp_path)) == len(NAMES)


def test_without_a_keychain_encryption_is_refused_and_nothing_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(ENV_NO_KEYCHAIN, "1")
    before = _fill(tmp_path)
    data = (tmp_path / DB_FILE).read_bytes()
    assert _settings(tmp_path, "set", "encrypt_database", "yes") == 1
    assert NO_KEYCHAIN in capsys.readouterr().err
    assert (tmp_path / DB_FILE).read_bytes() == data
    assert not Settings.load(tmp_path).encrypt_database
    assert _leads(tmp_path) == before
    assert _settings(tmp_path, "set", "encrypt_database", "perhaps") == 2


def test_the_setting_chosen_in_the_window_applies_when_the_store_next_opens(
    keychain: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _fill(tmp_path)
    settings = Settings.load(tmp_path)
    settings.encrypt_database = True
    settings.save()
    assert main(["leads", "list", "--data-dir", str(tmp_path)]) == 0
    assert is_encrypted(tmp_path / DB_FILE)
    assert _leads(tmp_path) == before
    capsys.readouterr()


def test_an_encrypted_older_schema_is_upgraded_through_the_key(
    keychain: MemoryKeyring, tmp_path: Path
) -> None:
    shutil.copy(FIXTURES / "rev_0012.sqlite3", tmp_path / DB_FILE)
    from desktop.store.encryption import encrypt

    assert encrypt(tmp_path / DB_FILE)
    store = open_store(tmp_path / DB_FILE)
    try:
        assert current_revision(store.engine) == SCHEMA_HEAD
    finally:
        store.engine.dispose()
    assert is_encrypted(tmp_path / DB_FILE)


def test_a_rewrite_killed_midway_leaves_the_old_file_whole(
    keychain: MemoryKeyring, tmp_path: Path
) -> None:
    """The new file is written beside the old one and renamed over it only when whole: what a
    killed rewrite leaves is a stray `.rewrite` file, which the next one replaces."""
    before = _fill(tmp_path)
    stray = tmp_path / (DB_FILE + ".rewrite")
    stray.write_bytes(b"half a database")
    assert _leads(tmp_path) == before
    assert _settings(tmp_path, "set", "encrypt_database", "yes") == 0
    assert not stray.exists() and _leads(tmp_path) == before


def test_sync_runs_on_an_encrypted_store_and_what_it_pulls_stays_unreadable(
    keychain: MemoryKeyring, tmp_path: Path
) -> None:
    """A device whose database is encrypted pushes and pulls through a real hub on loopback;
    a lead another device captured arrives, and its name is in no byte of the data file or its
    write-ahead log."""
    from desktop.store.encryption import encrypt
    from desktop.sync.session import Timeouts, build_engine, sign_in
    from desktop.sync.state import Outcome
    from tests.support.live_hub import start_live_hub

    fast = Timeouts(connect=2.0, read=5.0, retries=0)

    hub = start_live_hub(tmp_path / "hub")
    try:
        for email, role in (("rep@example.com", "rep"), ("marketer@example.com", "marketer")):
            hub.add_user(email, role.title(), role, team="north")
        devices = {}
        for name, email in (("rep", "rep@example.com"), ("marketer", "marketer@example.com")):
            folder = tmp_path / name
            folder.mkdir()
            if name == "marketer":
                open_store(folder / DB_FILE).engine.dispose()
                assert encrypt(folder / DB_FILE)
            store = open_store(folder / DB_FILE)
            sign_in(folder, store, hub.url, email, hub.users[email]["password"], timeouts=fast)
            devices[name] = (store, build_engine(folder, store, timeouts=fast,
                                                 digest_interval_s=0))
        rep, marketer = devices["rep"], devices["marketer"]
        marketer[0].save("event", {"name": "Harbour Expo", "starts_on": "2026-11-20"})
        assert marketer[1].run_cycle().outcome is Outcome.OK
        rep[0].save("lead", {"first_name": "Philippa", "last_name": "Thistlewaite",
                             "email": "philippa.t@example.org",
                             "captured_at": "2026-11-20T10:00:00Z"})
        assert rep[1].run_cycle().outcome is Outcome.OK
        assert marketer[1].run_cycle().outcome is Outcome.OK
        with marketer[0].engine.connect() as conn:
            names = conn.execute(text("SELECT last_name FROM rec_lead")).scalars().all()
        assert names == ["Thistlewaite"]
        data = _files(tmp_path / "marketer")
        for store, engine in devices.values():
            engine.client.close()
            store.engine.dispose()
        data += _files(tmp_path / "marketer")
        assert b"Thistlewaite" not in data and b"philippa.t@" not in data
        assert b"Thistlewaite" in _files(tmp_path / "rep")  # the plain device, for contrast
    finally:
        hub.stop()


@pytest.mark.skipif(__import__("os").name == "nt", reason="POSIX file modes")
def test_both_rewrites_leave_a_file_only_its_owner_reads(
    keychain: MemoryKeyring, tmp_path: Path
) -> None:
    _fill(tmp_path)
    path = tmp_path / DB_FILE
    for value in ("yes", "no"):
        assert _settings(tmp_path, "set", "encrypt_database", value) == 0
        assert path.stat().st_mode & 0o077 == 0, value
