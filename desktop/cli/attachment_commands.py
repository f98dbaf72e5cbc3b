"""`fieldnote leads attach` and `fieldnote leads attachments`: voice notes and photos on a lead
from the command line, on this device (they sync like any change, the file uploaded first).

A photo's metadata (EXIF with where it was taken, XMP, IPTC, comments) is dropped before it is
kept; its pixels stay as they are. A voice note's length is read from its container. What the
rules refuse is said in one line with exit 2, nothing written; what the role policy refuses
with exit 3.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from desktop.cli import CliError
from desktop.cli.context import cli_context, require_offer
from desktop.cli.tables import print_rows
from fieldnote import attachments as rules

LIST_FIELDS = ("id", "media", "label", "caption", "size", "duration_ms", "at", "on_device",
               "uploaded", "mime_type", "sha256", "author_id")
_COLUMNS = (("id", "Id", 36), ("media", "Media", 5), ("label", "Label", 13),
            ("caption", "Caption", 24), ("size", "Bytes", 9), ("duration", "Length", 6),
            ("at", "At", 20), ("on_device", "Here", 4), ("uploaded", "Sent", 4))


def register(actions: Any, parent: argparse.ArgumentParser) -> None:
    attach = actions.add_parser(
        "attach", parents=[parent], help="attach a voice note or photo to a lead",
        description=(
            "Attach a photo (.jpg, .jpeg, .png: the badge, the business card, a whiteboard) or "
            "a voice note (.m4a, .ogg; at most 2 minutes) to a lead on this device. It syncs "
            "with the lead: the file goes to the hub before the record naming it. A photo holds "
            "at most 16 MB, a voice note 4 MB; a photo's metadata (where and when it was taken, "
            "the camera) is dropped. Prints the attachment's id."),
    )
    attach.add_argument("lead", metavar="LEAD_ID_OR_EMAIL",
                        help="the lead's id, or its visitor's email (the latest lead of it)")
    attach.add_argument("file", type=Path, metavar="FILE")
    attach.add_argument("--label", choices=rules.PHOTO_LABELS,
                        help="what a photo shows (photos only)")
    attach.add_argument("--caption", metavar="TEXT", help="a short caption (200 characters)")
    attach.add_argument("--json", action="store_true",
                        help="print the attachment as one JSON object: " + ", ".join(LIST_FIELDS))
    attach.set_defaults(func=run_attach)

    listing = actions.add_parser(
        "attachments", parents=[parent], help="list a lead's voice notes and photos",
        description=("List a lead's voice notes and photos, oldest first: whether the file is "
                     "on this device (the cache limit may leave others' files on the hub until "
                     "the lead is opened) and whether it reached the hub."),
    )
    listing.add_argument("lead", metavar="LEAD_ID_OR_EMAIL")
    listing.add_argument("--json", action="store_true",
                         help="a JSON array of objects: " + ", ".join(LIST_FIELDS))
    listing.set_defaults(func=run_list)


def _find_lead(store: Any, key: str) -> dict[str, Any]:
    from desktop.store.sending import CollateralSends
    from fieldnote.sending import SendError

    try:
        return CollateralSends(store).find_lead(key)
    except SendError as exc:
        raise CliError(f"{exc}.", 2) from None


def _row(a: Any) -> dict[str, Any]:
    return {"id": a.id, "media": a.media, "label": a.label, "caption": a.caption,
            "size": a.size, "duration_ms": a.duration_ms, "at": a.at,
            "on_device": a.path is not None, "uploaded": a.uploaded, "mime_type": a.mime_type,
            "sha256": a.sha256, "author_id": a.author_id}


def _read(path: Path, label: str | None) -> tuple[str, bytes, dict[str, Any]]:
    """The medium, bytes and what they say of themselves, or CliError with the reason."""
    mime = rules.EXTENSIONS.get(path.suffix.lower())
    if mime is None:
        raise CliError(f"Not attached: {path.name} is not a photo (.jpg, .jpeg, .png) or a voice "
                       "note (.m4a, .ogg).", 2)
    media = str(rules.media_of(mime))
    if label is not None and media != "photo":
        raise CliError("Not attached: only photos have a label.", 2)
    try:
        size = path.stat().st_size
        if size > rules.max_bytes(mime):
            with path.open("rb") as fh:
                head = fh.read(rules.SNIFF_BYTES)
            problem = rules.content_problem(head, mime, size)
            raise CliError(f"Not attached: {problem or f'{path.name} is too large'}.", 2)
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    problem = rules.content_problem(data, mime, len(data))
    if problem:
        raise CliError(f"Not attached: {problem}.", 2)
    meta: dict[str, Any] = {"mime_type": mime}
    if media == "voice":
        duration = rules.voice_duration_ms(data)
        if not duration:
            raise CliError(f"Not attached: {path.name} does not say how long it lasts; record "
                           "it again or convert it to .m4a.", 2)
        meta["duration_ms"] = duration
    else:
        data = rules.without_metadata(data)
        found = rules.photo_size(data)
        if found is not None:
            meta["width"], meta["height"] = found
    return media, data, meta


def run_attach(args: argparse.Namespace) -> int:
    from desktop.store.attachments import AttachmentRefused, LeadAttachments
    from desktop.sync.blobs import open_file_cache

    path: Path = args.file.expanduser()
    media, data, meta = _read(path, args.label)
    with cli_context(args) as ctx:
        lead = _find_lead(ctx.store, args.lead)
        require_offer(ctx, "add voice notes and photos", "lead_attachment", "create", None,
                      {"lead_id": lead["id"]})
        attachments = LeadAttachments(ctx.store, open_file_cache(ctx.data_dir))
        try:
            added = attachments.add(lead["id"], media, data, label=args.label,
                                    caption=args.caption, **meta)
        except AttachmentRefused as exc:
            raise CliError(f"Not attached: {exc}.", 2) from None
    if args.json:
        sys.stdout.write(json.dumps(_row(added), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(added.id + "\n")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from desktop.store.attachments import LeadAttachments
    from desktop.sync.blobs import open_file_cache

    with cli_context(args, lock=False) as ctx:
        lead = _find_lead(ctx.store, args.lead)
        rows = [_row(a) for a in LeadAttachments(ctx.store, open_file_cache(ctx.data_dir))
                .for_lead(lead["id"])]
    if args.json:
        return print_rows(rows, as_json=True, columns=_COLUMNS, counted="", none="")
    shown = [{**r, "duration": f"{r['duration_ms'] // 1000}s" if r["duration_ms"] else "",
              "on_device": "yes" if r["on_device"] else "no",
              "uploaded": "yes" if r["uploaded"] else "no"} for r in rows]
    return print_rows(shown, as_json=False, columns=_COLUMNS,
                      counted="voice note(s) and photo(s)",
                      none="No voice notes or photos on this lead.")
