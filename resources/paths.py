"""Where the shipped resource files are, from the source tree or from a PyInstaller bundle.

Every program finds its icons, styles and demo files through `resource_path`; nothing may
build a resource path from the working directory, which differs between launches.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The `resources` directory: inside the unpacked bundle when frozen, else beside this file."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """The path of a resource, e.g. `resource_path("demo", "price-list-2027.pdf")`.

    Parts are relative names below `resources/`; an absolute part or `..` is refused so that a
    name read from data can never point outside the resources.
    """
    for part in parts:
        if Path(part).is_absolute() or ".." in Path(part).parts:
            raise ValueError(f"Resource names are relative to resources/: {part!r}")
    return resource_root().joinpath(*parts)
