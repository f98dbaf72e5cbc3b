"""`fieldnote --demo` without `--data-dir` keeps a folder of its own: the real data folder,
signed in to a real hub, is not touched, and its next `fieldnote sync` works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.live_hub import LiveHub

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a long enough passphrase"


def user_env(home: Path) -> dict[str, str]:
    """A user whose platform folders are all below `home`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    return {**env, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"), "QT_QPA_PLATFORM": "offscreen",
            "FIELDNOTE_NO_KEYCHAIN": "1", "PYTHONPATH": str(ROOT)}


def fieldnote(env: dict[str, str], *args: str, stdin: str = ""
              ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, text=True, timeout=180)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_the_demo_leaves_the_real_data_folder_alone_and_its_sync_working(
        tmp_path: Path, live_hub: LiveHub) -> None:
    live_hub.add_user("ana@test.fieldnote", "Ana", "rep", "east", password=PASSWORD)
    env = user_env(tmp_path / "home")
    real = tmp_path / "home" / "data" / "Fieldnote"
    signed = fieldnote(env, "signin", "--hub", live_hub.url, "--email", "ana@test.fieldnote",
                       "--password-stdin", stdin=f"{PASSWORD}\n")
    assert signed.returncode == 0, signed.stderr
    assert (real / "fieldnote.sqlite3").is_file()
    before = snapshot(real)

    demo = fieldnote(env, "--demo", "--screenshot", str(tmp_path / "demo.png"))
    assert demo.returncode == 0, demo.stderr
    assert snapshot(real) == before
    demo_dir = tmp_path / "home" / "data" / "Fieldnote Demo"
    assert (demo_dir / "demo-hub" / "hub.sqlite3").is_file()
    # Repeatable: a second demo run works on the folder the first one left.
    again = fieldnote(env, "--demo", "--screenshot", str(tmp_path / "again.png"))
    assert again.returncode == 0, again.stderr

    synced = fieldnote(env, "sync")
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.startswith("pushed ")


def test_the_demo_refuses_a_data_folder_signed_in_to_another_hub(
        tmp_path: Path, live_hub: LiveHub) -> None:
    live_hub.add_user("ana@test.fieldnote", "Ana", "rep", "east", password=PASSWORD)
    env = user_env(tmp_path / "home")
    real = tmp_path / "real"
    signed = fieldnote(env, "signin", "--data-dir", str(real), "--hub", live_hub.url,
                       "--email", "ana@test.fieldnote", "--password-stdin",
                       stdin=f"{PASSWORD}\n")
    assert signed.returncode == 0, signed.stderr
    demo = fieldnote(env, "--demo", "--data-dir", str(real), "--screenshot",
                     str(tmp_path / "demo.png"))
    assert demo.returncode == 1
    assert demo.stderr.count("\n") == 1 and live_hub.url in demo.stderr
    assert not (real / "demo-hub").exists()
    synced = fieldnote(env, "sync", "--data-dir", str(real))
    assert synced.returncode == 0, synced.stderr
