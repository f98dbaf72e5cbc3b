"""A blob cache connected to the signed-in hub, for files the user opens before the sync
fetched them (items in review, files evicted by the cache limit).

Built on a worker when first needed (it reads the token); never on the UI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from desktop.settings import Settings
from desktop.store.records import Store
from desktop.sync.errors import SyncFailure

log = logging.getLogger(__name__)


def hub_file_cache(data_dir: Path, store: Store, settings: Settings | None) -> Any | None:
    """The hub-connected `BlobCache` of this data dir, or None when nobody is signed in."""
    from desktop.sync.session import build_engine

    try:
        engine = build_engine(data_dir, store, settings)
    except SyncFailure as exc:
        log.info("no hub for downloads: %s", exc.message)
        return None
    return engine.blobs
