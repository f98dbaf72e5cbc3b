"""Under umask 022 the desktop still keeps its data to its user: the data folder 0700, the
database with its -wal and -shm, the log and the lock 0600; wider ones are narrowed at start."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.store import open_store
from desktop.sync.blobs import BlobCache
from fieldnote.filemodes import restrict_children

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def fieldnote(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, env=ENV, timeout=120, umask=0o022)


def test_a_new_data_folder_and_its_files_are_the_users_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    done = fieldnote("status", "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    assert mode(data) == 0o700
    assert mode(data / "fieldnote.sqlite3") == 0o600
    assert mode(data / "fieldnote.log") == 0o600


def test_wider_modes_left_by_an_older_version_are_narrowed_at_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert fieldnote("status", "--data-dir", str(data)).returncode == 0
    (data / "files").mkdir(mode=0o755)
    for path, wide in ((data, 0o755), (data / "fieldnote.sqlite3", 0o644),
                       (data / "fieldnote.log", 0o644), (data / "files", 0o755)):
        path.chmod(wide)
    done = fieldnote("status", "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    assert [mode(p) for p in (data, data / "fieldnote.sqlite3", data / "fieldnote.log",
                              data / "files")] == [0o700, 0o600, 0o600, 0o700]


def test_the_store_wal_and_shm_files_and_the_file_cache_are_private(
    tmp_path: Path, umask_022: None
) -> None:
    store = open_store(tmp_path / "fieldnote.sqlite3")
    try:
        store.save("event", {"name": "Expo", "starts_on": "2026-04-20", "ends_on": "2026-04-21"})
        names = ("fieldnote.sqlite3", "fieldnote.sqlite3-wal", "fieldnote.sqlite3-shm")
        assert [mode(tmp_path / n) for n in names] == [0o600] * 3
    finally:
        store.engine.dispose()
    cache = BlobCache(tmp_path / "files")
    assert mode(cache.root) == 0o700


def test_restrict_leaves_links_and_narrow_files_alone(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("x")
    outside.chmod(0o644)
    folder = tmp_path / "folder"
    folder.mkdir(mode=0o750)
    (folder / "link").symlink_to(outside)
    (folder / "exec").write_text("#!/bin/sh\n")
    (folder / "exec").chmod(0o755)
    restrict_children(folder)
    assert mode(outside) == 0o644
    assert mode(folder) == 0o700 and mode(folder / "exec") == 0o700


def test_a_file_that_cannot_be_narrowed_is_reported_not_fatal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    wide = tmp_path / "someone-elses.txt"
    wide.write_text("x")
    wide.chmod(0o644)

    def refuse(path: object, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", refuse)
    restrict_children(tmp_path)
    assert "cannot make" in caplog.text and "Operation not permitted" in caplog.text


def test_thumbnails_are_kept_private(qapp: object, tmp_path: Path, umask_022: None) -> None:
    from desktop.ui.collateral.thumbnails import build_thumbnail, thumbnail_dir
    from resources.paths import resource_path

    folder = thumbnail_dir(tmp_path)
    made = build_thumbnail(resource_path("demo", "insight-cloud-sell-sheet.pdf"), folder, "ab" * 32)
    assert made is not None
    assert mode(folder) == 0o700 and mode(made) == 0o600
