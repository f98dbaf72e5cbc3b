"""A fault-injecting TCP proxy for HTTP/1.1 between the app and a live hub, for tests.

Each request gets a fault chosen by a policy: pass, refuse (no listener), reset before the
request reaches the hub, reset after the hub got it, reset mid-answer, delay, truncated body,
a 500 before or after the hub applied it, or an HTML page. Requests go upstream one per
connection (`Connection: close`), so a fault never leaks into the next request.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

MODES = (
    "pass",
    "reset_before",
    "reset_after_request",
    "reset_mid_response",
    "delay",
    "truncate",
    "error_500_before",
    "error_500_after",
    "html",
    "wrong_protocol",
)

Policy = Callable[[str, dict[str, str], bytes], str]


@dataclass
class Seen:
    request_line: str
    headers: dict[str, str]
    mode: str


@dataclass
class FaultProxy:
    upstream: tuple[str, int]
    policy: Policy = field(default=lambda _line, _headers, _body: "pass")
    delay_s: float = 1.0
    host: str = "127.0.0.1"
    port: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    log: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._workers: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._open_listener()
        return self

    def _open_listener(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        self.port = sock.getsockname()[1]
        sock.listen(64)
        sock.settimeout(0.05)
        self._listener = sock
        self._stop.clear()
        self._thread = threading.Thread(target=self._accept_loop, args=(sock,), daemon=True)
        self._thread.start()

    def set_down(self, down: bool) -> None:
        """Down: nothing listens on the port, so connections are refused."""
        if down and self._listener is not None:
            self._stop.set()
            assert self._thread is not None
            self._thread.join()
            self._listener.close()
            self._listener = None
            self.counts["refused_window"] += 1
        elif not down and self._listener is None:
            self._open_listener()

    def stop(self) -> None:
        self.set_down(True)
        for t in self._workers:
            t.join(5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # -- serving -------------------------------------------------------------------------

    def _accept_loop(self, sock: socket.socket) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = sock.accept()
            except (TimeoutError, OSError):
                continue
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._workers = [w for w in self._workers if w.is_alive()]
            self._workers.append(t)
            t.start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        try:
            while True:
                request = _read_request(conn)
                if request is None:
                    return
                line, headers, raw = request
                mode = self.policy(line, headers, raw.partition(b"\r\n\r\n")[2])
                with self._lock:
                    self.counts[mode] += 1
                    self.log.append(Seen(line, headers, mode))
                if not self._handle(conn, mode, raw):
                    return
        except OSError:
            pass
        finally:
            try:
                conn.close()
            except OSError:
                pass

    def _handle(self, conn: socket.socket, mode: str, raw: bytes) -> bool:
        """Serve one request; False when the client connection is finished."""
        if mode == "reset_before":
            _reset(conn)
            return False
        if mode == "error_500_before":
            conn.sendall(_canned(500, b'{"type":"about:blank","title":"Injected failure","status":500}',
                                 "application/problem+json"))
            return False
        if mode == "html":
            conn.sendall(_canned(200, b"<html><body>Please log in to the Wi-Fi</body></html>",
                                 "text/html"))
            return False
        if mode == "delay":
            time.sleep(self.delay_s)
        if mode == "wrong_protocol":
            # The hub sees a protocol version it does not serve and answers 426 itself.
            raw = raw.replace(b"Fieldnote-Protocol: 1\r\n", b"Fieldnote-Protocol: 99\r\n")
        answer = self._forward(raw)
        if mode == "reset_after_request":
            _reset(conn)
            return False
        if mode == "reset_mid_response":
            conn.sendall(answer[: max(1, len(answer) // 2)])
            _reset(conn)
            return False
        if mode == "truncate":
            head, _, body = answer.partition(b"\r\n\r\n")
            conn.sendall(head + b"\r\n\r\n" + body[: len(body) // 2])
            conn.shutdown(socket.SHUT_WR)
            return False
        if mode == "error_500_after":
            conn.sendall(_canned(500, b'{"type":"about:blank","title":"Injected failure","status":500}',
                                 "application/problem+json"))
            return False
        conn.sendall(answer)
        return False  # the upstream answer says Connection: close

    def _forward(self, raw: bytes) -> bytes:
        with socket.create_connection(self.upstream, timeout=30) as up:
            up.sendall(raw)
            chunks = []
            while True:
                data = up.recv(65536)
                if not data:
                    break
                chunks.append(data)
        return b"".join(chunks)


def _reset(conn: socket.socket) -> None:
    # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


def _canned(status: int, body: bytes, ctype: str) -> bytes:
    reason = {200: "OK", 500: "Internal Server Error"}.get(status, "X")
    return (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


def _read_request(conn: socket.socket) -> tuple[str, dict[str, str], bytes] | None:
    buf = b""
    while b"\r\n\r\n" not in buf:
        data = conn.recv(65536)
        if not data:
            return None
        buf += data
    head, _, body = buf.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers: dict[str, str] = {}
    for h in lines[1:]:
        name, _, value = h.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    while len(body) < length:
        data = conn.recv(65536)
        if not data:
            return None
        body += data
    out_lines = [lines[0]] + [h for h in lines[1:] if not h.lower().startswith("connection:")]
    out_lines.append("Connection: close")
    raw = ("\r\n".join(out_lines) + "\r\n\r\n").encode("latin-1") + body[:length]
    return lines[0], headers, raw


def random_policy(seed: int, weights: dict[str, float]) -> Policy:
    """Pick a mode per request at random with the given weights (missing modes: 0)."""
    rng = random.Random(seed)
    modes = list(weights)
    w = [weights[m] for m in modes]
    lock = threading.Lock()

    def choose(_line: str, _headers: dict[str, str], _body: bytes) -> str:
        with lock:
            return rng.choices(modes, w)[0]

    return choose


def scripted_policy(script: list[str], then: str = "pass") -> Policy:
    """Modes for the first requests in order, then `then` for every later one."""
    queue = list(script)
    lock = threading.Lock()

    def choose(_line: str, _headers: dict[str, str], _body: bytes) -> str:
        with lock:
            return queue.pop(0) if queue else then

    return choose
