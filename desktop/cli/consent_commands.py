"""`fieldnote leads consent wording show|list|set` and `fieldnote leads consent withdraw`:
marketing's consent wording, and a visitor's withdrawal of consent, without the window.

Writes go through the store (record plus outbox) and reach the hub at the next sync; what the
hub would refuse (a rep changing the wording) is refused up front with exit 3. Failures end as
one clear line and a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.cli import CliError
from desktop.cli.context import CliContext, cli_context, require_offer
from desktop.cli.tables import print_rows
from fieldnote.consent import UNSPECIFIED, withdrawal
from fieldnote.kinds import CONSENT_METHODS, TEXT_MAX
from fieldnote.roles import Op

# What `wording show` and `wording list --json` give of each wording, in this order.
FIELDS = ("id", "name", "version", "is_default", "text")
DEFAULT_NAME = "Consent to be contacted"


def register(actions: Any, parent: argparse.ArgumentParser) -> None:
    consent = actions.add_parser(
        "consent", parents=[parent], help="the consent wording, and withdrawals of consent",
        description="Show or set marketing's consent wording (the sentence visitors agree to), "
                    "or record that a visitor withdrew consent.",
    )
    sub = consent.add_subparsers(dest="consent_action", metavar="ACTION")

    wording = sub.add_parser(
        "wording", parents=[parent], help="show, list or set the consent wording",
        description="Marketing's consent wordings: each change of a wording's text is its next "
                    "version, and leads keep the version their visitor agreed to.",
    )
    wsub = wording.add_subparsers(dest="wording_action", metavar="ACTION")
    show = wsub.add_parser(
        "show", parents=[parent], help="the wording visitors agree to",
        description="Show the wording visitors agree to: the event's own, else the default.")
    show.add_argument("--event", metavar="NAME_OR_ID", help="at this event")
    show.add_argument("--json", action="store_true",
                      help="one JSON object: " + ", ".join(FIELDS))
    show.set_defaults(func=run_show)
    lst = wsub.add_parser("list", parents=[parent], help="every wording on this device",
                          description="List every consent wording on this device.")
    lst.add_argument("--json", action="store_true",
                     help="a JSON array of objects: " + ", ".join(FIELDS))
    lst.set_defaults(func=run_list)
    put = wsub.add_parser(
        "set", parents=[parent], help="create a wording or change its text (marketers, admins)",
        description="Create a consent wording, or give an existing one (--id, or the same "
                    "--name) a new text: its next version. Marketers and administrators only; "
                    "it reaches the hub and every device at the next sync.")
    text = put.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", help="the wording")
    text.add_argument("--file", type=Path, metavar="FILE", help="read the wording from FILE (UTF-8)")
    put.add_argument("--name", help=f"the wording's name (a new one: {DEFAULT_NAME!r})")
    put.add_argument("--id", dest="wording", metavar="NAME_OR_ID",
                     help="change this wording (its id or name)")
    put.add_argument("--default", action="store_true",
                     help="make it the default wording (used where an event names none)")
    put.add_argument("--event", metavar="NAME_OR_ID",
                     help="make it the wording of this event (marketers)")
    put.set_defaults(func=run_set)
    wording.set_defaults(func=lambda _args: _usage(wording, "show, list or set"))

    withdraw = sub.add_parser(
        "withdraw", parents=[parent], help="record that a visitor withdrew consent",
        description="Record that the visitor with this email withdrew consent to be contacted, "
                    "on every lead of theirs on this device that has consent. The consent stays "
                    "in each lead's history; the withdrawal ends marketing follow-up.")
    withdraw.add_argument("--email", required=True, help="the visitor's email address")
    withdraw.add_argument("--method", choices=CONSENT_METHODS, default=UNSPECIFIED,
                          help="how the withdrawal was received (default: unspecified)")
    withdraw.set_defaults(func=run_withdraw)
    consent.set_defaults(func=lambda _args: _usage(consent, "wording or withdraw"))


def _usage(parser: argparse.ArgumentParser, actions: str) -> int:
    parser.print_usage(sys.stderr)
    sys.stderr.write(f"{parser.prog}: choose an action: {actions}\n")
    return 2


def _row(wording: dict[str, Any]) -> dict[str, Any]:
    return {key: wording.get(key) for key in FIELDS}


def _event(ctx: CliContext, name_or_id: str) -> dict[str, Any]:
    from desktop.cli.leads_commands import find_event
    from desktop.store.leads import LeadBook

    book = LeadBook(ctx.store)
    try:
        return find_event(book, name_or_id)
    finally:
        book.dispose()


def run_show(args: argparse.Namespace) -> int:
    from desktop.store.consent import ConsentBook

    with cli_context(args, lock=False) as ctx:
        event = _event(ctx, args.event) if args.event else None
        wording = ConsentBook(ctx.store).current(event)
    if wording is None:
        raise CliError("No consent wording on this device yet; marketing sets one with "
                       "`fieldnote leads consent wording set`, and a sync brings it.")
    if args.json:
        sys.stdout.write(json.dumps(_row(wording), ensure_ascii=False) + "\n")
        return 0
    default = ", the default" if wording.get("is_default") else ""
    sys.stdout.write(f"{wording.get('name')} (version {wording.get('version')}{default}; "
                     f"id {wording['id']}):\n{wording.get('text')}\n")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from desktop.store.consent import ConsentBook

    with cli_context(args, lock=False) as ctx:
        rows = [_row(w) for w in ConsentBook(ctx.store).wordings()]
    columns = (("name", "Name", 30), ("version", "Version", 7), ("is_default", "Default", 7),
               ("id", "Id", 36), ("text", "Text", 40))
    return print_rows(rows, as_json=args.json, columns=columns, counted="wording(s)",
                      none="No consent wordings on this device yet; sync to get marketing's.")


def _text(args: argparse.Namespace) -> str:
    text: str
    if args.file is not None:
        path: Path = args.file
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"Cannot read {path}: {getattr(exc, 'strerror', None) or exc}.",
                           2) from None
    else:
        text = str(args.text)
    text = text.strip()
    if not text:
        raise CliError("The consent wording is empty; give the sentence visitors agree to.", 2)
    if len(text) > TEXT_MAX:
        raise CliError(f"The consent wording is {len(text)} characters; at most {TEXT_MAX}.", 2)
    return text


def run_set(args: argparse.Namespace) -> int:
    from desktop.store.consent import ConsentBook

    text = _text(args)
    with cli_context(args) as ctx:
        book = ConsentBook(ctx.store)
        existing = book.find_wording(args.wording or args.name) \
            if (args.wording or args.name) else None
        if args.wording and existing is None:
            raise CliError(f"No consent wording named or with the id {args.wording!r} on this "
                           "device (`fieldnote leads consent wording list` lists them).")
        fields: dict[str, Any] = {"text": text}
        if existing is None:
            fields["name"] = (args.name or "").strip() or DEFAULT_NAME
        elif args.name and args.wording:
            fields["name"] = args.name.strip()  # --id and --name: a new name too
        if args.default:
            fields["is_default"] = True
        op: Op = "update" if existing is not None else "create"
        require_offer(ctx, "change the consent wording", "consent_wording", op, existing, fields)
        event = _event(ctx, args.event) if args.event else None
        user = ctx.store.get_state("user") or {}
        uid = user.get("id") if isinstance(user, dict) else None
        if event is not None:
            # The wording it will name is saved just below.
            require_offer(ctx, "set an event's consent wording", "event", "update", event, {})
        result = book.save_wording(fields, existing["id"] if existing else None, author_id=uid)
        if event is not None:
            ctx.store.save("event", {"consent_wording_id": result.record_id}, event["id"])
        saved = book.wording(result.record_id) or {}
    where = f"; {event.get('name')} uses it" if event is not None else ""
    default = "; the default wording" if saved.get("is_default") else ""
    sys.stdout.write(f"Saved consent wording {saved.get('name')!r}, version "
                     f"{saved.get('version')} (id {result.record_id}){default}{where}. It reaches "
                     "the hub at the next sync.\n")
    return 0


def run_withdraw(args: argparse.Namespace) -> int:
    from desktop.store.consent import ConsentBook

    email = args.email.strip()
    if "@" not in email:
        raise CliError(f"{email!r} is not an email address.", 2)
    withdrawn = refused = without = 0
    with cli_context(args) as ctx:
        book = ConsentBook(ctx.store)
        leads = book.leads_of(email)
        if not leads:
            raise CliError(f"No lead with the email {email} on this device.")
        for lead in leads:
            if lead.get("consent_contact") is not True:
                without += 1
                continue
            try:
                require_offer(ctx, "withdraw this lead's consent", "lead", "update", lead,
                              withdrawal("2000-01-01T00:00:00Z", args.method))
            except CliError as exc:
                sys.stderr.write(f"lead {lead['id']}: {exc}\n")
                refused += 1
                continue
            book.withdraw(lead["id"], args.method)
            withdrawn += 1
    if withdrawn:
        sys.stdout.write(f"Withdrew consent on {withdrawn} lead(s) of {email}; the consent stays "
                         "in their history and the withdrawal reaches the hub at the next sync.\n")
    if without:
        sys.stdout.write(f"{without} lead(s) of {email} had no consent to withdraw.\n")
    if refused and not withdrawn:
        return 3
    return 0
