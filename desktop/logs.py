"""Logging for the app and the commands: module loggers into a rotating file in the data dir
(the window routes Qt's own messages here too, in `desktop.app`).

Personal data (names, emails) is only ever logged at DEBUG, which is off unless asked for.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fieldnote.filemodes import private_opener

LOG_FILE = "fieldnote.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(data_dir: Path | None, *, debug: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for old in list(root.handlers):
        if getattr(old, "_fieldnote", False):
            root.removeHandler(old)
    if data_dir is not None:
        # Imported here: it takes tens of milliseconds, which the window's first paint need not pay.
        from logging.handlers import RotatingFileHandler

        class PrivateFileHandler(RotatingFileHandler):
            """Log files are created 0600, also the new one at each rotation."""

            def _open(self) -> Any:
                return open(self.baseFilename, self.mode, encoding=self.encoding,  # noqa: SIM115
                            errors=self.errors, opener=private_opener)

        handler: logging.Handler = PrivateFileHandler(
            data_dir / LOG_FILE, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler._fieldnote = True  # type: ignore[attr-defined]
        root.addHandler(handler)


