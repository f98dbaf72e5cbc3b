"""Headless, as real processes against a live hub: a marketer publishes and approves a PDF, a
rep syncs and lists it as cached, with the verified file's path."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from resources.paths import resource_path

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDNOTE_NO_KEYCHAIN="1")
PDF = resource_path("demo", "case-study-mercy-valley-health.pdf")


def fieldnote(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "desktop", *args], input=stdin,
                          capture_output=True, text=True, env=ENV, timeout=120)


def test_publish_sync_and_list_headless(tmp_path, live_hub):
    live_hub.add_user("mia@example.com", "Mia Marketer", "marketer")
    live_hub.add_user("rita@example.com", "Rita Rep", "rep", team="north")
    mia, rita = tmp_path / "mia", tmp_path / "rita"
    for data, email in ((mia, "mia@example.com"), (rita, "rita@example.com")):
        signed = fieldnote("signin", "--hub", live_hub.url, "--email", email, "--password-stdin",
                           "--data-dir", str(data), stdin=live_hub.users[email]["password"] + "\n")
        assert signed.returncode == 0, signed.stderr
    refused = fieldnote("collateral", "publish", str(PDF), "--title", "Mine", "--kind", "deck",
                        "--data-dir", str(rita))
    assert refused.returncode == 3 and "Reps propose material as a draft or for review" in refused.stderr
    published = fieldnote("collateral", "publish", str(PDF), "--title", "Mercy Valley case study",
                          "--kind", "case_study", "--tags", "industry:Healthcare",
                          "--approve", "--data-dir", str(mia))
    assert published.returncode == 0, published.stderr
    cid = published.stdout.strip()
    assert fieldnote("sync", "--data-dir", str(mia)).returncode == 0
    synced = fieldnote("sync", "--data-dir", str(rita))
    assert synced.returncode == 0, synced.stderr
    listed = fieldnote("collateral", "list", "--json", "--data-dir", str(rita))
    assert listed.returncode == 0, listed.stderr
    [item] = json.loads(listed.stdout)
    sha = hashlib.sha256(PDF.read_bytes()).hexdigest()
    assert (item["id"], item["title"], item["kind"], item["status"], item["sha256"], item["cached"]) == (
        cid, "Mercy Valley case study", "case_study", "approved", sha, True)
    assert Path(item["path"]).read_bytes() == PDF.read_bytes()
