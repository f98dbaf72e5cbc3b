"""Voice notes and photos on a lead: `lead_attachment` records and their files on this device.

A file is written into the content-addressed file cache (flushed to disk) before the record
that names it commits, so a crash never leaves a record naming a file that is not there; the
sync engine uploads the file before it pushes the record. The rules (types, sizes, two minutes
of voice) are `fieldnote.attachments`'; what a user may add or remove is `fieldnote.roles`'
through `Offers`.

The file cache is passed in (`FileStore`: the data dir's `BlobCache` has this shape), so this
module stays below the sync layer. Nothing here imports Qt or speaks HTTP.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Connection, and_, asc, delete, func, select

from desktop.store.offers import Offers
from desktop.store.records import Store
from desktop.store.schema import outbox, record_tables
from fieldnote import attachments as rules
from fieldnote.kinds import LEAD_ATTACHMENT
from fieldnote.privacy import is_erased
from fieldnote.validation import ValidationFailed, clean_fields, utc_now_iso

KIND = LEAD_ATTACHMENT.name
TABLE = record_tables[KIND]
# The fields that describe an attachment's file and how it was made (all but the lead).
_META = ("media", "label", "caption", "file_sha256", "file_size", "mime_type", "duration_ms",
         "width", "height", "at")


class FileStore(Protocol):
    """Where attachment files are kept on this device (the data dir's file cache)."""

    def add_bytes(self, data: bytes) -> str: ...

    def path_if_verified(self, sha256: str) -> Path | None: ...


class AttachmentRefused(ValueError):
    """An attachment that cannot be added or removed; the message says why in words a user can
    act on (the hub's own words for a role refusal)."""


@dataclass(frozen=True)
class Attachment:
    id: str
    lead_id: str
    media: str
    label: str | None
    caption: str | None
    sha256: str
    size: int
    mime_type: str
    duration_ms: int | None
    width: int | None
    height: int | None
    at: str
    author_id: str | None
    path: Path | None  # the verified local file, None when not on this device
    uploaded: bool  # False while its file waits to be uploaded


@dataclass(frozen=True)
class PendingAttachment:
    """A voice note or photo recorded on the capture form before its lead is saved: its file
    is already in the cache; `fields` (JSON-able: a capture draft may keep them) become the
    record when the lead is saved (`LeadBook.save_capture(..., attachments=...)`)."""

    fields: Mapping[str, Any]
    path: Path | None

    @property
    def sha256(self) -> str:
        return str(self.fields["file_sha256"])


def _refusal(exc: ValidationFailed) -> AttachmentRefused:
    return AttachmentRefused("; ".join(f"{e.field}: {e.message}" for e in exc.errors))


class LeadAttachments:
    """The voice notes and photos of leads on this device."""

    def __init__(self, store: Store, files: FileStore) -> None:
        self.store = store
        self.files = files

    # -- adding --------------------------------------------------------------------------

    def prepare(self, media: str, data: bytes, *, mime_type: str | None = None,
                label: str | None = None, caption: str | None = None,
                duration_ms: int | None = None, width: int | None = None,
                height: int | None = None, at: str | None = None) -> PendingAttachment:
        """Check an attachment for a lead not saved yet and keep its file (flushed) in the
        cache; raises AttachmentRefused with the reason when the rules refuse it."""
        found = rules.sniff(data[:rules.SNIFF_BYTES])
        problem = rules.content_problem(data, mime_type or found, len(data))
        if problem:
            raise AttachmentRefused(problem)
        assert found is not None
        fields: dict[str, Any] = {
            "media": media, "label": label, "caption": caption, "file_size": len(data),
            "mime_type": mime_type or found, "duration_ms": duration_ms, "width": width,
            "height": height, "at": at or utc_now_iso(),
            # Checked before the file is written: a refused attachment leaves nothing behind.
            "file_sha256": _sha256(data),
        }
        fields = {k: v for k, v in fields.items() if v is not None}
        self.check(fields)
        sha = self.files.add_bytes(data)
        return PendingAttachment({**fields, "file_sha256": sha}, self.files.path_if_verified(sha))

    def check(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """An attachment's fields (without its lead) as they will be saved; raises
        AttachmentRefused when the rules refuse them."""
        try:
            clean = clean_fields(LEAD_ATTACHMENT, {**fields, "lead_id": _PLACEHOLDER},
                                 partial=False)
        except ValidationFailed as exc:
            raise _refusal(exc) from None
        clean.pop("lead_id", None)
        return clean

    def add(self, lead_id: str, media: str, data: bytes, *, mime_type: str,
            label: str | None = None, caption: str | None = None,
            duration_ms: int | None = None, width: int | None = None,
            height: int | None = None, at: str | None = None) -> Attachment:
        """Attach a voice note or photo to a lead on this device: the file goes into the cache
        (flushed to disk) first, then the record, in one transaction with its outbox entry.
        Raises AttachmentRefused with the reason when the rules or the user's role refuse it."""
        self._check_lead(lead_id)
        pending = self.prepare(media, data, mime_type=mime_type, label=label, caption=caption,
                               duration_ms=duration_ms, width=width, height=height, at=at)
        return self._save(lead_id, pending.fields)

    def add_file(self, lead_id: str, media: str, path: Path, *, mime_type: str | None = None,
                 label: str | None = None, caption: str | None = None,
                 duration_ms: int | None = None, width: int | None = None,
                 height: int | None = None, at: str | None = None) -> Attachment:
        """`add` with the bytes of a file (its type read from its first bytes when not given);
        a file larger than any attachment is refused before it is read."""
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise AttachmentRefused(f"{path.name} cannot be read: {exc.strerror or exc}") from None
        if size > max(rules.VOICE_MAX_BYTES, rules.PHOTO_MAX_BYTES):
            raise AttachmentRefused(rules.content_problem(_head(path), mime_type, size)
                                    or f"{path.name} is too large to attach")
        data = path.read_bytes()
        found = mime_type or rules.sniff(data[:rules.SNIFF_BYTES])
        if found is None:
            raise AttachmentRefused(str(rules.content_problem(data, None, len(data))))
        return self.add(lead_id, media, data, mime_type=found, label=label, caption=caption,
                        duration_ms=duration_ms, width=width, height=height, at=at)

    def _check_lead(self, lead_id: str) -> dict[str, Any]:
        lead = self.store.get("lead", lead_id)
        if lead is None:
            raise AttachmentRefused("That lead is not on this device")
        if is_erased(lead):
            raise AttachmentRefused("This lead's person was erased; nothing can be added to it")
        decision = self._offers().offer(KIND, "create", None, {"lead_id": lead_id})
        if not decision:
            raise AttachmentRefused(decision.reason)
        return lead

    def _offers(self) -> Offers:
        user = self.store.get_state("user") or {}
        return Offers(user if isinstance(user, dict) else {}, self.store)

    def _author(self) -> dict[str, Any] | None:
        user = self.store.get_state("user") or {}
        user_id = user.get("id") if isinstance(user, dict) else None
        return {"author_id": user_id} if user_id else None

    def _save(self, lead_id: str, fields: Mapping[str, Any]) -> Attachment:
        try:
            result = self.store.save(KIND, {**fields, "lead_id": lead_id},
                                     local_fields=self._author())
        except ValidationFailed as exc:
            raise _refusal(exc) from None
        found = self.get(result.record_id)
        assert found is not None
        return found

    def pending_from(self, fields: Mapping[str, Any]) -> PendingAttachment:
        """A pending attachment kept in a capture draft (its `fields`), with its file as this
        device holds it now; raises AttachmentRefused when the file is no longer here."""
        path = self.files.path_if_verified(str(fields.get("file_sha256") or ""))
        if path is None:
            raise AttachmentRefused(_FILE_GONE)
        return PendingAttachment(dict(self.check(fields)), path)

    # -- reading -------------------------------------------------------------------------

    def for_lead(self, lead_id: str) -> list[Attachment]:
        """The lead's voice notes and photos, oldest first (removed ones left out)."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(TABLE).where(and_(TABLE.c.lead_id == lead_id, TABLE.c.deleted.is_(False)))
                .order_by(asc(func.coalesce(TABLE.c.at, TABLE.c.local_updated_at)), asc(TABLE.c.id))
            ).mappings().all()
        return [self._attachment(dict(r)) for r in rows]

    def get(self, attachment_id: str) -> Attachment | None:
        row = self.store.get(KIND, attachment_id)
        return self._attachment(row) if row is not None else None

    def counts(self, lead_ids: Sequence[str]) -> dict[str, int]:
        """How many voice notes and photos each of these leads has (leads without: absent)."""
        out: dict[str, int] = {}
        with self.store.engine.connect() as conn:
            for start in range(0, len(lead_ids), 500):
                chunk = list(lead_ids[start:start + 500])
                out.update({lead: n for lead, n in conn.execute(
                    select(TABLE.c.lead_id, func.count()).where(and_(
                        TABLE.c.lead_id.in_(chunk), TABLE.c.deleted.is_(False)))
                    .group_by(TABLE.c.lead_id))})
        return out

    def _attachment(self, row: Mapping[str, Any]) -> Attachment:
        sha = str(row["file_sha256"] or "")
        return Attachment(
            id=row["id"], lead_id=row["lead_id"], media=row["media"], label=row["label"],
            caption=row["caption"], sha256=sha, size=int(row["file_size"] or 0),
            mime_type=row["mime_type"], duration_ms=row["duration_ms"], width=row["width"],
            height=row["height"], at=row["at"] or row["local_updated_at"],
            author_id=row["author_id"], path=self.files.path_if_verified(sha) if sha else None,
            uploaded=bool(row["rev"]))

    # -- removing ------------------------------------------------------------------------

    def may_remove(self, attachment: Attachment) -> tuple[bool, str]:
        """Whether the signed-in user may remove this attachment, and the reason if not."""
        row = self.store.get(KIND, attachment.id)
        decision = self._offers().offer(KIND, "delete", row, {})
        return decision.allowed, decision.reason

    def remove(self, attachment_id: str) -> None:
        """Remove a voice note or photo (its author alone may): a tombstone that syncs. One
        that never reached the hub is dropped with its queued change, nothing is sent."""
        row = self.store.get(KIND, attachment_id)
        if row is None:
            raise AttachmentRefused("That voice note or photo is not on this device")
        decision = self._offers().offer(KIND, "delete", row, {})
        if not decision:
            raise AttachmentRefused(decision.reason)
        if not row["rev"] and self._drop_unsent(attachment_id):
            self.store.notify(KIND, [attachment_id])
            return
        self.store.delete(KIND, attachment_id)

    def _drop_unsent(self, attachment_id: str) -> bool:
        """Forget an attachment made here whose change was never sent (True), in one
        transaction; False when some change of it may be on the hub already."""
        with self.store.engine.begin() as conn:
            entries = conn.execute(select(outbox.c.seq, outbox.c.sent).where(and_(
                outbox.c.kind == KIND, outbox.c.record_id == attachment_id))).all()
            if any(sent for _, sent in entries):
                return False
            conn.execute(delete(outbox).where(and_(outbox.c.kind == KIND,
                                                   outbox.c.record_id == attachment_id)))
            conn.execute(delete(TABLE).where(TABLE.c.id == attachment_id))
        return True

    # -- what the file cache keeps -------------------------------------------------------

    def waiting_files(self) -> builtins.set[str]:
        return AttachmentFiles(self.store).waiting_files()


class AttachmentFiles:
    """Which attachment files this device wants and must keep (the sync's file policy reads
    this beside the collateral library)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def waiting_files(self) -> builtins.set[str]:
        """Files of attachments made here whose records the hub has not acknowledged yet:
        they exist nowhere else, so the cache never evicts them."""
        with self.store.engine.connect() as conn:
            return {sha for (sha,) in conn.execute(select(TABLE.c.file_sha256).where(and_(
                TABLE.c.rev == 0, TABLE.c.deleted.is_(False), TABLE.c.file_sha256.is_not(None))))
                if sha}

    def wanted_files(self) -> list[tuple[str, int | None]]:
        """Files of the voice notes and photos on this device, of the newest leads first (by
        when the lead was captured; a lead's own attachments newest first), each once:
        (sha256, size)."""
        lead = record_tables["lead"]
        # Read from the attachments, each lead looked up by its id: joined, SQLite walked every
        # lead in capture order to find the few with attachments (each sync cycle asks three
        # times, so at 10,000 leads that was some 25 ms a cycle).
        captured = (select(lead.c.captured_at).where(lead.c.id == TABLE.c.lead_id)
                    .scalar_subquery())
        live = select(lead.c.id).where(and_(lead.c.id == TABLE.c.lead_id,
                                            lead.c.deleted.is_(False),
                                            lead.c.erased_at.is_(None))).exists()
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(TABLE.c.file_sha256, TABLE.c.file_size)
                .where(and_(TABLE.c.deleted.is_(False), TABLE.c.file_sha256.is_not(None), live))
                .order_by(captured.desc(), TABLE.c.lead_id,
                          func.coalesce(TABLE.c.at, TABLE.c.local_updated_at).desc())
            ).all()
        seen: builtins.set[str] = builtins.set()
        out: list[tuple[str, int | None]] = []
        for sha, size in rows:
            if sha and sha not in seen:
                seen.add(sha)
                out.append((sha, size))
        return out

    def size_of(self, sha256: str) -> int | None:
        """The size of a file a live attachment names, or None when none names it."""
        with self.store.engine.connect() as conn:
            row = conn.execute(select(TABLE.c.file_size).where(and_(
                TABLE.c.file_sha256 == sha256, TABLE.c.deleted.is_(False))).limit(1)).first()
        return None if row is None else int(row.file_size or 0)


_FILE_GONE = ("The file of a voice note or photo is no longer on this device; record or add it "
              "again")


def save_pending(store: Store, conn: Connection, lead_id: str,
                 pending: Iterable[PendingAttachment], author_id: str | None) -> list[str]:
    """Save the attachments recorded with a new lead inside the lead's own transaction: both
    commit or neither does. Their files are in the cache already (`LeadAttachments.prepare`,
    flushed before this runs); ValidationFailed or AttachmentRefused roll the lead back too."""
    ids = []
    local = {"author_id": author_id} if author_id else None
    for item in pending:
        if item.path is None or not item.path.is_file():
            raise AttachmentRefused(_FILE_GONE)
        values = {k: item.fields.get(k) for k in _META if item.fields.get(k) is not None}
        result = store.save_in(conn, LEAD_ATTACHMENT, {**values, "lead_id": lead_id},
                               local_fields=local)
        ids.append(result.record_id)
    return ids


# A syntactically valid lead id for checking an attachment's own fields before its lead exists.
_PLACEHOLDER = "00000000-0000-4000-8000-000000000000"


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(rules.SNIFF_BYTES)
    except OSError:
        return b""
