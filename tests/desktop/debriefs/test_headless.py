"""The whole loop without a window: a rep files a debrief, marketing reads and replies, the rep
reads the reply and pulls a PDF, every step a real `fieldnote` process against a live hub."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDNOTE_NO_KEYCHAIN="1")


def fieldnote(*args, data_dir, stdin=None):
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *args, "--data-dir", str(data_dir)],
        capture_output=True, text=True, env=ENV, timeout=90, input=stdin,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def signed_in(live_hub, tmp_path, email, name, role):
    user = live_hub.add_user(email, name, role, team="north")
    data = tmp_path / role
    result = fieldnote("signin", "--hub", live_hub.url, "--email", email, "--password-stdin",
                       data_dir=data, stdin=user["password"] + "\n")
    assert result.returncode == 0, result.stderr
    return data


def test_file_read_reply_and_print_a_debrief_headless(live_hub, tmp_path):
    rep = signed_in(live_hub, tmp_path, "rep@example.com", "Rita Rep", "rep")
    marketer = signed_in(live_hub, tmp_path, "mia@example.com", "Mia Marketer", "marketer")
    filed = fieldnote("debriefs", "add", "--json", "-", data_dir=rep, stdin=json.dumps(
        {"account": "Acme Freight", "call_date": "2026-11-20", "objections": ["Price"],
         "notes": "Wants a pilot"}))
    assert filed.returncode == 0, filed.stderr
    assert fieldnote("sync", data_dir=rep).returncode == 0

    assert fieldnote("sync", data_dir=marketer).returncode == 0
    [seen] = json.loads(fieldnote("debriefs", "list", "--json", data_dir=marketer).stdout)
    assert (seen["account"], seen["notes"], seen["status"]) == ("Acme Freight", "Wants a pilot", "submitted")
    replied = fieldnote("debriefs", "reply", seen["id"], "--body", "Try the ROI case study", data_dir=marketer)
    assert replied.returncode == 0, replied.stderr
    assert fieldnote("sync", data_dir=marketer).returncode == 0

    assert fieldnote("sync", data_dir=rep).returncode == 0
    shown = json.loads(fieldnote("debriefs", "show", seen["id"], "--json", data_dir=rep).stdout)
    [reply] = shown["comments"]
    assert (reply["body"], reply["read"]) == ("Try the ROI case study", False)
    pdf = tmp_path / "debrief.pdf"
    exported = fieldnote("debriefs", "export", "--format", "pdf", "--id", seen["id"], "-o", str(pdf),
                         data_dir=rep)
    assert exported.returncode == 0, exported.stderr
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    assert "Acme Freight" in text and "Wants a pilot" in text and "Try the ROI case study" in text


def test_replying_to_a_debrief_that_is_not_there_says_so(tmp_path):
    result = fieldnote("debriefs", "reply", "01900000-0000-7000-8000-000000000001", "--body", "hi",
                       data_dir=tmp_path / "d")
    assert result.returncode == 1
    assert "No debrief 01900000-0000-7000-8000-000000000001 on this device" in result.stderr
