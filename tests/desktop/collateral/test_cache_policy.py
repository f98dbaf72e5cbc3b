"""Which files stay on a device: pins always, the rest within the limit by last use; files of
retired, expired or replaced items go; a marketer's unsent files stay."""

from __future__ import annotations

from desktop.sync.blobs import BlobCache
from desktop.sync.cache_policy import CachePolicy, plan
from tests.desktop.collateral.conftest import put_blob, received

MB = 1024 * 1024


def sha(n: int) -> str:
    return f"{n:064x}"


def test_within_the_limit_the_least_recently_opened_unpinned_files_go_first(store, library):
    ids = {n: received(store, title=f"Item {n}", file_sha256=sha(n), file_size=10 * MB)
           for n in range(1, 5)}
    library.touch_opened(ids[1], "2026-11-20T10:00:00Z")
    library.touch_opened(ids[2], "2026-11-01T10:00:00Z")  # opened long ago
    library.touch_opened(ids[3], "2026-11-25T10:00:00Z")
    library.set_pinned(ids[2], True)
    cached = {sha(n): 10 * MB for n in range(1, 5)}
    result = plan(library, cached, 30 * MB)
    # Pinned 2 first, then 3 and 1 by last opening; 4 (never opened) does not fit.
    assert result.keep == [sha(2), sha(3), sha(1)]
    assert result.evict == [sha(4)]


def test_files_of_withdrawn_items_go_but_unsent_and_unlisted_files_stay(store, library):
    received(store, title="Current", file_sha256=sha(1), file_size=1)
    received(store, title="Retired", status="retired", file_sha256=sha(2), file_size=1)
    received(store, title="Expired", expires_on="2021-01-01", file_sha256=sha(3), file_size=1)
    library.publish({"title": "Not sent yet", "file_sha256": sha(4), "file_size": 1})
    cached = {sha(n): 1 for n in range(1, 6)}  # 5 is named by nothing here
    result = plan(library, cached, 10 * MB)
    assert sorted(result.evict) == [sha(2), sha(3)]


def test_the_policy_asks_the_engine_only_for_files_that_fit_and_tidies_the_rest(tmp_path, store, library):
    a = put_blob(tmp_path, b"a" * 1000)
    b = put_blob(tmp_path, b"b" * 1000)
    c = put_blob(tmp_path, b"c" * 1000)
    received(store, title="A", file_sha256=a, file_size=1000)
    second = received(store, title="B", file_sha256=b, file_size=1000)
    received(store, title="C", file_sha256=c, file_size=1000, status="retired")
    library.touch_opened(second)
    blobs = BlobCache(tmp_path / "blobs")
    policy = CachePolicy(library, limit_bytes=1500)
    assert policy.wanted([(a, 1000), (b, 1000)], blobs) == [(b, 1000)]
    removed = policy.tidy(blobs)
    assert sorted(removed) == sorted([a, c])
    assert sorted(blobs.cached()) == [b]
