"""How `serve` logs: plain text for a terminal, or one JSON object a line on stdout for
journald and log collectors (`--log-format json`).

No personal data above DEBUG: the hub's own messages name no person (statement parameters are
hidden by the engine), and an access line, in either format, carries the path without its query
(`GET /v1/leads/lookup?email=...` would otherwise log the address looked up). A JSON access
line carries the method, the path and the status, not the client's address. At
`--log-level debug` the access line keeps the query and adds the client address, for tracing a
problem by hand.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

LOG_FORMATS = ("text", "json")
LOG_LEVELS = ("critical", "error", "warning", "info", "debug")

_ACCESS_LOGGER = "uvicorn.access"


def _without_query(path: object) -> str:
    text = str(path)
    return text.split("?", 1)[0] + ("?..." if "?" in text else "")


class AccessQueryFilter(logging.Filter):
    """Takes the query out of uvicorn's access lines unless the access log is at DEBUG: a query
    may hold personal data (the email address of a look-up)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if (record.name == _ACCESS_LOGGER and isinstance(record.args, tuple)
                and len(record.args) == 5
                and logging.getLogger(_ACCESS_LOGGER).getEffectiveLevel() > logging.DEBUG):
            client, method, path, http_version, status = record.args
            record.args = (client, method, _without_query(path), http_version, status)
        return True


def hide_queries() -> None:
    """Install `AccessQueryFilter` on uvicorn's access logger (in each serving process)."""
    access = logging.getLogger(_ACCESS_LOGGER)
    if not any(isinstance(f, AccessQueryFilter) for f in access.filters):
        access.addFilter(AccessQueryFilter())


class JsonFormatter(logging.Formatter):
    """One JSON object per record, on one line: time (UTC, ISO 8601), level, logger, message,
    and the traceback of an exception as one string."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        if record.name == _ACCESS_LOGGER and isinstance(record.args, tuple) \
                and len(record.args) == 5:
            client, method, path, http_version, status = record.args
            entry["message"] = "request"
            entry["method"] = method
            entry["path"] = str(path).split("?", 1)[0]
            entry["status"] = status
            entry["http"] = http_version
            if logging.getLogger(_ACCESS_LOGGER).getEffectiveLevel() <= logging.DEBUG:
                entry["client"] = client
        else:
            entry["message"] = record.getMessage()
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def json_log_config(level: str) -> dict[str, Any]:
    """A `logging.config.dictConfig` for uvicorn (it applies it in every worker process): the
    hub's, uvicorn's and every other logger write JSON lines to stdout. (The text format keeps
    uvicorn's own configuration.)"""
    numeric = level.upper()
    formatter = {"()": "hub.logs.JsonFormatter"}
    handler = {"class": "logging.StreamHandler", "formatter": "hub",
               "stream": "ext://sys.stdout"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"hub": formatter},
        "handlers": {"stdout": handler},
        "root": {"handlers": ["stdout"], "level": numeric},
        "loggers": {
            "uvicorn": {"handlers": [], "level": numeric, "propagate": True},
            "uvicorn.error": {"handlers": [], "level": numeric, "propagate": True},
            "uvicorn.access": {"handlers": [], "level": numeric, "propagate": True},
            "alembic": {"handlers": [], "level": "WARNING", "propagate": True},
        },
    }
