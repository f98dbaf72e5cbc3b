"""`fieldnote events list`: the events this device knows, so their names and ids can be typed
into `leads import --event`, `insights --event` and the like. Reads only; never writes.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.cli.context import cli_context

# What `events list` shows of each event, as the store holds it (dates as YYYY-MM-DD, country
# as ISO 3166 alpha-2), in this order.
FIELDS = ("id", "name", "venue", "starts_on", "ends_on", "country", "campaign_code", "rubric_id")


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    events = subparsers.add_parser(
        "events", parents=[parent], help="list the events on this device",
        description="List the events on this device (synced from the hub or made here).",
    )
    sub = events.add_subparsers(dest="events_command", metavar="ACTION")
    lst = sub.add_parser("list", parents=[parent], help="list the events, newest first",
                         description="List the events on this device, newest start first.")
    lst.add_argument("--json", action="store_true",
                     help="a JSON array of objects: " + ", ".join(FIELDS))
    lst.set_defaults(func=_list)
    events.set_defaults(func=lambda _args: _usage(events))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    sys.stderr.write("fieldnote events: choose an action: list\n")
    return 2


def _list(args: argparse.Namespace) -> int:
    from desktop.store.leads import LeadBook

    with cli_context(args, lock=False) as ctx:
        rows = [{key: event.get(key) for key in FIELDS} for event in LeadBook(ctx.store).events()]
    if args.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not rows:
        sys.stdout.write("No events on this device yet; sync to get the team's events.\n")
        return 0
    sys.stdout.write(_table(rows))
    return 0


def _cell(value: Any, width: int) -> str:
    text = " ".join(str(value or "").split())
    return (text[: width - 1] + "…") if len(text) > width else text.ljust(width)


def _table(rows: list[dict[str, Any]]) -> str:
    name_width = min(40, max(len("Name"), *(len(str(r["name"] or "")) for r in rows)))
    cols = (("starts_on", "Starts", 10), ("ends_on", "Ends", 10), ("name", "Name", name_width),
            ("country", "Country", 7), ("campaign_code", "Campaign", 12), ("id", "Id", 36))
    lines = ["  ".join(_cell(title, w) for _, title, w in cols).rstrip(),
             "  ".join("-" * w for _, _, w in cols)]
    lines += ["  ".join(_cell(row.get(key), w) for key, _, w in cols).rstrip() for row in rows]
    lines.append(f"{len(rows)} event(s)")
    return "\n".join(lines) + "\n"
