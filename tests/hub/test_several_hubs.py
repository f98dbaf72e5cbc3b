"""Two `fieldnote-hub serve` processes on one PostgreSQL database and one blob directory, as
behind one proxy (docs/deploy.md#several-hubs-on-one-database): twenty clients push new leads
to either at once while a device pulls from both in turn; afterwards that device and a fresh
one hold every lead, and the fresh device's pull lists each exactly once."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from fieldnote.ids import new_id
from fieldnote.wire import PROTOCOL_HEADER, PROTOCOL_VERSION
from hub import accounts
from hub.db.engine import make_engine
from hub.db.migrate import upgrade
from tests.hub.client import SyncClient, lead_fields, mutation
from tests.support.live_hub import PG_ENV, LiveHub, fresh_pg_url

pytestmark = [pytest.mark.pg, pytest.mark.skipif(
    not os.environ.get(PG_ENV), reason=f"set {PG_ENV} to a PostgreSQL URL to run this"),
    # Many connections at once: never beside the other such tests (PostgreSQL's 100).
    pytest.mark.many_connections]

CLIENTS = 20
ROUNDS = 5
LEADS_PER_PUSH = 4
PASSWORD = "several hubs, one database"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _session() -> requests.Session:
    """A session that retries refused connections while a hub process starts listening."""
    session = requests.Session()
    session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
    session.mount("http://", HTTPAdapter(max_retries=Retry(
        total=None, connect=60, read=0, status=0, backoff_factor=0.05, backoff_max=0.5)))
    return session


@pytest.fixture
def two_hubs(tmp_path: Path) -> Iterator[tuple[str, list[str]]]:
    """The database URL and the addresses of two hub processes sharing it and one blob
    directory."""
    url, drop = fresh_pg_url(os.environ[PG_ENV])
    engine = make_engine(url, pool_size=2)
    upgrade(engine)  # migrate once, before the hubs start (docs/deploy.md#upgrading)
    for n in range(4):
        accounts.add_user(engine, email=f"m{n}@hubs.fieldnote", name=f"M{n}",
                          role="marketer", team=None, password=PASSWORD)
    engine.dispose()
    program = str(Path(sys.executable).parent / "fieldnote-hub")
    procs = []
    urls = []
    try:
        for _ in range(2):
            port = _free_port()
            procs.append(subprocess.Popen(
                [program, "serve", "--db", url, "--blobs", str(tmp_path / "shared-blobs"),
                 "--port", str(port), "--log-level", "warning", "--db-pool", "8"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
            urls.append(f"http://127.0.0.1:{port}")
        for hub_url in urls:
            with _session() as session:
                assert session.get(f"{hub_url}/v1/health", timeout=60).status_code == 200
        yield url, urls
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        drop()


def _client(hub_url: str, email: str) -> SyncClient:
    session = _session()
    answer = session.post(f"{hub_url}/v1/auth/token", timeout=60,
                          json={"email": email, "password": PASSWORD, "device_name": "t"})
    assert answer.status_code == 200, answer.text
    session.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    me = session.get(f"{hub_url}/v1/auth/me", timeout=30)
    user = me.json() if me.status_code == 200 else {"id": ""}
    return SyncClient(cast(LiveHub, SimpleNamespace(url=hub_url)), session, user)


def test_two_hub_processes_keep_the_feed_complete_under_concurrent_pushes(
    two_hubs: tuple[str, list[str]]
) -> None:
    _db, urls = two_hubs
    emails = [f"m{n}@hubs.fieldnote" for n in range(4)]
    clients = [_client(urls[n % 2], emails[n % 4]) for n in range(CLIENTS)]
    # The watcher pulls from each hub in turn with the same cursor.
    watchers = [_client(url, emails[0]) for url in urls]
    watchers[1].http.headers["Authorization"] = watchers[0].http.headers["Authorization"]

    pushed: set[str] = set()
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS + 1)
    done = threading.Event()

    def work(n: int, client: SyncClient) -> None:
        try:
            start.wait(timeout=60)
            for _round in range(ROUNDS):
                ids = [new_id() for _ in range(LEADS_PER_PUSH)]
                results = client.push(*[mutation("lead", i, lead_fields(company=f"C{n}"))
                                        for i in ids])
                assert [r["status"] for r in results] == ["applied"] * LEADS_PER_PUSH, results
                with lock:
                    pushed.update(ids)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    seen_by_watcher: dict[tuple[str, str], dict[str, Any]] = {}

    def watch() -> None:
        cursor = None
        turn = 0
        try:
            start.wait(timeout=60)
            while not done.is_set():
                changes, cursor = watchers[turn % 2].pull_all(cursor, limit=13)
                seen_by_watcher.update(changes)
                turn += 1
            changes, _ = watchers[turn % 2].pull_all(cursor, limit=13)
            seen_by_watcher.update(changes)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n, c)) for n, c in enumerate(clients)]
    watcher = threading.Thread(target=watch)
    for t in [*threads, watcher]:
        t.start()
    for t in threads:
        t.join(300)
    done.set()
    watcher.join(300)
    assert not errors, errors
    assert len(pushed) == CLIENTS * ROUNDS * LEADS_PER_PUSH

    # A cursor never passes a lead that committed after a later one: the watcher, which
    # pulled while the pushes ran, has every lead.
    watched = {rid for (kind, rid) in seen_by_watcher if kind == "lead"}
    assert pushed - watched == set()

    # A fresh device pulls every lead exactly once, in pages, alternating hubs.
    fresh = [_client(url, emails[1]) for url in urls]
    counts: Counter[str] = Counter()
    cursor: str | None = None
    turn = 0
    while True:
        answer = fresh[turn % 2].pull_page(cursor, limit=50)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        counts.update(c["record_id"] for c in page["changes"] if c["kind"] == "lead")
        cursor = page["cursor"]
        turn += 1
        if not page["has_more"]:
            break
    assert set(counts) == pushed
    assert set(counts.values()) == {1}
