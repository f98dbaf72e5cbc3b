"""`fieldnote leads import|export|outcomes`: organisers' CSV files in, CRM files, vCards and the
event report out, CRM reports' outcomes back in (`crm_commands`), without opening the window.

Import refuses a file that is not a lead list with one line and exit 1, writing nothing;
otherwise it writes through the store (records plus outbox, in batches) and reports bad rows by
line number on stderr. `--dry-run` shows the column mapping and what an import would do.
Export only reads. Failures end as one clear line and a non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import locale
import sys
from pathlib import Path
from typing import Any

from desktop.cli import CliError, attachment_commands, consent_commands, crm_commands
from desktop.cli.context import CliContext, cli_context, require_offer
from desktop.cli.tables import print_rows
from desktop.settings import atomic_write
from desktop.store.consent import ConsentBook
from desktop.store.leads import EXPORT_FORMATS as FORMATS
from desktop.store.leads import ImportSummary, LeadBook, LeadFilter
from fieldnote.audit import EXPORT_COMMAND
from fieldnote.leadcsv import (
    IMPORT_TARGETS,
    SKIP_REASONS,
    CsvImport,
    read_lead_csv,
)
from fieldnote.leads import phone_region
from fieldnote.lookup import lookup_key

# What `leads list` shows of each lead, in this order (`status`: the latest outcome, or null).
LIST_FIELDS = ("id", "event_id", "first_name", "last_name", "email", "company", "badge_id",
               "source", "captured_at", "to_qualify", "score", "grade", "qualified", "status",
               "owner_id")

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
            "in the notes. A file that is not text, has no header row or no column for a "
            "name, email, company, phone or badge id is refused (exit 1) and nothing is "
            "written. Rows naming no person (no name, email or badge id) are skipped; rows "
            "already at the event (same badge id, email, or the same person) are counted as "
            "duplicates, so importing a file twice adds nothing. A Consent (Consent given, "
            "Opt-in) column of yes/no records consent to be contacted, with the method "
            "'imported' under the event's consent wording (or the default wording)."
        ),
    )
    imp.add_argument("file", type=Path, metavar="FILE.csv")
    imp.add_argument("--event", required=True, metavar="NAME_OR_ID",
                     help="the event (its exact name, any case, or its id)")
    imp.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                     help=f"read column HEADER as FIELD (one of: {', '.join(IMPORT_TARGETS)}; "
                          "or 'notes')")
    imp.add_argument("--dry-run", action="store_true",
                     help="show the column mapping with sample values and what the import would "
                          "add, find already there or skip; write nothing")
    imp.add_argument("--json", action="store_true",
                     help='print the summary as one JSON object: {"mapping", "add", '
                          '"duplicate", "skipped", "reasons", ...}')
    imp.set_defaults(func=run_import)

    exp = actions.add_parser(
        "export", parents=[parent], help="export leads for Salesforce, HubSpot, as vCards or a PDF report",
        description="Write leads (of one event, or all) in a CRM's import format, as vCards, "
                    "or as the event's PDF report. The salesforce and hubspot files leave out "
                    "leads whose visitor did not consent to be contacted (stderr says how many) "
                    "unless --include-no-consent.",
    )
    exp.add_argument("--format", required=True, choices=FORMATS)
    exp.add_argument("--include-no-consent", action="store_true",
                     help="salesforce and hubspot: keep leads without consent to be contacted, "
                          "marked as opted out (Email Opt Out and Do Not Call; Unsubscribed "
                          "from all email)")
    exp.add_argument("--event", metavar="NAME_OR_ID", help="only this event's leads")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exp.set_defaults(func=run_export)
    crm_commands.register(actions, parent)
    consent_commands.register(actions, parent)
    attachment_commands.register(actions, parent)

    lst = actions.add_parser(
        "list", parents=[parent], help="list the leads on this device",
        description=("List the leads on this device (newest first), of one event or all. "
                     "With --to-qualify, only the quick scans waiting to be qualified, in the "
                     "order the queue walks them: oldest first."),
    )
    lst.add_argument("--event", metavar="NAME_OR_ID", help="only this event's leads")
    lst.add_argument("--to-qualify", action="store_true",
                     help="only the quick scans not qualified yet, oldest first")
    lst.add_argument("--json", action="store_true",
                     help="a JSON array of objects: " + ", ".join(LIST_FIELDS))
    lst.set_defaults(func=run_list)

    look = actions.add_parser(
        "lookup", parents=[parent], help="is this person already a lead or a customer?",
        description=(
            "Whether a person (by email) is already a lead at any event, a customer (a lead "
            "won) and which team owns them, with the date of the latest activity. Asks the hub "
            "when signed in and reachable, else answers from this device's cache (what the last "
            "sync brought). Nothing else of another team's leads is shown."
        ),
    )
    look.add_argument("email", metavar="EMAIL")
    look.add_argument("--json", action="store_true",
                      help='print {"known": bool, "customer": bool, "team": str|null, '
                           '"last_activity": "YYYY-MM-DD"|null}')
    look.set_defaults(func=run_lookup)
    leads.set_defaults(func=lambda _args: _usage(leads))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    sys.stderr.write("fieldnote leads: say import, export, outcomes, consent, list, lookup, "
                     "attach or attachments\n")
    return 2


def find_event(book: LeadBook, name_or_id: str) -> dict[str, Any]:
    try:
        event = book.find_event(name_or_id)
    except LookupError as exc:
        raise CliError(str(exc)) from None
    if event is None:
        known = [e.get("name") or e["id"] for e in book.events()[:10]]
        hint = (f" Known events: {', '.join(known)} (`fieldnote events list` lists them all)."
                if known else " This device knows no events yet; sync first.")
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
    # A dry run only reads: it may run beside the open window, as an export does.
    with cli_context(args, lock=not args.dry_run) as ctx:
        require_offer(ctx, "import leads", "lead", "create")
        book = LeadBook(ctx.store)
        try:
            event = find_event(book, args.event)
            region = phone_region(ctx.settings.phone_region, event.get("country"),
                                  _locale_territory())
            terms = ConsentBook(ctx.store).import_terms(event, ctx.settings.consent_text_version)
            if args.dry_run:
                preview = book.preview_import(data, event["id"], mapping, default_region=region,
                                              **terms)
                parsed = preview.parsed
                summary = ImportSummary(imported=preview.add, duplicates=preview.duplicates)
            else:
                parsed = read_lead_csv(data, mapping, event_id=event["id"], default_region=region,
                                       **terms)
            if parsed.refusal is not None:
                hint = ""
                if parsed.refused_for == "no_column":
                    hint = " Choose with --map HEADER=FIELD, e.g. --map 'Nom=last_name'."
                raise CliError(f"{args.file.name} {parsed.refusal}{hint}")
            if not args.dry_run:
                rows = ((row.line, row.fields) for row in parsed.rows)
                summary = book.import_leads(event["id"], rows, local_fields=_owner(ctx))
        finally:
            book.dispose()
    for problem in parsed.problems:
        sys.stderr.write(f"{args.file.name}: {problem}\n")
    for line, message in summary.problems:
        sys.stderr.write(f"{args.file.name}: line {line}: not imported: {message}\n")
    _report(args, event, parsed, summary)
    return 0


def _reasons(parsed: CsvImport, summary: ImportSummary) -> dict[str, int]:
    reasons = dict(parsed.skipped)
    if summary.failed_rows:
        reasons["refused"] = reasons.get("refused", 0) + summary.failed_rows
    return reasons


def _reasons_text(reasons: dict[str, int]) -> str:
    return "; ".join(f"{SKIP_REASONS[k]}: {n}" for k, n in sorted(reasons.items()))


def _report(args: argparse.Namespace, event: dict[str, Any], parsed: CsvImport,
            summary: ImportSummary) -> None:
    reasons = _reasons(parsed, summary)
    skipped = sum(reasons.values())
    # Problems of the rows imported; skipped rows are counted by their reasons.
    problems = len(parsed.problems) - parsed.skipped_rows
    if args.json:
        out: dict[str, Any] = {
            "mapping": {h: t or "notes" for h, t in parsed.mapping.items()},
            "add": summary.imported, "duplicate": summary.duplicates,
            "skipped": skipped, "reasons": reasons,
            "samples": parsed.samples, "dry_run": bool(args.dry_run),
            "file": str(args.file), "event_id": event["id"], "event": event.get("name"),
            "encoding": parsed.encoding, "problems": problems,
        }
        if not args.dry_run:
            out.update(imported=summary.imported, skipped_duplicates=summary.duplicates,
                       not_imported=summary.failed_rows)
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return
    name = event.get("name")
    skipped_text = f"; {skipped} skipped ({_reasons_text(reasons)})" if skipped else ""
    if args.dry_run:
        sys.stdout.write(_mapping_text(args.file.name, parsed))
        sys.stdout.write(f"Would add {summary.imported} lead(s) to {name}; {summary.duplicates} "
                         f"already there{skipped_text}. Nothing was written.\n")
        return
    if summary.imported == 0 and summary.duplicates and not summary.failed_rows:
        sys.stdout.write(f"Nothing imported: all {summary.duplicates} row(s) of {args.file.name} "
                         f"are already at {name}{skipped_text}.\n")
        return
    text = (f"Imported {summary.imported} lead(s) into {name}; "
            f"{summary.duplicates} already there{skipped_text}; {problems} problem(s)")
    text += "."
    if problems:
        text += " Rows with problems were imported as far as they go; see the lines above."
    sys.stdout.write(text + "\n")


def _mapping_text(file_name: str, parsed: CsvImport) -> str:
    """The columns, where each goes and a few of its values, one line each."""
    lines = [f"{file_name} ({parsed.encoding}, separator {parsed.delimiter!r}), "
             f"{len(parsed.headers)} column(s):"]
    width = min(30, max((len(h) for h in parsed.headers), default=0))
    for header in parsed.headers:
        target = parsed.mapping.get(header) or "notes"
        samples = " | ".join(parsed.samples.get(header, [])) or "(empty)"
        lines.append(f"  {' '.join(header.split()):<{width}}  -> {target:<15} {samples}")
    return "\n".join(lines) + "\n"


def run_export(args: argparse.Namespace) -> int:
    out: Path = args.output.expanduser()
    if not out.parent.is_dir():
        raise CliError(f"Cannot write {out}: the folder {out.parent} does not exist.")
    if out.is_dir():
        raise CliError(f"Cannot write {out}: it is a folder.")
    with cli_context(args, lock=False, report=args.format == "pdf") as ctx:
        book = LeadBook(ctx.store)
        try:
            event = find_event(book, args.event) if args.event else None
            result = book.export_file(args.format, event,
                                      include_no_consent=args.include_no_consent)
            try:
                atomic_write(out, result.data)
            except OSError as exc:
                raise CliError(f"Cannot write {out}: {exc.strerror or exc}.") from None
            # The hub's audit log learns of it at the next sync (docs/privacy.md).
            book.record_export(args.format, event["id"] if event else None, result,
                               include_no_consent=args.include_no_consent,
                               origin=EXPORT_COMMAND)
        finally:
            book.dispose()
    what = f"{event.get('name')}" if event else "all events"
    if result.left_out:
        sys.stderr.write(f"Left out {result.left_out} lead(s) without consent to be contacted; "
                         "--include-no-consent keeps them, marked as opted out.\n")
    sys.stdout.write(f"Wrote {result.written} lead(s) of {what} as {args.format} to {out}.\n")
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    if lookup_key(args.email) is None:
        raise CliError(f"{args.email!r} is not an email address; look up a person by email.", 2)
    from desktop.sync.lookup import CACHE, look_up  # requests: only for this command

    with cli_context(args, lock=False) as ctx:
        result = look_up(ctx.data_dir, ctx.store, ctx.settings, args.email)
    if result.why_cache:
        sys.stderr.write(f"answered from this device's cache: {result.why_cache}\n")
    answer = result.answer
    if args.json:
        sys.stdout.write(json.dumps(answer.as_json(), ensure_ascii=False) + "\n")
        return 0
    if not answer.known:
        text = f"{args.email.strip()}: not a lead yet"
    else:
        facts = ["a customer" if answer.customer else "a lead",
                 f"team {answer.team}" if answer.team else "no team",
                 f"last activity {answer.last_activity}" if answer.last_activity else ""]
        text = f"{args.email.strip()}: " + ", ".join(f for f in facts if f)
    if result.source == CACHE:
        text += " (this device's cache)"
    sys.stdout.write(text + ".\n")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with cli_context(args, lock=False) as ctx:
        book = LeadBook(ctx.store)
        try:
            event_id = find_event(book, args.event)["id"] if args.event else None
            if args.to_qualify:
                ids = book.to_qualify(event_id, all_events=event_id is None)
            else:
                ids = book.ids(LeadFilter(event_id=event_id))
            found = book.rows(ids)
        finally:
            book.dispose()
    rows = [{key: (bool(found[i].get(key)) if key == "to_qualify" else found[i].get(key))
             for key in LIST_FIELDS} for i in ids if i in found]
    columns = (("captured_at", "Captured", 20), ("first_name", "First name", 14),
               ("last_name", "Last name", 16), ("email", "Email", 28),
               ("company", "Company", 20), ("grade", "Grade", 5), ("id", "Id", 36))
    none = ("No quick scans wait to be qualified." if args.to_qualify
            else "No leads on this device yet.")
    return print_rows(rows, as_json=args.json, columns=columns,
                      counted="to qualify" if args.to_qualify else "lead(s)", none=none)
