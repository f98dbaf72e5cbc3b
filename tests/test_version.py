"""The version is written once, in pyproject.toml, and every program reports that one."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from resources import version

ROOT = Path(__file__).resolve().parent.parent


def declared() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def test_without_install_metadata_the_source_trees_pyproject_is_read(monkeypatch):
    def missing(_name: str) -> str:
        raise metadata.PackageNotFoundError("fieldnote")

    version.app_version.cache_clear()
    monkeypatch.setattr(version.metadata, "version", missing)
    try:
        assert version.app_version() == declared()
    finally:
        version.app_version.cache_clear()


def test_a_pyproject_of_another_project_or_none_gives_unknown(tmp_path):
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "other"\nversion = "9.9"\n', encoding="utf-8")
    assert version.pyproject_version(other) == version.UNKNOWN
    assert version.pyproject_version(tmp_path / "missing.toml") == version.UNKNOWN
    ours = tmp_path / "ours.toml"
    ours.write_text('[project]\nname = "fieldnote"\nversion = "2.3.4"\n', encoding="utf-8")
    assert version.pyproject_version(ours) == "2.3.4"


@pytest.mark.parametrize("module, name", [("desktop", "Fieldnote"), ("hub", "fieldnote-hub")])
def test_both_programs_print_the_declared_version(module, name):
    out = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True,
                         text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == f"{name} {declared()}"


def test_no_module_declares_a_version_of_its_own():
    written = [p for pkg in ("fieldnote", "desktop", "hub") for p in (ROOT / pkg).rglob("*.py")
               if "__version__ =" in p.read_text(encoding="utf-8")]
    assert written == []
