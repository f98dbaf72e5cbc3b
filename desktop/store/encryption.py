"""The local database encrypted at rest (the `encrypt_database` setting, off by default):
SQLCipher through the `sqlcipher3` binding, with a random 256-bit key kept in the OS keychain
(`keyring`), never in a file. Without a usable keychain the setting is refused.

Whether a data file is encrypted is read from the file itself: a plain SQLite file begins with
"SQLite format 3". An encrypted one is opened with the key the keychain holds for its path.

Turning encryption on or off rewrites the database into a new file beside it (`sqlcipher_export`
through `ATTACH ... KEY`), flushes it to the disk and renames it over the old one, so a program
killed midway leaves either the old file whole or the new one whole, never a mix. The key is
stored before the encrypted file takes the old one's place, and forgotten only after the plain
file has.
"""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path
from typing import Any

from desktop.credentials import _keychain
from desktop.datafile import SIDE_FILES, StoreError, one_line
from desktop.datafile import is_encrypted as is_encrypted  # its home; named here too

log = logging.getLogger(__name__)

SETTING = "encrypt_database"
KEY_SERVICE = "Fieldnote database key"
_NEW = ".rewrite"

NO_KEYCHAIN = ("No system keychain is available on this computer, so the database cannot be "
               "encrypted (its key would have to be written in plain text beside it). Use the "
               "disk encryption of the operating system instead (docs/privacy.md).")


class EncryptionError(StoreError):
    """The database cannot be encrypted, decrypted or opened with its key; the message says
    why and what to do."""


def _account(path: Path) -> str:
    return str(path.resolve())


def keychain_available() -> bool:
    return _keychain() is not None


def load_key(path: Path) -> str | None:
    backend = _keychain()
    if backend is None:
        return None
    try:
        return backend.get_password(KEY_SERVICE, _account(path))
    except Exception as exc:  # a locked or broken keychain: the caller says what to do
        log.warning("keychain unreadable (%s)", type(exc).__name__)
        return None


def key_for(path: Path) -> str | None:
    """The key to open `path` with: None for a plain (or new) file; EncryptionError when it
    is encrypted and this computer's keychain holds no key for it."""
    if not is_encrypted(path):
        return None
    key = load_key(path)
    if key is None:
        raise EncryptionError(
            f"The data file {path} is encrypted, and this computer's keychain holds no key for "
            "it (or is locked, or the file is not a Fieldnote database). It has been left "
            "untouched; unlock the keychain, or restore a backup.")
    return key


def driver() -> Any:
    """The SQLCipher DB-API module (a drop-in for `sqlite3`)."""
    try:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped]
    except ImportError:
        raise EncryptionError("SQLCipher (the sqlcipher3 package) is not installed; "
                              "reinstall Fieldnote to open an encrypted database.") from None
    return dbapi2


def apply_key(dbapi_conn: Any, key: str) -> None:
    """The first statement on an encrypted connection: the raw 256-bit key (no passphrase
    derivation, so opening stays fast)."""
    cur = dbapi_conn.cursor()
    # A wrong key is reported in one line by the caller, not by SQLCipher's own log on stderr.
    cur.execute("PRAGMA cipher_log_level = NONE")
    cur.execute(f"PRAGMA key = \"x'{_hex(key)}'\"")
    cur.close()


def check_key(path: Path, key: str) -> None:
    """EncryptionError when `key` does not open `path`."""
    conn = driver().connect(str(path))
    try:
        apply_key(conn, key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except driver().DatabaseError:
        raise EncryptionError(
            f"The key in this computer's keychain does not open the data file {path}. It has "
            "been left untouched; restore a backup, or move it away to start a new one."
        ) from None
    finally:
        conn.close()


def _hex(key: str) -> str:
    if len(key) != 64 or key.strip("0123456789abcdef"):
        raise EncryptionError("The database key in the keychain is not a Fieldnote key.")
    return key


# -- turning it on and off ----------------------------------------------------------------------


def encrypt(path: Path) -> bool:
    """Encrypt the database at `path` with a new key kept in the keychain; False when it was
    encrypted already. EncryptionError without a keychain."""
    backend = _keychain()
    if backend is None:
        raise EncryptionError(NO_KEYCHAIN)
    if is_encrypted(path):
        check_key(path, key_for(path) or "")
        return False
    driver()
    key = secrets.token_bytes(32).hex()
    try:
        backend.set_password(KEY_SERVICE, _account(path), key)
    except Exception as exc:
        raise EncryptionError(f"The keychain refused the database key ({type(exc).__name__}); "
                              "nothing was changed.") from None
    _rewrite(path, old_key=None, new_key=key)
    log.info("the local database is now encrypted")
    return True


def decrypt(path: Path) -> bool:
    """Write the database at `path` back in plain SQLite and forget its key; False when it was
    plain already."""
    if not is_encrypted(path):
        return False
    key = key_for(path)
    assert key is not None
    check_key(path, key)
    _rewrite(path, old_key=key, new_key=None)
    backend = _keychain()
    if backend is not None:
        try:
            backend.delete_password(KEY_SERVICE, _account(path))
        except Exception:  # gone already: nothing to forget
            pass
    log.info("the local database is no longer encrypted")
    return True


def _rewrite(path: Path, *, old_key: str | None, new_key: str | None) -> None:
    """Copy the database into a new file (encrypted with `new_key`, or plain), flush it, and
    rename it over `path`. A leftover of an earlier attempt that was killed is removed first."""
    dbapi = driver()
    new = path.with_name(path.name + _NEW)
    for leftover in (new, *(new.with_name(new.name + s) for s in SIDE_FILES)):
        leftover.unlink(missing_ok=True)
    # Made private before a byte goes in (SQLite takes an empty file for an empty database).
    os.close(os.open(new, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = dbapi.connect(str(path), isolation_level=None)
    try:
        if old_key is not None:
            apply_key(conn, old_key)
        conn.execute("PRAGMA busy_timeout=10000")
        # Everything in the write-ahead log goes into the copy; nothing is left waiting in it.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        target_key = f"x'{_hex(new_key)}'" if new_key is not None else ""
        conn.execute(f"ATTACH DATABASE ? AS rewritten KEY \"{target_key}\"", (str(new),))
        conn.execute("SELECT sqlcipher_export('rewritten')").fetchall()
        conn.execute(f"PRAGMA rewritten.user_version = {int(version)}")
        conn.execute("DETACH DATABASE rewritten")
    except dbapi.DatabaseError as exc:
        conn.close()
        new.unlink(missing_ok=True)
        raise EncryptionError(f"The database could not be rewritten ({one_line(str(exc))}); "
                              "it has been left as it was.") from None
    conn.close()
    _fsync(new)
    # The old file's log was folded into it above; a log beside the new file must not be
    # taken for its own.
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(new, path)
    _fsync_dir(path.parent)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to flush it; its rename is durable
        return
    _fsync(folder)
