"""Under umask 022 the hub keeps its database and files to its user: the SQLite file with its
-wal and -shm 0600, its folder and the blob folders 0700, stored files 0600; wider ones are
narrowed when the hub starts."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from hub.blobs import BlobStore
from hub.db.engine import make_engine

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def hub_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hub", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, umask=0o022,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def test_the_default_database_and_its_folder_are_private_and_narrowed_again(
    tmp_path: Path,
) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "share"), "HOME": str(tmp_path)}
    done = hub_cli("migrate", env={**env, "FIELDNOTE_HUB_DB": ""})
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "share" / "Fieldnote Hub"
    assert mode(folder) == 0o700 and mode(folder / "hub.sqlite3") == 0o600
    folder.chmod(0o755)
    (folder / "hub.sqlite3").chmod(0o644)
    assert hub_cli("migrate", env={**env, "FIELDNOTE_HUB_DB": ""}).returncode == 0
    assert mode(folder) == 0o700 and mode(folder / "hub.sqlite3") == 0o600


def test_a_database_folder_made_by_the_hub_is_private(tmp_path: Path) -> None:
    db = tmp_path / "new" / "hub.sqlite3"
    done = hub_cli("migrate", "--db", f"sqlite:///{db}")
    assert done.returncode == 0, done.stderr
    assert mode(db.parent) == 0o700 and mode(db) == 0o600


def test_wal_and_shm_files_take_the_private_mode(tmp_path: Path, umask_022: None) -> None:
    db = tmp_path / "hub.sqlite3"
    engine = make_engine(f"sqlite:///{db}")
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (x INTEGER)"))
            conn.execute(text("INSERT INTO t VALUES (1)"))
        with engine.connect() as conn:
            conn.execute(text("SELECT x FROM t")).all()
            names = ("hub.sqlite3", "hub.sqlite3-wal", "hub.sqlite3-shm")
            assert [mode(tmp_path / n) for n in names] == [0o600] * 3
    finally:
        engine.dispose()


def test_stored_files_and_their_folders_are_private(tmp_path: Path, umask_022: None) -> None:
    root = tmp_path / "blobs"
    store = BlobStore(root)
    data = b"%PDF-1.4 brochure"
    sha = hashlib.sha256(data).hexdigest()
    assert store.put_bytes(sha, data)
    assert mode(root) == 0o700
    assert mode(root / sha[:2]) == 0o700 and mode(store.path(sha)) == 0o600
    # Folders an older version left open are narrowed when the hub opens its files again.
    root.chmod(0o755)
    (root / sha[:2]).chmod(0o755)
    BlobStore(root)
    assert mode(root) == 0o700 and mode(root / sha[:2]) == 0o700
