"""`fieldnote leads import|export`: organisers' CSV files in, CRM files, vCards and the event
report out, without opening the window.

Import writes through the store (records plus outbox, in batches) and reports bad rows by line
number on stderr; export only reads. Failures end as one clear line and a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import locale
import sys
from pathlib import Path
from typing import Any

from desktop.cli import CliError
from desktop.cli.context import CliContext, cli_context, require_offer
from desktop.settings import atomic_write
from desktop.store.leads import EXPORT_FORMATS as FORMATS
from desktop.store.leads import ImportSummary, LeadBook
from fieldnote.leadcsv import IMPORT_TARGETS, read_lead_csv
from fieldnote.leads import phone_region

# An organiser's file of a big show is a few MB; past this it is not a lead list.
MAX_IMPORT_BYTES = 200 * 1024 * 1024


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    leads = subparsers.add_parser(
        "leads", parents=[parent], help="import and export leads",
        description="Import an organiser's badge-scan CSV, or export leads for a CRM.",
    )
    actions = leads.add_subparsers(dest="leads_action", metavar="ACTION")

    imp = actions.add_parser(
        "import", parents=[parent], help="import a CSV of leads into an event",
        description=(
            "Read a CSV of badge scans (UTF-8, UTF-16 or cp1252; comma, semicolon or tab "
            "separated) into an event. Columns are matched by their header; others are kept "
            "in the notes. Rows already at the event (same badge id or email) are skipped, so "
            "importing a file twice adds nothing."
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.add_argument("--event", required=True, metavar="NAME_OR_ID",
                     help="the event (its exact name, any case, or its id)")
    imp.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                     help=f"read column HEADER as FIELD (one of: {', '.join(IMPORT_TARGETS)}; "
                          "or 'notes')")
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    imp.set_defaults(func=run_import)

    exp = actions.add_parser(
        "export", parents=[parent], help="export leads for Salesforce, HubSpot, as vCards or a PDF report",
        description="Write leads (of one event, or all) in a CRM's import format, as vCards, "
                    "or as the event's PDF report.",
    )
    exp.add_argument("--format", required=True, choices=FORMATS)
    exp.add_argument("--event", metavar="NAME_OR_ID", help="only this event's leads")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exp.set_defaults(func=run_export)
    leads.set_defaults(func=lambda _args: _usage(leads))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    sys.stderr.write("fieldnote leads: say import or export\n")
    return 2


def _event(book: LeadBook, name_or_id: str) -> dict[str, Any]:
    try:
        event = book.find_event(name_or_id)
    except LookupError as exc:
        raise CliError(str(exc)) from None
    if event is None:
        known = [e.get("name") or e["id"] for e in book.events()[:10]]
        hint = f" Known events: {', '.join(known)}." if known else " This device knows no events yet; sync first."
        raise CliError(f"No event named or with the id {name_or_id!r}.{hint}")
    return event


def _mapping(items: list[str]) -> dict[str, str | None] | None:
    if not items:
        return None
    out: dict[str, str | None] = {}
    for item in items:
        header, sep, target = item.partition("=")
        if not sep or not header.strip():
            raise CliError(f"--map {item!r}: write HEADER=FIELD", 2)
        target = target.strip()
        if target and target != "notes" and target not in IMPORT_TARGETS:
            raise CliError(f"--map {item!r}: {target!r} is not a lead field "
                           f"(use one of {', '.join(IMPORT_TARGETS)} or notes)", 2)
        out[header.strip()] = None if target in ("", "notes") else target
    return out


def read_file(path: Path) -> bytes:
    """The bytes of an import file, or a CliError saying why it cannot be read."""
    try:
        if path.is_dir():
            raise CliError(f"{path} is a folder, not a CSV file.")
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise CliError(f"{path} is {size / 1_048_576:.0f} MB; a lead CSV should be under "
                           f"{MAX_IMPORT_BYTES // 1_048_576} MB.")
        return path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"Cannot read {path}: no such file.") from None
    except PermissionError:
        raise CliError(f"Cannot read {path}: permission denied.") from None
    except OSError as exc:
        raise CliError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def _owner(ctx: CliContext) -> dict[str, Any] | None:
    user = ctx.store.get_state("user", {}) or {}
    uid = user.get("id") if isinstance(user, dict) else None
    return {"owner_id": uid, "captured_by": uid} if uid else None


def _locale_territory() -> str | None:
    """The country of the process locale ("de_DE.UTF-8" -> "DE"), None when it names none."""
    name = locale.getlocale(locale.LC_CTYPE)[0] or ""
    _lang, _sep, territory = name.partition("_")
    return territory[:2] or None


def run_import(args: argparse.Namespace) -> int:
    mapping = _mapping(args.map)
    data = read_file(args.file)
    with cli_context(args) as ctx:
        require_offer(ctx, "import leads", "lead", "create")
        book = LeadBook(ctx.store)
        try:
            event = _event(book, args.event)
            parsed = read_lead_csv(data, mapping, event_id=event["id"],
                                   default_region=phone_region(ctx.settings.phone_region,
                                                               event.get("country"),
                                                               _locale_territory()))
            file_problems = list(parsed.problems)
            rows = ((row.line, row.fields) for row in parsed.rows)
            summary = book.import_leads(event["id"], rows, local_fields=_owner(ctx))
        finally:
            book.dispose()
    for problem in file_problems:
        sys.stderr.write(f"{args.file.name}: {problem}\n")
    for line, message in summary.problems:
        sys.stderr.write(f"{args.file.name}: line {line}: not imported: {message}\n")
    _report(args, event, parsed.encoding, summary, len(file_problems))
    return 0


def _report(args: argparse.Namespace, event: dict[str, Any], encoding: str,
            summary: ImportSummary, row_problems: int) -> None:
    problems = row_problems + len(summary.problems)
    if args.json:
        sys.stdout.write(json.dumps({
            "file": str(args.file), "event_id": event["id"], "event": event.get("name"),
            "encoding": encoding, "imported": summary.imported,
            "skipped_duplicates": summary.duplicates, "not_imported": summary.failed_rows,
            "problems": problems,
        }, ensure_ascii=False) + "\n")
        return
    text = (f"Imported {summary.imported} lead(s) into {event.get('name')}; "
            f"{summary.duplicates} skipped as already there; {problems} problem(s)")
    if summary.failed_rows:
        text += f"; {summary.failed_rows} row(s) could not be imported"
    text += "."
    if problems:
        text += " Rows with problems were imported as far as they go; see the lines above."
    sys.stdout.write(text + "\n")


def run_export(args: argparse.Namespace) -> int:
    out: Path = args.output.expanduser()
    if not out.parent.is_dir():
        raise CliError(f"Cannot write {out}: the folder {out.parent} does not exist.")
    if out.is_dir():
        raise CliError(f"Cannot write {out}: it is a folder.")
    with cli_context(args, lock=False, report=args.format == "pdf") as ctx:
        book = LeadBook(ctx.store)
        try:
            event = _event(book, args.event) if args.event else None
            data = book.export(args.format, event)
            count = book.export_count(event["id"] if event else None)
        finally:
            book.dispose()
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise CliError(f"Cannot write {out}: {exc.strerror or exc}.") from None
    what = f"{event.get('name')}" if event else "all events"
    sys.stdout.write(f"Wrote {count} lead(s) of {what} as {args.format} to {out}.\n")
    return 0
