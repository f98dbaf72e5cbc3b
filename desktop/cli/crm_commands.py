"""`fieldnote leads outcomes import`: outcomes back from a Salesforce or HubSpot report.

A file that is no CRM report is refused with one line and exit 1, writing nothing. Otherwise
the outcome entries its rows add are written with their outbox rows in one transaction (or, with
`--dry-run`, only shown); rows matching no lead and values the mapping does not know are listed
on stderr, never guessed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.cli import CliError
from desktop.cli.context import cli_context, require_offer
from desktop.store.crm_outcomes import CrmOutcomes, OutcomePlan
from fieldnote.crm import CRM_FORMATS, read_outcome_report
from fieldnote.validation import utc_now_iso


def register(actions: Any, parent: argparse.ArgumentParser) -> None:
    """The `outcomes` action of `fieldnote leads`."""
    outcomes = actions.add_parser(
        "outcomes", parents=[parent], help="bring lead outcomes back from a CRM report",
        description="Bring what became of the leads back from Salesforce or HubSpot.",
    )
    acts = outcomes.add_subparsers(dest="outcomes_action", metavar="ACTION")
    imp = acts.add_parser(
        "import", parents=[parent], help="import a Salesforce or HubSpot report (CSV)",
        description=(
            "Read a report exported from Salesforce (Lead Status, Converted, or an opportunity "
            "report's Stage, Amount, Close Date) or HubSpot (Lead Status, Lifecycle Stage, Deal "
            "Stage, Amount, Close Date) and record each lead's outcome, with the CRM as its "
            "source. Rows match a lead by its Fieldnote ID, else by Email (within the row's "
            "Event when the report has that column); rows matching no lead, or more than one, "
            "are listed and left out. A row adds an outcome only when it moves the lead forward "
            "or records a loss, so importing the same report twice changes nothing. A file "
            "that is not such a report is refused (exit 1) and nothing is written."
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.add_argument("--format", choices=(*CRM_FORMATS, "auto"), default="auto",
                     help="the CRM the report comes from (default: told from its columns)")
    imp.add_argument("--dry-run", action="store_true",
                     help="show what the import would record; write nothing")
    imp.add_argument("--json", action="store_true",
                     help='print the summary as one JSON object: {"format", "rows", "recorded", '
                          '"unchanged", "no_outcome", "unmatched", "unknown", "changes", ...}')
    imp.set_defaults(func=run_import)
    outcomes.set_defaults(func=lambda _args: _usage(outcomes))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    sys.stderr.write("fieldnote leads outcomes: say import\n")
    return 2


def run_import(args: argparse.Namespace) -> int:
    from desktop.cli.leads_commands import read_file

    data = read_file(args.file)
    now = utc_now_iso()
    with cli_context(args, lock=not args.dry_run) as ctx:
        require_offer(ctx, "import outcomes from a CRM report", "lead_outcome", "import")
        report = read_outcome_report(data, args.format, now=now)
        if report.refusal is not None:
            raise CliError(f"{args.file.name} {report.refusal}")
        crm = CrmOutcomes(ctx.store)
        plan = crm.plan(report, now=now)
        if not args.dry_run:
            user = ctx.store.get_state("user", {}) or {}
            uid = user.get("id") if isinstance(user, dict) else None
            crm.apply(plan, author_id=uid)
    name = args.file.name
    for problem in plan.problems:
        sys.stderr.write(f"{name}: {problem}\n")
    for line, why in plan.unmatched:
        sys.stderr.write(f"{name}: line {line}: not matched: {why}\n")
    for line, column, value in plan.unknown:
        sys.stderr.write(f"{name}: line {line}: unknown {column} {value!r}: not read "
                         "(the CRM's default values are understood; see docs/crm.md)\n")
    _report(args, plan)
    return 0


def _report(args: argparse.Namespace, plan: OutcomePlan) -> None:
    if args.json:
        out: dict[str, Any] = {
            "file": str(args.file), "format": plan.format, "dry_run": bool(args.dry_run),
            "rows": plan.rows, "recorded": len(plan.changes), "unchanged": plan.unchanged,
            "no_outcome": plan.no_outcome,
            "unmatched": [{"line": line, "reason": why} for line, why in plan.unmatched],
            "unknown": [{"line": line, "column": c, "value": v} for line, c, v in plan.unknown],
            "problems": plan.problems,
            "changes": [{"line": c.line, "lead_id": c.lead_id, "lead": c.name,
                         "status": c.fields["status"], "amount": c.fields.get("amount"),
                         "at": c.fields["at"]} for c in plan.changes],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return
    for change in plan.changes:
        amount = change.fields.get("amount")
        sys.stdout.write(f"  line {change.line}: {change.name}: {change.fields['status']}"
                         + (f" ({amount:g})" if amount is not None else "") + "\n")
    rest = (f"{plan.unchanged} already recorded, {plan.no_outcome} with no outcome yet, "
            f"{len(plan.unmatched)} not matched, {len(plan.unknown)} unknown value(s)")
    if args.dry_run:
        sys.stdout.write(f"Would record {len(plan.changes)} outcome(s) from {plan.rows} row(s) "
                         f"of this {plan.format} report; {rest}. Nothing was written.\n")
    elif not plan.changes and plan.unchanged and not plan.unmatched:
        sys.stdout.write(f"Nothing changed: the {plan.unchanged} outcome(s) of "
                         f"{args.file.name} are already recorded.\n")
    else:
        sys.stdout.write(f"Recorded {len(plan.changes)} outcome(s) from {plan.rows} row(s) of "
                         f"this {plan.format} report; {rest}.\n")
