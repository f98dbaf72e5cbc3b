"""The shipped languages are complete: every string of today's sources is extractable and has a
finished German and Spanish translation with the same placeholders, and the committed .qm
files are what the .ts files compile to (docs/translations.md)."""

import shutil
import sys
from pathlib import Path

import pytest

from tools import translations

pytestmark = pytest.mark.skipif(
    shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None
    and shutil.which("pyside6-lupdate") is None,
    reason="PySide6's lupdate is not installed",
)


def _copy_sources(root: Path) -> None:
    for source in translations.SOURCES:
        shutil.copytree(translations.ROOT / source, root / source,
                        ignore=shutil.ignore_patterns("__pycache__"))


def test_every_string_of_the_sources_is_translated_in_every_shipped_language():
    assert translations.check() == []


def test_the_check_fails_on_a_new_untranslated_string(tmp_path):
    # A copy of the sources with one new string: the shipped .ts files do not have it.
    root = tmp_path / "project"
    _copy_sources(root)
    page = root / "desktop" / "ui" / "shell" / "window.py"
    page.write_text(page.read_text(encoding="utf-8")
                    + '\n\ndef _new() -> str:\n    return MainWindow.tr("A brand-new string")\n',
                    encoding="utf-8")
    found = translations.check(root=root)
    assert any("untranslated MainWindow: 'A brand-new string'" in f for f in found)
    assert any(f.startswith("de:") for f in found) and any(f.startswith("es:") for f in found)


@pytest.mark.parametrize(("code", "reported"), [
    ("def _label(name: str) -> str:\n    return MainWindow.tr(name)\n", "MainWindow.tr(name)"),
    ("def _label(name: str) -> str:\n    return MainWindow.tr(f'{name}!')\n", "MainWindow.tr("),
    ("_t = QCoreApplication.translate\n", "alias _t = QCoreApplication.translate"),
    ("def _h() -> str:\n    return f\"<h3>{MainWindow.tr('Replies')}</h3>\"\n", "inside an f-string"),
    ("def _t(text: str) -> str:\n    return QCoreApplication.translate('pages', text)\n",
     "QCoreApplication.translate('pages', text)"),
])
def test_the_check_fails_on_text_lupdate_cannot_extract(tmp_path, code, reported):
    root = tmp_path / "project"
    _copy_sources(root)
    page = root / "desktop" / "ui" / "shell" / "window.py"
    page.write_text(page.read_text(encoding="utf-8")
                    + "\nfrom PySide6.QtCore import QCoreApplication\n\n\n" + code, encoding="utf-8")
    found = list(translations.variable_tr_calls(root))
    assert len(found) == 1 and reported in found[0]


@pytest.mark.parametrize(("source", "translation", "problem"), [
    ("Saved %1 at %2", "%1 gespeichert", "placeholders differ"),
    ("%n lead(s)", "Leads", "placeholders differ"),
    ("&Save", "Speichern", "keyboard accelerator differs"),
    ("Save", "", "untranslated"),
])
def test_a_translation_must_keep_placeholders_and_accelerators(source, translation, problem):
    message = translations.Message("Ctx", source, (translation,), True)
    assert any(p.startswith(problem) for p in translations.problems([message]))


def test_an_unfinished_translation_is_reported():
    message = translations.Message("Ctx", "Save", ("Speichern",), False)
    assert list(translations.problems([message])) == ["unfinished Ctx: 'Save'"]


def test_the_shipped_catalogues_hold_translations():
    for lang in translations.LANGUAGES:
        messages = translations.read_ts(translations.ts_path(lang))
        assert len(messages) > 500
        assert translations.qm_path(lang).stat().st_size > 10_000
