"""`fieldnote events list`: the events this device knows, so their names and ids can be typed
into `leads import --event`, `insights --event` and the like. Reads only; never writes.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli.context import cli_context
from desktop.cli.tables import print_rows

# What `events list` shows of each event, as the store holds it (dates as YYYY-MM-DD, country
# as ISO 3166 alpha-2, cost in `cost_currency`, none: the team's), in this order.
FIELDS = ("id", "name", "venue", "starts_on", "ends_on", "country", "campaign_code", "rubric_id",
          "cost_amount", "cost_currency")


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
    name_width = min(40, max([len("Name"), *(len(str(r["name"] or "")) for r in rows)]))
    columns = (("starts_on", "Starts", 10), ("ends_on", "Ends", 10), ("name", "Name", name_width),
               ("country", "Country", 7), ("campaign_code", "Campaign", 12), ("id", "Id", 36))
    return print_rows(rows, as_json=args.json, columns=columns, counted="event(s)",
                      none="No events on this device yet; sync to get the team's events.")
