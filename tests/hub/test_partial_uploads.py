"""The blob store's partial uploads on their own: one lock per caller and file (several worker
processes share a blob directory), flushed pieces, verified completion by rename, and the
clean-up of what nobody finished."""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
import os
import time
from pathlib import Path

import pytest

from hub.blobs import PARTIAL_MAX_AGE_S, BlobStore, UploadBusy

DATA = os.urandom(300_000)
SHA = hashlib.sha256(DATA).hexdigest()
ANA, BEN = "0b0e7a1e-0000-4000-8000-00000000000a", "0b0e7a1e-0000-4000-8000-00000000000b"


async def _append(store: BlobStore, caller: str, piece: bytes) -> int:
    async with store.partial(caller, SHA) as part:
        part.append(piece)
        part.sync()
        return part.size


def test_pieces_add_up_per_caller_and_complete_by_rename(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    assert store.partial_size(ANA, SHA) == 0
    assert asyncio.run(_append(store, ANA, DATA[:1000])) == 1000
    assert asyncio.run(_append(store, BEN, DATA[:10])) == 10
    assert store.partial_size(ANA, SHA) == 1000 and store.partial_size(BEN, SHA) == 10

    async def finish() -> bool:
        async with store.partial(ANA, SHA) as part:
            part.append(DATA[1000:])
            assert part.digest() == SHA
            return part.complete()

    assert asyncio.run(finish()) is True
    assert store.path(SHA).read_bytes() == DATA
    assert store.partial_size(ANA, SHA) == 0
    # Ben's own partial is his until he finishes it; then his copy is not stored twice.

    async def ben_finishes() -> bool:
        async with store.partial(BEN, SHA) as part:
            part.append(DATA[10:])
            return part.complete()

    assert asyncio.run(ben_finishes()) is False
    files = sorted(p.relative_to(store.root).as_posix() for p in store.root.rglob("*")
                   if p.is_file())
    assert files == [f"{SHA[:2]}/{SHA}"]


def test_an_empty_partial_is_not_kept(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")

    async def look() -> None:
        async with store.partial(ANA, SHA):
            pass

    asyncio.run(look())
    assert not store.partial_path(ANA, SHA).exists()


def test_a_second_request_waits_for_the_first_then_is_told_busy(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")

    async def both() -> None:
        async with store.partial(ANA, SHA) as held:
            held.append(b"x")
            with pytest.raises(UploadBusy):
                async with store.partial(ANA, SHA, wait_s=0.2):
                    pass
            # Another caller's partial of the same file is not held.
            async with store.partial(BEN, SHA, wait_s=0.2) as other:
                assert other.size == 0

    asyncio.run(both())


def _hold_in_another_process(root: str, caller: str, sha: str, ready: object,
                             release: object) -> None:
    async def hold() -> None:
        async with BlobStore(Path(root)).partial(caller, sha) as part:
            part.append(b"held elsewhere")
            part.sync()
            ready.set()  # type: ignore[attr-defined]
            while not release.is_set():  # type: ignore[attr-defined]
                await asyncio.sleep(0.01)

    asyncio.run(hold())


def test_the_lock_holds_across_processes(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    context = multiprocessing.get_context("spawn")
    ready, release = context.Event(), context.Event()
    other = context.Process(target=_hold_in_another_process,
                            args=(str(store.root), ANA, SHA, ready, release))
    other.start()
    try:
        assert ready.wait(60)
        with pytest.raises(UploadBusy):
            asyncio.run(_append(store, ANA, b"more"))
        # The clean-up leaves a held partial alone, however old it looks.
        old = time.time() - PARTIAL_MAX_AGE_S - 60
        os.utime(store.partial_path(ANA, SHA), (old, old))
        assert store.remove_stale_partials() == 0
    finally:
        release.set()
        other.join(60)
    assert asyncio.run(_append(store, ANA, b"!")) == len(b"held elsewhere!")


def test_a_partial_untouched_for_a_week_is_removed_a_recent_one_kept(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    asyncio.run(_append(store, ANA, DATA[:100]))
    asyncio.run(_append(store, BEN, DATA[:100]))
    old = time.time() - PARTIAL_MAX_AGE_S - 60
    os.utime(store.partial_path(ANA, SHA), (old, old))
    # A whole upload a crash cut short leaves a temp file beside the stored ones.
    stray = store.root / SHA[:2] / ".upload-crashed"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"half")
    os.utime(stray, (old, old))
    assert store.remove_stale_partials() == 2
    assert store.partial_size(ANA, SHA) == 0 and not stray.exists()
    assert store.partial_size(BEN, SHA) == 100
    # Ana's folder went with her only partial.
    assert not store.partial_path(ANA, SHA).parent.exists()


def test_a_caller_or_name_that_is_no_folder_name_is_refused(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    for caller, sha in (("../etc", SHA), (ANA, "../" + SHA[3:]), ("", SHA)):
        with pytest.raises(ValueError):
            store.partial_path(caller, sha)
