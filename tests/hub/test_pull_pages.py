"""How the hub reads pull pages: the database's JSON of a record equals the hub's encoder's,
and a page is the same whichever way the feed is read."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import insert

from fieldnote.ids import new_id
from fieldnote.kinds import KINDS, FieldSpec, FieldType
from hub import feed
from hub.authz import Actor
from hub.db.tables import RECORD_TABLES
from tests.hub.client import SyncClient, lead_fields, mutation
from tests.support.live_hub import LiveHub

# Text the two encoders escape differently (quotes, backslashes, control characters, line
# separators, non-ASCII, a character outside the BMP), as a column's length allows.
TRICKY = 'q"b\\n\n\t\x01\x1f\x7f é 😀 \u2028/'
BIG = 2**70  # past 64 bits: orjson refuses it, so the standard encoder writes it

_LENGTHS = {FieldType.NAME: 200, FieldType.DATE: 10, FieldType.DATETIME: 40,
            FieldType.UUID: 36, FieldType.CHOICE: 40}


def _value(spec: FieldSpec, variant: int) -> Any:
    t = spec.type
    if t in (FieldType.TAGS, FieldType.UUIDS, FieldType.LIST):
        return [TRICKY, "plain"] if variant == 0 else [{"n": BIG, "f": 0.5}, [], None]
    if t in (FieldType.OBJECT, FieldType.JSON):
        return ({"a": [1, 2.5, None, True], "big": BIG, TRICKY: TRICKY} if variant == 0
                else {"nested": {"x": -0.0, "y": 1e300}})
    if t == FieldType.INT:
        return 2**62 if variant == 0 else -5
    if t == FieldType.NUMBER:
        return 5.0 if variant == 0 else 0.1
    if t == FieldType.BOOL:
        return variant == 0
    return TRICKY[:_LENGTHS.get(t, 10_000)] if variant == 0 else "x"


def _insert(hub: LiveHub, kind: str, fields: dict[str, Any], version: int) -> str:
    record_id = new_id()
    with hub.engine.begin() as conn:
        conn.execute(insert(RECORD_TABLES[kind]).values(
            id=record_id, row_version=version, deleted=version % 2 == 0,
            row_created_at="2026-12-01T10:00:00Z", row_updated_at="2026-12-01T10:00:00Z",
            hub_audiences=["all"], hub_removed=[], hub_field_versions={}, **fields))
    return record_id


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_is_written_in_a_page_as_the_hubs_encoder_writes_it(
    hub: LiveHub, kind: str
) -> None:
    specs = KINDS[kind].fields
    ids = [_insert(hub, kind, {f.name: _value(f, variant) for f in specs}, 10 + variant)
           for variant in (0, 1)]
    ids.append(_insert(hub, kind, {}, 13))  # every field null
    with hub.engine.connect() as conn:
        written = feed._state_json(conn, {kind: ids})
        expected = {record_id: feed.encode_json(state)
                    for record_id, state in feed._states(conn, kind, ids)}
    assert sorted(written) == sorted((kind, i) for i in ids)
    for record_id in ids:
        # The standard decoder keeps integers past 64 bits exact and a float a float.
        got, want = (json.loads(written[(kind, record_id)]), json.loads(expected[record_id]))
        assert got == want
        assert [type(v) for v in got["fields"].values()] == [
            type(v) for v in want["fields"].values()]
    assert json.loads(written[(kind, ids[0])])["fields"][specs[0].name] is not None


def _pages(hub: LiveHub, actor: Actor, limit: int) -> list[feed.Page]:
    epoch = feed.read_epoch(hub.engine)
    pages, cursor = [], None
    while True:
        page = feed.pull(hub.engine, epoch, actor, cursor, limit)
        pages.append(page)
        cursor = page.cursor
        if not page.has_more:
            return pages


def test_a_page_is_the_same_merged_per_audience_set_or_read_in_change_order(
    people: dict[str, SyncClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Leads of four owners are four audience sets the marketer sees, plus collateral for all;
    # a lead handed to another owner leaves a removal row beside its new live row.
    marketer = people["marketer"]
    moved = new_id()
    for who in ("rep", "rep2", "manager", "marketer"):
        people[who].push(*[mutation("lead", new_id(), lead_fields(last_name=f"{who}{n}"))
                           for n in range(4)])
    version = people["rep"].push_one("lead", moved, lead_fields())["version"]
    people["rep"].push_one("lead", moved, {"owner_id": people["rep2"].id}, base=version)
    marketer.push_one("collateral", new_id(), {"title": "Sheet", "status": "approved"})
    user = marketer.user
    actor = Actor(user["id"], user["email"], user["name"], user["role"], user["team"])
    for limit in (1, 2, 3, 1000):
        monkeypatch.setattr(feed, "MERGED_SETS", 1000)
        merged = _pages(marketer.hub, actor, limit)
        monkeypatch.setattr(feed, "MERGED_SETS", 1)
        in_order = _pages(marketer.hub, actor, limit)
        assert merged == in_order
        changes = [json.loads(c) for page in merged for c in page.changes]
        assert [c["version"] for c in changes] == sorted(c["version"] for c in changes)
        assert len({(c["kind"], c["record_id"]) for c in changes}) == len(changes) == 19
        assert all(len(page.changes) <= limit for page in merged)
