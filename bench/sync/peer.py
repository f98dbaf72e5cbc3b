"""The CouchDB-style peer for `python -m bench.sync --peer`: PouchDB replicating the very lead
documents Fieldnote syncs, through pouchdb-server (in memory) on loopback, in the same run.

The npm packages (`bench/sync/peer/package.json`: pouchdb-node, pouchdb-server) are installed
by the benchmark itself into `bench/.peer/` (git-ignored) the first time, with the machine's
npm. Device A and B are pouchdb-node databases (LevelDB) in the run's temporary folder; the
timing script is `bench/sync/peer/replicate.js`.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PEER_DIR = ROOT / "bench" / ".peer"
PACKAGE = HERE / "peer" / "package.json"
SCRIPT = HERE / "peer" / "replicate.js"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_installed() -> Path:
    """`bench/.peer/node_modules`, installed from the pinned package.json when it is missing or
    the pins changed; SystemExit with what to install when Node.js or npm is missing."""
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise SystemExit(f"bench.sync --peer needs Node.js and npm ({tool} not found); "
                             "install Node.js 18 or newer and run it again.")
    PEER_DIR.mkdir(parents=True, exist_ok=True)
    wanted = PACKAGE.read_text(encoding="utf-8")
    installed = PEER_DIR / "package.json"
    modules = PEER_DIR / "node_modules"
    if not (modules / "pouchdb-server").is_dir() or not installed.exists() \
            or installed.read_text(encoding="utf-8") != wanted:
        installed.write_text(wanted, encoding="utf-8")
        print("installing pouchdb-node and pouchdb-server into bench/.peer (npm) ...", flush=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
                       cwd=PEER_DIR, check=True, stdout=subprocess.DEVNULL)
    return modules


def run_peer(work: Path, docs: list[dict[str, Any]], changes: int, rounds: int) -> dict[str, Any]:
    """PouchDB's figures for `docs` (each with its `_id`): A -> pouchdb-server -> B, A's own
    check of the server's feed, and incremental rounds of `changes` changed documents."""
    modules = ensure_installed()
    work.mkdir(parents=True, exist_ok=True)
    docs_file = work / "docs.json"
    docs_file.write_text(json.dumps(docs), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NODE_PATH": str(modules)}
    server = subprocess.Popen(
        ["node", str(modules / "pouchdb-server" / "bin" / "pouchdb-server"), "--in-memory",
         "--port", str(port), "--host", "127.0.0.1", "--no-stdout-logs",
         "--dir", str(work / "server")],
        cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url, timeout=1).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("pouchdb-server did not start") from None
                time.sleep(0.1)
        done = subprocess.run(["node", str(SCRIPT), str(docs_file), url, str(work), str(changes),
                               str(rounds)], env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"the PouchDB run failed:\n{done.stderr}")
        return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        server.terminate()
        server.wait(timeout=10)
