"""`fieldnote debriefs add | list | export`: call debriefs without the window.

`add` checks each debrief exactly like the form's submit (the same `DebriefStore` call), queues
the good ones and names every bad one by index, field and reason; nothing here prints a trace.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli import CliError
from desktop.cli.context import cli_context, require_offer

if TYPE_CHECKING:
    from desktop.store.debriefs import DebriefStore

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
        description="Queue debriefs from a JSON file holding one debrief object or a list of "
        "them, with the protocol's debrief fields (account and call_date required). An object "
        "may carry an id, so adding the same file again updates instead of duplicating.",
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
        raw = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CliError(f"{name}: no such file", EXIT_INPUT) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CliError(f"{name}: cannot read it ({exc})", EXIT_INPUT) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CliError(
            f"{name} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
            "expected one debrief object or a list of them", EXIT_INPUT) from None
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list):
        return data
    raise CliError(f"{name} holds JSON {type(data).__name__}; expected one debrief object or a "
                   "list of them", EXIT_INPUT)


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
            sys.stderr.write(f"debrief {index}: {error.field}: {error.message}\n")
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
    if args.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not rows:
        sys.stdout.write("No debriefs.\n")
        return 0
    sys.stdout.write(_table(rows))
    return 0


def _cell(value: Any, width: int) -> str:
    text = " ".join(str(value or "").split())
    return (text[: width - 1] + "…") if len(text) > width else text.ljust(width)


def _table(rows: list[dict[str, Any]]) -> str:
    cols = (("call_date", "Call", 10), ("account", "Account", 28), ("call_type", "Type", 11),
            ("outcome", "Outcome", 11), ("status", "Status", 9), ("id", "Id", 36))
    lines = ["  ".join(_cell(title, w) for _, title, w in cols).rstrip()]
    lines.append("  ".join("-" * w for _, _, w in cols))
    for row in rows:
        lines.append("  ".join(_cell(row.get(key), w) for key, _, w in cols).rstrip())
    lines.append(f"{len(rows)} debrief(s)")
    return "\n".join(lines) + "\n"


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
    lines = [f"{item['account']}  ({item['call_date']}, {item.get('status')})", f"id: {item['id']}"]
    for key, value in item.items():
        if key in ("id", "account", "call_date", "status", "comments", "collateral") or value in (None, [], ""):
            continue
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        lines.append(f"{key}: {shown}")
    for c in item["collateral"]:
        verdict = {True: "helped", False: "did not help"}.get(c.get("helpful"), "not rated")
        lines.append(f"collateral: {c['title']} ({verdict})")
    lines.append(f"replies: {len(item['comments'])}")
    for c in item["comments"]:
        new = "" if c["read"] else "  [new]"
        lines.append(f"  {c['author'] or c['author_id'] or 'someone'} {c['created_at'] or ''}{new}")
        lines.extend(f"    {part}" for part in str(c["body"]).splitlines())
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


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
                since = f"calls since {args.since}" if args.since else "all calls"
                data = digest_pdf(items, subtitle=f"{len(items)} debrief(s), {since}")
            count = len(items)
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise CliError(f"Cannot write {out}: {exc.strerror or exc}") from None
    sys.stdout.write(f"Wrote {count} debrief(s) to {out}.\n")
    return 0
