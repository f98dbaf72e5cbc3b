"""The `fieldnote` command as a real process: screenshots, bad input, damaged files, the lock."""

import os
import subprocess
import sys

import pytest

from desktop.paths import InstanceLock

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")


def fieldnote(*args, timeout=60):
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, env=ENV, timeout=timeout
    )


def test_screenshot_writes_a_png_and_exits_zero(tmp_path):
    png = tmp_path / "shot.png"
    result = fieldnote("--data-dir", str(tmp_path / "data"), "--screenshot", str(png))
    assert result.returncode == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 5000


@pytest.mark.parametrize("page", ["leads", "collateral", "debriefs", "insights"])
def test_screenshot_of_each_page(tmp_path, page):
    png = tmp_path / f"{page}.png"
    result = fieldnote("--data-dir", str(tmp_path / "data"), "--screenshot", str(png), "--page", page)
    assert result.returncode == 0, result.stderr
    assert png.stat().st_size > 5000


@pytest.mark.parametrize(("size", "expected"), [("1024x640", (1024, 640)), ("1920x1080", (1920, 1080))])
def test_screenshot_at_a_chosen_size(tmp_path, size, expected):
    # Qt's offscreen screen is 800x800: without a screen as big as asked, the window (and
    # any geometry it restores) is not the size a user would see.
    from PySide6.QtGui import QImage

    png = tmp_path / "sized.png"
    result = fieldnote("--data-dir", str(tmp_path / "data"), "--screenshot", str(png), "--size", size,
                       "--page", "insights")
    assert result.returncode == 0, result.stderr
    image = QImage(str(png))
    assert (image.width(), image.height()) == expected


@pytest.mark.parametrize("size", ["big", "1024", "100x100", "720x500", "1024x640x2", "99999x640"])
def test_a_bad_size_is_a_usage_error(tmp_path, size):
    result = fieldnote("--data-dir", str(tmp_path / "data"), "--screenshot", str(tmp_path / "x.png"),
                       "--size", size)
    assert result.returncode == 2
    assert "--size" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_size_without_screenshot_is_a_usage_error(tmp_path):
    result = fieldnote("--data-dir", str(tmp_path / "data"), "--size", "1024x640")
    assert result.returncode == 2
    assert "--size is for --screenshot" in result.stderr


def test_version_prints_and_exits_zero():
    result = fieldnote("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("Fieldnote ")


def test_an_unknown_option_is_a_usage_error_without_a_traceback():
    result = fieldnote("--no-such-option")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "unrecognized arguments" in result.stderr


def test_an_unwritable_data_dir_gives_a_clear_message(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = fieldnote("--data-dir", str(blocker / "sub"), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 1
    assert "Cannot create the data directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_corrupt_database_is_reported_and_never_overwritten(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    db = data / "fieldnote.sqlite3"
    junk = b"SQLite format 3\x00" + os.urandom(8192)
    db.write_bytes(junk)
    result = fieldnote("--data-dir", str(data), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 1
    assert "damaged" in result.stderr or "integrity" in result.stderr or "not a Fieldnote" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == junk


def test_a_second_instance_on_the_same_data_dir_says_so_and_exits(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    lock = InstanceLock(data)
    assert lock.acquire()
    try:
        result = fieldnote("--data-dir", str(data), "--screenshot", str(tmp_path / "x.png"))
    finally:
        lock.release()
    assert result.returncode == 1
    assert "already running" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_select_first_without_screenshot_is_a_usage_error(tmp_path):
    result = fieldnote("--data-dir", str(tmp_path / "data"), "--select-first")
    assert result.returncode == 2
    assert "--select-first is for --screenshot" in result.stderr
