"""A person's data on the hub: export everything held about an address, erase it everywhere
(leads become anonymous stubs in the feed, pending edits are refused, a later lead of the same
address is flagged), over real HTTP and through `fieldnote-hub person`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fieldnote.ids import new_id
from hub import privacy, webhooks
from hub.cli import main
from hub.db.tables import audit_log, deliveries
from tests.hub.client import SyncClient, lead_fields, mutation
from tests.hub.test_webhooks import Receiver, _until, receiver  # noqa: F401 (a fixture)
from tests.support.live_hub import LiveHub

EMAIL = "ana.silva@example.com"


def _person_with_history(people: dict[str, SyncClient]) -> dict[str, str]:
    """A lead of Ana with an outcome, a debrief naming her, a comment, a usage and a conflict."""
    rep, marketer = people["rep"], people["marketer"]
    ids = {k: new_id() for k in ("lead", "outcome", "debrief", "comment", "collateral", "usage",
                                 "event")}
    assert marketer.push_one("event", ids["event"], {"name": "Expo"})["status"] == "applied"
    lead = rep.push_one("lead", ids["lead"], lead_fields(
        email=EMAIL, phone="+49 30 1234567", company="Silva GmbH", notes="Ana wants a demo",
        event_id=ids["event"], grade="hot", qualified=True, consent_contact=True,
        consent_at="2026-11-24T10:15:00Z"))
    assert lead["status"] == "applied"
    # Two devices of the rep change the notes: the hub keeps the loser as a conflict.
    assert rep.push_one("lead", ids["lead"], {"notes": "Call Ana Silva on Monday"},
                        base=lead["version"])["status"] == "applied"
    other = SyncClient(rep.hub, rep.http, rep.user)
    assert other.push_one("lead", ids["lead"], {"notes": "Ana prefers email"},
                          base=lead["version"])["status"] == "conflict"
    assert rep.push_one("lead_outcome", ids["outcome"], {
        "lead_id": ids["lead"], "status": "won", "amount": 1200,
        "note": "Ana signed", "at": "2026-11-30T10:00:00Z"})["status"] == "applied"
    assert rep.push_one("debrief", ids["debrief"], {
        "account": "Silva GmbH", "contacts": "Ana Silva", "lead_id": ids["lead"],
        "call_date": "2026-11-29", "notes": "Ana Silva (ana.silva@example.com) liked it",
        "status": "submitted", "objections": ["price"]})["status"] == "applied"
    assert marketer.push_one("debrief_comment", ids["comment"], {
        "debrief_id": ids["debrief"], "body": "Great work with Ana"})["status"] == "applied"
    return ids


def _erase_over_http(admin: SyncClient, email: str = EMAIL) -> dict[str, object]:
    answer = admin.http.post(f"{admin.hub.url}/v1/admin/person/erase",
                             json={"email": email, "reason": "request 17"}, timeout=60)
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def _found_in(folder: Path, text: str) -> list[str]:
    """The files under `folder` holding `text`, each with a little of what surrounds it."""
    needle = text.encode()
    out = []
    for path in sorted(folder.rglob("*")):
        data = path.read_bytes() if path.is_file() else b""
        at = data.find(needle)
        if at >= 0:
            out.append(f"{path.name}@{at}: {data[max(0, at - 60):at + 40]!r}")
    return out


def test_an_admin_exports_everything_held_about_a_person(people: dict[str, SyncClient]) -> None:
    ids = _person_with_history(people)
    answer = people["admin"].http.post(f"{people['admin'].hub.url}/v1/admin/person/export",
                                       json={"email": " Ana.Silva@Example.com "}, timeout=60)
    assert answer.status_code == 200, answer.text
    doc = answer.json()
    assert doc["format"] == "fieldnote-person-export" and doc["erased_at"] is None
    [lead] = doc["leads"]
    assert lead["id"] == ids["lead"] and lead["fields"]["email"] == EMAIL
    assert lead["consent"]["consent_contact"] is True
    assert [o["fields"]["amount"] for o in lead["outcomes"]] == [1200]
    [debrief] = lead["debriefs"]
    assert debrief["fields"]["contacts"] == "Ana Silva"
    assert [c["fields"]["body"] for c in debrief["comments"]] == ["Great work with Ana"]
    # The value the hub replaced is an earlier version it keeps: it is in the export.
    assert {e["value"] for e in lead["earlier_values"]} == {"Call Ana Silva on Monday"}
    assert lead["attachments"] == []


@pytest.mark.parametrize("who", ["rep", "marketer", "manager"])
def test_only_admins_export_or_erase_a_person(people: dict[str, SyncClient], who: str) -> None:
    client = people[who]
    for action in ("export", "erase"):
        answer = client.http.post(f"{client.hub.url}/v1/admin/person/{action}",
                                  json={"email": EMAIL}, timeout=30)
        assert answer.status_code == 403
        assert "Only administrators" in answer.json()["detail"]


def test_erasure_leaves_an_anonymous_stub_that_every_device_pulls(
    people: dict[str, SyncClient], hub: LiveHub
) -> None:
    ids = _person_with_history(people)
    rep, marketer = people["rep"], people["marketer"]
    _, rep_cursor = rep.pull_all()
    _, marketer_cursor = marketer.pull_all()
    report = _erase_over_http(people["admin"])
    assert report["leads"] == 1 and report["outcomes"] == 1 and report["debriefs"] == 1
    assert report["comments"] == 1 and report["conflicts"] == 1

    for client, cursor in ((rep, rep_cursor), (marketer, marketer_cursor)):
        changes, _ = client.pull_all(cursor)
        stub = changes[("lead", ids["lead"])]
        fields = stub["fields"]
        assert fields["erased_at"] and not stub["deleted"]
        for name in ("first_name", "last_name", "email", "phone", "company", "notes",
                     "badge_raw", "answers"):
            assert fields[name] is None, name
        assert (fields["event_id"], fields["grade"], fields["qualified"]) == (
            ids["event"], "hot", True)
        assert fields["captured_at"] == "2026-11-24T10:15:00Z"
        outcome = changes[("lead_outcome", ids["outcome"])]["fields"]
        assert (outcome["status"], outcome["amount"], outcome["note"]) == ("won", 1200, None)
        debrief = changes[("debrief", ids["debrief"])]["fields"]
        # The account kept its company word; the surname it shared with her went.
        assert debrief["contacts"] is None and debrief["account"] == "[erased] GmbH"
        assert debrief["notes"] == "[erased] ([erased]) liked it"
        assert debrief["objections"] == ["price"]
        comment = changes[("debrief_comment", ids["comment"])]["fields"]
        assert comment["body"] == "Great work with [erased]"
        conflicts = [c["fields"] for k, c in changes.items() if k[0] == "conflict"]
        assert (client is marketer or conflicts) and all(c["resolved"] and c["yours"] is None and c["theirs"] is None
                                 for c in conflicts)

    # A device's edit made before it heard of the erasure is refused and not kept.
    late = rep.push_one("lead", ids["lead"], {"notes": "Ana called back"}, base=1)
    assert late["status"] == "rejected" and late["problem"]["type"].endswith("/erased")
    assert rep.visible("lead")[("lead", ids["lead"])]["fields"]["notes"] is None
    # So is the text of a change to her debrief; a new outcome of her lead keeps its status
    # and amount but not its note, and a debrief change without text goes through.
    late = rep.push_one("debrief", ids["debrief"], {"notes": "Ana called back"}, base=1)
    assert late["status"] == "rejected" and late["problem"]["type"].endswith("/erased")
    late = rep.push_one("debrief_comment", new_id(), {"debrief_id": ids["debrief"],
                                                       "body": "Ana again"})
    assert late["status"] == "rejected" and late["problem"]["type"].endswith("/erased")
    outcome = new_id()
    assert rep.push_one("lead_outcome", outcome, {
        "lead_id": ids["lead"], "status": "meeting", "note": "Ana Silva booked",
        "at": "2026-12-01T10:00:00Z"})["status"] == "applied"
    kept = rep.visible("lead_outcome")[("lead_outcome", outcome)]["fields"]
    assert (kept["status"], kept["note"]) == ("meeting", None)
    answer = rep.push_one("debrief", ids["debrief"], {"stage": "propose"},
                        base=changes[("debrief", ids["debrief"])]["version"]
                          )
    assert answer["status"] in ("applied", "conflict"), answer
    # The export now says the person was erased and holds nothing of them.
    doc = privacy.export_person(hub.engine, EMAIL)
    assert doc["leads"] == [] and doc["erased_at"]
    if hub.db_url.startswith("sqlite"):
        # Every file of the hub: its SQLite file, the WAL and the blob folder.
        folder = Path(hub.db_url.removeprefix("sqlite:///")).parent
        for text in ("Silva", EMAIL, "Ana prefers", "Ana signed", "1234567"):
            assert _found_in(folder, text) == [], text


def test_a_new_lead_of_an_erased_address_is_flagged_until_allowed(
    people: dict[str, SyncClient], hub: LiveHub
) -> None:
    _person_with_history(people)
    _erase_over_http(people["admin"])
    again = people["rep2"].push_one("lead", new_id(), lead_fields(email=EMAIL.upper()))
    assert again["status"] == "rejected"
    assert again["problem"]["type"].endswith("/erased-person")
    assert again["problem"]["errors"] == [{"field": "email",
                                           "message": "belongs to an erased person"}]
    # Another address is not affected, and after the decision the same lead goes in.
    assert people["rep2"].push_one("lead", new_id(), lead_fields(
        email="someone@example.com"))["status"] == "applied"
    assert privacy.allow_person(hub.engine, EMAIL) == 1
    m = mutation("lead", new_id(), lead_fields(email=EMAIL))
    assert people["rep2"].push(m)[0]["status"] == "applied"


def test_erasing_keeps_the_figures_the_feed_counts(
    people: dict[str, SyncClient], hub: LiveHub
) -> None:
    _person_with_history(people)
    before = people["marketer"].digest()["count"]
    _erase_over_http(people["admin"])
    # The lead, its outcome, its debrief and the settled conflict are all still there.
    assert people["marketer"].digest()["count"] == before


def test_the_person_commands(people: dict[str, SyncClient], hub: LiveHub, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    ids = _person_with_history(people)
    out = tmp_path / "ana.json"
    assert main(["person", "export", "--email", EMAIL, "-o", str(out), "--db", hub.db_url]) == 0
    assert f"Wrote {out}: 1 leads." in capsys.readouterr().out
    assert json.loads(out.read_text())["leads"][0]["id"] == ids["lead"]
    assert out.stat().st_mode & 0o077 == 0

    assert main(["person", "erase", "--email", EMAIL, "--db", hub.db_url]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert main(["person", "erase", "--email", EMAIL, "--yes", "--reason", "ticket 9",
                 "--db", hub.db_url, "--blobs", str(hub.blobs_dir)]) == 0
    assert "Erased 1 leads of this person" in capsys.readouterr().out
    assert main(["person", "erase", "--email", EMAIL, "--yes", "--db", hub.db_url,
                 "--blobs", str(hub.blobs_dir)]) == 0
    assert "holds no lead of this address" in capsys.readouterr().out
    assert main(["person", "export", "--email", EMAIL, "-o", str(out), "--db", hub.db_url]) == 0
    assert "holds nothing about this address" in capsys.readouterr().out
    # Each export and erasure is in the audit log, without the address.
    with hub.engine.connect() as conn:
        entries = conn.execute(select(audit_log.c.action, audit_log.c.details)).all()
    assert [a for a, _ in entries].count("person.erase") == 2
    assert [a for a, _ in entries].count("person.export") == 2
    assert EMAIL not in json.dumps([d for _, d in entries])
    assert main(["person", "allow", "--email", EMAIL, "--db", hub.db_url]) == 0
    assert "accepted again" in capsys.readouterr().out
    assert main(["person", "export", "--email", " ", "-o", str(out), "--db", hub.db_url]) == 1
    assert "Give the person's email address" in capsys.readouterr().err
    assert main(["person", "export", "--email", EMAIL, "-o", str(tmp_path),
                 "--db", hub.db_url]) == 1
    assert "is a folder" in capsys.readouterr().err


def test_erasure_empties_the_webhook_outbox_of_the_person(
    people: dict[str, SyncClient], hub: LiveHub, receiver: Receiver,  # noqa: F811 (the fixture)
) -> None:
    """A delivery already sent loses its body; one still waiting (its target unreachable) is
    never sent; a delivery about someone else is untouched."""
    sent = webhooks.add_webhook(hub.engine, receiver.url, "lead.created")
    webhooks.add_webhook(hub.engine, "https://unreachable.invalid/hooks",
                         "lead.created,outcome.recorded,debrief.submitted")
    ids = _person_with_history(people)
    assert json.loads(receiver.next().body)["data"]["lead"]["id"] == ids["lead"]
    other = new_id()
    assert people["rep"].push_one("lead", other, lead_fields(
        email="someone.else@example.com", last_name="Kowalczyk"))["status"] == "applied"

    def rows() -> list[Any]:
        with hub.engine.connect() as conn:
            return list(conn.execute(select(deliveries).order_by(deliveries.c.id)))

    def hers(row: Any) -> bool:
        return ids["lead"] in row.body or "Silva" in row.body
    _until(lambda: [r.state for r in rows() if r.webhook_id == sent.id and hers(r)]
           == [webhooks.DELIVERED])
    before = rows()
    assert sum(hers(r) for r in before) == 4  # her lead to each webhook, the outcome, the debrief
    assert any(r.state == webhooks.PENDING and hers(r) for r in before)

    report = _erase_over_http(people["admin"])
    assert report["deliveries"] == 4
    after = {r.id: r for r in rows()}
    for row in before:
        now = after[row.id]
        if not hers(row):
            assert now.body == row.body and now.last_error != privacy.ERASED_DELIVERY_ERROR
            continue
        assert now.body == privacy.ERASED_DELIVERY_BODY
        expected = webhooks.DELIVERED if row.state == webhooks.DELIVERED else webhooks.FAILED
        assert now.state == expected and now.claim is None
    assert {d["last_error"] for d in webhooks.list_deliveries(hub.engine, failed=True)
            if d["state"] == "failed"} == {privacy.ERASED_DELIVERY_ERROR}
    assert not any(hers(r) or EMAIL in r.body for r in after.values())
    if hub.db_url.startswith("sqlite"):
        folder = Path(hub.db_url.removeprefix("sqlite:///")).parent
        for text in ("Silva", EMAIL):
            assert _found_in(folder, text) == [], text


def test_erasure_stops_collateral_mail_to_the_person_and_clears_its_message(
    people: dict[str, SyncClient], hub: LiveHub
) -> None:
    """No mail relay is set up, so the mail waits in the outbox: after the erasure it is never
    sent, the send says why, and its message no longer names her."""
    from hub.db.tables import mail_outbox
    from tests.hub.test_mail import _brochure, _send

    ids = _person_with_history(people)
    rep = people["rep"]
    send = _send(rep, ids["lead"], [_brochure(people["marketer"])],
                 "Dear Ana Silva, the brochure you asked for (ana.silva@example.com)")
    with hub.engine.connect() as conn:
        assert conn.execute(select(mail_outbox.c.state)).scalars().all() == ["pending"]

    report = _erase_over_http(people["admin"])
    assert report["sends"] == 1
    with hub.engine.connect() as conn:
        rows = conn.execute(select(mail_outbox.c.state, mail_outbox.c.last_error)).all()
    assert [tuple(r) for r in rows] == [("failed", privacy.ERASED_DELIVERY_ERROR)]
    fields = rep.visible("collateral_send")[("collateral_send", send)]["fields"]
    assert fields["state"] == "failed" and "erased" in fields["state_reason"]
    assert fields["message"] == "Dear [erased], the brochure you asked for ([erased])"
    # A send to her made on a device that had not heard yet carries her again: refused.
    late = rep.push_one("collateral_send", new_id(), {
        "lead_id": ids["lead"], "collateral_ids": fields["collateral_ids"],
        "message": "Ana, again", "requested_at": "2026-12-01T10:00:00Z"})
    assert late["status"] == "rejected" and late["problem"]["type"].endswith("/erased")
    if hub.db_url.startswith("sqlite"):
        folder = Path(hub.db_url.removeprefix("sqlite:///")).parent
        for text in ("Silva", EMAIL):
            assert _found_in(folder, text) == [], text


class _Deadlock(Exception):
    sqlstate = "40P01"  # what psycopg's DeadlockDetected carries


def test_an_erasure_that_loses_a_race_with_a_worker_runs_again(
        people: dict[str, SyncClient], hub: LiveHub, monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL gives one of two transactions up when they lock the same rows in opposite
    orders (an erasure and the mail or webhook worker); the erasure then runs again, whole."""
    from sqlalchemy.exc import OperationalError

    ids = _person_with_history(people)
    real, calls = privacy._erase, []

    def losing_once(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("SELECT ...", {}, _Deadlock("deadlock detected"))
        return real(*args, **kwargs)

    monkeypatch.setattr(privacy, "_erase", losing_once)
    report = privacy.erase_person(hub.engine, EMAIL, by="command line")
    assert len(calls) == 2 and ids["lead"] in report.leads
    # Anything else the database refuses is not run again.
    calls.clear()

    def failing(*_args: Any, **_kwargs: Any) -> Any:
        calls.append(1)
        raise OperationalError("SELECT ...", {}, Exception("disk I/O error"))

    monkeypatch.setattr(privacy, "_erase", failing)
    with pytest.raises(OperationalError):
        privacy.erase_person(hub.engine, "someone@example.com", by="command line")
    assert len(calls) == 1
