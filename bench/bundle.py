"""`python -m bench.bundle`: the PyInstaller bundle's size and its cold start.

Builds `dist/fieldnote/` first when it is not there (`packaging/build.py`; `--rebuild` forces
it, `--lean` also builds and measures the bundle without the embedded demo hub). Then, from a
clean environment (`env -i` with HOME, PATH and QT_QPA_PLATFORM=offscreen), times from launch:

- `--version`: the program unpacks nothing (one folder) and imports only what argparse needs;
- first paint: `--screenshot` of the window on a new, empty data dir (no demo, no hub);
- the demo: `--demo --screenshot`, which also starts the embedded hub and syncs once.

The first run of each is reported on its own ("cold": the files may not be in the page cache,
after a build they usually are), then the median of the next runs. Figures only; nothing here
asserts a timing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(lean: bool) -> None:
    subprocess.check_call([sys.executable, str(ROOT / "packaging" / "build.py"), "--no-archive",
                           *(["--lean"] if lean else [])], cwd=ROOT)


def clean_run(args: list[str], home: Path) -> float:
    started = time.perf_counter()
    subprocess.run(["env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin", "QT_QPA_PLATFORM=offscreen",
                    *args], check=True, capture_output=True, cwd=home, timeout=300)
    return time.perf_counter() - started


def timings(exe: Path, runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"--version": [], "first paint": [], "demo": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp)
            out["--version"].append(clean_run([str(exe), "--version"], home))
            out["first paint"].append(clean_run(
                [str(exe), "--data-dir", str(home / "empty"), "--size", "1024x640",
                 "--screenshot", str(home / "paint.png")], home))
            out["demo"].append(clean_run(
                [str(exe), "--demo", "--data-dir", str(home / "demo"), "--size", "1024x640",
                 "--screenshot", str(home / "demo.png")], home))
    return out


def describe(name: str, folder: Path, runs: int) -> None:
    exe = folder / "fieldnote"
    size = folder_size(folder)
    print(f"{name}: {folder}")
    print(f"  size: {size / 1e6:.1f} MB in {sum(1 for p in folder.rglob('*') if p.is_file())} files")
    for what, values in timings(exe, runs).items():
        rest = values[1:] or values
        print(f"  {what}: first {values[0] * 1000:.0f} ms, median of the next {len(rest)} "
              f"{statistics.median(rest) * 1000:.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="build even if dist/ has a bundle")
    parser.add_argument("--lean", action="store_true", help="also the bundle without the hub")
    parser.add_argument("--runs", type=int, default=6)
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        print("bench.bundle runs the Linux bundle (env -i); on other systems time it by hand")
        return 2
    full = DIST / "fieldnote"
    if args.rebuild or not (full / "fieldnote").exists():
        started = time.monotonic()
        build(lean=False)
        print(f"build: {time.monotonic() - started:.0f} s")
    describe("bundle", full, args.runs)
    if args.lean:
        lean = DIST / "fieldnote-lean"
        if args.rebuild or not (lean / "fieldnote").exists():
            build(lean=True)
        size = folder_size(lean)
        print(f"lean bundle (no embedded hub): {lean}")
        print(f"  size: {size / 1e6:.1f} MB, {(folder_size(full) - size) / 1e6:.1f} MB less")
    return 0


if __name__ == "__main__":
    sys.exit(main())
