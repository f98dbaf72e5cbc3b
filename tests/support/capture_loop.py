"""A capture process for kill tests: saves leads (and edits) as fast as it can, printing each
one only after its transaction committed, until it is killed.

Run as `python -m tests.support.capture_loop DATA_DIR TAG`.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from desktop.store import open_store
from desktop.store.db import DB_FILE


def main() -> int:
    data_dir, tag = Path(sys.argv[1]), sys.argv[2]
    store = open_store(data_dir / DB_FILE)
    rng = random.Random()
    made: list[str] = []
    n = 0
    while True:
        n += 1
        if made and rng.random() < 0.3:
            rid = rng.choice(made)
            value = f"{tag}-edit-{n}"
            store.save("lead", {"notes": value}, rid)
            sys.stdout.write(f"edit {rid} {value}\n")
        else:
            rid = store.save("lead", {"last_name": f"{tag}-{n}", "company": "Kill Test Ltd",
                                      "captured_at": "2026-11-28T09:00:00Z"}).record_id
            made.append(rid)
            sys.stdout.write(f"lead {rid}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
