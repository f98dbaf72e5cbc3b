"""A minimal protocol client for hub tests: push mutations, pull pages, read the digest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import requests

from fieldnote.ids import new_id
from tests.support.live_hub import LiveHub


def mutation(kind: str, record_id: str, fields: dict[str, Any] | None = None, *,
             base: int = 0, op: str = "upsert", mutation_id: str | None = None) -> dict[str, Any]:
    return {"mutation_id": mutation_id or new_id(), "kind": kind, "record_id": record_id,
            "op": op, "base_version": base, "fields": fields or {},
            "made_at": "2026-11-28T10:00:00Z"}


def lead_fields(**extra: Any) -> dict[str, Any]:
    return {"first_name": "Ana", "last_name": "Silva", "email": "ana@example.com",
            "captured_at": "2026-11-24T10:15:00Z", **extra}


@dataclass
class SyncClient:
    hub: LiveHub
    http: requests.Session
    user: dict[str, Any]
    client_id: str = field(default_factory=new_id)

    @property
    def id(self) -> str:
        return str(self.user["id"])

    def push(self, *mutations: dict[str, Any]) -> list[dict[str, Any]]:
        answer = self.http.post(f"{self.hub.url}/v1/sync/push",
                                json={"client_id": self.client_id, "mutations": list(mutations)},
                                timeout=60)
        assert answer.status_code == 200, answer.text
        return list(answer.json()["results"])

    def push_one(self, kind: str, record_id: str, fields: dict[str, Any] | None = None,
                 **kw: Any) -> dict[str, Any]:
        return self.push(mutation(kind, record_id, fields, **kw))[0]

    def pull_page(self, cursor: str | None = None, limit: int = 1000, *,
                  own: bool = False) -> requests.Response:
        """A pull page; `own` names this client, so its own changes come as stubs."""
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        if own:
            params["client_id"] = self.client_id
        return self.http.get(f"{self.hub.url}/v1/sync/pull", params=params, timeout=60)

    def pull_all(self, cursor: str | None = None, limit: int = 1000, *, own: bool = False
                 ) -> tuple[dict[tuple[str, str], dict[str, Any]], str]:
        """Everything after `cursor` as {(kind, id): change}, and the new cursor."""
        seen: dict[tuple[str, str], dict[str, Any]] = {}
        while True:
            answer = self.pull_page(cursor, limit, own=own)
            assert answer.status_code == 200, answer.text
            page = answer.json()
            for change in page["changes"]:
                key = (change["kind"], change["record_id"])
                if key not in seen or seen[key]["version"] <= change["version"]:
                    seen[key] = change
            cursor = page["cursor"]
            if not page["has_more"]:
                return seen, cursor

    def visible(self, kind: str | None = None) -> dict[tuple[str, str], dict[str, Any]]:
        changes, _ = self.pull_all()
        return {k: c for k, c in changes.items()
                if not c["deleted"] and (kind is None or k[0] == kind)}

    def digest(self) -> dict[str, Any]:
        answer = self.http.get(f"{self.hub.url}/v1/sync/digest", timeout=30)
        assert answer.status_code == 200, answer.text
        return dict(answer.json())
