"""`fieldnote settings`: the device's settings that a script or IT sets without the window.

`settings set encrypt_database yes|no` encrypts the local database (SQLCipher, its key in the
OS keychain) or writes it back in plain SQLite, at once, and records the choice; `settings get
KEY` prints a setting's value. Without a keychain, encryption is refused (exit 1) and nothing
changes.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli import CliError
from desktop.cli.context import check_data_file, locked_data_dir
from desktop.settings import Settings

# The settings these commands know, with how a value is read.
KEYS = ("encrypt_database",)
_YES, _NO = ("yes", "true", "on", "1"), ("no", "false", "off", "0")


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "settings", parents=[parent], help="show or change this device's settings",
        description="Show or change a setting of this data dir. encrypt_database yes keeps "
                    "the local database encrypted with a key in the OS keychain (refused "
                    "without a keychain); no writes it back in plain SQLite.")
    sub = group.add_subparsers(dest="settings_command", metavar="ACTION")
    put = sub.add_parser("set", parents=[parent], help="change a setting",
                         description="Change a setting: encrypt_database yes|no.")
    put.add_argument("key", choices=KEYS)
    put.add_argument("value", metavar="VALUE")
    put.set_defaults(func=_set)
    get = sub.add_parser("get", parents=[parent], help="print a setting's value")
    get.add_argument("key", choices=KEYS)
    get.set_defaults(func=_get)
    group.set_defaults(func=lambda _args: _usage(group))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    return 2


def _flag(text: str) -> bool:
    value = text.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise CliError(f"{text!r} is not yes or no", 2)


def _set(args: argparse.Namespace) -> int:
    wanted = _flag(args.value)
    with locked_data_dir(args) as data_dir:
        from desktop.datafile import is_encrypted
        from desktop.store.db import DB_FILE
        from desktop.store.encryption import EncryptionError, decrypt, encrypt

        path = data_dir / DB_FILE
        check_data_file(data_dir)
        try:
            changed = encrypt(path) if wanted else decrypt(path)
        except EncryptionError as exc:
            raise CliError(str(exc)) from None
        settings = Settings.load(data_dir)
        settings.encrypt_database = wanted
        settings.save()
        state = "encrypted" if is_encrypted(path) else "not encrypted"
        sys.stdout.write(f"The local database is {state}"
                         + ("." if changed else " (it was already).") + "\n")
    return 0


def _get(args: argparse.Namespace) -> int:
    with locked_data_dir(args, lock=False) as data_dir:
        value = Settings.load(data_dir).encrypt_database
    sys.stdout.write("yes\n" if value else "no\n")
    return 0
