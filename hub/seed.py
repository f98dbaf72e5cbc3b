"""Demo data for trying the hub: users with known passwords, an event, a rubric, reason
lists and approved collateral with real PDF files.

Seeding is idempotent: records have fixed ids and users fixed emails, and anything already
present is left as it is. It writes through the same path as pushes, so the demo data is in
the change feed like any other record.
"""

from __future__ import annotations

import hashlib
import io
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldnote.kinds import KINDS
from fieldnote.validation import clean_fields
from hub import accounts
from hub.blobs import BlobStore
from hub.db.engine import make_engine, writer
from hub.db.migrate import upgrade
from hub.records import RecordState, RecordStore

log = logging.getLogger(__name__)

DEMO_PASSWORD = "demo"
_NS = uuid.UUID("6f1c1f64-8d0e-4d6b-9a55-0c7f0e2b9a10")


def demo_id(name: str) -> str:
    return str(uuid.uuid5(_NS, name))


@dataclass
class SeedData:
    """The shape `fieldnote.demo.demo_dataset()` yields, so either source seeds the same way."""

    users: list[dict[str, Any]]
    records: list[tuple[str, str, dict[str, Any], str]]
    blobs: list[Path] = field(default_factory=list)
    blob_bytes: list[bytes] = field(default_factory=list)


@dataclass(frozen=True)
class SeedReport:
    users_added: int
    records_added: int
    blobs_added: int


DEMO_USERS = [
    {"email": "rep@demo.fieldnote", "name": "Riley Rep", "role": "rep", "team": "east"},
    {"email": "rep2@demo.fieldnote", "name": "Robin West", "role": "rep", "team": "west"},
    {"email": "marketer@demo.fieldnote", "name": "Morgan Marketer", "role": "marketer",
     "team": None},
    {"email": "manager@demo.fieldnote", "name": "Max Manager", "role": "manager",
     "team": "east"},
    {"email": "admin@demo.fieldnote", "name": "Ada Admin", "role": "admin", "team": None},
]


def _pdf(title: str, lines: Iterable[str]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    # `invariant` keeps the bytes identical run to run, so the file's hash is stable.
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle(title)
    pdf.setFont("Helvetica-Bold", 22)
    pdf.drawString(72, 760, title)
    pdf.setFont("Helvetica", 12)
    y = 720
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def minimal_dataset() -> SeedData:
    """A small built-in demo set, used when the domain package has no demo dataset."""
    rubric_id = demo_id("rubric:booth")
    event_id = demo_id("event:expo")
    sheet = _pdf("Fieldnote Sensor S2 - sell sheet",
                 ["Battery life: 5 years.", "Range: 2 km line of sight.",
                  "Price from 49 EUR per unit."])
    study = _pdf("Case study: Harbour Logistics",
                 ["Harbour Logistics cut cold-chain losses by 31%.",
                  "Rolled out 1,200 sensors in six weeks."])
    records: list[tuple[str, str, dict[str, Any], str]] = [
        ("rubric", rubric_id, {
            "name": "Booth qualification", "version": 1,
            "questions": [
                {"id": "budget", "text": "Budget approved?", "type": "bool", "weight": 30},
                {"id": "timeline", "text": "Buying within 6 months?", "type": "bool",
                 "weight": 30},
                {"id": "role", "text": "Decision maker?", "type": "bool", "weight": 40},
            ],
            "thresholds": {"hot": 70, "warm": 40},
            "must_have": [{"question": "budget"}],
        }, "marketer@demo.fieldnote"),
        ("event", event_id, {
            "name": "Logistics Expo 2026", "venue": "Messe Hall 4", "starts_on": "2026-11-24",
            "ends_on": "2026-11-26", "campaign_code": "LX26", "rubric_id": rubric_id,
        }, "marketer@demo.fieldnote"),
        ("reason_list", demo_id("reasons:why_buy"), {
            "list": "why_buy", "items": ["Price", "Battery life", "Support", "Integration"],
        }, "marketer@demo.fieldnote"),
        ("reason_list", demo_id("reasons:why_not"), {
            "list": "why_not", "items": ["Price", "No budget", "Incumbent vendor", "Timing"],
        }, "marketer@demo.fieldnote"),
        ("reason_list", demo_id("reasons:lost"), {
            "list": "lost", "items": ["Competitor", "Price", "No decision"],
        }, "marketer@demo.fieldnote"),
        ("reason_list", demo_id("reasons:disqualified"), {
            "list": "disqualified", "items": ["Student", "Competitor", "No fit"],
        }, "marketer@demo.fieldnote"),
    ]
    for key, title, kind, data, tags in (
        ("sheet", "Sensor S2 sell sheet", "sell_sheet", sheet, ["sensors", "pricing"]),
        ("study", "Case study: Harbour Logistics", "case_study", study, ["logistics"]),
    ):
        records.append(("collateral", demo_id(f"collateral:{key}"), {
            "title": title, "summary": f"Demo {kind.replace('_', ' ')}", "kind": kind,
            "tags": tags, "status": "approved", "version": 1,
            "file_sha256": hashlib.sha256(data).hexdigest(), "file_name": f"{key}.pdf",
            "file_size": len(data), "mime_type": "application/pdf", "audience": [],
        }, "marketer@demo.fieldnote"))
    return SeedData(
        users=[{**u, "id": demo_id(f"user:{u['email']}"), "password": DEMO_PASSWORD}
               for u in DEMO_USERS],
        records=records,
        blob_bytes=[sheet, study],
    )


def load_dataset() -> SeedData:
    try:
        from fieldnote import demo  # type: ignore[attr-defined]
    except ImportError:
        return minimal_dataset()
    data = demo.demo_dataset()
    return SeedData(users=list(data.users), records=list(data.records),
                    blobs=[Path(p) for p in data.blobs])


def seed_demo(db_url: str, blobs_dir: Path, data: SeedData | None = None) -> SeedReport:
    """Add the demo users, records and files that are not there yet."""
    data = data or load_dataset()
    engine = make_engine(db_url)
    try:
        upgrade(engine)
        store_blobs = BlobStore(blobs_dir)
        blobs_added = 0
        for payload in [*data.blob_bytes, *(p.read_bytes() for p in data.blobs)]:
            blobs_added += store_blobs.put_bytes(hashlib.sha256(payload).hexdigest(), payload)
        users_added = 0
        known = {a.email.lower(): a.id for a in accounts.list_users(engine)}
        for user in data.users:
            email = user["email"].lower()
            if email in known:
                continue
            actor = accounts.add_user(
                engine, email=user["email"], name=user["name"], role=user["role"],
                team=user.get("team"), password=user.get("password") or DEMO_PASSWORD,
                user_id=user.get("id"),
            )
            known[email] = actor.id
            users_added += 1
        records_added = _seed_records(engine, data.records, known)
    finally:
        engine.dispose()
    return SeedReport(users_added, records_added, blobs_added)


def _seed_records(engine: Any, records: list[tuple[str, str, dict[str, Any], str]],
                  users: dict[str, str]) -> int:
    added = 0
    for start in range(0, len(records), 500):
        chunk = records[start : start + 500]
        with writer(engine).begin() as conn:
            store = RecordStore(conn)
            store.take_counter_lock()
            for kind in {k for k, *_ in chunk}:
                store.load_many(kind, [rid for k, rid, *_ in chunk if k == kind])
            for kind, record_id, fields, owner_email in chunk:
                if store.get(kind, record_id) is not None:
                    continue
                owner = users[owner_email.lower()]
                clean = clean_fields(kind, fields)
                for server_field in ("owner_id", "captured_by", "author_id"):
                    if server_field in KINDS[kind].by_name:
                        clean[server_field] = owner
                state = RecordState(kind=kind, id=record_id, fields=clean)
                store.stage(state)
                added += 1
            store.flush()
    return added
