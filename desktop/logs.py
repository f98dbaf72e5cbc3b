"""Logging for the app and the commands: module loggers into a rotating file in the data dir
(the window routes Qt's own messages here too, in `desktop.app`).

Personal data (names, emails) is only ever logged at DEBUG, which is off unless asked for; the
queries of addresses the HTTP library names in its warnings (a look-up's `?email=`) are left
out of the file above DEBUG. A log
file that cannot be written (a full disk, a read-only folder) never stops the program and
never prints a traceback: logging goes on without the file, after one line on stderr.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path
from typing import Any

from fieldnote.filemodes import private_opener

LOG_FILE = "fieldnote.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_QUERY = re.compile(r"\?[^\s'\"()]+")


class HideQueries(logging.Filter):
    """Takes the query out of the addresses in the HTTP library's messages (its retry warnings
    name the request, whose query may hold an email address), unless logging is at DEBUG."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("urllib3") and \
                logging.getLogger().getEffectiveLevel() > logging.DEBUG:
            record.msg = _QUERY.sub("?...", record.getMessage())
            record.args = ()
        return True


def setup_logging(data_dir: Path | None, *, debug: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    for old in list(root.handlers):
        if getattr(old, "_fieldnote", False):
            root.removeHandler(old)
            old.close()
    if data_dir is not None:
        handler = _quiet_file_handler(data_dir / LOG_FILE)
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(HideQueries())
        handler._fieldnote = True  # type: ignore[attr-defined]
        root.addHandler(handler)


def _quiet_file_handler(path: Path) -> logging.Handler:
    # Imported here: it takes tens of milliseconds, which the window's first paint need not pay.
    from logging.handlers import RotatingFileHandler

    class QuietRotatingFileHandler(RotatingFileHandler):
        """A rotating log file, private to the user, that, when a record cannot be written,
        says so once on stderr and drops the records after it, instead of printing logging's
        traceback each time."""

        failed = False

        def _open(self) -> Any:
            # Log files are created 0600, also the new one at each rotation.
            return open(self.baseFilename, self.mode, encoding=self.encoding,  # noqa: SIM115
                        errors=self.errors, opener=private_opener)

        def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
            self._give_up(sys.exc_info()[1])

        def emit(self, record: logging.LogRecord) -> None:
            if not self.failed:
                super().emit(record)

        def flush(self) -> None:
            try:
                super().flush()
            except OSError as exc:  # what stayed in the buffer cannot be written either
                self._give_up(exc)

        def close(self) -> None:
            try:
                super().close()
            except OSError as exc:
                self._give_up(exc)

        def _give_up(self, reason: BaseException | None) -> None:
            if self.failed:
                return
            self.failed = True
            detail = getattr(reason, "strerror", None) or type(reason).__name__
            try:
                sys.stderr.write(f"fieldnote: cannot write the log file {self.baseFilename} "
                                 f"({detail}); going on without it\n")
            except Exception:  # stderr itself is gone: nothing more to say
                pass

    kwargs: dict[str, Any] = {"maxBytes": 2_000_000, "backupCount": 3, "encoding": "utf-8"}
    try:
        return QuietRotatingFileHandler(path, **kwargs)
    except OSError:  # the folder refuses the file: fail at the first record, quietly
        return QuietRotatingFileHandler(path, delay=True, **kwargs)
