"""The blob store: the files records name (collateral, consent signatures, attachments of
leads) on disk, named by their sha256, written atomically.

A file appears under its final name only after its bytes were verified and flushed to disk
(temp file + fsync + rename); a half-written or wrong upload is never visible.

A resumable upload (`PATCH /v1/blobs/{sha}`) grows a partial file per caller and file under
`.partial/<caller id>/<sha256>`: each piece is appended and flushed to disk before the hub
answers its new offset, under an exclusive lock on the partial (several worker processes may
serve one blob directory), and the complete file is verified and renamed into place. Partials
untouched for `PARTIAL_MAX_AGE_S` are removed by the hub's daily job.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import logging
import os
import re
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

from fieldnote.filemodes import PRIVATE_DIR, private_dir, restrict_children
from fieldnote.kinds import KINDS
from fieldnote.privacy import ATTACHMENT_SUFFIX

log = logging.getLogger(__name__)

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
# Who a partial upload belongs to: a user id (a UUID), used as a folder name.
_CALLER_RE = re.compile(r"^[0-9a-zA-Z-]{1,64}$")
PARTIALS = ".partial"
PARTIAL_MAX_AGE_S = 7 * 24 * 3600.0
# How long a piece waits for another request appending to the same partial (a client that
# retried while its first request is still being read) before it is answered 409.
LOCK_WAIT_S = 10.0
_TEMP_PREFIX = ".upload-"


@functools.cache
def file_fields() -> dict[str, tuple[str, ...]]:
    """The fields of each record kind that name a stored file by its sha256 (their names end
    in `fieldnote.privacy.ATTACHMENT_SUFFIX`): a collateral document, a lead's consent
    signature, the file of a voice note or photo on a lead."""
    found = {kind: tuple(n for n in spec.field_names if n.endswith(ATTACHMENT_SUFFIX))
             for kind, spec in KINDS.items()}
    return {kind: names for kind, names in found.items() if names}


# A stored file's size and first bytes, or None when the hub does not have it.
BlobHead = Callable[[str], "tuple[int, bytes] | None"]


class BlobTooLarge(Exception):
    pass


class BlobMismatch(Exception):
    def __init__(self, actual: str) -> None:
        super().__init__(f"The uploaded bytes hash to {actual}")
        self.actual = actual


class UploadBusy(Exception):
    """Another request holds this caller's partial upload of the file."""


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        private_dir(self.root)
        restrict_children(self.root)

    def path(self, sha256: str) -> Path:
        if not SHA256_RE.match(sha256):
            raise ValueError("not a sha256")
        return self.root / sha256[:2] / sha256

    def exists(self, sha256: str) -> bool:
        return bool(SHA256_RE.match(sha256 or "")) and self.path(sha256).is_file()

    def size(self, sha256: str) -> int:
        return self.path(sha256).stat().st_size

    def head(self, sha256: str, n: int = 64) -> tuple[int, bytes] | None:
        """The stored file's size and first `n` bytes, or None when it is not here."""
        if not self.exists(sha256):
            return None
        try:
            with self.path(sha256).open("rb") as fh:
                return os.fstat(fh.fileno()).st_size, fh.read(n)
        except FileNotFoundError:
            return None

    def put_bytes(self, sha256: str, data: bytes) -> bool:
        """Store `data` under `sha256` (verified); return True if it was new."""
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha256:
            raise BlobMismatch(actual)
        if self.exists(sha256):
            return False
        target = self.path(sha256)
        target.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=_TEMP_PREFIX)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)
        return True

    async def put_stream(self, sha256: str, chunks: AsyncIterator[bytes], limit: int) -> bool:
        """Stream an upload to a temp file, verify it and move it into place; True if new."""
        target = self.path(sha256)
        target.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=_TEMP_PREFIX)
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(fd, "wb") as fh:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > limit:
                        raise BlobTooLarge()
                    digest.update(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            actual = digest.hexdigest()
            if actual != sha256:
                raise BlobMismatch(actual)
            if target.is_file():
                Path(tmp).unlink(missing_ok=True)
                return False
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_dir(target.parent)
        return True

    # -- resumable uploads --------------------------------------------------------------------

    def partial_path(self, caller: str, sha256: str) -> Path:
        if not SHA256_RE.match(sha256) or not _CALLER_RE.match(caller):
            raise ValueError("not a caller and sha256")
        return self.root / PARTIALS / caller.lower() / sha256

    def partial_size(self, caller: str, sha256: str) -> int:
        """The bytes of this caller's unfinished upload of the file (0 when there is none)."""
        try:
            return self.partial_path(caller, sha256).stat().st_size
        except FileNotFoundError:
            return 0

    @asynccontextmanager
    async def partial(self, caller: str, sha256: str,
                      wait_s: float = LOCK_WAIT_S) -> AsyncIterator[PartialUpload]:
        """This caller's partial upload of the file (created empty when there is none), held
        under its exclusive lock; `UploadBusy` when another request keeps it past `wait_s`."""
        path = self.partial_path(caller, sha256)
        private_dir(path.parent)
        deadline = time.monotonic() + wait_s
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
            if _try_lock(fd):
                if _same_file(fd, path):
                    break
                # A completed upload moved it away, or the clean-up removed it, while this
                # request waited: start over on the file now at that path.
                os.close(fd)
                continue
            os.close(fd)
            if time.monotonic() >= deadline:
                raise UploadBusy()
            await asyncio.sleep(0.05)
        upload = PartialUpload(self, sha256, path, fd)
        try:
            yield upload
        finally:
            upload.close()

    def remove_stale_partials(self, max_age_s: float = PARTIAL_MAX_AGE_S,
                              now: float | None = None) -> int:
        """Remove partial uploads (and temp files of whole uploads a crash left behind) not
        written for `max_age_s`; one a request holds right now is left alone. Returns how
        many were removed."""
        cutoff = (time.time() if now is None else now) - max_age_s
        removed = 0
        for path in self._leftovers():
            try:
                if path.stat().st_mtime >= cutoff:
                    continue
                fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            except OSError:
                continue
            try:
                if not _try_lock(fd) or not _same_file(fd, path) \
                        or os.fstat(fd).st_mtime >= cutoff:
                    continue
                if sys.platform == "win32":  # pragma: no cover - an open file stays there
                    os.close(fd)
                    fd = -1
                path.unlink(missing_ok=True)
                removed += 1
            finally:
                if fd >= 0:
                    os.close(fd)
        callers = self.root / PARTIALS
        if callers.is_dir():
            for folder in callers.iterdir():
                try:
                    folder.rmdir()  # only when empty
                except OSError:
                    pass
        if removed:
            log.info("removed %d unfinished uploads untouched for %.0f days", removed,
                     max_age_s / 86400)
        return removed

    def remove_partials_of(self, sha256: str, remove: Callable[[Path], None]) -> int:
        """Remove every caller's unfinished upload of this file with `remove` (an erased
        person's file is overwritten first); one a request holds right now is left to it."""
        partials = self.root / PARTIALS
        if not SHA256_RE.match(sha256) or not partials.is_dir():
            return 0
        removed = 0
        for path in partials.glob(f"*/{sha256}"):
            try:
                fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            except OSError:
                continue
            try:
                if _try_lock(fd) and _same_file(fd, path):
                    if sys.platform == "win32":  # pragma: no cover - an open file stays there
                        os.close(fd)
                        fd = -1
                    remove(path)
                    removed += 1
            finally:
                if fd >= 0:
                    os.close(fd)
        return removed

    def _leftovers(self) -> Iterator[Path]:
        partials = self.root / PARTIALS
        if partials.is_dir():
            for folder in partials.iterdir():
                if folder.is_dir():
                    yield from (p for p in folder.iterdir() if SHA256_RE.match(p.name))
        for folder in self.root.iterdir():
            if len(folder.name) == 2 and folder.is_dir():
                yield from folder.glob(f"{_TEMP_PREFIX}*")


class PartialUpload:
    """One caller's unfinished upload of one file, while its request holds the lock."""

    def __init__(self, store: BlobStore, sha256: str, path: Path, fd: int) -> None:
        self.store, self.sha256, self.path = store, sha256, path
        self._fd = fd
        self.size = os.fstat(fd).st_size
        self.gone = False

    def head(self, n: int) -> bytes:
        return os.pread(self._fd, n, 0) if hasattr(os, "pread") else self._read_at(0, n)

    def _read_at(self, offset: int, n: int) -> bytes:  # pragma: no cover - Windows
        os.lseek(self._fd, offset, os.SEEK_SET)
        return os.read(self._fd, n)

    def append(self, data: bytes) -> None:
        os.lseek(self._fd, self.size, os.SEEK_SET)
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
            self.size += written

    def sync(self) -> None:
        """Flush what was appended to disk: the offset the hub answers is kept."""
        os.fsync(self._fd)

    def digest(self) -> str:
        digest = hashlib.sha256()
        os.lseek(self._fd, 0, os.SEEK_SET)
        while chunk := os.read(self._fd, 1024 * 1024):
            digest.update(chunk)
        return digest.hexdigest()

    def discard(self) -> None:
        self._release()
        self.path.unlink(missing_ok=True)
        self.gone = True

    def complete(self) -> bool:
        """Move the verified bytes into place under their hash; True when the file is new
        (another caller may have stored the same file meanwhile: then this copy goes)."""
        self.sync()
        target = self.store.path(self.sha256)
        if target.is_file():
            self.discard()
            return False
        target.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        if sys.platform == "win32":  # pragma: no cover - an open file cannot be renamed there
            self._release()
        os.replace(self.path, target)
        self.gone = True
        _fsync_dir(target.parent)
        _fsync_dir(self.path.parent)
        return True

    def _release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def close(self) -> None:
        """Let go of the lock; an empty partial (nothing was appended) is not kept."""
        if not self.gone and self.size == 0:
            self.path.unlink(missing_ok=True)
        self._release()


def _try_lock(fd: int) -> bool:
    """Take an exclusive lock on the open file without waiting; False when another holds it.
    The lock goes with the descriptor."""
    try:
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (held.st_dev, held.st_ino)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
