"""The hub client turns every kind of failed answer into a typed failure with a clear message,
never a requests exception. A small canned-answer server stands in for a misbehaving hub."""

from __future__ import annotations

import http.server
import json
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.sync.client import HubClient, normalize_hub_url
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
    TooManyAttempts,
    WrongCredentials,
)

PROBLEM = "application/problem+json"


class Canned(http.server.BaseHTTPRequestHandler):
    answer: tuple[int, dict[str, str], bytes] = (200, {}, b"{}")
    seen: list[dict[str, str]] = []

    def _reply(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        type(self).seen.append(dict(self.headers))
        status, headers, body = type(self).answer
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _reply  # noqa: N815

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def canned() -> Iterator[tuple[str, type[Canned]]]:
    handler = type("Handler", (Canned,), {"seen": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


def problem(title: str, status: int) -> bytes:
    return json.dumps({"type": "about:blank", "title": title, "status": status}).encode()


@pytest.mark.parametrize(("status", "headers", "body", "error", "words"), [
    (401, {"Content-Type": PROBLEM}, problem("Token expired", 401), AuthRequired, "Token expired"),
    (403, {"Content-Type": PROBLEM}, problem("Not allowed", 403), Forbidden, "Not allowed"),
    (410, {"Content-Type": PROBLEM}, problem("Unknown cursor", 410), CursorGone, "Unknown cursor"),
    (413, {"Content-Type": PROBLEM}, problem("Too large", 413), PayloadTooLarge, "Too large"),
    (426, {"Content-Type": PROBLEM}, problem("Serves protocol 2", 426), IncompatibleHub,
     "Update the app or the hub"),
    (429, {"Retry-After": "30"}, b"", TooManyAttempts, "attempts. Try again in 30 s."),
    (429, {"Content-Type": PROBLEM}, problem("Too many sign-ins at once", 429), TooManyAttempts,
     "Too many sign-ins at once. Try again later."),
    (500, {"Content-Type": PROBLEM}, problem("Boom", 500), HubError, "HTTP 500"),
    (503, {}, b"", HubUnreachable, "not available right now"),
    (200, {"Content-Type": "text/html"}, b"<html>Wi-Fi login</html>", HubError, "web page"),
    (200, {"Content-Type": "application/json"}, b'{"changes": [', HubError, "cut short"),
    (200, {"Content-Type": "application/json"}, b'{"surprise": true}', HubError, "not understood"),
    (302, {"Location": "https://elsewhere.example"}, b"", HubError, "redirects"),
])
def test_every_failed_answer_becomes_a_typed_failure(canned, status, headers, body, error, words):
    url, handler = canned
    handler.answer = (status, headers, body)
    client = HubClient(url, "token", retries=0)
    with pytest.raises(error) as caught:
        client.pull("")
    assert words in caught.value.message
    if isinstance(caught.value, HubError):
        assert caught.value.counts_as_server_error is (status >= 500)


def test_requests_carry_the_protocol_header_and_the_token(canned):
    url, handler = canned
    handler.answer = (200, {"Content-Type": "application/json"},
                      b'{"changes": [], "cursor": "c", "has_more": false}')
    HubClient(url, "secret-token").pull("")
    assert handler.seen[0]["Fieldnote-Protocol"] == "1"
    assert handler.seen[0]["Authorization"] == "Bearer secret-token"


def test_a_wrong_password_and_a_non_hub_are_told_apart_at_sign_in(canned):
    url, handler = canned
    handler.answer = (401, {"Content-Type": PROBLEM}, problem("Wrong", 401))
    with pytest.raises(WrongCredentials):
        HubClient(url).sign_in("a@example.com", "x", "laptop")
    handler.answer = (404, {}, b"")
    with pytest.raises(IncompatibleHub):
        HubClient(url).sign_in("a@example.com", "x", "laptop")
    handler.answer = (200, {"Content-Type": "application/json"}, b'{"status": "ok", "protocol": [2]}')
    with pytest.raises(IncompatibleHub, match="version"):
        HubClient(url).health()


def test_a_slow_hub_times_out_as_unreachable():
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    try:
        client = HubClient(f"http://127.0.0.1:{listener.getsockname()[1]}", "t",
                           read_timeout=0.2, retries=0)
        with pytest.raises(HubUnreachable, match="stopped answering"):
            client.digest()
    finally:
        listener.close()


def test_a_refused_connection_is_unreachable():
    from hub.embedded import free_port

    with pytest.raises(HubUnreachable, match="connection refused"):
        HubClient(f"http://127.0.0.1:{free_port()}", "t", retries=0).digest()


@pytest.mark.parametrize(("typed", "expected"), [
    ("hub.example.com", "https://hub.example.com"),
    ("https://hub.example.com/v1/", "https://hub.example.com"),
    ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
])
def test_hub_addresses_are_normalised(typed, expected):
    assert normalize_hub_url(typed) == expected


@pytest.mark.parametrize("typed", ["", "ftp://hub.example.com", "https://"])
def test_bad_hub_addresses_are_refused_clearly(typed):
    with pytest.raises(BadHubAddress):
        normalize_hub_url(typed)


@pytest.fixture
def tls_hub(tmp_path: Path, canned):
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    handler = type("TlsHandler", (Canned,), {"seen": []})
    handler.answer = (200, {"Content-Type": "application/json"},
                      b'{"status": "ok", "protocol": [1], "hub_version": "t"}')
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}", cert
    server.shutdown()
    server.server_close()


def test_an_untrusted_certificate_is_refused_and_a_company_ca_bundle_fixes_it(tls_hub):
    url, cert = tls_hub
    with pytest.raises(CertificateProblem, match="certificate"):
        HubClient(url, retries=0).health()
    assert HubClient(url, ca_bundle=str(cert), retries=0).health()["protocol"] == [1]
