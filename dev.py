#!/usr/bin/env python3
"""Set-up and everyday commands for Fieldnote, needing nothing but Python 3.11+.

    python3 dev.py run    # the app on demo data, with an embedded hub on loopback
    python3 dev.py test   # every check and test: ruff, import contracts, mypy, pytest

Each command creates or refreshes the virtualenv `.venv` from pyproject.toml first.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".fieldnote-installed"


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older python3
        sys.exit("Fieldnote needs Python 3.11 or newer.")
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == want and PY.exists():
        return
    if not PY.exists():
        sys.stderr.write("Creating the virtualenv .venv ...\n")
        venv.create(VENV, with_pip=True)
    sys.stderr.write("Installing Fieldnote and its dependencies into .venv ...\n")
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[dev]"])
    STAMP.write_text(want)


def run(args: list[str]) -> int:
    return subprocess.call([str(BIN / "fieldnote"), "--demo", *args], cwd=ROOT)


def test(args: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    steps = [
        [str(BIN / "ruff"), "check", "."],
        [str(BIN / "lint-imports")],
        # No arguments: which packages are checked, and how strictly, lives in pyproject.toml.
        [str(BIN / "mypy")],
        # "load" scheduling: a crashed worker is replaced and the run goes on (the grouping
        # schedulers can wait forever after a crash). Tests that must not overlap take a lock
        # instead (the `many_connections` marker, tests/conftest.py).
        # A test whose process crashed (a segfault in Qt, say), or whose wait for the window
        # ran out of time (a pytest-qt waitUntil, on a loaded machine), runs again, at most
        # twice; the summary counts the reruns. Any other failure fails the run at once.
        [str(PY), "-m", "pytest", "-n", "2", "--dist", "load", "-q", "--reruns", "2",
         "--only-rerun", "worker '.+' crashed while running",
         "--only-rerun", "waitUntil timed out", *args],
    ]
    for step in steps:
        code = subprocess.call(step, cwd=ROOT, env=env)
        if code != 0:
            return code
    return 0


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "test"):
        sys.stderr.write(__doc__ or "")
        return 2
    ensure_venv()
    command, rest = sys.argv[1], sys.argv[2:]
    return run(rest) if command == "run" else test(rest)


if __name__ == "__main__":
    raise SystemExit(main())
