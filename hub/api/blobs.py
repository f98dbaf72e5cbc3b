"""Routes for files: check, upload (marketers and reps proposing material: any file; whoever
captures leads: a consent signature; whoever adds voice notes and photos to leads: those
files), resumable upload in pieces, and download with Range/ETag.

A download is allowed only to someone who can see a record naming the file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from fieldnote import attachments
from fieldnote.consent import PNG_MAGIC, SIGNATURE_MAX_BYTES
from hub import authz
from hub.api.deps import CurrentUser, Hub, HubDep
from hub.api.problems import ProblemError, documented
from hub.authz import Actor
from hub.blobs import (
    SHA256_RE,
    BlobMismatch,
    BlobTooLarge,
    PartialUpload,
    UploadBusy,
    file_fields,
)
from hub.db.tables import RECORD_TABLES

router = APIRouter(prefix="/v1/blobs", tags=["blobs"])
_CHUNK = 256 * 1024
# The most bytes one piece of a resumable upload carries (`PATCH`).
PIECE_MAX_BYTES = 8 * 1024 * 1024


def _check_name(sha256: str) -> str:
    if not SHA256_RE.match(sha256):
        raise ProblemError(404, "Not found", "A blob is named by its sha256 in lower-case hex",
                           kind="not-found")
    return sha256


def _may_read(hub: Hub, actor: Actor, sha256: str) -> bool:
    if authz.may_read_any_file(actor):
        return True
    # The records that name files (`file_fields`): collateral (its document), leads (a
    # consent signature), voice notes and photos on leads.
    with hub.engine.connect() as conn:
        for kind, names in file_fields().items():
            table = RECORD_TABLES[kind]
            for column in names:
                rows = conn.execute(
                    select(table.c.hub_audiences)
                    .where(table.c[column] == sha256, table.c.deleted.is_(False))
                )
                if any(authz.can_see(actor, r.hub_audiences or []) for r in rows):
                    return True
    return False


# -- who uploads what -------------------------------------------------------------------------

_ONLY_SOME_FILES = ("Only marketers and reps proposing material upload files other than a "
                    "consent signature (a PNG image), a voice note (M4A or Ogg) or a photo "
                    "(JPEG or PNG)")


@dataclass(frozen=True)
class UploadRights:
    """What the caller may upload, as the role policy says (`hub.authz`): any file up to the
    hub's limit (collateral), a consent signature (a small PNG), the file of a voice note or
    photo (its type, up to its size: `fieldnote.attachments`)."""

    any_file: int | None  # the limit for any file; None when not allowed
    signature: bool
    attachment: bool
    refusal: str  # why, when the caller may upload nothing
    hub_limit: int

    @classmethod
    def of(cls, actor: Actor, hub_limit: int) -> UploadRights:
        collateral = authz.refusal(actor, "collateral", "upload")
        return cls(any_file=hub_limit if collateral is None else None,
                   signature=authz.refusal(actor, "lead", "upload") is None,
                   attachment=authz.refusal(actor, "lead_attachment", "upload") is None,
                   refusal=collateral or "", hub_limit=hub_limit)

    def require_some(self) -> None:
        if self.any_file is None and not self.signature and not self.attachment:
            raise ProblemError(403, "Not allowed", self.refusal, kind="forbidden")

    @property
    def most(self) -> int:
        """The largest file the caller may upload of any type."""
        limits = [0]
        if self.any_file is not None:
            limits.append(self.any_file)
        if self.signature:
            limits.append(SIGNATURE_MAX_BYTES)
        if self.attachment:
            limits.extend(attachments.max_bytes(m) for m in attachments.ALL_MIME_TYPES)
        return min(max(limits), self.hub_limit)

    @property
    def needs_head(self) -> bool:
        """Whether the limit depends on the file's first bytes."""
        return self.any_file is None

    def limit_for(self, head: bytes) -> int:
        """The most bytes a file starting with `head` (its first `SNIFF_BYTES`, or all of a
        shorter file) may hold for this caller; 403 when none."""
        limits = []
        if self.any_file is not None:
            limits.append(self.any_file)
        if self.signature and head.startswith(PNG_MAGIC):
            limits.append(SIGNATURE_MAX_BYTES)
        if self.attachment:
            found = attachments.max_bytes(attachments.sniff(head[:attachments.SNIFF_BYTES]))
            if found:
                limits.append(found)
        if not limits:
            raise ProblemError(403, "Not allowed", _ONLY_SOME_FILES, kind="forbidden")
        return min(max(limits), self.hub_limit)


def _too_large(limit: int) -> ProblemError:
    return ProblemError(413, "File too large", f"At most {limit:,} bytes", kind="too-large")


class _TooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


async def _held_to_type(chunks: AsyncIterator[bytes], rights: UploadRights
                        ) -> AsyncIterator[bytes]:
    """The upload's bytes, refused (403) as soon as the first ones show a type the caller may
    not upload, and cut (`_TooLarge`) past the limit of the type they show."""
    head = b""
    limit: int | None = None
    size = 0
    async for chunk in chunks:
        if limit is None:
            head += chunk
            if len(head) < attachments.SNIFF_BYTES:
                continue
            limit = rights.limit_for(head)
            chunk = head
        size += len(chunk)
        if size > limit:
            raise _TooLarge(limit)
        yield chunk
    if limit is None:  # a file shorter than the bytes a type is told by
        limit = rights.limit_for(head)
        if len(head) > limit:
            raise _TooLarge(limit)
        if head:
            yield head


_ALLOW = "GET, HEAD, PUT, PATCH, OPTIONS"
_UPLOAD_ALLOW = "HEAD, OPTIONS"


# Read from the request in `_answer`; declared so that the document names them.
# (The patterns are documentation: a Range the hub cannot read is ignored, as RFC 9110 says.)
RangeHeader = Annotated[str | None, Header(
    description="One byte range, `bytes=FIRST-[LAST]` or `bytes=-SUFFIX`: answered with 206, "
    "or 416 when it starts past the end", json_schema_extra={"pattern": r"^bytes=\d{0,7}-\d{0,7}$"})]
IfNoneMatch = Annotated[str | None, Header(
    description="The file's ETag (its sha256 in quotes): answered with 304",
    json_schema_extra={"pattern": r'^"[0-9a-f]{64}"$'})]
_FILE_HEADERS = {name: {"schema": {"type": "string"}}
                 for name in ("ETag", "Accept-Ranges", "Content-Length")}
_READ_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"description": "The file", "headers": _FILE_HEADERS,
          "content": {"application/octet-stream": {}}},
    206: {"description": "The requested byte range of the file",
          "headers": {**_FILE_HEADERS, "Content-Range": {"schema": {"type": "string"}}},
          "content": {"application/octet-stream": {}}},
    304: {"description": "The file has not changed (If-None-Match)"},
    **documented(404, 416),
}


@router.head("/{sha256}", response_class=Response, responses=_READ_ANSWERS)
async def has_blob(sha256: str, request: Request, hub: HubDep, actor: CurrentUser,
                   range: RangeHeader = None, if_none_match: IfNoneMatch = None) -> Response:
    """Answers as `GET` would, without the body: `404` alike for a file that is missing and
    for one the caller may not read, so neither existence nor size leaks."""
    return await _answer(sha256, request, hub, actor, with_body=False)


@router.options("/{sha256}", status_code=204, response_class=Response,
                responses={204: {"description": "The methods this path answers, in `Allow`",
                                 "headers": {"Allow": {"schema": {"type": "string"}}}}})
def blob_options(sha256: str) -> Response:
    return Response(status_code=204, headers={"Allow": _ALLOW})


@router.api_route("/{sha256}", methods=["POST", "DELETE"], include_in_schema=False)
def other_methods(sha256: str) -> Response:
    raise ProblemError(405, "Method not allowed", f"This path answers {_ALLOW}",
                       headers={"Allow": _ALLOW})


@router.put("/{sha256}", status_code=201, response_class=Response,
            responses={200: {"description": "Already stored"}, 201: {"description": "Stored"},
                       **documented(403, 404, 413, 422)})
async def put_blob(sha256: str, request: Request, hub: HubDep, actor: CurrentUser) -> Response:
    """The whole file at once. Whoever may upload collateral uploads any file; whoever
    captures leads a consent signature (a small PNG); whoever adds voice notes and photos to
    leads those files (M4A, Ogg, JPEG, PNG), each up to the size of its type."""
    _check_name(sha256)
    rights = UploadRights.of(actor, hub.settings.limits.max_blob_bytes)
    rights.require_some()
    most = rights.most
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > most:
        raise _too_large(most)
    if hub.blobs.exists(sha256):
        return Response(status_code=200)
    chunks: AsyncIterator[bytes] = request.stream()
    if rights.needs_head:
        chunks = _held_to_type(chunks, rights)
    try:
        created = await hub.blobs.put_stream(sha256, chunks, most)
    except (BlobTooLarge, _TooLarge) as exc:
        raise _too_large(exc.limit if isinstance(exc, _TooLarge) else most) from None
    except BlobMismatch as exc:
        raise _mismatch(exc.actual) from None
    return Response(status_code=201 if created else 200,
                    headers={"ETag": f'"{sha256}"', "Location": f"/v1/blobs/{sha256}"})


def _mismatch(actual: str) -> ProblemError:
    return ProblemError(422, "Hash mismatch", f"The bytes hash to {actual}, not to the name "
                        "they were sent under", kind="hash-mismatch")


# -- resumable upload -------------------------------------------------------------------------

_OFFSET_HEADER = {"Upload-Offset": {
    "description": "How many bytes of the file the hub holds from this caller",
    "required": True, "schema": {"type": "string", "pattern": r"^\d+$"}}}
UploadOffset = Annotated[int, Header(
    ge=0, le=2**53, description="Where this piece starts: the bytes of the file the hub holds "
    "from you (`HEAD /v1/blobs/{sha256}/upload`)")]
UploadLength = Annotated[int, Header(
    ge=0, le=2**53, description="The whole file's size in bytes")]


@router.head("/{sha256}/upload", status_code=204, response_class=Response,
             responses={204: {"description": "How far your upload of this file got",
                              "headers": {**_OFFSET_HEADER, "Upload-Complete": {
                                  "description": "`?1` when the hub has the whole file and "
                                  "you may read it: nothing to send",
                                  "schema": {"type": "string", "enum": ["?1"]}}}},
                        **documented(403, 404)})
async def upload_offset(sha256: str, hub: HubDep, actor: CurrentUser) -> Response:
    """Where to go on with an upload in pieces: the bytes of this file the hub holds from
    your unfinished upload (`Upload-Offset`, 0 when none), and `Upload-Complete: ?1` when it
    already has the whole file and you may read it."""
    _check_name(sha256)
    UploadRights.of(actor, hub.settings.limits.max_blob_bytes).require_some()
    headers = {"Upload-Offset": str(hub.blobs.partial_size(actor.id, sha256))}
    if hub.blobs.exists(sha256) and await run_in_threadpool(_may_read, hub, actor, sha256):
        headers["Upload-Complete"] = "?1"
    return Response(status_code=204, headers=headers)


@router.options("/{sha256}/upload", status_code=204, response_class=Response,
                responses={204: {"description": "The methods this path answers, in `Allow`",
                                 "headers": {"Allow": {"schema": {"type": "string"}}}}})
def upload_options(sha256: str) -> Response:
    return Response(status_code=204, headers={"Allow": _UPLOAD_ALLOW})


@router.api_route("/{sha256}/upload", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                  include_in_schema=False)
def other_upload_methods(sha256: str) -> Response:
    raise ProblemError(405, "Method not allowed", f"This path answers {_UPLOAD_ALLOW}",
                       headers={"Allow": _UPLOAD_ALLOW})


def _offset_conflict(held: int, detail: str) -> ProblemError:
    return ProblemError(409, "Wrong offset", detail, kind="upload-offset",
                        headers={"Upload-Offset": str(held)}, extra={"offset": held})


@router.patch(
    "/{sha256}", status_code=204, response_class=Response,
    openapi_extra={"requestBody": {"required": False, "content": {
        "application/offset+octet-stream": {"schema": {"type": "string", "format": "binary"}},
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
    responses={
        204: {"description": "The piece is stored; the file is not complete yet",
              "headers": _OFFSET_HEADER},
        201: {"description": "The file is complete, verified and stored"},
        200: {"description": "The file is complete and verified; the hub already had it"},
        409: {"description": "The piece does not start where your upload stands",
              "headers": _OFFSET_HEADER,
              "content": {"application/problem+json": {
                  "schema": {"$ref": "#/components/schemas/Problem"}}}},
        **documented(400, 403, 404, 413, 422)})
async def patch_blob(sha256: str, request: Request, hub: HubDep, actor: CurrentUser,
                     upload_offset: UploadOffset, upload_length: UploadLength) -> Response:
    """The next piece of a file uploaded in pieces (resumable): the body holds the bytes from
    `Upload-Offset` on, at most 8 MiB, of a file of `Upload-Length` bytes. Answers `204`
    with the new `Upload-Offset` while the file is incomplete, `201` or `200` once it is
    complete and its hash verified, `409` with the offset the hub holds when the piece starts
    elsewhere, `413` past the limit of the file's type, `403` when its first bytes show a
    type you may not upload, and `422` when the complete file hashes to something else (the
    partial upload is then discarded)."""
    _check_name(sha256)
    rights = UploadRights.of(actor, hub.settings.limits.max_blob_bytes)
    rights.require_some()
    if upload_length > rights.most:
        raise _too_large(rights.most)
    declared = request.headers.get("content-length")
    if declared and declared.isdigit():
        if int(declared) > PIECE_MAX_BYTES:
            raise ProblemError(413, "Piece too large", f"Send at most {PIECE_MAX_BYTES:,} "
                               "bytes per piece", kind="too-large")
        if upload_offset + int(declared) > upload_length:
            raise _past_the_end(upload_length)
    try:
        async with hub.blobs.partial(actor.id, sha256) as part:
            if part.size != upload_offset:
                raise _offset_conflict(part.size, f"Your upload of this file stands at byte "
                                       f"{part.size:,}; send the piece that starts there")
            return await _take_piece(sha256, request, hub, rights, part, upload_length)
    except UploadBusy:
        raise _offset_conflict(hub.blobs.partial_size(actor.id, sha256),
                               "Another request is adding to your upload of this file; ask "
                               "where it stands and go on from there") from None


def _past_the_end(length: int) -> ProblemError:
    return ProblemError(400, "Past the end", f"The piece goes past Upload-Length ({length:,} "
                        "bytes)", kind="upload-length")


async def _take_piece(sha256: str, request: Request, hub: Hub, rights: UploadRights,
                      part: PartialUpload, length: int) -> Response:
    """Append the request's body to the held partial upload; complete it at `length`."""
    limit: int | None = None

    def check(head: bytes) -> int:
        found = rights.limit_for(head)
        if length > found:
            raise _too_large(found)
        return found

    if part.size >= min(attachments.SNIFF_BYTES, length):  # resuming: the type is known
        limit = _decided(part, check)
    pending = b""
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > PIECE_MAX_BYTES:
                raise ProblemError(413, "Piece too large", f"Send at most "
                                   f"{PIECE_MAX_BYTES:,} bytes per piece", kind="too-large")
            if part.size + len(pending) + len(chunk) > length:
                raise _past_the_end(length)
            if limit is None:
                pending += chunk
                head = part.head(attachments.SNIFF_BYTES) + pending
                if len(head) < min(attachments.SNIFF_BYTES, length):
                    continue
                limit = _decided(part, check, head)
                chunk, pending = pending, b""
            part.append(chunk)
        if pending:  # not enough bytes yet to tell the type: kept until there are
            part.append(pending)
    except ClientDisconnect:
        # What arrived is kept (flushed below): the client asks where it stands and goes on.
        raise ProblemError(400, "Piece cut off", "The connection ended before the piece did",
                           kind="upload-cut") from None
    finally:
        if not part.gone:
            await run_in_threadpool(part.sync)
    if part.size < length:
        return Response(status_code=204, headers={"Upload-Offset": str(part.size)})
    if limit is None:
        _decided(part, check)
    actual = await run_in_threadpool(part.digest)
    if actual != sha256:
        part.discard()
        raise _mismatch(actual)
    created = await run_in_threadpool(part.complete)
    return Response(status_code=201 if created else 200,
                    headers={"ETag": f'"{sha256}"', "Location": f"/v1/blobs/{sha256}",
                             "Upload-Offset": str(length)})


def _decided(part: PartialUpload, check: Callable[[bytes], int], head: bytes | None = None
             ) -> int:
    """The limit for the file the partial upload starts; a refusal discards it."""
    try:
        return check(part.head(attachments.SNIFF_BYTES) if head is None else head)
    except ProblemError:
        part.discard()
        raise


@router.get("/{sha256}", response_class=Response, responses=_READ_ANSWERS)
async def get_blob(sha256: str, request: Request, hub: HubDep, actor: CurrentUser,
                   range: RangeHeader = None, if_none_match: IfNoneMatch = None) -> Response:
    return await _answer(sha256, request, hub, actor, with_body=True)


async def _answer(sha256: str, request: Request, hub: Hub, actor: Actor, *,
                  with_body: bool) -> Response:
    """The answer of GET, and of HEAD without its body."""
    _check_name(sha256)
    allowed = await run_in_threadpool(_may_read, hub, actor, sha256)
    if not allowed or not hub.blobs.exists(sha256):
        # The same answer for "no such file" and "not yours", so hashes reveal nothing.
        raise ProblemError(404, "Not found", "No file with this hash that you can see",
                           kind="not-found")
    etag = f'"{sha256}"'
    size = hub.blobs.size(sha256)
    base = {"ETag": etag, "Accept-Ranges": "bytes", "Cache-Control": "private, max-age=31536000, immutable"}
    inm = request.headers.get("if-none-match")
    if inm and (inm.strip() == "*" or etag in [t.strip() for t in inm.split(",")]):
        return Response(status_code=304, headers=base)
    span = _parse_range(request.headers.get("range"), size)
    path = hub.blobs.path(sha256)
    start, end, status = (0, size - 1, 200) if span is None else (*span, 206)
    headers = {**base, "Content-Length": str(end - start + 1)}
    if span is not None:
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    if not with_body:
        return Response(status_code=status, headers=headers,
                        media_type="application/octet-stream")
    return StreamingResponse(_read(path, start, end - start + 1), status_code=status,
                             media_type="application/octet-stream", headers=headers)


def _parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """One byte range as (first, last), None for the whole file; 416 when unsatisfiable.

    Several ranges are answered with the whole file, which RFC 9110 allows."""
    if not header:
        return None
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, _, last = spec.strip().partition("-")
    try:
        if first == "":
            length = int(last)
            if length <= 0:
                raise ValueError
            start, end = max(0, size - length), size - 1
        else:
            start = int(first)
            end = int(last) if last else size - 1
            end = min(end, size - 1)
    except ValueError:
        return None
    if start < 0 or start >= size or end < start:
        raise ProblemError(416, "Range not satisfiable", f"The file has {size} bytes",
                           kind="range", headers={"Content-Range": f"bytes */{size}"})
    return start, end


def _read(path: object, start: int, length: int) -> Iterator[bytes]:
    with open(path, "rb") as fh:  # type: ignore[call-overload]
        fh.seek(start)
        remaining = length
        while remaining > 0:
            chunk = fh.read(min(_CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk
