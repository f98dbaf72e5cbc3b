"""Blob upload and download: hash verification, Range, ETag, HEAD, and who may fetch."""

from __future__ import annotations

import hashlib
import os

import requests

from fieldnote.ids import new_id
from tests.hub.client import SyncClient

PDF = b"%PDF-1.4\n" + os.urandom(200_000) + b"\n%%EOF\n"
SHA = hashlib.sha256(PDF).hexdigest()


def _put(person: SyncClient, data: bytes, sha: str = SHA) -> requests.Response:
    return person.http.put(f"{person.hub.url}/v1/blobs/{sha}", data=data, timeout=30)


def test_upload_verifies_the_hash_and_stores_once(people: dict[str, SyncClient]) -> None:
    marketer = people["marketer"]
    url = f"{marketer.hub.url}/v1/blobs/{SHA}"
    assert marketer.http.head(url, timeout=10).status_code == 404
    wrong = _put(marketer, PDF + b"x")
    assert wrong.status_code == 422
    assert wrong.headers["content-type"] == "application/problem+json"
    assert marketer.http.head(url, timeout=10).status_code == 404
    assert _put(marketer, PDF).status_code == 201
    assert _put(marketer, PDF).status_code == 200
    head = marketer.http.head(url, timeout=10)
    assert head.status_code == 200 and head.headers["Content-Length"] == str(len(PDF))
    # No half-written or temporary file is left beside the stored one.
    stored = [p for p in marketer.hub.blobs_dir.rglob("*") if p.is_file()]
    assert [p.name for p in stored] == [SHA]


def test_marketers_and_reps_proposing_material_upload_others_do_not(
        people: dict[str, SyncClient]) -> None:
    # Reps upload the file of material they propose (docs/roles.md); managers and admins never.
    for who in ("manager", "admin"):
        answer = _put(people[who], PDF)
        assert answer.status_code == 403
        assert "Only marketers" in answer.json()["title"] + answer.text
    assert _put(people["rep"], PDF).status_code in (200, 201)


def test_a_collateral_naming_a_missing_file_is_rejected(people: dict[str, SyncClient]) -> None:
    marketer = people["marketer"]
    answer = marketer.push_one("collateral", new_id(), {"title": "Sheet", "file_sha256": SHA})
    assert answer["status"] == "rejected"
    assert answer["problem"]["errors"][0]["field"] == "file_sha256"
    _put(marketer, PDF)
    assert marketer.push_one("collateral", new_id(), {"title": "Sheet", "file_sha256": SHA}
                             )["status"] == "applied"


def test_download_supports_etag_and_ranges(people: dict[str, SyncClient]) -> None:
    marketer, rep = people["marketer"], people["rep"]
    _put(marketer, PDF)
    marketer.push_one("collateral", new_id(), {"title": "Sheet", "status": "approved",
                                               "file_sha256": SHA})
    url = f"{rep.hub.url}/v1/blobs/{SHA}"
    full = rep.http.get(url, timeout=30)
    assert full.status_code == 200 and full.content == PDF
    assert full.headers["ETag"] == f'"{SHA}"' and full.headers["Accept-Ranges"] == "bytes"
    part = rep.http.get(url, headers={"Range": "bytes=100-"}, timeout=30)
    assert part.status_code == 206 and part.content == PDF[100:]
    assert part.headers["Content-Range"] == f"bytes 100-{len(PDF) - 1}/{len(PDF)}"
    middle = rep.http.get(url, headers={"Range": "bytes=10-19"}, timeout=30)
    assert middle.status_code == 206 and middle.content == PDF[10:20]
    tail = rep.http.get(url, headers={"Range": "bytes=-5"}, timeout=30)
    assert tail.content == PDF[-5:]
    beyond = rep.http.get(url, headers={"Range": f"bytes={len(PDF)}-"}, timeout=30)
    assert beyond.status_code == 416
    cached = rep.http.get(url, headers={"If-None-Match": f'"{SHA}"'}, timeout=30)
    assert cached.status_code == 304 and cached.content == b""


def test_a_file_is_downloaded_only_by_those_who_see_a_record_naming_it(
    people: dict[str, SyncClient],
) -> None:
    marketer, rep, rep2 = people["marketer"], people["rep"], people["rep2"]
    _put(marketer, PDF)
    url = f"{rep.hub.url}/v1/blobs/{SHA}"
    assert rep.http.get(url, timeout=30).status_code == 404  # no record names it yet
    assert marketer.http.get(url, timeout=30).status_code == 200  # marketers always
    marketer.push_one("collateral", new_id(), {"title": "East sheet", "status": "approved",
                                               "audience": ["east"], "file_sha256": SHA})
    assert rep.http.get(url, timeout=30).status_code == 200
    assert rep2.http.get(url, timeout=30).status_code == 404
    assert people["manager"].http.get(url, timeout=30).status_code == 200


def test_a_malformed_blob_name_is_not_found(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    for name in ("abc", SHA.upper(), "../" + SHA[:61]):
        answer = rep.http.get(f"{rep.hub.url}/v1/blobs/{name}", timeout=10)
        assert answer.status_code == 404


def test_head_answers_as_get_does_so_existence_and_size_never_leak(
    people: dict[str, SyncClient],
) -> None:
    marketer, rep, rep2 = people["marketer"], people["rep"], people["rep2"]
    _put(marketer, PDF)
    missing = hashlib.sha256(b"never uploaded").hexdigest()
    base = f"{rep.hub.url}/v1/blobs/"
    # A draft's file: the rep may not read it, so it looks exactly like a file that is not there.
    marketer.push_one("collateral", new_id(), {"title": "Draft", "status": "draft",
                                               "file_sha256": SHA})
    hidden, absent = rep.http.head(base + SHA, timeout=10), rep.http.head(base + missing, timeout=10)
    assert hidden.status_code == absent.status_code == 404
    assert hidden.content == b""

    def shown(answer: requests.Response) -> dict[str, str]:
        return {k.lower(): v for k, v in answer.headers.items() if k.lower() != "date"}

    assert shown(hidden) == shown(absent)
    assert shown(hidden)["content-length"] != str(len(PDF))
    assert shown(hidden) == shown(rep.http.get(base + missing, timeout=10))
    # Once a record the rep sees names it, HEAD says what GET would: 200, its size, ranges.
    marketer.push_one("collateral", new_id(), {"title": "East sheet", "status": "approved",
                                               "audience": ["east"], "file_sha256": SHA})
    seen = rep.http.head(base + SHA, timeout=10)
    assert seen.status_code == 200 and seen.headers["Content-Length"] == str(len(PDF))
    assert seen.headers["ETag"] == f'"{SHA}"'
    part = rep.http.head(base + SHA, headers={"Range": "bytes=10-19"}, timeout=10)
    assert part.status_code == 206 and part.headers["Content-Length"] == "10"
    assert rep2.http.head(base + SHA, timeout=10).status_code == 404
    # Whoever may upload checks before uploading: the same answers as their GET.
    assert marketer.http.head(base + SHA, timeout=10).status_code == 200
    assert marketer.http.head(base + missing, timeout=10).status_code == 404


def test_options_on_a_blob_lists_its_methods(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    url = f"{rep.hub.url}/v1/blobs/{SHA}"
    options = rep.http.options(url, timeout=10)
    assert options.status_code == 204
    assert {m.strip() for m in options.headers["Allow"].split(",")} >= {"GET", "HEAD", "PUT"}
    refused = rep.http.delete(url, timeout=10)
    assert refused.status_code == 405
    assert refused.headers["content-type"] == "application/problem+json"
    assert {m.strip() for m in refused.headers["Allow"].split(",")} >= {"GET", "HEAD", "PUT"}
