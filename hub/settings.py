"""Hub settings: where the database and blobs live and the limits the API enforces.

Values come from arguments, then `FIELDNOTE_HUB_*` environment variables, then defaults in
the platform's user data directory; nothing here opens a database or a socket.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

APP_DIR_NAME = "Fieldnote Hub"
ENV_DB = "FIELDNOTE_HUB_DB"
ENV_BLOBS = "FIELDNOTE_HUB_BLOBS"


def default_data_dir() -> Path:
    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def default_db_url() -> str:
    return f"sqlite:///{default_data_dir() / 'hub.sqlite3'}"


def resolve_db_url(value: str | None) -> str:
    return value or os.environ.get(ENV_DB) or default_db_url()


def resolve_blobs_dir(value: str | os.PathLike[str] | None, db_url: str | None = None) -> Path:
    if value:
        return Path(value)
    env = os.environ.get(ENV_BLOBS)
    if env:
        return Path(env)
    return default_data_dir() / "blobs"


@dataclass(frozen=True)
class Limits:
    """What the API accepts; tests shrink some of these to reach the edges quickly."""

    token_days: float = 30.0
    max_json_bytes: int = 5 * 1024 * 1024 + 64 * 1024  # a full push plus envelope slack
    max_blob_bytes: int = 512 * 1024 * 1024
    account_failures: int = 5  # failed logins per account before it is throttled
    address_failures: int = 20  # failed logins per client address before it is throttled
    failure_window_s: float = 15 * 60
    lockout_s: float = 60.0  # first lockout; doubles per further failure, capped below
    lockout_max_s: float = 15 * 60


@dataclass(frozen=True)
class HubSettings:
    db_url: str
    blobs_dir: Path
    limits: Limits = field(default_factory=Limits)
