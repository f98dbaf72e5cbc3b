"""How the hub's HTTP server treats slow and proxied clients: the options `serve` and the
embedded hub give uvicorn.

uvicorn closes a connection that stays idle after an answer (`timeout_keep_alive`), but has
no timeout for reading a request's head: a client that connects and sends nothing, or
dribbles header lines one byte at a time, keeps its connection (and a file descriptor) for
as long as it likes. `GuardedHttpTools` is uvicorn's httptools protocol with that timeout and
a cap on the head's size; `limit_concurrency` answers 503 past a number of connections and
requests at once, before the process runs out of file descriptors.

`X-Forwarded-For` decides the client address that sign-in throttling counts. It is read only
from a peer named with `serve --trust-proxy ADDR`; by default from nobody, since anything
else running on the hub's host could otherwise choose its own address.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

HEADER_TIMEOUT_S = 10.0  # from connecting (or a request's first byte) to its last header
KEEP_ALIVE_S = 5  # idle time allowed between requests on one connection
MAX_HEAD_BYTES = 64 * 1024  # request line and headers
LIMIT_CONCURRENCY = 512  # connections and requests at once, per worker process; then 503
GRACEFUL_SHUTDOWN_S = 10
# `serve` hands its --header-timeout to its worker processes, as it does the database URL.
ENV_HEADER_TIMEOUT = "FIELDNOTE_HUB_HEADER_TIMEOUT"

_TOO_LARGE = (b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
              b"content-length: 0\r\nconnection: close\r\n\r\n")


def header_timeout() -> float:
    try:
        value = float(os.environ.get(ENV_HEADER_TIMEOUT) or HEADER_TIMEOUT_S)
    except ValueError:
        return HEADER_TIMEOUT_S
    return value if value > 0 else HEADER_TIMEOUT_S


class GuardedHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol, closing a connection whose request head does not arrive
    whole within the header timeout, or grows past `MAX_HEAD_BYTES` (431)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._head_timeout = header_timeout()
        self._head_timer: asyncio.TimerHandle | None = None
        self._head_bytes = 0
        self._in_head = True
        super().connection_made(transport)
        self._arm_head_timer()

    def _arm_head_timer(self) -> None:
        self._cancel_head_timer()
        self._head_timer = self.loop.call_later(self._head_timeout, self._head_too_slow)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self._in_head and not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            self._head_bytes += len(data)
        super().data_received(data)
        if self._in_head and self._head_bytes > MAX_HEAD_BYTES and not self.transport.is_closing():
            self.transport.write(_TOO_LARGE)
            self.transport.close()

    def on_message_begin(self) -> None:
        # A new request on a kept-alive connection: its head gets the full timeout.
        if not self._in_head:
            self._in_head = True
            self._head_bytes = 0
            self._arm_head_timer()
        super().on_message_begin()

    def on_headers_complete(self) -> None:
        self._in_head = False
        self._cancel_head_timer()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)


def server_options(trust_proxy: Sequence[str] = ()) -> dict[str, Any]:
    """Keyword arguments for `uvicorn.run` / `uvicorn.Config`."""
    options: dict[str, Any] = {
        "http": GuardedHttpTools,
        "timeout_keep_alive": KEEP_ALIVE_S,
        "limit_concurrency": LIMIT_CONCURRENCY,
        "timeout_graceful_shutdown": GRACEFUL_SHUTDOWN_S,
        "proxy_headers": bool(trust_proxy),
    }
    if trust_proxy:
        options["forwarded_allow_ips"] = ",".join(trust_proxy)
    return options
