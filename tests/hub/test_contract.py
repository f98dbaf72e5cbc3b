"""The hub's OpenAPI document says what the hub does: a bounded schemathesis run over every
operation, with every role's token, against a real hub, finds no server error and no answer
the document does not describe."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.core.failures import FailureGroup

from fieldnote.ids import new_id
from fieldnote.wire import PROTOCOL_HEADER, PROTOCOL_VERSION
from tests.hub.client import SyncClient
from tests.support.live_hub import LiveHub, database_params, start_live_hub

ROLES = ("rep", "marketer", "manager", "admin")
# Examples per operation and generation mode: about 1,000 requests in all.
EXAMPLES = 25
FILE = b"%PDF-1.4\n" + b"contract " * 1000 + b"\n%%EOF\n"
FILE_SHA = hashlib.sha256(FILE).hexdigest()
CHECK_NAMES = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
               "response_headers_conformance", "response_schema_conformance")


@pytest.fixture(params=database_params())
def hub_with_roles(request: pytest.FixtureRequest, tmp_path: Path
                   ) -> Iterator[tuple[LiveHub, dict[str, Any]]]:
    hub = start_live_hub(tmp_path, request.param)
    try:
        tokens: dict[str, Any] = {}
        for role in ROLES:
            email = f"{role}@contract.fieldnote"
            hub.add_user(email, role.title(), role, "east" if role in ("rep", "manager") else None)
            tokens[role] = hub.token_for(email)
        # Signing out revokes the token it is sent with: that operation gets tokens of its own.
        hub.add_user("leaving@contract.fieldnote", "Leaving", "rep", "west")
        tokens["spare"] = [hub.token_for("leaving@contract.fieldnote") for _ in range(EXAMPLES)]
        # A file every role may read, so the blob operations answer more than 404.
        marketer = SyncClient(hub, hub.client("marketer@contract.fieldnote"),
                              hub.users["marketer@contract.fieldnote"])
        assert marketer.http.put(f"{hub.url}/v1/blobs/{FILE_SHA}", data=FILE,
                                 timeout=30).status_code == 201
        assert marketer.push_one("collateral", new_id(), {
            "title": "Sheet", "status": "approved", "file_sha256": FILE_SHA})["status"] == "applied"
        yield hub, tokens
    finally:
        hub.stop()


def _exercise(label: str, strategy: Any, url: str, tokens: dict[str, Any], checks: list[Any],
              answered: Counter[tuple[str, int]], kinds: set[str], found: list[str]) -> Any:
    """A hypothesis test that sends the cases of one operation as a random role and records
    each answer's status, and the first failure of each kind."""

    @seed(20261207)
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(case=strategy, role=st.sampled_from(ROLES))
    def run(case: Any, role: str) -> None:
        token = tokens[role]
        if label == "DELETE /v1/auth/token":
            token = tokens["spare"].pop() if tokens["spare"] else "revoked"
        headers = {"Authorization": f"Bearer {token}", PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        try:
            response = case.call_and_validate(base_url=url, headers=headers, checks=checks)
            answered[(label, response.status_code)] += 1
        except FailureGroup as failures:
            for failure in failures.exceptions:
                key = f"{label}: {failure.code} {failure.title}"
                if key not in kinds:
                    kinds.add(key)
                    found.append(f"{key} (as {role})\n{failure.message}"[:1500])
        except requests.RequestException as exc:  # the hub dropped the connection
            found.append(f"{label} as {role}: {exc}")

    return run


@pytest.mark.contract
def test_the_openapi_document_describes_every_answer(
    hub_with_roles: tuple[LiveHub, dict[str, Any]],
) -> None:
    hub, tokens = hub_with_roles
    schema = schemathesis.openapi.from_url(f"{hub.url}/v1/openapi.json")
    load_all_checks()
    checks = [CHECKS.get_one(name) for name in CHECK_NAMES]
    found: list[str] = []
    kinds: set[str] = set()
    answered: Counter[tuple[str, int]] = Counter()
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12
    runs = [(operation, mode, None) for operation in operations
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    runs += [(operation, GenerationMode.POSITIVE, {"sha256": FILE_SHA}) for operation in operations
             if operation.path.startswith("/v1/blobs/{sha256}")]
    for operation, mode, path_parameters in runs:
        strategy = operation.as_strategy(generation_mode=mode, path_parameters=path_parameters)
        run = _exercise(operation.label, strategy, hub.url, tokens, checks, answered, kinds, found)
        try:
            run()
        except Unsatisfiable:
            # Nothing of this operation can be made invalid (no parameters, no body).
            assert mode == GenerationMode.NEGATIVE, operation.label
    assert not found, "\n\n".join(found)
    # The run reached the operations' real answers, not only refusals.
    for label, status in (("POST /v1/sync/push", 200), ("GET /v1/sync/pull", 200),
                          ("GET /v1/blobs/{sha256}", 206), ("HEAD /v1/blobs/{sha256}", 200),
                          ("HEAD /v1/blobs/{sha256}/upload", 204),
                          ("PATCH /v1/blobs/{sha256}", 409),
                          ("POST /v1/auth/token", 401)):
        assert answered[(label, status)], sorted(answered.items())


def test_the_document_lists_the_problems_of_each_operation(live_hub: LiveHub) -> None:
    doc = requests.get(f"{live_hub.url}/v1/openapi.json", timeout=10).json()
    listed = {(f"{method.upper()} {path}", int(status)): answer
              for path, operations in doc["paths"].items()
              for method, operation in operations.items()
              for status, answer in operation["responses"].items()}
    operations = {label for label, _status in listed}
    for label in operations - {"GET /v1/health"}:
        assert (label, 426) in listed, label  # the protocol gate
    for label in operations - {"GET /v1/health", "POST /v1/auth/token",
                               "OPTIONS /v1/blobs/{sha256}", "OPTIONS /v1/blobs/{sha256}/upload"}:
        assert (label, 401) in listed, label
    expected = {
        "POST /v1/auth/token": {400, 401, 413, 422, 429},
        "POST /v1/sync/push": {400, 413, 422},
        "GET /v1/sync/pull": {410, 422},
        "GET /v1/blobs/{sha256}": {404, 416},
        "HEAD /v1/blobs/{sha256}": {404, 416},
        "PUT /v1/blobs/{sha256}": {403, 404, 413, 422},
        "PATCH /v1/blobs/{sha256}": {400, 403, 404, 409, 413, 422},
        "HEAD /v1/blobs/{sha256}/upload": {403, 404},
        "GET /v1/admin/users": {403},
        "POST /v1/admin/users": {400, 403, 409, 413, 422, 429},
        "POST /v1/admin/users/{email}/disable": {403, 404, 409},
    }
    for label, statuses in expected.items():
        for status in statuses:
            content = listed[(label, status)]["content"]
            assert list(content) == ["application/problem+json"], (label, status)
    blob = doc["paths"]["/v1/blobs/{sha256}"]["options"]["responses"]["204"]
    assert "Allow" in blob["headers"]
    piece = doc["paths"]["/v1/blobs/{sha256}"]["patch"]["responses"]
    assert "Upload-Offset" in piece["204"]["headers"] and "Upload-Offset" in piece["409"]["headers"]
    envelope = doc["paths"]["/v1/sync/push"]["post"]["requestBody"]["content"][
        "application/json"]["schema"]["properties"]["client_id"]
    assert (envelope["minLength"], envelope["maxLength"]) == (1, 100)


def test_adding_a_user_that_exists_is_409(live_hub: LiveHub) -> None:
    live_hub.add_user("admin@contract.fieldnote", "Admin", "admin")
    admin = live_hub.client("admin@contract.fieldnote")
    body = {"email": "new@contract.fieldnote", "name": "New", "role": "rep",
            "password": "a long enough password"}
    assert admin.post(f"{live_hub.url}/v1/admin/users", json=body, timeout=30).status_code == 201
    again = admin.post(f"{live_hub.url}/v1/admin/users", json={**body, "email": "NEW@contract.fieldnote"},
                       timeout=30)
    assert again.status_code == 409, again.text
    assert again.headers["content-type"] == "application/problem+json"
    assert "already exists" in again.json()["detail"]
