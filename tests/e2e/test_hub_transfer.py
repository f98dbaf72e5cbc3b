"""Moving and backing up a whole hub: `fieldnote-hub copy-data` (SQLite to PostgreSQL, or to
another SQLite file), `backup` and `restore`, with real hubs on loopback and a real device."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop.store import open_store
from desktop.store.db import DB_FILE
from desktop.sync.session import Timeouts, build_engine, sign_in
from fieldnote.demo import DEMO_PASSWORD
from hub import accounts, cli, transfer
from hub.db.engine import make_engine
from hub.db.migrate import upgrade
from hub.db.tables import RECORD_TABLES, audience_sets, counter, meta, tokens
from hub.embedded import EmbeddedHub, free_port, start_embedded
from tests.support.live_hub import DEFAULT_PASSWORD, PG_ENV, fresh_pg_url

os.environ.setdefault("FIELDNOTE_NO_KEYCHAIN", "1")
FAST = Timeouts(connect=2.0, read=10.0, retries=0)
REP = "rep@demo.fieldnote"


def hub_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def target_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'target.sqlite3'}"
        return
    pg = os.environ.get(PG_ENV)
    if not pg:
        pytest.skip(f"set {PG_ENV} to a PostgreSQL URL to run this")
    url, drop = fresh_pg_url(pg)
    try:
        yield url
    finally:
        drop()


def seeded_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, Path]:
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    blobs = tmp_path / "blobs"
    assert hub_cli(capsys, "migrate", "--db", source)[0] == 0
    assert hub_cli(capsys, "seed-demo", "--db", source, "--blobs", str(blobs))[0] == 0
    return source, blobs


class Device:
    def __init__(self, data_dir: Path, url: str, email: str, password: str) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.store = open_store(data_dir / DB_FILE)
        sign_in(data_dir, self.store, url, email, password, timeouts=FAST)
        self.engine = build_engine(data_dir, self.store, timeouts=FAST, digest_interval_s=0)

    def sync(self):  # type: ignore[no-untyped-def]
        return self.engine.run_cycle()

    def close(self) -> None:
        self.engine.client.close()
        self.store.engine.dispose()


def serve(db_url: str, blobs: Path, port: int) -> EmbeddedHub:
    return start_embedded(db_url, blobs, port=port)


def counts(db_url: str) -> dict[str, int]:
    engine = make_engine(db_url, pool_size=1)
    try:
        with engine.connect() as conn:
            out = {kind: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                   for kind, t in RECORD_TABLES.items()}
            out["tokens"] = int(conn.execute(select(func.count()).select_from(tokens))
                                .scalar_one())
            out["counter"] = int(conn.execute(select(counter.c.value)).scalar_one())
            return out
    finally:
        engine.dispose()


def epoch(db_url: str) -> str:
    engine = make_engine(db_url, pool_size=1)
    try:
        with engine.connect() as conn:
            return str(conn.execute(select(meta.c.value).where(meta.c.key == "epoch"))
                       .scalar_one())
    finally:
        engine.dispose()


def test_copy_data_moves_a_hub_and_a_synced_device_carries_on_with_nothing_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target_url: str
) -> None:
    source, blobs = seeded_source(tmp_path, capsys)
    port = free_port()
    hub = serve(source, blobs, port)
    device = Device(tmp_path / "device", hub.url, REP, DEMO_PASSWORD)
    try:
        first = device.sync()
        assert first.pulled > 0
        leads_before = device.store.count("lead")
        hub.stop()

        code, out, err = hub_cli(capsys, "copy-data", "--from", source, "--to", target_url)
        assert code == 0, err
        assert "Copied" in out
        assert counts(target_url) == counts(source)
        assert epoch(target_url) == epoch(source)

        # A second copy into the now full target is refused in one line; --force replaces.
        code, out, err = hub_cli(capsys, "copy-data", "--from", source, "--to", target_url)
        assert code == 1 and "not empty" in err and len(err.strip().splitlines()) == 1

        hub = serve(target_url, blobs, port)
        again = device.sync()  # same address, same token, same cursor
        assert (again.pushed, again.pulled) == (0, 0)
        assert device.store.count("lead") == leads_before

        # The copied ids do not collide with new rows (PostgreSQL sequences moved past them).
        engine = make_engine(target_url, pool_size=1)
        try:
            with engine.begin() as conn:
                top = conn.execute(select(func.max(audience_sets.c.id))).scalar_one()
                new_id = conn.execute(audience_sets.insert().values(
                    digest="0" * 64, audiences=["x"])).inserted_primary_key[0]
                assert new_id > top
                conn.execute(text("DELETE FROM hub_audience_set WHERE digest = :d"),
                             {"d": "0" * 64})
        finally:
            engine.dispose()

        # A change made after the move reaches the hub and comes back with a new version.
        device.store.save("lead", {"last_name": "Moved", "captured_at": "2026-11-24T10:15:00Z"})
        after = device.sync()
        assert (after.pushed, after.applied) == (1, 1)
    finally:
        hub.stop()
        device.close()


def test_copy_data_with_force_replaces_a_full_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, _blobs = seeded_source(tmp_path, capsys)
    target = f"sqlite:///{tmp_path / 'target.sqlite3'}"
    assert hub_cli(capsys, "copy-data", "--from", source, "--to", target)[0] == 0
    code, _out, err = hub_cli(capsys, "copy-data", "--from", source, "--to", target, "--force")
    assert code == 0, err
    assert counts(target) == counts(source)


def test_backup_and_restore_keep_every_row_and_file_and_give_a_new_epoch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target_url: str
) -> None:
    source, blobs = seeded_source(tmp_path, capsys)
    archive = tmp_path / "hub.tar.gz"
    code, out, err = hub_cli(capsys, "backup", "--db", source, "--blobs", str(blobs),
                             "-o", str(archive))
    assert code == 0, err
    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())  # type: ignore[union-attr]
        names = tar.getnames()
    assert manifest["blobs"] and manifest["schema_revision"] and manifest["version"]
    for sha in manifest["blobs"]:
        assert f"blobs/{sha[:2]}/{sha}" in names

    restored_blobs = tmp_path / "restored-blobs"
    code, out, err = hub_cli(capsys, "restore", str(archive), "--db", target_url,
                             "--blobs", str(restored_blobs))
    assert code == 0, err
    restored, original = counts(target_url), counts(source)
    # Devices notice a restored hub (new epoch), and its versions start past any they hold.
    assert epoch(target_url) != epoch(source)
    assert restored.pop("counter") > original.pop("counter") + 10**12
    assert restored == original
    for sha in manifest["blobs"]:
        data = (restored_blobs / sha[:2] / sha).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha

    # Restoring again over the restored hub is refused unless --force.
    code, _out, err = hub_cli(capsys, "restore", str(archive), "--db", target_url,
                              "--blobs", str(restored_blobs))
    assert code == 1 and "not empty" in err and len(err.strip().splitlines()) == 1
    code, _out, err = hub_cli(capsys, "restore", str(archive), "--db", target_url,
                              "--blobs", str(restored_blobs), "--force")
    assert code == 0, err
    assert {k: v for k, v in counts(target_url).items() if k != "counter"} == original


def _rewrite(archive: Path, out: Path, change: str) -> None:
    """A copy of the archive with one member's bytes changed (or a member left out)."""
    with tarfile.open(archive) as src, tarfile.open(out, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()  # type: ignore[union-attr]
            if member.name.startswith(change):
                if change.startswith("db/"):
                    continue  # left out
                data = b"x" + data[1:]
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))


@pytest.mark.parametrize("damage", ["blobs/", "db/rec_lead"])
def test_restore_refuses_a_damaged_archive_in_one_line_and_restores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    source, blobs = seeded_source(tmp_path, capsys)
    archive = tmp_path / "hub.tar.gz"
    assert hub_cli(capsys, "backup", "--db", source, "--blobs", str(blobs),
                   "-o", str(archive))[0] == 0
    damaged = tmp_path / "damaged.tar.gz"
    _rewrite(archive, damaged, damage)
    target = tmp_path / "target.sqlite3"
    code, _out, err = hub_cli(capsys, "restore", str(damaged), "--db", f"sqlite:///{target}",
                              "--blobs", str(tmp_path / "restored"))
    assert code == 1
    assert err.startswith("fieldnote-hub: ") and "damaged" in err
    assert len(err.strip().splitlines()) == 1
    assert not target.exists() or counts(f"sqlite:///{target}")["lead"] == 0


def test_restore_refuses_a_file_that_is_no_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "notes.tar.gz"
    bogus.write_bytes(b"not a tar file at all")
    target = tmp_path / "target.sqlite3"
    code, _out, err = hub_cli(capsys, "restore", str(bogus), "--db", f"sqlite:///{target}")
    assert code == 1 and "not a readable hub backup" in err
    assert len(err.strip().splitlines()) == 1
    assert not target.exists()


def _lead_names(store_or_rows: list[dict[str, object]]) -> dict[str, object]:
    return {str(r["id"]): r["last_name"] for r in store_or_rows if not r.get("deleted")}


def _hub_leads(db_url: str) -> dict[str, object]:
    engine = make_engine(db_url, pool_size=1)
    table = RECORD_TABLES["lead"]
    try:
        with engine.connect() as conn:
            return {r.id: r.last_name for r in conn.execute(
                select(table.c.id, table.c.last_name).where(table.c.deleted.is_(False)))}
    finally:
        engine.dispose()


def _settle(devices: list[Device]) -> int:
    """Sync the devices in turn until a whole round moves nothing; return the conflicts."""
    conflicts = 0
    for _ in range(6):
        quiet = True
        for device in devices:
            report = device.sync()
            assert report.outcome.name == "OK", report.message
            conflicts += report.conflicts
            if report.pushed or report.pulled or report.waiting or report.attention:
                quiet = False
        if quiet:
            return conflicts
    raise AssertionError("the devices never settled")


class _RestoredHub:
    """A hub on SQLite with one rep, served on a port it keeps across a restore."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys
        self.db_url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
        self.blobs = tmp_path / "blobs"
        self.archive = tmp_path / "hub.tar.gz"
        assert hub_cli(capsys, "migrate", "--db", self.db_url)[0] == 0
        engine = make_engine(self.db_url, pool_size=1)
        accounts.add_user(engine, email="rita@example.com", name="Rita Rep", role="rep",
                          team="north", password=DEFAULT_PASSWORD)
        engine.dispose()
        self.port = free_port()
        self.hub = serve(self.db_url, self.blobs, self.port)

    def device(self, folder: Path) -> Device:
        return Device(folder, self.hub.url, "rita@example.com", DEFAULT_PASSWORD)

    def backup(self) -> None:
        assert hub_cli(self.capsys, "backup", "--db", self.db_url, "--blobs", str(self.blobs),
                       "-o", str(self.archive))[0] == 0

    def restore(self) -> None:
        """Stop the hub, restore the backup over it, and serve it again on the same port."""
        self.hub.stop()
        code, _out, err = hub_cli(self.capsys, "restore", str(self.archive), "--db", self.db_url,
                                  "--blobs", str(self.blobs), "--force")
        assert code == 0, err
        self.hub = serve(self.db_url, self.blobs, self.port)


def test_after_a_restore_two_devices_send_what_the_hub_lost_and_end_with_every_record_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub = _RestoredHub(tmp_path, capsys)
    # Two laptops of one rep: each sees what the other captures.
    a, b = hub.device(tmp_path / "a"), hub.device(tmp_path / "b")
    when = "2026-11-24T10:15:00Z"
    try:
        a1 = a.store.save("lead", {"last_name": "A1", "captured_at": when}).record_id
        b1 = b.store.save("lead", {"last_name": "B1", "captured_at": when}).record_id
        assert _settle([a, b]) == 0
        hub.backup()

        # After the backup: new leads on both, and an edit of a lead the backup holds.
        a2 = a.store.save("lead", {"last_name": "A2", "captured_at": when}).record_id
        a.store.save("lead", {"last_name": "A1 edited"}, a1)
        b2 = b.store.save("lead", {"last_name": "B2", "captured_at": when}).record_id
        assert _settle([a, b]) == 0
        expected = {a1: "A1 edited", a2: "A2", b1: "B1", b2: "B2"}
        assert _hub_leads(hub.db_url) == expected

        hub.restore()
        assert _hub_leads(hub.db_url) == {a1: "A1", b1: "B1"}  # the hub lost A2, B2 and the edit

        # Both carry on with their tokens; the hub's new epoch makes them resync and resend.
        assert _settle([a, b]) == 0
        assert _hub_leads(hub.db_url) == expected
        for device in (a, b):
            assert _lead_names(device.store.all("lead")) == expected

        # And they keep syncing as usual afterwards.
        a3 = a.store.save("lead", {"last_name": "A3", "captured_at": when}).record_id
        assert _settle([a, b]) == 0
        assert _lead_names(b.store.all("lead")) == {**expected, a3: "A3"}
    finally:
        hub.hub.stop()
        a.close()
        b.close()


def test_a_backup_of_an_older_schema_restores_and_is_migrated_to_the_newest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}", pool_size=1)
    try:
        upgrade(old, "0003")
        accounts.add_user(old, email="ola@example.com", name="Ola Old", role="admin",
                          password=DEFAULT_PASSWORD)
        archive = tmp_path / "old.tar.gz"
        summary = transfer.backup(old, tmp_path / "blobs", archive)
    finally:
        old.dispose()
    assert summary.revision == "0003" and summary.rows["rec_user"] == 1
    target = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    code, _out, err = hub_cli(capsys, "restore", str(archive), "--db", target,
                              "--blobs", str(tmp_path / "new-blobs"))
    assert code == 0, err
    code, out, err = hub_cli(capsys, "user", "list", "--db", target)  # needs the newest schema
    assert code == 0, err
    assert "ola@example.com" in out


def test_edits_waiting_to_be_sent_when_the_hub_is_restored_go_through_after_the_resync(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An edit made on a version the restored hub never gave was answered "unknown base" and
    # set aside under "needs attention"; it is now sent again on the hub's own version.
    hub = _RestoredHub(tmp_path, capsys)
    a, b = hub.device(tmp_path / "a"), hub.device(tmp_path / "b")
    when = "2026-11-24T10:15:00Z"
    try:
        a1 = a.store.save("lead", {"last_name": "A1", "captured_at": when}).record_id
        b1 = b.store.save("lead", {"last_name": "B1", "captured_at": when}).record_id
        assert _settle([a, b]) == 0
        hub.backup()
        a2 = a.store.save("lead", {"last_name": "A2", "captured_at": when}).record_id
        a.store.save("lead", {"last_name": "A1 edited"}, a1)
        assert _settle([a, b]) == 0
        hub.restore()

        # Edited before the device hears of the restore: one record the hub holds older, one
        # it lost, and one it holds as it was.
        a.store.save("lead", {"last_name": "A1 edited twice"}, a1)
        a.store.save("lead", {"last_name": "A2 edited"}, a2)
        b.store.save("lead", {"last_name": "B1 edited"}, b1)
        assert _settle([a, b]) == 0
        expected = {a1: "A1 edited twice", a2: "A2 edited", b1: "B1 edited"}
        assert _hub_leads(hub.db_url) == expected
        for device in (a, b):
            assert _lead_names(device.store.all("lead")) == expected
            assert device.store.outbox_counts().get("attention", 0) == 0
    finally:
        hub.hub.stop()
        a.close()
        b.close()
