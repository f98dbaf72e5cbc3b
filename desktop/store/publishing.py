"""Publishing a local file as collateral: copy it into the content-addressed cache, read its
text, and save the item so the next sync uploads the file before the item.

Runs on a worker (hashing and text extraction take time on large files); the file the marketer
chose is only read, never moved or changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from desktop.store.file_check import check_content, shown_name
from desktop.store.local_files import FileProblem, document_text, is_publishable, mime_type

if TYPE_CHECKING:
    from desktop.store.collateral import CollateralLibrary

# A file larger than this is refused: the hub's blob store and a rep's laptop both pay for it.
MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024


class FileCache(Protocol):
    """The part of the blob cache publishing uses (`desktop.sync.blobs.BlobCache` has it)."""

    def add_file(self, src: Path) -> tuple[str, int]: ...


def file_fields(path: Path, blobs: FileCache) -> dict[str, Any]:
    """Check `path` is what its name says, put it into the cache and return the collateral
    fields that describe the file. A refused file leaves the cache as it was."""
    path = path.expanduser()
    check_file(path)
    try:
        sha, stored = blobs.add_file(path)
    except OSError as exc:
        raise FileProblem(f"Could not copy {shown_name(path)} into the library: {exc.strerror or exc}") from None
    fields: dict[str, Any] = {
        "file_sha256": sha,
        "file_name": path.name[:200],
        "file_size": stored,
        "mime_type": mime_type(path),
    }
    text = document_text(path)
    if text:
        fields["text"] = text
    return fields


def check_file(path: Path) -> None:
    """Raise FileProblem, with one line a marketer can act on, unless `path` may be published:
    a kind of file the library holds, not empty, not too large, and what its name says."""
    if not path.is_file():
        raise FileProblem(f"{shown_name(path)} is not a file.")
    if not is_publishable(path):
        raise FileProblem(
            f"{shown_name(path)} is not a kind of file the library holds (PDF, slides, documents, "
            "spreadsheets, images, videos, text)."
        )
    size = path.stat().st_size
    if size == 0:
        raise FileProblem(f"{shown_name(path)} is empty.")
    if size > MAX_FILE_BYTES:
        raise FileProblem(f"{shown_name(path)} is larger than 2 GB; publish a smaller export of it.")
    check_content(path)


def publish_file(
    library: CollateralLibrary,
    blobs: FileCache,
    path: Path,
    fields: Mapping[str, Any],
    *,
    author_id: str | None = None,
    supersedes_id: str | None = None,
) -> str:
    """Publish `path` with `fields` (title, kind, tags, audience, status, ...); return the id.

    With `supersedes_id` the item is a new version of that one.
    """
    values = {**fields, **file_fields(path, blobs)}
    if supersedes_id:
        return library.new_version(supersedes_id, values, author_id=author_id)
    return library.publish(values, author_id=author_id)
