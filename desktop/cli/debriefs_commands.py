"""`fieldnote debriefs add | list | export`: call debriefs without the window.

`add` checks each debrief exactly like the form's submit (the same `DebriefStore` call), queues
the good ones and names every bad one by index, field and reason; nothing here prints a trace.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from desktop.cli import CliError
from desktop.cli.context import cli_context, require_offer
from desktop.cli.tables import print_rows
from fieldnote.kinds import CALL_TYPES, DEBRIEF_OUTCOMES, DEBRIEF_STAGES, DEBRIEF_STATUSES

if TYPE_CHECKING:
    from desktop.store.debriefs import DebriefStore

# The example of `debriefs add --help` (docs/debriefs.md shows the same one; a test files both).
EXAMPLE = """\
{"id": "01938a6e-4b00-7000-8000-00000000a001",
 "account": "Acme Freight", "contacts": "Dana Ortiz (CTO), Lee Park",
 "call_date": "2026-11-20", "call_type": "demo", "stage": "propose", "outcome": "advanced",
 "why_buy": ["Real-time data (latency)"],
 "reasons_buy": "Their nightly batch misses same-day orders.",
 "why_not": ["Price too high"], "objections": ["Price too high", "Needs SSO"],
 "competitors": ["Tableau"], "pain_points": "Reports arrive a day late.",
 "collateral_used": [{"collateral_id": "01938a6e-4b00-7000-8000-00000000c001", "helpful": true}],
 "next_steps": "Send the ROI case study; pilot in January.",
 "follow_up_on": "2026-11-27", "notes": "Budget owner is the CFO.", "status": "submitted"}
"""

EXIT_REJECTED = 1  # some debriefs were bad (the good ones are queued)
EXIT_INPUT = 2  # the input file itself is unusable


def _date(text: str) -> str:
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    debriefs = subparsers.add_parser(
        "debriefs", parents=[parent], help="file, list and export call debriefs",
        description="File, list and export call debriefs.",
    )
    sub = debriefs.add_subparsers(dest="debriefs_command", metavar="ACTION")

    add = sub.add_parser(
        "add", parents=[parent], help="queue debriefs from a JSON file",
        description=textwrap.fill(
            "Queue debriefs from a JSON file holding one debrief object or a list of them, with "
            "the protocol's debrief fields (account and call_date required). An object may "
            "carry an id, so adding the same file again updates instead of duplicating.", 78),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "fields:\n"
            "  account, call_date      required; call_date as YYYY-MM-DD\n"
            "  contacts, pain_points, next_steps, notes, reasons_buy, reasons_not   text\n"
            f"  call_type               {' | '.join(CALL_TYPES)}\n"
            f"  stage                   {' | '.join(DEBRIEF_STAGES)}\n"
            f"  outcome                 {' | '.join(DEBRIEF_OUTCOMES)}\n"
            "  why_buy, why_not, objections, competitors   lists of text\n"
            '  collateral_used         list of {"collateral_id": ID, "helpful": true | false | null}\n'
            "  follow_up_on            YYYY-MM-DD, not before call_date\n"
            f"  status                  {' | '.join(DEBRIEF_STATUSES)} (default submitted)\n"
            "  id                      a UUID: adding the file again updates, never duplicates\n"
            "\nexample FILE (one debrief; a JSON list of such objects files several):\n"
            + "".join(f"  {line}\n" for line in EXAMPLE.splitlines())
        ),
    )
    add.add_argument("--json", dest="json_file", required=True, metavar="FILE",
                     help="the JSON file ('-' reads standard input)")
    add.set_defaults(func=_add)

    lst = sub.add_parser("list", parents=[parent], help="list the debriefs on this device",
                         description="List the debriefs on this device, newest call first.")
    lst.add_argument("--json", action="store_true", help="a JSON list of objects, one per debrief")
    lst.add_argument("--since", type=_date, default=None, metavar="DATE", help="calls on or after DATE")
    lst.set_defaults(func=_list)

    show = sub.add_parser("show", parents=[parent], help="show one debrief with its replies",
                          description="Show one debrief and its reply thread.")
    show.add_argument("id", metavar="ID", help="the debrief's id")
    show.add_argument("--json", action="store_true", help="one JSON object, replies under 'comments'")
    show.set_defaults(func=_show)

    reply = sub.add_parser("reply", parents=[parent], help="queue a reply to a debrief",
                           description="Queue a reply to a submitted debrief; it goes out on the "
                           "next sync.")
    reply.add_argument("id", metavar="ID", help="the debrief's id")
    reply.add_argument("--body", required=True, metavar="TEXT", help="the reply ('-' reads standard input)")
    reply.set_defaults(func=_reply)

    export = sub.add_parser("export", parents=[parent], help="write debriefs to a PDF or JSON file",
                            description="Write the debriefs on this device to a PDF digest or JSON; "
                            "with --id, only those debriefs (one id and pdf: that debrief alone).")
    export.add_argument("--format", choices=("pdf", "json"), required=True)
    export.add_argument("--since", type=_date, default=None, metavar="DATE", help="calls on or after DATE")
    export.add_argument("--id", dest="ids", action="append", default=[], metavar="ID",
                        help="export this debrief (repeatable)")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    export.set_defaults(func=_export)

    debriefs.set_defaults(func=lambda _args: _usage(debriefs))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    sys.stderr.write("fieldnote debriefs: choose an action: add, list, show, reply or export\n")
    return EXIT_INPUT


def _read_items(name: str) -> list[Any]:
    try:
        # A byte order mark (Windows editors write one) is not part of the JSON.
        raw = (sys.stdin.read().removeprefix("\ufeff") if name == "-"
               else Path(name).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise CliError(f"{name}: no such file", EXIT_INPUT) from None
    except IsADirectoryError:
        raise CliError(f"{name} is a folder, not a JSON file", EXIT_INPUT) from None
    except UnicodeDecodeError:
        raise CliError(f"{name} is not UTF-8 text; save it as UTF-8 JSON", EXIT_INPUT) from None
    except OSError as exc:
        raise CliError(f"{name}: cannot read it ({exc.strerror or exc})", EXIT_INPUT) from None
    try:
        # orjson, as the hub reads bodies: strict JSON (no NaN), text that is valid Unicode
        # (no unpaired surrogate escapes) and a bounded depth, refused as an error, not a crash.
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CliError(
            f"{name} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "expected one debrief object or a list of them", EXIT_INPUT) from None
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list):
        return data
    raise CliError(f"{name} holds JSON {type(data).__name__}; expected one debrief object or a "
                   "list of them", EXIT_INPUT)


def _one_line(text: str) -> str:
    """`text` with its control and other unprintable characters escaped (a key or value from
    the file may hold a line break or a record separator): each problem stays one line."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in str(text))


def _user_id(ctx: Any) -> str:
    user = ctx.store.get_state("user", {}) or {}
    return str(user.get("id") or "") if isinstance(user, dict) else ""


def _add(args: argparse.Namespace) -> int:
    from desktop.store.debriefs import DebriefStore

    items = _read_items(args.json_file)
    with cli_context(args) as ctx:
        require_offer(ctx, "file debriefs", "debrief", "create")
        report = DebriefStore(ctx.store).add_many(items, _user_id(ctx))
    for index, errors in report.rejected:
        for error in errors:
            sys.stderr.write(f"debrief {index}: {_one_line(error.field) or '(empty key)'}: "
                             f"{_one_line(error.message)}\n")
    good, bad = len(report.saved), len(report.rejected)
    if not bad:
        sys.stdout.write(f"Queued {good} debrief(s) for sync.\n")
        return 0
    sys.stderr.write(
        f"fieldnote: {bad} of {len(items)} debrief(s) rejected (numbered from 0 above); "
        f"the {good} good one(s) are queued for sync.\n")
    return EXIT_REJECTED


def _list(args: argparse.Namespace) -> int:
    from desktop.store.debriefs import DebriefStore

    with cli_context(args, lock=False) as ctx:
        rows = DebriefStore(ctx.store).export(args.since or "")
    columns = (("call_date", "Call", 10), ("account", "Account", 28), ("call_type", "Type", 11),
               ("outcome", "Outcome", 11), ("status", "Status", 9), ("id", "Id", 36))
    return print_rows(rows, as_json=args.json, columns=columns, counted="debrief(s)",
                      none="No debriefs.")


def _find(debriefs: DebriefStore, record_id: str) -> dict[str, Any]:
    row = debriefs.get(record_id)
    if row is None or row.get("deleted"):
        raise CliError(f"No debrief {record_id} on this device (see 'fieldnote debriefs list').")
    return row


def _show(args: argparse.Namespace) -> int:
    from desktop.store.debriefs import DebriefStore

    with cli_context(args, lock=False) as ctx:
        debriefs = DebriefStore(ctx.store)
        [item] = debriefs.report_data([_find(debriefs, args.id)["id"]])
        replies = debriefs.comments(args.id)
    item["comments"] = [
        {"id": c["id"], "author_id": c.get("author_id"), "author": c.get("_author") or "",
         "body": c.get("body"), "created_at": c.get("created_at"), "read": bool(c.get("_read"))}
        for c in replies
    ]
    if args.json:
        sys.stdout.write(json.dumps(item, ensure_ascii=False, indent=2) + "\n")
        return 0
    sys.stdout.write(_readable(item))
    return 0


# The fields `show` prints, in the form's order, with the form's labels. A field not named here
# (one a newer hub added) follows under its own name; `collateral_used` is shown by title.
_SHOWN = (
    ("contacts", "Contacts"), ("call_type", "Call type"), ("stage", "Stage"),
    ("outcome", "Outcome"), ("why_buy", "Why they buy"), ("reasons_buy", "  in their words"),
    ("why_not", "Why not"), ("reasons_not", "  in their words"), ("pain_points", "Pain points"),
    ("objections", "Objections"), ("competitors", "Competitors"), ("next_steps", "Next steps"),
    ("follow_up_on", "Follow up on"), ("notes", "Notes"), ("lead_id", "Lead"),
    ("author", "Filed by"),
)
_NOT_SHOWN = {"id", "account", "call_date", "status", "comments", "collateral", "collateral_used",
              "author_id"}


def _plain(value: Any) -> str:
    """A stored value as a person reads it: lists joined with commas, objects as "name value"
    pairs, yes / no for booleans; never Python's own notation."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value if v not in (None, "", [], {}))
    if isinstance(value, dict):
        return "; ".join(f"{str(k).replace('_', ' ')} {_plain(v)}" for k, v in value.items()
                         if v not in (None, "", [], {}))
    return str(value)


def _readable(item: dict[str, Any]) -> str:
    """One debrief and its replies as labelled lines (`show` without --json). A value's own line
    breaks continue under its label; every other control character is escaped, so a value
    never moves the terminal's cursor or starts a line of its own."""
    esc = _one_line
    shown = [(key, label) for key, label in _SHOWN if key in item]
    known = {key for key, _ in _SHOWN} | _NOT_SHOWN
    shown += [(key, esc(key.replace("_", " ").capitalize())) for key in item if key not in known]
    width = max(len(label) for _, label in (*shown, ("", "Collateral"))) + 2
    lines = [esc(item.get("account") or ""),
             f"{'Call on':<{width}}{esc(item.get('call_date') or '—')} "
             f"({esc(item.get('status') or 'draft')})",
             f"{'Id':<{width}}{esc(item['id'])}"]
    for key, label in shown:
        text = _plain(item.get(key)) if item.get(key) not in (None, "", [], {}) else ""
        if not text:
            continue
        first, *more = [esc(part) for part in re.split(r"\r\n|\r|\n", text)]
        lines.append(f"{label:<{width}}{first}")
        lines.extend(f"{'':<{width}}{part}" for part in more)
    verdicts = {True: "helped", False: "did not help"}
    for c in item.get("collateral") or []:
        lines.append(f"{'Collateral':<{width}}{esc(c.get('title') or c.get('collateral_id') or '?')} "
                     f"({verdicts.get(c.get('helpful'), 'not rated')})")
    comments = item.get("comments") or []
    lines.append(f"Replies ({len(comments)})" if comments else "No replies yet")
    for c in comments:
        new = "  [new]" if not c["read"] else ""
        lines.append(f"  {esc(c['author'] or c['author_id'] or 'someone')}, "
                     f"{esc(c['created_at'] or '')}{new}")
        lines.extend(f"    {esc(part)}" for part in re.split(r"\r\n|\r|\n", str(c["body"])))
    return "\n".join(lines) + "\n"


def _reply(args: argparse.Namespace) -> int:
    from desktop.store.debriefs import DebriefStore
    from fieldnote.validation import ValidationFailed

    body = sys.stdin.read() if args.body == "-" else args.body
    if not body.strip():
        raise CliError("The reply is empty.", EXIT_INPUT)
    with cli_context(args) as ctx:
        debriefs = DebriefStore(ctx.store)
        row = _find(debriefs, args.id)
        if row.get("status") != "submitted":
            raise CliError("This debrief is a draft; replies open once it is submitted.")
        require_offer(ctx, "reply", "debrief_comment", "create", None, {"debrief_id": row["id"]})
        try:
            comment_id = debriefs.add_comment(row["id"], body, _user_id(ctx))
        except ValidationFailed as exc:
            raise CliError(f"Reply not queued: {exc.describe()}", EXIT_INPUT) from None
    sys.stdout.write(f"Queued reply {comment_id} for sync.\n")
    return 0


def _export(args: argparse.Namespace) -> int:
    from desktop.locale import format_date
    from desktop.reports.debriefs import debrief_pdf, digest_pdf
    from desktop.settings import atomic_write
    from desktop.store.debriefs import DebriefStore

    out: Path = args.output.expanduser()
    if not out.parent.is_dir():
        raise CliError(f"Cannot write {out}: {out.parent} does not exist.", EXIT_INPUT)
    with cli_context(args, lock=False, report=args.format == "pdf") as ctx:
        debriefs = DebriefStore(ctx.store)
        rows = debriefs.export(args.since or "")
        if args.ids:
            for rid in args.ids:
                _find(debriefs, rid)
            wanted = set(args.ids)
            rows = [r for r in rows if r["id"] in wanted]
        if args.format == "json":
            data = json.dumps(rows, ensure_ascii=False, indent=2).encode()
            count = len(rows)
        else:
            items = debriefs.report_data([row["id"] for row in rows])
            if len(args.ids) == 1 and items:
                data = debrief_pdf(items[0])
            else:
                # The digest's summary says how many; the subtitle only which calls were asked for.
                since = f"Calls since {format_date(args.since)}" if args.since else "All calls"
                data = digest_pdf(items, subtitle=since)
            count = len(items)
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise CliError(f"Cannot write {out}: {exc.strerror or exc}") from None
    sys.stdout.write(f"Wrote {count} debrief(s) to {out}.\n")
    return 0
