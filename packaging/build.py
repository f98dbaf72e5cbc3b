"""Build the desktop app as a self-contained one-folder bundle with PyInstaller.

    python3 packaging/build.py            # dist/fieldnote/ (+ the Linux tar.gz), prints size and path
    python3 packaging/build.py --lean     # dist/fieldnote-lean/: without the embedded demo hub
    python3 packaging/build.py --no-archive

It uses the project's virtualenv `.venv` (made or refreshed as `dev.py` does; PyInstaller is a
`dev` dependency and is installed into it if missing) and builds for the machine it runs on:
`dist/fieldnote/fieldnote` on Linux and macOS (plus `dist/Fieldnote.app` on macOS),
`dist\\fieldnote\\fieldnote.exe` on Windows. On Linux the bundle also holds the desktop entry and
the icons (`share/`), and `dist/fieldnote-VERSION-linux-ARCH.tar.gz` is made of it.
See packaging/README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
PYINSTALLER = "pyinstaller>=6.10,<7"  # the same pin as the dev extra in pyproject.toml


def venv_python() -> Path:
    sys.path.insert(0, str(ROOT))
    import dev  # the one place that makes the virtualenv

    dev.ensure_venv()
    return dev.PY


def ensure_pyinstaller(py: Path) -> None:
    if subprocess.call([str(py), "-c", "import PyInstaller"], stderr=subprocess.DEVNULL) != 0:
        sys.stderr.write("Installing PyInstaller into .venv ...\n")
        subprocess.check_call([str(py), "-m", "pip", "install", "-q", PYINSTALLER])


def app_version(py: Path) -> str:
    return subprocess.check_output(
        [str(py), "-c", "from resources.version import app_version; print(app_version())"],
        cwd=ROOT, text=True).strip()


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(lean: bool = False, archive: bool = True, quiet: bool = True,
          dist: Path = DIST) -> Path:
    """Build into `dist` and return the bundle's folder."""
    py = venv_python()
    ensure_pyinstaller(py)
    name = "fieldnote-lean" if lean else "fieldnote"
    icons = ROOT / "build" / "icons"
    subprocess.check_call([str(py), str(PACKAGING / "icons.py"), str(icons)], cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          stdout=subprocess.DEVNULL)
    shutil.copy2(icons / "fieldnote.ico", ROOT / "build" / "fieldnote.ico")
    env = {**os.environ, "FIELDNOTE_ROOT": str(ROOT), "FIELDNOTE_BUNDLE_LEAN": "1" if lean else "0"}
    out = dist / name
    shutil.rmtree(out, ignore_errors=True)
    cmd = [str(py), "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist / ".staging"),
           "--workpath", str(WORK / name), str(PACKAGING / "fieldnote.spec")]
    if quiet:
        cmd[3:3] = ["--log-level", "WARN"]
    subprocess.check_call(cmd, cwd=ROOT, env=env)
    dist.mkdir(parents=True, exist_ok=True)
    shutil.move(str(dist / ".staging" / "fieldnote"), str(out))
    if (dist / ".staging" / "Fieldnote.app").exists():
        shutil.rmtree(dist / "Fieldnote.app", ignore_errors=True)
        shutil.move(str(dist / ".staging" / "Fieldnote.app"), str(dist / "Fieldnote.app"))
    shutil.rmtree(dist / ".staging", ignore_errors=True)
    if sys.platform.startswith("linux"):
        share = out / "share"
        shutil.copytree(icons / "hicolor", share / "icons" / "hicolor", dirs_exist_ok=True)
        (share / "applications").mkdir(parents=True, exist_ok=True)
        shutil.copy2(PACKAGING / "linux" / "fieldnote.desktop", share / "applications")
        if archive and not lean:
            make_tarball(out, dist / f"fieldnote-{app_version(py)}-linux-{platform.machine()}.tar.gz")
    return out


def make_tarball(folder: Path, target: Path) -> Path:
    """`folder` as a tar.gz whose one top directory is `fieldnote/`."""
    with tarfile.open(target, "w:gz") as tar:
        tar.add(folder, arcname="fieldnote")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lean", action="store_true",
                        help="leave out the embedded demo hub (measuring what it costs)")
    parser.add_argument("--no-archive", action="store_true", help="no tar.gz on Linux")
    parser.add_argument("--verbose", action="store_true", help="PyInstaller's full log")
    parser.add_argument("--dist", type=Path, default=DIST, metavar="DIR",
                        help="where the bundle goes (default: dist/)")
    args = parser.parse_args()
    started = time.monotonic()
    dist = args.dist.resolve()
    out = build(lean=args.lean, archive=not args.no_archive, quiet=not args.verbose, dist=dist)
    exe = out / ("fieldnote.exe" if sys.platform == "win32" else "fieldnote")
    print(f"bundle: {out}")
    print(f"executable: {exe}")
    print(f"size: {folder_size(out) / 1e6:.1f} MB ({folder_size(out)} bytes)")
    if not args.no_archive and not args.lean:
        for tarball in sorted(dist.glob(f"fieldnote-*-{platform.machine()}.tar.gz")):
            print(f"archive: {tarball} ({tarball.stat().st_size / 1e6:.1f} MB)")
    print(f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
