"""The log file in the data folder: the HTTP library's warnings name requests without their
queries (a look-up's email address) unless logging is at DEBUG."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desktop.logs import LOG_FILE, setup_logging

RETRY = ("Retrying (%r) after connection broken by '%r': %s", "Retry(total=1)",
         "NewConnectionError()", "/v1/leads/lookup?email=ana.silva%40example.org&x=1")


@pytest.mark.parametrize(("debug", "kept"), [(False, False), (True, True)])
def test_http_warnings_leave_queries_out_above_debug(tmp_path: Path, debug: bool, kept: bool
                                                      ) -> None:
    setup_logging(tmp_path, debug=debug)
    try:
        logging.getLogger("urllib3.connectionpool").warning(*RETRY)
        logging.getLogger("desktop.sync").info("not an HTTP line ?keep=this")
    finally:
        setup_logging(None)
    text = (tmp_path / LOG_FILE).read_text()
    assert "/v1/leads/lookup?..." in text or kept
    assert ("ana.silva" in text) is kept
    assert "Retry(total=1)" in text and "?keep=this" in text
