"""Voice notes and photos on a lead, decided without Qt: what the capture form holds before the
lead is saved, and what the lead's detail shows and offers.

The views (`attachment_views.py`) show and ask; this decides who may add or remove what (through
`Offers`, which reads `fieldnote.roles`), words nothing, and builds the jobs the views hand to
the task lanes: keeping a recorded or chosen file (its bytes flushed into the file cache before
any record names it), saving, removing, and fetching a file this device does not hold yet.
It imports no Qt (the import contracts keep it so) and is tested as plain Python.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from desktop.store.attachments import (
    Attachment,
    AttachmentRefused,
    LeadAttachments,
    PendingAttachment,
)
from desktop.store.offers import Offers
from fieldnote.attachments import PHOTO_LABELS
from fieldnote.roles import Decision


class Clip(Protocol):
    """A finished recording (`voice.VoiceClip`)."""

    @property
    def data(self) -> bytes: ...
    @property
    def duration_ms(self) -> int: ...
    @property
    def mime_type(self) -> str: ...


class Picture(Protocol):
    """A photo as Fieldnote keeps it (`photos.Photo`)."""

    @property
    def data(self) -> bytes: ...
    @property
    def mime_type(self) -> str: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...


def duration_text(ms: int | None) -> str:
    """"1:05" for 65 seconds (rounded to the nearest second, at least 0:01 for any sound)."""
    if ms is None or ms <= 0:
        return "0:00"
    seconds = max(1, (ms + 500) // 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


class PendingMedia:
    """The voice notes and photos recorded on the capture form for the visitor not saved yet.

    Each one's file is in the cache already (so a crash keeps it); its fields go into the form's
    state (a draft keeps them) and, at Save, into the lead's own transaction.
    """

    def __init__(self, attachments: LeadAttachments) -> None:
        self.attachments = attachments
        self.items: list[PendingAttachment] = []

    def keep_voice_job(self, clip: Clip) -> Callable[[], PendingAttachment]:
        """Worker side: check the recording against the rules and keep its file."""
        attachments = self.attachments
        data, mime, ms = clip.data, clip.mime_type, clip.duration_ms
        return lambda: attachments.prepare("voice", data, mime_type=mime, duration_ms=ms)

    def keep_photo_job(self, make: Callable[[], Picture],
                       label: str | None) -> Callable[[], PendingAttachment]:
        """Worker side: `make` the photo (normalising the chosen file), then keep its file."""
        attachments = self.attachments
        label = label if label in PHOTO_LABELS else None

        def job() -> PendingAttachment:
            photo = make()
            return attachments.prepare("photo", photo.data, mime_type=photo.mime_type,
                                       width=photo.width, height=photo.height, label=label)
        return job

    def added(self, item: PendingAttachment) -> None:
        if all(p.sha256 != item.sha256 for p in self.items):
            self.items.append(item)

    def remove(self, sha256: str) -> None:
        """Take one off the form (before Save); its file stays in the cache for the cache's
        own clean-up, as any file no record names."""
        self.items = [p for p in self.items if p.sha256 != sha256]

    def clear(self) -> None:
        self.items = []

    def state(self) -> list[dict[str, Any]]:
        """The pending items as the form's state holds them (JSON-able, for drafts)."""
        return [dict(p.fields) for p in self.items]

    def restore(self, states: Sequence[Mapping[str, Any]]) -> list[str]:
        """Put back the items a kept form held; returns the messages of those whose file is
        no longer on this device (those are left out)."""
        self.items = []
        lost = []
        for fields in states:
            try:
                self.added(self.attachments.pending_from(fields))
            except AttachmentRefused as exc:
                lost.append(str(exc))
        return lost


class ClipRoutes:
    """Where a voice note goes that ends after its form moved on.

    Enter saves while the rep is still recording, a scan saves the visitor and brings the next,
    Esc sets the visitor aside: the form clears at once, but the recorder finishes its file a
    moment later. The note belongs to the visitor it was recorded for, so the form tells this
    where each of its visitors went (`form_left`, then `form_reset`), and `route` names it:
    ("form", None) the form as it is, ("lead", id) a lead saved from it, ("draft", id) a held
    visitor.
    """

    def __init__(self) -> None:
        self.generation = 0  # which visitor the form holds, counted from its start
        self._went: dict[int, tuple[str, str]] = {}

    def form_left(self, kind: str, target_id: str) -> None:
        """The visitor the form holds now was saved as lead `target_id` (kind "lead") or held
        as draft `target_id` (kind "draft")."""
        self._went[self.generation] = (kind, target_id)

    def form_reset(self) -> None:
        """The form now holds another visitor (or none)."""
        self.generation += 1

    def route(self, generation: int) -> tuple[str, str | None]:
        """Where a note recorded while the form held visitor `generation` belongs now."""
        if generation == self.generation:
            return "form", None
        kind, target = self._went.get(generation, ("form", ""))
        return kind, target or None


@dataclass(frozen=True)
class Shown:
    """One voice note or photo as the lead's detail shows it."""

    item: Attachment
    author: str  # the author's name ("" when this device does not know it)
    mine: bool
    removable: Decision

    @property
    def on_device(self) -> bool:
        return self.item.path is not None


class LeadMedia:
    """What the lead's detail shows of a lead's voice notes and photos, and offers with them."""

    def __init__(self, attachments: LeadAttachments, user: Mapping[str, Any],
                 users: Callable[[], Mapping[str, Mapping[str, Any]]]) -> None:
        self.attachments = attachments
        self.user = user
        self._users = users

    def offers(self) -> Offers:
        return Offers(self.user, self.attachments.store)

    def may_add(self, lead_id: str) -> Decision:
        return self.offers().offer("lead_attachment", "create", None, {"lead_id": lead_id})

    def shown(self, lead_id: str) -> list[Shown]:
        """The lead's voice notes and photos, oldest first, with who made them and whether
        this user may remove each."""
        users = self._users()
        me = str(self.user.get("id") or "")
        offers = self.offers()
        out = []
        for item in self.attachments.for_lead(lead_id):
            row = self.attachments.store.get("lead_attachment", item.id)
            author = str((users.get(item.author_id or "") or {}).get("name") or "")
            # One made here and not yet acknowledged may lack its author until the hub sets it.
            mine = bool(me) and (item.author_id == me or (not item.author_id and not item.uploaded))
            out.append(Shown(item, author, mine, offers.offer("lead_attachment", "delete", row)))
        return out

    def add_voice_job(self, lead_id: str, clip: Clip) -> Callable[[], Attachment]:
        attachments = self.attachments
        data, mime, ms = clip.data, clip.mime_type, clip.duration_ms
        return lambda: attachments.add(lead_id, "voice", data, mime_type=mime, duration_ms=ms)

    def add_photo_job(self, lead_id: str, make: Callable[[], Picture],
                      label: str | None) -> Callable[[], Attachment]:
        attachments = self.attachments
        label = label if label in PHOTO_LABELS else None

        def job() -> Attachment:
            photo = make()
            return attachments.add(lead_id, "photo", photo.data, mime_type=photo.mime_type,
                                   width=photo.width, height=photo.height, label=label)
        return job

    def remove_job(self, attachment_id: str) -> Callable[[], None]:
        attachments = self.attachments
        return lambda: attachments.remove(attachment_id)

    def fetch_job(self, item: Attachment, fetch: Callable[[str], Path | None] | None
                  ) -> Callable[[], Path | None]:
        """Worker side: the file of `item`, from this device or fetched from the hub now
        through `fetch` (`Services.fetch_attachment`); None when neither has it (offline, not
        signed in)."""
        files = self.attachments.files
        sha = item.sha256

        def job() -> Path | None:
            path = files.path_if_verified(sha)
            if path is not None or fetch is None:
                return path
            return fetch(sha)
        return job
