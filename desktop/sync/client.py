"""The HTTP client of the hub's protocol version 1: one `requests.Session`, typed answers.

Every transport or protocol failure becomes a `desktop.sync.errors.SyncFailure` subclass with
a clear message; no requests/urllib3 exception ever leaves this module. Only idempotent calls
(GET, HEAD, PUT of blobs) are retried here; a push is resent by the engine with the same
mutation ids.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO, Protocol, TypeVar
from urllib.parse import urlsplit, urlunsplit

import requests
from pydantic import BaseModel, Field, ValidationError
from requests.adapters import HTTPAdapter
from urllib3.util import Retry

from desktop.sync.errors import (
    AuthRequired,
    BadHubAddress,
    CertificateProblem,
    CursorGone,
    Forbidden,
    HubError,
    HubUnreachable,
    IncompatibleHub,
    PayloadTooLarge,
    SyncFailure,
    TooManyAttempts,
    WrongCredentials,
)
from fieldnote.goals import Tally
from fieldnote.lookup import LookupAnswer
from fieldnote.wire import (
    DEFAULT_PULL_LIMIT,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    Digest,
    PullResponse,
    PushResponse,
)

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)
CHUNK = 64 * 1024
# The most audit entries one read fetches (the hub's own cap is 10,000).
AUDIT_LIMIT = 2000
# Gateways answer these when the hub process itself is down or restarting: treated like an
# unreachable hub, so an outage never counts toward parking a mutation.
GATEWAY_STATUSES = frozenset({502, 503, 504})
# A resumable upload sends a file in pieces of this size (`upload_file`); a connection cut
# midway costs at most one piece again.
UPLOAD_CHUNK = 512 * 1024
# How often one `upload_file` asks the hub where it stands again after a cut, before giving up
# until the next sync.
UPLOAD_RESUMES = 2


@dataclass
class UploadOutcome:
    """What one `upload_file` did: the bytes it sent, where it started, whether it sent the
    whole file with `PUT` (an older hub) and whether the hub had the file already."""

    sent: int = 0
    started_at: int = 0
    whole: bool = False
    already: bool = False


class Cancel(Protocol):
    def is_set(self) -> bool: ...


@dataclass(frozen=True)
class HubUser:
    id: str
    email: str
    name: str
    role: str
    team: str | None = None


@dataclass(frozen=True)
class SignIn:
    token: str
    expires_at: str | None
    user: HubUser


class _UserModel(BaseModel):
    id: str
    email: str
    name: str = ""
    role: str
    team: str | None = None


class _TokenModel(BaseModel):
    token: str
    expires_at: str | None = None
    user: _UserModel


class _LookupModel(BaseModel):
    known: bool
    customer: bool
    team: str | None = None
    last_activity: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")


class _TalliesModel(BaseModel):
    event_id: str
    as_of: str
    tallies: list[tuple[str | None, str | None, bool, str | None]]


class _HealthModel(BaseModel):
    status: str
    protocol: list[int]
    hub_version: str | None = None
    desktop_release: dict[str, Any] | None = None  # docs/protocol-extensions.md


def normalize_hub_url(url: str) -> str:
    """`hub.example.com` → `https://hub.example.com`; trailing slashes and `/v1` removed."""
    text = (url or "").strip()
    if not text:
        raise BadHubAddress("Enter the hub address, for example https://hub.example.com.")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadHubAddress(f"“{url}” is not a hub address; it should look like https://hub.example.com.")
    path = parts.path.rstrip("/")
    if path.endswith("/v1"):
        path = path[:-3]
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


class HubClient:
    """Talks to one hub with one token. Safe to use from one thread at a time."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        ca_bundle: str | None = None,
        retries: int = 2,
        backoff: float = 0.25,
    ) -> None:
        self.base_url = normalize_hub_url(base_url)
        self.token = token
        self.timeout = (connect_timeout, read_timeout)
        self.session = requests.Session()
        retry = Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            other=0,
            allowed_methods=frozenset({"GET", "HEAD", "PUT"}),
            status_forcelist=GATEWAY_STATUSES,
            backoff_factor=backoff,
            backoff_jitter=backoff,
            backoff_max=5.0,
            raise_on_status=False,
            raise_on_redirect=False,
            # A long Retry-After would block the worker; the engine's backoff handles it.
            respect_retry_after_header=False,
        )
        adapter = HTTPAdapter(max_retries=retry, pool_connections=2, pool_maxsize=4)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        # Passed on every request: a session-level value would lose to REQUESTS_CA_BUNDLE.
        self.verify: str | bool = ca_bundle or True
        self.session.headers.update(
            {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept": "application/json"}
        )
        self.bytes_sent = 0
        self.bytes_received = 0

    def close(self) -> None:
        self.session.close()

    # -- plumbing ------------------------------------------------------------------------

    def _url(self, path: str) -> str:
        return f"{self.base_url}/v1{path}"

    def _send(
        self,
        method: str,
        path: str,
        *,
        body: bytes | BinaryIO | None = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: bool = True,
        stream: bool = False,
        accept: frozenset[int] = frozenset(),
    ) -> requests.Response:
        hdrs = dict(headers or {})
        if auth:
            if not self.token:
                raise AuthRequired("You are not signed in to the hub. Sign in to sync.")
            hdrs["Authorization"] = f"Bearer {self.token}"
        if isinstance(body, bytes):
            self.bytes_sent += len(body)
        try:
            resp = self.session.request(
                method,
                self._url(path),
                data=body,
                params=params,
                headers=hdrs,
                timeout=self.timeout,
                stream=stream,
                allow_redirects=False,
                verify=self.verify,
            )
        except requests.exceptions.SSLError as exc:
            raise CertificateProblem(
                f"The hub's certificate at {self.base_url} could not be verified ({_reason(exc)}). "
                "If your company uses its own certificate authority, point Fieldnote at its CA bundle."
            ) from None
        except requests.exceptions.ConnectTimeout:
            raise HubUnreachable(f"The hub at {self.base_url} did not answer in time.") from None
        except requests.exceptions.ReadTimeout:
            raise HubUnreachable(f"The hub at {self.base_url} stopped answering (timed out).") from None
        except requests.exceptions.ConnectionError as exc:
            if _reason(exc) == "timed out":
                raise HubUnreachable(
                    f"The hub at {self.base_url} stopped answering (timed out)."
                ) from None
            raise HubUnreachable(
                f"Cannot reach the hub at {self.base_url} ({_reason(exc)})."
            ) from None
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema):
            raise BadHubAddress(f"{self.base_url} is not a usable hub address.") from None
        except requests.exceptions.RequestException as exc:
            raise HubUnreachable(
                f"Cannot reach the hub at {self.base_url} ({_reason(exc)})."
            ) from None
        if resp.status_code in accept:
            return resp
        self._check(resp)
        return resp

    def _check(self, resp: requests.Response) -> None:
        status = resp.status_code
        if 200 <= status < 300 or status == 304:
            return
        title, detail = _problem_parts(resp)
        problem = _problem_text(title, detail)
        resp.close()
        if status == 401:
            raise AuthRequired(problem or "Your sign-in has expired or was revoked. Sign in again.")
        if status == 403:
            raise Forbidden(problem or "Your account may not do this on the hub.")
        if status == 410:
            raise CursorGone(problem or "The hub no longer knows where this device stopped syncing.")
        if status == 413:
            raise PayloadTooLarge(problem or "The hub refused a request as too large.")
        if status == 426:
            raise IncompatibleHub(
                "The hub does not speak this app's sync protocol "
                f"(version {PROTOCOL_VERSION}). Update the app or the hub."
                + (f" The hub said: {problem}" if problem else "")
            )
        if status == 429:
            after = _retry_after(resp)
            raise TooManyAttempts(_throttled_text(title, detail, after), after)
        if status in GATEWAY_STATUSES:
            raise HubUnreachable(f"The hub at {self.base_url} is not available right now (HTTP {status}).")
        if 300 <= status < 400:
            raise HubError(
                f"The hub address redirects elsewhere (HTTP {status}); check the address "
                "(https instead of http?).",
                status,
            )
        if status >= 500:
            raise HubError(f"The hub failed (HTTP {status}). {problem}".strip(), status)
        raise HubError(f"The hub refused the request (HTTP {status}). {problem}".strip(), status)

    def _read_body(self, resp: requests.Response) -> bytes:
        try:
            raw = resp.content
        except requests.exceptions.RequestException:
            # The connection dropped or the body was cut short: an unknown outcome.
            raise HubUnreachable("The connection dropped in the middle of the hub's answer.") from None
        self.bytes_received += len(raw)
        ctype = resp.headers.get("Content-Type", "")
        if "html" in ctype or raw.lstrip()[:1] == b"<":
            raise HubError(
                f"{self.base_url} answered with a web page, not a Fieldnote hub. Check the hub address.",
                resp.status_code,
            )
        return raw

    def _model(self, resp: requests.Response, model: type[M]) -> M:
        raw = self._read_body(resp)
        try:
            # pydantic parses and checks the JSON in one pass (much faster than json.loads).
            return model.model_validate_json(raw)
        except ValidationError as exc:
            if any(e.get("type") == "json_invalid" for e in exc.errors()):
                raise HubError(
                    "The hub's answer was cut short or garbled; it will be asked again.",
                    resp.status_code,
                ) from None
            raise HubError(
                "The hub's answer was not understood; it may be a different program or version.",
                resp.status_code,
            ) from None

    def _json_body(self, payload: Any) -> bytes:
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()

    # -- endpoints -----------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        resp = self._send("GET", "/health", auth=False)
        try:
            model = self._model(resp, _HealthModel)
        except HubError:
            raise IncompatibleHub(f"{self.base_url} does not look like a Fieldnote hub.") from None
        if PROTOCOL_VERSION not in model.protocol:
            served = ", ".join(str(p) for p in model.protocol) or "none"
            raise IncompatibleHub(
                f"The hub serves sync protocol version(s) {served}; this app speaks "
                f"{PROTOCOL_VERSION}. Update the app or the hub."
            )
        return model.model_dump()

    def sign_in(self, email: str, password: str, device_name: str) -> SignIn:
        body = self._json_body({"email": email, "password": password, "device_name": device_name})
        try:
            resp = self._send(
                "POST", "/auth/token", body=body, auth=False,
                headers={"Content-Type": "application/json"},
            )
        except AuthRequired:
            raise WrongCredentials("The email or password is not right.") from None
        except HubError as exc:
            if exc.status in (400, 404, 405, 422):
                raise IncompatibleHub(
                    f"{self.base_url} did not accept a Fieldnote sign-in; check the hub address."
                ) from None
            raise
        model = self._model(resp, _TokenModel)
        self.token = model.token
        u = model.user
        return SignIn(model.token, model.expires_at, HubUser(u.id, u.email, u.name, u.role, u.team))

    def sign_out(self) -> None:
        """Revoke the token on the hub; an unreachable hub is left to expire it."""
        try:
            self._send("DELETE", "/auth/token")
        except (AuthRequired, HubUnreachable, HubError):
            pass
        self.token = None

    def me(self) -> HubUser:
        u = self._model(self._send("GET", "/me"), _UserModel)
        return HubUser(u.id, u.email, u.name, u.role, u.team)

    def push(self, client_id: str, mutations: Iterable[Mapping[str, Any]]) -> PushResponse:
        sent = list(mutations)
        body = self._json_body({"client_id": client_id, "mutations": sent})
        resp = self._send(
            "POST", "/sync/push", body=body, headers={"Content-Type": "application/json"}
        )
        answer = self._model(resp, PushResponse)
        got = [r.mutation_id for r in answer.results]
        if got != [m["mutation_id"] for m in sent]:
            raise HubError("The hub answered for different changes than were sent.", resp.status_code)
        return answer

    def push_encoded(
        self, client_id: str, mutation_ids: Sequence[str], bodies: Sequence[bytes]
    ) -> PushResponse:
        """`push` for mutations already encoded as JSON (one object each, in order)."""
        body = b"".join((b'{"client_id":', self._json_body(client_id), b',"mutations":[',
                         b",".join(bodies), b"]}"))
        resp = self._send(
            "POST", "/sync/push", body=body, headers={"Content-Type": "application/json"}
        )
        answer = self._model(resp, PushResponse)
        if [r.mutation_id for r in answer.results] != list(mutation_ids):
            raise HubError("The hub answered for different changes than were sent.", resp.status_code)
        return answer

    def pull(self, cursor: str, limit: int = DEFAULT_PULL_LIMIT,
             client_id: str | None = None) -> PullResponse:
        """A page of changes after `cursor`. With `client_id` (this installation's), a hub that
        knows the extension sends this device's own changes as stubs (`Change.own`)."""
        params: dict[str, Any] = {"cursor": cursor, "limit": limit}
        if client_id:
            params["client_id"] = client_id
        resp = self._send("GET", "/sync/pull", params=params)
        return self._model(resp, PullResponse)

    def digest(self) -> Digest:
        return self._model(self._send("GET", "/sync/digest"), Digest)

    # -- a person's data (administrators) ---------------------------------------------------

    def export_person(self, email: str) -> dict[str, Any]:
        """Everything the hub holds about the person with this email address."""
        return self._person("export", {"email": email})

    def erase_person(self, email: str, reason: str | None = None) -> dict[str, Any]:
        """Erase the person everywhere; the hub's counts of what it rewrote."""
        return self._person("erase", {"email": email, "reason": reason or None})

    def _json_answer(self, resp: Any) -> Any:
        """An answer's JSON; a HubError when it was cut short or garbled."""
        try:
            return json.loads(self._read_body(resp))
        except ValueError:
            raise HubError("The hub's answer was cut short or garbled.", resp.status_code
                           ) from None

    def _person(self, action: str, payload: dict[str, Any]) -> dict[str, Any]:
        resp = self._send("POST", f"/admin/person/{action}", body=self._json_body(payload),
                          headers={"Content-Type": "application/json"})
        answer = self._json_answer(resp)
        if not isinstance(answer, dict):
            raise HubError("The hub's answer was not understood.", resp.status_code)
        return answer

    def audit_entries(self, since: str | None = None, limit: int = AUDIT_LIMIT
                      ) -> list[dict[str, Any]]:
        """The newest `limit` entries of the hub's audit log at or after `since` (a date),
        as the hub sends them, oldest first (administrators; GET /v1/admin/audit)."""
        params: dict[str, Any] = {"limit": limit}
        if since:
            params["since"] = since
        resp = self._send("GET", "/admin/audit", params=params)
        answer = self._json_answer(resp)
        if not isinstance(answer, list) or not all(isinstance(e, dict) for e in answer):
            raise HubError("The hub's answer was not understood.", resp.status_code)
        return answer

    def set_setting(self, key: str, value: str) -> str:
        """Set a shared setting marketing owns (PUT /v1/settings/{key}); the value as the hub
        stored it."""
        resp = self._send("PUT", f"/settings/{key}", body=self._json_body({"value": value}),
                          headers={"Content-Type": "application/json"})
        answer = self._json_answer(resp)
        if not isinstance(answer, dict) or not isinstance(answer.get("value"), str):
            raise HubError("The hub's answer was not understood.", resp.status_code)
        return str(answer["value"])

    def revoke_send(self, send_id: str, collateral_id: str | None = None) -> dict[str, Any]:
        """Revoke the links a collateral send mailed (POST /v1/collateral-sends/{id}/revoke):
        every one, or one item's; the hub's answer (`revoked` and the send's fields)."""
        body = {"collateral_id": collateral_id} if collateral_id else {}
        resp = self._send("POST", f"/collateral-sends/{send_id}/revoke",
                          body=self._json_body(body),
                          headers={"Content-Type": "application/json"})
        answer = self._json_answer(resp)
        if not isinstance(answer, dict):
            raise HubError("The hub's answer was not understood.", resp.status_code)
        return answer

    def lookup(self, email: str) -> LookupAnswer:
        """"Already known?" for `email` across every team (GET /v1/leads/lookup); a 429 is
        `TooManyAttempts` with the hub's Retry-After."""
        answer = self._model(self._send("GET", "/leads/lookup", params={"email": email}),
                             _LookupModel)
        return LookupAnswer(answer.known, answer.customer, answer.team, answer.last_activity)

    def tallies(self, event_id: str) -> tuple[str, list[Tally]]:
        """The tallies of an event's leads that booth goals count (GET /v1/leads/tallies), and
        when the hub read them."""
        answer = self._model(self._send("GET", "/leads/tallies", params={"event_id": event_id}),
                             _TalliesModel)
        return answer.as_of, [Tally.from_json(row) for row in answer.tallies]

    def blob_exists(self, sha256: str) -> bool:
        try:
            self._send("HEAD", f"/blobs/{sha256}")
        except HubError as exc:
            if exc.status == 404:
                return False
            raise
        return True

    def put_blob(self, sha256: str, data: bytes | BinaryIO) -> None:
        self._send(
            "PUT", f"/blobs/{sha256}", body=data,
            headers={"Content-Type": "application/octet-stream"},
        )

    def upload_offset(self, sha256: str) -> tuple[int, bool] | None:
        """How much of this file the hub holds from this user's unfinished upload, and whether
        it has the whole file already (`HEAD /v1/blobs/{sha}/upload`); None when the hub does
        not take resumable uploads (an older hub)."""
        resp = self._send("HEAD", f"/blobs/{sha256}/upload", accept=frozenset({404, 405}))
        resp.close()
        if resp.status_code in (404, 405):
            return None
        offset = _offset(resp)
        complete = resp.headers.get("Upload-Complete", "").strip() == "?1"
        return (offset or 0), complete

    def upload_file(self, sha256: str, fh: BinaryIO, size: int,
                    progress: Callable[[int], None] | None = None,
                    cancel: Cancel | None = None, chunk: int = UPLOAD_CHUNK,
                    outcome: UploadOutcome | None = None) -> UploadOutcome:
        """Put a file on the hub, resumably: ask where the hub stands (`HEAD .../upload`),
        then send the rest in pieces (`PATCH` with `Upload-Offset`); a connection cut midway
        is resumed from the hub's offset (at most `UPLOAD_RESUMES` times here, else at the next
        sync, which asks again). An older hub (405 to `PATCH`) gets the file whole (`PUT`).
        `progress` gets the bytes the hub holds so far. Raises `HubUnreachable` when the
        connection keeps failing, `Forbidden`/`PayloadTooLarge`/`HubError` when the hub refuses
        the file. `outcome` (filled in as the upload goes, also when it raises) says what
        was sent."""
        outcome = outcome if outcome is not None else UploadOutcome()
        state = self.upload_offset(sha256)
        if state is None:
            return self._put_whole(sha256, fh, size, progress, outcome)
        offset, complete = state
        outcome.started_at = offset
        if complete:
            outcome.already = True
            return outcome
        resumes = 0
        while True:
            if cancel is not None and cancel.is_set():
                return outcome
            fh.seek(offset)
            body = fh.read(chunk) if offset < size else b""
            headers = {"Content-Type": "application/offset+octet-stream",
                       "Upload-Offset": str(offset), "Upload-Length": str(size)}
            try:
                resp = self._send("PATCH", f"/blobs/{sha256}", body=body, headers=headers,
                                  accept=frozenset({405, 409}))
            except HubUnreachable:
                outcome.sent += len(body)
                if resumes >= UPLOAD_RESUMES:
                    raise
                resumes += 1
                state = self.upload_offset(sha256)
                if state is None:
                    return self._put_whole(sha256, fh, size, progress, outcome)
                offset, complete = state
                if complete:
                    return outcome
                continue
            resp.close()
            outcome.sent += len(body)
            if resp.status_code == 405:
                return self._put_whole(sha256, fh, size, progress, outcome)
            if resp.status_code in (200, 201):
                outcome.already = resp.status_code == 200 and not body
                if progress is not None:
                    progress(size)
                return outcome
            moved = _offset(resp)
            if moved is None or (resp.status_code == 204 and moved <= offset and body):
                raise HubError("The hub's answer to a file upload did not say how much it "
                               "holds; the upload will start again at the next sync.",
                               resp.status_code)
            offset = min(moved, size)
            if progress is not None:
                progress(offset)

    def _put_whole(self, sha256: str, fh: BinaryIO, size: int,
                   progress: Callable[[int], None] | None, outcome: UploadOutcome) -> UploadOutcome:
        """The file in one `PUT` (an older hub), unless the hub has it already."""
        outcome.whole = True
        if self.blob_exists(sha256):
            outcome.already = True
            return outcome
        fh.seek(0)
        reader = _CountingReader(fh, size, progress)
        self.put_blob(sha256, reader)  # type: ignore[arg-type]  # a file-like body
        outcome.sent += reader.sent
        return outcome

    def fetch_blob(
        self,
        sha256: str,
        out: BinaryIO,
        offset: int,
        progress: Callable[[int], None] | None = None,
        cancel: Cancel | None = None,
    ) -> bool:
        """Write the blob into `out`, resuming at `offset` when the hub honours `Range`.

        Returns False when cancelled. A connection dropped midway leaves what arrived in `out`
        (flushed), so the next call resumes from there.
        """
        headers = {"Range": f"bytes={offset}-"} if offset else {}
        try:
            resp = self._send("GET", f"/blobs/{sha256}", headers=headers, stream=True)
        except HubError as exc:
            if exc.status == 416:
                # Our partial file is not a prefix the hub recognises: start over.
                out.seek(0)
                out.truncate()
                resp = self._send("GET", f"/blobs/{sha256}", stream=True)
            else:
                raise
        with resp:
            if resp.status_code == 206:
                out.seek(offset)
            else:
                out.seek(0)
                out.truncate()
            try:
                for chunk in resp.iter_content(CHUNK):
                    out.write(chunk)
                    self.bytes_received += len(chunk)
                    if progress is not None:
                        progress(len(chunk))
                    if cancel is not None and cancel.is_set():
                        out.flush()
                        return False
            except requests.exceptions.RequestException:
                out.flush()
                raise HubUnreachable("The file download was interrupted; it will resume.") from None
            out.flush()
        return True


def _offset(resp: requests.Response) -> int | None:
    value = resp.headers.get("Upload-Offset", "").strip()
    return int(value) if value.isdigit() else None


class _CountingReader:
    """A file body for `PUT` that reports how much was read; seekable, so a retried request
    starts the body again from the beginning."""

    def __init__(self, fh: BinaryIO, size: int, progress: Callable[[int], None] | None) -> None:
        self._fh = fh
        self._size = size
        self._progress = progress
        self.sent = 0

    def __len__(self) -> int:
        return self._size

    def read(self, n: int = -1) -> bytes:
        chunk = self._fh.read(n)
        self.sent += len(chunk)
        if self._progress is not None:
            self._progress(self._fh.tell())
        return chunk

    def tell(self) -> int:
        return self._fh.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._fh.seek(offset, whence)


def _reason(exc: BaseException) -> str:
    text = str(exc)
    lowered = text.lower()
    for needle, reason in (
        ("connection refused", "connection refused"),
        ("connection reset", "connection reset"),
        ("name or service not known", "unknown host name"),
        ("nodename nor servname", "unknown host name"),
        ("temporary failure in name resolution", "unknown host name"),
        ("certificate verify failed", "certificate not trusted"),
        ("hostname mismatch", "certificate is for another host"),
        ("remote end closed connection", "connection closed by the hub"),
        ("remotedisconnected", "connection closed by the hub"),
        ("network is unreachable", "network unreachable"),
        ("timed out", "timed out"),
    ):
        if needle in lowered:
            return reason
    return type(exc).__name__


def _problem_parts(resp: requests.Response) -> tuple[str, str]:
    """The title and detail of a problem body, empty when the answer has none."""
    try:
        data = resp.json()
    except (ValueError, requests.exceptions.RequestException):
        return "", ""
    if not isinstance(data, dict):
        return "", ""
    return str(data.get("title") or "")[:200], str(data.get("detail") or "")[:300]


def _problem_text(title: str, detail: str) -> str:
    return title if not detail or detail == title else f"{title}: {detail}" if title else detail


def _sentence(text: str) -> str:
    """`text` as a sentence: a capital first letter and a full stop at the end."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def _throttled_text(title: str, detail: str, after: float | None) -> str:
    """What a 429 says: the hub's reason, then when to try again. A Retry-After the hub sent is
    the precise form of its "wait" detail, so it replaces that detail."""
    reason = _sentence(title or "The hub is refusing too many attempts")
    if after:
        return f"{reason} Try again in {max(1, round(after))} s."
    return f"{reason} {_sentence(detail) or 'Try again later.'}"


def _retry_after(resp: requests.Response) -> float | None:
    value = resp.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


__all__ = [
    "HubClient",
    "HubUser",
    "SignIn",
    "SyncFailure",
    "normalize_hub_url",
]
