"""`fieldnote-hub`: serve the hub, migrate its database, manage users, seed demo data.

Every failure a person can fix (bad database URL, unreachable database, duplicate user)
ends with one clear line on stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Sequence

from sqlalchemy.exc import OperationalError, ProgrammingError

from fieldnote.kinds import ROLES
from hub import accounts
from hub.db.engine import DatabaseUnavailable, make_engine
from hub.db.migrate import upgrade
from hub.settings import ENV_BLOBS, ENV_DB, resolve_blobs_dir, resolve_db_url
from resources.version import app_version

log = logging.getLogger("hub")

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CommandFailed(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fieldnote-hub", description="The Fieldnote hub: the endpoint desktops sync with."
    )
    parser.add_argument("--version", action="version", version=f"fieldnote-hub {app_version()}")
    db_help = f"database URL (default: ${ENV_DB}, else a SQLite file in the user data dir)"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", help=db_help)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", parents=[common], help="run the hub")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--blobs", metavar="DIR", help=f"blob directory (default: ${ENV_BLOBS})")
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--log-level", default="info",
                       choices=["critical", "error", "warning", "info", "debug"])

    sub.add_parser("migrate", parents=[common], help="bring the database to the newest schema")

    user = sub.add_parser("user", help="manage users")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", parents=[common], help="add a user")
    add.add_argument("--email", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=list(ROLES))
    add.add_argument("--team")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from one line of standard input")
    user_sub.add_parser("list", parents=[common], help="list users")
    disable = user_sub.add_parser("disable", parents=[common], help="disable a user at once")
    disable.add_argument("email")
    enable = user_sub.add_parser("enable", parents=[common], help="enable a disabled user")
    enable.add_argument("email")

    seed = sub.add_parser("seed-demo", parents=[common], help="add demo users and data")
    seed.add_argument("--blobs", metavar="DIR", help=f"blob directory (default: ${ENV_BLOBS})")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        return _run(args)
    except CommandFailed as exc:
        _fail(str(exc))
    except DatabaseUnavailable as exc:
        _fail(str(exc))
    except (OperationalError, ProgrammingError) as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        _fail(f"Database error: {reason}")
    except accounts.AccountError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("Interrupted")
    return EXIT_FAILED


def _fail(message: str) -> None:
    sys.stderr.write(f"fieldnote-hub: {message}\n")


def _run(args: argparse.Namespace) -> int:
    db_url = resolve_db_url(args.db)
    command = args.command
    if command == "serve":
        return _serve(args, db_url)
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        if command == "migrate":
            sys.stdout.write("Database is at the newest schema.\n")
            return EXIT_OK
        if command == "seed-demo":
            from hub.seed import seed_demo

            report = seed_demo(db_url, resolve_blobs_dir(args.blobs))
            sys.stdout.write(
                f"Demo data: {report.users_added} users, {report.records_added} records, "
                f"{report.blobs_added} files added.\n"
            )
            return EXIT_OK
        if command == "user":
            return _user(args, engine)
    finally:
        engine.dispose()
    raise CommandFailed(f"Unknown command {command}")  # pragma: no cover - argparse stops it


def _user(args: argparse.Namespace, engine: object) -> int:
    sub = args.user_command
    if sub == "add":
        password = _read_password(args.password_stdin)
        actor = accounts.add_user(
            engine, email=args.email, name=args.name, role=args.role, team=args.team,  # type: ignore[arg-type]
            password=password,
        )
        sys.stdout.write(f"Added {actor.email} ({actor.role}) with id {actor.id}\n")
        return EXIT_OK
    if sub == "list":
        for a in accounts.list_users(engine):  # type: ignore[arg-type]
            state = "active" if a.active else "disabled"
            sys.stdout.write(f"{a.email}\t{a.name}\t{a.role}\t{a.team or '-'}\t{state}\n")
        return EXIT_OK
    if sub in ("disable", "enable"):
        actor = accounts.set_active(engine, args.email, sub == "enable")  # type: ignore[arg-type]
        sys.stdout.write(f"{actor.email} is now {'active' if actor.active else 'disabled'}\n")
        return EXIT_OK
    raise CommandFailed(f"Unknown user command {sub}")  # pragma: no cover


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        # Only the line break ends the password; every other character is part of it.
        if line.endswith("\n"):
            line = line[:-1]
            if line.endswith("\r"):
                line = line[:-1]
        if not line:
            raise CommandFailed("No password on standard input")
        return line
    if not sys.stdin.isatty():
        raise CommandFailed("No terminal to ask for a password; use --password-stdin")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise CommandFailed("The passwords differ")
    if not first:
        raise CommandFailed("The password must not be empty")
    return first


def _serve(args: argparse.Namespace, db_url: str) -> int:
    import uvicorn

    blobs_dir = resolve_blobs_dir(args.blobs)
    engine = make_engine(db_url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    # Worker processes build their app from the environment; so does this one.
    os.environ[ENV_DB] = db_url
    os.environ[ENV_BLOBS] = str(blobs_dir)
    log.info("Fieldnote hub %s on http://%s:%d (database %s, files in %s)", app_version(),
             args.host, args.port, _redact(db_url), blobs_dir)
    uvicorn.run(
        "hub.api.app:create_app_from_env", factory=True, host=args.host, port=args.port,
        workers=max(1, args.workers), log_level=args.log_level, proxy_headers=True,
    )
    return EXIT_OK


def _redact(db_url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(db_url).render_as_string(hide_password=True)
