"""Push 10,000 leads to a real hub (one client in batches of 500, then 50 concurrent clients
with 200 each at once, then the same clients in pushes of 20),
pull them with a fresh client, and insert the same rows with plain SQLAlchemy Core in one
transaction as the baseline; on SQLite, and on PostgreSQL when it answers.

Run as `python -m bench.hub_push [--leads N] [--clients N] [--workers N] [--pg URL]`. Prints
figures; asserts nothing. The hub runs as its own process (`fieldnote-hub serve`, one worker
unless `--workers` says otherwise) so the load generator does not share its interpreter.
With one worker the hub's CPU time for the one-client pushes is printed too: on a shared
machine it moves far less than wall-clock rates do.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import create_engine, insert, text

from fieldnote.ids import new_id
from hub import accounts
from hub.db.engine import make_engine
from hub.db.migrate import upgrade
from hub.db.tables import RECORD_TABLES, metadata
from hub.embedded import free_port

ROOT = Path(__file__).resolve().parents[2]
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
H = {"Fieldnote-Protocol": "1"}
FIRST = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jo"]
LAST = ["Silva", "Okafor", "Nguyen", "Schmidt", "Rossi", "Kowalski", "Haddad", "Tanaka"]


def lead_fields(rnd: random.Random, n: int) -> dict[str, Any]:
    first, last = rnd.choice(FIRST), rnd.choice(LAST)
    return {
        "first_name": first, "last_name": last, "email": f"{first}.{last}{n}@example.com".lower(),
        "phone": f"+49 30 {rnd.randint(1000000, 9999999)}", "company": f"Company {n % 700}",
        "title": rnd.choice(["CTO", "Head of Data", "Engineer", "Buyer"]), "country": "DE",
        "source": "scan", "answers": {"budget": rnd.random() > 0.5, "timeline": "6 months"},
        "score": rnd.randint(0, 100), "grade": rnd.choice(["hot", "warm", "cold"]),
        "qualified": rnd.random() > 0.4, "consent_contact": True,
        "interests": rnd.sample(["pipelines", "warehouse", "sensors", "bi"], 2),
        "notes": "Met at the booth; wants a follow-up call next week. " * 3,
        "captured_at": "2026-11-24T10:15:00Z",
    }


def mutations_for(rnd: random.Random, count: int, offset: int) -> list[dict[str, Any]]:
    return [{"mutation_id": new_id(), "kind": "lead", "record_id": new_id(), "op": "upsert",
             "base_version": 0, "fields": lead_fields(rnd, offset + i)} for i in range(count)]


class HubProcess:
    def __init__(self, db_url: str, blobs: Path, workers: int = 1) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "hub", "serve", "--db", db_url, "--blobs", str(blobs),
             "--port", str(self.port), "--log-level", "info", "--workers", str(workers)],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            if "Uvicorn running on" in line:
                break
        else:
            raise SystemExit("the hub exited before listening")
        # With several workers the supervisor listens before the workers answer.
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{self.url}/v1/health", timeout=30).raise_for_status()
                break
            except requests.ConnectionError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise SystemExit("the hub did not answer its health check") from None
                time.sleep(0.2)
        threading.Thread(target=self.proc.stderr.read, daemon=True).start()

    def cpu_seconds(self) -> float | None:
        """CPU time the hub process has used (Linux; None elsewhere)."""
        try:
            stat = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def session(url: str, email: str) -> requests.Session:
    s = requests.Session()
    s.headers.update(H)
    answer = s.post(f"{url}/v1/auth/token", json={"email": email, "password": "bench"}, timeout=30)
    answer.raise_for_status()
    s.headers["Authorization"] = f"Bearer {answer.json()['token']}"
    return s


def push(s: requests.Session, url: str, batch: list[dict[str, Any]]) -> float:
    started = time.perf_counter()
    answer = s.post(f"{url}/v1/sync/push", json={"client_id": new_id(), "mutations": batch},
                    timeout=600)
    elapsed = time.perf_counter() - started
    answer.raise_for_status()
    statuses = {r["status"] for r in answer.json()["results"]}
    if statuses != {"applied"}:
        raise SystemExit(f"unexpected push results: {statuses}")
    return elapsed


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def baseline(db_url: str, rows: list[dict[str, Any]]) -> float:
    """Seconds to insert `rows` into a lead table with plain SQLAlchemy Core, one transaction."""
    engine = create_engine(db_url)
    table = RECORD_TABLES["lead"]
    with engine.begin() as conn:
        metadata.create_all(conn, tables=[table])
    full = [{"id": new_id(), "row_version": n + 1, "deleted": False,
             "row_created_at": "2026-11-28T10:00:00Z", "row_updated_at": "2026-11-28T10:00:00Z",
             "hub_audiences": ["user:x", "work:all"], "hub_removed": [],
             "hub_field_versions": {}, **r} for n, r in enumerate(rows)]
    started = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(insert(table), full)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def run_suite(name: str, db_url: str, base_url: str, leads: int, clients: int,
              workers: int) -> None:
    rnd = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(db_url)
        upgrade(engine)
        accounts.add_user(engine, email="bench@bench.fieldnote", name="Bench", role="rep",
                          team="east", password="bench")
        engine.dispose()
        hub = HubProcess(db_url, Path(tmp) / "blobs", workers)
        try:
            s = session(hub.url, "bench@bench.fieldnote")
            # One client, batches of 500.
            batches = [mutations_for(rnd, 500, i * 500) for i in range(leads // 500)]
            cpu_before = hub.cpu_seconds()
            started = time.perf_counter()
            one = [push(s, hub.url, b) for b in batches]
            one_total = time.perf_counter() - started
            cpu_after = hub.cpu_seconds()
            one_cpu = (cpu_after - cpu_before if workers == 1 and cpu_before is not None
                       and cpu_after is not None else None)
            # A fresh client pulls everything.
            fresh = session(hub.url, "bench@bench.fieldnote")
            started, cursor, pulled, pages = time.perf_counter(), "", 0, 0
            while True:
                page = fresh.get(f"{hub.url}/v1/sync/pull",
                                 params={"cursor": cursor, "limit": 1000}, timeout=600).json()
                pulled += len(page["changes"])
                pages += 1
                cursor = page["cursor"]
                if not page["has_more"]:
                    break
            pull_total = time.perf_counter() - started
            # Many clients at once, each pushing its share in one batch.
            share = leads // clients
            loads = [mutations_for(rnd, share, leads + c * share) for c in range(clients)]
            sessions = [session(hub.url, "bench@bench.fieldnote") for _ in range(clients)]
            many: list[float] = []
            gate = threading.Barrier(clients)

            def client(c: int) -> None:
                gate.wait()
                many.append(push(sessions[c], hub.url, loads[c]))

            threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
            started = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            many_total = time.perf_counter() - started
            # The same clients syncing small backlogs (20 leads a push) over and over.
            small_loads = [[mutations_for(rnd, 20, 3 * leads + c * share + i * 20)
                            for i in range(share // 20)] for c in range(clients)]
            small: list[float] = []
            gate2 = threading.Barrier(clients)

            def small_client(c: int) -> None:
                gate2.wait()
                for batch in small_loads[c]:
                    small.append(push(sessions[c], hub.url, batch))

            threads = [threading.Thread(target=small_client, args=(c,)) for c in range(clients)]
            started = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            small_total = time.perf_counter() - started
        finally:
            hub.stop()
        raw = baseline(base_url, [lead_fields(rnd, i) for i in range(leads)])
    raw_rate = leads / raw
    one_rate = leads / one_total
    print(f"\n== {name} ==")
    print(f"baseline  Core insert, one transaction: {leads:,} rows in {raw:.2f} s = "
          f"{raw_rate:,.0f} rows/s")
    print(f"push      1 client, batches of 500:     {one_rate:,.0f} leads/s "
          f"({one_rate / raw_rate:.0%} of baseline); request p50 {statistics.median(one) * 1000:.0f} ms, "
          f"p95 {pct(one, 0.95) * 1000:.0f} ms")
    if one_cpu is not None:
        print(f"          hub CPU for those pushes: {one_cpu:.2f} s "
              f"({one_cpu / leads * 1e6:.0f} us a lead)")
    print(f"push      {clients} clients x {share} leads at once: "
          f"{leads / many_total:,.0f} leads/s; request p50 {statistics.median(many) * 1000:.0f} ms, "
          f"p95 {pct(many, 0.95) * 1000:.0f} ms")
    print(f"push      {clients} clients x {share // 20} pushes of 20 leads: "
          f"{share // 20 * 20 * clients / small_total:,.0f} leads/s; request p50 "
          f"{statistics.median(small) * 1000:.0f} ms, p95 {pct(small, 0.95) * 1000:.0f} ms")
    print(f"pull      fresh client, pages of 1000:  {pulled:,} records in {pull_total:.2f} s = "
          f"{pulled / pull_total:,.0f} records/s ({pages} pages)")


def pg_reachable(url: str) -> bool:
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:  # noqa: BLE001 - any failure means "not reachable" here
        return False


def fresh_schema(url: str) -> tuple[str, Any]:
    from urllib.parse import quote

    schema = f"bench_{new_id().replace('-', '')[:12]}"
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()

    return f"{url}?options={quote(f'-csearch_path={schema}')}", drop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=1,
                        help="hub worker processes (fieldnote-hub serve --workers)")
    parser.add_argument("--pg", default=os.environ.get("FIELDNOTE_TEST_PG", PG_DEFAULT))
    args = parser.parse_args()
    accounts.set_password_cost(time_cost=1, memory_cost_kib=8 * 1024)
    print(f"hub_push: {args.leads:,} leads; {os.cpu_count()} CPUs; Python {sys.version.split()[0]}; "
          f"hub: fieldnote-hub serve, {args.workers} worker process(es)")
    with tempfile.TemporaryDirectory() as tmp:
        run_suite("SQLite", f"sqlite:///{tmp}/hub.sqlite3", f"sqlite:///{tmp}/raw.sqlite3",
                  args.leads, args.clients, args.workers)
    if pg_reachable(args.pg):
        hub_url, drop_hub = fresh_schema(args.pg)
        raw_url, drop_raw = fresh_schema(args.pg)
        try:
            run_suite("PostgreSQL", hub_url, raw_url, args.leads, args.clients, args.workers)
        finally:
            drop_hub()
            drop_raw()
    else:
        print(f"\nPostgreSQL at {args.pg} does not answer; skipped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
