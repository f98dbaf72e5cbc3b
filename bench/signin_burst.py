"""Fire a burst of concurrent sign-ins at a real hub and print its peak memory.

Run as `python -m bench.signin_burst [--signins N] [--right N] [--pg URL]`. Prints figures;
asserts nothing. The hub runs as its own process (`fieldnote-hub serve --trust-proxy
127.0.0.1`), and every sign-in comes "through the proxy" with an `X-Forwarded-For` address of
its own, as a burst from many clients would, so the per-address throttle lets all of them
reach the password check. Most attempts name unknown accounts (checked against the dummy
hash), `--right` of them sign real users in; every hash has argon2id's default cost
(64 MiB). The hub's resident memory is read from /proc before the burst, and its peak
(VmHWM) after it (Linux).
"""

from __future__ import annotations

import argparse
import collections
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from argon2 import PasswordHasher

from hub import accounts
from hub.db.engine import make_engine
from hub.db.migrate import upgrade
from hub.settings import Limits
from tests.support.live_hub import fresh_pg_url
from tests.support.serve import ServeProcess

H = {"Fieldnote-Protocol": "1"}
PASSWORD = "a burst of sign-ins"


def memory_kib(pid: int) -> dict[str, int]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0])
    return out


def run(db_url: str, label: str, signins: int, right: int) -> None:
    engine = make_engine(db_url, pool_size=1)
    try:
        upgrade(engine)
        accounts._hasher = PasswordHasher()  # the hub's own cost for the real users' hashes
        for n in range(right):
            accounts.add_user(engine, email=f"user{n}@bench.fieldnote", name=f"User {n}",
                              role="rep", password=PASSWORD)
    finally:
        engine.dispose()
    with tempfile.TemporaryDirectory() as blobs, ServeProcess(
        db_url, Path(blobs), "--trust-proxy", "127.0.0.1"
    ) as hub:
        requests.get(f"{hub.url}/v1/health", timeout=30).raise_for_status()
        before = memory_kib(hub.proc.pid)
        start = threading.Barrier(signins)
        peak_rss = [before["VmRSS"]]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.02):
                peak_rss[0] = max(peak_rss[0], memory_kib(hub.proc.pid)["VmRSS"])

        def one(n: int) -> tuple[int, float]:
            email = f"user{n}@bench.fieldnote" if n < right else f"nobody{n}@bench.fieldnote"
            headers = {**H, "X-Forwarded-For": f"198.51.100.{n % 250 + 1}"
                       if n < 250 else f"203.0.113.{n % 250 + 1}"}
            start.wait(60)
            t0 = time.perf_counter()
            answer = requests.post(f"{hub.url}/v1/auth/token", headers=headers, timeout=120,
                                   json={"email": email, "password": PASSWORD})
            return answer.status_code, time.perf_counter() - t0

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        t0 = time.perf_counter()
        with ThreadPoolExecutor(signins) as pool:
            results = list(pool.map(one, range(signins)))
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        after = memory_kib(hub.proc.pid)
    statuses = collections.Counter(status for status, _ in results)
    latencies = sorted(t for _, t in results)
    limits = Limits()
    print(f"{label}: {signins} concurrent sign-ins ({right} right, the rest unknown accounts), "
          f"at most {limits.hash_concurrency} hashes at once, {limits.hash_wait_s:g} s wait")
    print(f"  answers: {dict(sorted(statuses.items()))} in {wall:.1f} s; latency p50 "
          f"{statistics.median(latencies):.2f} s, max {latencies[-1]:.2f} s")
    print(f"  hub RSS before {before['VmRSS'] / 1024:.0f} MiB, peak {after['VmHWM'] / 1024:.0f} "
          f"MiB (VmHWM; sampled {peak_rss[0] / 1024:.0f} MiB), after {after['VmRSS'] / 1024:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--signins", type=int, default=100)
    parser.add_argument("--right", type=int, default=10,
                        help="how many of them sign real users in")
    parser.add_argument("--pg", metavar="URL", help="also run on this PostgreSQL database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/hub.sqlite3", "SQLite", args.signins, args.right)
    if args.pg:
        url, drop = fresh_pg_url(args.pg)
        try:
            run(url, "PostgreSQL", args.signins, args.right)
        finally:
            drop()


if __name__ == "__main__":
    main()
