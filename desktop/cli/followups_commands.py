"""`fieldnote routing set|show` and `fieldnote followups`: the routing rules that choose a lead's
owner at the hub, and the signed-in user's leads waiting for their first contact.

The rules' format and the due times are `fieldnote.routing` and `fieldnote.followups`; this
module reads the file, asks the store and prints. Bad input is one line and changes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.cli import CliError
from desktop.cli.context import EXIT_REFUSED, cli_context, require_offer
from desktop.cli.tables import print_rows

EXIT_INPUT = 2  # the rule file itself is unusable (as for `debriefs add`)


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    routing = subparsers.add_parser(
        "routing", parents=[parent], help="show or set the lead routing rules",
        description="The rules that choose who owns a lead when it reaches the hub (first "
                    "match wins; without a match the capturing rep owns it).",
    )
    sub = routing.add_subparsers(dest="routing_command", metavar="ACTION")
    set_ = sub.add_parser(
        "set", parents=[parent], help="replace the rules with a JSON file (marketers, managers)",
        description='Replace the routing rules with FILE: [{"when": {"grade": "hot", '
                    '"country": "DE"}, "assign": "ana@example.com"}, ...]; conditions: grade, '
                    "country (ISO 3166 alpha-2), team, interest, event. Queued for the next sync.")
    set_.add_argument("file", metavar="FILE.json", help="the rules ('-' reads stdin)")
    set_.set_defaults(func=_set)
    show = sub.add_parser("show", parents=[parent], help="print the rules",
                          description="Print the routing rules this device holds.")
    show.add_argument("--json", action="store_true", help="the rules in the file format")
    show.set_defaults(func=_show)
    routing.set_defaults(func=lambda _args: _usage(routing))

    followups = subparsers.add_parser(
        "followups", parents=[parent], help="your leads waiting for their first contact",
        description="Your leads waiting for their first contact, oldest due first; each is due "
                    "its grade's service level (a hub setting) after capture.")
    followups.add_argument("--json", action="store_true",
                           help='a JSON array of {"id", "name", "company", "grade", "owner", '
                                '"due_at", "overdue"}')
    followups.add_argument("--overdue", action="store_true", help="only the overdue ones")
    followups.set_defaults(func=_followups)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    sys.stderr.write("fieldnote routing: choose an action: set or show\n")
    return EXIT_INPUT


def _read(name: str) -> str:
    try:
        if name == "-":
            return sys.stdin.read().removeprefix("\ufeff")
        return Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(f"{name}: no such file", EXIT_INPUT) from None
    except IsADirectoryError:
        raise CliError(f"{name} is a folder, not a JSON file", EXIT_INPUT) from None
    except UnicodeDecodeError:
        raise CliError(f"{name} is not UTF-8 text; save it as UTF-8 JSON", EXIT_INPUT) from None
    except OSError as exc:
        raise CliError(f"{name}: cannot read it ({exc.strerror or exc})", EXIT_INPUT) from None


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in str(text))


def _user(ctx: Any) -> dict[str, Any]:
    user = ctx.store.get_state("user") or {}
    return user if isinstance(user, dict) else {}


def _set(args: argparse.Namespace) -> int:
    from desktop.store.followups import FollowUpBook, emails_of
    from fieldnote.routing import RoutingError, load_rules

    try:
        rules = load_rules(_read(args.file))
    except RoutingError as exc:
        raise CliError(f"{args.file}: {_one_line(str(exc))}", EXIT_INPUT) from None
    with cli_context(args) as ctx:
        require_offer(ctx, "set the routing rules", "routing", "update")
        known = emails_of(ctx.store)
        for n, rule in enumerate(rules, start=1):
            if known and rule.assign not in known:
                raise CliError(f"{args.file}: Rule {n}: {_one_line(rule.assign)} is not an active "
                               "user of the hub (as of the last sync).", EXIT_INPUT)
        FollowUpBook(ctx.store).save_routing_rules(rules, str(_user(ctx).get("id") or ""))
    sys.stdout.write(f"Saved {len(rules)} routing rule(s); the hub applies them to leads that "
                     "reach it after the next sync.\n")
    return 0


def _show(args: argparse.Namespace) -> int:
    from desktop.store.followups import FollowUpBook
    from fieldnote.routing import dump_rules

    with cli_context(args, lock=False) as ctx:
        rules = dump_rules(FollowUpBook(ctx.store).routing_rules())
    if args.json:
        sys.stdout.write(json.dumps(rules, ensure_ascii=False, indent=2) + "\n")
    elif not rules:
        sys.stdout.write("No routing rules: every lead stays with the rep who captured it.\n")
    else:
        for n, rule in enumerate(rules, start=1):
            when = ", ".join(f"{k}={v}" for k, v in rule["when"].items()) or "any lead"
            sys.stdout.write(f"{n}. {when} -> {rule['assign']}\n")
    return 0


def _followups(args: argparse.Namespace) -> int:
    from desktop.store.followups import FollowUpBook

    with cli_context(args, lock=False) as ctx:
        user_id = str(_user(ctx).get("id") or "")
        if not user_id:
            raise CliError("Not signed in: run `fieldnote signin` and `fieldnote sync` first.",
                           EXIT_REFUSED)
        rows = FollowUpBook(ctx.store).for_owner(user_id, overdue_only=args.overdue)
    shown = [{**r, "overdue": "overdue" if r["overdue"] else ""} for r in rows]
    columns = (("due_at", "Due (UTC)", 20), ("overdue", "", 7), ("grade", "Grade", 5),
               ("name", "Name", 24), ("company", "Company", 24), ("id", "Id", 36))
    if args.json:
        return print_rows(rows, as_json=True, columns=columns, counted="", none="")
    return print_rows(shown, as_json=False, columns=columns, counted="lead(s) to follow up",
                      none="Nothing to follow up." if not args.overdue else "Nothing overdue.")
