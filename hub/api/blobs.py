"""Routes for files: check, upload (marketers: collateral; whoever captures leads: a consent
signature) and download with Range/ETag.

A download is allowed only to someone who can see a record naming the file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from fieldnote.consent import PNG_MAGIC, SIGNATURE_MAX_BYTES
from hub import authz
from hub.api.deps import CurrentUser, Hub, HubDep
from hub.api.problems import ProblemError, documented
from hub.authz import Actor
from hub.blobs import SHA256_RE, BlobMismatch, BlobTooLarge
from hub.db.tables import RECORD_TABLES

router = APIRouter(prefix="/v1/blobs", tags=["blobs"])
_CHUNK = 256 * 1024


def _check_name(sha256: str) -> str:
    if not SHA256_RE.match(sha256):
        raise ProblemError(404, "Not found", "A blob is named by its sha256 in lower-case hex",
                           kind="not-found")
    return sha256


def _may_read(hub: Hub, actor: Actor, sha256: str) -> bool:
    if authz.may_read_any_file(actor):
        return True
    # The records that name files: collateral (its document) and leads (a consent signature).
    named = ((RECORD_TABLES["collateral"], "file_sha256"),
             (RECORD_TABLES["lead"], "consent_signature_sha256"))
    with hub.engine.connect() as conn:
        for table, column in named:
            rows = conn.execute(
                select(table.c.hub_audiences)
                .where(table.c[column] == sha256, table.c.deleted.is_(False))
            )
            if any(authz.can_see(actor, r.hub_audiences or []) for r in rows):
                return True
    return False


class _NotSignature(Exception):
    pass


async def _signature_only(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """The upload's bytes, refused as soon as they cannot be a consent signature (a PNG)."""
    head = b""
    async for chunk in chunks:
        if head is not None and len(head) < len(PNG_MAGIC):
            head += chunk
            if len(head) < len(PNG_MAGIC):
                continue
            if not head.startswith(PNG_MAGIC):
                raise _NotSignature()
            chunk, head = head, PNG_MAGIC
        yield chunk
    if len(head) < len(PNG_MAGIC):
        raise _NotSignature()


_ALLOW = "GET, HEAD, PUT, OPTIONS"


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


@router.api_route("/{sha256}", methods=["POST", "PATCH", "DELETE"], include_in_schema=False)
def other_methods(sha256: str) -> Response:
    raise ProblemError(405, "Method not allowed", f"This path answers {_ALLOW}",
                       headers={"Allow": _ALLOW})


@router.put("/{sha256}", status_code=201, response_class=Response,
            responses={200: {"description": "Already stored"}, 201: {"description": "Stored"},
                       **documented(403, 404, 413, 422)})
async def put_blob(sha256: str, request: Request, hub: HubDep, actor: CurrentUser) -> Response:
    _check_name(sha256)
    refusal = authz.refusal(actor, "collateral", "upload")
    limit = hub.settings.limits.max_blob_bytes
    chunks: AsyncIterator[bytes] = request.stream()
    if refusal and authz.refusal(actor, "lead", "upload") is None:
        # Whoever captures leads uploads a visitor's consent signature: a small PNG only.
        refusal, limit = None, min(limit, SIGNATURE_MAX_BYTES)
        chunks = _signature_only(chunks)
    if refusal:
        raise ProblemError(403, "Not allowed", refusal, kind="forbidden")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ProblemError(413, "File too large", f"At most {limit:,} bytes", kind="too-large")
    if hub.blobs.exists(sha256):
        return Response(status_code=200)
    try:
        created = await hub.blobs.put_stream(sha256, chunks, limit)
    except _NotSignature:
        raise ProblemError(403, "Not allowed", "Only marketers upload files other than a "
                           "consent signature (a PNG image)", kind="forbidden") from None
    except BlobTooLarge:
        raise ProblemError(413, "File too large", f"At most {limit:,} bytes",
                           kind="too-large") from None
    except BlobMismatch as exc:
        raise ProblemError(422, "Hash mismatch", f"The bytes hash to {exc.actual}, not to the "
                           "name they were sent under", kind="hash-mismatch") from None
    return Response(status_code=201 if created else 200,
                    headers={"ETag": f'"{sha256}"', "Location": f"/v1/blobs/{sha256}"})


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
