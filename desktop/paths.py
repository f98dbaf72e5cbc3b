"""Where the app keeps its data, and the lock that keeps two app instances off one data dir.

Paths come from platformdirs unless `--data-dir` says otherwise. The lock is an OS file lock,
released by the OS when the process dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from fieldnote.filemodes import private_dir, private_opener, restrict_children

APP_NAME = "Fieldnote"


class DataDirError(Exception):
    """The data directory cannot be used; the message says why."""


def default_data_dir() -> Path:
    import platformdirs  # only when no --data-dir is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_demo_dir() -> Path:
    """Demo mode's own data dir, beside the real one and never inside it: the demo signs in to
    a hub that lives only while the demo runs, which must not become the real data's hub."""
    import platformdirs

    return Path(platformdirs.user_data_dir(f"{APP_NAME} Demo", appauthor=False))


def prepare_data_dir(path: Path | None) -> Path:
    """Create the data dir if needed (0700) and check it is writable; narrow it and the files
    in it when they are readable by others."""
    data_dir = (path or default_data_dir()).expanduser().resolve()
    try:
        private_dir(data_dir)
        restrict_children(data_dir)
    except OSError as exc:
        raise DataDirError(f"Cannot create the data directory {data_dir}: {exc.strerror}") from None
    if not data_dir.is_dir():
        raise DataDirError(f"The data directory {data_dir} is not a directory.")
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise DataDirError(f"The data directory {data_dir} is not writable.")
    return data_dir


class InstanceLock:
    """Exclusive lock on a data dir; `acquire()` is False when another instance holds it."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "fieldnote.lock"
        self._fh: IO[str] | None = None

    def acquire(self) -> bool:
        fh = open(self.path, "a+", opener=private_opener)  # noqa: SIM115 - held while locked
        try:
            if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
                import msvcrt

                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return True

    def holder_pid(self) -> str:
        try:
            return self.path.read_text().strip() or "?"
        except OSError:
            return "?"

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
