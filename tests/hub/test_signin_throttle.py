"""Sign-in throttling under concurrency: attempts are counted before any password is checked
(so a parallel burst gets at most the limit of checks, across threads and worker processes),
the address is throttled before the account, and at most `hash_concurrency` password hashes
run at once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from argon2 import PasswordHasher
from requests.adapters import HTTPAdapter

from fieldnote.wire import PROTOCOL_HEADER
from hub import accounts
from hub.settings import Limits
from tests.support.live_hub import LiveHub, fresh_pg_url, start_live_hub
from tests.support.serve import ServeProcess

# Bursts of parallel sign-ins hold many connections: never beside the other such tests.
pytestmark = pytest.mark.many_connections

H = {PROTOCOL_HEADER: "1"}


@dataclass
class VerifyCounter:
    """Counts the real password checks of the hub in this process, and how many ran at once."""

    calls: int = 0
    running: int = 0
    peak: int = 0
    hold: threading.Event | None = None  # when set up, a check waits for it before running
    entered: threading.Event | None = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def wrap(self, real: Callable[[str, str], bool]) -> Callable[[str, str], bool]:
        def counted(stored: str, password: str) -> bool:
            with self._lock:
                self.calls += 1
                self.running += 1
                self.peak = max(self.peak, self.running)
            try:
                if self.entered is not None:
                    self.entered.set()
                if self.hold is not None:
                    assert self.hold.wait(30)
                return real(stored, password)
            finally:
                with self._lock:
                    self.running -= 1
        return counted


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> VerifyCounter:
    counter = VerifyCounter()
    monkeypatch.setattr(accounts, "_verify", counter.wrap(accounts._verify))
    return counter


@pytest.fixture
def limited_hub(tmp_path: Path, db_url: str | None) -> Iterator[Callable[[Limits], LiveHub]]:
    started: list[LiveHub] = []

    def start(limits: Limits) -> LiveHub:
        hub = start_live_hub(tmp_path, db_url, limits=limits)
        started.append(hub)
        return hub

    yield start
    for hub in started:
        hub.stop()


def sign_in(url: str, email: str, password: str,
            session: requests.Session | None = None) -> requests.Response:
    return (session or requests).post(f"{url}/v1/auth/token", headers=H, timeout=60,
                                      json={"email": email, "password": password})


def burst(count: int, attempt: Callable[[int], requests.Response]) -> list[requests.Response]:
    """`count` requests released at the same moment, each on its own thread."""
    start = threading.Barrier(count)

    def one(n: int) -> requests.Response:
        start.wait(30)
        return attempt(n)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def session_from(address: str) -> requests.Session:
    """A session whose connections leave from another loopback address (127.0.0.2 ...)."""

    class Bound(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            kwargs["source_address"] = (address, 0)
            super().init_poolmanager(*args, **kwargs)

    session = requests.Session()
    session.mount("http://", Bound())
    return session


def test_thirty_parallel_wrong_passwords_on_one_account_check_at_most_its_limit(
    limited_hub: Callable[[Limits], LiveHub], verifications: VerifyCounter
) -> None:
    hub = limited_hub(Limits(account_failures=5, address_failures=100))
    hub.add_user("rep@test.fieldnote", "Riley", "rep")
    answers = burst(30, lambda n: sign_in(hub.url, "rep@test.fieldnote", f"wrong {n}"))
    statuses = [a.status_code for a in answers]
    assert sorted(set(statuses)) == [401, 429]
    assert verifications.calls == statuses.count(401) <= 5
    assert all(int(a.headers["Retry-After"]) >= 1 for a in answers if a.status_code == 429)


def test_sixty_parallel_attempts_from_one_address_check_at_most_its_limit(
    limited_hub: Callable[[Limits], LiveHub], verifications: VerifyCounter
) -> None:
    hub = limited_hub(Limits(account_failures=5, address_failures=20))
    hub.add_user("rep@test.fieldnote", "Riley", "rep")
    answers = burst(60, lambda n: sign_in(hub.url, f"guess{n}@test.fieldnote", "x"))
    statuses = [a.status_code for a in answers]
    assert verifications.calls == statuses.count(401) <= 20
    assert statuses.count(429) >= 40
    # The address stays locked, whatever account it tries next.
    assert sign_in(hub.url, "rep@test.fieldnote", "correct horse battery").status_code == 429


def test_a_strangers_burst_locks_the_owner_out_only_briefly(
    limited_hub: Callable[[Limits], LiveHub], verifications: VerifyCounter
) -> None:
    limits = Limits(account_failures=5, address_failures=20, lockout_s=60)
    hub = limited_hub(limits)
    owner = hub.add_user("rep@test.fieldnote", "Riley", "rep")
    answers = burst(30, lambda n: sign_in(hub.url, "rep@test.fieldnote", f"wrong {n}"))
    assert [a.status_code for a in answers].count(401) <= 5
    # The owner, from another address, waits for the account's short lock, not 15 minutes.
    answer = sign_in(hub.url, owner["email"], owner["password"], session_from("127.0.0.2"))
    assert answer.status_code == 429
    assert int(answer.headers["Retry-After"]) <= 60
    # The stranger's address is locked for every account.
    assert sign_in(hub.url, "other@test.fieldnote", "x").status_code == 429
    # Once the account's lock has passed, the owner signs in from their address.
    attempt = accounts.begin_login(hub.engine, limits, email=owner["email"],
                                   address="127.0.0.2", now=time.time() + 61)
    issued = accounts.finish_login(hub.engine, limits, attempt, password=owner["password"],
                                   device_name=None)
    assert issued.actor.email == owner["email"]


def test_an_account_locked_by_failures_unlocks_after_the_lock_and_escalates_up_to_its_cap(
    limited_hub: Callable[[Limits], LiveHub],
) -> None:
    limits = Limits(account_failures=3, address_failures=1000, lockout_s=60,
                    account_lockout_max_s=300)
    hub = limited_hub(limits)
    hub.add_user("rep@test.fieldnote", "Riley", "rep")
    now = 1_000_000.0

    def fail_at(at: float) -> None:
        attempt = accounts.begin_login(hub.engine, limits, email="rep@test.fieldnote",
                                       address="10.0.0.1", now=at)
        with pytest.raises(accounts.LoginRefused):
            accounts.finish_login(hub.engine, limits, attempt, password="wrong",
                                  device_name=None)

    for _ in range(3):
        fail_at(now)
    locks = []
    for _ in range(5):
        with pytest.raises(accounts.LoginThrottled) as refused:
            accounts.begin_login(hub.engine, limits, email="rep@test.fieldnote",
                                 address="10.9.9.9", now=now)
        locks.append(refused.value.retry_after)
        now += refused.value.retry_after
        fail_at(now)
    assert locks == [60, 120, 240, 300, 300]


def test_at_most_hash_concurrency_passwords_are_hashed_at_once(
    limited_hub: Callable[[Limits], LiveHub], verifications: VerifyCounter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub = limited_hub(Limits(hash_concurrency=2, hash_wait_s=300, account_failures=1000,
                             address_failures=1000))
    # The hub's own cost (argon2id, 64 MiB): slow enough that parallel checks overlap.
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher())
    user = hub.add_user("rep@test.fieldnote", "Riley", "rep")
    answers = burst(12, lambda n: sign_in(hub.url, user["email"], user["password"]))
    assert [a.status_code for a in answers] == [200] * 12
    assert verifications.calls == 12
    assert 1 <= verifications.peak <= 2


def test_a_sign_in_that_finds_no_free_hash_slot_gets_429_and_is_not_counted(
    limited_hub: Callable[[Limits], LiveHub], verifications: VerifyCounter
) -> None:
    limits = Limits(hash_concurrency=1, hash_wait_s=0.2, account_failures=2)
    hub = limited_hub(limits)
    user = hub.add_user("rep@test.fieldnote", "Riley", "rep")
    verifications.hold, verifications.entered = threading.Event(), threading.Event()
    with ThreadPoolExecutor(1) as pool:
        first = pool.submit(sign_in, hub.url, user["email"], user["password"])
        assert verifications.entered.wait(30)
        busy = [sign_in(hub.url, user["email"], "wrong") for _ in range(3)]
        verifications.hold.set()
        assert first.result().status_code == 200
    assert [b.status_code for b in busy] == [429] * 3
    assert busy[0].json()["title"] == "Too many sign-ins at once"
    assert int(busy[0].headers["Retry-After"]) >= 1
    # None of the three was checked, so none counts: the account is not locked.
    assert verifications.calls == 1
    assert sign_in(hub.url, user["email"], user["password"]).status_code == 200


@pytest.mark.slow
def test_two_serve_processes_on_one_database_share_the_throttle(
    tmp_path: Path, db_url: str | None
) -> None:
    cleanup: list[Callable[[], None]] = []
    if db_url is None:
        url = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    else:
        url, drop = fresh_pg_url(db_url)
        cleanup.append(drop)
    servers: list[ServeProcess] = []
    try:
        servers = [ServeProcess(url, tmp_path / "blobs", "--db-pool", "6") for _ in range(2)]
        from hub.db.engine import make_engine

        engine = make_engine(url, pool_size=1)
        try:
            accounts.add_user(engine, email="rep@test.fieldnote", name="Riley", role="rep",
                              password="right")
        finally:
            engine.dispose()
        answers = burst(30, lambda n: sign_in(servers[n % 2].url, "rep@test.fieldnote",
                                              f"wrong {n}"))
        statuses = [a.status_code for a in answers]
        # Limits as `serve` has them: 5 attempts per account. A 401 is a checked password.
        assert statuses.count(401) <= 5
        assert statuses.count(429) >= 25
    finally:
        for server in servers:
            server.stop()
        for step in cleanup:
            step()


def test_parallel_right_passwords_on_one_account_all_sign_in(
    limited_hub: Callable[[Limits], LiveHub],
) -> None:
    # Admissions and successful sign-ins touch the same two rows at once: no deadlock, no
    # lost count (every success takes its attempt back, so none is locked out).
    hub = limited_hub(Limits(account_failures=40, address_failures=40, hash_concurrency=8))
    user = hub.add_user("rep@test.fieldnote", "Riley", "rep")
    answers = burst(40, lambda n: sign_in(hub.url, user["email"], user["password"]))
    assert [a.status_code for a in answers] == [200] * 40
    with hub.engine.connect() as conn:
        left = dict(conn.exec_driver_sql("SELECT key, failures FROM hub_login_failure").all())
    assert left == {"address:127.0.0.1": 0}
