"""`fieldnote collateral publish | list` as a real process."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys

from desktop.store import open_store
from desktop.store.db import DB_FILE
from tests.desktop.collateral.conftest import DEMO_PDF, put_blob, received

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")
MARKETER = {"id": "01972fde-7e80-7328-a2f3-a964fce864df", "email": "mia@example.com",
            "name": "Mia", "role": "marketer", "team": "north"}


def fieldnote(*args):
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, env=ENV, timeout=60)


def signed_in_as(data_dir, user):
    store = open_store(data_dir / DB_FILE)
    store.set_state("user", user)
    return store


def test_list_gives_each_usable_item_with_its_cached_file(tmp_path):
    store = signed_in_as(tmp_path, {**MARKETER, "role": "rep"})
    sha = put_blob(tmp_path, b"%PDF-1.4 cached file")
    here = received(store, title="Here", file_sha256=sha)
    damaged = received(store, title="Damaged", file_sha256="d" * 64)
    (tmp_path / "blobs" / ("d" * 64)).write_bytes(b"not what the hash says")
    received(store, title="Retired", status="retired", file_sha256=sha)
    store.engine.dispose()
    result = fieldnote("collateral", "list", "--json", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    items = {i["title"]: i for i in json.loads(result.stdout)}
    assert set(items) == {"Here", "Damaged"}
    assert items["Here"] == {"id": here, "title": "Here", "kind": "sell_sheet", "version": 1,
                             "status": "approved", "sha256": sha, "cached": True,
                             "path": str((tmp_path / "blobs" / sha).resolve())}
    assert (items["Damaged"]["id"], items["Damaged"]["cached"], items["Damaged"]["path"]) == (
        damaged, False, None)
    assert not (tmp_path / "blobs" / ("d" * 64)).exists()  # a damaged file is never handed out


def test_a_marketer_publishes_headless_and_the_item_waits_for_the_next_sync(tmp_path):
    signed_in_as(tmp_path, MARKETER).engine.dispose()
    result = fieldnote("collateral", "publish", str(DEMO_PDF), "--title", "Insight Cloud sheet",
                       "--kind", "sell_sheet", "--tags", "product:Insight Cloud, HIPAA",
                       "--audience", "north", "--approve", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    cid = result.stdout.strip()
    store = open_store(tmp_path / DB_FILE)
    row = store.get("collateral", cid)
    sha = hashlib.sha256(DEMO_PDF.read_bytes()).hexdigest()
    assert (row["status"], row["tags"], row["audience"], row["file_sha256"]) == (
        "approved", ["product:Insight Cloud", "HIPAA"], ["north"], sha)
    assert (tmp_path / "blobs" / sha).read_bytes() == DEMO_PDF.read_bytes()
    assert store.outbox_counts()["pending"] == 1
    store.engine.dispose()
    listed = json.loads(fieldnote("collateral", "list", "--json", "--data-dir", str(tmp_path)).stdout)
    assert [(i["id"], i["cached"]) for i in listed] == [(cid, True)]


def test_a_rep_cannot_publish_and_is_told_why(tmp_path):
    signed_in_as(tmp_path, {**MARKETER, "role": "rep"}).engine.dispose()
    result = fieldnote("collateral", "publish", str(DEMO_PDF), "--title", "Mine", "--kind", "deck",
                       "--data-dir", str(tmp_path))
    assert result.returncode == 3
    assert "Reps propose material as a draft or for review" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "blobs").exists() or not any((tmp_path / "blobs").iterdir())


def test_a_rep_proposes_headless_and_the_proposal_waits_for_the_next_sync(tmp_path):
    rep = {**MARKETER, "role": "rep"}
    signed_in_as(tmp_path, rep).engine.dispose()
    result = fieldnote("collateral", "propose", str(DEMO_PDF), "--title", "My one-pager",
                       "--kind", "sell_sheet", "--tags", "region:North", "--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    store = open_store(tmp_path / DB_FILE)
    row = store.get("collateral", result.stdout.strip())
    assert (row["status"], row["proposed_by"], row["tags"]) == ("review", rep["id"],
                                                                ["region:North"])
    assert store.outbox_counts()["pending"] == 1
    store.engine.dispose()
    missing = fieldnote("collateral", "propose", str(tmp_path / "nope.pdf"), "--title", "X",
                        "--kind", "deck", "--data-dir", str(tmp_path))
    assert (missing.returncode, missing.stderr.count("\n")) == (1, 1)
    assert "does not exist" in missing.stderr


def test_an_admin_cannot_propose_and_is_told_why(tmp_path):
    signed_in_as(tmp_path, {**MARKETER, "role": "admin"}).engine.dispose()
    result = fieldnote("collateral", "propose", str(DEMO_PDF), "--title", "Mine", "--kind", "deck",
                       "--data-dir", str(tmp_path))
    assert result.returncode == 3
    assert "Administrators manage users and settings" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_admin_cannot_publish_and_is_told_the_hubs_reason_up_front(tmp_path):
    # Admins manage users and settings; the hub refuses their records, so the command refuses
    # before anything is queued (it used to queue the item, which the hub then rejected).
    signed_in_as(tmp_path, {**MARKETER, "role": "admin"}).engine.dispose()
    result = fieldnote("collateral", "publish", str(DEMO_PDF), "--title", "Mine", "--kind", "deck",
                       "--data-dir", str(tmp_path))
    assert result.returncode == 3, result.stderr
    assert result.stderr.strip() == (
        "fieldnote: mia@example.com cannot publish: Administrators manage users and settings; "
        "they do not edit records.")
    store = open_store(tmp_path / DB_FILE)
    assert store.outbox_counts()["pending"] == 0 and store.count("collateral") == 0
    store.engine.dispose()


def test_publishing_without_signing_in_or_with_bad_input_is_a_clear_error(tmp_path):
    result = fieldnote("collateral", "publish", str(DEMO_PDF), "--title", "x", "--kind", "deck",
                       "--data-dir", str(tmp_path))
    assert (result.returncode, "Sign in first" in result.stderr) == (3, True)
    signed_in_as(tmp_path, MARKETER).engine.dispose()
    missing = fieldnote("collateral", "publish", str(tmp_path / "nope.pdf"), "--title", "x",
                        "--kind", "deck", "--data-dir", str(tmp_path))
    assert missing.returncode == 1 and "does not exist" in missing.stderr
    past = fieldnote("collateral", "publish", str(DEMO_PDF), "--title", "x", "--kind", "deck",
                     "--expires", "2001-01-01", "--data-dir", str(tmp_path))
    assert past.returncode == 2 and "in the past" in past.stderr
    kind = fieldnote("collateral", "publish", str(DEMO_PDF), "--title", "x", "--kind", "poster",
                     "--data-dir", str(tmp_path))
    assert kind.returncode == 2 and "invalid choice" in kind.stderr
    for r in (missing, past, kind):
        assert "Traceback" not in r.stderr


def test_publishing_a_file_that_is_not_what_its_name_says_is_one_line_exit_1_and_writes_nothing(tmp_path):
    signed_in_as(tmp_path, MARKETER).engine.dispose()
    fake = tmp_path / "in" / "sell-sheet.pdf"
    fake.parent.mkdir()
    fake.write_bytes(os.urandom(8192))
    before = open_store(tmp_path / DB_FILE)
    outbox_before = before.outbox_entries()
    before.engine.dispose()
    result = fieldnote("collateral", "publish", str(fake), "--title", "Sheet", "--kind",
                       "sell_sheet", "--approve", "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "fieldnote: sell-sheet.pdf is not a readable PDF (it does not start like one); "
        "nothing was published."]
    assert result.stdout == ""
    after = open_store(tmp_path / DB_FILE)
    assert after.outbox_entries() == outbox_before == []
    after.engine.dispose()
    assert not (tmp_path / "blobs").exists() or not any((tmp_path / "blobs").iterdir())


def test_marketing_reviews_proposals_headless_and_a_rep_cannot(tmp_path):
    rep_id = "01972fde-7e80-7328-a2f3-a964fce86401"
    store = signed_in_as(tmp_path, MARKETER)
    first = received(store, title="Rita's sheet", status="review", proposed_by=rep_id,
                     author_id=rep_id)
    second = received(store, title="Rita's deck", status="review", proposed_by=rep_id)
    old = received(store, title="Price list", verified_on="2026-01-01")
    store.engine.dispose()
    listed = fieldnote("collateral", "proposals", "--json", "--data-dir", str(tmp_path))
    assert listed.returncode == 0, listed.stderr
    assert {i["id"] for i in json.loads(listed.stdout)} == {first, second}
    empty = fieldnote("collateral", "review", first, "--decline", "  ", "--data-dir", str(tmp_path))
    assert (empty.returncode, empty.stderr.count("\n")) == (2, 1)
    assert fieldnote("collateral", "review", first, "--decline", "Old logo",
                     "--data-dir", str(tmp_path)).returncode == 0
    assert fieldnote("collateral", "review", second, "--approve",
                     "--data-dir", str(tmp_path)).returncode == 0
    assert fieldnote("collateral", "review", old, "--verified",
                     "--data-dir", str(tmp_path)).returncode == 0
    store = open_store(tmp_path / DB_FILE)
    today = dt.date.today().isoformat()
    assert (store.get("collateral", first)["status"],
            store.get("collateral", first)["review_comment"]) == ("declined", "Old logo")
    assert (store.get("collateral", second)["status"],
            store.get("collateral", second)["verified_on"]) == ("approved", today)
    assert store.get("collateral", old)["verified_on"] == today
    store.set_state("user", {**MARKETER, "role": "rep", "id": rep_id})
    store.engine.dispose()
    mine = json.loads(fieldnote("collateral", "proposals", "--json",
                                "--data-dir", str(tmp_path)).stdout)
    assert {(i["id"], i["status"], i["review_comment"]) for i in mine} == {
        (first, "declined", "Old logo"), (second, "approved", None)}
    refused = fieldnote("collateral", "review", first, "--approve", "--data-dir", str(tmp_path))
    assert refused.returncode == 3
    assert "Reps propose material as a draft or for review" in refused.stderr
