"""`fieldnote leads lookup EMAIL --json`: the hub's answer when it is reachable (every team's
leads, four facts and nothing else), this device's cache when it is not."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from desktop.store import open_store
from desktop.store.leads import LeadBook
from desktop.sync.lookup import CACHE, HUB, look_up
from desktop.sync.state import Outcome

ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", FIELDNOTE_NO_KEYCHAIN="1")
KEYS = ["known", "customer", "team", "last_activity"]


def fieldnote(*args):
    return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True,
                          text=True, env=ENV, timeout=60)


def capture(store, email, *, won=False, captured_at="2026-11-20T09:00:00Z"):
    lead_id = store.save("lead", {"first_name": "Ana", "last_name": "Silva", "email": email,
                                  "notes": "private notes", "captured_at": captured_at}).record_id
    if won:
        store.save("lead_outcome", {"lead_id": lead_id, "status": "won", "amount": 9000,
                                    "at": "2026-12-01T10:00:00Z"})
    return lead_id


def test_the_hub_answers_for_another_teams_lead_with_four_facts(hub, make_device):
    hub.add_user("west@example.com", "Wes West", "rep", team="west")
    west = make_device("west", "west@example.com")
    capture(west.store, "Ana@Zenith.example", won=True)
    assert west.run().outcome is Outcome.OK
    rep = make_device("rep")
    assert rep.run().outcome is Outcome.OK
    # The rep's cache never saw the west team's lead; the hub knows it.
    book = LeadBook(rep.store)
    assert book.lookup("ana@zenith.example").known is False
    book.dispose()
    done = fieldnote("leads", "lookup", " ana@zenith.EXAMPLE", "--json",
                     "--data-dir", str(rep.data_dir))
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert list(answer) == KEYS
    assert answer == {"known": True, "customer": True, "team": "west",
                      "last_activity": "2026-12-01"}
    assert "private" not in done.stdout and "9000" not in done.stdout
    assert done.stdout.count("\n") == 1


def test_offline_the_cache_answers_and_says_so(hub, make_device):
    rep = make_device("rep")
    capture(rep.store, "bo@acme.example")
    assert rep.run().outcome is Outcome.OK
    hub.stop()
    result = look_up(rep.data_dir, rep.store, None, "BO@acme.example")
    assert result.source == CACHE and result.why_cache
    assert result.answer.as_json() == {"known": True, "customer": False, "team": "north",
                                       "last_activity": "2026-11-20"}
    done = fieldnote("leads", "lookup", "bo@acme.example", "--json",
                     "--data-dir", str(rep.data_dir))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["known"] is True
    assert "cache" in done.stderr


def test_online_the_hub_answers(hub, make_device):
    rep = make_device("rep")
    result = look_up(rep.data_dir, rep.store, None, "nobody@example.com")
    assert (result.source, result.answer.known) == (HUB, False)


def test_signed_out_the_cache_answers_and_bad_input_is_one_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    store = open_store(data / "fieldnote.sqlite3")
    capture(store, "cy@example.com", won=True)
    store.engine.dispose()
    done = fieldnote("leads", "lookup", "cy@example.com", "--json", "--data-dir", str(data))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"known": True, "customer": True, "team": None,
                                       "last_activity": "2026-12-01"}
    text = fieldnote("leads", "lookup", "nobody@example.com", "--data-dir", str(data))
    assert text.returncode == 0 and "not a lead yet" in text.stdout
    for not_email in ("not an email", "cy@exam\x1bple.com", "cy@example.com\u202e"):
        bad = fieldnote("leads", "lookup", not_email, "--json", "--data-dir", str(data))
        assert bad.returncode == 2
        assert bad.stdout == "" and len(bad.stderr.strip().splitlines()) == 1


def test_the_cache_matches_whole_emails_only(tmp_path):
    store = open_store(tmp_path / "fieldnote.sqlite3")
    try:
        capture(store, "ana@zenith.example")
        capture(store, "ana.maria@zenith.example")
        book = LeadBook(store)
        assert book.lookup("ANA@zenith.example ").known is True
        assert book.lookup("maria@zenith.example").known is False
        assert book.lookup("zenith.example").known is False
        book.dispose()
    finally:
        store.engine.dispose()
