"""The local SQLite cache: typed record tables, the outbox, sync state, full-text search."""

from pathlib import Path

from desktop.store.db import StoreError, open_engine
from desktop.store.records import SaveResult, Store

__all__ = ["SaveResult", "Store", "StoreError", "open_engine", "open_store"]


def open_store(path: Path, *, checked: bool = False) -> Store:
    """Open or create the store file at `path`, upgraded to the newest schema; `checked` says
    its integrity check already passed."""
    return Store(open_engine(path, checked=checked))
