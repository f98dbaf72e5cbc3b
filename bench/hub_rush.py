"""`python -m bench.hub_rush`: the show-day rush on one hub, driven over real HTTP.

The hub runs as its own process (`fieldnote-hub serve --workers N`) on PostgreSQL when `--db`
or `$FIELDNOTE_TEST_PG` names one (a fresh schema, dropped afterwards), on a SQLite file
otherwise. Before the clock starts, `--records` leads are written through the hub's own push
code in batches of 500 (in this process, not timed) and every device signs in once as a user
of its own (argon2 is slow on purpose; sign-in is not what is measured).

1. **Rush** (`--minutes`, hub with `--rush-workers`, 2 by default): `--devices` devices each
   sync every 30 s (first at a random moment of the first 30 s): a push of 20 changes (new
   leads and edits of their own earlier leads), then a pull from their cursor until nothing is
   left. Meanwhile `--full-pullers` devices make a first full pull of all seeded leads (pages
   of 1,000). Printed: push p95, pull-page p95 (both kinds of pull), errors, beside the targets.
2. **Burst**, for each of `--workers` (a fresh hub process on the same database): one client
   pushes 200 leads at a time, 25 times in a row (its rate), then `--devices` devices push 200
   leads each at the same moment. Printed: errors, the burst's throughput as a share of the one
   client's rate (target for the rush's worker count), the burst's p95 (reported, not targeted).

The load comes from bounded asyncio clients (httpx): the devices share one in this process;
each first full pull runs in a process of its own, as each is a laptop of its own (its reading
of pages of a megabyte would otherwise hold up every other device's clock). With each part it
prints the cores used by the hub's processes, by PostgreSQL's processes serving the bench's
database (give `--db` a database of its own for that figure to be the bench's alone) and by the
load, beside how busy the whole machine was. Figures only; nothing here asserts a timing.
Run: `python -m bench.hub_rush [--db URL] [--minutes M] [--devices 50] [--full-pullers 5]
[--records 100000] [--workers 1,2,4] [--quick]`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import httpx
import orjson
from sqlalchemy.engine import make_url

from bench.hub_push.__main__ import HubProcess, lead_fields, pct
from fieldnote.ids import new_id
from hub import accounts
from hub.db.engine import make_engine
from hub.db.migrate import upgrade
from hub.push import apply_push

H = {"Fieldnote-Protocol": "1"}
PASSWORD = "bench"
SYNC_EVERY_S = 30.0
CHANGES = 20
BURST_LEADS = 200
ONE_CLIENT_PUSHES = 25
PAGE = 1000
TEAMS = 5


@dataclass
class Tally:
    push: list[float] = field(default_factory=list)
    pull_page: list[float] = field(default_factory=list)  # the devices' incremental pulls
    # The devices' figures once every first full pull is done (the rest of the rush).
    push_after: list[float] = field(default_factory=list)
    pull_after: list[float] = field(default_factory=list)
    full_page: list[float] = field(default_factory=list)  # the first full pulls
    errors: Counter[str] = field(default_factory=Counter)


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def _cpu(pid: int) -> float | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(parent, []).append(int(entry.name))
    return kids


def _tree(pid: int, kids: dict[int, list[int]]) -> list[int]:
    out = [pid]
    for kid in kids.get(pid, []):
        out += _tree(kid, kids)
    return out


def _backends(database: str) -> list[int]:
    """PostgreSQL's processes serving connections to `database` (on this machine)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if title.startswith("postgres: ") and f" {database} " in title:
                out.append(int(entry.name))
    return out


class CpuMeter:
    """CPU seconds used while it runs by the hub's processes, PostgreSQL's processes serving
    the bench's database, and this process with its children (the load), sampled every half
    second so that processes which end in between still count; and the machine's busy share
    (Linux only; figures are None elsewhere)."""

    def __init__(self, hub_pid: int, database: str | None) -> None:
        self.hub_pid, self.database = hub_pid, database
        self.first: dict[tuple[str, int], float] = {}
        self.last: dict[tuple[str, int], float] = {}
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _machine(self) -> tuple[float, float] | None:
        try:
            values = [int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
        except OSError:
            return None
        tick = os.sysconf("SC_CLK_TCK")
        return sum(values) / tick, (values[3] + values[4]) / tick  # all, idle + iowait

    def _sample(self, starting: bool) -> None:
        kids = _children()
        hub = _tree(self.hub_pid, kids)
        load = [p for p in _tree(os.getpid(), kids) if p not in hub]
        groups = {"hub": hub, "load": load,
                  "postgres": _backends(self.database) if self.database else []}
        for group, pids in groups.items():
            for pid in pids:
                value = _cpu(pid)
                if value is None:
                    continue
                key = (group, pid)
                # A process first seen after the start began after it: all its time counts.
                self.first.setdefault(key, value if starting else 0.0)
                self.last[key] = value

    def _run(self) -> None:
        while not self.stop_event.wait(0.5):
            self._sample(False)

    def __enter__(self) -> CpuMeter:
        self.t0, self.machine0 = time.perf_counter(), self._machine()
        self._sample(True)
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop_event.set()
        self.thread.join()
        self._sample(False)
        self.seconds, self.machine1 = time.perf_counter() - self.t0, self._machine()

    def cores(self, group: str) -> float:
        used = sum(self.last[k] - self.first[k] for k in self.last if k[0] == group)
        return used / self.seconds

    def text(self) -> str:
        if self.machine0 is None or self.machine1 is None:
            return "CPU shares: n/a"
        total = self.machine1[0] - self.machine0[0]
        busy = (total - (self.machine1[1] - self.machine0[1])) / self.seconds
        pg = f"PostgreSQL {self.cores('postgres'):.2f}, " if self.database else ""
        return (f"cores used: hub {self.cores('hub'):.2f}, {pg}load generator "
                f"{self.cores('load'):.2f}; the machine busy {busy:.2f} of "
                f"{total / self.seconds:.2f}")


def seed(db_url: str, records: int, devices: int, pullers: int) -> float:
    """Users for every device, then `records` leads through the hub's own push code."""
    engine = make_engine(db_url)
    upgrade(engine)
    try:
        seeder = accounts.add_user(engine, email="seed@bench.fieldnote", name="Seed", role="rep",
                                   team="seed", password=PASSWORD)
        for d in range(devices):
            accounts.add_user(engine, email=f"device{d}@bench.fieldnote", name=f"Device {d}",
                              role="rep", team=f"t{d % TEAMS}", password=PASSWORD)
        for p in range(pullers):
            accounts.add_user(engine, email=f"puller{p}@bench.fieldnote", name=f"Puller {p}",
                              role="marketer", team="east", password=PASSWORD)
        rnd = random.Random(11)
        started = time.perf_counter()
        for start in range(0, records, 500):
            batch = [{"mutation_id": new_id(), "kind": "lead", "record_id": new_id(),
                      "op": "upsert", "base_version": 0, "fields": lead_fields(rnd, start + i)}
                     for i in range(min(500, records - start))]
            results = apply_push(engine, seeder, new_id(), batch, lambda _h: False)
            bad = {r["status"] for r in results} - {"applied"}
            if bad:
                raise SystemExit(f"seeding failed: {bad}")
        return time.perf_counter() - started
    finally:
        engine.dispose()


def sign_in(url: str, emails: list[str]) -> list[dict[str, str]]:
    headers = []
    with httpx.Client(headers=H, timeout=120) as client:
        for email in emails:
            answer = client.post(f"{url}/v1/auth/token", json={"email": email, "password": PASSWORD})
            answer.raise_for_status()
            headers.append({**H, "Authorization": f"Bearer {answer.json()['token']}"})
    return headers


async def timed(client: httpx.AsyncClient, tally: Tally, what: str, method: str, url: str,
                headers: dict[str, str], **kw: Any) -> tuple[float, Any] | None:
    """One request: (seconds, JSON answer), or None after counting an error."""
    started = time.perf_counter()
    try:
        answer = await client.request(method, url, headers=headers, **kw)
        # The answer is read whole; its parse is the client's work, not the hub's (orjson:
        # the client shares the loop, and every parse on it delays the other requests' clocks).
        elapsed = time.perf_counter() - started
        body = orjson.loads(answer.content) if answer.status_code == 200 else None
    except (httpx.HTTPError, orjson.JSONDecodeError) as exc:
        tally.errors[f"{what}: {type(exc).__name__}"] += 1
        return None
    if answer.status_code != 200:
        tally.errors[f"{what}: HTTP {answer.status_code}"] += 1
        return None
    return elapsed, body


async def push(client: httpx.AsyncClient, tally: Tally, url: str, headers: dict[str, str],
               mutations: list[dict[str, Any]], into: list[float]) -> list[dict[str, Any]]:
    body = orjson.dumps({"client_id": new_id(), "mutations": mutations})  # before the clock
    got = await timed(client, tally, "push", "POST", f"{url}/v1/sync/push",
                      {**headers, "Content-Type": "application/json"}, content=body)
    if got is None:
        return []
    elapsed, body = got
    into.append(elapsed)
    results: list[dict[str, Any]] = body["results"]
    for r in results:
        if r["status"] != "applied":
            tally.errors[f"push: {r['status']}"] += 1
    return results


async def pull_all(client: httpx.AsyncClient, tally: Tally, url: str, headers: dict[str, str],
                   cursor: str, into: list[float], until: float | None = None) -> tuple[str, int]:
    """Pull pages from `cursor` until none is left (or the clock passes `until`)."""
    pulled = 0
    while until is None or time.perf_counter() < until:
        got = await timed(client, tally, "pull", "GET", f"{url}/v1/sync/pull", headers,
                          params={"cursor": cursor, "limit": PAGE})
        if got is None:
            break
        elapsed, page = got
        into.append(elapsed)
        pulled += len(page["changes"])
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    return cursor, pulled


def full_pull(url: str, headers: dict[str, str], seconds: float
              ) -> tuple[list[float], int, float, Counter[str]]:
    """One device's first full pull (for at most `seconds`), in a process of its own: its
    pages' times, the records pulled, the seconds it took, its errors."""
    async def run() -> tuple[list[float], int, float, Counter[str]]:
        tally = Tally()
        async with httpx.AsyncClient(timeout=120) as client:
            t0 = time.perf_counter()
            _, pulled = await pull_all(client, tally, url, headers, "", tally.full_page,
                                       t0 + seconds)
            return tally.full_page, pulled, time.perf_counter() - t0, tally.errors
    return asyncio.run(run())


def _ready() -> None:
    time.sleep(0.5)


async def rush(url: str, devices: list[dict[str, str]], pullers: list[dict[str, str]],
               minutes: float, meter: CpuMeter) -> tuple[Tally, list[tuple[int, float]], int]:
    tally = Tally()
    rnd = random.Random(5)
    limits = httpx.Limits(max_connections=len(devices) + 4)
    # Each first full pull runs in a process of its own, as each is a laptop of its own: its
    # reading of pages of a megabyte would otherwise hold up every other device's clock in
    # this one event loop. (They share the machine's cores with the hub all the same.)
    pool = ProcessPoolExecutor(max(1, len(pullers)), mp_context=get_context("spawn"))
    for ready in [pool.submit(_ready) for _ in pullers]:
        ready.result()
    loop = asyncio.get_running_loop()
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:
        # Each device catches up first (not timed), so its syncs pull from a current cursor.
        cursors = [(await pull_all(client, Tally(), url, h, "", []))[0] for h in devices]
        started = time.perf_counter()
        end = started + minutes * 60
        syncs = [0]
        full: list[tuple[int, float]] = []

        async def device(d: int) -> None:
            mine: dict[str, int] = {}  # record id -> version, its own leads
            cursor = cursors[d]
            n = 0
            next_at = started + rnd.uniform(0, min(SYNC_EVERY_S, minutes * 60))
            while True:
                await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
                if time.perf_counter() >= end:
                    return
                edits = rnd.sample(sorted(mine), min(CHANGES // 2, len(mine)))
                batch = [{"mutation_id": new_id(), "kind": "lead", "record_id": rid, "op": "upsert",
                          "base_version": mine[rid],
                          "fields": {"notes": f"Called back ({n})", "grade": "hot"}} for rid in edits]
                for _ in range(CHANGES - len(batch)):
                    batch.append({"mutation_id": new_id(), "kind": "lead", "record_id": new_id(),
                                  "op": "upsert", "base_version": 0,
                                  "fields": lead_fields(rnd, 10_000_000 + d * 100_000 + n)})
                    n += 1
                pushed: list[float] = []
                for m, r in zip(batch, await push(client, tally, url, devices[d], batch, pushed),
                                strict=False):
                    if r["status"] == "applied":
                        mine[m["record_id"]] = r["version"]
                pages: list[float] = []
                cursor, _ = await pull_all(client, tally, url, devices[d], cursor, pages)
                tally.push += pushed
                tally.pull_page += pages
                if len(full) == len(pullers):
                    tally.push_after += pushed
                    tally.pull_after += pages
                syncs[0] += 1
                next_at += SYNC_EVERY_S

        async def puller(p: int) -> None:
            pages, pulled, seconds, errors = await loop.run_in_executor(
                pool, full_pull, url, pullers[p], end - time.perf_counter())
            tally.full_page += pages
            tally.errors.update(errors)
            full.append((pulled, seconds))

        try:
            with meter:
                await asyncio.gather(*(device(d) for d in range(len(devices))),
                                     *(puller(p) for p in range(len(pullers))))
        finally:
            pool.shutdown()
    return tally, full, syncs[0]


async def burst(url: str, devices: list[dict[str, str]]) -> dict[str, Any]:
    tally = Tally()
    rnd = random.Random(9)

    def leads(count: int, offset: int) -> list[dict[str, Any]]:
        return [{"mutation_id": new_id(), "kind": "lead", "record_id": new_id(), "op": "upsert",
                 "base_version": 0, "fields": lead_fields(rnd, offset + i)} for i in range(count)]

    limits = httpx.Limits(max_connections=len(devices) + 4)
    async with httpx.AsyncClient(timeout=600, limits=limits) as client:
        # One client's rate: 200 leads a push, one push after another.
        one: list[float] = []
        loads = [leads(BURST_LEADS, 20_000_000 + i * BURST_LEADS) for i in range(ONE_CLIENT_PUSHES)]
        t0 = time.perf_counter()
        for batch in loads:
            await push(client, tally, url, devices[0], batch, one)
        one_rate = ONE_CLIENT_PUSHES * BURST_LEADS / (time.perf_counter() - t0)
        # Every device pushes 200 at the same moment.
        loads = [leads(BURST_LEADS, 30_000_000 + d * BURST_LEADS) for d in range(len(devices))]
        many: list[float] = []
        t0 = time.perf_counter()
        await asyncio.gather(*(push(client, tally, url, h, b, many)
                               for h, b in zip(devices, loads, strict=True)))
        wall = time.perf_counter() - t0
    return {"one_rate": one_rate, "rate": len(devices) * BURST_LEADS / wall, "wall": wall,
            "p95": pct(many, 0.95) if many else float("nan"), "errors": tally.errors}


def ms(values: list[float], q: float) -> str:
    return f"{pct(values, q) * 1000:6.0f} ms" if values else "     — ms"


def errors_text(errors: Counter[str]) -> str:
    total = sum(errors.values())
    return f"{total}" + (f" ({', '.join(f'{k}: {v}' for k, v in errors.most_common())})" if total else "")


def run(db_url: str, label: str, args: argparse.Namespace) -> None:
    workers = [int(w) for w in args.workers.split(",") if w.strip()]
    database = make_url(db_url).database if db_url.startswith("postgresql") else None
    print(f"hub_rush on {label}: {args.records:,} leads seeded, {args.devices} devices syncing every "
          f"{SYNC_EVERY_S:.0f} s with {CHANGES} changes, {args.full_pullers} first full pulls, "
          f"{args.minutes:g} min; {os.cpu_count()} CPUs; load average {load_average()}")
    seeded = seed(db_url, args.records, args.devices, args.full_pullers)
    print(f"  seeded through the hub's push code in {seeded:.1f} s (not timed)")
    with tempfile.TemporaryDirectory() as tmp:
        hub = HubProcess(db_url, Path(tmp) / "blobs", args.rush_workers)
        try:
            devices = sign_in(hub.url, [f"device{d}@bench.fieldnote" for d in range(args.devices)])
            pullers = sign_in(hub.url, [f"puller{p}@bench.fieldnote" for p in range(args.full_pullers)])
            meter = CpuMeter(hub.proc.pid, database)
            tally, full, syncs = asyncio.run(rush(hub.url, devices, pullers, args.minutes, meter))
        finally:
            hub.stop()
        print(f"\n  rush, serve --workers {args.rush_workers}, {syncs} device syncs "
              f"(load average after: {load_average()}):")
        print(f"    {meter.text()}")
        print(f"    push p95 (20 changes)          {ms(tally.push, 0.95)}   p50 {ms(tally.push, 0.5)}"
              f"   n={len(tally.push)}   (target <= 250 ms)")
        pages = tally.pull_page + tally.full_page
        print(f"    pull-page p95 (all pulls)      {ms(pages, 0.95)}   p50 {ms(pages, 0.5)}"
              f"   n={len(pages)}   (target <= 250 ms)")
        print(f"      devices' pulls from cursor   {ms(tally.pull_page, 0.95)}   "
              f"first full pulls, pages of {PAGE:,}: {ms(tally.full_page, 0.95)}")
        if tally.push_after:
            print(f"    once the full pulls are done:  push p95 {ms(tally.push_after, 0.95)}, devices' "
                  f"pull-page p95 {ms(tally.pull_after, 0.95)}   n={len(tally.push_after)}")
        print(f"    errors                         {errors_text(tally.errors)}   (target 0)")
        for pulled, seconds in sorted(full):
            print(f"    first full pull: {pulled:,} records in {seconds:.1f} s "
                  f"({pulled / seconds:,.0f} records/s)")
        print(f"\n  burst: {args.devices} devices x {BURST_LEADS} leads at the same moment, beside one "
              f"client pushing {BURST_LEADS} at a time:")
        for w in workers:
            hub = HubProcess(db_url, Path(tmp) / "blobs", w)
            try:
                with CpuMeter(hub.proc.pid, database) as meter:
                    b = asyncio.run(burst(hub.url, devices))
            finally:
                hub.stop()
            target = "   (target >= 70 %, 0 errors)" if w == args.rush_workers else ""
            print(f"    workers {w}: burst {b['rate']:6,.0f} leads/s in {b['wall']:.1f} s, one client "
                  f"{b['one_rate']:6,.0f} leads/s = {b['rate'] / b['one_rate']:4.0%}; burst p95 "
                  f"{b['p95'] * 1000:,.0f} ms; errors {errors_text(b['errors'])}{target}")
            print(f"      {meter.text()}; load average {load_average()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=os.environ.get("FIELDNOTE_TEST_PG"),
                        help="PostgreSQL URL (a fresh schema is used) or sqlite:///file; "
                             "default $FIELDNOTE_TEST_PG, else a temporary SQLite file")
    parser.add_argument("--minutes", type=float, help="length of the rush (default 5)")
    parser.add_argument("--devices", type=int, default=50)
    parser.add_argument("--full-pullers", type=int, default=5)
    parser.add_argument("--records", type=int, help="leads seeded (default 100,000)")
    parser.add_argument("--workers", default="1,2,4", help="worker counts for the burst")
    parser.add_argument("--rush-workers", type=int, default=2)
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: 1 minute, 10,000 records (explicit options still win)")
    args = parser.parse_args()
    if args.minutes is None:
        args.minutes = 1.0 if args.quick else 5.0
    if args.records is None:
        args.records = 10_000 if args.quick else 100_000
    # Cheap hashes for the bench users: sign-in happens before the clock and is not measured.
    accounts.set_password_cost(time_cost=1, memory_cost_kib=8 * 1024)
    if args.db and args.db.startswith("postgresql"):
        from tests.support.live_hub import fresh_pg_url

        url, drop = fresh_pg_url(args.db)
        try:
            run(url, "PostgreSQL", args)
        finally:
            drop()
    elif args.db:
        run(args.db, "SQLite", args)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            run(f"sqlite:///{tmp}/hub.sqlite3", "SQLite", args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
