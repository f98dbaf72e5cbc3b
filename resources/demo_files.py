"""Reads the demo collateral for the demo data set: the catalogue (`demo/catalogue.json`), and
for each entry its PDF's checksum and size and the text extracted beside it (`<stem>.txt`); and
the voice note and photos of the demo rep's latest lead (`demo/media/media.json` and the files
beside it, made by `tools/make_demo_media.py`).

The generator (`fieldnote.demo`) does no I/O; this is the one place the demo's files are read.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from fieldnote.demo import (
    CollateralSpec,
    DemoAttachment,
    DemoCollateral,
    DemoData,
    collateral_spec,
    demo_dataset,
)
from resources.paths import resource_path

CATALOGUE = "catalogue.json"
MEDIA_DIR = "media"
MEDIA_LIST = "media.json"


def demo_dir() -> Path:
    return resource_path("demo")


def demo_catalogue(folder: Path | None = None) -> list[CollateralSpec]:
    """The catalogue's entries, in its order (older versions before the ones replacing them)."""
    path = (folder or demo_dir()) / CATALOGUE
    entries = json.loads(path.read_text(encoding="utf-8"))["collateral"]
    return [collateral_spec(entry) for entry in entries]


def demo_collateral(folder: Path | None = None) -> list[DemoCollateral]:
    """Every catalogue entry with the facts of its file; a missing file says how to rebuild it."""
    folder = folder or demo_dir()
    out = []
    for spec in demo_catalogue(folder):
        pdf, txt = folder / spec.file_name, folder / f"{spec.stem}.txt"
        if not pdf.is_file() or not txt.is_file():
            raise FileNotFoundError(
                f"Demo collateral {spec.file_name} is missing from {folder}; rebuild it with "
                "`python -m tools.make_demo_pdfs`"
            )
        data = pdf.read_bytes()
        out.append(DemoCollateral(spec, hashlib.sha256(data).hexdigest(), len(data),
                                  txt.read_text(encoding="utf-8"), pdf))
    return out


def demo_attachments(folder: Path | None = None) -> list[DemoAttachment]:
    """The demo's voice note and photos, in `media.json`'s order, with their files' facts."""
    folder = (folder or demo_dir()) / MEDIA_DIR
    listing = folder / MEDIA_LIST
    if not listing.is_file():
        return []
    out = []
    for entry in json.loads(listing.read_text(encoding="utf-8"))["attachments"]:
        path = folder / str(entry["file"])
        if not path.is_file():
            raise FileNotFoundError(f"Demo media {path.name} is missing from {folder}; rebuild it "
                                    "with `python -m tools.make_demo_media`")
        data = path.read_bytes()
        out.append(DemoAttachment(
            media=str(entry["media"]), label=entry.get("label"), caption=entry.get("caption"),
            mime_type=str(entry["mime_type"]), duration_ms=entry.get("duration_ms"),
            width=entry.get("width"), height=entry.get("height"),
            sha256=hashlib.sha256(data).hexdigest(), size=len(data), path=path))
    return out


def load_demo_dataset(seed: int = 7, leads: int = 600) -> DemoData:
    """`fieldnote.demo.demo_dataset` with the demo collateral and media read from
    `resources/demo/`."""
    return demo_dataset(seed, leads, collateral=demo_collateral(),
                        attachments=demo_attachments())
