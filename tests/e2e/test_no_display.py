"""`fieldnote` on a Linux machine without a display, or without a library Qt's xcb plugin
needs: one line saying what to do and exit 1, instead of Qt's five lines and an abort (134).
A screenshot needs no display at all."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.display import debian_package, display_problem, xcb_library_problem

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux displays")


def headless_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
    return {**env, "PYTHONPATH": str(ROOT), **extra}


def fieldnote(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def assert_one_line(done: subprocess.CompletedProcess[str], says: str) -> None:
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("fieldnote: "), done.stderr
    assert says in done.stderr and "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert "Reinstalling" not in done.stderr


def test_without_a_display_the_window_says_what_to_do_in_one_line(tmp_path: Path) -> None:
    done = fieldnote(headless_env(), "--data-dir", str(tmp_path / "data"))
    assert_one_line(done, "No display")
    assert not (tmp_path / "data").exists()  # refused before anything is made


def test_a_local_display_nobody_answers_on_is_named(tmp_path: Path) -> None:
    done = fieldnote(headless_env(DISPLAY=":4711", QT_QPA_PLATFORM="xcb"),
                     "--data-dir", str(tmp_path / "data"))
    assert_one_line(done, "DISPLAY=:4711")


@pytest.fixture
def fake_x_display() -> Iterator[str]:
    """A listening socket where a local X server's would be (abstract, so nothing on disk)."""
    number = 4000 + os.getpid() % 1000
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")
        server.listen(1)
        yield f":{number}"


@pytest.mark.skipif(xcb_library_problem() is None,
                    reason="this machine has every library Qt's xcb plugin needs")
def test_a_missing_system_library_is_named_with_its_package(
        tmp_path: Path, fake_x_display: str) -> None:
    done = fieldnote(headless_env(DISPLAY=fake_x_display),
                     "--data-dir", str(tmp_path / "data"))
    assert_one_line(done, "apt install lib")


def test_a_screenshot_needs_no_display(tmp_path: Path) -> None:
    png = tmp_path / "window.png"
    done = fieldnote(headless_env(), "--data-dir", str(tmp_path / "data"), "--screenshot",
                     str(png))
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("env, platform, refused", [
    ({}, "linux", True),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    ({"QT_QPA_PLATFORM": "offscreen:configfile=/x.json"}, "linux", False),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ({"QT_QPA_PLATFORM": "wayland"}, "linux", False),
    ({}, "darwin", False),
    ({}, "win32", False),
])
def test_which_environments_count_as_no_display(env: dict[str, str], platform: str,
                                                refused: bool) -> None:
    assert (display_problem(env, platform) is not None) == refused


@pytest.mark.parametrize("soname, package", [
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libEGL.so.1", "libegl1"),
    ("libdbus-1.so.3", "libdbus-1-3"),
])
def test_a_library_is_named_by_its_debian_package(soname: str, package: str) -> None:
    assert debian_package(soname) == package
