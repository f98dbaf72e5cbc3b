"""The delivery worker: a background thread in every hub process (`serve`'s workers and the
embedded hub) that posts the outbox's due deliveries (`hub.webhooks`) and records each result.

Pushes never wait for it: they only write outbox rows and wake it. Each attempt resolves the
URL's host and checks every address it resolves to (`fieldnote.webhooks.address_refusal`)
before connecting, then connects to that checked address itself, so a name that resolves to
an internal address between the check and the connection cannot redirect it. Redirects are
not followed: a 3xx answer is a failed attempt like any other that is not 2xx.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

import urllib3
from sqlalchemy import Engine

from fieldnote import webhooks as rules
from hub import webhooks
from hub.outbox import OutboxWorker

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
READ_TIMEOUT_S = 10.0
# A claimed delivery is due again this long after its claim, should its worker die sending it.
LEASE_S = 60.0
BATCH = 20
SENDERS = 4  # attempts at once per process
POLL_S = 5.0  # the longest a worker sleeps without looking (other processes' deliveries)
USER_AGENT = "Fieldnote-Hub-Webhooks/1"
PRUNE_EVERY_S = 3600.0  # how often a worker deletes old deliveries (`webhooks.prune`)

Resolver = Callable[..., list[tuple[Any, ...]]]


class Refused(Exception):
    """The target may not receive a delivery (address rules); not sent at all."""


def post(url: str, body: bytes, headers: dict[str, str], private_allowed: bool,
         resolver: Resolver = socket.getaddrinfo) -> int:
    """POST `body` to `url` after checking where it goes; the answer's status. Raises Refused,
    or urllib3's and the socket's errors."""
    try:
        rules.check_url(url, private_allowed)
    except rules.WebhookError as exc:
        raise Refused(str(exc)) from None
    parts = urlsplit(url)
    host = parts.hostname or ""
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    try:
        infos = resolver(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Refused(f"cannot resolve {host}: {getattr(exc, 'strerror', None) or exc}"
                      ) from None
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        refusal = rules.address_refusal(host, ip, private_allowed)
        if refusal:
            raise Refused(refusal)
        addresses.append(ip)
    if not addresses:
        raise Refused(f"{host} resolves to no address")
    target = str(addresses[0])
    timeout = urllib3.Timeout(connect=CONNECT_TIMEOUT_S, read=READ_TIMEOUT_S)
    pool: urllib3.HTTPConnectionPool
    if https:
        pool = urllib3.HTTPSConnectionPool(
            target, port, timeout=timeout, retries=False, maxsize=1, cert_reqs="CERT_REQUIRED",
            server_hostname=host, assert_hostname=host)
    else:
        pool = urllib3.HTTPConnectionPool(target, port, timeout=timeout, retries=False,
                                          maxsize=1)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    netloc_host = f"[{host}]" if ":" in host else host
    default_port = 443 if https else 80
    host_header = netloc_host if port == default_port else f"{netloc_host}:{port}"
    try:
        answer = pool.urlopen(
            "POST", path, body=body, redirect=False, assert_same_host=False,
            preload_content=False, release_conn=False,
            headers={**headers, "Host": host_header, "User-Agent": USER_AGENT,
                     "Content-Type": "application/json", "Connection": "close"})
        try:
            answer.read(64 * 1024)  # enough of an answer; the rest is not waited for
        finally:
            answer.release_conn()
        return int(answer.status)
    finally:
        pool.close()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, Refused):
        return f"refused: {exc}"
    if isinstance(exc, urllib3.exceptions.TimeoutError):
        return "timed out"
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return "cannot connect"
    if isinstance(exc, urllib3.exceptions.SSLError):
        return f"TLS: {str(exc).splitlines()[0][:200]}"
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class DeliveryWorker(OutboxWorker):
    """Sends due deliveries until stopped, SENDERS at once."""

    thread_name = "fieldnote-webhooks"
    what = "webhook deliveries"

    def __init__(self, engine: Engine, *, poll_s: float = POLL_S, lease_s: float = LEASE_S,
                 resolver: Resolver = socket.getaddrinfo) -> None:
        super().__init__(engine, webhooks.WAKEUPS, webhooks.next_due, poll_s=poll_s,
                         lease_s=lease_s)
        self.resolver = resolver
        self._pool: ThreadPoolExecutor | None = None
        self._pruned_at = 0.0

    def starting(self) -> None:
        self._pool = ThreadPoolExecutor(SENDERS, thread_name_prefix="fieldnote-webhook")

    def stopped(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def before_round(self) -> None:
        if time.monotonic() - self._pruned_at > PRUNE_EVERY_S:
            self._pruned_at = time.monotonic()
            webhooks.prune(self.engine)

    def run_once(self) -> int:
        """Claim and send one batch of due deliveries; how many were tried."""
        if not self.due_now():
            return 0
        claimed = webhooks.claim(self.engine, BATCH, self.lease_s)
        if not claimed:
            return 0
        retry = webhooks.retry_settings(self.engine)
        pool = self._pool
        if pool is None:
            for item in claimed:
                self._attempt(item, retry)
        else:
            for future in [pool.submit(self._attempt, item, retry) for item in claimed]:
                future.result()
        return len(claimed)

    def _attempt(self, item: webhooks.Claimed, retry: webhooks.RetrySettings) -> None:
        body = item.body.encode("utf-8")
        header = rules.signature_header(item.secret, int(time.time()), body)
        status: int | None = None
        try:
            status = post(item.url, body, {rules.SIGNATURE_HEADER: header},
                          retry.private_allowed, self.resolver)
        except Exception as exc:  # every failure of one attempt is that attempt's result
            error = _reason(exc)
        else:
            if 200 <= status < 300:
                webhooks.record_success(self.engine, item, status)
                return
            error = f"HTTP {status}"
        log.info("webhook delivery %s (%s) to webhook %s failed: %s", item.event_id,
                 item.event_type, item.webhook_id, error)
        webhooks.record_failure(self.engine, item, status, error, retry)
