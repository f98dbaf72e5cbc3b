"""A statement the database refuses, carrying a person's email, leaves the email out of the
hub's answer and its log (statement parameters hidden; PostgreSQL's DETAIL line, which quotes
the row, left out), while the log keeps the failure and where it happened."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from tests.support.live_hub import LiveHub

EMAIL = "blocked.ana@zenith.example"


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def hub_log() -> Iterator[Collect]:
    collect = Collect()
    loggers = [logging.getLogger(n) for n in ("hub.api.problems", "uvicorn.error")]
    for logger in loggers:
        logger.addHandler(collect)
    yield collect
    for logger in loggers:
        logger.removeHandler(collect)


def test_a_refused_statement_keeps_the_email_out_of_the_answer_and_the_log(
    hub: LiveHub, hub_log: Collect
) -> None:
    hub.add_user("admin@test.fieldnote", "Ada", "admin")
    with hub.engine.begin() as conn:
        if hub.engine.dialect.name == "sqlite":
            conn.execute(text("CREATE TRIGGER refuse BEFORE INSERT ON rec_user WHEN NEW.email "
                              "LIKE 'blocked%' BEGIN SELECT RAISE(ABORT, 'refused'); END"))
        else:
            conn.execute(text("ALTER TABLE rec_user ADD CONSTRAINT refuse "
                              "CHECK (email NOT LIKE 'blocked%')"))
    admin = hub.client("admin@test.fieldnote")
    answer = admin.post(f"{hub.url}/v1/admin/users", timeout=30, json={
        "email": EMAIL, "name": "Ana Silva", "role": "rep", "password": "a long passphrase 7"})
    assert answer.status_code == 500
    assert EMAIL not in answer.text and "INSERT" not in answer.text
    log = "\n".join(hub_log.lines)
    assert "refuse" in log and "Traceback" in log
    assert EMAIL not in log
    assert "Ana Silva" not in log
