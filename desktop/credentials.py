"""Where the hub token is kept: the OS keychain through `keyring`, or a private file.

When no keychain backend works (a headless machine, a minimal desktop), the token goes into a
file in the data dir readable only by the user, and `Credentials.warning` says so; the UI shows
it and `fieldnote signin` prints it. The token never goes into logs or the database.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

SERVICE = "Fieldnote"
TOKEN_FILE = "hub-token"
# Set to 1 to keep tokens out of the keychain (tests, kiosks, portable installs).
ENV_NO_KEYCHAIN = "FIELDNOTE_NO_KEYCHAIN"


def _keychain() -> KeyringBackend | None:
    """The keyring backend if a real one is available, else None."""
    if os.environ.get(ENV_NO_KEYCHAIN) == "1":
        return None
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring install must not stop sign-in
        log.warning("keyring is unusable; using the token file")
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    if type(backend).__name__ == "ChainerBackend" and not getattr(backend, "backends", None):
        return None
    return backend


class Credentials:
    """The token of one data dir; `account` tells apart several data dirs in one keychain."""

    def __init__(self, data_dir: Path, account: str) -> None:
        self.data_dir = data_dir
        self.account = account
        self.file = data_dir / TOKEN_FILE
        self._backend = _keychain()
        self._file_used = self._backend is None

    @property
    def warning(self) -> str:
        if not self._file_used:
            return ""
        return (
            "No system keychain is available, so the sign-in token is kept in a file readable "
            f"only by you: {self.file}"
        )

    def save(self, token: str) -> None:
        if self._backend is not None:
            try:
                self._backend.set_password(SERVICE, self.account, token)
                self.file.unlink(missing_ok=True)
                return
            except Exception as exc:  # the keychain refused (locked, no D-Bus): fall back
                log.warning("keychain refused the token (%s); using the token file", type(exc).__name__)
                self._backend = None
                self._file_used = True
        _write_private(self.file, token)

    def load(self) -> str | None:
        if self._backend is not None:
            try:
                token = self._backend.get_password(SERVICE, self.account)
            except Exception as exc:
                log.warning("keychain unreadable (%s); trying the token file", type(exc).__name__)
                token = None
            if token:
                return token
        try:
            text = self.file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("token file unreadable: %s", exc.strerror)
            return None
        if text:
            self._file_used = True
        return text or None

    def clear(self) -> None:
        if self._backend is not None:
            try:
                self._backend.delete_password(SERVICE, self.account)
            except Exception:  # nothing stored there, or the keychain is gone: nothing to clear
                pass
        self.file.unlink(missing_ok=True)


def _write_private(path: Path, text: str) -> None:
    """Write atomically with mode 0600 from the first byte (never briefly world-readable)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".token-")
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
