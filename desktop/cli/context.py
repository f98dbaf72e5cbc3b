"""What every headless command starts from: a checked data dir, the store, the instance lock.

Failures become `CliError`s with a clear message; nothing here prints.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli import CliError
from desktop.logs import setup_logging
from desktop.paths import DataDirError, InstanceLock, default_demo_dir, prepare_data_dir
from desktop.settings import Settings

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from desktop.store import Store
    from fieldnote.roles import Op


@dataclass
class CliContext:
    data_dir: Path
    store: Store
    settings: Settings


def data_dir_of(args: argparse.Namespace) -> Path:
    """`--data-dir`, else demo mode's own folder with `--demo`, else the user data dir."""
    chosen = getattr(args, "data_dir", None)
    if chosen is None and getattr(args, "demo", False):
        chosen = default_demo_dir()
    try:
        return prepare_data_dir(chosen)
    except DataDirError as exc:
        raise CliError(str(exc)) from None


@contextmanager
def locked_data_dir(
    args: argparse.Namespace, *, lock: bool = True, logs: bool = True
) -> Iterator[Path]:
    """The checked data dir with, unless `logs` is false (the caller sets logging up later),
    logging to its file and, with `lock`, the instance lock held.

    Cheap: nothing here imports the store, so the window can show before the store opens."""
    data_dir = data_dir_of(args)
    if logs:
        setup_logging(data_dir, debug=getattr(args, "debug", False))
    instance = InstanceLock(data_dir)
    if lock and not instance.acquire():
        raise CliError(
            f"Fieldnote is already running on {data_dir} (process {instance.holder_pid()}). "
            "Switch to that window or wait for that command to finish, then try again."
        )
    try:
        yield data_dir
    finally:
        instance.release()


def check_data_file(data_dir: Path) -> None:
    """Refuse a damaged data file (a `CliError`) without touching it; needs only sqlite3."""
    from desktop.datafile import DB_FILE, StoreError, check_readable

    try:
        path = data_dir / DB_FILE
        if _encrypted(path):
            from desktop.store.db import check_store_file

            check_store_file(path)
        else:
            check_readable(path)
    except StoreError as exc:
        raise CliError(str(exc)) from None


def _encrypted(path: Path) -> bool:
    from desktop.datafile import is_encrypted  # the standard library only: no store import

    return is_encrypted(path)


# The niceness of the early check's thread: it takes the CPU the window leaves idle (where a
# core is free it runs at full speed; on a busy machine the window's start comes first).
CHECK_NICENESS = 10


def _lower_priority() -> None:
    """Lower the calling thread's priority, on Linux, where a thread has a nice value of its
    own (elsewhere `setpriority` would change the whole process, or another one)."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), CHECK_NICENESS)
        except OSError:
            pass


class DataFileCheck:
    """`check_data_file` on a thread of its own, started as soon as the data dir is locked:
    SQLite reads the whole file in C, beside the imports of Qt and the store. An encrypted
    file is checked when `wait` is called instead (its check needs the store's modules, whose
    import would hold up the window)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.error: CliError | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> DataFileCheck:
        from desktop.datafile import DB_FILE

        if not _encrypted(self.data_dir / DB_FILE):
            self._thread = threading.Thread(target=self._run, name="fieldnote-check")
            self._thread.start()
        return self

    def _run(self) -> None:
        if self._thread is not None:
            _lower_priority()
        try:
            check_data_file(self.data_dir)
        except CliError as exc:
            self.error = exc

    def wait(self) -> None:
        """Wait for the check (or run it here, if it was not started); a `CliError` if the
        file is refused."""
        if self._thread is None:
            self._run()
        else:
            self._thread.join()
        if self.error is not None:
            raise self.error

    def join(self) -> None:
        """Wait for a started check to end (its verdict is `wait`'s)."""
        if self._thread is not None:
            self._thread.join()


def apply_encryption_setting(data_dir: Path) -> None:
    """Bring the data file in line with the `encrypt_database` setting (chosen in the window,
    which cannot rewrite the file it holds open): encrypt or decrypt it before it opens. When
    that cannot be done (no keychain here), the file opens as it is and the log says why."""
    from desktop.datafile import is_encrypted
    from desktop.store.db import DB_FILE
    from desktop.store.encryption import EncryptionError, decrypt, encrypt

    wanted = Settings.load(data_dir).encrypt_database
    path = data_dir / DB_FILE
    if wanted == is_encrypted(path) or (wanted and not path.exists()):
        return
    try:
        encrypt(path) if wanted else decrypt(path)
    except EncryptionError as exc:
        log.warning("the encrypt_database setting is not applied: %s", exc)


def open_data_store(data_dir: Path, *, checked: bool = False) -> Store:
    """The data dir's store, upgraded to the newest schema; a `CliError` if it cannot open.
    `checked` says `check_data_file` already passed."""
    from desktop.cli import EXIT_DISK_FULL
    from desktop.datafile import DiskFull
    from desktop.store import StoreError, open_store
    from desktop.store.db import DB_FILE

    try:
        apply_encryption_setting(data_dir)
        return open_store(data_dir / DB_FILE, checked=checked)
    except StoreError as exc:
        raise CliError(str(exc), EXIT_DISK_FULL if isinstance(exc, DiskFull) else 1) from None


@contextmanager
def cli_context(args: argparse.Namespace, *, lock: bool = True,
                report: bool = False) -> Iterator[CliContext]:
    """Open the data dir's store for a command; `lock` keeps a running app (or command) out.
    `report`: the command builds a PDF, whose numbers and dates follow the locale setting like
    the window's (text and JSON output keep their machine formats)."""
    with locked_data_dir(args, lock=lock) as data_dir:
        store = open_data_store(data_dir)
        settings = Settings.load(data_dir)
        if report:
            from desktop.locale import apply_locale  # QtCore: only for the commands that need it

            apply_locale(settings.locale)
        try:
            yield CliContext(data_dir, store, settings)
        finally:
            store.engine.dispose()


# The signed-in account may not do this: the hub would refuse it (a sign-in problem, as 3 is
# for `sync`).
EXIT_REFUSED = 3


def require_offer(ctx: CliContext, doing: str, kind: str, op: Op,
                  record: Mapping[str, Any] | None = None,
                  changes: Mapping[str, Any] | None = None) -> None:
    """Refuse up front, with the hub's reason, what the role policy does not offer the signed-in
    user; `doing` names the command's action ("publish", "import leads")."""
    from desktop.store.offers import Offers

    user = ctx.store.get_state("user") or {}
    user = user if isinstance(user, dict) else {}
    decision = Offers(user, ctx.store).offer(kind, op, record, changes)
    if not decision:
        who = user.get("email") or "This account"
        raise CliError(f"{who} cannot {doing}: {decision.reason}.", EXIT_REFUSED)
