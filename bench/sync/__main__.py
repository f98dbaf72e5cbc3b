"""End-to-end sync benchmark (prints figures; not a timed test).

10,000 leads go from device A's store through a hub on loopback into device B's store (push
time, pull time, leads/s), then 100 of them change and sync incrementally (time and bytes on
the wire). Printed beside the hub-only push of the same leads measured in the same run (the
hub benchmark's one client in batches of 500, no local store). Each measurement gets a fresh
hub running as its own process (`fieldnote-hub serve`), as in the hub's benchmark.

With `--peer`, the same documents also go through PouchDB (pouchdb-node devices replicating
through pouchdb-server in memory; `bench/sync/peer.py` installs them with npm into
`bench/.peer/`) and through a raw HTTP push and pull (`bench/sync/raw.py`), in the same run, and
the ratios print beside their targets.

Run: `python -m bench.sync [--leads N] [--changes N] [--peer]`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

PASSWORD = "bench"
REP = "rep@bench.fieldnote"
MARKETER = "marketer@bench.fieldnote"


def start_hub(work: Path, users: list[tuple[str, str, str]]) -> Any:
    """A hub in its own process (as the hub's push benchmark runs it), with `users`."""
    from bench.hub_push.__main__ import HubProcess
    from hub import accounts
    from hub.db.engine import make_engine
    from hub.db.migrate import upgrade

    work.mkdir(parents=True, exist_ok=True)
    db_url = f"sqlite:///{work / 'hub.sqlite3'}"
    engine = make_engine(db_url)
    upgrade(engine)
    for email, name, role in users:
        accounts.add_user(engine, email=email, name=name, role=role, team="east",
                          password=PASSWORD)
    engine.dispose()
    return HubProcess(db_url, work / "blobs")


def the_leads(n: int) -> list[dict]:
    """The very leads the hub's push benchmark sends (same generator, same seed)."""
    from bench.hub_push.__main__ import lead_fields

    rnd = random.Random(7)
    return [lead_fields(rnd, i) for i in range(n)]


def hub_only_push(work: Path, n: int) -> tuple[float, list[float]]:
    """The hub benchmark's one-client push: batches of 500 straight to the push endpoint."""
    from bench.hub_push.__main__ import mutations_for, push, session

    hub = start_hub(work, [(REP, "Rita Rep", "rep")])
    try:
        s = session(hub.url, REP)
        rnd = random.Random(7)
        batches = [mutations_for(rnd, 500, i * 500) for i in range(n // 500)]
        started = time.perf_counter()
        latencies = [push(s, hub.url, b) for b in batches]
        return time.perf_counter() - started, latencies
    finally:
        hub.stop()


def end_to_end(work: Path, n: int, changes: int, rounds: int) -> dict:
    from desktop.store import open_store
    from desktop.store.db import DB_FILE
    from desktop.sync.engine import SyncEngine
    from desktop.sync.session import build_engine, sign_in
    from desktop.sync.state import CycleReport

    hub = start_hub(work / "hub", [(REP, "Rita Rep", "rep"), (MARKETER, "Mia Marketer", "marketer")])
    out: dict = {}
    try:
        def device(name: str, email: str) -> SyncEngine:
            data_dir = work / name
            data_dir.mkdir()
            store = open_store(data_dir / DB_FILE)
            sign_in(data_dir, store, hub.url, email, PASSWORD)
            return build_engine(data_dir, store)

        a, b = device("a", REP), device("b", MARKETER)
        store_a = a.store.store
        t0 = time.perf_counter()
        from desktop.store.records import spec

        ids = []
        # As the capture form saves them: the owner and capturer kept locally until the hub
        # answers with its own values.
        me = store_a.get_state("user")["id"]
        local = {"owner_id": me, "captured_by": me}
        with store_a.engine.begin() as conn:
            for fields in the_leads(n):
                ids.append(store_a.save_in(conn, spec("lead"), fields,
                                           local_fields=local).record_id)
        out["capture_s"] = time.perf_counter() - t0

        report = CycleReport()
        t0 = time.perf_counter()
        a._push(report, lambda _p: None, None)
        out["push_s"] = time.perf_counter() - t0
        assert report.applied == n, report
        t0 = time.perf_counter()
        received = a.client.bytes_received
        rest = a.run_cycle()  # A takes in its own versions; not part of A -> B
        out["a_settle_s"] = time.perf_counter() - t0
        out["a_settle_bytes"] = a.client.bytes_received - received
        assert rest.ok and rest.digest_matched, rest

        t0 = time.perf_counter()
        received = b.client.bytes_received
        pulled = b.run_cycle()
        out["b_pull_bytes"] = b.client.bytes_received - received
        out["pull_s"] = time.perf_counter() - t0
        assert pulled.ok and pulled.pulled >= n and pulled.digest_matched, pulled

        # Incremental: `changes` leads change on A and reach B; median of `rounds` rounds.
        step = max(1, n // changes)
        push_times, pull_times = [], []
        for round_no in range(rounds):
            changed = ids[round_no:: step][:changes]
            for i, rid in enumerate(changed):
                store_a.save("lead", {"notes": f"Follow-up call booked ({round_no}.{i})",
                                      "grade": "hot"}, rid)
            for engine in (a, b):
                engine.client.bytes_sent = engine.client.bytes_received = 0
            t0 = time.perf_counter()
            inc_a = a.run_cycle()
            push_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            inc_b = b.run_cycle()
            pull_times.append(time.perf_counter() - t0)
            assert inc_a.ok and inc_b.ok and inc_b.pulled == changes, (inc_a, inc_b)
        out["inc_push_s"] = statistics.median(push_times)
        out["inc_pull_s"] = statistics.median(pull_times)
        out["inc_total_s"] = statistics.median(p + q for p, q in zip(push_times, pull_times, strict=True))
        out["rounds"] = rounds
        records = [{k: v for k, v in store_a.get("lead", rid).items()
                    if k not in ("rev", "deleted", "local_updated_at", "extra")}
                   for rid in changed]
        out["changed_json_bytes"] = len(json.dumps(records, separators=(",", ":")).encode())
        out["inc_a_bytes"] = a.client.bytes_sent + a.client.bytes_received
        out["inc_b_bytes"] = b.client.bytes_sent + b.client.bytes_received
        out["inc_a_push_bytes"] = a.client.bytes_sent
        for engine in (a, b):
            engine.client.close()
            engine.store.store.engine.dispose()
    finally:
        hub.stop()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5, help="incremental rounds (median)")
    parser.add_argument("--peer", action="store_true",
                        help="also run PouchDB and a raw HTTP push+pull on the same documents")
    args = parser.parse_args()
    os.environ["FIELDNOTE_NO_KEYCHAIN"] = "1"
    n = args.leads
    load_before = os.getloadavg()
    peer: dict | None = None
    raw_s: float | None = None
    with tempfile.TemporaryDirectory(prefix="fieldnote-bench-sync-") as tmp:
        if args.peer:
            from bench.sync import peer as peer_run
            from bench.sync import raw
            from fieldnote.ids import new_id

            leads = the_leads(n)
            ids = [new_id() for _ in leads]
            peer = peer_run.run_peer(Path(tmp) / "peer", [{"_id": i, **f} for i, f in zip(ids, leads, strict=True)],
                                     args.changes, args.rounds)
            raw_s = raw.push_and_pull(Path(tmp) / "raw", [{"id": i, **f} for i, f in zip(ids, leads, strict=True)],
                                      peer_run.free_port())
        hub_s, latencies = hub_only_push(Path(tmp) / "hub-only", n)
        e2e = end_to_end(Path(tmp) / "e2e", n, args.changes, args.rounds)
    hub_rate = n / hub_s
    e2e_s = e2e["push_s"] + e2e["pull_s"]
    e2e_rate = n / e2e_s
    inc_s = e2e["inc_total_s"]
    load_after = os.getloadavg()
    print(f"sync benchmark: {n:,} leads, hub on loopback (SQLite), {os.cpu_count()} CPUs, "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after "
          f"(1 min; 5 min {load_after[1]:.1f})")
    print()
    print(f"  hub-only push (hub bench, 500s) {hub_s:7.2f} s   {hub_rate:8.0f} leads/s   "
          f"p50 {statistics.median(latencies) * 1000:.0f} ms per batch")
    print(f"  device A capture (one txn)       {e2e['capture_s']:7.2f} s   (not counted)")
    print(f"  device A push                    {e2e['push_s']:7.2f} s   "
          f"{n / e2e['push_s']:8.0f} leads/s")
    print(f"  device B pull (+digest check)    {e2e['pull_s']:7.2f} s   "
          f"{n / e2e['pull_s']:8.0f} leads/s")
    print(f"  end to end A -> hub -> B         {e2e_s:7.2f} s   {e2e_rate:8.0f} leads/s   "
          f"= {100 * e2e_rate / hub_rate:.0f}% of hub-only (target >= 50%)")
    print(f"  (device A settling its own versions afterwards: {e2e['a_settle_s']:.2f} s; it pulled "
          f"back {e2e['a_settle_bytes']:,} bytes, B pulled {e2e['b_pull_bytes']:,})")
    print()
    print(f"  incremental, {args.changes} leads changed on A (median of {e2e['rounds']} rounds):")
    print(f"    A push cycle                   {e2e['inc_push_s'] * 1000:7.0f} ms")
    print(f"    B pull cycle                   {e2e['inc_pull_s'] * 1000:7.0f} ms")
    print(f"    total                          {inc_s * 1000:7.0f} ms   (target <= 300 ms)")
    ratio_b = e2e["inc_b_bytes"] / e2e["changed_json_bytes"]
    print(f"    changed records' JSON          {e2e['changed_json_bytes']:7d} bytes")
    print(f"    B on the wire (bodies)         {e2e['inc_b_bytes']:7d} bytes   "
          f"= {ratio_b:.2f}x (target <= 1.3x)")
    print(f"    A on the wire (bodies)         {e2e['inc_a_bytes']:7d} bytes   "
          f"(push body {e2e['inc_a_push_bytes']} bytes; the rest: the answers and the stubs "
          f"of A's own changes in its pull)")
    if peer is not None and raw_s is not None:
        settled = e2e["push_s"] + e2e["a_settle_s"] + e2e["pull_s"]
        pouch = peer["push_s"] + peer["pull_s"] + peer["a_settle_s"]
        print()
        print(f"  side by side, the same {n:,} documents, until both devices are settled:")
        print(f"    Fieldnote A -> hub -> B, A settled {settled:7.2f} s")
        print(f"    PouchDB via pouchdb-server (memory) {pouch:7.2f} s   (push {peer['push_s']:.2f}, "
              f"B pull {peer['pull_s']:.2f}, A check {peer['a_settle_s']:.2f})")
        print(f"    raw HTTP push + pull (stdlib, SQLite) {raw_s:5.2f} s")
        print(f"    Fieldnote / PouchDB                {settled / pouch:7.2f}    (target <= 0.33)")
        print(f"    Fieldnote rate / raw rate          {100 * raw_s / settled:6.0f} %   (target >= 30 %)")
        print(f"    incremental {args.changes}: Fieldnote {inc_s * 1000:.0f} ms, PouchDB "
              f"{peer['inc_total_s'] * 1000:.0f} ms = {inc_s / peer['inc_total_s']:.2f}x "
              f"(target <= 1.0x); bytes: Fieldnote A+B "
              f"{e2e['inc_a_bytes'] + e2e['inc_b_bytes']}, PouchDB {peer['inc_bytes']:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
