"""The PyInstaller bundle runs with no Python and no virtualenv: it prints its version and renders
the demo (embedded hub included) offscreen, from a clean environment. Slow: it builds the bundle
(packaging/build.py) first."""

from __future__ import annotations

import platform
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from resources.version import app_version
from tests.support.one_at_a_time import hold_lock, run_folder

ROOT = Path(__file__).resolve().parent.parent.parent

pytestmark = [
    pytest.mark.slow,
    # Building the bundle takes minutes; the suite-wide limit is for ordinary tests.
    pytest.mark.timeout(1800),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle, built once per run: the test processes of the run share it (the first to
    ask builds it under a lock, the others wait for it)."""
    shared = run_folder(tmp_path_factory)
    dist = shared / "bundle-dist"
    built = shared / "bundle-built"
    with hold_lock(shared / "bundle.lock"):
        if not built.exists():
            done = subprocess.run(
                [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist)],
                cwd=ROOT, capture_output=True, text=True, timeout=1800)
            assert done.returncode == 0, done.stdout + done.stderr
            assert f"bundle: {dist / 'fieldnote'}" in done.stdout
            assert "size: " in done.stdout
            built.write_text("yes")
    return dist


def clean_env(home: Path) -> list[str]:
    """`env -i` with only HOME, PATH and QT_QPA_PLATFORM: no virtualenv, no PYTHONPATH."""
    return ["env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin", "QT_QPA_PLATFORM=offscreen"]


def test_the_bundle_prints_its_version_from_a_clean_environment(bundle: Path, tmp_path: Path):
    exe = bundle / "fieldnote" / "fieldnote"
    done = subprocess.run([*clean_env(tmp_path), str(exe), "--version"], capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Fieldnote {app_version()}"
    assert app_version() != "0+unknown"


def test_the_bundle_renders_the_demo_offscreen(bundle: Path, tmp_path: Path):
    from PySide6.QtGui import QImage

    exe = bundle / "fieldnote" / "fieldnote"
    shot = tmp_path / "shot.png"
    done = subprocess.run([*clean_env(tmp_path), str(exe), "--demo", "--data-dir",
                           str(tmp_path / "data"), "--size", "1024x640", "--page", "leads",
                           "--screenshot", str(shot)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1024, 640)
    # Synced demo data, not an empty window: many colours (text, badges, the table).
    colours = {image.pixel(x, y) for x in range(0, 1024, 7) for y in range(0, 640, 7)}
    assert len(colours) > 50
    # The embedded hub ran from the bundle and the demo rep signed in: the leads arrived.
    assert (tmp_path / "data" / "fieldnote.sqlite3").exists()


def test_the_linux_archive_and_desktop_entry(bundle: Path):
    tarball = bundle / f"fieldnote-{app_version()}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
    assert "fieldnote/fieldnote" in names
    assert "fieldnote/share/applications/fieldnote.desktop" in names
    for size in (16, 32, 48, 128, 256, 512):
        assert f"fieldnote/share/icons/hicolor/{size}x{size}/apps/fieldnote.png" in names
    entry = (bundle / "fieldnote" / "share" / "applications" / "fieldnote.desktop").read_text()
    assert "Exec=fieldnote" in entry and "Icon=fieldnote" in entry
