"""The hub's access lines name the path without its query (a look-up's email address), in the
text and JSON formats, unless the access log is at DEBUG."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from hub.logs import AccessQueryFilter, JsonFormatter

ARGS = ("127.0.0.1:5000", "GET", "/v1/leads/lookup?email=ana.silva%40example.org", "1.1", 200)


@pytest.fixture
def access_level() -> Iterator[logging.Logger]:
    access = logging.getLogger("uvicorn.access")
    level = access.level
    yield access
    access.setLevel(level)


def _record() -> logging.LogRecord:
    return logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1,
                             '%s - "%s %s HTTP/%s" %d', ARGS, None)


def test_the_query_is_left_out_above_debug(access_level: logging.Logger) -> None:
    access_level.setLevel(logging.INFO)
    record = _record()
    assert AccessQueryFilter().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /v1/leads/lookup?... HTTP/1.1" 200'
    entry = json.loads(JsonFormatter().format(record))
    assert entry["path"] == "/v1/leads/lookup" and "ana" not in json.dumps(entry)


def test_debug_keeps_the_query(access_level: logging.Logger) -> None:
    access_level.setLevel(logging.DEBUG)
    record = _record()
    AccessQueryFilter().filter(record)
    assert "ana.silva%40example.org" in record.getMessage()
