"""RFC 9457 problem answers for every error the API gives, and the protocol-version gate.

No answer ever carries a stack trace: unexpected failures are logged here and answered with
a plain 500 problem.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from fieldnote.failures import short_reason
from fieldnote.wire import PROTOCOL_HEADER, SUPPORTED_PROTOCOLS
from hub.db.engine import has_long_digit_run

log = logging.getLogger(__name__)

PROBLEM_TYPE = "application/problem+json"
TYPE_BASE = "https://fieldnote.dev/problems/"
# Paths a client may call without the protocol header: discovery and documentation.
UNVERSIONED_PATHS = frozenset({"/v1/health", "/v1/openapi.json"})


class ProblemError(Exception):
    """Raise anywhere in a route to answer with a problem body."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str | None = None,
        *,
        kind: str | None = None,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(title)
        self.status = status
        self.title = title
        self.detail = detail
        self.kind = kind
        self.errors = errors
        self.headers = headers or {}
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": TYPE_BASE + self.kind if self.kind else "about:blank",
            "title": self.title,
            "status": self.status,
        }
        if self.detail:
            body["detail"] = self.detail
        if self.errors:
            body["errors"] = self.errors
        body.update(self.extra)
        return body


def problem_response(error: ProblemError) -> JSONResponse:
    return JSONResponse(
        error.body(), status_code=error.status, headers=error.headers, media_type=PROBLEM_TYPE
    )


_TITLES = {
    400: "Bad request", 401: "Not signed in", 403: "Not allowed", 404: "Not found",
    405: "Method not allowed", 406: "Not acceptable", 409: "Conflict", 410: "Gone",
    413: "Request too large", 415: "Unsupported media type", 416: "Range not satisfiable",
    422: "Invalid request", 426: "Upgrade required", 429: "Too many requests",
}


class StatementErrorFilter(logging.Filter):
    """Logs a failed SQL statement's traceback with only the first line of the database's
    message: the engines hide statement parameters, but PostgreSQL's DETAIL lines may quote
    the row's values ("Failing row contains (..., ana@example.com, ...)")."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None and hasattr(exc, "statement") and not record.exc_text:
            frames = "".join(traceback.format_tb(exc.__traceback__))
            record.exc_text = f"Traceback (most recent call last):\n{frames}{short_reason(exc)}"
        return True


# The hub's own crash log and uvicorn's (Starlette re-raises a crash for the server to log).
_CRASH_LOGGERS = (__name__, "uvicorn.error")


# The problem body every error answer carries (RFC 9457), as the OpenAPI document names it.
PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["type", "title", "status"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {
            "type": "object", "required": ["field", "message"],
            "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}},
    },
    "additionalProperties": True,
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}


def documented(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route for the problem statuses it answers besides those every
    route of its kind answers (401, 426, 422: added by `describe_problems`)."""
    return {status: {"description": _TITLES[status],
                     "content": {PROBLEM_TYPE: {"schema": PROBLEM_REF}}} for status in statuses}


def describe_problems(doc: dict[str, Any]) -> dict[str, Any]:
    """Complete an OpenAPI document with the answers no route declares itself: `426` on every
    versioned path (the protocol gate), `401` on the operations that need a token (those that
    name a `security` scheme), and the problem body in place of FastAPI's own validation error
    schema for `422`."""
    doc.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    schemas = doc["components"]["schemas"]
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for path, operations in doc.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            wanted = []
            if path.startswith("/v1/") and path not in UNVERSIONED_PATHS:
                wanted.append(426)
            if operation.get("security"):
                wanted.append(401)
            if "422" in responses:
                wanted.append(422)
            for status, answer in documented(*wanted).items():
                responses[str(status)] = answer
    return doc


def install(app: FastAPI) -> None:
    for name in _CRASH_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, StatementErrorFilter) for f in logger.filters):
            logger.addFilter(StatementErrorFilter())

    @app.exception_handler(ProblemError)
    async def _on_problem(_request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        title = _TITLES.get(exc.status_code, "Error")
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail != title else None
        return problem_response(ProblemError(
            exc.status_code, title, detail, headers=dict(exc.headers or {})
        ))

    @app.exception_handler(RequestValidationError)
    async def _on_validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body",
             "message": str(e.get("msg", "is invalid"))}
            for e in exc.errors()
        ]
        return problem_response(ProblemError(
            422, "Invalid request", "Some parameters are missing or invalid",
            kind="validation", errors=errors,
        ))

    @app.exception_handler(Exception)
    async def _on_crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error in %s %s", request.method, request.url.path)
        return problem_response(ProblemError(
            500, "Internal error", "The hub failed to answer this request; it was logged. "
            "Send it again later.", kind="internal",
        ))


class ProtocolGate:
    """Answer 426 to /v1 requests that lack a protocol version this hub serves."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            path = scope.get("path", "")
            if path.startswith("/v1/") and path not in UNVERSIONED_PATHS:
                wanted = PROTOCOL_HEADER.lower().encode()
                value = next((v for k, v in scope.get("headers", []) if k == wanted), None)
                if value is None or value.strip() not in {str(p).encode() for p in SUPPORTED_PROTOCOLS}:
                    await _send_problem(send, ProblemError(
                        426, "Unsupported protocol",
                        f"Send the header {PROTOCOL_HEADER} with one of the versions this hub "
                        f"serves: {', '.join(map(str, SUPPORTED_PROTOCOLS))}",
                        kind="protocol",
                        headers={"Upgrade": f"{PROTOCOL_HEADER}/{SUPPORTED_PROTOCOLS[-1]}"},
                        extra={"protocol": list(SUPPORTED_PROTOCOLS)},
                    ))
                    return
        await self.app(scope, receive, send)


async def _send_problem(send: Send, error: ProblemError) -> None:
    body = json.dumps(error.body()).encode()
    headers = [(b"content-type", PROBLEM_TYPE.encode()), (b"content-length", str(len(body)).encode())]
    headers += [(k.lower().encode(), v.encode()) for k, v in error.headers.items()]
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def read_json(request: Request, limit: int) -> Any:
    """The request body as JSON: 413 past `limit` (checked before reading it all), 415 for
    a body that is not UTF-8, 400 for malformed JSON."""
    length = request.headers.get("content-length")
    if length is not None:
        try:
            declared = int(length)
        except ValueError:
            raise ProblemError(400, "Bad request", "Content-Length is not a number") from None
        if declared > limit:
            raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    raw = b"".join(chunks)
    if not has_long_digit_run(raw):
        # orjson accepts a subset of what the standard decoder accepts (it refuses bad UTF-8,
        # NaN, unpaired surrogates, overflowing numbers...) and reads it to the same values,
        # except integers past 64 bits (hence the digit check); whatever it refuses takes the
        # standard path below, which answers the problem.
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(
            400, "Body is not UTF-8", f"Byte {exc.start} is not valid UTF-8", kind="encoding"
        ) from None
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise ProblemError(400, "Malformed JSON", detail, kind="malformed-json") from None
    except (ValueError, RecursionError) as exc:
        detail = str(exc) if isinstance(exc, ValueError) else "nested too deeply"
        raise ProblemError(400, "Malformed JSON", detail, kind="malformed-json") from None
    # A `\ud800` escape without its pair decodes to a lone surrogate, which is no Unicode
    # text: no database could store it, so it is refused like bad UTF-8.
    if _SURROGATE_ESCAPE.search(text) and not _encodable(value):
        raise ProblemError(400, "Body is not valid Unicode", "A string contains an unpaired "
                           "surrogate escape (\\ud800-\\udfff)", kind="encoding")
    return value


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _encodable(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True


def _no_constant(name: str) -> Any:
    # NaN and Infinity are not JSON (RFC 8259), though Python's parser accepts them.
    raise ValueError(f"{name} is not a JSON value")


def _too_large(limit: int) -> ProblemError:
    return ProblemError(
        413, "Request too large", f"At most {limit:,} bytes per request; send fewer changes "
        "per push", kind="too-large",
    )


def pydantic_errors(exc: Any) -> list[dict[str, str]]:
    return [
        {"field": ".".join(str(p) for p in e["loc"]) or "body", "message": e["msg"]}
        for e in exc.errors(include_url=False, include_input=False)
    ]
