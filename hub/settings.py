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
# `serve` reads these when its option is not given (a systemd unit's environment file).
ENV_HOST = "FIELDNOTE_HUB_HOST"
ENV_PORT = "FIELDNOTE_HUB_PORT"
ENV_WORKERS = "FIELDNOTE_HUB_WORKERS"
ENV_TRUST_PROXY = "FIELDNOTE_HUB_TRUST_PROXY"  # addresses separated by commas or spaces
ENV_LOG_LEVEL = "FIELDNOTE_HUB_LOG_LEVEL"
ENV_LOG_FORMAT = "FIELDNOTE_HUB_LOG_FORMAT"  # text or json
ENV_DB_POOL = "FIELDNOTE_HUB_DB_POOL"  # database connections one worker process opens at most
# Seconds from a worker's start to its first run of the daily retention job (default 600).
ENV_RETENTION_FIRST = "FIELDNOTE_HUB_RETENTION_FIRST_S"
RETENTION_FIRST_S = 600.0


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


def resolve_db_pool(value: int | None = None) -> int | None:
    """The most database connections one worker process opens (None: the engine's default).
    A value that is not a positive whole number counts as unset; `serve` refuses it first."""
    if value is not None:
        return value
    text = os.environ.get(ENV_DB_POOL, "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def retention_first_problem() -> str | None:
    """What is wrong with the environment's retention start delay, or None (unset or fine)."""
    text = os.environ.get(ENV_RETENTION_FIRST, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 24 * 3600:
        return (f"${ENV_RETENTION_FIRST} is {text!r}, not a number of seconds from 0 to 86400")
    return None


def resolve_retention_first_s() -> float:
    """When `serve`'s workers first run the retention job, in seconds after start-up: the
    environment's value when it is a number from 0 to a day (`serve` refuses another first,
    `retention_first_problem`), else the default."""
    if retention_first_problem() is not None or not os.environ.get(ENV_RETENTION_FIRST, "").strip():
        return RETENTION_FIRST_S
    return float(os.environ[ENV_RETENTION_FIRST])


@dataclass(frozen=True)
class Limits:
    """What the API accepts; tests shrink some of these to reach the edges quickly."""

    token_days: float = 30.0
    max_json_bytes: int = 5 * 1024 * 1024 + 64 * 1024  # a full push plus envelope slack
    max_blob_bytes: int = 512 * 1024 * 1024
    # Sign-in attempts are counted before the password is checked (a successful one is
    # taken back); reaching a limit within the window locks the key: first for `lockout_s`,
    # doubling with each further attempt let through, up to the key's cap. The address is
    # checked first; the account's cap is short, so a stranger cannot keep its owner out long.
    account_failures: int = 5  # sign-in attempts per account before it is locked
    address_failures: int = 20  # sign-in attempts per client address before it is locked
    failure_window_s: float = 15 * 60
    lockout_s: float = 60.0
    account_lockout_max_s: float = 5 * 60
    address_lockout_max_s: float = 15 * 60
    # Password hashes (argon2id, 64 MiB each with the default cost) running at once in one
    # process; further sign-ins wait up to `hash_wait_s`, then get 429 with Retry-After.
    hash_concurrency: int = 4
    hash_wait_s: float = 10.0
    # "Already known?" look-ups per user within the window (GET /v1/leads/lookup); past it
    # 429 with Retry-After. A busy booth meets far fewer visitors an hour; a script walking a
    # list of addresses meets the limit at once.
    lookup_limit: int = 120
    lookup_window_s: float = 60 * 60


@dataclass(frozen=True)
class HubSettings:
    db_url: str
    blobs_dir: Path
    db_pool: int | None = None  # see `resolve_db_pool`
    limits: Limits = field(default_factory=Limits)
