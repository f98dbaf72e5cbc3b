"""`fieldnote --demo` as a real process: the embedded hub is seeded, the app signs in as the
demo rep, and the screenshot is taken after a full sync brought the data."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from desktop.store import open_store
from desktop.store.db import DB_FILE

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDNOTE_NO_KEYCHAIN="1")


def fieldnote(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, env=ENV, timeout=120)


def test_demo_screenshot_shows_data_that_came_through_the_hub(tmp_path):
    data = tmp_path / "demo"
    png = tmp_path / "demo.png"
    result = fieldnote("--demo", "--data-dir", str(data), "--screenshot", str(png))
    assert result.returncode == 0, result.stderr
    assert png.stat().st_size > 5000
    status = fieldnote("status", "--json", "--data-dir", str(data))
    info = json.loads(status.stdout)
    assert info["user"] == "rep@demo.fieldnote"
    assert info["hub"].startswith("http://127.0.0.1:")
    assert info["last_sync"] and info["waiting"] == 0
    store = open_store(data / DB_FILE)
    try:
        leads = store.all("lead", limit=5)
        assert leads and all(r["rev"] > 0 for r in leads)  # versions the hub gave
        assert store.count("collateral") > 0
    finally:
        store.engine.dispose()
    assert any((data / "blobs").iterdir())  # approved collateral files were fetched
