"""Signing a data dir in to a hub and out again, and building a ready sync engine for it.

Shared by the sign-in dialog, the headless commands and demo mode. Signing in as another user
never mixes two people's data: it is refused while the old account's changes still wait.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.credentials import Credentials
from desktop.settings import Settings
from desktop.store.attachments import AttachmentFiles
from desktop.store.collateral import CollateralLibrary
from desktop.store.records import Store
from desktop.store.syncing import Account, SyncStore
from desktop.sync.blobs import BlobCache, blob_dir, is_sha256
from desktop.sync.cache_policy import CachePolicy
from desktop.sync.client import HubClient
from desktop.sync.engine import SyncEngine
from desktop.sync.errors import AccountInUse, AuthRequired, SyncFailure

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignedIn:
    account: Account
    warning: str  # non-empty when the token could not go into a keychain


@dataclass(frozen=True)
class Timeouts:
    connect: float = 5.0
    read: float = 30.0
    retries: int = 2


def credentials_for(data_dir: Path, store: Store) -> Credentials:
    return Credentials(data_dir, SyncStore(store).client_id())


def sign_in(
    data_dir: Path,
    store: Store,
    hub_url: str,
    email: str,
    password: str,
    *,
    ca_bundle: str | None = None,
    timeouts: Timeouts = Timeouts(),
    device_name: str | None = None,
) -> SignedIn:
    """Check the hub, get a token, keep it safe, and remember who is signed in where."""
    client = HubClient(hub_url, ca_bundle=ca_bundle, connect_timeout=timeouts.connect,
                       read_timeout=timeouts.read, retries=timeouts.retries)
    try:
        client.health()
        result = client.sign_in(email.strip(), password, device_name or socket.gethostname())
    finally:
        client.close()
    sync = SyncStore(store)
    previous = sync.account()
    if previous is not None and previous.user_id != result.user.id:
        waiting, attention = sync.counts()
        if waiting or attention:
            raise AccountInUse(
                f"{waiting + attention} change(s) of {previous.email} have not reached the hub yet. "
                f"Sign in as {previous.email} and sync first, so nothing is lost."
            )
        log.info("switching account; clearing the previous account's cached data")
        sync.forget_hub_data()
    account = Account(client.base_url, result.user.id, result.user.email, result.user.name,
                      result.user.role, result.user.team)
    creds = Credentials(data_dir, sync.client_id())
    creds.save(result.token)
    sync.set_account(account)
    store.set_state("user", {"id": account.user_id, "email": account.email, "name": account.name,
                             "role": account.role, "team": account.team})
    store.set_state("hub_url", account.hub_url)
    store.set_state("signed_in", True)
    store.set_state("token_expires_at", result.expires_at)
    return SignedIn(account, creds.warning)


def sign_out(data_dir: Path, store: Store, *, ca_bundle: str | None = None) -> None:
    """Revoke the token (best effort) and forget it; cached data and waiting changes stay."""
    sync = SyncStore(store)
    creds = Credentials(data_dir, sync.client_id())
    token = creds.load()
    account = sync.account()
    if token and account is not None:
        client = HubClient(account.hub_url, token, ca_bundle=ca_bundle, connect_timeout=3,
                           read_timeout=5, retries=0)
        try:
            client.sign_out()
        except SyncFailure:
            pass
        finally:
            client.close()
    creds.clear()
    store.set_state("signed_in", False)
    store.set_state("online", False)


def build_engine(
    data_dir: Path,
    store: Store,
    settings: Settings | None = None,
    *,
    timeouts: Timeouts = Timeouts(),
    digest_interval_s: float = 600.0,
) -> SyncEngine:
    """A sync engine for the signed-in account; `AuthRequired` when nobody is signed in."""
    client = _signed_in_client(data_dir, store, settings, timeouts)
    limit = _cache_limit(settings)
    blobs = BlobCache(blob_dir(data_dir), client, limit_bytes=limit)
    return SyncEngine(SyncStore(store), client, blobs, files=collateral_file_policy(store, limit),
                      digest_interval_s=digest_interval_s)


def hub_file_cache(data_dir: Path, store: Store, settings: Settings | None) -> BlobCache | None:
    """The data dir's blob cache connected to the signed-in hub, for files a user opens before
    a sync fetched them (items in review, files evicted by the cache limit); None when nobody
    is signed in. Reads the token: call it on a worker, never on the UI thread."""
    try:
        client = _signed_in_client(data_dir, store, settings, Timeouts())
    except SyncFailure as exc:
        log.info("no hub for downloads: %s", exc.message)
        return None
    return BlobCache(blob_dir(data_dir), client, limit_bytes=_cache_limit(settings))


def ensure_attachment_file(data_dir: Path, store: Store, settings: Settings | None,
                           sha256: str) -> Path | None:
    """The verified file of a voice note or photo, fetched from the signed-in hub when this
    device does not hold it (never fetched yet, or evicted by the cache limit); None when it
    is not here and cannot be fetched now (offline, not signed in, no attachment names it).
    It may wait on the network: call it on a worker, never on the UI thread."""
    local = BlobCache(blob_dir(data_dir))
    have = local.path_if_verified(sha256) if is_sha256(sha256) else None
    if have is not None:
        return have
    size = AttachmentFiles(store).size_of(sha256) if is_sha256(sha256) else None
    if size is None:
        return None
    cache = hub_file_cache(data_dir, store, settings)
    if cache is None:
        return None
    try:
        return cache.ensure(sha256, size or None)
    except SyncFailure as exc:
        log.info("could not fetch the file of a voice note or photo: %s", exc.message)
        return None
    finally:
        if isinstance(cache.source, HubClient):
            cache.source.close()


def set_shared_setting(data_dir: Path, store: Store, settings: Settings | None, key: str,
                       value: str, timeouts: Timeouts | None = None) -> str:
    """Set a shared hub setting marketing owns (the collateral verification period) on the
    signed-in hub; returns the value as the hub stored it. Raises `SyncFailure` with the hub's
    words (a refusal, a bad value, no hub). Reads the token: call it on a worker."""
    client = _signed_in_client(data_dir, store, settings, timeouts or Timeouts(retries=0))
    try:
        return client.set_setting(key, value)
    finally:
        client.close()


def _signed_in_client(data_dir: Path, store: Store, settings: Settings | None,
                      timeouts: Timeouts) -> HubClient:
    ca = (settings.hub_ca_bundle if settings else "") or None
    return signed_in_client(data_dir, store, ca, timeouts)


def signed_in_client(data_dir: Path, store: Store, ca_bundle: str | None,
                     timeouts: Timeouts) -> HubClient:
    """A client of the signed-in account for one request (not the sync engine's)."""
    sync = SyncStore(store)
    account = sync.account()
    if account is None or not store.get_state("signed_in", False):
        raise AuthRequired("Not signed in to a hub. Sign in first (fieldnote signin).")
    token = Credentials(data_dir, sync.client_id()).load()
    if not token:
        raise AuthRequired("The sign-in token is missing. Sign in again.")
    return HubClient(account.hub_url, token, ca_bundle=ca_bundle,
                     connect_timeout=timeouts.connect, read_timeout=timeouts.read,
                     retries=timeouts.retries)


def write_private_json(path: Path, document: Any) -> None:
    """Write `document` as JSON to `path`, whole or not at all, readable by its owner only
    (a person's data)."""
    data = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    partial = path.with_name(path.name + ".part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _cache_limit(settings: Settings | None) -> int | None:
    return settings.cache_limit_mb * 1024 * 1024 if settings else None


def collateral_file_policy(store: Store, limit_bytes: int | None) -> CachePolicy:
    """Which files stay on this device: the collateral library's and those of the voice notes
    and photos on leads, within one limit (`desktop.sync.cache_policy`)."""
    return CachePolicy(CollateralLibrary(store), limit_bytes, AttachmentFiles(store))
