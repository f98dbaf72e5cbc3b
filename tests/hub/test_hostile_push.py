"""Hostile push bodies, generated and from the corpus, against a real hub: each is answered
with a documented status (a problem body for every refusal) and never a 5xx, and a refused
push, or one whose every mutation is rejected, leaves the hub's data as it was.

The corpus (`tests/data/hostile/push/`) keeps bodies that once did harm; a file's name says
the answer it must get: `400-*`, `413-*`, `422-*` (the whole push refused with that status),
or `rejected-*` (answered 200 with every mutation `rejected`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from fieldnote.ids import new_id
from fieldnote.kinds import KINDS
from hub.db.tables import mutations
from tests.hub.client import SyncClient, lead_fields, mutation
from tests.support.live_hub import LiveHub, database_params, start_live_hub

CORPUS = Path(__file__).resolve().parents[1] / "data" / "hostile" / "push"
REFUSALS = {400, 413, 422}  # what the push route answers a body it will not read
STATUSES = {"applied", "duplicate", "conflict", "rejected"}
DEEP = "(nested deeply here)"


@dataclass
class Target:
    hub: LiveHub
    rep: SyncClient

    def __repr__(self) -> str:  # hypothesis prints it with every failing example
        return "Target(a hub with one rep)"

    def state(self) -> tuple[int, int]:
        """The hub's change counter and applied-mutation count: both stay put unless a
        mutation was applied."""
        with self.hub.engine.connect() as conn:
            counter = conn.execute(text("SELECT value FROM hub_counter WHERE id = 1")).scalar_one()
            applied = conn.execute(select(func.count()).select_from(mutations)).scalar_one()
        return int(counter), int(applied)

    def post(self, body: bytes) -> requests.Response:
        return self.rep.http.post(f"{self.hub.url}/v1/sync/push", data=body, timeout=60,
                                  headers={"Content-Type": "application/json"})


@pytest.fixture(scope="module", params=database_params())
def target(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[Target]:
    hub = start_live_hub(Path(tmp_path_factory.mktemp("hostile-push")), request.param)
    try:
        user = hub.add_user("rep@hostile-push.fieldnote", "Rep", "rep", "east")
        yield Target(hub, SyncClient(hub, hub.client(user["email"]), user))
    finally:
        hub.stop()


def check_answer(target: Target, body: bytes, before: tuple[int, int]) -> requests.Response:
    """The rules every answer to a push keeps, whatever the body."""
    answer = target.post(body)
    assert answer.status_code < 500, answer.text[:2000]
    assert "Traceback" not in answer.text
    after = target.state()
    if answer.status_code != 200:
        assert answer.status_code in REFUSALS, answer.text[:2000]
        assert answer.headers["content-type"] == "application/problem+json"
        problem = answer.json()
        assert problem["status"] == answer.status_code and problem["title"]
        assert after == before, "a refused push changed the hub"
        return answer
    results = answer.json()["results"]
    assert {r["status"] for r in results} <= STATUSES
    for result in results:
        if result["status"] == "rejected":
            assert result["problem"]["title"] and result["problem"]["status"] >= 400
    if all(r["status"] in ("rejected", "duplicate") for r in results):
        assert after == before, "a push of rejected mutations changed the hub"
    return answer


# -- generated bodies ----------------------------------------------------------------------

json_leaf = (st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
             | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20))
json_value = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


def _valid_mutation(kind_choice: str) -> dict[str, Any]:
    if kind_choice == "lead":
        return mutation("lead", new_id(), lead_fields())
    return mutation("collateral_request", new_id(), {"title": "Need a deck"})


@st.composite
def valid_pushes(draw: st.DrawFn) -> dict[str, Any]:
    kinds = draw(st.lists(st.sampled_from(["lead", "collateral_request"]), min_size=1, max_size=3))
    return {"client_id": new_id(), "mutations": [_valid_mutation(k) for k in kinds]}


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a node of a JSON value (not the root)."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*prefix, key))
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found.append((*prefix, i))
            found.extend(_paths(item, (*prefix, i)))
    return found


def _set(value: Any, path: tuple[Any, ...], new: Any) -> None:
    for step in path[:-1]:
        value = value[step]
    value[path[-1]] = new


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


@st.composite
def hostile_bodies(draw: st.DrawFn) -> bytes:
    """A valid push, broken in one or two of the ways a careless or hostile client breaks one."""
    body = draw(valid_pushes())
    deep = ""
    for _ in range(draw(st.integers(1, 2))):
        how = draw(st.sampled_from([
            "wrong-type", "huge-string", "deep-nesting", "duplicate-id", "unknown-kind",
            "unknown-field", "base-version", "drop-key",
        ]))
        paths = _paths(body)
        if how == "wrong-type":
            _set(body, draw(st.sampled_from(paths)), draw(json_value))
        elif how == "huge-string":
            size = draw(st.sampled_from([201, 20_001, 300_000, 6 * 1024 * 1024]))
            _set(body, draw(st.sampled_from(paths)), "x" * size)
        elif how == "deep-nesting":
            # Written into the text after encoding: too deep for this side's encoder too.
            depth = draw(st.sampled_from([30, 600, 5000]))
            opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
            deep = opener * depth + '"core"' + closer * depth
            _set(body, draw(st.sampled_from(paths)), DEEP)
        elif how == "duplicate-id":
            ms = body["mutations"] if isinstance(body.get("mutations"), list) else []
            dicts = [m for m in ms if isinstance(m, dict)]
            if dicts:
                first = dicts[0]
                key = draw(st.sampled_from(["mutation_id", "record_id"]))
                copy = dict(draw(st.sampled_from(dicts)))
                copy[key] = first.get(key)
                ms.append(copy)
        elif how == "unknown-kind":
            for m in body.get("mutations") or []:
                if isinstance(m, dict):
                    m["kind"] = draw(st.text(max_size=30).filter(lambda k: k not in KINDS))
        elif how == "unknown-field":
            for m in body.get("mutations") or []:
                if isinstance(m, dict) and isinstance(m.get("fields"), dict):
                    m["fields"][draw(st.text(min_size=1, max_size=12))] = draw(json_value)
        elif how == "base-version":
            for m in body.get("mutations") or []:
                if isinstance(m, dict):
                    m["base_version"] = draw(st.sampled_from([-1, 1, 2**63, 10**30, 1.5, "0"]))
        elif how == "drop-key":
            path = draw(st.sampled_from(paths))
            parent = _get(body, path[:-1])
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
    text_body = json.dumps(body, ensure_ascii=draw(st.booleans()))
    if deep:
        text_body = text_body.replace(json.dumps(DEEP), deep)
    raw = text_body.encode("utf-8", "surrogatepass")
    damage = draw(st.sampled_from(["none", "none", "bad-utf8", "truncate", "lone-surrogate"]))
    if damage == "bad-utf8" and raw:
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80"])) + raw[at:]
    elif damage == "truncate" and len(raw) > 1:
        raw = raw[: draw(st.integers(1, len(raw) - 1))]
    elif damage == "lone-surrogate":
        raw = raw.replace(b'"Ana"', b'"A\\ud800na"', 1)
    return raw


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(body=hostile_bodies())
def test_hostile_push_bodies_get_a_documented_answer_and_change_nothing_they_refuse(
    target: Target, body: bytes,
) -> None:
    check_answer(target, body, target.state())


def test_a_push_of_valid_mutations_does_change_the_hub(target: Target) -> None:
    """The check above can fail: a push that applies something moves the counter."""
    before = target.state()
    body = json.dumps({"client_id": new_id(), "mutations": [_valid_mutation("lead")]}).encode()
    assert check_answer(target, body, before).json()["results"][0]["status"] == "applied"
    assert target.state() != before


# -- the corpus ----------------------------------------------------------------------------


def _corpus() -> list[Any]:
    return [pytest.param(p, id=p.name) for p in sorted(CORPUS.iterdir()) if p.is_file()
            and p.name != "README.md"]


@pytest.mark.parametrize("path", _corpus())
def test_the_corpus_of_push_bodies_that_once_did_harm(target: Target, path: Path) -> None:
    expected = path.name.split("-", 1)[0]
    before = target.state()
    answer = check_answer(target, path.read_bytes(), before)
    if expected == "rejected":
        assert answer.status_code == 200, answer.text[:2000]
        assert {r["status"] for r in answer.json()["results"]} == {"rejected"}
    else:
        assert answer.status_code == int(expected), answer.text[:2000]
    assert target.state() == before
