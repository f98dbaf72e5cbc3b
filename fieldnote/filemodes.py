"""Who may read the files both programs keep: only their user.

Data files (databases with their `-wal`/`-shm`, logs, tokens, cached and stored files) are
created 0600 and their folders 0700, whatever the umask; one found wider (made by an older
version, or by hand) is narrowed when the program starts. POSIX only: on Windows the files
live in the user's profile, whose ACLs already keep other users out.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
_OTHERS = 0o077  # the group's and everyone else's permission bits

POSIX = os.name == "posix"


def restrict(path: Path | str) -> None:
    """Take the group's and others' permissions from `path` when it has any; a missing path
    or a symbolic link is left alone (a link's target may not be ours)."""
    if not POSIX:
        return
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode) or not st.st_mode & _OTHERS:
        return
    try:
        os.chmod(path, stat.S_IMODE(st.st_mode) & ~_OTHERS)
    except OSError as exc:  # someone else's file (made with sudo, say): say so, go on
        log.warning("cannot make %s private: %s", path, exc.strerror or exc)


def private_dir(path: Path) -> Path:
    """Create the folder `path` 0700 (missing parents with the usual mode), or narrow it."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    restrict(path)
    return path


def restrict_children(folder: Path) -> None:
    """Narrow `folder` and everything directly in it. Deeper files need no walk: a 0700
    folder already keeps everyone else out of all it holds."""
    restrict(folder)
    if not POSIX:
        return
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        restrict(entry.path)


def private_opener(path: str, flags: int) -> int:
    """`open(..., opener=private_opener)`: a new file is created 0600."""
    return os.open(path, flags, PRIVATE_FILE)


def restrict_sqlite(database: Path | str) -> None:
    """Narrow a SQLite database and its `-wal`/`-shm` files. Call it before the connection
    turns on WAL: SQLite gives the files it creates beside a database the database's mode."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        restrict(f"{database}{suffix}")
