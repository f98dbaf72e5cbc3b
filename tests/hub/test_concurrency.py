"""Twenty clients pushing interleaved updates to shared records at once, while another
client pulls: every applied mutation is reflected, versions strictly increase, nothing is
lost, and the puller's incremental view converges on the hub's state."""

from __future__ import annotations

import random
import threading
from typing import Any

from sqlalchemy import func, select

from fieldnote.ids import new_id
from hub.db.tables import mutations as mutation_log
from tests.hub.client import SyncClient, mutation
from tests.support.live_hub import LiveHub

CLIENTS = 20
ROUNDS = 6
FIELDS = ("venue", "campaign_code", "name")


def test_concurrent_pushes_lose_nothing_and_pulls_converge(hub: LiveHub) -> None:
    users = [hub.add_user(f"m{n}@load.fieldnote", f"M{n}", "marketer") for n in range(4)]
    clients = [SyncClient(hub, hub.client(users[n % 4]["email"]), users[n % 4])
               for n in range(CLIENTS)]
    watcher = SyncClient(hub, hub.client(users[0]["email"]), users[0])
    events = [new_id() for _ in range(5)]
    created = clients[0].push(*[mutation("event", e, {"name": f"Event {i}"})
                                for i, e in enumerate(events)])
    assert {r["status"] for r in created} == {"applied"}

    sent: list[tuple[dict[str, Any], dict[str, Any]]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(CLIENTS + 1)
    done = threading.Event()

    def work(n: int, client: SyncClient) -> None:
        rnd = random.Random(n)
        known = {e: 0 for e in events}
        try:
            start.wait(timeout=60)
            last_version = 0
            for round_ in range(ROUNDS):
                batch = [mutation("event", e, {rnd.choice(FIELDS): f"c{n}-r{round_}-{i}"},
                                  base=known[e]) for i, e in enumerate(rnd.sample(events, 3))]
                results = client.push(*batch)
                for m, r in zip(batch, results, strict=True):
                    assert r["status"] in ("applied", "conflict"), r
                    assert r["version"] > last_version  # this client's writes only go up
                    last_version = r["version"]
                    known[m["record_id"]] = r["version"]
                with lock:
                    sent.extend(zip(batch, results, strict=True))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    puller_view: dict[tuple[str, str], dict[str, Any]] = {}

    def pull() -> None:
        cursor = None
        try:
            start.wait(timeout=60)
            while not done.is_set():
                changes, cursor = watcher.pull_all(cursor, limit=7)
                puller_view.update(changes)
            changes, _ = watcher.pull_all(cursor, limit=7)
            puller_view.update(changes)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n, c)) for n, c in enumerate(clients)]
    puller = threading.Thread(target=pull)
    for t in [*threads, puller]:
        t.start()
    for t in threads:
        t.join(120)
    done.set()
    puller.join(120)
    assert not errors, errors[0]

    assert len(sent) == CLIENTS * ROUNDS * 3
    versions = [r["version"] for _, r in sent]
    assert len(set(versions)) == len(versions)  # every write got its own change number
    # Last write wins per field: the final value is the one with the highest version.
    expected: dict[str, dict[str, tuple[int, Any]]] = {e: {} for e in events}
    for m, r in sent:
        for name, value in m["fields"].items():
            if r["version"] > expected[m["record_id"]].get(name, (0, None))[0]:
                expected[m["record_id"]][name] = (r["version"], value)
    final = watcher.visible("event")
    for e in events:
        state = final[("event", e)]
        assert state["version"] == max(r["version"] for m, r in sent if m["record_id"] == e)
        for name, (_v, value) in expected[e].items():
            assert state["fields"][name] == value
        assert puller_view[("event", e)] == state  # the incremental puller missed nothing
    with hub.engine.connect() as conn:
        logged = conn.execute(select(func.count()).select_from(mutation_log)).scalar()
    assert logged == len(sent) + len(created)
