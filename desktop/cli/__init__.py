"""The `fieldnote` command line: the window's options and the headless subcommands.

Each job contributes its subcommands from its own module (a `register(subparsers, parent)`
function); handlers return an exit code and report failures as one clear line, never a trace.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import settings

# Each subcommand, and the module whose `register` adds it (and its siblings). A module is
# imported only when its command is the one being run, or for --help: the window's start does
# not pay for the headless commands' imports.
COMMANDS = {
    "signin": "desktop.cli.sync_commands",
    "signout": "desktop.cli.sync_commands",
    "sync": "desktop.cli.sync_commands",
    "status": "desktop.cli.sync_commands",
    "leads": "desktop.cli.leads_commands",
    "events": "desktop.cli.events_commands",
    "collateral": "desktop.cli.collateral_commands",
    "debriefs": "desktop.cli.debriefs_commands",
    "insights": "desktop.cli.insights_commands",
    "routing": "desktop.cli.followups_commands",
    "followups": "desktop.cli.followups_commands",
    "settings": "desktop.cli.settings_commands",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))

# The window's options that take a value: the word after one is never the command.
_VALUE_OPTIONS = ("--data-dir", "--hub", "--screenshot", "--size", "--page", "--locale",
                  "--event")

PAGES = ("leads", "collateral", "debriefs", "insights")
# `--page capture`: the Leads page on its capture form, the scan field ready (a booth laptop).
CAPTURE_PAGE = "capture"

# The window's smallest size (MainWindow's minimum) and a sane largest for `--size`.
MIN_WINDOW_SIZE = settings.MIN_WINDOW_SIZE
MAX_WINDOW_SIZE = (7680, 4320)


# Exit codes every command shares (docs/commands.md lists each command's own): 0 done, 1 failed
# (one line says why), 2 usage error (argparse), 5 the disk is full (nothing half-written; free
# space and run it again), 130 interrupted.
EXIT_DISK_FULL = 5


class CliError(Exception):
    """A failure to report as one line on stderr with an exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class _Version(argparse.Action):
    """--version: the version is read (from the package's metadata, tens of ms) only when asked."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from resources.version import app_version

        sys.stdout.write(f"Fieldnote {app_version()}\n")
        parser.exit()


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


def window_size(text: str) -> tuple[int, int]:
    """`--size`'s value: "1024x640" -> (1024, 640), within the window's smallest and largest."""
    width, sep, height = text.strip().lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1024x640")
    size = (int(width), int(height))
    (min_w, min_h), (max_w, max_h) = MIN_WINDOW_SIZE, MAX_WINDOW_SIZE
    if not (min_w <= size[0] <= max_w and min_h <= size[1] <= max_h):
        raise argparse.ArgumentTypeError(
            f"{text!r} is outside {min_w}x{min_h} .. {max_w}x{max_h}"
        )
    return size


def _command_word(argv: Sequence[str]) -> str | None:
    """The first positional word of `argv` (argparse's subcommand), or None if there is none."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word == "--":
            return None
        elif word in _VALUE_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def _modules_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    """Which command modules the parser needs for `argv`: all of them unless it is known
    that at most one command (or none) is asked for."""
    if argv is None:
        return COMMAND_MODULES
    word = _command_word(argv)
    if word is None:
        return () if not any(w in ("-h", "--help") for w in argv) else COMMAND_MODULES
    module = COMMANDS.get(word)
    return (module,) if module is not None else COMMAND_MODULES


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The full parser, or with `argv`, one that registers only the command modules that
    parsing `argv` needs; the same command lines are accepted and rejected either way."""
    parent = common_parent()
    parser = argparse.ArgumentParser(
        prog="fieldnote",
        description="Fieldnote: capture leads, file debriefs and use collateral, offline first.",
        parents=[parent],
    )
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="show program's version number and exit")
    parser.add_argument("--demo", action="store_true", help="run on demo data with an embedded hub")
    parser.add_argument("--hub", metavar="URL", help="the hub to sign in to and sync with")
    parser.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="render the window to PNG and exit"
    )
    parser.add_argument(
        "--size", type=window_size, metavar="WxH",
        help="with --screenshot: the window's size in pixels, e.g. 1024x640 or 1920x1080",
    )
    parser.add_argument(
        "--page", choices=(*PAGES, CAPTURE_PAGE),
        help="the page to open; capture: the Leads page's capture form, ready for a scan",
    )
    parser.add_argument(
        "--select-first", action="store_true",
        help="with --screenshot: show the page's first lead, debrief or item selected",
    )
    parser.add_argument(
        "--locale", metavar="NAME",
        help="the window's language for this run, e.g. de_DE (default: the locale setting)",
    )
    parser.add_argument(
        "--kiosk", action="store_true",
        help="open as a full-screen form visitors fill in themselves (needs --event; leaving "
        "asks for the PIN set at the start)",
    )
    parser.add_argument(
        "--board", action="store_true",
        help="show an event's booth board, its goals and each staff member's progress, full "
        "screen (on a second screen when there is one; needs --event)",
    )
    parser.add_argument(
        "--event", metavar="NAME_OR_ID",
        help="with --kiosk: the event visitors sign up for; with --board: the event shown",
    )
    parser.add_argument("--debug", action="store_true", help="verbose logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = _modules_for(argv)
    for name in COMMAND_MODULES:
        if name not in wanted:
            # Its commands cannot be chosen: their words are not in argv, and a word that is
            # no command at all loads every module (for argparse's "invalid choice" list).
            continue
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub, parent)
    return parser
