"""A data file Fieldnote cannot use (empty, foreign, damaged) is refused in one line, before
anything writes, and nothing is left beside it: no `-wal`, no `-shm`."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.datafile import DB_FILE, StoreError, check_readable
from desktop.store import open_store

ROOT = Path(__file__).resolve().parents[3]


def folder(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in path.iterdir() if p.is_file()}


def one_line(message: str) -> str:
    assert "\n" not in message and "left untouched" in message, message
    return message


def damaged_store(folder_path: Path) -> Path:
    """A Fieldnote store with a sound header and garbage in its b-tree pages."""
    path = folder_path / DB_FILE
    store = open_store(path)
    for i in range(300):
        store.save("lead", {"last_name": f"Name{i}", "notes": "x" * 200,
                            "captured_at": "2026-11-24T10:00:00Z"})
    store.engine.dispose()
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data), 4096):
        data[offset:offset + 64] = bytes(range(64))
    path.write_bytes(bytes(data))
    return path


def test_an_empty_data_file_is_refused_like_a_damaged_one(tmp_path: Path) -> None:
    path = tmp_path / DB_FILE
    path.touch()
    with pytest.raises(StoreError) as refused:
        open_store(path)
    assert "empty" in one_line(str(refused.value))
    assert folder(tmp_path) == {DB_FILE: b""}


def test_a_damaged_file_is_refused_in_one_line_with_nothing_beside_it(tmp_path: Path) -> None:
    path = damaged_store(tmp_path)
    before = folder(tmp_path)
    assert set(before) == {DB_FILE}
    with pytest.raises(StoreError) as refused:
        check_readable(path)
    message = one_line(str(refused.value))
    assert "integrity check" in message or "damaged" in message
    assert folder(tmp_path) == before


def test_a_damaged_file_with_its_write_ahead_log_leaves_no_new_side_file(tmp_path: Path) -> None:
    path = damaged_store(tmp_path)
    wal = tmp_path / f"{DB_FILE}-wal"
    wal.write_bytes(b"")  # as a crash leaves it: the log is there, its shared memory is not
    before = folder(tmp_path)
    with pytest.raises(StoreError) as refused:
        check_readable(path)
    one_line(str(refused.value))
    assert folder(tmp_path) == before


def test_a_sound_store_in_wal_mode_is_checked_without_side_files(tmp_path: Path) -> None:
    path = tmp_path / DB_FILE
    open_store(path).engine.dispose()
    before = folder(tmp_path)
    check_readable(path)
    assert folder(tmp_path) == before


def test_another_programs_sqlite_file_is_refused_and_keeps_its_journal_mode(
        tmp_path: Path) -> None:
    path = tmp_path / DB_FILE
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = folder(tmp_path)
    with pytest.raises(StoreError) as refused:
        open_store(path)
    assert "no Fieldnote schema version" in one_line(str(refused.value))
    assert folder(tmp_path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


@pytest.mark.parametrize("damage", ["empty", "pages"])
def test_the_command_line_refuses_an_unusable_data_file_in_one_line(
        tmp_path: Path, damage: str) -> None:
    if damage == "empty":
        (tmp_path / DB_FILE).touch()
    else:
        (tmp_path / "src").mkdir()
        source = damaged_store(tmp_path / "src")
        shutil.copy(source, tmp_path / DB_FILE)
        shutil.rmtree(tmp_path / "src")
    before = folder(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path), "status"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    one_line(done.stderr.strip())
    after = folder(tmp_path)
    assert after[DB_FILE] == before[DB_FILE]
    assert not {f"{DB_FILE}-wal", f"{DB_FILE}-shm"} & set(after)
