"""The programs' version, from the one place it is declared: `version` in pyproject.toml.

Installed (wheel or editable), the package metadata carries it; run from a source tree without
install metadata, pyproject.toml itself is read. Nothing else writes a version number down.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import metadata
from pathlib import Path

DISTRIBUTION = "fieldnote"
UNKNOWN = "0+unknown"  # neither metadata nor a pyproject.toml (a bundle built without either)


@functools.cache
def app_version() -> str:
    """"0.1.0": the installed distribution's version, else the source tree's pyproject.toml."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return pyproject_version(Path(__file__).resolve().parent.parent / "pyproject.toml")


def pyproject_version(path: Path) -> str:
    """`project.version` of the pyproject.toml at `path`, or UNKNOWN when there is none."""
    try:
        with path.open("rb") as fh:
            project = tomllib.load(fh).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return UNKNOWN
    if project.get("name") != DISTRIBUTION or not isinstance(project.get("version"), str):
        return UNKNOWN
    return str(project["version"])
