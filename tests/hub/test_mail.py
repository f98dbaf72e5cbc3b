"""Collateral mailed to a visitor by a real hub: a rep's send reaches a real SMTP server on
loopback (aiosmtpd) with the rep's message and a personal link; fetching the link over HTTP
gives the exact file and records the open; no consent means no mail; expired, revoked and
unknown links say nothing; the relay is set from the command line with its password hidden."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import select, update

from fieldnote.ids import new_id
from hub import mailing
from hub.db.tables import mail_outbox, share_links
from tests.hub.client import SyncClient, lead_fields
from tests.hub.test_cli import run
from tests.support.live_hub import LiveHub
from tests.support.smtp_relay import LINK, REFUSED, WAIT_S, Relay, running_relay

PDF = b"%PDF-1.4\n" + os.urandom(50_000) + b"\n%%EOF\n"
SHA = hashlib.sha256(PDF).hexdigest()


@pytest.fixture
def relay() -> Iterator[Relay]:
    yield from running_relay()


def wait_for(check: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _use_relay(hub: LiveHub, relay: Relay) -> None:
    relay.use_for(hub.engine)


def _brochure(marketer: SyncClient, status: str = "approved") -> str:
    answer = marketer.http.put(f"{marketer.hub.url}/v1/blobs/{SHA}", data=PDF, timeout=30)
    assert answer.status_code in (200, 201), answer.text
    item = new_id()
    assert marketer.push_one("collateral", item, {
        "title": "Widget brochure", "status": status, "file_sha256": SHA,
        "file_name": "widget brochure.pdf", "mime_type": "application/pdf",
        "file_size": len(PDF)})["status"] == "applied"
    return item


def _lead(rep: SyncClient, consent: bool = True, email: str = "ana@example.com") -> str:
    lead = new_id()
    extra: dict[str, Any] = {"consent_contact": True, "consent_at": "2026-11-24T10:15:00Z",
                             "consent_text_version": "1"} if consent else {}
    assert rep.push_one("lead", lead, lead_fields(email=email, **extra))["status"] == "applied"
    return lead


def _send(rep: SyncClient, lead: str, items: list[str], message: str = "") -> str:
    send = new_id()
    answer = rep.push_one("collateral_send", send, {
        "lead_id": lead, "collateral_ids": items, "message": message,
        "requested_at": "2026-11-24T10:20:00Z"})
    assert answer["status"] == "applied", answer
    return send


def _state(person: SyncClient, send: str) -> dict[str, Any]:
    found = person.visible("collateral_send").get(("collateral_send", send))
    return dict(found["fields"]) if found else {}


def test_a_send_mails_the_visitor_a_link_that_serves_the_exact_file_and_counts_the_open(
        people: dict[str, SyncClient], relay: Relay) -> None:
    rep, marketer = people["rep"], people["marketer"]
    _use_relay(rep.hub, relay)
    item = _brochure(marketer)
    lead = _lead(rep)
    send = _send(rep, lead, [item], "Great to meet you at the booth - here is the brochure.")

    envelope, mail = relay.next()
    assert envelope.rcpt_tos == ["ana@example.com"]
    assert envelope.mail_from == "booth@company.example"
    body = mail.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "Great to meet you at the booth - here is the brochure." in text
    assert "Hello Ana Silva," in text and "Widget brochure" in text
    url, token = LINK.search(text).groups()  # type: ignore[union-attr]
    assert url == f"{rep.hub.url}/s/{token}"
    # Only the token's hash is kept.
    with rep.hub.engine.connect() as conn:
        stored = conn.execute(select(share_links.c.token_hash)).scalars().all()
    assert stored == [hashlib.sha256(token.encode()).hexdigest()]

    sent = wait_for(lambda: (s := _state(rep, send)).get("state") == "sent" and s, "sent")
    assert sent["mailed_at"] and sent["opened_at"] is None
    assert [link["collateral_id"] for link in sent["links"]] == [item]
    assert "token" not in str(sent["links"]).lower()

    # No sign-in: a plain HTTP fetch, as the visitor's mail client makes it.
    opened = requests.get(url, timeout=30)
    assert opened.status_code == 200
    assert opened.content == PDF
    assert opened.headers["Content-Type"] == "application/pdf"
    assert 'filename="widget brochure.pdf"' in opened.headers["Content-Disposition"] \
        or "widget%20brochure.pdf" in opened.headers["Content-Disposition"]
    assert opened.headers["Cache-Control"] == "no-store"

    after = _state(rep, send)
    assert after["opened_at"]
    assert after["links"][0]["opens"] == 1 and after["links"][0]["first_opened_at"]
    usage = [c["fields"] for (kind, _), c in rep.visible("collateral_usage").items()
             if kind == "collateral_usage"]
    assert [(u["action"], u["collateral_id"], u["lead_id"], u["author_id"]) for u in usage] == [
        ("recipient_opened", item, lead, rep.id)]
    # The sender's own; another team's rep sees none of it.
    assert not people["rep2"].visible("collateral_send")
    assert not people["rep2"].visible("collateral_usage")


def test_no_consent_means_no_mail_and_a_clear_state(people: dict[str, SyncClient],
                                                   relay: Relay) -> None:
    rep, marketer = people["rep"], people["marketer"]
    _use_relay(rep.hub, relay)
    item = _brochure(marketer)
    refused = _send(rep, _lead(rep, consent=False, email="bo@example.com"), [item], "Hi")
    state = wait_for(lambda: (s := _state(rep, refused)).get("state") == "no_consent" and s,
                     "no_consent")
    assert "not agreed to be contacted" in state["state_reason"]
    # A later send with consent is mailed; nothing was mailed before it.
    _send(rep, _lead(rep), [item])
    envelope, _mail = relay.next()
    assert envelope.rcpt_tos == ["ana@example.com"]
    assert relay.got.empty()
    with rep.hub.engine.connect() as conn:
        assert conn.execute(select(share_links.c.lead_id)).scalars().all() != []
        states = dict(conn.execute(select(mail_outbox.c.send_id, mail_outbox.c.state)).all())
    assert states[refused] == "done"


def test_only_approved_material_is_sent_and_only_for_leads_the_rep_sees(
        people: dict[str, SyncClient]) -> None:
    rep, rep2, marketer = people["rep"], people["rep2"], people["marketer"]
    draft = _brochure(marketer, status="draft")
    lead = _lead(rep)
    answer = rep.push_one("collateral_send", new_id(), {"lead_id": lead,
                                                        "collateral_ids": [draft]})
    assert answer["status"] == "rejected"
    marketer_answer = marketer.push_one("collateral_send", new_id(), {
        "lead_id": lead, "collateral_ids": [draft]})
    assert marketer_answer["status"] == "rejected"
    assert "approved" in str(marketer_answer["problem"])
    item = _brochure(marketer)
    other = rep2.push_one("collateral_send", new_id(), {"lead_id": lead, "collateral_ids": [item]})
    assert other["status"] == "rejected" and other["problem"]["status"] == 403
    empty = rep.push_one("collateral_send", new_id(), {"lead_id": lead, "collateral_ids": []})
    assert empty["status"] == "rejected"
    # Once written, a send is a fact: its author cannot change it.
    send = _send(rep, lead, [item])
    changed = rep.push_one("collateral_send", send, {"message": "edited"}, base=1)
    assert changed["status"] == "rejected"


def test_revoked_expired_and_unknown_links_reveal_nothing(people: dict[str, SyncClient],
                                                          relay: Relay) -> None:
    rep, rep2, marketer, manager = (people["rep"], people["rep2"], people["marketer"],
                                    people["manager"])
    _use_relay(rep.hub, relay)
    item = _brochure(marketer)
    lead = _lead(rep)
    first = _send(rep, lead, [item])
    second = _send(rep, lead, [item])
    urls = {}
    for _ in range(2):
        _envelope, mail = relay.next()
        body = mail.get_body(("plain",))
        assert body is not None
        urls[len(urls)] = LINK.search(body.get_content()).group(1)  # type: ignore[union-attr]
    wait_for(lambda: _state(rep, first).get("state") == "sent"
             and _state(rep, second).get("state") == "sent", "both sent")
    hub = rep.hub

    unknown = requests.get(f"{hub.url}/s/{'A' * 43}", timeout=30)
    garbage = requests.get(f"{hub.url}/s/..%2f..", timeout=30)
    assert unknown.status_code == 404 and garbage.status_code == 404
    assert "brochure" not in unknown.text.lower()

    revoke = f"{hub.url}/v1/collateral-sends/{first}/revoke"
    assert rep2.http.post(revoke, json={}, timeout=30).status_code == 404
    assert manager.http.post(revoke, json={}, timeout=30).status_code == 403
    done = rep.http.post(revoke, json={"collateral_id": item}, timeout=30)
    assert done.status_code == 200 and done.json()["revoked"] == 1
    assert done.json()["links"][0]["revoked_at"]
    gone = [requests.get(u, timeout=30) for u in urls.values()]
    # Which mail's link was revoked: the first send's; the second still serves.
    statuses = sorted(g.status_code for g in gone)
    assert statuses == [200, 410]
    revoked_page = next(g for g in gone if g.status_code == 410)
    assert "brochure" not in revoked_page.text.lower() and ".pdf" not in revoked_page.text

    # Marketing revokes anyone's; then the link of the second send expires too.
    assert marketer.http.post(f"{hub.url}/v1/collateral-sends/{second}/revoke",
                              timeout=30).status_code == 200
    with hub.engine.begin() as conn:
        conn.execute(update(share_links).values(revoked_at=None, expires_at=time.time() - 1))
    assert {requests.get(u, timeout=30).status_code for u in urls.values()} == {410}


def test_a_refused_address_fails_the_send_with_the_relays_words(
        people: dict[str, SyncClient], relay: Relay) -> None:
    rep, marketer = people["rep"], people["marketer"]
    item = _brochure(marketer)
    # No relay yet: the send waits and says why.
    send = _send(rep, _lead(rep, email=REFUSED), [item])
    waiting = wait_for(lambda: (s := _state(rep, send)).get("state_reason") and s, "a reason")
    assert waiting["state"] == "queued" and "mail relay is not set up" in waiting["state_reason"]
    _use_relay(rep.hub, relay)
    with rep.hub.engine.begin() as conn:  # due again now rather than in 30 s
        conn.execute(update(mail_outbox).values(next_at=time.time()))
    mailing.WAKEUPS.notify()
    failed = wait_for(lambda: (s := _state(rep, send)).get("state") == "failed" and s, "failed")
    assert "550" in failed["state_reason"]
    with rep.hub.engine.connect() as conn:
        assert conn.execute(select(share_links)).first() is None


def test_links_use_the_public_url_when_the_hub_has_one(people: dict[str, SyncClient],
                                                       relay: Relay) -> None:
    rep, marketer = people["rep"], people["marketer"]
    _use_relay(rep.hub, relay)
    assert run("settings", "set", "public_url", "https://hub.company.example/",
               "--db", rep.hub.db_url).returncode == 0
    _send(rep, _lead(rep), [_brochure(marketer)])
    _envelope, mail = relay.next()
    body = mail.get_body(("plain",))
    assert body is not None
    url = LINK.search(body.get_content()).group(1)  # type: ignore[union-attr]
    assert url.startswith("https://hub.company.example/s/")


def test_claims_never_hand_one_mail_to_two_workers(hub: LiveHub) -> None:
    hub._embedded._server.config.app.state.mails.stop()  # claims by hand only
    with hub.engine.begin() as conn:
        conn.execute(mail_outbox.insert(), [
            {"send_id": new_id(), "base_url": hub.url, "created_at": time.time(),
             "state": mailing.PENDING, "attempts": 0, "next_at": time.time()}
            for _ in range(5)])
    first = mailing.claim(hub.engine, 3, 60.0)
    second = mailing.claim(hub.engine, 3, 60.0)
    assert len(first) == 3 and len(second) == 2
    assert not {c.id for c in first} & {c.id for c in second}
    assert mailing.claim(hub.engine, 3, 60.0) == []


def test_the_relay_is_set_from_the_command_line_and_its_password_never_shown(
        tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    assert run("migrate", "--db", db).returncode == 0
    done = run("mail", "set", "--db", db, "--host", "smtp.company.example", "--port", "587",
               "--starttls", "--user", "booth", "--password-stdin", "--from",
               "booth@company.example", stdin="s3cret pass\n")
    assert done.returncode == 0, done.stderr
    assert "s3cret" not in done.stdout
    shown = run("mail", "show", "--db", db, "--json")
    assert shown.returncode == 0, shown.stderr
    assert "s3cret" not in shown.stdout
    assert json.loads(shown.stdout) == {
        "host": "smtp.company.example", "port": 587, "starttls": True, "user": "booth",
        "from": "booth@company.example", "password": "stored"}
    bad = run("mail", "set", "--db", db, "--host", "smtp.company.example", "--port", "70000",
              "--from", "booth@company.example")
    assert bad.returncode != 0 and "port" in bad.stderr.lower()
    bad_from = run("mail", "set", "--db", db, "--host", "h", "--port", "25", "--from", "nope")
    assert bad_from.returncode != 0 and "email address" in bad_from.stderr
    # A failed set keeps what was there.
    assert "smtp.company.example" in run("mail", "show", "--db", db).stdout
