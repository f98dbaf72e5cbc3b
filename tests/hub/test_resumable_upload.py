"""Uploading a file in pieces over real HTTP, on SQLite and PostgreSQL: `HEAD …/upload` says
where a caller's upload stands, `PATCH` adds the next piece; a connection cut anywhere loses
nothing that was answered, a wrong offset is 409, a file past its type's size 413, a type the
caller may not upload 403, bytes hashing to something else 422; two people uploading the same
file each finish, and the file is stored once."""

from __future__ import annotations

import hashlib
import os
import random
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldnote import attachments, roles
from fieldnote.wire import PROTOCOL_HEADER, PROTOCOL_VERSION
from hub.blobs import PARTIAL_MAX_AGE_S
from hub.retention import RetentionWorker
from tests.hub.client import SyncClient

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + random.Random(7).randbytes(150_000)
JPEG_SHA = hashlib.sha256(JPEG).hexdigest()
M4A = b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00" + random.Random(8).randbytes(60_000)
PDF = b"%PDF-1.4\n" + random.Random(9).randbytes(40_000) + b"\n%%EOF\n"


def _url(person: SyncClient, sha: str, upload: bool = False) -> str:
    return f"{person.hub.url}/v1/blobs/{sha}" + ("/upload" if upload else "")


def _where(person: SyncClient, sha: str) -> requests.Response:
    return person.http.head(_url(person, sha, upload=True), timeout=30)


def _piece(person: SyncClient, sha: str, offset: int, total: int, body: bytes
           ) -> requests.Response:
    return person.http.patch(_url(person, sha), data=body, timeout=60, headers={
        "Upload-Offset": str(offset), "Upload-Length": str(total),
        "Content-Type": "application/offset+octet-stream"})


def _cut_piece(person: SyncClient, sha: str, offset: int, total: int, body: bytes,
               sent: int) -> None:
    """A piece whose connection ends after `sent` of its bytes (a train into a tunnel)."""
    where = urlsplit(person.hub.url)
    head = (f"PATCH /v1/blobs/{sha} HTTP/1.1\r\nHost: {where.netloc}\r\n"
            f"Authorization: {person.http.headers['Authorization']}\r\n"
            f"{PROTOCOL_HEADER}: {PROTOCOL_VERSION}\r\n"
            f"Upload-Offset: {offset}\r\nUpload-Length: {total}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    with socket.create_connection((where.hostname, where.port), timeout=30) as conn:
        conn.sendall(head + body[:sent])
        conn.shutdown(socket.SHUT_RDWR)


def upload(person: SyncClient, data: bytes, cuts: list[int], *, cut_inside: bool = False
           ) -> requests.Response:
    """Send `data` in pieces ending at `cuts`, as a device does: ask where the upload stands,
    send from there; with `cut_inside`, each piece's connection first breaks halfway."""
    sha = hashlib.sha256(data).hexdigest()
    ends = sorted({c for c in cuts if 0 < c < len(data)} | {len(data)})
    for end in ends:
        cut = cut_inside
        for _attempt in range(20):
            where = _where(person, sha)
            assert where.status_code == 204, where.text
            offset = int(where.headers["Upload-Offset"])
            if offset >= end:
                break
            body = data[offset:end]
            if cut and len(body) > 1:
                _cut_piece(person, sha, offset, len(data), body, len(body) // 2)
                cut = False
                continue
            answer = _piece(person, sha, offset, len(data), body)
            if answer.status_code == 409:  # a cut piece's request still ending: go on from it
                continue
            if end == len(data):
                return answer
            assert answer.status_code == 204, answer.text
            assert int(answer.headers["Upload-Offset"]) == end
            break
    raise AssertionError("the upload did not finish")


def _no_partials(hub_blobs: Path) -> list[str]:
    return [p.name for p in (hub_blobs / ".partial").rglob("*") if p.is_file()]


@settings(max_examples=12, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32), size=st.integers(1, 300_000),
       cuts=st.lists(st.floats(0, 1), max_size=6), cut_inside=st.booleans())
def test_a_file_sent_in_pieces_cut_anywhere_arrives_whole(
        people: dict[str, SyncClient], seed: int, size: int, cuts: list[float],
        cut_inside: bool) -> None:
    marketer = people["marketer"]
    data = random.Random(seed).randbytes(size)
    sha = hashlib.sha256(data).hexdigest()
    stored = marketer.hub.blobs_dir / sha[:2] / sha
    new = not stored.exists()  # hypothesis may run an example again
    answer = upload(marketer, data, [int(c * size) for c in cuts], cut_inside=cut_inside)
    assert answer.status_code == (201 if new else 200), answer.text
    assert answer.headers["ETag"] == f'"{sha}"'
    assert stored.read_bytes() == data
    assert sha not in _no_partials(marketer.hub.blobs_dir)
    where = _where(marketer, sha)
    assert where.headers["Upload-Complete"] == "?1" and where.headers["Upload-Offset"] == "0"


def test_a_piece_at_the_wrong_offset_is_409_with_the_offset_held(
        people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    assert _where(rep, JPEG_SHA).headers["Upload-Offset"] == "0"
    assert _piece(rep, JPEG_SHA, 0, len(JPEG), JPEG[:5000]).status_code == 204
    for offset in (0, 4999, 5001, len(JPEG)):
        answer = _piece(rep, JPEG_SHA, offset, len(JPEG), JPEG[offset:offset + 10])
        assert answer.status_code == 409, (offset, answer.text)
        assert answer.headers["Upload-Offset"] == "5000"
        assert answer.headers["content-type"] == "application/problem+json"
        assert answer.json()["offset"] == 5000
    # Another caller's upload of the same file is their own.
    assert _where(people["rep2"], JPEG_SHA).headers["Upload-Offset"] == "0"
    assert _piece(rep, JPEG_SHA, 5000, len(JPEG), JPEG[5000:]).status_code == 201


def test_a_piece_past_the_length_or_too_big_is_refused_and_loses_nothing(
        people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    assert _piece(rep, JPEG_SHA, 0, 100, JPEG[:101]).status_code == 400
    assert _piece(rep, JPEG_SHA, 0, len(JPEG), JPEG[:100]).status_code == 204
    big = _piece(rep, JPEG_SHA, 100, 20 * 1024 * 1024, b"\0" * (8 * 1024 * 1024 + 1))
    assert big.status_code == 413
    assert _where(rep, JPEG_SHA).headers["Upload-Offset"] == "100"
    missing = rep.http.patch(_url(rep, JPEG_SHA), data=b"x", timeout=30)
    assert missing.status_code == 422
    assert {e["field"] for e in missing.json()["errors"]} == {"header.upload-offset",
                                                              "header.upload-length"}


def test_bytes_that_hash_to_another_name_are_422_and_the_partial_goes(
        people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    wrong = JPEG[:-1] + b"?"
    assert _piece(rep, JPEG_SHA, 0, len(JPEG), wrong[:1000]).status_code == 204
    answer = _piece(rep, JPEG_SHA, 1000, len(JPEG), wrong[1000:])
    assert answer.status_code == 422 and "hash" in answer.json()["title"].lower()
    assert _where(rep, JPEG_SHA).headers["Upload-Offset"] == "0"
    assert not (rep.hub.blobs_dir / JPEG_SHA[:2] / JPEG_SHA).exists()
    assert _no_partials(rep.hub.blobs_dir) == []


def test_a_file_the_hub_has_is_verified_before_it_says_so(people: dict[str, SyncClient]) -> None:
    rep, rep2 = people["rep"], people["rep2"]
    assert upload(rep, JPEG, [70_000]).status_code == 201
    # rep2 may not read it (no record of theirs names it): no shortcut, only the bytes tell.
    where = _where(rep2, JPEG_SHA)
    assert where.status_code == 204 and "Upload-Complete" not in where.headers
    assert _piece(rep2, JPEG_SHA, 0, len(JPEG), JPEG[:-1] + b"!").status_code == 422
    assert upload(rep2, JPEG, [1, 2, 3]).status_code == 200


def test_two_people_upload_the_same_file_at_once(people: dict[str, SyncClient]) -> None:
    rep, marketer = people["rep"], people["marketer"]
    cuts = list(range(10_000, len(JPEG), 10_000))
    answers: dict[str, int] = {}
    barrier = threading.Barrier(2)

    def send(key: str, person: SyncClient) -> None:
        barrier.wait()
        answers[key] = upload(person, JPEG, cuts).status_code

    threads = [threading.Thread(target=send, args=(k, p)) for k, p in
               (("rep", rep), ("marketer", marketer))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert sorted(answers.values()) in ([200, 201], [201, 201]), answers
    assert (rep.hub.blobs_dir / JPEG_SHA[:2] / JPEG_SHA).read_bytes() == JPEG
    assert _no_partials(rep.hub.blobs_dir) == []


def test_a_whole_upload_and_the_methods_of_the_paths(people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    options = rep.http.options(_url(rep, JPEG_SHA), timeout=30)
    assert options.status_code == 204 and "PATCH" in options.headers["Allow"]
    post = rep.http.post(_url(rep, JPEG_SHA), timeout=30)
    assert post.status_code == 405 and post.headers["Allow"] == options.headers["Allow"]
    on_upload = rep.http.get(_url(rep, JPEG_SHA, upload=True), timeout=30)
    assert on_upload.status_code == 405 and on_upload.headers["Allow"] == "HEAD, OPTIONS"
    # Managers capture nothing and add no voice notes or photos: nothing to upload.
    manager = people["manager"]
    assert _where(manager, JPEG_SHA).status_code == 403
    assert _piece(manager, JPEG_SHA, 0, len(JPEG), JPEG).status_code == 403


@pytest.fixture
def attaching_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Reps may add voice notes and photos but no longer upload collateral: the upload rule
    for a role that attaches files and nothing else, read from the policy as always."""
    row = dict(roles.ACTIONS[("collateral", "upload")])
    row["rep"] = roles.Deny("no collateral in this test")
    monkeypatch.setitem(roles.ACTIONS, ("collateral", "upload"), row)  # type: ignore[arg-type]
    assert roles.cell("lead_attachment", "upload", "rep") == roles.Allow()
    yield


@pytest.mark.usefixtures("attaching_only")
def test_who_only_attaches_uploads_only_voice_notes_and_photos_up_to_their_size(
        people: dict[str, SyncClient]) -> None:
    rep = people["rep"]
    pdf_sha = hashlib.sha256(PDF).hexdigest()
    # Another type is refused as soon as its first bytes show it, whole or in pieces.
    refused = rep.http.put(_url(rep, pdf_sha), data=PDF, timeout=30)
    assert refused.status_code == 403 and "voice note" in refused.json()["detail"]
    assert _piece(rep, pdf_sha, 0, len(PDF), PDF[:3]).status_code == 204  # not told yet
    assert _piece(rep, pdf_sha, 3, len(PDF), PDF[3:5000]).status_code == 403
    assert _where(rep, pdf_sha).headers["Upload-Offset"] == "0"
    # A voice note past its size, and a photo past its size, whatever the pieces say.
    voice_limit = attachments.max_bytes("audio/mp4")
    m4a_sha = hashlib.sha256(M4A).hexdigest()
    too_long = _piece(rep, m4a_sha, 0, voice_limit + 1, M4A[:1000])
    assert too_long.status_code == 413 and f"{voice_limit:,}" in too_long.json()["detail"]
    assert _where(rep, m4a_sha).headers["Upload-Offset"] == "0"
    assert _piece(rep, JPEG_SHA, 0, attachments.max_bytes("image/jpeg") + 1,
                  JPEG[:10]).status_code == 413
    big_put = rep.http.put(_url(rep, m4a_sha), timeout=30,
                           data=M4A + b"\0" * (voice_limit - len(M4A) + 1))
    assert big_put.status_code == 413
    # A consent signature is still a small PNG, a photo may be a bigger one.
    assert upload(rep, M4A, [5, 17, 20_000]).status_code == 201
    assert upload(rep, JPEG, [10]).status_code == 201
    assert rep.http.put(_url(rep, m4a_sha), data=M4A, timeout=30).status_code == 200


def test_partials_untouched_for_a_week_go_with_the_daily_job(people: dict[str, SyncClient]
                                                            ) -> None:
    rep, rep2 = people["rep"], people["rep2"]
    assert _piece(rep, JPEG_SHA, 0, len(JPEG), JPEG[:1000]).status_code == 204
    assert _piece(rep2, JPEG_SHA, 0, len(JPEG), JPEG[:2000]).status_code == 204
    hub = rep.hub
    [old] = [p for p in (hub.blobs_dir / ".partial").rglob(JPEG_SHA)
             if p.stat().st_size == 1000]
    stamp = time.time() - PARTIAL_MAX_AGE_S - 3600
    os.utime(old, (stamp, stamp))
    worker = RetentionWorker(hub.engine, hub.blobs_dir, first_s=0, every_s=3600)
    worker.start()
    try:
        assert worker.cleaned.wait(30)
    finally:
        worker.stop()
    assert not old.exists()
    assert _where(rep, JPEG_SHA).headers["Upload-Offset"] == "0"
    assert _where(rep2, JPEG_SHA).headers["Upload-Offset"] == "2000"
