"""Kill -9 tally: 100 trials (or `--trials N`) of capture and `fieldnote sync` processes killed
at random moments against a live hub on loopback; prints how many records were acknowledged,
and how many were lost, duplicated or mismatched (all three must be zero).

Run: `python -m bench.kill_tally [--trials N]`.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    os.environ["FIELDNOTE_NO_KEYCHAIN"] = "1"

    from desktop.store import open_store
    from desktop.store.db import DB_FILE
    from desktop.sync.session import sign_in
    from tests.support.kill_trial import run_trial
    from tests.support.live_hub import start_live_hub

    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="fieldnote-kill-") as tmp:
        work = Path(tmp)
        hub = start_live_hub(work)
        try:
            user = hub.add_user("rep@example.com", "Rita Rep", "rep", team="north")
            data_dir = work / "device"
            data_dir.mkdir()
            store = open_store(data_dir / DB_FILE)
            sign_in(data_dir, store, hub.url, user["email"], user["password"])
            store.engine.dispose()
            totals = {"acknowledged": 0, "lost": 0, "duplicated": 0, "mismatched": 0,
                      "sync_killed_mid_run": 0, "killed_after_pushing": 0, "clean_trials": 0}
            started = time.monotonic()
            for i in range(args.trials):
                r = run_trial(data_dir, hub, f"K{i}", rng)
                totals["acknowledged"] += r.acknowledged
                totals["lost"] += r.lost
                totals["duplicated"] += r.duplicated
                totals["mismatched"] += r.mismatched
                totals["sync_killed_mid_run"] += int(r.sync_killed)
                totals["killed_after_pushing"] += int(r.sync_killed and r.reached_hub_before_settle > 0)
                totals["clean_trials"] += int(r.clean)
                print(f"trial {i + 1:3d}: acknowledged {r.acknowledged:4d}, on hub {r.on_hub:4d}, "
                      f"sync {'killed' if r.sync_killed else f'exited {r.sync_exit}'} "
                      f"after {r.reached_hub_before_settle:4d} reached the hub, "
                      f"lost {r.lost}, duplicated {r.duplicated}, mismatched {r.mismatched}",
                      flush=True)
        finally:
            hub.stop()
    elapsed = time.monotonic() - started
    print()
    print(f"kill -9 tally ({args.trials} trials, seed {seed}, {elapsed:.0f} s)")
    for key, value in totals.items():
        print(f"  {key.replace('_', ' '):22s} {value}")
    ok = totals["lost"] == totals["duplicated"] == totals["mismatched"] == 0
    print("  result                 " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
