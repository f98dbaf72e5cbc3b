"""`fieldnote-hub`: serve the hub, migrate its database, manage users, seed demo data.

Every failure a person can fix (bad database URL, unreachable database, a file that is not a
database, a folder that cannot be made, duplicate user, weak password) ends with one clear
line on stderr and exit code 1, never a traceback. Only `migrate` and `serve` create or
upgrade a database; every other command needs one that is there and current, so that a typo
in `--db` never makes a new, empty hub.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import logging.config
import os
import socket
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from alembic.util.exc import CommandError
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from fieldnote import audit as audit_rules
from fieldnote.filemodes import private_dir
from fieldnote.kinds import ROLES
from fieldnote.money import SHARED_SETTINGS
from fieldnote.webhooks import EVENTS, WebhookError
from hub import accounts
from hub.authz import Actor
from hub.db.engine import DatabaseUnavailable, make_engine
from hub.db.migrate import current_revision, head_revision, known_revisions, upgrade
from hub.logs import LOG_FORMATS, LOG_LEVELS, json_log_config
from hub.passwords import password_problem
from hub.serving import ENV_HEADER_TIMEOUT, HEADER_TIMEOUT_S, server_options
from hub.settings import (
    ENV_BLOBS,
    ENV_DB,
    ENV_DB_POOL,
    ENV_HOST,
    ENV_LOG_FORMAT,
    ENV_LOG_LEVEL,
    ENV_PORT,
    ENV_TRUST_PROXY,
    ENV_WORKERS,
    resolve_blobs_dir,
    resolve_db_url,
    retention_first_problem,
)
from hub.shared_settings import ALL_SETTINGS
from hub.transfer import TransferError
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
    serve.add_argument("--host", default=os.environ.get(ENV_HOST) or "127.0.0.1",
                       help=f"address to listen on (default: ${ENV_HOST}, else 127.0.0.1)")
    serve.add_argument("--port", type=int, default=os.environ.get(ENV_PORT) or 8765,
                       help=f"port to listen on (default: ${ENV_PORT}, else 8765)")
    serve.add_argument("--blobs", metavar="DIR", help=f"blob directory (default: ${ENV_BLOBS})")
    serve.add_argument("--workers", type=_count, default=os.environ.get(ENV_WORKERS) or 1,
                       help=f"worker processes (default: ${ENV_WORKERS}, else 1)")
    serve.add_argument("--db-pool", metavar="N", type=_count,
                       default=os.environ.get(ENV_DB_POOL) or None,
                       help="the most database connections each worker opens (default: "
                            f"${ENV_DB_POOL}, else 30); workers x N must stay below the "
                            "database's max_connections")
    serve.add_argument("--log-level", type=_choice(LOG_LEVELS),
                       default=os.environ.get(ENV_LOG_LEVEL) or "info",
                       help=f"{', '.join(LOG_LEVELS)} (default: ${ENV_LOG_LEVEL}, else info)")
    serve.add_argument("--log-format", type=_choice(LOG_FORMATS),
                       default=os.environ.get(ENV_LOG_FORMAT) or "text",
                       help="text, or json: one JSON object a line on stdout (default: "
                            f"${ENV_LOG_FORMAT}, else text)")
    serve.add_argument("--trust-proxy", metavar="ADDR", action="append", default=None,
                       help="read the client address from X-Forwarded-For when the connection "
                            "comes from ADDR, the reverse proxy (repeat for several; default: "
                            f"${ENV_TRUST_PROXY}, addresses separated by commas, else trust "
                            "nobody)")
    serve.add_argument("--header-timeout", metavar="SECONDS", type=_seconds,
                       default=HEADER_TIMEOUT_S,
                       help="close a connection whose request headers take longer "
                            f"(default: {HEADER_TIMEOUT_S:g})")

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
    role = user_sub.add_parser(
        "role", parents=[common], help="give a user another role",
        description="Give a user another role. What they may see changes with it: their "
                    "device pulls everything again at its next sync.")
    role.add_argument("email")
    role.add_argument("role", choices=list(ROLES))

    settings = sub.add_parser(
        "settings", help="show or set the hub settings",
        description="Show or set the hub settings. Every device receives currency (the ISO "
        "4217 code amounts are shown in; default EUR) and service_level_hot, "
        "service_level_warm, service_level_cold (how long a lead of that grade may wait for "
        "its first contact; 24h, 72h, 7d by default) with its next sync. The hub's own: "
        "webhook_retry_first (the wait before a failed webhook delivery's first retry, "
        "doubling after each further failure; default 15s), webhook_retry_for (how long a "
        "delivery is retried before its webhook is disabled; default 24h), "
        "webhook_allow_private (yes: webhooks may post to private and link-local addresses; "
        "default no), retention_days (leads never qualified and never contacted are erased "
        "once captured more than this many days ago, see `retention run`; default off), "
        "share_link_days (how many days the links of mailed collateral work; "
        "default 30), public_url (the hub's address in those links, e.g. "
        "https://hub.example.com; empty: the address the sending device used).")
    settings_sub = settings.add_subparsers(dest="settings_command", required=True)
    settings_sub.add_parser("list", parents=[common], help="every setting with its value")
    get = settings_sub.add_parser("get", parents=[common], help="one setting's value")
    get.add_argument("key", choices=list(ALL_SETTINGS))
    put = settings_sub.add_parser("set", parents=[common], help="set a setting")
    put.add_argument("key", choices=list(ALL_SETTINGS))
    put.add_argument("value", help="for currency an ISO 4217 code, e.g. EUR, USD or GBP; "
                     "durations such as 15s, 2m, 24h (service levels: whole hours or days, "
                     "e.g. 24h or 7d); yes or no; retention_days: days, or off; "
                     "share_link_days: days; public_url: a URL")

    release = sub.add_parser(
        "release", help="show or set the desktop release this hub announces",
        description="The newest desktop version your company has published and where people "
        "get it. Desktops that are older show a notice with the link after their next sync; "
        "they never download anything by themselves.")
    release_sub = release.add_subparsers(dest="release_command", required=True)
    publish = release_sub.add_parser("set", parents=[common], help="announce a desktop release")
    publish.add_argument("version", metavar="VERSION", help="the version, e.g. 1.4.0")
    publish.add_argument("--url", required=True, help="the page where people get it")
    release_sub.add_parser("show", parents=[common], help="the announced release, if any")
    release_sub.add_parser("clear", parents=[common], help="announce no release")

    hook = sub.add_parser(
        "webhook", help="post the hub's events to other systems",
        description="Webhooks: the hub posts each event a webhook subscribes to as signed JSON "
        f"to its URL. Events: {', '.join(EVENTS)}.")
    hook_sub = hook.add_subparsers(dest="webhook_command", required=True)
    hook_add = hook_sub.add_parser(
        "add", parents=[common], help="add a webhook; prints its id and a new secret once")
    hook_add.add_argument("--url", required=True,
                          help="https URL to post to (http only to this machine, for testing)")
    hook_add.add_argument("--events", required=True, metavar="E1,E2",
                          help=f"events to send, separated by commas: {', '.join(EVENTS)}")
    hook_add.add_argument("--secret-stdin", action="store_true",
                          help="read the signing secret from one line of standard input "
                               "(default: make one and print it once)")
    hook_list = hook_sub.add_parser("list", parents=[common], help="every webhook")
    hook_list.add_argument("--json", action="store_true", help="one JSON array")
    hook_remove = hook_sub.add_parser(
        "remove", parents=[common], help="remove a webhook and its deliveries")
    hook_remove.add_argument("webhook_id", metavar="ID", help="its id (or a unique beginning)")
    hook_deliveries = hook_sub.add_parser(
        "deliveries", parents=[common], help="the newest deliveries and their state")
    hook_deliveries.add_argument("--json", action="store_true", help="one JSON array")
    hook_deliveries.add_argument("--failed", action="store_true",
                                 help="only those given up or waiting after a failed attempt")
    hook_deliveries.add_argument("--limit", type=_count, default=100,
                                 help="at most this many (default 100)")

    mail = sub.add_parser(
        "mail", help="the SMTP relay that mails collateral to visitors",
        description="Collateral a rep sends to a visitor is mailed by the hub through your "
        "company's SMTP relay, with a personal link per item (/s/TOKEN on this hub; the "
        "settings share_link_days and public_url). Only visitors who agreed to be contacted "
        "get mail.")
    mail_sub = mail.add_subparsers(dest="mail_command", required=True)
    mail_set = mail_sub.add_parser("set", parents=[common], help="set the relay")
    mail_set.add_argument("--host", required=True, help="the relay's host name or address")
    mail_set.add_argument("--port", required=True, type=int, help="its port, e.g. 587 or 25")
    mail_set.add_argument("--starttls", action="store_true",
                          help="switch to TLS with STARTTLS before signing in or sending")
    mail_set.add_argument("--user", help="the user name to sign in with (none: no sign-in)")
    mail_set.add_argument("--password-stdin", action="store_true",
                          help="read the relay password from one line of standard input "
                               "(kept on the hub, never shown again)")
    mail_set.add_argument("--from", dest="from_address", required=True, metavar="ADDR",
                          help="the sender address of the mails")
    mail_show = mail_sub.add_parser("show", parents=[common],
                                    help="the relay (whether a password is stored, not it)")
    mail_show.add_argument("--json", action="store_true", help="one JSON object")
    mail_queue = mail_sub.add_parser("queue", parents=[common],
                                     help="the mails of collateral sends and their state")
    mail_queue.add_argument("--json", action="store_true", help="one JSON array")
    mail_revoke = mail_sub.add_parser(
        "revoke", parents=[common], help="revoke the personal links of a send")
    mail_revoke.add_argument("send_id", metavar="SEND_ID", help="the send's id")
    mail_revoke.add_argument("--item", metavar="ITEM_ID",
                             help="only this collateral item's link")

    backup = sub.add_parser(
        "backup", parents=[common], help="write a backup archive of the hub",
        description="Write one consistent moment of the hub (every table, and the files its "
        "records name, with their sha256) to a tar.gz archive, while the hub keeps serving.")
    backup.add_argument("--blobs", metavar="DIR", help=f"blob directory (default: ${ENV_BLOBS})")
    backup.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the archive to write (FILE.tar.gz)")
    restore = sub.add_parser(
        "restore", parents=[common], help="restore a backup archive into an empty hub",
        description="Check every file of a backup archive, then restore it into an empty "
        "database and blob directory (stop the hub first). Devices notice the restored hub "
        "and send it what it lost at their next sync.")
    restore.add_argument("archive", metavar="FILE", help="the archive `backup` wrote")
    restore.add_argument("--blobs", metavar="DIR", help=f"blob directory (default: ${ENV_BLOBS})")
    restore.add_argument("--force", action="store_true",
                         help="replace everything in a database that is not empty")
    copy = sub.add_parser(
        "copy-data", help="copy a whole hub into another database (e.g. SQLite to PostgreSQL)",
        description="Copy every user, token, record, change and setting of one hub database "
        "into another, which is migrated first. Devices carry on with the new one without "
        "signing in again. The blob directory stays as it is: give the new hub the same one.")
    copy.add_argument("--from", dest="source", metavar="URL", required=True,
                      help="the database to copy (at the newest schema)")
    copy.add_argument("--to", dest="target", metavar="URL", required=True,
                      help="the database to copy into (created if need be)")
    copy.add_argument("--force", action="store_true",
                      help="replace everything in a target that is not empty")

    audit = sub.add_parser(
        "audit", help="read the audit log",
        description="The audit log: person exports and erasures, consent wording changes, "
        "user and role changes, setting changes and every export of leads made on a device. "
        "Entries are never changed or deleted.")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_list = audit_sub.add_parser("list", parents=[common], help="the entries, oldest first")
    audit_list.add_argument("--json", action="store_true", help="one JSON array on stdout")
    audit_list.add_argument("--since", metavar="DATE",
                            help="only entries at or after DATE (YYYY-MM-DD, or an ISO 8601 "
                                 "time; UTC)")
    person = sub.add_parser(
        "person", help="a person's data: export it, erase it",
        description="Everything the hub holds about one person (found by email address), as "
        "a JSON file, or erase it: the person's leads become anonymous stubs on the hub and on "
        "every device at its next sync.")
    person_sub = person.add_subparsers(dest="person_command", required=True)
    export = person_sub.add_parser("export", parents=[common],
                                   help="write everything held about a person to a JSON file")
    export.add_argument("--email", required=True, help="the person's email address")
    export.add_argument("-o", "--output", metavar="FILE", required=True,
                        help="the JSON file to write (FILE.json)")
    export.add_argument("--blobs", metavar="DIR", help=f"blob directory (default: ${ENV_BLOBS})")
    erase = person_sub.add_parser(
        "erase", parents=[common], help="erase a person everywhere (cannot be undone)",
        description="Remove a person's personal data from the hub and, at their next sync, "
        "from every device. Their leads stay as anonymous stubs (event, dates, grade, stage, "
        "outcome amounts), so Insights' figures do not change. The address is remembered as "
        "a salted hash: a lead of it sent later is refused until `person allow`.")
    erase.add_argument("--email", required=True, help="the person's email address")
    erase.add_argument("--yes", action="store_true", help="erase without asking (required)")
    erase.add_argument("--reason", metavar="TEXT",
                       help="why (e.g. the request's reference; no personal data)")
    erase.add_argument("--blobs", metavar="DIR", help=f"blob directory (default: ${ENV_BLOBS})")
    allow = person_sub.add_parser(
        "allow", parents=[common], help="accept leads of an erased address again",
        description="Forget that an address was erased, so that a lead of it (a refused "
        "import, a new capture with fresh consent) is accepted when sent again.")
    allow.add_argument("--email", required=True, help="the person's email address")

    retention = sub.add_parser(
        "retention", help="erase old leads nobody qualified or contacted",
        description="With the hub setting retention_days set (`settings set retention_days "
        "180`; off by default), leads never qualified and never contacted that were captured "
        "more than that many days ago are erased as `person erase` erases them: anonymous "
        "stubs on the hub and, at their next sync, on every device. `serve` runs this daily.")
    retention_sub = retention.add_subparsers(dest="retention_command", required=True)
    retention_run = retention_sub.add_parser(
        "run", parents=[common], help="erase what the rule erases now (--dry-run: list it)")
    retention_run.add_argument("--dry-run", action="store_true",
                               help="list what would be erased (ids, event, age) and erase "
                                    "nothing")
    retention_run.add_argument("--json", action="store_true", help="one JSON object on stdout")
    retention_run.add_argument("--blobs", metavar="DIR",
                               help=f"blob directory (default: ${ENV_BLOBS})")

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
    except DBAPIError as exc:
        _fail(f"Database error at {_where(args)}: {_first_line(exc.orig or exc)}")
    except CommandError as exc:
        _fail(f"Cannot migrate the database at {_where(args)}: {_first_line(exc)}")
    except OSError as exc:
        _fail(_os_error(exc))
    except accounts.AccountError as exc:
        _fail(str(exc))
    except TransferError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("Interrupted")
    return EXIT_FAILED


def _fail(message: str) -> None:
    sys.stderr.write(f"fieldnote-hub: {message}\n")


def _first_line(exc: BaseException | str) -> str:
    text = " ".join(str(exc).split("\n")[0].split())
    return text or type(exc).__name__


def _os_error(exc: OSError) -> str:
    where = f" {exc.filename}" if exc.filename else ""
    return f"Cannot create or open{where}: {exc.strerror or _first_line(exc)}"


def _where(args: argparse.Namespace) -> str:
    """The database a command works on, as a person reads it (no password)."""
    db_url = resolve_db_url(getattr(args, "db", None))
    path = _sqlite_path(db_url)
    return str(path) if path is not None else _redacted(db_url)


def _sqlite_path(db_url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases and unparsable URLs."""
    try:
        url = make_url(db_url)
    except ArgumentError:
        return None
    if url.get_backend_name() != "sqlite":
        return None
    return Path(url.database or ":memory:").expanduser()


def _open_created(db_url: str) -> Engine:
    """An engine on the database, created if need be and brought to the newest schema."""
    path = _sqlite_path(db_url)
    if path is not None:
        _refuse_non_sqlite(path)
    engine = make_engine(db_url)
    try:
        upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _open_existing(db_url: str) -> Engine:
    """An engine on a hub database that is there and at the newest schema; nothing is created
    or changed when it is not."""
    missing = (f"No hub database at {{where}}; check --db (or ${ENV_DB}), or create it with "
               f"`fieldnote-hub migrate`")
    path = _sqlite_path(db_url)
    if path is not None:
        if not path.is_file():
            raise CommandFailed(missing.format(where=path))
        _refuse_non_sqlite(path)
        # Read the version without the hub's engine, which would switch the file to WAL.
        revision = _sqlite_revision(path)
    engine = make_engine(db_url)
    try:
        if path is None:
            try:
                revision = current_revision(engine)
            except OperationalError as exc:
                raise DatabaseUnavailable(
                    f"Cannot reach the database: {_first_line(exc.orig or exc)}") from None
        where = str(path) if path is not None else _redacted(db_url)
        if revision is None:
            raise CommandFailed(missing.format(where=where))
        if revision != head_revision():
            if revision not in known_revisions():
                raise CommandFailed(
                    f"The hub database at {where} was written by a newer fieldnote-hub "
                    f"(schema {revision}); update fieldnote-hub to use it")
            raise CommandFailed(
                f"The hub database at {where} has an older schema; run `fieldnote-hub migrate` "
                "first")
    except BaseException:
        engine.dispose()
        raise
    return engine


def _refuse_non_sqlite(path: Path) -> None:
    """A file that is there but is no SQLite database is refused and left as it is."""
    if path.is_dir():
        raise CommandFailed(f"{path} is a folder, not a hub database")
    if not path.is_file() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise CommandFailed(f"{path} is not a hub database (not a SQLite file); it was left "
                            "as it is")


def _sqlite_revision(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            has_table = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                     "AND name = 'alembic_version'").fetchone()
            if has_table is None:
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise CommandFailed(f"{path} is not a usable hub database ({_first_line(exc)})"
                            ) from None
    return str(row[0]) if row else None


def _run(args: argparse.Namespace) -> int:
    command = args.command
    if command == "copy-data":
        return _copy_data(args)
    db_url = resolve_db_url(args.db)
    if command == "serve":
        return _serve(args, db_url)
    if command == "migrate":
        _open_created(db_url).dispose()
        sys.stdout.write("Database is at the newest schema.\n")
        return EXIT_OK
    if command == "restore":
        return _restore(args, db_url)
    if command == "person" and args.person_command == "erase" and not args.yes:
        _fail("erasing a person cannot be undone; add --yes to erase")
        return EXIT_USAGE
    engine = _open_existing(db_url)
    try:
        if command == "seed-demo":
            from hub.seed import seed_demo

            blobs_dir = resolve_blobs_dir(args.blobs)
            blobs_dir.mkdir(parents=True, exist_ok=True)
            report = seed_demo(db_url, blobs_dir)
            sys.stdout.write(
                f"Demo data: {report.users_added} users, {report.records_added} records, "
                f"{report.blobs_added} files added.\n"
            )
            return EXIT_OK
        if command == "backup":
            return _backup(args, engine)
        if command == "user":
            return _user(args, engine)
        if command == "settings":
            return _settings(args, engine)
        if command == "release":
            return _release(args, engine)
        if command == "webhook":
            return _webhook(args, engine)
        if command == "mail":
            return _mail(args, engine)
        if command == "audit":
            return _audit(args, engine)
        if command == "person":
            return _person(args, engine)
        if command == "retention":
            return _retention(args, engine)
    finally:
        engine.dispose()
    raise CommandFailed(f"Unknown command {command}")  # pragma: no cover - argparse stops it


def _backup(args: argparse.Namespace, engine: Engine) -> int:
    from hub import transfer

    blobs_dir = resolve_blobs_dir(args.blobs)
    output = Path(args.output)
    if output.is_dir():
        raise CommandFailed(f"{output} is a folder; name the archive to write")
    summary = transfer.backup(engine, blobs_dir, output)
    sys.stdout.write(f"Backup written to {output}: {summary.records} records, {summary.blobs} "
                     f"files, schema {summary.revision}.\n")
    if summary.missing_blobs:
        sys.stderr.write(f"fieldnote-hub: {len(summary.missing_blobs)} files the records name "
                         f"are missing or damaged in {blobs_dir} and are not in the backup "
                         f"(first: {summary.missing_blobs[0]})\n")
    return EXIT_OK


def _target_engine(db_url: str) -> Engine:
    """An engine on a database to write a whole hub into: created if need be, never one that
    is not a SQLite file."""
    path = _sqlite_path(db_url)
    if path is not None:
        _refuse_non_sqlite(path)
    return make_engine(db_url)


def _restore(args: argparse.Namespace, db_url: str) -> int:
    from hub import transfer

    archive = Path(args.archive)
    transfer.read_manifest(archive)  # a file that is no backup is refused before anything
    blobs_dir = resolve_blobs_dir(args.blobs)
    engine = _target_engine(db_url)
    try:
        summary = transfer.restore(archive, engine, blobs_dir, force=args.force,
                                   where=_where(args))
    finally:
        engine.dispose()
    sys.stdout.write(f"Restored {archive}: {summary.records} records, {summary.blobs} files "
                     "(every file's sha256 checked). Devices resync at their next sync.\n")
    return EXIT_OK


def _copy_data(args: argparse.Namespace) -> int:
    from hub import transfer

    source_url, target_url = resolve_db_url(args.source), resolve_db_url(args.target)
    if _redacted(source_url) == _redacted(target_url):
        raise CommandFailed("--from and --to name the same database")
    source = _open_existing(source_url)
    try:
        target = _target_engine(target_url)
        try:
            path = _sqlite_path(target_url)
            where = str(path) if path is not None else _redacted(target_url)
            summary = transfer.copy_data(source, target, force=args.force, where=where)
        finally:
            target.dispose()
    finally:
        source.dispose()
    sys.stdout.write(f"Copied {summary.records} records, {sum(summary.rows.values())} rows in "
                     f"all, into {where}. Serve the hub from it with the same blob "
                     "directory.\n")
    return EXIT_OK


def _user(args: argparse.Namespace, engine: Engine) -> int:
    sub = args.user_command
    if sub == "add":
        password = _read_password(args.password_stdin)
        problem = password_problem(password)
        if problem is not None:
            raise CommandFailed(problem)
        actor = accounts.add_user(
            engine, email=args.email, name=args.name, role=args.role, team=args.team,
            password=password,
        )
        _audit_user(engine, audit_rules.USER_ADD, actor)
        sys.stdout.write(f"Added {actor.email} ({actor.role}) with id {actor.id}\n")
        return EXIT_OK
    if sub == "list":
        for a in accounts.list_users(engine):
            state = "active" if a.active else "disabled"
            sys.stdout.write(f"{a.email}\t{a.name}\t{a.role}\t{a.team or '-'}\t{state}\n")
        return EXIT_OK
    if sub in ("disable", "enable"):
        actor = accounts.set_active(engine, args.email, sub == "enable")
        _audit_user(engine, audit_rules.USER_ENABLE if actor.active else audit_rules.USER_DISABLE,
                    actor)
        sys.stdout.write(f"{actor.email} is now {'active' if actor.active else 'disabled'}\n")
        return EXIT_OK
    if sub == "role":
        actor, before = accounts.set_role(engine, args.email, args.role)
        if before == actor.role:
            sys.stdout.write(f"{actor.email} is already {actor.role}; nothing changed\n")
            return EXIT_OK
        from hub import audit

        audit.record(engine, audit_rules.USER_ROLE,
                     details={"user_id": actor.id, "role": actor.role, "before": before})
        sys.stdout.write(f"{actor.email} is now {actor.role} (was {before}); their device "
                         "pulls everything again at its next sync\n")
        return EXIT_OK
    raise CommandFailed(f"Unknown user command {sub}")  # pragma: no cover


def _audit_user(engine: Engine, action: str, user: Actor) -> None:
    from hub import audit

    audit.record(engine, action, details={"user_id": user.id, "role": user.role})


def _settings(args: argparse.Namespace, engine: Engine) -> int:
    from hub import shared_settings

    sub = args.settings_command
    if sub == "set":
        try:
            value = shared_settings.set_shared_setting(engine, args.key, args.value)
        except ValueError as exc:
            raise CommandFailed(str(exc)) from None
        from hub import audit

        audit.record(engine, audit_rules.SETTING_CHANGE, details={"key": args.key, "value": value})
        if args.key in SHARED_SETTINGS:
            sys.stdout.write(f"{args.key} = {value} (devices receive it with their next sync)\n")
        else:
            sys.stdout.write(f"{args.key} = {value} (the hub's own; its workers read it at once)\n")
        return EXIT_OK
    values = shared_settings.all_settings(engine)
    if sub == "get":
        sys.stdout.write(f"{values[args.key]}\n")
        return EXIT_OK
    for key, value in values.items():
        sys.stdout.write(f"{key}\t{value}\n")
    return EXIT_OK


def _audit(args: argparse.Namespace, engine: Engine) -> int:
    from hub import audit

    since = None
    if args.since is not None:
        try:
            since = audit.parse_since(args.since)
        except ValueError as exc:
            raise CommandFailed(str(exc)) from None
    found = audit.entries(engine, since=since)
    if args.json:
        sys.stdout.write(json.dumps([e.as_json() for e in found], ensure_ascii=False) + "\n")
        return EXIT_OK
    for e in found:
        details = json.dumps(e.details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        sys.stdout.write(f"{e.at}\t{e.action}\t{e.actor or '-'}\t{e.via}\t{details}\n")
    sys.stdout.write(f"{len(found)} entries\n")
    return EXIT_OK


def _release(args: argparse.Namespace, engine: Engine) -> int:
    from hub import releases

    sub = args.release_command
    if sub == "set":
        try:
            release = releases.publish(engine, args.version, args.url)
        except ValueError as exc:
            raise CommandFailed(str(exc)) from None
        sys.stdout.write(f"Desktop release {release.version} at {release.url} (older desktops "
                         "show it after their next sync)\n")
        return EXIT_OK
    if sub == "clear":
        releases.withdraw(engine)
        sys.stdout.write("No desktop release is announced.\n")
        return EXIT_OK
    current = releases.published_release(engine)
    sys.stdout.write(f"{current.version}\t{current.url}\n" if current else "none\n")
    return EXIT_OK


def _webhook(args: argparse.Namespace, engine: Engine) -> int:
    from hub import webhooks

    sub = args.webhook_command
    try:
        if sub == "add":
            secret = _read_line("secret") if args.secret_stdin else None
            added = webhooks.add_webhook(engine, args.url, args.events, secret)
            sys.stdout.write(f"Added webhook {added.id}\n")
            if added.generated:
                sys.stdout.write(f"Secret (shown only now): {added.secret}\n")
            return EXIT_OK
        if sub == "remove":
            removed = webhooks.remove_webhook(engine, args.webhook_id)
            sys.stdout.write(f"Removed webhook {removed} and its deliveries\n")
            return EXIT_OK
    except (WebhookError, webhooks.WebhookNotFound) as exc:
        raise CommandFailed(exc.args[0] if exc.args else str(exc)) from None
    if sub == "list":
        hooks = webhooks.list_webhooks(engine)
        if args.json:
            sys.stdout.write(json.dumps(hooks, ensure_ascii=False) + "\n")
            return EXIT_OK
        for h in hooks:
            state = "active" if h["active"] else f"disabled: {h['disabled_reason']}"
            sys.stdout.write(f"{h['id']}\t{h['url']}\t{','.join(h['events'])}\t{state}\t"
                             f"pending {h['pending']}, delivered {h['delivered']}, failed "
                             f"{h['failed']}\n")
        if not hooks:
            sys.stdout.write("No webhooks.\n")
        return EXIT_OK
    rows = webhooks.list_deliveries(engine, failed=args.failed, limit=args.limit)
    if args.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return EXIT_OK
    for r in rows:
        result = r["last_error"] or (f"HTTP {r['last_status']}" if r["last_status"] else "-")
        when = r["next_attempt_at"] or r["delivered_at"] or r["last_attempt_at"] or "-"
        sys.stdout.write(f"{r['id']}\t{r['type']}\t{r['state']}\t{r['attempts']}\t{result}"
                         f"\t{when}\t{r['webhook_id']}\n")
    sys.stdout.write(f"{len(rows)} deliveries\n")
    return EXIT_OK


def _mail(args: argparse.Namespace, engine: Engine) -> int:
    from fieldnote.sending import SendError, relay_config
    from hub import mailing

    sub = args.mail_command
    if sub == "set":
        if args.password_stdin and not args.user:
            raise CommandFailed("A password goes with a user name: add --user")
        try:
            config = relay_config(args.host, args.port, args.starttls, args.user,
                                  args.from_address)
        except SendError as exc:
            raise CommandFailed(str(exc)) from None
        password = _read_password(args.password_stdin) if config.user else None
        mailing.set_relay(engine, config, password)
        sys.stdout.write(f"Mail relay {config.host}:{config.port}"
                         f"{' with STARTTLS' if config.starttls else ''}, from "
                         f"{config.from_address}"
                         f"{f', signing in as {config.user}' if config.user else ''}.\n")
        return EXIT_OK
    if sub == "show":
        shown = mailing.show_relay(engine)
        if args.json:
            sys.stdout.write(json.dumps(shown, ensure_ascii=False) + "\n")
        elif shown is None:
            sys.stdout.write("No mail relay is set (fieldnote-hub mail set).\n")
        else:
            for key in ("host", "port", "starttls", "user", "from", "password"):
                value = shown[key]
                text = ("yes" if value else "no") if key == "starttls" else (
                    "-" if value is None else str(value))
                sys.stdout.write(f"{key}\t{text}\n")
        return EXIT_OK
    if sub == "queue":
        rows = mailing.outbox_rows(engine)
        if args.json:
            sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
            return EXIT_OK
        for r in rows:
            sys.stdout.write(f"{r['send_id']}\t{r['state']}\t{r['attempts']}\t"
                             f"{r['sent_at'] or r['created_at']}\t{r['last_error'] or '-'}\n")
        sys.stdout.write(f"{len(rows)} mails\n")
        return EXIT_OK
    try:
        done = mailing.revoke(engine, None, args.send_id, args.item)
    except mailing.NotFound:
        raise CommandFailed(f"No collateral send {args.send_id!r}") from None
    sys.stdout.write(f"Revoked {done['revoked']} link(s) of send {done['id']}.\n")
    return EXIT_OK


def _read_line(what: str) -> str:
    line = sys.stdin.readline()
    if line.endswith("\n"):
        line = line[:-1]
        if line.endswith("\r"):
            line = line[:-1]
    if not line:
        raise CommandFailed(f"No {what} on standard input")
    return line


def _person(args: argparse.Namespace, engine: Engine) -> int:
    from hub import audit, privacy

    sub = args.person_command
    try:
        if sub == "export":
            return _person_export(args, engine)
        if sub == "erase":
            report = privacy.erase_person(engine, args.email, by="command line",
                                          reason=args.reason,
                                          blobs_dir=resolve_blobs_dir(args.blobs))
            audit.record(engine, audit_rules.PERSON_ERASE,
                         details={"leads": len(report.leads), "lead_ids": report.leads})
            if report.leads:
                sys.stdout.write(
                    f"Erased {len(report.leads)} leads of this person ({report.outcomes} "
                    f"outcomes, {report.debriefs} debriefs, {report.comments} comments "
                    f"cleaned; {report.attachments} voice notes and photos deleted; "
                    f"{report.files_removed} files removed). Devices drop the "
                    "person's data at their next sync.\n")
            else:
                sys.stdout.write("The hub holds no lead of this address; it is remembered as "
                                 "erased, so a lead of it sent later is refused.\n")
            return EXIT_OK
        if sub == "allow":
            count = privacy.allow_person(engine, args.email)
            sys.stdout.write("Leads of this address are accepted again.\n" if count else
                             "This address was not erased; nothing changed.\n")
            return EXIT_OK
    except privacy.PersonError as exc:
        raise CommandFailed(str(exc)) from None
    raise CommandFailed(f"Unknown person command {sub}")  # pragma: no cover


def _person_export(args: argparse.Namespace, engine: Engine) -> int:
    import json

    from hub import audit, privacy

    output = Path(args.output)
    if output.is_dir():
        raise CommandFailed(f"{output} is a folder; name the JSON file to write")
    document = privacy.export_person(engine, args.email, resolve_blobs_dir(args.blobs))
    data = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    partial = output.with_name(output.name + ".part")
    # Written whole or not at all, readable by its owner only: it is the person's data.
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(data)
    os.replace(partial, output)
    leads = len(document["leads"])
    audit.record(engine, audit_rules.PERSON_EXPORT,
                 details={"leads": leads, "lead_ids": [lead["id"] for lead in document["leads"]]})
    sys.stdout.write(f"Wrote {output}: {leads} leads"
                     + (" (the hub holds nothing about this address)" if not leads else "")
                     + ".\n")
    return EXIT_OK


def _retention(args: argparse.Namespace, engine: Engine) -> int:
    from hub import retention

    report = retention.run(engine, dry_run=args.dry_run,
                           blobs_dir=None if args.dry_run else resolve_blobs_dir(args.blobs))
    if args.json:
        sys.stdout.write(json.dumps(report.as_json(), sort_keys=True) + "\n")
        return EXIT_OK
    if report.days is None:
        sys.stdout.write("Retention is off; nothing is erased. Turn it on with `fieldnote-hub "
                         "settings set retention_days DAYS`.\n")
        return EXIT_OK
    for due in report.due:
        sys.stdout.write(f"{due.id}\tevent {due.event_id or '-'}\t{due.age_days} days\n")
    count = len(report.due)
    rule = (f"never qualified, never contacted, captured more than {report.days} days ago")
    if args.dry_run:
        sys.stdout.write(f"{count} leads would be erased ({rule}); nothing was erased.\n")
    elif report.erased is None:
        sys.stdout.write(f"No lead is due for erasure ({rule}).\n")
    else:
        e = report.erased
        sys.stdout.write(
            f"Erased {len(e.leads)} leads ({rule}; {e.outcomes} outcomes, {e.debriefs} "
            f"debriefs, {e.comments} comments cleaned; {e.files_removed} files removed). "
            "Devices drop them at their next sync.\n")
    return EXIT_OK


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
    problem = retention_first_problem()
    if problem is not None:
        raise CommandFailed(problem)
    # The blob folder and the address first: a hub that cannot keep files or listen must not
    # create its database.
    private_dir(blobs_dir)
    _check_address(args.host, args.port)
    _open_created(db_url).dispose()
    trust_proxy = args.trust_proxy
    if trust_proxy is None:
        trust_proxy = os.environ.get(ENV_TRUST_PROXY, "").replace(",", " ").split()
    logging_options: dict[str, Any] = {}
    if args.log_format == "json":
        config = json_log_config(args.log_level)
        logging.config.dictConfig(config)
        logging_options["log_config"] = config
    # Worker processes build their app from the environment; so does this one.
    os.environ[ENV_DB] = db_url
    os.environ[ENV_BLOBS] = str(blobs_dir)
    os.environ[ENV_HEADER_TIMEOUT] = str(args.header_timeout)
    if args.db_pool is not None:
        os.environ[ENV_DB_POOL] = str(args.db_pool)
    else:
        os.environ.pop(ENV_DB_POOL, None)
    log.info("Fieldnote hub %s on http://%s:%d (database %s, files in %s)", app_version(),
             args.host, args.port, _redacted(db_url), blobs_dir)
    uvicorn.run(
        "hub.api.app:create_app_from_env", factory=True, host=args.host, port=args.port,
        workers=args.workers, log_level=args.log_level,
        **server_options(trust_proxy), **logging_options,
    )
    return EXIT_OK


def _check_address(host: str, port: int) -> None:
    """Refuse an address the server could not listen on, in one line, before it starts (its
    own answer is several log lines and exit code 3)."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or _first_line(exc)
        raise CommandFailed(f"Cannot listen on {host}:{port}: {reason}") from None
    with socket.socket(family, kind, proto) as probe:
        # As the server does, so that a port in TIME_WAIT after a restart counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise CommandFailed(
                f"Cannot listen on {host}:{port}: {exc.strerror or _first_line(exc)}") from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 0 < value <= 1000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 1 to 1000")
    return value


def _choice(choices: Sequence[str]) -> Callable[[str], str]:
    """An argparse type that checks a value against `choices`, so that a default taken from
    the environment is checked too (argparse checks `choices` only on the command line)."""
    def check(text: str) -> str:
        value = text.strip().lower()
        if value not in choices:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not one of {', '.join(choices)}")
        return value
    return check


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0 to 3600)")
    return value


def _redacted(db_url: str) -> str:
    try:
        return make_url(db_url).render_as_string(hide_password=True)
    except ArgumentError:
        return db_url
