"""The floor for `python -m bench.sync --peer`: the same lead rows pushed and pulled over plain
HTTP with nothing else (no auth, no validation, no change feed, no conflicts): a stdlib HTTP
server on loopback writing into SQLite, batches of 500, one transaction per batch, and a client
that reads them back page by page into its own SQLite file.

    python -m bench.sync.raw serve PORT DB    # the server (the benchmark starts it)
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

BATCH = 500


def _db(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS rows (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, body TEXT)")
    return conn


def serve(port: int, path: str) -> None:
    conn = _db(path)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: Any) -> None:
            pass

        def _answer(self, body: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
            rows = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            conn.execute("BEGIN")
            conn.executemany("INSERT OR REPLACE INTO rows (id, body) VALUES (?, ?)",
                             [(r["id"], json.dumps(r, separators=(",", ":"))) for r in rows])
            conn.execute("COMMIT")
            self._answer(b'{"ok":true}')

        def do_GET(self) -> None:  # noqa: N802
            after = int(self.path.rsplit("=", 1)[1]) if "=" in self.path else 0
            found = conn.execute("SELECT seq, body FROM rows WHERE seq > ? ORDER BY seq LIMIT ?",
                                 (after, BATCH)).fetchall()
            last = found[-1][0] if found else after
            body = f'{{"last":{last},"rows":[{",".join(b for _, b in found)}]}}'.encode()
            self._answer(body)

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def push_and_pull(work: Path, rows: list[dict[str, Any]], port: int) -> float:
    """Seconds to push `rows` in batches and pull them all into a second SQLite file."""
    work.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen([sys.executable, "-m", "bench.sync.raw", "serve", str(port),
                               str(work / "server.sqlite3")])
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{url}/pull?after=0", timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        client = _db(str(work / "client.sqlite3"))
        started = time.perf_counter()
        for i in range(0, len(rows), BATCH):
            body = json.dumps(rows[i:i + BATCH], separators=(",", ":")).encode()
            request = urllib.request.Request(f"{url}/push", data=body,
                                             headers={"Content-Type": "application/json"})
            urllib.request.urlopen(request, timeout=30).read()
        after, got = 0, 0
        while True:
            page = json.loads(urllib.request.urlopen(f"{url}/pull?after={after}", timeout=30).read())
            if not page["rows"]:
                break
            client.execute("BEGIN")
            client.executemany("INSERT OR REPLACE INTO rows (id, body) VALUES (?, ?)",
                               [(r["id"], json.dumps(r, separators=(",", ":"))) for r in page["rows"]])
            client.execute("COMMIT")
            got += len(page["rows"])
            after = page["last"]
        elapsed = time.perf_counter() - started
        if got != len(rows):
            raise RuntimeError(f"raw pull brought {got} of {len(rows)} rows")
        client.close()
        return elapsed
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "serve":
        serve(int(sys.argv[2]), sys.argv[3])
    else:
        raise SystemExit(__doc__)
