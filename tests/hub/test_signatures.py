"""A visitor's consent signature on the hub, over real HTTP on SQLite and PostgreSQL: whoever
captures leads uploads it (a small PNG, nothing else), only those who see the lead read it, it
is in the person's export whole and gone from the blob directory after the person's erasure."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from fieldnote.consent import given_statement
from fieldnote.ids import new_id
from hub.cli import main
from tests.hub.client import SyncClient, lead_fields

EMAIL = "visitor.signed@example.com"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"a hand drawn line" * 20
SHA = hashlib.sha256(PNG).hexdigest()


def _put(person: SyncClient, data: bytes, sha: str = SHA) -> int:
    return person.http.put(f"{person.hub.url}/v1/blobs/{sha}", data=data, timeout=30).status_code


def _signed_lead(rep: SyncClient) -> str:
    assert _put(rep, PNG) == 201
    lead_id = new_id()
    answer = rep.push_one("lead", lead_id, lead_fields(
        email=EMAIL, source="kiosk",
        **given_statement(None, "signature", "2026-11-24T10:15:00Z", SHA)))
    assert answer["status"] == "applied", answer
    return lead_id


def test_whoever_captures_leads_uploads_a_signature(people: dict[str, SyncClient]) -> None:
    rep, manager = people["rep"], people["manager"]
    # Managers capture no leads (nor propose collateral), so they upload no signature either.
    assert _put(manager, PNG) == 403
    assert _put(rep, PNG) == 201
    assert _put(rep, PNG) == 200


def test_only_who_sees_the_lead_reads_its_signature(people: dict[str, SyncClient]) -> None:
    rep, rep2, marketer = people["rep"], people["rep2"], people["marketer"]
    _signed_lead(rep)
    url = f"{rep.hub.url}/v1/blobs/{SHA}"
    mine = rep.http.get(url, timeout=30)
    assert mine.status_code == 200 and mine.content == PNG
    assert marketer.http.get(url, timeout=30).content == PNG
    assert rep2.http.get(url, timeout=30).status_code == 404


def test_the_signature_is_in_the_export_and_gone_after_erasure(
        people: dict[str, SyncClient], tmp_path: Path) -> None:
    rep, admin = people["rep"], people["admin"]
    lead_id = _signed_lead(rep)
    hub = rep.hub
    stored = hub.blobs_dir / SHA[:2] / SHA
    assert stored.read_bytes() == PNG
    out = tmp_path / "person.json"
    assert main(["person", "export", "--email", EMAIL, "-o", str(out), "--db", hub.db_url,
                 "--blobs", str(hub.blobs_dir)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    [lead] = document["leads"]
    assert lead["id"] == lead_id and lead["fields"]["source"] == "kiosk"
    [attachment] = lead["attachments"]
    assert attachment["field"] == "consent_signature_sha256" and attachment["sha256"] == SHA
    assert base64.b64decode(attachment["content_base64"]) == PNG
    # The admins' export in the app holds it too.
    answer = admin.http.post(f"{hub.url}/v1/admin/person/export", json={"email": EMAIL},
                             timeout=60)
    assert answer.status_code == 200, answer.text
    [over_http] = answer.json()["leads"][0]["attachments"]
    assert base64.b64decode(over_http["content_base64"]) == PNG

    erased = admin.http.post(f"{hub.url}/v1/admin/person/erase", json={"email": EMAIL},
                             timeout=60)
    assert erased.status_code == 200, erased.text
    assert erased.json()["files_removed"] == 1
    assert not stored.exists()
    fields = rep.visible("lead")[("lead", lead_id)]["fields"]
    assert fields["consent_signature_sha256"] is None and fields["source"] == "kiosk"
    assert rep.http.get(f"{hub.url}/v1/blobs/{SHA}", timeout=30).status_code == 404
