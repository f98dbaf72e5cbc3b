"""`fieldnote insights`: the Insights page's figures as JSON or text, and its PDF report.

Reads the local cache only (no network, no instance lock, no writes); bad filters end as one
clear line and a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.cli import CliError
from desktop.cli.context import cli_context
from fieldnote.insights import BESIDE_CHAIN, CHAIN, FilterError, InsightFilters, parse_filter_date
from fieldnote.money import DEFAULT_CURRENCY

USAGE_ERROR = 2


def _filter_options() -> argparse.ArgumentParser:
    # SUPPRESS defaults, so options given before `export` survive the subcommand's parsing.
    options = argparse.ArgumentParser(add_help=False)
    group = options.add_argument_group("filters")
    group.add_argument("--event", action="append", metavar="NAME_OR_ID", default=argparse.SUPPRESS,
                       help="only this event (name or id; repeat for several)")
    group.add_argument("--from", dest="date_from", metavar="DATE", default=argparse.SUPPRESS,
                       help="first day (YYYY-MM-DD): lead capture, collateral use, debrief call date")
    group.add_argument("--to", dest="date_to", metavar="DATE", default=argparse.SUPPRESS,
                       help="last day (YYYY-MM-DD), inclusive")
    group.add_argument("--team", metavar="TEAM", default=argparse.SUPPRESS,
                       help="only leads owned by, and records written by, this team")
    group.add_argument("--rep", metavar="NAME_OR_ID", default=argparse.SUPPRESS,
                       help="only this rep's leads and records")
    return options


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    filters = _filter_options()
    insights = subparsers.add_parser(
        "insights",
        parents=[parent, filters],
        help="funnels, collateral effectiveness and voice of the customer from the local data",
        description=(
            "Print the Insights figures computed from the local data. Dates apply to a lead's "
            "capture day for the funnel and rubric check, to a use's day for collateral use, "
            "and to a debrief's call date for helped votes, objections and competitors."
        ),
    )
    insights.add_argument("--json", action="store_true", help="print every figure as JSON")
    insights.set_defaults(func=run_figures)
    actions = insights.add_subparsers(dest="insights_action", metavar="ACTION")
    export = actions.add_parser(
        "export", parents=[parent, filters], help="write the Insights report to a file"
    )
    export.add_argument("--format", choices=("pdf",), default="pdf", help="report format (pdf)")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help="where to write the report")
    export.set_defaults(func=run_export)


def filters_from_args(args: argparse.Namespace, queries: Any) -> InsightFilters:
    """The filters the options ask for, with events and reps looked up in the local data."""
    try:
        date_from = parse_filter_date(args.date_from, "start date") if getattr(args, "date_from", None) else None
        date_to = parse_filter_date(args.date_to, "end date") if getattr(args, "date_to", None) else None
        event_ids: list[str] = []
        for wanted in getattr(args, "event", None) or []:
            found = queries.resolve_events(wanted)
            if not found:
                known = ", ".join(sorted({e["name"] for e in queries.choices()["events"]})) or "none"
                raise CliError(f"No event named or with id {wanted!r} in the local data "
                               f"(known events: {known}).")
            event_ids.extend(e["id"] for e in found if e["id"] not in event_ids)
        rep_id = None
        rep = getattr(args, "rep", None)
        if rep:
            users = queries.choices()["users"]
            match = [u for u in users if u["id"] == rep or u["name"].lower() == rep.strip().lower()]
            if not match:
                raise CliError(f"No user named or with id {rep!r} in the local data.")
            rep_id = match[0]["id"]
        return InsightFilters(date_from=date_from, date_to=date_to,
                              team=getattr(args, "team", None) or None, rep_id=rep_id,
                              event_ids=tuple(event_ids))
    except FilterError as exc:
        raise CliError(str(exc), USAGE_ERROR) from None


def _compute(args: argparse.Namespace, *, report: bool = False) -> dict[str, Any]:
    from desktop.store.insights import InsightsQueries

    with cli_context(args, lock=False, report=report) as ctx:
        queries = InsightsQueries(ctx.store.engine)
        try:
            return queries.compute(filters_from_args(args, queries))
        finally:
            queries.dispose()


def run_figures(args: argparse.Namespace) -> int:
    figures = _compute(args)
    if args.json:
        sys.stdout.write(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(_text_summary(figures))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from desktop.reports.insights import build_report

    output = args.output.expanduser()
    if not output.parent.is_dir():
        raise CliError(f"Cannot write the report: {output.parent} does not exist.")
    figures = _compute(args, report=True)
    try:
        pdf = build_report(figures)
    except ValueError as exc:
        raise CliError(f"Could not build the report: {exc}") from None
    tmp = output.with_name(output.name + ".part")
    try:
        tmp.write_bytes(pdf)
        tmp.replace(output)
    except OSError as exc:
        raise CliError(f"Cannot write the report to {output}: {exc.strerror or exc}") from None
    sys.stdout.write(f"Wrote {output} ({len(pdf):,} bytes)\n")
    return 0


def _text_summary(figures: dict[str, Any]) -> str:
    lines = ["Funnel by event:"]
    columns = (*CHAIN, "won_amount", *BESIDE_CHAIN)
    currency = figures.get("currency") or DEFAULT_CURRENCY

    def cell(f: dict[str, Any], key: str) -> str:
        # Amounts carry their currency (a hub setting); counts are bare.
        return f"{f[key]} {currency}" if key == "won_amount" else str(f[key])

    widths = {key: 15 if key == "won_amount" else 11 for key in columns}
    header = f"  {'event':32} " + " ".join(f"{s:>{widths[s]}}" for s in columns)
    lines.append(header)
    for name, f in figures["funnel"].items():
        lines.append(f"  {name[:32]:32} " + " ".join(f"{cell(f, s):>{widths[s]}}" for s in columns))
    for title, key in (("Top objections", "objections"), ("Top competitors", "competitors")):
        top = list(figures[key].items())[:5]
        lines.append(f"{title}: " + (", ".join(f"{k} ({v})" for k, v in top) or "none"))
    lines.append("Use --json for every figure, or `fieldnote insights export -o report.pdf`.")
    return "\n".join(lines) + "\n"
