"""The `fieldnote` command line: the window's options and the headless subcommands.

Each job contributes its subcommands from its own module (a `register(subparsers, parent)`
function); handlers return an exit code and report failures as one clear line, never a trace.
"""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

from fieldnote import __version__

# Modules that add subcommands; a job whose module is not there yet simply adds none.
COMMAND_MODULES = (
    "desktop.cli.sync_commands",
    "desktop.cli.leads_commands",
    "desktop.cli.collateral_commands",
    "desktop.cli.debriefs_commands",
    "desktop.cli.insights_commands",
)

PAGES = ("leads", "collateral", "debriefs", "insights")


class CliError(Exception):
    """A failure to report as one line on stderr with an exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def common_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="DIR",
        help="where Fieldnote keeps its data (default: the user data directory)",
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    parent = common_parent()
    parser = argparse.ArgumentParser(
        prog="fieldnote",
        description="Fieldnote: capture leads, file debriefs and use collateral, offline first.",
        parents=[parent],
    )
    parser.add_argument("--version", action="version", version=f"Fieldnote {__version__}")
    parser.add_argument("--demo", action="store_true", help="run on demo data with an embedded hub")
    parser.add_argument("--hub", metavar="URL", help="the hub to sign in to and sync with")
    parser.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="render the window to PNG and exit"
    )
    parser.add_argument("--page", choices=PAGES, help="the page to open")
    parser.add_argument("--debug", action="store_true", help="verbose logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub, parent)
    return parser
