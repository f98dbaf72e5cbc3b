"""Collateral sent to visitors, on this device: what may be sent, the queue of sends (a
`collateral_send` record and its outbox entry, written in one transaction, so a send made
offline survives a restart and goes at the next sync) and each send's state as the hub last
reported it.

The rules (which items, which visitors, how a state reads) are `fieldnote.sending`; who may
send is the role policy, asked by the callers through `Offers`. Nothing here talks to the hub.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func

from desktop.store.records import Store
from desktop.store.schema import record_tables
from fieldnote import sending
from fieldnote.ids import is_uuid
from fieldnote.privacy import is_erased
from fieldnote.sending import SendError
from fieldnote.validation import utc_now_iso


class CollateralSends:
    def __init__(self, store: Store) -> None:
        self.store = store

    def sendable_items(self, today: dt.date | None = None) -> list[dict[str, Any]]:
        """Approved, unexpired items with a file, by title."""
        today = today or dt.datetime.now(dt.UTC).date()
        table = record_tables["collateral"]
        rows = self.store.all("collateral", where=table.c.status == "approved",
                              order_by=func.lower(table.c.title))
        return [r for r in rows if sending.item_refusal(r, today) is None]

    def find_lead(self, key: str) -> dict[str, Any]:
        """A lead by its id, or by its visitor's email (the most recently captured of several);
        SendError when this device has none."""
        key = key.strip()
        if is_uuid(key):
            lead = self.store.get("lead", key.lower())
            if lead is not None:
                return lead
        elif "@" in key:
            table = record_tables["lead"]
            found = self.store.all("lead", where=func.lower(table.c.email) == key.lower(),
                                   order_by=table.c.captured_at.desc(), limit=1)
            if found:
                return found[0]
        raise SendError(f"No lead {key!r} on this device; give a lead's id or its visitor's "
                        "email (sync first if it was captured elsewhere)")

    def check(self, lead: Mapping[str, Any], collateral_ids: Sequence[str],
              message: str | None, today: dt.date | None = None) -> None:
        """What the hub would refuse or not mail, said up front (SendError)."""
        today = today or dt.datetime.now(dt.UTC).date()
        sending.check_send(collateral_ids, message)
        if is_erased(lead):
            raise SendError("This lead's person was erased; nothing can be sent to them")
        refusal = sending.lead_refusal(lead)
        if refusal is not None:
            raise SendError(refusal[1])
        for collateral_id in collateral_ids:
            item = self.store.get("collateral", collateral_id)
            if item is None:
                raise SendError(f"No collateral item {collateral_id!r} on this device; "
                                "`fieldnote collateral list` shows what you may send")
            if sending.item_refusal(item, today):
                raise SendError(f"{item.get('title') or collateral_id}: "
                                f"{sending.NOT_APPROVED}")

    def queue(self, lead_id: str, collateral_ids: Sequence[str], message: str | None,
              author_id: str | None) -> str:
        """Queue a send for the next sync; its id. The caller has checked it (`check`)."""
        fields = {"lead_id": lead_id, "collateral_ids": list(dict.fromkeys(collateral_ids)),
                  "requested_at": utc_now_iso()}
        if message and message.strip():
            fields["message"] = message.strip()
        local = {"state": "queued", **({"author_id": author_id} if author_id else {})}
        return self.store.save("collateral_send", fields, local_fields=local).record_id

    def for_lead(self, lead_id: str) -> list[dict[str, Any]]:
        """The sends to a lead's visitor, newest first, each with its `display_state` and
        `items` (the titles of what it holds)."""
        table = record_tables["collateral_send"]
        rows = self.store.all("collateral_send", where=table.c.lead_id == lead_id,
                              order_by=table.c.requested_at.desc())
        return [self.describe(r) for r in rows]

    def all_sends(self) -> list[dict[str, Any]]:
        table = record_tables["collateral_send"]
        return [self.describe(r) for r in self.store.all(
            "collateral_send", order_by=table.c.requested_at.desc())]

    def describe(self, row: Mapping[str, Any]) -> dict[str, Any]:
        items = self.store.get_many("collateral", row.get("collateral_ids") or [])
        return {**row, "display_state": sending.display_state(row),
                "items": [str((items.get(i) or {}).get("title") or i)
                          for i in row.get("collateral_ids") or []]}
