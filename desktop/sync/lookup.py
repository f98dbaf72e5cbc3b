""""Already known?" for the capture form and `fieldnote leads lookup`: the hub's answer when it
can be reached, else this device's cache (`LeadBook.lookup`), never a wait without end.

Runs on a worker (the parallel lane) or in a command, never on the UI thread: it reads the
token and may wait for the network for a few seconds at most.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from desktop.settings import Settings
from desktop.store.leads import LeadBook
from desktop.store.records import Store
from desktop.sync.errors import SyncFailure, TooManyAttempts
from desktop.sync.session import Timeouts, signed_in_client
from fieldnote.lookup import FROM_CACHE, FROM_HUB, LookupAnswer, lookup_key

log = logging.getLogger(__name__)

# A look-up answers while the rep is still talking to the visitor, or not at all.
LOOKUP_TIMEOUTS = Timeouts(connect=3.0, read=5.0, retries=0)

HUB, CACHE = FROM_HUB, FROM_CACHE


@dataclass(frozen=True)
class LookupResult:
    email: str
    answer: LookupAnswer
    source: str  # HUB or CACHE
    why_cache: str = ""  # why the hub did not answer ("" when it did, or nobody is signed in)
    retry_after: float | None = None  # the hub throttled this user for this long


def look_up(data_dir: Path, store: Store, settings: Settings | None, email: str,
            *, timeouts: Timeouts = LOOKUP_TIMEOUTS) -> LookupResult:
    """The hub's answer for `email`, else the cache's (offline, signed out, throttled)."""
    book = LeadBook(store)
    try:
        if lookup_key(email) is None:
            return LookupResult(email, LookupAnswer(), CACHE)
        try:
            client = signed_in_client(data_dir, store,
                                      (settings.hub_ca_bundle if settings else "") or None,
                                      timeouts)
        except SyncFailure:
            return LookupResult(email, book.lookup(email), CACHE)
        try:
            return LookupResult(email, client.lookup(email.strip()), HUB)
        except TooManyAttempts as exc:
            return LookupResult(email, book.lookup(email), CACHE, exc.message, exc.retry_after)
        except SyncFailure as exc:
            log.info("look-up answered from the cache: %s", exc.message)
            return LookupResult(email, book.lookup(email), CACHE, exc.message)
        finally:
            client.close()
    finally:
        book.dispose()
