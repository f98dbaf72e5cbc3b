"""Hostile and broken input: every answer is a 4xx problem or a `rejected` result, never a
5xx or a stack trace, and nothing odd is stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldnote.ids import new_id
from fieldnote.kinds import KINDS
from fieldnote.wire import PROTOCOL_HEADER
from tests.hub.client import SyncClient, lead_fields, mutation
from tests.support.live_hub import LiveHub, start_live_hub


@pytest.fixture(scope="module")
def rep(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncClient]:
    hub = start_live_hub(Path(tmp_path_factory.mktemp("hostile")))
    try:
        user = hub.add_user("rep@hostile.fieldnote", "Rep", "rep", "east")
        yield SyncClient(hub, hub.client(user["email"]), user)
    finally:
        hub.stop()


def _assert_problem(answer: requests.Response, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    body = answer.json()
    assert body["status"] == status and body["title"]
    assert "Traceback" not in answer.text
    return dict(body)


def _post(rep: SyncClient, data: Any, **kw: Any) -> requests.Response:
    return rep.http.post(f"{rep.hub.url}/v1/sync/push", data=data, timeout=60,
                         headers={"Content-Type": "application/json"}, **kw)


def test_an_oversized_push_gets_413_before_it_is_read(rep: SyncClient) -> None:
    big = b'{"client_id": "x", "mutations": [' + b" " * (6 * 1024 * 1024) + b"]}"
    _assert_problem(_post(rep, big), 413)


def test_an_oversized_chunked_push_gets_413(rep: SyncClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"client_id": "x", "mutations": ['
        for _ in range(7):
            yield b" " * (1024 * 1024)
        yield b"]}"

    _assert_problem(_post(rep, chunks()), 413)


def test_more_than_500_mutations_get_413(rep: SyncClient) -> None:
    body = {"client_id": new_id(),
            "mutations": [mutation("lead", new_id(), lead_fields()) for _ in range(501)]}
    _assert_problem(_post(rep, json.dumps(body)), 413)


def test_bad_utf8_and_malformed_json_get_400(rep: SyncClient) -> None:
    _assert_problem(_post(rep, b'{"client_id": "\xff\xfe"}'), 400)
    _assert_problem(_post(rep, b'{"client_id": "x", "mutations": [}'), 400)
    _assert_problem(_post(rep, b"[" * 100_000), 400)
    _assert_problem(_post(rep, b'{"client_id": NaN, "mutations": [Infinity]}'), 400)
    lone = {"client_id": "x", "mutations": [mutation("lead", new_id(), lead_fields())]}
    text = json.dumps(lone).replace("Silva", "Sil\\ud800va")
    _assert_problem(_post(rep, text.encode()), 400)
    paired = json.dumps(lone).replace("Silva", "Sil\\ud83d\\ude00va")
    assert _post(rep, paired.encode()).json()["results"][0]["status"] == "applied"
    problem = _assert_problem(_post(rep, b'{"client_id": 5, "mutations": {}}'), 422)
    assert {e["field"] for e in problem["errors"]} == {"client_id", "mutations"}


def test_unknown_paths_methods_and_parameters_get_problems(rep: SyncClient) -> None:
    url = rep.hub.url
    _assert_problem(rep.http.get(f"{url}/v1/nothing-here", timeout=10), 404)
    _assert_problem(rep.http.put(f"{url}/v1/sync/pull", timeout=10), 405)
    _assert_problem(rep.http.get(f"{url}/v1/sync/pull", params={"limit": 0}, timeout=10), 422)
    _assert_problem(rep.http.get(f"{url}/v1/sync/pull", params={"limit": "many"}, timeout=10),
                    422)
    sign_in = requests.post(f"{url}/v1/auth/token", json={"email": "x"}, timeout=10,
                            headers={PROTOCOL_HEADER: "1"})
    _assert_problem(sign_in, 422)


def test_sql_looking_strings_are_stored_verbatim(rep: SyncClient) -> None:
    lead_id = new_id()
    nasty = "Robert'); DROP TABLE rec_lead;--"
    answer = rep.push_one("lead", lead_id, lead_fields(last_name=nasty, company="' OR 1=1 --"))
    assert answer["status"] == "applied"
    fields = rep.visible("lead")[("lead", lead_id)]["fields"]
    assert (fields["last_name"], fields["company"]) == (nasty, "' OR 1=1 --")
    odd_kind = rep.push_one("lead; DROP TABLE hub_feed;--", new_id(), lead_fields())
    assert odd_kind["status"] == "rejected"


def test_a_one_megabyte_note_is_rejected_naming_the_field(rep: SyncClient) -> None:
    answer = rep.push_one("lead", new_id(), lead_fields(notes="x" * 1_000_000))
    assert answer["status"] == "rejected"
    assert [e["field"] for e in answer["problem"]["errors"]] == ["notes"]


def test_unknown_kinds_fields_and_shapes_are_rejected_one_by_one(rep: SyncClient) -> None:
    good = new_id()
    results = rep.push(
        mutation("spaceship", new_id(), {"name": "x"}),
        mutation("lead", new_id(), lead_fields(favourite_colour="blue")),
        {"mutation_id": new_id(), "kind": "lead"},
        {"mutation_id": "not-a-uuid", "kind": "lead", "record_id": new_id(), "op": "upsert",
         "base_version": 0, "fields": lead_fields()},
        mutation("lead", "../../etc/passwd", lead_fields()),
        mutation("lead", new_id(), lead_fields(notes="nul\x00byte")),
        mutation("lead", new_id(), lead_fields(), op="explode"),
        "just a string",
        mutation("lead", good, lead_fields()),
    )
    assert [r["status"] for r in results] == ["rejected"] * 8 + ["applied"]
    assert results[1]["problem"]["errors"][0]["field"] == "favourite_colour"
    assert all(r["problem"]["title"] for r in results[:8])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                  max_size=4),
    max_leaves=12,
)
field_names = st.sampled_from(sorted({f for k in KINDS.values() for f in k.field_names}
                                     | {"id", "row_version", "deleted", "hub_audiences"}))
mutations = st.fixed_dictionaries(
    {
        "mutation_id": st.one_of(st.uuids().map(str), st.text(max_size=40)),
        "kind": st.one_of(st.sampled_from(sorted(KINDS)), st.text(max_size=20)),
        "record_id": st.one_of(st.uuids().map(str), st.text(max_size=40)),
        "op": st.sampled_from(["upsert", "delete", "merge"]),
        "base_version": st.one_of(st.integers(min_value=-5, max_value=2**63), st.text(max_size=5)),
        "fields": st.one_of(st.dictionaries(field_names, json_values, max_size=6), json_values),
    },
    optional={"made_at": st.text(max_size=30), "client_seq": json_values},
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.data_too_large])
@given(batch=st.lists(st.one_of(mutations, json_values), max_size=5),
       client_id=st.one_of(st.uuids().map(str), st.text(max_size=60)))
def test_random_pushes_never_get_a_server_error(rep: SyncClient, batch: list[Any],
                                                client_id: str) -> None:
    answer = rep.http.post(f"{rep.hub.url}/v1/sync/push", timeout=60,
                           json={"client_id": client_id, "mutations": batch})
    assert answer.status_code < 500, answer.text
    if answer.status_code == 200:
        results = answer.json()["results"]
        assert len(results) == len(batch)
        assert {r["status"] for r in results} <= {"applied", "duplicate", "conflict", "rejected"}
    else:
        assert answer.headers["content-type"] == "application/problem+json"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cursor=st.text(max_size=80), limit=st.one_of(st.integers(), st.text(max_size=6)),
       path=st.sampled_from(["/v1/sync/pull", "/v1/sync/digest", "/v1/me",
                             "/v1/blobs/" + "0" * 64, "/v1/admin/users"]))
def test_random_queries_never_get_a_server_error(rep: SyncClient, cursor: str, limit: Any,
                                                 path: str) -> None:
    answer = rep.http.get(f"{rep.hub.url}{path}", params={"cursor": cursor, "limit": limit},
                          timeout=30)
    assert answer.status_code < 500, answer.text


def test_the_openapi_document_is_served_and_describes_the_protocol(live_hub: LiveHub) -> None:
    answer = requests.get(f"{live_hub.url}/v1/openapi.json", timeout=10)
    assert answer.status_code == 200
    doc = answer.json()
    for path in ("/v1/health", "/v1/auth/token", "/v1/me", "/v1/sync/push", "/v1/sync/pull",
                 "/v1/sync/digest", "/v1/blobs/{sha256}"):
        assert path in doc["paths"], path
    push_body = doc["paths"]["/v1/sync/push"]["post"]["requestBody"]["content"]
    assert "mutations" in push_body["application/json"]["schema"]["properties"]
