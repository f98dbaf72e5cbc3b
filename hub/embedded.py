"""A hub running inside another process (the desktop app's demo mode, tests): uvicorn in a
background thread on a free loopback port.

`start_embedded` returns only once the hub answers its health check; `stop` waits for the
server thread to end. It never binds anything but the address it is given.
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from hub.api.app import create_app
from hub.db.engine import make_engine
from hub.db.migrate import upgrade
from hub.serving import server_options
from hub.settings import HubSettings, Limits


class EmbeddedHubFailed(RuntimeError):
    pass


@dataclass
class EmbeddedHub:
    url: str
    settings: HubSettings
    _server: uvicorn.Server
    _thread: threading.Thread

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout)
        deliveries = getattr(getattr(self._server.config.app, "state", None), "deliveries", None)
        if deliveries is not None:
            deliveries.stop()
        mails = getattr(getattr(self._server.config.app, "state", None), "mails", None)
        if mails is not None:
            mails.stop()
        # lifespan is off, so nothing else closes the app's pooled database connections: a
        # process that starts and stops hubs (tests, the demo) would keep them open.
        hub = getattr(getattr(self._server.config.app, "state", None), "hub", None)
        if hub is not None:
            hub.engine.dispose()

    def __enter__(self) -> EmbeddedHub:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def start_embedded(
    db_url: str,
    blobs_dir: Path,
    host: str = "127.0.0.1",
    port: int = 0,
    limits: Limits | None = None,
    timeout: float = 20.0,
) -> EmbeddedHub:
    """Migrate the database, start the hub and wait until it answers."""
    engine = make_engine(db_url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    settings = HubSettings(db_url=db_url, blobs_dir=Path(blobs_dir), limits=limits or Limits())
    app = create_app(settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    bound_port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            **{**server_options(), "timeout_graceful_shutdown": 2})
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name="fieldnote-hub", daemon=True
    )
    thread.start()
    deadline = time.monotonic() + timeout
    # uvicorn sets `started` once it listens; waiting on it is waiting on the server itself.
    while not server.started:
        if not thread.is_alive():
            raise EmbeddedHubFailed("The embedded hub stopped while starting")
        if time.monotonic() > deadline:
            server.should_exit = True
            raise EmbeddedHubFailed("The embedded hub did not start in time")
        thread.join(0.01)
    url = f"http://{host}:{bound_port}"
    _check_health(host, bound_port)
    # lifespan is off, so the webhook delivery and mail workers are started here.
    app.state.deliveries.start()
    app.state.mails.start()
    return EmbeddedHub(url=url, settings=settings, _server=server, _thread=thread)


def _check_health(host: str, port: int) -> None:
    with socket.create_connection((host, port), timeout=5) as conn:
        conn.sendall(b"GET /v1/health HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n")
        head = conn.recv(64)
    if not head.startswith(b"HTTP/1.1 200"):
        raise EmbeddedHubFailed(f"The embedded hub answered its health check with {head!r}")
