"""Sending collateral to a visitor from a device: `fieldnote collateral send` queues it offline,
the queue survives a restart, the next sync hands it to the hub, which mails the visitor
through a real SMTP server on loopback; the visitor's open comes back to the device as the
send's state."""

from __future__ import annotations

import hashlib
import io
import json
import time

import pytest
import requests

from desktop.app import main
from desktop.store import open_store
from desktop.store.db import DB_FILE
from desktop.sync.session import build_engine
from fieldnote.ids import new_id
from tests.desktop.sync.conftest import FAST, Device
from tests.support.smtp_relay import WAIT_S, first_link, running_relay, text_of

PDF = b"%PDF-1.4\n% a price list\n" + bytes(range(256)) * 64 + b"\n%%EOF\n"
SHA = hashlib.sha256(PDF).hexdigest()


@pytest.fixture
def relay():  # type: ignore[no-untyped-def]
    yield from running_relay()


def run(monkeypatch, capsys, *argv, stdin=""):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _publish(hub, status: str = "approved") -> str:  # type: ignore[no-untyped-def]
    marketing = hub.client("marketer@example.com")
    assert marketing.put(f"{hub.url}/v1/blobs/{SHA}", data=PDF, timeout=30).status_code in (
        200, 201)
    item = new_id()
    answer = marketing.post(f"{hub.url}/v1/sync/push", json={"client_id": new_id(), "mutations": [{
        "mutation_id": new_id(), "kind": "collateral", "record_id": item, "op": "upsert",
        "base_version": 0, "made_at": "2026-12-07T10:00:00Z",
        "fields": {"title": "Price list 2027", "status": status, "file_sha256": SHA,
                   "file_name": "price-list-2027.pdf", "mime_type": "application/pdf",
                   "file_size": len(PDF)}}]}, timeout=30)
    assert answer.json()["results"][0]["status"] == "applied", answer.text
    return item


def _lead(device: Device, email: str = "ana@example.com", consent: bool = True) -> str:
    fields = {"first_name": "Ana", "last_name": "Silva", "email": email,
              "captured_at": "2026-12-07T09:00:00Z"}
    if consent:
        fields.update(consent_contact=True, consent_at="2026-12-07T09:00:00Z",
                      consent_text_version="1", consent_method="checkbox")
    return device.store.save("lead", fields).record_id


def _until(device: Device, check, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        device.run()
        found = check()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _sends(monkeypatch, capsys, device: Device) -> list[dict]:  # type: ignore[type-arg]
    code, out, err = run(monkeypatch, capsys, "collateral", "sends", "--json",
                         "--data-dir", str(device.data_dir))
    assert code == 0, err
    return list(json.loads(out))


def test_a_send_queued_offline_survives_a_restart_and_is_mailed_at_the_next_sync(
        make_device, hub, relay, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    relay.use_for(hub.engine)
    item = _publish(hub)
    rep = make_device("rep")
    rep.run()  # the library, while online
    lead = _lead(rep)  # captured offline: not synced yet

    code, out, err = run(monkeypatch, capsys, "collateral", "send", item, "--lead",
                         "ANA@example.com", "--message", "Lovely to meet you - the prices.",
                         "--data-dir", str(rep.data_dir))
    assert code == 0, err
    send_id = out.strip()
    assert [s["state"] for s in _sends(monkeypatch, capsys, rep)] == ["queued"]
    assert relay.got.empty()

    # The app stops with the send still queued and starts again.
    rep.engine.client.close()
    rep.store.engine.dispose()
    store = open_store(rep.data_dir / DB_FILE)
    kinds = [e["kind"] for e in store.outbox_entries()]
    assert "collateral_send" in kinds and "lead" in kinds
    again = Device(rep.data_dir, store, build_engine(rep.data_dir, store, timeouts=FAST,
                                                     digest_interval_s=0))
    try:
        assert again.run().pushed >= 2
        envelope, mail = relay.next()
        assert envelope.rcpt_tos == ["ana@example.com"]
        assert "Lovely to meet you - the prices." in text_of(mail)
        url, _token = first_link(mail)
        sent = _until(again, lambda: [s for s in _sends(monkeypatch, capsys, again)
                                      if s["state"] == "sent"], "sent")
        assert sent[0]["id"] == send_id and sent[0]["mailed_at"]

        fetched = requests.get(url, timeout=30)
        assert fetched.status_code == 200 and fetched.content == PDF
        opened = _until(again, lambda: [s for s in _sends(monkeypatch, capsys, again)
                                        if s["state"] == "opened"], "opened")
        assert opened[0]["links"][0]["opens"] == 1
        code, out, _ = run(monkeypatch, capsys, "collateral", "sends", "--lead", lead,
                           "--data-dir", str(again.data_dir))
        assert code == 0 and "opened" in out and "Price list 2027" in out
        # The open reaches Insights: per item and per event, with the time to first open.
        code, out, err = run(monkeypatch, capsys, "insights", "--json",
                             "--data-dir", str(again.data_dir))
        assert code == 0, err
        sent = json.loads(out)["collateral_recipients"]
        figures = sent["by_item"][item]
        assert (figures["mailed"], figures["opened"], figures["opens"]) == (1, 1, 1)
        assert figures["median_hours_to_first_open"] is not None
        assert sent["by_event"]["(no event)"]["opens"] == 1
    finally:
        again.engine.client.close()
        store.engine.dispose()


def test_without_consent_the_send_is_refused_up_front_and_nothing_is_queued(
        make_device, hub, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    item = _publish(hub)
    rep = make_device("rep")
    rep.run()
    _lead(rep, "bo@example.com", consent=False)
    before = rep.store.outbox_counts()["pending"]
    code, out, err = run(monkeypatch, capsys, "collateral", "send", item, "--lead",
                         "bo@example.com", "--data-dir", str(rep.data_dir))
    assert code == 1 and out == ""
    assert "not agreed to be contacted" in err and len(err.strip().splitlines()) == 1
    assert rep.store.outbox_counts()["pending"] == before
    for argv, words in ((["nobody@example.com"], "No lead"),):
        code, _, err = run(monkeypatch, capsys, "collateral", "send", item, "--lead", *argv,
                           "--data-dir", str(rep.data_dir))
        assert code == 2 and words in err
    _lead(rep, "cy@example.com")
    code, _, err = run(monkeypatch, capsys, "collateral", "send", new_id(), "--lead",
                       "cy@example.com", "--data-dir", str(rep.data_dir))
    assert code in (1, 3) and ("No collateral item" in err or "cannot see" in err), err
    code, _, err = run(monkeypatch, capsys, "collateral", "send", item, "--lead",
                       "cy@example.com", "--message", "x" * 2001,
                       "--data-dir", str(rep.data_dir))
    assert code == 2 and "2000" in err.replace(",", "")
    assert rep.store.outbox_counts()["pending"] == before + 1  # only the new lead


def test_a_draft_item_cannot_be_sent(make_device, hub, monkeypatch, capsys
                                     ):  # type: ignore[no-untyped-def]
    marketer = make_device("marketer", "marketer@example.com")
    draft = _publish(hub, status="draft")
    marketer.run()
    _lead(marketer)
    code, _, err = run(monkeypatch, capsys, "collateral", "send", draft, "--lead",
                       "ana@example.com", "--data-dir", str(marketer.data_dir))
    assert code == 1 and "Only approved collateral" in err
