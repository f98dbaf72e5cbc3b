"""A real hub on a loopback port for tests of any package: fresh database, its own blob
directory, and shortcuts to add users and sign in.

SQLite gets a new file; PostgreSQL gets a new schema that is dropped when the hub stops, so
tests can run in parallel processes against one server.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests
from sqlalchemy import Engine, create_engine, text

from fieldnote.wire import PROTOCOL_HEADER, PROTOCOL_VERSION
from hub import accounts
from hub.db.engine import make_engine
from hub.embedded import EmbeddedHub, start_embedded
from hub.settings import Limits

PG_ENV = "FIELDNOTE_TEST_PG"


def database_params() -> list[Any]:
    """Parameters for a fixture that runs a live hub on each database: SQLite (None) always,
    and PostgreSQL (its URL) when FIELDNOTE_TEST_PG gives one, skipped otherwise."""
    import os

    import pytest

    pg = os.environ.get(PG_ENV)
    return [pytest.param(None, id="sqlite"),
            pytest.param(pg, id="postgresql", marks=[pytest.mark.pg, pytest.mark.skipif(
                not pg, reason=f"set {PG_ENV} to a PostgreSQL URL to run these")])]

# Test passwords need no protection against offline guessing; cheap hashes keep tests fast.
accounts.set_password_cost(time_cost=1, memory_cost_kib=8 * 1024)
DEFAULT_PASSWORD = "correct horse battery"


@dataclass
class LiveHub:
    """A running hub; `url` is its base address (no trailing slash)."""

    url: str
    db_url: str
    blobs_dir: Path
    engine: Engine
    _embedded: EmbeddedHub
    _cleanup: list[Any] = field(default_factory=list)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add_user(
        self, email: str, name: str, role: str, team: str | None = None,
        password: str = DEFAULT_PASSWORD,
    ) -> dict[str, Any]:
        actor = accounts.add_user(
            self.engine, email=email, name=name, role=role, team=team, password=password
        )
        user = {"id": actor.id, "email": actor.email, "name": actor.name, "role": actor.role,
                "team": actor.team, "password": password}
        self.users[email] = user
        return user

    def token_for(self, email: str, password: str | None = None) -> str:
        if password is None:
            password = self.users.get(email, {}).get("password", DEFAULT_PASSWORD)
        answer = requests.post(
            f"{self.url}/v1/auth/token",
            json={"email": email, "password": password, "device_name": "tests"},
            headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION)},
            timeout=30,
        )
        answer.raise_for_status()
        return str(answer.json()["token"])

    def client(self, email: str, password: str | None = None) -> requests.Session:
        """A `requests` session signed in as `email`, sending the protocol header."""
        session = requests.Session()
        session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        session.headers["Authorization"] = f"Bearer {self.token_for(email, password)}"
        return session

    def seed_demo(self) -> None:
        """Add the demo data set (users with password `demo`, records, PDF files)."""
        from hub.seed import seed_demo

        seed_demo(self.db_url, self.blobs_dir)

    def stop(self) -> None:
        self._embedded.stop()
        self.engine.dispose()
        for step in reversed(self._cleanup):
            step()


def fresh_pg_url(base_url: str) -> tuple[str, Any]:
    """A URL whose connections use a new, empty schema, and a function that drops it."""
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base_url.replace("postgresql://", "postgresql+psycopg://", 1)
                          if base_url.startswith("postgresql://") else base_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base_url else "?"
    url = f"{base_url}{separator}options={quote(f'-csearch_path={schema}')}"

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    return url, drop


def start_live_hub(
    workdir: Path, db_url: str | None = None, limits: Limits | None = None
) -> LiveHub:
    """Start a hub on a free loopback port. `db_url` None means a new SQLite file in
    `workdir`; a PostgreSQL URL gets a schema of its own."""
    cleanup: list[Any] = []
    if db_url is None:
        db_url = f"sqlite:///{workdir / 'hub.sqlite3'}"
    elif db_url.startswith("postgresql"):
        db_url, drop = fresh_pg_url(db_url)
        cleanup.append(drop)
    blobs_dir = workdir / "hub-blobs"
    embedded = start_embedded(db_url, blobs_dir, limits=limits)
    return LiveHub(url=embedded.url, db_url=db_url, blobs_dir=blobs_dir,
                   engine=make_engine(db_url, pool_size=2), _embedded=embedded,
                   _cleanup=cleanup)
