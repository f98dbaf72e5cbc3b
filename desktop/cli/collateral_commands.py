"""`fieldnote collateral publish | propose | list | send | sends | revoke`: the collateral
library without the window, for IT and scripts. Same code paths as the app; failures are one
clear line, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from desktop.cli import CliError
from desktop.cli.context import EXIT_REFUSED, cli_context, require_offer
from fieldnote.kinds import COLLATERAL_KINDS
from fieldnote.validation import ValidationFailed


def register(subparsers: Any, parent: argparse.ArgumentParser) -> None:
    group = subparsers.add_parser(
        "collateral", help="publish, propose and list collateral", parents=[parent],
        description="Publish collateral (marketers), propose material (reps) and list the "
                    "library.",
    )
    sub = group.add_subparsers(dest="collateral_command", metavar="ACTION")

    publish = sub.add_parser(
        "publish", parents=[parent], help="publish a file (queued for the next sync)",
        description="Add a file to the library; it and the item go to the hub at the next sync.",
    )
    publish.add_argument("file", type=Path, metavar="FILE")
    publish.add_argument("--title", required=True, help="what reps see in the library")
    publish.add_argument("--kind", required=True, choices=COLLATERAL_KINDS)
    publish.add_argument("--summary", default="", help="one or two sentences")
    publish.add_argument("--tags", default="", help="comma-separated, e.g. 'product:Pipeline,CDC'")
    publish.add_argument("--audience", action="append", default=[], metavar="TEAM",
                         help="a team that gets it (repeatable); none = everyone")
    publish.add_argument("--expires", metavar="YYYY-MM-DD", help="last day it may be used")
    publish.add_argument("--supersedes", metavar="ID", help="the item this is a new version of")
    publish.add_argument("--approve", action="store_true",
                         help="publish as approved (reps get it at their next sync)")
    publish.set_defaults(func=_publish)

    propose = sub.add_parser(
        "propose", parents=[parent], help="propose your own material to marketing (reps)",
        description="Send a file to marketing's review queue as your proposal; marketing "
                    "approves, edits or declines it. Queued for the next sync.",
    )
    propose.add_argument("file", type=Path, metavar="FILE")
    propose.add_argument("--title", required=True, help="what it is called in the library")
    propose.add_argument("--kind", required=True, choices=COLLATERAL_KINDS)
    propose.add_argument("--summary", default="", help="one or two sentences")
    propose.add_argument("--tags", default="", help="comma-separated, e.g. 'product:Pipeline,CDC'")
    propose.set_defaults(func=_propose)

    listing = sub.add_parser(
        "list", parents=[parent], help="the items you may use",
        description="Every item you may use: not retired, not expired, not replaced.",
    )
    listing.add_argument("--json", action="store_true", help="one JSON array for scripts")
    listing.set_defaults(func=_list)

    send = sub.add_parser(
        "send", parents=[parent], help="send an item to a visitor by mail (at the next sync)",
        description="Queue an approved item for a lead's visitor: at the next sync the hub "
        "mails them your message and a personal link to the file, if they agreed to be "
        "contacted. Works offline; the send waits here until then.",
    )
    send.add_argument("item_id", metavar="ITEM_ID", help="the collateral item (collateral list)")
    send.add_argument("--lead", required=True, metavar="LEAD_ID_OR_EMAIL",
                      help="the lead's id, or its visitor's email")
    send.add_argument("--message", default="", metavar="TEXT",
                      help="a short note to the visitor (at most 2,000 characters)")
    send.set_defaults(func=_send)

    sends = sub.add_parser(
        "sends", parents=[parent], help="what you sent to visitors and how it went",
        description="Every send on this device, newest first: queued, sent, failed (with the "
        "reason), no consent, or opened.")
    sends.add_argument("--lead", metavar="LEAD_ID_OR_EMAIL", help="only this lead's")
    sends.add_argument("--json", action="store_true", help="one JSON array for scripts")
    sends.set_defaults(func=_sends)

    revoke = sub.add_parser(
        "revoke", parents=[parent], help="stop the links of a send from working (online)",
        description="Revoke the personal links a send mailed, at once, on the hub: all of "
        "them or one item's. The sender, marketing and administrators may.")
    revoke.add_argument("send_id", metavar="SEND_ID", help="the send (collateral sends)")
    revoke.add_argument("--item", metavar="ITEM_ID", help="only this item's link")
    revoke.set_defaults(func=_revoke)

    proposals = sub.add_parser(
        "proposals", parents=[parent], help="reps' proposals (marketing) or your own (reps)",
        description="Reps' proposals with their state and marketing's comment, newest first: "
        "every proposal for marketing, your own for a rep.")
    proposals.add_argument("--json", action="store_true", help="one JSON array for scripts")
    proposals.set_defaults(func=_proposals)

    review = sub.add_parser(
        "review", parents=[parent], help="approve, decline or verify an item (marketing)",
        description="Marketing's answer to a proposal, or its confirmation that an approved "
        "item still holds; queued for the next sync.")
    review.add_argument("item_id", metavar="ITEM_ID")
    what = review.add_mutually_exclusive_group(required=True)
    what.add_argument("--approve", action="store_true",
                      help="approve it (reps in its audience get it at their next sync)")
    what.add_argument("--decline", metavar="COMMENT", help="decline it, saying why")
    what.add_argument("--verified", action="store_true",
                      help="mark it verified today (its last verified date)")
    review.add_argument("--comment", default="", metavar="TEXT",
                        help="with --approve: a note for the rep who proposed it")
    review.set_defaults(func=_review)
    group.set_defaults(func=lambda _args: _usage(group))


def _usage(group: argparse.ArgumentParser) -> int:
    group.print_usage(sys.stderr)
    sys.stderr.write("fieldnote collateral: choose an action: publish, propose, list, "
                     "proposals, review, send, sends or revoke\n")
    return 2


def _list(args: argparse.Namespace) -> int:
    from desktop.store.collateral import CollateralLibrary
    from desktop.sync.blobs import open_file_cache

    with cli_context(args, lock=False) as ctx:
        blobs = open_file_cache(ctx.data_dir)
        items = []
        for row in CollateralLibrary(ctx.store).visible_items():
            sha = row.get("file_sha256")
            path = blobs.path_if_verified(sha) if sha else None
            items.append({
                "id": row["id"], "title": row.get("title"), "kind": row.get("kind"),
                "version": row.get("version"), "status": row.get("status"), "sha256": sha,
                "cached": path is not None,
                "path": str(path.resolve()) if path is not None else None,
            })
    if args.json:
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not items:
        sys.stdout.write("No collateral yet; sync to get what your team may use.\n")
        return 0
    for item in items:
        state = "offline" if item["cached"] else "not downloaded"
        sys.stdout.write(
            f"{item['id']}  v{item['version'] or 1}  {item['status']:<8}  {item['kind'] or '':<10}  "
            f"{item['title']}  ({state})\n"
        )
    return 0


def _publish(args: argparse.Namespace) -> int:
    from desktop.store.collateral import CollateralLibrary
    from desktop.store.file_check import shown_name
    from desktop.store.local_files import FileProblem
    from desktop.store.publishing import publish_file
    from desktop.sync.blobs import open_file_cache

    path: Path = args.file.expanduser()
    if not path.is_file():
        raise CliError(f"{shown_name(path)} does not exist or is not a file.")
    fields: dict[str, Any] = {
        "title": args.title.strip(),
        "kind": args.kind,
        "status": "approved" if args.approve else "draft",
        "tags": [t.strip() for t in args.tags.split(",") if t.strip()],
        "audience": [a.strip() for a in args.audience if a.strip()],
    }
    if args.summary.strip():
        fields["summary"] = args.summary.strip()
    if args.expires:
        try:
            expires = dt.date.fromisoformat(args.expires)
        except ValueError:
            raise CliError(f"--expires {args.expires!r} is not a date like 2027-03-31.", 2) from None
        if expires < dt.date.today():
            raise CliError(f"--expires {args.expires} is in the past; reps would never see it.", 2)
        fields["expires_on"] = expires.isoformat()
    with cli_context(args) as ctx:
        user = ctx.store.get_state("user") or {}
        if not (isinstance(user, dict) and user.get("id")):
            raise CliError("Sign in first (fieldnote signin): publishing needs a marketer's account.",
                           EXIT_REFUSED)
        require_offer(ctx, "publish", "collateral", "create")
        library = CollateralLibrary(ctx.store)
        if args.supersedes and ctx.store.get("collateral", args.supersedes) is None:
            raise CliError(f"--supersedes {args.supersedes}: no such item here.", 2)
        try:
            record_id = publish_file(library, open_file_cache(ctx.data_dir), path, fields,
                                     author_id=user.get("id"), supersedes_id=args.supersedes)
        except FileProblem as exc:
            raise CliError(str(exc)) from None
        except ValidationFailed as exc:
            raise CliError(f"Not published: {exc.describe()}", 2) from None
    sys.stdout.write(record_id + "\n")
    return 0


def _propose(args: argparse.Namespace) -> int:
    from desktop.store.collateral import CollateralLibrary
    from desktop.store.file_check import shown_name
    from desktop.store.local_files import FileProblem
    from desktop.store.publishing import publish_file
    from desktop.sync.blobs import open_file_cache

    path: Path = args.file.expanduser()
    if not path.is_file():
        raise CliError(f"{shown_name(path)} does not exist or is not a file.")
    if not args.title.strip():
        raise CliError("--title is empty; give the material a title.", 2)
    fields: dict[str, Any] = {
        "title": args.title.strip(),
        "kind": args.kind,
        "tags": [t.strip() for t in args.tags.split(",") if t.strip()],
    }
    if args.summary.strip():
        fields["summary"] = args.summary.strip()
    with cli_context(args) as ctx:
        user = ctx.store.get_state("user") or {}
        if not (isinstance(user, dict) and user.get("id")):
            raise CliError("Sign in first (fieldnote signin): a proposal names its proposer.",
                           EXIT_REFUSED)
        library = CollateralLibrary(ctx.store)
        fields = library.propose_fields(fields, str(user["id"]))
        require_offer(ctx, "propose material", "collateral", "create", None, fields)
        try:
            record_id = publish_file(library, open_file_cache(ctx.data_dir), path, fields,
                                     author_id=user.get("id"))
        except FileProblem as exc:
            raise CliError(str(exc)) from None
        except ValidationFailed as exc:
            raise CliError(f"Not proposed: {exc.describe()}", 2) from None
    sys.stdout.write(record_id + "\n")
    return 0


def _send(args: argparse.Namespace) -> int:
    from desktop.store.sending import CollateralSends
    from fieldnote.sending import SendError

    with cli_context(args) as ctx:
        user = ctx.store.get_state("user") or {}
        if not (isinstance(user, dict) and user.get("id")):
            raise CliError("Sign in first (fieldnote signin): sending needs your account.",
                           EXIT_REFUSED)
        sends = CollateralSends(ctx.store)
        try:
            lead = sends.find_lead(args.lead)
        except SendError as exc:
            raise CliError(f"Not queued: {exc}.", 2) from None
        item_id = args.item_id.strip().lower()
        changes = {"lead_id": lead["id"], "collateral_ids": [item_id]}
        require_offer(ctx, "send collateral", "collateral_send", "create", None, changes)
        try:
            sends.check(lead, [item_id], args.message)
        except SendError as exc:
            raise CliError(f"Not queued: {exc}.", 2 if "characters" in str(exc) else 1
                           ) from None
        try:
            send_id = sends.queue(lead["id"], [item_id], args.message, str(user["id"]))
        except ValidationFailed as exc:
            raise CliError(f"Not queued: {exc.describe()}", 2) from None
    sys.stdout.write(send_id + "\n")
    return 0


def _sends(args: argparse.Namespace) -> int:
    from desktop.store.sending import CollateralSends
    from fieldnote.sending import SendError

    with cli_context(args, lock=False) as ctx:
        sends = CollateralSends(ctx.store)
        if args.lead:
            try:
                lead = sends.find_lead(args.lead)
            except SendError as exc:
                raise CliError(f"{exc}.", 2) from None
            rows = sends.for_lead(lead["id"])
        else:
            rows = sends.all_sends()
    out = [{"id": r["id"], "lead_id": r.get("lead_id"), "items": list(r.get("collateral_ids")
                                                                       or []),
            "titles": r["items"], "message": r.get("message"),
            "requested_at": r.get("requested_at"), "state": r["display_state"],
            "reason": r.get("state_reason"), "mailed_at": r.get("mailed_at"),
            "opened_at": r.get("opened_at"), "links": r.get("links") or []} for r in rows]
    if args.json:
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not out:
        sys.stdout.write("Nothing sent to visitors yet.\n")
        return 0
    for r in out:
        reason = f"  ({r['reason']})" if r["reason"] and r["state"] != "sent" else ""
        sys.stdout.write(f"{r['id']}  {r['state']:<10}  {', '.join(r['titles'])}{reason}\n")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    from desktop.sync.errors import SyncFailure
    from desktop.sync.session import Timeouts, signed_in_client

    with cli_context(args, lock=False) as ctx:
        try:
            client = signed_in_client(ctx.data_dir, ctx.store,
                                      ctx.settings.hub_ca_bundle or None,
                                      Timeouts(connect=5.0, read=15.0, retries=1))
        except SyncFailure as exc:
            raise CliError(f"Not revoked: {exc.message}", EXIT_REFUSED) from None
        try:
            answer = client.revoke_send(args.send_id.strip().lower(),
                                        args.item.strip().lower() if args.item else None)
        except SyncFailure as exc:
            raise CliError(f"Not revoked: {exc.message}") from None
        finally:
            client.close()
    sys.stdout.write(f"Revoked {answer.get('revoked', 0)} link(s); they no longer open.\n")
    return 0


def _proposals(args: argparse.Namespace) -> int:
    from desktop.store.collateral import CollateralLibrary
    from desktop.store.offers import Offers

    with cli_context(args, lock=False) as ctx:
        user = ctx.store.get_state("user") or {}
        user = user if isinstance(user, dict) else {}
        # Marketing reviews everyone's; anyone else follows their own.
        everyone = Offers(user, ctx.store).reach.unpublished
        rows = CollateralLibrary(ctx.store).proposals(
            proposer_id=None if everyone else str(user.get("id") or "-"))
        items = [{"id": r["id"], "title": r.get("title"), "kind": r.get("kind"),
                  "status": r.get("status"), "proposed_by": r.get("proposed_by"),
                  "review_comment": r.get("review_comment"),
                  "verified_on": r.get("verified_on")} for r in rows]
    if args.json:
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not items:
        sys.stdout.write("No proposals.\n")
        return 0
    for item in items:
        note = f"  ({item['review_comment']})" if item["review_comment"] else ""
        sys.stdout.write(f"{item['id']}  {item['status']:<8}  {item['title']}{note}\n")
    return 0


def _review(args: argparse.Namespace) -> int:
    from desktop.store.collateral import CollateralLibrary

    if args.decline is not None and not args.decline.strip():
        raise CliError("--decline needs a comment saying why; the rep reads it.", 2)
    if args.comment and not args.approve:
        raise CliError("--comment goes with --approve; --decline takes its comment itself.", 2)
    with cli_context(args) as ctx:
        library = CollateralLibrary(ctx.store)
        row = ctx.store.get("collateral", args.item_id)
        if row is None or row.get("deleted"):
            raise CliError(f"{args.item_id}: no such item here (sync first?).", 2)
        today = dt.date.today().isoformat()
        if args.approve:
            fields: dict[str, Any] = {"status": "approved", "verified_on": today}
            require_offer(ctx, "approve", "collateral", "update", row, fields)
            library.approve(row["id"], args.comment, today=today)
        elif args.decline is not None:
            fields = {"status": "declined", "review_comment": args.decline.strip()}
            require_offer(ctx, "decline", "collateral", "update", row, fields)
            library.decline(row["id"], args.decline)
        else:
            if row.get("status") != "approved":
                raise CliError(f"{args.item_id} is {row.get('status')}: only approved items "
                               "are verified.", 2)
            require_offer(ctx, "verify", "collateral", "update", row, {"verified_on": today})
            library.mark_verified(row["id"], today=today)
    sys.stdout.write(f"{row['id']}: queued for the next sync.\n")
    return 0
