"""The blob store: collateral files on disk, named by their sha256, written atomically.

A file appears under its final name only after its bytes were verified and flushed to disk
(temp file + fsync + rename); a half-written or wrong upload is never visible.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

from fieldnote.filemodes import PRIVATE_DIR, private_dir, restrict_children

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


class BlobTooLarge(Exception):
    pass


class BlobMismatch(Exception):
    def __init__(self, actual: str) -> None:
        super().__init__(f"The uploaded bytes hash to {actual}")
        self.actual = actual


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

    def put_bytes(self, sha256: str, data: bytes) -> bool:
        """Store `data` under `sha256` (verified); return True if it was new."""
        actual = hashlib.sha256(data).hexdigest()
        if actual != sha256:
            raise BlobMismatch(actual)
        if self.exists(sha256):
            return False
        target = self.path(sha256)
        target.parent.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
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
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
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
