"""Webhooks out of a real hub: a push raises events, the outbox keeps them, the delivery worker
posts them signed to a receiver on loopback and tries again (same id) after a failure; claims
are safe with several workers; unsafe targets are refused; the command line manages them."""

from __future__ import annotations

import json
import logging
import queue
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fieldnote import webhooks as rules
from fieldnote.ids import new_id
from fieldnote.leads import CONTACT_FIELDS
from hub import shared_settings, webhooks
from hub.db.tables import deliveries
from hub.webhook_sender import DeliveryWorker, Refused, post
from tests.hub.client import SyncClient, lead_fields
from tests.hub.test_cli import run
from tests.support.live_hub import LiveHub

WAIT_S = 20


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    answered: int


@dataclass
class Receiver:
    """A local HTTP endpoint: answers each POST with the next scripted status (then 200)."""

    url: str
    statuses: list[int] = field(default_factory=list)
    got: queue.Queue[Received] = field(default_factory=queue.Queue)

    def next(self) -> Received:
        return self.got.get(timeout=WAIT_S)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    box: dict[str, Receiver] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            me = box["r"]
            status = me.statuses.pop(0) if me.statuses else 200
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()
            me.got.put(Received(dict(self.headers.items()), body, status))

        def log_message(self, *_args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    box["r"] = Receiver(f"http://127.0.0.1:{server.server_address[1]}/hooks/fieldnote")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield box["r"]
    finally:
        server.shutdown()
        server.server_close()


def _fast_retries(hub: LiveHub, first: str = "50ms", retry_for: str = "24h") -> None:
    shared_settings.set_shared_setting(hub.engine, "webhook_retry_first", first)
    shared_settings.set_shared_setting(hub.engine, "webhook_retry_for", retry_for)


def _verified(got: Received, secret: str) -> dict[str, Any]:
    header = got.headers[rules.SIGNATURE_HEADER]
    assert rules.verify_signature(secret, header, got.body, now=time.time()), header
    assert got.headers["Content-Type"] == "application/json"
    return dict(json.loads(got.body))


def _until(check: Any) -> Any:
    """Wait until `check()` is truthy (the worker records an answer after the receiver has
    it); its value."""
    deadline = time.monotonic() + WAIT_S
    while not (value := check()):
        assert time.monotonic() < deadline, "timed out"
        threading.Event().wait(0.01)
    return value


def _state(hub: LiveHub, event_id: str) -> list[Any]:
    with hub.engine.connect() as conn:
        return list(conn.execute(select(deliveries).where(deliveries.c.event_id == event_id)))


def test_a_qualified_lead_is_posted_signed_and_again_with_the_same_id_after_a_500(
        hub: LiveHub, people: dict[str, SyncClient], receiver: Receiver) -> None:
    _fast_retries(hub)
    added = webhooks.add_webhook(hub.engine, receiver.url, "lead.qualified,outcome.recorded")
    assert added.generated and added.secret.startswith("whsec_")
    receiver.statuses = [500]
    rep = people["rep"]
    lead_id = new_id()
    assert rep.push_one("lead", lead_id, lead_fields(
        qualified=True, grade="hot", company="Acme", phone="+4930123456"))["status"] == "applied"

    first, second = receiver.next(), receiver.next()
    assert (first.answered, second.answered) == (500, 200)
    one, two = _verified(first, added.secret), _verified(second, added.secret)
    assert one == two  # the same delivery: id, time of the event, data
    assert one["type"] == "lead.qualified" and one["id"]
    assert one["created_at"].endswith("Z") or "+00:00" in one["created_at"]
    lead = one["data"]["lead"]
    assert lead["id"] == lead_id and lead["grade"] == "hot" and lead["company"] == "Acme"
    assert lead["qualified"] is True and lead["owner_id"] == rep.id
    # No consent: no contact fields.
    assert not set(CONTACT_FIELDS) & set(lead), lead
    assert one["data"]["owner"]["email"] == rep.user["email"]
    # lead.created was not subscribed: nothing else came.
    assert receiver.got.empty()

    row, = _until(lambda: [r for r in _state(hub, one["id"]) if r.state == "delivered"])
    assert row.attempts == 2 and row.last_status == 200
    listed = webhooks.list_deliveries(hub.engine)
    assert listed[0]["id"] == one["id"] and listed[0]["state"] == "delivered"
    assert listed[0]["attempts"] == 2
    assert webhooks.list_deliveries(hub.engine, failed=True) == []

    # An outcome of a lead with consent carries the lead's contact fields.
    consented = new_id()
    rep.push_one("lead", consented, lead_fields(consent_contact=True,
                                                consent_at="2026-11-24T10:15:00Z"))
    rep.push_one("lead_outcome", new_id(), {"lead_id": consented, "status": "won",
                                             "amount": 1200.0})
    outcome = _verified(receiver.next(), added.secret)
    assert outcome["type"] == "outcome.recorded"
    assert outcome["data"]["outcome"]["amount"] == 1200.0
    assert outcome["data"]["lead"]["email"] == "ana@example.com"


def test_a_lead_that_becomes_qualified_later_and_a_reassignment_raise_their_events(
        hub: LiveHub, people: dict[str, SyncClient], receiver: Receiver) -> None:
    added = webhooks.add_webhook(hub.engine, receiver.url,
                                 "lead.created,lead.qualified,lead.assigned")
    rep, marketer = people["rep"], people["marketer"]
    lead_id = new_id()
    created = rep.push_one("lead", lead_id, lead_fields(qualified=False))
    assert _verified(receiver.next(), added.secret)["type"] == "lead.created"
    updated = rep.push_one("lead", lead_id, {"qualified": True}, base=created["version"])
    assert _verified(receiver.next(), added.secret)["type"] == "lead.qualified"
    marketer.push_one("lead", lead_id, {"owner_id": people["rep2"].id},
                      base=updated["version"])
    assigned = _verified(receiver.next(), added.secret)
    assert assigned["type"] == "lead.assigned"
    assert assigned["data"]["owner"]["email"] == people["rep2"].user["email"]
    # A replayed push raises nothing again.
    assert receiver.got.empty()


def test_a_submitted_debrief_and_a_collateral_request(
        hub: LiveHub, people: dict[str, SyncClient], receiver: Receiver) -> None:
    added = webhooks.add_webhook(hub.engine, receiver.url,
                                 "debrief.submitted,collateral.requested")
    rep = people["rep"]
    debrief = new_id()
    draft = rep.push_one("debrief", debrief, {"account": "Acme", "call_date": "2026-11-25",
                                              "status": "draft", "contacts": "Ana Silva"})
    rep.push_one("collateral_request", new_id(), {"title": "A deck for retail"})
    assert _verified(receiver.next(), added.secret)["type"] == "collateral.requested"
    rep.push_one("debrief", debrief, {"status": "submitted"}, base=draft["version"])
    got = _verified(receiver.next(), added.secret)
    assert got["type"] == "debrief.submitted" and got["data"]["debrief"]["account"] == "Acme"


def test_deliveries_wait_in_the_outbox_for_a_worker(
        hub: LiveHub, people: dict[str, SyncClient], receiver: Receiver) -> None:
    """A delivery is a row written with the push; a worker started later (a restarted hub)
    sends it."""
    hub._embedded.stop()  # the hub's own worker must not take it
    added = webhooks.add_webhook(hub.engine, receiver.url, "lead.created")
    with hub.engine.begin() as conn:
        from hub.records import RecordStore

        store = RecordStore(conn)
        webhooks.enqueue(conn, [webhooks.Change("lead", new_id(), 1, None,
                                                lead_fields(owner_id=None), False)],
                         lambda _k, _i: None, store.now)
    assert [d["state"] for d in webhooks.list_deliveries(hub.engine)] == ["pending"]
    worker = DeliveryWorker(hub.engine)
    worker.start()
    try:
        assert _verified(receiver.next(), added.secret)["type"] == "lead.created"
    finally:
        worker.stop()


def test_the_default_first_retry_comes_within_30_seconds(
        hub: LiveHub, receiver: Receiver) -> None:
    hub._embedded.stop()
    webhooks.add_webhook(hub.engine, receiver.url, "lead.created")
    _enqueue_one(hub)
    item, = webhooks.claim(hub.engine, 10, lease_s=60)
    retry = webhooks.retry_settings(hub.engine)
    assert retry.first_s <= 30 and retry.retry_for_s == 24 * 3600
    failed_at = time.time()
    assert not webhooks.record_failure(hub.engine, item, 500, "HTTP 500", retry, now=failed_at)
    row, = _state(hub, item.event_id)
    assert row.state == "pending" and row.attempts == 1
    assert 0 < row.next_at - failed_at <= 30


def _enqueue_one(hub: LiveHub) -> None:
    with hub.engine.begin() as conn:
        webhooks.enqueue(conn, [webhooks.Change("lead", new_id(), 1, None,
                                                lead_fields(owner_id=None), False)],
                         lambda _k, _i: None, "2026-12-07T10:00:00Z")


def test_a_webhook_failing_for_the_whole_retry_time_is_disabled_with_the_reason_logged(
        hub: LiveHub, people: dict[str, SyncClient], receiver: Receiver,
        caplog: pytest.LogCaptureFixture) -> None:
    _fast_retries(hub, first="20ms", retry_for="1s")
    added = webhooks.add_webhook(hub.engine, receiver.url, "lead.created")
    receiver.statuses = [503] * 1000
    caplog.set_level(logging.WARNING, logger="hub.webhooks")
    people["rep"].push_one("lead", new_id(), lead_fields())
    hook, = _until(lambda: [h for h in webhooks.list_webhooks(hub.engine) if not h["active"]])
    ids = set()
    while not receiver.got.empty():
        ids.add(_verified(receiver.got.get(), added.secret)["id"])
    assert len(ids) == 1
    assert not hook["active"] and "HTTP 503" in hook["disabled_reason"]
    failed, = webhooks.list_deliveries(hub.engine, failed=True)
    assert failed["state"] == "failed" and failed["attempts"] >= 1
    assert any(f"webhook {added.id} disabled" in r.getMessage() for r in caplog.records)
    # A disabled webhook gets no further deliveries.
    people["rep"].push_one("lead", new_id(), lead_fields())
    assert len(webhooks.list_deliveries(hub.engine)) == 1


def test_claims_are_taken_once_by_concurrent_workers(hub: LiveHub, receiver: Receiver) -> None:
    hub._embedded.stop()
    webhooks.add_webhook(hub.engine, receiver.url, "lead.created")
    with hub.engine.begin() as conn:
        webhooks.enqueue(conn, [webhooks.Change("lead", new_id(), 1, None, {}, False)
                                for _ in range(60)], lambda _k, _i: None, "2026-12-07T10:00:00Z")
    taken: list[list[int]] = []
    barrier = threading.Barrier(4)

    def worker() -> None:
        barrier.wait()
        mine: list[int] = []
        while batch := webhooks.claim(hub.engine, 7, lease_s=60):
            mine.extend(item.id for item in batch)
        taken.append(mine)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(WAIT_S)
    every = [i for mine in taken for i in mine]
    assert len(every) == 60 and len(set(every)) == 60
    # Claimed rows are due again only when the lease is over (their worker died).
    assert webhooks.claim(hub.engine, 100, lease_s=60) == []
    again = webhooks.claim(hub.engine, 100, lease_s=60, now=time.time() + 61)
    assert len(again) == 60
    # A result recorded under a lost claim changes nothing.
    stale = webhooks.Claimed(**{**again[0].__dict__, "claim": "someone-else"})
    webhooks.record_success(hub.engine, stale, 200)
    assert _state(hub, stale.event_id)[0].state == "pending"


def test_unsafe_targets_are_refused_at_send_time(hub: LiveHub) -> None:
    def resolves_to(address: str) -> Any:
        def resolver(host: str, port: int, **_kw: Any) -> list[tuple[Any, ...]]:
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port))]
        return resolver

    for address in ("10.0.0.8", "169.254.169.254", "127.0.0.1", "::1", "192.168.1.1"):
        with pytest.raises(Refused, match="resolves to"):
            post("https://hooks.example.com/x", b"{}", {}, False, resolves_to(address))
    # One bad address among good ones is enough to refuse.
    def mixed(host: str, port: int, **_kw: Any) -> list[tuple[Any, ...]]:
        return [*resolves_to("93.184.216.34")(host, port), *resolves_to("10.0.0.8")(host, port)]
    with pytest.raises(Refused):
        post("https://hooks.example.com/x", b"{}", {}, False, mixed)
    with pytest.raises(Refused, match="https"):
        post("http://hooks.example.com/x", b"{}", {}, False, resolves_to("93.184.216.34"))
    # Allowed by the setting: the attempt goes on (and fails later, connecting to nothing).
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    with pytest.raises(Exception) as raised:
        post(f"https://hooks.internal:{port}/x", b"{}", {}, True, resolves_to("127.0.0.1"))
    assert not isinstance(raised.value, Refused)


def test_a_refused_target_is_a_failed_attempt_like_any_other(
        hub: LiveHub) -> None:
    """The worker records a refusal at send time as the attempt's error (the name resolved to a
    private address since the webhook was added)."""
    hub._embedded.stop()
    webhooks.add_webhook(hub.engine, "https://hooks.example.com/fieldnote", "lead.created")
    _enqueue_one(hub)

    def private(host: str, port: int, **_kw: Any) -> list[tuple[Any, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))]

    worker = DeliveryWorker(hub.engine, resolver=private)
    assert worker.run_once() == 1
    failed, = webhooks.list_deliveries(hub.engine, failed=True)
    assert failed["state"] == "pending" and failed["attempts"] == 1
    assert failed["last_error"].startswith("refused: hooks.example.com resolves to 10.1.2.3")


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """`fieldnote-hub` in this process (a process of its own takes seconds to start on a busy
    machine; `test_cli.py` runs it as one)."""
    import io

    from hub.cli import main

    def call(*args: str, stdin: str = "") -> Ran:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
        out, err = capsys.readouterr()
        return Ran(code, out, err)

    return call


def test_the_command_line_adds_lists_shows_and_removes_webhooks(tmp_path: Path, cli: Any
                                                                 ) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert cli("migrate", "--db", db).returncode == 0
    added = cli("webhook", "add", "--db", db, "--url", "https://crm.example.com/hooks",
                "--events", "lead.qualified,lead.created")
    assert added.returncode == 0, added.stderr
    lines = added.stdout.splitlines()
    hook_id = lines[0].removeprefix("Added webhook ")
    assert lines[1].startswith("Secret (shown only now): whsec_")
    own = cli("webhook", "add", "--db", db, "--url", "http://127.0.0.1:9000/x",
              "--events", "outcome.recorded", "--secret-stdin", stdin="my own secret value\n")
    assert own.returncode == 0 and "Secret" not in own.stdout
    listed = cli("webhook", "list", "--db", db, "--json")
    hooks = json.loads(listed.stdout)
    assert [h["url"] for h in hooks] == ["https://crm.example.com/hooks",
                                         "http://127.0.0.1:9000/x"]
    assert hooks[0]["events"] == ["lead.qualified", "lead.created"] and hooks[0]["active"]
    assert "secret" not in json.dumps(hooks)
    text = cli("webhook", "list", "--db", db)
    assert f"{hook_id}\thttps://crm.example.com/hooks\tlead.qualified,lead.created\tactive" \
        in text.stdout
    shown = cli("webhook", "deliveries", "--db", db, "--json", "--failed")
    assert shown.returncode == 0 and json.loads(shown.stdout) == []
    assert cli("webhook", "deliveries", "--db", db).stdout.endswith("0 deliveries\n")
    removed = cli("webhook", "remove", "--db", db, hook_id)
    assert removed.returncode == 0 and hook_id in removed.stdout
    assert len(json.loads(cli("webhook", "list", "--db", db, "--json").stdout)) == 1
    gone = cli("webhook", "remove", "--db", db, "0123abcd")
    assert gone.returncode == 1 and "No webhook" in gone.stderr
    assert cli("settings", "set", "--db", db, "webhook_retry_first", "5s").returncode == 0
    assert cli("settings", "get", "--db", db, "webhook_retry_first").stdout == "5s\n"
    assert "webhook_allow_private\tno" in cli("settings", "list", "--db", db).stdout
    bad = cli("settings", "set", "--db", db, "webhook_retry_first", "soon")
    assert bad.returncode == 1 and "not a duration" in bad.stderr
    # Private addresses once the setting allows them.
    assert cli("webhook", "add", "--db", db, "--url", "https://10.0.0.1/x",
               "--events", "lead.created").returncode == 1
    assert cli("settings", "set", "--db", db, "webhook_allow_private", "yes").returncode == 0
    assert cli("webhook", "add", "--db", db, "--url", "https://10.0.0.1/x",
               "--events", "lead.created").returncode == 0


def test_the_command_line_refuses_bad_webhooks_in_one_line(tmp_path: Path, cli: Any) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert cli("migrate", "--db", db).returncode == 0
    https = "https://crm.example.com/x"
    for args, stdin, message in [
        (("--url", "http://crm.example.com/x", "--events", "lead.created"), "", "uses https"),
        (("--url", "https://10.0.0.1/x", "--events", "lead.created"), "", "private"),
        (("--url", "https://169.254.169.254/x", "--events", "lead.created"), "", "link-local"),
        (("--url", https, "--events", "lead.gone"), "", "unknown event"),
        (("--url", https, "--events", "lead.created", "--secret-stdin"), "short\n", "16 to 200"),
        (("--url", https, "--events", "lead.created", "--secret-stdin"), "", "No secret"),
    ]:
        done = cli("webhook", "add", "--db", db, *args, stdin=stdin)
        assert done.returncode == 1, (args, done.stdout)
        assert message in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr
    assert json.loads(cli("webhook", "list", "--db", db, "--json").stdout) == []


def test_the_webhook_command_as_a_process(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert run("migrate", "--db", db).returncode == 0
    done = run("webhook", "add", "--db", db, "--url", "http://crm.example.com/x",
               "--events", "lead.created")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("fieldnote-hub: a webhook URL uses https")


def test_the_verification_snippet_in_the_docs_verifies_a_delivery() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "webhooks.md").read_text()
    snippet = text.split("```python\n", 1)[1].split("```", 1)[0]
    scope: dict[str, Any] = {}
    exec(snippet, scope)  # noqa: S102 (our own documentation)
    body = b'{"id":"e1","type":"lead.qualified"}'
    header = rules.signature_header("whsec_test-secret-123", int(time.time()), body)
    assert scope["verified"]("whsec_test-secret-123", header, body)
    assert not scope["verified"]("whsec_test-secret-123", header, body + b" ")
    assert not scope["verified"]("whsec_other-secret-12", header, body)
    old = rules.signature_header("whsec_test-secret-123", int(time.time()) - 3600, body)
    assert not scope["verified"]("whsec_test-secret-123", old, body)


def test_the_worker_of_fieldnote_hub_serve_posts_deliveries(
        tmp_path: Path, receiver: Receiver) -> None:
    """`serve` runs the delivery worker in its app's lifespan (the embedded hub starts it
    itself)."""
    from hub.db.engine import make_engine
    from hub.db.migrate import upgrade
    from hub.settings import Limits
    from tests.hub.client import mutation
    from tests.support.live_hub import DEFAULT_PASSWORD
    from tests.support.serve import ServeProcess

    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    engine = make_engine(db)
    try:
        upgrade(engine)
        from hub import accounts

        accounts.add_user(engine, email="rep@example.com", name="Rep", role="rep", team="east",
                          password=DEFAULT_PASSWORD)
        token = accounts.login(engine, Limits(), email="rep@example.com",
                               password=DEFAULT_PASSWORD, address="test",
                               device_name=None).token
        added = webhooks.add_webhook(engine, receiver.url, "lead.created")
    finally:
        engine.dispose()
    import requests

    from fieldnote.wire import PROTOCOL_HEADER, PROTOCOL_VERSION

    with ServeProcess(db, tmp_path / "blobs") as served:
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        pushed = requests.post(f"{served.url}/v1/sync/push", timeout=30, json={
            "client_id": new_id(), "mutations": [mutation("lead", new_id(), lead_fields())]},
            headers={**headers, "Authorization": f"Bearer {token}"})
        assert pushed.status_code == 200, pushed.text
        assert _verified(receiver.next(), added.secret)["type"] == "lead.created"


def test_old_finished_deliveries_are_deleted_and_pending_ones_kept(
        hub: LiveHub, receiver: Receiver) -> None:
    hub._embedded.stop()
    webhooks.add_webhook(hub.engine, receiver.url, "lead.created")
    for _ in range(3):
        _enqueue_one(hub)
    done, given_up, waiting = webhooks.claim(hub.engine, 10, lease_s=60)
    webhooks.record_success(hub.engine, done, 200)
    retry = webhooks.RetrySettings(first_s=1, retry_for_s=0.001, private_allowed=False)
    # Giving one up disables the webhook and gives up the others pending with it, so the third
    # is put back to pending by hand: a delivery still waiting is never deleted.
    webhooks.record_failure(hub.engine, given_up, 500, "HTTP 500", retry)
    with hub.engine.begin() as conn:
        from sqlalchemy import update

        conn.execute(update(deliveries).where(deliveries.c.id == waiting.id)
                     .values(state="pending", claim=None))
    assert webhooks.prune(hub.engine) == 0
    later = time.time() + webhooks.KEEP_S + 1
    assert webhooks.prune(hub.engine, now=later) == 2
    assert [d["id"] for d in webhooks.list_deliveries(hub.engine)] == [waiting.event_id]
