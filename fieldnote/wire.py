"""The sync wire contract (protocol version 1): request and answer shapes both programs use.

These models describe envelopes only; the fields inside a mutation or change are checked
against the kind specs by `fieldnote.validation`. Nothing here performs I/O.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
SUPPORTED_PROTOCOLS = (1,)
PROTOCOL_HEADER = "Fieldnote-Protocol"
MAX_MUTATIONS_PER_PUSH = 500
MAX_PUSH_BYTES = 5 * 1024 * 1024
# A push's `client_id` (the installation's id, a UUID from the desktop) is 1 to 100 characters.
MAX_CLIENT_ID = 100
DEFAULT_PULL_LIMIT = 1000
MAX_PULL_LIMIT = 5000
# A mutation answered with a 5xx this many times is parked under "needs attention".
PARK_AFTER_SERVER_ERRORS = 10

Op = Literal["upsert", "delete"]
ResultStatus = Literal["applied", "duplicate", "conflict", "rejected"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Mutation(_Strict):
    mutation_id: str
    kind: str
    record_id: str
    op: Op
    base_version: int = Field(ge=0)
    fields: dict[str, Any] = Field(default_factory=dict)
    made_at: str | None = None
    client_seq: int | None = None


class PushRequest(_Strict):
    client_id: str = Field(min_length=1, max_length=MAX_CLIENT_ID)
    mutations: list[Mutation]


class FieldConflict(BaseModel):
    field: str
    yours: Any = None
    theirs: Any = None


class Problem(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str = "about:blank"
    title: str
    status: int | None = None
    detail: str | None = None
    errors: list[dict[str, str]] | None = None


class MutationResult(BaseModel):
    model_config = ConfigDict(extra="allow")
    mutation_id: str
    status: ResultStatus
    version: int | None = None
    conflicts: list[FieldConflict] | None = None
    problem: Problem | None = None
    # Extension (docs/protocol-extensions.md, "A device's own changes"): what the hub holds at
    # `version` beyond what the pushing device sent (values the hub set, merged or normalised),
    # so the device's copy equals the hub's once it takes them in. Absent from older hubs.
    fields: dict[str, Any] | None = None


class PushResponse(BaseModel):
    model_config = ConfigDict(extra="allow")
    results: list[MutationResult]
    cursor_hint: str | None = None


class Change(BaseModel):
    model_config = ConfigDict(extra="allow")
    kind: str
    record_id: str
    version: int
    deleted: bool = False
    fields: dict[str, Any] = Field(default_factory=dict)
    # Extension: a stub for the pulling device's own change (it asked with its `client_id`):
    # no `fields`, only the `state_hash` of the record's fields at `version`.
    own: str | None = None


class PullResponse(BaseModel):
    model_config = ConfigDict(extra="allow")
    changes: list[Change]
    cursor: str
    has_more: bool
    # The hub settings every device receives (`fieldnote.money.SHARED_SETTINGS`); absent from
    # an older hub's answers.
    settings: dict[str, Any] | None = None


class Digest(BaseModel):
    count: int
    hash: str


def record_hash(kind: str, record_id: str, version: int) -> int:
    """The 64-bit hash of one visible record for the digest; XOR these over a set."""
    h = hashlib.blake2b(f"{kind}\x1f{record_id}\x1f{version}".encode(), digest_size=8)
    return int.from_bytes(h.digest(), "big")


def format_digest(value: int) -> str:
    return f"{value:016x}"


def state_hash(fields: Mapping[str, Any]) -> str:
    """A short hash of a record's fields (the ones with a value; a missing field and a null one
    are the same), computed alike by the hub and the device: the stub of a device's own change
    carries the hub's, and the device takes the stub only if its own copy hashes the same."""
    present = {k: v for k, v in fields.items() if v is not None}
    try:
        data = orjson.dumps(present, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # an integer past 64 bits: the standard encoder copes
        data = json.dumps(present, sort_keys=True, ensure_ascii=False,
                          separators=(",", ":")).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()
