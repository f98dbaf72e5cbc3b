"""QtMultimedia, loaded in one place: the camera scanner and voice notes both get it here.

Its media backend warns from inside the dynamic loader as it loads (no PipeWire, no VA-API on
this machine). The app routes Qt's messages to its log through a Python handler
(`desktop.app.route_qt_messages`), which would then wait for the interpreter while the loader's
lock is held; a worker importing an extension module at that moment holds the interpreter and
waits for the loader, and both wait forever (the window froze when the capture form, with its
camera and voice note buttons, first showed). So the module is imported, and its backend loaded
by a first look at the devices, with Qt's own handler (stderr) in place, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_loaded: Any = None


@contextmanager
def qt_messages_to_stderr() -> Iterator[None]:
    """Qt's own message handler in place of the app's Python one, for a moment."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = qInstallMessageHandler(None)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def load_multimedia() -> Any:
    """PySide6.QtMultimedia with its media backend loaded; ImportError when this machine
    cannot load it (on Linux it needs PulseAudio's client library)."""
    global _loaded
    if _loaded is None:
        with qt_messages_to_stderr():
            from PySide6 import QtMultimedia

            # The first look at the devices loads the backend plugins.
            QtMultimedia.QMediaDevices.videoInputs()
            QtMultimedia.QMediaDevices.audioInputs()
        _loaded = QtMultimedia
    return _loaded
