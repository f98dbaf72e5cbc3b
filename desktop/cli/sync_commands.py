"""Headless `signin`, `sync` and `status` commands for IT, scripting and support.

Exit codes of `sync`: 0 nothing waits, 2 the hub cannot be reached (changes stay queued),
3 sign-in needed, 4 records need attention, 5 the disk is full, 1 anything else. Output is one short summary;
failures are one clear line, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from desktop.cli import EXIT_DISK_FULL, CliError
from desktop.cli.context import cli_context
from desktop.store.syncing import SyncStore
from desktop.sync.errors import (
    AccountInUse,
    AuthRequired,
    BadHubAddress,
    HubUnreachable,
    IncompatibleHub,
    SyncFailure,
    TooManyAttempts,
    WrongCredentials,
)
from desktop.sync.session import build_engine, sign_in, sign_out
from desktop.sync.state import Outcome

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_UNREACHABLE = 2
EXIT_SIGN_IN = 3
EXIT_ATTENTION = 4


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "signin", parents=[parent], help="sign this data dir in to a hub",
        description="Sign in to a hub. The password is read from standard input "
                    "(--password-stdin) or asked for.",
    )
    p.add_argument("--hub", metavar="URL",
                   help="the hub's address (default: the hub_url setting, often pre-set by IT)")
    p.add_argument("--email", required=True, help="your account's email")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password as one line from standard input")
    p.add_argument("--ca-bundle", metavar="PEM", help="a company CA bundle to trust for TLS")
    p.set_defaults(func=run_signin)

    p = subparsers.add_parser("signout", parents=[parent], help="sign this data dir out")
    p.add_argument("--force", action="store_true", help="sign out even if changes still wait")
    p.set_defaults(func=run_signout)

    p = subparsers.add_parser(
        "sync", parents=[parent], help="run one full sync cycle with the hub",
        description="Push waiting changes, pull the hub's changes and files, and report. "
                    "Exit 0: nothing waits; 2: hub unreachable, changes stay queued; "
                    "3: sign-in needed; 4: records need attention; 5: the disk is full.",
    )
    p.set_defaults(func=run_sync)

    p = subparsers.add_parser("status", parents=[parent], help="show what waits and the last sync")
    p.add_argument("--json", action="store_true", help="print the status as JSON")
    p.set_defaults(func=run_status)


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        # Only the line ending is not part of the password; other spaces are.
        password = line[:-1] if line.endswith("\n") else line
        if password.endswith("\r"):
            password = password[:-1]
    elif sys.stdin.isatty():
        password = getpass.getpass("Password: ")
    else:
        raise CliError("No password given: use --password-stdin and pipe it in.")
    if not password:
        raise CliError("The password is empty.")
    return password


def run_signin(args: argparse.Namespace) -> int:
    password = _read_password(args)
    with cli_context(args) as ctx:
        ca = args.ca_bundle or ctx.settings.hub_ca_bundle or None
        hub = args.hub or ctx.settings.hub_url
        if not hub:
            raise CliError("No hub to sign in to: give --hub URL.", EXIT_FAILED)
        try:
            result = sign_in(ctx.data_dir, ctx.store, hub, args.email, password, ca_bundle=ca)
        except (WrongCredentials, AuthRequired) as exc:
            raise CliError(exc.message, EXIT_SIGN_IN) from None
        except HubUnreachable as exc:
            raise CliError(exc.message, EXIT_UNREACHABLE) from None
        except (BadHubAddress, IncompatibleHub, TooManyAttempts, AccountInUse) as exc:
            raise CliError(exc.message, EXIT_FAILED) from None
        except SyncFailure as exc:
            raise CliError(exc.message, EXIT_FAILED) from None
        a = result.account
        sys.stdout.write(f"Signed in to {a.hub_url} as {a.name or a.email} ({a.role}).\n")
        if result.warning:
            sys.stderr.write(f"warning: {result.warning}\n")
    return EXIT_OK


def run_signout(args: argparse.Namespace) -> int:
    with cli_context(args) as ctx:
        waiting, attention = SyncStore(ctx.store).counts()
        if (waiting or attention) and not args.force:
            raise CliError(
                f"{waiting} change(s) wait to be sent and {attention} need attention; "
                "sync first, or sign out with --force (they stay on this device).",
            )
        sign_out(ctx.data_dir, ctx.store, ca_bundle=ctx.settings.hub_ca_bundle or None)
        sys.stdout.write("Signed out. Data on this device is kept.\n")
    return EXIT_OK


def run_sync(args: argparse.Namespace) -> int:
    with cli_context(args) as ctx:
        try:
            engine = build_engine(ctx.data_dir, ctx.store, ctx.settings)
        except AuthRequired as exc:
            raise CliError(exc.message, EXIT_SIGN_IN) from None
        try:
            report = engine.run_cycle()
        finally:
            engine.client.close()
        sys.stdout.write(
            f"pushed {report.pushed}, pulled {report.pulled}, blobs {report.blobs_fetched}, "
            f"waiting {report.waiting}, need attention {report.attention}\n"
        )
        if report.conflicts:
            sys.stdout.write(f"{report.conflicts} conflict(s) to review in the app\n")
        if report.outcome is Outcome.SIGN_IN_NEEDED:
            raise CliError(report.message + " Run fieldnote signin.", EXIT_SIGN_IN)
        if report.outcome in (Outcome.OFFLINE, Outcome.HUB_ERROR):
            raise CliError(
                f"{report.message} {report.waiting} change(s) stay queued.", EXIT_UNREACHABLE
            )
        if report.outcome is Outcome.DISK_FULL:
            raise CliError(report.message, EXIT_DISK_FULL)
        if report.outcome is not Outcome.OK:
            raise CliError(report.message, EXIT_FAILED)
        if report.attention:
            sys.stderr.write(
                f"fieldnote: {report.attention} change(s) need attention; open the app to fix "
                "or discard them.\n"
            )
            return EXIT_ATTENTION
        return EXIT_OK


def status_of(ctx: Any) -> dict[str, Any]:
    sync = SyncStore(ctx.store)
    waiting, attention = sync.counts()
    account = sync.account()
    return {
        "hub": account.hub_url if account else None,
        "user": account.email if account else None,
        "role": account.role if account else None,
        "signed_in": bool(ctx.store.get_state("signed_in", False)),
        "waiting": waiting,
        "needs_attention": attention,
        "last_sync": sync.last_synced_at(),
        "online": bool(ctx.store.get_state("online", False)),
    }


def run_status(args: argparse.Namespace) -> int:
    with cli_context(args, lock=False) as ctx:
        info = status_of(ctx)
    if args.json:
        sys.stdout.write(json.dumps(info, indent=2) + "\n")
        return EXIT_OK
    hub = info["hub"] or "none"
    who = f" as {info['user']}" if info["user"] else ""
    signed = "" if info["signed_in"] else " (signed out)"
    sys.stdout.write(
        f"hub: {hub}{who}{signed}\n"
        f"waiting: {info['waiting']}\n"
        f"needs attention: {info['needs_attention']}\n"
        f"last sync: {info['last_sync'] or 'never'}\n"
    )
    return EXIT_OK
