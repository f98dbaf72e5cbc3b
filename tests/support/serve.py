"""`fieldnote-hub serve` as its own process on a free loopback port, for tests of what only
the real command does (worker processes, server options)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from hub.embedded import free_port

ROOT = Path(__file__).resolve().parents[2]


class ServeProcess:
    def __init__(self, db_url: str, blobs: Path, *args: str,
                 env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "hub", "serve", "--db", db_url, "--blobs", str(blobs),
             "--port", str(self.port), "--log-level", "info", *args],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            if "Uvicorn running on" in line:
                break
        else:
            raise AssertionError("the hub exited before listening")
        threading.Thread(target=self.proc.stderr.read, daemon=True).start()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)

    def __enter__(self) -> ServeProcess:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()
