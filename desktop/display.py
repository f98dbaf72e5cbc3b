"""Can Qt show a window here? Asked before Qt starts, because Qt's own answer to "no display"
or "a system library is missing" is a five-line message and an abort (exit 134).

Only Linux (X11 or Wayland) is checked, and only what Qt would certainly fail on: no display
named, a local X display nobody answers on, or a library the xcb platform plugin needs that the
system lacks. Anything this cannot judge is left to Qt. Never imports Qt's GUI modules.
"""

from __future__ import annotations

import ctypes
import os
import re
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

OFFSCREEN_HINT = "or set QT_QPA_PLATFORM=offscreen to run without a window"
_WAYLAND = ("wayland", "wayland-egl", "wayland-brcm")
_MISSING = re.compile(r"(?P<lib>lib[\w.+-]+\.so[\w.]*): cannot open shared object file")


def display_problem(environ: Mapping[str, str] | None = None,
                    platform: str | None = None) -> str | None:
    """Why the window cannot open here, as one sentence that says what to do; None when it
    can, or when this cannot tell."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen and chosen != "xcb" and chosen not in _WAYLAND:
        return None  # offscreen, minimal, eglfs, vnc...: chosen on purpose
    display, wayland = env.get("DISPLAY", ""), env.get("WAYLAND_DISPLAY", "")
    if chosen in _WAYLAND or (not chosen and wayland
                              and env.get("XDG_SESSION_TYPE", "") == "wayland"):
        return None  # Qt's Wayland plugin; it falls back to xcb by itself
    if not display:
        if wayland:
            return None  # Wayland without the session type: Qt tries it after xcb
        return ("No display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set): "
                f"start it in a desktop session, {OFFSCREEN_HINT}")
    if not x_display_answers(display):
        return f"No X server answers on DISPLAY={display}: check DISPLAY, {OFFSCREEN_HINT}"
    return xcb_library_problem()


def x_display_answers(display: str) -> bool:
    """False only for a local display (":0", "unix:0") whose socket nobody listens on; remote
    and forwarded displays are assumed to answer."""
    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display.strip())
    if match is None:
        return True
    path = f"/tmp/.X11-unix/X{match.group(1)}"
    for address in ("\0" + path, path):  # the abstract socket first, as Xlib does
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            try:
                sock.connect(address)
            except OSError:
                continue
            return True
    return False


def xcb_plugin() -> Path | None:
    """Qt's xcb platform plugin, where this installation keeps it."""
    try:
        import PySide6  # the package only: its location, not Qt's libraries
    except ImportError:
        return None
    path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.is_file() else None


def xcb_library_problem(plugin: Path | None = None) -> str | None:
    """Load the xcb plugin the way Qt will; a missing system library is named, with the
    Debian/Ubuntu package that usually provides it."""
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        match = _MISSING.search(str(exc))
        if match is None:
            return None  # not a missing library: let Qt report it
        lib = match.group("lib")
        return (f"The window needs the system library {lib}, which is not installed: install "
                f"it (on Debian or Ubuntu: apt install {debian_package(lib)}; the README lists "
                f"what Linux needs), {OFFSCREEN_HINT}")
    return None


def debian_package(soname: str) -> str:
    """The Debian package name a shared library's soname usually has ("libxcb-cursor.so.0"
    -> "libxcb-cursor0", "libxkbcommon-x11.so.0" -> "libxkbcommon-x11-0")."""
    stem, _, version = soname.partition(".so.")
    stem, version = stem.lower(), version.split(".")[0]
    if not version:
        return stem
    return f"{stem}-{version}" if stem[-1].isdigit() else f"{stem}{version}"
