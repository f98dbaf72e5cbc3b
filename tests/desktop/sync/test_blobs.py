"""Collateral files: uploaded before the record that names them, fetched resumably, verified
before use; a damaged file is discarded and fetched again, never handed out."""

from __future__ import annotations

import hashlib
import os
from urllib.parse import urlsplit

import pytest

from desktop.sync.state import Outcome
from tests.support.fault_proxy import FaultProxy

SIZE = 600_000


@pytest.fixture
def published(make_device, tmp_path):
    """A marketer published an approved sell sheet with a real file."""
    marketer = make_device("marketer", "marketer@example.com")
    src = tmp_path / "sheet.pdf"
    src.write_bytes(b"%PDF-1.4\n" + os.urandom(SIZE))
    sha, size = marketer.engine.blobs.add_file(src)
    cid = marketer.store.save("collateral", {
        "title": "Sell sheet", "status": "approved", "file_sha256": sha, "file_size": size,
        "file_name": "sheet.pdf", "mime_type": "application/pdf",
    }).record_id
    report = marketer.run()
    assert (report.outcome, report.applied, report.attention) == (Outcome.OK, 1, 0), report
    return sha, cid, src.read_bytes()


def test_an_interrupted_download_resumes_where_it_stopped(make_device, hub, published):
    sha, _cid, data = published
    parts = urlsplit(hub.url)
    with FaultProxy((parts.hostname, parts.port)) as proxy:
        rep = make_device("rep", url=proxy.url)
        blob_get = f"GET /v1/blobs/{sha}"

        def policy(line, headers, _body):
            return "truncate" if line.startswith(blob_get) and "range" not in headers else "pass"

        proxy.policy = policy
        first = rep.run()
        assert first.outcome is Outcome.OFFLINE
        part = rep.engine.blobs.root / f"{sha}.part"
        partial = part.stat().st_size
        assert 0 < partial < len(data)
        assert rep.engine.blobs.path_if_verified(sha) is None
        second = rep.run()
        assert second.outcome is Outcome.OK, second.message
        assert second.blobs_fetched == 1
        ranged = [s for s in proxy.log if s.request_line.startswith(blob_get) and "range" in s.headers]
        assert ranged and ranged[0].headers["range"] == f"bytes={partial}-"
    path = rep.engine.blobs.path_if_verified(sha)
    assert path is not None and path.read_bytes() == data
    assert not part.exists()


def test_a_damaged_cached_file_is_discarded_and_fetched_again(make_device, published):
    sha, _cid, data = published
    rep = make_device("rep")
    assert rep.run().blobs_fetched == 1
    path = rep.engine.blobs.root / sha
    damaged = bytearray(path.read_bytes())
    damaged[1000] ^= 0xFF
    path.write_bytes(bytes(damaged))
    assert rep.engine.blobs.path_if_verified(sha) is None
    assert not path.exists()  # gone before anyone could open it
    again = rep.run()
    assert again.blobs_fetched == 1
    assert rep.engine.blobs.path_if_verified(sha).read_bytes() == data


def test_a_file_just_added_is_not_evicted_before_its_record_is_saved(make_device, tmp_path):
    marketer = make_device("marketer", "marketer@example.com")
    src = tmp_path / "new.pdf"
    src.write_bytes(b"%PDF-1.4 new deck")
    sha, _size = marketer.engine.blobs.add_file(src)
    marketer.run()  # no record names the file yet
    assert marketer.engine.blobs.path_if_verified(sha) is not None


def test_bytes_that_do_not_match_are_never_kept(make_device, hub, published):
    sha, _cid, data = published
    served = hub.blobs_dir.rglob(sha)
    hub_file = next(p for p in served if p.is_file())
    hub_file.write_bytes(b"not the file at all")
    rep = make_device("rep")
    report = rep.run()
    assert report.blobs_failed == 1 and report.blobs_fetched == 0
    assert rep.engine.blobs.path_if_verified(sha) is None
    assert list(rep.engine.blobs.root.iterdir()) == []
    hub_file.write_bytes(data)
    assert hashlib.sha256(hub_file.read_bytes()).hexdigest() == sha
    assert rep.run().blobs_fetched == 1


def test_a_file_no_record_names_any_more_is_evicted(make_device, published):
    sha, cid, _data = published
    rep = make_device("rep")
    rep.run()
    assert rep.engine.blobs.path_if_verified(sha) is not None
    marketer = make_device("marketer2", "marketer@example.com")
    marketer.run()
    marketer.store.save("collateral", {"status": "retired"}, cid)
    marketer.run()
    rep.engine.blobs.grace_s = 0  # as if the file had been cached an hour ago
    report = rep.run()
    assert report.blobs_evicted == 1
    assert rep.engine.blobs.path_if_verified(sha) is None
